"""Extractive selection: position-aware salience, redundancy control, sentence and character budgets."""

from __future__ import annotations

import numpy as np

from app.nlp.extractive import Candidate, ExtractiveConfig, Matrix, select


def unit(*rows: list[float]) -> Matrix:
    matrix = np.array(rows, dtype=np.float32)
    normed: Matrix = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
    return normed


def candidates(*chars: int, words: int = 10) -> list[Candidate]:
    return [Candidate(i, words, c) for i, c in enumerate(chars)]


def test_the_summary_comes_back_in_document_order_within_the_sentence_budget() -> None:
    vectors = unit([1, 0, 0], [0.9, 0.1, 0], [0.8, 0.2, 0.1], [0.7, 0.3, 0], [0.1, 0.1, 1])
    chosen = select(vectors, candidates(50, 50, 50, 50, 50), max_sentences=3, max_chars=None, config=ExtractiveConfig())
    assert len(chosen) == 3
    assert chosen == sorted(chosen)


def test_a_sentence_repeating_one_already_picked_gives_way() -> None:
    vectors = unit([1, 0.2, 0], [1, 0.2, 0], [0.6, 0.8, 0])
    cands = candidates(80, 80, 80)
    with_mmr = select(vectors, cands, max_sentences=2, max_chars=None, config=ExtractiveConfig(redundancy_weight=2.0))
    without = select(vectors, cands, max_sentences=2, max_chars=None, config=ExtractiveConfig(redundancy_weight=0.0))
    assert with_mmr == [0, 2]
    assert without == [0, 1]


def test_the_character_budget_is_never_exceeded_and_a_sentence_is_skipped_not_cut() -> None:
    vectors = unit([1, 0, 0], [0.9, 0.1, 0], [0.8, 0, 0.2])
    chosen = select(vectors, candidates(60, 200, 50), max_sentences=3, max_chars=120, config=ExtractiveConfig())
    assert chosen == [0, 2]


def test_short_sentences_are_picked_only_when_nothing_longer_is_left() -> None:
    vectors = unit([1, 0, 0], [0.9, 0.1, 0])
    cands = [Candidate(0, 3, 20), Candidate(1, 12, 80)]
    assert select(vectors, cands, max_sentences=1, max_chars=None, config=ExtractiveConfig(min_words=6)) == [1]
    only_short = [Candidate(0, 3, 20)]
    assert select(vectors[:1], only_short, max_sentences=1, max_chars=None, config=ExtractiveConfig()) == [0]


def test_the_position_prior_prefers_the_lead_among_equally_central_sentences() -> None:
    vectors = unit([1, 0, 0], [1, 0, 0], [1, 0, 0])
    config = ExtractiveConfig(redundancy_weight=0.0)
    assert select(vectors, candidates(40, 40, 40), max_sentences=1, max_chars=None, config=config) == [0]
