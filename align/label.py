"""label stage: every linked pair becomes ``agree`` or ``conflict``, with a confidence and the evidence.

How a pair is decided, in one place:

1. Each side's facts are read from its own text and, when present, its English translation
   (``align.evidence``): numbers with units, dates, names, negations.
2. The two sides are compared (``align.evidence.compare``), plus, when an embedder is given, the substitution
   check (``align.evidence.substitution``) and, when configured, an NLI model (``align.nli``). Each
   contradiction is a finding with a strength in 0..1.
3. conflict score = 1 - prod(1 - weight[kind] * strength) over contradicting findings (weights in
   ``LabelConfig``); the pair is a ``conflict`` when the score reaches ``conflict_threshold``.
4. confidence: for a conflict, the score, discounted a little when the link itself is weak; for an agreement,
   one minus the score, raised by what the sides were seen to share (same numbers, dates, names) or a strong
   link.

Numbers, dates and names are read from the original texts, so they work when no translation exists.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol

import numpy as np

from align.config import LabelConfig
from align.errors import AlignError
from align.evidence.compare import compare_batch, extract_facts
from align.evidence.findings import Finding, Side
from align.records import ArticleRecord, Evidence, PairRecord, stored_score
from align.registry import Registry

RULES_VERSION = "rules-10"
# Facts are read from at most this many characters of a sentence (news sentences are a few hundred): the rules
# cost ~30 microseconds a character, so a megabyte-long "sentence" would hold the label stage for half a minute
# per pair. Spans and notes then come from the beginning of the text, which is still an exact substring of it.
MAX_EVIDENCE_CHARS = 4096
# label.backend -> "module:Class" of the sentence-pair model that adds findings to the rules (for_label(config,
# cache_dir) -> Judge); "rules" alone has none.
JUDGES = Registry("label.backend", {"rules+nli": "align.nli:NliJudge"}, off="rules")
SUPPORT_WEIGHT = 0.3  # how much each shared fact raises confidence in an agreement
MAX_SUPPORT_EVIDENCE = 3


class Embedder(Protocol):
    def embed(self, texts: list[str]) -> np.ndarray: ...


class Labeller(Protocol):
    """What the pipeline calls: label pairs, and say who did it."""

    signature: str

    def label(self, pairs: Sequence[PairRecord], articles: Sequence[ArticleRecord]) -> list[PairRecord]: ...


class Judge(Protocol):
    """A sentence-pair model (NLI) that returns findings; see ``align.nli``."""

    signature: str

    def judge(self, pairs: Sequence[PairRecord]) -> list[list[Finding]]: ...


def label_signature(config: LabelConfig, embedder: Embedder | None = None) -> str:
    """``label:rules-10``, plus ``+subst`` when the embedding substitution check runs, plus
    ``+nli(<model>)``."""
    signature = f"label:{RULES_VERSION}"
    if embedder is not None:
        signature += "+subst"
    if config.backend == "rules+nli":
        signature += f"+nli({config.nli_model})"
    return signature


def reference_date(article: ArticleRecord) -> dt.date | None:
    """The date an article's "today", "Friday" and "two years ago" are read against: the date of its dateline
    ("BENGALURU, July 17 -"), which says when the reporting happened, else its ``published`` date, else None."""
    if article.dateline_date:
        return dt.date.fromisoformat(article.dateline_date)
    if not article.published:
        return None
    try:
        return dt.date.fromisoformat(article.published[:10])
    except ValueError:
        raise AlignError(
            article.file or article.article_id,
            f'"published" must be an ISO 8601 date, got {article.published!r}',
        ) from None


def _published(articles: Sequence[ArticleRecord]) -> dict[str, dt.date | None]:
    return {article.article_id: reference_date(article) for article in articles}


def sides(pair: PairRecord, published: dict[str, dt.date | None], config: LabelConfig) -> tuple[Side, Side]:
    """The facts of both sentences of ``pair``."""
    def side(text: str, language: str, text_en: str | None, article_id: str) -> Side:
        date = published.get(article_id)
        original = extract_facts(text[:MAX_EVIDENCE_CHARS], language, date, config)
        english = None
        if text_en and language != "en":
            english = extract_facts(text_en[:MAX_EVIDENCE_CHARS], "en", date, config)
        return Side(original, english)

    return (
        side(pair.text_a, pair.language_a, pair.text_en_a, pair.article_id_a),
        side(pair.text_b, pair.language_b, pair.text_en_b, pair.article_id_b),
    )


def link_strength(similarity: float, config: LabelConfig) -> float:
    span = config.link_similarity_full - config.link_similarity_floor
    if span <= 0:
        return 1.0
    return min(1.0, max(0.0, (similarity - config.link_similarity_floor) / span))


def weight_of(finding: Finding, config: LabelConfig) -> float:
    """The ``weight_<name>`` of ``config`` that ``finding.weight`` names."""
    return float(getattr(config, f"weight_{finding.weight}"))


def decide(
    findings: list[Finding], similarity: float, config: LabelConfig
) -> tuple[str, float, tuple[Evidence, ...]]:
    """Label, confidence and evidence from the findings of one pair: the one place thresholds apply."""
    weights = {f.weight: weight_of(f, config) for f in findings}
    against = sorted((f for f in findings if f.conflict), key=lambda f: -weights[f.weight] * f.strength)
    support = [f for f in findings if not f.conflict]
    # Rounded like a stored score before the threshold sees it: an NLI or embedding strength carries float noise.
    score = stored_score(1.0 - math.prod(1.0 - weights[f.weight] * f.strength for f in against))
    link = link_strength(similarity, config)
    if score >= config.conflict_threshold:
        label = "conflict"
        confidence = score * (0.8 + 0.2 * link)
        shown = [f for f in against if weights[f.weight] * f.strength > 0] + support[:MAX_SUPPORT_EVIDENCE]
        evidence = tuple(Evidence(f.kind, f.a, f.b, f.note) for f in shown)
    else:
        label = "agree"
        shared = 1.0 - math.prod(1.0 - SUPPORT_WEIGHT * f.strength for f in support)
        confidence = (1.0 - score) * (0.5 + 0.5 * max(link, shared))
        weak = [Evidence(f.kind, f.a, f.b, f"not enough for a conflict: {f.note}") for f in against]
        evidence = tuple(Evidence(f.kind, f.a, f.b, f.note) for f in support) + tuple(weak)
    return label, stored_score(min(1.0, max(0.0, confidence))), evidence


class RuleLabeller:
    """The rules, optionally with the embedding substitution check and an NLI judge."""

    def __init__(
        self, config: LabelConfig, embedder: Embedder | None = None, judge: Judge | None = None
    ) -> None:
        self.config = config
        self.embedder = embedder
        self.judge = judge
        self.signature = label_signature(config, embedder)

    def label(self, pairs: Sequence[PairRecord], articles: Sequence[ArticleRecord]) -> list[PairRecord]:
        published = _published(articles)
        all_sides = [sides(pair, published, self.config) for pair in pairs]
        findings = compare_batch(all_sides, self.config, self.embedder)
        if self.judge is not None:
            for found, more in zip(findings, self.judge.judge(pairs), strict=True):
                found.extend(more)
        labelled = []
        for pair, found in zip(pairs, findings, strict=True):
            label, confidence, evidence = decide(found, pair.similarity, self.config)
            labelled.append(
                replace(
                    pair,
                    label=label,
                    confidence=confidence,
                    evidence=evidence,
                    # The stage names only its own part; the build stamps the whole signature on every pair in one
                    # place (align.build.orchestrate.assemble), so no stage rewrites another's part.
                    signature=self.signature,
                )
            )
        return labelled



def build_labeller(
    config: LabelConfig, embedder: Embedder | None = None, cache_dir: Path | None = None
) -> RuleLabeller:
    """The labeller the config asks for; the NLI model (if any) loads lazily on first use and keeps its
    outputs in the content cache under ``cache_dir`` when given."""
    judge = JUDGES.load(config.backend)
    return RuleLabeller(config, embedder, None if judge is None else judge.for_label(config, cache_dir))


def label(
    pairs: list[PairRecord],
    articles: list[ArticleRecord],
    config: LabelConfig,
    embedder: Embedder | None = None,
    cache_dir: Path | None = None,
) -> list[PairRecord]:
    """``pairs`` with label, confidence and evidence filled; deterministic for the same input and config.

    ``articles`` give publication dates (for "two years ago"); ``embedder`` (optional) enables the
    substitution check ("studied poetry" vs "studied philosophy"); ``cache_dir`` (optional) keeps NLI
    outputs in the content cache.
    """
    return build_labeller(config, embedder, cache_dir).label(pairs, articles)
