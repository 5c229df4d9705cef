"""Code-mixing with an embedder: how much of a sentence's meaning a word from the other side restores when put in
place of its own. A translation restores most of it (dog -> कुत्ता: 0.73); a rival term does not, or makes it
worse (dog -> बिल्ली: -0.29). Names (exonyms) and substitutions both use it.

``restore = (cos(A, A[a->b]) - cos(A, A[a->_])) / (1 - cos(A, A[a->_]))``
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from align.evidence import locale_words
from align.evidence.findings import Embedder, Facts
from align.evidence.tokens import DEVANAGARI, Token
from align.records import stored_score


class EmbeddingCache:
    """Embeddings of strings, computed once per labelling run and in one batch per request."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self.vectors: dict[str, np.ndarray] = {}

    def get(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            for text, vector in zip(missing, self.embedder.embed(missing), strict=True):
                self.vectors[text] = np.asarray(vector, dtype=np.float32)
        return np.stack([self.vectors[t] for t in texts]) if texts else np.zeros((0, 1), np.float32)


def replace_token(text: str, token: Token, new: str) -> str:
    return " ".join((text[: token.start] + new + text[token.end :]).split())


def restore_texts(text: str, old: Token, new: str) -> list[str]:
    """The three sentences ``restore`` embeds: as written, with ``new`` in place of ``old``, without ``old``."""
    return [text, replace_token(text, old, new), replace_token(text, old, "")]


def restore(cache: EmbeddingCache, text: str, old: Token, new: str) -> float:
    """How much of the meaning deleting ``old`` loses that putting ``new`` in its place restores, as a stored
    score (4 decimals), so the threshold and the note never depend on float noise."""
    original, swapped, deleted = cache.get(restore_texts(text, old, new))
    base = float(original @ deleted)
    if base >= 1.0 - 1e-6:
        return 1.0
    return stored_score((float(original @ swapped) - base) / (1.0 - base))


def restore_span_texts(text: str, old: str, new: str) -> list[str]:
    """What ``restore_span`` embeds: ``text``, ``old`` swapped for ``new``, ``old`` deleted ([] without ``old``)."""
    if text.find(old) < 0:
        return []
    return [text, text.replace(old, new, 1), " ".join(text.replace(old, "", 1).split())]


def restore_span(cache: EmbeddingCache, text: str, old: str, new: str) -> float | None:
    """``restore`` for a span given as a string (its first occurrence); None when ``text`` does not hold it."""
    texts = restore_span_texts(text, old, new)
    if not texts:
        return None
    original, with_new, without = cache.get(texts)
    base = float(original @ without)
    return 1.0 if base >= 1.0 - 1e-6 else stored_score((float(original @ with_new) - base) / (1.0 - base))


def similarity(cache: EmbeddingCache, text_a: str, text_b: str) -> float:
    """Cosine of two whole sentences, as a stored score. Translations of one sentence sit high (FLORES-200 line
    pairs: 5th percentile 0.86), linked news sentences that share a fact but say it their own way lower (seed
    links: median 0.84): how parallel two sentences are, across languages, where no rule can see it."""
    first, second = cache.get([text_a, text_b])
    return stored_score(float(first @ second))


# ---- the role of a word in its sentence, as a short span an embedder can match across languages ----------

# A clause ends at these marks or words: "profit rose 6.2%, shares fell 4.3%" states two things.
CLAUSE_MARKS = frozenset(",;:()[]–—\"“”|")
CLAUSE_WORDS = frozenset(
    {"and", "but", "while", "whereas", "after", "et", "mais", "tandis", "alors", "après", "और", "लेकिन", "जबकि",
     "तथा", "बाद", "हालांकि"}
)
# How many nearest spans of the other languages a span's usual cosine is read from (the margin's baseline).
MARGIN_NEIGHBOURS = 4


def stem(word: str) -> str:
    """A crude lemma shared by inflections: "shares"/"share", "मुनाफा"/"मुनाफे"."""
    return word[:4] if DEVANAGARI.match(word) else word[:5]


def clauses(facts: Facts) -> tuple[int, ...]:
    """The clause number of each token: a new clause opens after a mark ("," ";" a dash) or at a clause word."""
    return _clause_ids(facts.text, facts.tokens)


@lru_cache(maxsize=4096)
def _clause_ids(text: str, tokens: tuple[Token, ...]) -> tuple[int, ...]:
    """Memoised: every figure and name of a text asks for its clauses, thousands of times an event."""
    ids, current, previous_end = [], 0, 0
    for t in tokens:
        if any(c in CLAUSE_MARKS for c in text[previous_end : t.start]) or t.norm in CLAUSE_WORDS:
            current += 1
        ids.append(current)
        previous_end = t.end
    return tuple(ids)


def clause_context(facts: Facts, start: int, end: int, reach: int, skip: Sequence[tuple[int, int]] = (),
                   stop_before: frozenset[str] = frozenset()) -> tuple[frozenset[str], str]:
    """What the text says about ``facts.text[start:end]`` (a figure, a name): the content words within ``reach``
    content words of it on each side, inside its clause, none inside a ``skip`` span; before it, none beyond a
    ``stop_before`` word once one is taken. Returns their stems and the short span they make, in text order."""
    tokens = facts.tokens
    clause_ids = clauses(facts)
    here = next((clause_ids[k] for k, t in enumerate(tokens) if t.end > start), None)
    if here is None:
        return frozenset(), ""
    # Clause numbers never decrease along the text: the clause is one run of tokens, and only it is read.
    clause = range(bisect_left(clause_ids, here), bisect_right(clause_ids, here))

    def usable(k: int) -> bool:
        t = tokens[k]
        return not t.is_number and len(t.norm) > 1 \
            and t.norm not in locale_words.STOPWORDS and not any(s <= t.start < e for s, e in skip) \
            and not start <= t.start < end

    before = [k for k in clause if tokens[k].end <= start and usable(k)][-reach:]
    stops = [k for k in clause if tokens[k].end <= start and tokens[k].norm in stop_before]
    if stops and any(k > stops[-1] for k in before):
        before = [k for k in before if k > stops[-1]]
    after = [k for k in clause if tokens[k].start >= end and usable(k)][:reach]
    chosen = [tokens[k] for k in before + after]
    return frozenset(stem(t.norm) for t in chosen), " ".join(t.text for t in chosen)


def margin_baselines(cache: EmbeddingCache, spans: Sequence[tuple[str, str]]) -> dict[tuple[str, str], float]:
    """Each (span, language)'s usual cosine with the spans of other languages: the mean of its
    ``MARGIN_NEIGHBOURS`` nearest. Short spans all sit close in a multilingual space (0.8-0.95 on the
    multi-outlet dev set, for one thing and for two alike); how far a pair stands above both spans' usual cosine
    tells one thing from two (a margin, as in bitext mining)."""
    if not spans:
        return {}
    vectors = cache.get([text for text, _ in spans])
    cosines = vectors @ vectors.T
    languages = np.array([language for _, language in spans])
    baselines = {}
    for k, key in enumerate(spans):
        others = np.sort(cosines[k][languages != key[1]])[::-1][:MARGIN_NEIGHBOURS]
        baselines[key] = float(others.mean()) if others.size else 0.0
    return baselines


def margin(cache: EmbeddingCache, baselines: dict[tuple[str, str], float], a: tuple[str, str],
           b: tuple[str, str]) -> float:
    """How far the cosine of two spans stands above their usual cosines (``margin_baselines``)."""
    return similarity(cache, a[0], b[0]) - (baselines[a] + baselines[b]) / 2
