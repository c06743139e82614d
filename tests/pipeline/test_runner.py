"""The pipeline runner: declared dependencies, subsets, failures, timeouts, and the event loop kept free."""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

from app.errors import PipelineConfigError, UnknownStage
from app.pipeline.concurrency import WorkerPool
from app.pipeline.document import Doc, TextSpan
from app.pipeline.runner import Pipeline
from app.pipeline.stage import RuleStage


class FakeStage(RuleStage):
    """A stage that records that it ran, and optionally fails, hangs or writes what it did not declare."""

    def __init__(
        self,
        name: str,
        requires: set[str],
        provides: set[str],
        *,
        fail: bool = False,
        sleep_s: float = 0.0,
        trespass: bool = False,
    ) -> None:
        self.name, self.version = name, "0.0.1"
        self.requires, self.provides = frozenset(requires), frozenset(provides)
        self.fail, self.sleep_s, self.trespass = fail, sleep_s, trespass
        self.calls = 0
        self.cancelled = False

    async def run(self, doc: Doc) -> None:
        self.calls += 1
        if self.sleep_s:
            try:
                await asyncio.sleep(self.sleep_s)
            except asyncio.CancelledError:
                self.cancelled = True
                raise
        if self.fail:
            raise ValueError("model exploded")
        if "title" in self.provides:
            doc.title = TextSpan("T", 0, 1)
        if "summary" in self.provides:
            doc.entities = ()
        if self.trespass:
            doc.title = TextSpan("overwritten", 0, 1)


def three_stages(**kw: dict[str, object]) -> list[FakeStage]:
    return [
        FakeStage("a", {"text"}, {"title"}),
        FakeStage("b", {"title"}, {"entities"}, **kw.get("b", {})),  # type: ignore[arg-type]
        FakeStage("c", {"text"}, {"summary"}, **kw.get("c", {})),  # type: ignore[arg-type]
    ]


def test_requirements_that_nothing_provides_are_rejected_at_build_time() -> None:
    with pytest.raises(PipelineConfigError, match="unsatisfiable"):
        Pipeline([FakeStage("x", {"blocks"}, {"title"})], stage_timeout_s=1)


def test_two_stages_providing_the_same_field_are_rejected() -> None:
    with pytest.raises(PipelineConfigError, match="provided by both"):
        Pipeline([FakeStage("x", {"text"}, {"title"}), FakeStage("y", {"text"}, {"title"})], stage_timeout_s=1)


def test_cycles_and_unknown_fields_are_rejected() -> None:
    with pytest.raises(PipelineConfigError):
        Pipeline([FakeStage("x", {"title"}, {"blocks"}), FakeStage("y", {"blocks"}, {"title"})], stage_timeout_s=1)
    with pytest.raises(PipelineConfigError, match="not a document field"):
        Pipeline([FakeStage("x", {"text"}, {"sentiment"})], stage_timeout_s=1)


def test_stages_are_ordered_by_dependency_whatever_the_registration_order() -> None:
    a, b, c = three_stages()
    assert Pipeline([b, c, a], stage_timeout_s=1).stage_names == ("c", "a", "b")


def test_a_subset_brings_its_prerequisites_and_unknown_names_are_listed() -> None:
    pipeline = Pipeline(three_stages(), stage_timeout_s=1)
    assert pipeline.resolve(["b"]) == ("a", "b")
    assert pipeline.resolve(None) == ("a", "b", "c")
    with pytest.raises(UnknownStage) as err:
        pipeline.resolve(["b", "zzz"])
    assert err.value.extra["valid"] == ["a", "b", "c"]


async def test_unrequested_stages_are_reported_skipped_and_do_not_run() -> None:
    stages = three_stages()
    doc = await Pipeline(stages, stage_timeout_s=1).run(Doc.create("text"), stages=["a"])
    assert {r.name: r.status for r in doc.reports} == {"a": "ok", "b": "skipped", "c": "skipped"}
    assert [s.calls for s in stages] == [1, 0, 0]


async def test_a_failing_stage_is_recorded_and_independent_stages_still_deliver() -> None:
    stages = three_stages(b={"fail": True})
    doc = await Pipeline(stages, stage_timeout_s=1).run(Doc.create("text"))
    reports = {r.name: r for r in doc.reports}
    assert reports["b"].status == "failed"
    assert reports["b"].error is not None and "model exploded" in reports["b"].error
    assert reports["a"].status == "ok" and doc.title == TextSpan("T", 0, 1)
    assert reports["c"].status == "ok"
    assert [w.code for w in doc.warnings] == ["stage_failed"]


async def test_dependents_of_a_failed_stage_are_skipped_with_a_warning() -> None:
    stages = [
        FakeStage("a", {"text"}, {"title"}, fail=True),
        FakeStage("b", {"title"}, {"entities"}),
    ]
    doc = await Pipeline(stages, stage_timeout_s=1).run(Doc.create("text"))
    assert [(r.name, r.status) for r in doc.reports] == [("a", "failed"), ("b", "skipped")]
    assert {w.code for w in doc.warnings} == {"stage_failed", "stage_skipped"}
    assert stages[1].calls == 0


async def test_a_stage_starts_when_its_own_prerequisites_are_done_not_when_every_stage_beside_them_is() -> None:
    """b needs only a; the slow c runs beside b's prerequisite: b must not wait for c (the entities stage waits
    for language, not for the summary)."""
    stages = three_stages(c={"sleep_s": 1.0})
    pipeline = Pipeline(stages, stage_timeout_s=10)
    run = asyncio.ensure_future(pipeline.run(Doc.create("text")))
    for _ in range(100):
        if stages[1].calls:
            break
        await asyncio.sleep(0.01)
    assert stages[1].calls == 1 and not run.done()  # b ran while c still sleeps
    doc = await run
    assert {r.name: r.status for r in doc.reports} == {"a": "ok", "b": "ok", "c": "ok"}


async def test_a_cancelled_document_cancels_the_stages_still_running() -> None:
    stages = three_stages(c={"sleep_s": 30.0})
    run = asyncio.ensure_future(Pipeline(stages, stage_timeout_s=60).run(Doc.create("text")))
    await asyncio.sleep(0.05)
    run.cancel()
    with pytest.raises(asyncio.CancelledError):
        await run
    assert stages[2].cancelled  # stopped, and done stopping, by the time the caller's cancellation returns


async def test_a_stage_over_its_time_budget_is_timeout_and_the_others_finish() -> None:
    stages = three_stages(c={"sleep_s": 5.0})
    doc = await Pipeline(stages, stage_timeout_s=0.05).run(Doc.create("text"))
    reports = {r.name: r for r in doc.reports}
    assert reports["c"].status == "timeout"
    assert reports["a"].status == reports["b"].status == "ok"
    assert any(w.code == "stage_timeout" for w in doc.warnings)


async def test_a_passed_deadline_times_out_stages_that_have_not_started() -> None:
    doc = await Pipeline(three_stages(), stage_timeout_s=10).run(Doc.create("text"), deadline=0.0)
    assert {r.status for r in doc.reports} == {"timeout"}


async def test_writes_to_undeclared_fields_are_dropped() -> None:
    stages = [FakeStage("a", {"text"}, {"summary"}, trespass=True)]
    doc = await Pipeline(stages, stage_timeout_s=1).run(Doc.create("text"))
    assert doc.title is None


class BlockingStage(RuleStage):
    """Blocks a worker thread until released: stands for CPU-bound work of any length."""

    name, version = "blocking", "0.0.1"
    requires, provides = frozenset({"text"}), frozenset({"title"})

    def __init__(self, pool: WorkerPool) -> None:
        self.pool = pool
        self.started = threading.Event()
        self.release = threading.Event()

    def _work(self) -> TextSpan:
        self.started.set()
        self.release.wait(timeout=30)
        return TextSpan("t", 0, 1)

    async def run(self, doc: Doc) -> None:
        doc.title = await self.pool.run(self._work)


async def test_liveness_answers_while_a_stage_is_busy_in_a_worker() -> None:
    from app.main import create_app
    from app.service import EnrichmentService
    from tests.conftest import make_settings

    app = create_app(make_settings(warmup=False))
    service: EnrichmentService = app.state.service
    stage = BlockingStage(service.pool)
    service.pipeline = Pipeline([stage], stage_timeout_s=60)
    async with app.router.lifespan_context(app):
        await app.state.loader
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            enrich = asyncio.create_task(c.post("/v1/enrich", json={"text": "Slow article."}))
            await asyncio.to_thread(stage.started.wait, 10)
            assert stage.started.is_set()
            # the stage holds its worker; the loop must still answer the probe
            health = await asyncio.wait_for(c.get("/healthz"), timeout=10)
            assert health.status_code == 200
            assert not enrich.done()
            stage.release.set()
            response = await asyncio.wait_for(enrich, timeout=10)
            assert response.status_code == 200
            assert response.json()["title"]["text"] == "t"
