"""Parsed documents -> Polars frames shaped like the warehouse tables.

The schemas here mirror warehouse/sql/schema.sql column for column, so a batch can be appended to
staging through Arrow without any per-row SQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from operator import attrgetter

import polars as pl

from transforms.ids import document_id
from transforms.models import Fact, ParsedDocument, Region
from transforms.terms import count_terms_many

REGION_SCHEMA = {
    "region_id": pl.String,
    "name": pl.String,
    "code": pl.String,
    "level": pl.String,
    "parent_code": pl.String,
    "province": pl.String,
    "prefecture": pl.String,
    "county": pl.String,
}

DOCUMENT_SCHEMA = {
    "document_id": pl.String,
    "source_file": pl.String,
    "source_sha256": pl.String,
    "title": pl.String,
    "report_year": pl.Int32,
    "report_date": pl.Date,
    "region_id": pl.String,
    "script": pl.String,
    "encoding": pl.String,
    "n_chars": pl.Int32,
    "n_chars_raw": pl.Int32,
    "speaker": pl.String,
    "office": pl.String,
    "year_source": pl.String,
    "region_source": pl.String,
    "region_method": pl.String,
    "region_ambiguous": pl.Boolean,
    "has_plan_section": pl.Boolean,
    "n_boilerplate_lines": pl.Int32,
    "n_boilerplate_chars": pl.Int32,
    "n_glossary_chars": pl.Int32,
    "n_page_markers": pl.Int32,
    "n_mojibake_repaired": pl.Int32,
    "n_mojibake_unrepaired": pl.Int32,
    "mojibake_spans": pl.String,
    "n_facts": pl.Int32,
    "warnings": pl.String,
    "loaded_run_id": pl.String,
    "loaded_at": pl.Datetime("us"),
    "parser_version": pl.String,
}

TEXT_SCHEMA = {"document_id": pl.String, "clean_text": pl.String}

FACT_SCHEMA = {
    "fact_id": pl.String,
    "document_id": pl.String,
    "region_id": pl.String,
    "indicator_code": pl.String,
    "indicator_name": pl.String,
    "kind": pl.String,
    "measure": pl.String,
    "value": pl.Float64,
    "unit": pl.String,
    "value_std": pl.Float64,
    "value_std_high": pl.Float64,
    "unit_std": pl.String,
    "comparator": pl.String,
    "is_aspirational": pl.Boolean,
    "target_not_set": pl.Boolean,
    "is_estimate": pl.Boolean,
    "period_year": pl.Int32,
    "period_label": pl.String,
    "section": pl.String,
    "sentence": pl.String,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
}

TERM_SCHEMA = {
    "document_id": pl.String,
    "term": pl.String,
    "n": pl.Int32,
    "term_rank": pl.Int32,
    "per_10k_chars": pl.Float64,
}

QUARANTINE_SCHEMA = {
    "source_file": pl.String,
    "source_sha256": pl.String,
    "size_bytes": pl.Int64,
    "reason": pl.String,
}

TABLE_SCHEMAS = {
    "dim_region": REGION_SCHEMA,
    "dim_document": DOCUMENT_SCHEMA,
    "doc_text": TEXT_SCHEMA,
    "fact_indicator": FACT_SCHEMA,
    "fact_term": TERM_SCHEMA,
}


def region_rows(regions: Iterable[Region]) -> list[dict]:
    return [{k: getattr(r, k) for k in REGION_SCHEMA} for r in {r.region_id: r for r in regions}.values()]


def document_frames(
    docs: list[ParsedDocument], run_id: str, lineages: dict[str, list[Region]], parser_version: str
) -> dict[str, pl.DataFrame]:
    """Build the table frames for a batch of parsed documents.

    ``lineages`` maps a document's region_id to the region and its ancestors, so every region a
    fact or a parent_code points at is present in dim_region. ``parser_version`` names the rules
    that read them (flows/parser_version.py): a later run reads them again under new rules.
    """
    doc_rows, text_rows, term_rows, regions = [], [], [], []
    fact_docs: list[tuple[str, str | None, list[Fact]]] = []
    terms = count_terms_many([doc.cleaned.text for doc in docs])
    for doc, doc_terms in zip(docs, terms, strict=True):
        did = document_id(doc.source_sha256)
        region = doc.region.region
        region_id = region.region_id if region else None
        if region is not None:
            regions.extend(lineages.get(region.region_id, [region]))
        c, m = doc.cleaned, doc.meta
        doc_rows.append(
            {
                "document_id": did,
                "source_file": doc.source_file,
                "source_sha256": doc.source_sha256,
                "title": m.title,
                "report_year": m.report_year,
                "report_date": m.report_date,
                "region_id": region_id,
                "script": c.script,
                "encoding": doc.encoding,
                "n_chars": len(c.text),
                "n_chars_raw": len(c.full_text),
                "speaker": m.speaker,
                "office": m.office,
                "year_source": m.year_source,
                "region_source": m.region_source,
                "region_method": doc.region.method,
                "region_ambiguous": doc.region.ambiguous,
                "has_plan_section": doc.has_plan_section,
                "n_boilerplate_lines": c.n_boilerplate_lines,
                "n_boilerplate_chars": c.n_boilerplate_chars,
                "n_glossary_chars": c.n_glossary_chars,
                "n_page_markers": c.n_page_markers,
                "n_mojibake_repaired": c.n_mojibake_repaired,
                "n_mojibake_unrepaired": len(c.mojibake_spans),
                "mojibake_spans": json.dumps([list(s) for s in c.mojibake_spans]),
                "n_facts": len(doc.facts),
                "warnings": json.dumps(doc.warnings, ensure_ascii=False),
                "loaded_run_id": run_id,
                "loaded_at": None,
                "parser_version": parser_version,
            }
        )
        text_rows.append({"document_id": did, "clean_text": c.text})
        n_chars = max(len(c.text), 1)
        term_rows.extend(
            {"document_id": did, "term": t.term, "n": t.n, "term_rank": t.rank,
             "per_10k_chars": t.n * 10_000 / n_chars}
            for t in doc_terms
        )  # fmt: skip
        fact_docs.append((did, region_id, doc.facts))
    return {
        "dim_region": pl.DataFrame(region_rows(regions), schema=REGION_SCHEMA),
        "dim_document": pl.DataFrame(doc_rows, schema=DOCUMENT_SCHEMA),
        "doc_text": pl.DataFrame(text_rows, schema=TEXT_SCHEMA),
        "fact_indicator": pl.DataFrame(_fact_columns(fact_docs), schema=FACT_SCHEMA),
        "fact_term": pl.DataFrame(term_rows, schema=TERM_SCHEMA),
    }


_FACT_FIELDS = [c for c in FACT_SCHEMA if c not in ("fact_id", "document_id", "region_id")]


def _fact_columns(fact_docs: list[tuple[str, str | None, list[Fact]]]) -> dict[str, list]:
    """fact_indicator as columns: one list per column is much cheaper than a dict per fact."""
    facts = [f for _, _, fs in fact_docs for f in fs]
    columns: dict[str, list] = {
        "fact_id": [f"{did}-{i:05d}" for did, _, fs in fact_docs for i in range(len(fs))],
        "document_id": [did for did, _, fs in fact_docs for _ in fs],
        "region_id": [rid for _, rid, fs in fact_docs for _ in fs],
    }
    for name in _FACT_FIELDS:  # one pass per field: transposing row tuples costs three times more
        columns[name] = list(map(attrgetter(name), facts))
    return {c: columns[c] for c in FACT_SCHEMA}


def quarantine_frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=QUARANTINE_SCHEMA)
