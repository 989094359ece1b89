"""The warehouse schema grows in place, and the views read what the newer columns say."""

from __future__ import annotations

import duckdb
import pytest

from warehouse.db import connect, create_views, init_schema


def _fact(con: duckdb.DuckDBPyConnection, **fields) -> None:
    """One GDP growth fact of 万载县; ``fields`` override or add columns."""
    row = {
        "document_id": "doc", "region_id": "360922", "indicator_code": "gdp",
        "indicator_name": "地区生产总值", "kind": "actual", "measure": "growth", "unit": "%",
        "unit_std": "%", "comparator": "point",
        "is_aspirational": False, "target_not_set": False, "period_year": 2023, "section": "review",
        "sentence": "…",
    } | fields  # fmt: skip
    row.setdefault("value_std", row["value"])
    row.setdefault("char_end", row["char_start"] + 3)
    columns, marks = ", ".join(row), ", ".join("?" * len(row))
    con.execute(f"INSERT INTO fact_indicator ({columns}) VALUES ({marks})", list(row.values()))


@pytest.fixture
def warehouse(tmp_path) -> duckdb.DuckDBPyConnection:
    con = connect(tmp_path / "w.duckdb")
    init_schema(con)
    yield con
    con.close()


def _document(con: duckdb.DuckDBPyConnection, doc: str, year: int) -> None:
    con.execute(
        "INSERT INTO dim_document (document_id, source_file, source_sha256, report_year, region_id, "
        f"script, n_chars, n_facts) VALUES ('{doc}', '{doc}.txt', repeat('a', 64), {year}, '360922', "
        "'simplified', 100, 1)"
    )


def test_a_warehouse_from_before_is_estimate_gains_the_column(warehouse):
    """A warehouse made before the flag: its facts read FALSE until their documents are parsed
    again (the rules changed with the flag, so the next run parses every document again)."""
    warehouse.execute("ALTER TABLE fact_indicator DROP COLUMN is_estimate")
    _document(warehouse, "old", 2024)
    _fact(warehouse, fact_id="old-0", document_id="old", value=5.0, char_start=1)
    init_schema(warehouse)
    create_views(warehouse)
    assert warehouse.execute("SELECT is_estimate FROM v_indicator_facts").fetchall() == [(False,)]


def test_targets_vs_actuals_prefers_a_final_figure_to_an_estimate(warehouse):
    _document(warehouse, "plan23", 2023)
    _document(warehouse, "review24", 2024)
    _fact(
        warehouse, fact_id="plan23-0", document_id="plan23", kind="target", value=6.0, comparator="around",
        is_estimate=False, section="plan", char_start=5,
    )  # fmt: skip
    # The review's first mention is the estimate (预计…5.5%); a final figure comes later.
    for i, (value, estimate, start) in enumerate([(5.5, True, 10), (5.8, False, 40)]):
        _fact(
            warehouse, fact_id=f"review24-{i}", document_id="review24", value=value, is_estimate=estimate,
            char_start=start,
        )  # fmt: skip
    create_views(warehouse)
    row = warehouse.execute(
        "SELECT target_value, actual_value, actual_is_estimate, status FROM v_targets_vs_actuals"
    ).fetchall()
    assert row == [(6.0, 5.8, False, "met")]
