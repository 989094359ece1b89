"""Which part of a report each stretch of text belongs to: the review of last year or the plan.

Kind and period of a figure follow from its part (review figures are actuals for the previous
year, plan figures targets for the plan year), so the split must also work on fragments that
have no headings: there each paragraph is judged by its own wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import reference
from transforms.literals import gate
from transforms.numbers import arabic_years, year_pattern


@dataclass(frozen=True)
class Part:
    start: int
    end: int
    section: str  # review | plan | longrange
    label: str | None = None  # horizon named by the heading: 过去五年, 今后五年


@dataclass(frozen=True)
class _Rules:
    max_heading: int
    review: re.Pattern[str]
    plan: re.Pattern[str]
    opener: re.Pattern[str]
    review_cues: tuple[str, ...]
    plan_cues: tuple[str, ...]
    target_words: tuple[str, ...]
    review_cues_before_plan: tuple[str, ...]
    longrange: tuple[re.Pattern[str], ...]
    horizons: re.Pattern[str]
    term: re.Pattern[str]  # 本届政府工作总结: a review of the term, five years
    salutation: re.Pattern[str]


@cache
def _rules() -> _Rules:
    data = reference.load_yaml("sections.yaml")
    return _Rules(
        max_heading=int(data["max_heading_chars"]),
        review=re.compile("|".join(f"(?:{p})" for p in data["review_headings"])),
        plan=re.compile("|".join(f"(?:{p})" for p in data["plan_headings"])),
        opener=re.compile("|".join(f"(?:{p})" for p in data["plan_openers"])),
        review_cues=tuple(data["review_cues"]),
        plan_cues=tuple(data["plan_cues"]),
        target_words=tuple(data["target_words"]),
        review_cues_before_plan=tuple(data["review_cues_before_plan"]),
        longrange=tuple(re.compile(p) for p in data["longrange_patterns"]),
        horizons=re.compile("|".join(f"(?:{p})" for p in data["horizon_headings"])),
        term=re.compile("|".join(f"(?:{p})" for p in data["term_headings"])),
        salutation=re.compile(reference.load_yaml("report_cues.yaml")["salutation_pattern"], re.M),
    )


# Horizons that look ahead: a part headed so, or a sentence opened so, sets goals for the plan's
# last year (report year + 4).
FORWARD_HORIZONS = ("今后五年", "未来五年")
_SPAN_DIGITS = str.maketrans("2345", "两三四五")


def horizon_label(words: str) -> str:
    """过去5年, 5年来 as the label 过去五年, 五年来 (news items write the digit), and 五年 (五年年均增长)
    as 五年来, so one span has one label and the span rules (past or ahead, how many years) read it.
    Only a span's words: a month range (1-5月) keeps its digits."""
    if not words.endswith(("年", "年来")):
        return words
    words = words.translate(_SPAN_DIGITS).replace("过去的", "过去")  # 过去的五年 (安徽 2008)
    return words + "来" if len(words) == 2 else words  # 五年年均增长20%: the span of 五年来


_FIVE_YEAR_PLAN = re.compile(r"十[一二三四五六]五")


def looks_forward(label: str | None) -> bool:
    """A horizon that, heading the plan, sets goals beyond the plan year: 今后五年, 十四五."""
    return label is not None and (label in FORWARD_HORIZONS or _FIVE_YEAR_PLAN.fullmatch(label) is not None)


_LINE = re.compile(r"[^\n]+")
_HEADING_NOISE = re.compile(
    r"^[\s　]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．])?"
)


def _heading_section(line: str) -> str | None:
    if "，" in line or "," in line:
        # Most prose lines end here, cheaply; a numbered heading run into its paragraph (a page
        # whose lines were collapsed: 一、2023年工作回顾2023年是…) is read from its head.
        return _run_in_heading(line) if _ORDINAL.match(line) else None
    r = _rules()
    body = _HEADING_NOISE.sub("", line).strip(" 　:：。")
    if not body or len(body) > r.max_heading or any(p in body for p in "，,。；"):
        return None
    if not _ORDINAL.match(line) and len({m.group(1) for m in year_pattern().finditer(body)}) > 1:
        return None  # 2023年工作总结和2024年工作思路: the title of the whole, not a part
    # Headings are head-final: the part whose keyword ends last wins (…目标任务完成情况 reviews).
    plan_end, review_end = _last_end(r.plan, body), _last_end(r.review, body)
    if review_end >= 0 and _reviews_the_years_work(body):
        plan_end = -1
    if plan_end >= 0 and plan_end >= review_end and _looks_like_part_heading(line, body, plan_end):
        return "plan"
    return "review" if review_end >= 0 else None


def _reviews_the_years_work(body: str) -> bool:
    """一、“十一五”时期回顾和2010年工作: the year's work a review heading looks back on, not a plan,
    unless an earlier year is reviewed before it (2010年工作回顾和2011年工作)."""
    bare = _BARE_YEAR_WORK.search(body)
    if bare is None:
        return False
    year = int(bare.group(1))
    return not any(int(y.group(1)) < year for y in year_pattern().finditer(body, 0, bare.start()))


_BARE_YEAR_WORK = re.compile(r"((?:19|20)\d{2})年(?:的)?工作$")
_RUN_IN_MAX = 24  # characters: the longest numbered heading read off the head of a prose line
_PUNCTUATION = re.compile(r"[，,。；;：:！!？?、“”\"（）()]")


def _run_in_heading(line: str) -> str | None:
    """The part a numbered, dated heading opens when its paragraph follows on the same line:
    the head up to the first part keyword, if no punctuation comes before it and it names a time
    (三、重点工作扎实推进，… is a sentence of the review)."""
    r = _rules()
    om = _ORDINAL.match(line)
    assert om is not None
    start = om.end()
    keyword = min(
        (m for p in (r.review, r.plan) if (m := p.search(line, start, start + _RUN_IN_MAX))),
        key=lambda m: m.end(),
        default=None,
    )
    if keyword is None or _PUNCTUATION.search(line, start, keyword.end()):
        return None
    if not _TIME_WORD.search(line, start, keyword.end()):
        return None
    return _heading_section(line[: keyword.end()])


def _last_end(pattern: re.Pattern[str], text: str) -> int:
    return max((m.end() for m in pattern.finditer(text)), default=-1)


_ORDINAL = re.compile(r"^[\s　]*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)")
_TIME_WORD = re.compile(r"(?:19|20)\d{2}年|今年|明年|今后|未来|新的一年")


def _looks_like_part_heading(line: str, body: str, keyword_end: int) -> bool:
    """A part heading (二、2023年工作安排), not a sub-heading that happens to contain the
    keyword (重点工作扎实推进): numbered as a part, dated, or ending with the keyword."""
    return bool(_ORDINAL.match(line) or _TIME_WORD.search(body) or keyword_end >= len(body) - 2)


# 新塘街道办事处2023年政府工作报告一、2022年工作回顾2022年是…: a page flattened into one line opens
# with its review heading; the line is the review, whatever its words of the plan.
_INLINE_REVIEW = re.compile(r"[一1][、.．]\s*(?:19|20)\d{2}年(?:的)?工作(?:回顾|总结)")


def _judge(paragraph: str) -> str:
    r = _rules()
    if _INLINE_REVIEW.search(paragraph, 0, 120) is not None:
        return "review"
    review = sum(paragraph.count(c) for c in r.review_cues)
    plan = sum(paragraph.count(c) for c in r.plan_cues)
    return "plan" if plan > review else "review"


def split_parts(text: str) -> list[Part]:
    """Cover ``text`` with parts. A plan heading or opener switches to the plan for good
    (reports never return to the review after it); before any heading, paragraphs are judged.
    A heading naming a horizon (今后五年, 过去五年) labels its part until the next heading."""
    r = _rules()
    parts: list[Part] = []
    # Reports run review -> plan: a fragment's text before its first plan heading is review.
    current: str | None = "review" if _plan_start(text) is not None else None
    label: str | None = None
    headline = _headline_end(text)
    preamble = _preamble_end(text)
    contents: set[str] = set()  # the headings so far, to tell a table of contents from the report
    previous: str | None = None  # the part a heading on the line before opened, if one did
    for m, heading in _lines_and_headings(text):
        line = m.group()
        # 报告分为两大部分 / 一、2023年工作回顾 / 二、2024年目标任务和主要工作 / 回顾2023: a plan heading
        # right under a review heading that opened the review lists the parts; the review comes next.
        listed = heading == "plan" and previous == "review" and len(line.strip()) <= r.max_heading
        opened = heading == "plan" or current not in ("plan", "longrange")
        # only a heading line of its own, not a page's line that runs on into its part's text
        previous = heading if opened and len(line.strip()) <= r.max_heading else None
        if m.start() < headline:
            parts.append(Part(m.start(), m.end(), "plan"))  # it restates a target of the plan
            continue
        if m.start() < preamble:
            # A page's lead above the report restates a target (称，2017年…预期目标为8%左右):
            # plan from there, but the report below still opens with its review.
            if (om := _opener(line)) is None:
                parts.append(Part(m.start(), m.end(), _judge(line)))
            else:
                parts += _split_at_opener(m, om, _judge(line[: om.start()]), None)
            continue
        if heading is not None:
            if line.strip() in contents:
                # 一、2024年工作回顾 again, after a table of contents that ran into the plan's
                # headings: the report itself starts here, with its review.
                current, contents = None, set()
            else:
                contents.add(line.strip())
        if listed:
            parts.append(Part(m.start(), m.end(), current or "review", label))
            continue
        if heading is not None and not (current in ("plan", "longrange") and heading == "review"):
            hm = r.horizons.search(line)
            label = horizon_label(hm.group()) if hm else None
            term = label is None and heading == "review" and r.term.search(line) is not None
            if term:
                label = "过去五年"  # 一、本届政府工作总结: the term's five years
            spans = label is not None and (term or _FIVE_YEAR_PLAN.fullmatch(label) is not None)
            if spans and year_pattern().search(line):
                # 2020年和“十三五”时期工作回顾, 2017年及本届政府工作回顾: each figure says which it is
                label = None
            current = "longrange" if heading == "plan" and looks_forward(label) else heading
            section = current
        elif current in ("plan", "longrange"):
            section = current
        elif (om := _opener(line)) is not None:
            # The plan opens mid-line: what precedes the opener still belongs to the review.
            parts += _split_at_opener(m, om, current or _judge(line[: om.start()]), label)
            current, label = "plan", None
            continue
        elif current == "review":
            section = "review"
        else:
            section = _judge(line)
        parts.append(Part(m.start(), m.end(), section, label))
    return parts


def _split_at_opener(line: re.Match[str], om: re.Match[str], before: str, label: str | None) -> list[Part]:
    """A line cut where a plan opener starts in it: ``before`` up to it (if anything), plan after."""
    start, cut = line.start(), line.start() + om.start()
    head = [Part(start, cut, before, label)] if om.start() > 0 else []
    return [*head, Part(cut, line.end(), "plan")]


def _lines_and_headings(text: str) -> Iterator[tuple[re.Match[str], str | None]]:
    """Each line with the part its heading opens (None for prose). A line dated no later than
    the review's own year (2023年是…开局之年。 under 2023年工作回顾) opens no plan."""
    review_year: int | None = None
    reviewed = False  # a review heading has been seen, dated or not
    for m in _LINE.finditer(text):
        line = m.group()
        heading = _heading_section(line)
        if heading == "plan" and review_year is not None and _year_at_most(line, review_year):
            heading = None
        elif heading != "plan" and reviewed and _dated_part_after(line, review_year):
            heading = "plan"  # 三、扎实做好2024年各项工作 after 一、2023年工作回顾: whatever its words
        elif heading == "review":
            ym = year_pattern().search(line)
            review_year = int(ym.group(1)) if ym else review_year  # 二、过去五年工作回顾 keeps it
            reviewed = True
        yield m, heading


_AHEAD = re.compile(r"今年|明年|新的一年")


def _dated_part_after(line: str, year: int | None) -> bool:
    """A numbered part heading (二、…, 第三部分) that names a year after ``year`` (the review's,
    None if its heading named none), or names 今年 / 明年 as the year ahead."""
    if _ORDINAL.match(line) is None or "，" in line or "," in line or len(line) > _rules().max_heading:
        return False
    if _AHEAD.search(line) is not None and "以来" not in line:  # 今年以来: the review of a year
        return True
    return year is not None and any(int(m.group(1)) > year for m in year_pattern().finditer(line))


def _year_at_most(line: str, year: int) -> bool:
    """Does the line open with a year (after its numbering) no later than ``year``?"""
    m = year_pattern().match(_HEADING_NOISE.sub("", line))
    return m is not None and int(m.group(1)) <= year


@lru_cache(maxsize=8)
def _plan_start(text: str) -> int | None:
    """Offset of the plan part. Memoized for the last few texts: split_parts and
    has_plan_section both ask about the same document."""
    lead_end = max(_headline_end(text), _preamble_end(text))  # a lead's target opens no plan
    starts = [
        m.start() for m, heading in _lines_and_headings(text) if heading == "plan" and m.start() >= lead_end
    ]
    if (om := _opener(text, lead_end)) is not None:
        starts.append(om.start())
    return min(starts, default=None)


_LISTED_PART = ("、", "和", "及")


def _opener(text: str, pos: int = 0) -> re.Match[str] | None:
    """The first plan opener from ``pos``; not one listed among a page's parts (从2022年重点工作
    回顾、2023年主要预期目标、2023年部分重点工作三部分解读)."""
    opener = _rules().opener
    om = opener.search(text, pos)
    while om is not None and text[om.end() : om.end() + 1] in _LISTED_PART:
        om = opener.search(text, om.end())
    return om


_HEADLINE_MAX = 40  # characters
_HEADLINE_LINES = 3  # the headline, and a caption and a byline above it
_FIGURE = re.compile(r"\d\s*[%％‰]")


@lru_cache(maxsize=8)
def _headline_end(text: str) -> int:
    """End of a news item's headline that names a target (今年预期目标：地区生产总值增7.5%-8%)
    above its review and its plan, else 0. It opens no plan: the plan opens later in the item.
    A fragment that opens with its plan (2024年主要预期目标是：…) has no second opener."""
    first = None
    for n, line in enumerate(_LINE.finditer(text)):
        if n == _HEADLINE_LINES or len(line.group().strip()) > _HEADLINE_MAX:
            return 0  # almost every text: a title or a paragraph comes first
        if _FIGURE.search(line.group()) is not None:
            first = line  # under a photo's caption and a byline (…作政府工作报告 记者… 摄)
            break
    if first is None:
        return 0
    r = _rules()
    if r.opener.search(first.group()) is None:
        return 0
    later = r.opener.search(text, first.end()) is not None or any(
        heading == "plan" for m, heading in _lines_and_headings(text) if m.start() >= first.end()
    )
    return first.end() if later else 0


_PREAMBLE_MAX = 3_000  # characters: a page's lead and the report's title block


@lru_cache(maxsize=8)
def _preamble_end(text: str) -> int:
    """Start of the salutation (各位代表：) when a plan opener stands above it, in a page's lead
    (广州市长…作政府工作报告称，2017年…预期目标为8%左右), else 0. A report's own title block
    names no target, so almost every text returns at the first test. The salutation is the
    report's opening one: the report's body (我代表…向大会报告工作) is not above it, as it is above
    a closing 各位代表！ when the opening one was run into the line before it."""
    r = _rules()
    if (sal := r.salutation.search(text, 0, _PREAMBLE_MAX)) is None or "我代表" in text[: sal.start()]:
        return 0
    return sal.start() if r.opener.search(text, 0, sal.start()) is not None else 0


def opener_year(text: str) -> int | None:
    """The year the first dated plan opener names (做好2013年的政府工作): a fragment's report year."""
    for m in _rules().opener.finditer(text):
        if (y := year_pattern().search(m.group())) is not None:
            return int(y.group(1))
    return None


def has_plan_section(text: str) -> bool:
    return _plan_start(arabic_years(text)) is not None


def plan_only(text: str) -> bool:
    """A plan and not a word of a review (a news item on the year's targets): the years it cites
    are the plan's, not the year before it."""
    r = _rules()
    if any(cue in text for cue in r.review_cues):
        return False
    start = _plan_start(arabic_years(text))
    if start is not None and any(cue in text[:start] for cue in r.review_cues_before_plan):
        return False
    return start is not None or any(word in text for word in r.target_words)


def longrange_year(sentence_prefix: str, report_year: int) -> int | None:
    """A later year the figure is set for (到2035年, 2025年前), if the wording gives one."""
    best = None
    for pattern, needed in _longrange_needs():
        if needed is not None and needed.search(sentence_prefix) is None:
            continue  # the text lacks a character every match holds (年): no match
        for m in pattern.finditer(sentence_prefix):
            year = int(m.group(1))
            if report_year < year <= report_year + 40 and (best is None or m.start() > best[0]):
                best = (m.start(), year)
    return None if best is None else best[1]


@cache
def _longrange_needs() -> tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...]:
    return tuple((p, gate(p)) for p in _rules().longrange)
