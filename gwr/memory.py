"""Fewer malloc arenas: the memory of a process that works on several threads stays flat.

glibc gives each thread that allocates an arena of its own (up to eight per core) and seldom
returns their freed pages. The run process of `gwr serve` parses on several threads: over 20,000
reports it grew from 0.6 to 1.1 GB while parsing, and the service's peak reached 2.1 GB. With two
arenas it stayed at 0.7-0.8 GB, with no more CPU time (`python -m bench.run --docs 20000`).
"""

from __future__ import annotations

import ctypes
import os
import sys

ARENAS = "2"
_M_ARENA_MAX = -8  # mallopt's parameter number, from glibc's malloc.h


def limit_malloc_arenas() -> bool:
    """Limit this process now, and every process it starts (they read MALLOC_ARENA_MAX when they
    start; this one has started already, so it is told through mallopt). A value set by the user
    wins. True when this process's limit was set (glibc only)."""
    os.environ.setdefault("MALLOC_ARENA_MAX", ARENAS)
    if not sys.platform.startswith("linux"):
        return False
    try:
        arenas = int(os.environ["MALLOC_ARENA_MAX"])
        return ctypes.CDLL(None).mallopt(_M_ARENA_MAX, arenas) == 1
    except (AttributeError, OSError, ValueError):  # another C library, or no usable value
        return False
