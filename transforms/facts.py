"""Indicator facts from a cleaned report: each figure with its subject, measure, comparator and period.

The unit of work is the sentence (split at 。！？；), the scope in which subjects and period
qualifiers are shared: in 地区生产总值375亿元，增长4.5% the growth inherits the subject of the
level; in 1-11月，一般公共预算收入增长13.3%，规上服务业营业收入增长28.6% both figures keep the
qualifier. Inside a sentence, the phrase between the previous figure and this one names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

import reference
from transforms.indicators import Indicator, dictionary_version, find_terms, lexicon, mentions_any_term
from transforms.models import Fact
from transforms.numbers import Quantity, find_quantities, year_pattern
from transforms.sections import has_plan_section, longrange_year, split_parts

__all__ = ["extract_facts", "has_plan_section"]

_SENTENCE = re.compile(r"[^。！？；;!?\n]+[。！？；;!?]?")
_CLAUSE_BREAK = re.compile(r"[，,：:]")
_QUOTED = re.compile(
    r"“[^”\n]{0,40}”|「[^」\n]{0,40}」|《[^》\n]{0,60}》|〔[^〕\n]{0,20}〕|‘[^’\n]{0,40}’|\"[^\"\n]{0,40}\""
)
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
    five_year: dict[str, int]
    five_year_end: re.Pattern[str]
    not_set: re.Pattern[str]
    noise: tuple[str, ...]
    predicates: tuple[str, ...]
    share: tuple[str, ...]


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


def _pairs(groups: dict[str, list[str]]) -> tuple[tuple[str, str], ...]:
    pairs = [(w, comp) for comp, words in groups.items() for w in words]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@cache
def _cues() -> _Cues:
    d = reference.load_yaml("fact_cues.yaml")
    five = {k: int(v) for k, v in d["five_year_plans"].items()}
    return _Cues(
        suffix=_pairs(d["comparator_suffix"]),
        prefix=_pairs(d["comparator_prefix"]),
        aspiration=_longest_first(d["aspiration"]),
        growth=_longest_first(d["growth_verbs"]),
        decline=_longest_first(d["decline_verbs"]),
        level_markers=_longest_first(d["level_markers"]),
        delta=_longest_first(d["delta_verbs"]),
        period=re.compile("|".join(f"(?:{p})" for p in d["period_qualifiers"])),
        five_year=five,
        five_year_end=re.compile(r"到“?(" + "|".join(five) + r")”?(?:末|期末|时期末)"),
        not_set=re.compile("|".join(f"(?:{p})" for p in d["target_not_set"])),
        noise=_longest_first(d["phrase_prefix_noise"]),
        predicates=_longest_first(
            d["predicate_words"]
            + d["aspiration"]
            + [w for words in d["comparator_prefix"].values() for w in words]
        ),
        share=_longest_first(d["share_markers"]),
    )


@dataclass
class _Subject:
    name: str
    indicator: Indicator | None
    pending: list[str] = field(default_factory=list)  # codes still owed by a coordination
    inherited: bool = False  # the phrase before the figure named nothing new
    coordination: tuple[str, ...] = ()  # all codes of the coordinated subject, for a second 分别


def _has_measure_cue(tail: str) -> bool:
    c = _cues()
    return any(w in tail for w in c.growth + c.decline + c.level_markers)


_TRAILING_APPROX_LE = re.compile(r"[\s约近超了]+$")


def _is_delta(phrase: str, q: Quantity) -> bool:
    """较上年增加10亿元: a change in an absolute amount, not a level or a percent change."""
    if q.family in ("percent", "points"):
        return False
    end = _TRAILING_APPROX_LE.sub("", phrase)
    return _ends_with(end, _cues().delta) is not None


@dataclass
class _Context:
    report_year: int
    section: str
    sentence: str
    offset: int  # of the sentence in the document text
    label: str | None = None  # the part's horizon (过去五年, 今后五年)
    raw: str = ""  # the sentence as in the document, for provenance


def extract_facts(
    text: str, report_year: int, *, exclude_spans: list[tuple[int, int]] | None = None
) -> list[Fact]:
    """All facts of one cleaned document; figures overlapping ``exclude_spans`` (unrepaired
    mojibake) are dropped, since a corrupted span can change a figure or its subject."""
    excluded = exclude_spans or []
    facts: list[Fact] = []
    # Full-width digits (７．７％) read as ASCII; the mapping is one character for one, so every
    # offset into the normalised text is an offset into ``text``.
    original, text = text, _halfwidth(text)
    version = dictionary_version()  # subjects come from jieba: part of the memo's key
    for part in split_parts(text):
        for m in _SENTENCE.finditer(text, part.start, part.end):
            sentence = m.group()
            start, end = m.start(), m.end()
            if excluded and _has_figure(sentence) and any(s < end and start < e for s, e in excluded):
                continue
            raw = original[start:end]
            found = _relative_facts(sentence, raw, report_year, part.section, part.label, version)
            facts.extend(_shifted(f, start) for f in found)
    return facts


def _shifted(fact: Fact, offset: int) -> Fact:
    """A fresh copy of a memoized fact moved to its place in the document (twice as fast as
    ``dataclasses.replace``, which re-validates every field)."""
    start, end = fact.char_start + offset, fact.char_end + offset
    return Fact(**{**vars(fact), "char_start": start, "char_end": end})


_FULLWIDTH_CHARS = re.compile("[０-９．％]")


def _halfwidth(text: str) -> str:
    """``text.translate(_FULLWIDTH)``, skipped when there is nothing to map (translate walks
    every character in Python-level dict lookups for non-ASCII text)."""
    return text.translate(_FULLWIDTH) if _FULLWIDTH_CHARS.search(text) else text


def _has_figure(sentence: str) -> bool:
    return _DIGIT.search(sentence) is not None or _maybe_chinese_figure(sentence)


@lru_cache(maxsize=1 << 16)
def _relative_facts(
    sentence: str, raw: str, report_year: int, section: str, label: str | None, version: tuple[int, int]
) -> tuple[Fact, ...]:
    """The facts of one sentence with offsets relative to the sentence start. Facts depend on
    the sentence and its part only, and reports repeat sentences (generated ones a lot), so
    they are memoized; callers shift the offsets and get fresh copies (Fact is mutable).
    ``version`` (the jieba dictionary's) only keys the memo."""
    ctx = _Context(report_year, section, sentence, 0, label, raw)
    facts: list[Fact] = []
    if _has_figure(sentence):
        facts.extend(_sentence_facts(ctx))
    if section in ("plan", "longrange"):
        facts.extend(_not_set_facts(ctx))
    return tuple(facts)


_CN_FIGURE = re.compile(r"[零〇一二两三四五六七八九十百千万亿]{2,}(?:元|人|吨|亩|公里|户)|百分之")


def _maybe_chinese_figure(sentence: str) -> bool:
    return _CN_FIGURE.search(sentence) is not None


def _sentence_facts(ctx: _Context) -> list[Fact]:
    sentence = ctx.sentence
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(sentence)]
    quantities = [q for q in find_quantities(sentence) if not any(s <= q.start < e for s, e in quoted)]
    if not quantities:
        return []
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(sentence)]
    facts: list[Fact] = []
    subject: _Subject | None = None
    prev_end = 0
    last_tail = ""
    for q in quantities:
        clause_start = max([b + 1 for b in breaks if b < q.start], default=0)
        phrase_start = max(clause_start, prev_end)
        phrase = sentence[phrase_start : q.start]
        prev_end = q.end
        subject = _subject_for(phrase, subject)
        if subject is None:
            continue
        if _is_delta(phrase, q):
            continue
        tail = _tail(phrase, subject)
        if subject.inherited and not _has_measure_cue(tail):
            tail = last_tail + tail  # 分别增长6.5%、7.5%; 增长6.5%，力争8%: the verb is shared
        last_tail = tail
        fact = _make_fact(ctx, q, tail, clause_start, subject)
        if fact is not None:
            facts.append(fact)
    return facts


@lru_cache(maxsize=1 << 16)
def _strip_words(phrase: str) -> str:
    """The phrase without predicates, modifiers, punctuation: empty when it names nothing.
    Memoized: a pure function of short phrases that recur (and _name_of asks again)."""
    lead, trail = _edge_patterns()
    s = _PUNCT.sub("", _DATES.sub("", phrase))
    for _ in range(4):  # 预计全年实现…增长: a few rounds peel every layer
        stripped = trail.sub("", lead.sub("", s))
        if stripped == s:
            break
        s = stripped
    return s


_PUNCT = re.compile(r"[\s、，,：:（）()“”\"'·]+")


@cache
def _edge_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Runs of noise/predicate words at the start, and of predicates at the end, of a phrase."""
    c = _cues()
    lead = "|".join(re.escape(w) for w in _longest_first(c.noise + c.predicates))
    trail = "|".join(re.escape(w) for w in c.predicates)
    return re.compile(f"^(?:{lead})+"), re.compile(f"(?:{trail})+$")


def _coordination(phrase: str) -> tuple[str, tuple[str, ...]] | None:
    for term, codes in _coordinations().items():
        if term in phrase:
            return term, codes
    return None


@cache
def _coordinations() -> dict[str, tuple[str, ...]]:
    data = reference.load_yaml("indicators.yaml")["coordinations"]
    return {k: tuple(v) for k, v in sorted(data.items(), key=lambda kv: len(kv[0]), reverse=True)}


def _subject_for(phrase: str, previous: _Subject | None) -> _Subject | None:
    lex = lexicon()
    coord = _coordination(phrase)
    if coord is not None and ("分别" in phrase or "、" in phrase or "均" in phrase):
        _term, codes = coord
        return _Subject(lex[codes[0]].name_zh, lex[codes[0]], pending=list(codes[1:]), coordination=codes)
    bare = _strip_words(phrase)
    if previous is not None and previous.coordination and not bare and "分别" in phrase:
        # 分别达到4.2万元、2.1万元，分别增长5%、7%: the second 分别 starts the list again.
        codes = previous.coordination
        return _Subject(
            lex[codes[0]].name_zh, lex[codes[0]], list(codes[1:]), inherited=True, coordination=codes
        )
    if previous is not None and previous.pending and not bare:
        code = previous.pending.pop(0)
        return _Subject(
            lex[code].name_zh, lex[code], previous.pending, inherited=True, coordination=previous.coordination
        )
    hits = find_terms(phrase) if mentions_any_term(phrase) else []
    hits = [h for h in hits if len(h.codes) == 1]
    if hits:
        hit = hits[-1]
        after = phrase[hit.end :]
        before = phrase[: hit.start]
        is_share = any(w in after for w in _cues().share) or before.endswith(("占", "相当于", "单位", "人均"))
        # 固定资产投资中工业投资增长15%: another noun after the term owns the figure.
        owned = len(_strip_words(after)) <= 2
        if owned and not is_share:
            return _Subject(hit.term, lex[hit.codes[0]])
        return _Subject(_name_of(phrase), None) if _name_of(phrase) else None
    if not bare:
        return None if previous is None else _Subject(previous.name, previous.indicator, inherited=True)
    name = _name_of(phrase)
    return _Subject(name, None) if name else None


def _name_of(phrase: str) -> str:
    name = _strip_words(phrase)
    return name[-_MAX_NAME:]


def _ends_with(text: str, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` (in their order) that ``text`` ends with."""
    found = _first_suffix(text, _word_index(words), "")
    return None if found is None else words[found]


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


@cache
def _pair_words(pairs: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(w for w, _ in pairs)


def _measure(q: Quantity, tail: str, indicator: Indicator | None) -> tuple[str, int] | None:
    """(measure, sign) of a figure from the words right before it; None for a change in an
    absolute amount (较上年增加10亿元), which is not a fact of the contract."""
    c = _cues()
    tail = _TRAILING_APPROX.sub("", tail)
    prefix_words = _pair_words(c.prefix)
    if (i := _first_suffix(tail, _word_index(prefix_words), "")) is not None:
        tail = tail[: -len(prefix_words[i])]
    level_marker = _ends_with(tail, c.level_markers)
    growth = _last_of(tail[-8:], c.growth)
    decline = _last_of(tail[-8:], c.decline)
    verb_pos = max(growth[0] if growth else -1, decline[0] if decline else -1)
    sign = -1 if decline and (not growth or decline[0] >= growth[0]) else 1
    if q.family in ("percent",):
        if level_marker and not tail.endswith(("增长", "下降")):
            return "level", 1
        if verb_pos >= 0:
            return "growth", sign
        if indicator is not None and not indicator.rate and not indicator.level_families:
            return "growth", 1  # a change by definition (居民消费价格涨幅3%)
        return "level", 1
    if q.family == "points":
        return "level", sign if verb_pos >= 0 else 1
    if verb_pos >= 0 and _ends_with(tail, c.delta) and not level_marker:
        return None
    return "level", 1


def _last_of(text: str, words: tuple[str, ...]) -> tuple[int, str] | None:
    """(position, word) of the word that occurs last in ``text``; at a tie the earlier listed
    word. One regex pass (a greedy ``.*`` backs off from the end) instead of a loop of rfind."""
    m = _last_pattern(words).match(text)
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
    if (i := _first_prefix(after, _word_index(_pair_words(c.suffix)))) is not None:
        return c.suffix[i][1]
    if q.approx_more:
        return "at_least"
    stripped = tail.rstrip()
    index = _word_index(_pair_words(c.prefix))
    # The first listed word that ends the tail, directly or followed by 在 (控制在, 不低于在).
    ends = (_first_suffix(stripped, index, ""), _first_suffix(stripped, index, "在"))
    found = [i for i in ends if i is not None]
    return c.prefix[min(found)][1] if found else "point"


_COMMIT = ("确保", "保证", "必须", "完成了", "实现了")


def _aspirational(prefix: str) -> bool:
    asp = _last_of(prefix, _cues().aspiration)
    if asp is None:
        return False
    commit = _last_of(prefix, _COMMIT)
    return commit is None or commit[0] < asp[0]


def _period(ctx: _Context, q: Quantity, clause_start: int) -> tuple[str, int, str | None, str]:
    """(kind, period_year, period_label, section) of a figure."""
    c = _cues()
    prefix = ctx.sentence[: q.start]
    label = ctx.label
    for m in c.period.finditer(prefix):
        label = m.group().strip("“”")
    five = c.five_year_end.search(prefix)
    if five is not None:
        return "target", c.five_year[five.group(1)], five.group(1), "longrange"
    later = longrange_year(prefix, ctx.report_year)
    if later is not None:
        return "target", later, label, "longrange"
    years = [
        (m.start(), int(m.group(1)))
        for m in year_pattern().finditer(prefix)
        if prefix[m.end() : m.end() + 1] != "度"
    ]
    stated = [y for pos, y in years if pos >= clause_start or pos < 3]
    if stated:
        year = stated[-1]
        if year < ctx.report_year:
            return "actual", year, label, "review"
        if year == ctx.report_year and ctx.section == "plan":
            return "target", year, label, "plan"
    if ctx.section == "longrange":  # under a 今后五年 heading: goals for the plan's last year
        return "target", ctx.report_year + 4, label, "longrange"
    if ctx.section == "plan":
        return "target", ctx.report_year, label, "plan"
    return "actual", ctx.report_year - 1, label, "review"


def _tail(phrase: str, subject: _Subject) -> str:
    """The words between the subject and the figure (分别增长, 达到, 控制在)."""
    hit_end = phrase.rfind(subject.name) + len(subject.name) if subject.name in phrase else 0
    return phrase[hit_end:]


def _make_fact(ctx: _Context, q: Quantity, tail: str, clause_start: int, subject: _Subject) -> Fact | None:
    indicator = subject.indicator
    measured = _measure(q, tail, indicator)
    if measured is None:
        return None
    measure, sign = measured
    if measure == "growth" and not -100 <= q.value * sign <= 1000:
        return None  # a percent change outside these bounds is a misread, never a figure
    if indicator is not None and not _fits(indicator, measure, q):
        indicator = None
    kind, period_year, label, section = _period(ctx, q, clause_start)
    value = q.value * sign
    value_std = q.value_std * sign
    high = q.value_std_high
    if sign < 0 and high is not None:
        value_std, high = -high, -q.value_std
    unit_std = "%" if q.family == "percent" else q.unit_std
    return Fact(
        indicator_name=subject.name,
        measure=measure,
        kind=kind,
        value=value,
        unit=q.unit,
        value_std=value_std,
        value_std_high=high,
        unit_std=unit_std,
        comparator=_comparator(ctx, q, tail),
        # In a review, 争取 means funds secured, not a hope: only targets can be aspirational.
        is_aspirational=kind == "target" and _aspirational(ctx.sentence[: q.start]),
        period_year=period_year,
        sentence=(ctx.raw or ctx.sentence).strip(),
        char_start=ctx.offset + q.start,
        char_end=ctx.offset + q.end,
        indicator_code=None if indicator is None else indicator.code,
        period_label=label,
        section=section,
    )


def _fits(indicator: Indicator, measure: str, q: Quantity) -> bool:
    """Does the figure's unit make sense for the indicator? (GDP level in 元, jobs in 人.)"""
    if measure == "growth":
        return indicator.growth and q.family == "percent"
    if indicator.rate:
        return q.family == "percent"
    return q.family in indicator.level_families


def _not_set_facts(ctx: _Context) -> list[Fact]:
    out: list[Fact] = []
    for m in _cues().not_set.finditer(ctx.sentence):
        before = ctx.sentence[: m.start()]
        clause = before[max([i + 1 for i, ch in enumerate(before) if ch in "，,：:"], default=0) :]
        hits = find_terms(clause + m.group()) if mentions_any_term(clause + m.group()) else []
        single = [h for h in hits if len(h.codes) == 1]
        code = single[-1].codes[0] if single else None
        name = single[-1].term if single else (_name_of(clause) or m.group())
        growth = any(w in clause + m.group() for w in ("增长", "增速"))
        out.append(
            Fact(
                indicator_name=name,
                measure="growth" if growth else "level",
                kind="target",
                value=None,
                unit=None,
                value_std=None,
                value_std_high=None,
                unit_std=None,
                comparator=None,
                is_aspirational=False,
                period_year=ctx.report_year,
                sentence=(ctx.raw or ctx.sentence).strip(),
                char_start=ctx.offset + m.start(),
                char_end=ctx.offset + m.end(),
                indicator_code=code,
                period_label=None,
                section="plan",
                target_not_set=True,
            )
        )
    return out
