"""`gwr dashboard`: a static page with inline SVG charts, rendered in headless Chromium.

The warehouse is the seed run plus rows added through SQL: a 2024 万载县 document whose review
gives the 2023 GDP growth actual (so the target-vs-actual chart has both bars), and a second run
with a failed expectation and a quarantined file (so the history and quarantine charts have data).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from tests.conftest import run_gwr
from warehouse.dashboard import Bar, bar_chart, line_chart

CHART_IDS = (
    "docs-by-level",
    "docs-by-province",
    "docs-by-year",
    "coverage",
    "quarantine",
    "dq-history",
    "gdp-target-vs-actual",
    "target-status",
    "terms",
)
_MARK = re.compile(r'<(rect|path|circle) class="mark"[^>]*data-value="[^"]+"')


def _add_synthetic_rows(db: Path) -> None:
    con = duckdb.connect(str(db))
    try:
        now = dt.datetime(2026, 1, 1, 12, 0)
        con.execute(
            "INSERT INTO dim_document (document_id, source_file, source_sha256, report_year, region_id, "
            "script, n_chars, n_facts, loaded_run_id) VALUES "
            "('f0f0f0f0f0f0f0f0', 'wanzai_2024.txt', repeat('f', 64), 2024, '360922', 'simplified', "
            "100, 1, 'r-synthetic')"
        )
        con.execute(
            "INSERT INTO fact_indicator (fact_id, document_id, region_id, indicator_code, indicator_name, "
            "kind, measure, value, unit, value_std, unit_std, comparator, is_aspirational, target_not_set, "
            "is_estimate, period_year, section, sentence, char_start, char_end) VALUES "
            "('f0f0f0f0f0f0f0f0-00000', 'f0f0f0f0f0f0f0f0', '360922', 'gdp', '地区生产总值', 'actual', "
            "'growth', 7.9, '%', 7.9, '%', 'point', false, false, false, 2023, 'review', "
            "'全年地区生产总值增长7.9%。', 8, 12)"
        )
        con.execute(
            "INSERT INTO etl_run (run_id, started_at, finished_at, status, n_seen) "
            "VALUES ('r-synthetic', ?, ?, 'failed', 2)",
            [now, now],
        )
        con.execute(
            "INSERT INTO etl_file (run_id, source_file, outcome, reason) VALUES "
            "('r-synthetic', 'blank.txt', 'quarantined', 'empty')"
        )
        con.execute(
            "INSERT INTO dq_result (run_id, table_name, expectation, success, validated_at) VALUES "
            "('r-synthetic', 'fact_indicator', 'expect_column_values_to_not_be_null', true, ?), "
            "('r-synthetic', 'fact_indicator', 'expect_column_values_to_be_in_set', false, ?)",
            [now, now],
        )
    finally:
        con.close()


@pytest.fixture(scope="module")
def dashboard_page(seed_db, tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("dashboard")
    db = base / "dash.duckdb"
    shutil.copy(seed_db, db)
    _add_synthetic_rows(db)
    out = base / "out"
    proc = run_gwr(["dashboard", "--db", str(db), "--out", str(out)], base / "prefect", timeout=120)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    page = out / "index.html"
    assert page.is_file()
    return page


def test_page_is_self_contained_and_has_every_chart(dashboard_page):
    text = dashboard_page.read_text(encoding="utf-8")
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', text)  # nothing fetched from a network
    assert "<script" not in text
    for chart_id in CHART_IDS:
        assert f'id="{chart_id}"' in text, chart_id
    gdp = text[text.index('id="gdp-target-vs-actual"') :]
    gdp = gdp[: gdp.index("</svg>")]
    assert 'data-series="target" data-label="万载县 2023 (met)" data-value="7.7"' in gdp
    assert 'data-series="actual" data-label="万载县 2023 (met)" data-value="7.9"' in gdp
    history = text[text.index('id="dq-history"') :]
    assert 'data-value="0.5"' in history[: history.index("</svg>")]  # the synthetic failed run
    assert 'data-label="empty"' in text  # quarantine reason


def test_chart_helpers_draw_one_mark_per_value():
    svg = bar_chart("t", [Bar("a", [1.0, None]), Bar("b", [-2.0, 3.0])], ["x", "y"])
    assert len(_MARK.findall(svg)) == 3 and "y: no data" in svg
    assert len(_MARK.findall(line_chart("l", [("r1", 1.0), ("r2", 0.5)], "rate"))) == 3  # path + 2 points
    assert "No data yet" in bar_chart("e", [], ["x"])


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    if os.environ.get("GWR_REQUIRE_CHROMIUM") == "1":
        pytest.fail("GWR_REQUIRE_CHROMIUM=1 but no chromium on PATH (run `make browser` as root)")
    pytest.skip("chromium not installed; the render test needs it (make browser)")


_PROBE = """<script>
const marks = [...document.querySelectorAll('svg .mark')];
const drawn = marks.filter(e => { const b = e.getBBox(); return b.width > 0 || b.height > 0; });
const charts = [...document.querySelectorAll('svg.chart')].filter(s => s.getBoundingClientRect().width > 0);
document.body.setAttribute('data-marks-drawn', drawn.length);
document.body.setAttribute('data-charts-drawn', charts.length);
</script>"""


def test_renders_in_headless_chromium(dashboard_page, tmp_path):
    browser = _chromium()
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,2400"]
    flags += [f"--user-data-dir={tmp_path / 'profile'}", "--no-first-run", "--disable-extensions"]
    shot = tmp_path / "dashboard.png"
    proc = subprocess.run(
        [*flags, f"--screenshot={shot}", dashboard_page.as_uri()], capture_output=True, text=True, timeout=120
    )
    assert shot.is_file() and shot.stat().st_size > 10_000, proc.stderr[-2000:]
    print(f"dashboard screenshot: {shot}")
    # the page's DOM as the browser built it: every chart is an SVG element with its marks
    dom = subprocess.run(
        [*flags, "--dump-dom", dashboard_page.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    assert len(_MARK.findall(dom)) > 20
    assert all(f'id="{c}"' in dom for c in CHART_IDS)
    # a probe copy measures the marks' laid-out boxes: drawn, not just present in the markup
    probe = dashboard_page.with_name("probe.html")
    probe.write_text(dashboard_page.read_text(encoding="utf-8").replace("</body>", _PROBE + "</body>"))
    dom = subprocess.run(
        [*flags, "--dump-dom", probe.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    probe.unlink()
    drawn = re.search(r'data-marks-drawn="(\d+)"', dom)
    charts = re.search(r'data-charts-drawn="(\d+)"', dom)
    assert drawn and int(drawn.group(1)) > 20, dom[:500]
    assert charts and int(charts.group(1)) == len(CHART_IDS)
