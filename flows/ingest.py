"""The ingest flow: stage -> parse (clean, extract, write to staging) -> validate -> publish.

Write-audit-publish: parsed batches go to a private staging directory, the Great Expectations suites
validate it, and only a fully valid run is published, in one transaction.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextvars
import datetime as dt
import shutil
import time
import uuid
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.futures import as_completed

from expectations.validate import ValidationOutcome
from flows import settings, validate_worker
from flows.parse_slots import ParseSlots
from flows.parser_version import parser_version
from flows.stage import FileEntry, StagePlan, batches, etl_row, plan_files
from gwr import native
from gwr.faults import checkpoint
from gwr.memory import limit_malloc_arenas
from transforms.indicators import dim_indicator_rows
from warehouse.db import run_lock, staging_path
from warehouse.publish import (
    DQ_SCHEMA,
    ETL_FILE_SCHEMA,
    Publication,
    RunSummary,
    begin_run,
    record_failed_run,
)
from warehouse.staging import Staging

if TYPE_CHECKING:
    from flows.parse_worker import BatchResult


limit_malloc_arenas()  # for runs started without `gwr` (deployments): see gwr/memory.py


class ValidationFailed(RuntimeError):
    """The staged data broke a data contract; nothing was published."""


class RunFailed(RuntimeError):
    """A run did not complete; the message says why (the flow's own exception when there is one)."""


@task(name="stage-files", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=5)
def stage_files(source: Path, published: pl.DataFrame, max_bytes: int) -> StagePlan:
    plan = plan_files(source, published, max_bytes=max_bytes, parser_version=parser_version())
    outcomes = pl.DataFrame(plan.decided, schema={"outcome": pl.String}, strict=False)
    counts = outcomes["outcome"].value_counts().rows() if plan.decided else []
    get_run_logger().info(
        "staged %d files from %s: %d to parse, decided at stage: %s",
        plan.n_seen,
        source,
        len(plan.to_parse),
        dict(counts),
    )
    return plan


@task(name="parse-batch", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=2)
def parse_batch(
    entries: list[FileEntry], run_id: str, mode: str, slots: ParseSlots | None, staging: str | None
) -> BatchResult:
    """Clean and extract one batch: in this process or the run's process pool (``slots``), or on
    the Dask worker. With ``staging`` the batch's tables are written there by whoever parsed it;
    without (Dask workers may not share this disk) they come back in the result."""
    from flows.parse_worker import parse_files  # the transforms: imported only when there is work

    if mode == "processes" and slots is not None and staging is not None:
        try:
            result = slots.run(parse_files, entries, run_id, staging)
        except cf.process.BrokenProcessPool:
            from flows.isolation import isolate_batch

            get_run_logger().warning(
                "a parse process died twice on a batch of %d files: parsing it in processes of its"
                " own to find the file that kills them",
                len(entries),
            )
            result = isolate_batch(slots, entries, run_id, staging)
    else:  # "local": a small run, in this process; "inline": already on a Dask worker
        result = parse_files(entries, run_id, staging)
    logger = get_run_logger()
    logger.info(
        "parsed %d files: %d documents, %d facts, %d quarantined",
        len(entries),
        len(result.loaded),
        result.n_facts,
        result.quarantine.height,
    )
    for error in result.errors:
        logger.warning("unexpected parse failure (file quarantined): %s", error)
    return result


@task(name="load-staging", cache_policy=NO_CACHE)
def load_staging(staging: Staging, result: BatchResult) -> None:
    """Stage a batch parsed elsewhere (on a Dask worker) that came back with its tables."""
    staging.write(result.batch_id, result.frames)


@task(name="validate", cache_policy=NO_CACHE)
def validate(
    staging: Staging,
    etl_files: pl.DataFrame,
    published_regions: set[str],
    run_id: str,
    docs_dir: Path | None = None,
) -> ValidationOutcome:
    indicators = pl.DataFrame(dim_indicator_rows())
    outcome = validate_worker.validate(
        staging.path, etl_files, indicators, published_regions, run_id, docs_dir
    )
    get_run_logger().info(
        "validated %d tables: %d expectations, %d failed",
        len({r["table_name"] for r in outcome.rows}),
        len(outcome.rows),
        len(outcome.failures),
    )
    return outcome


@task(name="load-warehouse", cache_policy=NO_CACHE)
def load_warehouse(publication: Publication) -> None:
    """The heavy half of publishing (copying the staged tables in), run while validation runs.
    It stays in an uncommitted transaction: only a validated run is committed."""
    clock = time.perf_counter()
    publication.load()
    get_run_logger().info(
        "loaded the staged tables into an open transaction in %.1f s", time.perf_counter() - clock
    )


@task(name="publish", cache_policy=NO_CACHE)
def publish_run(
    publication: Publication, summary: RunSummary, etl_files: pl.DataFrame, dq_rows: pl.DataFrame
) -> RunSummary:
    publication.commit(summary, etl_files, dq_rows)
    get_run_logger().info("published run %s: %s", summary.run_id, asdict(summary))
    return summary


def _parse_all(
    plan: StagePlan, staging: Staging, run_id: str, mode: str, workers: int
) -> tuple[list[tuple[str, str]], list[pl.DataFrame], int]:
    """Parse every file to parse, in batches, into staging: (source_file, document_id) of each
    document loaded, the quarantine frames, and the number of facts."""
    logger = get_run_logger()
    loaded: list[tuple[str, str]] = []
    quarantined: list[pl.DataFrame] = []
    n_facts = 0
    slots = ParseSlots(workers, here=settings.parse_in_run_process()) if mode == "processes" else None
    try:
        new_bytes = sum(e.size_bytes for e in plan.to_parse)
        if slots is not None and new_bytes <= settings.inline_max_bytes():
            mode = "local"  # a few small files: starting worker processes costs more than it saves
        if plan.to_parse:
            where = {"local": "in this process", "processes": slots.describe() if slots else ""}
            logger.info(
                "parsing %d files (%.1f MB) %s, %s",
                len(plan.to_parse),
                new_bytes / 1e6,
                where.get(mode, "on the Dask workers"),
                "compiled (mypyc)" if native.is_active() else "interpreted",
            )
        write_to = None if mode == "inline" else str(staging.path)
        groups = batches(plan.to_parse, workers, settings.TARGET_BATCHES_PER_WORKER, settings.MAX_BATCH_DOCS)
        futures = [
            parse_batch.with_options(task_run_name=f"parse-batch-{i:04d}").submit(
                group, run_id, mode, slots, write_to
            )
            for i, group in enumerate(groups)
        ]
        for future in as_completed(futures):
            result = future.result()
            if result.frames:
                load_staging(staging, result)
            loaded += result.loaded
            quarantined.append(result.quarantine)
            n_facts += result.n_facts
            result.release()  # the future keeps this object: drop its frames, keep the corpus out of RAM
    finally:
        if slots is not None:
            slots.shutdown()
    return loaded, quarantined, n_facts


def _etl_files(
    plan: StagePlan, quarantined: list[pl.DataFrame], loaded: list[tuple[str, str]], run_id: str
) -> pl.DataFrame:
    entries = {e.source_file: e for e in plan.to_parse}
    rows = [dict(r, run_id=run_id) for r in plan.decided]
    for source_file, doc_id in loaded:
        e = entries[source_file]
        rows.append(
            {
                "run_id": run_id,
                "source_file": source_file,
                "source_sha256": e.sha256,
                "size_bytes": e.size_bytes,
                "outcome": "loaded",
                "reason": None,
                "document_id": doc_id,
            }
        )
    for q in pl.concat(quarantined, how="diagonal_relaxed").iter_rows(named=True) if quarantined else []:
        rows.append(dict(q, run_id=run_id, outcome="quarantined", document_id=None))
    return pl.DataFrame(rows, schema=ETL_FILE_SCHEMA)


def _run_summary(run_id: str, plan: StagePlan, etl_files: pl.DataFrame, n_facts: int) -> RunSummary:
    counts = dict(etl_files.group_by("outcome").len().rows())
    assert sum(counts.values()) == plan.n_seen, "every file seen must have exactly one outcome"
    return RunSummary(
        run_id=run_id,
        status="succeeded",
        n_seen=plan.n_seen,
        n_loaded=counts.get("loaded", 0),
        n_duplicate=counts.get("duplicate", 0),
        n_unchanged=counts.get("unchanged", 0),
        n_quarantined=counts.get("quarantined", 0),
        n_replaced=0,
        n_facts=n_facts,
    )


def _fail_run(
    db_path: Path,
    summary: RunSummary,
    outcome: ValidationOutcome,
    etl_files: pl.DataFrame,
    dq_rows: pl.DataFrame,
) -> None:
    """Keep the evidence of a run that failed validation: its files (loaded ones marked
    not_published), its dq_result rows and its summary artifact."""
    summary.status = "failed"
    summary.message = "validation failed: " + outcome.describe_failures()
    loaded = pl.col("outcome") == "loaded"
    failed_files = etl_files.with_columns(
        outcome=pl.when(loaded).then(pl.lit("not_published")).otherwise(pl.col("outcome")),
        reason=pl.when(loaded).then(pl.lit("run failed validation")).otherwise(pl.col("reason")),
    )
    record_failed_run(db_path, summary, failed_files, dq_rows)
    create_markdown_artifact(_summary_markdown(summary, outcome, failed_files), key="gwr-run-summary")


def _record_error(
    db_path: Path, run_id: str, plan: StagePlan | None, quarantined: list[pl.DataFrame], exc: Exception
) -> None:
    """A run that raised (a load that failed, a full disk, a bug) is recorded failed with its
    reason, and each file it staged as not published, or as quarantined with its reason when the
    parse had got that far. Unrecorded, it stayed `running` until the next run called it
    abandoned, as if its process had been killed."""
    plan = plan or StagePlan()  # it failed before staging: no file seen
    recorded = _etl_files(plan, quarantined, [], run_id)  # decided at staging, or quarantined
    done = set(recorded["source_file"])
    failed = [
        dict(etl_row(e, "not_published", "run failed"), run_id=run_id)
        for e in plan.to_parse
        if e.source_file not in done
    ]
    etl_files = pl.concat([recorded, pl.DataFrame(failed, schema=ETL_FILE_SCHEMA)])
    summary = _run_summary(run_id, plan, etl_files, n_facts=0)
    summary.status = "failed"
    summary.message = f"run failed: {type(exc).__name__}: {exc}"[:1000]
    try:
        record_failed_run(db_path, summary, etl_files, pl.DataFrame(schema=DQ_SCHEMA))
    except Exception:  # the run's own error is the one to raise; this one is only logged
        get_run_logger().exception("could not record the failed run %s", run_id)
    shutil.rmtree(staging_path(db_path), ignore_errors=True)


def _summary_markdown(summary: RunSummary, outcome: ValidationOutcome | None, etl_files: pl.DataFrame) -> str:
    lines = [f"# GWR run {summary.run_id}: {summary.status}", "", "| outcome | files |", "|---|---|"]
    for outcome_name, n in sorted(etl_files.group_by("outcome").len().rows()):
        lines.append(f"| {outcome_name} | {n} |")
    lines += ["", f"Facts loaded: **{summary.n_facts}**; documents replaced: {summary.n_replaced}", ""]
    quarantined = etl_files.filter(pl.col("outcome") == "quarantined")
    if quarantined.height:
        lines += ["| quarantined file | reason |", "|---|---|"]
        lines += [
            f"| {r['source_file']} | {r['reason']} |" for r in quarantined.head(50).iter_rows(named=True)
        ]
        lines.append("")
    if outcome is not None:
        n_ok = sum(r["success"] for r in outcome.rows)
        lines.append(f"Validation: {n_ok}/{len(outcome.rows)} expectations passed.")
        lines += [
            f"- FAILED {r['table_name']}.{r['expectation']} ({r['column_name']}): {r['details']}"
            for r in outcome.failures
        ]
    return "\n".join(lines)


@flow(name="gwr-ingest", log_prints=True)
def ingest(
    source: str = str(settings.DEFAULT_SOURCE),
    db: str = str(settings.DEFAULT_DB),
    workers: int | None = None,
    mode: str = "processes",
    wait_seconds: float = 0.0,
    max_file_bytes: int = settings.MAX_FILE_BYTES,
) -> dict:
    """Load every report in ``source`` into the DuckDB warehouse at ``db``.

    mode: ``processes`` (local process pool), ``inline`` (in the task's own process: used on Dask
    workers, where the task runner already spreads batches over the cluster).
    """
    logger = get_run_logger()
    source_dir, db_path = Path(source), Path(db)
    if not source_dir.is_dir():
        raise NotADirectoryError(f"source directory {source_dir} does not exist")
    workers = workers or settings.default_workers()
    validate_worker.start()  # GX imports on the other core while this process stages and parses
    run_id = dt.datetime.now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    flow_run_id = str(get_run_context().flow_run.id)
    timings: dict[str, float] = {}
    with run_lock(db_path, wait_seconds=wait_seconds):
        published, published_regions = begin_run(db_path, run_id, str(source_dir), flow_run_id)
        plan: StagePlan | None = None
        quarantined: list[pl.DataFrame] = []  # of the parse, once it is done
        try:
            clock = time.perf_counter()
            plan = stage_files(source_dir, published, max_file_bytes)
            timings["stage"] = time.perf_counter() - clock
            clock = time.perf_counter()
            checkpoint("staged")
            staging = Staging(staging_path(db_path))
            loaded, quarantined, n_facts = _parse_all(plan, staging, run_id, mode, workers)
            checkpoint("parsed")
            timings["parse_and_load"] = time.perf_counter() - clock
            clock = time.perf_counter()
            etl_files = _etl_files(plan, quarantined, loaded, run_id)
            # Write-audit-publish with the two halves overlapped: the warehouse loads the staged tables
            # in a transaction while the suites check them; the transaction commits only if they pass.
            publication = Publication(db_path, staging.path, pl.DataFrame(dim_indicator_rows()))
            # On a thread of this process, not through the task runner: the open transaction must be
            # this process's (a Dask task runner would send the load to a worker's process).
            loader = cf.ThreadPoolExecutor(1, thread_name_prefix="gwr-load")
            try:
                loading = loader.submit(contextvars.copy_context().run, load_warehouse, publication)
                try:
                    outcome = validate(
                        staging, etl_files, published_regions, run_id, settings.data_docs_dir(db_path)
                    )
                finally:
                    timings["validate"] = time.perf_counter() - clock
                    clock = time.perf_counter()
                    cf.wait([loading])
                checkpoint("validated")
                summary = _run_summary(run_id, plan, etl_files, n_facts)
                dq_rows = pl.DataFrame(outcome.rows, schema=DQ_SCHEMA)
                if not outcome.success:
                    publication.abort()  # closes the warehouse, which record_failed_run opens again
                    _fail_run(db_path, summary, outcome, etl_files, dq_rows)
                    staging.remove()
                    raise ValidationFailed(summary.message)
                loading.result()  # a load that failed fails the run here, before anything is committed
                summary = publish_run(publication, summary, etl_files, dq_rows)
                timings["publish"] = time.perf_counter() - clock  # what was left of the load, and the commit
            finally:
                loader.shutdown()
                publication.abort()  # a no-op after a commit; otherwise nothing of this run is kept
            staging.remove()
        except ValidationFailed:
            raise  # recorded by _fail_run, with its validation results
        except Exception as exc:
            _record_error(db_path, run_id, plan, quarantined, exc)
            raise
    create_markdown_artifact(_summary_markdown(summary, outcome, etl_files), key="gwr-run-summary")
    logger.info(
        "run %s done: %d seen, %d loaded, %d unchanged, %d duplicate, %d quarantined, %d facts",
        run_id,
        summary.n_seen,
        summary.n_loaded,
        summary.n_unchanged,
        summary.n_duplicate,
        summary.n_quarantined,
        summary.n_facts,
    )
    # Seconds per step, for the benchmark and the logs (parse and load overlap: batches stream).
    logger.info("step seconds: %s", {k: round(v, 2) for k, v in timings.items()})
    return asdict(summary) | {"timings": timings, "bytes_parsed": sum(e.size_bytes for e in plan.to_parse)}


def run_ingest(flow_fn=ingest, **parameters) -> dict:
    """Run the flow (one Prefect flow run) and return its summary, or RunFailed with the reason.
    Shared by `gwr run` and the run service."""
    state = flow_fn(**parameters, return_state=True)
    if not state.is_completed():
        try:
            state.result()
        except Exception as exc:  # the flow's own exception carries the reason
            raise RunFailed(f"run failed: {exc}") from exc
        raise RunFailed(f"run ended in state {state.type.value}")
    return state.result()
