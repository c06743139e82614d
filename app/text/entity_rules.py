"""Corrections of a small NER model's mentions, per article (pure functions).

Each rule is measured on CoNLL-2003 before it is kept (docs/QUALITY.md, "Entities"):

- ``clean_candidates``: span clean-up — no leading article (``the White House`` -> ``White House``), no
  possessive (``Russia's`` -> ``Russia``), no quotes, brackets or dashes at the ends, no score or rank number
  glued on (``Tottenham 2``), a span holding two names split around the number between them
  (``Watford 5 Ashford Town``); numeric types (DATE, CARDINAL ...) are not named entities and are dropped, and
  so is a span without a capital letter.
- ``relabel_places``: a person or organisation whose whole name is a country, US state, continent or sizeable city
  in the gazetteer is a place (``Kyiv`` tagged PERSON -> GPE).
- ``harmonise_labels``: one name, one label per article: every mention of a name takes the label most of its
  mentions have; a lone surname of a person named in full in the article is that person.
- ``propagate``: a name the model tagged once is tagged wherever else it stands in the article.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from app.text.lexicon import Gazetteer, Lexicon

# OntoNotes numeric and time types: values, not named things
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
PERSON = "PERSON"
PLACE_LABEL = "GPE"

_LEADING_JUNK = " \t\n\"'“”‘’«»([{*•·-–—/|,;:"
_TRAILING_JUNK = " \t\n\"'“”‘’«»)]}*•·-–—/|,;:"
_ARTICLE = re.compile(r"(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"\s?['’]s$|(?<=s)['’]$")
_NUMBER = re.compile(r"[#(]?\d[\d.,:/-]*[)%]?(?:st|nd|rd|th)?\.?")
_SEPARATOR = re.compile(r"[-–—/]{1,2}")
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A mention before grouping: offsets into the article text, label, block, model score."""

    start: int
    end: int
    label: str
    block_index: int
    score: float | None = None


def _norm(surface: str) -> str:
    """Matching key of a name: case-folded, dots and apostrophes of abbreviations removed (U.N. == UN)."""
    return re.sub(r"[.’']", "", surface).casefold().strip()


def name_key(surface: str) -> str:
    """The key under which two surface forms are the same name (case and abbreviation dots ignored)."""
    return " ".join(_norm(surface).split())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past junk at the ends, a leading article and a trailing possessive, to a fixpoint."""
    while True:
        before = (start, end)
        while start < end and text[start] in _LEADING_JUNK:
            start += 1
        while end > start and text[end - 1] in _TRAILING_JUNK:
            end -= 1
        m = _ARTICLE.match(text, start, end)
        if m and m.end() < end:
            start = m.end()
        p = _POSSESSIVE.search(text[start:end])
        if p and p.start() > 0:
            end = start + p.start()
        if (start, end) == before:
            return start, end


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span at stand-alone numbers and separators (``Watford 5 Ashford Town 0``) into name pieces."""
    pieces: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for m in _TOKEN.finditer(text, start, end):
        tok = m.group()
        if _NUMBER.fullmatch(tok) or _SEPARATOR.fullmatch(tok):
            if cur is not None:
                pieces.append(cur)
            cur = None
            continue
        cur = (m.start(), m.end()) if cur is None else (cur[0], m.end())
    if cur is not None:
        pieces.append(cur)
    return pieces


def clean_candidates(text: str, candidates: Iterable[Candidate]) -> list[Candidate]:
    """Span clean-up (see the module docstring); the result is sorted by position, without duplicates."""
    out: dict[tuple[int, int], Candidate] = {}
    for c in candidates:
        if c.label in NUMERIC_LABELS:
            continue
        for s0, e0 in _pieces(text, c.start, c.end):
            s, e = _trim(text, s0, e0)
            surface = text[s:e]
            if e <= s or not any(ch.isupper() for ch in surface) or not any(ch.isalpha() for ch in surface):
                continue
            out.setdefault((s, e), replace(c, start=s, end=e))
    return sorted(out.values(), key=lambda c: (c.start, c.end))


def relabel_places(
    text: str, candidates: Sequence[Candidate], gazetteer: Gazetteer, lexicon: Lexicon
) -> list[Candidate]:
    """A PERSON or ORG mention whose whole name is a place in the gazetteer becomes GPE.

    Cities whose name is also a common word (``Reading``, ``Mobile``) are left alone; so is an organisation named
    like a country in a sports context the model got right (only PERSON is relabelled from a city name).
    """
    out = []
    for c in candidates:
        surface = text[c.start : c.end]
        city = c.label == PERSON and gazetteer.is_place(surface, min_population=100_000)
        region = c.label in (PERSON, "ORG") and gazetteer.is_region(surface)
        if (city and not lexicon.is_common(surface)) or region:
            out.append(replace(c, label=PLACE_LABEL))
        else:
            out.append(c)
    return out


def person_surnames(text: str, candidates: Sequence[Candidate], lexicon: Lexicon) -> dict[str, str]:
    """Surname key -> full name of the persons named with two or more words (common words excluded)."""
    surnames: dict[str, str] = {}
    for c in candidates:
        if c.label != PERSON:
            continue
        words = text[c.start : c.end].split()
        if len(words) >= 2 and not lexicon.is_common(words[-1]):
            surnames.setdefault(name_key(words[-1]), text[c.start : c.end])
    return surnames


def harmonise_labels(text: str, candidates: Sequence[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """One label per name in an article: the majority label of its mentions (ties keep the first seen).

    A one-word mention that is the surname of a person named in full in the article is labelled PERSON.
    """
    surnames = person_surnames(text, candidates, lexicon)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for c in candidates:
        votes[name_key(text[c.start : c.end])][c.label] += 1
    out = []
    for c in candidates:
        key = name_key(text[c.start : c.end])
        if key in surnames and " " not in key:
            out.append(replace(c, label=PERSON))
            continue
        ranked = votes[key].most_common()
        best, n = ranked[0]
        if n > votes[key][c.label]:
            out.append(replace(c, label=best))
        else:
            out.append(c)
    return out


@dataclass(frozen=True, slots=True)
class SearchArea:
    """A stretch of the article where names may be found: a block's model input, with masked parts blanked."""

    block_index: int
    start: int
    text: str


def propagate(
    text: str, candidates: Sequence[Candidate], areas: Sequence[SearchArea], lexicon: Lexicon
) -> list[Candidate]:
    """Add a mention wherever a name the model tagged elsewhere in the article appears again, untagged.

    Names are matched whole-word and case-sensitively (in the truecased model input); one-word names that are
    common English words (``Post``, ``Bank``) are not searched for, nor are names shorter than three letters.
    Surnames of persons named in full are searched for too (``Peskov`` after ``Dmitry Peskov``).
    """
    names: dict[str, str] = {}
    for c in candidates:
        surface = text[c.start : c.end]
        words = surface.split()
        if len(surface) < 3 or (len(words) == 1 and lexicon.is_common(surface)):
            continue
        names.setdefault(surface, c.label)
    for surname in person_surnames(text, candidates, lexicon):
        for c in candidates:
            words = text[c.start : c.end].split()
            if c.label == PERSON and len(words) >= 2 and name_key(words[-1]) == surname and len(words[-1]) >= 3:
                names.setdefault(words[-1], PERSON)
    if not names:
        return list(candidates)
    taken = sorted((c.start, c.end) for c in candidates)
    added: list[Candidate] = []
    pattern = re.compile(
        r"(?<![\w&])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w&])"
    )
    for area in areas:
        for m in pattern.finditer(area.text):
            s, e = area.start + m.start(), area.start + m.end()
            if any(ts < e and s < te for ts, te in taken):
                continue
            taken.append((s, e))
            added.append(Candidate(s, e, names[m.group()], area.block_index, None))
    return sorted([*candidates, *added], key=lambda c: (c.start, c.end))
