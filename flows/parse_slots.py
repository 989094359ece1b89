"""Where a parse batch runs in ``processes`` mode: in a pool, or also in the run's own process.

In a warm run process (`gwr serve`), one of the run's N parse slots is the run's own process and
N-1 are pool processes: that process already holds jieba and the region tables, so one worker
fewer has to start and warm up (about 4 s of CPU). The memory comes out about even: the run
process holds the parse working set a worker would have held. A cold one-shot run keeps its own
process out of parsing: it would load all that itself and keep it while it validates and loads
the warehouse, when a worker would have exited (its peak rose from 1.7 to 2.0 GB at 10,000).
Parse tasks run on several threads. A semaphore of N slots lets at most N batches run at once,
so no batch queues in the pool while the run's own slot is free.

A pool process that dies (the OOM killer, a crash in a C library) breaks the whole pool and
every batch in it. The pool is then replaced and the batches run again; ``run_alone`` runs work
in a process of its own, so a death there is that work's alone (see flows/isolation.py).
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import signal
import threading
from collections.abc import Callable
from typing import TypeVar

from gwr.lifetime import exit_with_parent

T = TypeVar("T")
_SPAWN = multiprocessing.get_context("spawn")  # fork is unsafe with Prefect's threads


class ProcessDied(RuntimeError):
    """A process of its own died while it ran the work (``exitcode`` as multiprocessing gives it:
    negative for a signal)."""

    def __init__(self, exitcode: int | None) -> None:
        self.exitcode = exitcode
        super().__init__(f"the parse process {describe_exit(exitcode)}")


def describe_exit(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"was killed by {name}"
    return f"exited with code {exitcode}"


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
        """``fn(*args)`` in the first free slot (waits for one). A broken pool is replaced and the
        work runs once more in the new one (the death may have been another batch's); a second
        BrokenProcessPool is raised to the caller."""
        with self._capacity:
            if self.here and self._here.acquire(blocking=False):
                try:
                    return fn(*args)
                finally:
                    self._here.release()
            # The run's slot (if it has one) is busy: the pool holds at most its size, none waits.
            for attempt in range(2):
                pool = self._get_pool()
                try:
                    return pool.submit(fn, *args).result()
                except cf.process.BrokenProcessPool:
                    self._replace(pool)
                    if attempt:
                        raise
            raise AssertionError("unreachable")

    def run_alone(self, fn: Callable[..., T], *args) -> T:
        """``fn(*args)`` in a new process that runs nothing else (in a slot, like any batch):
        ProcessDied if that process dies, with how it died."""
        with self._capacity:
            receive, send = _SPAWN.Pipe(duplex=False)
            process = _SPAWN.Process(target=_call_and_send, args=(send, fn, args), daemon=True)
            process.start()
            send.close()  # the child holds the other end: EOF here when it dies
            try:
                ok, value = receive.recv()
            except EOFError:
                process.join()
                raise ProcessDied(process.exitcode) from None
            finally:
                receive.close()
            process.join()
            if not ok:
                raise value
            return value

    def _get_pool(self) -> cf.ProcessPoolExecutor:
        """Started on first use (a run that never needs it starts no process)."""
        with self._pool_lock:
            if self._pool is None:
                self._pool = cf.ProcessPoolExecutor(
                    max_workers=self.pool_size, mp_context=_SPAWN, initializer=exit_with_parent
                )
            return self._pool

    def _replace(self, broken: cf.ProcessPoolExecutor) -> None:
        """Drop a broken pool (once, whichever batch notices first); the next use starts one."""
        with self._pool_lock:
            if self._pool is broken:
                self._pool = None
        broken.shutdown(wait=False, cancel_futures=True)

    def shutdown(self) -> None:
        with self._pool_lock:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None


def _call_and_send(send, fn: Callable[..., T], args: tuple) -> None:
    exit_with_parent()
    try:
        result = (True, fn(*args))
    except BaseException as exc:  # sent back and raised in the caller, like a pool would
        result = (False, exc)
    send.send(result)
    send.close()
