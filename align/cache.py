"""A content-addressed on-disk cache shared by the model-backed stages (translations, embeddings).

sqlite gives us atomic writes (an interrupted build leaves no half entry) and safe concurrent use by several builds
or worker processes (WAL journal, busy timeout). Values are bytes; callers own their encoding and treat an entry
they cannot decode as a miss, so a corrupted entry is recomputed and rewritten, never fatal.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

CACHE_FILE = "cache.sqlite3"


def default_cache_dir() -> Path:
    """``$ALIGN_CACHE_DIR``, else ``$XDG_CACHE_HOME/align``, else ``~/.cache/align``."""
    if os.environ.get("ALIGN_CACHE_DIR"):
        return Path(os.environ["ALIGN_CACHE_DIR"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "align"


def normalise_text(text: str) -> str:
    """Unicode NFC with whitespace folded: what counts as 'the same sentence' for caching and memory lookups."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def cache_key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


class ContentCache:
    """Key -> bytes, partitioned by namespace (e.g. ``translation``, ``embedding``)."""

    def __init__(self, directory: Path, namespace: str) -> None:
        self.path = directory / CACHE_FILE
        self.namespace = namespace
        self.hits = 0
        self.misses = 0
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._open()
            self._local.connection = connection
        return connection

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            # A cache is disposable: set a corrupted file aside and start afresh rather than fail the build.
            aside = self.path.with_suffix(".corrupt")
            log.warning(
                "%s: unreadable cache (%s); moved to %s and starting a new one", self.path, exc, aside
            )
            os.replace(self.path, aside)
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=60)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS entries (namespace TEXT, key TEXT, value BLOB, PRIMARY KEY (namespace, key))"
        )
        connection.commit()
        return connection

    def get_many(self, keys: Iterable[str]) -> dict[str, bytes]:
        wanted = list(dict.fromkeys(keys))
        found: dict[str, bytes] = {}
        connection = self._connection()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = connection.execute(
                f"SELECT key, value FROM entries WHERE namespace = ? AND key IN ({marks})",
                (self.namespace, *chunk),
            )
            found.update(rows.fetchall())
        self.hits += len(found)
        self.misses += len(wanted) - len(found)
        return found

    def get(self, key: str) -> bytes | None:
        return self.get_many([key]).get(key)

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        connection = self._connection()
        with connection:  # one transaction: all or nothing
            connection.executemany(
                "INSERT OR REPLACE INTO entries (namespace, key, value) VALUES (?, ?, ?)",
                ((self.namespace, key, value) for key, value in items),
            )

    def put(self, key: str, value: bytes) -> None:
        self.put_many([(key, value)])

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None
