"""Train the segmentation combiner (``app/text/layout/combiner.json``) from the captions corpora.

    python -m training.segmentation.train            # write app/text/layout/combiner.json
    python -m training.segmentation.train --out X    # write elsewhere

Reads ``../shared/eval/captions/dev.jsonl`` and ``dev-intl.jsonl`` (skips with a message when they are absent),
labels every block of each article with its gold kind (``labels.gold_kinds``), and fits the two levels of
``app.text.layout.combiner``: level 1 on the blocks' own and neighbouring rule signals; level 2 on the same plus
the level-1 probabilities of each block and its neighbours, taken out of fold (publisher-grouped, so level 2
learns how far level 1 is to be trusted on a publisher it has not seen). Deterministic (fixed seed, sorted
data); a run takes seconds on two cores. The weights hold feature names and numbers only, no text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from app.text.layout.combiner import CLASSES, Combiner, LinearModel, level1_features, level2_features
from app.text.segment import block_views
from training.segmentation.corpus import ROOT, Article, available, load_articles, publisher_fold
from training.segmentation.labels import gold_kinds

SEED = 20261204
INNER_FOLDS = 5
C = 0.5  # inverse L2 strength (chosen by leave-publisher-out CV: docs/QUALITY.md)
MARGIN = 0.9  # how much likelier the combiner's class must be to override the rules (chosen by the same CV)
CLASS_WEIGHT: str | None = None  # "balanced" weighs rare classes up
LEVEL2 = True
OUT = ROOT / "app" / "text" / "layout" / "combiner.json"


@dataclass(frozen=True, slots=True)
class Sample:
    """One article as the combiner sees it: per-block level-1 features and gold classes."""

    article: Article
    features: list[dict[str, float]]
    labels: list[str]


def samples(articles: Sequence[Article]) -> list[Sample]:
    out = []
    for art in articles:
        views, spans = block_views(art.text)
        labels = gold_kinds([art.text[s:e] for s, e in spans], art.gold)
        out.append(Sample(art, level1_features(views), labels))
    return out


def _fit(features: list[Mapping[str, float]], labels: list[str]) -> LinearModel:
    vec = DictVectorizer(sparse=True, sort=True)
    x = vec.fit_transform(features)
    y = np.array([CLASSES.index(label if label in CLASSES else "other") for label in labels])
    present = sorted(set(y.tolist()))
    clf = LogisticRegression(C=C, max_iter=2000, random_state=SEED, class_weight=CLASS_WEIGHT)
    clf.fit(x, y)
    coef = np.full((len(CLASSES), x.shape[1]), 0.0)
    intercept = np.full(len(CLASSES), -30.0)  # a class never seen in training is never predicted
    for row, cls in enumerate(clf.classes_.tolist()):
        coef[cls] = clf.coef_[row] if len(present) > 2 else (clf.coef_[0] if row == 1 else -clf.coef_[0])
        intercept[cls] = clf.intercept_[row] if len(present) > 2 else 0.0
    weights = {
        name: tuple(float(v) for v in coef[:, j]) for j, name in enumerate(vec.feature_names_) if np.any(coef[:, j])
    }
    return LinearModel(CLASSES, weights, tuple(float(v) for v in intercept))


def _flat(items: Sequence[Sample]) -> tuple[list[Mapping[str, float]], list[str]]:
    feats: list[Mapping[str, float]] = [f for s in items for f in s.features]
    return feats, [label for s in items for label in s.labels]


def fit(train: Sequence[Sample]) -> Combiner:
    """Both levels from ``train``; level 2 reads out-of-fold level-1 probabilities (folds by publisher)."""
    level1 = _fit(*_flat(train))
    if not LEVEL2:
        return Combiner(level1, None, "lr1", MARGIN)
    stacked: list[Sample] = []
    for k in range(INNER_FOLDS):
        inner_train = [s for s in train if publisher_fold(s.article.publisher, INNER_FOLDS) != k]
        held = [s for s in train if publisher_fold(s.article.publisher, INNER_FOLDS) == k]
        if not held:
            continue
        inner = _fit(*_flat(inner_train)) if inner_train else level1
        for s in held:
            probs = [inner.probabilities(f) for f in s.features]
            stacked.append(Sample(s.article, level2_features(s.features, probs), s.labels))
    level2 = _fit(*_flat(stacked))
    draft = Combiner(level1, level2, "", MARGIN)
    digest = hashlib.sha256(json.dumps(draft.to_json(), sort_keys=True).encode()).hexdigest()[:12]
    return Combiner(level1, level2, f"lr2-{digest}", MARGIN)


def weights_file(model: Combiner, train: Sequence[Sample]) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for s in train:
        counts[s.article.corpus] = counts.get(s.article.corpus, 0) + 1
    return {
        **model.to_json(),
        "trained_on": {
            "corpora": {"captions/" + ("dev.jsonl" if k == "dev" else "dev-intl.jsonl"): v for k, v in counts.items()},
            "publishers": len({s.article.publisher for s in train}),
            "blocks": sum(len(s.labels) for s in train),
            "seed": SEED,
            "C": C,
            "script": "training/segmentation/train.py",
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not available():
        print("skipped: the captions corpora are not in ../shared/eval (they are not part of the repository)")
        return 0
    train = samples(load_articles())
    model = fit(train)
    args.out.write_text(json.dumps(weights_file(model, train), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {model.version}) from {len(train)} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
