"""Named points where a run can be parked, so crash-safety tests can SIGKILL it deterministically.

Inert unless ``GWR_PAUSE_AT`` names the point: then the run writes the point's name to
``GWR_PAUSE_FILE`` and sleeps, and the test kills it there. Points, in run order: ``staged``,
``parsed`` (staging loaded), ``validated``, ``publishing`` (inside the publish transaction,
before COMMIT).
"""

from __future__ import annotations

import os
import time
from pathlib import Path


def checkpoint(name: str) -> None:
    if os.environ.get("GWR_PAUSE_AT") != name:
        return
    marker = os.environ.get("GWR_PAUSE_FILE")
    if marker:
        Path(marker).write_text(name)
    time.sleep(float(os.environ.get("GWR_PAUSE_SECONDS", "600")))
