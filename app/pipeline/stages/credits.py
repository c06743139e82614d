"""Credits stage: every credit segmentation found, with the IPTC terms (creators, source, credit line) that
segmentation parsed when it recognised it; the stage publishes them with their caption links."""

from __future__ import annotations

from app.pipeline.concurrency import WorkerPool
from app.pipeline.document import CreditSpan, Doc, ImageCredit
from app.pipeline.stage import RuleStage


def _parse_all(spans: tuple[CreditSpan, ...]) -> tuple[ImageCredit, ...]:
    out = []
    for span in spans:
        parsed = span.parsed  # parsed once, by segmentation, when it recognised the credit
        out.append(
            ImageCredit(
                raw=span.raw,
                start=span.start,
                end=span.end,
                creators=parsed.creators,
                source=parsed.source,
                credit_line=parsed.credit_line,
                caption_index=span.caption_index,
                block_index=span.block_index,
                standalone=span.standalone,
            )
        )
    return tuple(out)


class CreditsStage(RuleStage):
    name = "credits"
    version = "1.31.0"  # what each version changed: docs/CHANGELOG.md
    requires = frozenset({"credit_spans"})
    provides = frozenset({"image_credits"})

    def __init__(self, pool: WorkerPool) -> None:
        self._pool = pool

    async def run(self, doc: Doc) -> None:
        doc.image_credits = await self._pool.run(_parse_all, doc.credit_spans)
