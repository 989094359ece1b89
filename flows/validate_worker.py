"""Validation in its own process, started when the run starts.

Great Expectations takes about 7 s of CPU to import (scipy, pandas, sqlalchemy, altair). In the
flow's process that cost is paid in series, after parsing, and holds the GIL the whole time. Here it
is paid once, on the other core, while the flow stages and parses; by the time staging is complete
the validator is warm. It reads the staged Parquet files through DuckDB and returns plain result rows.
"""

from __future__ import annotations

import atexit
import concurrent.futures as cf
import functools
import multiprocessing
import tempfile
from pathlib import Path

import polars as pl

from expectations.keys import KeySets
from expectations.validate import ValidationOutcome
from gwr.lifetime import exit_with_parent

MAX_ROWS_PER_PART = 400_000  # ~150 MB of facts in pandas; GX needs a few times that at its peak
_POOL: cf.ProcessPoolExecutor | None = None
_IN_PROCESS = False


def _warm() -> None:
    import great_expectations  # noqa: F401

    import expectations.suites  # noqa: F401


def in_process() -> None:
    """Validate in this process from now on, and import GX now: for a resident run process
    (`gwr serve`), where GX stays imported from one run to the next."""
    global _IN_PROCESS
    _IN_PROCESS = True
    _warm()


def start() -> None:
    """Start the validator process and its imports now; later calls are no-ops."""
    global _POOL
    if _POOL is None and not _IN_PROCESS:
        _POOL = cf.ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=exit_with_parent
        )
        _POOL.submit(_warm)
        atexit.register(stop)  # before interpreter teardown, or the pool's weakref callback fails


def stop() -> None:
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(cancel_futures=True)
        _POOL = None


def validate_staged(
    staging: Path,
    etl_files: pl.DataFrame,
    indicators: pl.DataFrame,
    published_regions: set[str],
    run_id: str,
    docs_dir: Path | None,
) -> ValidationOutcome:
    """Run every suite on the staged tables (in the validator process)."""
    from expectations.offline_docs import localize_site
    from expectations.validate import validate_tables
    from warehouse.staging import (
        PART_KEYS,
        VALIDATION_QUERIES,
        contract_columns,
        read_part,
        split_for_validation,
        staged_rows,
        validation_frame,
    )

    frames: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix=".validation-", dir=staging) as parts_dir:
        for table in VALIDATION_QUERIES:
            n = -(-staged_rows(staging, table) // MAX_ROWS_PER_PART) if table in PART_KEYS else 1
            if n > 1:
                # Large tables in parts: GX copies a frame several times while it validates it.
                paths = split_for_validation(staging, table, published_regions, n, Path(parts_dir))
                frames[table] = [functools.partial(read_part, p) for p in paths]
            else:
                frames[table] = functools.partial(validation_frame, staging, table, published_regions)
        frames["dim_indicator"] = indicators
        frames["etl_file"] = etl_files
        keys = KeySets(indicator_codes=set(indicators["indicator_code"].to_list()))
        outcome = validate_tables(frames, keys, run_id, docs_dir, contract_columns())
    if docs_dir is not None and (docs_dir / "index.html").is_file():
        localize_site(docs_dir)  # GX pages load CDNs; rewritten so the site opens offline
    return outcome


def validate(*args) -> ValidationOutcome:
    """validate_staged in the validator process (started here if it was not yet)."""
    if _IN_PROCESS:
        return validate_staged(*args)
    start()
    assert _POOL is not None
    try:
        return _POOL.submit(validate_staged, *args).result()
    except cf.process.BrokenProcessPool:
        stop()  # the validator died (out of memory, killed): one fresh attempt
        start()
        return _POOL.submit(validate_staged, *args).result()
