"""Nothing that is not a figure becomes a fact: footnote digits glued to quotes, labels, ordinals,
document numbers, dates, page references, censored names (gold `traps`); page junk and glossary
appendices are cleaned away (gold `absent`); a report without a plan part yields no targets."""

from __future__ import annotations

import re
from functools import cache

import opencc
import pytest

from tests.accuracy import gold_files, load, parsed, source_text

_FOOTNOTE = re.compile(r"(?<=[”」’])\d{1,2}")
_SPACES = re.compile(r"\s+")


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _with_traps() -> list:
    return [p for p in gold_files() if load(p).get("traps")]


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_traps_and_junk_are_in_the_source(path):
    """Gold check: every trap / absent string really occurs in the document (in simplified script)."""
    raw = source_text(path)
    simplified = _t2s().convert(raw)
    gold = load(path)
    for s in [*(gold.get("traps") or []), *(gold.get("absent") or [])]:
        assert s in raw or s in simplified, s


def _occurrences(trap: str, text: str) -> list[tuple[int, int]]:
    """Where the trap sits in the cleaned text; cleaning may have dropped a footnote digit."""
    for form in (trap, _FOOTNOTE.sub("", trap)):
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(form), text)]
        if spans:
            return spans
    # Cleaning may have collapsed or removed spaces inside the trap: match it space-insensitively.
    pattern = r"\s*".join(re.escape(ch) for ch in _SPACES.sub("", _FOOTNOTE.sub("", trap)))
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("path", _with_traps(), ids=lambda p: p.stem)
def test_no_fact_from_a_trap(path):
    doc = parsed(path)
    text = doc.cleaned.text
    bad = []
    for trap in load(path)["traps"]:
        # A trap cleaning removed altogether (page junk, glossary) cannot yield a fact.
        for s, e in _occurrences(trap, text):
            bad += [
                (trap, f.indicator_name, f.value, f.unit, text[f.char_start : f.char_end])
                for f in doc.facts
                if f.char_start < e and s < f.char_end
            ]
    assert not bad, bad


@pytest.mark.parametrize("path", [p for p in gold_files() if load(p).get("absent")], ids=lambda p: p.stem)
def test_page_junk_and_glossary_removed(path):
    text = parsed(path).cleaned.text
    left = [junk for junk in load(path)["absent"] if junk in text]
    assert not left, left


@pytest.mark.parametrize("path", [p for p in gold_files() if load(p).get("no_targets")], ids=lambda p: p.stem)
def test_report_without_plan_gives_no_targets(path):
    doc = parsed(path)
    assert not doc.has_plan_section
    assert doc.facts, "the review part still yields facts"
    targets = [(f.indicator_name, f.value, f.unit) for f in doc.facts if f.kind == "target"]
    assert not targets, targets


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_every_fact_points_at_its_figure(path):
    doc = parsed(path)
    text = doc.cleaned.text
    for f in doc.facts:
        if f.target_not_set:
            continue
        span = text[f.char_start : f.char_end]
        assert span and span in f.sentence, (f.indicator_name, f.char_start, f.char_end, span)
