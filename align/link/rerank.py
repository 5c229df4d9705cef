"""Optional second stage of the link stage: an NLI cross-encoder re-reads the best margin candidates.

Why: a sentence embedding describes a whole sentence, so when a fact is the main point of one sentence and a
clause of another ("Mrinank Sharma, head of the Safeguards Research Team, has resigned" vs "He leaves, but
leaves a message") the two vectors are no closer than any two sentences about the same event; on the seed
event the median gold link ranks ~1000th of 13,000 candidates by margin (bench/RESULTS.md, Linking). An NLI
model reads both sentences together and asks whether one follows from the other, which is what a shared
fact is: the link's entailment score is ``max(P(a entails b), P(b entails a))``, because the shorter side is
usually entailed by the longer one and not the other way round.

Only candidates are re-read (``LinkConfig.rerank_min_margin`` and each sentence's ``rerank_per_sentence``
best by margin), so the cost is linear in the number of sentences. The probability is kept in
``PairRecord.entailment``; ``link.select`` links a pair whose margin clears ``margin_threshold`` or whose
entailment clears ``rerank_threshold``.

The model is any transformers sequence-classification NLI model with entailment/contradiction labels
(multilingual XNLI models read Hindi, French and English directly); it is loaded lazily through
``align.nli.NliJudge``. Off by default: no NLI weights can be downloaded in this project's build
environment, so its quality is unmeasured here and only its mechanics are tested (on a tiny random model).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from align.config import LinkConfig
from align.registry import Registry

# name -> "module:Class"; each class has for_rerank(config: LinkConfig, cache_dir) -> EntailmentModel.
RERANKERS = Registry("link.rerank", {"nli": "align.nli:NliJudge"}, off="none")


class EntailmentModel(Protocol):
    """A premise/hypothesis model: (n, 3) probabilities of entailment, neutral, contradiction."""

    model_name: str

    def probabilities(self, premises: Sequence[str], hypotheses: Sequence[str]) -> np.ndarray: ...


def rerank_signature(config: LinkConfig) -> str:
    """The rerank part of the link signature ("" when off), e.g. ``+nli(model)-c1-n8-e0.5``."""
    if config.rerank == "none":
        return ""
    return (
        f"+nli({config.rerank_model})-c{config.rerank_min_margin:g}-n{config.rerank_per_sentence}"
        f"-e{config.rerank_threshold:g}"
    )


def rerank_candidates(
    rows: np.ndarray, cols: np.ndarray, margin: np.ndarray, n_sentences: int, config: LinkConfig
) -> np.ndarray:
    """Indices of the scored pairs to re-read: margin >= ``rerank_min_margin`` and among the
    ``rerank_per_sentence`` best by margin of at least one of its two sentences."""
    margin = np.nan_to_num(np.asarray(margin, dtype=np.float64), nan=-np.inf)
    eligible = np.flatnonzero(margin >= config.rerank_min_margin)
    if not len(eligible):
        return eligible
    # Each pair appears once per endpoint; sort by (sentence, -margin) and keep each sentence's first n.
    ends = np.concatenate([rows[eligible], cols[eligible]])
    owners = np.concatenate([eligible, eligible])
    order = np.lexsort((owners, -margin[owners], ends))
    ends, owners = ends[order], owners[order]
    starts = np.searchsorted(ends, np.arange(n_sentences))
    rank = np.arange(len(ends)) - starts[ends]
    return np.unique(owners[rank < config.rerank_per_sentence])


def entailment_scores(model: EntailmentModel, texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
    """Per pair, the larger of P(a entails b) and P(b entails a)."""
    if not len(texts_a):
        return np.zeros(0)
    forward = model.probabilities(texts_a, texts_b)[:, 0]
    backward = model.probabilities(texts_b, texts_a)[:, 0]
    return np.maximum(forward, backward).astype(np.float64)


def build_entailment_model(config: LinkConfig, cache_dir: Path | None = None) -> EntailmentModel | None:
    """The NLI model the config names, or None when rerank is off; nothing is loaded until first use. Given a
    cache directory, its outputs are cached by content (shared with the label stage's NLI judge)."""
    model = RERANKERS.load(config.rerank)
    return None if model is None else model.for_rerank(config, cache_dir)
