"""Image credits: recognising them in text and parsing them into IPTC terms (pure functions, no I/O).

A credit is read as up to three parts: an optional label (``Photo:``, ``Photograph by``, ``Credit:``,
``Courtesy of``, ``AP Photo/``), then segments separated by ``/`` or ``;`` (``DIMITAR DILKOFF/AFP via Getty``),
each of which is a person (IPTC Creator), a known agency (``agencies.AGENCIES``) or another organisation, and the
connectives ``via`` (a distributor: ``AFP via Getty Images``) and ``for`` (a commission: ``Name for The Washington
Post``). How sure the reading is (``CreditReading.strength``) lets the segmenter accept a labelled or agency credit
anywhere, but a bare organisation name only next to a caption.

All scanning is over bounded windows and whitespace tokens; the few regexes have no nested quantifiers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from app.text.agencies import DISTRIBUTORS, ROLES, agency_of, is_weak_alone, leading_agency, wire_service_of
from app.text.layout import vocab
from app.text.lexicon import PersonNames, load_gazetteer, load_person_names
from app.text.names import (
    HAN,
    NAME_CONNECTIVES,
    NUMBER_REMARK,
    ZH_NAME,
    is_name_word,
    looks_like_person_name,
    name_case,
    signed_byline,
    word_count,
    wordset,
)
from app.text.tables import table_row
from app.text.types import ParsedCredit

_LABEL_WORDS = vocab.CREDIT_LABEL_WORDS  # looked up per line: a module name, not an attribute


class Strength(IntEnum):
    """How clearly a string is a picture credit."""

    NONE = 0
    WEAK = 1  # an organisation name on its own ("The London Standard"): a credit only next to a caption
    MEDIUM = 2  # a structure typical of credits without a known agency ("Mario Jasso/Cuartoscuro")
    STRONG = 3  # a credit label, or a known agency ("Photo: ...", "AP Photo/...", "REUTERS", "Name/AFP")


@dataclass(frozen=True, slots=True)
class CreditReading:
    strength: Strength
    parsed: ParsedCredit


@dataclass(frozen=True, slots=True)
class InlineCredit:
    """A credit inside a caption block; offsets relative to the block text."""

    start: int  # the credit as reported in ``raw`` (no brackets, label kept)
    end: int
    caption_end: int  # where the caption text ends (before the credit and its separator)
    caption_start: int = 0  # where the caption text starts (after a leading credit)


_MARK = "|".join(re.escape(m) for m in vocab.CREDIT_MARKS)
_MARKS: frozenset[str] = frozenset(vocab.CREDIT_MARKS)
_LABEL = re.compile(
    r"^(?:(?:"
    + vocab.alternation(vocab.union(vocab.CREDIT_LABELS))
    # "PHOTO | FILE | NATION MEDIA GROUP": a bar after the label, as a colon
    # "Credit...Doug Mills/The New York Times": an ellipsis after the label, as the New York Times prints it
    + r")\s{0,3}(?:[:：=＝／…]|\|(?=\s)|\.{3})\s{0,3}(?:(?:"
    + _MARK
    + r")\s{0,3})?"
    r"|image source\s{0,2}[,:]\s{0,3}|(?:" + _MARK + r")\s{0,3}"
    # "Bild © picture alliance/dpa", "Foto © Name": a label, then the mark instead of a colon
    r"|(?:" + vocab.alternation(vocab.union(vocab.CREDIT_LABELS)) + r")\s{1,3}(?:" + _MARK + r")\s{0,3}"
    # "Copyright Jane Roe/AP", "Droits d'auteur © Euronews": a copyright word opens a credit as a mark does
    r"|(?:" + vocab.alternation(vocab.union(vocab.COPYRIGHT_WORDS)) + r")\s{1,3}(?:(?:" + _MARK + r")\s{0,3})?"
    r"|(?:" + vocab.alternation(vocab.union(vocab.CREDIT_ABBREVIATIONS)) + r")\s{0,3}(?=\w))",
    re.IGNORECASE,
)
# A label without its colon, before what it labels: "Foto ANSA", "Photo d'archives AFP", "Foto de archivo EFE"
_BARE_LABEL = re.compile(r"(?:" + vocab.alternation(vocab.union(vocab.CREDIT_LABELS)) + r")\s{1,3}", re.IGNORECASE)
_PHOTOGRAPHER_ROLES: frozenset[str] = frozenset(vocab.union(vocab.PHOTOGRAPHER_ROLES))
_WRITER_TITLES = vocab.JOB_TITLE_WORDS
_COURTESY = re.compile(
    r"^(?:" + vocab.alternation(vocab.union(vocab.COURTESY_LABELS)) + r")(?:\s{0,2}:\s{0,3}|\s{1,3})", re.IGNORECASE
)
# a telephone number: "312-408-8787", "+44 20 7542 1234" (a desk's contact line, never a picture's credit)
_TELEPHONE = re.compile(r"\b\d{3}[-.]\d{3}[-.]\d{4}\b|\+\d{1,3}(?:[ -]\d{2,4}){2,}")
_AP_PHOTO = re.compile(r"^AP\s{0,2}Photos?(?:\s{0,2}/\s{0,2}|\s{0,2}$)")
# A label inside a caption block, before its credit: "... power. Credit: AFP/Getty", "... Foto: Privat",
# "... abgebrochen. © Name/dpa". Case-insensitive; the caller checks what stands before it.
# The lookbehind first (not after a letter, or a capital glued to a lower-case letter) keeps the long alternation
# from being tried inside words: a few starts per line instead of every character.
_INLINE_LABEL = re.compile(
    r"(?:(?<![^\W\d_])|(?<=[^\W\d_])(?=(?-i:[A-ZÀ-ÖØ-Þ])))(?:"
    r"(?:" + vocab.alternation(vocab.union(vocab.CREDIT_LABELS)) + r")\s?[:：=＝／]\s?"
    r"|(?:" + vocab.alternation(vocab.union(vocab.CREDIT_BY_LABELS)) + r")\s"
    r"|(?:" + _MARK + r")\s?)",
    re.IGNORECASE,
)
_ORG_WORDS: frozenset[str] = wordset(
    """
    agency archive archives center centre collection company council court department foundation gallery government
    group handout herald image images inc institute journal library live ltd magazine media ministry museum network
    news newswire office photo photography photos picture pictures police pool post press productions project service
    stock studio studios times tv university wire partnership alliance authority board commission trust society
    coalition union federation bureau administration laboratory lab observatory survey statistics committee association
    corporation partners holdings bank fund programme program initiative campaign party army navy force forces
    command services parliament senate congress assembly club team school college hospital church festival
    agents estate estates properties realty lettings hotel hotels resort resorts restaurant brewery airline
    airlines airport zoo aquarium theatre theater cinema records publishing publishers
    agencia agência agence agentur agenzia agentschap
    gazette tribune globe chronicle courier observer examiner inquirer dispatch bulletin telegraph guardian mirror
    express independent sentinel register ledger daily weekly
    """
)
_MAX_CREDIT_WORDS = 16
# "Copyright 2026 The AP. All rights reserved.": a copyright word, then a reservation: the article's rights notice
_COPYRIGHT_OPENER = re.compile(r"(?:" + vocab.alternation(vocab.union(vocab.COPYRIGHT_WORDS)) + r")\s", re.IGNORECASE)
_RESERVED = re.compile(vocab.alternation(vocab.union(vocab.RIGHTS_RESERVED)), re.IGNORECASE)
# "Jane Roe for The Washington Post", "Jean Dupont pour « Le Monde »": the photographer, then the publication
_COMMISSIONED_FOR = re.compile(r" (?:" + vocab.alternation(vocab.union(vocab.COMMISSIONED_FOR)) + r") ", re.IGNORECASE)
_LABELS_AFTER = vocab.alternation(vocab.union(vocab.CREDIT_LABELS_AFTER))
_LABEL_AFTER = re.compile(r"\s(?:" + _LABELS_AFTER + r")$", re.IGNORECASE)
_LABEL_INSIDE = re.compile(r"^(\S[^/]{0,40}?)\s(?:" + _LABELS_AFTER + r")\s(\S.{0,60})$", re.IGNORECASE)
_LABEL_AFTER_MAX_WORDS = 4
_ANY_SOURCE_AFTER: frozenset[str] = frozenset(vocab.LABELS_AFTER_ANY_SOURCE)
_COMMISSIONED_WORDS: frozenset[str] = frozenset(vocab.union(vocab.COMMISSIONED_FOR))
_PICTURE_REMARKS: frozenset[str] = frozenset(vocab.union(vocab.CREDIT_REMARKS))
_PRIVATE_SOURCES: frozenset[str] = frozenset(vocab.union(vocab.PRIVATE_SOURCES))
_EDITOR_INITIALS = re.compile(r"[a-z]{2,4}\.?")
_TRAILING_YEAR = re.compile(r"\s(?:19|20)\d{2}$")


def _words(s: str) -> list[str]:
    return s.split()


def _strip_brackets(s: str) -> str:
    s = s.strip()
    if s[:3].casefold() == "(c)":  # the copyright mark written with letters: "(c) APA/Name", not a bracket
        return "©" + s[3:]
    while len(s) >= 2 and s[0] in "([{（［" and s[-1] in ")]}）］":
        s = s[1:-1].strip()
    return s.strip("([{)]}（［）］ \t")


_DOMAIN = re.compile(r"^[a-z][a-z0-9-]{1,30}\.(?:[a-z]{2,3})$", re.IGNORECASE)


def _is_org(seg: str) -> bool:
    """Capitalised words (connectives allowed), or an acronym: ``Birmingham Live``, ``ICJ-CIJ``, ``MSB``."""
    words = _words(seg)
    if not words or len(words) > 8:
        return False
    if len(words) == 1 and _DOMAIN.match(words[0]):
        return True  # a site's name: "mbl.is", "golem.de", "heise.de"
    if not (_capital(words[0][:1]) or words[0][:1].isdigit() or agency_of(seg) is not None):
        return False
    for w in words:
        core = w.strip(".,()'’")
        if not core:
            continue
        if core.casefold() in NAME_CONNECTIVES:
            continue
        if not (_capital(core[0]) or core[0].isdigit()):
            return False
    return True


def _capital(ch: str) -> bool:
    """A capital letter, or a letter of a script without case (Hangul, kana, Han): any of them may start a name."""
    return ch.isupper() or (ch.isalpha() and not ch.islower())


def _has_org_word(seg: str) -> bool:
    return any(w.strip(".,()").casefold() in _ORG_WORDS for w in seg.split())


def _is_person(seg: str) -> bool:
    if agency_of(seg) is not None:
        return False
    words = _words(seg)
    if any(w.strip(".,").casefold() in _ORG_WORDS for w in words):
        return False
    if words and words[0].casefold() in _TITLE_ARTICLES and len(words) >= 2:
        return False  # "Le Parisien", "The Riverton Herald": an article opens a publication's name, no person's
    return looks_like_person_name(seg.strip(" .,")) or _INITIALS_SURNAME.fullmatch(seg.strip(" ,")) is not None


_SPECIAL_TO = re.compile(r"special to (?:the )?", re.IGNORECASE)  # a freelance's picture for the paper
_TITLE_ARTICLES = frozenset({"the", "le", "la", "les", "die", "der", "das", "el", "los", "il", "lo", "de", "het"})


# "R. Ragu", "K.V. Srinivasan": initials and one name, as South Indian photographers sign
_INITIALS_SURNAME = re.compile(r"(?:[A-ZÀ-Þ]\.\s?){1,3}[A-ZÀ-Þ][a-zß-ÿ]{2,25}")


@dataclass(slots=True)
class _Parts:
    creators: list[str]
    owners: list[tuple[str, str | None]]  # (printed, canonical agency or None)
    distributors: list[tuple[str, str]]  # (printed, canonical)
    extra: list[str]  # trailing notes kept in the credit line ("Courtesy of the ICJ")
    unknown: int  # segments that are neither person nor organisation
    has_agency: bool
    first_is_person: bool = False
    commissioned: bool = False  # "Name for Publication"
    remarked: bool = False  # "Dawn/File": a remark that the picture is an old one


def _printed_distributor(printed: str, canonical: str) -> str:
    if canonical == "Getty Images" and printed.casefold() in ("getty", "getty images"):
        return "Getty Images"
    return printed


def _add_segment(seg: str, parts: _Parts) -> None:
    seg = seg.strip(" .,;:|")
    if not seg:
        return
    if seg.casefold().startswith("via "):
        seg = seg[4:].strip()
    low = seg.casefold()
    via = low.rfind(" via ")
    if via > 0:
        owner, dist = seg[:via].strip(), seg[via + 5 :].strip()
        canonical = agency_of(dist)
        if canonical is not None:
            parts.distributors.append((_printed_distributor(dist, canonical), canonical))
            parts.has_agency = True
        elif _is_org(dist):
            parts.distributors.append((dist, dist))
        _add_segment(owner, parts)
        return
    special = _SPECIAL_TO.match(seg)
    if parts.creators and special and _is_org(seg[special.end() :]):
        parts.owners.append((seg[special.end() :], None))  # "Jane Roe/Special to the Gazette": commissioned by it
        parts.commissioned = True
        return
    first, _, rest = seg.partition(" ")
    if parts.creators and rest and first.casefold() in _COMMISSIONED_WORDS and _is_org(rest):
        parts.owners.append((rest, agency_of(rest)))  # "Jane Doe / For The Times": commissioned by the paper
        parts.commissioned = True
        return
    if low in _PICTURE_REMARKS:
        parts.remarked = True
        return  # "REUTERS/Henry Romero/File Photo", "dpa/Archiv": a remark on the picture, not its owner
    head, _, last = seg.rpartition(" ")
    if head and last.casefold() in _PICTURE_REMARKS and agency_of(head) is not None:
        seg, low = head, head.casefold()  # "Getty Images file": the agency, then a remark that the picture is old
    if (parts.owners or parts.creators) and _EDITOR_INITIALS.fullmatch(seg) and agency_of(seg) is None:
        return  # "ANTARA FOTO/Aji Styawan/nym.": the desk editor's initials after the credit
    year = _TRAILING_YEAR.search(seg)
    if year is not None and year.start() > 0:
        seg, low = seg[: year.start()], low[: year.start()]  # "© ANTARA 2024": the year is no part of the name
    comm = _COMMISSIONED_FOR.search(seg)
    if comm is not None:
        person, publication = seg[: comm.start()].strip(), seg[comm.end() :].strip(' «»“”"„')
        if _is_person(person) and _is_org(publication):
            parts.creators.append(name_case(person))
            parts.commissioned = True
            canonical = agency_of(publication)
            parts.owners.append((publication, canonical))
            parts.has_agency = parts.has_agency or canonical is not None
            return
    inner = _LABEL_INSIDE.match(seg)
    inner_agency = agency_of(inner.group(1)) if inner is not None else None
    if inner is not None and inner_agency is not None and _is_person(inner.group(2)):
        # "BELGA PHOTO DIRK WAEM": the agency, its label, the photographer
        parts.owners.append((inner.group(1), inner_agency))
        parts.creators.append(name_case(inner.group(2)))
        parts.has_agency = True
        return
    labelled_after = _LABEL_AFTER.search(seg)
    if labelled_after is not None and agency_of(seg) is None and agency_of(seg[: labelled_after.start()]) is not None:
        seg = seg[: labelled_after.start()].strip()  # "EPA PHOTO/Jane Roe": the agency, then a photo label
    canonical = agency_of(seg)
    if canonical is not None:
        parts.owners.append((seg, canonical))
        parts.has_agency = True
    elif low in _PRIVATE_SOURCES:
        parts.owners.append((seg, None))  # "Special Arrangement", "Handout": nobody's name
    elif low in _PHOTOGRAPHER_ROLES and parts.creators:
        parts.commissioned = True  # "Jane Roe / Staff Photographer": the publication's own picture
    elif _is_person(seg):
        parts.creators.append(name_case(seg))
    elif _is_org(seg):
        parts.owners.append((seg, None))
    else:
        parts.unknown += 1


def _split_segments(body: str, *, commas: bool) -> tuple[list[str], list[str]]:
    """Segments of a credit body, and trailing notes after a full stop ("... ICJ-CIJ. Courtesy of the ICJ")."""
    extra: list[str] = []
    main = body
    dot = body.find(". ")
    while dot > 0:
        before = body[:dot]
        last = before.split()[-1] if before.split() else ""
        if len(last) >= 3 and last.isalpha():  # not an initial or an abbreviation ("Robert F. Bukaty", "U.S.")
            main, extra = body[:dot], [body[dot + 2 :].strip()]
            break
        dot = body.find(". ", dot + 2)
    segments: list[str] = []
    for group in main.replace(" | ", ";").replace(" - ", ";").replace(" – ", ";").split(";"):
        for part in group.split("/"):
            segments.extend(part.split(", ") if commas else [part])
    return [s for s in (seg.strip() for seg in segments) if s], [e for e in extra if e]


def _canonical_printed(printed: str, canonical: str | None) -> str:
    """Print a shouting agency name as the agency writes it: ``REUTERS`` -> ``Reuters`` (``AFP`` stays)."""
    if canonical is not None and printed.isupper() and not canonical.isupper() and len(printed) > 4:
        return canonical
    if canonical is not None and unicodedata.normalize("NFKC", printed) != printed:
        return canonical  # full-width "ＡＰ" -> "AP"
    if canonical == "Getty Images" and printed.casefold() == "getty":
        return "Getty Images"
    return printed


_MAX_BRACKETED_LABELLED_WORDS = 14
_MIN_DESCRIPTION_WORDS = 3
_NAME_THEN_BRACKET = re.compile(r"^([^()/]{3,60}) \(([^()]{2,120})\)$")
_NAME_THEN_OPEN_BRACKET = re.compile(r"^([^()/]{3,60}) \(([^()]{2,120})\)?$")


# One or two capitalised words naming a publication before a credit label: "Express photo by", "ST PHOTO:"
_BRAND_WORD = r"[A-ZÀ-Þ][\w&'’-]{0,14}"
_BRAND = re.compile(r"(?:" + _BRAND_WORD + r"\s{1,2}){1,2}")
# "Scott Olson, Getty Images": a photographer and a picture source after a comma, as USA Today prints them
_NAME_COMMA_SOURCE = re.compile(r"^([^,/()]{3,40}), ([^,/()]{2,40})$")


def _picture_source(org: str) -> bool:
    """A picture agency, or a news organisation's name in capitals ("USA TODAY NETWORK"); not a wire that writes
    stories ("Jane Roe, Reuters" beside a date is a byline)."""
    canonical = agency_of(org)
    if canonical is not None:
        return wire_service_of(org) is None
    return org.isupper() and len(org.split()) >= 2


# "Photo by Jane Roe on Unsplash": the photographer, then the library that hosts the picture
_NAME_ON_SOURCE = re.compile(r"^([^/]{3,60}?) on ([^/]{2,40})$")
# "Ida Marie Odgaard © Ritzau Scanpix" (Danish papers): the photographer, then the agency that holds the rights
_NAME_COPYRIGHT_SOURCE = re.compile(r"^([^/©]{3,60}?)\s{1,2}©\s{0,2}([^/©]{2,40})$")
# "Midjourney („the prompt“)", "dpa (Archivbild)": a known source with a bracketed remark after it
# (its last bracket may have gone with _strip_brackets)
_REMARKED_SOURCE = re.compile(r"^([^()]{2,40}?)\s{0,2}\(([^()]{1,100})\)?$")


_ZH_NAMES = f"{ZH_NAME}(?: ?[、和 ] ?{ZH_NAME}){{0,3}}"  # "李华、王明", "李华和王明"
_ZH_TOOK = vocab.alternation(vocab.ZH_PHOTOGRAPHED)
# "新华社记者 赵强 摄", "本报记者 李华、王明摄", "记者 赵强 摄", "李华 摄": [organisation] [title] names "took"
_ZH_PHOTOGRAPHED = re.compile(
    f"(?:(?P<org>[{HAN}]{{1,10}}?)?(?:{vocab.alternation(vocab.ZH_REPORTER_TITLES)}) ?)?"
    f"(?P<names>{_ZH_NAMES}) ?(?:{_ZH_TOOK})"
    # the day it was taken, after the verb: "（中央社記者王飛華攝 115年11月14日）" (Taiwan's CNA, Minguo years)
    "(?: ?[0-9０-９]{2,4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日)?"
)
# "新华社发", "新华社发（王五摄）": released by the agency (the photographer perhaps named after it)
_ZH_RELEASED = re.compile(f"(?P<org>[{HAN}]{{2,10}}?)[发發](?: ?[（(]?(?P<names>{_ZH_NAMES}) ?(?:{_ZH_TOOK})[）)]?)?")
_ZH_OWN_PAPER = ("本报", "本報", "本台", "本刊")  # "this paper": the publication itself, no other source
# "佐藤花子撮影", "佐藤花子・鈴木一郎撮影": a Japanese photographer's name (kanji or kana), then "photographed"
_JA_NAME = f"[{HAN}\u3040-\u30ff々]{{2,8}}"
_JA_PHOTOGRAPHED = re.compile(
    f"(?P<names>{_JA_NAME}(?:・{_JA_NAME}){{0,2}})(?:{vocab.alternation(vocab.JA_PHOTOGRAPHED)})"
)
_JA_STAFF = frozenset((*vocab.JA_REPORTER_TITLES, "本社", "本紙"))  # "記者撮影", "本社撮影": the paper's own
_JA_DATA_MARKS = "＝="  # between a Japanese caption's description and its when, where and who
_JA_DATA_MAX_CHARS = 60


_ZH_PRESS_ENDS = "社網网报報台"  # a news agency, a site, a paper, a station: "新华社", "人民网", "本报"


def _zh_released(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """``新华社发`` (released by Xinhua), not ``…出发`` (a sentence's "set off"): the releaser is an agency the table
    knows or a press organisation's name."""
    m = _ZH_RELEASED.fullmatch(text, start, len(text) if end is None else end)
    if m is None:
        return None
    org = m.group("org")
    return m if agency_of(org) is not None or org[-1] in _ZH_PRESS_ENDS else None


def _zh_credit(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """A Chinese credit filling ``text[start:end]``: released by an agency ("新华社发") or taken by a photographer
    ("新华社记者 赵强 摄")."""
    stop = len(text) if end is None else end
    return _zh_released(text, start, stop) or _ZH_PHOTOGRAPHED.fullmatch(text, start, stop)


def _zh_photographed(m: re.Match[str]) -> ParsedCredit:
    names = tuple(n for n in re.split("[、和 ]", m.group("names") or "") if n)
    org = m.group("org") or ""
    if not org or org in _ZH_OWN_PAPER:
        return ParsedCredit(names, None, "、".join(names))
    return ParsedCredit(names, agency_of(org) or org, org)  # "新华社发": Xinhua, as printed


_VIA = re.compile(r"via\s{1,3}(?=\S)", re.IGNORECASE)


def _bare_label_end(body: str) -> int | None:
    """Where a label without a colon ends, when an agency follows it ("Foto ANSA/Name", "Photo AFP", "Photo
    d'archives AFP"), a person and an agency ("Foto Robin van Lonkhuijsen/ANP"), a source and a photographer whose
    first name is a given name ("Photo Le Progrès/Philippe Vacher"), "via" and a source ("Photo via
    Instagram": after "via"), or a photographer whose first name is a given name ("Photo Jean Dupont"); else None."""
    head, slash, rest = body.partition("/")
    bare = _BARE_LABEL.match(head)
    if bare is None:
        return None
    named = head[bare.end() :].strip()
    via = _VIA.match(named)
    if via is not None and not slash and (agency_of(named[via.end() :]) is not None or _is_org(named[via.end() :])):
        return bare.end() + via.end()  # "Photo via Instagram", "Image via Riverton Council": the source after "via"
    if agency_of(named) is not None or (slash and _is_person(named) and agency_of(rest.strip()) is not None):
        return bare.end()
    if slash and named and _given_person(rest.strip()):
        return bare.end()  # "Photo Le Progrès/Philippe Vacher": the paper, then its photographer
    if not slash and _given_person(named):
        return bare.end()  # "Photo Jean Dupont", "Beeld Jan de Vries" (not "Bild Hamburg Süd": no given name)
    return None


def _given_person(name: str) -> bool:
    """A person's name whose first word is a given name (``Philippe Vacher``): a photographer after a bare label."""
    return _is_person(name) and _person_names().is_given(name.split(maxsplit=1)[0])


_CLOCK_OR_DATE = re.compile(r"\b\d{1,2}[:.h]\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
_CALENDAR_WORD = re.compile(r"\w+")


def _is_date(segment: str) -> bool:
    """``5 May 2026, 10:24``, ``05.05.2026``, ``10:24``: a date or a time, not a picture's source."""
    if not any(c.isdigit() for c in segment):
        return False
    words = {w.casefold() for w in _CALENDAR_WORD.findall(segment)}
    return bool(_CLOCK_OR_DATE.search(segment)) or bool(words & vocab.CALENDAR_WORDS)


_DESCRIBED_MIN_WORDS = 4


def _described(body: str) -> bool:
    """A sentence that describes a picture ("Radfahrer auf einer Düsseldorfer Straße."): it ends with a full stop and
    holds lower-case words, which no name of a photographer or an agency does."""
    words = body.split()
    return (
        len(words) >= _DESCRIBED_MIN_WORDS and body.endswith(".") and sum(1 for w in words[1:] if w[:1].islower()) >= 2
    )


@lru_cache(maxsize=4096)
def read_credit(raw: str) -> CreditReading:
    """Read ``raw`` (a credit as it stands, brackets allowed) into IPTC terms, with how sure the reading is."""
    # no credit is this long (never scan a long string); a bracket opening with a number holds no source
    # ("Vidadi Rzayev (28th)": a scorer, not a photographer and a source)
    # and a row of a results table ("6. Peter Pieters - Tomas Post ( Netherlands ) 14") or a contact line with a
    # telephone number ("Chicago Newsdesk - 312-408-8787") credits no picture
    if len(raw) > 400 or NUMBER_REMARK.search(raw) or table_row(raw) or _TELEPHONE.search(raw):
        return CreditReading(Strength.NONE, ParsedCredit((), None, None))
    stripped = raw.strip()
    if signed_byline(stripped):
        # "Av Anna Lindqvist/TT", "By Jane Roe/AP": a byline opener, the writer and her wire wrote the story
        return CreditReading(Strength.NONE, ParsedCredit((), None, None))
    bracketed = len(stripped) >= 2 and stripped[0] in "([" and stripped[-1] in ")]"
    text = " ".join(_strip_brackets(raw).split())
    person_first = _NAME_THEN_BRACKET.match(" ".join(stripped.split()))
    if person_first and looks_like_person_name(person_first.group(1)):
        where = person_first.group(2).strip()
        if agency_of(where) is None and load_gazetteer().is_place(where):
            # "Goran Ivanisevic (Croatia)", "Stephane Guivarch (Rennes)": a player and his country or club in a
            # results list, a politician and his constituency; a picture's source is no place
            return CreditReading(Strength.NONE, ParsedCredit((), None, None))
        text = f"{person_first.group(1)}/{person_first.group(2)}"  # "Jane Roe (Reuters)": Jane Roe/Reuters
    empty = CreditReading(Strength.NONE, ParsedCredit((), None, text or None))
    if not text or len(text) > 240:
        return empty
    if text.casefold() in vocab.PRIVATE_SOURCES_ALONE:
        # "SUPPLIED" alone under a description: the picture is the family's, the company's, not named
        return CreditReading(Strength.MEDIUM, ParsedCredit((), name_case(text), name_case(text)))
    labelled = False
    data_source = text[:7].casefold().startswith("source")
    ap_photo = False
    body = text
    bare = _bare_label_end(body) if _LABEL.match(body) is None else None
    if bare is not None:
        body, labelled = body[bare:].strip(), True
    for pattern in () if labelled else (_LABEL, vocab.CREDIT_BY_LABEL):
        m = pattern.match(body)
        if m and _COPYRIGHT_OPENER.match(body) and _RESERVED.search(body):
            return empty  # "Copyright 2026 The AP. All rights reserved.": the article's rights, no picture's credit
        if m:
            label = body[: m.end()].strip(" :：").casefold()
            body, labelled = body[m.end() :].strip(), True
            if label in _PICTURE_REMARKS and _described(body):
                return empty  # "Symbolbild: Radfahrer auf einer Straße.": what the stock picture shows, its caption
            abbreviated = _LABEL.match(body) if pattern is _LABEL else None
            if abbreviated is not None and body[abbreviated.end() :].strip():
                body = body[abbreviated.end() :].strip()  # "Foto: Dok. Kementerian PU": two labels, one credit
            break
    after = None if labelled else _LABEL_AFTER.search(body)
    if after is not None and 1 <= len(body[: after.start()].split()) <= _LABEL_AFTER_MAX_WORDS:
        owner = body[: after.start()].strip()
        known = agency_of(owner) is not None or _DOMAIN.match(owner) is not None
        # "DawnNewsTV screengrab", "Star file photo": any source ("Video screengrab" names none)
        any_source = after.group().strip().casefold() in _ANY_SOURCE_AFTER and owner.casefold() not in _LABEL_WORDS
        if known or ((any_source or len(owner.split()) >= 2) and _is_org(owner)):  # not "Family photo": a heading
            body, labelled = owner, True  # "Bernama pic", "INQUIRER.net file photo": the source, then the label
    branded = None if labelled else _BRAND.match(body)
    if branded is not None and not looks_like_person_name(branded.group()):  # "Jane Roe Photo: ..." names a person
        rest = body[branded.end() :]
        m = _LABEL.match(rest) or vocab.CREDIT_BY_LABEL.match(rest)
        if m and rest[m.end() :].strip():
            # "Express photo by Jane Roe", "ST PHOTO: JANE ROE": the publication's name before the label
            body, labelled = f"{rest[m.end() :].strip()}/{branded.group().strip()}", True
    head, slash, rest = body.partition("/")
    if not labelled and slash and rest.strip() and head.strip().casefold() in _LABEL_WORDS:
        body, labelled = rest.strip(), True  # "Ljósmynd/Aðsend", "Foto/dpa": a label before a slash
    if labelled:  # the closing bracket went with the outer ones (_strip_brackets)
        person_first = _NAME_THEN_OPEN_BRACKET.match(body)
        if person_first and looks_like_person_name(person_first.group(1)):
            where = person_first.group(2).split(",")[0].strip()
            if agency_of(where) is None and (_is_date(person_first.group(2)) or load_gazetteer().is_place(where)):
                body = person_first.group(1)  # "Bild: Jane Roe (Luzern, 16. März 2026)": where and when she took it
            else:
                body = f"{person_first.group(1)}/{person_first.group(2)}"  # "Foto: Jane Roe (Getty)": Jane Roe/Getty
    remarked = _REMARKED_SOURCE.match(body)
    if remarked and agency_of(remarked.group(1)) is not None:
        # "dpa (Archivbild)", "Midjourney („the prompt“)": the remark is no credit; "AFP (Getty)" reads as AFP/Getty
        second = remarked.group(2)
        body = remarked.group(1) if agency_of(second) is None else f"{remarked.group(1).strip()}/{second.strip()}"
    hosted = _NAME_ON_SOURCE.match(body) or _NAME_COPYRIGHT_SOURCE.match(body)
    if hosted and agency_of(hosted.group(2)) is not None and looks_like_person_name(hosted.group(1)):
        body = f"{hosted.group(1)}/{hosted.group(2)}"
    commaed = None if labelled else _NAME_COMMA_SOURCE.match(body)
    if commaed and looks_like_person_name(commaed.group(1)) and _picture_source(commaed.group(2)):
        body = f"{commaed.group(1)}/{commaed.group(2)}"  # "Scott Olson, Getty Images", "Jane Doe, USA TODAY NETWORK"
    label, space, rest = body.partition(" ")
    if space and label.casefold() in _LABEL_WORDS and _COURTESY.match(rest):
        body = rest  # "Photo courtesy of the family": the label before a courtesy line
    m = _COURTESY.match(body)
    if m:
        owner = body[m.end() :].strip(" .")
        if not owner or len(_words(owner)) > _MAX_CREDIT_WORDS:
            return empty
        label = body[: m.end()].strip()
        line = f"Courtesy of {owner}" if label.casefold().startswith("courtesy") else f"{label} {owner}"
        return CreditReading(Strength.STRONG, ParsedCredit((), owner, line))
    zh = _zh_credit(body)
    if zh is not None:  # "新华社记者 赵强 摄": the photographer took it, for the organisation before the title
        return CreditReading(Strength.STRONG, _zh_photographed(zh))
    ja = _JA_PHOTOGRAPHED.fullmatch(body)
    if ja is not None and ja.group("names") not in _JA_STAFF:  # "佐藤花子撮影": the photographer took it
        names = tuple(ja.group("names").split("・"))
        return CreditReading(Strength.MEDIUM, ParsedCredit(names, None, "・".join(names)))
    m = _AP_PHOTO.match(body)
    if m:
        body, ap_photo, labelled = body[m.end() :].strip(), True, True
    if not body and not ap_photo:
        return empty
    colon = body.find(": ")
    if 0 < colon <= 40 and (agency_of(body[:colon]) is not None or _has_org_word(body[:colon])):
        # "ABC News: Jane Doe": the agency, then its photographer
        owner, rest = body[:colon], body[colon + 2 :]
        if rest and all(_is_person(p.strip()) for p in rest.split(",")):
            body = f"{rest}/{owner}"
    if len(_words(body)) > _MAX_CREDIT_WORDS:
        return empty
    segments, extra = _split_segments(body, commas=labelled)
    parts = _Parts(creators=[], owners=[], distributors=[], extra=extra, unknown=0, has_agency=ap_photo)
    for k, seg in enumerate(segments):
        before = len(parts.creators)
        if data_source:  # "Source: ..." names where data or a chart comes from, never a photographer
            parts.owners.append((seg.strip(" .,;:|"), agency_of(seg)))
            continue
        _add_segment(seg, parts)
        if k == 0:
            parts.first_is_person = len(parts.creators) > before
    parsed = _assemble(parts, ap_photo=ap_photo)
    inner = _INLINE_LABEL.search(body) if labelled else None
    if inner is not None and len(_words(body[: inner.start()])) >= _MIN_DESCRIPTION_WORDS:
        # "[Image: The office in Reading. Credit: Getty Images]": a labelled description with its own credit label
        # after it is a caption with its credit, not a credit ("Foto: Bild: SN/APA" is one credit, labelled twice)
        return CreditReading(Strength.NONE, parsed)
    if labelled:
        # a label makes a credit; its body still has to read like names ("Photo: A man walks ..." is a caption),
        # unless the whole credit stands in brackets ("(Bild: erstellt mit KI durch die Redaktion)")
        # or names a known agency ("© IMAGO / Cinema Publishers Collection /Pool / i-Images")
        limit = _MAX_BRACKETED_LABELLED_WORDS if bracketed or parts.has_agency else 6
        ok = parts.unknown == 0 or len(_words(body)) <= limit
        if ok and parsed == ParsedCredit((), None, None) and body.casefold() not in _PICTURE_REMARKS:
            # "Фото: пресс-служба Минтранса": read as neither names nor an organisation, the credit is its text
            printed = body.strip(" .,;:")
            parsed = ParsedCredit((), printed, printed)
        return CreditReading(Strength.STRONG if ok else Strength.NONE, parsed)
    if (
        parts.unknown
        or any(p.casefold() in _WRITER_TITLES for p, _ in parts.owners)
        or ("|" in body and any(c is None and load_gazetteer().is_place(p.strip()) for p, c in parts.owners))
        or any(c is None and _is_date(p) for p, c in parts.owners)
    ):
        # "Jane Roe | Reporter", "ELENA G. SEVILLANO | Madrid", "Jane Roe | 5 May 2026, 10:24" sign an article, with
        # the writer's post, place or the article's date
        return CreditReading(Strength.NONE, parsed)
    n_segments = len(parts.creators) + len(parts.owners) + len(parts.distributors)
    if parts.has_agency:
        if n_segments == 1 and not parts.creators and is_weak_alone(segments[0] if segments else ""):
            return CreditReading(Strength.WEAK, parsed)
        return CreditReading(Strength.STRONG, parsed)
    org_first_ok = parts.first_is_person or any(
        len(p.split()) == 1 or c is not None or _has_org_word(p) or p.split()[0].casefold() in _TITLE_ARTICLES
        for p, c in parts.owners
    )
    if len(segments) == 2 and (parts.owners or parts.distributors) and parts.creators and org_first_ok:
        # "Jane Doe/Agency Name", or "Studio/Jane Doe" when the organisation is one word or an organisation name
        return CreditReading(Strength.MEDIUM, parsed)
    if len(segments) >= 2 and len(parts.owners) >= 2 and any(_has_org_word(p) for p, _ in parts.owners):
        return CreditReading(Strength.MEDIUM, parsed)
    if parts.distributors and parts.owners:
        return CreditReading(Strength.MEDIUM, parsed)
    # "Divulgação/Netflix": a handout word, then the owner it gives way to as the source (_assemble)
    gave_way = len(parts.owners) >= 2 and parts.owners[0][0].casefold() in _PRIVATE_SOURCES
    if parts.commissioned or gave_way:
        return CreditReading(Strength.MEDIUM, parsed)
    if n_segments == 1 and parts.owners:
        # "Dawn/File": the remark says the name owns a picture (a name alone may be anything)
        return CreditReading(Strength.MEDIUM if parts.remarked else Strength.WEAK, parsed)
    return CreditReading(Strength.NONE, parsed)


def _assemble(parts: _Parts, *, ap_photo: bool) -> ParsedCredit:
    source: str | None = None
    # "Divulgação/Netflix", "Reprodução/Instagram": a handout or a copy, and the named owner is the source
    # ("Handout/AFP", "Pool/AFP", "Handout via Reuters": a role, and the agency beside it is the source)
    owners = [(p, c) for p, c in parts.owners if c is not None or p.casefold() not in _PRIVATE_SOURCES]
    agencies = [(p, c) for p, c in owners if c not in ROLES]
    owners = agencies if agencies or parts.distributors else (owners or parts.owners)
    if ap_photo:
        source = "AP"
    elif owners:
        # "AFP/Getty": the first owner, distributed by Getty; "Getty/AP": two pictures, the first one's source
        known = [(p, c) for p, c in owners if c is not None and c not in DISTRIBUTORS]
        last_is_distributor = len(owners) >= 2 and owners[-1][1] in DISTRIBUTORS
        first_printed, first_canonical = known[0] if known and last_is_distributor else owners[0]
        if first_canonical is None and known and not last_is_distributor:
            first_printed, first_canonical = known[0]  # "Northumbria Police/SWNS": the agency
        source = first_canonical or first_printed
    elif parts.distributors:
        source = parts.distributors[0][1]
    if ap_photo:
        line: str | None = "AP Photo"
    else:
        printed = [_canonical_printed(p, c) for p, c in parts.owners]
        # "AFP/Getty" is the AFP picture distributed by Getty: printed "AFP via Getty Images"
        if len(printed) >= 2 and parts.owners[-1][1] in DISTRIBUTORS and parts.owners[0][1] not in DISTRIBUTORS:
            dist_printed = _printed_distributor(parts.owners[-1][0], parts.owners[-1][1] or "")
            printed = ["/".join(printed[:-1]) + " via " + dist_printed]
        joined = "/".join(printed)
        if parts.distributors:
            dists = " via ".join(p for p, _ in parts.distributors)
            joined = f"{joined} via {dists}" if joined else dists
        if not joined and parts.creators:
            joined = ", ".join(parts.creators)
        line = joined or None
    if line is not None and parts.extra:
        line = f"{line}. {'. '.join(parts.extra)}"
    return ParsedCredit(tuple(parts.creators), source, line)


def parse_credit(raw: str) -> ParsedCredit:
    """Parse a credit as it stands in the text (without brackets) into creators, source and credit line.

    ``DIMITAR DILKOFF/AFP via Getty`` -> creators (Dimitar Dilkoff,), source AFP, credit line AFP via Getty
    Images; ``AP Photo/Visar Kryeziu`` -> (Visar Kryeziu,), AP, AP Photo; ``(Image: Getty)`` -> (), Getty Images,
    Getty Images.
    """
    return read_credit(raw).parsed


def credit_strength(raw: str) -> Strength:
    """How clearly ``raw`` (brackets allowed) is a picture credit on its own."""
    return read_credit(raw).strength


# ------------------------------------------------------------------------------------------- inside a caption

_WINDOW = 320
_SENTENCE_END = '.!?…"”’)'


def _photographer_before(before: str) -> int | None:
    """Where a photographer's name (two or three name words) starts at the end of ``before``, when a sentence
    ends just before it (``... on 1 August. Jane Roe``, glued ``... 2024.Jane Roe``); None otherwise."""
    words = before[-80:].split(" ")
    for take in (2, 3):
        if len(words) < take + 1:
            return None
        first = words[-take]
        glued = first.rfind(".")
        lead = first[glued + 1 :] if 0 < glued < len(first) - 1 else first
        name = [lead, *words[-take + 1 :]]
        if not all(is_name_word(w) or _is_initial_word(w) for w in name) or not is_name_word(name[-1]):
            continue
        if lead is not first:
            return len(before) - len(" ".join(name))
        prev = words[-take - 1]
        if prev.endswith((".", "!", "?")) and not _is_initial_word(prev):
            return len(before) - len(" ".join(name))
    return None


_OPENING_OF = {")": "(", "]": "[", "）": "（"}


def _closing_paren_credit(block: str) -> InlineCredit | None:
    """``... began. (AP Photo/Visar Kryeziu)``, ``... [File: Name/AP Photo]``, ``...参观。（图片来源：视觉中国）``: a
    bracketed credit at the end (in full-width brackets only a labelled or named one: a Japanese story's last
    paragraph ends with its agency, ``...した。（共同）``)."""
    close = block[-1:]
    if close not in _OPENING_OF:
        return None
    open_ = _OPENING_OF[close]
    lo = max(0, len(block) - _WINDOW)
    depth = 0
    for i in range(len(block) - 1, lo - 1, -1):
        ch = block[i]
        if ch == close:
            depth += 1
        elif ch == open_:
            depth -= 1
            if depth == 0:
                inner = block[i + 1 : -1]
                before = block[:i].rstrip()
                if not before or not inner.strip():
                    return None
                reading = read_credit(inner)
                strong = reading.strength >= Strength.MEDIUM
                weak_org = (
                    close != "）"
                    and reading.strength == Strength.WEAK
                    and (
                        agency_of(inner) is not None
                        or (before[-1] in _SENTENCE_END and sum(1 for w in inner.split() if w[:1].isupper()) >= 2)
                    )
                )
                if not (strong or weak_org):
                    return None
                start = i + 1 + (len(inner) - len(inner.lstrip()))
                end = len(block) - 1 - (len(inner) - len(inner.rstrip()))
                name_at = _photographer_before(before)
                if name_at is not None:  # "... on 1 August. Jane Roe (dpa/picture alliance via Getty)"
                    return InlineCredit(name_at, len(block), len(block[:name_at].rstrip()))
                return InlineCredit(start, end, len(before))
    return None


_LABEL_MARKS = (":", "：", "=", "＝", "／", *vocab.CREDIT_MARKS)  # "／": the Chinese label's slash, "圖／中央社"
_BY_WORDS = tuple(sorted({f" {label.split()[-1]} " for label in vocab.union(vocab.CREDIT_BY_LABELS)}))


def _may_hold_label(window: str) -> bool:
    """A cheap test before the label pattern: a label needs a colon, an equals sign, a mark or a ``by`` word."""
    if any(m in window for m in _LABEL_MARKS):
        return True
    low = window.casefold()
    return any(w in low for w in _BY_WORDS)


def _labelled_tail_credit(block: str) -> InlineCredit | None:
    """``... power. Credit: AFP/Getty``, ``... ice.Photograph by Doug Johnson``: a labelled credit at the end."""
    lo = max(0, len(block) - _WINDOW)
    window = block[lo:]
    if not _may_hold_label(window):
        return None
    last: re.Match[str] | None = None
    before_last: re.Match[str] | None = None
    for m in _INLINE_LABEL.finditer(window):
        k = lo + m.start()
        glued = block[k].isupper() and block[k - 1].islower()  # "... im StudioQuelle: Name/dpa" (a scrape glue)
        if k == 0 or not (block[k - 1].isspace() or block[k - 1] in '.|,;–—-)”"。、）' or glued):
            continue
        before_last, last = last, m
    if last is None:
        return None
    start = lo + last.start()
    in_a_row = before_last is not None and not window[before_last.end() : last.start()].strip()
    if before_last is not None and (last.group().strip() in _MARKS or in_a_row):
        # "... Foto: Ida Marie Odgaard © Ritzau Scanpix": the label before the copyright mark opens the credit;
        # "... Bild: Screenshot: fdp.de": two labels in a row, the first opens it
        earlier = lo + before_last.start()
        if read_credit(block[earlier:]).strength == Strength.STRONG:
            start = earlier
    brand = _BRAND_BEFORE_LABEL.search(block, max(0, start - 40), start)
    if brand is not None:  # "... border. (Express photo by Name)", "... Jurong. ST PHOTO: NAME"
        start = brand.start() - 1 if brand.start() > 0 and block[brand.start() - 1] == "(" else brand.start()
    before = block[:start].rstrip(" |–—-,;")
    if not before or word_count(before) < 2:
        return None
    if read_credit(block[start:]).strength < Strength.STRONG:
        return None
    return InlineCredit(start, len(block.rstrip()), len(before))


# a publication's name between a caption's sentence end (or an opening bracket) and a credit label
_BRAND_BEFORE_LABEL = re.compile(r"(?:(?<=[.!?”\"] )|(?<=\())(?:" + _BRAND_WORD + r" ){1,2}$")

_BOUNDARY_MARKS = re.compile("[.!?”|–—=＝、-]")


def _boundaries(window: str) -> list[int]:
    """Candidate starts of a trailing credit: after a sentence end, a bar or a spaced dash, right to left."""
    out: list[int] = []
    n = len(window)
    for mark in reversed(list(_BOUNDARY_MARKS.finditer(window, 1, n - 1))):  # the characters tested below
        i = mark.start()
        ch = window[i]
        if ch == "." and window[i - 1].isupper() and (i == 1 or not window[i - 2].isalpha()):
            continue  # an initial ("Robert F. Bukaty"), not a sentence end
        if ch in ".!?”" and (window[i + 1] == " " or window[i + 1].isupper()):
            j = i + 1
            while j < n and window[j] == " ":
                j += 1
            out.append(j)
        elif ch in "|–—-" and window[i - 1] == " " and window[i + 1] == " ":
            out.append(i + 2)
        elif ch in "=＝" or (ch == "、" and ("＝" in window[:i] or "=" in window[:i])):
            # a Japanese caption's credit: "...（ソウルで、３日）＝ＡＰ", "...首脳＝2023年1月、ワシントン、ロイター"
            out.append(i + 1)
    return out


def _agency_tail_credit(block: str) -> InlineCredit | None:
    """``... Super Bowl LVIII. Perry Knotts/Getty Images``, ``... that day.The Associated Press``.

    The longest tail after a sentence end or a bar that still reads as a credit: ``... | Jane Doe | Bloomberg |
    Getty Images`` gives the whole credit, not only its last part.
    """
    lo = max(0, len(block) - 160)
    window = block[lo:].rstrip()
    best: int | None = None
    for boundary in _boundaries(window):
        b = boundary
        while b < len(window) and window[b] in " |–—-":
            b += 1
        tail = window[b:]
        if not tail or len(tail.split()) > 12:
            break
        reading = read_credit(tail)
        if reading.strength >= Strength.MEDIUM or (
            reading.strength == Strength.WEAK and (agency_of(tail) or _marked_owner(window, b, tail))
        ):
            best = b
        elif best is not None:
            break
    if best is None:
        return None
    before = block[: lo + best].rstrip(" |–—-＝=、")
    if word_count(before) < 3:
        return None
    return InlineCredit(lo + best, lo + len(window), len(before))


_CAPITALS_MIN_LETTERS = 3  # "AP", "PA" and "EU" in capitals end prose as often as they end a credit


def _in_capitals(name: str) -> bool:
    """An agency's name as credits print it in capitals ("REUTERS", "NORDPRESS"), three letters or more."""
    return name.isupper() and sum(c.isalpha() for c in name) >= _CAPITALS_MIN_LETTERS


_MARKED_OWNER_MAX_WORDS = 3
_BUTTONS: frozenset[str] = frozenset(vocab.union(vocab.PROFILE_BUTTONS))


def _marked_owner(window: str, at: int, tail: str) -> bool:
    """A name no list knows that the page still marks as the credit: after the Japanese credit mark
    (``...（ソウルで、３日）＝Nordpress``), or in capitals glued to the caption's full stop
    (``... de Qatar.NORDPRESS``)."""
    if at == 0 or len(tail.split()) > _MARKED_OWNER_MAX_WORDS or any(c.isdigit() for c in tail):
        return False
    if window[at - 1] in "=＝":
        return True
    if tail.casefold() in _BUTTONS:
        return False  # "... wenn Motoren aufheulen.MEHR": an author box's button
    return window[at - 1] in ".!?" and _in_capitals(tail)


_INITIALS = re.compile(r"^(?:[A-ZÀ-Þ]\.){1,3}$")


def _agency_name_tail_credit(block: str) -> InlineCredit | None:
    """``... del Grupo de Madrid EFE/ J.J. Guillén``: a known agency, a slash and the photographer's name at the
    end of a caption, with no bracket between them; also a picture agency's name that says so (``... at London
    Fashion Week GC Images/Jane Roe``) and an agency glued to the caption's full stop (``... in einer
    Klinik.dpa/Jane Roe``)."""
    lo = max(0, len(block) - 100)
    window = block[lo:].rstrip()
    slash = window.rfind("/")
    if slash <= 0 or window[slash - 1] == " ":
        return None
    space = window.rfind(" ", 0, slash)
    if space < 0:
        return None
    at = space + 1
    stop = window.rfind(".", at, slash)
    if agency_of(window[at:slash]) is None and stop > at and window[stop - 1].islower():
        at = stop + 1  # the caption's full stop glued to the agency
    # an agency no list knows, in capitals ("... Madrid NORDPRESS/ Name"), or a picture agency by its name
    if agency_of(window[at:slash]) is None and not _in_capitals(window[at:slash]):
        owner = window.rfind(" ", 0, space) + 1
        if window[at:slash].casefold() not in _PICTURE_WORDS or not window[owner : owner + 1].isupper():
            return None
        at = owner  # "GC Images", "Example Pictures": a picture agency by its name
    space = at - 1
    name = window[slash + 1 :].split()
    if not 2 <= len(name) <= 4 or not is_name_word(name[-1]):
        return None
    if not all(is_name_word(w) or _is_initial_word(w) or _INITIALS.match(w) for w in name):
        return None
    start = lo + space + 1
    before = block[:start].rstrip()
    if word_count(before) < 4:
        return None
    return InlineCredit(start, lo + len(window), len(before))


@lru_cache(maxsize=1)
def _person_names() -> PersonNames:
    return load_person_names()


# after a sentence end or a bar: "... en La Moncloa. Claudio Álvarez", "... durante el pleno. | Ana Pérez"
_NAME_TAIL = re.compile(r"(?:(?<=[.!?)”\"]) | \| )((?:[A-ZÀ-Þ][\w'’.-]{0,25} ){1,3}[A-ZÀ-Þ][\w'’-]{1,25})$")
_NAME_TAIL_MAX_SENTENCES = 2


def _name_tail_credit(block: str) -> InlineCredit | None:
    """``... este martes en La Moncloa. Claudio Álvarez``: a photographer's name alone after a one- or two-sentence
    description, with nothing after it (a paragraph does not end in a bare name)."""
    if not block[-1:].isalpha():
        return None
    lo = max(0, len(block) - 80)
    m = _NAME_TAIL.search(block, lo)
    if m is None or not looks_like_person_name(m.group(1)) or not _person_names().is_given(m.group(1).split()[0]):
        return None  # "... ended 2-1. Manchester United": a name, but no person's
    before = block[: m.start(1)].rstrip(" |")
    if word_count(before) < 4 or len(_SENTENCE_STOPS.findall(before)) > _NAME_TAIL_MAX_SENTENCES:
        return None
    return InlineCredit(m.start(1), m.end(1), len(before))


_SENTENCE_STOPS = re.compile(r"[.!?](?=\s|$)")
_GLUED_AGENCY_MAX_WORDS = 4
_GLUED_WINDOW = 200
_WORD = re.compile(r"\S+")
_GLUED_BEFORE_MIN_WORDS = 4
_AGENCY_AS_OBJECT: frozenset[str] = frozenset(vocab.union(vocab.AGENCY_AS_OBJECT))
_PICTURE_WORDS: frozenset[str] = frozenset({"images", "image", "pictures", "photos", "photo", "foto", "fotos", "bild"})


def _glued_agency_tail_credit(block: str) -> InlineCredit | None:
    """``Chelsea beat Tottenham on Thursday night Getty Images``, ``... backing Conor Gallagher REUTERS``: a
    caption's credit printed after it with only a space between (a scrape of a caption and its credit element).
    Only a known agency spelled as credits spell it: in capitals (three letters or more: not ``AP`` or ``PA``,
    which prose ends in), or a picture agency's name with a picture word (``Getty Images``, ``Alamy Stock
    Photo``); and no sentence ends before it (that form is ``_agency_tail_credit``'s)."""
    text = block.rstrip()
    if not text[-1:].isalnum():
        return None
    lo = max(0, len(text) - _GLUED_WINDOW)
    spans = [(lo + m.start(), lo + m.end()) for m in _WORD.finditer(text, lo)]
    words = [text[a:b] for a, b in spans]
    most = min(_GLUED_AGENCY_MAX_WORDS, len(words) - _GLUED_BEFORE_MIN_WORDS)
    k = next((k for k in range(most, 0, -1) if _spelled_as_credit(words[-k:])), 0)
    if k == 0:
        return None
    while k + 2 <= len(words) - _GLUED_BEFORE_MIN_WORDS and words[-k - 1].casefold() == "via":
        if agency_of(words[-k - 2]) is None and not words[-k - 2].isupper():
            break
        k += 2  # "... on Sunday AFP via Getty Images"
    if words[-k - 1].casefold() in _AGENCY_AS_OBJECT:
        return None  # "... travels with AFP": the sentence's object
    start = spans[-k][0]
    before = text[:start].rstrip()
    if before.endswith(vocab.SENTENCE_ENDS) or word_count(before) < _GLUED_BEFORE_MIN_WORDS:
        return None
    return InlineCredit(start, len(text), len(before))


def _spelled_as_credit(words: list[str]) -> bool:
    """A known agency as a credit spells it: in capitals, three letters or more, or with a picture word."""
    name = " ".join(words)
    spelled = _in_capitals(name) or any(w.casefold() in _PICTURE_WORDS for w in words)
    return spelled and agency_of(name) is not None and not is_weak_alone(name)


# A caption's last word glued to a credit's first: "BédarEmergencias" (not "MacKenzie", "DeSantis")
_GLUED_NAME = re.compile(r"^([A-ZÀ-Þ][a-zß-ÿ'’]{3,40})[A-ZÀ-Þ][a-zß-ÿ]")


_UNKNOWN_ORG_MAX_WORDS = 1  # one word: a second may be the next line's first (a wrapped text's join probe)


def _slash_tail_credit(block: str) -> InlineCredit | None:
    """``... in Washington DC Stefan Rousseau/via Reuters``: a ``Name/Agency`` credit glued to the caption."""
    lo = max(0, len(block) - 120)
    window = block[lo:].rstrip()
    slash = window.rfind("/")
    if slash <= 0:
        return None
    right = window[slash + 1 :].strip()
    right_core = right[4:] if right.casefold().startswith("via ") else right
    if not right_core or len(right_core.split()) > 6 or not _is_org(right_core):
        return None
    org_like = agency_of(right_core) is not None or any(
        w.casefold() in _ORG_WORDS for w in right_core.replace("/", " ").split()
    )
    left_words = window[:slash].rstrip().split(" ")
    if len(left_words) < 5:
        return None
    handle = next((k for k in range(len(left_words) - 1, len(left_words) - 5, -1) if left_words[k][:1] == "@"), None)
    if handle is not None and len(left_words[handle]) > 2 and org_like:  # "... @Fire_Service via X / Reuters"
        start = lo + len(" ".join(left_words[:handle])) + (1 if handle else 0)
        before = block[:start].rstrip()
        return InlineCredit(start, lo + len(window), len(before)) if word_count(before) >= 3 else None
    take = 2
    if len(left_words) >= 4 and len(left_words[-2].strip(".")) == 1 and left_words[-2][:1].isupper():
        take = 3  # a middle initial: "Nicky J Sims"
    name_words = left_words[-take:]
    if not all(is_name_word(w) or (len(w.strip(".")) == 1 and w[:1].isupper()) for w in name_words):
        return None
    name = " ".join(name_words)
    if not org_like and not (
        # an organisation no list knows, after a photographer whose first name is one ("... Jon Super/Nordpress")
        len(right_core.split()) <= _UNKNOWN_ORG_MAX_WORDS
        and _person_names().is_given(name_words[0])
        and read_credit(f"{name}/{right}").strength >= Strength.MEDIUM
    ):
        return None
    start = lo + window.rfind(name, 0, slash + 1)
    glued = _GLUED_NAME.match(name_words[0])
    if glued:  # "... en BédarEmergencias Andalucía/EFE": a scrape glued the credit to the caption's last word
        start += glued.end(1)
    before = block[:start].rstrip()
    if word_count(before) < 3:
        return None
    return InlineCredit(start, lo + len(window), len(before))


# "... im UN-Hauptquartier Frank Doe II/Copyright 2026 The AP. All rights reserved.": a rights notice after a slash
_RIGHTS_TAIL = re.compile(
    r"/\s{0,2}(?:(?i:" + vocab.alternation(vocab.union(vocab.COPYRIGHT_WORDS)) + r")|" + _MARK + r")\s{0,2}\d{4}\b"
)
_NAME_SUFFIXES: frozenset[str] = frozenset({"ii", "iii", "iv", "jr", "jr.", "sr", "sr."})


def _is_initial_word(w: str) -> bool:
    return len(w.strip(".")) == 1 and w[:1].isupper()


_COPYRIGHT_BEFORE = re.compile(
    r"(?:^|[\s\-–—|,;])(?:(?i:" + vocab.alternation(vocab.union(vocab.COPYRIGHT_WORDS)) + r")|" + _MARK + r")\s{0,2}$"
)


def _rights_tail(block: str) -> tuple[int, int, int] | None:
    """(start and end of the photographer's name, end of what stands before it) for ``... Frank Doe II/Copyright
    2026 The AP. All rights reserved.``; a copyright word or mark just before the name is not part of either."""
    lo = max(0, len(block) - 160)
    window = block[lo:]
    m = next(reversed(list(_RIGHTS_TAIL.finditer(window))), None)  # the last notice
    if m is None or len(window) - m.end() > 90:
        return None
    words = window[: m.start()].rstrip().split(" ")
    take = 2
    if len(words) >= 3 and words[-1].casefold() in _NAME_SUFFIXES:
        take += 1
    if len(words) >= take + 1 and len(words[-take].strip(".")) == 1 and words[-take][:1].isupper():
        take += 1  # a middle initial: "Nicky J Sims"
    name_words = words[-take:]
    if len(words) < take or not all(is_name_word(w) or _is_initial_word(w) for w in name_words):
        return None
    end = lo + m.start()
    start = end - len(" ".join(name_words))
    before = block[:start]
    mark = _COPYRIGHT_BEFORE.search(before[-40:])
    if mark is not None:
        before = before[: len(before) - 40 + mark.start()] if len(before) > 40 else before[: mark.start()]
    return start, end, len(before.rstrip(" -–—|,;"))


def _rights_tail_credit(block: str) -> InlineCredit | None:
    """``... Frank Doe II/Copyright 2026 The AP. All rights reserved.``: the photographer's name before a rights
    notice glued to the caption; the credit is the name (the notice is neither caption nor credit)."""
    found = _rights_tail(block)
    if found is None or word_count(block[: found[2]]) < 3:
        return None
    return InlineCredit(found[0], found[1], found[2])


def rights_notice_credit(line: str) -> tuple[int, int] | None:
    """The photographer's name in a line that is only a credit with a rights notice: ``Copyright Frank Doe
    II/Copyright 2026 The AP. All rights reserved.`` -> the span of ``Frank Doe II``."""
    if len(line) > 240:
        return None
    found = _rights_tail(line)
    if found is None or found[2] > 0:
        return None
    return found[0], found[1]


_LEAD_FOLLOWERS: frozenset[str] = frozenset({"the", "a", "an", "this", "these", "those", "in", "at", "on"})


def _leading_credit(block: str) -> InlineCredit | None:
    """``The Yomiuri Shimbun The leaders of seven parties ...``: an agency name printed before the caption."""
    if not block.endswith((".", "”", ")")):
        return None
    hit = leading_agency(block)
    if hit is None:
        return None
    _, length = hit
    rest = block[length:].lstrip()
    first = rest.split(" ", 1)[0] if rest else ""
    if first.casefold() not in _LEAD_FOLLOWERS or not first[:1].isupper():
        return None
    return InlineCredit(0, length, len(block.rstrip()), caption_start=len(block) - len(rest))


_ZH_TAIL_WINDOW = 40
_ZH_TAIL_STARTS = "。！？；，（( "


def _zh_photographed_tail_credit(block: str) -> InlineCredit | None:
    """``...滑雪场滑雪。新华社记者 赵强 摄``, ``...某小区。（李华 摄）``: a Chinese photographer's credit at the end."""
    if not block.endswith((*vocab.ZH_PHOTOGRAPHED, "）", ")", "发", "發")):
        return None
    end = len(block) - 1 if block[-1] in "）)" else len(block)
    lo = max(1, end - _ZH_TAIL_WINDOW)
    for k in range(lo, end):
        if block[k - 1] not in _ZH_TAIL_STARTS or block[k].isspace():
            continue
        if _zh_credit(block, k, end):
            before = block[:k].rstrip(" （(")
            if word_count(before) < 3:
                return None
            opened = "（" in block[k:end] or "(" in block[k:end]  # "新华社发（王五摄）": the bracket is the credit's
            return InlineCredit(k, end + 1 if opened and end < len(block) else end, len(before))
    return None


def _ja_tail_credit(block: str) -> InlineCredit | None:
    """A Japanese caption's credit after its data mark: ``…首相＝15日、首相官邸（共同）`` (the agency in brackets) or
    ``…知事＝15日午後、東京都新宿区、佐藤花子撮影`` (the photographer); the date and the place stay the caption's."""
    mark = max(block.rfind(m) for m in _JA_DATA_MARKS)
    data = block[mark + 1 :] if mark > 0 else ""
    if not data or "。" in data or len(data) > _JA_DATA_MAX_CHARS:
        return None
    if data.endswith(("）", ")")):
        opened = max(block.rfind("（"), block.rfind("("))
        inner = block[opened + 1 : -1]
        if opened > mark and inner.strip() and agency_of(inner.strip()) is not None:
            return InlineCredit(opened + 1, len(block) - 1, opened)
        return None
    took = _JA_PHOTOGRAPHED.search(data)
    if took is None or took.end() != len(data) or (took.start() > 0 and data[took.start() - 1] != "、"):
        return None
    if took.group("names") in _JA_STAFF:
        return None  # "記者撮影": the paper's own reporter, no one named
    start = mark + 1 + took.start()
    return InlineCredit(start, len(block), len(block[:start].rstrip("、" + _JA_DATA_MARKS)))


def find_inline_credit(block: str) -> InlineCredit | None:
    """A credit inside a caption-like block, with the caption's bounds; None when there is none."""
    text = block.rstrip()
    if word_count(text) < 2:
        return None
    # the Chinese form first: "...。新华社发（王五摄）" is one credit, not "王五摄" in brackets after a caption
    finders = (
        _zh_photographed_tail_credit,
        _ja_tail_credit,
        _closing_paren_credit,
        _rights_tail_credit,
        _labelled_tail_credit,
    )
    tails = (
        _agency_tail_credit,
        _slash_tail_credit,
        _agency_name_tail_credit,
        _name_tail_credit,
        _glued_agency_tail_credit,
    )
    for finder in (*finders, *tails):
        found = finder(text)
        if found is not None:
            if finder is _closing_paren_credit:
                # "... plaza. Foto: Jane Roe (EFE)": the label before the bracket opens the credit
                labelled = _labelled_tail_credit(text)
                if labelled is not None and labelled.start < found.start:
                    return labelled
            return found
    return _leading_credit(text)
