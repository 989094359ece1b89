"""Parse slots: the run's own process takes batches only when it is warm, the pool holds no
more processes than its size, and a one-slot run starts no process at all."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor

from flows.parse_slots import ParseSlots


def _where(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def _run_batches(slots: ParseSlots, n: int, seconds: float = 0.3) -> list[int]:
    try:
        with ThreadPoolExecutor(6) as threads:  # parse tasks arrive on several threads at once
            return list(threads.map(lambda _: slots.run(_where, seconds), range(n)))
    finally:
        slots.shutdown()


def test_a_warm_run_process_parses_alongside_its_pool():
    slots = ParseSlots(2, here=True)
    assert slots.describe() == "in this process and a pool of 1 process"
    pids = _run_batches(slots, 8)
    here = pids.count(os.getpid())
    assert 0 < here < 8, pids  # both slots took batches
    assert len(set(pids)) == 2  # this process and one pool process, never more


def test_a_cold_run_keeps_its_own_process_out_of_parsing():
    slots = ParseSlots(2, here=False)
    assert slots.describe() == "in a pool of 2 processes"
    pids = _run_batches(slots, 6)
    assert os.getpid() not in pids and len(set(pids)) <= 2


def test_one_slot_in_a_warm_process_starts_no_pool():
    slots = ParseSlots(1, here=True)
    assert slots.describe() == "in this process"
    assert _run_batches(slots, 4, 0.01) == [os.getpid()] * 4
    assert slots._pool is None
