"""link stage: pairs of sentences from different articles of one event that report the same thing.

Comparable news, not translations: order differs, most sentences have no partner, a claim repeated by three
outlets gives three links, and paraphrase is the rule. So the stage scores every cross-article pair and keeps
each one whose score clears one threshold (``select``); there is no one-to-one assignment.

The score, kept in ``PairRecord.similarity``, is the ratio margin of Artetxe & Schwenk (LASER), computed on arrays in
``align.link.margin``: densely for small events, through an HNSW index from ``LinkConfig.ann_min_sentences``
linkable sentences on.

Each sentence is represented by its original text and, when the translate stage filled it, its English text:
the vector is ``[e(text), e(text_en)] / sqrt(2)``, so the cosine of two such vectors is the mean of the
original-text cosine and the English-text cosine (``LinkConfig.views = "mean"``), and one inner product serves
both the dense and the approximate path. ``"original"`` and ``"english"`` use one view only.

Optionally (``LinkConfig.rerank = "nli"``) an NLI cross-encoder re-reads each sentence's best margin candidates
and a pair is also linked when one side entails the other (``align.link.rerank``); its score is kept beside the
margin.
"""

from __future__ import annotations

import logging
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from align.config import LinkConfig
from align.embed import Embedder
from align.link.margin import ScoredLinks, ann_scores, dense_scores
from align.link.rerank import EntailmentModel, entailment_scores, rerank_candidates, rerank_signature
from align.records import PairRecord, SentenceRecord, pair_id_for, stored_score, stored_scores

log = logging.getLogger(__name__)

VIEWS = ("mean", "original", "english")


def letter_count(text: str) -> int:
    """Letters and combining marks (Devanagari vowel signs are marks, not letters, but carry content)."""
    return sum(1 for ch in text if unicodedata.category(ch)[0] in "LM")


def is_linkable(sentence: SentenceRecord, config: LinkConfig) -> bool:
    """Long enough to state a fact: one-word headlines, datelines and bylines are never linked."""
    return letter_count(sentence.text) >= config.min_letters


def link_signature(config: LinkConfig) -> str:
    """The link part of the build signature, e.g. ``margin-k8-t1.04-article-l8-mean``."""
    threshold = f"{config.margin_threshold:g}"
    margin = f"margin-k{config.k}-t{threshold}-{config.neighbourhood}-l{config.min_letters}-{config.views}"
    return margin + rerank_signature(config)


def sentence_vectors(
    sentences: Sequence[SentenceRecord], embedder: Embedder, views: str = "mean"
) -> np.ndarray:
    """One unit vector per sentence for the chosen views; each distinct text is embedded once."""
    if views not in VIEWS:
        raise ValueError(f"views must be one of {VIEWS}, got {views!r}")
    english = [s.text_en if s.text_en else s.text for s in sentences]
    originals = [s.text for s in sentences]
    wanted = {"mean": originals + english, "original": originals, "english": english}[views]
    distinct = list(dict.fromkeys(wanted))
    if not distinct:
        return np.zeros((0, 0), dtype=np.float32)
    table = embedder.embed(distinct)
    row = {text: i for i, text in enumerate(distinct)}
    if views == "original" or (views == "mean" and english == originals):
        # With no translation at all, [e, e] / sqrt(2) has the same cosines as e alone, at half the size.
        return table[[row[t] for t in originals]]
    if views == "english":
        return table[[row[t] for t in english]]
    both = np.hstack([table[[row[t] for t in originals]], table[[row[t] for t in english]]])
    return (both / math.sqrt(2.0)).astype(np.float32)


def score_event(sentences: Sequence[SentenceRecord], vectors: np.ndarray, config: LinkConfig) -> ScoredLinks:
    """Dense or approximate scoring of one event's linkable sentences, by size.

    Margins come back as records store them (``stored_scores``: 4 decimals), so that the re-ranker's candidate
    choice and ``select`` decide on the value the dataset shows, never on float noise below it.
    """
    articles = [s.article_id for s in sentences]
    languages = [s.language for s in sentences]
    if len(set(articles)) < 2:
        empty = np.zeros(0, dtype=np.int64)
        return ScoredLinks(empty, empty, np.zeros(0), np.zeros(0))
    if len(sentences) >= config.ann_min_sentences:
        scored = ann_scores(
            vectors,
            articles,
            languages,
            config.k,
            config.ann_candidates,
            config.neighbourhood,
            config.threads,
        )
    else:
        scored = dense_scores(vectors, articles, languages, config.k, config.neighbourhood)
    return replace(scored, margin=stored_scores(scored.margin))


def select(scored: ScoredLinks, config: LinkConfig) -> np.ndarray:
    """The one place a link decision is made: the scored pairs whose margin clears ``margin_threshold``, or
    whose NLI entailment (when the re-ranker ran) clears ``rerank_threshold``."""
    chosen = np.nan_to_num(scored.margin, nan=-np.inf) >= config.margin_threshold
    if scored.entailment is not None:
        chosen |= np.nan_to_num(scored.entailment, nan=-np.inf) >= config.rerank_threshold
    return np.flatnonzero(chosen)


def with_entailment(
    scored: ScoredLinks,
    sentences: Sequence[SentenceRecord],
    model: EntailmentModel,
    config: LinkConfig,
) -> ScoredLinks:
    """``scored`` with the re-ranker's entailment for its candidates (NaN elsewhere); original texts are read,
    since NLI models for this are multilingual and a translation may be missing."""
    candidates = rerank_candidates(scored.rows, scored.cols, scored.margin, len(sentences), config)
    entailment = np.full(len(scored.margin), np.nan)
    entailment[candidates] = stored_scores(entailment_scores(
        model,
        [sentences[scored.rows[c]].text for c in candidates],
        [sentences[scored.cols[c]].text for c in candidates],
    ))
    log.info("re-read %d candidate pairs with %s", len(candidates), model.model_name)
    return replace(scored, entailment=entailment)


def link(
    sentences: Sequence[SentenceRecord],
    embedder: Embedder,
    config: LinkConfig,
    entailment_model: EntailmentModel | None = None,
) -> list[PairRecord]:
    """Links between sentences of different articles of the same event; ``similarity`` is the margin score,
    ``entailment`` the re-ranker's when one is given (see ``align.link.rerank``).

    Events are linked independently. Output order and pair ids depend only on the input's content.
    """
    by_event: dict[str, list[SentenceRecord]] = {}
    for sentence in sentences:
        by_event.setdefault(sentence.event_id, []).append(sentence)
    pairs: list[PairRecord] = []
    for event_id in sorted(by_event):
        pairs.extend(link_event(by_event[event_id], embedder, config, entailment_model))
    return pairs


def link_event(
    sentences: Sequence[SentenceRecord],
    embedder: Embedder,
    config: LinkConfig,
    entailment_model: EntailmentModel | None = None,
) -> list[PairRecord]:
    """Links within one event (all sentences must share one event_id)."""
    ordered = sorted(
        (s for s in sentences if is_linkable(s, config)),
        key=lambda s: (s.article_id, s.position, s.sentence_id),
    )
    if len({s.article_id for s in ordered}) < 2:
        return []
    vectors = sentence_vectors(ordered, embedder, config.views)
    scored = score_event(ordered, vectors, config)
    if entailment_model is not None:
        scored = with_entailment(scored, ordered, entailment_model, config)
    chosen = select(scored, config)
    log.info("linked %d of %d scored pairs among %d sentences", len(chosen), len(scored.margin), len(ordered))
    pairs = [
        make_pair(
            ordered[scored.rows[c]],
            ordered[scored.cols[c]],
            float(scored.margin[c]),
            None if scored.entailment is None else scored.entailment[c],
        )
        for c in chosen
    ]
    return sorted(pairs, key=lambda p: (p.article_id_a, p.sentence_id_a, p.article_id_b, p.sentence_id_b))


def make_pair(
    a: SentenceRecord, b: SentenceRecord, similarity: float, entailment: float | None = None
) -> PairRecord:
    """A link record; ``label`` is a placeholder the label stage overwrites."""
    return PairRecord(
        pair_id=pair_id_for(a.sentence_id, b.sentence_id),
        event_id=a.event_id,
        sentence_id_a=a.sentence_id,
        sentence_id_b=b.sentence_id,
        article_id_a=a.article_id,
        article_id_b=b.article_id,
        language_a=a.language,
        language_b=b.language,
        text_a=a.text,
        text_b=b.text,
        text_en_a=a.text_en,
        text_en_b=b.text_en,
        similarity=stored_score(similarity),
        entailment=None if entailment is None or math.isnan(entailment) else stored_score(entailment),
    )
