"""Summary quality through the service: ROUGE on CNN/DailyMail dev against Lead-3, and caption/credit leaks.

    python -m benchmarks.eval_summary                 # both modes
    python -m benchmarks.eval_summary --mode rouge    # CNN/DM dev: ROUGE-1/2/L/Lsum vs Lead-3, same run
    python -m benchmarks.eval_summary --mode leaks    # both captions files: summaries quoting a caption or credit

Every article goes through the real API in-process (``app.main.create_app``, lifespan started, models loaded
and warmed, httpx over ASGITransport), several at a time so that the micro-batcher groups their sentences. The
documents are written to benchmarks/out/ (git-ignored) and scored with ``../shared/eval/score_summary.py``, which
computes Lead-3 in the same run. Skips with a message when ``../shared/eval`` is absent.

CNN/DM records are one unbroken paragraph without a headline; each is sent exactly as it is (segmentation makes
it one body block).

Leaks: a summary sentence leaks when it matches a gold caption (word-token sets containing each other at >= 0.8
both ways, as score_segmentation.py matches captions), holds a whole gold caption of at least 5 words (as a
normalised substring), or
contains a gold credit string that the article's gold body does not itself contain. The gold captions and
credits are used for counting only; the service never sees them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import subprocess
import sys
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

from app.main import create_app
from app.pipeline.stages.summary import SummaryStage
from benchmarks.settings import benchmark_settings

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "benchmarks" / "out"
METRICS = ("rouge1", "rouge2", "rougeL", "rougeLsum")
TARGETS = ("rouge1", "rouge2", "rougeL")
_TOKEN = re.compile(r"\w+")
_WS = re.compile(r"\s+")


async def enrich_all(items: Sequence[tuple[str, str]], *, concurrency: int) -> tuple[list[dict[str, Any]], str]:
    """POST every (id, text) to /v1/enrich (stages: summary and its prerequisites); the documents, in order."""
    app = create_app(benchmark_settings(concurrency))
    async with app.router.lifespan_context(app):
        await app.state.loader
        service = app.state.service
        if not service.ready:
            raise SystemExit(f"the service did not become ready: {service.readiness.detail}")
        gate = asyncio.Semaphore(concurrency)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://eval", timeout=900) as client:

            async def one(doc_id: str, text: str) -> dict[str, Any]:
                async with gate:
                    response = await client.post("/v1/enrich", json={"id": doc_id, "text": text, "stages": ["summary"]})
                if response.status_code != 200:
                    raise SystemExit(f"{doc_id}: HTTP {response.status_code}: {response.text[:300]}")
                document: dict[str, Any] = response.json()
                return document

            started = time.perf_counter()
            documents = await asyncio.gather(*(one(i, t) for i, t in items))
            wall = time.perf_counter() - started
        stage = next(s for s in service.pipeline.stages if isinstance(s, SummaryStage))
        batcher = stage.embedding_batcher
        stats = (
            f"{len(items)} articles in {wall:.1f} s ({concurrency} at a time); embedding model calls: "
            f"{batcher.batches_run}, largest batch {batcher.largest_batch} sentences"
        )
    return list(documents), stats


def _stage_problems(documents: Sequence[dict[str, Any]]) -> list[str]:
    problems = []
    for d in documents:
        bad = [f"{s['name']}={s['status']}" for s in d["pipeline"]["stages"] if s["status"] not in ("ok", "skipped")]
        if bad:
            problems.append(f"{d['id']}: {', '.join(bad)}")
    return problems


def _write(path: Path, documents: Sequence[dict[str, Any]]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for d in documents:
            fh.write(json.dumps({"id": d["id"], "document": d}, ensure_ascii=False) + "\n")


def run_rouge(concurrency: int, limit: int | None) -> bool:
    gold_path = EVAL / "summaries" / "cnndm-dev.jsonl"
    records = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        records = records[:limit]
    items = [(r["id"], r["article"]) for r in records]
    documents, stats = asyncio.run(enrich_all(items, concurrency=concurrency))
    pred = OUT / "summary_cnndm_pred.jsonl"
    _write(pred, documents)
    gold = gold_path
    if limit:
        gold = OUT / "summary_cnndm_gold_subset.jsonl"
        gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(EVAL / "score_summary.py"), "--gold", str(gold), "--pred", str(pred), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(done.stderr.strip())
        return False
    m = json.loads(done.stdout)
    print(f"ROUGE on CNN/DailyMail dev ({m['articles']} articles, {m['empty_summaries']} empty summaries); {stats}")
    print(f"{'':<10} {'ours':>7} {'Lead-3':>7} {'ratio':>7}")
    for k in METRICS:
        print(f"{k:<10} {100 * m['ours'][k]:7.2f} {100 * m['lead3'][k]:7.2f} {m['ratio_ours_to_lead3'][k]:7.3f}")
    words = m["mean_words"]
    print(f"mean words: ours {words['ours']:.1f}, Lead-3 {words['lead3']:.1f}, reference {words['reference']:.1f}")
    problems = _stage_problems(documents)
    if problems:
        print(f"stages not ok in {len(problems)} documents: {problems[:5]}")
    ok = all(m["ours"][k] >= m["lead3"][k] for k in TARGETS)
    print(f"target ROUGE-1/2/L >= Lead-3: {'met' if ok else 'NOT met'}")
    return ok and not problems


def _norm(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def _tokens(text: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(_norm(text)))


def _contains(haystack: str, needle: str) -> bool:
    """Whole-word containment of a normalised credit string."""
    pattern = (
        (r"(?<!\w)" if needle[:1].isalnum() else "") + re.escape(needle) + (r"(?!\w)" if needle[-1:].isalnum() else "")
    )
    return re.search(pattern, haystack) is not None


def leaks_of(sentences: Sequence[str], gold: dict[str, Any]) -> list[str]:
    """The summary sentences that quote a gold caption or a gold credit (see the module docstring)."""
    captions = [(_tokens(c["text"]), _norm(c["text"]).rstrip(" .")) for c in gold["captions"] if c.get("text")]
    body = _norm(" ".join(gold.get("body_paragraphs", [])))
    credits = {_norm(c) for c in [*gold.get("credits", []), *(c.get("credit") or "" for c in gold["captions"])]}
    credits = {c.strip("()[] ") for c in credits if c.strip("()[] ")}
    leaked = []
    for sentence in sentences:
        toks, norm = _tokens(sentence), _norm(sentence)
        caption_hit = any(
            (toks and cap and min(len(toks & cap) / len(toks), len(toks & cap) / len(cap)) >= 0.8)
            or (len(cap) >= 5 and whole in norm)
            for cap, whole in captions
        )
        credit_hit = any(_contains(norm, c) and not _contains(body, c) for c in credits)
        if caption_hit or credit_hit:
            leaked.append(sentence)
    return leaked


CAPTION_FILES = ("dev.jsonl", "dev-intl.jsonl")


def run_leaks(concurrency: int, limit: int | None, *, show: bool) -> bool:
    """Leaks on both captions files (English, then the other languages); True when none leaks."""
    results = [_leaks_in(name, concurrency, limit, show=show) for name in CAPTION_FILES]
    return all(results)


def _leaks_in(name: str, concurrency: int, limit: int | None, *, show: bool) -> bool:
    path = EVAL / "captions" / name
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        records = records[:limit]
    documents, stats = asyncio.run(enrich_all([(r["id"], r["text"]) for r in records], concurrency=concurrency))
    _write(OUT / f"summary_captions_{name.removesuffix('.jsonl')}_pred.jsonl", documents)
    leaking = 0
    empty = 0
    sentences_total = 0
    for record, document in zip(records, documents, strict=True):
        summary = document.get("summary")
        sentences = [s["text"] for s in summary["sentences"]] if summary else []
        empty += not sentences
        sentences_total += len(sentences)
        leaked = leaks_of(sentences, record["gold"])
        if leaked:
            leaking += 1
            if show:
                for s in leaked:
                    print(f"  leak in {record['id']}: {s[:160]!r}")
    print(
        f"caption/credit leaks on captions/{name}: {leaking} of {len(records)} summaries contain a caption or credit "
        f"sentence ({sentences_total} summary sentences, {empty} empty summaries); {stats}"
    )
    problems = _stage_problems(documents)
    if problems:
        print(f"stages not ok in {len(problems)} documents: {problems[:5]}")
    print(f"target 0 leaking summaries: {'met' if leaking == 0 else 'NOT met'}")
    return leaking == 0 and not problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=("rouge", "leaks", "both"), default="both")
    parser.add_argument("--concurrency", type=int, default=8, help="articles in flight at once (default 8)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (a quick check)")
    parser.add_argument("--show-leaks", action="store_true", help="print each leaking sentence")
    args = parser.parse_args(argv)
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found (the shared evaluation data is not available here)")
        return 0
    ok = True
    if args.mode in ("rouge", "both"):
        ok &= run_rouge(args.concurrency, args.limit)
    if args.mode in ("leaks", "both"):
        ok &= run_leaks(args.concurrency, args.limit, show=args.show_leaks)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
