"""One source file in, one parsed document out: the composition of all transform steps."""

from __future__ import annotations

import re

from transforms.clean import clean_document, page_title, strip_html
from transforms.decode import decode_bytes
from transforms.facts import extract_facts, has_plan_section
from transforms.ids import sha256_hex
from transforms.metadata import date_by_provincial_session, extract_meta
from transforms.models import FIRST_REPORT_YEAR, GOAL_HORIZON, InputRejected, ParsedDocument
from transforms.regions import own_place_words, resolve_region
from transforms.report_check import ensure_report

_HTML_MARKERS = ("<html", "<!doctype html", "<body", "<div", "<p>", "<br")
# Any element: a scraped page may open with a screen of decoy tags (<video id=…><dl id=…>) and none
# of the markers above.
_TAG = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]{0,200})?>")
_TAGS_IN_HEAD = 20


def looks_like_html(text: str) -> bool:
    head = text[:4000].lower()
    if sum(marker in head for marker in _HTML_MARKERS) >= 2:
        return True
    return "<" in head and len(_TAG.findall(head)) >= _TAGS_IN_HEAD


def parse_document(
    source_file: str, data: bytes, *, sha256: str | None = None, latest_year: int | None = None
) -> ParsedDocument:
    """Parse one file's bytes; raises InputRejected (never anything else) for unusable input.
    ``latest_year`` is the last report year that can exist yet (the calendar's next): a text dated
    later (by a lone goal year, 落实2030年…目标) goes to quarantine, not into the warehouse."""
    try:
        return _parse(source_file, data, sha256 or sha256_hex(data), latest_year)
    except InputRejected:
        raise
    except RecursionError as exc:  # pathological nesting in HTML or regex backtracking
        raise InputRejected("parse_error", f"{type(exc).__name__}") from exc


def _parse(source_file: str, data: bytes, sha: str, latest_year: int | None) -> ParsedDocument:
    decoded = decode_bytes(data)
    html_page = looks_like_html(decoded.text)
    text = strip_html(decoded.text) if html_page else decoded.text
    cleaned = clean_document(text)
    ensure_report(cleaned.text)
    meta = extract_meta(cleaned.full_text, cleaned.text, page_title(decoded.text) if html_page else None)
    region = resolve_region(meta, cleaned.text)
    if region.region is not None and region.region.level == "province":
        date_by_provincial_session(meta, cleaned.text, region.region.name)
    if meta.report_year is None:
        raise InputRejected("no_year", "no report year in title, dates or section headings")
    if meta.report_year < FIRST_REPORT_YEAR or (latest_year is not None and meta.report_year > latest_year):
        last = latest_year if latest_year is not None else ""
        raise InputRejected(
            "year_out_of_range",
            f"report year {meta.report_year} ({meta.year_source}) outside {FIRST_REPORT_YEAR}-{last}",
        )
    if region.region is None:
        detail = "candidates: " + ", ".join(region.candidates[:5]) if region.candidates else "no region name"
        if meta.region_source == "zone":
            detail = f"a development zone's report ({meta.region_mention}): no administrative region"
        raise InputRejected("no_region", detail)
    facts = extract_facts(
        cleaned.text,
        meta.report_year,
        exclude_spans=cleaned.mojibake_spans,
        own_places=own_place_words(region.region),
    )
    # A figure for a year no report can speak of (到2080年…, 1960年水平) would fail the facts'
    # contract and with it the whole run: it is dropped, and the document says so.
    first, last = FIRST_REPORT_YEAR - 1, meta.report_year + GOAL_HORIZON
    kept = [f for f in facts if first <= f.period_year <= last]
    warnings: list[str] = []
    if len(kept) < len(facts):
        warnings.append(f"period_out_of_range:{len(facts) - len(kept)}")
        facts = kept
    if region.ambiguous:
        warnings.append("region_ambiguous")
    if cleaned.mojibake_spans:
        warnings.append(f"mojibake_unrepaired:{len(cleaned.mojibake_spans)}")
    return ParsedDocument(
        source_file=source_file,
        source_sha256=sha,
        encoding=decoded.encoding,
        cleaned=cleaned,
        meta=meta,
        region=region,
        facts=facts,
        has_plan_section=has_plan_section(cleaned.text),
        warnings=warnings,
    )
