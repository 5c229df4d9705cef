"""Code-mixing with an embedder: how much of a sentence's meaning a word from the other side restores when put in
place of its own. A translation restores most of it (dog -> कुत्ता: 0.73); a rival term does not, or makes it
worse (dog -> बिल्ली: -0.29). Names (exonyms) and substitutions both use it.

``restore = (cos(A, A[a->b]) - cos(A, A[a->_])) / (1 - cos(A, A[a->_]))``
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from align.evidence.findings import Embedder
from align.evidence.tokens import Token
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
