"""Score the extractor against the hand-annotated gold set in tests/gold/ (see its README.md).

Each gold YAML names a source document; ``transforms.document.parse_document`` runs on its bytes
(the pure function, no pipeline). A predicted core fact (indicator_code set, not a target-not-set
record) matches a gold fact with the same indicator, kind, measure and period year and the same
standardised value (relative 1e-6); matching is greedy, each gold fact used at most once, a gold
fact with the same comparator preferred. Precision = matched / predicted, recall = matched / gold;
comparator (and range high end), unit, period label and aspiration accuracy are measured over
matched pairs, and so are the flags (is_aspirational, is_estimate): how many of the gold's true
flags the matched facts carry (recall) and how many of theirs are true in the gold (precision).

``python -m tests.accuracy`` prints the table with every miss and false positive;
tests/test_accuracy.py asserts the bars.
"""

from __future__ import annotations

import codecs
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from transforms.document import parse_document
from transforms.models import Fact, ParsedDocument

ROOT = Path(__file__).resolve().parent.parent
FLAGS = {"is_aspirational": "aspirational", "is_estimate": "estimate"}  # flag -> word in the report
GOLD_DIR = ROOT / "tests" / "gold"
CORE_CODES = frozenset(
    {
        "gdp",
        "gdp_per_capita",
        "general_budget_revenue",
        "fiscal_revenue",
        "tax_revenue",
        "industrial_value_added",
        "fixed_asset_investment",
        "retail_sales",
        "foreign_trade",
        "exports",
        "foreign_investment",
        "services_revenue",
        "urban_income",
        "rural_income",
        "disposable_income",
        "rural_net_income",
        "new_urban_jobs",
        "urban_unemployment_surveyed",
        "urban_unemployment_registered",
        "cpi",
        "grain_output",
        "energy_intensity",
    }
)


@dataclass
class DocScore:
    name: str
    gold: int
    predicted: int
    matched: int = 0
    comparator_ok: int = 0
    unit_ok: int = 0
    label_ok: int = 0
    flags: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0, 0] for f in FLAGS})  # tp fp fn
    misses: list[dict] = field(default_factory=list)
    false_positives: list[Fact] = field(default_factory=list)
    wrong_comparator: list[tuple[dict, Fact]] = field(default_factory=list)
    wrong_unit: list[tuple[dict, Fact]] = field(default_factory=list)
    wrong_label: list[tuple[dict, Fact]] = field(default_factory=list)
    wrong_flags: list[tuple[str, dict, Fact]] = field(default_factory=list)
    error: str | None = None  # the document was rejected or the parser raised


@dataclass
class Totals:
    docs: list[DocScore]

    def _sum(self, attr: str) -> int:
        return sum(getattr(d, attr) for d in self.docs)

    @property
    def matched(self) -> int:
        return self._sum("matched")

    @property
    def precision(self) -> float:
        p = self._sum("predicted")
        return self.matched / p if p else 1.0

    @property
    def recall(self) -> float:
        g = self._sum("gold")
        return self.matched / g if g else 1.0

    def _over_matched(self, attr: str) -> float:
        return self._sum(attr) / self.matched if self.matched else 1.0

    @property
    def comparator_accuracy(self) -> float:
        return self._over_matched("comparator_ok")

    @property
    def unit_accuracy(self) -> float:
        return self._over_matched("unit_ok")

    @property
    def label_accuracy(self) -> float:
        """Matched facts whose period_label (1-11月, 五年来, or none for a year's figure) agrees."""
        return self._over_matched("label_ok")

    @property
    def aspiration_accuracy(self) -> float:
        """Matched facts whose is_aspirational agrees with the gold."""
        _, fp, fn = self.flag_counts("is_aspirational")
        return 1 - (fp + fn) / self.matched if self.matched else 1.0

    def flag_counts(self, flag: str) -> tuple[int, int, int]:
        """(true positives, false positives, false negatives) of ``flag`` over matched pairs."""
        tp, fp, fn = (sum(d.flags[flag][i] for d in self.docs) for i in range(3))
        return tp, fp, fn

    def flag_precision(self, flag: str) -> float:
        tp, fp, _ = self.flag_counts(flag)
        return tp / (tp + fp) if tp + fp else 1.0

    def flag_recall(self, flag: str) -> float:
        tp, _, fn = self.flag_counts(flag)
        return tp / (tp + fn) if tp + fn else 1.0


def gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.yaml"))


@cache
def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def source_path(path: Path) -> Path:
    return ROOT / load(path)["source"]


@cache
def parsed(path: Path) -> ParsedDocument:
    source = source_path(path)
    return parse_document(source.name, source.read_bytes())


@cache
def source_text(path: Path) -> str:
    """The document as written, decoded with the codec the gold file declares (for gold checks)."""
    data = source_path(path).read_bytes()
    encoding = load(path)["encoding"]
    if encoding == "utf-16" and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        big_endian = data[0::2].count(0) > data[1::2].count(0)  # ASCII has its NUL byte first
        encoding = "utf-16-be" if big_endian else "utf-16-le"
    return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)


def same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def core_predictions(doc: ParsedDocument) -> list[Fact]:
    return [f for f in doc.facts if f.indicator_code and not f.target_not_set]


def _key_matches(g: dict, f: Fact) -> bool:
    return (
        g["indicator_code"] == f.indicator_code
        and g["kind"] == f.kind
        and g["measure"] == f.measure
        and g["period_year"] == f.period_year
        and f.value_std is not None
        and same_value(g["value_std"], f.value_std)
    )


def _comparator_ok(g: dict, f: Fact) -> bool:
    if g["comparator"] != f.comparator:
        return False
    return g.get("value_std_high") is None or same_value(g["value_std_high"], f.value_std_high)


def score(path: Path) -> DocScore:
    gold = load(path)
    wanted = list(gold.get("facts") or [])
    try:
        doc = parsed(path)
    except Exception as exc:  # a rejected gold document scores zero recall, it must not crash the table
        return DocScore(path.stem, len(wanted), 0, misses=wanted, error=f"{type(exc).__name__}: {exc}")
    predicted = core_predictions(doc)
    result = DocScore(path.stem, len(wanted), len(predicted))
    unmatched = list(wanted)
    for fact in predicted:
        candidates = [g for g in unmatched if _key_matches(g, fact)]
        if not candidates:
            result.false_positives.append(fact)
            continue
        hit = next((g for g in candidates if _comparator_ok(g, fact)), candidates[0])
        unmatched.remove(hit)
        result.matched += 1
        if _comparator_ok(hit, fact):
            result.comparator_ok += 1
        else:
            result.wrong_comparator.append((hit, fact))
        if hit["unit_std"] == fact.unit_std and str(hit["unit"]) == fact.unit:
            result.unit_ok += 1
        else:
            result.wrong_unit.append((hit, fact))
        if hit.get("period_label") == fact.period_label:
            result.label_ok += 1
        else:
            result.wrong_label.append((hit, fact))
        for flag in FLAGS:
            want, got = bool(hit[flag]), bool(getattr(fact, flag))
            if want or got:
                result.flags[flag][0 if want and got else 1 if got else 2] += 1
            if want != got:
                result.wrong_flags.append((flag, hit, fact))
    result.misses = unmatched
    return result


def score_all() -> Totals:
    return Totals([score(p) for p in gold_files()])


def _gold_str(g: dict) -> str:
    rng = f"–{g['value_std_high']}" if g.get("value_std_high") is not None else ""
    label = f" [{g['period_label']}]" if g.get("period_label") else ""
    flags = "".join(f" {FLAGS[flag]}" for flag in FLAGS if g[flag])
    return (
        f"{g['indicator_code']} {g['kind']} {g['measure']} {g['period_year']}{label} "
        f"{g['value']}{g['unit']} (std {g['value_std']}{rng} {g['unit_std']}) {g['comparator']}{flags}"
    )


def _fact_str(f: Fact) -> str:
    rng = f"–{f.value_std_high}" if f.value_std_high is not None else ""
    label = f" [{f.period_label}]" if f.period_label else ""
    flags = "".join(f" {FLAGS[flag]}" for flag in FLAGS if getattr(f, flag))
    return (
        f"{f.indicator_code} {f.kind} {f.measure} {f.period_year}{label} {f.value}{f.unit} "
        f"(std {f.value_std}{rng} {f.unit_std}) {f.comparator}{flags} | {f.sentence.strip()[:70]}"
    )


def report(totals: Totals) -> str:
    head = f"{'document':34} {'gold':>5} {'pred':>5} {'match':>5} {'prec':>6} {'recall':>6} {'cmp ok':>6}"
    lines = [head, "-" * len(head)]
    for d in totals.docs:
        prec = d.matched / d.predicted if d.predicted else 1.0
        rec = d.matched / d.gold if d.gold else 1.0
        lines.append(
            f"{d.name:34} {d.gold:5d} {d.predicted:5d} {d.matched:5d} {prec:6.2f} {rec:6.2f} "
            f"{d.comparator_ok:6d}" + (f"  ERROR {d.error}" if d.error else "")
        )
    lines.append("-" * len(head))
    lines.append(
        f"core indicators: precision {totals.precision:.3f}  recall {totals.recall:.3f}  "
        f"comparator accuracy {totals.comparator_accuracy:.3f}  unit accuracy {totals.unit_accuracy:.3f}  "
        f"aspiration accuracy {totals.aspiration_accuracy:.3f}  "
        f"period label accuracy {totals.label_accuracy:.3f}"
    )
    for flag, word in FLAGS.items():
        tp, fp, fn = totals.flag_counts(flag)
        lines.append(
            f"{flag}: precision {totals.flag_precision(flag):.3f}  recall {totals.flag_recall(flag):.3f}  "
            f"({tp} {word} facts found, {fp} flagged wrongly, {fn} missed)"
        )
    lines.append(
        f"({totals.matched} matched of {sum(d.gold for d in totals.docs)} gold, "
        f"{sum(d.predicted for d in totals.docs)} predicted, {len(totals.docs)} documents)"
    )
    for d in totals.docs:
        for g in d.misses:
            lines.append(f"  MISS       {d.name}: {_gold_str(g)}")
        for f in d.false_positives:
            lines.append(f"  FALSE POS  {d.name}: {_fact_str(f)}")
        for g, f in d.wrong_comparator:
            want = f"{g['comparator']} {g.get('value_std_high')}"
            lines.append(f"  COMPARATOR {d.name}: gold {want} got {_fact_str(f)}")
        for g, f in d.wrong_unit:
            want = f"{g['value']}{g['unit']} ({g['unit_std']})"
            lines.append(f"  UNIT       {d.name}: gold {want} got {_fact_str(f)}")
        for g, f in d.wrong_label:
            lines.append(f"  LABEL      {d.name}: gold {g.get('period_label')} got {_fact_str(f)}")
        for flag, g, f in d.wrong_flags:
            lines.append(f"  FLAG       {d.name}: gold {flag} {bool(g[flag])} got {_fact_str(f)}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(score_all()))
