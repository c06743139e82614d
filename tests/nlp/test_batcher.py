"""The micro-batcher: concurrent work is grouped, bounded, isolated on failure, and kept off the event loop."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from app.nlp.batcher import OPEN_DOCUMENTS, BatcherClosed, BatcherFull, BatchPolicy, MicroBatcher


class Recorder:
    """A fake model: upper-cases strings, remembers each batch and the thread it ran in."""

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.batches: list[list[str]] = []
        self.threads: set[str] = set()
        self.gate = gate

    def __call__(self, items: list[str]) -> list[str]:
        if self.gate is not None:
            self.gate.wait(timeout=10)
        self.batches.append(list(items))
        self.threads.add(threading.current_thread().name)
        if "bad" in items:
            raise ValueError("cannot process 'bad'")
        return [i.upper() for i in items]


@pytest.fixture
async def make() -> AsyncIterator[Callable[..., MicroBatcher[str, str]]]:
    made: list[MicroBatcher[str, str]] = []

    def _make(fn: Callable[[list[str]], list[str]], **policy: Any) -> MicroBatcher[str, str]:
        b: MicroBatcher[str, str] = MicroBatcher("fake", fn, BatchPolicy(**policy), cost=len)
        b.start()
        made.append(b)
        return b

    yield _make
    for b in made:
        await b.close()


async def test_concurrent_requests_share_one_model_call(make: Callable[..., MicroBatcher[str, str]]) -> None:
    model = Recorder()
    batcher = make(model, max_batch_size=8, max_wait_ms=200)
    results = await asyncio.gather(*(batcher.submit(f"doc{i}") for i in range(8)))
    assert results == [f"DOC{i}" for i in range(8)]
    assert [len(b) for b in model.batches] == [8]
    assert threading.current_thread().name not in model.threads
    assert all(t.startswith("model-fake") for t in model.threads)


async def test_the_only_open_document_does_not_wait_for_batch_mates(
    make: Callable[..., MicroBatcher[str, str]],
) -> None:
    """One article in the pipeline: nobody else can join its batch, so the model runs at once, not after the
    fill wait (60 s here: the call would time out if it waited)."""
    model = Recorder()
    batcher = make(model, max_batch_size=8, max_wait_ms=60_000)
    with OPEN_DOCUMENTS.open():
        assert await asyncio.wait_for(batcher.submit_many(["a", "b"]), timeout=10) == ["A", "B"]
    assert model.batches == [["a", "b"]]


async def test_a_batch_waits_for_the_other_open_documents_and_no_longer(
    make: Callable[..., MicroBatcher[str, str]],
) -> None:
    """Two articles in the pipeline: the first one's items wait for the second's, and the batch runs as soon as
    both are there (not after the 60 s fill wait)."""
    model = Recorder()
    batcher = make(model, max_batch_size=8, max_wait_ms=60_000)
    with OPEN_DOCUMENTS.open(), OPEN_DOCUMENTS.open():
        first = asyncio.ensure_future(batcher.submit("first"))
        await asyncio.sleep(0.05)
        assert not first.done() and model.batches == []  # waiting for the other document
        second = await asyncio.wait_for(batcher.submit("second"), timeout=10)
        assert (await first, second) == ("FIRST", "SECOND")
    assert model.batches == [["first", "second"]]


async def test_batches_never_exceed_the_size_or_cost_limits(make: Callable[..., MicroBatcher[str, str]]) -> None:
    model = Recorder()
    batcher = make(model, max_batch_size=3, max_wait_ms=50, max_batch_cost=10)
    items = ["aaaa", "bbbb", "cccc", "d", "e", "f", "g", "hhhhhhhhhhhh"]
    assert await batcher.submit_many(items) == [i.upper() for i in items]
    assert all(len(b) <= 3 for b in model.batches)
    # a single item over the budget still runs, alone
    assert all(sum(map(len, b)) <= 10 or len(b) == 1 for b in model.batches)
    assert sorted(i for b in model.batches for i in b) == sorted(items)


async def test_one_bad_item_fails_only_its_own_caller(make: Callable[..., MicroBatcher[str, str]]) -> None:
    batcher = make(Recorder(), max_batch_size=8, max_wait_ms=100)
    good, bad, other = await asyncio.gather(
        batcher.submit("good"), batcher.submit("bad"), batcher.submit("other"), return_exceptions=True
    )
    assert good == "GOOD"
    assert other == "OTHER"
    assert isinstance(bad, ValueError)


async def test_a_full_queue_refuses_work_instead_of_growing(make: Callable[..., MicroBatcher[str, str]]) -> None:
    gate = threading.Event()
    batcher = make(Recorder(gate), max_batch_size=1, max_wait_ms=0, max_queue=2)
    first = asyncio.create_task(batcher.submit("one"))  # taken by the worker, blocked on the gate
    await asyncio.sleep(0.05)
    queued = [asyncio.create_task(batcher.submit(x)) for x in ("two", "three")]
    await asyncio.sleep(0)
    with pytest.raises(BatcherFull):
        await batcher.submit("four")
    gate.set()
    assert await first == "ONE"
    assert [await q for q in queued] == ["TWO", "THREE"]


async def test_callers_that_gave_up_are_skipped(make: Callable[..., MicroBatcher[str, str]]) -> None:
    gate = threading.Event()
    model = Recorder(gate)
    batcher = make(model, max_batch_size=1, max_wait_ms=0)
    first = asyncio.create_task(batcher.submit("first"))
    await asyncio.sleep(0.05)
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(batcher.submit("abandoned"), timeout=0.05)
    gate.set()
    assert await first == "FIRST"
    assert await batcher.submit("next") == "NEXT"
    assert ["abandoned"] not in model.batches


async def test_closing_fails_waiting_callers_and_refuses_new_work() -> None:
    gate = threading.Event()
    batcher: MicroBatcher[str, str] = MicroBatcher("fake", Recorder(gate), BatchPolicy(max_batch_size=1, max_wait_ms=0))
    batcher.start()
    running = asyncio.create_task(batcher.submit("running"))
    await asyncio.sleep(0.05)
    waiting = asyncio.create_task(batcher.submit("waiting"))
    await asyncio.sleep(0)
    await batcher.close()
    gate.set()
    for caller in (running, waiting):
        with pytest.raises(BatcherClosed):
            await caller
    with pytest.raises(BatcherClosed):
        await batcher.submit("late")
