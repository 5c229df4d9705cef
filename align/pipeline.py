"""The build, top to bottom: corpus -> segment -> translate -> link -> label -> publish.

One event is the unit of work; events are independent until publish assembles them into one dataset.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from align import __version__
from align.cache import default_cache_dir
from align.card import render_card, write_companion_files
from align.citation import CITATION_FILE, update_dataset_reference
from align.config import BuildConfig
from align.corpus import BoilerplateRules, list_events, read_event
from align.diff import compare
from align.embed import MODEL_MAX_TOKENS, TruncatingEmbedder, build_embedder, embedder_signature
from align.errors import AlignError
from align.label import label, label_signature
from align.link import link, link_signature
from align.output import check_output_dir, check_work_dir, recover_interrupted_swap
from align.publish import (
    CardInfo,
    DatasetContent,
    Release,
    changelog_entry,
    checksums_sha256,
    current_schema_version,
    damage_since_publish,
    plan_version,
    publish,
    read_content,
    read_release,
)
from align.records import ArticleRecord, PairRecord, SentenceRecord
from align.rerank import EntailmentModel, build_entailment_model
from align.segment import segment
from align.translate import build_translator, summarise, translate, translation_signature

if TYPE_CHECKING:  # the runner imports this module, so these are imported where used
    from align.runner import ShardRun
    from align.shards import ShardStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EventResult:
    articles: list[ArticleRecord]
    sentences: list[SentenceRecord]
    pairs: list[PairRecord]


@dataclass
class BuildReport:
    """What a build did, for the CLI to print."""

    version: str | None
    unchanged: bool
    signature: str
    counts: dict[str, int] = field(default_factory=dict)
    translation: str = ""
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    events_built: int = 0
    # Events read from shards: unchanged since an earlier build, or built by a distributed run.
    events_reused: int = 0


def with_sentence_counts(
    articles: list[ArticleRecord], sentences: list[SentenceRecord]
) -> list[ArticleRecord]:
    counts: dict[str, int] = {}
    for s in sentences:
        counts[s.article_id] = counts.get(s.article_id, 0) + 1
    return [replace(a, n_sentences=counts.get(a.article_id, 0)) for a in articles]


class StageTimer:
    """Wall time per stage, summed over events; the benchmarks and `align build` report it."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def run(self, stage: str, function: Callable[[], object]) -> object:
        start = time.perf_counter()
        result = function()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start
        return result


class StageModels:
    """The models one process shares across events, built on first use (never at import).

    The translator is per event (its translation memory lives in the event directory); the embedder is shared.
    """

    def __init__(self, config: BuildConfig) -> None:
        self.config = config
        self._embedder: TruncatingEmbedder | None = None
        self._entailment_model: EntailmentModel | None = None

    @property
    def cache_dir(self) -> Path:
        return cache_dir_of(self.config)

    @property
    def embedder(self) -> TruncatingEmbedder:
        if self._embedder is None:
            self._embedder = build_embedder(self.config.embed, self.cache_dir)
        return self._embedder

    @property
    def entailment_model(self) -> EntailmentModel | None:
        """The link stage's NLI re-ranker, or None when ``link.rerank`` is off."""
        if self._entailment_model is None:
            self._entailment_model = build_entailment_model(self.config.link, self.cache_dir)
        return self._entailment_model


def cache_dir_of(config: BuildConfig) -> Path:
    """The model cache: ``translate.cache_dir`` (``--cache-dir``) when set, else the default (``$ALIGN_CACHE_DIR``)."""
    return Path(config.translate.cache_dir).expanduser() if config.translate.cache_dir else default_cache_dir()


def run_event(
    event_dir: Path, config: BuildConfig, timer: StageTimer | None = None, models: StageModels | None = None
) -> EventResult:
    """Every stage before publish, for one event."""
    timer = timer or StageTimer()
    models = models or StageModels(config)
    rules = BoilerplateRules.from_config(config.corpus)
    articles: list[ArticleRecord] = timer.run("corpus", lambda: read_event(event_dir, config.corpus, rules))  # type: ignore[assignment]
    sentences: list[SentenceRecord] = timer.run(  # type: ignore[assignment]
        "segment", lambda: segment(articles, config.corpus, config.segment)
    )
    articles = with_sentence_counts(articles, sentences)
    translator = build_translator(config.translate, event_dir)
    sentences = timer.run("translate", lambda: translate(sentences, translator))  # type: ignore[assignment]
    pairs: list[PairRecord] = timer.run(  # type: ignore[assignment]
        "link", lambda: link(sentences, models.embedder, config.link, models.entailment_model)
    )
    pairs = timer.run(  # type: ignore[assignment]
        "label",
        lambda: label(pairs, articles, config.label, embedder=models.embedder, cache_dir=models.cache_dir),
    )
    warn_truncated(event_dir, sentences, models.embedder.take_truncated() | translator.truncated)
    return EventResult(articles, sentences, pairs)


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


def build_signature(config: BuildConfig) -> str:
    """What shapes the records, printed in the data and the card (sacrebleu-style).

    Derived from the settings and installed models before anything runs, so it can key the event shards; which
    engine actually produced each ``text_en`` is recorded per sentence and summarised in the card.
    """
    parts = [
        f"align:{__version__}",
        "segment:rules-3",
        f"mt:{translation_signature(config.translate)}",
        f"embed:{embedder_signature(config.embed)}",
        f"link:{link_signature(config.link)}",
        label_signature(config.label, embedder=build_embedder(config.embed, None)),
        f"schema:{current_schema_version()}",
    ]
    return "|".join(parts)


def assemble(results: Iterable[EventResult], signature: str) -> DatasetContent:
    articles, sentences, pairs = [], [], []
    for result in results:
        articles += [a.to_dict() for a in result.articles]
        sentences += [s.to_dict() for s in result.sentences]
        pairs += [{**p.to_dict(), "signature": signature} for p in result.pairs]
    return DatasetContent(articles, sentences, pairs)


def shard_dir_for(out_dir: Path, config: BuildConfig) -> Path:
    """Where finished events are kept: ``run.shard_dir`` when set, else a directory under the cache for ``out_dir``."""
    from align.shards import default_shard_dir

    return Path(config.run.shard_dir) if config.run.shard_dir else default_shard_dir(out_dir)


def build(
    corpus_dir: Path,
    out_dir: Path,
    config: BuildConfig,
    bump: str | None = None,
    on_event: Callable[[str], None] | None = None,
) -> BuildReport:
    """Run every event (in ``config.run.workers`` processes), then publish; holds the output's lock throughout.

    Each finished event is kept as a shard, so an interrupted build resumes and an unchanged event is not redone.
    An event with bad input fails the build (AlignError) after the others finished; the published dataset is then
    left untouched.
    """
    # The runner runs this module's run_event in its workers, so it imports this module: import it here, not above.
    from align.runner import build_shards, unchanged_since_publish

    with _output_session(corpus_dir, out_dir, config, cache_dir_of(config)) as session:
        run = build_shards(
            session.events, config, session.store, session.signature, config.run.workers, on_event
        )
        session.timer.seconds.update(run.stage_seconds)
        report = (
            None if bump else unchanged_since_publish(session.store, run, out_dir, session.signature, session.start)
        )
        if report is None:
            report = session.publish(run, bump)
        session.store.prune(keep=[event.name for event in session.events])
    return replace(report, events_built=len(run.built), events_reused=len(run.reused))


def build_from_shards(
    corpus_dir: Path, out_dir: Path, config: BuildConfig, bump: str | None = None
) -> BuildReport:
    """Publish the dataset from the shards a distributed run left (``align assemble``); builds no event itself.

    Every event of the corpus needs a finished shard for its current inputs and config, else AlignError.
    """
    from align.runner import ShardRun, shard_keys

    with _output_session(corpus_dir, out_dir, config) as session:
        report = session.publish(ShardRun(shard_keys(session.events, config, session.signature)), bump)
    return replace(report, events_reused=len(session.events))


@dataclass
class _OutputSession:
    """One locked build of ``out_dir``: its events, shard store, signature and clock."""

    out_dir: Path
    config: BuildConfig
    events: list[Path]
    store: ShardStore
    signature: str
    timer: StageTimer
    start: float

    def publish(self, run: ShardRun, bump: str | None) -> BuildReport:
        """Publish the events' shards and record, in the store, what the output now holds."""
        from align.runner import load_results

        results: list[EventResult] = self.timer.run(  # type: ignore[assignment]
            "shards", lambda: load_results(self.events, run, self.store)
        )
        report = publish_results(results, self.out_dir, self.config, bump, self.signature, self.timer, self.start)
        self.store.record_published(
            self.out_dir,
            run.keys,
            asdict(read_release(self.out_dir)),
            report.counts,
            checksums_sha256(self.out_dir),
        )
        return report


@contextmanager
def _output_session(
    corpus_dir: Path, out_dir: Path, config: BuildConfig, cache_dir: Path | None = None
) -> Iterator[_OutputSession]:
    """Hold ``out_dir``'s build lock while a build or an assembly runs; first refuse an output align must not
    replace, and finish or roll back a swap into ``out_dir`` that a killed build left half done."""
    from align.runner import BuildLock
    from align.shards import ShardStore

    start = time.perf_counter()
    check_output_dir(out_dir, corpus_dir)
    events = list_events(corpus_dir, config.corpus)
    shard_dir = shard_dir_for(out_dir, config)
    check_work_dir(shard_dir, "--shard-dir", corpus_dir)
    if cache_dir is not None:
        check_work_dir(cache_dir, "--cache-dir", corpus_dir)
    signature = build_signature(config)
    store = ShardStore(shard_dir)
    with BuildLock(out_dir):
        recover_interrupted_swap(out_dir)
        yield _OutputSession(out_dir, config, events, store, signature, StageTimer(), start)


def refuse_damaged(out_dir: Path, release: Release) -> None:
    """AlignError when ``out_dir`` no longer holds what align published as ``release`` (files or records changed):
    a build must not call a damaged dataset unchanged."""
    damage = damage_since_publish(out_dir, release)
    if damage:
        raise AlignError(
            out_dir,
            f"holds version {release.version} but was changed since it was published ({len(damage)} problem(s); "
            f"first: {damage[0]}); restore it, or rebuild it with --bump patch",
        )


def _readable_content(out_dir: Path) -> DatasetContent | None:
    """The published records for the CHANGELOG's counts; None (counts from zero) when they cannot be read."""
    try:
        return read_content(out_dir)
    except AlignError as error:
        log.warning("%s; the CHANGELOG entry counts from an empty dataset", error.message)
        return None


def as_published(content: DatasetContent, out_dir: Path, old: Release | None) -> DatasetContent:
    """``content``, or the records ``out_dir`` publishes when the two differ only by float noise in stored scores
    (``align.diff``: within ``records.SCORE_TOLERANCE``), as a build on another CPU does: the published values are
    kept, so the content hash, and the answer to "same records?", do not depend on the machine."""
    if old is None or content.digest() == old.content_sha256:
        return content
    try:
        published = read_content(out_dir)
    except AlignError:
        return content  # unreadable: not the same records; publishing reports it
    if published.digest() != old.content_sha256 or not compare(published, content).same_records:
        return content
    log.info("%s: the records equal the published ones up to float noise in their scores; kept as published", out_dir)
    return published


def publish_results(
    results: list[EventResult],
    out_dir: Path,
    config: BuildConfig,
    bump: str | None,
    signature: str,
    timer: StageTimer,
    start: float,
) -> BuildReport:
    """Assemble the events' records and publish them, unless the output already holds exactly this build."""
    old = read_release(out_dir)
    content = as_published(assemble(results, signature), out_dir, old)
    translation_summary = summarise([s for r in results for s in r.sentences])
    candidate = Release("", content.digest(), current_schema_version(), signature)
    version = plan_version(old, candidate, bump, config.dataset.initial_version, out_dir)
    counts = {name: len(content.rows(name)) for name in ("articles", "sentences", "pairs")}
    if version is None:
        assert old is not None  # plan_version writes nothing only over a published version
        refuse_damaged(out_dir, old)
        log.info(
            "%s already holds this build (version %s); nothing to write", out_dir, old.version if old else "?"
        )
        return BuildReport(
            old.version if old else None,
            True,
            signature,
            counts,
            str(translation_summary),
            time.perf_counter() - start,
            timer.seconds,
        )
    release = replace(candidate, version=version)
    old_content = _readable_content(out_dir) if old else None
    card = CardInfo(
        name=config.dataset.name,
        pretty_name=config.dataset.pretty_name,
        license=config.dataset.license,
        citation_title=config.dataset.citation_title,
        authors=config.dataset.authors,
    )
    timer.run(
        "publish",
        lambda: publish(
            content,
            out_dir,
            release,
            card,
            changelog_entry(old_content, content, release, bump),
            render_card,
            extra_files=partial(write_companion_files, info=card),
        ),
    )
    if update_dataset_reference(out_dir.parent / CITATION_FILE, card.citation_title, version, date.today()):
        log.info("updated the dataset reference in %s to %s", out_dir.parent / CITATION_FILE, version)
    return BuildReport(
        version,
        False,
        signature,
        counts,
        str(translation_summary),
        time.perf_counter() - start,
        timer.seconds,
    )
