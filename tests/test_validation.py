"""Record validation (align/validation.py): the compiled validator answers first for a valid record, and the answer
is always jsonschema's, also where the two regular-expression dialects differ."""

from __future__ import annotations

import pytest

from align import validation
from align.validation import errors_in
from tests.small_dataset import seedlike

SENTENCE_PATTERN_SPACES = "\x1c\x1d\x1e\x1f\x85"


def sentence_rows() -> list[dict[str, object]]:
    return seedlike().sentences


def test_a_valid_record_is_accepted_without_jsonschema(monkeypatch: pytest.MonkeyPatch) -> None:
    [row, *_] = sentence_rows()
    assert validation.compiled_validator("sentence") is not None
    reference = validation.validator("sentence")
    assert list(reference.iter_errors(row)) == []

    class Refusing:
        def iter_errors(self, record: object) -> object:
            raise AssertionError("jsonschema asked about a record the compiled validator accepts")

    monkeypatch.setattr(validation, "validator", lambda name: Refusing())
    assert errors_in("sentence", row) == []


@pytest.mark.parametrize("space", SENTENCE_PATTERN_SPACES)
def test_where_the_regex_dialects_differ_jsonschema_decides(space: str) -> None:
    [row, *_] = sentence_rows()
    bad = {**row, "text": space + row["text"]}
    assert validation.compiled_validator("sentence").is_valid(bad)  # ECMA-262's \S takes it...
    assert errors_in("sentence", bad) == [f"text: {bad['text']!r} does not match '^\\\\S(.*\\\\S)?$'"]  # Python's not


def test_the_same_answers_without_the_compiled_validator(monkeypatch: pytest.MonkeyPatch) -> None:
    [row, *_] = sentence_rows()
    records = [row, {**row, "text": " x"}, {**row, "language": "Hindi"}, {**row, "char_start": -1},
               {k: v for k, v in row.items() if k != "text"}, {**row, "text": "\x1cx"}, {**row, "extra": 1}]
    fast = [errors_in("sentence", r) for r in records]
    monkeypatch.setattr(validation, "compiled_validator", lambda name: None)
    assert [errors_in("sentence", r) for r in records] == fast
    assert fast[0] == [] and all(fast[1:])
