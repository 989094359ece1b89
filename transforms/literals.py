"""Characters a regex cannot match without: a cheap exact pre-check before running it.

Python's regex engine walks text at tens of nanoseconds a character when a pattern starts
with a class or an optional part, while ``ch in text`` scans at memory speed. When every match
of a pattern must contain one of a few characters (every year pattern holds 年), a text
holding none of them has no match, and the regex need not run at all.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]  # the opcodes: stable since 3.11
from re import _parser as sre_parse  # type: ignore[attr-defined]

__all__ = ["gate", "required_chars"]

_MAX_CHARS = 13  # a longer set makes a poor pre-check


def required_chars(pattern: str | re.Pattern[str]) -> frozenset[str] | None:
    """A set of characters every match of ``pattern`` contains at least one of; None when the
    pattern does not tell (then it must always run)."""
    if isinstance(pattern, re.Pattern):
        if pattern.flags & re.IGNORECASE:
            return None
        pattern = pattern.pattern
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, TypeError):
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = _of_sequence(list(parsed))
    return None if found is None or len(found) > _MAX_CHARS else frozenset(found)


def gate(pattern: str | re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern of the characters ``pattern`` needs: where ``gate.search(text)`` finds none,
    ``pattern`` cannot match (one C-level scan of a character class, several times faster than
    the pattern). None when the pattern needs no particular character: always run it."""
    chars = required_chars(pattern)
    if chars is None:
        return None
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")


def _of_sequence(items: list) -> set[str] | None:
    """Every match of a sequence matches each of its items: the smallest item set will do."""
    best: set[str] | None = None
    for item in items:
        found = _of_item(item)
        if found is not None and (best is None or len(found) < len(best)):
            best = found
    return best


def _of_item(item: tuple) -> set[str] | None:
    op, av = item
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.IN:
        if all(sub_op is sre.LITERAL for sub_op, _ in av):
            return {chr(code) for _, code in av}
        return None
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & re.IGNORECASE else _of_sequence(list(sub))
    if op is sre.ATOMIC_GROUP:
        return _of_sequence(list(av))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _of_sequence(list(sub)) if low >= 1 else None
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _of_sequence(list(branch))
            if found is None:
                return None
            union |= found
        return union
    return None
