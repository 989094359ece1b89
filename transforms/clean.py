"""Decoded text to clean text: mojibake repaired, Simplified script, page junk out.

``Cleaned.full_text`` keeps everything (metadata such as the title and 发布时间 lives in page
headers); ``Cleaned.text`` is what facts come from. Every removal is counted, so a document that
lost half its lines to the boilerplate rules shows up in dim_document.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from unicodedata import east_asian_width

import opencc

import reference
from transforms import mojibake
from transforms.codepoints import normalize_code_points
from transforms.indicators import term_names
from transforms.models import Cleaned
from transforms.numbers import BARE, find_quantities

_SCRIPT_SAMPLE = 20_000
_HAN = re.compile(r"[\u4e00-\u9fff]")
_INNER_SPACE = re.compile(r"[ \t\u3000\xa0]+")
# A decimal point with a space before it (6 . 5%); not 1. 2024年, a numbered line.
_SPACED_POINT = re.compile(r"(?<=\d)[ \t\u3000\xa0]+\.[ \t\u3000\xa0]*(?=\d)")
# …and one with a space after it only where a unit follows the digits (生产总值6835. 27亿元, 人口自然增长
# 率6. 2‰): 1. 2024年 stays a numbered line.
_POINT_THEN_SPACE = re.compile(r"(?<=\d)\.[ \t\u3000\xa0]+(?=\d{1,4}(?:[%％‰]|[万亿千百]*元|万|亿))")
# A typeset text that spaces out its digits (1 9 9 7 年国内生产总值达到7 4 7 7 2亿元, 增长1 1 %)
# is known by a year written so; in such a text a run of single spaced digits is one number.
_SPACED_YEAR = re.compile(r"(?<![\d.])(?:1 9|2 0) \d \d ?年")
_SPACED_DIGITS = re.compile(r"(?<![\d.])\d(?: \d)+(?!\d)")


# Thousands set off by a space (预计全年国内生产总值达到2 093亿元, 粮食总产量达到1 360万吨): one number,
# where a unit follows; two numbers a space apart otherwise stay two.
_THOUSANDS_AFTER = re.compile(r"\d{3}(?=(?:\.\d+)?\s*(?:[万亿]|元|美元|吨|公斤|斤|人|户|家|个|平方米|亩))")


def _thousands_space(line: str, start: int, end: int) -> bool:
    """Does the space at ``[start, end)`` set off thousands: one to three digits before it (not a
    decimal's), three after it and then a unit?"""
    head = start
    while head > 0 and line[head - 1].isdigit():
        head -= 1
    if not 1 <= start - head <= 3 or line[head - 1 : head] == ".":
        return False
    return _THOUSANDS_AFTER.match(line, end) is not None and not line[end + 3 : end + 4].isdigit()


def _drop_layout_spaces(line: str) -> str:
    """Spaces that layout or PDF text extraction put between Han characters, and between them
    and a figure (增长 6.8% 左右, 2024 年), and between them and a capital (万元 GDP 能耗, 人均 GDP)
    go: they split words and hide a figure's unit and modifier. Spaces between two numbers, or
    next to other Latin letters, stay. A line holds few
    spaces, so they are found first and their neighbours looked at (a pattern with the
    neighbours in lookarounds tests them at every character)."""
    if " ." in line:
        line = _SPACED_POINT.sub(".", line)  # 增长6 . 5%左右: one figure
    if ". " in line:
        line = _POINT_THEN_SPACE.sub(".", line)
    pieces: list[str] = []
    pos = 0
    for m in _INNER_SPACE.finditer(line, 1, len(line) - 1):
        left, right = line[m.start() - 1], line[m.end()]  # the search stops short of both ends
        left_han, right_han = "\u4e00" <= left <= "\u9fff", "\u4e00" <= right <= "\u9fff"
        if (
            ((left_han or left in "%％") and (right_han or right.isdigit()))
            or ((left_han or left.isdigit()) and (right_han or right in "%％"))
            or (left_han and "A" <= right <= "Z")
            or ("A" <= left <= "Z" and right_han)
            or (left.isdigit() and right.isdigit() and _thousands_space(line, m.start(), m.end()))
        ):
            pieces.append(line[pos : m.start()])
            pos = m.end()
    if not pieces:
        return line
    pieces.append(line[pos:])
    return "".join(pieces)


# A footnote number glued to the end of a quoted term: “三区三线”4划定, “八大标志性战役”6，
_FOOTNOTE = re.compile(r"(?<=[”」』])(\d{1,2})(?![\d.%％])")
_FOOTNOTE_CANDIDATE = re.compile(r"[”」』]\d")


@dataclass(frozen=True)
class _Rules:
    max_short: int
    short: re.Pattern[str]
    any_line: re.Pattern[str]
    glossary: re.Pattern[str]
    glossary_entry: re.Pattern[str]
    min_glossary_entries: int
    report_end: re.Pattern[str]
    page_inline: re.Pattern[str]
    page_line: re.Pattern[str]
    long_line: re.Pattern[str]  # matches a line with more than max_short Han characters
    inline_sentence: re.Pattern[str]
    inline_annotation: re.Pattern[str]
    paragraph_opener: re.Pattern[str]
    item_opener: re.Pattern[str]
    related_links: re.Pattern[str]


def _union(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    """One alternation of the patterns. Joined bare, not each wrapped in (?:…): the same
    regex (a pattern cannot carry global flags past its start), but a flat alternation of
    literals lets the engine skip ahead to the characters that can start a match, several
    times faster on every line of every document."""
    return re.compile("|".join(patterns), flags)


@cache
def _rules() -> _Rules:
    d = reference.load_yaml("boilerplate.yaml")
    inline = [p for p in d["page_marker"] if not p.startswith("^")]
    whole = [p for p in d["page_marker"] if p.startswith("^")]
    return _Rules(
        max_short=int(d["max_short_line_han"]),
        short=_union(d["short_line"], re.IGNORECASE),
        any_line=_union(d["any_line"]),
        glossary=_union(d["glossary_heading"]),
        glossary_entry=_union(d["glossary_entry"]),
        min_glossary_entries=int(d["min_glossary_entries"]),
        report_end=_union(d["report_end"]),
        page_inline=_union(inline),
        page_line=_union(whole),
        long_line=_more_han_than(int(d["max_short_line_han"])),
        inline_sentence=_union(d["inline_sentence"]),
        inline_annotation=_union(d["inline_annotation"]),
        paragraph_opener=_union(d["paragraph_opener"]),
        item_opener=_union(d["item_opener"]),
        related_links=_union(d["related_links_heading"]),
    )


def _more_han_than(n: int) -> re.Pattern[str]:
    """``pattern.match(line)`` iff ``_han_count(line) > n``, stopping at the (n+1)th Han
    character instead of counting a long line through (possessive: no backtracking)."""
    return re.compile(rf"(?:[^\u4e00-\u9fff]*+[\u4e00-\u9fff]){{{n + 1}}}")


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _han_count(text: str) -> int:
    """Number of Han characters: deleting the rest is about three times faster than listing
    every Han character with findall."""
    return len(_NON_HAN.sub("", text))


_NON_HAN = re.compile(r"[^\u4e00-\u9fff]+")


def detect_script(original: str, simplified: str) -> str:
    """simplified / traditional / mixed, by the share of Han characters OpenCC had to change."""
    # An unchanged text, or one without Han, is simplified: checked before counting anything.
    if original == simplified or _HAN.search(original) is None:
        return "simplified"
    if len(original) == len(simplified):
        # Compare a sample of the text: the share is what matters, not every character.
        a, b = original[:_SCRIPT_SAMPLE], simplified[:_SCRIPT_SAMPLE]
        changed = sum(1 for x, y in zip(a, b, strict=True) if x != y)
        han = _han_count(a) or 1
    else:  # phrase conversions changed lengths: compare character sets instead
        changed = max(0, len(set(original) - set(simplified)))
        han = _han_count(original)
    share = changed / han
    if share >= 0.08:
        return "traditional"
    return "mixed" if share >= 0.01 else "simplified"


def clean_document(text: str) -> Cleaned:
    rules = _rules()
    repaired = mojibake.repair(text)
    folded = normalize_code_points(repaired.text)  # before OpenCC: a folded Kangxi ⾧ is 長
    simplified = _t2s().convert(folded)
    script = detect_script(folded, simplified)
    n_chars = 0
    # 国(guó)务(wù)院, the title too. A syllable has a tone mark: without one (almost every text)
    # the pattern is not run (substring tests are many times faster than its search).
    if any(mark in simplified for mark in _TONE_MARKS) and rules.inline_annotation.search(simplified):
        annotated, simplified = simplified, rules.inline_annotation.sub("", simplified)
        n_chars = len(annotated) - len(simplified)
    lines = simplified.split("\n")
    if (mark := _line_end_watermark(lines)) is not None:
        marked, simplified = simplified, mark.sub("", simplified)
        n_chars += len(marked) - len(simplified)
        lines = simplified.split("\n")
    if _token_per_line(stripped := [line.strip() for line in lines]):
        lines = list(_token_paragraphs(stripped))  # the title and the dates too, for metadata
        simplified = "\n".join(lines)
    full_text = simplified
    spaced_digits = ("2 0 " in simplified or "1 9 " in simplified) and bool(_SPACED_YEAR.search(simplified))

    kept: list[str] = []
    n_lines = n_glossary = n_pages = 0
    prose_seen = in_links = False
    glossary_start = _headless_glossary_start(lines, rules)
    if glossary_start is not None:
        n_glossary = sum(len(rest) + 1 for rest in lines[glossary_start:])
        lines = lines[:glossary_start]
    for i, kind, line in _units(lines, rules):
        if kind == "page":
            n_pages += 1
            continue
        if kind == "junk":
            n_lines += 1
            n_chars += len(line)
            in_links = prose_seen and _links_heading(line, rules)
            continue
        if not line:
            if kept and kept[-1]:
                kept.append("")
            continue
        if rules.glossary.search(line):
            n_glossary += sum(len(rest) + 1 for rest in lines[i:])
            break
        if rules.page_line.search(line):
            n_pages += 1
            continue
        if (in_links and (in_links := _is_headline(line))) or _is_junk(line, rules):
            n_lines += 1
            n_chars += len(line)
            in_links = in_links or (prose_seen and _links_heading(line, rules))
            continue
        if not prose_seen and len(line) > rules.max_short:
            prose_seen = rules.long_line.match(line) is not None
        if rules.inline_sentence.search(line):
            line, dropped = _drop_junk_sentences(line, rules)
            n_chars += dropped
        line, n = rules.page_inline.subn("", line)
        n_pages += n
        if spaced_digits:
            line = _SPACED_DIGITS.sub(lambda m: m[0].replace(" ", ""), line)
        if " " in line or "\t" in line or "\u3000" in line or "\xa0" in line:  # else no match
            line = _drop_layout_spaces(line)
        line = _strip_footnotes(line)
        kept.append(line)
    body = "\n".join(kept).strip()
    spans = _locate_spans(body, [repaired.text[a:b] for a, b in repaired.unrepaired])
    return Cleaned(
        full_text=full_text,
        text=body,
        script=script,
        n_boilerplate_lines=n_lines,
        n_boilerplate_chars=n_chars,
        n_glossary_chars=n_glossary,
        n_page_markers=n_pages,
        n_mojibake_repaired=repaired.n_repaired,
        mojibake_spans=spans,
    )


# Text taken from a PDF or a print layout breaks every line at the page width, mid-sentence and
# mid-figure (增长\n5.8%). Such a text is recognised by its lines: most long ones end open.
_CLOSED = frozenset("。！？!?；;：:…")
_CLAUSE_ENDS = ("；", ";")  # a clause's end: where a page's width may cut a sentence
_CLOSERS = "”’」』\"'）)"
_WRAP_MIN_LINE = 12  # shorter lines (headings, signatures) say nothing about the layout
_WRAP_MIN_LINES = 6  # long lines, and open lines at the common width
_WRAP_MIN_WIDTH = 20  # characters: no page or screen layout breaks prose narrower
_WRAP_OPEN_SHARE = 0.35  # of long lines ending open; paragraph-per-line text has few but headings
_WRAP_SPREAD = 0.15  # most open lines of a wrapped text are within this share of one length
_WRAP_FULL = 0.8  # a line at least this share of the typical open line's length was broken by the width


def _ends_open(line: str) -> bool:
    end = line.rstrip(_CLOSERS)
    return not end or end[-1] not in _CLOSED


# A token some document sites glue after every paragraph (…提出意见。jMF): two to four ASCII
# letters and digits right after Chinese text or punctuation, at the end of many lines.
_MARK_AT_END = re.compile(r"(?<=[^A-Za-z0-9\s])([A-Za-z0-9]{2,4})[ \t]*$")
_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_MARK_MIN_LINES = 5
_MARK_SHARE = 0.2  # of the non-empty lines


def _line_end_watermark(lines: list[str]) -> re.Pattern[str] | None:
    """A pattern for the site's token wherever it stands after Chinese text, if the text has one.
    A word that merely ends several lines (GDP, 5G, 2023, km) is all capitals, all digits or all
    small letters; tokens mix cases or letters and digits (jMF, C6m, 9ti, hd9). Only lines that
    end in an ASCII letter, digit or space are searched (a search of the whole text cost a third
    of the cleaning)."""
    ends = [line for line in lines if line[-1:] in _ASCII_ALNUM or line[-1:] in " \t"]
    if len(ends) < _MARK_MIN_LINES:
        return None  # almost every text
    found = Counter(m.group(1) for line in ends if (m := _MARK_AT_END.search(line)) is not None)
    if not found:
        return None
    token, n = found.most_common(1)[0]
    if n < _MARK_MIN_LINES or token.isupper() or token.isdigit() or (token.isalpha() and token.islower()):
        return None  # GDP, 2023, cm: a word; jMF, C6m, 9ti, hd9: a token
    if n < _MARK_SHARE * sum(1 for line in lines if line.strip()):
        return None
    return re.compile(rf"(?<=[^A-Za-z0-9\s]){re.escape(token)}(?=\s|$)")


_TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_NO_WORD = re.compile(r"[^\w]+")
_PROSE_MARK = re.compile("[，。、；：！？]")
_ANY_PROSE_MARK = re.compile("[，。、；：！？,;]")  # a page that writes half-width commas


def _width(line: str) -> float:
    """A line's width on the page, in Chinese characters: a page wraps by width, and digits and
    ASCII punctuation take half a character's (the lines of a review dense with figures hold
    more characters)."""
    return sum(1.0 if east_asian_width(ch) in "WF" else 0.5 for ch in line)


def _wrap_width(lines: list[str], rules: _Rules) -> tuple[Callable[[str], float], float] | None:
    """(measure, length) from which a line was broken by the page, if the text is hard-wrapped:
    most of its long lines end open, and most of those are about one length. A page wraps by width
    (a line dense with figures holds more characters), a plain-text file by characters: the
    measure by which more of the open lines share one length is the text's. None for
    paragraph-per-line text (headings end open too, but they are few) and for a page whose open
    lines are its navigation and footer (judged without the junk lines, which vary in length)."""
    long = [line for line in lines if len(line) >= _WRAP_MIN_LINE]
    if len(long) < _WRAP_MIN_LINES or sum(map(_ends_open, long)) < _WRAP_OPEN_SHARE * len(long):
        return None  # almost every text: one pass, no junk test
    long = [line for line in long if not _is_junk(line, rules) and not rules.page_line.search(line)]
    open_lines = [line for line in long if _ends_open(line)]
    if len(long) < _WRAP_MIN_LINES or len(open_lines) < _WRAP_OPEN_SHARE * len(long):
        return None
    found = [(hit, measure) for measure in (len, _width) if (hit := _at_width(open_lines, measure))]
    if not found:
        return None  # a title, a date line and a signature end open too, at no common width
    (_, typical), measure = max(found, key=lambda pair: pair[0][0])
    return measure, _WRAP_FULL * typical


def _at_width(lines: list[str], measure: Callable[[str], float]) -> tuple[int, float] | None:
    """(how many, length): the length most lines are about by this measure, if there is one."""
    lengths = sorted(map(measure, lines))
    typical = lengths[len(lengths) // 2]
    at_width = sum(abs(n - typical) <= _WRAP_SPREAD * typical for n in lengths)
    if typical < _WRAP_MIN_WIDTH or at_width < max(_WRAP_MIN_LINES, 0.5 * len(lengths)):
        return None
    return at_width, typical


def _units(lines: list[str], rules: _Rules) -> Iterator[tuple[int, str, str]]:
    """(index of the first line, kind, text) of the units cleaning judges: the stripped lines, or
    for a hard-wrapped text its paragraphs joined again. There a line as long as the width that
    ends open continues on the next line; shorter lines (headings, a paragraph's last line) and
    lines that end a sentence keep their break. A page header or junk line between two pieces of
    a paragraph goes first (kind ``page`` or ``junk``), so it is not glued into the prose; a
    piece of prose is judged with its whole paragraph (a spam sentence across two lines)."""
    stripped = [raw.strip() for raw in lines]
    wrap = _wrap_width(stripped, rules)
    if wrap is None:
        yield from _across_page_breaks(stripped, rules)
        return
    measure, full = wrap
    start = 0
    pieces: list = []
    for i, line in enumerate(stripped):
        after = stripped[i + 1] if i + 1 < len(stripped) else ""
        # A full line ending in ； goes on, unless an item opens next: the width cut a sentence.
        clause_cut = line.endswith(_CLAUSE_ENDS) and rules.item_opener.match(after) is None
        piece = measure(line) >= full and (_ends_open(line) or clause_cut)
        if piece and i + 1 < len(stripped) and rules.paragraph_opener.match(stripped[i + 1]):
            piece = False  # a headline as wide as the text, above 本报讯…: its own paragraph
        if piece and _PROSE_MARK.search(line) is None and _is_junk(line, rules):
            piece = False  # a page header as wide as the text: junk, and no prose mark in it
        if line and not piece:
            if rules.page_line.search(line) and not (pieces and _NO_WORD.fullmatch(line)):
                yield i, "page", line  # but a lone 。 after a piece is where the paragraph ends
                continue
            # After a piece, a line ending a sentence is the paragraph's last: judged with it (a
            # spam sentence across the break). A page header there ends open.
            if not (pieces and not _ends_open(line)) and _is_junk(line, rules):
                yield i, "junk", line
                continue
        if pieces and line:
            pieces.append(line)
        else:
            if pieces:
                yield start, "line", "".join(pieces)
            start, pieces = i, [line]
        if not piece:
            yield start, "line", "".join(pieces)
            pieces = []
    if pieces:
        yield start, "line", "".join(pieces)


_TOKEN_MIN_LINES = 20
_TOKEN_SHORT = 4  # characters: a run of text cut out of its line (XX, 镇, 2023, 5%, ;)
_TOKEN_SHORT_SHARE = 0.35  # of the non-empty lines; a list of bullets has almost none
_PARAGRAPH_END = frozenset("。！？!?")


def _token_per_line(stripped: list[str]) -> bool:
    """Text from a document-sharing page that puts every run of text on its own line (XX / 镇 /
    2023 / 年政府工作报告): many very short lines, mid-sentence and mid-figure."""
    lines = [line for line in stripped if line]
    if len(lines) < _TOKEN_MIN_LINES:
        return False
    short = sum(1 for line in lines if len(line) <= _TOKEN_SHORT)
    return short >= _TOKEN_SHORT_SHARE * len(lines) and sum(map(_ends_open, lines)) >= 0.5 * len(lines)


def _token_paragraphs(stripped: list[str]) -> Iterator[str]:
    """The runs joined again into paragraphs: one ends after a full stop (or an empty line), and a
    numbered heading ((一), 1., 二、) or the salutation (各位代表：) starts a new one."""
    salutation = _salutation()
    pieces: list[str] = []
    for line in stripped:
        if pieces and (not line or _ENUMERATED.match(line) or salutation.match(line)):
            yield "".join(pieces)
            pieces = []
        if not line:
            continue
        pieces.append(line)
        if line.rstrip(_CLOSERS)[-1:] in _PARAGRAPH_END:
            yield "".join(pieces)
            pieces = []
    if pieces:
        yield "".join(pieces)


@cache
def _salutation() -> re.Pattern[str]:
    return re.compile(reference.load_yaml("report_cues.yaml")["salutation_pattern"])


_ENUMERATED = re.compile(
    r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[、．]|\.(?!\d))|第[一二三四五六七八九十]"
)  # 1. and 1、 but not 14.9%
_PAGE_LINE_MAX = 16  # characters: every page-marker pattern fits


def _across_page_breaks(stripped: list[str], rules: _Rules) -> Iterator[tuple[int, str, str]]:
    """The lines of a paragraph-per-line text, with a paragraph that a page break cut in two
    (…余额达6925万元和3810 / - 1 - / 万元，同比增长12.4%) joined again across its page number. A
    piece ends open and reads as prose; headings (enumerated, or without a prose mark) keep
    their break."""
    pages = [
        i
        for i, line in enumerate(stripped)
        if 0 < len(line) <= _PAGE_LINE_MAX and rules.page_line.search(line)
    ]
    joins: dict[int, int] = {}  # line before the page number -> line after it
    for p in pages:
        k = next((k for k in range(p - 1, -1, -1) if stripped[k]), None)
        m = next((m for m in range(p + 1, len(stripped)) if stripped[m]), None)
        if k is None or m is None or k in joins.values() or m in pages:
            continue
        before, after = stripped[k], stripped[m]
        if (
            _ends_open(before)
            and _PROSE_MARK.search(before) is not None
            and (len(before) >= 40 or _ENUMERATED.match(before) is None)
            and _ENUMERATED.match(after) is None
            and not _is_junk(after, rules)
        ):
            joins[k] = m
    # A page break the copy kept only as an empty line (…实现社会消费品 / (empty) / 零售总额5.03亿元):
    # joined where it cuts a figure or an indicator's name in two, and nowhere else, since a
    # paragraph of a careless page may end open.
    for k in range(len(stripped) - 2):
        before = stripped[k]
        if not before or stripped[k + 1] or k in joins or len(before) < _CUT_PARAGRAPH_MIN:
            continue
        m = next((m for m in range(k + 2, min(k + 5, len(stripped))) if stripped[m]), None)
        if (
            m is None
            or m in joins.values()
            or not _ends_open(before)
            or _ANY_PROSE_MARK.search(before) is None
        ):
            continue
        after = stripped[m]
        if _ENUMERATED.match(after) is None and _cut_in_two(before, after) and not _is_junk(after, rules):
            joins[k] = m
    if not joins:
        yield from ((i, "line", line) for i, line in enumerate(stripped))
        return
    skip: set[int] = set()
    for i, line in enumerate(stripped):
        if i in skip:
            continue
        if i in joins:
            m = joins[i]
            for j in range(i + 1, m):
                if stripped[j]:
                    yield j, "page", stripped[j]
            yield i, "line", line + stripped[m]
            skip.update(range(i + 1, m + 1))
            continue
        yield i, "line", line


_CUT_PARAGRAPH_MIN = 40  # characters
_FIGURE_GOES_ON = frozenset("0123456789.%％‰万亿千百元个人户吨亩家")


def _cut_in_two(before: str, after: str) -> bool:
    """Does the break fall inside a figure (…达3810 / 万元) or an indicator's name?"""
    if before[-1].isdigit() and after[0] in _FIGURE_GOES_ON:
        return True
    names = term_names()
    longest = _longest_term()
    for k in range(1, min(len(before), longest - 1) + 1):
        head = before[-k:]
        for n in range(1, min(len(after), longest - k) + 1):
            if head + after[:n] in names:
                return True
    return False


@cache
def _longest_term() -> int:
    return max(map(len, term_names()))


_SENTENCE_OF_LINE = re.compile(r"[^。！？!?]+[。！？!?]*")


def _drop_junk_sentences(line: str, rules: _Rules) -> tuple[str, int]:
    """The line without its junk sentences, and how many characters went."""
    kept, dropped = [], 0
    for sentence in _SENTENCE_OF_LINE.findall(line):
        if rules.inline_sentence.search(sentence):
            dropped += len(sentence)
        else:
            kept.append(sentence)
    return "".join(kept), dropped


def _headless_glossary_start(lines: list[str], rules: _Rules) -> int | None:
    """Index of a numbered block of term definitions that follows the report's closing line."""
    entries = [i for i, line in enumerate(lines) if rules.glossary_entry.match(line)]
    if len(entries) < rules.min_glossary_entries:
        return None
    for k, i in enumerate(entries):
        if len(entries) - k < rules.min_glossary_entries:
            return None
        before = next((line for line in reversed(lines[:i]) if line.strip()), "")
        if rules.report_end.search(before):
            rest = [line for line in lines[i:] if line.strip()]
            if len(entries) - k >= 0.5 * len(rest):
                return i
    return None


def _locate_spans(body: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Offsets in ``body`` of the unrepaired mojibake (converted like the body); spans that the
    cleaning dropped (glossary, junk lines) are simply not found. Detection on the final text
    adds any span the conversion made visible."""
    found: set[tuple[int, int]] = set(mojibake.find_spans(body))
    pos = 0
    for piece in pieces:
        target = _t2s().convert(normalize_code_points(piece)).strip()
        at = body.find(target, pos) if target else -1
        if at >= 0:
            found.add((at, at + len(target)))
            pos = at + len(target)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _is_junk(line: str, rules: _Rules) -> bool:
    if rules.any_line.search(line):
        return True
    # Only short lines can be junk; a line no longer than the limit needs no count.
    if len(line) > rules.max_short and rules.long_line.match(line):
        return False
    return rules.short.search(line) is not None


def _links_heading(line: str, rules: _Rules) -> bool:
    """相关新闻 over a list of links. Looked for only after the report's prose has begun: a
    page's sidebar of links above the report's title would take the title with it."""
    return len(line) < 20 and rules.related_links.search(line.strip()) is not None


def _is_headline(line: str) -> bool:
    """Link titles in a list of links: no sentence of prose ends in them. Not a length: a page
    broken at one width joins two titles into one line (厦门市政府工作报告：…增长5.5%左右福建省…召开)."""
    return _SENTENCE_END.search(line) is None


_SENTENCE_END = re.compile("[。！？；!?;]|…$")


def _strip_footnotes(line: str) -> str:
    """Drop footnote digits after a closing quote unless they start a quantity (“专精特新”12家)."""
    if _FOOTNOTE_CANDIDATE.search(line) is None:
        return line  # no digit right after a closing quote: nothing to drop

    def keep_or_drop(m: re.Match[str]) -> str:
        quantities = find_quantities(line[m.start() : m.start() + 12])
        return m.group(1) if quantities and quantities[0].start == 0 and quantities[0].family != BARE else ""

    return _FOOTNOTE.sub(keep_or_drop, line)


_BLOCK_TAGS = re.compile(
    r"<\s*(?:br|/p|/div|/li|/h\d|/tr|/table|/section|/article|p|div|li|h\d)\b[^>]*>", re.I
)
_DROP_BLOCKS = re.compile(r"<\s*(script|style|noscript|head)\b.*?<\s*/\s*\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]{0,2000}>", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


_PAGE_TITLE = re.compile(r"<\s*title\b[^>]*>(.*?)<\s*/\s*title\s*>", re.I | re.S)
# The site's name after the page's own title: 2025年安徽省政府工作报告_安徽省人民政府, … - 某市人民政府网.
_SITE_SUFFIX = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s).*", re.S)


def page_title(text: str) -> str | None:
    """An HTML page's <title>, Simplified and without the site's name after it. strip_html drops
    the <head>, so a page whose body carries no title line would have none without it."""
    m = _PAGE_TITLE.search(text, 0, 20_000)
    if m is None:
        return None
    title = html.unescape(_TAG.sub("", m.group(1))).strip()
    title = _SITE_SUFFIX.sub("", title)
    return _t2s().convert(normalize_code_points(title)).strip() or None


def strip_html(text: str) -> str:
    """The text of an HTML page, one block per line (the standard library's unescape does
    entities; nothing here executes or fetches anything)."""
    text = _COMMENT.sub("", text)
    text = _DROP_BLOCKS.sub("\n", text)
    text = _BLOCK_TAGS.sub("\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    return re.sub(r"\n\s*\n+", "\n", text)
