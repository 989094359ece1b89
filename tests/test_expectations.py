"""The data contracts reject what they should, and say which expectation failed on what."""

from __future__ import annotations

import duckdb
import polars as pl

from expectations.suites import KeySets
from expectations.validate import validate_tables
from transforms.frames import FACT_SCHEMA


def fact_row(**overrides):
    row = {
        "fact_id": "abc-00000", "document_id": "abc", "region_id": "360922", "indicator_code": "gdp",
        "indicator_name": "地区生产总值", "kind": "target", "measure": "growth", "value": 7.7, "unit": "%",
        "value_std": 7.7, "value_std_high": None, "unit_std": "%", "comparator": "around",
        "is_aspirational": False, "target_not_set": False, "is_estimate": False, "period_year": 2023,
        "period_label": None,
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


def test_an_estimated_target_or_an_aspirational_actual_fails():
    rows = [
        fact_row(),
        fact_row(fact_id="abc-00001", is_estimate=True),  # a target
        fact_row(fact_id="abc-00002", kind="actual", period_year=2022, is_aspirational=True),
        fact_row(fact_id="abc-00003", kind="actual", period_year=2022, is_estimate=True),  # fine
    ]
    outcome = validate_tables({"fact_indicator": frame(rows)}, KEYS, "r5")
    failed = {(r["expectation"], r["column_name"]): r for r in outcome.failures}
    assert set(failed) == {
        ("expect_column_values_to_be_in_set", "is_estimate"),
        ("expect_column_values_to_be_in_set", "is_aspirational"),
    }, outcome.describe_failures()


def test_duplicate_fact_ids_fail():
    outcome = validate_tables({"fact_indicator": frame([fact_row(), fact_row()])}, KEYS, "r3")
    assert ("expect_column_values_to_be_unique", "fact_id") in {
        (r["expectation"], r["column_name"]) for r in outcome.failures
    }


def test_parts_report_as_one_table():
    """A table validated in parts gives one row per expectation, with the parts' counts summed."""
    good, bad = frame([fact_row()]), frame([fact_row(fact_id="abc-00001", kind="forecast")])
    whole = validate_tables({"fact_indicator": pl.concat([good, bad])}, KEYS, "r4")
    parted = validate_tables({"fact_indicator": [lambda: good, lambda: bad]}, KEYS, "r4")
    assert len(parted.rows) == len(whole.rows)
    for a, b in zip(whole.rows, parted.rows, strict=True):
        assert (a["expectation"], a["column_name"], a["success"]) == (
            b["expectation"],
            b["column_name"],
            b["success"],
        )
        assert (a["unexpected_count"], a["element_count"]) == (b["unexpected_count"], b["element_count"])


def test_parts_keep_duplicate_keys_together(tmp_path):
    """Parts split by the key's hash in one pass: every row lands in exactly one part, duplicates
    in the same, and a part with no rows is still there, empty, with the table's columns."""
    from warehouse.staging import read_part, split_for_validation, staged_rows, validation_frame, write_batch

    rows = [fact_row(fact_id=f"abc-{i:05d}") for i in range(50)] + [fact_row(fact_id="abc-00007")]
    facts = pl.DataFrame(rows, schema=FACT_SCHEMA)
    write_batch(tmp_path / "staging", "b1", {"fact_indicator": facts[:30]})
    write_batch(tmp_path / "staging", "b2", {"fact_indicator": facts[30:]})
    assert staged_rows(tmp_path / "staging", "fact_indicator") == 51
    paths = split_for_validation(tmp_path / "staging", "fact_indicator", {"360922"}, 60, tmp_path / "parts")
    parts = [read_part(p) for p in paths]
    whole = validation_frame(tmp_path / "staging", "fact_indicator", {"360922"})
    assert len(parts) == 60 and {p.schema for p in parts} == {whole.schema}
    assert min(p.num_rows for p in parts) == 0  # 51 rows in 60 parts
    ids = [pl.from_arrow(p)["fact_id"].to_list() for p in parts]
    assert sorted(i for part in ids for i in part) == sorted(r["fact_id"] for r in rows)
    assert sum("abc-00007" in part for part in ids) == 1
    assert max(part.count("abc-00007") for part in ids) == 2
    together = pl.concat([pl.from_arrow(p) for p in parts]).sort("fact_id")
    assert together.equals(pl.from_arrow(whole).sort("fact_id"))
    con = duckdb.connect()
    for i, part in enumerate(parts):  # each row in the part its key hashes to
        con.register("part", part)
        assert con.execute(f"SELECT count(*) FROM part WHERE hash(fact_id) % 60 != {i}").fetchone() == (0,)


def test_term_parts_keep_each_document_together(tmp_path):
    """fact_term's key is (document_id, term): its parts split by document."""
    from warehouse.staging import read_part, split_for_validation, write_batch

    terms = pl.DataFrame(
        {
            "document_id": [f"doc{i % 7}" for i in range(70)],
            "term": [f"t{i}" for i in range(70)],
            "n": [1] * 70,
            "term_rank": list(range(1, 71)),
            "per_10k_chars": [0.5] * 70,
        }
    )
    write_batch(tmp_path / "staging", "b1", {"fact_term": terms})
    paths = split_for_validation(tmp_path / "staging", "fact_term", set(), 3, tmp_path / "parts")
    docs = [set(pl.from_arrow(read_part(p))["document_id"].to_list()) for p in paths]
    assert sum(len(d) for d in docs) == 7 and set().union(*docs) == {f"doc{i}" for i in range(7)}


def test_staged_columns_must_match_the_warehouse_schema(tmp_path):
    """Staged Parquet files carry whatever columns their writer gave them: a column the schema
    lacks (or a missing one) fails validation, before publish."""
    from flows.validate_worker import validate_staged
    from transforms.indicators import dim_indicator_rows
    from warehouse.publish import ETL_FILE_SCHEMA
    from warehouse.staging import write_batch

    facts = pl.DataFrame([fact_row()], schema=FACT_SCHEMA).with_columns(oops=pl.lit(1))
    write_batch(tmp_path, "b1", {"fact_indicator": facts})
    outcome = validate_staged(
        tmp_path,
        pl.DataFrame(schema=ETL_FILE_SCHEMA),
        pl.DataFrame(dim_indicator_rows()),
        {"360922"},
        "r5",
        None,
    )
    failed = {(r["table_name"], r["expectation"]) for r in outcome.failures}
    assert ("fact_indicator", "expect_table_columns_to_match_set") in failed


def test_staged_tables_validate_in_parts_with_exact_keys(tmp_path, monkeypatch):
    """With a part budget of 10 rows, 41 staged facts and 30 term rows are checked in parts: a
    fact_id staged twice, in two batches, still fails uniqueness (its copies meet in one part),
    and the parts' files are gone afterwards."""
    from flows import validate_worker
    from transforms.frames import TERM_SCHEMA
    from transforms.indicators import dim_indicator_rows
    from warehouse.publish import ETL_FILE_SCHEMA
    from warehouse.staging import write_batch

    monkeypatch.setattr(validate_worker, "MAX_ROWS_PER_PART", 10)
    staging = tmp_path / "staging"
    facts = pl.DataFrame([fact_row(fact_id=f"abc-{i:05d}") for i in range(40)], schema=FACT_SCHEMA)
    terms = pl.DataFrame(
        {"document_id": [f"d{i % 6}" for i in range(30)], "term": [f"t{i}" for i in range(30)]}
    ).with_columns(n=1, term_rank=1, per_10k_chars=1.0)
    write_batch(staging, "b1", {"fact_indicator": facts[:20], "fact_term": terms.cast(TERM_SCHEMA)})
    write_batch(staging, "b2", {"fact_indicator": pl.concat([facts[20:], facts[3:4]])})
    outcome = validate_worker.validate_staged(
        staging, pl.DataFrame(schema=ETL_FILE_SCHEMA), pl.DataFrame(dim_indicator_rows()), set(), "r6", None
    )
    rows = {(r["table_name"], r["expectation"], r["column_name"]): r for r in outcome.rows}
    unique = rows[("fact_indicator", "expect_column_values_to_be_unique", "fact_id")]
    assert (unique["success"], unique["unexpected_count"], unique["element_count"]) == (False, 2, 41)
    kind = rows[("fact_indicator", "expect_column_values_to_be_in_set", "kind")]
    assert (kind["success"], kind["element_count"]) == (True, 41)
    term_rows = [r for (table, _, _), r in rows.items() if table == "fact_term"]
    assert term_rows and all(r["element_count"] in (30, None) for r in term_rows)
    assert sorted(p.name for p in staging.iterdir()) == ["fact_indicator", "fact_term"]
