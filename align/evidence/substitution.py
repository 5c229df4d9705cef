"""Substitutions: the same sentence frame with a different key term ("studied poetry" vs "studied philosophy",
"the dog" vs "the cat"), which no number, date or name rule catches.

Method (measured in bench/bench_label_perturb.py):

1. Content words of each side (function words, numbers and dates left out), from the English translations
   when both sides have one, else from the original texts.
2. Words are paired off when they are the same word (normalised, crude stem), the same name or loanword
   across scripts (phonetic key: पोएट्री = poetry), or close in the multilingual embedding space across
   languages (cosine >= ``substitution_match``; within one language co-hyponyms such as dog/cat are as close
   as translations, so only identity counts there).
3. What is left unpaired on both sides (but generic references: "the company" for the company another side
   names), when the rest of the frame is shared, is a candidate: each left-over
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

from align.config import LabelConfig
from align.evidence import locale_words
from align.evidence.codemix import EmbeddingCache, restore, restore_texts
from align.evidence.dates import DATES
from align.evidence.findings import Batch, Comparator, Embedder, Facts, Finding, Side, contradicting
from align.evidence.names import Aliases, batch_aliases, phonetic_key, romanise
from align.evidence.numbers import NUMBERS
from align.evidence.polarity import NEGATIONS
from align.evidence.tokens import Token
from align.records import stored_scores

STEM_SUFFIXES = ("ing", "ed", "es", "s")
GENERIC = locale_words.GENERIC_REFERENCES


def _stem(word: str) -> str:
    for suffix in STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(facts: Facts) -> list[Token]:
    """Tokens that carry the statement: not function words, numbers, dates or single letters."""
    covered = [(q.start, q.end) for q in facts[NUMBERS]] + [(d.start, d.end) for d in facts[DATES]]
    negations = facts_negation_words(facts)
    words = []
    for token in facts.tokens:
        if token.is_number or token.norm in locale_words.STOPWORDS or len(token.norm) < 2:
            continue
        if not any(s <= token.start < e for s, e in covered) and token.norm not in negations:
            words.append(token)
    return words


def facts_negation_words(facts: Facts) -> set[str]:
    return {word.lower() for cue in facts[NEGATIONS] for word in cue.word.replace("…", " ").split()}


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
    # A generic phrase ("the company", "कंपनी", "la société") refers to what the other side names: a
    # reference, not a rival term.
    left_a = [i for i in range(len(words_a)) if i not in matched_a and words_a[i].norm not in GENERIC]
    left_b = [j for j in range(len(words_b)) if j not in matched_b and words_b[j].norm not in GENERIC]
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


def _confirm(candidate: _Candidate, vectors: EmbeddingCache, config: LabelConfig) -> list[Finding]:
    for x, y in candidate.pairs:
        restored = max(restore(vectors, candidate.view_a.text, x, y.text),
                       restore(vectors, candidate.view_b.text, y, x.text))
        same_language = candidate.view_a.language == candidate.view_b.language
        limit = config.substitution_restore_same_language if same_language else config.substitution_restore
        if restored >= limit:
            continue
        is_name = any(w.text[:1].isupper() and not w.is_devanagari for w in (x, y))
        note = f"same frame, different term: {x.text} vs {y.text} (swap restores {restored:.2f} of meaning)"
        if candidate.view_a is not candidate.a.original or candidate.view_b is not candidate.b.original:
            note += " (read in the English translation)"
        if is_name:
            return [contradicting("name", x.text, y.text, note, weight="name_swap")]
        return [contradicting("substitution", x.text, y.text, note, weight="substitution")]
    return []


def find_substitutions(
    all_sides: Sequence[tuple[Side, Side]],
    embedder: Embedder,
    config: LabelConfig,
    aliases: Aliases | None = None,
) -> list[list[Finding]]:
    """Substitution findings for each pair of sides, in order. Embeddings are computed in two batches: the
    words of cross-lingual pairs, then the code-mixed sentences of the candidates. ``aliases``: parts of one
    full name (``names.name_aliases``), which are the same person, not a swap."""
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
            texts += restore_texts(candidate.view_a.text, x, y.text)
            texts += restore_texts(candidate.view_b.text, y, x.text)
    vectors.get(list(dict.fromkeys(texts)))
    return [_confirm(c, vectors, config) if c else [] for c in candidates]


def with_substitutions(
    all_sides: Sequence[tuple[Side, Side]],
    findings: list[list[Finding]],
    embedder: Embedder,
    config: LabelConfig,
    batch: Batch,
) -> list[list[Finding]]:
    """Each pair's findings with its substitution findings after them."""
    more = find_substitutions(all_sides, embedder, config, batch_aliases(batch))
    return [[*found, *extra] for found, extra in zip(findings, more, strict=True)]


COMPARATOR = Comparator("substitution", with_embedder=with_substitutions)
