"""Leave-publisher-out cross-validation of segmentation: the combiner trained on all publishers but one group,
scored on the held-out group with the evaluation scorer, every group in turn; the rules alone in the same run.

Used by ``benchmarks/eval_segmentation.py --cv`` (the report) and by ``training/segmentation/train.py`` users who
try a variant (``python -m training.segmentation.crossval``).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from typing import Any

from app.text.credits import parse_credit
from app.text.layout.combiner import Combiner
from app.text.segment import Segmentation, segment
from training.segmentation.corpus import CORPORA, Article, available, load_articles, publisher_fold, scorer
from training.segmentation.train import Sample, fit, samples

FOLDS = 5
KEYS = ("captions", "credits", "body", "bylines")


def document(seg: Segmentation) -> dict[str, Any]:
    """The parts of a v1 document the segmentation scorer reads."""
    return {
        "title": {"text": seg.title.text, "start": seg.title.start, "end": seg.title.end} if seg.title else None,
        "bylines": [{"name": b.name, "start": b.start, "end": b.end} for b in seg.bylines],
        "blocks": [{"kind": b.kind, "text": b.text, "start": b.start, "end": b.end} for b in seg.blocks],
        "captions": [{"text": c.text, "start": c.start, "end": c.end} for c in seg.captions],
        "image_credits": [
            {"raw": c.raw, "start": c.start, "end": c.end, "source": parse_credit(c.raw).source} for c in seg.credits
        ],
    }


def predict_folds(
    items: Sequence[Sample], *, folds: int = FOLDS, fitter: Callable[[Sequence[Sample]], Combiner] = fit
) -> dict[str, dict[str, Any]]:
    """Held-out documents of every article: each predicted by a combiner trained without its publisher group."""
    docs: dict[str, dict[str, Any]] = {}
    for k in range(folds):
        train = [s for s in items if publisher_fold(s.article.publisher, folds) != k]
        held = [s for s in items if publisher_fold(s.article.publisher, folds) == k]
        model = fitter(train)
        for s in held:
            docs[s.article.id] = document(segment(s.article.text, model=model))
    return docs


def rules_only(items: Sequence[Sample]) -> dict[str, dict[str, Any]]:
    return {s.article.id: document(segment(s.article.text, model=None)) for s in items}


def scores(docs: dict[str, dict[str, Any]], articles: Sequence[Article]) -> dict[str, dict[str, Any]]:
    """Scorer metrics per corpus, and per language within a corpus (``intl:de``)."""
    sc = scorer()
    gold: dict[str, dict[str, Any]] = {}
    for path in CORPORA.values():
        for rec in sc.load_gold(str(path)):
            gold[rec["id"]] = rec
    groups: dict[str, list[str]] = {}
    for a in articles:
        groups.setdefault(a.corpus, []).append(a.id)
        groups.setdefault(f"{a.corpus}:{a.language}", []).append(a.id)
    out = {}
    for group, ids in sorted(groups.items()):
        out[group] = sc.score([gold[i] for i in ids], {i: docs[i] for i in ids})
        out[group]["articles"] = len(ids)
    return out


def summary_line(name: str, m: dict[str, Any]) -> str:
    parts = [f"{k} {m[k]['micro']['f1']:.3f}" for k in KEYS]
    return (
        f"{name:<10} n={m['articles']:<3} "
        + "  ".join(parts)
        + f"  title {m['title_accuracy']:.3f}  leak {m['credit_leakage']['micro']:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not available():
        print("skipped: the captions corpora are not in ../shared/eval")
        return 0
    articles = load_articles()
    items = samples(articles)
    result = {"combiner_cv": scores(predict_folds(items), articles), "rules": scores(rules_only(items), articles)}
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    for label, groups in result.items():
        print(f"== {label}")
        for group, m in groups.items():
            if ":" not in group or m["articles"] >= 3:
                print("  " + summary_line(group, m))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
