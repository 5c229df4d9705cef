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


# Words in three scripts: plain Latin words of every reference language (common, rare, missing), Latin words wordfreq
# reads otherwise (capitals, accents, apostrophes, digits, hyphens, ß), Devanagari and Cyrillic.
ZIPF_SAMPLE = (
    "the", "leader", "director", "computer", "glasgow", "collins", "paris", "reading", "sea", "nice", "maison",
    "haus", "casa", "perro", "cane", "qwxzv", "zzzzzzzzzz", "a", "l", "brazilian", "oregon", "sunero",
    "Paris", "Leader", "été", "naïve", "straße", "l'homme", "aujourd'hui", "2024", "5g", "covid-19", "x2",
    "ΑΘΗΝΑ", "n°", "",
    "भारत", "दिल्ली", "ज़िम्मेदारियाँ", "गाड़ी", "गाडी", "मेड", "नेट", "रिपोर्ट",
    "москва", "россия",
)


def test_zipf_answers_as_wordfreq() -> None:
    from wordfreq import get_frequency_dict, zipf_frequency

    lexicon.zipf.cache_clear()
    try:
        listed = [w for language in lexicon.REFERENCE_LANGUAGES
                  for w in list(get_frequency_dict(language))[::2003]]  # ~800 listed words, common to rare
        words = [*ZIPF_SAMPLE, *listed]
        for language in (*lexicon.REFERENCE_LANGUAGES, "hi"):
            for word in words:
                assert lexicon.zipf(word, language) == zipf_frequency(word, language), (word, language)
        assert any(lexicon.plain_word(w) for w in listed) and not lexicon.plain_word("été")
    finally:
        lexicon.zipf.cache_clear()


def test_a_plain_word_never_reaches_wordfreqs_tokenizer(monkeypatch: pytest.MonkeyPatch) -> None:
    import wordfreq

    lexicon.zipf.cache_clear()
    try:
        def refuse(word: str, language: str) -> float:
            raise AssertionError(f"wordfreq asked for {word!r} in {language}")

        monkeypatch.setattr(wordfreq, "zipf_frequency", refuse)
        assert lexicon.zipf("leader", "en") > 4 and lexicon.zipf("qwxzv", "fr") == 0.0
        assert lexicon.ordinary_word.__wrapped__("director", 3.0, 0.7)
        with pytest.raises(AssertionError, match="Paris"):
            lexicon.zipf("Paris", "en")  # not plain: wordfreq decides
    finally:
        lexicon.zipf.cache_clear()


def test_ordinary_word_answers_as_with_wordfreq_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    from wordfreq import zipf_frequency

    words = ["leader", "director", "computer", "glasgow", "collins", "paris", "irish", "brazilian", "oregon",
             "maison", "sunero", "kavi", "mobile", "made", "net", "reading", "sea", "nice", "boston", "orange"]
    compiled = [(w, m, lead) for w in words for m, lead in ((3.0, 0.7), (2.5, 0.5), (4.0, 1.0))]
    lexicon.zipf.cache_clear()
    lexicon.ordinary_word.cache_clear()
    expected = [lexicon.ordinary_word(*args) for args in compiled]
    monkeypatch.setattr(lexicon, "zipf", lambda word, language: zipf_frequency(word, language))
    lexicon.ordinary_word.cache_clear()
    try:
        assert [lexicon.ordinary_word(*args) for args in compiled] == expected
        assert any(expected) and not all(expected)
    finally:
        lexicon.ordinary_word.cache_clear()
