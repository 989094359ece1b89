"""Publishing at corpus scale: the fact tables carry no key index, and their keys are still checked.

DuckDB holds a key's index (ART) in memory, and the uncommitted rows of a transaction get an index
of their own. With a PRIMARY KEY on fact_id, one run of 20,000 reports (2.9 million facts) failed
its COMMIT at the run's 256 MB limit ("failed to pin block"). These tests run the same failure at a
smaller scale: 800,000 facts under 64 MB, which the keyed schema fails.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from transforms.frames import TABLE_SCHEMAS
from transforms.indicators import dim_indicator_rows
from warehouse.db import UNINDEXED_KEYS, connect, init_schema, sql
from warehouse.publish import (
    DQ_SCHEMA,
    ETL_FILE_SCHEMA,
    KeyAlreadyPublished,
    Publication,
    RunSummary,
)
from warehouse.staging import write_batch


def _conform(frame: pl.DataFrame, table: str) -> pl.DataFrame:
    """The frame with every column of the table, in order (NULL where it has none)."""
    schema = TABLE_SCHEMAS[table]
    return frame.select(
        [pl.col(c).cast(t) if c in frame.columns else pl.lit(None, t).alias(c) for c, t in schema.items()]
    )


def _batch(docs: list[str], facts_per_doc: int, fact_ids: list[str] | None = None) -> dict[str, pl.DataFrame]:
    """A parsed batch as the parse workers stage it: one county's documents, each with
    ``facts_per_doc`` GDP growth facts and one policy term."""
    n = len(docs)
    fact_docs = [d for d in docs for _ in range(facts_per_doc)]
    region = pl.DataFrame(
        {"region_id": ["360922"], "name": ["万载县"], "code": ["360922"], "level": ["county"]}
    )
    documents = pl.DataFrame(
        {
            "document_id": docs,
            "source_file": [f"{d}.txt" for d in docs],
            "source_sha256": [d.ljust(64, "0") for d in docs],
            "report_year": [2024] * n,
            "region_id": ["360922"] * n,
            "script": ["simplified"] * n,
            "n_chars": [100] * n,
            "n_facts": [facts_per_doc] * n,
            "parser_version": ["test"] * n,
        }
    )
    facts = pl.DataFrame({"document_id": fact_docs}).with_columns(
        fact_id=pl.Series(fact_ids or [f"{d}-{i:05d}" for d in docs for i in range(facts_per_doc)]),
        region_id=pl.lit("360922"),
        indicator_code=pl.lit("gdp"),
        indicator_name=pl.lit("地区生产总值"),
        kind=pl.lit("actual"),
        measure=pl.lit("growth"),
        value=pl.lit(5.0),
        is_aspirational=pl.lit(False),
        target_not_set=pl.lit(False),
        is_estimate=pl.lit(False),
        sentence=pl.lit("地区生产总值增长5%"),
        char_start=pl.lit(0),
        char_end=pl.lit(9),
    )
    terms = pl.DataFrame(
        {"document_id": docs, "term": ["新质生产力"] * n, "n": [1] * n, "term_rank": [1] * n}
    )
    return {
        "dim_region": _conform(region, "dim_region"),
        "dim_document": _conform(documents, "dim_document"),
        "doc_text": _conform(pl.DataFrame({"document_id": docs, "clean_text": ["……"] * n}), "doc_text"),
        "fact_indicator": _conform(facts, "fact_indicator"),
        "fact_term": _conform(terms, "fact_term"),
    }


def _publish(db: Path, staging: Path) -> None:
    publication = Publication(db, staging, pl.DataFrame(dim_indicator_rows()))
    try:
        publication.load()
        summary = RunSummary("run", "succeeded", 0, 0, 0, 0, 0, 0, 0)
        publication.commit(summary, pl.DataFrame(schema=ETL_FILE_SCHEMA), pl.DataFrame(schema=DQ_SCHEMA))
    finally:
        publication.abort()


def _count(db: Path, table: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_a_run_of_800_000_facts_publishes_in_64_mb(tmp_path, monkeypatch):
    monkeypatch.setenv("GWR_DUCKDB_MEMORY", "64MB")
    staging = tmp_path / "staging"
    for b in range(10):  # batches as the parse workers write them
        write_batch(staging, f"b{b}", _batch([f"{b:04x}{i:012x}" for i in range(800)], 100))
    _publish(tmp_path / "w.duckdb", staging)
    assert _count(tmp_path / "w.duckdb", "fact_indicator") == 800_000


def test_a_warehouse_with_keyed_fact_tables_loses_the_keys_and_keeps_its_rows(tmp_path):
    # The schema as it was: fact_id and (document_id, term) as primary keys.
    schema = sql("schema.sql")
    keyed_schema = schema.replace("fact_id         VARCHAR NOT NULL,", "fact_id         VARCHAR PRIMARY KEY,")
    keyed_schema = keyed_schema.replace(
        "per_10k_chars DOUBLE ", "per_10k_chars DOUBLE, PRIMARY KEY (document_id, term) "
    )
    assert keyed_schema.count("PRIMARY KEY") == schema.count("PRIMARY KEY") + 2
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute(keyed_schema)
    con.execute("INSERT INTO fact_term VALUES ('doc', '新质生产力', 2, 1, 0.5)")
    con.close()

    con = connect(db)
    try:
        init_schema(con)
        keyed = con.execute(
            "SELECT table_name FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
        ).fetchall()
        assert not {t for (t,) in keyed} & set(UNINDEXED_KEYS)
        assert {"dim_document", "doc_text"} <= {t for (t,) in keyed}  # per-document keys stay
        assert con.execute("SELECT document_id, term, n FROM fact_term").fetchall() == [
            ("doc", "新质生产力", 2)
        ]
        init_schema(con)  # a second time: nothing left to do
    finally:
        con.close()


@pytest.mark.parametrize("table", ["fact_indicator", "fact_term"])
def test_a_key_that_is_already_published_fails_the_publish_and_changes_nothing(tmp_path, table):
    db = tmp_path / "w.duckdb"
    write_batch(tmp_path / "first", "b", _batch(["aaaa000000000001"], 3))
    _publish(db, tmp_path / "first")

    # A second document whose rows carry keys of the first one's (an id bug, say).
    if table == "fact_indicator":  # all three fact ids
        second = _batch(["bbbb000000000002"], 3, fact_ids=[f"aaaa000000000001-{i:05d}" for i in range(3)])
        clashes = 3
    else:  # its one term row
        second = _batch(["bbbb000000000002"], 3)
        second["fact_term"] = second["fact_term"].with_columns(document_id=pl.lit("aaaa000000000001"))
        clashes = 1
    write_batch(tmp_path / "second", "b", second)
    with pytest.raises(KeyAlreadyPublished, match=f"^{clashes} staged {table} rows"):
        _publish(db, tmp_path / "second")
    assert _count(db, "dim_document") == 1
    assert _count(db, "fact_indicator") == 3


def test_the_load_gives_the_connection_back_its_threads(tmp_path):
    """The copies run on one thread (beside validation); the commit and its checkpoint, and a
    large warehouse's deletes of replaced documents, keep every core."""
    staging = tmp_path / "staging"
    write_batch(staging, "b0", _batch(["doc-a", "doc-b"], 3))
    default = duckdb.connect().execute("SELECT current_setting('threads')").fetchone()[0]
    publication = Publication(tmp_path / "w.duckdb", staging, pl.DataFrame(dim_indicator_rows()))
    try:
        publication.load()
        con = publication._con
        assert con is not None
        assert con.execute("SELECT count(*) FROM fact_indicator").fetchone()[0] == 6
        assert con.execute("SELECT current_setting('threads')").fetchone()[0] == default
    finally:
        publication.abort()
