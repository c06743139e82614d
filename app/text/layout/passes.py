"""The rule passes of segmentation, in order: page furniture, editor's notes, the title, credits, the header,
captions, the standfirst and the rest. Each pass fires named rules (``rules``) on the units it recognises; the
first rule to fire on a unit gives the rules' reading of it. Every pass is linear in the number of lines, and the
per-line tests look at bounded windows of a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.text import boilerplate as bp
from app.text.agencies import agency_of, wire_service_of
from app.text.credits import InlineCredit, Strength, read_credit, rights_notice_credit
from app.text.layout import lines, rules, vocab
from app.text.layout.lines import Unit, ends_sentence, strip_span
from app.text.lexicon import load_gazetteer
from app.text.names import (
    NameSpan,
    bare_name_line,
    byline_names,
    chinese_byline,
    has_byline_opener,
    is_bare_byline_opener,
    japanese_byline,
    korean_byline,
    signoff_clauses,
)
from app.text.sentences import dateline_end, dateline_reporters, plain
from app.text.tables import table_row

_LABEL_WORDS = vocab.CREDIT_LABEL_WORDS  # looked up per line: a module name, not an attribute

_BULLET = ("•", "- ", "– ", "— ", "* ", "· ", "▪", "●", "◦")
_LIST_BULLETS = (*_BULLET, "-- ")  # a list's items, the typewriter's double hyphen too
_TITLE_MAX_WORDS = 35
CAPTION_MAX_WORDS = 100


def _is_prose(u: Unit) -> bool:
    """A sentence-like block: ends like a sentence (or is long), and has enough words."""
    return (ends_sentence(u.text) and u.words >= 3) or u.words >= 20


def _is_solid_prose(u: Unit) -> bool:
    return (ends_sentence(u.text) and u.words >= 8) or u.words >= 20


def _titleness(s: str) -> float:
    words = [w for w in s.split() if w[:1].isalpha()]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def _has_emoji(s: str) -> bool:
    return any(ord(c) >= 0x1F000 for c in s[:400])


_POSITION = re.compile(r"\((?:" + vocab.alternation(vocab.union(vocab.PICTURE_MARKERS)) + r")\)", re.IGNORECASE)
# "Gov. Jane Roe (R)": an official's party, which the one-letter markers "(R)", "(D)", "(I)" would read as a position
_PARTY = re.compile(
    r"\b(?i:"
    + vocab.alternation(vocab.union(vocab.PARTY_TITLES))
    + r")\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*\s?(?P<party>\([RDI]\))"
)


def _picture_position(text: str) -> bool:
    """``text`` says where someone stands in the picture ("(left)", "(R)"), not an official's party ("Gov. Jane Roe
    (R)")."""
    parties = {m.start("party") for m in _PARTY.finditer(text)}
    return any(m.start() not in parties for m in _POSITION.finditer(text))


EDITOR_NOTE = re.compile(r"^(?:EDITORS?['’]?S?['’]? NOTE|Editor['’]?s['’]? [Nn]ote)\s{0,2}[:\-–—]\s{0,2}")
NOTE_SEPARATORS = (" / ", " -- ", " — ", " – ", " | ")
CAPTION_LABEL = re.compile(
    r"^(?:" + vocab.alternation(vocab.union(vocab.CAPTION_LABELS)) + r")\s{0,2}[,:：]\s{0,2}", re.IGNORECASE
)
# "[Image: The office in Reading. Credit: Getty Images]": a picture's label opening a bracketed caption
BRACKETED_PICTURE_LABEL = re.compile(
    r"^[\[(]\s{0,2}(?:" + vocab.alternation(vocab.union(vocab.CREDIT_LABELS)) + r")\s{0,2}[:：]\s{0,2}", re.IGNORECASE
)
TOPSHOT = re.compile(r"^TOPSHOTS?\s{0,2}[-–—:]\s{0,2}")
_FILE_PREFIX = re.compile(r"^(?:FILE(?: PHOTO)?\s{0,2}[-–—:]|\(FILE(?: PHOTO)?\))\s")
_MONTH = r"(?i:" + vocab.alternation(vocab.MONTHS["en"]) + r")\.?"  # the wire style is English: "April 14, 2024"
_WEEKDAY = r"(?i:" + vocab.alternation(vocab.WEEKDAYS["en"]) + r")"
# An agency-style caption ends with the place and the date the picture was taken:
# "... in Birmingham, Alabama, April 14, 2024." / "... April 14, 2024, in Birmingham, Ala."
_DATED_CAPTION = re.compile(
    r"(?:, [A-Z][\w.]{1,20}(?: [A-Z][\w.]{1,20}){0,2}, (?:" + _WEEKDAY + r", )?" + _MONTH + r" \d{1,2}, \d{4}\.$)"
    r"|(?:" + _MONTH + r" \d{1,2}, \d{4}, (?:in|at|near|outside) [A-Z][^.]{1,60}\.$)"
)
_SPEECH = re.compile(r"\b(?:said|says|told|according to)\b|[“”\"]")
# The Japanese newspaper form of the same: the place with で and the date, after ＝ or in brackets at the end:
# "...＝同国で2019年5月", "...＝東京都内で2024年1月4日午後、記者撮影", "...（ソウルで、３日）", or the date first:
# "...＝５日、東京都庁", "...＝4日午後、首相官邸"
_D = "[0-9０-９]"
_DATED_CAPTION_JA = re.compile(
    rf"(?:[＝=][^。＝（）]{{1,30}}で[、,]?\s?(?:{_D}{{2,4}}年)?{_D}{{1,2}}[月日][^。＝]{{0,20}}"
    rf"|[＝=](?:{_D}{{2,4}}年)?(?:{_D}{{1,2}}月{_D}{{0,2}}日?|{_D}{{1,2}}日)[^。＝、,]{{0,6}}[、,][^。＝（）]{{1,20}}"
    rf"|（[^（）。]{{1,20}}で[、,]\s?(?:{_D}{{1,2}}月)?{_D}{{1,2}}日[^（）。]{{0,8}}）)$"
)
_JA_CAPTION_MAX_CHARS = 100


# "In this photo provided by the police, ...", "This undated photo shows ...": a caption says what it describes
# (an opener may end with its colon or comma: "Von links:", not "Von links kommt Kritik ...")
_PHOTO_OPENER = re.compile(r"(?i:" + vocab.alternation(vocab.union(vocab.PHOTO_OPENERS)) + r")(?:\b|(?<=[:,]))")
_PHOTO_OPENER_MAX_WORDS = 60

_CLOCK_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_TIMECODE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")


# "FORTVILET: Her tror ...", "KLOKE VALG PÅ FJELLET: – Teltet ...": a caption under a keyword in capitals, the
# Scandinavian papers' form; the keyword is one to four words, 4+ letters in all
_CAPS_KEYWORD = re.compile(r"([^\W\d_]+(?:[ -][^\W\d_]+){0,3}):\s+\S")
_NOT_KEYWORDS: frozenset[str] = frozenset(
    bp.UI_WORDS
    | bp.TEASER_HEADERS
    | {*vocab.union(vocab.EDITOR_NOTE_LABELS), *vocab.union(vocab.NOTE_LABELS_ALONE)}
    | set(vocab.union(vocab.STORY_LABELS))
)


def _line_keyword(text: str) -> str | None:
    """The word or words in capitals before a colon that open ``text`` ("FORTVILET", "SPIEGEL"), else None."""
    m = _CAPS_KEYWORD.match(text[:60])
    return m.group(1) if m is not None and m.group(1).isupper() else None


def _repeated_keywords(units: list[Unit]) -> frozenset[str]:
    """Keywords in capitals that open two lines or more of the page: an interview's speaker ("SPIEGEL: Frau Roe,
    ..." / "Roe: ..." / "SPIEGEL: Und ...?"), not a caption's keyword, which a page prints once."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for u in units:
        keyword = _line_keyword(u.text)
        if keyword is not None:
            (repeated if keyword in seen else seen).add(keyword)
    return frozenset(repeated)


def _caps_keyword(text: str) -> bool:
    keyword = _line_keyword(text)
    if keyword is None:
        return False
    if sum(c.isalpha() for c in keyword) < 4 or keyword.casefold() in _NOT_KEYWORDS:
        return False
    # "REUTERS: ..." opens a wire story and "KOTA BHARU: ..." (a place: the dateline of Malaysian, Singaporean,
    # Indian and Pakistani papers) a story's first paragraph, not a caption
    return agency_of(keyword) is None and not load_gazetteer().is_place(keyword)


def _keyword_caption(u: Unit, prev: Unit | None, nxt: Unit | None, speakers: frozenset[str]) -> bool:
    """One sentence or two under a keyword in capitals, alone: a run of such lines is a transcript's speakers
    ("SMITH: ..." / "JONES: ..."), and a keyword the page repeats an interviewer's label, not captions."""
    if not 5 <= u.words <= 40 or not ends_sentence(u.text) or not _caps_keyword(u.text):
        return False
    if _line_keyword(u.text) in speakers:
        return False
    return not any(v is not None and _caps_keyword(v.text) for v in (prev, nxt))


_FURNITURE_SKIPPED = 2  # furniture lines (an ad, a "read more" link) looked past for the paragraph beside a line


def _beyond_furniture(units: list[Unit], i: int, step: int) -> Unit | None:
    """The unit next to ``units[i]`` in the direction ``step``, past a line or two of furniture: an ad between a
    caption and the paragraph beside it does not part them."""
    j = i + step
    for _ in range(_FURNITURE_SKIPPED):
        if not (0 <= j < len(units)) or units[j].kind != "boilerplate":
            break
        j += step
    return units[j] if 0 <= j < len(units) else None


def _paragraphs_around(units: list[Unit], i: int) -> tuple[Unit | None, Unit | None]:
    return _beyond_furniture(units, i, -1), _beyond_furniture(units, i, 1)


_READER_WORDS: frozenset[str] = frozenset().union(*bp.READER_WORDS_BY_LANGUAGE.values())


def _speaks_to_reader(text: str) -> bool:
    """``Below, as investors ..., we look at why ...``: a line that says "we" or "you" is the story's (or its
    page's) voice, never a caption's (a caption speaks of the picture)."""
    return any(w in _READER_WORDS for w in _WORD_RE.findall(text[:400].casefold()))


def _between_paragraphs(prev: Unit | None, nxt: Unit | None) -> bool:
    """Both neighbours are paragraphs no rule has claimed yet (a unit in a zone has always fired a rule)."""
    return all(v is not None and v.kind is None and _is_solid_prose(v) for v in (prev, nxt))


_BRACKET_AT_END = re.compile(r"\(([^()]{2,80})\)\s*$")
_NAME_CONNECTORS: frozenset[str] = frozenset({"of", "the", "and", "&", "de", "da", "del", "von", "van", "der", "du"})
_BRACKET_NAME_MAX_WORDS = 6
_BRACKET_NAME_AFTER_STOP_MAX_WORDS = 2


def _bracketed_name_credit(u: Unit, prev: Unit | None, nxt: Unit | None) -> InlineCredit | None:
    """``The cottage has views across the bay (Coastal Homes Estate Agents)``: a description between two
    paragraphs that ends, without a full stop, in a bracketed name (capitalised words, no digits): the picture's
    caption and its credit, whoever the name is (an agent, a paper, a family)."""
    m = _BRACKET_AT_END.search(u.text)
    if m is None or not _between_paragraphs(prev, nxt):
        return None
    caption = u.text[: m.start()].rstrip()
    words = m.group(1).split()
    if not 4 <= len(caption.split()) <= CAPTION_MAX_WORDS or caption.endswith(":"):
        return None
    if ends_sentence(caption) and (
        _sentences(caption) > 1
        or len(words) > _BRACKET_NAME_AFTER_STOP_MAX_WORDS
        or m.group(1).casefold() in caption.casefold()  # "... en Jerusalén, 21 de mayo. (Jerusalén)": the place
    ):
        return None  # "... in Blacktown. (9News)": one sentence and a short name; a paragraph's remark is longer
    if "(" in caption:
        return None  # "Name (Club) in a duel with Name (Club)": the brackets name teams, not the picture's owner
    if not 1 <= len(words) <= _BRACKET_NAME_MAX_WORDS or any(c.isdigit() for c in m.group(1)):
        return None
    if not all(w[:1].isupper() or w.casefold() in _NAME_CONNECTORS for w in words) or bp.is_ui_line(m.group(1)):
        return None
    return InlineCredit(m.start(1), m.end(1), len(caption))


def _orphan_line(u: Unit, prev: Unit | None, nxt: Unit) -> bool:
    """A descriptive line between a paragraph and the next live-blog entry: it heads nothing, so it is a caption."""
    return (
        prev is not None
        and prev.kind is None
        and _is_solid_prose(prev)
        and not ends_sentence(u.text)
        and 5 <= u.words <= 25
        and _titleness(u.text) < 0.5
        and bp.is_live_entry_header(nxt.text)
    )


# "Jane Roe (FC Riverton) celebrates", "Ben Osborn (Sheffield United) im Zweikampf": a person and their team
_NAME_AND_TEAM = re.compile(r"[A-ZÀ-Þ][\w'’-]{1,30} \((?:[A-ZÀ-Þ0-9][\w.'’-]{0,30}\s?){1,4}\)")


def _team_line(u: Unit, prev: Unit | None, nxt: Unit | None) -> bool:
    """A sports picture's caption between two paragraphs: a line without a full stop that names a player with
    their team in brackets."""
    return (
        _between_paragraphs(prev, nxt)
        and not ends_sentence(u.text)
        and 6 <= u.words <= 25
        and _NAME_AND_TEAM.search(u.text[:300]) is not None
    )


def _is_dated_caption(u: Unit) -> bool:
    if len(u.text) <= _JA_CAPTION_MAX_CHARS and "。" not in u.text and _DATED_CAPTION_JA.search(u.text):
        return True  # a line without a sentence end, so never a paragraph of Japanese prose
    if u.words > 45 or u.words < 6 or _SPEECH.search(u.text[:600]):
        return False
    return bool(_DATED_CAPTION.search(u.text[-90:]))


# ------------------------------------------------------------------------------------------------ passes


@dataclass(slots=True)
class State:
    text: str  # the text as the rules read it (``sentences.plain``): every offset is also one into ``source``
    units: list[Unit]
    title: int | None = None
    header_end: int = -1
    bylines: list[NameSpan] = field(default_factory=list)
    live_blog: bool = False  # several entry times (_is_live_blog), read by the header and the captions passes
    source: str = ""  # the text as given: what the document quotes


_LIVE_BLOG_MIN_ENTRIES = 2


def _is_live_blog(units: list[Unit]) -> bool:
    """Several lines that are only a clock time ("23:45" / "23:32" ...): a live blog's entries, not one article's
    date line or an audio player's time ("00:00 / 03:15")."""
    times = sum(1 for u in units if rules.LIVE_ENTRY_HEADER in u.fired and _TIMECODE.match(u.text))
    return times >= _LIVE_BLOG_MIN_ENTRIES


_SIGNOFF_LINE_MAX_CHARS = 300
_SIGNOFF_FIRST_WORDS: frozenset[str] = frozenset(o.split()[0] for o in vocab.union(vocab.SIGNOFF_OPENERS))
_SIGNOFF_SHARE = 0.8


def _signoff_line(line: str) -> bool:
    """A line that only names the story's makers: "(Reporting by Jane Roe; Editing by John Doe)", "Mitarbeit: Name"
    (a sentence "Jane Roe contributed to this report." stays the story's last paragraph)."""
    if len(line) > _SIGNOFF_LINE_MAX_CHARS:
        return False
    first = line.lstrip(" ([（【—–-").split(" ", 1)[0].casefold()  # "— With assistance from Jane Roe"
    if first[:1] >= "\u3000":  # no spaces in Chinese: "（责编：陈静、刘洋）"
        first = first.split("：", 1)[0].split(":", 1)[0]
    if first not in _SIGNOFF_FIRST_WORDS:
        return False  # such a line opens with a sign-off opener: the pattern runs only where one may start
    covered = sum(b - a for a, b in signoff_clauses(line))
    return covered > 0 and covered >= _SIGNOFF_SHARE * len(line.strip(" ()[].（）【】"))


_LABELLED_HEADLINE_MIN_WORDS = 6


def _labelled_headline(units: list[Unit], i: int) -> bool:
    """The page's first line, a headline under a video label ("WATCH: Governor walks out of the budget hearing"):
    the title, not a video widget's."""
    u = units[i]
    return i == 0 and u.words >= _LABELLED_HEADLINE_MIN_WORDS and u.text.strip().casefold().startswith(bp.VIDEO_STARTS)


def _furniture(st: State) -> None:
    units = st.units
    for i, u in enumerate(units):
        if _labelled_headline(units, i):
            continue
        if bp.is_dateline(u.text):
            u.fire(rules.DATELINE)
        elif bp.is_live_entry_header(u.text):
            u.fire(rules.LIVE_ENTRY_HEADER)
        elif bp.is_timestamp(u.text):
            u.fire(rules.TIMESTAMP)
        elif bp.is_embed_attribution(u.text):
            u.fire(rules.EMBED_ATTRIBUTION)
            u.zone = "embed"
        elif bp.is_rights_notice(u.text) and rights_notice_credit(u.text) is None:
            u.fire(rules.RIGHTS_NOTICE)  # a photographer's name before the notice makes it a credit (_credits)
            # "Copyright PUNCH." / "All rights reserved. This material ...": one notice over two lines
            prev = units[i - 1] if i else None
            if prev is not None and prev.kind is None and u.gap == 1 and bp.opens_with_copyright(prev.text):
                prev.fire(rules.RIGHTS_NOTICE_OPENING)
        elif bp.is_ui_line(u.text) or bp.is_video_item(u.text):
            u.fire(rules.UI_LINE)
        elif bp.is_breadcrumb(u.text) and read_credit(u.text).strength < Strength.STRONG:
            u.fire(rules.BREADCRUMB)  # "Name | Bloomberg | Getty Images" names agencies: a credit, no site section
        elif bp.is_promo(u.text, u.words):
            u.fire(rules.PROMO)
            u.zone = "promo"
        elif len(u.text) <= 3 and not any(c.isalnum() for c in u.text):
            u.fire(rules.SYMBOLS_ONLY)
        elif _signoff_line(u.text):
            u.fire(rules.SIGNOFF_LINE)
    # "Copyright 2026 NPR" on the story's last line (after any furniture): the story's rights, no picture's credit
    last = next((u for u in reversed(units) if u.kind is None and not u.zone), None)
    if last is not None and bp.is_dated_copyright(last.text):
        last.fire(rules.RIGHTS_NOTICE)
    for i, u in enumerate(units):
        if bp.is_teaser_header(u.text):
            _teaser_zone(units, i)
        elif bp.is_video_start(u.text) and not _labelled_headline(units, i):
            _video_zone(units, i)
        elif u.zone == "embed":
            _embedded_post(units, i)
    _promo_runs(units)
    _pull_quotes(st)
    st.live_blog = _is_live_blog(units)


_QUOTES_OPEN = ("“", '"', "‘", "'")
_QUOTES_CLOSE = ("”", '"', "’", "'", ".”", '."', "?”", "!”")
_MAX_PULL_QUOTE_CHECKS = 50  # each check scans the text once; a bounded number keeps the pass linear


def _pull_quotes(st: State) -> None:
    """A quoted sentence standing alone that repeats words from elsewhere in the article is a pull quote."""
    checks = 0
    flat = ""  # the text with its line breaks read as spaces (a hard-wrapped repeat), made at the first check
    for u in st.units:
        quoted = u.text.startswith(_QUOTES_OPEN) and u.text.endswith(_QUOTES_CLOSE)
        if u.kind is not None or u.words > 40 or u.words < 6 or not quoted:
            continue
        if checks >= _MAX_PULL_QUOTE_CHECKS:
            return
        checks += 1
        core = u.text.strip("“”\"‘’' .,!?…")
        if len(core) < 30:
            continue
        flat = flat or plain(st.text, one_line=True)
        first = flat.find(core)
        again = flat.find(core, first + 1) if first >= 0 else -1
        elsewhere = [k for k in (first, again) if k >= 0 and not (u.start <= k < u.end)]
        if elsewhere:
            u.fire(rules.PULL_QUOTE)


def _teaser_like(u: Unit) -> bool:
    if u.words > (40 if _titleness(u.text) >= 0.6 else 25) or u.text.strip().casefold() == "by" or _by_line(u):
        return False
    if _TICKER_ITEM.match(u.text[:40]):
        return False  # a live ticker's entry ("9h05 - La Bourse ouvre ...") is the article, not a link to another
    if u.kind == "boilerplate":
        return True
    return not _is_solid_prose(u) or u.text.endswith("?") or _titleness(u.text) >= 0.6


def _teaser_zone(units: list[Unit], i: int) -> None:
    units[i].fire(rules.TEASER_HEADER)
    for j in range(i + 1, min(i + 21, len(units))):
        u = units[j]
        if u.credit_raw is not None or not _teaser_like(u) or _credit_line_form(u) or u.inline_credit() is not None:
            return  # a picture's credit (on its line or in a caption): the list has ended
        if rules.LIVE_ENTRY_HEADER in u.fired:
            return  # a live blog's first entry ("Key events" / ... / "23:48 GMT"): the list has ended
        if _one_paragraph(units, j) and _credit_line_form(units[j + 1]):
            return  # a picture's caption with its credit under it: the list has ended
        u.fire(rules.TEASER_ITEM)
        u.zone = u.zone or "teaser"


_CREDIT_LINE_MAX_WORDS = 18  # a credit standing on its own line is this short
_VIDEO_CAPTION_MIN_WORDS = 6


def _credit_line_form(u: Unit) -> bool:
    return u.words <= _CREDIT_LINE_MAX_WORDS and read_credit(u.text).strength >= Strength.MEDIUM


_VIDEO_SOURCE_MAX_WORDS = 6


def _video_zone(units: list[Unit], i: int) -> None:
    units[i].fire(rules.VIDEO_START)
    units[i].zone = "video"
    for j in range(i + 1, min(i + 6, len(units))):
        u = units[j]
        if u.words > 45 or u.credit_raw is not None:
            return
        described = ends_sentence(u.text) and u.words >= _VIDEO_CAPTION_MIN_WORDS
        if described and j + 1 < len(units) and _credit_line_form(units[j + 1]):
            return  # a described picture above its credit line is a caption, not the video's title
        u.fire(rules.VIDEO_ZONE)
        u.zone = u.zone or "video"
        if _is_solid_prose(u) or (u.words <= _VIDEO_SOURCE_MAX_WORDS and _SOURCE_LABEL.match(u.text)):
            return  # its description, or its source ("Quelle: t-online"), closes the widget


def _embedded_post(units: list[Unit], i: int) -> None:
    """The lines of an embedded post stand just before its ``— Name (@handle) date`` signature."""
    if i == 0:
        return
    first = units[i - 1]
    if first.words <= 80 and first.kind is None:
        first.fire(rules.EMBED_POST)
        first.zone = "embed"
    for j in range(i - 2, max(-1, i - 5), -1):
        u = units[j]
        if u.kind is not None or u.words > 60 or not (bp.has_link(u.text) or _has_emoji(u.text)):
            return
        u.fire(rules.EMBED_POST_LINK)
        u.zone = "embed"


_PROMO_UI_MIN_WORDS = 3  # "Sign in" or "Newsletter" alone is a menu's button, not a box whose lines follow it
_PROMO_BETWEEN_PROSE_WORDS = 12  # a sentence this long alone between two promotions is the story's


def _promo_runs(units: list[Unit]) -> None:
    """Short lines inside a subscription or newsletter box are part of it."""
    n = len(units)
    promo = [
        u.zone == "promo"
        or (u.kind == "boilerplate" and u.zone == "" and u.words >= _PROMO_UI_MIN_WORDS and _is_promo_ui(u))
        for u in units
    ]
    for i in range(n):
        if not promo[i]:
            continue
        # lines right after a promotion: "Original reporting. Delivered to you." / "I'm in"
        j = i + 1
        while j < n and units[j].kind is None and units[j].words <= 8 and j - i <= 3:
            units[j].fire(rules.PROMO_FOLLOWER)
            units[j].zone = "promo"
            j += 1
        # lines between two promotions a few lines apart
        for k in range(i + 2, min(i + 8, n)):
            if promo[k]:
                between = units[i + 1 : k]
                # a list of sentences between two promotions is the box's ("Unlimited online access ...", "Daily
                # content from ..."); one sentence alone is the story's, a prompt set into it on either side
                # ("Services resumed shortly before 8pm, with ..." between a WhatsApp prompt and a newsletter's)
                prose = [
                    b
                    for b in between
                    if b.kind is None and b.words >= _PROMO_BETWEEN_PROSE_WORDS and _is_solid_prose(b)
                ]
                if len(prose) != 1 and all(
                    b.words <= 30 and (b.kind is None or b.kind == "boilerplate") for b in between
                ):
                    for b in between:
                        b.fire(rules.PROMO_BETWEEN)
                        b.zone = b.zone or "promo"
                break


def _is_promo_ui(u: Unit) -> bool:
    key = bp.normalise(u.text)
    return any(w in key for w in ("subscri", "newsletter", "sign in", "sign up", "register", "unlock", "account"))


# "Correction: An earlier version ...", "Richtigstellung: ...": the label, a colon, then the note
_CORRECTION = re.compile(r"(?i:" + vocab.alternation(vocab.union(vocab.CORRECTION_LABELS)) + r")\s{0,2}:\s{0,2}(?=\S)")
_NOTE_LABEL_ALONE = re.compile(
    r"(?:"
    + vocab.alternation((*vocab.union(vocab.EDITOR_NOTE_LABELS), *vocab.union(vocab.NOTE_LABELS_ALONE)))
    + r")\s{0,2}:?",
    re.I,
)
_UPDATE_NOTE = re.compile(r"(?i:" + vocab.alternation(vocab.union(vocab.UPDATE_NOTE_OPENERS)) + r")\b")
_UPDATE_NOTE_MAX_WORDS = 60
# "Anmerkung der Redaktion: ...", "[Editor's note: ...]": the label of a note from the editors, a colon, the note
_NOTE_LABEL_INLINE = re.compile(
    r"[\[(]?(?i:" + vocab.alternation(vocab.union(vocab.EDITOR_NOTE_LABELS)) + r")\s{0,2}:\s{0,2}(?=\S)"
)


def _editor_notes(st: State) -> None:
    units = st.units
    for i, u in enumerate(units):
        head = u.text[:40]
        note = (
            (EDITOR_NOTE.match(head) or _CORRECTION.match(head) or _NOTE_LABEL_INLINE.match(head))
            if u.kind is None
            else None
        )
        if note is not None and not any(sep in u.text[note.end() : note.end() + 160] for sep in NOTE_SEPARATORS):
            u.fire(rules.EDITOR_NOTE)
        elif u.kind is None and u.words <= _UPDATE_NOTE_MAX_WORDS and _UPDATE_NOTE.match(u.text.lstrip("*_([")):
            u.fire(rules.EDITOR_NOTE)  # "This story has been updated to include comment from the union."
        elif u.kind in (None, "boilerplate") and len(u.text) <= 40 and _NOTE_LABEL_ALONE.fullmatch(u.text.strip()):
            below = units[i + 1] if i + 1 < len(units) else None
            if below is not None and below.kind is None and _is_prose(below) and below.words <= 80:
                u.fire(rules.EDITOR_NOTE_LABEL)
                below.fire(rules.EDITOR_NOTE_BELOW_LABEL)


_SOURCE_LABEL = re.compile(r"(?i:" + vocab.alternation(vocab.union(vocab.SOURCE_LABELS)) + r")\s{0,2}:\s{0,2}")
# "TT", "(dpa)", "/ritzau/", "（共同）", "(dpa/lsw)", "APA/red", "Quelle: dpa", "© dpa-infocom, dpa:261205-...",
# "(sn/dpa)", "Avec AFP", "(c) Agencia EFE": brackets, slashes, a source label, a copyright sign and a year around the
# agency's name, an editor's initials before it or a regional service or initials after it, a reference after a comma
# or colon, the word "with" before it
_WITH_WIRE = r"(?i:" + vocab.alternation(vocab.union(vocab.WITH_AGENCY)) + r")\s{1,2}"


def _signoff_pattern(initials: str) -> re.Pattern[str]:
    return re.compile(
        r"^[\s©(\[（［/–—-]*(?:\([cC]\)\s*)?(?:"
        + _SOURCE_LABEL.pattern
        + r"|"
        + _WITH_WIRE
        + r")?(?:\d{4}\s+)?"
        + initials
        + r"(?P<name>[^\s,;:()\[\]（）［］/][^,;:()\[\]（）［］/]{0,40}?)(?:/[A-Za-z]{1,8}){0,2}"
        r"\s*(?:[,;:][^()]{0,60})?[\s)\]）］/.]*$"
    )


_SIGNOFF_FORM = _signoff_pattern("")
# "(sn/dpa)", "lha/jbr/dpa/Reuters", "RND/dpa": one to three editors' initials or a newsroom's, then the wire (and a
# second wire after it)
_SIGNOFF_FORMS_AFTER_INITIALS = tuple(_signoff_pattern(f"(?:[A-Za-z]{{1,4}}/){{{k}}}") for k in (1, 2, 3))


def _signoff_form(text: str) -> re.Match[str] | None:
    """``text`` read as a sign-off form; where its name is no news agency but the name after an editor's initials
    is ("(sn/dpa)", "lhe/dpa"; not "(dpa/lsw)", the wire and its regional service), that reading."""
    form = _SIGNOFF_FORM.match(text)
    if form is not None and wire_service_of(form.group("name")) is not None:
        return form
    for pattern in _SIGNOFF_FORMS_AFTER_INITIALS:
        after = pattern.match(text)
        if after is not None and wire_service_of(after.group("name")) is not None:
            return after
    return form


_SIGNOFF_MAX_WORDS = 4
_NEWS_AGENCIES_TAIL = re.compile(
    r"\s*(?:[+&,]|\b(?:and|y|et|und|e)\b)\s*(?i:"
    + vocab.alternation(vocab.union(vocab.NEWS_AGENCIES_WORDS))
    + r")\s*\.?\s*$"
)
# an editor's initials, in capitals or in lower case, perhaps a second editor's after a slash: "CT", "(mfh)", "ae/rcr"
_EDITOR_INITIALS = re.compile(r"[(/]?(?:[A-Z]{2,4}|[a-z]{2,4})(?:/(?:[A-Z]{2,4}|[a-z]{2,4})){0,2}[)/]?")
_SIGNOFF_MAX_CHARS = 80
# the same sign-off in brackets after the last paragraph's last sentence: "... ab. (dpa)", "... Kraft. (APA, red)"
_SIGNOFF_TAIL = re.compile(r"(?<=[.!?…”\"。])\s?(\([^()]{2,60}\)|（[^（）]{1,30}）)$")


def _agency_signoff(st: State) -> None:
    """A news agency's name alone on the story's last line, after its prose ("TT", "(dpa)", "/ritzau/"): the wire
    wrote the story; the paragraph above is the story's, not a caption of a credit."""
    units = st.units
    content = [i for i, u in enumerate(units) if not u.zone and u.kind != "boilerplate"]
    if len(content) < 2:
        return
    u, prev = units[content[-1]], units[content[-2]]
    tail = _SIGNOFF_TAIL.search(u.text, max(0, len(u.text) - _SIGNOFF_MAX_CHARS))
    if u.kind is None and tail is not None:
        form = _signoff_form(tail.group(1))
        if form is not None and wire_service_of(form.group("name")) is not None:
            u.fire(rules.AGENCY_SIGNOFF_TAIL)  # "... stimmt im Januar ab. (dpa)": the story's end, not a caption
            return
    # "Source: Al Jazeera and news agencies", "المصدر : الجزيرة + وكالات": the wires after the name add no word
    core, wires = _NEWS_AGENCIES_TAIL.subn("", u.text)
    drew_on_wires = wires > 0
    words = sum(any(c.isalnum() for c in w) for w in core.split())
    if u.kind is not None or prev.kind is not None or words > _SIGNOFF_MAX_WORDS or not _is_prose(prev):
        return
    if len(u.text) > _SIGNOFF_MAX_CHARS:
        return
    if _EDITOR_INITIALS.fullmatch(u.text) and all(agency_of(p) is None for p in u.text.strip("()/").split("/")):
        u.fire(rules.INITIALS_SIGNOFF)  # "CT", "(mfh)": who edited the story, not a credit of the paragraph above
        return
    form = _signoff_form(u.text)
    if form is None:
        return
    name = form.group("name")
    # "Quelle: F.A.Z.", "Fuente: El País": a source label names the story's source, whoever it is (not a picture
    # agency: "Quelle: Getty Images" under a description stays a credit; and not the English "Source:", which names
    # a chart's data as often as a story's source)
    opener = u.text.lstrip(" ©([（［/–—-")
    sourced = _SOURCE_LABEL.match(opener) is not None and (
        (not opener.casefold().startswith("source") and agency_of(name) is None) or drew_on_wires
    )
    if not (sourced or wire_service_of(name) is not None) or _LABEL_WORDS & {w.casefold() for w in name.split()}:
        return
    at = u.start + form.start("name")
    u.names = (NameSpan(at, at + len(name)),)
    u.fire(rules.AGENCY_SIGNOFF)


def _credits(st: State) -> None:
    units = st.units
    for i, u in enumerate(units):
        if u.kind is not None or u.zone:
            continue
        by_line = bool(_by_line(u))
        if u.words <= _CREDIT_LINE_MAX_WORDS and not by_line:
            reading = read_credit(u.text)
            if reading.strength >= Strength.MEDIUM or (
                reading.strength == Strength.WEAK and _agency_under_description(units, i)
            ):
                raw_start, raw_end = raw_bounds(st.text, u.start, u.end)
                u.credit_raw = (raw_start, raw_end)
                u.fire(rules.CREDIT_LINE if reading.strength == Strength.STRONG else rules.CREDIT_LINE_FORM)
                continue
            name = rights_notice_credit(u.text)
            if name is not None:  # "Copyright Name/Copyright 2026 The AP. All rights reserved."
                u.credit_raw = (u.start + name[0], u.start + name[1])
                u.fire(rules.CREDIT_RIGHTS_NOTICE)
                continue
        if u.words <= CAPTION_MAX_WORDS and not by_line:
            found = u.inline_credit()
            if found is not None:
                u.inline = found
                u.fire(rules.CAPTION_INLINE_CREDIT)


_DESCRIPTION_MAX_WORDS = 15
_DESCRIPTION_MAX_TITLENESS = 0.7  # a line of capitalised words above an agency is a heading or a menu, not a picture


def _agency_under_description(units: list[Unit], i: int) -> bool:
    """``Nieuwbouwwijk in Utrecht`` / ``ANP``: an agency whose name alone is no credit ("ANP", "TT") is one under a
    short description that is no sentence, with the page going on after it (on the last line it signs the story)."""
    if i == 0 or i + 1 >= len(units) or agency_of(units[i].text) is None:
        return False
    prev = units[i - 1]
    return (
        prev.kind is None
        and not prev.zone
        and 3 <= prev.words <= _DESCRIPTION_MAX_WORDS
        and not ends_sentence(prev.text)
        and _titleness(prev.text) < _DESCRIPTION_MAX_TITLENESS
    )


_DROPPED_LABEL = re.compile(
    r"(?:"
    + vocab.alternation(set(vocab.union(vocab.CREDIT_LABELS)) - set(vocab.union(vocab.RAW_KEEPS_LABEL)))
    + r")\s{0,3}[:：=＝]\s{0,3}",
    re.IGNORECASE,
)


def raw_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The credit inside a line without its brackets, and without a label that only says where the picture is
    from (``vocab.RAW_KEEPS_LABEL``): ``(Robert F. Bukaty / AP)`` -> ``Robert F. Bukaty / AP``, ``Quelle: dpa`` ->
    ``dpa``; ``Foto: Name/dpa`` stays."""
    for _ in range(2):
        while end - start >= 2 and text[start] in "([{" and text[end - 1] in ")]}":
            start, end = strip_span(text, start + 1, end - 1)
        label = _DROPPED_LABEL.match(text, start, min(end, start + 40))
        if label is None or not any(c.isalnum() for c in text[label.end() : end]):
            break
        start, end = strip_span(text, label.end(), end)
    closing = text[end - 1] if end > start else ""
    if closing in ")]" and ("(" if closing == ")" else "[") not in text[start:end]:
        start, end = strip_span(text, start, end - 1)  # "[Foto = Name]" read from its label: "Name", not "Name]"
    return start, end


_MENU_ITEM_MAX_WORDS = 3


def _menu_item(u: Unit, nxt: Unit) -> bool:
    """A short line followed by another short line before any headline: a site's menu ("News" / "Sport" /
    "Weather"), not a headline (the line after a headline is longer, or a byline or a date)."""

    def short(v: Unit) -> bool:
        return v.words <= _MENU_ITEM_MAX_WORDS and not ends_sentence(v.text) and not any(c.isdigit() for c in v.text)

    return (
        short(u)
        and short(nxt)
        and nxt.kind in (None, "boilerplate")
        and not _by_line(nxt)
        and not byline_names(nxt.text, require_by=False)
        and not byline_names(u.text, require_by=False)
    )


def _title(st: State) -> None:
    for i, u in enumerate(st.units):
        if u.kind in ("boilerplate", "dateline", "editor_note"):
            continue  # (a correction or an editor's note may stand above the headline)
        if u.kind is None and not u.text.isupper() and _opens_with_byline(st, i):
            # a text exported without its headline opens with its byline ("By Jane Roe", "von" / "APA", a name by
            # the date); a headline in capitals may read as one ("VON MÜNCHEN BIS AACHEN: ...")
            return
        if u.kind is None and i + 1 < len(st.units) and _menu_item(u, st.units[i + 1]):
            u.fire(rules.MENU_ITEM)
            continue
        # a long sentence with its full stop is a paragraph, unless a byline stands under it ("I quit my job to open
        # a bakery. Here's what I learned." / "Noor Haddad"): a headline sits over its byline, a paragraph does not
        headline_shaped = u.words <= _TITLE_MAX_WORDS and (
            not (u.text.endswith(".") and u.words > 15) or (i + 1 < len(st.units) and _opens_with_byline(st, i + 1))
        )
        if (
            u.kind is None
            and headline_shaped
            and len(u.text) <= 300
            and i + 1 < len(st.units)  # a text of one block is all body
            and read_credit(u.text).strength < Strength.STRONG
        ):
            nxt = st.units[i + 1]
            if _kicker_at(st.units, i):  # "Analysis" / "World news" above the headline
                u.fire(rules.KICKER)
                continue
            if _opens_with_picture(u):
                if _headline_under_picture(nxt):
                    continue  # the headline under the lead picture is the title
                return  # a text without its headline (a body exported alone) opens with its picture
            if u.text.endswith(".") and nxt.kind is None and _credit_line_form(nxt):
                return  # the same, its credit on the line under it (a headline over a credit line has no full stop)
            u.fire(rules.TITLE_FIRST if i == 0 else rules.TITLE_AFTER_FURNITURE)
            st.title = i
            if nxt.kind is None and " ".join(nxt.text.casefold().split()) == " ".join(u.text.casefold().split()):
                nxt.fire(rules.TITLE_REPEATED)  # a page's title and its headline, one text twice
        return


def _opens_with_byline(st: State, i: int) -> bool:
    """Line ``i``, where the headline would stand, is a byline: a "By" line, a bare opener ("von", then the name on
    the next line), a person's name beside the date line, or a date line with the author's name in it ("27. Januar
    2026 • Gregor Meier • 3 Minuten")."""
    u = st.units[i]
    if _by_line(u) or is_bare_byline_opener(u.text.strip().casefold()):
        return True
    stamp = u.words <= _STAMP_TITLE_MAX_WORDS and _dated(u) and bool(_names_in_stamp(u))
    return (_beside_date(st.units, i) and bare_name_line(u.text)) or stamp


# a date line with a name that short is no headline ("Nationale Demo / Der 9. Juli naht: OGBL und LCGB ..." is one)
_STAMP_TITLE_MAX_WORDS = 10


def _opens_with_picture(u: Unit) -> bool:
    """A caption with its credit, first on the page: a credit opened by a label ("... Foto: Editpress/Name",
    "(Picture: Name/AP)"), or a sentence then a credit naming its photographer ("Firefighters work near Riverton on
    Thursday. (Jane Doe/Riverton Ledger)"). A headline with an agency in brackets ("... signs bill (AP)") names no
    photographer and has no label."""
    found = u.inline_credit()
    if found is None:
        return False
    credit = u.text[found.start : found.end]
    if ":" in credit and credit.split(":", 1)[0].strip(" ([").casefold() in _LABEL_WORDS:
        return True
    return u.text[: found.caption_end].rstrip().endswith(".") and bool(read_credit(credit).parsed.creators)


def _headline_under_picture(u: Unit) -> bool:
    """A line that can be the headline under a lead picture's caption: short, and no sentence with its full stop."""
    return u.kind is None and u.words <= _TITLE_MAX_WORDS and not u.text.rstrip().endswith(".")


_KICKER_LOOKAHEAD = 4
_CAPITAL_KICKER_MAX_WORDS = 6


def _label_shaped(u: Unit) -> bool:
    """A section label of one to three words, or a tabloid's kicker in capitals ("DRAMA AUF DER A7")."""
    return not ends_sentence(u.text) and (u.words <= 3 or (u.text.isupper() and u.words <= _CAPITAL_KICKER_MAX_WORDS))


def _kicker_at(units: list[Unit], i: int) -> bool:
    """Line ``i`` is a section label or a kicker over the headline, the page's furniture (a date line) and other
    labels aside: "Gesellschaft" / "Stand: 12.03.2026 14:32 Uhr" / the headline; "Regional" / "DRAMA AUF DER A7" / the
    headline; "Bundesliga" / "25. Spieltag" / "SPIELBERICHT" / the headline."""
    if not _label_shaped(units[i]):
        return False
    for k, v in enumerate(units[i + 1 : i + 1 + _KICKER_LOOKAHEAD]):
        if v.kind in ("boilerplate", "dateline"):
            continue
        if _is_kicker(units[i], v) and (k == 0 or not v.text.rstrip().endswith(".")):
            return True  # (beyond the next line, a headline: no sentence with its full stop)
        if not _label_shaped(v) or _by_line(v) or byline_names(v.text, require_by=False):
            return False  # a paragraph, or the byline: the line was the headline
    return False


def _is_kicker(u: Unit, nxt: Unit) -> bool:
    """A section label or kicker printed above a longer headline (a kicker in capitals above one that is not)."""
    return (
        _label_shaped(u)
        # a kicker in capitals stands over a headline in lower case, no sentence ("DOCK STRIKE SPREADS TO KESTREL" over
        # "Dock workers in Kestrel walked out on Monday." is the headline over its lede)
        and (u.words <= 3 or not (nxt.text.isupper() or ends_sentence(nxt.text)))
        and nxt.kind is None
        and 5 <= nxt.words <= _TITLE_MAX_WORDS
        and not (nxt.text.endswith(".") and nxt.words > 15)
        and not _by_line(nxt)
        and not byline_names(nxt.text, require_by=False)
    )


_HEADER_MAX_TEXT_LINES = 6  # lines of text (not furniture) a page header holds before its first paragraph
_BARE_BYLINE_REACH = 8  # lines after the title where a name without "By" can be the byline


def _by_line(u: Unit) -> tuple[NameSpan, ...]:
    """The names of a ``By ...`` line (offsets into the line); () for any other line."""
    if len(u.text) > 300 or not has_byline_opener(u.text):
        return ()
    return byline_names(u.text, require_by=True)


def _absolute(u: Unit, names: tuple[NameSpan, ...]) -> tuple[NameSpan, ...]:
    return tuple(NameSpan(u.start + n.start, u.start + n.end) for n in names)


_STAMP_PARTS = re.compile(r"[^•·|/,]+")
_DATE_MARK = re.compile(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\.?\s(?i:" + vocab.month_pattern() + r")")


def _dated(u: Unit) -> bool:
    """A short line that holds a date ("27. Januar 2026", "30.04.2024", "Dec 02, 2026") and separators."""
    head = u.text[:200]
    return (
        u.words <= 25
        and any(sep in head for sep in "•·|/,")
        and (rules.TIMESTAMP in u.fired or _DATE_MARK.search(head) is not None)
    )


_DATE_WORDS: frozenset[str] = (
    vocab.CALENDAR_WORDS
    | frozenset(vocab.union(vocab.TIMESTAMP_WORDS))
    | {"published", "updated", "posted", "modified"}
)


def _names_in_stamp(u: Unit) -> tuple[NameSpan, ...]:
    """Person names, or a news agency, standing as their own part of a date line (parts split at ``•``, ``·``,
    ``|``, ``/``, ``,``)."""
    out: list[NameSpan] = []
    for found in _STAMP_PARTS.finditer(u.text[:200]):
        a, b = strip_span(u.text, found.start(), found.end())
        part = u.text[a:b]
        dated = [k for k, w in enumerate(part.split()) if w.casefold().strip(".,") in _DATE_WORDS]
        given_month = dated == [0] and part.split()[0].casefold() in vocab.MONTH_WORDS and bare_name_line(part)
        if any(c.isdigit() for c in part) or (dated and not given_month):
            continue  # "Actualizado Lunes", "Updated Monday": the date, not a name ("Jan Kixmüller" is one)
        person = bare_name_line(part) and not load_gazetteer().is_place(part)  # "New Delhi | May 25, 2026"
        if b > a and (person or wire_service_of(part) is not None):  # "dpa | 5 May 2026, 10:24"
            out.append(NameSpan(u.start + a, u.start + b))
    return tuple(out)


def _bare_names(line: str) -> tuple[NameSpan, ...]:
    """The writers a line without a byline opener names: a name the gazetteer knows whole as a place is none of
    them ("Costa Rica and Chile" over a score, "São Paulo" under "Por Ana Souza": the writer's city)."""
    places = load_gazetteer()
    return tuple(n for n in byline_names(line, require_by=False) if not places.is_place(line[n.start : n.end]))


def _name_line(u: Unit) -> tuple[NameSpan, ...]:
    separated = any(sep in u.text[:80] for sep in (" · ", " | ", " • "))
    if u.kind is not None or u.words > (40 if separated else 12):
        return ()
    if not separated and any(w.casefold().strip(":.,") in bp.UI_WORDS for w in u.text.split()):
        return ()  # "Anzahl Kommentare:", "Teilen Drucken": a toolbar, not a name
    if table_row(u.text):
        return ()  # "Elect Res Aug 23 41.0 35.0 5.0": a pollster, its date and its figures
    names = _bare_names(u.text)
    if not names:  # ("Costa Rica and Chile" / "drew 1-1 ...": two teams' countries, no writer)
        cjk = japanese_byline(u.text) or korean_byline(u.text)
        names = (cjk,) if cjk is not None else chinese_byline(u.text)
    return _absolute(u, names)


_NAME_BY_DATE_REACH = 15  # lines after the title where a name beside the date line is the byline
_JOB_TITLES = vocab.JOB_TITLE_WORDS


def _above_credit(units: list[Unit], i: int) -> bool:
    """The unit right after ``units[i]`` is a credit line: a bare name there is the pictured person, no byline
    (unless the credit is printed in one paragraph with the line under it: that line is the caption)."""
    return i + 1 < len(units) and units[i + 1].kind == "credit" and not _printed_with_credit(units, i + 1, above=True)


def _one_paragraph(units: list[Unit], i: int) -> bool:
    """``units[i]`` and ``units[i + 1]`` are the two lines of one paragraph, set off by blank lines."""
    if i < 0 or i + 1 >= len(units) or units[i + 1].gap >= _BLANK_LINE:
        return False
    return units[i].gap >= _BLANK_LINE and (i + 2 >= len(units) or units[i + 2].gap >= _BLANK_LINE)


def _printed_with_credit(units: list[Unit], i: int, *, above: bool = False) -> bool:
    """``units[i]`` and a credit line under it (``above``: the credit line is ``units[i]`` and the unit under it
    the other) make one paragraph: a caption and its credit as a page prints a picture's (the caption pass links
    the two)."""
    return _one_paragraph(units, i) and units[i + 1 if not above else i].kind == "credit"


def _beside_date(units: list[Unit], i: int) -> bool:
    stamps = (rules.TIMESTAMP, rules.LIVE_ENTRY_HEADER)
    return any(0 <= j < len(units) and any(r in units[j].fired for r in stamps) for j in (i - 1, i + 1))


def _job_title(line: str, skip: int = 0) -> bool:
    """A line that is a job title ("Corresponsal en Atenas", "Korrespondentin", "Senior reporter"), or with
    ``skip``, a name followed by one ("Jane Roe – Journalist")."""
    words = line.split()
    return 1 <= len(words) - skip <= 8 and any(w.casefold().strip(".,()") in _JOB_TITLES for w in words[skip:])


def _wire_author(text: str, start: int, end: int) -> NameSpan | None:
    """The agency of a credit that is only an agency name, perhaps with one more word ("AFP", "dpa Sport",
    "The Associated Press"): its span; None when the credit names anyone or anything else."""
    raw = text[start:end]
    if len(raw) > 60 or any(c in raw for c in "/|,;:()[]©"):
        return None
    if agency_of(raw) is not None:
        return NameSpan(start, end)
    first = raw.split()[0] if raw.split() else ""
    if len(raw.split()) == 2 and agency_of(first) is not None:
        return NameSpan(start, start + len(first))
    return None


def _header(st: State) -> None:
    """Find the header (title to first body paragraph) and the bylines anywhere."""
    units = st.units
    n = len(units)
    start = (st.title + 1) if st.title is not None else 0
    # "By ..." lines, and the name lines after a bare "By"
    for i, u in enumerate(units):
        if u.zone:
            continue
        key = u.text.strip().casefold()
        if is_bare_byline_opener(key):
            u.fire(rules.BARE_BY, force=True)
            for j in range(i + 1, min(i + 10, n)):
                v = units[j]
                if (bp.normalise(v.text) == "" or not any(c.isalnum() for c in v.text)) and v.words <= 1:
                    continue  # "By" / "Jane Roe" / "," / "Agency"
                names = byline_names(v.text, require_by=False) if v.kind in (None, "boilerplate") else ()
                names = _absolute(v, names)
                if not names and v.kind in (None, "credit") and v.words <= 4 and agency_of(v.text.strip(" ,.")):
                    a, b = strip_span(st.text, v.start, v.end)  # "von" / "APA": the agency wrote it
                    names = (NameSpan(a, b),)
                    v.credit_raw = None
                if not names:
                    break
                v.names = names
                v.fire(rules.BYLINE_AFTER_BY, force=True)
            continue
        if u.kind is None and u.words <= 30:
            names = _absolute(u, _by_line(u))
            if names:
                u.names = names
                u.fire(rules.BYLINE_OPENER)
    # an agency alone, or after a source label ("AFP", "Quelle: dpa Sport"), beside the article's date line near
    # the headline: the wire wrote the article (a picture's credit stands by its caption)
    for i in range(start, min(n, start + _NAME_BY_DATE_REACH)):
        u = units[i]
        if u.kind != "credit" or u.credit_raw is None:
            continue
        agency = _wire_author(st.text, *u.credit_raw)
        if agency is None:
            continue
        if _beside_date(units, i):
            u.names, u.credit_raw = (agency,), None
            u.fire(rules.BYLINE_AGENCY_BY_DATE, force=True)
        elif i > 0 and units[i - 1].kind == "byline" and wire_service_of(u.text) is not None:
            u.names, u.credit_raw = (agency,), None  # "By JANE ROE" / "Associated Press": the writer's wire
            u.fire(rules.BYLINE_WIRE_UNDER_BYLINE, force=True)
    # a person's name beside the article's date line ("Jane Roe" / "Updated 2 May 2026 - 10:24") or above a job
    # title ("Jane Roe" / "Correspondent in Athens"), near the headline, even after a lead picture or a video
    for i in range(start, min(n, start + _NAME_BY_DATE_REACH)):
        u = units[i]
        in_video = u.zone == "video" and [r.name for r in u.fired] == [rules.VIDEO_ZONE.name]
        if not (u.kind is None or in_video) or u.words > 12 or u.text.isupper():
            continue
        titled = _job_title(u.text, skip=2) or (i + 1 < n and _job_title(units[i + 1].text))
        if not (_beside_date(units, i) or titled):
            continue
        if not titled and i > 0 and rules.BYLINE_BY_DATE in units[i - 1].fired:
            continue  # "Jane Roe (Correspondent)" / "Seville, Riverton" / date: the place of the byline above
        if not titled and _above_credit(units, i):
            continue  # date / "Jerome Powell" / "Photographer: Name/Bloomberg": the person in the picture
        names = _absolute(u, _bare_names(u.text))
        if names:
            u.names = names
            u.fire(rules.BYLINE_BY_DATE, force=True)
    # the header: up to the last byline/date/furniture line before the body starts
    last_marker = start - 1
    seen_byline_or_date = False
    prose = 0
    texts = 0
    first_prose: int | None = None
    body_found = False
    for i in range(start, min(n, start + 60)):
        u = units[i]
        if st.live_blog and rules.LIVE_ENTRY_HEADER in u.fired:
            body_found = True  # a live blog's first entry: what follows its time is the entry's, not the header's
            break
        # a bare name is a byline only near the headline, and not in capitals (a table or a section heading)
        # (and not right above a credit line: "Jerome Powell" / "Photographer: Name/Bloomberg" is the picture's caption)
        near = i - start < _BARE_BYLINE_REACH
        under_credit = _printed_with_credit(units, i - 1, above=True)  # a credit over it, in one paragraph
        pictured = _above_credit(units, i) or under_credit
        names = _name_line(u) if near and not u.text.isupper() and not pictured else ()
        if names:
            u.names = names
            u.fire(rules.BYLINE_NAME)
        elif near and u.kind in (None, "boilerplate") and _dated(u) and not dateline_end(u.text):
            # (a story opening with its dateline, "KUALA LUMPUR, 14 Nov (Bernama) -- ...", is no date line of names)
            stamped = _names_in_stamp(u)  # "27. Januar 2026 • Gregor Meier • 3 Minuten"
            if stamped:
                u.names = stamped
                u.fire(rules.BYLINE_IN_STAMP, force=True)
        if u.kind == "byline" or (u.kind == "boilerplate" and bp.is_timestamp(u.text)):
            seen_byline_or_date = True
            last_marker = i
            continue
        if u.kind is not None:
            last_marker = i
            continue
        if _is_bio(u, st, start, i):
            u.fire(rules.AUTHOR_BIO_HEADER)
            last_marker = i
            continue
        if _printed_with_credit(units, i) or under_credit:
            continue  # the lead picture's caption, its credit under or over it (the credit line is a marker)
        if _is_solid_prose(u):
            first_prose = i if first_prose is None else first_prose
            # after a byline or a date line, or opening with a dateline ("JIUQUAN, Dec. 5 (Xinhua) --"), a paragraph
            # is the story's first; short lines between the byline and it belong to the header
            if seen_byline_or_date or _starts_with_dateline(u.text):
                last_marker = i - 1
                body_found = True
                break
            prose += 1
            if prose >= 2:
                body_found = True
                break
        else:
            texts += 1
            if texts > _HEADER_MAX_TEXT_LINES:  # a table or a list, not a page header
                body_found = True
                break
    if not body_found and first_prose is not None:
        # the page ended (or a sign-off, a credit came) before a second paragraph: a short story's paragraphs are
        # its body, not a header that runs to its last line
        last_marker = min(last_marker, first_prose - 1)
    st.header_end = last_marker
    # two bare names on consecutive lines, each alone, are a list of topics ("Donald Trump" / "Dow Jones")
    bare = [u.kind == "byline" and bool(u.fired) and u.fired[0] is rules.BYLINE_NAME for u in units]
    tags = {k for i in range(n - 1) if bare[i] and bare[i + 1] for k in (i, i + 1)}
    # bylines: names, de-duplicated; a name-only line after the header is not a byline
    for i, u in enumerate(units):
        if u.kind == "byline":
            if (u.conf <= 0.8 and i > st.header_end) or i in tags:
                u.kind, u.conf = None, 0.0
                continue
            st.bylines.extend(u.names)
    if not st.bylines:
        st.bylines.extend(_dateline_reporters(st))
    # the authors' biographies, wherever they stand ("Jane Roe is a reporter in Leeds.")
    authors = {st.text[n.start : n.end] for n in st.bylines}
    for u in units:
        if u.kind is None and u.words <= 45 and any(_opens_with_bio(u.text, a) for a in authors):
            u.fire(rules.AUTHOR_BIO)


_BIO_VERBS: tuple[str, ...] = tuple(f"{v} " for v in vocab.union(vocab.AUTHOR_BIO_VERBS))


def _opens_with_bio(text: str, name: str) -> bool:
    """``text`` opens with the author's name, case aside ("By JANE ROE" / "Jane Roe is ..."), then a verb of a
    biography ("Jane Roe is a reporter in Leeds.")."""
    n = len(name) + 1
    return text[:n].casefold() == name.casefold() + " " and text[n:].startswith(_BIO_VERBS)


def _dateline_reporters(st: State) -> list[NameSpan]:
    """The reporters named in the dateline of the story's first paragraph ("新华社北京12月6日电（记者 赵强）"), when
    the page has no byline."""
    lede = next((u for u in st.units[st.header_end + 1 :] if u.kind in (None, "body") and _is_prose(u)), None)
    if lede is None:
        return []
    return [NameSpan(lede.start + a, lede.start + b) for a, b in dateline_reporters(lede.text)]


def _is_bio(u: Unit, st: State, start: int, i: int) -> bool:
    """``Jane Roe is a freelance reporter in London.``: an author's biography in the header."""
    if u.words > 45:
        return False
    return any(_opens_with_bio(u.text, st.text[sp.start : sp.end]) for v in st.units[start:i] for sp in v.names)


def _after_photo_marker(units: list[Unit], i: int) -> bool:
    return i > 0 and units[i - 1].kind == "boilerplate" and bp.is_photo_marker(units[i - 1].text)


def _captions(st: State) -> None:
    units = st.units
    n = len(units)
    speakers = _repeated_keywords(units)
    for i, u in enumerate(units):
        if u.kind is not None or u.zone or u.words > CAPTION_MAX_WORDS:
            continue
        prev = units[i - 1] if i > 0 else None
        nxt = units[i + 1] if i + 1 < n else None
        if _after_photo_marker(units, i):
            u.fire(rules.CAPTION_AFTER_GALLERY)
        elif (
            prev is not None
            and prev.kind == "credit"
            and _after_photo_marker(units, i - 1)
            and any(c.isdigit() for c in units[i - 2].text)
        ):
            # "Image 2 of 4" / "Photo: Name/Agency" / the caption: a gallery printing each credit above its caption
            # (a counter: after NPR's "toggle caption" and its credit comes the story)
            u.fire(rules.CAPTION_AFTER_GALLERY)
            if prev.caption_of is None:
                prev.caption_of, u.credited = i, True
        elif EDITOR_NOTE.match(u.text[:40]) or TOPSHOT.match(u.text[:12]) or _FILE_PREFIX.match(u.text[:16]):
            u.fire(rules.CAPTION_PREFIX)
        elif CAPTION_LABEL.match(u.text[:30]) and u.words >= 3 and not _speaks_to_reader(u.text):
            u.fire(rules.CAPTION_LABEL)
        elif _PHOTO_OPENER.match(u.text[:40]) and u.words <= _PHOTO_OPENER_MAX_WORDS and _sentences(u.text) <= 2:
            u.fire(rules.CAPTION_PHOTO_OPENER)
        elif u.words <= 40 and _picture_position(u.text[:400]) and i != st.title:
            u.fire(rules.CAPTION_POSITION)
        elif _is_dated_caption(u):
            u.fire(rules.CAPTION_DATED)
        elif _keyword_caption(u, prev, nxt, speakers):
            u.fire(rules.CAPTION_KEYWORD)
        elif (
            prev is not None
            and _TIMECODE.match(prev.text)
            # on a live blog the line under an entry's time is its headline, not the caption of a video that long
            and not (st.live_blog and rules.LIVE_ENTRY_HEADER in prev.fired)
            and not _is_prose(u)
            and 3 <= u.words <= 25
        ):
            u.fire(rules.CAPTION_UNDER_VIDEO)
        elif i > st.header_end and nxt is not None and _orphan_line(u, _beyond_furniture(units, i, -1), nxt):
            u.fire(rules.CAPTION_ORPHAN)
        elif i > st.header_end and nxt is not None and _team_line(u, *_paragraphs_around(units, i)):
            u.fire(rules.CAPTION_TEAM)
        elif i > st.header_end and (named := _bracketed_name_credit(u, *_paragraphs_around(units, i))):
            u.inline = named
            u.fire(rules.CAPTION_BRACKET_NAME)
    _restated_captions(st)
    # a line after the byline in the header that reads as a description, not a sentence: the lead picture
    # (one lead picture: none when the header prints a caption with its credit in one paragraph)
    seen_byline = False
    pictured = any(
        _printed_with_credit(units, i) or _printed_with_credit(units, i, above=True) for i in range(st.header_end + 1)
    )
    for i in range(0, st.header_end + 1 if not pictured else 0):
        u = units[i]
        if u.kind == "byline":
            seen_byline = True
        elif u.text.rstrip().endswith((":", "：")):
            seen_byline = False  # "Key points:": the lines under it are the items of the list it opens
        elif (
            seen_byline
            and u.kind is None
            and not u.zone
            and u.words >= 6
            and not ends_sentence(u.text)
            and _titleness(u.text) < 0.5
            and not _CLOCK_TIME.search(u.text[:200])  # "毎日新聞 2025/1/14 21:17（最終更新 ...）": a date line
        ):
            u.fire(rules.CAPTION_LEAD_PICTURE)
            seen_byline = False  # one lead picture: the lines after its caption are the page's, not captions
    # credit lines: find their caption
    for i, u in enumerate(units):
        if u.kind == "credit":
            _link_credit(st, i)
    # a person's name alone under a description, between two paragraphs: the picture's caption and its
    # photographer ("Harbour Row at sunset, seen from the pier" / "Jenna Fairweather")
    for i in range(2, n - 1):
        u, cap = units[i], units[i - 1]
        if u.kind is not None or u.zone or i - 1 <= st.header_end or not bare_name_line(u.text):
            continue
        if cap.kind is not None or cap.zone or not 3 <= cap.words <= 30 or ends_sentence(cap.text):
            continue
        if cap.text.rstrip().endswith(":") or not _between_paragraphs(units[i - 2], units[i + 1]):
            continue
        if _heads_list(units, i):
            continue
        surname = u.text.split()[-1]
        if surname in cap.text or surname in units[i + 1].text[:600]:
            continue  # the paragraph below is about the person: a name heading over their profile, not a credit
        u.credit_raw = raw_bounds(st.text, u.start, u.end)
        u.fire(rules.CREDIT_NAME_UNDER_CAPTION)
        _link_credit(st, i)
    # a bare organisation name after a caption-like line in the body: a credit ("ES", "The London Standard")
    for i in range(1, n):
        u = units[i]
        if u.kind is not None or u.zone or i <= st.header_end or u.words > 5:
            continue
        if not _weak_credit_form(u.text):
            continue
        prev = units[i - 1]
        nxt = units[i + 1] if i + 1 < n else None
        if not _caption_like(prev, st, i - 1) or prev.words < 3:
            continue
        if nxt is not None and nxt.kind is None and not (_is_prose(nxt) or nxt.words <= 12):
            continue
        if _heads_list(units, i):
            continue
        u.credit_raw = raw_bounds(st.text, u.start, u.end)
        u.fire(rules.CREDIT_BARE_ORG)
        _link_credit(st, i)
    # a name on the line right under a short description, the two set off by blank lines from the paragraphs around
    # them on a page that separates its paragraphs so: the picture's caption and its credit, even when the caption
    # ends like a sentence ("Residents clear debris on Saturday." / "John Smith"; "..." / "Riverton Community Trust")
    if sum(v.gap >= _BLANK_LINE for v in units) < _BLANK_LINE_PAGE_SHARE * n:
        return
    for i in range(1, n):
        u, cap = units[i], units[i - 1]
        nxt = units[i + 1] if i + 1 < n else None
        if u.kind is not None or u.zone or i - 1 <= st.header_end or u.gap != 1 or cap.gap < _BLANK_LINE:
            continue
        if nxt is not None and nxt.gap < _BLANK_LINE:
            continue
        if cap.kind is not None or cap.zone or not 3 <= cap.words <= _NEXT_LINE_CAPTION_MAX_WORDS:
            continue
        if u.words > _NEXT_LINE_CREDIT_MAX_WORDS or ends_sentence(u.text) or _sentences(cap.text) > 2:
            continue
        if not (bare_name_line(u.text) or read_credit(u.text).strength >= Strength.WEAK):
            continue
        u.credit_raw = raw_bounds(st.text, u.start, u.end)
        u.fire(rules.CREDIT_NEXT_LINE)
        _link_credit(st, i)


_BLANK_LINE = 2  # a unit's gap: the newlines before it
_BLANK_LINE_PAGE_SHARE = 0.7  # most of the page's blocks stand after a blank line
_NEXT_LINE_CAPTION_MAX_WORDS = 40
_NEXT_LINE_CREDIT_MAX_WORDS = 5

_RESTATE_WINDOW = 12  # blocks either side searched for the sentence a caption restates (keeps the pass linear)
_WORD_RE = re.compile(r"\w+")


def _word_set(s: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD_RE.findall(s[:1000]))


def _restated_captions(st: State) -> None:
    """A line without a full stop that repeats a paragraph of the article nearby, nearly word for word, is a
    picture's caption: tabloid pages print the paragraph's sentence again, without its full stop, under a picture
    (a heading that sums up a longer paragraph shares too few of its words)."""
    units = st.units
    n = len(units)
    words: list[frozenset[str] | None] = [None] * n
    for i, u in enumerate(units):
        if u.kind is not None or u.zone or i <= st.header_end or ends_sentence(u.text) or not 8 <= u.words <= 60:
            continue
        mine = _word_set(u.text)
        for j in range(max(0, i - _RESTATE_WINDOW), min(n, i + _RESTATE_WINDOW + 1)):
            v = units[j]
            if j == i or v.kind not in (None, "standfirst") or not ends_sentence(v.text):
                continue
            other = words[j]
            if other is None:
                other = words[j] = _word_set(v.text)
            shared = len(mine & other)
            if shared >= _RESTATE_SHARE * len(mine) and shared >= _RESTATE_SHARE * len(other):
                u.fire(rules.CAPTION_RESTATED)
                break


_RESTATE_SHARE = 0.9


def _weak_credit_form(s: str) -> bool:
    if s.rstrip().endswith((":", "：")):
        return False  # "Media Contact:": a label over the lines after it
    reading = read_credit(s)
    if reading.strength < Strength.WEAK:
        return False
    words = s.strip("() ").split()
    if len(words) == 1:
        w = words[0]
        return w.isupper() and 2 <= len(w) <= 6
    return words[0] in ("The", "THE") or any(
        w.casefold().strip(".,") in ("images", "pictures", "photos", "press", "news", "media") for w in words
    )


_LEAD_CAPTION_MAX_WORDS = 20


def _heads_list(units: list[Unit], i: int) -> bool:
    """Unit ``i`` stands over a bulleted list: a press review's newspaper over its stories ("MAARIV" / "- Netanyahu
    opposes ..."), a section's name over its items; a picture's credit introduces no list."""
    return i + 1 < len(units) and units[i + 1].text.startswith(_LIST_BULLETS)


def _caption_like(u: Unit | None, st: State, i: int, *, bound: bool = False) -> bool:
    if u is None or u.zone or u.words < 2 or u.words > CAPTION_MAX_WORDS:
        return False
    if u.kind not in (None, "caption"):
        return False
    if u.kind == "caption" and (u.inline is not None or u.credited):
        return False  # it already has its credit
    if i == st.title or u.text.endswith((":", "?")):
        return False
    # a long sentence right under the headline is its standfirst, even with the lead picture's credit below it;
    # a short one above a credit line is the lead picture's caption
    first = u.kind is None and not bound and _first_under_title(st, i)
    return not (first and _is_solid_prose(u) and u.words > _LEAD_CAPTION_MAX_WORDS)


def _first_under_title(st: State, i: int) -> bool:
    """Unit ``i`` is the first line under the headline (past the headline printed again, ``title_repeated``)."""
    if st.title is None or i <= st.title:
        return False
    return all(rules.TITLE_REPEATED in v.fired for v in st.units[st.title + 1 : i])


def uncredited_caption(u: Unit | None) -> bool:
    return u is not None and u.kind == "caption" and u.inline is None and not u.credited and not u.zone


def _heading_like(u: Unit) -> bool:
    return not ends_sentence(u.text) and u.words <= 12 and _titleness(u.text) >= 0.6


_PARAGRAPH_MIN_WORDS = 20


_BOUND_CAPTION_MAX_SENTENCES = 4


def _bound_caption(st: State, i: int) -> bool:
    """Unit ``i``, printed in one paragraph with a credit line, reads as the credit's caption: caption-like, and
    at most a few sentences (a caption may say more than a line does)."""
    if not 0 <= i < len(st.units) or not _caption_like(st.units[i], st, i, bound=True):
        return False
    u = st.units[i]
    return u.kind is not None or _sentences(u.text) <= _BOUND_CAPTION_MAX_SENTENCES


def _link_credit(st: State, i: int) -> None:
    units = st.units
    n = len(units)
    prev = units[i - 1] if i > 0 else None
    nxt = units[i + 1] if i + 1 < n else None
    after = units[i + 2] if i + 2 < n else None
    prev_ok = _caption_like(prev, st, i - 1) and prev is not None
    chart_source = units[i].text.casefold().startswith("source")
    if prev_ok and prev is not None and prev.kind is None and ends_sentence(prev.text):
        # a sentence before a credit line is its caption only if it is at most two sentences, and never for a
        # chart's "Source:" line (the chart's title is not in the text; the sentence before it is the article's)
        prev_ok = not chart_source and _sentences(prev.text) <= 2 and prev.words <= 60
    next_ok = (
        _caption_like(nxt, st, i + 1)
        and nxt is not None
        and nxt.words <= 15
        and not ends_sentence(nxt.text)
        and not (after is not None and after.kind is None and _is_solid_prose(after))
    )
    # a paragraph before the credit line and a short line without a full stop after it: the picture's caption is
    # printed under its credit ("... Staatsanwälte." / "IMAGO/Agency" / "Bondi and Trump in Florida in 2016")
    after_paragraph = (
        prev is not None
        and prev.kind is None
        and ends_sentence(prev.text)
        and prev.words >= _PARAGRAPH_MIN_WORDS
        and nxt is not None
        and _caption_like(nxt, st, i + 1)
        and 4 <= nxt.words <= 15
        and not ends_sentence(nxt.text)
    )
    # a credit line printed in one paragraph with the line above it (a blank line after the two) is that line's;
    # with the line below it (a blank line before the two), that line's
    with_prev = _one_paragraph(units, i - 1) and not chart_source and _bound_caption(st, i - 1)
    with_next = _one_paragraph(units, i) and _bound_caption(st, i + 1)
    target: int | None = None
    if uncredited_caption(prev):
        target = i - 1
    elif with_prev or with_next:
        target = i - 1 if with_prev else i + 1
    elif uncredited_caption(nxt) or after_paragraph:  # "Image source, Getty Images" / "Image caption, ..."
        target = i + 1
    elif prev_ok and prev is not None and not (_heading_like(prev) and next_ok):
        target = i - 1
    elif next_ok:
        target = i + 1
    if target is None:
        return
    cap = units[target]
    cap.fire(rules.CAPTION_OF_CREDIT)
    cap.credited = True
    units[i].caption_of = target


def _standfirst_and_rest(st: State) -> None:
    units = st.units
    first_text: int | None = None
    header_text_seen = False
    for i, u in enumerate(units):
        if u.kind is not None:
            continue
        if st.title is not None and i < st.title:
            u.fire(rules.BEFORE_TITLE)
            continue
        in_header = i <= st.header_end
        if in_header:
            if u.words < 4:
                u.fire(rules.HEADER_SHORT)
            elif header_text_seen and _heading_like(u):
                u.fire(rules.HEADER_HEADING)
            else:
                u.fire(rules.HEADER_TEXT)
            header_text_seen = True
            continue
        if first_text is None:
            first_text = i
            if _standfirst_slot(st, i) and _is_solid_prose(u) and u.words <= 60:
                u.fire(rules.STANDFIRST_SLOT)
                continue
        _rest(u)


def _standfirst_slot(st: State, i: int) -> bool:
    """The first text after the title, with only the lead picture or furniture in between, and no byline before it
    (a name under the standfirst, beside the date line, is the byline of a page that prints it there)."""
    if st.title is None or (st.bylines and not all(b.start > st.units[i].end for b in st.bylines)):
        return False
    for v in st.units[st.title + 1 : i]:
        if v.kind not in ("caption", "credit", "boilerplate") or rules.LIVE_ENTRY_HEADER in v.fired:
            return False  # text under a live blog's entry time is that entry's, not a standfirst
    return bool(st.units[i + 1 :]) and not _starts_with_dateline(st.units[i].text)


_INLINE_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(?:\([A-Za-z .]{1,20}\))? ?[—–-]{1,2} ")


def _starts_with_dateline(s: str) -> bool:
    return bool(_INLINE_DATELINE.match(s[:60])) or dateline_end(s[:120]) > 0


_LABELLED_CLAUSE = re.compile(r"^[A-Z][\w’' -]{1,30}: [a-z]")
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’']? [A-Z“\"‘]")


def _sentences(s: str) -> int:
    return 1 + len(_SENTENCE_BREAK.findall(s[:2000]))


# "7h05 - Nokia dans le rouge", "14:30 Uhr: Der Rat tagt", "09.15 – ...": an entry of a live ticker
_TICKER_ITEM = re.compile(r"^\d{1,2}(?:[h:.]\d{2}|h)(?:\s?(?i:uhr|h))?\s{0,2}[-–—:|]\s{1,3}[^\W\d_]")


# "Q: ...", "Frage: ...", and with a full stop as Spanish interviews print it ("P. ¿Cómo ...?", "Pregunta. ¿...?")
_INTERVIEW_QUESTION = re.compile(
    r"(?i:" + vocab.alternation(vocab.union(vocab.INTERVIEW_QUESTION_LABELS)) + r")\s{0,2}[:.]\s"
)


def _rest(u: Unit) -> None:
    if not any(c.isalnum() for c in u.text[:200]):
        u.fire(rules.NO_LETTERS)
    elif _TICKER_ITEM.match(u.text[:40]) and u.words >= 5:
        u.fire(rules.TICKER_ITEM)
    elif u.text.startswith(_BULLET) or u.text.endswith((";", ",", "; and", "; or", ", and", ", or")):
        u.fire(rules.LIST_ITEM)
    elif (
        u.text.endswith("?")
        and _sentences(u.text) == 1
        and (u.words <= 10 or _titleness(u.text) >= 0.7)
        and not _INTERVIEW_QUESTION.match(u.text[:20])
    ):
        u.fire(rules.QUESTION_HEADING)
    elif _LABELLED_CLAUSE.match(u.text[:120]) and u.words >= 6:
        u.fire(rules.LABELLED_CLAUSE)
    elif _is_prose(u) or (u.text.endswith(":") and u.words >= 3):
        u.fire(rules.SOLID_PROSE if _is_solid_prose(u) else rules.PROSE)
    elif u.words <= 20:
        u.fire(rules.SHORT_LINE if u.words <= 12 else rules.MEDIUM_LINE)
    else:
        u.fire(rules.LONG_LINE)


def heading_shaped(u: Unit) -> bool:
    return not ends_sentence(u.text) and 1 <= u.words <= 20 and any(c.isalpha() for c in u.text[:200])


def analyse(text: str) -> State:
    """Split ``text`` into units and run every rule pass over them."""
    work = plain(text)
    st = State(work, lines.units(work), source=text)
    _furniture(st)
    _editor_notes(st)
    _title(st)
    _agency_signoff(st)
    _credits(st)
    _header(st)
    _captions(st)
    _standfirst_and_rest(st)
    return st
