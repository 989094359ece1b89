"""End to end over the five seeds: a real flow run, a real DuckDB file, real GX validation."""

from __future__ import annotations

import pytest

CONTRACT_COLUMNS = [
    "source_file", "region_name", "region_code", "region_level", "province", "report_year",
    "period_year", "kind", "indicator_code", "indicator_name", "measure", "value", "unit",
    "value_std", "value_std_high", "unit_std", "comparator", "is_aspirational", "sentence",
    "char_start", "char_end",
]  # fmt: skip

WANZAI, JINXIAN, BINJIANG, LILING, XINWU = (
    "000_c1689deb3e16bdc1.txt",
    "001_92548e2dbce945c9.txt",
    "002_3253a5d1212f6cf8.txt",
    "003_5bcefcfac6cb166c.txt",
    "004_7c00190a20eabef2.txt",
)


def facts(ro, source_file, code, kind, measure):
    return ro.execute(
        "SELECT value, unit, value_std, unit_std, comparator, period_year, is_aspirational "
        "FROM v_indicator_facts WHERE source_file = ? AND indicator_code = ? AND kind = ? AND measure = ?",
        [source_file, code, kind, measure],
    ).fetchall()


def test_run_reports_counts(seed_run):
    _, proc = seed_run
    assert "5 files seen, 5 loaded" in proc.stdout


def test_view_has_contract_columns(ro):
    cols = [r[0] for r in ro.execute("DESCRIBE v_indicator_facts").fetchall()]
    missing = [c for c in CONTRACT_COLUMNS if c not in cols]
    assert not missing


def test_all_seeds_loaded_with_regions(ro):
    rows = ro.execute(
        "SELECT d.source_file, r.name, r.code, r.level, r.province, d.report_year "
        "FROM dim_document d JOIN dim_region r USING (region_id) ORDER BY 1"
    ).fetchall()
    assert [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows] == [
        (WANZAI, "万载县", "360922", "county", "江西省", 2023),
        (JINXIAN, "进贤县", "360124", "county", "江西省", 2023),
        (BINJIANG, "彬江镇", None, "township", "江西省", 2023),
        (LILING, "醴陵市", "430281", "county", "湖南省", 2023),
        (XINWU, "新吴区", "320214", "county", "江苏省", 2023),
    ]


def test_wanzai_gdp_target(ro):
    assert (7.7, "%", 7.7, "%", "around", 2023, False) in facts(ro, WANZAI, "gdp", "target", "growth")


def test_liling_gdp_actual_level_and_growth(ro):
    levels = facts(ro, LILING, "gdp", "actual", "level")
    assert any(
        v == 890 and u == "亿元" and vs == pytest.approx(8.9e10) and us == "元" and y == 2022
        for v, u, vs, us, _c, y, _a in levels
    )
    assert any(v == 5.5 and y == 2022 for v, *_rest, y, _a in facts(ro, LILING, "gdp", "actual", "growth"))


def test_xinwu_new_jobs_target(ro):
    rows = facts(ro, XINWU, "new_urban_jobs", "target", "level")
    assert any(
        v == 2 and u == "万人" and vs == 20000 and us == "人" and c == "at_least" and y == 2023
        for v, u, vs, us, c, y, _a in rows
    )


def test_jinxian_gdp_actuals(ro):
    assert any(v == 375 and u == "亿元" for v, u, *_ in facts(ro, JINXIAN, "gdp", "actual", "level"))
    assert any(v == 4.5 for v, *_ in facts(ro, JINXIAN, "gdp", "actual", "growth"))


def test_traditional_seed_is_flagged_and_converted(ro):
    script, text = ro.execute(
        "SELECT script, clean_text FROM dim_document JOIN doc_text USING (document_id) WHERE source_file = ?",
        [LILING],
    ).fetchone()
    assert script == "traditional"
    assert "总的来说" in text and "總" not in text


def test_fact_offsets_point_into_clean_text(ro):
    rows = ro.execute(
        "SELECT f.sentence, f.char_start, f.char_end, t.clean_text FROM fact_indicator f "
        "JOIN doc_text t USING (document_id) WHERE f.indicator_code IS NOT NULL"
    ).fetchall()
    assert rows
    for sentence, start, end, text in rows:
        span = text[start:end]
        assert span and span in sentence, (span, sentence)


def test_no_targets_from_reviews_and_every_run_validated(ro):
    n_runs, n_dq, n_failed = ro.execute(
        "SELECT count(DISTINCT run_id), count(*), count(*) FILTER (NOT success) FROM dq_result"
    ).fetchone()
    assert n_runs == 1 and n_dq > 30 and n_failed == 0
    tables = {r[0] for r in ro.execute("SELECT DISTINCT table_name FROM dq_result").fetchall()}
    assert {"dim_region", "dim_document", "doc_text", "dim_indicator", "fact_indicator", "etl_file"} <= tables
