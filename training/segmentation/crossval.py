"""Leave-publisher-out cross-validation of segmentation: the combiner trained on all publishers but one group,
scored on the held-out group with the evaluation scorer, every group in turn; the rules alone in the same run.

Used by ``benchmarks/eval_segmentation.py --cv`` (the report) and by ``training/segmentation/train.py`` users who
try a variant (``python -m training.segmentation.crossval``).
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from app.text.credits import parse_credit
from app.text.layout import vocab
from app.text.layout.combiner import CLASSES, Combiner, coarse
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
    items: Sequence[Sample],
    *,
    folds: int = FOLDS,
    fitter: Callable[[Sequence[Sample]], Combiner] = fit,
    calibration: list[tuple[float, bool]] | None = None,
) -> dict[str, dict[str, Any]]:
    """Held-out documents of every article: each predicted by a combiner trained without its publisher group.

    With ``calibration``, every held-out block adds (its confidence, whether its class matches the gold class).
    """
    docs: dict[str, dict[str, Any]] = {}
    for k in range(folds):
        train = [s for s in items if publisher_fold(s.article.publisher, folds) != k]
        held = [s for s in items if publisher_fold(s.article.publisher, folds) == k]
        model = fitter(train)
        for s in held:
            seg = segment(s.article.text, model=model)
            docs[s.article.id] = document(seg)
            if calibration is not None:
                for block, label in zip(seg.blocks, s.labels, strict=True):
                    gold = label if label in CLASSES else "other"
                    calibration.append((block.confidence, coarse(block.kind) == gold))
    return docs


def expected_calibration_error(pairs: Sequence[tuple[float, bool]], bins: int = 10) -> tuple[float, float]:
    """(ECE over equal-width confidence bins, accuracy) of (confidence, correct) pairs."""
    if not pairs:
        return 0.0, 0.0
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if inside:
            confidence = sum(c for c, _ in inside) / len(inside)
            accuracy = sum(ok for _, ok in inside) / len(inside)
            total += len(inside) * abs(confidence - accuracy)
    return total / len(pairs), sum(ok for _, ok in pairs) / len(pairs)


def shipped_docs(items: Sequence[Sample]) -> dict[str, dict[str, Any]]:
    """Documents from the shipped weights (trained on every article: in-sample numbers)."""
    return {s.article.id: document(segment(s.article.text)) for s in items}


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
        out[group]["credits_any_label"] = label_blind_credit_f1([gold[i] for i in ids], docs)
    return out


_ANY_LABEL = re.compile(
    r"^(?:" + vocab.alternation(vocab.union(vocab.CREDIT_LABELS)) + r")\s{0,3}[:：=＝]\s{0,3}|^©\s{0,2}", re.IGNORECASE
)


def label_blind_credit_f1(gold: Sequence[dict[str, Any]], docs: dict[str, dict[str, Any]]) -> float:
    """Credit F1 with a leading credit label of any covered language ignored on both sides (the scorer ignores
    only English ones, and the gold keeps "Foto:" on some pages and drops "Bild:" on others)."""
    sc = scorer()

    def key(c: str) -> str:
        return _ANY_LABEL.sub("", sc.norm_credit(c)).strip()

    tp = npred = ngold = 0
    for rec in gold:
        g = {key(c) for c in rec["gold"]["credits"] if c and key(c)}
        p = {key(c["raw"]) for c in docs.get(rec["id"], {}).get("image_credits", [])} - {""}
        tp, npred, ngold = tp + len(g & p), npred + len(p), ngold + len(g)
    precision, recall = (tp / npred if npred else 0.0), (tp / ngold if ngold else 0.0)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def summary_line(name: str, m: dict[str, Any]) -> str:
    parts = [f"{k} {m[k]['micro']['f1']:.3f}" for k in KEYS]
    return (
        f"{name:<10} n={m['articles']:<3} "
        + "  ".join(parts)
        + f"  title {m['title_accuracy']:.3f}  leak {m['credit_leakage']['micro']:.3f}"
        + f"  (credits, any label: {m['credits_any_label']:.3f})"
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
