"""Lines of a scraped article as candidate blocks (``Unit``): split, hard wraps joined, split credits joined,
prompts cut out of paragraphs; and the HTML tags a text sent with its markup holds (``markup_tags``). Every offset is
a ``str`` index into the text exactly as given."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from app.text import boilerplate as bp
from app.text.agencies import agency_of
from app.text.credits import InlineCredit, Strength, find_inline_credit, read_credit
from app.text.layout import rules, vocab
from app.text.layout.rules import Rule
from app.text.names import NameSpan, is_bare_byline_opener, unpunctuated_sentence, word_count
from app.text.sentences import plain
from app.text.types import BlockKind

_LABEL_WORDS = vocab.CREDIT_LABEL_WORDS  # looked up per line: a module name, not an attribute

_LINE = re.compile(r"[^\r\n]+")


@dataclass(slots=True)
class Unit:
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
    inline_any: InlineCredit | None = None  # a credit inside the unit, whatever its kind: see inline_credit()
    inline_read: bool = False  # inline_any has been looked for
    why: list[str] = field(default_factory=list)  # the combiner's strongest features, when it overrode the rules

    def inline_credit(self) -> InlineCredit | None:
        """The credit inside the unit (``find_inline_credit``), looked for once: the caption pass and the
        combiner's features both ask."""
        if not self.inline_read:
            self.inline_any, self.inline_read = find_inline_credit(self.text), True
        return self.inline_any

    def fire(self, rule: Rule, *, force: bool = False) -> None:
        """Record ``rule``; the first rule to fire (or a forced one) gives the unit its kind."""
        self.fired.append(rule)
        if self.kind is None or force:
            self.kind, self.conf = rule.kind, rule.confidence


# HTML elements of an article page: text sent with its markup still in it (the service reads plain text)
_MARKUP_TAG = re.compile(
    r"</?(?:p|div|span|a|br|img|h[1-6]|figure|figcaption|ul|ol|li|strong|em|b|i|blockquote|section|article|header"
    r"|footer|script|style|table|tr|td)(?:\s[^<>]{0,300})?/?>",
    re.IGNORECASE,
)


MARKUP_COUNT_LIMIT = 1000


def markup_tags(text: str) -> int:
    """How many HTML tags ``text`` holds (``<p>``, ``</div>``, ``<img src=...>``), counting at most
    ``MARKUP_COUNT_LIMIT``."""
    count = 0
    for _ in _MARKUP_TAG.finditer(text):
        count += 1
        if count >= MARKUP_COUNT_LIMIT:
            break
    return count


# characters a scrape leaves at a line's edges that are no text: white space, and the zero-width space, joiners,
# word joiner, byte-order mark and soft hyphen ("\u200bFoto: Name/NTB" was no credit line)
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    return start, end


# Markdown's marks at a line's edges, as a CMS export writes them: a heading's "#", and the same emphasis at both
# ends ("**By Jane Roe**", "*Photo: Name/AFP*"); the line's text is what they mark. Not a quotation's ">": scraped
# pages print it as the arrow of a link to another story ("> A Milwaukee, JD Vance trace sa vision ..."), which the
# furniture rules read with its arrow (measured: a French live page's teaser became body without it)
_MARKDOWN_OPENER = re.compile(r"#{1,6}[ \t]+")
_MARKDOWN_EMPHASIS: tuple[str, ...] = ("***", "**", "__", "*", "_")


def markdown_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` (a stripped line) without Markdown's edge marks: ``## What happens next`` -> ``What
    happens next``, ``**By Jane Roe**`` -> ``By Jane Roe``; the span as it is when no mark stands at its edges."""
    opener = _MARKDOWN_OPENER.match(text, start, end)
    if opener is not None and opener.end() < end:
        start = opener.end()
    for mark in _MARKDOWN_EMPHASIS:
        inner_start, inner_end = start + len(mark), end - len(mark)
        if (
            inner_end - inner_start >= 2
            and text.startswith(mark, start)
            and text.endswith(mark, start, end)
            and not text[inner_start].isspace()
            and not text[inner_end - 1].isspace()
            and mark not in text[inner_start:inner_end]
        ):
            return inner_start, inner_end
    return start, end


def _newlines(gap: str) -> int:
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n")


def split_lines(text: str) -> list[Unit]:
    units: list[Unit] = []
    prev_end = 0
    for m in _LINE.finditer(text):
        start, end = markdown_span(text, *strip_span(text, m.start(), m.end()))
        if start == end:
            continue
        gap = _newlines(text[prev_end:start]) if units else 2
        units.append(Unit(start, end, text[start:end], gap))
        prev_end = end
    return units


# "... tritt mit 1. Jänner in Kraft. (APA, red, 6.12.2026)", "... vor. (dpa/lsw)": a wire's sign-off in brackets
# after the story's last sentence
_SIGNOFF_BRACKET = re.compile(r"(?<=[.!?…”\"])\s\(([^()]{2,60})\)$")
_SIGNOFF_BRACKET_WINDOW = 64


def ends_sentence(s: str) -> bool:
    if s.endswith(vocab.SENTENCE_ENDS) or unpunctuated_sentence(s):
        return True
    if not s.endswith(")"):
        return False
    m = _SIGNOFF_BRACKET.search(s, max(0, len(s) - _SIGNOFF_BRACKET_WINDOW))
    return m is not None and agency_of(re.split(r"[,/ ]", m.group(1), maxsplit=1)[0]) is not None


# A text wrapped at a fixed width (a wire feed, an e-mail newsletter, a PDF's text layer): the lines that another
# line of their paragraph follows end within a band under one width, most of them inside a sentence of prose
# (``_cut_in_prose``): at least WRAP_MIN_LINES such lines, WRAP_SHARE of those in the band, a width of at most
# WRAP_MAX_WIDTH characters (a page of one paragraph a line has no width: its lines end where their paragraphs do).
WRAP_MIN_LINES = 4
WRAP_SHARE = 0.6
WRAP_MAX_WIDTH = 160
WRAP_MIN_BAND = 12  # characters; a quarter of the width when that is more
WRAP_SENTENCE_SLACK = 3  # after a sentence's end, the next word must not have fitted on the line (give or take)
_LIST_ITEM = re.compile(r"[•·*■▪►]|\d{1,3}[.)] ")  # "• ...", "1. Jane Roe (Kenya) 2:01.33": a list's own line
_CLOSING = (":", ")", "]", "”", '"', "»", "」", "）")  # a line that ends so ends a clause, as a sentence does
_CREDIT_REST_CHARS = 60  # how much of the next line is read for the rest of a credit the wrap cut


def _band(width: int) -> int:
    return max(WRAP_MIN_BAND, width // 4)


def wrap_width(units: list[Unit]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or ``None``: the longest line that another line of its
    paragraph follows, when most such lines in a band under it are cut inside a sentence of prose."""
    pairs = [(u, nxt) for u, nxt in itertools.pairwise(units) if nxt.gap == 1]
    if len(pairs) < WRAP_MIN_LINES:
        return None
    width = max(len(u.text) for u, _ in pairs)
    if width > WRAP_MAX_WIDTH:
        return None
    band = [(u, nxt) for u, nxt in pairs if len(u.text) >= width - _band(width)]
    cut = sum(1 for u, nxt in band if not ends_sentence(u.text) and _cut_in_prose(u.text, nxt.text))
    return width if cut >= WRAP_MIN_LINES and cut >= WRAP_SHARE * len(band) else None


def _cut_in_prose(line: str, nxt: str) -> bool:
    """A line break inside a sentence of prose: the word before it or the word after it is in lower case, or both
    are words of a script without capitals (not: a table's rows, names and figures, a list's items)."""
    if _LIST_ITEM.match(nxt):
        return False
    before, after = line.rsplit(None, 1)[-1][:1], nxt[:1]
    return before.islower() or after.islower() or (_caseless_letter(before) and _caseless_letter(after))


def _caseless_letter(c: str) -> bool:
    """A letter of a script without capitals (Devanagari, Hangul, kana, Arabic ...)."""
    return c.isalpha() and not c.isupper() and not c.islower()


def _wrapped_at(prev: str, line: str, width: int, *, blank_parted: bool) -> bool:
    """``line`` goes on with ``prev``, the last line of a block, in a text wrapped at ``width``: ``line``'s first
    word would not have fitted on ``prev`` (within a band after a line that stops mid-sentence). After a sentence's
    end, or a credit that closes a caption, that holds only where blank lines part the paragraphs
    (``blank_parted``): elsewhere such a break is taken for a paragraph's end, unless ``line`` goes on with the
    credit."""
    first = line.split(None, 1)[0]
    if _LIST_ITEM.match(line) or (first[:1].isupper() and is_bare_byline_opener(first.casefold())):
        return False  # a list's item; a byline (mid-sentence the wrap would leave "by" in lower case)
    forced = len(prev) + 1 + len(first) > width - WRAP_SENTENCE_SLACK
    own = find_inline_credit(prev) if prev.count("(") <= prev.count(")") else None
    if own is not None and own.end >= len(prev.rstrip(" )].")) - 1:
        # "... (Jane Roe/AP)", "... .Credit: Name" / the next paragraph; "... Foto: Anna" / "Schmidt/dpa"
        return (
            (forced and blank_parted)
            or read_credit(line).strength >= Strength.MEDIUM
            or _credit_goes_on(prev, line, own)
        )
    if ends_sentence(prev) or prev.endswith(_CLOSING):
        return forced and blank_parted
    if not blank_parted:
        return forced  # (a headline, a caption's line without its full stop: the wrap must have forced the break)
    return len(prev) + 1 + len(first) > width - _band(width)


def _credit_goes_on(prev: str, line: str, own: InlineCredit) -> bool:
    """The credit ``own`` at the end of ``prev`` reads on into ``line`` ("Credit: Panos" / "Pictures ..."); not a
    credit that ends in a known agency ("Photo by Jane Roe/Bloomberg" / "Article content": complete)."""
    if own.end >= len(prev.rstrip()) and agency_of(re.split(r"[/|]", prev[own.start :])[-1]):
        return False
    found = find_inline_credit(prev + " " + line[:_CREDIT_REST_CHARS].rsplit(None, 1)[0])
    return found is not None and found.end > len(prev) + 1


def join_wrapped(text: str, units: list[Unit]) -> list[Unit]:
    """Join a hard-wrapped line to the line before it, in the same paragraph: a line that starts in lower case
    after one with no sentence end, or, in a text wrapped at a fixed width (``wrap_width``), a line the wrap pushed
    onto its own (``_wrapped_at``; a credit the wrap cut is joined too: ``... (AP`` / ``Photo/Jane Roe)``)."""
    width = wrap_width(units)
    # blank lines part the paragraphs (asked only of a wrapped text)
    blank_parted = width is not None and sum(1 for u in units if u.gap >= 2) >= WRAP_MIN_LINES
    out: list[Unit] = []
    joined = False
    for u in units:
        if out and u.gap == 1 and not (len(out) == 1 and is_bare_byline_opener(u.text.split()[0].casefold())):
            # (the line under the headline that opens with "by", "von", "por" is the byline, not the headline's end)
            prev = out[-1]
            tail = text[max(prev.start, prev.end - 3) : prev.end]
            if (
                u.text[:1].islower()
                and prev.end - prev.start >= 40
                and not ends_sentence(tail)
                and not tail.endswith(("(", ":"))
                and read_credit(u.text).strength < Strength.MEDIUM
            ) or (width is not None and _wrapped_at(_last_line(text, prev), u.text, width, blank_parted=blank_parted)):
                prev.end = u.end  # the text is cut once, below: joining many lines stays linear
                joined = True
                continue
        out.append(u)
    if joined:
        for u in out:  # read as one line: the rules' patterns take a line break inside a block for a space
            u.text = plain(text[u.start : u.end], one_line=True)
    return out


def _last_line(text: str, u: Unit) -> str:
    return text[max(u.start, text.rfind("\n", u.start, u.end) + 1, text.rfind("\r", u.start, u.end) + 1) : u.end]


def split_inline_prompts(text: str, units: list[Unit]) -> list[Unit]:
    """Cut a prompt out of the paragraph that holds it (``... fell. Scroll down for video The council ...``): the
    paragraph's text before and after it stay blocks of their own, the prompt becomes a boilerplate block."""
    out: list[Unit] = []
    for u in units:
        found = bp.inline_prompt(u.text)
        if found is None:
            out.append(u)
            continue
        a, b = u.start + found[0], u.start + found[1]
        before = strip_span(text, u.start, a)
        after = strip_span(text, b, u.end)
        if before[1] > before[0]:
            out.append(Unit(before[0], before[1], text[before[0] : before[1]], u.gap))
        prompt = Unit(a, b, text[a:b], 1 if before[1] > before[0] else u.gap)
        prompt.fire(rules.INLINE_PROMPT)
        out.append(prompt)
        if after[1] > after[0]:
            out.append(Unit(after[0], after[1], text[after[0] : after[1]], 1))
    return out


def _credit_label_only(s: str) -> bool:
    """A line that is only a credit label, in any covered language: ``Image:``, ``Foto:``, ``Quelle``."""
    key = s.strip().casefold().rstrip(" :：")
    return len(key) <= 30 and key in _LABEL_WORDS


def join_split_credits(text: str, units: list[Unit]) -> list[Unit]:
    """``caption (`` / ``Image:`` / ``Getty Images/iStockphoto)`` -> caption, one credit block."""
    out: list[Unit] = []
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


def _try_join(text: str, units: list[Unit], i: int, *, opens: bool) -> tuple[Unit | None, Unit, int] | None:
    u = units[i]
    paren_at = u.start + len(u.text) - 1 if opens else u.start
    for j in range(i + 1, min(i + 4, len(units))):
        last = units[j]
        if last.text.count(" ") > 12:
            return None
        closes = last.text.endswith(")")
        inner_start = paren_at + 1 if opens else u.start
        inner_end = last.end - 1 if closes else last.end
        inner_start, inner_end = strip_span(text, inner_start, inner_end)
        inner = text[inner_start:inner_end]
        if (closes or not opens) and read_credit(" ".join(inner.split())).strength >= Strength.MEDIUM:
            if not opens and not closes and j > i + 1:
                return None
            caption: Unit | None = None
            credit_start = u.start
            if opens:
                before_end = strip_span(text, u.start, paren_at)[1]
                if before_end > u.start:
                    caption = Unit(u.start, before_end, text[u.start : before_end], u.gap)
                    credit_start = paren_at
            credit = Unit(credit_start, last.end, text[credit_start : last.end], u.gap if caption is None else 1)
            if not opens:  # a label on its own line: the credit is what follows it ("Foto:" / "Name / AP")
                inner_start = strip_span(text, units[i + 1].start, inner_end)[0]
            credit.credit_raw = (inner_start, inner_end)
            credit.fire(rules.SPLIT_CREDIT)
            return caption, credit, j - i + 1
        if closes:
            return None
    return None


def units(text: str) -> list[Unit]:
    """The candidate blocks of ``text``, with their word counts."""
    out = split_inline_prompts(text, join_split_credits(text, join_wrapped(text, split_lines(text))))
    for u in out:
        u.words = word_count(u.text)
    return out
