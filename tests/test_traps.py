"""Nothing that is not a figure becomes a fact: footnote digits, labels, ordinals, document
numbers, dates, page references, page junk and glossary appendices (tests/gold/*.yaml `traps`
and `absent`); a report without a plan part yields no targets."""

from __future__ import annotations

import re

import pytest

from tests.accuracy import gold_files, load, parsed

_FOOTNOTE = re.compile(r"(?<=[”」])\d{1,2}")


@pytest.mark.parametrize("path", [p for p in gold_files() if load(p).get("traps")], ids=lambda p: p.stem)
def test_no_fact_from_a_trap(path):
    doc = parsed(path)
    text = doc.cleaned.text
    for trap in load(path)["traps"]:
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(trap), text)]
        if not spans:
            # Cleaning removed the footnote digit: the rest of the trap must still be there.
            stripped = _FOOTNOTE.sub("", trap)
            assert stripped != trap and stripped in text, f"trap {trap!r} not in the cleaned text"
            continue
        for f in doc.facts:
            assert not any(s <= f.char_start < e for s, e in spans), (trap, f)


@pytest.mark.parametrize("path", [p for p in gold_files() if load(p).get("absent")], ids=lambda p: p.stem)
def test_page_junk_and_glossary_removed(path):
    text = parsed(path).cleaned.text
    for junk in load(path)["absent"]:
        assert junk not in text


@pytest.mark.parametrize("path", [p for p in gold_files() if load(p).get("no_targets")], ids=lambda p: p.stem)
def test_report_without_plan_gives_no_targets(path):
    doc = parsed(path)
    assert not doc.has_plan_section
    assert doc.facts and not [f for f in doc.facts if f.kind == "target"]


def test_every_fact_points_at_its_figure():
    for path in gold_files():
        doc = parsed(path)
        for f in doc.facts:
            span = doc.cleaned.text[f.char_start : f.char_end]
            assert span and span in f.sentence, (path.stem, f)
