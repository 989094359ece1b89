"""Processes a run starts end with it, however it ends.

A one-shot run starts Prefect's temporary API server, a validator and parse processes. When the run
was killed (a scheduler's time limit sends SIGTERM, the OOM killer SIGKILL), they stayed: 260 MB
for the server and 330 MB for the validator, waiting for work that would never come: the server
is a plain subprocess, and a validator or pool process keeps waiting on its work queue when the
process that fed it is gone. Here a SIGTERM ends a run as Ctrl-C does, so its cleanup runs, and
each child watches its parent and exits when it is gone.
"""

from __future__ import annotations

import os
import runpy
import signal
import sys
import threading
import time

PARENT_CHECK_SECONDS = 1.0


def exit_with_parent() -> None:
    """Exit this process soon after the process that started it is gone: it is then adopted by
    another process, and its parent id changes. For processes started by a run (pool initializer,
    process target), never for the run itself."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            if os.getppid() != parent:
                os._exit(1)  # nothing of the run is left to report to

    threading.Thread(target=watch, name="gwr-parent-watch", daemon=True).start()


def terminate_like_interrupt() -> None:
    """SIGTERM ends this process as SIGINT would: by an exception, so ``finally`` blocks and
    atexit handlers stop the processes it started. Python's default for SIGTERM ends the process
    at once and leaves them running."""

    def handler(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, handler)


def main() -> None:
    """``python -m gwr.lifetime MODULE ARGS…``: run a module as ``python -m`` would, ending when
    the process that started it ends (Prefect's API server: uvicorn)."""
    if len(sys.argv) < 2:
        raise SystemExit("usage: python -m gwr.lifetime MODULE [ARGS...]")
    exit_with_parent()
    module, sys.argv = sys.argv[1], sys.argv[1:]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
