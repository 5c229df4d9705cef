"""The margin score of the link stage, on arrays alone: which cross-article sentence pairs stand out.

The ratio margin of Artetxe & Schwenk (2019), as LASER uses it for bitext mining::

    margin(x, y) = cos(x, y) / (knn(x, article(y)) / 2 + knn(y, article(x)) / 2)

where ``knn(x, B)`` is the mean cosine of x to its k nearest sentences in article B. e5's cosines sit in a
narrow band (unrelated ~0.75, same fact ~0.87), so a raw cosine threshold moves with topic, length and
language pair; the margin asks instead whether y stands out among x's neighbours and x among y's. It is also
the hub penalty: a generic sentence close to everything has a high ``knn`` and so a low margin with everyone.
Neighbours are taken within the partner's article (``neighbourhood = "article"``), so a claim that three outlets
repeat does not crowd its own baseline; an article shorter than k is topped up with the sentence's nearest
neighbours elsewhere in the event. ``"language"`` takes them among all sentences of the partner's language
instead. k is capped at a quarter of the candidates (at least 2): in a small event a wide neighbourhood is just
the average and the margin would degrade into a raw-cosine ratio.

``dense_scores`` scores all pairs from the full cosine matrix; ``ann_scores`` asks an HNSW index per language
(hnswlib) for each sentence's nearest neighbours, so the cost grows ~ n log n, and computes their margins exactly
as the dense path does. No records, no models: vectors, article and language labels in, arrays out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np

from align.interrupt import interruptible

# Vectors per call into hnswlib (insert or query): a few seconds of work at most.
ANN_BLOCK = 2000
NEIGHBOURHOODS = ("article", "language")


@dataclass(frozen=True)
class ScoredLinks:
    """Candidate cross-article pairs (indices into the event's linkable sentences) with cosine and margin."""

    rows: np.ndarray  # int, i < j
    cols: np.ndarray
    cosine: np.ndarray
    margin: np.ndarray
    entailment: np.ndarray | None = None  # NLI re-ranker's score, NaN where the pair was not re-read


def _group_codes(values: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    names = sorted(set(values))
    index = {name: i for i, name in enumerate(names)}
    return np.array([index[v] for v in values], dtype=np.int64), names


def _margin(cosine: np.ndarray, knn_x: np.ndarray, knn_y: np.ndarray) -> np.ndarray:
    return cosine / ((knn_x + knn_y) / 2.0)


def _check_neighbourhood(neighbourhood: str) -> None:
    if neighbourhood not in NEIGHBOURHOODS:
        raise ValueError(f"neighbourhood must be one of {NEIGHBOURHOODS}, got {neighbourhood!r}")


def effective_k(k: int, available: np.ndarray) -> np.ndarray:
    """k, capped at a quarter of the neighbours there are to choose from (but at least 2).

    When k approaches the number of candidates, their mean is just the event's average similarity and the
    margin degrades into a raw-cosine ratio that unrelated sentences of a small event can pass.
    """
    return np.minimum(k, np.maximum(2, np.asarray(available) // 4))


def _best_first(block: np.ndarray, width: int) -> np.ndarray:
    """The ``width`` largest values of each row, best first."""
    width = min(width, block.shape[1])
    if width == 0:
        return np.zeros((block.shape[0], 0))
    top = -np.partition(-block, width - 1, axis=1)[:, :width]
    return -np.sort(-top, axis=1)


def neighbour_means(similarities: np.ndarray, k: np.ndarray | int) -> np.ndarray:
    """Per row, the mean of its k largest finite values (all when there are fewer); k may vary by row."""
    k = np.broadcast_to(np.asarray(k), (similarities.shape[0],))
    best = _best_first(similarities, int(k.max()) if len(k) else 0)
    finite = np.isfinite(best)
    counts = np.minimum(k, finite.sum(axis=1))
    sums = np.where(finite & (np.arange(best.shape[1]) < counts[:, None]), best, 0.0).sum(axis=1)
    return np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)


def topped_up_means(
    block: np.ndarray,
    k: np.ndarray,
    code: int,
    article: np.ndarray,
    pooled_ids: np.ndarray,
    pooled_cosine: np.ndarray,
) -> np.ndarray:
    """k-neighbour means of some sentences within one article (``block``: their cosines to its sentences).

    An article shorter than k would make the mean one of a handful of values; its missing neighbours are taken
    from each sentence's nearest neighbours elsewhere in the event (``pooled_ids`` / ``pooled_cosine``, best
    first, -1 for none), so the baseline rests on k values whenever the event has them.
    """
    best = _best_first(block, int(k.max()) if len(k) else 0)
    inside = np.minimum(k, block.shape[1])
    sums = np.where(np.arange(best.shape[1]) < inside[:, None], best, 0.0).sum(axis=1)
    outside = (pooled_ids >= 0) & (article[np.maximum(pooled_ids, 0)] != code)
    taken = outside & (np.cumsum(outside, axis=1) <= (k - inside)[:, None])
    sums += np.where(taken, pooled_cosine, 0.0).sum(axis=1)
    counts = inside + taken.sum(axis=1)
    return np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)


def _pooled_neighbours(
    cosine: np.ndarray, other_article: np.ndarray, width: int
) -> tuple[np.ndarray, np.ndarray]:
    """Each sentence's ``width`` nearest sentences of other articles, best first (-1 / -inf for none)."""
    masked = np.where(other_article, cosine, -np.inf)
    width = min(width, masked.shape[1])
    ids = np.argpartition(-masked, width - 1, axis=1)[:, :width]
    values = np.take_along_axis(masked, ids, axis=1)
    order = np.argsort(-values, axis=1, kind="stable")
    ids, values = np.take_along_axis(ids, order, axis=1), np.take_along_axis(values, order, axis=1)
    return np.where(np.isfinite(values), ids, -1), values


def dense_scores(
    vectors: np.ndarray,
    articles: Sequence[str],
    languages: Sequence[str],
    k: int,
    neighbourhood: str = "article",
) -> ScoredLinks:
    """Margin of every pair of sentences from different articles, from the full cosine matrix."""
    return margin_from_cosine(vectors @ vectors.T, articles, languages, k, neighbourhood)


def margin_from_cosine(
    cosine: np.ndarray,
    articles: Sequence[str],
    languages: Sequence[str],
    k: int,
    neighbourhood: str = "article",
) -> ScoredLinks:
    """Margin of every cross-article pair given any symmetric (n, n) similarity matrix.

    ``neighbourhood`` says where x's k nearest neighbours are looked for when x is paired with y: in y's
    article (``"article"``, topped up from the rest of the event when that article is short) or among the
    sentences of y's language in all articles but x's (``"language"``).
    """
    _check_neighbourhood(neighbourhood)
    article, _ = _group_codes(articles)
    other_article = article[:, None] != article[None, :]
    rows, cols = np.nonzero(np.triu(other_article, k=1))
    pair_cosine = cosine[rows, cols].astype(np.float64)
    if neighbourhood == "article":
        group = article
        pooled_ids, pooled_cosine = _pooled_neighbours(cosine, other_article, 2 * k)
        pooled_k = effective_k(k, other_article.sum(axis=1))
    else:
        group, _ = _group_codes(languages)
    knn = np.zeros((len(article), int(group.max()) + 1 if len(group) else 0))
    for code in range(knn.shape[1]):
        members = np.flatnonzero(group == code)
        if neighbourhood == "article":
            knn[:, code] = topped_up_means(
                cosine[:, members], pooled_k, code, article, pooled_ids, pooled_cosine
            )
        else:
            candidates = other_article[:, members]
            knn[:, code] = neighbour_means(
                np.where(candidates, cosine[:, members], -np.inf), effective_k(k, candidates.sum(axis=1))
            )
    margin = _margin(pair_cosine, knn[rows, group[cols]], knn[cols, group[rows]])
    return ScoredLinks(rows, cols, pair_cosine, margin)


def ann_scores(
    vectors: np.ndarray,
    articles: Sequence[str],
    languages: Sequence[str],
    k: int,
    candidates: int,
    neighbourhood: str = "article",
    threads: int = 1,
) -> ScoredLinks:
    """Margin of each sentence's ``candidates`` nearest cross-article neighbours per language, via HNSW.

    Same formula as ``margin_from_cosine``. Per-article neighbour means are exact (a dot product with that
    article's sentences, only for the articles a candidate comes from); per-language means and the top-up of
    short articles come from the HNSW lists. Pairs outside both sentences' candidate lists are not scored.
    """
    _check_neighbourhood(neighbourhood)
    n = len(articles)
    article, _ = _group_codes(articles)
    language, names = _group_codes(languages)
    width = max(2 * k, candidates)
    article_sizes = np.bincount(article)
    language_knn = np.full((n, len(names)), np.nan)
    all_ids, all_sims, found = [], [], []
    for code in range(len(names)):
        members = np.flatnonzero(language == code)
        ids, sims = _nearest_other_article(vectors, article, members, width, threads)
        available = len(members) - np.bincount(article[members], minlength=len(article_sizes))[article]
        language_knn[:, code] = neighbour_means(sims, effective_k(k, available))
        all_ids.append(ids)
        all_sims.append(sims)
        found.append(_pair_keys(n, ids[:, :candidates]))
    keys = np.unique(np.concatenate(found))
    if not len(keys):
        empty = np.zeros(0, dtype=np.int64)
        return ScoredLinks(empty, empty, np.zeros(0), np.zeros(0))
    rows, cols = keys // n, keys % n
    pair_cosine = np.einsum("ij,ij->i", vectors[rows], vectors[cols]).astype(np.float64)
    if neighbourhood == "language":
        knn_x, knn_y = language_knn[rows, language[cols]], language_knn[cols, language[rows]]
    else:
        merged_ids, merged_sims = np.hstack(all_ids), np.hstack(all_sims)
        order = np.argsort(-merged_sims, axis=1, kind="stable")[:, : 2 * k]
        pooled_ids = np.take_along_axis(merged_ids, order, axis=1)
        pooled_cosine = np.take_along_axis(merged_sims, order, axis=1)
        pooled_k = effective_k(k, n - article_sizes[article])
        knn_x, knn_y = _article_knn(vectors, article, rows, cols, pooled_k, pooled_ids, pooled_cosine)
    return ScoredLinks(rows, cols, pair_cosine, _margin(pair_cosine, knn_x, knn_y))


def _pair_keys(n: int, neighbour_ids: np.ndarray) -> np.ndarray:
    """Unordered pairs (sentence, each of its listed neighbours) as ``low * n + high``; -1 entries skipped."""
    sources = np.repeat(np.arange(len(neighbour_ids)), neighbour_ids.shape[1])
    targets = neighbour_ids.ravel()
    keep = targets >= 0
    low, high = np.minimum(sources[keep], targets[keep]), np.maximum(sources[keep], targets[keep])
    return low * n + high


def _article_knn(
    vectors: np.ndarray,
    article: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    k: np.ndarray,
    pooled_ids: np.ndarray,
    pooled_cosine: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Exact k-neighbour means of each pair's sentences within the other side's article."""
    n = len(article)
    # The (article, sentence) combinations needed: x within y's article and y within x's article.
    wanted_x, wanted_y = article[cols] * n + rows, article[rows] * n + cols
    needed = np.unique(np.concatenate([wanted_x, wanted_y]))  # sorted, so grouped by article
    means = np.empty(len(needed))
    codes, starts = np.unique(needed // n, return_index=True)
    members_by_article = np.split(np.argsort(article, kind="stable"), np.cumsum(np.bincount(article))[:-1])
    ends = [*starts[1:].tolist(), len(needed)]
    for code, start, end in zip(codes.tolist(), starts.tolist(), ends, strict=True):
        sentences = needed[start:end] % n
        block = vectors[sentences] @ vectors[members_by_article[code]].T
        means[start:end] = topped_up_means(
            block, k[sentences], code, article, pooled_ids[sentences], pooled_cosine[sentences]
        )
    return means[np.searchsorted(needed, wanted_x)], means[np.searchsorted(needed, wanted_y)]


def _nearest_other_article(
    vectors: np.ndarray, article: np.ndarray, members: np.ndarray, wanted: int, threads: int
) -> tuple[np.ndarray, np.ndarray]:
    """For every sentence, its ``wanted`` nearest ``members`` outside its own article, best first.

    Returns ids (n, wanted) and cosines, padded with -1 and -inf where there are fewer.
    """
    import hnswlib

    index = hnswlib.Index(space="ip", dim=vectors.shape[1])
    index.init_index(max_elements=len(members), M=16, ef_construction=200, random_seed=100)
    # One insertion thread keeps the graph, and so the result, the same from run to run. In blocks, in the same
    # order (the same graph), each through ``interruptible``, so Ctrl-C stops a long insertion at once.
    for start in range(0, len(members), ANN_BLOCK):
        block = np.arange(start, min(start + ANN_BLOCK, len(members)))
        interruptible(partial(index.add_items, vectors[members[block]], block, num_threads=1))
    own = np.bincount(article[members], minlength=int(article.max()) + 1)[article]  # same-article members
    ids = np.full((len(vectors), wanted), -1, dtype=np.int64)
    sims = np.full((len(vectors), wanted), -np.inf)
    todo = np.arange(len(vectors))
    ask = min(len(members), wanted + min(int(own.max()), 2 * wanted))
    while len(todo):
        index.set_ef(max(ask, 64))
        answers = [
            interruptible(partial(index.knn_query, vectors[todo[start : start + ANN_BLOCK]], k=ask, num_threads=threads))
            for start in range(0, len(todo), ANN_BLOCK)
        ]
        labels, distances = np.vstack([a[0] for a in answers]), np.vstack([a[1] for a in answers])
        found = members[labels.astype(np.int64)]
        keep = article[found] != article[todo][:, None]
        order = np.argsort(~keep, axis=1, kind="stable")[:, :wanted]  # kept ones first, in distance order
        kept = np.take_along_axis(keep, order, axis=1)
        ids[todo, : order.shape[1]] = np.where(kept, np.take_along_axis(found, order, axis=1), -1)
        cosine = 1.0 - np.take_along_axis(distances, order, axis=1).astype(np.float64)
        sims[todo, : order.shape[1]] = np.where(kept, cosine, -np.inf)
        # Rows whose own article filled the answer ask again for more.
        short = kept.sum(axis=1) < np.minimum(wanted, len(members) - own[todo])
        todo = todo[short] if ask < len(members) else todo[:0]
        ask = min(len(members), ask * 2)
    return ids, sims
