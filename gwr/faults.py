"""Named points where a run can be parked, so crash-safety tests can SIGKILL it deterministically,
a file that kills the worker process parsing it, so the tests can prove a run survives one, and a
file whose parse breaks a table's contract, so they can prove such a run publishes nothing.

Inert unless ``GWR_PAUSE_AT`` names the point: then the run writes the point's name to
``GWR_PAUSE_FILE`` and sleeps, and the test kills it there. Points, in run order: ``staged``,
``parsed`` (staging loaded), ``validated``, ``publishing`` (inside the publish transaction,
before COMMIT).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path


def checkpoint(name: str) -> None:
    if os.environ.get("GWR_PAUSE_AT") != name:
        return
    marker = os.environ.get("GWR_PAUSE_FILE")
    if marker:
        Path(marker).write_text(name)
    time.sleep(float(os.environ.get("GWR_PAUSE_SECONDS", "600")))


def die_if_poison(source_file: str) -> None:
    """Inert unless ``GWR_POISON_FILE`` names ``source_file``: then a parse worker (never the run's
    own process) kills itself with SIGKILL, as the kernel's OOM killer or a crash in a C library
    would."""
    if os.environ.get("GWR_POISON_FILE") == source_file and multiprocessing.parent_process() is not None:
        os.kill(os.getpid(), signal.SIGKILL)


def breaks_contract(source_file: str) -> bool:
    """True when ``GWR_BREAK_CONTRACT`` names ``source_file``: its document is then dated 9999, as a
    parser bug could date it. The parser itself quarantines every year it can tell is impossible,
    so no input reaches the validation's report_year check without this."""
    return os.environ.get("GWR_BREAK_CONTRACT") == source_file
