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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import jieba

import reference
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
    """Matches where any term occurs: a block without a match is never segmented. Only
    whether a term occurs matters, not which, so the terms form a trie (新(?:能源汽车|质生产力)):
    at each position the engine follows one path instead of trying every term."""
    return re.compile(_trie_pattern(vocabulary()))


def _trie_pattern(words: Iterable[str]) -> str:
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _node_pattern(tree)


def _node_pattern(node: dict[str, dict]) -> str:
    """The words below ``node``; an empty string when a word ends here (and none goes on)."""
    branches = [re.escape(ch) + _node_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here, longer ones go on: the rest is optional
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


def tokenizer() -> jieba.Tokenizer:
    """The process's one jieba tokenizer, which holds the vocabulary as words (see
    transforms.indicators.tokenizer): one jieba dictionary per process, ~150 MB."""
    return indicator_tokenizer()


def count_terms(text: str) -> list[TermCount]:
    """Vocabulary terms used in ``text`` with their counts, most frequent first."""
    hit = _prefilter()
    counts: Counter[str] = Counter()
    if not hit.search(text):
        return []
    for block in _blocks_with_terms(text, hit):
        counts.update(_block_terms(block))
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [TermCount(term, n, rank) for rank, (term, n) in enumerate(ordered, start=1)]


_NOT_BLOCK = _BLOCK.pattern.replace("[", "[^", 1).removesuffix("+")
# The last character that is not a block character, with only block characters after it.
_LAST_GAP = re.compile(rf"{_NOT_BLOCK}{_BLOCK.pattern.removesuffix('+')}*\Z")


@cache
def _terms_are_blocks() -> bool:
    """Every term is made of block characters, so a term found in the whole text lies inside
    one block (the condition under which _blocks_with_terms equals a search per block)."""
    return all(_BLOCK.fullmatch(term) for term in vocabulary())


def _blocks_with_terms(text: str, hit: re.Pattern[str]) -> Iterator[str]:
    """The blocks of ``text`` (in order) that contain a term. One pass of the term pattern
    over the whole text finds them: searching every block separately costs a call per block,
    and most blocks hold no term."""
    if not _terms_are_blocks():
        yield from (block for block in _BLOCK.findall(text) if hit.search(block))
        return
    block_end = 0
    for m in hit.finditer(text):
        at = m.start()
        if at < block_end:
            continue  # a second term in the block already given
        # The block starts after the last gap before the term: past the previous block and the
        # line start ("\n" is no block character), so each stretch of text is scanned once.
        since = max(block_end, text.rfind("\n", block_end, at) + 1)
        gap = _LAST_GAP.search(text, since, at)
        block_start = since if gap is None else gap.start() + 1
        block_end = _BLOCK.match(text, at).end()  # type: ignore[union-attr]  # at is in a block
        yield text[block_start:block_end]


@lru_cache(maxsize=1 << 16)
def _block_terms(block: str) -> tuple[str, ...]:
    """Vocabulary words of one block as jieba segments it. A pure function of the block (and
    of the tokenizer, which never changes once built), and reports repeat clauses (generated
    ones a lot), so it is memoized: jieba is the slow part."""
    vocab = vocabulary()
    return tuple(w for w in tokenizer().cut(block, HMM=False) if w in vocab)
