"""Grouping of an article's mentions into entities, one per real-world thing, with salience (pure functions).

Mentions group when they have the same label and
- the same name up to case and abbreviation dots (``U.N.`` / ``UN``, ``KYIV`` / ``Kyiv``); possessives were cut
  off the spans before (``Russia's`` -> ``Russia``); a nation's other names are its name (``U.S.`` / ``United
  States``, ``Britain`` / ``UK``: ``lexicon.COUNTRY_NAMES``), or
- for persons: the same given name (or its initial) and surnames that are transliteration variants of each other
  (``Zelenskiy`` / ``Zelenskyy`` / ``Zelensky``: Damerau-Levenshtein similarity of the ASCII-folded surnames of at
  least 0.8, same first letter, at least five letters), or a lone surname (``Peskov``) that is, or is a variant of,
  the surname of one person named in full (``Dmitry Peskov``) — the nearest such person before it, else after it.
  A surname after a courtesy title (``Ms Altice``, ``Mr. Lane``, ``Dr Okafor``) is such a lone surname: with the
  title taken for a given name it made a person of its own, which split the count and took the bare surnames after
  it (``Lane`` went to ``Mr Lane``, not ``Chris Lane``). People who share only a given name (``Anna Berg`` /
  ``Anna Lind``) stay apart, and so do first-name-only mentions.

Canonical text is the fullest form (a full name before a titled surname, then most words, then longest, then not
all caps, then most frequent, then first); the other surface forms are ``aliases``.

Salience, in [0, 1], is a weighted sum of four signals, each in [0, 1], times 0.3 for a nationality or group
(NORP: ``Ukrainian`` describes the story, it is rarely its subject) and times 0.5 for a news agency named as the
source (``AP reports``):

    salience = (0.5 * frequency + 0.2 * position + 0.2 * headline + 0.1 * body) * factors

- frequency: the entity's weighted mention count over the largest one in the article (a mention in a caption
  counts half, every other mention one);
- position: 1 - (offset of its first mention / length of the article);
- headline: 1 when it is mentioned in the title or standfirst, else 0;
- body: 1 when it is mentioned in body text (body, heading, dateline), else 0 (caption-only things matter less).

Stage 1.1 used 0.35 / 0.25 / 0.25 / 0.15 and no factors (``SALIENCE_V1``); both are measured against CNN/DM
highlights by ``benchmarks/eval_salience.py``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from app.text.agencies import agency_of
from app.text.entity_rules import PERSON, PLACE_LABELS, Candidate, name_key, surname
from app.text.lexicon import COUNTRY_NAMES, US_STATE_ABBREVIATIONS
from app.text.names import name_case
from app.text.sentences import display_text
from app.text.types import BlockKind, Entity, Mention

CAPTION_WEIGHT = 0.5
SURNAME_SIMILARITY = 0.8
_MIN_VARIANT_LEN = 5
_HEADLINE_KINDS = frozenset({"title", "standfirst"})
_BODY_KINDS = frozenset({"body", "heading", "dateline"})
# titles that stand before a surname alone (``Ms Altice``); ``Sir``, ``Lord`` and ``Dame`` go with a given name
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof"})
# a nation's other names group with its name (``U.S.`` / ``United States``, ``Britain`` / ``UK``), and a US state's
# abbreviation with the state (``Ore.`` / ``Oregon``)
_NATION_KEYS = {name_key(other): name_key(name) for other, name in COUNTRY_NAMES.items()} | {
    name_key(abbreviation): name_key(state) for abbreviation, state in US_STATE_ABBREVIATIONS.items()
}


def group_key(label: str, surface: str) -> tuple[str, str]:
    """The key under which mentions of one label are the same name (a nation's other names under its name)."""
    key = name_key(surface)
    return label, _NATION_KEYS.get(key, key) if label in PLACE_LABELS else key


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


def titled_surname(surface: str) -> str | None:
    """The surname of a courtesy title and a surname (``Ms. Altice`` -> ``Altice``), else None."""
    words = _person_words(surface)
    if len(words) == 2 and words[0].rstrip(".").casefold() in COURTESY_TITLES:
        return words[1]
    return None


def _lone_surname(surface: str) -> str | None:
    """The surname a person mention names on its own: a one-word mention, or a titled surname."""
    words = _person_words(surface)
    return words[0] if len(words) == 1 else titled_surname(surface)


def _same_person(full_a: str, full_b: str) -> bool:
    wa, wb = _person_words(full_a), _person_words(full_b)
    return _same_given(wa[0], wb[0]) and same_surname(surname(full_a), surname(full_b))


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
        key = group_key(c.label, surface)
        if c.label == PERSON and (len(_person_words(surface)) < 2 or titled_surname(surface) is not None):
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
    groups = _join_short_org_names(text, groups)
    for c in lone:
        alone = _lone_surname(text[c.start : c.end]) or ""
        key = (c.label, name_key(alone))  # ``Ms Madeley`` and ``Madeley`` are one person with no full name either
        matches = [g for g in persons if g.full_name and same_surname(surname(g.full_name), alone)]
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


@dataclass(frozen=True, slots=True)
class _OrgName:
    """What the short-name test reads of an organisation's name, worked out once per name."""

    keys: tuple[str, ...]  # each word's name_key
    initials: str  # the first letters of its capitalised words
    letters: str  # the name without full stops

    @classmethod
    def of(cls, name: str) -> _OrgName:
        words = _person_words(name)
        return cls(
            tuple(name_key(w) for w in words), "".join(w[0] for w in words if w[:1].isupper()), name.replace(".", "")
        )

    def shortens(self, full: _OrgName) -> bool:
        n = len(self.keys)
        if not n or n >= len(full.keys):
            return False
        if self.keys == full.keys[:n]:
            return True
        return n == 1 and len(self.letters) >= 2 and self.letters.isupper() and self.letters == full.initials


def org_short_name_of(short: str, full: str) -> bool:
    """True when ``short`` is the short name of the organisation ``full``: its first word(s) (``Vesmark`` of
    ``Vesmark Mining Corp``) or the initials of its capitalised words (``EMC`` of ``European Mining Council``)."""
    return _OrgName.of(short).shortens(_OrgName.of(full))


def _join_short_org_names(text: str, groups: list[_Group]) -> list[_Group]:
    """An ORG mentioned by its short name joins the one longer ORG of the article it is the short name of.

    Both must be ORG (a place or person never joins an organisation), and a short name that fits two longer
    organisations stays on its own.
    """
    orgs = [g for g in groups if g.label == "ORG"]
    names = [_OrgName.of(text[g.members[0].start : g.members[0].end]) for g in orgs]
    merged: set[int] = set()
    for g, short in zip(orgs, names, strict=True):
        hosts = [h for h, full in zip(orgs, names, strict=True) if h is not g and short.shortens(full)]
        if len(hosts) == 1 and id(hosts[0]) not in merged:
            hosts[0].members.extend(g.members)
            merged.add(id(g))
    return [g for g in groups if id(g) not in merged]


def _canonical(text: str, members: Sequence[Candidate]) -> tuple[str, tuple[str, ...]]:
    forms: dict[str, list[int]] = {}
    for m in members:  # a name the wrap cut is named as printed on one line ("Eintracht Frankfurt", "Saint-Denis")
        forms.setdefault(display_text(text[m.start : m.end]), []).append(m.start)

    def rank(form: str) -> tuple[int, int, int, int, int, int]:
        letters = [c for c in form if c.isalpha()]
        all_caps = len(letters) > 1 and all(c.isupper() for c in letters)
        words = len(form.split())
        full = words >= 2 and titled_surname(form) is None
        return (1 if full else 0, words, len(form), 0 if all_caps else 1, len(forms[form]), -forms[form][0])

    canonical = max(forms, key=rank)
    aliases = tuple(f for f in sorted(forms, key=lambda f: forms[f][0]) if f != canonical)
    return canonical, aliases


_SHOUTED_MIN_LETTERS = 4


def display_case(entity: Entity, is_place: Callable[[str], bool]) -> Entity:
    """An entity printed only in capitals (a dateline's ``WASHINGTON``, a headline's ``SCHUMER``) named in the case a
    reader expects: a person's name, and a place the gazetteer knows, name-cased (``Washington``, ``Schumer``; the
    capitals stay an alias). Acronyms stay (``NATO``, ``NASA``; ``UK`` and ``UAE`` are abbreviations of nations);
    the id does not change (it is case-folded)."""
    letters = [c for c in entity.text if c.isalpha()]
    if len(letters) < _SHOUTED_MIN_LETTERS or not all(c.isupper() for c in letters):
        return entity
    place = entity.label in PLACE_LABELS and entity.text not in COUNTRY_NAMES and is_place(entity.text)
    # a single word of four capitals is as often a call sign or an acronym taken for a person ("WRAL", "KPHO")
    person = entity.label == PERSON and (" " in entity.text or len(letters) > _SHOUTED_MIN_LETTERS)
    if not (person or place):
        return entity
    return replace(entity, text=name_case(entity.text), aliases=(entity.text, *entity.aliases))


def _entity_id(label: str, canonical: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold_keep_spaces(canonical)).strip("-")
    digest = hashlib.sha256(f"{label}|{name_key(canonical)}".encode()).hexdigest()[:8]
    return f"{label.lower()}:{slug or 'x'}:{digest}"


def fold_keep_spaces(surface: str) -> str:
    """ASCII-folded, case-folded text with spaces kept (for slugs)."""
    decomposed = unicodedata.normalize("NFKD", surface)
    return "".join(c for c in decomposed if ord(c) < 128).casefold()


@dataclass(frozen=True, slots=True)
class SalienceFeatures:
    """The signals salience is made of, each in [0, 1] (see the module docstring)."""

    frequency: float
    position: float
    headline: float
    body: float
    label: str
    source: bool  # a news agency's name (``AP``, ``Reuters``): the story's source, rarely its subject


@dataclass(frozen=True, slots=True)
class SalienceWeights:
    """How the signals combine: a weighted sum, times a factor per label and for a news source."""

    frequency: float = 0.35
    position: float = 0.25
    headline: float = 0.25
    body: float = 0.15
    label_factor: tuple[tuple[str, float], ...] = ()
    source_factor: float = 1.0

    def score(self, f: SalienceFeatures) -> float:
        total = (
            self.frequency * f.frequency + self.position * f.position + self.headline * f.headline + self.body * f.body
        )
        total *= dict(self.label_factor).get(f.label, 1.0)
        if f.source:
            total *= self.source_factor
        return round(min(1.0, max(0.0, total)), 4)


SALIENCE_V1 = SalienceWeights()
# chosen on summaries/cnndm-dev.jsonl (benchmarks/eval_salience.py, docs/QUALITY.md): above both baselines ("most
# frequent", "first mentioned") at precision@3 and @5 in-sample, and the cross-validated choice (``--cv``) of 3 of 5
# folds and of all the articles; held out it ties "most frequent" at @3
SALIENCE = SalienceWeights(
    frequency=0.5, position=0.2, headline=0.2, body=0.1, label_factor=(("NORP", 0.3),), source_factor=0.5
)


def mention_weight(members: Sequence[Mention], block_kinds: Mapping[int, BlockKind]) -> float:
    """An entity's weighted mention count: a caption mention counts half, every other one."""
    return sum(CAPTION_WEIGHT if block_kinds.get(m.block_index) == "caption" else 1.0 for m in members)


def salience_features(
    entity: Entity, block_kinds: Mapping[int, BlockKind], text_length: int, top_weight: float
) -> SalienceFeatures:
    """The salience signals of an entity of an article of ``text_length`` characters; ``top_weight`` is the
    largest ``mention_weight`` of the article's entities."""
    kinds = {block_kinds.get(m.block_index) for m in entity.mentions}
    first = min(m.start for m in entity.mentions)
    return SalienceFeatures(
        frequency=mention_weight(entity.mentions, block_kinds) / (top_weight or 1.0),
        position=1.0 - first / max(1, text_length),
        headline=1.0 if kinds & _HEADLINE_KINDS else 0.0,
        body=1.0 if kinds & _BODY_KINDS else 0.0,
        label=entity.label,
        source=entity.label == "ORG" and all(agency_of(form) is not None for form in (entity.text, *entity.aliases)),
    )


def rank(
    entities: Sequence[Entity],
    block_kinds: Mapping[int, BlockKind],
    text_length: int,
    weights: SalienceWeights = SALIENCE,
) -> tuple[Entity, ...]:
    """The entities with their salience under ``weights``, highest first (ties: first mentioned first)."""
    top = max((mention_weight(e.mentions, block_kinds) for e in entities), default=1.0)
    scored = [replace(e, salience=weights.score(salience_features(e, block_kinds, text_length, top))) for e in entities]
    scored.sort(key=lambda e: (-e.salience, min(m.start for m in e.mentions)))
    return tuple(scored)


def _entities(text: str, groups: Sequence[_Group], block_kinds: Mapping[int, BlockKind]) -> tuple[Entity, ...]:
    built: list[Entity] = []
    for group in groups:
        members = sorted(group.members, key=lambda c: (c.start, c.end))
        kinds = {block_kinds.get(m.block_index) for m in members}
        canonical, aliases = _canonical(text, members)
        built.append(
            Entity(
                id=_entity_id(group.label, canonical),
                text=canonical,
                label=group.label,
                aliases=aliases,
                mention_count=len(members),
                salience=0.0,
                in_body=bool(kinds & _BODY_KINDS),
                in_captions="caption" in kinds,
                mentions=tuple(Mention(text[m.start : m.end], m.start, m.end, m.block_index) for m in members),
            )
        )
    return rank(built, block_kinds, len(text))
