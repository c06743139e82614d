"""Segmentation of a scraped article into classified blocks (pure functions, no I/O): ``segment(text)``.

1. ``layout.lines``: every non-blank line is a candidate block; hard wraps and split credits are joined, prompts
   inside paragraphs cut out;
2. ``layout.passes``: the rule passes (furniture, editor's notes, title, credits, header, captions, the rest), each
   firing named rules from ``layout.rules`` with word lists from ``layout.vocab``;
3. ``layout.combiner``: the learned combiner weighs the rule signals with layout context and may override the
   rules' reading of a block (titles and bylines stay with the rules);
4. here: the blocks, captions (without their credit and editor's note), credit spans (parsed once) and bylines.

Each block reports the rules that fired on it and why it has its kind (``docs/SEGMENTATION.md``). Every offset
is a ``str`` index into the text exactly as given; nothing is normalised before offsets are taken.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import cast

from app.text.credits import parse_credit, read_credit
from app.text.layout import rules
from app.text.layout.combiner import CLASSES, BlockView, Combiner, coarse, shipped
from app.text.layout.lines import Unit, strip_span
from app.text.layout.passes import (
    BRACKETED_PICTURE_LABEL,
    CAPTION_LABEL,
    CAPTION_MAX_WORDS,
    EDITOR_NOTE,
    NOTE_SEPARATORS,
    TOPSHOT,
    State,
    analyse,
    heading_shaped,
    raw_bounds,
    uncredited_caption,
)
from app.text.types import Block, BlockKind, Byline, Caption, CreditSpan, ParsedCredit, TextSpan


@dataclass(frozen=True, slots=True)
class Segmentation:
    """Everything segmentation finds; every offset points into the text segmented."""

    blocks: tuple[Block, ...]
    title: TextSpan | None
    bylines: tuple[Byline, ...]
    captions: tuple[Caption, ...]
    credits: tuple[CreditSpan, ...]


_SHIPPED = "shipped"


def segment(text: str, *, model: Combiner | str | None = _SHIPPED) -> Segmentation:
    """Split ``text`` into blocks and classify each one: the rule passes (module docstring), then the learned
    combiner over their signals (``model``: the shipped weights by default; None lets the rules decide alone)."""
    st = analyse(text)
    combiner = shipped() if model == _SHIPPED else model
    if isinstance(combiner, Combiner):
        _combine(st, combiner)
    return _assemble(st)


def block_views(text: str) -> tuple[list[BlockView], list[tuple[int, int]]]:
    """What the combiner sees of each block of ``text``, and each block's span (for training and evaluation)."""
    st = analyse(text)
    return _views(st), [(u.start, u.end) for u in st.units]


def _views(st: State) -> list[BlockView]:
    title = st.title if st.title is not None else -1
    views = []
    for i, u in enumerate(st.units):
        short = u.words <= 18 and len(u.text) <= 400
        strength = int(read_credit(u.text).strength) if short else 0
        inline = u.inline_credit() if u.words <= CAPTION_MAX_WORDS else None
        views.append(
            BlockView(
                text=u.text,
                words=u.words,
                gap=u.gap,
                kind=u.kind,
                fired=tuple(r.name for r in u.fired),
                credit_strength=strength,
                inline_credit=inline is not None,
                in_header=title < i <= st.header_end,
                zone=u.zone,
            )
        )
    return views


_CHOOSABLE = tuple(k for k, c in enumerate(CLASSES) if c not in ("title", "byline"))


def _combine(st: State, model: Combiner) -> None:
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
            u.kind = "heading" if heading_shaped(u) else "boilerplate"
        else:
            u.kind = cast(BlockKind, cls)
        if u.kind == "caption":
            u.inline = u.inline_any
        elif old == "caption":
            u.inline = None
        if u.kind == "credit":
            if u.credit_raw is None:
                u.credit_raw = raw_bounds(st.text, u.start, u.end)
        elif old == "credit":
            u.credit_raw = None
            u.caption_of = None
    for i, u in enumerate(units):
        if u.kind == "credit" and (u.caption_of is None or units[u.caption_of].kind != "caption"):
            u.caption_of = None
            for j in (i - 1, i + 1):
                if 0 <= j < len(units) and uncredited_caption(units[j]):
                    units[j].credited = True
                    u.caption_of = j
                    break


def _assemble(st: State) -> Segmentation:
    text, source = st.text, st.source or st.text  # read in ``text``, quoted from ``source`` (the same offsets)
    blocks = tuple(
        Block(
            i,
            u.kind or "body",
            source[u.start : u.end],
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
        title = TextSpan(source[t.start : t.end], t.start, t.end)
    captions: list[Caption] = []
    caption_of_unit: dict[int, int] = {}
    credits: list[CreditSpan] = []
    first_of_text: dict[str, int] = {}
    for i, u in enumerate(st.units):
        if u.kind == "caption":
            cap = _quoted(_caption(text, u, i), source)
            key = " ".join(cap.text.casefold().split())
            if key in first_of_text:  # the same picture shown twice (top and body): one caption
                caption_of_unit[i] = first_of_text[key]
                continue
            first_of_text[key] = caption_of_unit[i] = len(captions)
            captions.append(cap)
    pending: dict[int, int] = {}
    for i, u in enumerate(st.units):
        if u.kind == "caption" and u.inline is not None:
            found = (u.start + u.inline.start, u.start + u.inline.end)
            s, e = raw_bounds(text, *found)
            cap_index = caption_of_unit[i]
            pending.setdefault(cap_index, len(credits))
            credits.append(CreditSpan(source[s:e], s, e, i, cap_index, False, _parsed(text, found, (s, e))))
        elif u.kind == "credit" and u.credit_raw is not None:
            s, e = raw_bounds(text, *u.credit_raw)
            linked = caption_of_unit.get(u.caption_of) if u.caption_of is not None else None
            if linked is not None and linked not in pending:
                pending[linked] = len(credits)
            credits.append(CreditSpan(source[s:e], s, e, i, linked, True, _parsed(text, u.credit_raw, (s, e))))
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
        name = source[span.start : span.end]
        if name.casefold() not in seen:
            seen.add(name.casefold())
            bylines.append(Byline(name, span.start, span.end))
    return Segmentation(blocks, title, tuple(bylines), tuple(captions), tuple(credits))


def _reason(u: Unit) -> str:
    """Why the block has its kind, in words: the deciding rule, or the combiner and its strongest features."""
    if u.why:
        return f"combiner: {u.kind} (" + ", ".join(u.why) + ")"
    if u.fired:
        first = u.fired[0]
        return f"{first.name}: {first.description}"
    return "no rule fired: body by default"


def _parsed(text: str, found: tuple[int, int], raw: tuple[int, int]) -> ParsedCredit:
    """The parse of a credit's ``raw``; where the name alone says nothing (``ინტერპრესნიუსი``, a caseless script's
    agency, whose label ``ფოტო:`` ``raw`` leaves out), the parse of the credit with its label."""
    bare = text[raw[0] : raw[1]]
    parsed = parse_credit(bare)
    label_dropped = any(c.isalpha() for c in text[found[0] : raw[0]])
    if parsed.source is None and not parsed.creators and label_dropped and not any(c in ":：" for c in bare):
        return parse_credit(text[found[0] : found[1]])  # (not "Bild: Screenshot: fdp.de": a second label)
    return parsed


def _quoted(cap: Caption, source: str) -> Caption:
    """``cap`` with its texts as ``source`` has them."""
    note = source[cap.editor_note_start : cap.editor_note_end] if cap.editor_note_start is not None else None
    return replace(cap, text=source[cap.start : cap.end], editor_note=note)


def _caption(text: str, u: Unit, index: int) -> Caption:
    """The caption text of a caption block: without its credit, its editor's note or a TOPSHOT marker."""
    start, end = u.start, u.end
    if u.inline is not None:
        start = u.start + u.inline.caption_start
        end = u.start + u.inline.caption_end
    # drop separators left between caption and credit: "... Higgins. |", "... grow (", "...（ソウルで、３日）＝",
    # "...（共同"
    while end > start and text[end - 1] in " \t|(–—-/=＝（［【\u00a0\u3000":
        end -= 1
    note: tuple[int, int] | None = None
    m = EDITOR_NOTE.match(text[start : start + 40])
    if m:
        body_start = start + m.end()
        window = text[body_start : min(end, body_start + 160)]
        cut = min((k for k in (window.find(sep) for sep in NOTE_SEPARATORS) if k > 0), default=-1)
        if cut > 0:
            note = strip_span(text, body_start, body_start + cut)
            start = body_start + cut
            while start < end and (text[start].isspace() or text[start] in "/|–—-"):
                start += 1
    t = (
        TOPSHOT.match(text[start : start + 14])
        or CAPTION_LABEL.match(text[start : start + 30])
        or BRACKETED_PICTURE_LABEL.match(text[start : start + 30])
    )
    if t:
        start += t.end()
    start, end = strip_span(text, start, end)
    if note is not None:
        return Caption(text[start:end], start, end, index, None, text[note[0] : note[1]], note[0], note[1])
    return Caption(text[start:end], start, end, index, None, None)
