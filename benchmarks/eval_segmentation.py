"""Segmentation and credit quality of the running service on the evaluation data in ../shared/eval.

Runs the service in-process (httpx over ASGI, lifespan started, models loaded), POSTs every article of
``captions/dev.jsonl`` (field ``text``) and the seed article to ``/v1/enrich``, writes the PRED files to
``benchmarks/out/``, scores them with ``../shared/eval/score_segmentation.py`` and prints the scorer's tables,
plus a comparison of the seed's image credits with the gold IPTC fields (creators, source, credit line), which
the scorer does not check.

    python -m benchmarks.eval_segmentation                 # stages: credits (and segment, its prerequisite)
    python -m benchmarks.eval_segmentation --all-stages    # every stage of the pipeline
    python -m benchmarks.eval_segmentation --gold other.jsonl --name holdout
    python -m benchmarks.eval_segmentation --cv            # leave-publisher-out cross-validation (the target)

``--cv`` trains the segmentation combiner on all publishers but one group and scores the held-out group, every
group in turn (5 folds by publisher, over captions/dev.jsonl + captions/dev-intl.jsonl pooled), per corpus and per
language, beside the rules alone and the shipped weights (in sample) in the same run.

Skips with a message (exit 0) when ../shared/eval is not there (a fresh clone, CI).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from app.main import create_app
from benchmarks.settings import benchmark_settings

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "benchmarks" / "out"
SCORER = EVAL / "score_segmentation.py"
BASELINES = EVAL / "baselines.py"

# Quality targets (micro F1, leave-publisher-out) per captions file; credit leakage into body: 0.
TARGETS: dict[str, dict[str, float]] = {
    "dev": {"captions": 0.92, "credits": 0.92, "body": 0.95, "bylines": 0.85},
    "intl": {"captions": 0.85, "credits": 0.85, "body": 0.92, "bylines": 0.75},
}


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str


def load_dev(path: Path) -> list[Article]:
    """The articles of a captions JSONL file (field ``text``)."""
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out.append(Article(rec["id"], rec["text"]))
    return out


def load_seed(gold_path: Path) -> tuple[Article, dict[str, Any]]:
    """The seed article, read byte-for-byte (newline=""), and its gold record."""
    gold: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
    with (gold_path.parent / gold["text_file"]).open(encoding="utf-8", newline="") as fh:
        text = fh.read()
    return Article(gold["id"], text), gold


async def enrich_all(articles: list[Article], stages: list[str] | None) -> dict[str, dict[str, Any]]:
    """POST every article to the in-process service; the v1 document of each, by id."""
    app = create_app(benchmark_settings())
    docs: dict[str, dict[str, Any]] = {}
    async with app.router.lifespan_context(app):
        await app.state.loader
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://eval", timeout=300) as client:
            for art in articles:
                payload: dict[str, Any] = {"text": art.text, "id": art.id}
                if stages is not None:
                    payload["stages"] = stages
                response = await client.post("/v1/enrich", json=payload)
                if response.status_code != 200:
                    raise SystemExit(f"{art.id}: HTTP {response.status_code}: {response.text[:300]}")
                docs[art.id] = response.json()
    return docs


def write_pred(path: Path, docs: dict[str, dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for doc_id, doc in docs.items():
            fh.write(json.dumps({"id": doc_id, "document": doc}, ensure_ascii=False) + "\n")


def score(gold: Path, pred: Path) -> tuple[str, dict[str, Any]]:
    """The scorer's table and its JSON metrics."""
    cmd = [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred)]
    table = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    metrics: dict[str, Any] = json.loads(
        subprocess.run([*cmd, "--json"], capture_output=True, text=True, check=True).stdout
    )
    return table, metrics


def baseline_body_f1(gold: Path) -> float:
    """Body F1 of the scorer's all-body baseline on ``gold``, computed in this run for comparison."""
    pred = OUT / "baseline_allbody_pred.jsonl"
    subprocess.run(
        [sys.executable, str(BASELINES), "segmentation", "--gold", str(gold), "--out", str(pred)],
        capture_output=True,
        check=True,
    )
    _, metrics = score(gold, pred)
    return float(metrics["body"]["micro"]["f1"])


def target_lines(metrics: dict[str, Any], corpus: str = "dev") -> list[str]:
    """One line per quality target: the micro F1 reached and whether it meets the target."""
    lines = []
    for key, target in TARGETS[corpus].items():
        f1 = float(metrics[key]["micro"]["f1"])
        lines.append(f"  {key:<9} micro F1 {f1:.3f}  target >= {target:.2f}  {'met' if f1 >= target else 'MISSED'}")
    lines.append(f"  title     accuracy {float(metrics['title_accuracy']):.3f}")
    leak = float(metrics["credit_leakage"]["micro"])
    lines.append(f"  leakage   {leak:.3f}        target 0     {'met' if leak == 0 else 'MISSED'}")
    return lines


def compare_seed_credits(gold: dict[str, Any], doc: dict[str, Any]) -> list[str]:
    """Lines comparing each gold image credit (by offsets) with the predicted IPTC fields."""
    predicted = {(c["start"], c["end"]): c for c in doc.get("image_credits", [])}
    captions = doc.get("captions", [])
    lines = []
    ok_all = 0
    gold_credits = gold["gold"]["image_credits"]
    for g in gold_credits:
        p = predicted.get((g["start"], g["end"]))
        if p is None:
            lines.append(f"  MISSING  {g['raw']!r} at {g['start']}")
            continue
        checks = {
            "creators": list(p["creators"]) == list(g["creators"]),
            "source": p["source"] == g["source"],
            "credit_line": p["credit_line"] == g["credit_line"],
            "caption": p.get("caption_index") == g["caption_index"],
        }
        ok_all += all(checks.values())
        status = "ok" if all(checks.values()) else "DIFF " + ",".join(k for k, v in checks.items() if not v)
        lines.append(
            f"  {status:<8} {g['raw']!r}: creators={p['creators']} source={p['source']!r} "
            f"credit_line={p['credit_line']!r} caption={p.get('caption_index')}"
        )
    gold_caps = gold["gold"]["captions"]
    notes_ok = sum(
        1
        for g in gold_caps
        if any(c.get("editor_note") == g["editor_note"] and c["start"] == g["start"] for c in captions)
    )
    lines.append(f"  IPTC fields and caption link right for {ok_all}/{len(gold_credits)} credits")
    lines.append(f"  captions with the gold start offset and editor's note: {notes_ok}/{len(gold_caps)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all-stages", action="store_true", help="run every stage, not just segment+credits")
    parser.add_argument("--gold", type=Path, default=EVAL / "captions" / "dev.jsonl", help="captions JSONL")
    parser.add_argument("--name", default="dev", help="name of the PRED file for --gold")
    parser.add_argument("--cv", action="store_true", help="leave-publisher-out cross-validation of the combiner")
    args = parser.parse_args(argv)
    if not SCORER.is_file():
        print(f"skipped: the evaluation data is not at {EVAL} (it is not part of the repository)")
        return 0
    if args.cv:
        return cross_validate()
    stages = None if args.all_stages else ["credits"]
    seed_gold_path = EVAL / "seed" / "gold.json"
    seed, seed_gold = load_seed(seed_gold_path)
    articles = load_dev(args.gold)
    docs = asyncio.run(enrich_all([seed, *articles], stages))
    seed_pred = OUT / "seed_pred.jsonl"
    dev_pred = OUT / f"{args.name}_pred.jsonl"
    write_pred(seed_pred, {seed.id: docs.pop(seed.id)})
    write_pred(dev_pred, docs)
    summary: dict[str, Any] = {}
    for label, gold, pred in (("seed", seed_gold_path, seed_pred), (args.name, args.gold, dev_pred)):
        table, metrics = score(gold, pred)
        summary[label] = metrics
        print(f"== {label}: {gold}")
        print(table)
    corpus = "intl" if "intl" in args.gold.name else "dev"
    print(f"== {args.name}: targets (all-body baseline body F1 in this run: {baseline_body_f1(args.gold):.3f})")
    print("\n".join(target_lines(summary[args.name], corpus)))
    seed_doc = json.loads(seed_pred.read_text(encoding="utf-8").splitlines()[0])["document"]
    print("== seed image credits vs gold IPTC fields")
    print("\n".join(compare_seed_credits(seed_gold, seed_doc)))
    (OUT / "metrics.json").write_text(json.dumps(summary, indent=2, sort_keys=True), encoding="utf-8")
    print(f"PRED files and metrics.json in {OUT}")
    return 0


def cross_validate() -> int:
    """Leave-publisher-out numbers (the target), the rules alone and the shipped combiner in sample."""
    from training.segmentation import crossval
    from training.segmentation.corpus import load_articles
    from training.segmentation.train import samples

    articles = load_articles()
    items = samples(articles)
    calibration: list[tuple[float, bool]] = []
    held_out = crossval.predict_folds(items, calibration=calibration)
    runs = {
        "combiner, leave-publisher-out (5 folds)": crossval.scores(held_out, articles),
        "rules alone": crossval.scores(crossval.rules_only(items), articles),
        "shipped combiner, in sample": crossval.scores(crossval.shipped_docs(items), articles),
    }
    for label, groups in runs.items():
        print(f"== {label}")
        for group, m in groups.items():
            if ":" not in group or m["articles"] >= 3:
                print("  " + crossval.summary_line(group, m))
    ece, accuracy = crossval.expected_calibration_error(calibration)
    print(f"== block confidence, held out: {len(calibration)} blocks, class accuracy {accuracy:.3f}, ECE {ece:.3f}")
    cv = runs["combiner, leave-publisher-out (5 folds)"]
    for corpus in ("dev", "intl"):
        print(f"== targets, {corpus} (leave-publisher-out)")
        print("\n".join(target_lines(cv[corpus], corpus)))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "segmentation_cv.json").write_text(json.dumps(runs, indent=1, sort_keys=True), encoding="utf-8")
    print(f"metrics in {OUT / 'segmentation_cv.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
