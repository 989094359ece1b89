"""The data contracts reject what they should, and say which expectation failed on what."""

from __future__ import annotations

import polars as pl

from expectations.suites import KeySets
from expectations.validate import validate_tables
from transforms.frames import FACT_SCHEMA


def fact_row(**overrides):
    row = {
        "fact_id": "abc-00000", "document_id": "abc", "region_id": "360922", "indicator_code": "gdp",
        "indicator_name": "地区生产总值", "kind": "target", "measure": "growth", "value": 7.7, "unit": "%",
        "value_std": 7.7, "value_std_high": None, "unit_std": "%", "comparator": "around",
        "is_aspirational": False, "target_not_set": False, "period_year": 2023, "period_label": None,
        "section": "plan", "sentence": "地区生产总值增长7.7%左右", "char_start": 10, "char_end": 18,
    }  # fmt: skip
    row.update(overrides)
    return row


KEYS = KeySets(indicator_codes={"gdp"})
DOCUMENTS, REGIONS = {"abc"}, {"360922"}


def _lookup(column: str, known: set[str]) -> pl.Expr:
    """What the validation query's LEFT JOIN yields: the key when its parent exists, else NULL."""
    return pl.when(pl.col(column).is_in(list(known))).then(pl.col(column)).alias(f"{column}_ref")


def frame(rows):
    df = pl.DataFrame(rows, schema=FACT_SCHEMA)
    return df.with_columns(
        sentence_chars=pl.col("sentence").str.len_chars(),
        document_id_ref=_lookup("document_id", DOCUMENTS),
        region_id_ref=_lookup("region_id", REGIONS),
    ).drop("sentence")


def test_valid_facts_pass():
    outcome = validate_tables({"fact_indicator": frame([fact_row()])}, KEYS, "r1")
    assert outcome.success, outcome.describe_failures()
    assert all(r["run_id"] == "r1" and r["table_name"] == "fact_indicator" for r in outcome.rows)


def test_bad_enum_and_dangling_keys_fail_with_names():
    rows = [
        fact_row(),
        fact_row(fact_id="abc-00001", kind="forecast"),
        fact_row(fact_id="abc-00002", document_id="nope", char_end=5),
        fact_row(fact_id="abc-00003", measure="growth", value_std=5000.0),
    ]
    outcome = validate_tables({"fact_indicator": frame(rows)}, KEYS, "r2")
    assert not outcome.success
    failed = {(r["expectation"], r["column_name"]) for r in outcome.failures}
    assert ("expect_column_values_to_be_in_set", "kind") in failed
    assert ("expect_column_pair_values_to_be_equal", "document_id") in failed
    assert ("expect_column_pair_values_a_to_be_greater_than_b", "char_end") in failed
    assert ("expect_column_values_to_be_between", "value_std") in failed
    message = outcome.describe_failures()
    assert "nope" in message  # the dangling key is named
    assert "forecast" in message and "fact_indicator.expect_column_values_to_be_in_set(kind)" in message


def test_duplicate_fact_ids_fail():
    outcome = validate_tables({"fact_indicator": frame([fact_row(), fact_row()])}, KEYS, "r3")
    assert ("expect_column_values_to_be_unique", "fact_id") in {
        (r["expectation"], r["column_name"]) for r in outcome.failures
    }
