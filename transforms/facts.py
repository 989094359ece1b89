"""Indicator facts from a cleaned report: each figure with its subject, measure, comparator and period.

The unit of work is the sentence (split at 。！？；), the scope in which subjects and period
qualifiers are shared: in 地区生产总值375亿元，增长4.5% the growth inherits the subject of the
level; in 1-11月，一般公共预算收入增长13.3%，规上服务业营业收入增长28.6% both figures keep the
qualifier. Inside a sentence, the phrase between the previous figure and this one names it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from itertools import pairwise

import reference
from transforms.indicators import Indicator, coordinations, find_terms, lexicon, mentions_any_term
from transforms.literals import gate
from transforms.models import Fact
from transforms.numbers import (
    BARE,
    MASK_GATE,
    Quantity,
    arabic_years,
    find_masked,
    find_quantities,
    is_masked,
    may_hold_chinese_quantity,
    scaled,
    year_pattern,
)
from transforms.regions import place_words
from transforms.sections import FORWARD_HORIZONS, has_plan_section, horizon_label, longrange_year, split_parts

__all__ = ["extract_facts", "has_plan_section"]

_SENTENCE = re.compile(r"[^。！？；;!?\n]+[。！？；;!?]?")
_CLAUSE_BREAK = re.compile(r"[，,：:]")
_NOTE = re.compile(r"[（(][^（()）\n]{1,20}[）)]")
_QUOTED = re.compile(
    r"“[^”\n]{0,40}”|「[^」\n]{0,40}」|《[^》\n]{0,60}》|〔[^〕\n]{0,20}〕|‘[^’\n]{0,40}’|\"[^\"\n]{0,40}\""
)
_QUOTED_GATE = gate(_QUOTED) or re.compile("")  # an opening mark: most sentences have none
_MAX_NAME = 24
# Years and period words in a phrase place the figure in time; they never name it.
_DATES = re.compile(
    r"(?:19|20)\d{2}年(?:底|末|度)?|\d{1,2}\s*[-－—~～至]\s*\d{1,2}月(?:份)?|前三季度|上半年|全年"
)
_DIGIT = re.compile(r"\d")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


@dataclass(frozen=True)
class _Cues:
    suffix: tuple[tuple[str, str], ...]  # (word, comparator), longest first
    prefix: tuple[tuple[str, str], ...]
    aspiration: tuple[str, ...]
    growth: tuple[str, ...]
    decline: tuple[str, ...]
    level_markers: tuple[str, ...]
    delta: tuple[str, ...]
    period: re.Pattern[str]
    sentence_wide_stops: tuple[str, ...]
    five_year: dict[str, int]
    five_year_end: re.Pattern[str]
    not_set: re.Pattern[str]
    noise: tuple[str, ...]
    predicates: tuple[str, ...]
    predicate_suffixes: tuple[str, ...]
    share: tuple[str, ...]
    part: tuple[str, ...]  # 海洋 in 海洋生产总值: a part of the indicator, not the indicator
    change_from: re.Pattern[str]  # 由/从 (and a year of its own) right before a change's first figure
    change_to: re.Pattern[str]  # 增加到/提高至/增至 right after it
    past_span: re.Pattern[str]  # any of past_spans: one scan of a paragraph's opening, not one per word
    horizons: tuple[str, ...]  # past_spans and the plan's (今后五年)
    span_change_words: tuple[str, ...]
    one_year_change_words: tuple[str, ...]
    threshold_verbs: tuple[str, ...]
    place_verbs: tuple[str, ...]  # 锦江区实现地区生产总值: the place still qualifies the indicator
    place_verb_leads: tuple[str, ...]  # 力争, 确保 between a place and its verb
    zone_parts: tuple[str, ...]  # a part that speaks like a place: 产业集聚区完成…
    estimate: re.Pattern[str]
    estimate_not_after: tuple[str, ...]  # 好于预计: compared with an estimate, not one
    estimate_onward: re.Pattern[str]  # what stands before 下同: 预计（ or （预计，
    estimate_note: re.Pattern[str]  # a note right after a figure: 1.5万亿元以上（预计数）
    onward_gate: re.Pattern[str]  # the words of estimate_onward alone: most texts hold none
    threshold: re.Pattern[str]  # what may stand between an amount and the noun it sorts
    threshold_first: frozenset[str]  # the characters a threshold's words after an amount open with
    household_threshold: re.Pattern[str]  # 30户以上村民组: households sort the groups


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


def _pairs(groups: dict[str, list[str]]) -> tuple[tuple[str, str], ...]:
    pairs = [(w, comp) for comp, words in groups.items() for w in words]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@cache
def _cues() -> _Cues:
    d = reference.load_yaml("fact_cues.yaml")
    five = {k: int(v) for k, v in d["five_year_plans"].items()}
    est = "|".join(map(re.escape, _longest_first(d["estimate"])))
    on = "|".join(map(re.escape, _longest_first(d["estimate_onward"])))
    return _Cues(
        suffix=_pairs(d["comparator_suffix"]),
        prefix=_pairs(d["comparator_prefix"]),
        aspiration=_longest_first(d["aspiration"]),
        growth=_longest_first(d["growth_verbs"]),
        decline=_longest_first(d["decline_verbs"]),
        level_markers=_longest_first(d["level_markers"]),
        delta=_longest_first(d["delta_verbs"]),
        period=re.compile("|".join(f"(?:{p})" for p in d["period_qualifiers"])),
        sentence_wide_stops=tuple(d["sentence_wide_stops"]),
        five_year=five,
        five_year_end=re.compile(r"到“?(" + "|".join(five) + r")”?(?:末|期末|时期末)"),
        not_set=re.compile("|".join(f"(?:{p})" for p in d["target_not_set"])),
        noise=_longest_first(d["phrase_prefix_noise"]),
        predicates=_longest_first(
            d["predicate_words"]
            + d["aspiration"]
            + [w for words in d["comparator_prefix"].values() for w in words]
        ),
        predicate_suffixes=_longest_first(d["predicate_suffix_words"]),
        share=_longest_first(d["share_markers"]),
        part=tuple(d["part_qualifiers"]),
        # 由2017年的, 由“八五”期末的: the start may name its year or the plan it closed
        change_from=re.compile(
            "(?:"
            + "|".join(map(re.escape, d["change_from"]))
            + r")\s*(?:(?:19|20)\d{2}\s*年(?:底|末)?的?|“?(?P<plan>"
            + "|".join(five)
            + r")”?(?:期末|末)的?)?\s*\Z"
        ),
        change_to=re.compile(
            r"\s*(?:预计|预期|将)?\s*(?:"
            + "|".join(map(re.escape, _longest_first(d["change_verbs"])))
            + r")?\s*(?:到|至)"
        ),
        past_span=re.compile("|".join(map(re.escape, d["past_spans"]))),
        horizons=(*d["past_spans"], *FORWARD_HORIZONS),
        span_change_words=tuple(d["span_change_words"]),
        one_year_change_words=tuple(d["one_year_change_words"]),
        threshold_verbs=tuple(d["threshold_verbs"]),
        place_verbs=_longest_first(d["place_verbs"]),
        place_verb_leads=_longest_first(d["place_verb_leads"]),
        zone_parts=tuple(d["zone_parts"]),
        estimate=re.compile(est),
        # （预计数）, and the first figure under （预计，下同）: the note flags it as well as those after it
        estimate_note=re.compile(
            rf"(?:以上|左右|以内|多)?\s*[（(]\s*(?:{est})数?\s*(?:[，,、]\s*(?:以下|下)同)?\s*[)）]"
        ),
        estimate_not_after=tuple(d["estimate_not_after"]),
        # 预计（下同）, or both in the brackets: 地区生产总值（预计，下同）30.7亿元
        estimate_onward=re.compile(rf"(?:(?:{est})\s*[（(]|[（(]\s*(?:{est})数?\s*[，,、]?)\s*\Z"),
        onward_gate=re.compile(on),
        threshold=re.compile(
            r"\s*(?:(?:及|或)?以[上下](?:的)?[\u4e00-\u9fff]{0,4}?|的)?(?:"
            + "|".join(map(re.escape, d["threshold_nouns"]))
            + ")"
        ),
        threshold_first=frozenset(" 及或以的" + "".join(noun[0] for noun in d["threshold_nouns"])),
        household_threshold=re.compile(
            r"\s*(?:及|或)?以[上下]的?(?:" + "|".join(map(re.escape, d["household_threshold_nouns"])) + ")"
        ),
    )


# A subject as a list holds it: its name, and its indicator when it is one of the lexicon's.
_Head = tuple[str, Indicator | None]


@dataclass
class _Subject:
    name: str
    indicator: Indicator | None
    pending: list[_Head] = field(default_factory=list)  # subjects still owed by a list
    inherited: bool = False  # the phrase before the figure named nothing new
    coordination: tuple[_Head, ...] = ()  # every subject of the list, for a second 分别
    place: str = ""  # a place named right before the indicator (广州 in 广州经济总量)


def _inherit(subject: _Subject, coordination: tuple[_Head, ...] = ()) -> _Subject:
    """The same subject for a figure whose phrase names nothing new (增长6.5%, 是2006年的2.1倍)."""
    s = subject
    return _Subject(s.name, s.indicator, inherited=True, coordination=coordination, place=s.place)


def _heads(codes: tuple[str, ...]) -> tuple[_Head, ...]:
    lex = lexicon()
    return tuple((lex[c].name_zh, lex[c]) for c in codes)


def _listed(heads: tuple[_Head, ...], inherited: bool) -> _Subject:
    """The first subject of a list, owing the others to the figures that follow."""
    name, indicator = heads[0]
    return _Subject(name, indicator, list(heads[1:]), inherited=inherited, coordination=heads)


@dataclass
class _Context:
    report_year: int
    section: str
    sentence: str
    offset: int  # of the sentence in the document text
    label: str | None = None  # the part's horizon (过去五年, 今后五年)
    raw: str = ""  # the sentence as in the document, for provenance
    opening_year: int | None = None  # 2014年，A；B: the year opening the sentence this clause is of

    @property
    def provenance(self) -> str:
        """The sentence as the facts quote it."""
        return (self.raw or self.sentence).strip()

    @cached_property
    def estimate_at(self) -> int:
        """Where the first estimate word (预计, 初步核算) of the sentence stands, or its length: an
        actual after it is an estimate. Once per sentence, not per figure. A plain alternation,
        checked against the words before it afterwards (好于预计): a leading look-behind would make
        the regex try every position."""
        c = _cues()
        for m in c.estimate.finditer(self.sentence):
            if not self.sentence.endswith(c.estimate_not_after, 0, m.start()):
                return m.start()
        return len(self.sentence)


# A fact of one sentence as the memo keeps it: the Fact's fields before char_start, the span
# relative to the sentence, and the fields after char_end (Fact's field order). The caller
# builds each Fact once, already moved to its place in the document.
# The place is the one named right before the indicator (see _Subject): the caller, which knows
# the report's own names, decides whether the fact is the report's.
_RelFact = tuple[tuple, int, int, tuple, str]


def extract_facts(
    text: str,
    report_year: int,
    *,
    exclude_spans: list[tuple[int, int]] | None = None,
    own_places: frozenset[str] = frozenset(),
) -> list[Fact]:
    """All facts of one cleaned document; figures overlapping ``exclude_spans`` (unrepaired
    mojibake) are dropped, since a corrupted span can change a figure or its subject.
    ``own_places`` are the report's names for its own region: an indicator qualified by another
    place (广州经济总量 in Guangdong's report) is that place's, so no core fact."""
    excluded = exclude_spans or []
    facts: list[Fact] = []
    # Full-width digits (７．７％) read as ASCII, years in Chinese numerals (二〇二三年) as digits;
    # both map one character to one, so every offset into the normalised text is one into ``text``.
    original, text = text, arabic_years(_halfwidth(text))
    same = original is text
    append = facts.append
    # 预计（下同）: every actual after it in its section (the review, as a rule) is an estimate,
    # not only its own sentence's. Looked for only in a text holding the word (a scan in C).
    c = _cues()
    onward = [m.start() for m in c.onward_gate.finditer(text) if _onward_estimate(text, m)]
    estimated_from, estimated_section = len(text), ""
    span_words = [m.start() for m in c.past_span.finditer(text)]  # 五年来, 十三五: where they stand
    next_span, n_spans = 0, len(span_words)
    for part in split_parts(text):
        section, label = part.section, part.label
        if onward and section != estimated_section:
            here = [i for i in onward if part.start <= i < part.end]
            estimated_from, estimated_section = (here[0], section) if here else (len(text), "")
        carried: str | None = None  # 前三季度，…；: the period opening the sentence
        carried_year: int | None = None  # 2014年甘肃省实现…；B；C: the year opening the sentence
        opens = True  # this ；-clause is the first of its sentence
        estimated = False  # 预计2025年，A；B；C: an estimate word opening the sentence heads its list
        span_label: str | None = None  # 这五年，…。: a paragraph opened by a five-year horizon
        previous = ""  # the sentence before, for one opening with 其中
        goals: str | None = None  # 今后五年…的主要目标是: labels its paragraph (up to ``goals_end``)
        goals_end = 0
        recap: int | None = None  # 展示了2023年…的新成绩:A。B。: a past year dates its paragraph
        recap_end = 0
        for m in _SENTENCE.finditer(text, part.start, part.end):
            sentence = m.group()
            start, end = m.span()
            clause_ends = sentence[-1] in "；;"
            sentence_label = label
            near = False
            if label is None and next_span < n_spans:
                while next_span < n_spans and span_words[next_span] < start:
                    next_span += 1  # sentences ascend: one pointer over the span words' positions
                near = next_span < n_spans and span_words[next_span] < start + _OPENING_CHARS
            if label is None and (start == part.start or near):
                # Its later sentences' changes and totals over the span (年均增长13.7%) are the
                # span's too; their levels and dated figures stay the year's (_one_years_figure).
                # So for a sentence opening with one inside the part (…各项任务。“十一五”期间，…).
                opening_head = sentence[:_OPENING_CHARS]
                opening = _opening_period(sentence) if c.past_span.search(opening_head) else None
                if opening and c.past_span.search(opening):
                    span_label = opening
                elif start == part.start:
                    span_label = None
                else:
                    sentence_label = span_label
            elif span_label is not None and sentence_label is None:
                sentence_label = span_label
            if sentence_label is None and "五" in sentence and (ahead := _goals_ahead(sentence, report_year)):
                # 今后五年贵阳市经济社会发展的主要目标是:…。全市生产总值年均增长11%左右: the goals of the
                # horizon, in its sentence and the rest of its paragraph; so for a plan not yet over
                # (“十五五”时期…的主要目标是：, a news item on the plan's first-year report).
                goals, goals_end = ahead, text.find("\n", end) % (len(text) + 1)
            in_goals = False  # the sentence sets out, or follows in its paragraph, a plan's goals
            if sentence_label is None and goals is not None:
                if start < goals_end:
                    sentence_label, in_goals = goals, True
                else:
                    goals = None
            # A carried label stops at 全年 inside a clause (…增长6.4%，预计全年突破57亿元): cut there.
            cut_label, label_until = None, 0
            if carried is not None:
                stop = min((i for w in c.sentence_wide_stops if (i := sentence.find(w)) >= 0), default=-1)
                if stop < 0:
                    sentence_label = carried
                else:
                    if carried not in c.horizons and _has_figure(sentence[:stop]):
                        sentence_label, cut_label, label_until = carried, carried, stop
                    carried = None
            elif opens and clause_ends:
                # Only the first clause's: in …增长5.1%；1-11月，A；B each clause has its period.
                carried = _opening_period(sentence)
            if opens:  # and the ；-clauses after it, which name no year of their own
                opening_head = sentence[:_OPENING_YEAR_CHARS]
                if sentence.startswith("其中") and previous:
                    # 力争到2025年，A。其中，B；C: the parts are of the whole's year
                    carried_year = _opening_year(previous, report_year) or longrange_year(
                        previous, report_year
                    )
                else:
                    carried_year = _opening_year(sentence, report_year) if "年" in opening_head else None
                if "年" in sentence and (year := _paragraph_year(sentence, report_year)) is not None:
                    recap, recap_end = year, text.find("\n", end) % (len(text) + 1)
                if recap is not None and carried_year is None:
                    carried_year = recap if start < recap_end else None
            if not clause_ends:
                previous = sentence
            if estimated and _opening_period(sentence) is not None:
                estimated = False  # …；1-11月，…: the list of estimates has ended at a counted period
            carry_estimate = estimated
            estimated = clause_ends and (estimated or (opens and _opens_with_estimate(sentence)))
            opens = not clause_ends
            if opens:
                carried = None
            if excluded and _has_figure(sentence) and any(s < end and start < e for s, e in excluded):
                continue
            raw = sentence if same else original[start:end]
            # 到2017年,预期…。公共财政收入年均增长12%以上: the goals of a later year, wherever the
            # split put their paragraph.
            goal = (
                carried_year is not None and carried_year > report_year and carried_year == recap
            ) or in_goals
            for head, rel_start, rel_end, tail, place in _relative_facts(
                sentence, raw, report_year, "longrange" if goal else section, sentence_label, carried_year
            ):
                if cut_label is not None and rel_start >= label_until and tail[1] == cut_label:
                    tail = (tail[0], None, *tail[2:])  # …，预计全年突破57亿元: the year's, unlabelled
                if place and place not in own_places:
                    # 广州经济总量 in Guangdong's report: that place's figure, not the report's.
                    head, tail = (place + head[0], *head[1:]), (None, *tail[1:])
                if (
                    head[2] == "actual"
                    and not tail[4]
                    and head[10] >= report_year - 1  # not a change's start level, counted long ago
                    and (carry_estimate or (onward and rel_start + start > estimated_from))
                ):
                    tail = (*tail[:4], True)
                append(Fact(*head, rel_start + start, rel_end + start, *tail))  # type: ignore[call-arg]
    return facts


def _paragraph_year(sentence: str, report_year: int) -> int | None:
    """The year a sentence sets for the rest of its paragraph, whose sentences name none of their
    own: the past year a lead-in before a colon names (展示了2023年江苏经济发展取得的亮眼新成绩:…, a
    news item's recap after its targets), or a later year the sentence opens with as a goal's
    (到2017年,预期全省地区生产总值…翻一番以上。公共财政收入年均增长12%以上: 黑龙江 2013)."""
    if (g := _GOAL_OPENING.match(sentence)) is not None and int(g.group(1)) > report_year:
        return int(g.group(1))
    # 李克强在回顾2015年工作时提到,…国内生产总值达到67.7万亿元: a news item's review after its lead
    if "回顾" in sentence and (r := _REVIEW_LEAD.search(sentence)) is not None:
        return int(r.group(1)) if int(r.group(1)) < report_year else None
    if "：" not in sentence and ":" not in sentence:
        return None  # most sentences: no lead-in before a colon
    m = _RECAP_LEAD.search(sentence)
    if m is None or int(m.group(1)) >= report_year or _AIMS.search(m.group()):
        return None
    return int(m.group(1))


_REVIEW_LEAD = re.compile(r"回顾((?:19|20)\d{2})年(?:的)?(?:政府)?工作")
_GOAL_OPENING = re.compile(r"\s*(?:到|至)((?:19|20)\d{2})年(?:底|末)?[，,]")


_RECAP_LEAD = re.compile(r"(?<![比较与同至到])((?:19|20)\d{2})年(?![底末以])[^。；;:：\d]{0,30}[:：]")


def _onward_estimate(text: str, m: re.Match[str]) -> bool:
    """Is this 下同 the note of an estimate (预计（下同）, （预计，下同）)? Found from the word, a
    scan in C, rather than by a pattern that must try each bracket of the text."""
    return (
        _CLOSING_BRACKET.match(text, m.end()) is not None
        and _cues().estimate_onward.search(text, max(0, m.start() - 8), m.start()) is not None
    )


_CLOSING_BRACKET = re.compile(r"\s*[）)]")
_FORWARD_GOALS = re.compile(
    r"(今后五年|未来五年|“?(十[一二三四五六]五)”?(?:时期|期间))[^。；;，,]{0,24}?(?:主要)?(?:目标|任务)(?:是|为)?[:：]"
)


def _goals_ahead(sentence: str, report_year: int) -> str | None:
    """The horizon whose goals the sentence sets out (今后五年, 十五五), for a plan not yet over."""
    if (fm := _FORWARD_GOALS.search(sentence)) is None:
        return None
    if (plan := fm.group(2)) is None:
        return fm.group(1)
    return plan if _cues().five_year.get(plan, 0) >= report_year else None


_OPENING_CHARS = 30
_ESTIMATE_OPENS = 3  # 据初步核算，… / 预计全年… : the word within a sentence's first characters


def _opens_with_estimate(sentence: str) -> bool:
    """Does an estimate word open the sentence (预计2025年，…; 据初步核算，…)? Then it heads every
    ；-clause after it, not only its own; one inside a clause (生产总值预计增长5%) does not."""
    c = _cues()
    head = sentence.lstrip()[: _ESTIMATE_OPENS + 4]
    m = c.estimate.search(head)
    return m is not None and m.start() <= _ESTIMATE_OPENS


def _opening_period(sentence: str) -> str | None:
    """The period qualifier that opens the sentence, set off by a comma (上半年，…; 五年来，…;
    报告说，2003年前三季度，…)."""
    for m in _cues().period.finditer(sentence, 0, _OPENING_CHARS):
        if sentence[m.end() : m.end() + 1] in ("，", ",", "：", ":"):
            return _period_label(m.group())
    return None


# 2014年甘肃省实现…, 据介绍，2014年…, 澎湃新闻注意到,2014年,…: a year at the head of a sentence,
# perhaps after a few words of attribution, and not a month of it (2023年1-11月 opens a period of its own).
_OPENING_YEAR_CHARS = 14
_OPENING_YEAR = re.compile(
    r"(?:[^，,。；;]{1,8}[，,])?(?:((?:19|20)\d{2})年(?![\d底末以度])|(?<!过)去年(?!同期)|在?过去的?一年)"
)


def _opening_year(sentence: str, report_year: int) -> int | None:
    """The year opening a sentence, which holds for its ；-clauses that name none. 去年 is the year
    before the report's, wherever the sentence stands (a summary's 去年国内生产总值超过30万亿元);
    今年 with an aim in its clause the plan year (报告指出,今年要优先稳就业保民生…；城镇新增就业900万人
    以上: a year-end report's 今年，全镇实现… is the year it reviews, and stays so)."""
    m = _OPENING_YEAR.match(sentence)
    if m is None:
        if (t := _OPENING_THIS_YEAR.match(sentence)) is not None and _AIMS.search(
            sentence, t.end(), _clause_end(sentence, t.end())
        ):
            return report_year
        if "年" in sentence[:_OPENING_CHARS] and _opens_with_past_span(sentence):
            return report_year - 1  # 五年来，全镇财政收入从…增长到… after a news item's targets
        return None
    return int(m.group(1)) if m.group(1) else report_year - 1


def _opens_with_past_span(sentence: str) -> bool:
    """Does a span of past years (五年来，过去的五年，), not a five-year plan's name, open it?"""
    c = _cues()
    label = _opening_period(sentence)
    return label is not None and label not in c.five_year and c.past_span.search(label) is not None


_OPENING_THIS_YEAR = re.compile(
    r"(?:[^，,。；;]{1,6}[，,])?今年(?!以来|上半年|前|一季度|[\d一二三四五六七八九十]{1,2}[-－—至~～]|[1-9一二三四五六七八九十]{1,2}月)"
)
_AIMS = re.compile(r"(?<![主重需])要|将|力争|确保|预期|目标|计划|争取")  # not 主要, 重要


def _clause_end(sentence: str, start: int) -> int:
    m = _CLAUSE_END.search(sentence, start)
    return m.start() if m is not None else len(sentence)


_CLAUSE_END = re.compile(r"[；;]")


def _period_label(words: str) -> str:
    """A qualifier as its label: a five-year plan's by the plan's name, as its headings give it
    (“十四五”时期, 十四五期间 → 十四五), so one plan's figures share one label."""
    plan = next((name for name in _cues().five_year if name in words), None)
    return plan if plan is not None else horizon_label(words.strip("“”"))


_FULLWIDTH_CHARS = re.compile("[０-９．％]")


def _halfwidth(text: str) -> str:
    """``text.translate(_FULLWIDTH)``, skipped when there is nothing to map (translate walks
    every character in Python-level dict lookups for non-ASCII text)."""
    return text.translate(_FULLWIDTH) if _FULLWIDTH_CHARS.search(text) else text


def _has_figure(sentence: str) -> bool:
    return _DIGIT.search(sentence) is not None or may_hold_chinese_quantity(sentence)


@lru_cache(maxsize=1 << 13)  # recurring sentences stay; 8k entries keep a worker's memory flat
def _relative_facts(
    sentence: str,
    raw: str,
    report_year: int,
    section: str,
    label: str | None,
    opening_year: int | None = None,
) -> tuple[_RelFact, ...]:
    """The facts of one sentence with offsets relative to the sentence start. Facts depend on
    the sentence and its part only, and reports repeat sentences (generated ones a lot), so
    they are memoized as field tuples (immutable, safe to share); callers build the Facts."""
    ctx = _Context(report_year, section, sentence, 0, label, raw, opening_year)
    facts: list[_RelFact] = []
    if _has_figure(sentence):
        facts.extend(_sentence_facts(ctx))
    if section in ("plan", "longrange"):
        facts.extend(_not_set_facts(ctx))
    return tuple(facts)


def _sentence_facts(ctx: _Context) -> list[_RelFact]:
    sentence = ctx.sentence
    quantities = find_quantities(sentence)
    if not quantities:
        return []
    if MASK_GATE.search(sentence) is not None and (masked := find_masked(sentence)):
        # 地区生产总值XX亿元，增长5.2%: the blank names the indicator of the growth after it.
        quantities = sorted(quantities + masked, key=lambda q: q.start)
    quoted = (
        [(m.start(), m.end()) for m in _QUOTED.finditer(sentence)] if _QUOTED_GATE.search(sentence) else []
    )
    if quoted:
        quantities = [q for q in quantities if not any(s <= q.start < e for s, e in quoted)]
        if not quantities:
            return []
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(sentence)]
    if breaks and ("（" in sentence or "(" in sentence):
        # 地区生产总值（预计，下同）30.7亿元: a note's comma splits no clause.
        for note in _NOTE.finditer(sentence):
            if _CLAUSE_BREAK.search(note.group()) is not None:  # (GDP) and most notes: none
                breaks = [b for b in breaks if not note.start() < b < note.end()]
    provenance = ctx.provenance
    facts: list[_RelFact] = []
    subject: _Subject | None = None
    prev_end = 0
    last_tail = ""
    named: list[_Head] = []  # subjects named in this sentence so far, in order
    named_names: set[str] = set()
    starts, ends = _change_ends(sentence, quantities)
    start_subjects: dict[int, _Subject] = {}
    multiples: set[int] = set()
    deltas: set[int] = set()
    for idx, q in enumerate(quantities):
        # The last break before the figure (breaks ascend): bisect instead of a scan of all.
        i = bisect_left(breaks, q.start)
        clause_start = breaks[i - 1] + 1 if i else 0
        role, from_at = None, q.start
        if starts:
            if idx in starts:
                role, from_at = "start", quantities[starts[idx]].start
            elif idx in ends:  # 由2017年的1200亿元增加到1800亿元: 2017 is not the end's year
                role, clause_start = "end", max(clause_start, quantities[ends[idx][1]].end)
            elif idx - 1 in ends:  # …提高到39138元、年均增长5.2%: nor the year of what follows it
                clause_start = max(clause_start, quantities[idx - 1].end)
        phrase_start = max(clause_start, prev_end)
        phrase = sentence[phrase_start : q.start]
        floor, prev_end = prev_end, q.end
        multiple = q.family == "ratio" and (
            _is_multiple(phrase) or (idx - 1 in multiples and _joined(sentence, quantities[idx - 1], q))
        )
        if multiple:
            phrase = phrase[: phrase.rfind("是")] if "是" in phrase else phrase  # the subject's words
        elif q.family == "percent" and "的" in phrase and (done := _COMPLETION.search(phrase)) is not None:
            # 一般公共预算收入12.3亿元，为年度预算的102.5%，同比增长4.2%: a completion rate is long
            # tail under its own words, and the figures after it are the indicator's again.
            whose = _subject_for(phrase, None)
            if whose is not None and (
                fact := _make_fact(ctx, q, "", clause_start, _Subject(whose.name, None), provenance)
            ):
                facts.append(fact)
            before = phrase[: done.start()]
            base = _subject_for(before, None) if _strip_words(before) else subject
            if base is not None:
                subject = _inherit(base)
            continue
        if role == "end" and (base := start_subjects.get(ends[idx][0], subject)) is not None:
            # 由2010年的77亿元跃升到2015年的161.1亿元: the end is the start's indicator, whatever
            # verb and date stand between them; in 从26681元、7821元增长到36500元、12800元 each
            # end is the indicator of the start in its place.
            subject = _inherit(base, base.coordination)
        elif multiple and subject is not None and idx - 1 not in multiples and _names_nothing(phrase):
            # 地区生产总值14.3亿元，是2006年的2.1倍: a multiple of the level just named, not of 是
            subject = _inherit(subject)
        else:
            listed = _listed_subject(phrase, subject, named, sentence, quantities, idx)
            if listed is None:
                listed = _coordinated_whole(phrase, sentence, quantities, idx)
            subject = listed if listed is not None else _subject_for(phrase, subject)
            if (
                listed is None
                and subject is not None
                and subject.inherited
                and floor < clause_start
                and (in_gap := _named_in_gap(sentence[floor:clause_start])) is not None
            ):
                # 社会消费品零售总额增长1.4%，地方一般公共预算收入扣除留抵退税，同口径增长9.9%: a
                # clause without a figure between the two names the next figure's subject.
                subject = _inherit(in_gap)
            if subject is None and clause_start and sentence[clause_start - 1] in "：:":
                # 财政税收：3000万元以上, 固定资产投资：增长8%: a target list's label is before the colon.
                phrase = sentence[max(breaks[i - 2] + 1 if i > 1 else 0, floor) : q.start]
                subject = _subject_for(phrase, None)
            elif subject is None and clause_start and not floor and not _strip_words(phrase):
                subject = _named_before(sentence[:clause_start], _list_length(sentence, quantities, idx))
        if multiple:
            multiples.add(idx)
        if subject is None:
            continue
        if (
            subject.indicator is not None
            and idx
            and _counted_before(quantities[idx - 1], phrase_start, clause_start)
        ):
            # 8个市县城镇固定资产投资增速超过50%: the figure of some of the places, not the report's
            subject = _Subject(_name_of(phrase) or subject.name, None)
        if role == "start":
            start_subjects[idx] = subject
        if multiple:
            # A level as a multiple of a base period's: long tail under its subject's name, and
            # the verb before it is not its own (…年均增长21.1%，是“十一五”末的2.6倍).
            whose = _Subject(subject.name, None, place=subject.place)
            if (fact := _make_fact(ctx, q, "", clause_start, whose, provenance)) is not None:
                facts.append(fact)
            continue
        if (shared := _shared_by_list(phrase, sentence, quantities, idx)) is not None:
            # 规上工业增加值和固定资产投资均增长8%: one figure, a fact for each indicator.
            for code in shared:
                indicator = lexicon()[code]
                one = _Subject(indicator.name_zh, indicator)
                if (
                    fact := _make_fact(
                        ctx, q, _tail(phrase, one), clause_start, one, provenance, role, from_at
                    )
                ) is not None:
                    facts.append(fact)
            # …均突破万亿元，分别达到12488和10163亿元: a list after it goes down the names again.
            subject = _inherit(subject, _heads(shared))
            continue
        if (
            subject.inherited
            and len(subject.coordination) >= 2
            and _SAME_FOR_EACH.search(phrase) is not None
            and _list_length(sentence, quantities, idx) == 1
        ):
            # …分别达到10558元、6238元，同步增长9%: one figure for each subject of the list before.
            for head_name, head_indicator in subject.coordination:
                one = _Subject(head_name, head_indicator, inherited=True)
                if fact := _make_fact(
                    ctx, q, _tail(phrase, one), clause_start, one, provenance, role, from_at
                ):
                    facts.append(fact)
            continue
        if not subject.inherited and subject.name and subject.name not in named_names:
            named.append((subject.name, subject.indicator))
            named_names.add(subject.name)
        if _is_delta(phrase, q) or (
            # 分别增长907元和1117元: a list of changes in amounts
            idx - 1 in deltas and q.family not in _RELATIVE and _joined(sentence, quantities[idx - 1], q)
        ):
            deltas.add(idx)
            continue
        if is_masked(q) or _is_threshold(sentence, q):
            continue
        tail = _tail(phrase, subject)
        if subject.inherited and not _has_measure_cue(tail):
            # 分别增长6.5%、7.5%; 增长6.5%，力争8%: the verb is shared. A bare joiner adds nothing
            # (分别控制在4.2%、3%: 控制在 still ends what comes before the 3%).
            tail = last_tail if tail.strip() in _LIST_JOINERS_AFTER_EACH else last_tail + tail
        last_tail = tail
        fact = _make_fact(ctx, q, tail, clause_start, subject, provenance, role, from_at)
        if fact is not None:
            facts.append(fact)
    return facts


def _change_ends(sentence: str, qs: list[Quantity]) -> tuple[dict[int, int], dict[int, tuple[int, int]]]:
    """A change written as its two ends (由1200亿元增加到1800亿元; 从26681元、7821元增长到36500元、
    12800元): each start's index to its run's first (the one 由 stands before), and each end's
    index to (its start's index, the last start's index)."""
    if "由" not in sentence and "从" not in sentence:
        return {}, {}  # almost every sentence
    c = _cues()
    starts: dict[int, int] = {}
    ends: dict[int, tuple[int, int]] = {}
    n, i = len(qs), 0
    while i < n - 1:
        if c.change_from.search(sentence, max(0, qs[i].start - 12), qs[i].start) is None:
            i += 1
            continue
        last = i
        while last + 1 < n and _joined(sentence, qs[last], qs[last + 1]):
            last += 1
        if last + 1 == n or c.change_to.match(sentence[qs[last].end : qs[last + 1].start]) is None:
            i = last + 1
            continue
        k, m = last - i + 1, 1  # as many ends as starts, else the last start and the first end
        while m < k and last + m + 1 < n and _joined(sentence, qs[last + m], qs[last + m + 1]):
            m += 1
        first = i if m == k else last
        for j in range(first, last + 1):
            starts[j] = i
            ends[last + 1 + j - first] = (j, last)
        i = last + 1 + (m if m == k else 1)
    return starts, ends


def _joined(sentence: str, a: Quantity, b: Quantity) -> bool:
    return sentence[a.end : b.start].strip() in _LIST_JOINERS


_LIST_JOINERS = frozenset(("、", "和", "及", "与", "以及"))
_LIST_JOINERS_AFTER_EACH = _LIST_JOINERS | {"，", ","}


def _listed_subject(
    phrase: str,
    previous: _Subject | None,
    named: list[_Head],
    sentence: str,
    quantities: list[Quantity],
    idx: int,
) -> _Subject | None:
    """A list of figures that belongs to a list of indicators, in order: 规上工业增加值、固定资产投资
    分别增长8%、10% (listed in the phrase), or 地区生产总值375亿元、一般公共预算收入20亿元，分别增长
    4.5%、6% (named one by one before a bare 分别). None when the phrase is no such list."""
    if previous is not None and previous.coordination and not previous.pending:
        # 分别达到81230元和42760元，增长5.2%和6.7%: a second list as long as the first, after
        # it is spent and with no subject of its own, goes to the same subjects in order.
        heads = previous.coordination
        if (
            len(heads) >= 2
            and _list_length(sentence, quantities, idx) == len(heads)
            and _read_phrase(phrase).bare
        ):
            return _listed(heads, inherited=True)
    if "分别" not in phrase and "、" not in phrase and "和" not in phrase and "及" not in phrase:
        if len(named) < 2 or idx + 1 == len(quantities) or (previous is not None and previous.coordination):
            return None  # almost every phrase
        # 城镇居民人均可支配收入26738元，农民人均纯收入11986元，实际增长9.7%和13.4%: a bare list
        # after subjects named one by one goes to them in order, 分别 or not.
        k = _list_length(sentence, quantities, idx)
        if k < 2 or len(named) < k or not _read_phrase(phrase).bare:
            return None
        return _listed(tuple(named[-k:]), inherited=True)
    r = _read_phrase(phrase)
    if r.coordination is not None:
        return None  # the lexicon's own coordinations (城乡居民…) are read by _subject_for
    if len(r.listed) >= 2:
        if _list_length(sentence, quantities, idx, r.says_each) == len(r.listed):
            return _listed(_heads(r.listed), inherited=False)
        if not r.says_each:
            return None  # 规上工业增加值和固定资产投资均增长8%: one figure each (_shared_by_list)
    if len(r.items) >= 2 and _list_length(sentence, quantities, idx, commas=True) == len(r.items):
        # 城镇登记失业率、居民消费价格涨幅和人口自然增长率分别控制在4.2%、3%、2.5‰以内: a list
        # with a subject outside the lexicon; each figure still goes to its own.
        return _listed(r.items, inherited=False)
    if not (r.bare and r.says_each) or (previous is not None and previous.coordination):
        return None
    k = _list_length(sentence, quantities, idx, commas=True)
    if k < 2 or (len(named) < k and previous is None):
        return None
    if (
        previous is not None
        and idx >= k
        and all(_joined(sentence, quantities[i - 1], quantities[i]) for i in range(idx - k + 1, idx))
    ):
        # 城乡居民每人平均收入达到28400元和9400元、分别增长7.5%和8.2%: the list before was of one
        # name (outside the lexicon), so this one is too, not of the names before it.
        return _listed(((previous.name, previous.indicator),) * k, inherited=True)
    if len(named) < k:
        return None
    # 国内生产总值9.86亿元、乡镇企业总产值11.42亿元，分别增长9%、11%: named one by one, core or not.
    return _listed(tuple(named[-k:]), inherited=True)


def _coordinated_whole(phrase: str, sentence: str, quantities: list[Quantity], idx: int) -> _Subject | None:
    """城乡居民人均可支配收入2.33万元，增长6.7%: one figure for a coordination, without 分别, is
    the figure of the whole (all residents), neither of its parts: a long-tail subject."""
    whole = _read_phrase(phrase).whole  # memoized: the subject's reading asks for it anyway
    if not whole or "分别" in phrase:
        return None  # almost every phrase
    if _list_length(sentence, quantities, idx) > 1:
        return None  # 城镇和农村居民人均可支配收入达到4.2万元和2.1万元: one each
    return _Subject(whole, None)


# One figure for each subject of a list before it (同步增长9%, 均增长8%); not 年均 or 平均 (an average).
_SAME_FOR_EACH = re.compile(r"同步|(?<![年平])均|都")
_SHARE_GATE = re.compile("[均都、和及与]")  # 均, 都 or a list joiner (以及 holds 及)


def _shared_by_list(
    phrase: str, sentence: str, quantities: list[Quantity], idx: int
) -> tuple[str, ...] | None:
    """Codes of the indicators listed in ``phrase`` that share its one figure: through 均/都, or
    named together before it (城镇调查失业率和登记失业率稳定在4.3%左右)."""
    if _SHARE_GATE.search(phrase) is None:
        return None
    codes = _read_phrase(phrase).listed
    if len(codes) < 2 or _list_length(sentence, quantities, idx) != 1:
        return None
    return codes


def _list_length(sentence: str, quantities: list[Quantity], idx: int, commas: bool = False) -> int:
    """How many figures from ``idx`` on are joined as one list (6%、7%; 5.0%和6.9%). After 分别 a
    comma joins them too (分别增长12%，13%, as statistics pages write it)."""
    joiners = _LIST_JOINERS_AFTER_EACH if commas else _LIST_JOINERS
    n = 1
    for a, b in pairwise(quantities[idx:]):
        if sentence[a.end : b.start].strip() not in joiners:
            break
        n += 1
    return n


def _named_in_gap(gap: str) -> _Subject | None:
    """The indicator a figure-less clause names, if it names one."""
    if not mentions_any_term(gap):
        return None
    named = _subject_for(gap, None)
    return named if named is not None and named.indicator is not None else None


@lru_cache(maxsize=1 << 16)
def _strip_words(phrase: str) -> str:
    """The phrase without predicates, modifiers, punctuation: empty when it names nothing.
    Memoized: a pure function of short phrases that recur (and _name_of asks again)."""
    lead, trail = _edge_patterns()
    if "(" in phrase or "（" in phrase:  # 同比增长(以下简称增长), 固定资产投资（不含农户）: a note
        phrase = _PAREN.sub("", phrase)
    s = _PUNCT.sub("", _qualifiers().sub("", phrase))
    for _ in range(4):  # 预计全年实现…增长: a few rounds peel every layer
        stripped = trail.sub("", lead.sub("", s))
        if stripped == s:
            break
        s = stripped
    return "" if s in _BARE_VERBS else s


_BARE_VERBS = ("增", "降")  # 、增7%: the verb alone (stripped anywhere else, 新增 would lose its 增)


@cache
def _qualifiers() -> re.Pattern[str]:
    """Dates and the qualifiers of reference/fact_cues.yaml: they place or qualify a figure."""
    cues = reference.load_yaml("fact_cues.yaml")
    extra = [*cues["period_qualifiers"], *cues["phrase_qualifiers"]]  # 地区生产总值一季度同比下降6.8%
    return re.compile("|".join([_DATES.pattern, *(f"(?:{p})" for p in extra)]))


_PAREN = re.compile(r"[（(][^（）()]{0,16}[）)]")
_PUNCT = re.compile(r"[\s、，,：:（）()“”\"'·]+")


@cache
def _edge_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Runs of noise/predicate words at the start, and of predicates at the end, of a phrase."""
    c = _cues()
    lead = "|".join(re.escape(w) for w in _longest_first(c.noise + c.predicates))
    trail = "|".join(re.escape(w) for w in _longest_first(c.predicates + c.predicate_suffixes))
    return re.compile(f"^(?:{lead})+"), re.compile(f"(?:{trail})+$")


def _coordination(phrase: str) -> tuple[str, tuple[str, ...]] | None:
    pattern, endings = _coordination_pattern()
    if not any(end in phrase for end in endings):
        return None  # most phrases: no coordination ends in them (…收入, …出口)
    m = pattern.search(phrase)
    return None if m is None else (m.group(), coordinations()[m.group()])


@cache
def _coordination_pattern() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """Every coordination, longest first, and the last two characters they end with. A pattern
    of some 200 alternatives is slow to try at every position, so the endings gate it."""
    terms = _longest_first(tuple(coordinations()))
    return re.compile("|".join(map(re.escape, terms))), tuple({t[-2:] for t in terms})


@dataclass(frozen=True)
class _PhraseReading:
    """What a phrase says about its figure's subject on its own, whatever came before it."""

    coordination: tuple[str, ...] | None  # codes of a listed coordination (城乡居民…分别)
    listed: tuple[str, ...]  # codes of indicator terms listed with 、/和/及 between them
    bare: bool  # nothing but predicates, modifiers and dates
    says_each: bool
    term: tuple[str, str] | None  # (term, code) of the lexicon term that owns the figure
    hit: bool  # a single-code lexicon term occurs in the phrase
    name: str  # the phrase's own name for a long-tail subject ('' for none)
    place: str  # a place named right before the term (广州 in 广州经济总量; '' for none)
    delta: bool  # ends with a change verb (增加): an absolute amount after it is no fact
    whole: str  # a coordination named in the phrase, listed or not ('' for none)
    items: tuple[_Head, ...]  # the subjects listed before 分别, lexicon terms or not (else ())
    list_end: int  # where the listed subjects end in the phrase (0 for no list)


@lru_cache(maxsize=1 << 16)
def _read_phrase(phrase: str) -> _PhraseReading:
    """Memoized: phrases (地区生产总值, 增长) recur across sentences and reports, and their
    reading needs jieba."""
    coord = _coordination(phrase)
    listed = None
    if coord is not None and ("分别" in phrase or "、" in phrase or "均" in phrase):
        listed = coord[1]
    bare = not _strip_words(phrase)
    hits = find_terms(phrase) if mentions_any_term(phrase) else []
    hits = [h for h in hits if len(h.codes) == 1]
    in_list: tuple[str, ...] = ()
    list_end = 0
    if len(hits) >= 2 and all(phrase[a.end : b.start].strip() in _LIST_JOINERS for a, b in pairwise(hits)):
        in_list = tuple(h.codes[0] for h in hits)
        list_end = hits[-1].end
    items = _items_before_each(phrase)
    if items:
        list_end = phrase.rfind("分别")
    term = None
    place = ""
    if hits:
        hit = hits[-1]
        after = _PAREN.sub("", phrase[hit.end :])  # 固定资产投资（不含农户）: a note, not a noun
        before = phrase[: hit.start]
        # 单位GDP, 万元GDP, 亩均GDP, 每亿元投资GDP产出: a ratio to the indicator, not the indicator.
        is_share = (
            any(w in after for w in _cues().share)
            or before.endswith(_RATIO_BEFORE)
            or _PER_UNIT.search(before) is not None
            or _part_before(before)
        )
        # 固定资产投资中工业投资增长15%: another noun after the term owns the figure.
        owned = len(_strip_words(after)) <= 2
        if owned and not is_share:
            term = (hit.term, hit.codes[0])
            place = _place_before(before)
    delta = (
        _first_suffix(_rstrip_approx(phrase, _TRAILING_APPROX_LE, "约近超了"), _lookups().delta, "")
        is not None
    )
    return _PhraseReading(
        listed,
        in_list,
        bare,
        "分别" in phrase,
        term,
        bool(hits),
        _name_of(phrase),
        place,
        delta,
        "" if coord is None else coord[0],
        items,
        list_end,
    )


_ITEM_JOINER = re.compile(r"以及|[、和及与]")


def _places_sharing_a_name(items: list[str]) -> tuple[_Head, ...] | None:
    """准格尔旗、东胜区、伊金霍洛旗地区生产总值分别达到…: places listed before one indicator's
    name, each with a figure of its own: long-tail names (东胜区地区生产总值), none the report's."""
    if len(items) < 2:
        return None
    last = _read_phrase(items[-1])
    if last.term is None or not last.place:
        return None
    words = place_words()
    if not all(item.strip() in words for item in items[:-1]):
        return None
    name = lexicon()[last.term[1]].name_zh
    return (*((item.strip() + name, None) for item in items[:-1]), (last.place + name, None))


def _items_before_each(phrase: str) -> tuple[_Head, ...]:
    """The subjects a phrase lists before 分别, each read on its own: the lexicon's indicator, or
    a long-tail name (人口自然增长率). () when there is no such list or an item names nothing."""
    at = phrase.rfind("分别")
    if at <= 0 or _ITEM_JOINER.search(phrase, 0, at) is None:
        return ()  # almost every phrase
    lex = lexicon()
    heads: list[_Head] = []
    items = _ITEM_JOINER.split(phrase[:at])
    if (places := _places_sharing_a_name(items)) is not None:
        return places
    for item in items:
        r = _read_phrase(item)
        if r.term is not None:
            heads.append((lex[r.term[1]].name_zh, lex[r.term[1]]))
        elif r.name and not r.hit and len(r.name) <= _MAX_ITEM:
            heads.append((r.name, None))
        else:
            return ()  # an empty item, or a term that does not own it (占GDP比重): no plain list
    return tuple(heads) if len(heads) >= 2 else ()


_PLACE_MAX = 12  # characters: the longest place names checked before a term
_MAX_ITEM = 12  # characters: a long-tail name in a list of subjects


_PER_UNIT = re.compile(r"每(?!年)[^，,；;]{1,8}$")  # 每平方公里GDP, 每亿元投资GDP; not 每年
# Per head, per area, per household, per unit: not 年均 or 平均 (年均GDP增长8% is GDP's growth).
_RATIO_BEFORE = ("占", "相当于", "单位", "人均", "亩均", "地均", "户均", "万元", "亿元")


def _place_before(before: str) -> str:
    """The longest place name or short name that ``before`` ends with, or ends with but for a verb
    (锦江区实现); '' for none."""
    if found := _place_ending(before):
        return found
    if before.endswith("村") and (village := _VILLAGE.search(before)) is not None:
        return village.group()  # 羊排村农村常住居民人均可支配收入: one village's, not the town's
    subject = _before_place_verb(before)
    return _place_ending(subject) if subject is not None else ""


# A village's name (羊排村, 示范村) ending the text before a name; not 农村, 乡村 or a word that
# is no name (全村, 各村, 本村, 每村).
_VILLAGE = re.compile(r"[\u4e00-\u9fff]{1,4}(?<![农乡全各本该每])村$")


def _before_place_verb(before: str) -> str | None:
    """What stands before a place verb that ``before`` ends with (锦江区 of 锦江区实现); None if none."""
    verb = next((v for v in _cues().place_verbs if before.endswith(v)), None)
    if verb is None:
        return None
    subject = before[: -len(verb)]
    # 装备制造基地力争实现工业增加值120亿元: a plan's words between the subject and the verb
    word = next((w for w in _cues().place_verb_leads if subject.endswith(w)), "")
    return subject[: len(subject) - len(word)]


def _part_before(before: str) -> bool:
    """A zone, sector or kind of trade right before the name (园区税收收入, 保税物流中心（B型）进出口额),
    or a zone before the place verb before it (产业集聚区完成规模以上工业增加值): the figure is a part."""
    if "（" in before or "(" in before:
        before = _PAREN.sub("", before)
    if before.endswith(_cues().part):
        return True
    subject = _before_place_verb(before)
    return subject is not None and subject.endswith(_cues().zone_parts)


def _place_ending(before: str) -> str:
    words = place_words()
    found = ""
    for n in range(2, min(len(before), _PLACE_MAX) + 1):
        if before[-n:] in words:
            found = before[-n:]
    return found


def _counted_before(before: Quantity, phrase_start: int, clause_start: int) -> bool:
    """Does a count (8个, 16家) stand right before the figure's words, in its clause?"""
    return before.family == "count" and before.end == phrase_start and phrase_start > clause_start


def _named_before(text: str, listed: int) -> _Subject | None:
    """社会消费品零售总额首次迈上百亿台阶，达到103亿元; 地区生产总值在…的情况下，达到120亿元: a
    figure whose own clause names nothing, first in its sentence, is of the one indicator the
    clauses before it name (a clause of words only may be about anything: no long-tail name).
    A list of ``listed`` figures takes a list of as many indicators named together there
    (一般公共预算收入和税收收入齐头并进，分别达到12亿元和9亿元), the last ones in their clause."""
    if not mentions_any_term(text):
        return None
    hits = find_terms(text)
    codes = [h.codes for h in hits]
    if len(set(codes)) == 1 and len(codes[-1]) == 1:
        return _Subject(hits[-1].term, lexicon()[codes[-1][0]])
    if listed < 2 or len(hits) < listed:
        return None
    # 在地区生产总值增速放缓的情况下，一般公共预算收入和税收收入，分别…: the names listed together,
    # after a clause that names another indicator only as a circumstance.
    named, rest = hits[-listed:], hits[:-listed]
    joined = all(text[a.end : b.start].strip() in _LIST_JOINERS for a, b in pairwise(named))
    apart = not rest or _CLAUSE_BREAK.search(text, rest[-1].end, named[0].start) is not None
    if joined and apart and all(len(h.codes) == 1 for h in named):
        return _listed(_heads(tuple(h.codes[0] for h in named)), inherited=False)
    return None


def _subject_for(phrase: str, previous: _Subject | None) -> _Subject | None:
    lex = lexicon()
    r = _read_phrase(phrase)
    if r.coordination is not None:
        return _listed(_heads(r.coordination), inherited=False)
    if previous is not None and previous.coordination and r.bare and r.says_each:
        # 分别达到4.2万元、2.1万元，分别增长5%、7%: the second 分别 starts the list again.
        return _listed(previous.coordination, inherited=True)
    if previous is not None and previous.pending and r.bare:
        name, indicator = previous.pending.pop(0)
        return _Subject(name, indicator, previous.pending, inherited=True, coordination=previous.coordination)
    if r.hit:
        if r.term is not None:
            return _Subject(r.term[0], lex[r.term[1]], place=r.place)
        return _Subject(r.name, None) if r.name else None
    if r.bare:
        if previous is None:
            return None
        # The list stays known after its figures: …分别达到10558元、6238元，同步增长9% (each grew 9 %).
        return _inherit(previous, () if previous.pending else previous.coordination)
    if previous is not None and (code := _elliptic(previous, r.name)):
        return _Subject(r.name, lex[code])  # …，其中城镇居民4.5万元: urban income
    return _Subject(r.name, None) if r.name else None


def _elliptic(previous: _Subject, name: str) -> str | None:
    after, names = _elliptic_names()
    return names.get(name) if previous.indicator is not None and previous.indicator.code in after else None


@cache
def _elliptic_names() -> tuple[frozenset[str], dict[str, str]]:
    data = reference.load_yaml("indicators.yaml").get("elliptic_names") or {}
    return frozenset(data.get("after") or ()), dict(data.get("names") or {})


def _name_of(phrase: str) -> str:
    name = _strip_words(phrase)
    return name[-_MAX_NAME:]


@dataclass(frozen=True)
class _WordIndex:
    """Words looked up by text slice instead of trying each: one dict lookup per distinct word
    length. ``first`` maps a word to the position of its first occurrence in the list, so the
    earliest listed word wins as in a loop over the list."""

    first: dict[str, int]
    lengths: tuple[int, ...]


@cache
def _word_index(words: tuple[str, ...]) -> _WordIndex:
    first: dict[str, int] = {}
    for i, w in enumerate(words):
        if not w:
            raise ValueError("cue words must not be empty")
        first.setdefault(w, i)
    return _WordIndex(first, tuple(sorted({len(w) for w in words})))


def _first_suffix(text: str, index: _WordIndex, after: str) -> int | None:
    """Position in the word list of the first word w such that ``text`` ends with w + after."""
    if after:
        if not text.endswith(after):
            return None
        text = text[: -len(after)]
    best: int | None = None
    n = len(text)
    for length in index.lengths:
        if length > n:
            break
        i = index.first.get(text[n - length :])
        if i is not None and (best is None or i < best):
            best = i
    return best


def _first_prefix(text: str, index: _WordIndex) -> int | None:
    """Position in the word list of the first word that ``text`` starts with."""
    best: int | None = None
    for length in index.lengths:
        if length > len(text):
            break
        i = index.first.get(text[:length])
        if i is not None and (best is None or i < best):
            best = i
    return best


_TRAILING_APPROX = re.compile(r"[\s约近超]+$")


def _rstrip_approx(text: str, pattern: re.Pattern[str], chars: str) -> str:
    """``pattern.sub("", text)`` for a pattern of trailing ``chars`` and whitespace, skipped when
    the last character is neither (almost always)."""
    if text and (text[-1] in chars or text[-1].isspace()):
        return pattern.sub("", text)
    return text


@cache
def _pair_words(pairs: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(w for w, _ in pairs)


@dataclass(frozen=True)
class _Lookups:
    """Word indexes and patterns of the cue lists, built once: looking them up per call hashed
    the whole word tuple each time."""

    prefix_words: tuple[str, ...]
    prefix: _WordIndex
    suffix: _WordIndex
    level_markers: _WordIndex
    delta: _WordIndex
    growth: re.Pattern[str]
    decline: re.Pattern[str]
    aspiration: re.Pattern[str]
    commit: re.Pattern[str]
    measure_cues: tuple[str, ...]
    rate: re.Pattern[str]
    decline_rates: frozenset[str]


@cache
def _lookups() -> _Lookups:
    c = _cues()
    prefix_words = _pair_words(c.prefix)
    rates = reference.load_yaml("fact_cues.yaml")["rate_nouns"]
    return _Lookups(
        prefix_words=prefix_words,
        prefix=_word_index(prefix_words),
        suffix=_word_index(_pair_words(c.suffix)),
        level_markers=_word_index(c.level_markers),
        delta=_word_index(c.delta),
        growth=_last_pattern(c.growth),
        decline=_last_pattern(c.decline),
        aspiration=_last_pattern(c.aspiration),
        commit=_last_pattern(_COMMIT),
        measure_cues=c.growth + c.decline + c.level_markers + c.threshold_verbs,
        rate=_last_pattern(_longest_first(rates["growth"] + rates["decline"])),
        decline_rates=frozenset(rates["decline"]),
    )


def _has_measure_cue(tail: str) -> bool:
    return any(w in tail for w in _lookups().measure_cues)


_TRAILING_APPROX_LE = re.compile(r"[\s约近超了]+$")


def _is_delta(phrase: str, q: Quantity) -> bool:
    """较上年增加10亿元: a change in an absolute amount, not a level or a percent change."""
    if q.family in _RELATIVE:
        return False  # 增长1.2倍 is a rate of change too
    return _read_phrase(phrase).delta


# 为年度预算的102.5%, 完成年初预算的98.6%, 完成全年目标任务的105%: how much of a plan was done.
_COMPLETION = re.compile(r"(?:完成|为|达到|达|占)[^，,；;。]{0,12}?(?:预算|计划|目标|任务)数?的$")
# 是2006年的2.1倍, 分别是“十五”期间的4.9倍和2.5倍: a level as a multiple of an earlier one.
_MULTIPLE_OF = re.compile(r"是[^，,；;。是]{0,14}的$")


def _names_nothing(phrase: str) -> bool:
    """，是2006年的: the multiple is of the level just named (but 分别是 goes down a list)."""
    return "分别" not in phrase and not _strip_words(phrase)


def _is_multiple(phrase: str) -> bool:
    """A multiple of a base period's level is neither a level nor a change of the year."""
    return "是" in phrase and _MULTIPLE_OF.search(phrase) is not None


def _is_threshold(sentence: str, q: Quantity) -> bool:
    """500万元以上项目: the amount sorts the projects after it; it is nobody's figure."""
    c = _cues()
    if "台阶" in sentence and _STEPS.match(sentence, q.end) is not None:
        return True  # 经济总量跨越了两千亿元和三千亿元两个台阶: steps passed, not the year's level
    if ("大关" in sentence or "台阶" in sentence) and (
        _STEP_SERIES.match(sentence, q.end) is not None
        or (
            _STEP_END.match(sentence, q.end) is not None
            and _STEP_BEFORE.search(sentence, 0, q.start) is not None
        )
    ):
        return True  # 生产总值连续跨越4000亿、5000亿、6000亿元大关: steps passed over the years
    if (
        "先后" in sentence
        or "相继" in sentence
        or "接连" in sentence
        or "依次" in sentence
        or "连续" in sentence
    ) and _passed_in_turn(sentence, q):
        return True  # 5年来,西藏生产总值先后突破300亿元、400亿元、500亿元: levels passed in turn
    if q.unit in ("户", "人") and c.household_threshold.match(sentence, q.end) is not None:
        return True  # 30户以上村民组通硬化路: the groups that size (10个以上自然村 counts villages)
    return (
        sentence[q.end : q.end + 1] in c.threshold_first
        and q.family.startswith("money")
        and c.threshold.match(sentence, q.end) is not None
    )


def _passed_in_turn(sentence: str, q: Quantity) -> bool:
    """Is the figure one of a list of levels a verb says were passed one after another?"""
    verb = max(
        _IN_TURN.finditer(sentence, max(0, q.start - _IN_TURN_REACH), q.start), key=re.Match.end, default=None
    )
    if verb is None or not _AMOUNTS_BEFORE.fullmatch(sentence, verb.end(), q.start):
        return False
    return q.start > verb.end() or _STEP_SERIES_ANY.match(sentence, q.end) is not None


_STEP_AMOUNT = r"\d[\d.]*\s*[十百千万亿]*元?"
_IN_TURN = re.compile(r"(?:先后|相继|接连|依次|连续)(?:突破|跨越|跨过|迈过|迈上|越过|超过)")
_IN_TURN_REACH = 40  # characters before the figure: the verb and the amounts listed after it
_AMOUNTS_BEFORE = re.compile(rf"(?:{_STEP_AMOUNT}\s*[、和与及]\s*)*")
_STEP_SERIES_ANY = re.compile(rf"\s*[、和与及]\s*{_STEP_AMOUNT}")
_STEP_SERIES = re.compile(rf"(?:[、和与及]{_STEP_AMOUNT})+(?:大关|台阶)")  # after a step that is not the last
_STEP_END = re.compile(r"(?:大关|台阶)")
_STEP_BEFORE = re.compile(rf"{_STEP_AMOUNT}[、和与及]$")  # the last step of a series
_STEPS = re.compile(r"(?:[和、与及][^，,。；;]{0,12}?)?[两三四五六七八九十\d]{1,2}个[^，,。；;]{0,6}台阶")


def _measure(q: Quantity, tail: str, indicator: Indicator | None) -> tuple[str, int] | None:
    """(measure, sign) of a figure from the words right before it; None for a change in an
    absolute amount (较上年增加10亿元), which is not a fact of the contract."""
    by_definition = indicator is not None and not indicator.rate and not indicator.level_families
    return _tail_measure(q.family, tail, by_definition)


@lru_cache(maxsize=1 << 14)
def _tail_measure(family: str, tail: str, change_by_definition: bool) -> tuple[str, int] | None:
    """_measure on what it depends on; memoized, as tails (增长, 比上年增长, 达到) recur."""
    lk = _lookups()
    tail = _rstrip_approx(tail, _TRAILING_APPROX, "约近超")
    if (i := _first_suffix(tail, lk.prefix, "")) is not None:
        tail = tail[: -len(lk.prefix_words[i])]
    level_marker = _first_suffix(tail, lk.level_markers, "") is not None
    growth = _last_match(tail[-8:], lk.growth)
    decline = _last_match(tail[-8:], lk.decline)
    verb_pos = max(growth[0] if growth else -1, decline[0] if decline else -1)
    # The verb that ends last wins; 负增长 ends where the 增长 inside it does, and is the decline.
    sign = -1 if decline and (not growth or decline[0] + len(decline[1]) >= growth[0] + len(growth[1])) else 1
    if family in ("percent",):
        if level_marker and not tail.endswith(("增长", "下降")):
            rate = _last_match(tail, lk.rate)  # 增速回落至5.2%: the rate itself, not a level
            if rate is not None:
                return "growth", -1 if rate[1] in lk.decline_rates else 1
            return "level", 1
        if verb_pos >= 0:
            return "growth", sign
        if change_by_definition:
            return "growth", 1  # a change by definition (居民消费价格涨幅3%)
        return "level", 1
    if family == "points":
        return "level", sign if verb_pos >= 0 else 1
    if family == "ratio" and growth is not None and growth[0] == verb_pos:
        return "growth", 1  # 增长1.2倍: a rise of 120 %; 是上年的2.5倍 stays a level
    if verb_pos >= 0 and _first_suffix(tail, lk.delta, "") is not None and not level_marker:
        return None
    return "level", 1


def _last_match(text: str, pattern: re.Pattern[str]) -> tuple[int, str] | None:
    """(position, word) of the word of a _last_pattern that occurs last in ``text``; at a tie
    the earlier listed word. One regex pass (a greedy ``.*`` backs off from the end)."""
    m = pattern.match(text)
    return None if m is None else (m.start(1), m.group(1))


@cache
def _last_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # The regex tries the alternatives in list order at each position, like the loop it replaces.
    return re.compile(r"(?s:.*)(" + "|".join(re.escape(w) for w in words) + ")")


def _comparator(ctx: _Context, q: Quantity, tail: str) -> str:
    if q.value_high is not None:
        return "range"
    c = _cues()
    after = ctx.sentence[q.end : q.end + 4]
    if (i := _first_prefix(after, _lookups().suffix)) is not None:
        return c.suffix[i][1]
    if after and after[0] in _LIST_HEADS and (m := _LIST_SUFFIX.match(ctx.sentence, q.end)) is not None:
        # 分别增长6.5%和8%左右: the comparator after the list's last figure is every figure's
        j = _first_prefix(m.group(1), _lookups().suffix)
        assert j is not None
        return c.suffix[j][1]
    if q.approx_more:
        return "at_least"
    return _tail_comparator(tail)


_LIST_HEADS = "和、与及"
_LIST_SUFFIX = re.compile(
    r"(?:\s*(?:和|、|与|及)\s*-?\d+(?:\.\d+)?\s*(?:[%％]|个百分点|[万亿]?[元人])?)+\s*(左右|以上|以内|以下|上下)"
)


@lru_cache(maxsize=1 << 14)
def _tail_comparator(tail: str) -> str:
    """The comparator the words before a figure give; memoized, as tails recur."""
    stripped = tail.rstrip()
    index = _lookups().prefix
    # The first listed word that ends the tail, directly or followed by 在 (控制在, 不低于在).
    ends = (_first_suffix(stripped, index, ""), _first_suffix(stripped, index, "在"))
    found = [i for i in ends if i is not None]
    return _cues().prefix[min(found)][1] if found else "point"


_COMMIT = ("确保", "保证", "必须", "完成了", "实现了")


def _aspirational(prefix: str) -> bool:
    lk = _lookups()
    asp = _last_match(prefix, lk.aspiration)
    if asp is None:
        return False
    commit = _last_match(prefix, lk.commit)
    if commit is not None and commit[0] > asp[0]:
        return False
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(prefix, asp[0])]
    if breaks:
        # 外贸进出口总额力争增长8%，新增城镇就业5000人以上: after its own subject the word hopes
        # for that clause only; at a clause's start (力争地区生产总值增长8%，…) it leads the list.
        # 增长7%以上，力争8%，…: a bare figure after it is what it hopes for.
        clause_start = max(prefix.rfind(ch, 0, asp[0]) for ch in "，,：:；;。") + 1
        if _strip_words(prefix[clause_start : asp[0]]):
            return False
        if (d := _DIGIT.search(prefix, asp[0], breaks[0])) is not None and not _strip_words(
            prefix[asp[0] : d.start()]
        ):
            return False
    return True


def _period(ctx: _Context, q: Quantity, clause_start: int) -> tuple[str, int, str | None, str]:
    """(kind, period_year, period_label, section) of a figure, from the text before it. Each
    pattern runs only on a prefix holding a character it needs (most prefixes hold no 年)."""
    c = _cues()
    need = _needed_chars()
    prefix = ctx.sentence[: q.start]
    label = ctx.label
    if need.period is None or need.period.search(prefix):
        for m in c.period.finditer(prefix):
            if prefix[m.start() - 1 : m.start()] in _BASE_MARKS:
                continue  # 是“十二五”时期的1.2倍: the base of a multiple
            if len(m.group()) == 2 and label is not None and label in c.horizons:
                continue  # 五年累计 under 过去五年: the span the part already names
            label = _period_label(m.group())
    if need.five_year_end is None or need.five_year_end.search(prefix):
        five = c.five_year_end.search(prefix)
        if five is not None:
            return "target", c.five_year[five.group(1)], five.group(1), "longrange"
    later = longrange_year(prefix, ctx.report_year)
    if later is not None:
        return "target", later, label, "longrange"
    stated: list[tuple[int, bool]] = []  # (year, dated to a month: 2023年1月)
    if need.year is None or need.year.search(prefix):
        years = []
        for m in year_pattern().finditer(prefix):
            if prefix[m.end() : m.end() + 1] == "度":
                continue
            mark = prefix[m.start() - 1 : m.start()]
            if mark in _BASE_MARKS:
                if mark != "是" or m.start() >= clause_start:  # 是2006年的: its own clause's only
                    label = prefix[m.start() - 1 : m.end()]  # 较2015年增长26.8%: growth since then
                continue
            if mark in _COMPARED_WITH and _COMPARED.match(prefix, m.end()):
                label = "比" + prefix[m.start() : m.end()]  # 与2013年相比,2014年生产总值…增长9%
                continue
            years.append((m.start(), int(m.group(1)), _MONTH_AFTER.match(prefix, m.end()) is not None))
        # Its clause's year, the sentence's opening one, or one standing as a clause of its own
        # (受…等利好因素影响,2011年,云南省实现生产总值8750.95亿元): it heads the clauses after it.
        stated = [
            (y, dated)
            for pos, y, dated in years
            if pos >= clause_start or pos < 3 or _year_alone(prefix, pos)
        ]
    if not stated and "去年" in ctx.sentence and _LAST_YEAR.search(prefix, clause_start) is not None:
        stated = [(ctx.report_year - 1, False)]  # …，去年实现国内生产总值4.4亿元: in a plan too
    if (
        not stated
        and ctx.opening_year is not None
        and not any(prefix.find(w, clause_start) >= 0 for w in _THIS_YEAR)
    ):
        stated = [(ctx.opening_year, False)]  # 据介绍，2014年…；固定资产投资7759.6亿元: 2014's
    return _period_rest(ctx, stated, label)


def _year_alone(prefix: str, pos: int) -> bool:
    """Is the year at ``pos`` (YYYY年) a clause of its own, between commas?"""
    return prefix[pos - 1 : pos] in ("，", ",") and prefix[pos + 5 : pos + 6] in ("，", ",")


_LAST_YEAR = re.compile(r"(?<![比较于同])去年(?!同期)")
_THIS_YEAR = ("今年", "明年", "本年")  # a clause of the plan year's: the sentence's opening year is not its
_MONTH_AFTER = re.compile(r"\s*\d{1,2}\s*月")
# 较2015年增长26.8%, 是2006年的2.1倍: 2015 and 2006 are the base of the change, not its year
_BASE_MARKS = ("较", "比", "是")
_COMPARED_WITH = ("与", "同", "和", "跟")
_COMPARED = re.compile(r"(?:相比|相较|比较)")


@dataclass(frozen=True)
class _Needed:
    """Characters each period pattern needs in a text to match there (see literals)."""

    period: re.Pattern[str] | None
    five_year_end: re.Pattern[str] | None
    year: re.Pattern[str] | None


@cache
def _needed_chars() -> _Needed:
    c = _cues()
    return _Needed(gate(c.period), gate(c.five_year_end), gate(year_pattern()))


def _period_rest(
    ctx: _Context, stated: list[tuple[int, bool]], label: str | None
) -> tuple[str, int, str | None, str]:
    if stated:
        year, dated = stated[-1]
        if year < ctx.report_year:
            return "actual", year, label, "review"
        if year > ctx.report_year and ctx.section != "review":  # 2025年全镇…12亿元 in 2021's plan
            return "target", year, label, "longrange"
        if year == ctx.report_year:
            # Reports are given early in their year: a figure for that year is a goal, wherever
            # the split put it, unless it is dated to a month already past (截至2023年1月底) or
            # counts part of the year (2018年上半年, a half-year report's).
            if (dated and ctx.section != "plan") or _counted_part(label):
                return "actual", year, label, "review"
            return "target", year, label, "plan"
    # 今后五年: the plan's last year; so for a five-year plan that begins in the report's year or
    # later (“十五五”时期，…年均增长5%左右 in a report of 2026): none of its years is past yet.
    end = _cues().five_year.get(label or "", 0)  # “十四五”时期主要目标: 2025
    if ctx.section == "longrange" or label in FORWARD_HORIZONS or end - 4 >= ctx.report_year:
        return "target", end if end > ctx.report_year else ctx.report_year + 4, label, "longrange"
    if ctx.section == "plan":
        if _counted_part(label):
            # 1-5月，全街道实现财政总收入17.81亿元, 上半年GDP实现2806.8亿元 (a half-year report, or a
            # plan citing 1-2月): part of the plan's year already counted, not a goal.
            return "actual", ctx.report_year, label, "review"
        return "target", ctx.report_year, label, "plan"
    return "actual", ctx.report_year - 1, label, "review"


_PARTS_OF_A_YEAR = ("上半年", "前三季度", "一季度", "第一季度", "前两季度")


def _counted_part(label: str | None) -> bool:
    """Is the label a part of a year (1-5月, 上半年, 前三季度), counted once it has passed?"""
    return label is not None and (label.endswith("月") or label in _PARTS_OF_A_YEAR)


def _tail(phrase: str, subject: _Subject) -> str:
    """The words between the subject and the figure (分别增长, 达到, 控制在). For a list's first
    subject, the words after the whole list: in 城镇登记失业率和居民消费价格涨幅分别控制在 the
    涨幅 of the second does not make the first a growth."""
    if subject.coordination and not subject.inherited and (end := _read_phrase(phrase).list_end):
        return phrase[end:]
    hit_end = phrase.rfind(subject.name) + len(subject.name) if subject.name in phrase else 0
    return phrase[hit_end:]


_GROWTH_NAMES = ("增长", "增速", "增幅")


def _make_fact(
    ctx: _Context,
    q: Quantity,
    tail: str,
    clause_start: int,
    subject: _Subject,
    provenance: str,
    role: str | None = None,
    from_at: int = -1,
) -> _RelFact | None:
    indicator = subject.indicator
    measured = _measure(q, tail, indicator)
    if measured is None:
        return None
    measure, sign = measured
    if q.family == BARE:
        based = _with_base(q, indicator, measure)
        if based is None:
            return None
        q = based
    if (
        measure == "level"
        and (
            subject.inherited or (subject.name.endswith(_GROWTH_NAMES) and _strip_words(tail) in ("", "目标"))
        )
        and q.family == "percent"
        and indicator is not None
        and indicator.growth
        and "percent" not in indicator.level_families
    ):
        # 地区生产总值增长7%以上，力争达到8%; 经济增长6%左右, 经济增长目标定为6% (the name says
        # growth, and nothing else comes before the figure: 对经济增长的贡献30% is not one): a percent
        # is no level of GDP.
        measure, sign = "growth", 1
    times = 100 if q.family == "ratio" and measure == "growth" else 1  # 增长1.2倍 is +120 %
    if measure == "growth" and not -100 <= q.value * sign * times <= 1000:
        return None  # a percent change outside these bounds is a misread, never a figure
    if indicator is not None and not _fits(indicator, measure, q):
        indicator = None
    kind, period_year, label, section = _period(ctx, q, clause_start)
    if kind == "actual" and "目标" in ctx.sentence:
        if _TARGET_AFTER.match(ctx.sentence, q.end) is not None:
            kind = "target"  # 会议上提出的当年地区生产总值增长8.5%的目标: the year's target, recalled
        elif _TARGET_BEFORE.search(ctx.sentence, max(clause_start, q.start - 12), q.start) is not None:
            # 2004年我国曾将GDP预期增长目标定为7%, 增长目标为6%，实际增长7%: a target recalled, of
            # the year the clause speaks of; 2013年…，CPI预期增长目标为3.5%左右: the plan year's.
            kind = "target"
            if _plan_year_before(ctx.sentence, clause_start, q.start, ctx.report_year):
                period_year = ctx.report_year
    if (
        kind == "actual"
        and "预期" in ctx.sentence
        and _EXPECTED.match(ctx.sentence, clause_start) is not None
    ):
        # 省长…表示,今年(2024年)…,预期地区生产总值增长5%: the plan year's target, in a news lead;
        # 2023年，预期地区生产总值增长5%，实际增长5.5%: a target recalled, of its year
        kind = "target"
        if _plan_year_before(ctx.sentence, clause_start, q.start, ctx.report_year):
            period_year = ctx.report_year
    if label is not None and label[0] in "比较" and measure == "level" and q.family not in _RELATIVE:
        label = None  # …比2002年增长1.56倍，其中地方一般预算收入590亿元: a level is the year's own
        if kind == "actual" and (base := _base_year(ctx.sentence, clause_start, q.start)) is not None:
            period_year = base  # 比2014年农民人均纯收入7015元增加5665元: the base, that year's level
    if role == "start":
        kind, period_year = _start_period(ctx, from_at, kind, period_year, label)
    if label is not None and _one_years_figure(ctx.sentence, clause_start, q, measure, label):
        label = None
    value = q.value * sign
    value_std, high = q.value_std, q.value_std_high
    if times != 1:
        value_std, high = scaled(value_std, times), None if high is None else scaled(high, times)
    if sign < 0 and high is not None:
        value_std, high = -high, -value_std
    else:
        value_std *= sign
    unit_std = "%" if q.family == "percent" or times != 1 else q.unit_std
    head = (
        subject.name,  # indicator_name
        measure,
        kind,
        value,
        q.unit,
        value_std,
        high,  # value_std_high
        unit_std,
        _comparator(ctx, q, tail),
        # In a review, 争取 means funds secured, not a hope: only targets can be aspirational.
        kind == "target" and _aspirational(ctx.sentence[: q.start]),
        period_year,
        provenance,  # sentence
    )
    tail_fields = (
        None if indicator is None else indicator.code,
        label,
        section,
        False,  # target_not_set
        # 预计…由24433元增加到36700元: the level a change started from was counted long ago.
        kind == "actual"
        and role != "start"
        and (ctx.estimate_at < q.start or _noted_estimate(ctx.sentence, q.end)),
    )
    return head, ctx.offset + q.start, ctx.offset + q.end, tail_fields, subject.place


_RELATIVE = ("percent", "points", "ratio")
_TARGET_AFTER = re.compile(r"(?:左右|以上|以内)?的(?:预期|年度|奋斗)?目标")
# 增长目标定为7%, 目标为6%, a headline's 增长目标6.5%; never a gap (高于…的目标14.4个百分点).
_TARGET_BEFORE = re.compile(
    r"(?:目标(?:定为|确定为|设定为|设定在|定在|为|是)|(?:增长|增速|预期)目标)[:：]?\s*$"
)
_EXPECTED = re.compile(
    r"\s*(?:全年|今年)?预期"
)  # a clause opening with 预期 (not 好于预期, 预期目标 recalled)
_CLAUSE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:年|(?=中国|全国|两会|GDP))|今年|本年")


def _plan_year_before(sentence: str, clause_start: int, end: int, report_year: int) -> bool:
    """Does the sentence name the plan year before the figure, and its clause no other year?"""
    if (m := _CLAUSE_YEAR.search(sentence, clause_start, end)) is not None:
        return m.group(1) is None or int(m.group(1)) == report_year
    return any(
        m.group(1) is None or int(m.group(1)) == report_year for m in _CLAUSE_YEAR.finditer(sentence, 0, end)
    )


def _noted_estimate(sentence: str, end: int) -> bool:
    """全省生产总值达到1.5万亿元以上（预计数）: the note after the figure says it is an estimate."""
    after = sentence[end : end + 4]
    return ("（" in after or "(" in after) and _cues().estimate_note.match(sentence, end) is not None


def _one_years_figure(sentence: str, clause_start: int, q: Quantity, measure: str, label: str) -> bool:
    """Under a five-year horizon (past or ahead), is the figure one year's rather than a change or
    total over the span? Over the span when its clause says so (年均增长, 累计); else one year's
    when it is a level, when a year dates it (2022年，全省地区生产总值增长4.7%), or when the
    horizon is not in its sentence (a heading 过去五年工作回顾 over the review of last year)."""
    c = _cues()
    if not any(w in label for w in c.horizons):
        return False
    clause = sentence[clause_start : q.start]
    if any(w in clause for w in c.span_change_words):
        return False
    if (
        measure == "level"
        or label not in sentence[: q.start]
        or any(w in clause for w in c.one_year_change_words)
    ):
        return True
    dated = year_pattern().search(clause) or year_pattern().match(sentence)
    return (
        dated is not None or _CLAUSE_OPENING_YEAR.search(sentence, sentence.find(label), q.start) is not None
    )


# 五年来，全镇新增工业投入20.1亿元，2020年，全镇共完成…: a year opening a clause after the horizon
_CLAUSE_OPENING_YEAR = re.compile(r"[，,；;]\s*(?:19|20)\d{2}年")


def _start_period(ctx: _Context, from_at: int, kind: str, year: int, label: str | None) -> tuple[str, int]:
    """(kind, period_year) of the first figure of 由X增加到Y. With no year of its own it is the level
    the span began from: a target's span starts at the latest actual (the year before the report),
    an actual's in the year before its end, or the span's length before under 过去五年 (四年来)
    or a plan period."""
    m = _cues().change_from.search(ctx.sentence, max(0, from_at - 12), from_at)
    if m is not None and year_pattern().search(m.group()) is not None:
        return kind, year  # 由2017年的1200亿元: the year read for it is its own
    if m is not None and m.group("plan"):
        return "actual", _cues().five_year[m.group("plan")]  # 由“八五”期末的833亿元: 1995
    if kind == "target":
        return "actual", ctx.report_year - 1
    span = _span_years(label) if label is not None and _cues().past_span.search(label) else 1
    return "actual", year - span


# 比2014年(的)(name) right before a figure: the figure is the base the change is measured from.
_BASE_YEAR = re.compile(r"[比较]((?:19|20)\d{2})年(?:底|末)?的?")


def _base_year(sentence: str, clause_start: int, at: int) -> int | None:
    """The year of a comparison's base when the figure at ``at`` is that base: nothing but an
    indicator's name stands between 比YYYY年 and it (比2014年农民人均纯收入7015元, 比2014年的7015元)."""
    found = list(_BASE_YEAR.finditer(sentence, clause_start, at))
    if not found:
        return None
    between = sentence[found[-1].end() : at]
    if between and not (
        mentions_any_term(between)
        and any(h.start == 0 and h.end == len(between) for h in find_terms(between))
    ):
        return None
    return int(found[-1].group(1))


_SPAN_YEARS = {"两": 2, "三": 3, "四": 4}


def _span_years(label: str) -> int:
    """How many years a past span covers: 2 for 两年来, 3 for 过去三年, 4 for 四年来, else five
    (过去五年, 十三五)."""
    i = label.find("年")
    return _SPAN_YEARS.get(label[i - 1 : i], 5) if i > 0 else 5


def _with_base(q: Quantity, indicator: Indicator | None, measure: str) -> Quantity | None:
    """社零实现145.98亿, 新增城镇就业1.3万: a level written without its base is in the base of the
    indicator it is found for, when its level has one unit family (trade may be in 元 or 美元).
    With no indicator the base is unknown, and the figure is nobody's."""
    if indicator is None or measure != "level" or len(indicator.level_families) != 1:
        return None
    (family,) = indicator.level_families
    if family not in _BARE_FAMILIES:
        return None  # 亿 or 万 of a rate, a mass or energy is no figure a report writes
    return q._replace(unit_std=indicator.unit_std, family=family)


_BARE_FAMILIES = ("money", "people")


def _fits(indicator: Indicator, measure: str, q: Quantity) -> bool:
    """Does the figure's unit make sense for the indicator? (GDP level in 元, jobs in 人.)"""
    if measure == "growth":
        return indicator.growth and q.family in ("percent", "ratio")
    if indicator.rate:
        return q.family == "percent"
    return q.family in indicator.level_families


def _not_set_facts(ctx: _Context) -> list[_RelFact]:
    out: list[_RelFact] = []
    for m in _cues().not_set.finditer(ctx.sentence):
        before = ctx.sentence[: m.start()]
        clause = before[max([i + 1 for i, ch in enumerate(before) if ch in "，,：:"], default=0) :]
        hits = find_terms(clause + m.group()) if mentions_any_term(clause + m.group()) else []
        single = [h for h in hits if len(h.codes) == 1]
        code = single[-1].codes[0] if single else None
        name = single[-1].term if single else (_name_of(clause) or m.group())
        growth = any(w in clause + m.group() for w in ("增长", "增速"))
        head = (
            name,  # indicator_name
            "growth" if growth else "level",  # measure
            "target",  # kind
            None,  # value
            None,  # unit
            None,  # value_std
            None,  # value_std_high
            None,  # unit_std
            None,  # comparator
            False,  # is_aspirational
            ctx.report_year,  # period_year
            ctx.provenance,  # sentence
        )
        tail = (code, None, "plan", True, False)  # indicator_code, label, section, not set, estimate
        out.append((head, ctx.offset + m.start(), ctx.offset + m.end(), tail, ""))
    return out
