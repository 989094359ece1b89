"""Write-audit-publish, step one: a private staging database per run.

Batches are appended here as they are parsed, the suites validate what is here, and only then does
publish copy it into the warehouse in one transaction. The published file is never touched before
validation passes, so a failed or killed run leaves it exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from warehouse.db import duckdb_config, init_schema

QUARANTINE_DDL = """
CREATE TABLE IF NOT EXISTS stg_quarantine (
    source_file VARCHAR, source_sha256 VARCHAR, size_bytes BIGINT, reason VARCHAR
)"""

# Validation reads light projections: long texts are checked by length, not copied to pandas.
VALIDATION_QUERIES = {
    "dim_region": "SELECT * FROM dim_region",
    "dim_document": "SELECT * FROM dim_document",
    "doc_text": "SELECT document_id, length(clean_text) AS clean_text_chars FROM doc_text",
    "fact_indicator": ("SELECT * EXCLUDE (sentence), length(sentence) AS sentence_chars FROM fact_indicator"),
    "fact_term": "SELECT * FROM fact_term",
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


class Staging:
    def __init__(self, path: Path) -> None:
        self.path = path
        for stale in (path, path.with_name(path.name + ".wal")):
            stale.unlink(missing_ok=True)  # left by a killed run
        self.con = duckdb.connect(str(path), config=duckdb_config())
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

    def validation_frames(self) -> dict[str, pl.DataFrame]:
        return {table: self.frame(q) for table, q in VALIDATION_QUERIES.items()}

    def close(self) -> None:
        self.con.execute("CHECKPOINT")
        self.con.close()

    def remove(self) -> None:
        for leftover in (self.path, self.path.with_name(self.path.name + ".wal")):
            leftover.unlink(missing_ok=True)
