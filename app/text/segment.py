"""Segmentation of a scraped article into classified blocks (pure functions, no I/O).

PLACEHOLDER: line blocks, first line title, everything else body. Being replaced by the real segmenter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.pipeline.document import Block, BlockKind, Byline, Caption, CreditSpan, TextSpan

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Segmentation:
    """Everything segmentation finds; every offset points into the text segmented."""

    blocks: tuple[Block, ...]
    title: TextSpan | None
    bylines: tuple[Byline, ...]
    captions: tuple[Caption, ...]
    credits: tuple[CreditSpan, ...]


def segment(text: str) -> Segmentation:
    """Split ``text`` into blocks and classify each one."""
    blocks: list[Block] = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        end = start + len(stripped)
        kind: BlockKind = "title" if not blocks else "body"
        blocks.append(Block(len(blocks), kind, stripped, start, end, 0.5))
    title = TextSpan(blocks[0].text, blocks[0].start, blocks[0].end) if blocks else None
    return Segmentation(tuple(blocks), title, (), (), ())
