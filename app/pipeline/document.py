"""The document object that stages read and write while a request is enriched.

Stages never share mutable state: every collection is a tuple, and the runner hands each stage its own shallow
copy of the document, then copies back only the attributes the stage declared it provides.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Literal

from app.schemas.request import EnrichOptions

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
BLOCK_KINDS: tuple[BlockKind, ...] = (
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
)
StageStatus = Literal["ok", "skipped", "failed", "timeout"]
SummaryMethod = Literal["extractive", "abstractive"]


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
    index: int
    kind: BlockKind
    text: str
    start: int
    end: int
    confidence: float


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
class CreditSpan:
    """A credit found by segmentation, before it is parsed into IPTC terms."""

    raw: str
    start: int
    end: int
    block_index: int
    caption_index: int | None
    standalone: bool


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


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A summary sentence; offsets are None for generated (abstractive) text."""

    text: str
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class Summary:
    text: str
    sentences: tuple[SummarySentence, ...]
    method: SummaryMethod
    model: str


@dataclass(frozen=True, slots=True)
class DocWarning:
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class StageReport:
    name: str
    version: str
    model: str | None
    status: StageStatus
    duration_ms: float
    error: str | None


@dataclass(slots=True)
class Doc:
    """One article under enrichment. ``text`` is exactly what the caller sent; every offset points into it."""

    text: str
    id: str
    content_sha256: str
    options: EnrichOptions = field(default_factory=EnrichOptions)
    language: Language | None = None
    title: TextSpan | None = None
    bylines: tuple[Byline, ...] = ()
    blocks: tuple[Block, ...] = ()
    captions: tuple[Caption, ...] = ()
    credit_spans: tuple[CreditSpan, ...] = ()
    image_credits: tuple[ImageCredit, ...] = ()
    entities: tuple[Entity, ...] = ()
    summary: Summary | None = None
    warnings: list[DocWarning] = field(default_factory=list)
    reports: list[StageReport] = field(default_factory=list)

    @classmethod
    def create(cls, text: str, *, doc_id: str | None = None, options: EnrichOptions | None = None) -> Doc:
        """Build a document for ``text``; the id defaults to a prefix of the content hash.

        ``text`` must be encodable as UTF-8 (no lone surrogates); the API checks this before calling.
        """
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return cls(
            text=text,
            id=doc_id if doc_id is not None else f"sha256-{digest[:16]}",
            content_sha256=digest,
            options=options if options is not None else EnrichOptions(),
        )

    def blocks_of(self, *kinds: BlockKind) -> tuple[Block, ...]:
        """The blocks of the given kinds, in document order."""
        return tuple(b for b in self.blocks if b.kind in kinds)


# The attributes a stage may declare in ``requires``/``provides``: what stages produce, plus the input text.
DOC_FIELDS: frozenset[str] = frozenset(
    f.name for f in fields(Doc) if f.name not in {"id", "content_sha256", "options", "warnings", "reports"}
)
