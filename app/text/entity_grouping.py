"""Grouping of an article's mentions into entities, one per real-world thing, with salience (pure functions).

Mentions group when they have the same label and
- the same name up to case and abbreviation dots (``U.N.`` / ``UN``, ``KYIV`` / ``Kyiv``); possessives were cut
  off the spans before (``Russia's`` -> ``Russia``), or
- for persons: the same given name (or its initial) and surnames that are transliteration variants of each other
  (``Zelenskiy`` / ``Zelenskyy`` / ``Zelensky``: Damerau-Levenshtein similarity of the ASCII-folded surnames of at
  least 0.8, same first letter, at least five letters), or a lone surname (``Peskov``) that is, or is a variant of,
  the surname of one person named in full (``Dmitry Peskov``) — the nearest such person before it, else after it.
  People who share only a given name (``Anna Berg`` / ``Anna Lind``) stay apart, and so do first-name-only
  mentions.

Canonical text is the fullest form (most words, then longest, then not all caps, then most frequent, then first);
the other surface forms are ``aliases``.

Salience, in [0, 1], is a weighted sum of four signals, each in [0, 1]:

    salience = 0.35 * frequency + 0.25 * position + 0.25 * headline + 0.15 * body

- frequency: the entity's weighted mention count over the largest one in the article (a mention in a caption
  counts half, every other mention one);
- position: 1 - (offset of its first mention / length of the article);
- headline: 1 when it is mentioned in the title or standfirst, else 0;
- body: 1 when it is mentioned in body text (body, heading, dateline), else 0 (caption-only things matter less).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.text.entity_rules import PERSON, Candidate, name_key
from app.text.types import BlockKind, Entity, Mention

SALIENCE_WEIGHTS = {"frequency": 0.35, "position": 0.25, "headline": 0.25, "body": 0.15}
CAPTION_WEIGHT = 0.5
SURNAME_SIMILARITY = 0.8
_MIN_VARIANT_LEN = 5
_HEADLINE_KINDS = frozenset({"title", "standfirst"})
_BODY_KINDS = frozenset({"body", "heading", "dateline"})


def fold(word: str) -> str:
    """ASCII-folded, case-folded form of a word (``Zelens'kyy`` -> ``zelenskyy``) for comparing spellings."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if c.isalnum() and ord(c) < 128).casefold()


def similarity(a: str, b: str) -> float:
    """1 - (optimal-string-alignment Damerau-Levenshtein distance / length of the longer string)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return 1.0 - prev[len(b)] / max(len(a), len(b))


def same_surname(a: str, b: str) -> bool:
    """True when two surnames are the same or transliteration variants (``Zelenskiy`` / ``Zelenskyy``)."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    return min(len(fa), len(fb)) >= _MIN_VARIANT_LEN and fa[0] == fb[0] and similarity(fa, fb) >= SURNAME_SIMILARITY


def _same_given(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if len(fa) == 1 or len(fb) == 1:  # an initial
        return fa[0] == fb[0]
    return fa == fb or same_surname(a, b)


def _person_words(surface: str) -> list[str]:
    return [w for w in re.split(r"\s+", surface.strip()) if w]


def _same_person(full_a: str, full_b: str) -> bool:
    wa, wb = _person_words(full_a), _person_words(full_b)
    return _same_given(wa[0], wb[0]) and same_surname(wa[-1], wb[-1])


@dataclass(slots=True)
class _Group:
    label: str
    members: list[Candidate]
    full_name: str | None = None  # for persons named with two or more words


def group_mentions(
    text: str, candidates: Sequence[Candidate], block_kinds: Mapping[int, BlockKind]
) -> tuple[Entity, ...]:
    """Group mentions into entities (see the module docstring), sorted by salience, highest first."""
    ordered = sorted(candidates, key=lambda c: (c.start, c.end))
    groups: list[_Group] = []
    by_key: dict[tuple[str, str], _Group] = {}
    persons: list[_Group] = []
    lone: list[Candidate] = []
    # pass 1: full names and non-person names; pass 2: lone person names
    for c in ordered:
        surface = text[c.start : c.end]
        key = (c.label, name_key(surface))
        if c.label == PERSON and len(_person_words(surface)) < 2:
            lone.append(c)
            continue
        group = by_key.get(key)
        if group is None and c.label == PERSON:
            group = next((g for g in persons if g.full_name and _same_person(g.full_name, surface)), None)
        if group is None:
            group = _Group(c.label, [], surface if c.label == PERSON else None)
            groups.append(group)
            if c.label == PERSON:
                persons.append(group)
        by_key[key] = group
        group.members.append(c)
    for c in lone:
        surface = text[c.start : c.end]
        key = (c.label, name_key(surface))
        matches = [g for g in persons if g.full_name and same_surname(_person_words(g.full_name)[-1], surface)]
        if matches:
            before = [g for g in matches if g.members[0].start < c.start]
            group = (
                max(before, key=lambda g: max(m.start for m in g.members if m.start < c.start))
                if before
                else min(matches, key=lambda g: g.members[0].start)
            )
        else:
            group = by_key.get(key)
            if group is None:
                group = _Group(c.label, [])
                groups.append(group)
                by_key[key] = group
        group.members.append(c)
    return _entities(text, groups, block_kinds)


def _canonical(text: str, members: Sequence[Candidate]) -> tuple[str, tuple[str, ...]]:
    forms: dict[str, list[int]] = {}
    for m in members:
        forms.setdefault(text[m.start : m.end], []).append(m.start)

    def rank(form: str) -> tuple[int, int, int, int, int]:
        letters = [c for c in form if c.isalpha()]
        all_caps = len(letters) > 1 and all(c.isupper() for c in letters)
        return (len(form.split()), len(form), 0 if all_caps else 1, len(forms[form]), -forms[form][0])

    canonical = max(forms, key=rank)
    aliases = tuple(f for f in sorted(forms, key=lambda f: forms[f][0]) if f != canonical)
    return canonical, aliases


def _entity_id(label: str, canonical: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold_keep_spaces(canonical)).strip("-")
    digest = hashlib.sha256(f"{label}|{name_key(canonical)}".encode()).hexdigest()[:8]
    return f"{label.lower()}:{slug or 'x'}:{digest}"


def fold_keep_spaces(surface: str) -> str:
    """ASCII-folded, case-folded text with spaces kept (for slugs)."""
    decomposed = unicodedata.normalize("NFKD", surface)
    return "".join(c for c in decomposed if ord(c) < 128).casefold()


def _entities(text: str, groups: Sequence[_Group], block_kinds: Mapping[int, BlockKind]) -> tuple[Entity, ...]:
    length = max(1, len(text))
    weights = [
        sum(CAPTION_WEIGHT if block_kinds.get(m.block_index) == "caption" else 1.0 for m in g.members) for g in groups
    ]
    top = max(weights, default=1.0) or 1.0
    built: list[tuple[float, int, Entity]] = []
    for group, weight in zip(groups, weights, strict=True):
        members = sorted(group.members, key=lambda c: (c.start, c.end))
        kinds = {block_kinds.get(m.block_index) for m in members}
        canonical, aliases = _canonical(text, members)
        in_body = bool(kinds & _BODY_KINDS)
        salience = (
            SALIENCE_WEIGHTS["frequency"] * (weight / top)
            + SALIENCE_WEIGHTS["position"] * (1.0 - members[0].start / length)
            + SALIENCE_WEIGHTS["headline"] * (1.0 if kinds & _HEADLINE_KINDS else 0.0)
            + SALIENCE_WEIGHTS["body"] * (1.0 if in_body else 0.0)
        )
        entity = Entity(
            id=_entity_id(group.label, canonical),
            text=canonical,
            label=group.label,
            aliases=aliases,
            mention_count=len(members),
            salience=round(min(1.0, max(0.0, salience)), 4),
            in_body=in_body,
            in_captions="caption" in kinds,
            mentions=tuple(Mention(text[m.start : m.end], m.start, m.end, m.block_index) for m in members),
        )
        built.append((entity.salience, members[0].start, entity))
    built.sort(key=lambda t: (-t[0], t[1]))
    return tuple(e for _, _, e in built)
