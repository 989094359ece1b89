"""`gwr query` opens the warehouse read-only and refuses anything that writes, reads or writes
files, attaches databases or loads extensions; readable output formats work."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_gwr


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM dim_document",
        "DROP TABLE fact_indicator",
        "CREATE TABLE x AS SELECT 1",
        "UPDATE dim_region SET name = 'x'",
        "COPY dim_document TO 'leak.csv'",
        "SELECT * FROM read_csv('/etc/passwd')",
        "ATTACH 'other.duckdb' AS o",
        "SET enable_external_access = true",
        "INSTALL httpfs",
    ],
)
def test_writes_and_file_access_are_refused(seed_db, tmp_path, sql):
    before = seed_db.stat().st_mtime_ns
    proc = run_gwr(["query", "--db", str(seed_db), sql], tmp_path)
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert "refused" in proc.stderr and "read-only" in proc.stderr
    assert seed_db.stat().st_mtime_ns == before
    assert not (tmp_path / "leak.csv").exists()


def test_query_formats(seed_db, tmp_path):
    sql = "SELECT region_name, value FROM v_indicator_facts WHERE indicator_code = 'gdp' ORDER BY 1, 2"
    table = run_gwr(["query", "--db", str(seed_db), sql], tmp_path)
    assert table.returncode == 0 and "醴陵市" in table.stdout
    as_json = run_gwr(["query", "--db", str(seed_db), "-f", "json", sql], tmp_path)
    rows = json.loads(as_json.stdout)
    assert {"region_name": "醴陵市", "value": 890.0} in rows
    out = tmp_path / "gdp.parquet"
    pq = run_gwr(["query", "--db", str(seed_db), "-f", "parquet", "--out", str(out), sql], tmp_path)
    assert pq.returncode == 0 and out.stat().st_size > 0
    bad = run_gwr(["query", "--db", str(seed_db), "SELEC 1"], tmp_path)
    assert bad.returncode == 2 and "syntax error" in bad.stderr
