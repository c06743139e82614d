"""Does a document depend on what else is in flight? The same articles one at a time and eight at a time.

    python -m benchmarks.batch_invariance                  # the eval articles when ../shared/eval exists
    python -m benchmarks.batch_invariance --limit 60
    python -m benchmarks.batch_invariance --onnx-dir /tmp/fp32   # the exports under DIR (e.g. fp32 ones)

The int8 models quantise their activations per forward pass (ONNX Runtime dynamic quantisation: one scale per
input tensor), so a sentence's vector and a window's labels move a little with the other rows of the pass. With
``ENRICH_MAX_ACTIVE_DOCS=1`` (the default) a pass holds one article's sentences or windows only, so a document is
the same whatever the load; with more documents at once the micro-batchers put several articles in one pass. This
runs the in-process service (cache off) on the same articles with one document at a time, then with eight at a
time (``max_active_docs=8``), and twice one at a time (a check that the run itself is repeatable), and counts the
articles whose summary (its sentences) or entities (text, label and offsets of every mention) differ.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Sequence
from pathlib import Path

from app.schemas.document import EnrichedDocument
from app.service import EnrichmentService
from benchmarks.cost import load_articles
from benchmarks.settings import benchmark_settings

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"


def fingerprint(document: EnrichedDocument) -> tuple[tuple[str, ...], tuple[tuple[str, str, int, int], ...]]:
    """What a reader compares: the summary's sentences and every entity mention."""
    summary = tuple(s.text for s in document.summary.sentences) if document.summary else ()
    mentions = tuple(sorted((m.text, e.label, m.start, m.end) for e in document.entities or [] for m in e.mentions))
    return summary, mentions


async def enrich_all(texts: Sequence[str], concurrency: int, onnx_dir: Path | None) -> list[EnrichedDocument]:
    overrides = {"onnx_dir": onnx_dir} if onnx_dir is not None else {}
    service = EnrichmentService(benchmark_settings(concurrency, **overrides))
    await service.load()
    try:
        if concurrency == 1:
            return [await service.enrich(text) for text in texts]
        return list(await asyncio.gather(*(service.enrich(text) for text in texts)))
    finally:
        await service.close()


def compare(a: Sequence[EnrichedDocument], b: Sequence[EnrichedDocument]) -> dict[str, int]:
    pairs = [(fingerprint(x), fingerprint(y)) for x, y in zip(a, b, strict=True)]
    return {
        "articles": len(pairs),
        "summary_differs": sum(1 for x, y in pairs if x[0] != y[0]),
        "entities_differ": sum(1 for x, y in pairs if x[1] != y[1]),
        "mentions": sum(len(x[1]) for x, _ in pairs),
        "mentions_not_in_both": sum(len(set(x[1]) ^ set(y[1])) for x, y in pairs),
    }


async def main_async(args: argparse.Namespace) -> dict[str, object]:
    texts, source = load_articles(args.limit)
    alone = await enrich_all(texts, 1, args.onnx_dir)
    again = await enrich_all(texts, 1, args.onnx_dir)
    together = await enrich_all(texts, 8, args.onnx_dir)
    models = [s.model for s in alone[0].pipeline.stages if s.model] if alone else []
    return {
        "articles": source,
        "models": models,
        "one_at_a_time_twice": compare(alone, again),
        "one_at_a_time_vs_eight_at_a_time": compare(alone, together),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=60, help="articles (default 60)")
    parser.add_argument("--onnx-dir", type=Path, default=None, help="ENRICH_ONNX_DIR for the run")
    args = parser.parse_args()
    report = asyncio.run(main_async(args))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "batch_invariance.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
