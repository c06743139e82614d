"""1 MB pathological inputs go through segmentation and credit parsing and come back (linear-time rules).

No timing assertion: a rule that backtracks catastrophically would not come back at all, and the per-test
timeout (pytest-timeout) turns that hang into a failure instead of a stuck suite.

``parse_credit`` refuses anything over 400 characters before any pattern runs, so it is exercised here on the
longest strings it does read (every window of the input up to that length), and the inline-credit finders, which
scan bounded windows at the end of a block, on the whole input.
"""

from __future__ import annotations

import pytest

from app.text.boilerplate import inline_prompt
from app.text.credits import find_inline_credit, parse_credit, read_credit
from app.text.segment import segment

MB = 1_000_000
LONGEST_CREDIT = 400  # parse_credit's own bound: longer strings are never scanned


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
        "foto_labels": "Foto: © " * (MB // 8),
        "by_runs": "By " * (MB // 3),
        "von_runs": "Von: " * (MB // 5),
        "no_newline_prose": "word " * (MB // 5),
        "ap_photo_slashes": "AP Photo/" * (MB // 9),
        "name_slashes": "John Smith/" * (MB // 11),
        "name_bars": "Jane Doe | " * (MB // 11),
        "equals_signs": "写真＝" * (MB // 3),
        "html_tags": "<p class='x'><img src=\"a.jpg\" " * (MB // 32),
        "prompts": "It rained. Scroll down for video " * (MB // 32),
        "blank_lines": "\n" * 100_000 + "A headline\n\nA paragraph of body text.\n",
        "split_credit_lines": "A caption line (\nImage:\nGetty Images)\nBy\n" * (MB // 40),
        # the rules of the last line (a wire's sign-off), of bylines with a post, of branded labels and of captions
        "dashes_last": "A headline\n\nA paragraph of body text that is long enough.\n\n" + "-" * MB,
        "staff_possessives": "By our " + "our own " * (MB // 8),
        "branded_labels": "It rained. ST PHOTO " * (MB // 20),
        "hosted_credits": "Jane Roe on " * (MB // 12),
        "caption_labels": "Pictured: " * (MB // 10),
        "chinese_credits": "新华社记者 赵强、孙悦 摄（" * (MB // 15),
        "chinese_datelines": "新华社北京12月6日电（记者 " * (MB // 15),
        "signoff_brackets": "It rained. (dpa) " * (MB // 17),
        "copyright_letters": "(c) " * (MB // 4),
        "trailing_prompts": "Purchase Licensing Rights, opens new tab " * (MB // 41),
        "caps_colons": "KOTA BHARU: " * (MB // 12),
        "labels_after": "Bernama pic Photo from " * (MB // 23),
        "place_dashes": "Jakarta - " * (MB // 10),
        "korean_bylines": "김민수 기자 " * (MB // 7),
        # a date line's place before a separator ("New Delhi | May 25, 2026") is read part by part
        "place_bars": "London | " * (MB // 9) + "May 5, 2026",
        # and a date line's source after its last separator ("... 6:15 PM EDT / CBS News"): lines of many parts
        "place_bar_lines": ("London | " * 21 + "CBS News\n\n") * (MB // 200),
    }


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", sorted(pathological()))
def test_pathological_input_is_segmented(name: str) -> None:
    text = pathological()[name]
    seg = segment(text)
    assert seg.blocks
    for block in seg.blocks[:1000]:
        assert text[block.start : block.end] == block.text


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(pathological()))
def test_credit_patterns_on_the_longest_strings_they_read(name: str) -> None:
    text = pathological()[name]
    read_credit.cache_clear()
    for length in (LONGEST_CREDIT, LONGEST_CREDIT - 1, 240, 239, 120):
        for offset in (0, 1, 7, 11):
            window = text[offset : offset + length]
            parsed = parse_credit(window)
            assert all(len(c) <= length for c in parsed.creators)
    block = text[:20_000]
    found = find_inline_credit(block)
    if found is not None:
        assert 0 <= found.start < found.end <= len(block)
    prompt = inline_prompt(block)
    if prompt is not None:
        assert block[prompt[0] : prompt[1]].casefold() == "scroll down for video"


def test_long_credit_like_strings_are_not_credits() -> None:
    assert parse_credit("AP Photo/" + "Name/" * 100_000).source is None


def test_the_window_test_reaches_the_patterns() -> None:
    # a 399-character credit is still read: the pathological windows above do run the patterns
    long_credit = "Photo: " + "/".join(["Jane Doe"] * 43)
    assert len(long_credit) < LONGEST_CREDIT
    assert read_credit(long_credit).strength > 0 or parse_credit(long_credit).credit_line is not None


@pytest.mark.timeout(60)
def test_span_rules_stay_linear_on_a_long_line_of_names_cut_at_connectives() -> None:
    from app.text.entity_rules import Candidate, clean_candidates

    unit = "Kestrel Bank of Jon Osei of "  # every name cut at "of", a person after each (never taken in)
    text = unit * (MB // len(unit))
    candidates = []
    for k in range(0, len(text) - len(unit), len(unit)):
        candidates.append(Candidate(k, k + len("Kestrel Bank of"), "ORG", 0))
        person = k + len("Kestrel Bank of ")
        candidates.append(Candidate(person, person + len("Jon Osei"), "PERSON", 0))
    cleaned = clean_candidates(text, candidates, split=False)
    assert {text[c.start : c.end] for c in cleaned} == {"Kestrel Bank", "Jon Osei"}


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "unit", ["(Reporting by Jane Roe in Oslo; ", "Reporting by " + "Jane Roe " * 30, "x contributed to this report "]
)
def test_signoff_spans_stay_linear(unit: str) -> None:
    from app.text.names import signoff_spans

    text = unit * (MB // len(unit))
    spans = signoff_spans(text)
    assert spans and all(0 <= s < e <= len(text) and e - s <= 260 for s, e in spans)
