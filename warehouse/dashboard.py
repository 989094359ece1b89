"""A static, offline dashboard of the warehouse (``gwr dashboard``): one HTML file, inline SVG.

Charts are drawn here in Python as SVG, so the page needs no JavaScript, no CDN and no network to
be viewed. Every drawn mark carries ``data-series`` / ``data-label`` / ``data-value`` attributes,
which the render test counts in the browser's DOM.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template

import duckdb

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1")
STATUS_COLOURS = {"met": "#59a14f", "missed": "#e15759", "no data": "#bab0ac"}
BAR_H, GAP, LABEL_W, PLOT_W = 18, 6, 190, 420
TVA_HEADERS = ("region", "level", "indicator", "measure", "year", "target", "comparator", "actual", "status")


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _fmt(value: float | None) -> str:
    if value is None:
        return "–"
    if abs(value) >= 1e8:
        return f"{value / 1e8:.4g}亿"
    if abs(value) >= 1e4:
        return f"{value / 1e4:.4g}万"
    return f"{value:.4g}"


@dataclass
class Bar:
    label: str
    values: Sequence[float | None]  # one value per series


def bar_chart(chart_id: str, bars: list[Bar], series: Sequence[str], colours: Sequence[str] = PALETTE) -> str:
    """Horizontal (grouped) bars; a missing value is drawn as a 'no data' note, not a zero."""
    if not bars:
        return '<p class="empty">No data yet.</p>'
    k = len(series)
    group_h = k * BAR_H + GAP * 2
    legend_h = 22 if k > 1 else 0
    height = legend_h + group_h * len(bars) + 4
    width = LABEL_W + PLOT_W + 70
    finite = [v for b in bars for v in b.values if v is not None]
    lo, hi = min([0.0, *finite]), max([0.0, *finite])
    span = (hi - lo) or 1.0

    def x(v: float) -> float:
        return LABEL_W + (v - lo) / span * PLOT_W

    out = [
        f'<svg class="chart" id="{_esc(chart_id)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" role="img">'
    ]
    if k > 1:
        for i, name in enumerate(series):
            lx = LABEL_W + i * 130
            out.append(
                f'<rect x="{lx}" y="4" width="12" height="12" fill="{colours[i % len(colours)]}"/>'
                f'<text x="{lx + 16}" y="14" class="legend">{_esc(name)}</text>'
            )
    out.append(f'<line x1="{x(0):.1f}" y1="{legend_h}" x2="{x(0):.1f}" y2="{height}" stroke="#999"/>')
    for gi, bar in enumerate(bars):
        top = legend_h + gi * group_h + GAP
        out.append(
            f'<text x="{LABEL_W - 6}" y="{top + k * BAR_H / 2 + 4:.1f}" text-anchor="end" '
            f'class="label">{_esc(bar.label)}</text>'
        )
        for si, value in enumerate(bar.values):
            y = top + si * BAR_H
            name = series[si]
            if value is None:
                out.append(
                    f'<text x="{x(0) + 4:.1f}" y="{y + BAR_H - 5}" class="nodata">'
                    f"{_esc(name)}: no data</text>"
                )
                continue
            x0, x1 = sorted((x(0), x(value)))
            out.append(
                f'<rect class="mark" x="{x0:.1f}" y="{y + 1}" width="{max(x1 - x0, 1):.1f}" '
                f'height="{BAR_H - 2}" fill="{colours[si % len(colours)]}" data-series="{_esc(name)}" '
                f'data-label="{_esc(bar.label)}" data-value="{value}">'
                f"<title>{_esc(bar.label)} · {_esc(name)}: {_fmt(value)}</title></rect>"
                f'<text x="{x1 + 4:.1f}" y="{y + BAR_H - 5}" class="value">{_fmt(value)}</text>'
            )
    out.append("</svg>")
    return "".join(out)


def line_chart(chart_id: str, points: list[tuple[str, float]], series: str, y_max: float = 1.0) -> str:
    """A line over ordered points (runs), y from 0 to ``y_max``, one circle per point."""
    if not points:
        return '<p class="empty">No data yet.</p>'
    width, height, left, bottom, top = LABEL_W + PLOT_W + 70, 220, 50, 40, 12
    plot_w, plot_h = width - left - 20, height - bottom - top
    n = len(points)

    def xy(i: int, v: float) -> tuple[float, float]:
        px = left + (plot_w / 2 if n == 1 else i * plot_w / (n - 1))
        return px, top + plot_h * (1 - v / y_max)

    coords = [xy(i, v) for i, (_, v) in enumerate(points)]
    d = "M " + " L ".join(f"{px:.1f} {py:.1f}" for px, py in coords)
    out = [
        f'<svg class="chart" id="{_esc(chart_id)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" role="img">'
    ]
    for frac in (0, 0.5, 1):
        _, gy = xy(0, frac * y_max)
        out.append(
            f'<line x1="{left}" y1="{gy:.1f}" x2="{left + plot_w}" y2="{gy:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{gy + 4:.1f}" text-anchor="end" class="value">{frac * y_max:.0%}</text>'
        )
    out.append(
        f'<path class="mark" d="{d}" fill="none" stroke="{PALETTE[0]}" stroke-width="2" '
        f'data-series="{_esc(series)}" data-label="all runs" data-value="{n}"/>'
    )
    for (label, value), (px, py) in zip(points, coords, strict=True):
        out.append(
            f'<circle class="mark" cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{PALETTE[0]}" '
            f'data-series="{_esc(series)}" data-label="{_esc(label)}" data-value="{value}">'
            f"<title>{_esc(label)}: {value:.1%}</title></circle>"
        )
    first, last = points[0][0], points[-1][0]
    out.append(f'<text x="{left}" y="{height - 12}" class="label">{_esc(first)}</text>')
    if n > 1:
        out.append(
            f'<text x="{left + plot_w}" y="{height - 12}" text-anchor="end" class="label">{_esc(last)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _rows(con: duckdb.DuckDBPyConnection, query: str) -> list[tuple]:
    return con.execute(query).fetchall()


def _table(headers: Sequence[str], rows: list[tuple], limit: int = 40) -> str:
    if not rows:
        return '<p class="empty">No rows.</p>'
    head = "".join(f"<th>{_esc(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{_esc('' if v is None else v)}</td>" for v in row) + "</tr>"
        for row in rows[:limit]
    )
    more = f'<p class="note">… {len(rows) - limit} more rows</p>' if len(rows) > limit else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def _counts(con: duckdb.DuckDBPyConnection, query: str) -> list[Bar]:
    return [Bar(str(label), [float(n)]) for label, n in _rows(con, query)]


def sections(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    """(title, explanation, html) for each panel of the page."""
    panels: list[tuple[str, str, str]] = []
    by = (
        "SELECT coalesce({col}, '?') AS k, count(*) FROM dim_document d "
        "LEFT JOIN dim_region r USING (region_id) GROUP BY 1 ORDER BY {order}"
    )
    panels.append(
        (
            "Documents by level",
            "Reports loaded, by level of government.",
            bar_chart(
                "docs-by-level", _counts(con, by.format(col="r.level", order="2 DESC, 1")), ["documents"]
            ),
        )
    )
    panels.append(
        (
            "Documents by province",
            "Reports loaded, by province (national reports under '?').",
            bar_chart(
                "docs-by-province",
                _counts(con, by.format(col="r.province", order="2 DESC, 1 LIMIT 40")),
                ["documents"],
            ),
        )
    )
    panels.append(
        (
            "Documents by report year",
            "Reports loaded, by the year they were delivered.",
            bar_chart(
                "docs-by-year",
                _counts(con, by.format(col="d.report_year::VARCHAR", order="1")),
                ["documents"],
            ),
        )
    )
    coverage = _rows(
        con,
        "SELECT coalesce(region_name, source_file) || ' ' || coalesce(report_year::VARCHAR, ''), "
        "n_core_indicators, n_core_actuals, n_core_targets FROM v_document_coverage "
        "ORDER BY n_core_indicators DESC, 1 LIMIT 40",
    )
    n_defined = _rows(con, "SELECT count(*) FROM dim_indicator")[0][0]
    panels.append(
        (
            "Extraction coverage",
            f"Core indicators found per document (of {n_defined} defined), all / as actuals / as targets "
            "(the 40 best covered).",
            bar_chart(
                "coverage",
                [Bar(label, [float(a), float(b), float(c)]) for label, a, b, c in coverage],
                ["core indicators", "actuals", "targets"],
            ),
        )
    )
    quarantine = _counts(
        con,
        "SELECT coalesce(reason, '?'), count(DISTINCT source_file) FROM etl_file "
        "WHERE outcome = 'quarantined' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 30",
    )
    panels.append(
        (
            "Quarantine reasons",
            "Files set aside instead of loaded, by reason (distinct files over all runs).",
            bar_chart("quarantine", quarantine, ["files"], ("#e15759",)),
        )
    )
    history = _rows(
        con,
        "SELECT strftime(started_at, '%Y-%m-%d %H:%M') || ' ' || coalesce(run_status, ''), pass_rate "
        "FROM v_dq_history ORDER BY started_at NULLS LAST, run_id",
    )
    panels.append(
        (
            "Validation pass rate over runs",
            "Share of Great Expectations results that passed, per run (from dq_result).",
            line_chart("dq-history", [(label, float(rate)) for label, rate in history], "pass rate"),
        )
    )
    tva = _rows(
        con,
        "SELECT region_name || ' ' || year, target_value, actual_value, status FROM v_targets_vs_actuals "
        "WHERE indicator_code = 'gdp' AND measure = 'growth' "
        "ORDER BY year DESC, target_value DESC, region_name LIMIT 40",
    )
    panels.append(
        (
            "GDP growth: target vs actual",
            "Target for year Y (report of Y) against the actual for Y (report of Y+1), in %. "
            "Status: met / missed / no data (rule in v_targets_vs_actuals).",
            bar_chart(
                "gdp-target-vs-actual",
                [Bar(f"{label} ({status})", [t, a]) for label, t, a, status in tva],
                ["target", "actual"],
                ("#4e79a7", "#59a14f"),
            ),
        )
    )
    status = _rows(
        con,
        "SELECT indicator_code, count(*) FILTER (WHERE status = 'met'), "
        "count(*) FILTER (WHERE status = 'missed'), count(*) FILTER (WHERE status = 'no data') "
        "FROM v_targets_vs_actuals GROUP BY 1 ORDER BY count(*) DESC, 1",
    )
    panels.append(
        (
            "Targets by outcome",
            "Targets per core indicator that were met, missed, or have no actual yet.",
            bar_chart(
                "target-status",
                [Bar(code, [float(m), float(x), float(n)]) for code, m, x, n in status],
                ["met", "missed", "no data"],
                tuple(STATUS_COLOURS.values()),
            ),
        )
    )
    terms = _counts(
        con, "SELECT term, sum(n_documents) FROM v_term_trends GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20"
    )
    panels.append(
        (
            "Policy terms",
            "Documents using each policy term (top 20 of reference/policy_terms.txt).",
            bar_chart("terms", terms, ["documents"], ("#b07aa1",)),
        )
    )
    detail = _rows(
        con,
        "SELECT region_name, region_level, indicator_code, measure, year, target_value, comparator, "
        "actual_value, status FROM v_targets_vs_actuals ORDER BY status = 'no data', year DESC, "
        "region_name, indicator_code LIMIT 200",
    )
    panels.append(
        (
            "Targets vs actuals (table)",
            "v_targets_vs_actuals, pairs with an actual first.",
            _table(
                TVA_HEADERS,
                detail,
            ),
        )
    )
    return panels


_PAGE = Template(
    """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>GWR warehouse dashboard</title>
<style>
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
  margin: 24px; color: #222; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin: 0 0 4px; }
.meta, .note, .empty { color: #666; font-size: 13px; }
section { border: 1px solid #e3e3e3; border-radius: 6px; padding: 12px 16px; margin: 0 0 16px;
  display: inline-block; vertical-align: top; }
svg text { font-size: 12px; fill: #333; } svg text.nodata { fill: #999; font-style: italic; }
table { border-collapse: collapse; font-size: 12px; }
td, th { border: 1px solid #ddd; padding: 2px 6px; text-align: left; }
</style></head>
<body>
<h1>GWR warehouse dashboard</h1>
<p class="meta">$subtitle</p>
$body
</body></html>
"""
)


def render_html(con: duckdb.DuckDBPyConnection, db_label: str) -> str:
    n_docs = _rows(con, "SELECT count(*) FROM dim_document")[0][0]
    n_facts = _rows(con, "SELECT count(*) FROM fact_indicator")[0][0]
    subtitle = (
        f"{_esc(db_label)} · {n_docs} documents · {n_facts} facts · "
        f"generated {dt.datetime.now().isoformat(timespec='seconds')}"
    )
    body = "\n".join(
        f'<section id="panel-{i}"><h2>{_esc(title)}</h2><p class="note">{_esc(note)}</p>{content}</section>'
        for i, (title, note, content) in enumerate(sections(con))
    )
    return _PAGE.substitute(subtitle=subtitle, body=body)


def write_dashboard(db_path: Path, out_dir: Path) -> Path:
    """Render the warehouse at ``db_path`` into ``out_dir/index.html`` (read-only access)."""
    from warehouse.db import connect

    con = connect(db_path, read_only=True)
    try:
        page = render_html(con, db_path.name)
    finally:
        con.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "index.html"
    target.write_text(page, encoding="utf-8")
    return target
