"""The transport-agnostic data plane: validates an article, runs the pipeline, returns the v1 document.

Only app/api/ knows about HTTP; scripts, benchmarks and tests can use this class directly.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.admission import Admission, document_cost
from app.cache import DocumentCache, cache_key
from app.errors import EmptyText, EnrichError, InvalidRequest, InvalidText, NotReady, TextTooLong
from app.metrics import CACHE_LOOKUPS, MODEL_LOAD_SECONDS
from app.pipeline.concurrency import WorkerPool
from app.pipeline.document import Doc
from app.pipeline.registry import build_pipeline
from app.pipeline.runner import Pipeline, StageObserver
from app.schemas.document import EnrichedDocument, to_public
from app.schemas.request import NON_BLANK_PATTERN, EnrichOptions, EnrichRequest
from app.settings import Settings

log = logging.getLogger(__name__)

State = Literal["starting", "loading", "ready", "failed", "stopping"]

WARMUP_TEXT = (
    "Warm-up headline for the enrichment models\n\n"
    "By Jane Example\n\n"
    "A city council in Springfield approved a new budget on Monday, officials said.\n\n"
    "Council members at the meeting in Springfield. (AP Photo/John Example)\n\n"
    "The mayor, Maria Lopez, said the plan would fund schools and roads across the state of Illinois."
)


@dataclass(frozen=True, slots=True)
class Readiness:
    state: State
    detail: str
    load_seconds: float | None


class EnrichmentService:
    """Owns the pipeline and its workers; ``load`` once, then ``enrich`` concurrently."""

    def __init__(self, settings: Settings, *, observer: StageObserver | None = None) -> None:
        self.settings = settings
        self.pool = WorkerPool(settings.cpu_workers)
        self.pipeline: Pipeline = build_pipeline(settings, self.pool, observer=observer)
        self._state: State = "starting"
        self._detail = "models not loaded yet"
        self._load_seconds: float | None = None
        self.admission = Admission(
            settings.max_active_docs, settings.max_waiting_docs, max_wait_s=settings.max_queue_wait_ms / 1000
        )
        self.cache = DocumentCache(settings.cache_size, settings.cache_max_text_chars)

    @property
    def readiness(self) -> Readiness:
        return Readiness(self._state, self._detail, self._load_seconds)

    @property
    def ready(self) -> bool:
        return self._state == "ready"

    async def load(self) -> None:
        """Load and warm every model; the service is ready when this returns without error."""
        self._state, self._detail = "loading", "loading models"
        started = time.perf_counter()
        try:
            await self.pipeline.load()
            if self.settings.warmup:
                doc = await self.pipeline.run(Doc.create(WARMUP_TEXT, doc_id="warmup"))
                bad = [r for r in doc.reports if r.status not in ("ok", "skipped")]
                if bad:
                    raise RuntimeError(f"warm-up failed: {[(r.name, r.status, r.error) for r in bad]}")
                # a second, warm pass: its time (not the first's, which includes one-off set-up) seeds the
                # admission's document time, so that the first burst is measured against a real figure
                warm_started = time.monotonic()
                await self.pipeline.run(Doc.create(WARMUP_TEXT, doc_id="warmup"))
                self.admission.seed(time.monotonic() - warm_started, cost=document_cost(len(WARMUP_TEXT)))
        except asyncio.CancelledError:
            self._state, self._detail = "failed", "start-up was cancelled"
            raise
        except Exception as exc:
            self._state, self._detail = "failed", f"model load failed: {type(exc).__name__}: {exc}"
            log.exception("model load failed")
            raise
        self._load_seconds = time.perf_counter() - started
        MODEL_LOAD_SECONDS.set(self._load_seconds)
        self._state, self._detail = "ready", "models loaded and warmed"
        log.info("service ready", extra={"seconds": round(self._load_seconds, 3)})

    async def close(self) -> None:
        self._state, self._detail = "stopping", "shutting down"
        await self.pipeline.close()
        self.pool.shutdown()

    def check_text(self, text: str) -> None:
        """Raise the caller's error for a text this service will not enrich."""
        if not re.search(NON_BLANK_PATTERN, text):
            raise EmptyText("the text is empty or only whitespace; send the article's text")
        if len(text) > self.settings.max_text_chars:
            raise TextTooLong(
                f"the text has {len(text):,} characters; the limit is {self.settings.max_text_chars:,}",
                limit=self.settings.max_text_chars,
                length=len(text),
            )
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InvalidText(
                f"the text contains a lone surrogate (U+{ord(exc.object[exc.start]):04X}) at offset {exc.start}; "
                "it is not valid Unicode text",
                offset=exc.start,
            ) from None

    def deadline_ms(self, options: EnrichOptions) -> int:
        """The deadline a request gets: its own (at most the configured maximum) or the default."""
        asked = options.deadline_ms
        if asked is None:
            return self.settings.default_deadline_ms
        if asked > self.settings.max_deadline_ms:
            raise InvalidRequest(
                f"options.deadline_ms={asked} is over the maximum of {self.settings.max_deadline_ms} ms",
                errors=[
                    {
                        "loc": "body.options.deadline_ms",
                        "message": f"must be at most {self.settings.max_deadline_ms}",
                        "type": "less_than_equal",
                    }
                ],
            )
        return asked

    def check_request(self, text: str, stages: Sequence[str] | None, options: EnrichOptions) -> tuple[str, ...]:
        """Raise the caller's error for a request this service will not run; else the stages to run."""
        if not self.ready:
            raise NotReady(f"the service is not ready: {self._detail}", retry_after=5)
        self.check_text(text)
        self.deadline_ms(options)
        selected = self.pipeline.resolve(stages)
        self.pipeline.check_options(options, selected)
        return selected

    def _model_versions(self, selected: Sequence[str]) -> list[str]:
        return [f"{s.name}:{s.version}:{s.model}" for s in self.pipeline.stages if s.name in selected]

    def _prepare(
        self, text: str, doc_id: str | None, stages: Sequence[str] | None, options: EnrichOptions | None
    ) -> _Job:
        """Check one article's request and look it up in the cache (raises the caller's EnrichError)."""
        options = options if options is not None else EnrichOptions()
        selected = self.check_request(text, stages, options)
        doc = Doc.create(text, doc_id=doc_id, options=options)
        key = cache_key(doc.content_sha256, selected, options, self._model_versions(selected))
        cached = self.cache.get(key)
        CACHE_LOOKUPS.labels(result="hit" if cached else "miss").inc()
        if cached is not None:
            cached = cached.model_copy(
                update={"id": doc.id, "pipeline": cached.pipeline.model_copy(update={"cache_hit": True})}
            )
        return _Job(doc, selected, key, self.deadline_ms(options) / 1000.0, cached)

    async def _admit(self, deadline_s: float, text_chars: int) -> bool:
        """Take a running slot, or raise Overloaded (503 + Retry-After) when the queue is past its bound in time
        (ENRICH_MAX_QUEUE_WAIT_MS; see app.admission). A deadline shorter than the bound ends the wait instead:
        then False, and the work runs with its deadline passed, so its stages report timeout.
        """
        return await self.admission.acquire(max_wait_s=deadline_s, cost=document_cost(text_chars))

    async def _run(self, job: _Job, deadline: float) -> EnrichedDocument:
        # past the deadline already: every stage reports timeout and the document still returns
        await self.pipeline.run(job.doc, stages=job.selected, deadline=deadline)
        succeeded = {r.name for r in job.doc.reports if r.status == "ok"}
        produced = frozenset(f for s in self.pipeline.stages if s.name in succeeded for f in s.provides)
        document = to_public(job.doc, produced=produced)
        if all(r.status == "ok" for r in job.doc.reports if r.name in job.selected):
            self.cache.put(job.cache_key, document, text_chars=len(job.doc.text))
        return document

    async def enrich(
        self,
        text: str,
        *,
        doc_id: str | None = None,
        stages: Sequence[str] | None = None,
        options: EnrichOptions | None = None,
    ) -> EnrichedDocument:
        """Enrich one article. Raises an EnrichError for a caller's mistake or when at capacity (Overloaded);
        stage failures and timeouts become warnings in the returned document."""
        job = self._prepare(text, doc_id, stages, options)
        if job.cached is not None:
            return job.cached
        deadline = time.monotonic() + job.deadline_s
        admitted = await self._admit(job.deadline_s, len(job.doc.text))
        started = time.monotonic()
        try:
            return await self._run(job, deadline)
        finally:
            if admitted:
                self.admission.release(measure_from=started)

    async def enrich_batch(self, items: Sequence[EnrichRequest]) -> list[EnrichedDocument | EnrichError]:
        """Enrich several articles, in order, each to a document or to its own error.

        The articles run one after another, each admitted like a single request: it joins the back of the
        queue when the previous one is done, so a batch holds at most one place at a time and single requests
        sent meanwhile are served between its items. The whole batch is refused (Overloaded) only when its
        first article could not be queued now (the queue is past its bound); an article that later cannot be
        admitted in time gets its own Overloaded error (503 in its result) and the others still run.
        """
        if not self.ready:
            raise NotReady(f"the service is not ready: {self._detail}", retry_after=5)
        self.admission.check()
        results: list[EnrichedDocument | EnrichError] = []
        for item in items:
            try:
                results.append(await self.enrich(item.text, doc_id=item.id, stages=item.stages, options=item.options))
            except EnrichError as exc:
                results.append(exc)
        return results


@dataclass(frozen=True, slots=True)
class _Job:
    """One checked article, ready to run (or already answered from the cache)."""

    doc: Doc
    selected: tuple[str, ...]
    cache_key: str
    deadline_s: float
    cached: EnrichedDocument | None
