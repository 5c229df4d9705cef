"""Per-event shards: the records of one finished event on disk, so that a build resumes where it stopped, skips
events whose inputs did not change, and can be assembled from the work of many processes or machines.

Layout of a shard directory, one sub-directory per event::

    <shard_dir>/<event_id>/records.jsonl   the event's records, one {"kind": ..., "record": {...}} per line
    <shard_dir>/<event_id>/DONE.json       completion marker, written last: key, its parts, records sha256, counts,
                                           and the validation of the event's published rows

A shard counts only when its marker names the key expected for the current inputs and config *and* the records file
still hashes to the sha256 the marker recorded. Both files are written under a temporary name and renamed into
place, marker last, so a build killed at any instant (Ctrl-C, ``kill -9``, a lost node) leaves either a complete
shard or none that counts; the next build redoes exactly the events without one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import socket
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from align import __version__
from align.cache import default_cache_dir, write_atomically
from align.config import BuildConfig
from align.corpus import cross_event_evidence_sha256
from align.furniture import RepetitionIndex
from align.records import EventRecords

log = logging.getLogger(__name__)

RECORDS = "records.jsonl"
MARKER = "DONE.json"
REPORT_FRAGMENT = "report.json"  # the event's part of report.html (align.dataset.report), keyed by the event's digest
# Temporary files older than this are leftovers of a killed writer, not files being written right now.
STALE_TEMP_SECONDS = 3600


def event_inputs_sha256(event_dir: Path) -> str:
    """Hash of every file under an event directory (names and bytes): articles, manifest, translation memories.

    Conservative on purpose: any file the stages might read counts as input, so no change goes unnoticed.
    """
    digest = hashlib.sha256()
    for path in sorted(p for p in event_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(event_dir).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class ShardKey:
    """What an event's shard was built from; a shard is reused only under an equal key."""

    inputs_sha256: str
    config_sha256: str
    align_version: str
    signature: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(json.dumps(asdict(self), sort_keys=True).encode("utf-8")).hexdigest()


def event_config_sha256(config: BuildConfig) -> str:
    """Hash of the settings that shape an event's records (``BuildConfig.record_settings``: no runtime setting)."""
    return hashlib.sha256(json.dumps(config.record_settings(), sort_keys=True).encode("utf-8")).hexdigest()


def shard_key(
    event_dir: Path,
    config: BuildConfig,
    signature: str,
    config_sha256: str | None = None,
    repetition: RepetitionIndex | None = None,
) -> ShardKey:
    """The key of one event's shard: its input files, the config sections that affect it, align's version and the
    build signature (which names the model versions once the model stages print them).

    ``config_sha256`` (``event_config_sha256(config)``) saves hashing the config once per event, and
    ``repetition`` (``corpus_repetition`` of the corpus) reading every event's pages once per event.
    """
    config_sha256 = config_sha256 or event_config_sha256(config)
    inputs = event_inputs_sha256(event_dir)
    # Page furniture is judged against the other events too (a line the same source printed about another event).
    outside = cross_event_evidence_sha256(event_dir, config.corpus, repetition)
    if outside:
        inputs = hashlib.sha256(f"{inputs}\n{outside}".encode()).hexdigest()
    return ShardKey(inputs, config_sha256, __version__, signature)


def keys_sha256(keys: dict[str, ShardKey]) -> str:
    """One hash for a whole build's shard keys: equal exactly when every event's key is equal."""
    listing = "\n".join(f"{event_id}\t{keys[event_id].digest}" for event_id in sorted(keys))
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()


def _out_tag(out_dir: Path) -> str:
    return hashlib.sha256(str(out_dir.resolve()).encode("utf-8")).hexdigest()[:12]


def default_shard_dir(out_dir: Path) -> Path:
    """``<cache>/shards/<out name>-<hash of its absolute path>``: one shard set per output directory."""
    return default_cache_dir() / "shards" / f"{out_dir.name}-{_out_tag(out_dir)}"


class ShardStore:
    """Finished events under one directory; safe for many writers as long as each event has one writer at a time."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _event_dir(self, event_id: str) -> Path:
        return self.directory / event_id

    def write(
        self,
        event_id: str,
        key: ShardKey,
        result: EventRecords,
        stage_seconds: dict[str, float],
        validation: dict[str, Any] | None = None,
    ) -> None:
        """Store one event's records, then its completion marker (with ``validation``: the schema version its
        published rows were checked against and the failures found, so that publishing need not check them again)."""
        folder = self._event_dir(event_id)
        folder.mkdir(parents=True, exist_ok=True)
        # Drop the old marker first: until the new one lands, this event has no finished shard.
        (folder / MARKER).unlink(missing_ok=True)
        lines = [json.dumps(row, ensure_ascii=False, sort_keys=True) for row in result.to_rows()]
        records = ("\n".join(lines) + "\n").encode("utf-8")
        write_atomically(folder / RECORDS, records)
        marker = {
            "event_id": event_id,
            "key": key.digest,
            **asdict(key),
            "records_sha256": hashlib.sha256(records).hexdigest(),
            "counts": {
                "articles": len(result.articles),
                "sentences": len(result.sentences),
                "pairs": len(result.pairs),
                "claims": len(result.claims),
            },
            "stage_seconds": stage_seconds,
            "validation": validation,
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "written": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        write_atomically(folder / MARKER, json.dumps(marker, indent=2, sort_keys=True).encode("utf-8"))

    def marker(self, event_id: str) -> dict[str, Any] | None:
        path = self._event_dir(event_id) / MARKER
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("%s: unreadable shard marker (%s); the event will be rebuilt", path, exc)
            return None
        return data if isinstance(data, dict) else None

    def has(self, event_id: str, key: ShardKey) -> bool:
        """Whether a finished, intact shard with this key exists."""
        return self._records(event_id, key) is not None

    def read(self, event_id: str, key: ShardKey) -> EventRecords | None:
        """The event's records when a finished, intact shard with this key exists, else None."""
        records = self._records(event_id, key)
        if records is None:
            return None
        return EventRecords.from_rows(json.loads(line) for line in records.decode("utf-8").splitlines() if line)

    def _records(self, event_id: str, key: ShardKey) -> bytes | None:
        marker = self.marker(event_id)
        if marker is None or marker.get("key") != key.digest:
            return None
        path = self._event_dir(event_id) / RECORDS
        try:
            records = path.read_bytes()
        except OSError:
            return None
        if hashlib.sha256(records).hexdigest() != marker.get("records_sha256"):
            log.warning("%s: records differ from their completion marker; the event will be rebuilt", path)
            return None
        return records

    def note_validation(self, event_id: str, key: ShardKey, validation: dict[str, Any]) -> None:
        """Record in the shard's marker that its rows were validated (by a publish, for a shard written before
        shards carried their validation); nothing when the shard is not the one with this key."""
        marker = self.marker(event_id)
        if marker is None or marker.get("key") != key.digest:
            return
        marker["validation"] = validation
        write_atomically(
            self._event_dir(event_id) / MARKER, json.dumps(marker, indent=2, sort_keys=True).encode("utf-8")
        )

    def validation(self, event_id: str, key: ShardKey) -> dict[str, Any] | None:
        """What the shard's writer found when it validated the event's rows (None when it did not, or the shard is
        not the one with this key)."""
        marker = self.marker(event_id) or {}
        found = marker.get("validation")
        return found if marker.get("key") == key.digest and isinstance(found, dict) else None

    def report_fragment(self, event_id: str, event_digest: str) -> dict[str, Any] | None:
        """The event's report fragment kept by the last publish, when it was made from rows with this digest."""
        try:
            kept = json.loads((self._event_dir(event_id) / REPORT_FRAGMENT).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(kept, dict) or kept.get("event_digest") != event_digest:
            return None
        fragment = kept.get("fragment")
        return fragment if isinstance(fragment, dict) else None

    def save_report_fragment(self, event_id: str, event_digest: str, fragment: dict[str, Any]) -> None:
        """Keep the event's report fragment beside its shard (nothing when the event has no shard directory)."""
        folder = self._event_dir(event_id)
        if folder.is_dir():
            text = json.dumps({"event_digest": event_digest, "fragment": fragment}, ensure_ascii=False)
            write_atomically(folder / REPORT_FRAGMENT, text.encode("utf-8"))

    def stage_seconds(self, event_id: str) -> dict[str, float]:
        marker = self.marker(event_id) or {}
        return dict(marker.get("stage_seconds") or {})

    def _published_path(self, out_dir: Path) -> Path:
        return self.directory / f"PUBLISHED-{_out_tag(out_dir)}.json"

    def record_published(
        self,
        out_dir: Path,
        keys: dict[str, ShardKey],
        release: dict[str, Any],
        counts: dict[str, int],
        checksums_sha256: str | None = None,
        files: dict[str, dict[str, str | None]] | None = None,
        event_records: dict[str, str | None] | None = None,
    ) -> None:
        """Note that ``out_dir`` holds ``release``, assembled from exactly the shards with these keys, with this
        SHA256SUMS (its hash lets a later build trust the records without re-hashing them), and which shard keys
        each data file was written from and its sha256 (``files``: path -> ``keys_sha256`` of its events and
        ``sha256``, so that a later build keeps the files whose events did not change), and the ``records_sha256`` of
        each event's shard (``event_records``: a later build trusts the summaries a published file carries for the
        events whose records did not change, even where the file is written again for another event of its group)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        record = {
            "out": str(out_dir.resolve()),
            "keys_sha256": keys_sha256(keys),
            "release": release,
            "counts": counts,
            "checksums_sha256": checksums_sha256,
            "files": files or {},
            "event_records": event_records or {},
        }
        write_atomically(self._published_path(out_dir), json.dumps(record, indent=2).encode("utf-8"))

    def published(self, out_dir: Path, keys: dict[str, ShardKey] | None = None) -> dict[str, Any] | None:
        """What ``record_published`` last noted for ``out_dir``; with ``keys``, only if it was assembled from
        shards with exactly these keys."""
        try:
            record = json.loads(self._published_path(out_dir).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(record, dict):
            return None
        if keys is not None and record.get("keys_sha256") != keys_sha256(keys):
            return None
        return record

    def prune(self, keep: Iterable[str]) -> list[str]:
        """Remove shards of events not in ``keep`` (events gone from the corpus) and stale temporary files.

        Returns the removed event ids. Only directories holding a shard file are touched, so pointing
        ``--shard-dir`` at a wrong directory cannot delete unrelated data.
        """
        if not self.directory.is_dir():
            return []
        keep = set(keep)
        removed = []
        now = time.time()
        for folder in sorted(p for p in self.directory.iterdir() if p.is_dir()):
            for temporary in folder.glob(".*.tmp"):
                if now - temporary.stat().st_mtime > STALE_TEMP_SECONDS:
                    temporary.unlink(missing_ok=True)
            is_shard = (folder / MARKER).exists() or (folder / RECORDS).exists()
            if folder.name not in keep and is_shard:
                shutil.rmtree(folder)
                removed.append(folder.name)
        return removed
