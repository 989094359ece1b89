"""Data contracts: one Great Expectations suite per published table, written in code.

Long text columns (clean_text, sentence) are validated through their lengths
(``clean_text_chars``, ``sentence_chars``) so validation never copies the corpus into pandas.

Each suite is a list of expectations built from the analytics contract's enumerations. Foreign
keys are resolved by the validation queries (warehouse/staging.py) against the staged and the
published keys, and checked here column against column, so a fact can never point at a document
or region the warehouse does not have.
"""

from __future__ import annotations

import datetime as dt

import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations.keys import KeySets
from transforms.models import (
    COMPARATORS,
    FIRST_REPORT_YEAR,
    GOAL_HORIZON,
    KINDS,
    LEVELS,
    MEASURES,
    SCRIPTS,
    SECTIONS,
)
from transforms.terms import vocabulary as policy_vocabulary

__all__ = ["SUITES", "KeySets"]

OUTCOMES = ("loaded", "duplicate", "unchanged", "quarantined", "not_published")


def _not_null_unique(column: str) -> list:
    return [gxe.ExpectColumnValuesToNotBeNull(column=column), gxe.ExpectColumnValuesToBeUnique(column=column)]


def _resolves(column: str) -> gxe.Expectation:
    """A foreign key resolves: the validation query looked ``column`` up in its parent table and put
    what it found in ``<column>_ref`` (NULL when dangling). Comparing two columns costs the same at any
    size, where a value set of every document id grows with the corpus and GX copies it per metric."""
    return gxe.ExpectColumnPairValuesToBeEqual(
        column_A=column, column_B=f"{column}_ref", ignore_row_if="both_values_are_missing"
    )


def _columns(columns: list[str]) -> gxe.Expectation:
    return gxe.ExpectTableColumnsToMatchSet(column_set=columns, exact_match=True)


def dim_region_suite(columns: list[str], keys: KeySets) -> list:
    return [
        _columns(columns),
        *_not_null_unique("region_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="name"),
        gxe.ExpectColumnValuesToBeInSet(column="level", value_set=list(LEVELS)),
        gxe.ExpectColumnValuesToNotBeNull(column="level"),
        gxe.ExpectColumnValuesToMatchRegex(column="code", regex=r"^\d{6}(?:\d{3}|\d{6})?$"),
        gxe.ExpectColumnValuesToMatchRegex(column="parent_code", regex=r"^\d{6}(?:\d{3}|\d{6})?$"),
        gxe.ExpectColumnValuesToNotBeNull(column="province", row_condition=Column("level") != "national"),
    ]


def dim_indicator_suite(columns: list[str], keys: KeySets) -> list:
    return [
        _columns(columns),
        *_not_null_unique("indicator_code"),
        gxe.ExpectColumnValuesToMatchRegex(column="indicator_code", regex=r"^[a-z][a-z0-9_]*$"),
        gxe.ExpectColumnValuesToNotBeNull(column="name_zh"),
    ]


def dim_document_suite(columns: list[str], keys: KeySets) -> list:
    this_year = dt.date.today().year
    return [
        _columns(columns),
        *_not_null_unique("document_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="source_file"),
        gxe.ExpectColumnValuesToMatchRegex(column="source_sha256", regex=r"^[0-9a-f]{64}$"),
        gxe.ExpectColumnValuesToNotBeNull(column="report_year"),
        gxe.ExpectColumnValuesToBeBetween(
            column="report_year", min_value=FIRST_REPORT_YEAR, max_value=this_year + 1
        ),
        gxe.ExpectColumnValuesToNotBeNull(column="region_id"),
        _resolves("region_id"),
        gxe.ExpectColumnValuesToBeInSet(column="script", value_set=list(SCRIPTS)),
        gxe.ExpectColumnValuesToBeBetween(column="n_chars", min_value=1),
        gxe.ExpectColumnValuesToBeBetween(column="n_facts", min_value=0),
        # Which rules read it: without one, no later run could tell that new rules should re-read it.
        gxe.ExpectColumnValuesToNotBeNull(column="parser_version"),
    ]


def doc_text_suite(columns: list[str], keys: KeySets) -> list:
    return [
        _columns(columns),
        *_not_null_unique("document_id"),
        _resolves("document_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="clean_text_chars"),
        gxe.ExpectColumnValuesToBeBetween(column="clean_text_chars", min_value=1),
    ]


def fact_indicator_suite(columns: list[str], keys: KeySets) -> list:
    this_year = dt.date.today().year
    stated = Column("target_not_set") == False  # noqa: E712 (builds a GX condition)
    return [
        _columns(columns),
        *_not_null_unique("fact_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="document_id"),
        _resolves("document_id"),
        _resolves("region_id"),
        gxe.ExpectColumnValuesToBeInSet(column="indicator_code", value_set=sorted(keys.indicator_codes)),
        gxe.ExpectColumnValuesToNotBeNull(column="indicator_name"),
        gxe.ExpectColumnValuesToBeInSet(column="kind", value_set=list(KINDS)),
        gxe.ExpectColumnValuesToNotBeNull(column="kind"),
        gxe.ExpectColumnValuesToBeInSet(column="measure", value_set=list(MEASURES)),
        gxe.ExpectColumnValuesToBeInSet(column="comparator", value_set=list(COMPARATORS)),
        gxe.ExpectColumnValuesToBeInSet(column="section", value_set=list(SECTIONS)),
        gxe.ExpectColumnValuesToNotBeNull(column="value_std", row_condition=stated),
        gxe.ExpectColumnValuesToNotBeNull(column="comparator", row_condition=stated),
        gxe.ExpectColumnValuesToNotBeNull(column="unit_std", row_condition=stated),
        gxe.ExpectColumnValuesToNotBeNull(column="is_estimate"),
        # Only an actual can be an estimate (预计), only a target a hope (力争).
        gxe.ExpectColumnValuesToBeInSet(
            column="is_estimate", value_set=[False], row_condition=Column("kind") == "target"
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="is_aspirational", value_set=[False], row_condition=Column("kind") == "actual"
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="value_std",
            min_value=-100,
            max_value=1000,
            row_condition=Column("measure") == "growth",
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="period_year", min_value=FIRST_REPORT_YEAR - 1, max_value=this_year + 1 + GOAL_HORIZON
        ),
        gxe.ExpectColumnValuesToBeBetween(column="char_start", min_value=0),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="char_end", column_B="char_start", ignore_row_if="either_value_is_missing"
        ),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="value_std_high",
            column_B="value_std",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
        gxe.ExpectColumnValuesToNotBeNull(column="sentence_chars"),
        gxe.ExpectColumnValuesToBeBetween(column="sentence_chars", min_value=1),
    ]


def fact_term_suite(columns: list[str], keys: KeySets) -> list:
    return [
        _columns(columns),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["document_id", "term"]),
        gxe.ExpectColumnValuesToNotBeNull(column="document_id"),
        _resolves("document_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="term"),
        gxe.ExpectColumnValuesToBeInSet(column="term", value_set=sorted(policy_vocabulary())),
        gxe.ExpectColumnValuesToBeBetween(column="n", min_value=1),
        gxe.ExpectColumnValuesToBeBetween(column="term_rank", min_value=1),
        gxe.ExpectColumnValuesToBeBetween(column="per_10k_chars", min_value=0, strict_min=True),
    ]


def etl_file_suite(columns: list[str], keys: KeySets) -> list:
    return [
        _columns(columns),
        gxe.ExpectColumnValuesToNotBeNull(column="source_file"),
        gxe.ExpectColumnValuesToNotBeNull(column="outcome"),
        gxe.ExpectColumnValuesToBeInSet(column="outcome", value_set=list(OUTCOMES)),
        gxe.ExpectColumnValuesToNotBeNull(column="reason", row_condition=Column("outcome") == "quarantined"),
    ]


SUITES = {
    "dim_region": dim_region_suite,
    "dim_indicator": dim_indicator_suite,
    "dim_document": dim_document_suite,
    "doc_text": doc_text_suite,
    "fact_indicator": fact_indicator_suite,
    "fact_term": fact_term_suite,
    "etl_file": etl_file_suite,
}
