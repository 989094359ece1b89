"""Quantities in running text: a number (digits or Chinese numerals), its unit and multiplier.

Only spans that read as measured quantities come out: a number with a unit from
reference/units.yaml. Bare numbers, years and dates, ordinals (第十七届), labels in quotes or
brackets, codes glued to Latin letters (S104, 5G, 220KV) and numbers inside formulas (2+1+N)
never do, because none of them is a figure an analyst would chart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

import cn2an

import reference

# Thousands may be separated by a comma; a full-width one only after at most three digits and
# before exactly three (1，234.5亿元), because 2023，500 is a year and a number. Written as a
# lookbehind inside the repeat, not as an alternative: an alternative cost every number 15 %.
DIGITS = r"\d+(?:(?<![0-9]{4})，\d{3}(?![0-9])|,\d{3})*(?:\.\d+)?"
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿点"
RANGE_SEP = r"[-－—–~～至到]{1,2}"


BARE = "bare"  # the family of a magnitude written without its base (145.98亿)


class Quantity(NamedTuple):
    """A tuple, not a frozen dataclass: one is made per figure, and a frozen dataclass's
    ``__init__`` sets each field through ``object.__setattr__`` (three to four times slower)."""

    start: int  # span of the whole quantity (number through unit) in the searched text
    end: int
    value: float
    value_high: float | None  # high end of a range
    unit: str  # as written: 亿元, %, 万人
    unit_std: str
    family: str
    multiplier: float
    approx_more: bool  # written with 余/多 between number and unit (3000余万元)

    @property
    def value_std(self) -> float:
        return scaled(self.value, self.multiplier)

    @property
    def value_std_high(self) -> float | None:
        return None if self.value_high is None else scaled(self.value_high, self.multiplier)


def scaled(value: float, multiplier: float) -> float:
    """value × multiplier without binary noise: 1235.6亿元 is 123560000000, not 123559999999.99998
    (figures are written with far fewer than 15 significant digits)."""
    return value if multiplier == 1.0 else float(f"{value * multiplier:.15g}")


@dataclass(frozen=True)
class _UnitTable:
    multipliers: dict[str, float]
    bases: dict[str, tuple[str, str]]  # written base -> (std, family)
    percents: dict[str, tuple[str, str]]
    cn_bases: frozenset[str]
    magnitude_verbs: tuple[str, ...]


@cache
def _units() -> _UnitTable:
    data = reference.load_yaml("units.yaml")
    bases = {k: (v.get("std", k), v["family"]) for k, v in data["bases"].items()}
    percents = {k: (v["std"], v["family"]) for k, v in data["percent"].items()}
    return _UnitTable(
        multipliers={k: float(v) for k, v in data["multipliers"].items()},
        bases=bases,
        percents=percents,
        cn_bases=frozenset(data["chinese_numeral_bases"]),
        magnitude_verbs=tuple(data["magnitude_verbs"]),
    )


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# What may follow a magnitude written without its base (社零实现145.98亿，, 人口120万。, 突破1.2万亿
# 左右): the end of a clause or a growth after it. Anything else may be a base the units table
# lacks (10万羽), so it is no figure.
_BARE_END = r"\s*(?:左右|以上)?\s*(?:[，,。；;、）)]|$|增长|同比|比上年|较上年)"


@cache
def _pattern() -> re.Pattern[str]:
    u = _units()
    unit = (
        rf"(?P<pct>{_alt(u.percents)})|(?P<mult>{_alt(u.multipliers)})?(?P<base>{_alt(u.bases)})"
        rf"|(?P<bare>万亿|亿|万)(?={_BARE_END})"
    )
    number = rf"(?P<num>{DIGITS})(?:\s*(?P<pct1>[%％]))?(?:\s*{RANGE_SEP}\s*(?P<num2>{DIGITS}))?"
    # Lookbehind: not glued to a Latin letter, digit, dot, slash or a formula sign (S104, 2+1).
    # Lookahead: not a label such as 10万吨级码头 or a code such as 5G.
    return re.compile(
        rf"(?<![0-9.+/×*＋第])(?:{number})\s*(?P<more>余|多)?\s*(?:{unit})(?![A-Za-z0-9+＋级型])"
    )


@cache
def _cn_pattern() -> re.Pattern[str]:
    u = _units()
    return re.compile(
        rf"(?<![第{CN_DIGITS}])(?P<pct>百分之)?(?P<cn>[{CN_DIGITS}]{{1,12}})(?P<more>多|余)?"
        rf"(?:(?P<mult>{_alt(u.multipliers)})?(?P<base>{_alt(u.cn_bases)})|(?P<points>个百分点))?"
    )


def _to_float(digits: str) -> float:
    if "," in digits or "，" in digits:
        digits = digits.replace(",", "").replace("，", "")
    return float(digits)


def find_quantities(text: str) -> list[Quantity]:
    """All quantities in ``text`` (normally one sentence), in order, non-overlapping."""
    found = []
    listed = False  # a figure right after a list joiner: it may share its unit (5.1和7.2%)
    for m in _pattern().finditer(text):
        start = m.start()
        if start:
            if _glued_to_code(text, start):
                continue
            if text[start - 1] in _JOINER_ENDS:
                if _ORDINAL_LIST.search(text, max(0, start - 10), start) is not None:
                    continue  # 第1、2批, 第3和4名: the second number of a list of ordinals is one too
                listed = listed or text[start - 1] != "至"  # 提高至56%: no list
        if (q := _from_digits(m)) is not None:
            found.append(q)
    if listed:
        found = _with_shared_unit(text, found)
    if may_hold_chinese_quantity(text):
        taken = [(q.start, q.end) for q in found]
        found.extend(_chinese_quantities(text, taken))
        if "百分之" in text:
            found.extend(_arabic_after_percent_words(text, taken))
        found.sort(key=lambda q: q.start)
    return found


# 百分之8左右, 控制在百分之4.6以内 (a news agency's style): the words of a percent before Arabic digits.
_PERCENT_WORDS_DIGITS = re.compile(
    rf"百分之\s*(?P<num>{DIGITS})(?:\s*{RANGE_SEP}\s*(?:百分之)?\s*(?P<num2>{DIGITS}))?(?![0-9.%％])"
)


def _arabic_after_percent_words(text: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    out = []
    for m in _PERCENT_WORDS_DIGITS.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        value = _to_float(m["num"])
        high = _to_float(m["num2"]) if m["num2"] else None
        if high is not None and high < value:
            high = None
        out.append(Quantity(m.start(), m.end(), value, high, "%", "%", "percent", 1.0, False))
    return out


_ORDINAL_LIST = re.compile(r"第[0-9一二三四五六七八九十]+\s*(?:、|和|及|与|至)\s*\Z")


_JOINER_ENDS = "、和及与至 \t"  # last characters of what may join a number to the one before
# A bare number that lists up to the next one (5.1和 in 5.1和7.2%): not inside a larger number, a
# code, a formula or an ordinal. Searched with endpos at the next number, so \Z is that position.
_SHARED_LEAD = re.compile(rf"(?<![0-9.,+/×*＋第A-Za-z])({DIGITS})\s*(?:、|和|及|与|以及)\s*\Z")


def _with_shared_unit(text: str, found: list[Quantity]) -> list[Quantity]:
    """Figures listed before one unit share it: 分别增长5.1和7.2%, 分别高1.3、0.8个百分点, 4.2和2.1万元.
    Without this the list's last figure was the only one, and went to the list's first
    indicator."""
    out: list[Quantity] = []
    for q in found:
        leads: list[Quantity] = []
        pos = q.start
        while (m := _SHARED_LEAD.search(text, max(0, pos - 24), pos)) is not None:
            start, end = m.span(1)
            if _glued_to_code(text, start) or (out and start < out[-1].end):
                break
            value = _to_float(m.group(1))
            leads.append(Quantity(start, end, value, None, q.unit, q.unit_std, q.family, q.multiplier, False))
            pos = start
        out.extend(reversed(leads))
        out.append(q)
    return out


# A figure blanked out in a published copy (XX亿元, **%, ○○万人): no value, but it still names
# the indicator that the figures after it (，增长5.2%) belong to.
MASK_CHARS = "XxＸｘ*＊○□■"
MASK_GATE = re.compile(f"[{re.escape(MASK_CHARS)}]")  # callers test it first: most text has none


@cache
def _masked_pattern() -> re.Pattern[str]:
    u = _units()
    unit = rf"{_alt(u.percents)}|(?:{_alt(u.multipliers)})?(?:{_alt(u.bases)})"
    return re.compile(
        rf"(?<![A-Za-z0-9.])[{re.escape(MASK_CHARS)}]{{1,6}}\s*(?:{unit})(?![A-Za-z0-9+＋级型])"
    )


def may_hold_chinese_quantity(text: str) -> bool:
    # A numeral right before a unit's first character is cheap to look for and rare: only the
    # few sentences with one run the full candidate pattern (a third of the time over a corpus).
    return _cn_gate().search(text) is not None and _cn_candidate().search(text) is not None


@cache
def _cn_gate() -> re.Pattern[str]:
    firsts = "".join(sorted({base[0] for base in _units().cn_bases}))
    return re.compile(rf"[{CN_DIGITS}](?:多|余)?[{re.escape(firsts)}万亿]|百分之|个百分点")


def find_masked(text: str) -> list[Quantity]:
    """Blanked-out figures, as quantities whose value is NaN (``is_masked``)."""
    nan = float("nan")
    return [
        Quantity(m.start(), m.end(), nan, None, "", "", "", 1.0, False)
        for m in _masked_pattern().finditer(text)
    ]


def is_masked(q: Quantity) -> bool:
    return q.value != q.value  # NaN


@cache
def _cn_candidate() -> re.Pattern[str]:
    """Text without a match has no Chinese-numeral quantity, so _chinese_quantities is skipped:
    a quantity needs 百分之, or a numeral (two characters, or one that is not a bare
    multiplier such as 亿 in 5亿元, or a lone magnitude after a verb: 突破万元) right before its unit."""
    u = _units()
    unit = rf"(?:{_alt(u.multipliers)})?(?:{_alt(u.cn_bases)})"
    verb_ends = "".join(sorted({v[-1] for v in u.magnitude_verbs}))  # the verbs: _chinese_quantities
    return re.compile(
        rf"百分之|[{CN_DIGITS}]个百分点"
        rf"|(?:[{CN_DIGITS}]{{2}}|[零〇一二两三四五六七八九])(?:多|余)?{unit}"
        rf"|[{verb_ends}][{_MAGNITUDES}]{unit}{_LONE_END.pattern}"
    )


# A lone magnitude reached (突破万元, 迈上百亿元台阶) ends its clause; 超亿元项目 is a class of projects.
_LONE_END = re.compile(r"(?:大关|台阶)?(?=[，,。；;、）)]|$)")


_LATIN_RUN = re.compile(r"[A-Za-z]+$")


def _glued_to_code(text: str, start: int) -> bool:
    """S104, G4, A3: a number glued to one or two Latin letters is a code. After a longer
    acronym (GDP890亿元, CPI3%) it is a figure."""
    if start == 0 or not ("A" <= text[start - 1] <= "Z" or "a" <= text[start - 1] <= "z"):
        return False  # almost every figure: no letter before it, no regex needed
    run = _LATIN_RUN.search(text, max(0, start - 8), start)
    return run is not None and (len(run.group()) < 3 or not run.group().isupper())


def _opens_a_figure(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in "、，,：:；（("


def _from_digits(m: re.Match[str]) -> Quantity | None:
    u = _units()
    num, pct1, num2, more, pct, mult, base = m.group("num", "pct1", "num2", "more", "pct", "mult", "base")
    value = _to_float(num)
    high = _to_float(num2) if num2 else None
    start, end = m.span()
    if start >= 2 and m.string[start - 1] in "-－" and _opens_a_figure(m.string[start - 2]):
        # A minus sign right after a word or a list mark is the figure's own (同比增长-0.5%,
        # 分别-6.2%、-19.3%), never a range's dash. Tested here, not in the pattern: an optional
        # sign there made every search slower.
        value, start = -value or 0.0, start - 1  # not -0.0; 增长-1~2%: a range from -1 to 2
    if high is not None and high < value:  # 1-11月 style or a code, not a range of quantities
        return None
    if pct1 and not pct:
        return None  # 5%-6个: mixed units are not one quantity
    if pct:
        std, family = u.percents[pct]
        return Quantity(start, end, value, high, pct, std, family, 1.0, bool(more))
    if base is None:  # 145.98亿: the indicator it is found for gives the base (facts.py)
        bare = m.group("bare")
        return Quantity(start, end, value, high, bare, "", BARE, u.multipliers[bare], bool(more))
    std, family = u.bases[base]
    mult_word = mult or ""
    multiplier = u.multipliers.get(mult_word, 1.0)
    unit = mult_word + base
    return Quantity(start, end, value, high, unit, std, family, multiplier, bool(more))


def _chinese_quantities(text: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    u = _units()
    out: list[Quantity] = []
    for m in _cn_pattern().finditer(text):
        if not (m["base"] or m["pct"] or m["points"]) or (m["pct"] and m["points"]):
            continue
        if any(s < m.end() and m.start() < e for s, e in taken) or (out and m.start() < out[-1].end):
            continue
        cn = m["cn"]
        mult_word = m["mult"] or ""
        # A trailing multiplier belongs to the unit, as written: 四百六十亿元 is 460 亿元, 一千二百亿
        # is 一千二百 of 亿, and 四十九点五亿 reads only so. A bare magnitude stays whole (千亿元).
        split = _UNIT_MAGNITUDE.search(cn) if m["base"] and not mult_word else None
        if split is not None and cn[: split.start()].strip(_MAGNITUDES):
            cn, mult_word = cn[: split.start()], split.group()
        if m["pct"] or m["points"]:
            unit = "个百分点" if m["points"] else "%"
            (std, family), multiplier = u.percents[unit], 1.0
            end = m.end() if m["points"] else m.end("cn")  # 百分之 is before the numeral
        else:
            base = m["base"]
            std, family = u.bases[base]
            multiplier, unit, end = u.multipliers.get(mult_word, 1.0), mult_word + base, m.end()
        percent = bool(m["pct"] or m["points"])
        reached = not percent and cn[0] in _MAGNITUDES and text.endswith(u.magnitude_verbs, 0, m.start())
        if cn[0] in _MAGNITUDES and not reached and not percent:
            continue  # 千亿元级产业集群, 两个万亿元台阶, 万元GDP能耗: a class or a threshold, not a figure
        if reached and len(cn) == 1 and _LONE_END.match(text, m.end()) is None:
            continue
        if reached and not mult_word and cn.strip(_MAGNITUDES) == "" and (lm := _UNIT_MAGNITUDE.search(cn)):
            # 突破万亿元, 迈上千亿元台阶: one 万亿元, a thousand 亿元, as written (not 1e12 元)
            cn, mult_word = cn[: lm.start()] or "一", lm.group()
            multiplier, unit = u.multipliers[mult_word], mult_word + m["base"]
        value = _cn_value(cn, percent=percent, lone=reached)
        if value is None or (value < 10 and not mult_word and not percent):
            continue  # 一人一档, 一户一策: small bare numerals are idioms, not figures
        high = None
        if m["pct"] and (r := _CN_PERCENT_RANGE.match(text, end)) is not None:
            top = _cn_value(r.group(1), percent=True)
            if top is not None and top > value:
                high, end = top, r.end()  # 百分之六到百分之七
        more = bool(m["more"]) and not percent  # 四百六十多亿元: more than 460
        out.append(Quantity(m.start(), end, value, high, unit, std, family, multiplier, more))
    return out


_UNIT_MAGNITUDE = re.compile("(?:万亿|亿|万)$")


_CN_PERCENT_RANGE = re.compile(rf"\s*{RANGE_SEP}\s*百分之([{CN_DIGITS}]{{1,12}})")


_MAGNITUDES = "十百千万亿"


def _cn_value(cn: str, percent: bool = False, lone: bool = False) -> float | None:
    """``percent``: the numeral after 百分之, where 十二 and 十 are the usual way to write 12 and 10
    (in a unit, a lone magnitude such as 千 in 千亿元 is a class, not a figure). ``lone``: a lone
    magnitude after a verb of reaching it is one of it (突破万元: 10000 元)."""
    if len(cn) == 1 and cn in ("点" if percent or lone else _MAGNITUDES + "点"):
        return None
    if cn[0] in _MAGNITUDES:
        cn = "一" + cn  # 千亿元, 百亿元, 万亿元: a round magnitude, read as one of it; 十二 is 一十二
    try:
        return float(cn2an.cn2an(cn, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


_ZEROS = "〇○零0０OＯ"
_CN_YEAR_DIGITS = str.maketrans(
    {**dict.fromkeys(_ZEROS, "0"), **{c: str(i) for i, c in enumerate("一二三四五六七八九", 1)}}
)
# 二〇〇九年, 二○二三年, 一九九八年, and 二00四年 as older texts type it: years, not figures. The
# check that no numeral comes before sits after the first two characters: a pattern opening with
# a lookbehind tries it at every position, five times slower over a report.
_CN_YEAR = re.compile(
    rf"(?:一九|二[{_ZEROS}])(?<![零〇一二两三四五六七八九十百千万]..)[{_ZEROS}一二三四五六七八九]{{2}}(?=\s*年)"
)


@lru_cache(maxsize=4)  # metadata, sections and facts read the same document's text
def arabic_years(text: str) -> str:
    """Years written in Chinese numerals as four digits, one character for one, so every offset
    into the result is an offset into ``text`` (and the same object when there is none)."""
    if _CN_YEAR.search(text) is None:
        return text
    return _CN_YEAR.sub(lambda m: m.group().translate(_CN_YEAR_DIGITS), text)


@cache
def year_pattern() -> re.Pattern[str]:
    """Four-digit years written with 年 (2023年), for period decisions."""
    return re.compile(r"(?<![0-9])((?:19|20)\d{2})\s*年")
