"""Extractive sentence selection over sentence embeddings (pure numpy, no model calls).

Each candidate sentence gets a salience score: its cosine similarity to the centroid of the article (what the
article is about) plus a position prior (news puts the essentials first). Sentences are then picked greedily,
maximal-marginal-relevance style: a candidate loses what it repeats of the sentences already picked, so the
summary does not say the same thing twice. The picked sentences are returned in document order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True, slots=True)
class ExtractiveConfig:
    """Weights of the extractive scorer (measured on CNN/DailyMail dev; see docs/QUALITY.md)."""

    centrality_weight: float = 1.0
    position_weight: float = 1.0
    position_decay: float = 1.0
    """The prior of the k-th candidate (0-based) is ``1 / (1 + k) ** position_decay``."""
    redundancy_weight: float = 0.5
    """How much of its similarity to the closest sentence already picked a candidate loses (MMR)."""
    redundancy_threshold: float = 0.0
    """Similarity under which a candidate is not penalised at all."""
    min_words: int = 6
    """Shorter sentences are not picked while longer ones are left."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that may enter the summary: its position among the candidates and its length."""

    index: int
    words: int
    chars: int


Matrix = npt.NDArray[np.float32]


def salience(embeddings: Matrix, config: ExtractiveConfig) -> npt.NDArray[np.float64]:
    """Centrality plus position prior for each row of ``embeddings`` (unit vectors, in document order)."""
    n = embeddings.shape[0]
    if n == 0:
        return np.zeros(0)
    centroid = embeddings.mean(axis=0)
    norm = float(np.linalg.norm(centroid))
    centrality = embeddings @ (centroid / norm) if norm > 0 else np.zeros(n)
    prior = 1.0 / (1.0 + np.arange(n, dtype=np.float64)) ** config.position_decay
    return config.centrality_weight * centrality.astype(np.float64) + config.position_weight * prior


def select(
    embeddings: Matrix,
    candidates: Sequence[Candidate],
    *,
    max_sentences: int,
    max_chars: int | None,
    config: ExtractiveConfig,
    separator_chars: int = 1,
    scores: npt.NDArray[np.float64] | None = None,
) -> list[int]:
    """Indexes (into ``candidates``) of the summary sentences, in document order.

    At most ``max_sentences`` sentences whose texts, joined by ``separator_chars`` characters, fit ``max_chars``;
    a sentence that does not fit is skipped and the next best one is tried, so the budget is never exceeded and
    no sentence is ever cut. ``scores`` replaces the salience of ``config`` (to compare other scorers).
    Time and memory are linear in the number of candidates (no full similarity matrix).
    """
    n = len(candidates)
    if n == 0 or max_sentences <= 0:
        return []
    if scores is None:
        scores = salience(embeddings, config)
    long_enough = np.array([c.words >= config.min_words for c in candidates])
    if not long_enough.any():
        long_enough[:] = True
    chosen: list[int] = []
    used = 0
    closest = np.zeros(n)
    available = long_enough.copy()
    while len(chosen) < max_sentences and available.any():
        penalty = np.maximum(closest - config.redundancy_threshold, 0.0)
        adjusted = np.where(available, scores - config.redundancy_weight * penalty, -np.inf)
        best = int(np.argmax(adjusted))
        available[best] = False
        cost = candidates[best].chars + (separator_chars if chosen else 0)
        if max_chars is not None and used + cost > max_chars:
            continue
        chosen.append(best)
        used += cost
        closest = np.maximum(closest, embeddings @ embeddings[best])
    return sorted(chosen)
