"""The gold kinds the segmentation combiner is trained on, from a made-up gold record (needs the scorer beside the
repository: it supplies the matching; skipped without it)."""

from __future__ import annotations

from typing import Any

import pytest

from training.segmentation.corpus import available

pytestmark = pytest.mark.skipif(not available(), reason="../shared/eval (the scorer) is not beside the repository")

BLOCKS = [
    "Harbour ferry returns after a winter of repairs",
    "The old ferry sails again from Monday, with a new engine and a timetable that suits commuters.",
    "By Jane Roe",
    "The ferry left the yard on Tuesday morning and crossed the harbour twice before the inspectors signed it off.",
    "The ferry at the yard on Tuesday. Photo: Harbour Board",
    "Share this article",
]


def gold(summary: Any) -> dict[str, Any]:
    return {
        "title": BLOCKS[0],
        "authors": ["Jane Roe"],
        "body_paragraphs": [BLOCKS[3]],
        "summary": summary,
        "subheadlines": [],
        "captions": [{"text": "The ferry at the yard on Tuesday.", "credit": "Harbour Board"}],
        "credits": ["Harbour Board"],
    }


@pytest.mark.parametrize("summary", [BLOCKS[1], [BLOCKS[1]]], ids=["string", "list of paragraphs"])
def test_every_block_gets_its_gold_kind_and_the_lede_is_a_standfirst(summary: Any) -> None:
    from training.segmentation.labels import gold_kinds

    assert gold_kinds(BLOCKS, gold(summary)) == ["title", "standfirst", "byline", "body", "caption", "other"]


def test_without_a_lede_the_teaser_is_furniture() -> None:
    from training.segmentation.labels import gold_kinds

    assert gold_kinds(BLOCKS, gold([]))[1] == "other"
