"""Cost of the default pipeline: its wall time over the sum of its model calls' own time, and each model's share.

    python -m benchmarks.cost                  # the eval articles when ../shared/eval exists, else synthetic ones
    python -m benchmarks.cost --limit 50

In one run: the in-process service (default settings, cache off) enriches every article at concurrency 1 and at
concurrency 8 while each micro-batcher records its model calls (items and duration). The articles go in rounds of
``--round`` articles; after each round every call recorded in it is replayed ALONE, in the model's own thread, with
nothing else running: the sum of those times is the work the models must do. Measuring both sides round by round
keeps the ratio honest on a machine whose speed drifts by 5-10 % over minutes (a replay run once at the end made the
ratio swing between 1.08 and 1.27 from run to run). The glue overhead is wall time / that sum (1.0 = nothing but
model time; target <= 1.2). Also reported per model: its share of the wall time, and its throughput alone (words/s
for NER over the words it was sent, sentences/s for the embedding model).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.nlp.batcher import MicroBatcher
from app.service import EnrichmentService
from benchmarks.articles import articles as synthetic_articles
from benchmarks.settings import benchmark_settings

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "benchmarks" / "out"


def load_articles(limit: int) -> tuple[list[str], str]:
    """News texts to run: the eval corpora's inputs when present (read only, never copied), else synthetic."""
    texts: list[str] = []
    captions, cnndm = EVAL / "captions" / "dev.jsonl", EVAL / "summaries" / "cnndm-dev.jsonl"
    if captions.is_file() and cnndm.is_file():
        texts += [json.loads(line)["text"] for line in captions.read_text(encoding="utf-8").splitlines() if line]
        texts += [json.loads(line)["article"] for line in cnndm.read_text(encoding="utf-8").splitlines() if line]
        source = "../shared/eval captions/dev.jsonl (text) + summaries/cnndm-dev.jsonl (article)"
    else:
        texts = synthetic_articles(limit)
        source = "synthetic articles (benchmarks/articles.py); ../shared/eval not found"
    return texts[:limit], source


def batchers_of(service: EnrichmentService) -> list[MicroBatcher[Any, Any]]:
    found = []
    for stage in service.pipeline.stages:
        for value in vars(stage).values():
            if isinstance(value, MicroBatcher):
                found.append(value)
    return found


async def run(service: EnrichmentService, texts: Sequence[str], concurrency: int) -> float:
    queue = list(reversed(texts))
    started = time.perf_counter()

    async def worker() -> None:
        while queue:
            document = await service.enrich(queue.pop())
            bad = [s.name for s in document.pipeline.stages if s.status not in ("ok", "skipped")]
            if bad:
                raise RuntimeError(f"stages {bad} did not succeed")

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started


async def replay(batcher: MicroBatcher[Any, Any]) -> tuple[float, int, int]:
    """Seconds to run the recorded calls alone, and how many items and words they held."""
    assert batcher.trace is not None
    seconds, items, words = 0.0, 0, 0
    for batch, _ in batcher.trace:
        started = time.perf_counter()
        await batcher.run_direct(batch)
        seconds += time.perf_counter() - started
        items += len(batch)
        words += sum(len(str(item).split()) for item in batch)
    return seconds, items, words


async def measure(texts: Sequence[str], concurrency: int, round_size: int) -> dict[str, Any]:
    service = EnrichmentService(benchmark_settings(concurrency))
    await service.load()
    batchers = batchers_of(service)
    totals = {b.name: {"calls": 0, "items": 0, "words": 0, "alone": 0.0, "inside": 0.0} for b in batchers}
    wall = 0.0
    for start in range(0, len(texts), round_size):
        for batcher in batchers:
            batcher.trace = []
        wall += await run(service, texts[start : start + round_size], concurrency)
        for batcher in batchers:
            assert batcher.trace is not None
            total = totals[batcher.name]
            total["calls"] += len(batcher.trace)
            total["inside"] += sum(seconds for _, seconds in batcher.trace)
            alone, items, words = await replay(batcher)
            total["alone"] += alone
            total["items"] += items
            total["words"] += words
    await service.close()
    models: dict[str, Any] = {}
    for name, t in totals.items():
        alone = t["alone"]
        models[name] = {
            "calls": t["calls"],
            "items": t["items"],
            "words": t["words"],
            "seconds_alone": round(alone, 3),
            "seconds_inside_pipeline": round(t["inside"], 3),
            "share_of_wall": round(alone / wall, 3),
            "items_per_s_alone": round(t["items"] / alone, 1) if alone else None,
            "words_per_s_alone": round(t["words"] / alone, 1) if alone else None,
        }
    total_alone = sum(t["alone"] for t in totals.values())
    return {
        "concurrency": concurrency,
        "documents": len(texts),
        "wall_seconds": round(wall, 3),
        "model_seconds_alone": round(total_alone, 3),
        "glue_overhead": round(wall / total_alone, 3) if total_alone else None,
        "documents_per_s": round(len(texts) / wall, 2),
        "models": models,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=200, help="most articles")
    parser.add_argument("--round", type=int, default=20, help="articles per round (run, then replay alone)")
    args = parser.parse_args()
    texts, source = load_articles(args.limit)
    print(f"{len(texts)} articles from {source}", flush=True)
    results = []
    for concurrency in (1, 8):
        result = asyncio.run(measure(texts, concurrency, args.round))
        results.append(result)
        print(json.dumps(result, indent=2), flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "cost.json").write_text(json.dumps({"source": source, "runs": results}, indent=2))
    print("\n| concurrency | docs | wall s | model s (alone) | glue overhead | docs/s | model shares |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        shares = ", ".join(f"{name} {m['share_of_wall']:.0%}" for name, m in r["models"].items())
        print(
            f"| {r['concurrency']} | {r['documents']} | {r['wall_seconds']} | {r['model_seconds_alone']} | "
            f"{r['glue_overhead']} | {r['documents_per_s']} | {shares} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
