"""Write-audit-publish, last step: one transaction moves a validated staging run into the warehouse.

Run bookkeeping (etl_run, etl_file, dq_result) is written in the same transaction as the data, so
the warehouse never shows facts without the run that loaded them, or a run without its files.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from gwr.faults import checkpoint
from warehouse.db import (
    DOC_KEYED_TABLES,
    UNINDEXED_KEYS,
    connect,
    create_views,
    init_schema,
    quote_path,
    sql_literal,
)
from warehouse.staging import attach_staged

LOAD_MEMORY_LIMIT = "128MB"  # DuckDB's buffers for a run's load and commit (see Publication.load)

ETL_FILE_SCHEMA = {
    "run_id": pl.String,
    "source_file": pl.String,
    "source_sha256": pl.String,
    "size_bytes": pl.Int64,
    "outcome": pl.String,
    "reason": pl.String,
    "document_id": pl.String,
}

DQ_SCHEMA = {
    "run_id": pl.String,
    "table_name": pl.String,
    "expectation": pl.String,
    "column_name": pl.String,
    "success": pl.Boolean,
    "observed_value": pl.String,
    "unexpected_count": pl.Int64,
    "element_count": pl.Int64,
    "details": pl.String,
    "validated_at": pl.Datetime("us"),
}


@dataclass
class RunSummary:
    run_id: str
    status: str
    n_seen: int
    n_loaded: int
    n_duplicate: int
    n_unchanged: int
    n_quarantined: int
    n_replaced: int
    n_facts: int
    message: str = ""


def begin_run(
    db_path: Path, run_id: str, source_dir: str, flow_run_id: str | None
) -> tuple[pl.DataFrame, set[str]]:
    """Record the run as running (older running rows were killed: mark them abandoned) and
    return the published file index (source_file, source_sha256, document_id, parser_version)
    for change detection, and the published region ids (foreign-key targets for validation)."""
    con = connect(db_path)
    try:
        init_schema(con)
        create_views(con)
        con.execute("BEGIN")
        con.execute(
            "UPDATE etl_run SET status = 'abandoned', finished_at = now(), "
            "message = 'process ended before the run finished' WHERE status = 'running'"
        )
        values = ", ".join(map(sql_literal, (run_id, "running", source_dir, flow_run_id)))
        con.execute(
            "INSERT INTO etl_run (run_id, status, source_dir, flow_run_id, started_at) "
            f"VALUES ({values}, now()::TIMESTAMP)"
        )
        con.execute("COMMIT")
        files = con.execute(
            "SELECT source_file, source_sha256, document_id, parser_version FROM dim_document"
        ).pl()
        regions = {row[0] for row in con.execute("SELECT region_id FROM dim_region").fetchall()}
        return files, regions
    finally:
        con.close()


def _scan(frame: pl.DataFrame, scratch: Path, name: str) -> str:
    """The frame as a Parquet scan. Handing DuckDB a Python object (register, parameters) imports
    pandas into this process, 1.5 s of CPU on every run; a file it reads itself does not."""
    path = scratch / f"{name}.parquet"
    frame.write_parquet(path)
    return f"read_parquet({quote_path(path)})"


def _insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame, scratch: Path) -> None:
    if not frame.is_empty():
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {_scan(frame, scratch, table)}")


class KeyAlreadyPublished(RuntimeError):
    """A staged row's key is already in the warehouse: publishing it would duplicate a fact."""


def _refuse_published_keys(con: duckdb.DuckDBPyConnection, table: str, key: tuple[str, ...]) -> None:
    """The check a PRIMARY KEY would make, for the tables that have none (schema.sql): no staged
    key may already be published once the superseded documents are gone. A hash join on the
    run's keys, so its memory grows with the run, never with the warehouse."""
    columns = ", ".join(key)
    n, example = con.execute(
        f"SELECT count(*), min(concat_ws(' / ', {columns})) "
        f"FROM {table} SEMI JOIN stg_{table} USING ({columns})"
    ).fetchone()
    if n:
        raise KeyAlreadyPublished(
            f"{n} staged {table} rows have a key ({columns}) that is already published, e.g. {example}"
        )


def _finish_run(con: duckdb.DuckDBPyConnection, summary: RunSummary) -> None:
    counts = ("n_seen", "n_loaded", "n_duplicate", "n_unchanged", "n_quarantined", "n_replaced", "n_facts")
    assignments = ", ".join(
        f"{column} = {sql_literal(getattr(summary, column))}" for column in ("status", *counts, "message")
    )
    con.execute(
        f"UPDATE etl_run SET finished_at = now()::TIMESTAMP, {assignments} "
        f"WHERE run_id = {sql_literal(summary.run_id)}"
    )


class Publication:
    """Publish in two halves, so the heavy half overlaps validation. ``load`` copies the staged
    tables into the warehouse inside a transaction no other connection sees; ``commit`` adds the
    run's bookkeeping and commits, called only once validation has passed; ``abort`` rolls the
    whole run back. Until one of them returns, this process holds the warehouse file open."""

    def __init__(self, db_path: Path, staging: Path, indicators: pl.DataFrame) -> None:
        self.db_path, self.staging, self.indicators = db_path, staging, indicators
        self.n_replaced = 0
        self._con: duckdb.DuckDBPyConnection | None = None
        self._scratch = Path(tempfile.mkdtemp(prefix=".gwr-publish-", dir=db_path.parent))

    def load(self) -> None:
        # 128 MB of buffers: the copies stream to the file and are no slower than with 256 MB
        # (18.8 s against 19.7 s for 50,000 documents), and the load peaks 140 MB lower. It
        # runs beside validation, and the two together are the service's peak.
        con = self._con = connect(self.db_path, memory_limit=LOAD_MEMORY_LIMIT)
        init_schema(con)
        attach_staged(con, self.staging)
        con.execute("BEGIN")
        # A file whose content changed replaces the document it used to be; a document parsed
        # again under new rules (same content, so the same id) replaces itself.
        # Two equi-joins, not one join on an OR: DuckDB hashes an equality, but compares every
        # pair of rows for a disjunction (a backfill against a full warehouse: 10^8 pairs).
        con.execute(
            "CREATE OR REPLACE TEMP TABLE superseded AS "
            "SELECT d.document_id FROM dim_document d JOIN stg_dim_document s USING (source_file) "
            "UNION SELECT document_id FROM dim_document JOIN stg_dim_document USING (document_id)"
        )
        self.n_replaced = con.execute("SELECT count(*) FROM superseded").fetchone()[0]
        for table in ("fact_term", *DOC_KEYED_TABLES):  # fact_term: a child table too
            con.execute(f"DELETE FROM {table} WHERE document_id IN (SELECT document_id FROM superseded)")
        for table, key in UNINDEXED_KEYS.items():
            _refuse_published_keys(con, table, key)
        con.execute("INSERT OR IGNORE INTO dim_region BY NAME SELECT * FROM stg_dim_region")
        incoming = _scan(self.indicators, self._scratch, "indicators")
        con.execute(f"INSERT OR REPLACE INTO dim_indicator BY NAME SELECT * FROM {incoming}")
        # The copies on one thread: they run beside validation, which keeps the other core busy.
        # At 50,000 documents two threads took 22.8 s of CPU and 20.7 s to copy, peaking 598 MB;
        # one takes 18.2 s and 18.4 s, peaking 484 MB.
        con.execute("SET threads = 1")
        con.execute(
            "INSERT INTO dim_document BY NAME "
            "SELECT * REPLACE (now()::TIMESTAMP AS loaded_at) FROM stg_dim_document"
        )
        con.execute("INSERT INTO doc_text BY NAME SELECT * FROM stg_doc_text")
        con.execute("INSERT INTO fact_indicator BY NAME SELECT * FROM stg_fact_indicator")
        con.execute("INSERT INTO fact_term BY NAME SELECT * FROM stg_fact_term")
        con.execute("RESET threads")

    def commit(self, summary: RunSummary, etl_files: pl.DataFrame, dq_rows: pl.DataFrame) -> int:
        """Returns the number of superseded documents."""
        con = self._con
        if con is None:
            raise RuntimeError("commit before load")
        try:
            _insert_frame(con, "etl_file", etl_files, self._scratch)
            _insert_frame(con, "dq_result", dq_rows, self._scratch)
            summary.n_replaced = self.n_replaced
            _finish_run(con, summary)
            create_views(con)
            checkpoint("publishing")
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        except BaseException:
            self.abort()
            raise
        self.close()
        return self.n_replaced

    def abort(self) -> None:
        """Roll back whatever ``load`` did (safe to call whether or not it ran or failed)."""
        if self._con is not None:
            with contextlib.suppress(duckdb.Error):
                self._con.execute("ROLLBACK")
        self.close()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        shutil.rmtree(self._scratch, ignore_errors=True)


def record_failed_run(
    db_path: Path, summary: RunSummary, etl_files: pl.DataFrame, dq_rows: pl.DataFrame
) -> None:
    """Keep the evidence of a run that did not publish: its files, its validation results."""
    con = connect(db_path)
    scratch = Path(tempfile.mkdtemp(prefix=".gwr-failed-", dir=db_path.parent))
    try:
        init_schema(con)
        con.execute("BEGIN")
        _insert_frame(con, "etl_file", etl_files, scratch)
        _insert_frame(con, "dq_result", dq_rows, scratch)
        _finish_run(con, summary)
        con.execute("COMMIT")
    finally:
        con.close()
        shutil.rmtree(scratch, ignore_errors=True)
