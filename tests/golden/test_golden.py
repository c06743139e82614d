"""Every golden article segments exactly as its expected file says (regenerate with `make golden`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden.regen import ARTICLES, EXPECTED, golden, read_article, render

ARTICLE_PATHS = sorted(ARTICLES.glob("*.txt"))


def test_every_article_has_an_expected_file() -> None:
    assert ARTICLE_PATHS
    assert {p.stem for p in ARTICLE_PATHS} == {p.stem for p in EXPECTED.glob("*.json")}


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.stem)
def test_segmentation_matches_the_golden_file(path: Path) -> None:
    article = path
    text = read_article(article)
    expected = json.loads((EXPECTED / f"{article.stem}.json").read_text(encoding="utf-8"))
    got = json.loads(render(golden(text)))
    for block in got["blocks"]:
        assert text[block["start"] : block["end"]] == block["text"]
    assert got == expected, f"{article.name}: run `make golden` and review the diff if the change is intended"
