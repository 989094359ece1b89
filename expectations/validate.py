"""Run the suites on staged frames and turn GX results into dq_result rows."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from expectations.keys import KeySets

if TYPE_CHECKING:  # pyarrow is imported where used: the flow's process never loads it
    import pyarrow as pa

    Frame = pl.DataFrame | pa.Table

log = logging.getLogger(__name__)
DOCS_SITE = "gwr_local_site"


@dataclass
class ValidationOutcome:
    success: bool
    rows: list[dict] = field(default_factory=list)  # shaped like dq_result

    @property
    def failures(self) -> list[dict]:
        return [r for r in self.rows if not r["success"]]

    def describe_failures(self) -> str:
        return "; ".join(
            f"{r['table_name']}.{r['expectation']}({r['column_name'] or ''}): {r['details']}"
            for r in self.failures
        )


def _context():
    import great_expectations as gx

    ctx = gx.get_context(mode="ephemeral")
    try:
        from great_expectations.data_context.types.base import ProgressBarsConfig

        ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    except Exception:  # progress bars are cosmetic
        log.debug("could not disable GX progress bars", exc_info=True)
    return ctx


def _observed(result: dict) -> str | None:
    value = result.get("observed_value")
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, default=str)[:500]


# Columns drawn from small vocabularies (enumerations, the indicator lexicon, units): categorical in
# pandas, a byte or two per row instead of a string. Keys compared column to column stay strings.
CATEGORICAL = frozenset(
    {"indicator_code", "indicator_name", "kind", "measure", "unit", "unit_std", "comparator",
     "period_label", "section", "level", "script"}
)  # fmt: skip


def _for_pandas(frame: pl.DataFrame | pa.Table):
    import pyarrow as pa

    """Arrow to pandas in one pass, buffers released as they are converted. Integers and floats
    widen to int64/float64 (GX vectorises range checks only for those: narrower ints cost a
    Python call per value), vocabulary columns become categoricals."""

    table = frame.to_arrow() if isinstance(frame, pl.DataFrame) else frame
    fields = []
    for f in table.schema:
        if pa.types.is_integer(f.type):
            f = f.with_type(pa.int64())
        elif pa.types.is_floating(f.type):
            f = f.with_type(pa.float64())
        fields.append(f)
    table = table.cast(pa.schema(fields))
    categories = [c for c in table.column_names if c in CATEGORICAL]
    return table.to_pandas(categories=categories, self_destruct=True, split_blocks=True)


def _add_docs_site(ctx, docs_dir: Path) -> None:
    ctx.add_data_docs_site(
        site_name=DOCS_SITE,
        site_config={
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )


def _row(er, run_id: str, table: str, n_rows: int, now: dt.datetime) -> dict:
    """One expectation result as a dq_result row."""
    cfg = er.expectation_config
    res = er.result or {}
    unexpected = res.get("partial_unexpected_list") or []
    details = ""
    if not er.success:
        exc = (er.exception_info or {}).get("exception_message")
        details = exc or f"unexpected {res.get('unexpected_count')} of {res.get('element_count')}: " + (
            json.dumps(unexpected[:5], ensure_ascii=False, default=str)
        )
    return {
        "run_id": run_id,
        "table_name": table,
        "expectation": cfg.type,
        "column_name": cfg.kwargs.get("column") or cfg.kwargs.get("column_A"),
        "success": bool(er.success),
        "observed_value": _observed(res),
        "unexpected_count": res.get("unexpected_count"),
        "element_count": res.get("element_count", n_rows),
        "details": details[:1000],
        "validated_at": now,
    }


def _merge(parts: list[list[dict]]) -> list[dict]:
    """One row per expectation from the rows of each part (same suite, so the same order)."""
    merged = []
    for same in zip(*parts, strict=True):
        row = dict(same[0])
        row["success"] = all(r["success"] for r in same)
        for count in ("unexpected_count", "element_count"):
            known = [r[count] for r in same if r[count] is not None]
            row[count] = sum(known) if known else None
        failed = [r for r in same if not r["success"]]
        if failed:
            row["observed_value"] = failed[0]["observed_value"]
            row["details"] = "; ".join(r["details"] for r in failed)[:1000]
        merged.append(row)
    return merged


def validate_tables(
    frames: Mapping[str, Frame | Callable[[], Frame] | list[Callable[[], Frame]]],
    keys: KeySets,
    run_id: str,
    docs_dir: Path | None = None,
    contract_columns: Mapping[str, list[str]] | None = None,
) -> ValidationOutcome:
    """Validate each frame against its suite; every expectation result becomes a dq_result row.
    A frame may be given as a loader, called when its turn comes and dropped after, so only one
    table is in memory at a time; or as a list of loaders of its parts (row-local suites only),
    validated one by one and reported as one. ``contract_columns`` are the columns a table must
    have (default: those it has, for frames built in code to a fixed schema). With ``docs_dir``,
    GX Data Docs for this run are built there (static HTML, opens offline)."""
    import great_expectations as gx

    from expectations.suites import SUITES  # imports GX: seconds, so only when validating

    ctx = _context()
    if docs_dir is not None:
        _add_docs_site(ctx, docs_dir)
    source = ctx.data_sources.add_pandas("gwr_staging")
    now = dt.datetime.now()
    rows: list[dict] = []
    for table, given in frames.items():
        loaders = given if isinstance(given, list) else [given]
        frame = loaders[0]() if callable(loaders[0]) else loaders[0]
        suite = ctx.suites.add(gx.ExpectationSuite(name=f"{table}_suite"))
        columns = (contract_columns or {}).get(table) or (
            frame.columns if isinstance(frame, pl.DataFrame) else frame.column_names
        )
        for expectation in SUITES[table](columns, keys):
            suite.add_expectation(expectation)
        batch = source.add_dataframe_asset(name=table).add_batch_definition_whole_dataframe(f"{table}_batch")
        definition = ctx.validation_definitions.add(
            gx.ValidationDefinition(name=f"{table}_validation", data=batch, suite=suite)
        )
        parts: list[list[dict]] = []
        for i, loader in enumerate(loaders):
            if i > 0:
                frame = loader() if callable(loader) else loader
            data, frame = _for_pandas(frame), None  # the pandas copy is all GX needs
            n_rows = len(data)
            result = definition.run(batch_parameters={"dataframe": data}, result_format="SUMMARY")
            del data
            parts.append([_row(er, run_id, table, n_rows, now) for er in result.results])
        rows += parts[0] if len(parts) == 1 else _merge(parts)
    if docs_dir is not None:
        try:
            ctx.build_data_docs(site_names=[DOCS_SITE])
        except Exception:  # the docs are a view of results already kept in dq_result
            log.warning("could not build Data Docs in %s", docs_dir, exc_info=True)
    return ValidationOutcome(success=all(r["success"] for r in rows), rows=rows)
