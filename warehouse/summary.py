"""A plain-language account of what the warehouse holds (``gwr summary``)."""

from __future__ import annotations

import duckdb

_QUERIES = {
    "documents": "SELECT count(*) FROM dim_document",
    "regions with reports": "SELECT count(DISTINCT region_id) FROM dim_document",
    "report years": "SELECT coalesce(min(report_year)::VARCHAR || '–' || max(report_year)::VARCHAR, '-') "
    "FROM dim_document",
    "facts": "SELECT count(*) FROM fact_indicator",
    "core-indicator facts": "SELECT count(*) FROM fact_indicator WHERE indicator_code IS NOT NULL",
    "runs": "SELECT count(*) FROM etl_run",
    "last run": "SELECT coalesce(arg_max(run_id, started_at) || ' (' "
    "|| arg_max(status, started_at) || ')', '-') "
    "FROM etl_run",
    "quarantined files (last run)": "SELECT count(*) FROM etl_file WHERE outcome = 'quarantined' "
    "AND run_id = (SELECT arg_max(run_id, started_at) FROM etl_run)",
}


def summary_text(con: duckdb.DuckDBPyConnection) -> str:
    lines = []
    for label, query in _QUERIES.items():
        lines.append(f"{label:>30}: {con.execute(query).fetchone()[0]}")
    lines.append("")
    lines.append("documents by level:")
    for level, n in con.execute(
        "SELECT coalesce(r.level, '?'), count(*) FROM dim_document d "
        "LEFT JOIN dim_region r USING (region_id) GROUP BY 1 ORDER BY 2 DESC"
    ).fetchall():
        lines.append(f"{level:>30}: {n}")
    lines.append("")
    lines.append("core facts by indicator:")
    for code, n in con.execute(
        "SELECT indicator_code, count(*) FROM fact_indicator WHERE indicator_code IS NOT NULL "
        "GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall():
        lines.append(f"{code:>30}: {n}")
    return "\n".join(lines)
