"""The model cache (align/cache.py): a damaged sqlite file is set aside and rebuilt, an unwritable one is an error
and is never renamed; the CLI says either in one line (issue 12, item 7)."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import pytest

from align.cache import CACHE_FILE, ContentCache
from align.errors import AlignError
from tests.builds import make_corpus
from tests.refusals import read_only, refused


def damaged_cache(directory: Path) -> Path:
    """A cache whose first page is intact (it opens) but whose other pages are garbage: every query then fails
    with 'database disk image is malformed', as a disk error or a killed copy leaves it."""
    cache = ContentCache(directory, "embedding")
    cache.put_many((f"key-{i}", os.urandom(300)) for i in range(200))
    cache.close()
    path = directory / CACHE_FILE
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[page:] = b"\xa5" * (len(data) - page)
    path.write_bytes(bytes(data))
    return path


def test_damaged_pages_are_set_aside_once_and_the_cache_starts_afresh(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = damaged_cache(tmp_path)
    with caplog.at_level(logging.WARNING, logger="align"):
        cache = ContentCache(tmp_path, "embedding")
        assert cache.get_many(["key-1", "key-2"]) == {}  # a miss, recomputed by the caller, not a crash
        cache.put("key-1", b"fresh")
        assert cache.get("key-1") == b"fresh"
        cache.close()
    assert "database disk image is malformed" in caplog.text and "moved to" in caplog.text
    assert (tmp_path / "cache.corrupt").is_file()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="align"):
        again = ContentCache(tmp_path, "embedding")
        assert again.get("key-1") == b"fresh"  # the next run uses the new file without a word
        again.close()
    assert caplog.text == "" and path.is_file()


def test_a_read_only_cache_is_an_error_and_is_never_renamed(tmp_path: Path) -> None:
    intact = tmp_path / "intact"
    writer = ContentCache(intact, "translation")
    writer.put("k", b"v")
    writer.close()
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    damaged_cache(damaged)
    before = {p: sorted(x.name for x in p.iterdir()) for p in (intact, damaged)}
    with read_only(intact, intact / CACHE_FILE, damaged, damaged / CACHE_FILE):
        for directory in (intact, damaged):
            cache = ContentCache(directory, "translation")
            with pytest.raises(AlignError) as raised:
                cache.put("k2", b"v2")
                cache.get_many(["k", "k2"])
            assert "\n" not in raised.value.message
            assert "read-only" in raised.value.message
    assert {p: sorted(x.name for x in p.iterdir()) for p in (intact, damaged)} == before


def test_cache_and_shard_dir_pointing_at_a_file_are_one_line(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, events=1)
    afile = tmp_path / "afile"
    afile.write_text("not a directory")
    out = tmp_path / "ds"
    for option in ("--cache-dir", "--shard-dir"):
        refused(
            ["build", "--corpus", str(corpus), "--out", str(out), option, str(afile), "-q"],
            f"{afile}: {option} is a file, not a directory",
        )
    refused(
        ["build", "--corpus", str(corpus), "--out", str(out), "--shard-dir", str(corpus / "shards"), "-q"],
        "lies inside the corpus",
    )
    assert afile.read_text() == "not a directory" and not out.exists()


def test_read_only_output_and_cache_directories_are_one_line(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, events=1)
    locked = tmp_path / "locked"
    (locked / "ds").mkdir(parents=True)
    cache = tmp_path / "cache"
    writer = ContentCache(cache, "translation")
    writer.put("k", b"v")
    writer.close()
    with read_only(locked):
        refused(["build", "--corpus", str(corpus), "--out", str(locked / "ds"), "-q"], "is read-only")
        refused(["build", "--corpus", str(corpus), "--out", str(locked / "new"), "-q"], "is read-only")
    with read_only(cache, cache / CACHE_FILE):
        refused(
            [
                "build",
                "--corpus",
                str(corpus),
                "--out",
                str(tmp_path / "ds"),
                "--cache-dir",
                str(cache),
                "-q",
            ],
            "--cache-dir is not writable",
        )
    assert sorted(p.name for p in cache.iterdir()) == [CACHE_FILE]
    assert sorted(p.name for p in locked.iterdir()) == ["ds"]


def test_a_new_cache_locked_by_another_opener_is_waited_for_not_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Processes opening a new cache at once race to switch it to WAL; sqlite answers the loser "database is locked"
    # at once, without its busy timeout (found as a Ray rank's build failing with "is it read-only?"). The opener
    # waits and tries again.
    real_connect = sqlite3.connect
    refusals = [sqlite3.OperationalError("database is locked")] * 2

    class RacingConnection(sqlite3.Connection):
        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
            if sql.startswith("PRAGMA journal_mode") and refusals:
                raise refusals.pop()
            return super().execute(sql, *args)

    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: real_connect(*a, **k, factory=RacingConnection))
    cache = ContentCache(tmp_path / "cache", "embedding")
    cache.put("k", b"v")
    assert cache.get("k") == b"v" and not refusals
    cache.close()


def test_a_cache_locked_for_good_is_still_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import align.cache as cache_module

    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT", 0.05)
    real_connect = sqlite3.connect

    class LockedConnection(sqlite3.Connection):
        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
            raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: real_connect(*a, **k, factory=LockedConnection))
    with pytest.raises(AlignError, match="cache cannot be used"):
        ContentCache(tmp_path / "cache", "embedding").put("k", b"v")
