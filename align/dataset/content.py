"""A dataset's records and what identifies its version: the rows of the configs, read from and written to
parquet, the card's ``align`` metadata (``Release``), and everything a release's files are written from
(``Publication``).

Rows are plain dicts shaped by the JSON Schemas (labels as names); ``DatasetContent.digest`` hashes the records alone,
so equal content is recognised whatever wrote the files.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from align.dataset.artifacts import CARD, DATA_DIR
from align.dataset.features import ADDED_CONFIGS, CONFIGS, arrow_table
from align.dataset.layout import EMPTY_GROUP, event_groups
from align.dataset.summary import (
    DatasetStats,
    EventSummary,
    event_sha256,
    events_sha256,
    group_metadata,
    read_file_summaries,
    rows_sha256,
    summarise_event,
)
from align.errors import AlignError
from align.records import LABELS, EventRecords
from align.validation import schema_version

# How ``content_sha256`` is computed, named in the card's ``align.content_hash``. ``events-v1``: the hash of the sorted
# (event id, event digest) pairs, each event's digest over its own sorted rows of every config (``summary``), so a
# rebuild hashes the changed events' rows alone. ``rows-v0`` (a card without the field, align <= 0.6.0): one sha256
# over every row of every config, config by config.
CONTENT_HASH = "events-v1"
LEGACY_CONTENT_HASH = "rows-v0"
CONTENT_HASHES = (LEGACY_CONTENT_HASH, CONTENT_HASH)


@dataclass(frozen=True)
class DatasetContent:
    """All rows of the configs, as plain dicts shaped by the schemas (labels as names)."""

    articles: list[dict[str, Any]]
    sentences: list[dict[str, Any]]
    pairs: list[dict[str, Any]]
    claims: list[dict[str, Any]] = field(default_factory=list)

    def rows(self, config_name: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = getattr(self, config_name)  # one field per config of CONFIGS, in its order
        return rows

    def events(self) -> set[str]:
        return {row["event_id"] for name in CONFIGS for row in self.rows(name)}

    def by_event(self, skip: Collection[str] = ()) -> dict[str, DatasetContent]:
        """The rows split by ``event_id``, events in sorted order; events in ``skip`` left out (not touched)."""
        return dict(sorted(self._rows_of_events(skip).items()))

    def sorted_rows(self, config_name: str) -> list[dict[str, Any]]:
        key = CONFIGS[config_name][2]
        return sorted(self.rows(config_name), key=lambda r: (r["event_id"], r[key]))

    def _rows_of_events(self, skip: Collection[str] = ()) -> dict[str, DatasetContent]:
        """Each event's rows, events in ``skip`` left out (their rows are not touched)."""
        rows: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for name in CONFIGS:
            for row in self.rows(name):
                if row["event_id"] not in skip:
                    rows.setdefault(row["event_id"], {n: [] for n in CONFIGS})[name].append(row)
        return {event: DatasetContent(**parts) for event, parts in rows.items()}

    def summaries(self, known: Mapping[str, EventSummary] | None = None) -> dict[str, EventSummary]:
        """Every event's summary (``align.dataset.summary``): those in ``known`` as they are, the others computed
        from their rows (only theirs are touched)."""
        known = known or {}
        computed = {
            event: summarise_event(part.sorted_rows_by_config()) for event, part in self._rows_of_events(known).items()
        }
        return {event: known[event] if event in known else computed[event] for event in sorted(self.events())}

    def event_digests(self, known: Mapping[str, EventSummary] | None = None) -> dict[str, str]:
        """Each event's digest (``summary.event_sha256``): read from the summaries in ``known``, the others computed
        from their rows (only theirs are hashed)."""
        known = known or {}
        computed = {
            event: event_sha256({name: rows_sha256(part.sorted_rows(name)) for name in CONFIGS})
            for event, part in self._rows_of_events(known).items()
        }
        return {
            event: event_sha256(known[event]["digests"]) if event in known else computed[event]
            for event in sorted(self.events())
        }

    def sorted_rows_by_config(self) -> dict[str, list[dict[str, Any]]]:
        return {name: self.sorted_rows(name) for name in CONFIGS}

    @cached_property
    def content_sha256(self) -> str:
        """The hash by the current definition (``CONTENT_HASH``) of every row, computed once: ``align release``
        checks the card with it and then states it."""
        return events_sha256(self.event_digests())

    def digest(self, definition: str = CONTENT_HASH, known: Mapping[str, EventSummary] | None = None) -> str:
        """Hash of the records alone (not of file bytes), so equal content is recognised whatever wrote it; by
        ``definition`` (``CONTENT_HASHES``), the digests of the events in ``known`` read from their summaries."""
        if definition == LEGACY_CONTENT_HASH:
            return rows_sha256(row for name in CONFIGS for row in self.sorted_rows(name))
        if definition != CONTENT_HASH:
            raise AlignError(
                "align.content_hash", f"unknown definition {definition!r}; this align knows {', '.join(CONTENT_HASHES)}"
            )
        return events_sha256(self.event_digests(known)) if known else self.content_sha256


EMPTY_CONTENT = DatasetContent([], [], [], [])

log = logging.getLogger(__name__)


def event_content(records: EventRecords, signature: str) -> DatasetContent:
    """The rows one event publishes in each config: where a config gets its rows from an event's records.

    Every config is published per event (``align.dataset.layout``): a new config is one entry in
    ``features.CONFIGS``, one field of ``DatasetContent`` and one line here; its rows carry ``event_id``.
    """
    return DatasetContent(
        articles=[a.to_dict() for a in records.articles],
        sentences=[s.to_dict() for s in records.sentences],
        pairs=[{**p.to_dict(), "signature": signature} for p in records.pairs],
        claims=[c.to_dict() for c in records.claims],
    )


@dataclass(frozen=True)
class Release:
    """What identifies one published version."""

    version: str
    content_sha256: str
    schema_version: str
    build_signature: str
    content_hash: str = CONTENT_HASH  # the definition of content_sha256 (CONTENT_HASHES)


@dataclass(frozen=True)
class CardInfo:
    """Facts for the dataset card beyond the rows themselves."""

    name: str
    pretty_name: str
    license: str
    citation_title: str
    translation_summary: dict[str, int] = field(default_factory=dict)
    authors: tuple[str, ...] = ("The align developers",)


@dataclass(frozen=True)
class Publication:
    """Everything the files of one dataset version are written from (``align.dataset.artifacts``)."""

    content: DatasetContent
    release: Release
    card: CardInfo
    released: dt.date
    changelog_entry: str
    previous_changelog: str = ""  # the CHANGELOG.md of the version being replaced ("" for the first)
    # Data files (relative path -> the published file) whose rows did not change: linked, not written again.
    unchanged_files: dict[str, Path] = field(default_factory=dict)
    # Events whose rows passed validation when their shard was written and have not changed since: ``write_release``
    # runs only the dataset-wide checks over them.
    validated_events: frozenset[str] = frozenset()
    # Summaries of events whose rows did not change, read from the files kept (``unchanged_files``); the other
    # events' summaries are computed from their rows.
    known_summaries: dict[str, EventSummary] = field(default_factory=dict)
    # The report's per-event fragments (``align.dataset.report.event_fragments``) of events whose rows did not change,
    # kept by the build; the other events' fragments are computed from their rows.
    report_fragments: dict[str, dict[str, Any]] = field(default_factory=dict)

    @cached_property
    def summaries(self) -> dict[str, EventSummary]:
        return self.content.summaries(self.known_summaries)

    @cached_property
    def stats(self) -> DatasetStats:
        """What the card and the labels chart count, added up from the events' summaries."""
        return DatasetStats.of(self.summaries)


def read_release(dataset_dir: Path) -> Release | None:
    """The version published in ``dataset_dir``, or None when there is none yet."""
    metadata = read_card_metadata(dataset_dir)
    if metadata is None:
        return None
    info = metadata.get("align") or {}
    try:
        return Release(
            version=str(info["version"]),
            content_sha256=str(info["content_sha256"]),
            schema_version=str(info["schema_version"]),
            build_signature=str(info["build_signature"]),
            content_hash=str(info.get("content_hash", LEGACY_CONTENT_HASH)),
        )
    except KeyError as exc:
        raise AlignError(dataset_dir / CARD, f"card metadata lacks align.{exc.args[0]}") from None


def read_card_metadata(dataset_dir: Path) -> dict[str, Any] | None:
    card = dataset_dir / CARD
    if not card.is_file():
        return None
    try:
        text = card.read_text("utf-8")
    except UnicodeDecodeError:
        raise AlignError(card, "dataset card is not UTF-8") from None
    if not text.startswith("---\n"):
        raise AlignError(card, "dataset card has no YAML metadata block")
    block = text[4:].split("\n---\n", 1)[0]
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        # PyYAML's own message spans several lines (with a caret under the spot): keep its reason and the line.
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line + 2 if mark is not None else None  # +1 for 1-based, +1 for the opening '---'
        raise AlignError(card, f"card YAML does not parse: {reason}", line=line) from None
    if not isinstance(data, dict):
        raise AlignError(card, "card YAML is not a mapping")
    return data


def _write_parquet(table: pa.Table, path: Path, event_sizes: list[int]) -> None:
    """One row group per event (``event_sizes``: its rows, in the table's order), so that a reader of some events
    skips the others' by their ``event_id`` statistics; no row group at all when there are no rows (``datasets``
    cannot read a file whose only row group is empty)."""
    with pq.ParquetWriter(path, table.schema) as writer:
        start = 0
        for size in event_sizes:
            if size:
                writer.write_table(table.slice(start, size))
                start += size


def write_data_files(publication: Publication, directory: Path) -> None:
    """The records: per config, one parquet file per event group (``align.dataset.layout``), rows sorted by event
    and id. A file listed in ``publication.unchanged_files`` is linked (or copied) from the published dataset instead
    of written again: same rows, same bytes. Each file carries its group's event summaries
    (``align.dataset.summary``) in its metadata."""
    content = publication.content
    summaries = publication.summaries
    rows_of_event: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for name in CONFIGS:
        (directory / DATA_DIR / name).mkdir(parents=True)
        for row in content.sorted_rows(name):
            rows_of_event.setdefault(row["event_id"], {}).setdefault(name, []).append(row)
    for group in event_groups(rows_of_event) or [EMPTY_GROUP]:
        for name in CONFIGS:
            relative = group.path(name)
            if relative in publication.unchanged_files:
                link_or_copy(publication.unchanged_files[relative], directory / relative)
                continue
            parts = [rows_of_event[event].get(name, []) for event in group.events]
            table = arrow_table(name, [row for part in parts for row in part])
            metadata = {**(table.schema.metadata or {}), **group_metadata({e: summaries[e] for e in group.events})}
            _write_parquet(table.replace_schema_metadata(metadata), directory / relative, [len(p) for p in parts])


def link_or_copy(source: Path, target: Path) -> None:
    """``target`` with ``source``'s bytes: a hard link where the file system allows one, else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def data_files(dataset_dir: Path, config_name: str) -> list[Path]:
    """The parquet files of one config, in name order (which is event order)."""
    return sorted((dataset_dir / DATA_DIR / config_name).glob("*.parquet"))


def read_content(dataset_dir: Path, events: Collection[str] | None = None) -> DatasetContent:
    """Rows of a published dataset, labels as names, as they were validated before writing; with ``events``, the
    rows of those events alone (the other events' row groups are skipped, not read)."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for name in CONFIGS:
        paths = data_files(dataset_dir, name)
        if not paths and name in ADDED_CONFIGS and _older_schema(dataset_dir, ADDED_CONFIGS[name]):
            rows[name] = []  # a config this dataset's schema predates
            continue
        if not paths:
            raise AlignError(dataset_dir / DATA_DIR / name, "missing parquet file(s)")
        rows[name] = [row for path in paths for row in read_rows(path, name, events)]
    return DatasetContent(**rows)


def carried_summaries(paths: Collection[Path]) -> dict[str, EventSummary] | None:
    """The summaries the files of one event group carry (one file per config), when all of them carry the same
    valid ones; else None (compute them from the rows)."""
    carried = [read_file_summaries(path) if path.is_file() else None for path in paths]
    if len(carried) != len(CONFIGS) or carried[0] is None or any(c != carried[0] for c in carried):
        return None
    return carried[0]


def kept_summaries(kept_files: Mapping[str, Path]) -> dict[str, EventSummary]:
    """The summaries of the events whose files a build keeps (relative path -> file), read from those files; an
    event group whose files do not all carry the same valid summaries is left out (its rows give them)."""
    groups: dict[str, list[Path]] = {}
    for relative, path in kept_files.items():
        groups.setdefault(Path(relative).name, []).append(path)
    summaries: dict[str, EventSummary] = {}
    for paths in groups.values():
        summaries.update(carried_summaries(paths) or {})
    return summaries


def published_summaries(dataset_dir: Path) -> dict[str, EventSummary]:
    """Every event's summary in a published dataset: the ones its files carry where every config's file of a group
    carries the same valid ones, else computed from that group's rows (a file written before summaries existed, or
    one whose summaries were damaged)."""
    stems = sorted({path.name for name in CONFIGS for path in data_files(dataset_dir, name)})
    summaries: dict[str, EventSummary] = {}
    for stem in stems:
        paths = {name: dataset_dir / DATA_DIR / name / stem for name in CONFIGS}
        carried = carried_summaries(list(paths.values()))
        if carried is not None:
            summaries.update(carried)
            continue
        log.info("%s: event summaries missing or damaged; computed from its rows", stem)
        rows = {name: read_rows(path, name) if path.is_file() else [] for name, path in paths.items()}
        summaries.update(DatasetContent(**rows).summaries())
    return dict(sorted(summaries.items()))


def _older_schema(dataset_dir: Path, version: str) -> bool:
    """True when the dataset's card declares a schema version before ``version`` (a config it cannot have)."""
    release = read_release(dataset_dir)
    if release is None:
        return False
    try:
        return tuple(map(int, release.schema_version.split("."))) < tuple(map(int, version.split(".")))
    except ValueError:
        return False


def read_rows(path: Path, config_name: str, events: Collection[str] | None = None) -> list[dict[str, Any]]:
    """The rows of one parquet file of a config, labels as names; with ``events``, only those events' rows."""
    try:
        if events is None:
            table = pq.read_table(path)
        elif not events:
            return []
        else:
            table = pq.read_table(path, filters=[("event_id", "in", sorted(events))])
    except (pa.ArrowInvalid, OSError) as exc:
        raise AlignError(path, f"unreadable parquet: {exc}") from None
    records = table.to_pylist()
    if config_name == "pairs":
        for r in records:
            if isinstance(r.get("label"), int) and 0 <= r["label"] < len(LABELS):
                r["label"] = LABELS[r["label"]]
    return records


def current_schema_version() -> str:
    return schema_version()
