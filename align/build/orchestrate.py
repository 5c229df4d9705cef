"""A whole build: every event (``align.build.runner``), then the dataset assembled from their shards and written
(``align.dataset.write``), under the output's lock; ``build_from_shards`` does the second half alone
(``align assemble``, after a distributed run).

Two shortcuts decide "nothing to write" before anything is written: ``unchanged_since_publish`` (the output holds the
release assembled from exactly these shard keys; no record is loaded) and ``plan_version`` (same content hash). A
damaged dataset is never called unchanged.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from align.build.event import StageTimer, build_signature, cache_dir_of
from align.build.runner import (
    ShardRun,
    build_shards,
    event_validation,
    load_results,
    shard_keys,
    validated_events,
)
from align.build.shards import ShardKey, ShardStore, default_shard_dir, keys_sha256
from align.config import BuildConfig
from align.corpus import list_events
from align.dataset.check import damage_since_publish
from align.dataset.checksums import checksum_entries, checksum_failures, checksums_sha256, sha256_file
from align.dataset.content import (
    CONTENT_HASH,
    EMPTY_CONTENT,
    CardInfo,
    DatasetContent,
    Publication,
    Release,
    carried_summaries,
    current_schema_version,
    data_files,
    event_content,
    kept_summaries,
    read_release,
    read_rows,
)
from align.dataset.diff import Counted, changelog_entry, compare
from align.dataset.features import CONFIGS
from align.dataset.guard import check_output_dir, check_work_dir
from align.dataset.layout import EMPTY_GROUP, event_groups
from align.dataset.report import FRAGMENT_VERSION, ReportFragment, event_fragments
from align.dataset.summary import DatasetStats, EventSummary, event_sha256, events_sha256
from align.dataset.versioning import plan_version
from align.dataset.write import locked_output, write_release
from align.errors import AlignError
from align.records import EventRecords
from align.translate import summarise

log = logging.getLogger(__name__)


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


def assemble(results: Iterable[EventRecords], signature: str) -> DatasetContent:
    parts = [event_content(result, signature) for result in results]
    return DatasetContent(*([row for part in parts for row in part.rows(name)] for name in CONFIGS))


def shard_dir_for(out_dir: Path, config: BuildConfig) -> Path:
    """Where finished events are kept: ``run.shard_dir`` when set, else a directory under the cache for ``out_dir``."""
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
    with _output_session(corpus_dir, out_dir, config, cache_dir_of(config)) as session:
        run = build_shards(
            session.events, config, session.store, session.signature, config.run.workers, on_event
        )
        session.timer.seconds.update(run.stage_seconds)
        report = (
            None
            if bump
            else unchanged_since_publish(session.store, run, out_dir, session.signature, session.start)
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
        results: list[EventRecords] = self.timer.run(  # type: ignore[assignment]
            "shards", lambda: load_results(self.events, run, self.store)
        )
        event_ids = [event.name for event in self.events]
        trusted = validated_events(event_ids, run, self.store)
        files = file_keys(run.keys)
        published = self.store.published(self.out_dir)
        reusable = reusable_files(self.out_dir, files, published)
        event_records = {e: (self.store.marker(e) or {}).get("records_sha256") for e in event_ids}
        report = publish_results(
            results,
            self.out_dir,
            self.config,
            bump,
            self.signature,
            self.timer,
            self.start,
            trusted,
            reusable,
            trusted_summaries(self.out_dir, reusable, published, event_records, self.signature),
            self.store,
        )
        if not report.unchanged:  # every event's rows passed validation just now: no need to check them again
            for event_id in sorted(set(event_ids) - trusted):
                self.store.note_validation(event_id, run.keys[event_id], event_validation([]))
        written = {name: digest for _, digest, name in checksum_entries(self.out_dir)[0]}
        self.store.record_published(
            self.out_dir,
            run.keys,
            asdict(read_release(self.out_dir)),
            report.counts,
            checksums_sha256(self.out_dir),
            {path: {"keys_sha256": key, "sha256": written.get(path)} for path, key in files.items()},
            event_records,
        )
        return report


def file_keys(keys: dict[str, ShardKey]) -> dict[str, str]:
    """Each data file of the layout (``align.dataset.layout``) -> one hash of the shard keys of its events."""
    return {
        group.path(name): keys_sha256({event_id: keys[event_id] for event_id in group.events})
        for group in event_groups(keys) or [EMPTY_GROUP]
        for name in CONFIGS
    }


def reusable_files(out_dir: Path, files: dict[str, str], published: dict[str, Any] | None) -> dict[str, Path]:
    """The published data files that hold exactly the rows this build would write into them: written from shards
    with the same keys, and still with the bytes they were written with (a damaged file is written again, even when
    SHA256SUMS was edited to match it)."""
    if published is None:
        return {}
    release = read_release(out_dir)
    if release is None or asdict(release) != published.get("release"):
        return {}
    before = published.get("files") or {}
    reusable = {}
    for path, key in files.items():
        noted = before.get(path) or {}
        if noted.get("keys_sha256") == key and (out_dir / path).is_file():
            if sha256_file(out_dir / path) == noted.get("sha256"):
                reusable[path] = out_dir / path
    return reusable


def trusted_summaries(
    out_dir: Path,
    reusable: dict[str, Path],
    published: dict[str, Any] | None,
    event_records: dict[str, str | None],
    signature: str,
) -> dict[str, EventSummary]:
    """The summaries a build need not compute: those the kept files carry (``reusable``), and, from the other data
    files that still have the bytes they were published with, those of the events whose shard records are the ones
    published (same ``records_sha256``, same build signature): their rows are the same, so are their summaries."""
    summaries = kept_summaries(reusable)
    release = read_release(out_dir)
    if published is None or release is None or asdict(release) != published.get("release"):
        return summaries
    if release.build_signature != signature:
        return summaries
    before = published.get("event_records") or {}
    same = {e for e, digest in event_records.items() if digest and before.get(e) == digest} - set(summaries)
    groups: dict[str, list[Path]] = {}
    for path, noted in (published.get("files") or {}).items():
        file = out_dir / path
        if same and path not in reusable and file.is_file() and sha256_file(file) == noted.get("sha256"):
            groups.setdefault(Path(path).name, []).append(file)
    for paths in groups.values():
        carried = carried_summaries(paths) or {}
        summaries.update({event: summary for event, summary in carried.items() if event in same})
    return summaries


@contextmanager
def _output_session(
    corpus_dir: Path, out_dir: Path, config: BuildConfig, cache_dir: Path | None = None
) -> Iterator[_OutputSession]:
    """Hold ``out_dir``'s build lock while a build or an assembly runs; first refuse an output align must not
    replace, and finish or roll back a swap into ``out_dir`` that a killed build left half done."""
    start = time.perf_counter()
    check_output_dir(out_dir, corpus_dir)
    events = list_events(corpus_dir, config.corpus)
    shard_dir = shard_dir_for(out_dir, config)
    check_work_dir(shard_dir, "--shard-dir", corpus_dir)
    if cache_dir is not None:
        check_work_dir(cache_dir, "--cache-dir", corpus_dir)
    signature = build_signature(config)
    store = ShardStore(shard_dir)
    with locked_output(out_dir):
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


@dataclass(frozen=True)
class _Changed:
    """Two versions' rows split by the data files a build keeps: ``kept`` (in both, byte for byte), ``old`` and
    ``new`` (the published rows and the build's rows outside them: all that can differ)."""

    kept: DatasetContent
    old: DatasetContent
    new: DatasetContent


def _split_by_kept_files(out_dir: Path, content: DatasetContent, reusable: dict[str, Path]) -> _Changed:
    """``content`` and the published rows split by the files this build keeps (``reusable``), so that the
    comparisons with the published version read and compare only the changed event groups. The published rows are
    empty (counts from zero) when they cannot be read."""
    groups = event_groups(content.events())
    kept_events = {
        name: {event for group in groups if group.path(name) in reusable for event in group.events} for name in CONFIGS
    }
    kept = DatasetContent(*([r for r in content.rows(n) if r["event_id"] in kept_events[n]] for n in CONFIGS))
    new = DatasetContent(*([r for r in content.rows(n) if r["event_id"] not in kept_events[n]] for n in CONFIGS))
    try:
        old = DatasetContent(
            *(
                [
                    row
                    for path in data_files(out_dir, name)
                    if path.relative_to(out_dir).as_posix() not in reusable
                    for row in read_rows(path, name)
                ]
                for name in CONFIGS
            )
        )
    except AlignError as error:
        log.warning("%s; the CHANGELOG entry counts from an empty dataset", error.message)
        return _Changed(EMPTY_CONTENT, EMPTY_CONTENT, content)
    return _Changed(kept, old, new)


def as_published(content: DatasetContent, changed: _Changed, old: Release | None, same: bool) -> DatasetContent:
    """``content``, or the records ``out_dir`` publishes when the two differ only by float noise in stored scores
    (``align.dataset.diff``: within ``records.SCORE_TOLERANCE``), as a build on another CPU does: the published values are
    kept, so the content hash, and the answer to "same records?", do not depend on the machine. Only the rows
    outside the kept files are compared (``changed``): the kept ones are the published bytes. ``same``: ``content``
    hashes to ``old``'s content hash already."""
    if old is None or same:
        return content
    if not changed.old.events() or not compare(changed.old, changed.new).same_records:
        return content
    published = DatasetContent(*(changed.kept.rows(name) + changed.old.rows(name) for name in CONFIGS))
    if published.digest(old.content_hash) != old.content_sha256:
        return content
    log.info(
        "%s: the records equal the published ones up to float noise in their scores; kept as published",
        old.version,
    )
    return published


def summaries_sha256(summaries: dict[str, EventSummary]) -> str:
    """The content hash (``content.CONTENT_HASH``) of the records these are the events' summaries of."""
    return events_sha256({event: event_sha256(summary["digests"]) for event, summary in summaries.items()})


def restated(old: Release, content: DatasetContent, content_sha256: str) -> Release:
    """``old`` as the current definition of the content hash states it, when its card uses an older one
    (``content.LEGACY_CONTENT_HASH``) and ``content`` hashes to it by that one: the records are the same, so no new
    version is due for them; the card keeps its hash until the next version is published."""
    if old.content_hash == CONTENT_HASH or content.digest(old.content_hash) != old.content_sha256:
        return old
    log.info(
        "%s: the card's content_sha256 is of the older definition %s (the records match it); the next version "
        "states it as %s",
        old.version,
        old.content_hash,
        CONTENT_HASH,
    )
    return replace(old, content_sha256=content_sha256, content_hash=CONTENT_HASH)


def publish_results(
    results: list[EventRecords],
    out_dir: Path,
    config: BuildConfig,
    bump: str | None,
    signature: str,
    timer: StageTimer,
    start: float,
    validated: frozenset[str] = frozenset(),
    reusable: dict[str, Path] | None = None,
    known_summaries: dict[str, EventSummary] | None = None,
    store: ShardStore | None = None,
) -> BuildReport:
    """Assemble the events' records and publish them, unless the output already holds exactly this build.

    ``validated``: events whose rows passed validation when their shard was written (``runner.validated_events``);
    ``reusable``: published data files whose rows are unchanged (``reusable_files``), linked instead of rewritten;
    ``known_summaries``: summaries of events whose rows are the published ones (``trusted_summaries``): the content
    hash and the card read them, and only the other events' rows are hashed; ``store``: where the events' report
    fragments are kept (``ShardStore.report_fragment``), so that only the changed events' are computed.
    """
    old = read_release(out_dir)
    content = assemble(results, signature)
    changed = (
        _split_by_kept_files(out_dir, content, reusable or {})
        if old
        else _Changed(EMPTY_CONTENT, EMPTY_CONTENT, content)
    )
    known = known_summaries or kept_summaries(reusable or {})
    summaries = content.summaries(known)
    content_sha256 = summaries_sha256(summaries)
    same = old is not None and (
        content_sha256 if old.content_hash == CONTENT_HASH else content.digest(old.content_hash)
    ) == old.content_sha256
    published = as_published(content, changed, old, same)
    if published is not content:
        content, changed = published, _Changed(published, EMPTY_CONTENT, EMPTY_CONTENT)
        summaries = content.summaries(known)
        content_sha256 = summaries_sha256(summaries)
    translation_summary = summarise([s for r in results for s in r.sentences])
    candidate = Release("", content_sha256, current_schema_version(), signature)
    compared = restated(old, content, content_sha256) if old is not None else None
    version = plan_version(compared, candidate, bump, config.dataset.initial_version, out_dir)
    counts = {name: len(content.rows(name)) for name in CONFIGS}
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
    today = date.today()
    # Counts from the events' summaries: those of the kept files as they carry them, the others from their rows.
    counted = Counted(DatasetStats.of(summaries).rows, changed.new.articles)
    entry = changelog_entry(compare(changed.old, changed.new, old, release), counted, release, today)
    card = CardInfo(
        name=config.dataset.name,
        pretty_name=config.dataset.pretty_name,
        license=config.dataset.license,
        citation_title=config.dataset.citation_title,
        authors=config.dataset.authors,
    )
    publication = Publication(
        content,
        release,
        card,
        today,
        entry,
        unchanged_files=reusable or {},
        validated_events=validated,
        known_summaries=summaries,
        report_fragments=_report_fragments(content, summaries, store),
    )
    timer.run("publish", lambda: write_release(publication, out_dir))
    return BuildReport(
        version,
        False,
        signature,
        counts,
        str(translation_summary),
        time.perf_counter() - start,
        timer.seconds,
    )


def _report_fragments(
    content: DatasetContent, summaries: dict[str, EventSummary], store: ShardStore | None
) -> dict[str, ReportFragment]:
    """Every event's part of ``report.html``: kept in ``store`` beside its shard, under the event's digest, and
    computed (and kept) only for the events whose rows changed."""
    digests = {event: event_sha256(summary["digests"]) for event, summary in summaries.items()}
    known = {}
    for event, digest in digests.items():
        fragment = store.report_fragment(event, digest) if store is not None else None
        if fragment is not None and fragment.get("version") == FRAGMENT_VERSION:
            known[event] = fragment
    fragments = event_fragments(content, known)
    if store is not None:
        for event in sorted(set(fragments) - set(known)):
            store.save_report_fragment(event, digests[event], fragments[event])
    return fragments


def unchanged_since_publish(
    store: ShardStore, run: ShardRun, out_dir: Path, signature: str, start: float
) -> BuildReport | None:
    """The report of a build that has nothing to write, decided without loading a single record.

    True when ``out_dir`` still holds the release that was assembled from shards with exactly these keys (same inputs,
    settings, align version and signature for every event): assembling them again would give the same content hash,
    and ``plan_version`` would write nothing. The files are checked against SHA256SUMS first, and the records against
    the card's content hash unless SHA256SUMS is byte for byte the one this store saw published (then the records are
    those that were hashed): a damaged dataset is never called unchanged. None when that cannot be shown; the caller
    then assembles as usual (and refuses a damaged dataset).
    """
    published = store.published(out_dir, run.keys)
    current = read_release(out_dir)
    if published is None or current is None or asdict(current) != published["release"]:
        return None
    if current.build_signature != signature or current.schema_version != current_schema_version():
        return None
    if checksum_failures(out_dir):
        return None
    sums_as_published = published.get("checksums_sha256") == checksums_sha256(out_dir)
    if not sums_as_published and damage_since_publish(out_dir, current):
        return None
    log.info("%s already holds this build (version %s); nothing to write", out_dir, current.version)
    seconds = time.perf_counter() - start
    return BuildReport(
        current.version,
        True,
        signature,
        counts=published["counts"],
        seconds=seconds,
        stage_seconds=dict(run.stage_seconds),
    )
