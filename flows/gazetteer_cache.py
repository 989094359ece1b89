"""A snapshot of the region gazetteer on disk, so parse processes load it instead of building it.

Building the gazetteer from jionlp's division data leaves about 105 MB in a process; loading the
snapshot, 40-60 MB, and it takes 0.3 s instead of about 2 s. Every parse worker and the resident
run process of `gwr serve` hold one, and at 10,000 documents the service's peak memory was set
while two of them parsed. The snapshot is keyed by the jionlp version and the code and reference
data that shape the gazetteer, so a change to any of them builds a new one. The first process to
need it on a machine builds it and writes it (under a temporary name, then renamed: concurrent
writers are harmless); a snapshot that cannot be read or written is rebuilt in memory, as before.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import os
import threading
from pathlib import Path

import reference
import transforms.regions as regions

_DONE = threading.Event()
_LOCK = threading.Lock()
log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """GWR_CACHE_DIR, else $XDG_CACHE_HOME/gwr, else ~/.cache/gwr."""
    if explicit := os.environ.get("GWR_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "gwr"


def snapshot_path() -> Path:
    digest = hashlib.sha256()
    digest.update(importlib.metadata.version("jionlp").encode())
    # The sources, not the module's file: compiled (gwr/native.py) it is a shared library, and a
    # compiled and an interpreted process load the same pickle.
    for module in ("regions.py", "places.py"):
        digest.update((Path(regions.__file__).parent / module).read_bytes())
    digest.update((Path(reference.__file__).parent / "region_aliases.yaml").read_bytes())
    return cache_dir() / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def ensure_loaded() -> None:
    """Load this process's gazetteer from the snapshot, writing the snapshot first if there is
    none. Once per process; later calls return at once."""
    if _DONE.is_set():
        return
    with _LOCK:
        if _DONE.is_set():
            return
        try:
            _load_or_write(snapshot_path())
        except (OSError, ValueError, TypeError, EOFError, ImportError) as exc:
            log.warning("gazetteer snapshot unusable (%s): building it in memory", exc)
        _DONE.set()


def _load_or_write(path: Path) -> None:
    if path.is_file():
        try:
            regions.load_gazetteer_snapshot(path.read_bytes())
            return
        except Exception as exc:  # a truncated or foreign file: replaced below
            log.warning("gazetteer snapshot %s unreadable (%s): writing a new one", path, exc)
    blob = regions.gazetteer_snapshot()  # builds it in this process
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(blob)
    partial.replace(path)
