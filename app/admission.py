"""Admission control: a bounded number of documents in the pipeline and a queue in front of it, bounded in time.

A newcomer is queued when the work ahead of it is expected to take at most ``max_wait_s`` (the running
documents' expected remaining time plus one recent document time per request waiting, shared over the slots);
otherwise it is refused at once (Overloaded -> 503) with a Retry-After of when the queue is expected to have room
again, unless fewer than ``max_active`` requests wait: one waiting place per slot is always granted, so that a
burst of two is served even where one document takes longer than the bound (slow models, a busy machine). At
most ``max_waiting`` requests wait in any case. A burst therefore queues, and only a sustained
overload, one that keeps the queue past its bound, is shed. A queued request that has waited ``max_wait_s``
(the estimate missed: a document ahead ran long) is refused the same way.

The recent document time is an exponentially weighted average of the measured ones, seeded by the warm-up.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque

from app.errors import Overloaded

RETRY_AFTER_MAX_S = 60
INITIAL_SERVICE_TIME_S = 0.5  # until a document (the warm-up, if any) has been measured


class Admission:
    """At most ``max_active`` documents run; more wait their turn (FIFO) while the wait stays within bounds."""

    def __init__(self, max_active: int, max_waiting: int, max_wait_s: float) -> None:
        self.max_active = max_active
        self.max_waiting = max_waiting
        self.max_wait_s = max_wait_s
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._granted_at: list[float] = []  # one per running document: when it took its slot (monotonic)
        self._latency_ewma_s = INITIAL_SERVICE_TIME_S

    @property
    def active(self) -> int:
        return len(self._granted_at)

    @property
    def waiting(self) -> int:
        return len(self._waiters)

    @property
    def service_time_s(self) -> float:
        """Recent time a document holds its slot (exponentially weighted)."""
        return self._latency_ewma_s

    def seed(self, service_time_s: float) -> None:
        """Start the estimate from a measured document time (the warm-up's) instead of the initial guess."""
        self._latency_ewma_s = max(service_time_s, 1e-3)

    def expected_wait_s(self) -> float:
        """Seconds a document arriving now would likely wait for a slot: the running documents' expected remaining
        time (the recent document time minus how long each has run, at least 0) plus one document time for each
        one waiting, shared over the slots. 0 when a slot is free and nobody waits."""
        if self.active < self.max_active and not self._waiters:
            return 0.0
        now, per_doc = time.monotonic(), self._latency_ewma_s
        remaining = sum(max(0.0, per_doc - (now - granted)) for granted in self._granted_at)
        return (remaining + len(self._waiters) * per_doc) / max(self.max_active, 1)

    def wait_limit_s(self) -> float:
        """How long a request queued now may wait for its slot: the bound, so that an accepted request's latency
        stays within the bound plus its own time; twice its expected wait only for one let in past the bound (the
        one-per-slot place), whose wait is expected to exceed it."""
        expected = self.expected_wait_s()
        return self.max_wait_s if expected <= self.max_wait_s else 2 * expected

    def retry_after_s(self) -> int:
        """Whole seconds until a newcomer is expected to be queued again: until the work ahead has drained to
        within the wait bound and a waiting place is free (at least 1, at most RETRY_AFTER_MAX_S)."""
        per_slot = self._latency_ewma_s / max(self.max_active, 1)
        drain = self.expected_wait_s() - self.max_wait_s
        places = (len(self._waiters) - self.max_waiting + 1) * per_slot
        return max(1, min(RETRY_AFTER_MAX_S, math.ceil(max(drain, places, 0.0))))

    def check(self) -> None:
        """Raise Overloaded unless a document arriving now would be queued (or run at once)."""
        if self.active < self.max_active and not self._waiters:
            return
        expected = self.expected_wait_s()
        over_bound = expected > self.max_wait_s and len(self._waiters) >= self.max_active
        if len(self._waiters) >= self.max_waiting or over_bound:
            retry = self.retry_after_s()
            raise Overloaded(
                f"the service is at capacity: {self.active} documents running and {len(self._waiters)} waiting "
                f"need about {expected:.1f} s, over the {self.max_wait_s:g} s a request may wait; retry in "
                f"{retry} s",
                retry_after=retry,
            )

    async def acquire(self, max_wait_s: float | None = None) -> bool:
        """Take a running slot, waiting in the queue if the work ahead fits the wait bound.

        Raises Overloaded when it does not (at once), or when the request has waited the bound. Returns False when
        ``max_wait_s`` (shorter than the bound: the request's deadline) passes first.
        """
        self.check()
        if self.active < self.max_active and not self._waiters:
            self._granted_at.append(time.monotonic())
            return True
        bound = self.wait_limit_s()
        limit = bound if max_wait_s is None else min(max_wait_s, bound)
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await asyncio.wait_for(asyncio.shield(waiter), timeout=max(0.0, limit))
        except TimeoutError:
            if waiter.done():  # handed over just as time ran out: keep it
                return True
            self._waiters.remove(waiter)
            waiter.cancel()
            if max_wait_s is not None and max_wait_s < bound:
                return False
            retry = self.retry_after_s()
            raise Overloaded(
                f"no capacity within {bound:g} s of waiting; retry in {retry} s", retry_after=retry
            ) from None
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
