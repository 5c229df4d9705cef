"""claims stage: the sentences of one event grouped into claims, one per reported fact.

The links (pairs) make a graph over the event's sentences. Grouping it by transitive closure chains: one loose link
(A~B, B~C, A and C unlinked) merges two facts. The default method, ``cpm``, runs Leiden with the Constant Potts Model
(leidenalg, on igraph) on each connected part of the graph: a group's quality is its links minus ``density`` times
its possible links, so a group holds together only while its members are linked to more than about ``density`` of
each other. Unweighted: the links are the linker's decisions, already thresholded on similarity. Each part is
grouped alone (and with a fixed seed), so editing one article can regroup only the parts its sentences touch.

A sentence belongs to exactly one claim; a sentence nobody links is a claim of its own (status ``single``).
Read only from the pairs: the label and the kinds of its evidence.

- ``claim_id``: ``content_id("claim", event_id, min(sentence_ids))``: stable while its smallest member stays.
- representative: the member linked to the most other members (the centre of the claim's link graph), ties broken
  by the earliest published article, then the sentence id. Counted, not summed over similarities: a score moved by
  float noise on another machine must not change which sentence represents the claim.
- ``status``: ``contested`` when a link between two members is labelled ``conflict``; else ``single`` when every
  member comes from one source; else ``consensus``. A conflicting link whose ends land in two claims is not counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import igraph
import leidenalg

from align.config import ClaimsConfig
from align.records import (
    ArticleRecord,
    ClaimConflict,
    ClaimRecord,
    PairRecord,
    SentenceRecord,
    claim_id_for,
    claim_status,
)

VERSION = "1"
SEED = 0  # Leiden visits nodes in a random order; a fixed seed makes a rebuild give the same claims


def claims_signature(config: ClaimsConfig) -> str:
    """The claims stage's part of the build signature."""
    setting = f"cpm-{config.density:g}" if config.method == "cpm" else config.method
    return f"{setting}-{VERSION}"


def group(nodes: Sequence[str], links: Iterable[tuple[str, str]], config: ClaimsConfig) -> list[list[str]]:
    """Nodes grouped so that every group is connected by ``links``; every node in exactly one group.

    Groups come back sorted (members sorted, groups by their first member), whatever the input order.
    """
    order = sorted(set(nodes))
    index = {node: i for i, node in enumerate(order)}
    edges = sorted({tuple(sorted((index[a], index[b]))) for a, b in links if a != b})
    graph = igraph.Graph(n=len(order), edges=edges)
    groups: list[list[str]] = []
    for part in graph.connected_components():
        if config.method == "closure" or len(part) <= 2:
            groups.append([order[i] for i in part])
            continue
        subgraph = graph.induced_subgraph(part)  # keeps the vertices in the order of ``part``
        partition = leidenalg.find_partition(
            subgraph,
            leidenalg.CPMVertexPartition,
            resolution_parameter=config.density,
            n_iterations=-1,  # until no move improves it: the result does not depend on an iteration count
            seed=SEED,
        )
        groups += [[order[part[i]] for i in community] for community in partition]
    return sorted((sorted(g) for g in groups), key=lambda g: g[0])


def claims(
    sentences: list[SentenceRecord],
    pairs: list[PairRecord],
    articles: list[ArticleRecord],
    config: ClaimsConfig,
) -> list[ClaimRecord]:
    """The claims of one event, sorted by ``claim_id``."""
    by_id = {s.sentence_id: s for s in sentences}
    article_of = {a.article_id: a for a in articles}
    links = [p for p in pairs if p.sentence_id_a in by_id and p.sentence_id_b in by_id]
    groups = group(list(by_id), ((p.sentence_id_a, p.sentence_id_b) for p in links), config)
    claim_of = {sentence_id: i for i, members in enumerate(groups) for sentence_id in members}
    inside: dict[int, list[PairRecord]] = defaultdict(list)
    for p in links:
        if claim_of[p.sentence_id_a] == claim_of[p.sentence_id_b]:
            inside[claim_of[p.sentence_id_a]].append(p)
    records = [_claim([by_id[s] for s in members], inside[i], article_of) for i, members in enumerate(groups)]
    return sorted(records, key=lambda c: c.claim_id)


def _claim(
    members: list[SentenceRecord], links: list[PairRecord], article_of: dict[str, ArticleRecord]
) -> ClaimRecord:
    articles = [article_of[a] for a in sorted({s.article_id for s in members}) if a in article_of]
    sources = sorted({a.source for a in articles})
    dates = sorted(a.published for a in articles if a.published)
    representative = _representative(members, links, article_of)
    conflicts = tuple(
        ClaimConflict(p.pair_id, tuple(sorted({e.kind for e in p.evidence})))
        for p in sorted(links, key=lambda p: p.pair_id)
        if p.label == "conflict"
    )
    sentence_ids = [s.sentence_id for s in members]
    return ClaimRecord(
        claim_id=claim_id_for(members[0].event_id, sentence_ids),
        event_id=members[0].event_id,
        sentence_ids=tuple(sorted(sentence_ids)),
        article_ids=tuple(a.article_id for a in articles),
        sources=tuple(sources),
        languages=tuple(sorted({s.language for s in members})),
        n_sources=len(sources),
        representative_id=representative.sentence_id,
        text=representative.text,
        text_en=representative.text_en,
        status=claim_status((p.label for p in links), len(sources)),
        pair_ids=tuple(sorted(p.pair_id for p in links)),
        conflicts=conflicts,
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
    )


def _representative(
    members: list[SentenceRecord], links: list[PairRecord], article_of: dict[str, ArticleRecord]
) -> SentenceRecord:
    """The centre of the claim's links: the most links to other members, then the earliest article, then the id."""
    degree: dict[str, int] = defaultdict(int)
    for p in links:
        degree[p.sentence_id_a] += 1
        degree[p.sentence_id_b] += 1

    def published(s: SentenceRecord) -> tuple[bool, str]:
        article = article_of.get(s.article_id)
        date = article.published if article else None
        return (date is None, date or "")

    return min(members, key=lambda s: (-degree[s.sentence_id], published(s), s.sentence_id))
