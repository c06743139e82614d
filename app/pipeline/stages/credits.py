"""Credits stage: every credit segmentation found, parsed into IPTC terms (creators, source, credit line)."""

from __future__ import annotations

from app.pipeline.concurrency import WorkerPool
from app.pipeline.document import CreditSpan, Doc, ImageCredit
from app.pipeline.stage import RuleStage
from app.text.credits import parse_credit


def _parse_all(spans: tuple[CreditSpan, ...]) -> tuple[ImageCredit, ...]:
    out = []
    for span in spans:
        parsed = parse_credit(span.raw)
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
    version = "1.0.0"
    requires = frozenset({"credit_spans"})
    provides = frozenset({"image_credits"})

    def __init__(self, pool: WorkerPool) -> None:
        self._pool = pool

    async def run(self, doc: Doc) -> None:
        doc.image_credits = await self._pool.run(_parse_all, doc.credit_spans)
