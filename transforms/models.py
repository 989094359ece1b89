"""Records passed between the pure transform steps.

Every step of the pipeline (decode -> clean -> metadata/region -> facts) takes and returns these
plain dataclasses, so each step can be unit-tested alone and the flow can ship them between
processes (they pickle) or turn them into Polars frames (``dataclasses.asdict``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Enumerations of the analytics contract (README "Analytics contract").
LEVELS = ("national", "province", "prefecture", "county", "township")
KINDS = ("actual", "target")
MEASURES = ("growth", "level")
COMPARATORS = ("point", "around", "at_least", "at_most", "range")
SCRIPTS = ("simplified", "traditional", "mixed")
SECTIONS = ("review", "plan", "longrange", "other")


FIRST_REPORT_YEAR = 1978  # reform era: no work report in scope predates it
# How many years after its report a figure may be set for: 2060年前实现碳中和 in a report of 2021.
# A report is at most a year ahead of the calendar, so a published figure is at most 40 years ahead.
GOAL_HORIZON = 39


class InputRejected(ValueError):
    """Raised by a transform when a file cannot be a work report; ``reason`` is a short slug.

    Reasons in use: ``empty``, ``binary``, ``undecodable``, ``no_text_layer``, ``too_large``,
    ``not_a_report``, ``no_year``, ``year_out_of_range``, ``no_region``. The flow turns them into
    quarantine rows, never into crashes.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # as recorded per document: utf-8, gb18030, big5, utf-16, or pdf / docx
    confidence: float  # 0..1 from the detector; 1.0 for a clean UTF-8 / BOM hit


@dataclass
class Cleaned:
    """Result of cleaning one decoded document.

    ``full_text`` is the whole document after mojibake repair and Traditional->Simplified
    conversion, with page junk still in (metadata such as 发布时间 and the title live there).
    ``text`` is what facts come from: boilerplate, glossary appendices and page markers removed.
    All offsets in ``mojibake_spans`` refer to ``text``.
    """

    full_text: str
    text: str
    script: str  # one of SCRIPTS: the script of the original
    n_boilerplate_lines: int = 0
    n_boilerplate_chars: int = 0
    n_glossary_chars: int = 0
    n_page_markers: int = 0
    n_mojibake_repaired: int = 0
    mojibake_spans: list[tuple[int, int]] = field(default_factory=list)  # unrepaired, in ``text``


@dataclass
class DocMeta:
    title: str | None = None
    report_year: int | None = None
    report_date: date | None = None
    speaker: str | None = None
    office: str | None = None  # the speaker's office as written: 市长, 县长, 区长, 镇长, 总理 ...
    region_mention: str | None = None  # region name as found in the text (醴陵市, 进贤县, 国务院)
    # title | date | session | plan_heading | review_heading | body | page_date | none
    year_source: str = "none"
    region_source: str = "none"  # title | self_reference | session | publisher | zone | none


@dataclass(frozen=True)
class Region:
    region_id: str  # the 6-digit code where known, else a stable synthetic id ("x-...")
    name: str  # full official name: 醴陵市, 江西省, 彬江镇, 全国
    code: str | None
    level: str  # one of LEVELS
    parent_code: str | None
    province: str | None  # full name, None for national
    prefecture: str | None
    county: str | None = None


@dataclass
class RegionResolution:
    region: Region | None
    method: str  # how it was resolved: gazetteer | gazetteer+context | alias | national | unresolved
    ambiguous: bool = False
    candidates: list[str] = field(default_factory=list)  # full paths considered when ambiguous


@dataclass
class Fact:
    indicator_name: str  # the phrase that owns the number, as written (simplified)
    measure: str  # growth | level
    kind: str  # actual | target
    value: float | None  # as written (375 for 375亿元); None only for target_not_set
    unit: str | None  # as written (亿元, %, 万人)
    value_std: float | None  # in base units (3.75e10 元; 7.7 %)
    value_std_high: float | None  # high end of a range, else None
    unit_std: str | None
    comparator: str | None  # one of COMPARATORS; None only for target_not_set
    is_aspirational: bool
    period_year: int | None
    sentence: str
    char_start: int  # offsets of the figure's span in Cleaned.text
    char_end: int
    indicator_code: str | None = None  # canonical code for core indicators, else None
    period_label: str | None = None  # qualifier kept as written: 1-11月, 前三季度, 十四五
    section: str = "other"  # one of SECTIONS
    target_not_set: bool = False  # the report says this target is deliberately not set
    is_estimate: bool = False  # an actual the report calls an estimate or preliminary (预计, 初步核算)


@dataclass
class ParsedDocument:
    """Everything the warehouse needs from one source file."""

    source_file: str
    source_sha256: str
    encoding: str
    cleaned: Cleaned
    meta: DocMeta
    region: RegionResolution
    facts: list[Fact]
    has_plan_section: bool
    warnings: list[str] = field(default_factory=list)
