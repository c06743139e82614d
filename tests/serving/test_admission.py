"""Admission control: bounded running and waiting room, FIFO hand-over, refusal with a retry estimate."""

from __future__ import annotations

import asyncio
import time

import pytest

from app.admission import FIXED_COST_CHARS, RETRY_AFTER_MAX_S, Admission, document_cost
from app.errors import Overloaded


async def test_slots_are_handed_over_in_arrival_order() -> None:
    admission = Admission(max_active=1, max_waiting=3, max_wait_s=10)
    assert await admission.acquire()
    order: list[int] = []

    async def waiter(n: int) -> None:
        assert await admission.acquire()
        order.append(n)
        admission.release(measure_from=None)

    tasks = [asyncio.create_task(waiter(n)) for n in range(3)]
    await asyncio.sleep(0)
    assert admission.waiting == 3
    admission.release(measure_from=None)
    await asyncio.gather(*tasks)
    assert order == [0, 1, 2]
    assert admission.active == 0


async def test_a_full_queue_refuses_at_once_with_a_retry_estimate() -> None:
    admission = Admission(max_active=1, max_waiting=1, max_wait_s=10)
    assert await admission.acquire()
    queued = asyncio.create_task(admission.acquire())
    await asyncio.sleep(0)
    with pytest.raises(Overloaded) as err:
        await admission.acquire()
    assert err.value.extra["retry_after"] >= 1
    admission.release(measure_from=None)
    assert await queued


async def test_a_waiter_that_runs_out_of_time_leaves_the_queue() -> None:
    admission = Admission(max_active=1, max_waiting=1, max_wait_s=10)
    assert await admission.acquire()
    assert await admission.acquire(max_wait_s=0.01) is False
    assert admission.waiting == 0
    admission.release(measure_from=None)
    assert admission.active == 0


async def test_a_cancelled_waiter_does_not_leak_its_slot() -> None:
    admission = Admission(max_active=1, max_waiting=2, max_wait_s=10)
    assert await admission.acquire()
    doomed = asyncio.create_task(admission.acquire())
    survivor = asyncio.create_task(admission.acquire())
    await asyncio.sleep(0)
    doomed.cancel()
    await asyncio.sleep(0)
    admission.release(measure_from=None)
    assert await survivor
    admission.release(measure_from=None)
    assert admission.active == 0
    assert admission.waiting == 0


async def test_a_newcomer_is_queued_only_while_the_work_ahead_fits_the_wait_bound() -> None:
    # one slot, the initial estimate of 0.5 s per document, a 1.2 s bound: the running document (0.5 s left)
    # and one waiting (0.5 s) fit, a second waiting would make 1.5 s
    admission = Admission(max_active=1, max_waiting=10, max_wait_s=1.2)
    assert await admission.acquire()
    admission.check()
    queued = asyncio.create_task(admission.acquire())
    await asyncio.sleep(0)
    admission.check()  # 1.0 s ahead: still fits
    second = asyncio.create_task(admission.acquire())
    await asyncio.sleep(0)
    with pytest.raises(Overloaded) as err:
        admission.check()  # 1.5 s ahead
    assert "over the 1.2 s a request may wait" in err.value.detail
    assert err.value.extra["retry_after"] >= 1
    for _ in range(3):
        admission.release(measure_from=None)
        await asyncio.sleep(0)
    assert await queued and await second


async def _waiting(admission: Admission, count: int) -> list[asyncio.Task[bool]]:
    """``count`` requests queued behind the running ones (each task waits for its slot)."""
    waiters = [asyncio.create_task(admission.acquire()) for _ in range(count)]
    await asyncio.sleep(0)
    return waiters


async def _give_up(waiters: list[asyncio.Task[bool]]) -> None:
    for waiter in waiters:
        waiter.cancel()
    await asyncio.gather(*waiters, return_exceptions=True)


def _refused_retry_after(admission: Admission, cost: float | None = None) -> int:
    """The Retry-After a newcomer of ``cost`` is refused with now (the queue must be full)."""
    with pytest.raises(Overloaded) as err:
        admission.check(cost)
    retry: int = err.value.extra["retry_after"]
    return retry


async def test_retry_after_is_when_the_queue_drains_back_within_its_bound() -> None:
    # 0.5 s per document over 2 slots; 2 running (0.5 s left each) and 20 waiting: 5.5 s of work ahead, the
    # bound is 1 s, so there is room again in about 4.5 s
    admission = Admission(max_active=2, max_waiting=100, max_wait_s=1.0)
    admission.max_wait_s = 100.0  # fill the queue first
    assert await admission.acquire() and await admission.acquire()
    waiters = await _waiting(admission, 20)
    admission.max_wait_s = 1.0
    assert 5.4 < admission.expected_wait_s() <= 5.5
    assert admission.retry_after_s() == 5
    admission.seed(2.0)  # four times slower documents: 22 s ahead, room in 21 s
    assert admission.retry_after_s() == 21
    await _give_up(waiters)


async def test_callers_refused_one_after_another_are_told_to_come_back_one_after_another() -> None:
    # one slot, 0.5 s per typical document, a 1 s bound: one running and two waiting fill it. Ten refusals in a
    # row must not all get the same Retry-After (they would all come back in the same second and all but one be
    # refused again): each books its own document time after the last, so the values rise by about 0.5 s each
    admission = Admission(max_active=1, max_waiting=100, max_wait_s=1.0)
    assert await admission.acquire()
    waiters = await _waiting(admission, 2)
    retries = [_refused_retry_after(admission) for _ in range(10)]
    assert retries == sorted(retries)
    assert retries[0] == admission.retry_after_s()
    assert 4 <= retries[-1] - retries[0] <= 6  # nine more bookings of 0.5 s
    # a long document books more of the drain than a short one
    assert _refused_retry_after(admission, cost=document_cost(100_000)) >= retries[-1] + 8
    await _give_up(waiters)


async def test_booked_retries_never_exceed_the_cap_and_expire() -> None:
    admission = Admission(max_active=1, max_waiting=1, max_wait_s=1.0)
    assert await admission.acquire()
    waiters = await _waiting(admission, 1)
    retries = [_refused_retry_after(admission) for _ in range(200)]
    assert max(retries) == RETRY_AFTER_MAX_S
    admission._booked_until = time.monotonic() - 1  # the bookings' time has passed
    assert _refused_retry_after(admission) == admission.retry_after_s()
    await _give_up(waiters)


async def test_the_expected_wait_counts_the_running_documents_remaining_time_and_the_queue() -> None:
    admission = Admission(max_active=1, max_waiting=3, max_wait_s=10)
    assert admission.expected_wait_s() == 0.0  # a free slot
    assert await admission.acquire()
    # just started: about one document time (0.5 s until measured) still to go
    assert 0.4 < admission.expected_wait_s() <= 0.5
    queued = asyncio.create_task(admission.acquire())
    await asyncio.sleep(0)
    assert 0.9 < admission.expected_wait_s() <= 1.0  # plus one document time for the one waiting
    admission.release(measure_from=None)
    assert await queued
    admission.release(measure_from=None)
    assert admission.expected_wait_s() == 0.0


async def test_a_document_running_past_the_expected_time_is_expected_to_end_now(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admission = Admission(max_active=2, max_waiting=3, max_wait_s=10)
    assert await admission.acquire()
    assert admission.expected_wait_s() == 0.0  # one of two slots still free
    assert await admission.acquire()
    assert 0.2 < admission.expected_wait_s() <= 0.5  # two just-started documents, shared over two slots
    later = time.monotonic() + 10
    monkeypatch.setattr("app.admission.time.monotonic", lambda: later)  # both have run 10 s: overdue
    assert admission.expected_wait_s() == 0.0


async def test_a_request_queued_within_the_bound_waits_no_longer_than_the_bound() -> None:
    # an accepted request's latency must stay within the bound plus its own time: the queue may not let it wait
    # twice its expected wait when that expected wait was within the bound (it did before: 14 s here)
    admission = Admission(max_active=1, max_waiting=8, max_wait_s=10)
    admission.seed(7.0)
    assert await admission.acquire()
    assert 6.9 <= admission.expected_wait_s() <= 7.0
    assert admission.wait_limit_s() == 10
    waiter = asyncio.create_task(admission.acquire())
    await asyncio.sleep(0)
    assert 13.9 <= admission.expected_wait_s() <= 14.0  # past the bound: the next one is refused at once
    with pytest.raises(Overloaded):
        admission.check()
    assert admission.wait_limit_s() > 2 * 13.9  # a place let in past the bound keeps twice its expected wait
    waiter.cancel()
    await asyncio.gather(waiter, return_exceptions=True)


async def test_a_long_article_ahead_counts_for_its_length_and_does_not_make_short_ones_look_long() -> None:
    admission = Admission(max_active=1, max_waiting=8, max_wait_s=10)
    admission.seed(1.0, cost=document_cost(4_000))  # one second for a 4,000-character article
    long_chars = int(4 * document_cost(4_000)) - FIXED_COST_CHARS  # four times the cost: about 4 s to go
    assert await admission.acquire(cost=document_cost(long_chars))
    assert 3.9 <= admission.expected_wait_s() <= 4.0
    short = asyncio.create_task(admission.acquire(cost=document_cost(4_000)))
    await asyncio.sleep(0)
    assert 4.9 <= admission.expected_wait_s() <= 5.0  # the long one's remaining time plus one short article
    # the long article took its expected 4 s: a short one still counts for about 1 s afterwards
    admission.release(measure_from=time.monotonic() - 4.0)
    assert await short
    assert 0.9 <= admission.expected_wait_s() <= 1.0
    admission.release(measure_from=None)
