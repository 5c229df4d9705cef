"""A content-addressed on-disk cache shared by the model-backed stages (translations, embeddings).

sqlite gives us atomic writes (an interrupted build leaves no half entry) and safe concurrent use by several builds
or worker processes (WAL journal, busy timeout). Values are bytes; callers own their encoding and treat an entry
they cannot decode as a miss, so a corrupted entry is recomputed and rewritten, never fatal. A corrupted database
file (a truncated one, or damaged pages found by any query) is moved aside and a new one started, with a warning; a
cache that cannot be written (read-only file or directory) is an AlignError, and is never renamed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from align.errors import AlignError

log = logging.getLogger(__name__)

CACHE_FILE = "cache.sqlite3"
# sqlite result codes (the low byte of an extended code) that mean the file itself is damaged, not merely locked or
# unwritable: SQLITE_CORRUPT ("database disk image is malformed") and SQLITE_NOTADB ("file is not a database").
_DAMAGED = {11, 26}
# ... and the codes that mean another connection holds the lock: SQLITE_BUSY, SQLITE_LOCKED.
_BUSY = {5, 6}
# Seconds a connection waits for another's lock (sqlite's busy timeout, and the retries of ``_connect``).
BUSY_TIMEOUT = 60.0
T = TypeVar("T")


def is_damaged(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DAMAGED
    return any(text in str(error) for text in ("malformed", "not a database"))


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary sibling, flush it to disk, then rename: readers see the old file or the whole new one,
    never a part (shards, compiled tables). On failure the temporary file is removed and the error raised."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def is_busy(error: sqlite3.OperationalError) -> bool:
    """Another connection holds the lock (SQLITE_BUSY, SQLITE_LOCKED): a wait, not a fault of the file."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _BUSY
    return "locked" in str(error) or "busy" in str(error)


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
        directory = self.path.parent
        if directory.exists() and not directory.is_dir():
            raise AlignError(directory, "cache directory is a file, not a directory (see --cache-dir)")
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AlignError(directory, f"cannot create the cache directory: {exc.strerror}") from None
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            if not is_damaged(exc):
                raise self._unusable(exc) from None
            self._set_aside(exc)
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        # Several processes opening a new cache at once (workers, Ray ranks) race to switch it to WAL and create the
        # table; sqlite answers the loser "database is locked" at once, without its busy timeout (a lock upgrade
        # that could deadlock), so the setup is retried, with backoff, for as long as that timeout.
        deadline = time.monotonic() + BUSY_TIMEOUT
        pause = 0.01
        while True:
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS entries (namespace TEXT, key TEXT, value BLOB, "
                    "PRIMARY KEY (namespace, key))"
                )
                connection.commit()
                break
            except sqlite3.OperationalError as exc:
                connection.close()
                if not is_busy(exc) or time.monotonic() + pause > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.5)
            except BaseException:
                connection.close()
                raise
        # Which file this connection reads: another process may set a damaged one aside and start a new one.
        self._local.inode = os.stat(self.path).st_ino
        return connection

    def _unusable(self, error: sqlite3.DatabaseError) -> AlignError:
        return AlignError(
            self.path,
            f"cache cannot be used ({error}); is it read-only? give a writable --cache-dir or ALIGN_CACHE_DIR",
        )

    def _set_aside(self, error: sqlite3.DatabaseError) -> None:
        """Move a damaged cache file (and its journal files) aside, unless another process already did."""
        self.close()
        try:
            current = os.stat(self.path).st_ino
        except FileNotFoundError:
            return
        if current != getattr(self._local, "inode", current):
            return  # replaced by a new cache since we opened ours: use that one
        if not os.access(self.path.parent, os.W_OK | os.X_OK):
            raise AlignError(
                self.path, f"cache is damaged ({error}) and its directory is read-only; delete it or give another --cache-dir"
            )
        aside = self.path.with_suffix(".corrupt")
        log.warning("%s: damaged cache (%s); moved to %s and starting a new one", self.path, error, aside)
        for suffix in ("-wal", "-shm"):
            journal = Path(f"{self.path}{suffix}")
            if journal.exists():
                os.replace(journal, Path(f"{aside}{suffix}"))
        os.replace(self.path, aside)

    def _query(self, operation: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``operation`` on this thread's connection; a damaged file found on the way is set aside once."""
        try:
            return operation(self._connection())
        except sqlite3.DatabaseError as exc:
            if not is_damaged(exc):
                raise self._unusable(exc) from None
            self._set_aside(exc)
            return operation(self._connection())

    def get_many(self, keys: Iterable[str]) -> dict[str, bytes]:
        wanted = list(dict.fromkeys(keys))

        def select(connection: sqlite3.Connection) -> dict[str, bytes]:
            found: dict[str, bytes] = {}
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT key, value FROM entries WHERE namespace = ? AND key IN ({marks})",
                    (self.namespace, *chunk),
                )
                found.update(rows.fetchall())
            return found

        found = self._query(select)
        self.hits += len(found)
        self.misses += len(wanted) - len(found)
        return found

    def get(self, key: str) -> bytes | None:
        return self.get_many([key]).get(key)

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        rows = [(self.namespace, key, value) for key, value in items]

        def insert(connection: sqlite3.Connection) -> None:
            with connection:  # one transaction: all or nothing
                connection.executemany(
                    "INSERT OR REPLACE INTO entries (namespace, key, value) VALUES (?, ?, ?)", rows
                )

        self._query(insert)

    def put(self, key: str, value: bytes) -> None:
        self.put_many([(key, value)])

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None
