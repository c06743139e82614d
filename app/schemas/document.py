"""The versioned response document (contract: document-v1). Field names are fixed within schema 1.x."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app import SCHEMA_NAME, SCHEMA_VERSION, __version__
from app.pipeline.document import Doc
from app.text.types import BlockKind

BlockKindName = BlockKind  # the block kinds of the text package, as the schema names them


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True, populate_by_name=True)


class SchemaRef(_Out):
    name: Literal["article-enrichment"] = SCHEMA_NAME
    version: str = Field(default=SCHEMA_VERSION, description="semver: minor = fields added, major = breaking")
    uri: str = Field(default="/v1/schema", description="URL path of this document's JSON Schema")


class LanguagePublic(_Out):
    code: str = Field(description="BCP-47 language code, e.g. en")
    confidence: float = Field(ge=0.0, le=1.0)


class SpanPublic(_Out):
    text: str
    start: int = Field(ge=0, description="character offset (Python str index) into the text sent")
    end: int = Field(ge=0, description="end offset, exclusive")


class BylinePublic(_Out):
    name: str = Field(description="an author of the article (never a photographer)")
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class BlockPublic(_Out):
    index: int = Field(ge=0)
    kind: BlockKindName
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    confidence: float = Field(
        ge=0.0,
        le=1.0,
        description="how likely the kind is right: the combiner's probability of it (calibrated on the "
        "captions corpora), or the deciding rule's confidence when no combiner is configured",
    )
    rules: list[str] = Field(
        default_factory=list,
        description="every segmentation rule that fired on the block, in order; the first gave the rules' reading "
        "and 'combiner' last means the learned combiner overrode it (rule table: docs/SEGMENTATION.md)",
    )
    reason: str = Field(default="", description="why the block has its kind, in words")


class BodyPublic(_Out):
    text: str = Field(description='body paragraphs joined by "\\n\\n"')
    paragraph_count: int = Field(ge=0)
    word_count: int = Field(ge=0)
    char_count: int = Field(ge=0)


class CaptionPublic(_Out):
    text: str = Field(description="the caption without its credit and without its editor's note")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    block_index: int = Field(ge=0)
    credit_index: int | None = Field(description="index into image_credits, or null")
    editor_note: str | None = Field(description='e.g. "Graphic content", from "EDITORS NOTE: Graphic content"')
    editor_note_start: int | None = Field(default=None, ge=0, description="offset of the editor's note, or null")
    editor_note_end: int | None = Field(default=None, ge=0, description="end offset of the editor's note, or null")


class ImageCreditPublic(_Out):
    raw: str = Field(description="the credit exactly as in the text, without surrounding brackets")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    creators: list[str] = Field(description="photographers (IPTC Creator), in name case")
    source: str | None = Field(description="agency that owns the picture (IPTC Source), e.g. AFP, AP, Reuters")
    credit_line: str | None = Field(description="the credit as it should be printed (IPTC Credit Line)")
    caption_index: int | None = Field(description="index into captions, or null")
    block_index: int = Field(ge=0, description="the block the credit stands in")
    standalone: bool = Field(description="true when the credit stands on a line of its own")


class MentionPublic(_Out):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    block_index: int = Field(ge=0)


class EntityPublic(_Out):
    id: str
    text: str = Field(description="canonical name: the fullest form mentioned")
    label: str = Field(description="OntoNotes label (PERSON, ORG, GPE, LOC, NORP ...); CoNLL models give MISC")
    aliases: list[str]
    mention_count: int = Field(ge=1)
    salience: float = Field(ge=0.0, le=1.0)
    in_body: bool
    in_captions: bool
    mentions: list[MentionPublic]


class SummarySentencePublic(_Out):
    text: str
    start: int | None = Field(ge=0, description="offset into the text sent; null for generated (abstractive) text")
    end: int | None = Field(ge=0, description="end offset, exclusive; null for generated text")


class SummaryPublic(_Out):
    text: str
    sentences: list[SummarySentencePublic]
    method: Literal["extractive", "abstractive"]
    model: str


class StageReportPublic(_Out):
    name: str
    version: str
    model: str | None
    status: Literal["ok", "skipped", "failed", "timeout"]
    duration_ms: float = Field(ge=0.0)
    error: str | None


class PipelinePublic(_Out):
    version: str = Field(description="service version")
    stages: list[StageReportPublic]
    cache_hit: bool = Field(default=False, description="true when this document came from the result cache")


class WarningPublic(_Out):
    code: str = Field(description="stable machine-readable code, e.g. stage_failed, unsupported_language")
    message: str


NOT_RUN = (
    "null when the {stage} stage did not run or did not succeed (not requested, failed, timed out: "
    "pipeline.stages says which), unlike an empty value, which means it ran and found nothing."
)


class EnrichedDocument(_Out):
    """The enriched-article document, schema article-enrichment 1.x."""

    schema_: SchemaRef = Field(default_factory=SchemaRef, alias="schema")
    id: str
    content_sha256: str = Field(pattern="^[0-9a-f]{64}$")
    language: LanguagePublic | None = Field(description=NOT_RUN.format(stage="language"))
    title: SpanPublic | None
    bylines: list[BylinePublic]
    blocks: list[BlockPublic]
    body: BodyPublic
    captions: list[CaptionPublic]
    image_credits: list[ImageCreditPublic] | None = Field(description=NOT_RUN.format(stage="credits"))
    entities: list[EntityPublic] | None = Field(description=NOT_RUN.format(stage="entities"))
    summary: SummaryPublic | None = Field(
        description=NOT_RUN.format(stage="summary") + " Also null when the body has nothing to summarise."
    )
    pipeline: PipelinePublic
    warnings: list[WarningPublic]


def to_public(doc: Doc, *, schema_uri: str = "/v1/schema", produced: frozenset[str] | None = None) -> EnrichedDocument:
    """Serialise a finished document to the versioned response schema.

    ``produced``: the Doc fields of the stages that ran and succeeded (None: all). The fields of language,
    credits, entities and summary outside it are null ("not run"), unlike an empty list ("none found").
    """

    def ran(name: str) -> bool:
        return produced is None or name in produced

    body_blocks = doc.blocks_of("body")
    body_text = "\n\n".join(b.text for b in body_blocks)
    # a caption's credit_index points into image_credits, which the credits stage fills one-to-one from the
    # credit spans; when that stage did not run (not requested, failed, timed out) there is nothing to point at
    captions = [CaptionPublic.model_validate(c) for c in doc.captions]
    if len(doc.image_credits) != len(doc.credit_spans):
        for caption in captions:
            caption.credit_index = None
    return EnrichedDocument(
        schema=SchemaRef(uri=schema_uri),
        id=doc.id,
        content_sha256=doc.content_sha256,
        language=LanguagePublic.model_validate(doc.language) if doc.language and ran("language") else None,
        title=SpanPublic.model_validate(doc.title) if doc.title else None,
        bylines=[BylinePublic.model_validate(b) for b in doc.bylines],
        blocks=[BlockPublic.model_validate(b) for b in doc.blocks],
        body=BodyPublic(
            text=body_text,
            paragraph_count=len(body_blocks),
            word_count=sum(len(b.text.split()) for b in body_blocks),
            char_count=len(body_text),
        ),
        captions=captions,
        image_credits=[ImageCreditPublic.model_validate(c) for c in doc.image_credits]
        if ran("image_credits")
        else None,
        entities=[EntityPublic.model_validate(e) for e in doc.entities] if ran("entities") else None,
        summary=SummaryPublic.model_validate(doc.summary) if doc.summary and ran("summary") else None,
        pipeline=PipelinePublic(version=__version__, stages=[StageReportPublic.model_validate(r) for r in doc.reports]),
        warnings=[WarningPublic.model_validate(w) for w in doc.warnings],
    )
