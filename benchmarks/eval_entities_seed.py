"""Entities of the seed article, scored by ../shared/eval/score_segmentation.py (entity part).

    python -m benchmarks.eval_entities_seed              # the seed through the service (current segmentation)
    python -m benchmarks.eval_entities_seed --gold-blocks # the entities stage on the gold blocks, credits, bylines

The first shows what the service returns today; the second shows what the entities stage does once segmentation
classifies blocks and finds credit spans correctly. PRED files go to ``benchmarks/out/``; skips with a message
when ../shared/eval is absent.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
from typing import Any

from app.pipeline.concurrency import WorkerPool
from app.pipeline.document import Block, Byline, Caption, CreditSpan, Doc
from app.pipeline.stages.entities import EntitiesStage
from app.schemas.document import to_public
from app.settings import Settings
from benchmarks.eval_ner import ROOT, write

EVAL = ROOT.parent / "shared" / "eval"
SEED = EVAL / "seed"
OUT = ROOT / "benchmarks" / "out"


def _block_of(blocks: tuple[Block, ...], start: int) -> int:
    return next(b.index for b in blocks if b.start <= start < b.end)


def gold_doc(text: str, gold: dict[str, Any]) -> Doc:
    """A document with the gold blocks, bylines, caption editor's notes and credit spans (no model output)."""
    doc = Doc.create(text, doc_id="seed-000")
    doc.blocks = tuple(
        Block(b["index"], b["kind"], text[b["start"] : b["end"]], b["start"], b["end"], 1.0) for b in gold["blocks"]
    )
    doc.bylines = tuple(Byline(b["name"], b["start"], b["end"]) for b in gold["bylines"])
    doc.credit_spans = tuple(
        CreditSpan(c["raw"], c["start"], c["end"], _block_of(doc.blocks, c["start"]), None, False)
        for c in gold["image_credits"]
    )
    doc.captions = tuple(
        Caption(
            c["text"],
            c["start"],
            c["end"],
            _block_of(doc.blocks, c["start"]),
            None,
            c.get("editor_note"),
            (c.get("editor_note_span") or {}).get("start"),
            (c.get("editor_note_span") or {}).get("end"),
        )
        for c in gold["captions"]
    )
    return doc


async def with_gold_blocks(text: str, gold: dict[str, Any], settings: Settings) -> dict[str, Any]:
    stage = EntitiesStage(settings, WorkerPool(2))
    await stage.load()
    try:
        doc = gold_doc(text, gold)
        await stage.run(doc)
    finally:
        await stage.close()
    return to_public(doc).model_dump(by_alias=True, mode="json")


async def through_service(text: str, settings: Settings) -> dict[str, Any]:
    import httpx

    from app.main import create_app

    app = create_app(settings)
    async with app.router.lifespan_context(app):
        await app.state.loader
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench", timeout=120) as client:
            r = await client.post("/v1/enrich", json={"text": text, "id": "seed-000"})
            r.raise_for_status()
            document: dict[str, Any] = r.json()
            return document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold-blocks", action="store_true", help="run the stage on the gold segmentation")
    args = parser.parse_args()
    if not (SEED / "gold.json").is_file():
        print(f"skipped: {SEED} is not there")
        return
    with open(SEED / "article.txt", encoding="utf-8", newline="") as fh:
        text = fh.read()
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))["gold"]
    settings = Settings.model_validate({"log_json": False, "log_level": "WARNING"})
    if args.gold_blocks:
        document = asyncio.run(with_gold_blocks(text, gold, settings))
    else:
        document = asyncio.run(through_service(text, settings))
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"seed-pred-{'gold-blocks' if args.gold_blocks else 'service'}.jsonl"
    write(path, [{"id": "seed-000", "document": document}])
    done = subprocess.run(
        [sys.executable, str(EVAL / "score_segmentation.py"), "--gold", str(SEED / "gold.json"), "--pred", str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    print(done.stdout[done.stdout.find("seed entities") :].rstrip() or done.stdout)
    for e in document["entities"]:
        print(f"  {e['label']:8s} {e['text']!r} aliases={e['aliases']} n={e['mention_count']} s={e['salience']}")


if __name__ == "__main__":
    main()
