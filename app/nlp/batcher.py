"""Micro-batching: groups work items from concurrent requests into one model call in a worker thread.

Bounded everywhere: the queue (``max_queue``), the batch (``max_batch_size`` items and optionally
``max_batch_cost``, e.g. tokens), and the wait to fill a batch (``max_wait_ms``). That wait is skipped when no
batch mate can come: the pipeline counts the documents it is working on (``OPEN_DOCUMENTS``), and once each of
them has a call waiting at this batcher (one article at a time: always), the batch runs at once. The model runs in
one dedicated thread per batcher, never on the event loop. While a call runs it is counted in ``MODEL_CALLS``, so
that torch models can leave cores to the other models running at the same moment (``app.nlp.threads``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Generic, TypeVar

from app.metrics import BATCH_QUEUE_DEPTH, BATCH_REJECTED, BATCH_SECONDS, BATCH_SIZE
from app.nlp.threads import MODEL_CALLS

log = logging.getLogger(__name__)

In = TypeVar("In")
Out = TypeVar("Out")


class BatcherFull(Exception):
    """The model's queue is full: the caller should fail fast rather than wait without bound."""


class BatcherClosed(Exception):
    """The batcher was closed (service shutting down)."""


class OpenDocuments:
    """How many documents the pipeline is working on in this process (``Pipeline.run`` counts each one while it
    runs; 0 when nothing counts, e.g. a batcher used on its own). Touched only from the event loop."""

    def __init__(self) -> None:
        self.count = 0

    @contextlib.contextmanager
    def open(self) -> Iterator[None]:
        self.count += 1
        try:
            yield
        finally:
            self.count -= 1


OPEN_DOCUMENTS = OpenDocuments()


@dataclass(frozen=True, slots=True)
class BatchPolicy:
    max_batch_size: int = 16
    max_wait_ms: float = 5.0
    max_queue: int = 1024
    max_batch_cost: int | None = None


class MicroBatcher(Generic[In, Out]):
    """Runs ``fn(items) -> results`` (same length, same order) over batches of submitted items.

    If a whole batch fails, its items are retried one by one, so one bad input fails only its own caller.
    """

    def __init__(
        self,
        name: str,
        fn: Callable[[list[In]], list[Out]],
        policy: BatchPolicy,
        *,
        cost: Callable[[In], int] | None = None,
    ) -> None:
        self.name = name
        self._fn = fn
        self.policy = policy
        self._cost = cost
        self._items: deque[tuple[In, asyncio.Future[Out]]] = deque()
        self._has_items = asyncio.Event()
        self._enough = asyncio.Event()
        self._worker: asyncio.Task[None] | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._callers = 0  # submit_many calls waiting for their results
        self.batches_run = 0
        self.largest_batch = 0
        # set to a list to record every successful model call as (items, seconds): benchmarks replay them alone
        self.trace: list[tuple[list[In], float]] | None = None

    @property
    def queue_depth(self) -> int:
        return len(self._items)

    def start(self) -> None:
        """Start the worker (idempotent); call it from the event loop that will submit work."""
        if self._worker is not None:
            return
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"model-{self.name}")
        self._worker = asyncio.create_task(self._work(), name=f"batcher-{self.name}")

    async def run_direct(self, items: list[In]) -> list[Out]:
        """Run ``fn`` on ``items`` in the model thread, bypassing the queue (loading and warm-up)."""
        if self._executor is None:
            raise BatcherClosed(f"model {self.name!r} is not running")
        return await asyncio.get_running_loop().run_in_executor(self._executor, self._call, items)

    def _call(self, items: list[In]) -> list[Out]:
        with MODEL_CALLS.call():
            return self._fn(items)

    async def submit(self, item: In) -> Out:
        """Queue one item and wait for its result."""
        return (await self.submit_many([item]))[0]

    async def submit_many(self, items: Sequence[In]) -> list[Out]:
        """Queue several items (they may share batches with other callers' items) and wait for all results."""
        if self._worker is None or self._worker.done():
            raise BatcherClosed(f"model {self.name!r} is not running")
        if not items:
            return []
        if len(self._items) + len(items) > self.policy.max_queue:
            BATCH_REJECTED.labels(model=self.name).inc(len(items))
            raise BatcherFull(
                f"model {self.name!r} queue is full ({len(self._items)} of {self.policy.max_queue} items waiting)"
            )
        loop = asyncio.get_running_loop()
        futures: list[asyncio.Future[Out]] = [loop.create_future() for _ in items]
        self._items.extend(zip(items, futures, strict=True))
        BATCH_QUEUE_DEPTH.labels(model=self.name).set(len(self._items))
        self._has_items.set()
        self._callers += 1
        if len(self._items) >= self.policy.max_batch_size or not self._mates_may_come():
            self._enough.set()
        try:
            return list(await asyncio.gather(*futures))
        finally:
            self._callers -= 1
            for fut in futures:
                fut.cancel()  # no-op when done; lets the worker skip items nobody waits for any more

    def _mates_may_come(self) -> bool:
        """Whether another caller may still join the batch: unknown (so yes) when no documents are counted,
        else only while some open document has no call waiting here."""
        documents = OPEN_DOCUMENTS.count
        return documents == 0 or self._callers < documents

    def _take_batch(self) -> list[tuple[In, asyncio.Future[Out]]]:
        batch: list[tuple[In, asyncio.Future[Out]]] = []
        budget = self.policy.max_batch_cost
        spent = 0
        while self._items and len(batch) < self.policy.max_batch_size:
            item, fut = self._items[0]
            if fut.done():  # its caller gave up (timeout, cancellation)
                self._items.popleft()
                continue
            cost = self._cost(item) if self._cost is not None and budget is not None else 0
            if batch and budget is not None and spent + cost > budget:
                break
            spent += cost
            batch.append(self._items.popleft())
        if not self._items:
            self._has_items.clear()
        BATCH_QUEUE_DEPTH.labels(model=self.name).set(len(self._items))
        return batch

    async def _work(self) -> None:
        wait_s = self.policy.max_wait_ms / 1000.0
        while True:
            await self._has_items.wait()
            self._enough.clear()
            if wait_s > 0 and len(self._items) < self.policy.max_batch_size and self._mates_may_come():
                # give concurrent requests a moment to join this batch
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._enough.wait(), timeout=wait_s)
            batch = self._take_batch()
            if batch:
                await self._run(batch)

    async def _run(self, live: list[tuple[In, asyncio.Future[Out]]]) -> None:
        assert self._executor is not None
        loop = asyncio.get_running_loop()
        started = time.perf_counter()
        try:
            results = await loop.run_in_executor(self._executor, self._call, [item for item, _ in live])
            if len(results) != len(live):
                raise RuntimeError(f"model {self.name!r} returned {len(results)} results for {len(live)} items")
        except asyncio.CancelledError:
            for _, fut in live:
                _set(fut, BatcherClosed(f"model {self.name!r} shut down during the call"))
            raise
        except Exception as exc:
            if len(live) > 1:
                log.warning("batch failed; retrying its items one by one", extra={"model": self.name})
                for one in live:
                    await self._run([one])
            else:
                _set(live[0][1], exc)
            return
        seconds = time.perf_counter() - started
        BATCH_SECONDS.labels(model=self.name).observe(seconds)
        if self.trace is not None:
            self.trace.append(([item for item, _ in live], seconds))
        BATCH_SIZE.labels(model=self.name).observe(len(live))
        self.batches_run += 1
        self.largest_batch = max(self.largest_batch, len(live))
        for (_, fut), result in zip(live, results, strict=True):
            _set(fut, result)

    async def close(self) -> None:
        """Stop the worker; callers still waiting get BatcherClosed."""
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
            self._worker = None
        while self._items:
            _, fut = self._items.popleft()
            _set(fut, BatcherClosed(f"model {self.name!r} shut down"))
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None


def estimate_word_pieces(text: str) -> int:
    """A cheap upper-range guess of a text's word pieces, the cost of a text item (no tokenizer call)."""
    return 2 + len(text) // 4 + text.count(" ") // 4


def _set(fut: asyncio.Future[Out], outcome: Out | BaseException) -> None:
    if fut.done():
        return
    if isinstance(outcome, BaseException):
        fut.set_exception(outcome)
    else:
        fut.set_result(outcome)
