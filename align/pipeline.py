"""The build, top to bottom: corpus -> segment -> translate -> link -> label -> publish.

One event is the unit of work; events are independent until publish assembles them into one dataset.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from align import __version__
from align.card import render_card
from align.config import BuildConfig
from align.corpus import BoilerplateRules, list_events, read_event
from align.publish import (
    CardInfo,
    DatasetContent,
    Release,
    changelog_entry,
    current_schema_version,
    plan_version,
    publish,
    read_content,
    read_release,
)
from align.records import ArticleRecord, PairRecord, SentenceRecord
from align.report import write_browsable_files
from align.segment import segment
from align.translate import build_translator, summarise, translate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EventResult:
    articles: list[ArticleRecord]
    sentences: list[SentenceRecord]
    pairs: list[PairRecord]
    # Stage name -> the engines/models that shaped this event's records, e.g. {"mt": "identity+memory"}.
    signatures: dict[str, str] = field(default_factory=dict)


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


def run_event(event_dir: Path, config: BuildConfig, timer: StageTimer | None = None) -> EventResult:
    """Every stage before publish, for one event."""
    timer = timer or StageTimer()
    rules = BoilerplateRules.from_config(config.corpus)
    articles: list[ArticleRecord] = timer.run("corpus", lambda: read_event(event_dir, config.corpus, rules))  # type: ignore[assignment]
    sentences: list[SentenceRecord] = timer.run(  # type: ignore[assignment]
        "segment", lambda: segment(articles, config.corpus, config.segment)
    )
    articles = with_sentence_counts(articles, sentences)
    translator = build_translator(config.translate, event_dir)
    sentences = timer.run("translate", lambda: translate(sentences, translator))  # type: ignore[assignment]
    pairs: list[PairRecord] = []
    signatures = {"mt": translator.signature.removeprefix("mt:")}
    return EventResult(articles, sentences, pairs, signatures)


def _merged(parts: Iterable[str]) -> str:
    """Union of '+'-joined engine lists from several events, in a stable order."""
    names = sorted({name for part in parts for name in part.split("+") if name and name != "none"})
    return "+".join(names) or "none"


def build_signature(results: list[EventResult]) -> str:
    """What shaped the records, printed in the data and the card (sacrebleu-style)."""
    stages = sorted({stage for r in results for stage in r.signatures}, key=SIGNATURE_ORDER.index)
    parts = [f"align:{__version__}", "segment:rules-1"]
    parts += [f"{stage}:{_merged(r.signatures.get(stage, '') for r in results)}" for stage in stages]
    parts.append(f"schema:{current_schema_version()}")
    return "|".join(parts)


SIGNATURE_ORDER = ("mt", "embed", "link", "label")


def assemble(results: Iterable[EventResult], signature: str) -> DatasetContent:
    articles, sentences, pairs = [], [], []
    for result in results:
        articles += [a.to_dict() for a in result.articles]
        sentences += [s.to_dict() for s in result.sentences]
        pairs += [{**p.to_dict(), "signature": signature} for p in result.pairs]
    return DatasetContent(articles, sentences, pairs)


def build(
    corpus_dir: Path,
    out_dir: Path,
    config: BuildConfig,
    bump: str | None = None,
    on_event: Callable[[str], None] | None = None,
) -> BuildReport:
    """Run the whole chain and publish; raises AlignError on bad input before anything is written."""
    start = time.perf_counter()
    timer = StageTimer()
    results = []
    for event_dir in list_events(corpus_dir):
        results.append(run_event(event_dir, config, timer))
        if on_event:
            on_event(event_dir.name)
    signature = build_signature(results)
    content = assemble(results, signature)
    translation_summary = summarise([s for r in results for s in r.sentences])
    candidate = Release("", content.digest(), current_schema_version(), signature)
    old = read_release(out_dir)
    version = plan_version(old, candidate, bump, config.dataset.initial_version, out_dir)
    counts = {name: len(content.rows(name)) for name in ("articles", "sentences", "pairs")}
    if version is None:
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
    old_content = read_content(out_dir) if old else None
    card = CardInfo(
        name=config.dataset.name,
        pretty_name=config.dataset.pretty_name,
        license=config.dataset.license,
        citation_title=config.dataset.citation_title,
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
            extra_files=partial(write_browsable_files, title=card.pretty_name),
        ),
    )
    return BuildReport(
        version, False, signature, counts, str(translation_summary), time.perf_counter() - start, timer.seconds
    )
