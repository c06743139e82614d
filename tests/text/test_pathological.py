"""1 MB pathological inputs go through segmentation and credit parsing and come back (linear-time rules).

No timing assertion: a rule that backtracks catastrophically would not come back at all within the test run.
"""

from __future__ import annotations

import pytest

from app.text.credits import parse_credit
from app.text.segment import segment

MB = 1_000_000


def pathological() -> dict[str, str]:
    """Inputs that defeat naive credit and byline patterns: long runs with no line break, or many lines."""
    return {
        "open_parens": "(" * MB,
        "close_parens": ")" * MB,
        "nested_parens": "(" * (MB // 2) + ")" * (MB // 2),
        "slashes": "/" * MB,
        "capitals": "A" * MB,
        "capital_words": "ABCD " * (MB // 5),
        "photo_labels": "Photo: " * (MB // 7),
        "by_runs": "By " * (MB // 3),
        "no_newline_prose": "word " * (MB // 5),
        "ap_photo_slashes": "AP Photo/" * (MB // 9),
        "name_slashes": "John Smith/" * (MB // 11),
        "blank_lines": "\n" * 100_000 + "A headline\n\nA paragraph of body text.\n",
        "split_credit_lines": "A caption line (\nImage:\nGetty Images)\nBy\n" * (MB // 40),
    }


@pytest.mark.parametrize("name", sorted(pathological()))
def test_pathological_input_is_segmented(name: str) -> None:
    text = pathological()[name]
    seg = segment(text)
    for block in seg.blocks[:1000]:
        assert text[block.start : block.end] == block.text
    assert parse_credit(text).creators == ()


def test_long_credit_like_strings_are_not_credits() -> None:
    assert parse_credit("AP Photo/" + "Name/" * 100_000).source is None
