"""The learned combiner: one kind per block from the rules' signals and the page around the block.

The rules (``rules``) each see one cue; the combiner weighs them together with layout context that no single rule
sees: the block's length, form and position, whether it repeats elsewhere on the page, and the same signals for the
blocks before and after it (a caption sits between body paragraphs, next to its credit line). It is a multinomial
logistic regression in two levels: level 1 reads the block's own features and its neighbours' rule signals;
level 2 adds the level-1 probabilities of the neighbours, so the sequence is labelled jointly (stacking). Its
weights are a small JSON file (``combiner.json``) written by ``training/segmentation/train.py`` from the captions
corpora with a fixed seed; no feature names a publisher, a URL or an article.

Every decision is explainable: ``explain`` lists the features that pushed a block towards its kind most.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from app.text.layout.lines import ends_sentence
from app.text.types import BlockKind

CLASSES: tuple[str, ...] = ("title", "byline", "body", "caption", "credit", "other")
"""What the combiner tells apart: the kinds whose content later stages read (body for entities and the summary;
captions and credits for credits), and ``other`` for the rest (standfirst, heading, dateline, editor's note,
boilerplate), among which the rules choose."""

OTHER: frozenset[BlockKind] = frozenset({"standfirst", "heading", "dateline", "editor_note", "boilerplate"})


def coarse(kind: BlockKind | None) -> str:
    """The combiner class of a block kind."""
    if kind is None or kind in OTHER:
        return "other"
    return kind


@dataclass(frozen=True, slots=True)
class BlockView:
    """What the combiner sees of one block: its text and what the rules found."""

    text: str
    words: int
    gap: int  # line breaks before the block (2+: after a blank line)
    kind: BlockKind | None  # the rules' reading (the first rule that fired)
    fired: tuple[str, ...]  # names of every rule that fired
    credit_strength: int  # how clearly the whole line reads as a credit (0-3)
    inline_credit: bool  # a credit found inside the block (at its end or start)
    in_header: bool  # between the title and the first body paragraph
    zone: str  # furniture zone the rules put the block in ("", "teaser", "video", "promo", "embed")


_QUOTES = ("“", "”", '"', "„", "«", "»", "「", "」")
_DIGIT = re.compile(r"\d")
_BUCKETS = (1, 2, 3, 5, 8, 12, 20, 35, 60)


def _bucket(n: int) -> str:
    for b in _BUCKETS:
        if n <= b:
            return str(b)
    return "more"


def _own(v: BlockView) -> dict[str, float]:
    """Features of a block on its own."""
    text = v.text[:600]
    letters = sum(map(str.isalpha, text))
    upper = sum(map(str.isupper, text)) / letters if letters else 0.0
    words = [w for w in text.split() if w[:1].isalpha()]
    title_case = sum(1 for w in words if w[0].isupper()) / len(words) if words else 0.0
    f: dict[str, float] = {
        "words=" + _bucket(v.words): 1.0,
        "log_words": math.log1p(v.words),
        "upper_ratio": upper,
        "title_case": title_case,
        "digits": min(1.0, len(_DIGIT.findall(text)) / 10),
        "ends_sentence": float(ends_sentence(v.text.rstrip())),
        "ends_colon": float(v.text.rstrip().endswith((":", "："))),
        "ends_question": float(v.text.rstrip().endswith(("?", "？"))),
        "has_quote": float(any(q in text for q in _QUOTES)),
        "blank_before": float(v.gap >= 2),
        "in_header": float(v.in_header),
        "inline_credit": float(v.inline_credit),
        "credit_strength=" + str(v.credit_strength): 1.0,
        "rules_kind=" + (v.kind or "none"): 1.0,
    }
    if v.zone:
        f["zone=" + v.zone] = 1.0
    for name in v.fired:
        f["rule=" + name] = 1.0
    return f


def _neighbour(prefix: str, v: BlockView | None) -> dict[str, float]:
    """A neighbour's signals, under ``prefix`` (``prev:``, ``next:``)."""
    if v is None:
        return {prefix + "none": 1.0}
    return {
        prefix + "rules_kind=" + (v.kind or "none"): 1.0,
        prefix + "credit_strength=" + str(v.credit_strength): 1.0,
        prefix + "inline_credit": float(v.inline_credit),
        prefix + "words=" + _bucket(v.words): 1.0,
        prefix + "ends_sentence": float(ends_sentence(v.text.rstrip())),
    }


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())[:300]


def level1_features(views: Sequence[BlockView]) -> list[dict[str, float]]:
    """The level-1 features of every block: its own, its neighbours' signals, page position and repetition."""
    n = len(views)
    counts: dict[str, int] = {}
    for v in views:
        key = _normal(v.text)
        counts[key] = counts.get(key, 0) + 1
    out: list[dict[str, float]] = []
    for i, v in enumerate(views):
        f = _own(v)
        f["bias"] = 1.0
        f["position"] = i / max(1, n - 1)
        f["first_block"] = float(i == 0)
        f["last_blocks"] = float(i >= n - 3)
        f["repeats"] = float(counts[_normal(v.text)] > 1)
        f.update(_neighbour("prev:", views[i - 1] if i > 0 else None))
        f.update(_neighbour("next:", views[i + 1] if i + 1 < n else None))
        f.update(_neighbour("prev2:", views[i - 2] if i > 1 else None))
        f.update(_neighbour("next2:", views[i + 2] if i + 2 < n else None))
        out.append(f)
    return out


def level2_features(base: Sequence[Mapping[str, float]], probs: Sequence[Sequence[float]]) -> list[dict[str, float]]:
    """Level-1 features plus the level-1 class probabilities of the block and its neighbours."""
    n = len(base)
    out: list[dict[str, float]] = []
    for i, f in enumerate(base):
        g = dict(f)
        for offset, prefix in ((-1, "p_prev:"), (1, "p_next:"), (0, "p_self:")):
            j = i + offset
            if 0 <= j < n:
                for c, p in zip(CLASSES, probs[j], strict=True):
                    g[prefix + c] = p
        out.append(g)
    return out


@dataclass(frozen=True, slots=True)
class LinearModel:
    """A multinomial logistic regression over named sparse features."""

    classes: tuple[str, ...]
    weights: Mapping[str, tuple[float, ...]]  # feature -> one weight per class
    intercept: tuple[float, ...]
    temperature: float = 1.0

    _index: dict[str, int] = field(init=False, repr=False, compare=False)
    _matrix: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = sorted(self.weights)
        object.__setattr__(self, "_index", {n: i for i, n in enumerate(names)})
        matrix = np.array([self.weights[n] for n in names], dtype=np.float64).reshape(len(names), len(self.classes))
        object.__setattr__(self, "_matrix", matrix)

    def probabilities_many(self, rows: Sequence[Mapping[str, float]]) -> list[list[float]]:
        """Class probabilities of many feature rows at once (one dense product per call)."""
        x = np.zeros((len(rows), len(self._index)), dtype=np.float64)
        index = self._index
        at_row: list[int] = []
        at_column: list[int] = []
        values: list[float] = []
        for r, features in enumerate(rows):  # the known features' places, then one assignment
            for name, value in features.items():
                j = index.get(name)
                if j is not None:
                    at_row.append(r)
                    at_column.append(j)
                    values.append(value)
        x[at_row, at_column] = values
        z = (x @ self._matrix + np.asarray(self.intercept)) / self.temperature
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        p = e / e.sum(axis=1, keepdims=True)
        return [[float(v) for v in row] for row in p]

    def probabilities(self, features: Mapping[str, float]) -> list[float]:
        return self.probabilities_many([features])[0]

    def contributions(self, features: Mapping[str, float], cls: str) -> list[tuple[str, float]]:
        """Each feature's push towards ``cls`` against the mean of the other classes, largest first."""
        k = self.classes.index(cls)
        out = []
        for name, value in features.items():
            w = self.weights.get(name)
            if w is None or value == 0.0:
                continue
            others = (sum(w) - w[k]) / (len(w) - 1)
            out.append((name, (w[k] - others) * value))
        return sorted(out, key=lambda p: -p[1])

    def to_json(self) -> dict[str, Any]:
        return {
            "classes": list(self.classes),
            "intercept": [round(x, 5) for x in self.intercept],
            "temperature": round(self.temperature, 4),
            "weights": {k: [round(x, 5) for x in v] for k, v in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinearModel:
        return cls(
            classes=tuple(data["classes"]),
            weights={k: tuple(float(x) for x in v) for k, v in data["weights"].items()},
            intercept=tuple(float(x) for x in data["intercept"]),
            temperature=float(data.get("temperature", 1.0)),
        )


@dataclass(frozen=True, slots=True)
class Combiner:
    """The two levels of the combiner, and where their weights came from."""

    level1: LinearModel
    level2: LinearModel | None  # None: level 1 decides alone
    version: str
    margin: float = 0.0  # how much likelier the combiner's class must be than the rules' class to override them

    def predict(self, views: Sequence[BlockView]) -> list[tuple[list[float], dict[str, float]]]:
        """For every block: its class probabilities (in ``CLASSES`` order) and the level-2 features read."""
        base = level1_features(views)
        p1 = self.level1.probabilities_many(base)
        if self.level2 is None:
            return list(zip(p1, base, strict=True))
        feats = level2_features(base, p1)
        return list(zip(self.level2.probabilities_many(feats), feats, strict=True))

    def explain(self, features: Mapping[str, float], cls: str, top: int = 3) -> list[str]:
        """The features that pushed a block towards ``cls`` most (in the last level)."""
        model = self.level2 or self.level1
        return [name for name, push in model.contributions(features, cls)[:top] if push > 0]

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "margin": self.margin,
            "level1": self.level1.to_json(),
            "level2": self.level2.to_json() if self.level2 is not None else None,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Combiner:
        return cls(
            LinearModel.from_json(data["level1"]),
            LinearModel.from_json(data["level2"]) if data.get("level2") else None,
            str(data["version"]),
            float(data.get("margin", 0.0)),
        )


WEIGHTS_FILE = "combiner.json"


@lru_cache(maxsize=1)
def shipped() -> Combiner | None:
    """The combiner whose weights ship with the package, or None when the file is absent (rules decide alone)."""
    ref = resources.files("app.text.layout").joinpath(WEIGHTS_FILE)
    if not ref.is_file():
        return None
    return Combiner.from_json(json.loads(ref.read_text(encoding="utf-8")))
