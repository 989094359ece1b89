"""Accuracy against the hand-annotated gold set (tests/gold/): the bar is precision 0.95 and
recall 0.90 on the core indicators, comparator accuracy 0.90, period label accuracy 0.95; every
gold document lands in the right region, level and year with the right encoding; targets
declared not set are recorded.
The gold files themselves are checked first, so a typo in the gold cannot pass as an extractor bug."""

from __future__ import annotations

import pytest

from tests.accuracy import (
    CORE_CODES,
    FLAGS,
    GOLD_DIR,
    gold_files,
    load,
    parsed,
    report,
    same_value,
    score_all,
    source_path,
)
from transforms.models import COMPARATORS, KINDS, LEVELS, MEASURES

PRECISION_BAR, RECALL_BAR, COMPARATOR_BAR = 0.95, 0.90, 0.90
# The period label decides whether a figure is a year's (v_targets_vs_actuals takes only those).
LABEL_BAR = 0.95
FLAG_BAR = 0.90  # precision and recall of each flag (is_aspirational, is_estimate) over matched facts

# Multipliers of the written units the gold uses: value * multiplier = value_std in unit_std.
UNITS = {
    "%": (1, "%"),
    "元": (1, "元"),
    "万元": (1e4, "元"),
    "亿元": (1e8, "元"),
    "万亿元": (1e12, "元"),
    "万美元": (1e4, "美元"),
    "亿美元": (1e8, "美元"),
    "人": (1, "人"),
    "万人": (1e4, "人"),
    "吨": (1, "吨"),
    "万吨": (1e4, "吨"),
    "亿吨": (1e8, "吨"),
    "亿斤": (1e8, "斤"),
    "万亿斤": (1e12, "斤"),
    "兆元": (1e12, "元"),  # Taiwan's and Hong Kong's 兆 for 万亿
    "兆斤": (1e12, "斤"),
    "亿": (1e8, "元"),  # 社零实现31.6亿: a money indicator's level written without its base
}
FACT_KEYS = {
    "indicator_code",
    "kind",
    "measure",
    "period_year",
    "period_label",
    "value",
    "unit",
    "value_std",
    "value_std_high",
    "unit_std",
    "comparator",
    "is_aspirational",
    "is_estimate",
}


def test_core_indicator_precision_and_recall(capsys):
    totals = score_all()
    with capsys.disabled():
        print("\n" + report(totals))
    assert totals.precision >= PRECISION_BAR, report(totals)
    assert totals.recall >= RECALL_BAR, report(totals)
    assert totals.comparator_accuracy >= COMPARATOR_BAR, report(totals)
    assert totals.label_accuracy >= LABEL_BAR, report(totals)
    for flag in FLAGS:
        assert totals.flag_precision(flag) >= FLAG_BAR, report(totals)
        assert totals.flag_recall(flag) >= FLAG_BAR, report(totals)


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path):
    gold = load(path)
    assert source_path(path).is_file()
    assert gold["expect"]["region_level"] in LEVELS
    year = gold["expect"]["report_year"]
    for fact in gold["facts"]:
        assert set(fact) == FACT_KEYS, fact
        assert fact["indicator_code"] in CORE_CODES, fact
        assert fact["kind"] in KINDS and fact["measure"] in MEASURES, fact
        assert fact["comparator"] in COMPARATORS, fact
        if fact["kind"] == "actual":
            assert fact["period_year"] < year, fact
        else:  # or last year's, recalled in the review (实现了年初提出的5%左右的预期目标)
            assert fact["period_year"] >= year - 1, fact
        multiplier, unit_std = UNITS[fact["unit"]]
        assert fact["unit_std"] == unit_std, fact
        assert same_value(float(fact["value"]) * multiplier, float(fact["value_std"])), fact
        if fact["measure"] == "growth":
            assert fact["unit"] == "%", fact
        assert (fact["comparator"] == "range") == (fact["value_std_high"] is not None), fact
        if fact["value_std_high"] is not None:
            assert float(fact["value_std_high"]) > float(fact["value_std"]), fact
    assert set(gold.get("not_set") or []) <= CORE_CODES
    if gold.get("no_targets"):
        assert not [f for f in gold["facts"] if f["kind"] == "target"]


def test_gold_covers_every_level_encoding_and_case():
    golds = [load(p) for p in gold_files()]
    assert {g["expect"]["region_level"] for g in golds} >= set(LEVELS)
    assert {g["encoding"] for g in golds} >= {"utf-8", "gb18030", "big5", "utf-16"}
    facts = [f for g in golds for f in g["facts"]]
    assert {f["comparator"] for f in facts} == set(COMPARATORS)
    assert any(f["is_aspirational"] for f in facts) and any(f["is_estimate"] for f in facts)
    assert any(f["measure"] == "growth" and float(f["value_std"]) < 0 for f in facts)
    assert any(f["kind"] == "target" and f["period_year"] >= 2035 for f in facts)
    assert any(f["period_label"] for f in facts)
    assert any(g.get("not_set") for g in golds) and any(g.get("no_targets") for g in golds)
    reports = sorted((GOLD_DIR / "reports").iterdir())
    assert len(reports) >= 8
    for report_file in reports:
        assert 1500 <= report_file.stat().st_size <= 25_000, report_file.name  # a report, not a corpus


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_document_region_year_and_encoding(path):
    gold, doc = load(path), parsed(path)
    region = doc.region.region
    assert region is not None
    got = {
        "region_name": region.name,
        "region_code": region.code,
        "region_level": region.level,
        "province": region.province,
        "report_year": doc.meta.report_year,
    }
    assert got == gold["expect"]
    assert doc.encoding == gold["encoding"]


@pytest.mark.parametrize("path", [p for p in gold_files() if load(p).get("not_set")], ids=lambda p: p.stem)
def test_targets_declared_not_set_are_recorded(path):
    doc = parsed(path)
    not_set = [f for f in doc.facts if f.target_not_set]
    assert set(load(path)["not_set"]) <= {f.indicator_code for f in not_set}
    for f in not_set:
        assert f.kind == "target" and f.value is None and f.value_std is None and f.comparator is None, f
