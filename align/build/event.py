"""One event, top to bottom: corpus -> segment -> translate -> link -> label -> claims.

``STAGES`` is the chain, in order. Each ``Stage`` names itself (the timer's key), says what it adds to the build
signature, and runs on one event with the models its process keeps. ``run_event``, ``StageTimer`` and
``BuildSignature`` all walk that one tuple, so a new stage is one function and one line in it.

One event is the unit of work; events are independent until the dataset is assembled from them
(``align.build.orchestrate``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

import numpy as np

from align import __version__, tables
from align.cache import default_cache_dir
from align.claims import claims, claims_signature
from align.config import BuildConfig
from align.corpus import BoilerplateRules, corpus_repetition, read_event
from align.dataset.content import current_schema_version
from align.embed import MODEL_MAX_TOKENS, TruncatingEmbedder, build_embedder, embedder_signature
from align.furniture import RepetitionIndex
from align.label import label, label_signature
from align.link import link, link_signature
from align.link.rerank import EntailmentModel, build_entailment_model
from align.records import ArticleRecord, EventRecords, SentenceRecord
from align.segment import RULES_VERSION as SEGMENT_RULES
from align.segment import segment
from align.translate import TranslatorChain, build_translator, translate, translation_signature

log = logging.getLogger(__name__)

T = TypeVar("T")


def cache_dir_of(config: BuildConfig) -> Path:
    """The model cache: ``translate.cache_dir`` (``--cache-dir``) when set, else the default (``$ALIGN_CACHE_DIR``)."""
    return Path(config.translate.cache_dir).expanduser() if config.translate.cache_dir else default_cache_dir()


class EventVectors:
    """The embedder as the stages of one event see it: each distinct text is embedded (or read from the content
    cache) once per event, so the label stage gets the sentence vectors the link stage computed from memory, not
    from a second cache lookup. Forgotten when the event ends (``take_truncated``)."""

    def __init__(self, inner: TruncatingEmbedder) -> None:
        self.inner = inner
        self.signature = inner.signature
        self.vectors: dict[str, np.ndarray] = {}

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return self.inner.embed(texts)
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, self.inner.embed(missing), strict=True))
        return np.stack([self.vectors[t] for t in texts])

    def take_truncated(self) -> set[str]:
        self.vectors = {}
        return self.inner.take_truncated()


class StageModels:
    """The models one process shares across events, built on first use (never at import).

    The translator is per event (its translation memory lives in the event directory); the embedder is shared,
    behind ``EventVectors``.
    """

    def __init__(self, config: BuildConfig) -> None:
        self.config = config
        tables.use_directory(cache_dir_of(config))  # compiled word tables beside the model cache (--cache-dir)
        self._embedder: EventVectors | None = None
        self._entailment_model: EntailmentModel | None = None
        self._translator: TranslatorChain | None = None
        self._repetition: dict[Path, RepetitionIndex] = {}

    @property
    def cache_dir(self) -> Path:
        return cache_dir_of(self.config)

    @property
    def embedder(self) -> EventVectors:
        if self._embedder is None:
            self._embedder = EventVectors(build_embedder(self.config.embed, self.cache_dir))
        return self._embedder

    @property
    def entailment_model(self) -> EntailmentModel | None:
        """The link stage's NLI re-ranker, or None when ``link.rerank`` is off."""
        if self._entailment_model is None:
            self._entailment_model = build_entailment_model(self.config.link, self.cache_dir)
        return self._entailment_model

    def repetition(self, corpus_dir: Path) -> RepetitionIndex:
        """Where each line of the corpus occurs (page furniture's evidence), read once per process and build: the
        corpus does not change during a build, and reading it for every event was quadratic in events."""
        if corpus_dir not in self._repetition:
            corpus = self.config.corpus
            self._repetition[corpus_dir] = corpus_repetition(corpus_dir, corpus, BoilerplateRules.from_config(corpus))
        return self._repetition[corpus_dir]

    def translator(self, event_dir: Path) -> TranslatorChain:
        """The translator chain of one event (its memory is the event's own)."""
        self._translator = build_translator(self.config.translate, event_dir)
        return self._translator

    def take_truncated(self) -> set[str]:
        """Texts the models read only the beginning of since the last call (for one warning per event)."""
        texts = self.embedder.take_truncated()
        if self._translator is not None:
            texts |= self._translator.truncated
            self._translator = None
        return texts


@dataclass(frozen=True)
class Event:
    """One event on its way through the stages: where its files are, the config, and the records made so far."""

    directory: Path
    config: BuildConfig
    records: EventRecords = field(default_factory=EventRecords)


@dataclass(frozen=True)
class Stage:
    """One step of the chain: its name, its part of the build signature, and what it does to one event."""

    name: str
    signature: Callable[[BuildConfig], dict[str, str]]  # ordered {part: value}; empty when it adds none
    run: Callable[[Event, StageModels], EventRecords]


def with_sentence_counts(
    articles: list[ArticleRecord], sentences: list[SentenceRecord]
) -> list[ArticleRecord]:
    counts: dict[str, int] = {}
    for s in sentences:
        counts[s.article_id] = counts.get(s.article_id, 0) + 1
    return [replace(a, n_sentences=counts.get(a.article_id, 0)) for a in articles]


def _read_corpus(event: Event, models: StageModels) -> EventRecords:
    corpus = event.config.corpus
    rules = BoilerplateRules.from_config(corpus)
    return EventRecords(read_event(event.directory, corpus, rules, models.repetition(event.directory.parent)))


def _segment(event: Event, models: StageModels) -> EventRecords:
    articles = event.records.articles
    sentences = segment(articles, event.config.corpus, event.config.segment)
    return EventRecords(with_sentence_counts(articles, sentences), sentences)


def _translate(event: Event, models: StageModels) -> EventRecords:
    sentences = translate(event.records.sentences, models.translator(event.directory))
    return replace(event.records, sentences=sentences)


def _link(event: Event, models: StageModels) -> EventRecords:
    pairs = link(event.records.sentences, models.embedder, event.config.link, models.entailment_model)
    return replace(event.records, pairs=pairs)


def _label(event: Event, models: StageModels) -> EventRecords:
    records = event.records
    pairs = label(
        records.pairs, records.articles, event.config.label, embedder=models.embedder, cache_dir=models.cache_dir
    )
    return replace(records, pairs=pairs)


def _label_signature(config: BuildConfig) -> dict[str, str]:
    # The build always hands the label stage its embedder, so the substitution check runs ("+subst").
    signature = label_signature(config.label, embedder=build_embedder(config.embed, None))
    return {"label": signature.removeprefix("label:")}


def _claims(event: Event, models: StageModels) -> EventRecords:
    records = event.records
    return replace(records, claims=claims(records.sentences, records.pairs, records.articles, event.config.claims))


STAGES: tuple[Stage, ...] = (
    Stage("corpus", lambda config: {}, _read_corpus),
    Stage("segment", lambda config: {"segment": SEGMENT_RULES}, _segment),
    Stage("translate", lambda config: {"mt": translation_signature(config.translate)}, _translate),
    Stage(
        "link",
        lambda config: {"embed": embedder_signature(config.embed), "link": link_signature(config.link)},
        _link,
    ),
    Stage("label", _label_signature, _label),
    Stage("claims", lambda config: {"claims": claims_signature(config.claims)}, _claims),
)


class StageTimer:
    """Wall time per stage, summed over events; the benchmarks and `align build` report it."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def run(self, stage: str, function: Callable[[], T]) -> T:
        start = time.perf_counter()
        result = function()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start
        return result


def run_event(
    event_dir: Path, config: BuildConfig, timer: StageTimer | None = None, models: StageModels | None = None
) -> EventRecords:
    """Every stage of ``STAGES``, in order, for one event."""
    timer = timer or StageTimer()
    models = models or StageModels(config)
    event = Event(event_dir, config)
    for stage in STAGES:
        event = replace(event, records=timer.run(stage.name, partial(stage.run, event, models)))
    warn_truncated(event_dir, event.records.sentences, models.take_truncated())
    return event.records


def warn_truncated(event_dir: Path, sentences: list[SentenceRecord], truncated: set[str]) -> None:
    """One warning per event: how many sentences the models read only the beginning of (their records keep the
    whole text; the evidence rules read the first ``label.MAX_EVIDENCE_CHARS`` characters)."""
    count = sum(1 for s in sentences if s.text in truncated or (s.text_en is not None and s.text_en in truncated))
    if count:
        log.warning(
            "%s: %d sentence(s) longer than the models read (%d tokens) were embedded and translated from their "
            "beginning only; the dataset keeps their whole text",
            event_dir,
            count,
            MODEL_MAX_TOKENS,
        )


@dataclass(frozen=True)
class BuildSignature:
    """What shapes the records, printed in the data and the card (sacrebleu-style): ``part:value`` joined by ``|``.

    The parts, in order: align's version, each stage's own parts (``Stage.signature``), the schema version.
    """

    parts: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, config: BuildConfig) -> BuildSignature:
        parts = {"align": __version__}
        for stage in STAGES:
            parts.update(stage.signature(config))
        parts["schema"] = current_schema_version()
        return cls(tuple(parts.items()))

    def __str__(self) -> str:
        return "|".join(f"{name}:{value}" for name, value in self.parts)


def build_signature(config: BuildConfig) -> str:
    """The build signature as printed (``BuildSignature``).

    Derived from the settings and installed models before anything runs, so it can key the event shards; which
    engine actually produced each ``text_en`` is recorded per sentence and summarised in the card.
    """
    return str(BuildSignature.of(config))
