"""The core-indicator lexicon (reference/indicators.yaml) and the jieba segmenter built from it.

jieba gets every synonym as a custom word, so a phrase like 规上工业增加值增长9% segments into
规上工业增加值 / 增长 / 9 / % and the lexicon token is found by exact token match, not by
substring: 出口 inside 进出口 or 生产总值 inside 单位生产总值能耗 cannot be mistaken.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import product
from typing import TYPE_CHECKING

import reference

if TYPE_CHECKING:
    import jieba


@dataclass(frozen=True)
class Indicator:
    code: str
    name_zh: str
    category: str
    unit_std: str
    synonyms: tuple[str, ...]
    level_families: frozenset[str]
    growth: bool
    rate: bool


@dataclass(frozen=True)
class TermHit:
    start: int  # offsets in the segmented phrase
    end: int
    term: str
    codes: tuple[str, ...]  # one code, or several for a coordination (城乡居民人均可支配收入)


@cache
def lexicon() -> dict[str, Indicator]:
    data = reference.load_yaml("indicators.yaml")
    return {
        row["code"]: Indicator(
            code=row["code"],
            name_zh=row["name_zh"],
            category=row["category"],
            unit_std=row["unit_std"],
            synonyms=tuple(row["synonyms"]),
            level_families=frozenset(row.get("level_families") or ()),
            growth=bool(row.get("growth", True)),
            rate=bool(row.get("rate", False)),
        )
        for row in data["indicators"]
    }


@cache
def _term_codes() -> dict[str, tuple[str, ...]]:
    terms: dict[str, tuple[str, ...]] = {}
    for ind in lexicon().values():
        for syn in ind.synonyms:
            terms[syn] = (ind.code,)
    terms.update(coordinations())
    return terms


@cache
def coordinations() -> dict[str, tuple[str, ...]]:
    """Phrases that name several indicators at once (城乡居民人均可支配收入 -> urban, rural): the
    listed ones, and every combination of a ``coordination_parts`` row (城镇常住居民和农牧民…)."""
    data = reference.load_yaml("indicators.yaml")
    out = {phrase: tuple(codes) for phrase, codes in data["coordinations"].items()}
    for row in data.get("coordination_parts") or []:
        for first, joiner, second, tail in product(row["first"], row["joiners"], row["second"], row["tails"]):
            out.setdefault(f"{first}{joiner}{second}{tail}", tuple(row["codes"]))
    return out


_TOKENIZER: jieba.Tokenizer | None = None
_TOKENIZER_LOCK = threading.Lock()


def tokenizer() -> jieba.Tokenizer:
    """The process's one private jieba tokenizer (jieba's global one is shared state), built
    whole, once, under a lock: the lexicon's terms and the policy vocabulary (transforms/terms.py)
    are added before anyone sees it. Words added later, while another thread segments or reads
    its frequencies (mojibake repair), broke those threads ("dictionary changed size"). The two
    word lists share no substring (tests/test_views.py checks), so neither hides the other's
    words. jieba is imported here: a process that only needs the lexicon (the flow's) never
    loads it."""
    global _TOKENIZER
    if _TOKENIZER is None:
        with _TOKENIZER_LOCK:
            if _TOKENIZER is None:
                _TOKENIZER = _build_tokenizer()
    return _TOKENIZER


def _build_tokenizer() -> jieba.Tokenizer:
    import jieba

    from transforms.terms import vocabulary  # terms imports this module: import here

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    for term in (*_term_codes(), *_other_statistics(), *sorted(vocabulary())):
        # A high frequency makes the whole term win over its parts in jieba's DAG.
        tok.add_word(term, freq=10_000_000)
    return tok


@cache
def _other_statistics() -> tuple[str, ...]:
    """Phrases kept whole so the synonym inside them names nothing (地方财政收入 is not 财政收入)."""
    return tuple(reference.load_yaml("indicators.yaml").get("other_statistics") or ())


def find_terms(phrase: str) -> list[TermHit]:
    """Lexicon terms in a short phrase, located by jieba segmentation."""
    return list(_find_terms(phrase))


@lru_cache(maxsize=1 << 16)
def _find_terms(phrase: str) -> tuple[TermHit, ...]:
    """Memoized: the same phrases (地区生产总值, 一般公共预算收入) come back in every report, and
    jieba is the slow part. TermHit is frozen, so sharing the hits is safe. The tokenizer is
    built whole before its first use, so a memoized segmentation never goes stale."""
    terms = _term_codes()
    hits: list[TermHit] = []
    pos = 0
    for token in tokenizer().cut(phrase, HMM=False):
        if token in terms:
            hits.append(TermHit(pos, pos + len(token), token, terms[token]))
        pos += len(token)
    return tuple(hits)


@cache
def term_names() -> frozenset[str]:
    """Every name the lexicon knows an indicator by (synonyms and coordinations)."""
    return frozenset(_term_codes())


def mentions_any_term(text: str) -> bool:
    """Cheap pre-filter: does the text contain any lexicon term at all (before running jieba)?"""
    return _any_term().search(text) is not None


@cache
def _any_term() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(t) for t in sorted(_term_codes(), key=len, reverse=True)))


def dim_indicator_rows() -> list[dict[str, str]]:
    """Rows of dim_indicator: the lexicon's core indicators."""
    return [
        {"indicator_code": i.code, "name_zh": i.name_zh, "unit_std": i.unit_std, "category": i.category}
        for i in lexicon().values()
    ]
