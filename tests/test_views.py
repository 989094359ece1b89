"""Analyst views on a real run: the five seeds plus a synthetic 2024 report for 万载县.

The 2024 report's review states 2023 actuals, so the 2023 targets of the seed report (万载县,
samples/000) can be judged: met, missed, and 'around' within tolerance.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from expectations.offline_docs import remote_references
from flows.settings import data_docs_dir
from tests.conftest import SAMPLES, run_gwr
from transforms.terms import (
    blocks_with_terms,
    count_terms,
    count_terms_many,
    vocabulary,
)

WANZAI_2024 = """万载县2024年政府工作报告
——2024年1月10日在万载县第十八届人民代表大会第四次会议上
万载县人民政府县长

各位代表:
现在,我代表县人民政府向大会报告工作,请予审议,并请县政协委员和其他列席人员提出意见。

一、2023年工作回顾
2023年,面对复杂严峻的外部环境,全县上下坚持以高质量发展为主线,经济运行稳中向好。全年地区生产总值增长7.9%;规模以上工业增加值增长9.5%;固定资产投资增长8%;社会消费品零售总额增长6%;一般公共预算收入增长7.2%。
我们深入实施乡村振兴战略,持续优化营商环境,大力发展数字经济,乡村振兴取得新成效。

二、2024年工作安排
2024年全县经济社会发展的主要预期目标是:地区生产总值增长6.5%左右,规上工业增加值增长8%以上,固定资产投资增长6%以上。
我们将坚持高质量发展,培育新质生产力,推动乡村振兴和共同富裕。
"""


@pytest.fixture(scope="module")
def two_year_run(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("views")
    src = base / "src"
    src.mkdir()
    for f in SAMPLES.glob("*.txt"):
        shutil.copy(f, src / f.name)
    (src / "wanzai_2024.txt").write_text(WANZAI_2024, encoding="utf-8")
    db = base / "views.duckdb"
    proc = run_gwr(["run", "--source", str(src), "--db", str(db)], base / "prefect")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return db


@pytest.fixture(scope="module")
def two_year_db(two_year_run) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(two_year_run), read_only=True)
    yield con
    con.close()


def _status(con, indicator: str) -> tuple:
    return con.execute(
        "SELECT target_value, comparator, actual_value, status FROM v_targets_vs_actuals "
        "WHERE region_name = '万载县' AND year = 2023 AND indicator_code = ? AND measure = 'growth'",
        [indicator],
    ).fetchone()


def test_targets_vs_actuals_met_missed_and_tolerance(two_year_db):
    assert _status(two_year_db, "gdp") == (7.7, "around", 7.9, "met")
    assert _status(two_year_db, "industrial_value_added") == (9.0, "at_least", 9.5, "met")
    assert _status(two_year_db, "fixed_asset_investment") == (10.0, "at_least", 8.0, "missed")
    assert _status(two_year_db, "retail_sales") == (9.2, "around", 6.0, "missed")
    # 'around' 7.5 with an actual of 7.2: within 0.5 percentage points counts as met
    assert _status(two_year_db, "general_budget_revenue") == (7.5, "around", 7.2, "met")


def test_targets_without_actual_are_no_data(two_year_db):
    rows = two_year_db.execute(
        "SELECT region_name, year, status FROM v_targets_vs_actuals WHERE indicator_code = 'gdp' "
        "AND measure = 'growth' ORDER BY region_name, year"
    ).fetchall()
    assert ("万载县", 2024, "no data") in rows  # its actual comes with the 2025 report
    assert ("醴陵市", 2023, "no data") in rows
    assert {s for _, _, s in rows} <= {"met", "missed", "no data"}


def test_region_coverage(two_year_db):
    row = two_year_db.execute(
        "SELECT n_documents, first_year, last_year, report_years, region_level, province "
        "FROM v_region_coverage WHERE region_name = '万载县'"
    ).fetchone()
    assert row == (2, 2023, 2024, "2023,2024", "county", "江西省")
    n = two_year_db.execute("SELECT count(*) FROM v_region_coverage").fetchone()[0]
    assert n == 5


def test_fact_term_and_trends(two_year_db):
    terms = dict(
        two_year_db.execute(
            "SELECT t.term, t.n FROM fact_term t JOIN dim_document d USING (document_id) "
            "WHERE d.source_file = 'wanzai_2024.txt'"
        ).fetchall()
    )
    assert terms["乡村振兴"] == 3
    assert terms["高质量发展"] == 2
    assert terms["新质生产力"] == 1 and terms["共同富裕"] == 1
    top = two_year_db.execute(
        "SELECT top_terms FROM v_document_top_terms WHERE source_file = 'wanzai_2024.txt'"
    ).fetchone()[0]
    assert top.startswith("乡村振兴(3) 高质量发展(2)")
    trend = two_year_db.execute(
        "SELECT n_documents, n_documents_total FROM v_term_trends "
        "WHERE report_year = 2024 AND region_level = 'county' AND term = '新质生产力'"
    ).fetchone()
    assert trend == (1, 1)
    assert (
        two_year_db.execute("SELECT count(*) FROM v_term_trends WHERE report_year = 2023").fetchone()[0] > 10
    )


def test_dq_history_and_term_suite(two_year_db):
    rate, n = two_year_db.execute("SELECT pass_rate, n_expectations FROM v_dq_history").fetchone()
    assert rate == 1.0
    n_term = two_year_db.execute("SELECT count(*) FROM dq_result WHERE table_name = 'fact_term'").fetchone()[
        0
    ]
    assert 0 < n_term < n


def test_count_terms_longest_word_wins():
    text = "发展新能源汽车和储能。\n没有词的段落。\n推进新能源汽车、新能源项目。"
    counts = {t.term: (t.n, t.rank) for t in count_terms(text)}
    assert counts == {"新能源汽车": (2, 1), "储能": (1, 2), "新能源": (1, 3)}
    assert "高质量发展" in vocabulary() and len(vocabulary()) >= 80


def test_the_blocks_jieba_sees_are_the_whole_blocks_holding_a_term():
    """The batch scan (Polars) against the definition: jieba's blocks that contain a term."""
    texts = [
        "发展新能源汽车和储能。没有词。abc新质生产力2024年、乡村振兴战略\n新型城镇化x1",
        "没有任何词的文本。",
        "",
        "推进共同富裕共同富裕，（高质量发展）新能源+储能 %乡村振兴%",
    ]
    block = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
    expected = [[b for b in block.findall(t) if any(w in b for w in vocabulary())] for t in texts]
    assert blocks_with_terms(texts) == expected
    assert expected[0] == ["发展新能源汽车和储能", "abc新质生产力2024年", "乡村振兴战略", "新型城镇化x1"]
    assert [t.term for t in count_terms_many(texts)[3]] == [
        "共同富裕",
        "乡村振兴",
        "储能",
        "新能源",
        "高质量发展",
    ]


def test_data_docs_built_beside_the_db_and_offline(two_year_run):
    docs = data_docs_dir(two_year_run)
    assert docs == two_year_run.parent / "views_data_docs"
    index = docs / "index.html"
    assert index.is_file()
    pages = list(docs.rglob("*.html"))
    assert len(pages) >= 14  # a suite page and a validation page per table
    assert all(remote_references(p.read_text(encoding="utf-8")) == 0 for p in pages)
    text = index.read_text(encoding="utf-8")
    assert 'id="gwr-offline-index"' in text
    for link in re.findall(r'href="((?:validations|expectations)/[^"]+)"', text):
        assert (docs / link).is_file(), link
    assert "validations/fact_term_suite/" in text and "expectations/fact_term_suite.html" in text


def test_policy_vocabulary_and_indicator_lexicon_share_no_substring():
    """They share one jieba tokenizer: a word of one list inside a word of the other would hide it."""
    from transforms.indicators import _term_codes
    from transforms.terms import vocabulary

    lexicon, vocab = set(_term_codes()), set(vocabulary())
    assert not [(v, t) for v in vocab for t in lexicon if t in v or v in t]
