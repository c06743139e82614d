"""The Stage protocol: what every enrichment stage declares and does."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from app.pipeline.document import Doc


@runtime_checkable
class Stage(Protocol):
    """One enrichment step.

    ``requires`` and ``provides`` name ``Doc`` attributes; the pipeline checks them once when it is built.
    ``run`` reads the document and assigns the attributes in ``provides`` (and may append to ``warnings``);
    anything else it writes is dropped. CPU-bound work must not run on the event loop: pure stages use
    ``app.pipeline.concurrency.run_blocking``, model stages a micro-batcher.
    """

    name: str
    version: str
    requires: frozenset[str]
    provides: frozenset[str]

    @property
    def model(self) -> str | None:
        """The model this stage runs (name or path and version), or None for rule-based stages."""
        ...

    async def load(self) -> None:
        """Load and warm models. Called once at start-up, before the service reports ready."""
        ...

    async def run(self, doc: Doc) -> None:
        """Enrich ``doc``."""
        ...

    async def close(self) -> None:
        """Release models and worker threads at shutdown."""
        ...


class RuleStage:
    """Base for stages without a model: nothing to load, warm or close."""

    name: str = ""
    version: str = ""
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    @property
    def model(self) -> str | None:
        return None

    async def load(self) -> None:
        return None

    async def run(self, doc: Doc) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    async def close(self) -> None:
        return None
