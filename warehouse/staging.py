"""Write-audit-publish, step one: a private staging database per run.

Batches are appended here as they are parsed, the suites validate what is here, and only then does
publish copy it into the warehouse in one transaction. The published file is never touched before
validation passes, so a failed or killed run leaves it exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa

from warehouse.db import duckdb_config, init_schema

QUARANTINE_DDL = """
CREATE TABLE IF NOT EXISTS stg_quarantine (
    source_file VARCHAR, source_sha256 VARCHAR, size_bytes BIGINT, reason VARCHAR
)"""

# Validation reads light projections: long texts are checked by length, not copied to pandas.
# Foreign keys are looked up here: <column>_ref holds the parent key found, NULL when it dangles.
# known_region is registered by validation_frames: staged regions plus those already published.
VALIDATION_QUERIES = {
    "dim_region": "SELECT * FROM dim_region",
    "dim_document": """
        SELECT d.*, k.region_id AS region_id_ref
        FROM dim_document d LEFT JOIN known_region k ON k.region_id = d.region_id""",
    "doc_text": """
        SELECT t.document_id, length(t.clean_text) AS clean_text_chars, d.document_id AS document_id_ref
        FROM doc_text t LEFT JOIN dim_document d ON d.document_id = t.document_id""",
    "fact_indicator": """
        SELECT f.* EXCLUDE (sentence), length(f.sentence) AS sentence_chars,
               d.document_id AS document_id_ref, k.region_id AS region_id_ref
        FROM fact_indicator f
        LEFT JOIN dim_document d ON d.document_id = f.document_id
        LEFT JOIN known_region k ON k.region_id = f.region_id""",
    "fact_term": """
        SELECT t.*, d.document_id AS document_id_ref
        FROM fact_term t LEFT JOIN dim_document d ON d.document_id = t.document_id""",
}

_APPEND = {
    # regions repeat across batches (every county report adds its province)
    "dim_region": "INSERT OR IGNORE INTO dim_region BY NAME SELECT * FROM batch",
    "dim_document": "INSERT INTO dim_document BY NAME SELECT * FROM batch",
    "doc_text": "INSERT INTO doc_text BY NAME SELECT * FROM batch",
    "fact_indicator": "INSERT INTO fact_indicator BY NAME SELECT * FROM batch",
    "fact_term": "INSERT INTO fact_term BY NAME SELECT * FROM batch",
    "stg_quarantine": "INSERT INTO stg_quarantine BY NAME SELECT * FROM batch",
}


def validation_frame(path: Path, table: str, published_regions: set[str]) -> pa.Table:
    """One staged table as its suite sees it, read from the closed staging file (the validator is
    another process). One table per connection, as Arrow (one copy, no intermediate frame): the
    validator holds one table at a time, never the whole run."""
    con = duckdb.connect(str(path), read_only=True, config=duckdb_config())
    try:
        staged = {r for (r,) in con.execute("SELECT region_id FROM dim_region").fetchall()}
        known = pa.table({"region_id": pa.array(sorted(staged | published_regions), pa.string())})
        con.register("known_region", known)
        result = con.execute(VALIDATION_QUERIES[table]).arrow()
        return result.read_all() if isinstance(result, pa.RecordBatchReader) else result
    finally:
        con.close()


class Staging:
    con: duckdb.DuckDBPyConnection | None

    def __init__(self, path: Path) -> None:
        self.path = path
        for stale in (path, path.with_name(path.name + ".wal")):
            stale.unlink(missing_ok=True)  # left by a killed run
        # Appends only: a small buffer pool is enough (blocks are written out as they fill), and
        # it is memory the flow process would otherwise keep for the rest of the run.
        self.con = duckdb.connect(str(path), config=duckdb_config(default_limit="128MB"))
        init_schema(self.con)
        self.con.execute(QUARANTINE_DDL)

    def append(self, table: str, frame: pl.DataFrame) -> None:
        if frame.is_empty():
            return
        self.con.register("batch", frame.to_arrow())
        try:
            self.con.execute(_APPEND[table])
        finally:
            self.con.unregister("batch")

    def count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def frame(self, query: str) -> pl.DataFrame:
        return self.con.execute(query).pl()

    def close(self) -> None:
        if self.con is None:
            return
        self.con.execute("CHECKPOINT")
        self.con.close()
        self.con = None

    def remove(self) -> None:
        for leftover in (self.path, self.path.with_name(self.path.name + ".wal")):
            leftover.unlink(missing_ok=True)
