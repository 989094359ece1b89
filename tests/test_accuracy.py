"""Accuracy against the hand-annotated gold set (tests/gold/): the bar is precision 0.95 and
recall 0.90 on the core indicators, comparator accuracy 0.90; documents land in the right region
and year."""

from __future__ import annotations

import pytest

from tests.accuracy import gold_files, load, parsed, report, score_all

PRECISION_BAR, RECALL_BAR, COMPARATOR_BAR = 0.95, 0.90, 0.90


def test_core_indicator_precision_and_recall(capsys):
    totals = score_all()
    with capsys.disabled():
        print("\n" + report(totals))
    assert totals.precision >= PRECISION_BAR, report(totals)
    assert totals.recall >= RECALL_BAR, report(totals)
    assert totals.comparator_accuracy >= COMPARATOR_BAR, report(totals)


def test_gold_covers_every_level_and_encoding():
    golds = [load(p) for p in gold_files()]
    assert {g["expect"]["region_level"] for g in golds} >= {
        "national",
        "province",
        "prefecture",
        "county",
        "township",
    }
    assert {g["encoding"] for g in golds} >= {"utf-8", "gb18030", "big5", "utf-16"}


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_document_region_year_and_encoding(path):
    gold, doc = load(path), parsed(path)
    region = doc.region.region
    want = gold["expect"]
    assert region is not None
    got = {
        "region_name": region.name,
        "region_code": region.code,
        "region_level": region.level,
        "province": region.province,
        "report_year": doc.meta.report_year,
    }
    assert got == want
    assert doc.encoding == gold["encoding"]


@pytest.mark.parametrize("path", [p for p in gold_files() if load(p).get("not_set")], ids=lambda p: p.stem)
def test_targets_declared_not_set_are_recorded(path):
    doc = parsed(path)
    recorded = {f.indicator_code for f in doc.facts if f.target_not_set}
    assert set(load(path)["not_set"]) <= recorded
    assert all(f.value is None and f.kind == "target" for f in doc.facts if f.target_not_set)
