"""Admission control: bounded running and waiting room, FIFO hand-over, refusal with a retry estimate."""

from __future__ import annotations

import asyncio
import time

import pytest

from app.admission import Admission
from app.errors import Overloaded


async def test_slots_are_handed_over_in_arrival_order() -> None:
    admission = Admission(max_active=1, max_waiting=3)
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
    admission = Admission(max_active=1, max_waiting=1)
    assert await admission.acquire()
    queued = asyncio.create_task(admission.acquire())
    await asyncio.sleep(0)
    with pytest.raises(Overloaded) as err:
        await admission.acquire()
    assert err.value.extra["retry_after"] >= 1
    admission.release(measure_from=None)
    assert await queued


async def test_a_waiter_that_runs_out_of_time_leaves_the_queue() -> None:
    admission = Admission(max_active=1, max_waiting=1)
    assert await admission.acquire()
    assert await admission.acquire(max_wait_s=0.01) is False
    assert admission.waiting == 0
    admission.release(measure_from=None)
    assert admission.active == 0


async def test_a_cancelled_waiter_does_not_leak_its_slot() -> None:
    admission = Admission(max_active=1, max_waiting=2)
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


def test_room_for_a_batch_is_checked_all_at_once() -> None:
    admission = Admission(max_active=2, max_waiting=3)
    admission.check_room(5)
    with pytest.raises(Overloaded):
        admission.check_room(6)


async def test_the_expected_wait_counts_the_running_documents_remaining_time_and_the_queue() -> None:
    admission = Admission(max_active=1, max_waiting=3)
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
    admission = Admission(max_active=2, max_waiting=3)
    assert await admission.acquire()
    assert admission.expected_wait_s() == 0.0  # one of two slots still free
    assert await admission.acquire()
    assert 0.2 < admission.expected_wait_s() <= 0.5  # two just-started documents, shared over two slots
    later = time.monotonic() + 10
    monkeypatch.setattr("app.admission.time.monotonic", lambda: later)  # both have run 10 s: overdue
    assert admission.expected_wait_s() == 0.0
