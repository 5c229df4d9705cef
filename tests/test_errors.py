"""Errors cross process boundaries (build workers, Ray ranks, datatrove's pool) and must arrive whole."""

from __future__ import annotations

import pickle

from align.build.runner import EventsFailed
from align.errors import AlignError


def test_an_align_error_survives_pickling_with_its_parts() -> None:
    error = AlignError("corpus/a.txt", "bad line", 3)
    back = pickle.loads(pickle.dumps(error))
    assert (type(back), back.where, back.problem, back.line, str(back)) == (
        AlignError, "corpus/a.txt", "bad line", 3, "corpus/a.txt line 3: bad line")


def test_failed_events_survive_pickling_with_every_failure() -> None:
    # EventsFailed took (failures, total): unpickling called it with one string, raised in the receiving process,
    # and datatrove's pool then waited forever for the failed rank (a CI hang).
    error = EventsFailed({"event-1": AlignError("a.txt", "bad"), "event-2": AlignError(None, "worse")}, 5)
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is EventsFailed and str(back) == str(error) and back.exit_code == 2
    assert {k: str(v) for k, v in back.failures.items()} == {"event-1": "a.txt: bad", "event-2": "worse"}
