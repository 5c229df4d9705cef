"""Compiled word tables (align/tables.py): built once, read back while their key holds; a missing, damaged, foreign
or stale file is rebuilt, an unwritable directory only costs the build time, and a table read back is the table."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from align import tables
from align.evidence import lexicon, names
from align.tables import compiled_table, table_key
from tests.refusals import read_only

TABLE = {("new", "delhi"): frozenset({"city:1261481"}), ("inde",): frozenset({"place:IN"}), ("x",): frozenset()}


class Counting:
    """A table builder that counts its calls."""

    def __init__(self, table: object = TABLE) -> None:
        self.table = table
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.table


@pytest.fixture
def directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tables, "_directory", tmp_path)
    return tmp_path / tables.TABLES_DIR


def the_file(directory: Path, name: str = "places") -> Path:
    [path] = directory.glob(f"{name}-*.marshal")
    return path


def test_a_table_is_built_once_then_read_back_equal(directory: Path) -> None:
    build = Counting()
    key = table_key(parameters=("one",))
    assert compiled_table("places", key, build) == TABLE
    assert compiled_table("places", key, build) == TABLE
    assert build.calls == 1
    assert not list(directory.glob(".*"))  # no temporary file left behind


@pytest.mark.parametrize(
    "damage", [b"", b"\x00garbage", b"\xe3" * 7],
    ids=["empty", "garbage", "truncated"],
)
def test_a_damaged_file_is_rebuilt_and_rewritten(
    directory: Path, damage: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    key = table_key(parameters=("one",))
    compiled_table("places", key, Counting())
    path = the_file(directory)
    path.write_bytes(path.read_bytes()[:40] if damage == b"\xe3" * 7 else damage)
    build = Counting()
    with caplog.at_level(logging.WARNING, logger="align.tables"):
        assert compiled_table("places", key, build) == TABLE
    assert build.calls == 1
    assert "building it again" in caplog.text
    assert compiled_table("places", key, Counting()) == TABLE  # rewritten whole
    assert the_file(directory) == path


def test_a_file_holding_another_keys_table_is_not_believed(directory: Path) -> None:
    key = table_key(parameters=("one",))
    compiled_table("places", key, Counting())
    path = the_file(directory)
    other = tables.marshal.dumps((tables.FORMAT, "another key", {"wrong": 1}))
    path.write_bytes(other)
    build = Counting()
    assert compiled_table("places", key, build) == TABLE
    assert build.calls == 1


def test_a_new_key_rebuilds_and_removes_the_stale_file(directory: Path) -> None:
    compiled_table("places", table_key(parameters=("one",)), Counting())
    stale = the_file(directory)
    build = Counting({("paris",): frozenset({"city:2988507"})})
    assert compiled_table("places", table_key(parameters=("two",)), build) == build.table
    assert build.calls == 1
    assert the_file(directory) != stale and not stale.exists()


def test_the_key_names_what_a_table_is_made_of(monkeypatch: pytest.MonkeyPatch) -> None:
    base = table_key(packages=("wordfreq",), modules=(lexicon,), parameters=(1.5,))
    assert table_key(packages=("wordfreq",), modules=(lexicon,), parameters=(1.5,)) == base
    assert table_key(packages=("wordfreq",), modules=(lexicon,), parameters=(2.5,)) != base
    assert table_key(packages=("wordfreq",), modules=(names,), parameters=(1.5,)) != base
    monkeypatch.setattr(tables.metadata, "version", lambda package: "999.0")
    assert table_key(packages=("wordfreq",), modules=(lexicon,), parameters=(1.5,)) != base


def test_an_unwritable_directory_costs_time_not_an_error(directory: Path) -> None:
    directory.mkdir(parents=True)
    with read_only(directory):
        build = Counting()
        assert compiled_table("places", table_key(), build) == TABLE
        assert compiled_table("places", table_key(), build) == TABLE
    assert build.calls == 2
    assert not list(directory.iterdir())


def test_the_loanword_table_read_back_is_the_compiled_one(directory: Path) -> None:
    names._loanword_keys.cache_clear()
    try:
        first = names._loanword_keys(3.0, 0.7)
        assert the_file(directory, "loanword_keys").exists()
        names._loanword_keys.cache_clear()
        assert names._loanword_keys(3.0, 0.7) == first == names._compile_loanword_keys(3.0, 0.7)
    finally:
        names._loanword_keys.cache_clear()
