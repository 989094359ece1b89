"""Mojibake: GBK bytes read one byte out of step, with bytes lost as '?'.

Scraped reports carry spans such as ``??偟膩碚f`` (總的來說): the page's GBK bytes were decoded
starting one byte late, so every character pairs the tail of one with the head of the next, and
the bytes that formed no character became '?'. Such a span is made of characters that are rare
in real text, next to '?'. Re-encoding the span as GBK and dropping the first byte puts the pairs
back in step; the character whose first byte was lost is restored only when exactly one
candidate forms a dictionary word with what follows. Whatever cannot be restored is reported so
that no fact is read from it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import opencc

from transforms.indicators import tokenizer

_RARE = 2000  # summed jieba word frequency below which a character is rare in real text
_RUN = re.compile(r"\?[\u4e00-\u9fff?;!A-Za-z]*|[\u4e00-\u9fff]\?")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Repair:
    text: str
    n_repaired: int
    unrepaired: list[tuple[int, int]]  # spans in the returned text


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _char_freq() -> Counter[str]:
    """Character frequencies summed over jieba's dictionary: a cheap language model."""
    freq: Counter[str] = Counter()
    for word, f in _words().items():
        for ch in word:
            freq[ch] += f
    return freq


def _words() -> dict[str, int]:
    """jieba's word frequencies, from the process's one shared tokenizer."""
    tok = tokenizer()
    tok.check_initialized()
    return tok.FREQ


def _rare(ch: str) -> bool:
    return _char_freq()[_t2s().convert(ch)] < _RARE


def _common(text: str) -> bool:
    return all(not _HAN.match(ch) or not _rare(ch) for ch in text)


def find_spans(text: str) -> list[tuple[int, int]]:
    """Spans that read as mojibake: a '?' run with rare characters (or ;! debris) around it."""
    if "?" not in text:
        return []
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"\?", text):
        if spans and m.start() < spans[-1][1]:
            continue
        start = m.start()
        end = m.end()
        while end < len(text):
            ch = text[end]
            nxt = text[end + 1] if end + 1 < len(text) else ""
            debris = ch in "?;!" or (ch.isascii() and ch.isalpha())
            rare_han = _HAN.match(ch) and (_rare(ch) or (_HAN.match(nxt) and _rare(nxt)) or nxt == "?")
            if not (debris or rare_han):
                break
            end += 1
        span = text[start:end]
        n_rare = sum(1 for ch in span if _HAN.match(ch) and _rare(ch))
        if n_rare >= 1 or (len(span) >= 3 and any(c in span for c in ";!")):
            spans.append((start, end))
    return spans


def _realign(piece: str) -> tuple[str, bytes] | None:
    """Put GBK pairs back in step: (text of the bytes after the first, the orphan first byte)."""
    try:
        raw = piece.encode("gbk")
    except UnicodeEncodeError:
        return None
    if len(raw) < 3:
        return None
    body = raw[1:]
    try:
        fixed = body.decode("gbk")
    except UnicodeDecodeError:
        return None
    return (fixed, raw[:1]) if _common(fixed) else None


def _guess_lead(second: bytes, following: str) -> str | None:
    """The one character whose lost first byte pairs with ``second`` and makes a word."""
    words = _words()
    found = []
    for lead in range(0x81, 0xFF):
        try:
            ch = bytes([lead]) + second
            cand = ch.decode("gbk")
        except UnicodeDecodeError:
            continue
        simplified = _t2s().convert(cand + following)
        if any(words.get(simplified[:n]) for n in range(2, min(len(simplified), 5) + 1)):
            found.append(cand)
    return found[0] if len(found) == 1 else None


def repair(text: str) -> Repair:
    """Repair the mojibake spans that can be restored; report the others."""
    spans = find_spans(text)
    if not spans:
        return Repair(text, 0, [])
    out: list[str] = []
    unrepaired: list[tuple[int, int]] = []
    n_repaired = 0
    pos = 0
    for start, end in spans:
        out.append(text[pos:start])
        fixed = _repair_span(text[start:end])
        offset = sum(len(s) for s in out)
        if fixed is not None:
            out.append(fixed)
            n_repaired += 1
        else:
            out.append(text[start:end])
            unrepaired.append((offset, offset + end - start))
        pos = end
    out.append(text[pos:])
    return Repair("".join(out), n_repaired, unrepaired)


def _repair_span(span: str) -> str | None:
    """The span's restored text, or None when any part of it stays unknown."""
    pieces = [p for p in re.split(r"\?+", span) if p]
    if len(pieces) != 1 or not _HAN.search(pieces[0]):
        return None
    realigned = _realign(pieces[0])
    if realigned is None:
        return None
    fixed, orphan = realigned
    if not span.startswith("?"):
        return None
    lead = _guess_lead(orphan, fixed[:4])
    return None if lead is None else lead + fixed
