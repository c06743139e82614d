"""Truecasing of ALL-CAPS headlines and datelines before NER, without moving a single offset.

A small NER model reads ``JAPAN GET LUCKY WIN`` as a string of organisations. Each all-caps word is given the
casing the same article uses for it elsewhere (``Japan`` ... ``win``); failing that, a place name is capitalised,
a common English word lower-cased, a short word kept as an acronym (``NFL``) and any other word capitalised as a
name. Only letter case changes, one character for one character, so offsets into the result are offsets into the
input.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from functools import lru_cache

from app.text.lexicon import Gazetteer, Lexicon

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# what may stand between a sentence end and the next word
_OPENERS = " \t\"'“‘([-–—"
_SENTENCE_END = ".!?:;"
_ACRONYM_MAX = 3


@lru_cache(maxsize=1 << 16)  # pure, called for every word of an article: most words repeat
def is_all_caps(word: str) -> bool:
    """True for a word of two or more letters, all upper case (``NATO``, ``JAPAN``)."""
    letters = "".join(filter(str.isalpha, word))
    return len(letters) >= 2 and all(map(str.isupper, letters))


def is_shouted(text: str) -> bool:
    """True when most words of ``text`` (of two or more letters) are all caps: a headline or dateline in caps."""
    words = [w for w in _WORD.findall(text) if sum(c.isalpha() for c in w) >= 2]
    if not words:
        return False
    caps = sum(is_all_caps(w) for w in words)
    return caps * 5 >= len(words) * 3 and sum(len(w) for w in words if is_all_caps(w)) >= 4


def sentence_initial(text: str, start: int) -> bool:
    """True when the word at ``start`` begins ``text``, a line or a sentence (quotes and brackets skipped)."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END or text[i] == "\n"


def is_title_case(line: str) -> bool:
    """A headline in title case: four or more words of four letters or more, every one capitalised and not all in
    capitals (``Russia Says Ready to Resume Talks as Invasion Continues``)."""
    words: list[str] = re.findall(r"[^\W\d_]{4,}", line)
    return len(words) >= 4 and all(w[0].isupper() for w in words) and not all(w.isupper() for w in words)


def casing_evidence(texts: Iterable[str], only: Collection[str] | None = None) -> dict[str, str]:
    """Lower-cased word -> the casing the texts use most for it, counting only words that are not sentence-initial
    and not all caps (so ``The`` at a sentence start and ``NATO`` say nothing), outside title-case headlines.
    ``only``: the lower-cased words asked about (the others are not counted); None: every word."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        if only is not None:
            lowered = text.lower()
            if not any(word in lowered for word in only):
                continue  # none of the words asked about is here
        if is_shouted(text) or is_title_case(text):
            continue
        for m in _WORD.finditer(text):
            word = m.group()
            key = word.lower()
            if (only is not None and key not in only) or is_all_caps(word) or sentence_initial(text, m.start()):
                continue
            seen[key][word] += 1
    return {key: forms.most_common(1)[0][0] for key, forms in seen.items()}


def _with_case_of(word: str, model: str) -> str:
    """``word`` with the letter case of ``model`` (same letters, any case), character by character."""
    return "".join(_same_length(c, m.isupper()) for c, m in zip(word, model, strict=True))


def _same_length(char: str, upper: bool) -> str:
    changed = char.upper() if upper else char.lower()
    return changed if len(changed) == 1 else char


def _title(word: str) -> str:
    return _same_length(word[0], True) + "".join(_same_length(c, False) for c in word[1:])


def _lower(word: str) -> str:
    return "".join(_same_length(c, False) for c in word)


def truecase_word(word: str, *, evidence: dict[str, str], lexicon: Lexicon, gazetteer: Gazetteer) -> str:
    """The likely casing of one all-caps word (same length as ``word``)."""
    key = word.lower()
    known = evidence.get(key)
    if known is not None and len(known) == len(word):
        return _with_case_of(word, known)
    if gazetteer.is_place(word) and not (lexicon.is_common(word) and not gazetteer.is_region(word)):
        return _title(word)
    if lexicon.is_common(word):
        return _lower(word)
    if len(word) <= _ACRONYM_MAX:
        return word
    return _title(word)


def truecase(text: str, *, evidence: dict[str, str], lexicon: Lexicon, gazetteer: Gazetteer) -> str:
    """``text`` with its all-caps words truecased (same length, same offsets).

    In a shouted line every all-caps word is truecased and the first word capitalised; in a mixed-case line only
    all-caps words the article writes otherwise elsewhere, or that are place names, change (``MIAMI`` in
    ``New York 103 MIAMI 85``), so acronyms such as ``NATO`` stay.
    """
    shouted = is_shouted(text)
    parts: list[str] = []
    last = 0
    first_word = True
    for m in _WORD.finditer(text):
        word = m.group()
        if is_all_caps(word):
            if shouted:
                new = truecase_word(word, evidence=evidence, lexicon=lexicon, gazetteer=gazetteer)
            elif (known := evidence.get(word.lower())) is not None and len(known) == len(word):
                new = _with_case_of(word, known)
            elif len(word) > _ACRONYM_MAX and gazetteer.is_place(word) and not lexicon.is_common(word):
                new = _title(word)
            else:
                new = word
            if shouted and first_word and new[:1].islower():
                new = _same_length(new[0], True) + new[1:]
            if new != word:
                parts.append(text[last : m.start()])
                parts.append(new)
                last = m.end()
        first_word = False
    if not parts:
        return text
    parts.append(text[last:])
    result = "".join(parts)
    assert len(result) == len(text)
    return result
