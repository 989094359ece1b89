"""Defaults for runs, in one place (the README documents them)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO_ROOT / "samples"
DEFAULT_DB = REPO_ROOT / "data" / "gwr.duckdb"
MAX_FILE_BYTES = 50 * 1024 * 1024  # larger files are quarantined as too_large without being read
TARGET_BATCHES_PER_WORKER = 4
MAX_BATCH_DOCS = 200
INLINE_MAX_BYTES = 512 * 1024  # up to this much new text is parsed in the flow process itself
# A warm process (`gwr serve`) parses this much itself sooner than it starts a pool of workers that
# must first import the transforms and load jieba and the region tables (~4 s on 2 cores).
WARM_INLINE_MAX_BYTES = 16 * 1024 * 1024


def inline_max_bytes() -> int:
    """Read at run time: GWR_INLINE_MAX_BYTES (set by the run service, or by hand) or the default."""
    return int(os.environ.get("GWR_INLINE_MAX_BYTES") or INLINE_MAX_BYTES)


def parse_in_run_process() -> bool:
    """GWR_PARSE_HERE=1 (set by the run service): the run's own process is one of its parse slots."""
    return os.environ.get("GWR_PARSE_HERE", "0") == "1"


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def data_docs_dir(db_path: Path) -> Path:
    """Where each run's GX Data Docs go: beside the warehouse, data/gwr.duckdb -> data/gwr_data_docs/."""
    return db_path.with_name(db_path.stem + "_data_docs")
