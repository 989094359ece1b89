"""Look-alike code points folded to the ideographs the lexicons are written in.

A PDF's text layer often carries Kangxi radicals for whole characters (地区⽣产总值增⻓5%), and a
text that passed through a Japanese font carries 増 for 增: OpenCC leaves both, so no indicator
word and no 增长 would match, and the document would give no core fact. The table is Unicode's
own compatibility mapping for two blocks plus ``reference/variant_chars.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import reference

# Blocks whose every character NFKC maps to one unified ideograph (U+4E00–U+9FFF and beyond).
_NFKC_BLOCKS = ((0x2F00, 0x2FD5), (0x2E80, 0x2EF3), (0xF900, 0xFAD9))


@cache
def _table() -> tuple[dict[int, str], re.Pattern[str]]:
    folds: dict[str, str] = {}
    for first, last in _NFKC_BLOCKS:
        for point in range(first, last + 1):
            char = chr(point)
            folded = unicodedata.normalize("NFKC", char)
            if folded != char and len(folded) == 1 and unicodedata.category(folded) == "Lo":
                folds[char] = folded
    data = reference.load_yaml("variant_chars.yaml")
    folds.update(data["radicals"])
    folds.update(data["variants"])
    pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(folds)) + "]")
    return {ord(k): v for k, v in folds.items()}, pattern


def fold_variants(text: str) -> str:
    """``text`` with look-alike code points replaced; the same object when there are none (the
    search is what almost every text costs: translate walks every character)."""
    table, pattern = _table()
    return text.translate(table) if pattern.search(text) else text
