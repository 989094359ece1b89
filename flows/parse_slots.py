"""Where a parse batch runs in ``processes`` mode: in a pool, or also in the run's own process.

In a warm run process (`gwr serve`), one of the run's N parse slots is the run's own process and
N-1 are pool processes: that process already holds jieba and the region tables, so one worker
fewer has to start and warm up (about 4 s of CPU). The memory comes out about even: the run
process holds the parse working set a worker would have held. A cold one-shot run keeps its own
process out of parsing: it would load all that itself and keep it while it validates and loads
the warehouse, when a worker would have exited (its peak rose from 1.7 to 2.0 GB at 10,000).
Parse tasks run on several threads. A semaphore of N slots lets at most N batches run at once,
so no batch queues in the pool while the run's own slot is free.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class ParseSlots:
    def __init__(self, workers: int, *, here: bool) -> None:
        self.workers = max(1, workers)
        self.here = here
        self._capacity = threading.BoundedSemaphore(self.workers)
        self._here = threading.Lock()  # the run's own slot
        self._pool: cf.ProcessPoolExecutor | None = None
        self._pool_lock = threading.Lock()

    def describe(self) -> str:
        n = self.pool_size
        pool = f"a pool of {n} process{'es' if n > 1 else ''}"
        return "in this process" + (f" and {pool}" if n else "") if self.here else f"in {pool}"

    @property
    def pool_size(self) -> int:
        return self.workers - 1 if self.here else self.workers

    def run(self, fn: Callable[..., T], *args) -> T:
        """``fn(*args)`` in the first free slot (waits for one)."""
        with self._capacity:
            if self.here and self._here.acquire(blocking=False):
                try:
                    return fn(*args)
                finally:
                    self._here.release()
            # The run's slot (if it has one) is busy: the pool holds at most its size, none waits.
            return self._get_pool().submit(fn, *args).result()

    def _get_pool(self) -> cf.ProcessPoolExecutor:
        """Started on first use (a run that never needs it starts no process); spawn, because
        fork is unsafe with Prefect's threads."""
        with self._pool_lock:
            if self._pool is None:
                context = multiprocessing.get_context("spawn")
                self._pool = cf.ProcessPoolExecutor(max_workers=self.pool_size, mp_context=context)
            return self._pool

    def shutdown(self) -> None:
        with self._pool_lock:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None
