"""Casing classes of words, for NER models built on an uncased encoder (their ``token_type_ids``).

An uncased tokenizer lowercases its input, so ``Apple`` and ``apple`` become the same word pieces. A model trained
with ``training/ner/train.py`` gets the casing back as one token type per word piece: the class of the
whitespace-delimited token the piece belongs to. Special tokens and padding are class 0.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

CASING_CLASSES: tuple[str, ...] = ("other", "lower", "title", "upper", "mixed", "digit")
_INDEX = {name: i for i, name in enumerate(CASING_CLASSES)}


@lru_cache(maxsize=1 << 16)  # pure, and news text repeats its words: most lookups are hits
def casing_class(token: str) -> int:
    """The casing class of one whitespace-delimited token, as an index into ``CASING_CLASSES``.

    digit: it holds a digit (``1996-08-22``, ``F-16``); other: no letter; lower: ``said``; upper: two or more
    letters, all capitals (``NATO``, ``U.S.``); title: a capital then lower case, or a lone capital (``Paris``, ``A``);
    mixed: anything else (``McDonald``, ``iPhone``).
    """
    if any(c.isdigit() for c in token):
        return _INDEX["digit"]
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return _INDEX["other"]
    if all(c.islower() for c in letters):
        return _INDEX["lower"]
    if all(c.isupper() for c in letters):
        return _INDEX["upper"] if len(letters) > 1 else _INDEX["title"]
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return _INDEX["title"]
    return _INDEX["mixed"]


def casing_token_types(text: str, offsets: Sequence[tuple[int, int]]) -> list[int]:
    """Per word piece (character ``offsets`` into ``text``; ``(0, 0)`` for special tokens), its casing class."""
    starts, ends = _tokens(text)
    out: list[int] = []
    for start, end in offsets:
        if end <= start:
            out.append(0)
            continue
        k = bisect_right(starts, start) - 1
        if k < 0 or ends[k] <= start:
            out.append(0)
            continue
        out.append(casing_class(text[starts[k] : ends[k]]))
    return out


@lru_cache(maxsize=8)  # a long text's windows each ask for the same text's tokens
def _tokens(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the whitespace-delimited tokens of ``text``."""
    spans = [m.span() for m in _TOKEN.finditer(text)]
    return [lo for lo, _ in spans], [hi for _, hi in spans]


_TOKEN = re.compile(r"\S+")
