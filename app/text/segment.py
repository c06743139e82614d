"""Segmentation of a scraped article into classified blocks (pure functions, no I/O).

How it works, in passes over the lines of the text (every non-blank line is a candidate block; a hard-wrapped
line that continues in lower case is joined to the line before it, and a credit split over lines, ``(`` /
``Image:`` / ``Getty Images)``, is joined into one credit block):

1. page furniture: buttons, promotions, timestamps, live-blog entry headers, video widgets, teaser lists
   after ``Read more``/``Most popular``, embedded social posts, pull quotes (``boilerplate``); datelines;
   editor's notes;
2. the title (the first line, when it reads like a headline);
3. credits: a line that is a credit (``credit``), and captions with their credit inside (``caption``);
4. the header between the title and the first body paragraph: bylines (``By ...``, a bare name, a name with a
   job title), the standfirst, the lead picture's caption;
5. captions without a credit where the page says so (a gallery control before it, ``(left)``, an editor's note,
   an agency-style dated caption, a credit line next to it), and the link from each credit line to its caption;
6. the rest: ``heading`` (a short line without a full stop) or ``body``.

Each block's ``confidence`` is how clear-cut the rule that decided it was (0.95 for an explicit marker such as
``By`` or a credit label, around 0.5-0.6 for a decision from position or form alone).

Every offset is a ``str`` index into the text exactly as given; nothing is normalised before offsets are taken.
Each pass is linear in the number of lines, and the per-line tests look at bounded windows of a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from app.text import boilerplate as bp
from app.text.credits import InlineCredit, Strength, find_inline_credit, parse_credit, read_credit
from app.text.layout import rules, vocab
from app.text.layout.combiner import CLASSES, BlockView, Combiner, coarse, shipped
from app.text.layout.rules import Rule
from app.text.names import NameSpan, byline_names, has_byline_opener, word_count
from app.text.types import Block, BlockKind, Byline, Caption, CreditSpan, TextSpan


@dataclass(frozen=True, slots=True)
class Segmentation:
    """Everything segmentation finds; every offset points into the text segmented."""

    blocks: tuple[Block, ...]
    title: TextSpan | None
    bylines: tuple[Byline, ...]
    captions: tuple[Caption, ...]
    credits: tuple[CreditSpan, ...]


# ------------------------------------------------------------------------------------------------ lines

_LINE = re.compile(r"[^\r\n]+")
_TERMINAL = (
    *(".", "!", "?", "…", ".”", "!”", "?”", '."', '!"', '?"', ".’", "?’", "!’", ".'", ".)", "?)", "!)"),
    *(".«", ".»", "。", "！", "？", "。」", "。）"),
)
_BULLET = ("•", "- ", "– ", "— ", "* ", "· ", "▪", "●", "◦")
_TITLE_MAX_WORDS = 35
_CAPTION_MAX_WORDS = 100


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    text: str
    gap: int  # line breaks before this unit (1: same paragraph, 2+: after a blank line)
    words: int = 0
    kind: BlockKind | None = None
    conf: float = 0.0
    zone: str = ""  # "teaser", "video", "promo", "embed": furniture that also blocks byline/caption rules
    inline: InlineCredit | None = None
    credit_raw: tuple[int, int] | None = None  # absolute span of the credit text of a credit block
    caption_of: int | None = None  # for a credit block: the unit holding its caption
    credited: bool = False  # for a caption block: a credit line has been linked to it
    names: tuple[NameSpan, ...] = ()
    fired: list[Rule] = field(default_factory=list)  # every rule that fired on this unit, in order
    inline_any: InlineCredit | None = None  # a credit inside the unit, whatever its kind (a combiner signal)
    why: list[str] = field(default_factory=list)  # the combiner's strongest features, when it overrode the rules

    def fire(self, rule: Rule, *, force: bool = False) -> None:
        """Record ``rule``; the first rule to fire (or a forced one) gives the unit its kind."""
        self.fired.append(rule)
        if self.kind is None or force:
            self.kind, self.conf = rule.kind, rule.confidence


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _newlines(gap: str) -> int:
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n")


def _split_lines(text: str) -> list[_Unit]:
    units: list[_Unit] = []
    prev_end = 0
    for m in _LINE.finditer(text):
        start, end = _strip_span(text, m.start(), m.end())
        if start == end:
            continue
        gap = _newlines(text[prev_end:start]) if units else 2
        units.append(_Unit(start, end, text[start:end], gap))
        prev_end = end
    return units


def _ends_sentence(s: str) -> bool:
    return s.endswith(_TERMINAL)


def _join_wrapped(text: str, units: list[_Unit]) -> list[_Unit]:
    """Join a hard-wrapped line to the line before it: same paragraph, no sentence end, lower-case start."""
    out: list[_Unit] = []
    joined = False
    for u in units:
        if out and u.gap == 1:
            prev = out[-1]
            tail = text[max(prev.start, prev.end - 3) : prev.end]
            if (
                u.text[:1].islower()
                and prev.end - prev.start >= 40
                and not _ends_sentence(tail)
                and not tail.endswith(("(", ":"))
                and read_credit(u.text).strength < Strength.MEDIUM
            ):
                prev.end = u.end  # the text is cut once, below: joining many lines stays linear
                joined = True
                continue
        out.append(u)
    if joined:
        for u in out:
            u.text = text[u.start : u.end]
    return out


def _split_inline_prompts(text: str, units: list[_Unit]) -> list[_Unit]:
    """Cut a prompt out of the paragraph that holds it (``... fell. Scroll down for video The council ...``): the
    paragraph's text before and after it stay blocks of their own, the prompt becomes a boilerplate block."""
    out: list[_Unit] = []
    for u in units:
        found = bp.inline_prompt(u.text)
        if found is None:
            out.append(u)
            continue
        a, b = u.start + found[0], u.start + found[1]
        before = _strip_span(text, u.start, a)
        after = _strip_span(text, b, u.end)
        if before[1] > before[0]:
            out.append(_Unit(before[0], before[1], text[before[0] : before[1]], u.gap))
        prompt = _Unit(a, b, text[a:b], 1 if before[1] > before[0] else u.gap)
        prompt.fire(rules.INLINE_PROMPT)
        out.append(prompt)
        if after[1] > after[0]:
            out.append(_Unit(after[0], after[1], text[after[0] : after[1]], 1))
    return out


def _credit_label_only(s: str) -> bool:
    key = s.strip().casefold().rstrip(" :")
    return key in {"image", "images", "photo", "photos", "photograph", "picture", "pictures", "credit", "source"}


def _join_split_credits(text: str, units: list[_Unit]) -> list[_Unit]:
    """``caption (`` / ``Image:`` / ``Getty Images/iStockphoto)`` -> caption, one credit block."""
    out: list[_Unit] = []
    i = 0
    n = len(units)
    while i < n:
        u = units[i]
        opens = u.text.endswith("(")
        labelled = _credit_label_only(u.text)
        if (opens or labelled) and i + 1 < n:
            joined = _try_join(text, units, i, opens=opens)
            if joined is not None:
                caption, credit, used = joined
                if caption is not None:
                    out.append(caption)
                out.append(credit)
                i += used
                continue
        out.append(u)
        i += 1
    return out


def _try_join(text: str, units: list[_Unit], i: int, *, opens: bool) -> tuple[_Unit | None, _Unit, int] | None:
    u = units[i]
    paren_at = u.start + len(u.text) - 1 if opens else u.start
    for j in range(i + 1, min(i + 4, len(units))):
        last = units[j]
        if last.text.count(" ") > 12:
            return None
        closes = last.text.endswith(")")
        inner_start = paren_at + 1 if opens else u.start
        inner_end = last.end - 1 if closes else last.end
        inner_start, inner_end = _strip_span(text, inner_start, inner_end)
        inner = text[inner_start:inner_end]
        if (closes or not opens) and read_credit(" ".join(inner.split())).strength >= Strength.MEDIUM:
            if not opens and not closes and j > i + 1:
                return None
            caption: _Unit | None = None
            credit_start = u.start
            if opens:
                before_end = _strip_span(text, u.start, paren_at)[1]
                if before_end > u.start:
                    caption = _Unit(u.start, before_end, text[u.start : before_end], u.gap)
                    credit_start = paren_at
            credit = _Unit(credit_start, last.end, text[credit_start : last.end], u.gap if caption is None else 1)
            credit.credit_raw = (inner_start, inner_end)
            credit.fire(rules.SPLIT_CREDIT)
            return caption, credit, j - i + 1
        if closes:
            return None
    return None


# ------------------------------------------------------------------------------------------------ features


def _is_prose(u: _Unit) -> bool:
    """A sentence-like block: ends like a sentence (or is long), and has enough words."""
    return (_ends_sentence(u.text) and u.words >= 3) or u.words >= 20


def _is_solid_prose(u: _Unit) -> bool:
    return (_ends_sentence(u.text) and u.words >= 8) or u.words >= 20


def _titleness(s: str) -> float:
    words = [w for w in s.split() if w[:1].isalpha()]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def _has_emoji(s: str) -> bool:
    return any(ord(c) >= 0x1F000 for c in s[:400])


_POSITION = re.compile(r"\((?:" + vocab.alternation(vocab.union(vocab.PICTURE_MARKERS)) + r")\)", re.IGNORECASE)
_EDITOR_NOTE = re.compile(r"^(?:EDITORS?['’]?S?['’]? NOTE|Editor['’]?s['’]? [Nn]ote)\s{0,2}[:\-–—]\s{0,2}")
_NOTE_SEPARATORS = (" / ", " -- ", " — ", " – ", " | ")
_CAPTION_LABEL = re.compile(r"^(?:image|photo|picture|video)? ?caption\s{0,2}[,:]\s{0,2}", re.IGNORECASE)
_TOPSHOT = re.compile(r"^TOPSHOTS?\s{0,2}[-–—:]\s{0,2}")
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


_TIMECODE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")


def _orphan_line(u: _Unit, prev: _Unit | None, nxt: _Unit) -> bool:
    """A descriptive line between a paragraph and the next live-blog entry: it heads nothing, so it is a caption."""
    return (
        prev is not None
        and prev.kind is None
        and _is_solid_prose(prev)
        and not _ends_sentence(u.text)
        and 5 <= u.words <= 25
        and _titleness(u.text) < 0.5
        and bp.is_live_entry_header(nxt.text)
    )


def _is_dated_caption(u: _Unit) -> bool:
    if u.words > 45 or u.words < 6 or _SPEECH.search(u.text[:600]):
        return False
    return bool(_DATED_CAPTION.search(u.text[-90:]))


# ------------------------------------------------------------------------------------------------ passes


@dataclass(slots=True)
class _State:
    text: str
    units: list[_Unit]
    title: int | None = None
    header_end: int = -1
    bylines: list[NameSpan] = field(default_factory=list)


def _furniture(st: _State) -> None:
    units = st.units
    for u in units:
        if bp.is_dateline(u.text):
            u.fire(rules.DATELINE)
        elif bp.is_live_entry_header(u.text):
            u.fire(rules.LIVE_ENTRY_HEADER)
        elif bp.is_timestamp(u.text):
            u.fire(rules.TIMESTAMP)
        elif bp.is_embed_attribution(u.text):
            u.fire(rules.EMBED_ATTRIBUTION)
            u.zone = "embed"
        elif bp.is_ui_line(u.text) or bp.is_video_item(u.text):
            u.fire(rules.UI_LINE)
        elif bp.is_promo(u.text, u.words):
            u.fire(rules.PROMO)
            u.zone = "promo"
        elif len(u.text) <= 3 and not any(c.isalnum() for c in u.text):
            u.fire(rules.SYMBOLS_ONLY)
    for i, u in enumerate(units):
        if bp.is_teaser_header(u.text):
            _teaser_zone(units, i)
        elif bp.is_video_start(u.text):
            _video_zone(units, i)
        elif u.zone == "embed":
            _embedded_post(units, i)
    _promo_runs(units)
    _pull_quotes(st)


_QUOTES_OPEN = ("“", '"', "‘", "'")
_QUOTES_CLOSE = ("”", '"', "’", "'", ".”", '."', "?”", "!”")
_MAX_PULL_QUOTE_CHECKS = 50  # each check scans the text once; a bounded number keeps the pass linear


def _pull_quotes(st: _State) -> None:
    """A quoted sentence standing alone that repeats words from elsewhere in the article is a pull quote."""
    checks = 0
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
        first = st.text.find(core)
        again = st.text.find(core, first + 1) if first >= 0 else -1
        elsewhere = [k for k in (first, again) if k >= 0 and not (u.start <= k < u.end)]
        if elsewhere:
            u.fire(rules.PULL_QUOTE)


def _teaser_like(u: _Unit) -> bool:
    if u.words > (40 if _titleness(u.text) >= 0.6 else 25) or u.text.strip().casefold() == "by" or _by_line(u):
        return False
    if u.kind == "boilerplate":
        return True
    return not _is_solid_prose(u) or u.text.endswith("?") or _titleness(u.text) >= 0.6


def _teaser_zone(units: list[_Unit], i: int) -> None:
    units[i].fire(rules.TEASER_HEADER)
    for j in range(i + 1, min(i + 21, len(units))):
        u = units[j]
        if u.credit_raw is not None or not _teaser_like(u):
            return
        u.fire(rules.TEASER_ITEM)
        u.zone = u.zone or "teaser"


def _video_zone(units: list[_Unit], i: int) -> None:
    units[i].fire(rules.VIDEO_START)
    units[i].zone = "video"
    for j in range(i + 1, min(i + 6, len(units))):
        u = units[j]
        if u.words > 45 or u.credit_raw is not None:
            return
        u.fire(rules.VIDEO_ZONE)
        u.zone = u.zone or "video"
        if _is_solid_prose(u):
            return


def _embedded_post(units: list[_Unit], i: int) -> None:
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


def _promo_runs(units: list[_Unit]) -> None:
    """Short lines inside a subscription or newsletter box are part of it."""
    n = len(units)
    promo = [u.zone == "promo" or (u.kind == "boilerplate" and u.zone == "" and _is_promo_ui(u)) for u in units]
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
                if all(b.words <= 30 and (b.kind is None or b.kind == "boilerplate") for b in between):
                    for b in between:
                        b.fire(rules.PROMO_BETWEEN)
                        b.zone = b.zone or "promo"
                break


def _is_promo_ui(u: _Unit) -> bool:
    key = bp.normalise(u.text)
    return any(w in key for w in ("subscri", "newsletter", "sign in", "sign up", "register", "unlock", "account"))


def _editor_notes(st: _State) -> None:
    for u in st.units:
        note = _EDITOR_NOTE.match(u.text[:40]) if u.kind is None else None
        if note is not None and not any(sep in u.text[note.end() : note.end() + 160] for sep in _NOTE_SEPARATORS):
            u.fire(rules.EDITOR_NOTE)


def _credits(st: _State) -> None:
    for u in st.units:
        if u.kind is not None or u.zone:
            continue
        by_line = bool(_by_line(u))
        if u.words <= 18 and not by_line:
            reading = read_credit(u.text)
            if reading.strength >= Strength.MEDIUM:
                raw_start, raw_end = _raw_bounds(st.text, u.start, u.end)
                u.credit_raw = (raw_start, raw_end)
                u.fire(rules.CREDIT_LINE if reading.strength == Strength.STRONG else rules.CREDIT_LINE_FORM)
                continue
        if u.words <= _CAPTION_MAX_WORDS and not by_line:
            found = find_inline_credit(u.text)
            if found is not None:
                u.inline = found
                u.fire(rules.CAPTION_INLINE_CREDIT)


def _raw_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The credit inside a line without its brackets: ``(Robert F. Bukaty / AP)`` -> ``Robert F. Bukaty / AP``."""
    while end - start >= 2 and text[start] in "([{" and text[end - 1] in ")]}":
        start, end = _strip_span(text, start + 1, end - 1)
    return start, end


def _title(st: _State) -> None:
    for i, u in enumerate(st.units):
        if u.kind in ("boilerplate", "dateline"):
            continue
        headline_shaped = u.words <= _TITLE_MAX_WORDS and not (u.text.endswith(".") and u.words > 15)
        if (
            u.kind is None
            and headline_shaped
            and len(u.text) <= 300
            and i + 1 < len(st.units)  # a text of one block is all body
            and read_credit(u.text).strength < Strength.MEDIUM
        ):
            nxt = st.units[i + 1]
            if _is_kicker(u, nxt):  # "Analysis" / "World news" above the headline
                u.fire(rules.KICKER)
                continue
            u.fire(rules.TITLE_FIRST if i == 0 else rules.TITLE_AFTER_FURNITURE)
            st.title = i
        return


def _is_kicker(u: _Unit, nxt: _Unit) -> bool:
    """A section label or kicker of one to three words printed above a longer headline."""
    return (
        u.words <= 3
        and not _ends_sentence(u.text)
        and nxt.kind is None
        and 5 <= nxt.words <= _TITLE_MAX_WORDS
        and not (nxt.text.endswith(".") and nxt.words > 15)
        and not _by_line(nxt)
        and not byline_names(nxt.text, require_by=False)
    )


_BARE_OPENERS = frozenset(o for o in vocab.union(vocab.BYLINE_OPENERS) if " " not in o) - vocab.BYLINE_OPENERS_STRICT
_HEADER_MAX_TEXT_LINES = 6  # lines of text (not furniture) a page header holds before its first paragraph
_BARE_BYLINE_REACH = 8  # lines after the title where a name without "By" can be the byline


def _by_line(u: _Unit) -> tuple[NameSpan, ...]:
    """The names of a ``By ...`` line (offsets into the line); () for any other line."""
    if len(u.text) > 300 or not has_byline_opener(u.text):
        return ()
    return byline_names(u.text, require_by=True)


def _absolute(u: _Unit, names: tuple[NameSpan, ...]) -> tuple[NameSpan, ...]:
    return tuple(NameSpan(u.start + n.start, u.start + n.end) for n in names)


def _name_line(u: _Unit) -> tuple[NameSpan, ...]:
    separated = any(sep in u.text[:80] for sep in (" · ", " | ", " • "))
    if u.kind is not None or u.words > (40 if separated else 12):
        return ()
    return _absolute(u, byline_names(u.text, require_by=False))


def _header(st: _State) -> None:
    """Find the header (title to first body paragraph) and the bylines anywhere."""
    units = st.units
    n = len(units)
    start = (st.title + 1) if st.title is not None else 0
    # "By ..." lines, and the name lines after a bare "By"
    for i, u in enumerate(units):
        if u.zone:
            continue
        key = u.text.strip().casefold()
        if key in _BARE_OPENERS:
            u.fire(rules.BARE_BY, force=True)
            for j in range(i + 1, min(i + 10, n)):
                v = units[j]
                if bp.normalise(v.text) == "" and v.words <= 1:
                    continue
                names = byline_names(v.text, require_by=False) if v.kind in (None, "boilerplate") else ()
                names = _absolute(v, names)
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
    # the header: up to the last byline/date/furniture line before the body starts
    last_marker = start - 1
    seen_byline_or_date = False
    prose = 0
    texts = 0
    for i in range(start, min(n, start + 60)):
        u = units[i]
        # a bare name is a byline only near the headline, and not in capitals (a table or a section heading)
        names = _name_line(u) if i - start < _BARE_BYLINE_REACH and not u.text.isupper() else ()
        if names:
            u.names = names
            u.fire(rules.BYLINE_NAME)
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
        if _is_solid_prose(u):
            if seen_byline_or_date:
                last_marker = i - 1  # short lines between the byline and the first paragraph belong to the header
                break
            prose += 1
            if prose >= 2:
                break
        else:
            texts += 1
            if texts > _HEADER_MAX_TEXT_LINES:  # a table or a list, not a page header
                break
    st.header_end = last_marker
    # bylines: names, de-duplicated; a name-only line after the header is not a byline
    for i, u in enumerate(units):
        if u.kind == "byline":
            if u.conf <= 0.8 and i > st.header_end:
                u.kind, u.conf = None, 0.0
                continue
            st.bylines.extend(u.names)
    # the authors' biographies, wherever they stand ("Jane Roe is a reporter in Leeds.")
    authors = tuple({st.text[n.start : n.end] + " " for n in st.bylines})
    if authors:
        for u in units:
            if u.kind is None and u.words <= 45 and u.text.startswith(authors):
                author = next(a for a in authors if u.text.startswith(a))
                if u.text[len(author) :].startswith(_BIO_VERBS):
                    u.fire(rules.AUTHOR_BIO)


_BIO_VERBS = ("is ", "was ", "writes ", "covers ", "reports ", "contributed ")


def _is_bio(u: _Unit, st: _State, start: int, i: int) -> bool:
    """``Jane Roe is a freelance reporter in London.``: an author's biography in the header."""
    if u.words > 45:
        return False
    for v in st.units[start:i]:
        for span in v.names:
            name = st.text[span.start : span.end]
            if u.text.startswith(name + " ") and u.text[len(name) + 1 :].startswith(_BIO_VERBS):
                return True
    return False


def _captions(st: _State) -> None:
    units = st.units
    n = len(units)
    for i, u in enumerate(units):
        if u.kind is not None or u.zone or u.words > _CAPTION_MAX_WORDS:
            continue
        prev = units[i - 1] if i > 0 else None
        if prev is not None and prev.kind == "boilerplate" and bp.is_photo_marker(prev.text):
            u.fire(rules.CAPTION_AFTER_GALLERY)
        elif _EDITOR_NOTE.match(u.text[:40]) or _TOPSHOT.match(u.text[:12]) or _FILE_PREFIX.match(u.text[:16]):
            u.fire(rules.CAPTION_PREFIX)
        elif _CAPTION_LABEL.match(u.text[:20]) and u.words >= 3:
            u.fire(rules.CAPTION_LABEL)
        elif u.words <= 40 and _POSITION.search(u.text[:400]) and i != st.title:
            u.fire(rules.CAPTION_POSITION)
        elif _is_dated_caption(u):
            u.fire(rules.CAPTION_DATED)
        elif prev is not None and _TIMECODE.match(prev.text) and not _is_prose(u) and 3 <= u.words <= 25:
            u.fire(rules.CAPTION_UNDER_VIDEO)
        elif i > st.header_end and i + 1 < n and _orphan_line(u, prev, units[i + 1]):
            u.fire(rules.CAPTION_ORPHAN)
    # a line after the byline in the header that reads as a description, not a sentence: the lead picture
    seen_byline = False
    for i in range(0, st.header_end + 1):
        u = units[i]
        if u.kind == "byline":
            seen_byline = True
        elif (
            seen_byline
            and u.kind is None
            and not u.zone
            and u.words >= 6
            and not _ends_sentence(u.text)
            and _titleness(u.text) < 0.5
        ):
            u.fire(rules.CAPTION_LEAD_PICTURE)
    # credit lines: find their caption
    for i, u in enumerate(units):
        if u.kind == "credit":
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
        u.credit_raw = _raw_bounds(st.text, u.start, u.end)
        u.fire(rules.CREDIT_BARE_ORG)
        _link_credit(st, i)


def _weak_credit_form(s: str) -> bool:
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


def _caption_like(u: _Unit | None, st: _State, i: int) -> bool:
    if u is None or u.zone or u.words < 2 or u.words > _CAPTION_MAX_WORDS:
        return False
    if u.kind not in (None, "caption"):
        return False
    if u.kind == "caption" and (u.inline is not None or u.credited):
        return False  # it already has its credit
    if i == st.title or u.text.endswith((":", "?")):
        return False
    return not (u.kind is None and st.title is not None and i == st.title + 1 and _is_solid_prose(u))


def _uncredited_caption(u: _Unit | None) -> bool:
    return u is not None and u.kind == "caption" and u.inline is None and not u.credited and not u.zone


def _heading_like(u: _Unit) -> bool:
    return not _ends_sentence(u.text) and u.words <= 12 and _titleness(u.text) >= 0.6


def _link_credit(st: _State, i: int) -> None:
    units = st.units
    n = len(units)
    prev = units[i - 1] if i > 0 else None
    nxt = units[i + 1] if i + 1 < n else None
    after = units[i + 2] if i + 2 < n else None
    prev_ok = _caption_like(prev, st, i - 1) and prev is not None
    if prev_ok and prev is not None and prev.kind is None and _ends_sentence(prev.text):
        # a sentence before a credit line is its caption only if it is at most two sentences, and never for a
        # chart's "Source:" line (the chart's title is not in the text; the sentence before it is the article's)
        chart_source = units[i].text.casefold().startswith("source")
        prev_ok = not chart_source and _sentences(prev.text) <= 2 and prev.words <= 60
    next_ok = (
        _caption_like(nxt, st, i + 1)
        and nxt is not None
        and nxt.words <= 15
        and not _ends_sentence(nxt.text)
        and not (after is not None and after.kind is None and _is_solid_prose(after))
    )
    target: int | None = None
    if _uncredited_caption(prev):
        target = i - 1
    elif _uncredited_caption(nxt):  # "Image source, Getty Images" / "Image caption, ..."
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


def _standfirst_and_rest(st: _State) -> None:
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


def _standfirst_slot(st: _State, i: int) -> bool:
    """The first text after the title, with only the lead picture or furniture in between, and no byline."""
    if st.title is None or st.bylines:
        return False
    for v in st.units[st.title + 1 : i]:
        if v.kind not in ("caption", "credit", "boilerplate"):
            return False
    return bool(st.units[i + 1 :]) and not _starts_with_dateline(st.units[i].text)


_INLINE_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(?:\([A-Za-z .]{1,20}\))? ?[—–-]{1,2} ")


def _starts_with_dateline(s: str) -> bool:
    return bool(_INLINE_DATELINE.match(s[:60]))


_LABELLED_CLAUSE = re.compile(r"^[A-Z][\w’' -]{1,30}: [a-z]")
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’']? [A-Z“\"‘]")


def _sentences(s: str) -> int:
    return 1 + len(_SENTENCE_BREAK.findall(s[:2000]))


def _rest(u: _Unit) -> None:
    if not any(c.isalnum() for c in u.text[:200]):
        u.fire(rules.NO_LETTERS)
    elif u.text.startswith(_BULLET) or u.text.endswith((";", ",", "; and", "; or", ", and", ", or")):
        u.fire(rules.LIST_ITEM)
    elif u.text.endswith("?") and _sentences(u.text) == 1 and (u.words <= 10 or _titleness(u.text) >= 0.7):
        u.fire(rules.QUESTION_HEADING)
    elif _LABELLED_CLAUSE.match(u.text[:120]) and u.words >= 6:
        u.fire(rules.LABELLED_CLAUSE)
    elif _is_prose(u) or (u.text.endswith(":") and u.words >= 3):
        u.fire(rules.SOLID_PROSE if _is_solid_prose(u) else rules.PROSE)
    elif u.words <= 20:
        u.fire(rules.SHORT_LINE if u.words <= 12 else rules.MEDIUM_LINE)
    else:
        u.fire(rules.LONG_LINE)


# ------------------------------------------------------------------------------------------------ output


def _analyse(text: str) -> _State:
    """Split ``text`` into units and run every rule pass over them."""
    units = _split_inline_prompts(text, _join_split_credits(text, _join_wrapped(text, _split_lines(text))))
    for u in units:
        u.words = word_count(u.text)
    st = _State(text, units)
    _furniture(st)
    _editor_notes(st)
    _title(st)
    _credits(st)
    _header(st)
    _captions(st)
    _standfirst_and_rest(st)
    return st


_SHIPPED = "shipped"


def segment(text: str, *, model: Combiner | str | None = _SHIPPED) -> Segmentation:
    """Split ``text`` into blocks and classify each one: the rule passes (module docstring), then the learned
    combiner over their signals (``model``: the shipped weights by default; None lets the rules decide alone)."""
    st = _analyse(text)
    combiner = shipped() if model == _SHIPPED else model
    if isinstance(combiner, Combiner):
        _combine(st, combiner)
    return _assemble(st)


def block_views(text: str) -> tuple[list[BlockView], list[tuple[int, int]]]:
    """What the combiner sees of each block of ``text``, and each block's span (for training and evaluation)."""
    st = _analyse(text)
    return _views(st), [(u.start, u.end) for u in st.units]


def _views(st: _State) -> list[BlockView]:
    title = st.title if st.title is not None else -1
    views = []
    for i, u in enumerate(st.units):
        short = u.words <= 18 and len(u.text) <= 400
        strength = int(read_credit(u.text).strength) if short else 0
        if u.inline_any is None and u.words <= _CAPTION_MAX_WORDS:
            u.inline_any = u.inline or find_inline_credit(u.text)
        views.append(
            BlockView(
                text=u.text,
                words=u.words,
                gap=u.gap,
                kind=u.kind,
                fired=tuple(r.name for r in u.fired),
                credit_strength=strength,
                inline_credit=u.inline_any is not None,
                in_header=title < i <= st.header_end,
                zone=u.zone,
            )
        )
    return views


_CHOOSABLE = tuple(k for k, c in enumerate(CLASSES) if c not in ("title", "byline"))


def _combine(st: _State, model: Combiner) -> None:
    """Let the combiner decide every block the rules did not call a title or a byline (those carry spans).

    The combiner overrides the rules' reading only when its class is likelier than the rules' class by
    ``model.margin``; a block it moves to ``other`` becomes a heading when it is shaped like one, else boilerplate.
    """
    units = st.units
    for u, (probs, feats) in zip(units, model.predict(_views(st)), strict=True):
        if u.kind in ("title", "byline"):
            u.conf = probs[CLASSES.index(u.kind)]
            continue
        best = max(_CHOOSABLE, key=lambda k: probs[k])
        cls = CLASSES[best]
        ruled = CLASSES.index(coarse(u.kind))
        if cls == coarse(u.kind) or probs[best] - probs[ruled] < model.margin:
            u.conf = probs[ruled]
            continue
        u.conf = probs[best]
        u.fired.append(rules.COMBINER)
        u.why = model.explain(feats, cls)
        old = u.kind
        if cls == "other":
            u.kind = "heading" if _heading_shaped(u) else "boilerplate"
        else:
            u.kind = cast(BlockKind, cls)
        if u.kind == "caption":
            u.inline = u.inline_any
        elif old == "caption":
            u.inline = None
        if u.kind == "credit":
            if u.credit_raw is None:
                u.credit_raw = _raw_bounds(st.text, u.start, u.end)
        elif old == "credit":
            u.credit_raw = None
            u.caption_of = None
    for i, u in enumerate(units):
        if u.kind == "credit" and (u.caption_of is None or units[u.caption_of].kind != "caption"):
            u.caption_of = None
            for j in (i - 1, i + 1):
                if 0 <= j < len(units) and _uncredited_caption(units[j]):
                    units[j].credited = True
                    u.caption_of = j
                    break


def _assemble(st: _State) -> Segmentation:
    text = st.text
    blocks = tuple(
        Block(
            i,
            u.kind or "body",
            u.text,
            u.start,
            u.end,
            round(u.conf or 0.5, 2),
            tuple(r.name for r in u.fired),
            _reason(u),
        )
        for i, u in enumerate(st.units)
    )
    title = None
    if st.title is not None:
        t = st.units[st.title]
        title = TextSpan(t.text, t.start, t.end)
    captions: list[Caption] = []
    caption_of_unit: dict[int, int] = {}
    credits: list[CreditSpan] = []
    for i, u in enumerate(st.units):
        if u.kind == "caption":
            caption_of_unit[i] = len(captions)
            captions.append(_caption(text, u, i))
    pending: dict[int, int] = {}
    for i, u in enumerate(st.units):
        if u.kind == "caption" and u.inline is not None:
            s, e = u.start + u.inline.start, u.start + u.inline.end
            s, e = _raw_bounds(text, s, e)
            cap_index = caption_of_unit[i]
            pending[cap_index] = len(credits)
            credits.append(CreditSpan(text[s:e], s, e, i, cap_index, False, parse_credit(text[s:e])))
        elif u.kind == "credit" and u.credit_raw is not None:
            s, e = u.credit_raw
            linked = caption_of_unit.get(u.caption_of) if u.caption_of is not None else None
            if linked is not None and linked not in pending:
                pending[linked] = len(credits)
            credits.append(CreditSpan(text[s:e], s, e, i, linked, True, parse_credit(text[s:e])))
    captions = [
        Caption(
            c.text,
            c.start,
            c.end,
            c.block_index,
            pending.get(k),
            c.editor_note,
            c.editor_note_start,
            c.editor_note_end,
        )
        for k, c in enumerate(captions)
    ]
    seen: set[str] = set()
    bylines: list[Byline] = []
    for span in st.bylines:
        name = text[span.start : span.end]
        if name.casefold() not in seen:
            seen.add(name.casefold())
            bylines.append(Byline(name, span.start, span.end))
    return Segmentation(blocks, title, tuple(bylines), tuple(captions), tuple(credits))


def _heading_shaped(u: _Unit) -> bool:
    return not _ends_sentence(u.text) and 1 <= u.words <= 20 and any(c.isalpha() for c in u.text[:200])


def _reason(u: _Unit) -> str:
    """Why the block has its kind, in words: the deciding rule, or the combiner and its strongest features."""
    if u.why:
        return f"combiner: {u.kind} (" + ", ".join(u.why) + ")"
    if u.fired:
        first = u.fired[0]
        return f"{first.name}: {first.description}"
    return "no rule fired: body by default"


def _caption(text: str, u: _Unit, index: int) -> Caption:
    """The caption text of a caption block: without its credit, its editor's note or a TOPSHOT marker."""
    start, end = u.start, u.end
    if u.inline is not None:
        start = u.start + u.inline.caption_start
        end = u.start + u.inline.caption_end
    # drop separators left between caption and credit: "... Higgins. |", "... grow ("
    while end > start and text[end - 1] in " \t|(–—-/\u00a0":
        end -= 1
    note: tuple[int, int] | None = None
    m = _EDITOR_NOTE.match(text[start : start + 40])
    if m:
        body_start = start + m.end()
        window = text[body_start : min(end, body_start + 160)]
        cut = min((k for k in (window.find(sep) for sep in _NOTE_SEPARATORS) if k > 0), default=-1)
        if cut > 0:
            note = _strip_span(text, body_start, body_start + cut)
            start = body_start + cut
            while start < end and (text[start].isspace() or text[start] in "/|–—-"):
                start += 1
    t = _TOPSHOT.match(text[start : start + 14]) or _CAPTION_LABEL.match(text[start : start + 20])
    if t:
        start += t.end()
    start, end = _strip_span(text, start, end)
    if note is not None:
        return Caption(text[start:end], start, end, index, None, text[note[0] : note[1]], note[0], note[1])
    return Caption(text[start:end], start, end, index, None, None)
