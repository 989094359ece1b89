"""The malloc arena limit reaches this process and the processes a run starts (gwr/memory.py)."""

from __future__ import annotations

import multiprocessing
import os
import platform

from gwr.memory import ARENAS, limit_malloc_arenas


def _child_arenas(queue) -> None:
    queue.put(os.environ.get("MALLOC_ARENA_MAX"))


def test_the_limit_is_set_here_and_inherited_by_spawned_processes(monkeypatch):
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    applied = limit_malloc_arenas()
    if platform.system() == "Linux" and platform.libc_ver()[0] == "glibc":
        assert applied  # mallopt accepted it
    assert os.environ["MALLOC_ARENA_MAX"] == ARENAS
    context = multiprocessing.get_context("spawn")  # as parse workers, the validator and the run process
    queue = context.Queue()
    child = context.Process(target=_child_arenas, args=(queue,))
    child.start()
    assert queue.get(timeout=60) == ARENAS
    child.join(60)


def test_a_value_given_by_the_user_wins(monkeypatch):
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    limit_malloc_arenas()
    assert os.environ["MALLOC_ARENA_MAX"] == "4"
