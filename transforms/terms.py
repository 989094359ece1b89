"""Policy-term counts per document (fact_term): how often a report uses each vocabulary term.

The vocabulary is a data file (reference/policy_terms.txt). jieba segments with a private
dictionary holding every term as one word, so a term is counted only where it stands as a word
(not inside a longer one: 新能源汽车 is one hit for 新能源汽车, none for 新能源). jieba runs at about
1 MB/s, so it only sees the blocks that contain a term as a substring: jieba itself segments each
run of Han characters / letters / digits (its ``re_han_default``) separately, so cutting a block alone
gives the same words as cutting its whole paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

import jieba

import reference
from transforms.indicators import dictionary_version
from transforms.indicators import tokenizer as indicator_tokenizer

VOCABULARY_FILE = "policy_terms.txt"
# jieba's own block pattern (jieba.re_han_default): it never joins words across other characters.
_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")


@dataclass(frozen=True)
class TermCount:
    term: str
    n: int
    rank: int  # 1 = the document's most frequent term (ties broken by the term's text)


@cache
def vocabulary() -> frozenset[str]:
    return frozenset(reference.load_lines(VOCABULARY_FILE))


@cache
def _prefilter() -> re.Pattern[str]:
    """One alternation over all terms: a block without a match is never segmented."""
    terms = sorted(vocabulary(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, terms)))


@cache
def tokenizer() -> jieba.Tokenizer:
    """The indicator lexicon's private jieba tokenizer, taught the vocabulary too: one jieba
    dictionary per process instead of two (each is ~150 MB). The two word lists share no
    substring (tests/test_views.py checks), so neither hides the other's words."""
    tok = indicator_tokenizer()
    for term in vocabulary():
        tok.add_word(term, freq=10_000_000)  # the whole term wins over its parts in jieba's DAG
    return tok


def count_terms(text: str) -> list[TermCount]:
    """Vocabulary terms used in ``text`` with their counts, most frequent first."""
    hit = _prefilter()
    counts: Counter[str] = Counter()
    if not hit.search(text):
        return []
    version = None
    for block in _BLOCK.findall(text):
        if hit.search(block):
            if version is None:
                tokenizer()  # teaches the shared tokenizer the vocabulary on first use
                version = dictionary_version()
            counts.update(_block_terms(block, version))
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [TermCount(term, n, rank) for rank, (term, n) in enumerate(ordered, start=1)]


@lru_cache(maxsize=1 << 16)
def _block_terms(block: str, version: tuple[int, int]) -> tuple[str, ...]:
    """Vocabulary words of one block as jieba segments it. A pure function of the block (and
    of the dictionary, whose ``version`` keys the memo), and reports repeat clauses (generated
    ones a lot), so it is memoized: jieba is the slow part."""
    vocab = vocabulary()
    return tuple(w for w in tokenizer().cut(block, HMM=False) if w in vocab)
