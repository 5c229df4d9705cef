"""Substitutions: the same sentence frame with a different key term ("studied poetry" vs "studied philosophy",
"the dog" vs "the cat"), which no number, date or name rule catches.

Method (measured in bench/bench_label_perturb.py):

1. Content words of each side (function words, numbers and dates left out), from the English translations
   when both sides have one, else from the original texts.
2. Words are paired off when they are the same word (normalised, crude stem), the same name or loanword
   across scripts (phonetic key: पोएट्री = poetry), or close in the multilingual embedding space across
   languages (cosine >= ``substitution_match``; within one language co-hyponyms such as dog/cat are as close
   as translations, so only identity counts there).
3. What is left unpaired on both sides, when the rest of the frame is shared, is a candidate: each left-over
   word of A against its nearest left-over word of B (across languages), or against the left-over word of B
   in the same slot of the shared frame (one language: as many shared words before each).
4. A candidate is confirmed by code-mixing: put B's word into A's sentence in place of A's word and measure
   how much of the meaning lost by deleting A's word it restores,
   ``restore = (cos(A, A[a->b]) - cos(A, A[a->_])) / (1 - cos(A, A[a->_]))``, and the same the other way.
   A translation restores most of it (dog -> कुत्ता: 0.73); a rival term does not, or makes it worse
   (dog -> बिल्ली: -0.29). Below ``substitution_restore`` both ways, it is a substitution.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from align.config import LabelConfig
from align.evidence import Facts, lexicon
from align.evidence.compare import Aliases, Finding, Side
from align.evidence.names import phonetic_key, romanise
from align.evidence.tokens import Token
from align.records import stored_score, stored_scores

STEM_SUFFIXES = ("ing", "ed", "es", "s")


class Embedder(Protocol):
    def embed(self, texts: list[str]) -> np.ndarray: ...


def _stem(word: str) -> str:
    for suffix in STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(facts: Facts) -> list[Token]:
    """Tokens that carry the statement: not function words, numbers, dates or single letters."""
    covered = [(q.start, q.end) for q in facts.numbers] + [(d.start, d.end) for d in facts.dates]
    negations = facts_negation_words(facts)
    words = []
    for token in facts.tokens:
        if token.is_number or token.norm in lexicon.STOPWORDS or len(token.norm) < 2:
            continue
        if not any(s <= token.start < e for s, e in covered) and token.norm not in negations:
            words.append(token)
    return words


def facts_negation_words(facts: Facts) -> set[str]:
    return {word.lower() for cue in facts.negations for word in cue.word.replace("…", " ").split()}


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


def _views(a: Side, b: Side) -> tuple[Facts, Facts]:
    if a.english_view is not None and b.english_view is not None:
        return a.english_view, b.english_view
    return a.original, b.original


def _same_word(x: Token, y: Token, aliases: Aliases) -> bool:
    if x.norm == y.norm or _stem(x.norm) == _stem(y.norm):
        return True
    key_x = phonetic_key(romanise(x.text.rstrip("'’")))
    key_y = phonetic_key(romanise(y.text.rstrip("'’")))
    if x.is_devanagari != y.is_devanagari and len(key_x) >= 3 and key_x == key_y:
        return True
    # Two parts of one full name seen in the batch ("Mrinank" / "Sharma") are one person, not a swap.
    return key_y in aliases.get(key_x, frozenset())


def _replace(text: str, token: Token, new: str) -> str:
    return " ".join((text[: token.start] + new + text[token.end :]).split())


def _restore(cache: EmbeddingCache, text: str, old: Token, new: str) -> float:
    """How much of the meaning deleting ``old`` loses that putting ``new`` in its place restores, as a stored
    score (4 decimals), so the threshold and the note never depend on float noise."""
    original, swapped, deleted = cache.get(_restore_texts(text, old, new))
    base = float(original @ deleted)
    if base >= 1.0 - 1e-6:
        return 1.0
    return stored_score((float(original @ swapped) - base) / (1.0 - base))


@dataclass
class _Candidate:
    """Left-over words of one pair, waiting for the code-mixing test."""

    view_a: Facts
    view_b: Facts
    a: Side
    b: Side
    pairs: list[tuple[Token, Token]]


def _candidates(
    a: Side, b: Side, vectors: EmbeddingCache, config: LabelConfig, aliases: Aliases
) -> _Candidate | None:
    view_a, view_b = _views(a, b)
    if view_a.language != view_b.language and not config.substitution_cross_lingual:
        return None
    words_a, words_b = content_words(view_a), content_words(view_b)
    if not words_a or not words_b:
        return None
    matched_a = {i for i, x in enumerate(words_a) if any(_same_word(x, y, aliases) for y in words_b)}
    matched_b = {j for j, y in enumerate(words_b) if any(_same_word(x, y, aliases) for x in words_a)}
    similarity = None
    if view_a.language != view_b.language:
        similarity = stored_scores(vectors.get([w.text for w in words_a]) @ vectors.get([w.text for w in words_b]).T)
        matched_a |= {i for i in range(len(words_a)) if similarity[i].max() >= config.substitution_match}
        matched_b |= {j for j in range(len(words_b)) if similarity[:, j].max() >= config.substitution_match}
    left_a = [i for i in range(len(words_a)) if i not in matched_a]
    left_b = [j for j in range(len(words_b)) if j not in matched_b]
    if not left_a or not left_b or len(matched_a) < config.substitution_min_matched:
        return None
    if len(left_a) > config.substitution_max_unmatched or len(left_b) > config.substitution_max_unmatched:
        return None  # many words differ: a paraphrase or a different statement, not one swapped term
    if config.substitution_balanced and len(left_a) != len(left_b):
        return None  # a swap replaces term for term; an extra clause on one side is added detail
    pairs = []
    for i in left_a:
        if similarity is not None:
            j = max(left_b, key=lambda k: (similarity[i, k], -k))
        else:
            j = left_b[min(left_a.index(i), len(left_b) - 1)]  # one language: words in the same order
            if _slot(words_a, matched_a, i) != _slot(words_b, matched_b, j):
                continue  # not the same place in the shared frame ("this means leaving" / "leaves a message")
        pairs.append((words_a[i], words_b[j]))
    return _Candidate(view_a, view_b, a, b, pairs) if pairs else None


def _slot(words: list[Token], matched: set[int], index: int) -> int:
    """Where a word sits in the frame both sentences share: how many different shared words come before it.
    A swapped term takes the place of the term it replaces, so both sit in the same slot."""
    return len({_stem(words[k].norm) for k in matched if k < index})


def _restore_texts(text: str, old: Token, new: str) -> list[str]:
    return [text, _replace(text, old, new), _replace(text, old, "")]


def _confirm(candidate: _Candidate, vectors: EmbeddingCache, config: LabelConfig) -> list[Finding]:
    for x, y in candidate.pairs:
        restore = max(_restore(vectors, candidate.view_a.text, x, y.text),
                      _restore(vectors, candidate.view_b.text, y, x.text))
        same_language = candidate.view_a.language == candidate.view_b.language
        limit = config.substitution_restore_same_language if same_language else config.substitution_restore
        if restore >= limit:
            continue
        is_name = any(w.text[:1].isupper() and not w.is_devanagari for w in (x, y))
        kind, weight = ("name", "name_swap") if is_name else ("substitution", "substitution")
        note = f"same frame, different term: {x.text} vs {y.text} (swap restores {restore:.2f} of meaning)"
        if candidate.view_a is not candidate.a.original or candidate.view_b is not candidate.b.original:
            note += " (read in the English translation)"
        return [Finding(kind, x.text, y.text, note, 1.0, True, weight)]
    return []


def find_substitutions(
    all_sides: Sequence[tuple[Side, Side]],
    embedder: Embedder,
    config: LabelConfig,
    aliases: Aliases | None = None,
) -> list[list[Finding]]:
    """Substitution findings for each pair of sides, in order. Embeddings are computed in two batches: the
    words of cross-lingual pairs, then the code-mixed sentences of the candidates."""
    vectors = EmbeddingCache(embedder)
    words: list[str] = []
    for a, b in all_sides:
        view_a, view_b = _views(a, b)
        if view_a.language != view_b.language and config.substitution_cross_lingual:
            words.extend(w.text for w in content_words(view_a) + content_words(view_b))
    vectors.get(list(dict.fromkeys(words)))
    candidates = [_candidates(a, b, vectors, config, aliases or {}) for a, b in all_sides]
    texts: list[str] = []
    for candidate in candidates:
        for x, y in candidate.pairs if candidate else []:
            texts += _restore_texts(candidate.view_a.text, x, y.text)
            texts += _restore_texts(candidate.view_b.text, y, x.text)
    vectors.get(list(dict.fromkeys(texts)))
    return [_confirm(c, vectors, config) if c else [] for c in candidates]


def _span_texts(text: str, old: str, new: str) -> list[str]:
    """What ``_restore_span`` embeds: the text, ``old`` swapped for ``new``, and ``old`` deleted ([] without ``old``)."""
    if text.find(old) < 0:
        return []
    return [text, text.replace(old, new, 1), " ".join(text.replace(old, "", 1).split())]


def _restore_span(cache: EmbeddingCache, text: str, old: str, new: str) -> float | None:
    texts = _span_texts(text, old, new)
    if not texts:
        return None
    original, with_new, without = cache.get(texts)
    base = float(original @ without)
    return 1.0 if base >= 1.0 - 1e-6 else stored_score((float(original @ with_new) - base) / (1.0 - base))


def _is_checked_swap(f: Finding, a: Side, b: Side) -> bool:
    return bool(
        f.weight == "name_swap"
        and f.a
        and f.b
        and a.original.language != b.original.language
        and "English translation" not in f.note
    )


def confirm_name_swaps(
    all_sides: Sequence[tuple[Side, Side]],
    findings: list[list[Finding]],
    embedder: Embedder,
    config: LabelConfig,
) -> list[list[Finding]]:
    """Drop "different name" findings between texts of two languages when the other side's name, put in its
    place, restores the meaning: exonyms (Londres / London, Dieu / God) rather than different names. The spans of
    every checked finding are embedded in one batch (one model call per event, not one per finding)."""
    cache = EmbeddingCache(embedder)
    spans = [
        text
        for (a, b), found in zip(all_sides, findings, strict=True)
        for f in found
        if _is_checked_swap(f, a, b)
        for text in _span_texts(a.original.text, f.a, f.b) + _span_texts(b.original.text, f.b, f.a)
    ]
    cache.get(list(dict.fromkeys(spans)))
    kept: list[list[Finding]] = []
    for (a, b), found in zip(all_sides, findings, strict=True):
        out = []
        for f in found:
            if _is_checked_swap(f, a, b):
                scores = [r for r in (_restore_span(cache, a.original.text, f.a, f.b),
                                      _restore_span(cache, b.original.text, f.b, f.a)) if r is not None]
                if scores and max(scores) >= config.name_swap_restore:
                    continue
            out.append(f)
        kept.append(out)
    return kept
