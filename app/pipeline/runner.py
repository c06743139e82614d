"""The pipeline: checks the stages once when built, then runs a requested subset of them per document."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable, Sequence

from app.errors import PipelineConfigError, UnknownStage
from app.nlp.batcher import OPEN_DOCUMENTS
from app.pipeline.document import DOC_FIELDS, Doc, DocWarning, StageReport, StageStatus
from app.pipeline.stage import Stage
from app.schemas.request import EnrichOptions

log = logging.getLogger(__name__)

StageObserver = Callable[[StageReport], None]


class Pipeline:
    """Stages in dependency order; each starts as soon as the stages it requires are done, so independent stages of
    one document run concurrently."""

    def __init__(
        self,
        stages: Sequence[Stage],
        *,
        stage_timeout_s: float,
        observer: StageObserver | None = None,
    ) -> None:
        self.stage_timeout_s = stage_timeout_s
        self.observer = observer
        self._stages = _check(stages)
        providers = {attr: s.name for s in self._stages for attr in s.provides}
        self._deps: dict[str, frozenset[str]] = {
            s.name: frozenset(providers[attr] for attr in s.requires if attr in providers) for s in self._stages
        }

    @property
    def stages(self) -> tuple[Stage, ...]:
        """All stages, in dependency order."""
        return self._stages

    @property
    def stage_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self._stages)

    def resolve(self, requested: Sequence[str] | None) -> tuple[str, ...]:
        """The requested stages plus their prerequisites, in dependency order; None means all stages."""
        if requested is None:
            return self.stage_names
        unknown = sorted(set(requested) - set(self.stage_names))
        if unknown:
            raise UnknownStage(
                f"unknown stage(s) {', '.join(map(repr, unknown))}; valid stages: {', '.join(self.stage_names)}",
                unknown=unknown,
                valid=list(self.stage_names),
            )
        wanted: set[str] = set()
        todo = list(requested)
        while todo:
            name = todo.pop()
            if name not in wanted:
                wanted.add(name)
                todo.extend(self._deps[name])
        return tuple(n for n in self.stage_names if n in wanted)

    def check_options(self, options: EnrichOptions, selected: Sequence[str]) -> None:
        """Raise the caller's error when a selected stage cannot honour the request's options.

        A stage opts in by defining ``check_options(options)``, which raises an EnrichError.
        """
        for stage in self._stages:
            check: Callable[[EnrichOptions], None] | None = getattr(stage, "check_options", None)
            if check is not None and stage.name in selected:
                check(options)

    async def load(self) -> None:
        """Load and warm every stage's models, in order."""
        for stage in self._stages:
            started = time.perf_counter()
            await stage.load()
            log.info(
                "stage loaded",
                extra={"stage": stage.name, "model": stage.model, "seconds": time.perf_counter() - started},
            )

    async def close(self) -> None:
        for stage in reversed(self._stages):
            await stage.close()

    async def run(self, doc: Doc, *, stages: Sequence[str] | None = None, deadline: float | None = None) -> Doc:
        """Run the requested stages (and their prerequisites) over ``doc`` and return it.

        ``deadline`` is an absolute ``time.monotonic()`` instant. A stage that raises or runs out of time is
        reported ``failed``/``timeout`` with a warning; the stages that do not depend on it still run.
        """
        selected = self.resolve(stages)
        reports: dict[str, StageReport] = {}
        pending = [s for s in self._stages if s.name in selected]
        running: set[asyncio.Task[StageReport]] = set()
        with OPEN_DOCUMENTS.open():  # the micro-batchers wait for batch mates only while another document may come
            try:
                while pending or running:
                    # every stage starts as soon as its own prerequisites are done, not when a whole wave is: the
                    # entities stage waits for language, never for the summary that runs beside it
                    ready = [s for s in pending if self._deps[s.name] <= reports.keys()]
                    pending = [s for s in pending if s not in ready]
                    running |= {asyncio.ensure_future(self._run_stage(s, doc, reports, deadline)) for s in ready}
                    finished, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
                    for task in finished:
                        report = task.result()
                        reports[report.name] = report
            finally:  # the caller gave up (cancelled): so do the stages still running
                for task in running:
                    task.cancel()
                if running:
                    await asyncio.wait(running)
        doc.reports = [
            reports.get(s.name) or StageReport(s.name, s.version, s.model, "skipped", 0.0, None) for s in self._stages
        ]
        return doc

    async def _run_stage(
        self, stage: Stage, doc: Doc, done: dict[str, StageReport], deadline: float | None
    ) -> StageReport:
        budget = self.stage_timeout_s
        if deadline is not None:
            budget = min(budget, deadline - time.monotonic())
        if budget <= 0:
            doc.warnings.append(DocWarning("stage_timeout", f"stage {stage.name!r} not run: the deadline passed"))
            return self._report(stage, "timeout", 0.0, "deadline passed before the stage started")
        broken = sorted(d for d in self._deps[stage.name] if done[d].status != "ok")
        if broken:
            reason = f"prerequisite {', '.join(broken)} did not succeed"
            doc.warnings.append(DocWarning("stage_skipped", f"stage {stage.name!r} skipped: {reason}"))
            return self._report(stage, "skipped", 0.0, reason)
        # the stage works on its own copy; only what it declared is copied back, and only if it finished
        scratch = dataclasses.replace(doc, warnings=[], reports=[])
        started = time.perf_counter()
        try:
            await asyncio.wait_for(stage.run(scratch), timeout=budget)
        except TimeoutError:
            elapsed = _ms(started)
            doc.warnings.append(
                DocWarning("stage_timeout", f"stage {stage.name!r} did not finish within {budget:.3g} s")
            )
            return self._report(stage, "timeout", elapsed, f"exceeded its time budget of {budget:.3g} s")
        except Exception as exc:
            elapsed = _ms(started)
            log.exception("stage failed", extra={"stage": stage.name, "doc_id": doc.id})
            message = f"{type(exc).__name__}: {exc}"[:500]
            doc.warnings.append(DocWarning("stage_failed", f"stage {stage.name!r} failed: {message}"))
            return self._report(stage, "failed", elapsed, message)
        for attr in stage.provides:
            setattr(doc, attr, getattr(scratch, attr))
        doc.warnings.extend(scratch.warnings)
        return self._report(stage, "ok", _ms(started), None)

    def _report(self, stage: Stage, status: StageStatus, duration_ms: float, error: str | None) -> StageReport:
        report = StageReport(stage.name, stage.version, stage.model, status, round(duration_ms, 3), error)
        if self.observer is not None:
            self.observer(report)
        return report


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0


def _check(stages: Sequence[Stage]) -> tuple[Stage, ...]:
    """Validate names and requires/provides, and return the stages in dependency order."""
    names = [s.name for s in stages]
    if len(set(names)) != len(names):
        raise PipelineConfigError(f"duplicate stage names in {names}")
    provided: dict[str, str] = {}
    for s in stages:
        for attr in s.provides | s.requires:
            if attr not in DOC_FIELDS:
                raise PipelineConfigError(f"stage {s.name!r} names {attr!r}, which is not a document field")
        for attr in s.provides:
            if attr == "text":
                raise PipelineConfigError(f"stage {s.name!r} may not provide the input text")
            if attr in provided:
                raise PipelineConfigError(f"{attr!r} is provided by both {provided[attr]!r} and {s.name!r}")
            provided[attr] = s.name
    ordered: list[Stage] = []
    available = {"text"}
    remaining = list(stages)
    while remaining:
        # the first registered stage whose requirements are met: registration order wherever it is valid
        ready = next((s for s in remaining if s.requires <= available), None)
        if ready is None:
            missing = {s.name: sorted(s.requires - available) for s in remaining}
            raise PipelineConfigError(f"unsatisfiable or cyclic requirements: {missing}")
        ordered.append(ready)
        available |= ready.provides
        remaining.remove(ready)
    return tuple(ordered)
