"""Value types of the text package: what segmentation, credit parsing and entity grouping produce.

Pure data (frozen dataclasses and literals), no behaviour beyond construction: the pipeline's ``Doc`` holds them,
and ``app.text`` builds them without importing the pipeline. Every offset is a ``str`` index into the article
text exactly as given: ``text[start:end]`` is the reported string.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

BlockKind = Literal[
    "title",
    "standfirst",
    "byline",
    "dateline",
    "body",
    "heading",
    "caption",
    "credit",
    "editor_note",
    "boilerplate",
]
BLOCK_KINDS: tuple[BlockKind, ...] = get_args(BlockKind)


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of the input: ``doc.text[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Byline:
    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-like block of the input and its kind; ``rules`` names every rule that fired on it (the first
    one gave the rules' reading) and ``reason`` says in words what decided the kind."""

    index: int
    kind: BlockKind
    text: str
    start: int
    end: int
    confidence: float
    rules: tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Caption:
    """A picture caption; ``text`` excludes its credit and its editor's note."""

    text: str
    start: int
    end: int
    block_index: int
    credit_index: int | None
    editor_note: str | None
    editor_note_start: int | None = None
    editor_note_end: int | None = None


@dataclass(frozen=True, slots=True)
class ParsedCredit:
    """IPTC Photo Metadata terms of one credit."""

    creators: tuple[str, ...]
    source: str | None
    credit_line: str | None


@dataclass(frozen=True, slots=True)
class CreditSpan:
    """A credit found by segmentation, with the parse that recognised it (IPTC terms): parsed once, here."""

    raw: str
    start: int
    end: int
    block_index: int
    caption_index: int | None
    standalone: bool
    parsed: ParsedCredit = ParsedCredit((), None, None)


@dataclass(frozen=True, slots=True)
class ImageCredit:
    raw: str
    start: int
    end: int
    creators: tuple[str, ...]
    source: str | None
    credit_line: str | None
    caption_index: int | None
    block_index: int
    standalone: bool


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int
    block_index: int


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    text: str
    label: str
    aliases: tuple[str, ...]
    mention_count: int
    salience: float
    in_body: bool
    in_captions: bool
    mentions: tuple[Mention, ...]
