"""Code points that would hide a word from the lexicons: look-alikes folded, invisibles dropped.

A PDF's text layer often carries Kangxi radicals for whole characters (地区⽣产总值增⻓5%), and a
text that passed through a Japanese font carries 増 for 增: OpenCC leaves both. Web pages hide
zero-width and other format characters inside words (一般公共\u200c预算收入) to defeat copying.
Either way no indicator word and no 增长 would match, and the document would give no core fact.
The look-alikes are Unicode's own compatibility mapping for three blocks plus
``reference/variant_chars.yaml``; the invisibles are Unicode's format characters (category Cf).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache

import reference

# Kangxi Radicals, CJK Radicals Supplement, CJK Compatibility Ideographs: NFKC maps most
# characters of the first and last, and two of the second, to one unified ideograph.
_NFKC_BLOCKS = ((0x2F00, 0x2FD5), (0x2E80, 0x2EF3), (0xF900, 0xFAD9))

# Where Unicode's format characters are (zero-width spaces and joiners, bidi marks, BOM, soft
# hyphen, tags); scanning only these keeps the table's build at a few milliseconds.
_FORMAT_RANGES = ((0x0000, 0x2070), (0xFE00, 0x10000), (0xE0000, 0xE0080))


@cache
def _table() -> tuple[dict[int, str | None], re.Pattern[str]]:
    folds: dict[str, str | None] = {}
    for first, last in _NFKC_BLOCKS:
        for point in range(first, last + 1):
            char = chr(point)
            folded = unicodedata.normalize("NFKC", char)
            if folded != char and len(folded) == 1 and unicodedata.category(folded) == "Lo":
                folds[char] = folded
    data = reference.load_yaml("variant_chars.yaml")
    folds.update(data["radicals"])
    folds.update(data["variants"])
    for point in itertools.chain(*(range(a, b) for a, b in _FORMAT_RANGES)):
        if unicodedata.category(chr(point)) == "Cf":  # zero-width spaces and joiners, BOM, soft hyphen
            folds[chr(point)] = None
    return {ord(k): v for k, v in folds.items()}, re.compile(_char_class(folds))


def _char_class(chars) -> str:
    """``[...]`` with runs of consecutive code points as ranges: a class of ~900 single
    characters searches ten times slower than the same class written as ~90 ranges."""
    runs: list[list[int]] = []
    for point in sorted(map(ord, chars)):
        if runs and point == runs[-1][1] + 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    parts = (re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in runs)
    return "[" + "".join(parts) + "]"


def normalize_code_points(text: str) -> str:
    """``text`` with look-alikes folded and invisibles dropped; the same object when there are
    none (the search is what almost every text costs: translate walks every character)."""
    table, pattern = _table()
    return text.translate(table) if pattern.search(text) else text
