"""Admission control: a bounded number of documents in the pipeline and a queue in front of it, bounded in time.

A newcomer is queued when the work ahead of it is expected to take at most ``max_wait_s`` (the running
documents' expected remaining time plus one recent document time per request waiting, shared over the slots);
otherwise it is refused at once (Overloaded -> 503) with a Retry-After of when the queue is expected to have room
again, unless fewer than ``max_active`` requests wait: one waiting place per slot is always granted, so that a
burst of two is served even where one document takes longer than the bound (slow models, a busy machine). At
most ``max_waiting`` requests wait in any case. A burst therefore queues, and only a sustained
overload, one that keeps the queue past its bound, is shed. A queued request that has waited ``max_wait_s``
(the estimate missed: a document ahead ran long) is refused the same way, unless it is next in line: then its
slot comes when a running document ends, and it waits on within its deadline.

Retry-After is booked, not only estimated: a refused request is told to come back when the queue is expected to
be back within its bound, and no earlier than the requests refused before it, each of which booked its own
document's share of a slot after the last booking. Callers that honour Retry-After so return spread over the
drain, about as fast as the queue makes room, instead of all at the same second (where all but a few would be
refused again).

A document's expected time is its cost (its characters plus a fixed share, ``document_cost``) times the recent
seconds per unit of cost, an exponentially weighted average of the measured documents, seeded by the warm-up: a
long article ahead counts for what it is, and one long article does not make every short one look long (the
pipeline's time is linear in the length: docs/PERFORMANCE.md).
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque

from app.errors import Overloaded

RETRY_AFTER_MAX_S = 60
INITIAL_SERVICE_TIME_S = 0.5  # until a document (the warm-up, if any) has been measured
FIXED_COST_CHARS = 1_500  # a document's fixed share of the work, in characters (measured: 1,468; PERFORMANCE.md)
TYPICAL_COST = float(FIXED_COST_CHARS + 4_000)  # a news article of about 4,000 characters, until documents are measured


def document_cost(text_chars: int) -> float:
    """What a document of ``text_chars`` characters costs the pipeline, in the unit the queue estimates time in."""
    return float(FIXED_COST_CHARS + max(0, text_chars))


class Admission:
    """At most ``max_active`` documents run; more wait their turn (FIFO) while the wait stays within bounds."""

    def __init__(self, max_active: int, max_waiting: int, max_wait_s: float) -> None:
        self.max_active = max_active
        self.max_waiting = max_waiting
        self.max_wait_s = max_wait_s
        self._waiters: deque[tuple[asyncio.Future[None], float]] = deque()  # (hand-over, cost)
        self._granted: list[tuple[float, float]] = []  # one per running document: (when it took its slot, cost)
        self._seconds_per_cost = INITIAL_SERVICE_TIME_S / TYPICAL_COST
        self._typical_cost = TYPICAL_COST  # recent documents' cost, for requests whose size is not known
        self._booked_until = 0.0  # monotonic time up to which refused requests have been told to retry

    @property
    def active(self) -> int:
        return len(self._granted)

    @property
    def waiting(self) -> int:
        return len(self._waiters)

    @property
    def service_time_s(self) -> float:
        """Recent time a typical document holds its slot."""
        return self._seconds_per_cost * self._typical_cost

    def seed(self, service_time_s: float, cost: float | None = None) -> None:
        """Start the estimate from a measured document time (the warm-up's) instead of the initial guess."""
        self._seconds_per_cost = max(service_time_s, 1e-3) / (cost or self._typical_cost)

    def expected_wait_s(self) -> float:
        """Seconds a document arriving now would likely wait for a slot: the running documents' expected remaining
        time (their expected time minus how long each has run, at least 0) plus the expected time of each one
        waiting, shared over the slots. 0 when a slot is free and nobody waits."""
        if self.active < self.max_active and not self._waiters:
            return 0.0
        now, rate = time.monotonic(), self._seconds_per_cost
        remaining = sum(max(0.0, cost * rate - (now - granted)) for granted, cost in self._granted)
        queued = sum(cost for _, cost in self._waiters) * rate
        return (remaining + queued) / max(self.max_active, 1)

    def wait_limit_s(self) -> float:
        """How long a request queued now may wait for its slot: the bound, so that an accepted request's latency
        stays within the bound plus its own time; twice its expected wait only for one let in past the bound (the
        one-per-slot place), whose wait is expected to exceed it."""
        expected = self.expected_wait_s()
        return self.max_wait_s if expected <= self.max_wait_s else 2 * expected

    def retry_after_s(self) -> int:
        """Whole seconds until a newcomer is expected to be queued again: until the work ahead has drained to
        within the wait bound and a waiting place is free (at least 1, at most RETRY_AFTER_MAX_S)."""
        per_slot = self.service_time_s / max(self.max_active, 1)
        drain = self.expected_wait_s() - self.max_wait_s
        places = (len(self._waiters) - self.max_waiting + 1) * per_slot
        return max(1, min(RETRY_AFTER_MAX_S, math.ceil(max(drain, places, 0.0))))

    def book_retry_s(self, cost: float | None = None) -> int:
        """The Retry-After for a request of ``cost`` refused now, booked: ``retry_after_s``, or later if callers
        refused before it were already told to come back then; each refusal books its own document's share of a
        slot (its expected time over the slots) after the last booking, up to RETRY_AFTER_MAX_S from now."""
        now = time.monotonic()
        own = (cost if cost is not None else self._typical_cost) * self._seconds_per_cost / max(self.max_active, 1)
        at = min(max(now + self.retry_after_s(), self._booked_until + own), now + RETRY_AFTER_MAX_S)
        self._booked_until = at
        return max(1, min(RETRY_AFTER_MAX_S, math.ceil(at - now)))

    def check(self, cost: float | None = None) -> None:
        """Raise Overloaded unless a document of ``cost`` arriving now would be queued (or run at once)."""
        if self.active < self.max_active and not self._waiters:
            return
        expected = self.expected_wait_s()
        over_bound = expected > self.max_wait_s and len(self._waiters) >= self.max_active
        if len(self._waiters) >= self.max_waiting or over_bound:
            retry = self.book_retry_s(cost)
            raise Overloaded(
                f"the service is at capacity: {self.active} documents running and {len(self._waiters)} waiting "
                f"need about {expected:.1f} s, over the {self.max_wait_s:g} s a request may wait; retry in "
                f"{retry} s",
                retry_after=retry,
            )

    async def acquire(self, max_wait_s: float | None = None, cost: float | None = None) -> bool:
        """Take a running slot, waiting in the queue if the work ahead fits the wait bound.

        ``cost`` is the document's (``document_cost``; a typical document's when not given). Raises Overloaded
        when it does not fit (at once), or when the request has waited the bound. Returns False when
        ``max_wait_s`` (shorter than the bound: the request's deadline) passes first.
        """
        self.check(cost)
        own = cost if cost is not None else self._typical_cost
        if self.active < self.max_active and not self._waiters:
            self._granted.append((time.monotonic(), own))
            return True
        bound = self.wait_limit_s()
        limit = bound if max_wait_s is None else min(max_wait_s, bound)
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (waiter, own)
        self._waiters.append(entry)
        extended = False
        try:
            try:
                await asyncio.wait_for(asyncio.shield(waiter), timeout=max(0.0, limit))
            except TimeoutError:
                head = not waiter.done() and self._waiters[0] is entry
                if not head or (max_wait_s is not None and max_wait_s <= bound):
                    raise
                # next in line at the bound: its slot comes as soon as a running document ends, so refusing it now
                # would only throw its wait away (a plain client loses the document); it waits on, within its
                # deadline. Only requests still behind others at the bound are refused.
                extended = True
                await asyncio.wait_for(
                    asyncio.shield(waiter), timeout=None if max_wait_s is None else max_wait_s - bound
                )
        except TimeoutError:
            if waiter.done():  # handed over just as time ran out: keep it
                return True
            self._waiters.remove(entry)
            waiter.cancel()
            if extended or (max_wait_s is not None and max_wait_s < bound):
                return False
            retry = self.book_retry_s(own)
            raise Overloaded(
                f"no capacity within {bound:g} s of waiting; retry in {retry} s", retry_after=retry
            ) from None
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release(measure_from=None)  # the slot reached us as we gave up: pass it on
            elif entry in self._waiters:
                self._waiters.remove(entry)
                waiter.cancel()
            raise
        return True

    def release(self, measure_from: float | None) -> None:
        """Give a slot back (to the next waiter, if any); ``measure_from`` feeds the time estimate."""
        now = time.monotonic()
        slot: tuple[float, float] | None = None
        if self._granted:  # this slot: the one that started nearest measure_from, else the oldest
            anchor = measure_from if measure_from is not None else -math.inf
            slot = min(self._granted, key=lambda g: abs(g[0] - anchor))
            self._granted.remove(slot)
        if measure_from is not None:
            cost = slot[1] if slot is not None else self._typical_cost
            self._seconds_per_cost = 0.8 * self._seconds_per_cost + 0.2 * (now - measure_from) / cost
            self._typical_cost = 0.8 * self._typical_cost + 0.2 * cost
        while self._waiters:
            waiter, cost = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)  # the slot passes directly to the next in line
                self._granted.append((now, cost))
                return
