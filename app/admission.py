"""Admission control: a bounded number of documents in the pipeline and a bounded queue in front of it.

When both are full, work is refused at once (Overloaded -> 503 with Retry-After) instead of queueing without
bound. The recent document time (an exponentially weighted average) gives the wait a newcomer can expect
(``expected_wait_s``: what the running documents still need plus the queue ahead), which the service compares
with its wait bound before queueing anything, and the Retry-After estimate.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque

from app.errors import Overloaded


class Admission:
    """At most ``max_active`` documents run; at most ``max_waiting`` more wait their turn (FIFO)."""

    def __init__(self, max_active: int, max_waiting: int) -> None:
        self.max_active = max_active
        self.max_waiting = max_waiting
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._granted_at: list[float] = []  # one per running document: when it took its slot (monotonic)
        self._latency_ewma_s = 0.5  # until measured

    @property
    def active(self) -> int:
        return len(self._granted_at)

    @property
    def waiting(self) -> int:
        return len(self._waiters)

    @property
    def service_time_s(self) -> float:
        """Recent time a document holds its slot (exponentially weighted; 0.5 s until measured)."""
        return self._latency_ewma_s

    def expected_wait_s(self) -> float:
        """Seconds a document arriving now would likely wait for a slot: the running documents' expected remaining
        time (the recent document time minus how long each has run, at least 0) plus one document time for each
        one waiting, shared over the slots. 0 when a slot is free and nobody waits."""
        if self.active < self.max_active and not self._waiters:
            return 0.0
        now, per_doc = time.monotonic(), self._latency_ewma_s
        remaining = sum(max(0.0, per_doc - (now - granted)) for granted in self._granted_at)
        return (remaining + len(self._waiters) * per_doc) / max(self.max_active, 1)

    def retry_after_s(self) -> int:
        """Seconds until a slot is likely free: the queue ahead, served at the measured rate."""
        ahead = len(self._waiters) + 1
        estimate = self._latency_ewma_s * ahead / max(self.max_active, 1)
        return max(1, min(60, math.ceil(estimate)))

    def check_room(self, count: int = 1) -> None:
        """Raise Overloaded unless ``count`` more documents fit in the running and waiting room right now."""
        free = (self.max_active - self.active) + (self.max_waiting - len(self._waiters))
        if count > free:
            retry = self.retry_after_s()
            raise Overloaded(
                f"the service is at capacity ({self.active} documents running, {len(self._waiters)} waiting); "
                f"retry in {retry} s",
                retry_after=retry,
            )

    async def acquire(self, max_wait_s: float | None = None) -> bool:
        """Take a running slot, waiting in the bounded queue if needed.

        Raises Overloaded when the queue is full; returns False when ``max_wait_s`` seconds pass first.
        """
        if self.active < self.max_active and not self._waiters:
            self._granted_at.append(time.monotonic())
            return True
        self.check_room()
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await asyncio.wait_for(asyncio.shield(waiter), timeout=max_wait_s)
        except TimeoutError:
            if waiter.done():  # handed over just as time ran out: keep it
                return True
            self._waiters.remove(waiter)
            waiter.cancel()
            return False
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release(measure_from=None)  # the slot reached us as we gave up: pass it on
            elif waiter in self._waiters:
                self._waiters.remove(waiter)
                waiter.cancel()
            raise
        return True

    def release(self, measure_from: float | None) -> None:
        """Give a slot back (to the next waiter, if any); ``measure_from`` feeds the latency estimate."""
        now = time.monotonic()
        if measure_from is not None:
            self._latency_ewma_s = 0.8 * self._latency_ewma_s + 0.2 * (now - measure_from)
        if self._granted_at:  # forget this slot's start: the one nearest measure_from, else the oldest
            anchor = measure_from if measure_from is not None else -math.inf
            self._granted_at.remove(min(self._granted_at, key=lambda granted: abs(granted - anchor)))
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)  # the slot passes directly to the next in line
                self._granted_at.append(now)
                return
