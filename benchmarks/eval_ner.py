"""CoNLL-2003 test NER through the service (or the model directly), scored by ../shared/eval/score_ner.py.

    python -m benchmarks.eval_ner                       # every document through the service in-process
    python -m benchmarks.eval_ner --direct --variants   # the entity rules switched on one by one (no service)

The service path sends each document as ``POST /v1/enrich`` (stages: entities) to ``app.main.create_app`` over
httpx's ASGI transport, after the lifespan has loaded and warmed the models. ``--direct`` runs the same
segmentation, model and rules without the service, for comparing variants quickly. PRED files go to
``benchmarks/out/``. Skips with a message when ../shared/eval is absent.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from app.nlp.ner import NerBackend, NerSpan, build_ner_backend
from app.pipeline.document import Doc
from app.pipeline.stages.entities import (
    EntityRules,
    build_entities,
    join_for_context,
    load_resources,
    prepare_inputs,
    split_spans,
)
from app.settings import Settings
from app.text.segment import segment
from benchmarks.ner_errors import analyse
from benchmarks.settings import benchmark_settings

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "benchmarks" / "out"
SPLITS = {"test": EVAL / "ner" / "conll2003-test.txt", "dev": EVAL / "ner" / "conll2003-dev.txt"}
CONLL = SPLITS["test"]  # the final figure; --split dev for choosing rules and settings (never tune on test)
SCORER = EVAL / "score_ner.py"

_STEPS = (
    "truecase",
    "clean",
    "places",
    "initial_words",
    "teams",
    "datelines",
    "affiliations",
    "people",
    "heads",
    "short_names",
    "roles",
    "harmonise",
    "propagate",
    "team_names",
    "nationalities",
    "gpe",
    "agencies",
    "voices",
)
OFF = EntityRules(**dict.fromkeys(_STEPS, False))  # every rule off (split_names only matters with clean on)


def _variants() -> dict[str, EntityRules]:
    """raw; then each rule added to the ones before ("+x"); then each rule left out of the full set ("-x"); then
    the two backends' default sets."""
    out = {"raw": OFF, "spacy-default": EntityRules.for_backend("spacy")}
    out["trained-default"] = EntityRules.for_backend("transformers")
    on: dict[str, bool] = {}
    for step in _STEPS:
        on[step] = True
        out[f"+{step}"] = replace(OFF, **on)
    for step in _STEPS:
        out[f"-{step}"] = replace(EntityRules(), **{step: False})
    return out


VARIANTS = _variants()


def build_docs(path: Path, conll: Path = CONLL) -> list[dict[str, str]]:
    """The scorer's input documents ({"id", "text"})."""
    subprocess.run(
        [sys.executable, str(SCORER), "docs", "--conll", str(conll), "--out", str(path)],
        check=True,
        capture_output=True,
    )
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(pred: Path, conll: Path = CONLL) -> dict[str, Any]:
    """Run the scorer and return its JSON metrics."""
    done = subprocess.run(
        [sys.executable, str(SCORER), "score", "--conll", str(conll), "--pred", str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _f(m: dict[str, Any]) -> str:
    return f"{m['precision']:.3f} {m['recall']:.3f} {m['f1']:.3f}"


def report(name: str, metrics: dict[str, Any]) -> str:
    """One table line: overall and per-type P R F1."""
    types = metrics["per_type"]
    return f"{name:24s} {_f(metrics['micro'])} | " + " | ".join(
        f"{t} {types[t]['f1']:.3f}" for t in ("PER", "ORG", "LOC", "MISC")
    )


class DirectRunner:
    """Segmentation, model and rules without the service; model outputs cached per model text."""

    def __init__(self, backend: NerBackend, context_chars: int = 0) -> None:
        self.backend = backend
        self.context_chars = context_chars
        self.resources = load_resources()
        self.cache: dict[str, list[NerSpan]] = {}
        self.model_seconds = 0.0

    def run(self, docs: list[dict[str, str]], rules: EntityRules) -> list[dict[str, Any]]:
        staged = []
        for d in docs:
            doc = Doc.create(d["text"], doc_id=d["id"])
            seg = segment(doc.text)
            doc.blocks, doc.bylines, doc.credit_spans = seg.blocks, seg.bylines, seg.credits
            inputs = prepare_inputs(doc, self.resources, rules)
            staged.append((doc, inputs, join_for_context(inputs, self.context_chars)))
        todo = sorted({j.text for _, _, joined in staged for j in joined} - self.cache.keys())
        started = time.perf_counter()
        for lo in range(0, len(todo), 256):
            chunk = todo[lo : lo + 256]
            self.cache.update(zip(chunk, self.backend.predict(chunk), strict=True))
        self.model_seconds += time.perf_counter() - started
        out = []
        for doc, inputs, joined in staged:
            spans = split_spans(joined, [self.cache[j.text] for j in joined], len(inputs))
            entities = build_entities(doc, inputs, spans, self.resources, rules)
            out.append(
                {
                    "id": doc.id,
                    "entities": [
                        {"start": m.start, "end": m.end, "label": e.label} for e in entities for m in e.mentions
                    ],
                }
            )
        return out


async def through_service(
    docs: list[dict[str, str]], settings: Settings, concurrency: int
) -> tuple[list[dict[str, Any]], float]:
    """Every document through POST /v1/enrich of the in-process app; returns PRED lines and the seconds the
    requests took (after the models were loaded and warmed)."""
    import httpx

    from app.main import create_app

    app = create_app(settings)
    out: list[dict[str, Any]] = []
    seconds = 0.0
    async with app.router.lifespan_context(app):
        await app.state.loader
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench", timeout=600) as client:
            ready = await client.get("/readyz")
            if ready.status_code != 200:
                raise SystemExit(f"service not ready: {ready.text}")
            gate = asyncio.Semaphore(concurrency)

            async def one(d: dict[str, str]) -> dict[str, Any]:
                async with gate:
                    r = await client.post("/v1/enrich", json={"text": d["text"], "id": d["id"], "stages": ["entities"]})
                    r.raise_for_status()
                    document = r.json()
                    bad = [s for s in document["pipeline"]["stages"] if s["status"] == "failed"]
                    if bad:
                        raise SystemExit(f"{d['id']}: stage failed: {bad}")
                    return {"id": d["id"], "document": document}

            began = time.perf_counter()
            out = list(await asyncio.gather(*(one(d) for d in docs)))
            seconds = time.perf_counter() - began
    return out, seconds


def write(path: Path, lines: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--direct", action="store_true", help="run the model and rules without the service")
    parser.add_argument("--variants", action="store_true", help="with --direct: score every rule variant")
    parser.add_argument("--context", type=int, default=None, help="with --direct: context chars (0 = one block)")
    parser.add_argument("--only", default="", help="with --variants: comma-separated variant names (raw,-truecase)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight (service mode)")
    parser.add_argument("--errors", action="store_true", help="print an error analysis of the (last) PRED file")
    parser.add_argument(
        "--split",
        choices=sorted(SPLITS),
        default="test",
        help="dev (eng.testa) to choose rules and settings; test (eng.testb) for the final figure only",
    )
    args = parser.parse_args()
    conll = SPLITS[args.split]
    if not conll.is_file() or not SCORER.is_file():
        print(f"skipped: {EVAL} (CoNLL-2003 {args.split} and score_ner.py) is not there")
        return
    OUT.mkdir(parents=True, exist_ok=True)
    tag = "" if args.split == "test" else f"-{args.split}"
    docs = build_docs(OUT / f"conll{tag}-docs.jsonl", conll)
    if args.limit:
        docs = docs[: args.limit]
    settings = benchmark_settings(args.concurrency)
    words = sum(len(d["text"].split()) for d in docs)
    print(f"{len(docs)} CoNLL-2003 {args.split} documents, {words} words; NER backend {settings.ner_backend}")
    print(f"{'variant':24s} P     R     F1    | per-type F1")
    if args.direct:
        backend = build_ner_backend(settings)
        backend.load()
        runner = DirectRunner(backend, settings.ner_context_chars if args.context is None else args.context)
        default = EntityRules.for_backend(settings.ner_backend)
        chosen = VARIANTS if args.variants else {"default": default}
        if args.only:
            chosen = {"default": default} | {n: VARIANTS[n] for n in args.only.split(",") if n in VARIANTS}
        for name, rules in chosen.items():
            path = OUT / f"conll{tag}-pred-direct-{name.strip('+-( )').replace(' ', '_')}.jsonl"
            write(path, runner.run(docs, rules))
            print(report(name, score(path, conll)), flush=True)
        print(f"model time {runner.model_seconds:.1f} s ({backend.model})")
        if args.errors:
            print(analyse(conll, SCORER, path))
        return
    started = time.perf_counter()
    pred, seconds = asyncio.run(through_service(docs, settings, args.concurrency))
    elapsed = time.perf_counter() - started
    path = OUT / f"conll{tag}-pred-service.jsonl"
    write(path, pred)
    metrics = score(path, conll)
    print(report("service (default)", metrics))
    print(f"untyped span F1 {metrics['untyped']['f1']:.3f}; wall {elapsed:.1f} s incl. model load")
    print(f"requests {seconds:.1f} s: {words / seconds:,.0f} words/s (segmentation, language, entities; 2 cores)")
    models = {s["model"] for p in pred[:1] for s in p["document"]["pipeline"]["stages"] if s["name"] == "entities"}
    print(f"load average {os.getloadavg()}; entities model {', '.join(sorted(map(str, models)))}")
    print(f"PRED: {path.relative_to(ROOT)}")
    if args.errors:
        print(analyse(conll, SCORER, path))


if __name__ == "__main__":
    main()
