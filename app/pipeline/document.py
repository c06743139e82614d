"""The document object that stages read and write while a request is enriched.

Stages never share mutable state: every collection is a tuple, and the runner hands each stage its own shallow
copy of the document, then copies back only the attributes the stage declared it provides.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Literal

from app.schemas.request import EnrichOptions
from app.text.types import (
    BLOCK_KINDS,
    Block,
    BlockKind,
    Byline,
    Caption,
    CreditSpan,
    Entity,
    ImageCredit,
    Language,
    Mention,
    TextSpan,
)

__all__ = [
    "BLOCK_KINDS",
    "DOC_FIELDS",
    "Block",
    "BlockKind",
    "Byline",
    "Caption",
    "CreditSpan",
    "Doc",
    "DocWarning",
    "Entity",
    "ImageCredit",
    "Language",
    "Mention",
    "StageReport",
    "StageStatus",
    "Summary",
    "SummaryMethod",
    "SummarySentence",
    "TextSpan",
]

StageStatus = Literal["ok", "skipped", "failed", "timeout"]
SummaryMethod = Literal["extractive", "abstractive"]


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
