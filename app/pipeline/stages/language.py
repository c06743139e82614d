"""Language stage: identifies the language of the article's prose (py3langid, bundled model)."""

from __future__ import annotations

from typing import Any

from app.pipeline.concurrency import WorkerPool
from app.pipeline.document import Doc, DocWarning, Language
from app.pipeline.stage import RuleStage

# The models in this service are English; other languages still get a document, with a warning.
SUPPORTED_LANGUAGES = frozenset({"en"})
# langid is accurate on a few thousand characters; more only costs time
_SAMPLE_CHARS = 5000


class LanguageStage(RuleStage):
    name = "language"
    version = "1.0.0"
    requires = frozenset({"blocks"})
    provides = frozenset({"language"})

    def __init__(self, pool: WorkerPool) -> None:
        self._pool = pool
        self._identifier: Any = None

    @property
    def model(self) -> str | None:
        return "py3langid"

    async def load(self) -> None:
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

        self._identifier = await self._pool.run(
            LanguageIdentifier.from_modelpath, MODEL_DIR / MODEL_FILE, norm_probs=True
        )

    def _classify(self, sample: str) -> Language:
        code, confidence = self._identifier.classify(sample)
        return Language(str(code), round(float(confidence), 4))

    async def run(self, doc: Doc) -> None:
        prose = [b.text for b in doc.blocks_of("title", "standfirst", "body", "heading")] or [doc.text]
        sample = "\n".join(prose)[:_SAMPLE_CHARS]
        doc.language = await self._pool.run(self._classify, sample)
        if doc.language.code not in SUPPORTED_LANGUAGES:
            doc.warnings.append(
                DocWarning(
                    "unsupported_language",
                    f"the text looks like {doc.language.code!r} (confidence {doc.language.confidence}); "
                    f"the models of this service are for {', '.join(sorted(SUPPORTED_LANGUAGES))}, "
                    "so entities and summary may be poor",
                )
            )
