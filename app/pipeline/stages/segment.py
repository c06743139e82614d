"""Segmentation stage: blocks, title, bylines, captions and the credit spans they carry."""

from __future__ import annotations

from app.pipeline.concurrency import WorkerPool
from app.pipeline.document import Doc, DocWarning
from app.pipeline.stage import RuleStage
from app.text.layout.lines import MARKUP_COUNT_LIMIT, markup_tags
from app.text.segment import segment

# tags from which a text is taken for markup sent by mistake (a "<3" or one quoted tag in prose is not)
MARKUP_WARNING_TAGS = 3


class SegmentStage(RuleStage):
    name = "segment"
    version = "2.64.2"  # what each version changed: docs/CHANGELOG.md
    requires = frozenset({"text"})
    provides = frozenset({"blocks", "title", "bylines", "captions", "credit_spans"})

    def __init__(self, pool: WorkerPool) -> None:
        self._pool = pool

    async def run(self, doc: Doc) -> None:
        result = await self._pool.run(segment, doc.text)
        tags = await self._pool.run(markup_tags, doc.text)
        if tags >= MARKUP_WARNING_TAGS:
            more = "+" if tags >= MARKUP_COUNT_LIMIT else ""
            doc.warnings.append(
                DocWarning(
                    "markup_in_text",
                    f"the text holds HTML markup ({tags}{more} tags such as <p>, <img>); the "
                    "service reads plain text, so tags are read as words and captions, credits and bylines inside "
                    "them are missed: send the article's text without its markup",
                )
            )
        doc.blocks = result.blocks
        doc.title = result.title
        doc.bylines = result.bylines
        doc.captions = result.captions
        doc.credit_spans = result.credits
