"""Score the extractor against the hand-annotated gold set in tests/gold/.

A predicted core fact (indicator_code set, not a target-not-set record) matches a gold fact with
the same indicator, kind, measure and period year and the same standardised value; each gold fact
is matched at most once. Precision = matched / predicted, recall = matched / gold. Comparator,
unit and aspiration accuracy are measured over the matched pairs.

Run ``python -m tests.accuracy`` for the table; tests/test_accuracy.py asserts the bars.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from transforms.document import parse_document
from transforms.models import Fact, ParsedDocument

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"


@dataclass
class DocScore:
    name: str
    gold: int
    predicted: int
    matched: int
    comparator_ok: int
    unit_ok: int
    aspiration_ok: int
    misses: list[dict] = field(default_factory=list)
    false_positives: list[Fact] = field(default_factory=list)
    wrong_comparator: list[tuple[dict, Fact]] = field(default_factory=list)


@dataclass
class Totals:
    docs: list[DocScore]

    def _sum(self, attr: str) -> int:
        return sum(getattr(d, attr) for d in self.docs)

    @property
    def precision(self) -> float:
        p = self._sum("predicted")
        return self._sum("matched") / p if p else 1.0

    @property
    def recall(self) -> float:
        g = self._sum("gold")
        return self._sum("matched") / g if g else 1.0

    @property
    def comparator_accuracy(self) -> float:
        m = self._sum("matched")
        return self._sum("comparator_ok") / m if m else 1.0

    @property
    def unit_accuracy(self) -> float:
        m = self._sum("matched")
        return self._sum("unit_ok") / m if m else 1.0

    @property
    def aspiration_accuracy(self) -> float:
        m = self._sum("matched")
        return self._sum("aspiration_ok") / m if m else 1.0


def gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.yaml"))


@cache
def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def parsed(path: Path) -> ParsedDocument:
    gold = load(path)
    source = ROOT / gold["source"]
    return parse_document(source.name, source.read_bytes())


def _same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def score(path: Path) -> DocScore:
    gold = load(path)
    doc = parsed(path)
    wanted = list(gold.get("facts") or [])
    predicted = [f for f in doc.facts if f.indicator_code and not f.target_not_set]
    result = DocScore(path.stem, len(wanted), len(predicted), 0, 0, 0, 0)
    unmatched = list(wanted)
    for fact in predicted:
        hit = next(
            (
                g
                for g in unmatched
                if g["c"] == fact.indicator_code
                and g["k"] == fact.kind
                and g["m"] == fact.measure
                and g["y"] == fact.period_year
                and fact.value_std is not None
                and _same_value(float(g["vs"]), fact.value_std)
            ),
            None,
        )
        if hit is None:
            result.false_positives.append(fact)
            continue
        unmatched.remove(hit)
        result.matched += 1
        if hit["cmp"] == fact.comparator and (
            hit.get("hi") is None or _same_value(float(hit["hi"]), fact.value_std_high or math.nan)
        ):
            result.comparator_ok += 1
        else:
            result.wrong_comparator.append((hit, fact))
        result.unit_ok += int(hit["us"] == fact.unit_std and str(hit["u"]) == fact.unit)
        result.aspiration_ok += int(bool(hit.get("asp", False)) == fact.is_aspirational)
    result.misses = unmatched
    return result


def score_all() -> Totals:
    return Totals([score(p) for p in gold_files()])


def report(totals: Totals) -> str:
    lines = [f"{'document':34} {'gold':>5} {'pred':>5} {'match':>5} {'cmp ok':>6}"]
    for d in totals.docs:
        lines.append(f"{d.name:34} {d.gold:5d} {d.predicted:5d} {d.matched:5d} {d.comparator_ok:6d}")
    lines.append(
        f"core indicators: precision {totals.precision:.3f}  recall {totals.recall:.3f}  "
        f"comparator accuracy {totals.comparator_accuracy:.3f}  unit accuracy {totals.unit_accuracy:.3f}  "
        f"aspiration accuracy {totals.aspiration_accuracy:.3f}  "
        f"({sum(d.matched for d in totals.docs)} matched of {sum(d.gold for d in totals.docs)} gold, "
        f"{sum(d.predicted for d in totals.docs)} predicted, {len(totals.docs)} documents)"
    )
    for d in totals.docs:
        for g in d.misses:
            lines.append(f"  MISS {d.name}: {g}")
        for f in d.false_positives:
            lines.append(
                f"  FALSE {d.name}: {f.indicator_code} {f.kind} {f.measure} {f.period_year} "
                f"{f.value}{f.unit} {f.comparator} | {f.sentence[:60]}"
            )
        for g, f in d.wrong_comparator:
            lines.append(f"  COMPARATOR {d.name}: gold {g['cmp']} got {f.comparator} | {f.sentence[:60]}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(score_all()))
