"""Two updates of one figure are no rivals (issue 13, rules-7). A toll given on one day and another toll given on
another day are two moments of the story, not two tolls of one moment, and their days are not two dates of one
event: "Fourteen people have died ..., officials said on Wednesday morning" / "Mardi soir, ... neuf morts". A
figure's day is the day it states, else the days its sentence states (those only ever tell figures apart); two
figures of one measure with different values, each on its own side's day, make the days the moments of two
updates, shown ("not compared: the days of two updates of one figure"), not compared. One reading on two days stays
a date conflict (the same value, or one a power of ten of the other: `41.2 cm` / `412 मिलीमीटर`). Cases whose id
starts with "guard-" were right before (rules-6) too; every other case fails on the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

TOLL_WED_EN = ("Fourteen people have died and five are missing after record rainfall flooded towns along the coast, "
               "officials said on Wednesday morning.")
TOLL_TUE_FR = "Mardi soir, les autorités faisaient encore état de neuf morts."

CASES = [
    pytest.param((TOLL_WED_EN, "en", TOLL_TUE_FR, "fr"), "agree", id="toll-of-the-day-said-vs-an-evening-toll"),
    pytest.param(("The toll had stood at nine on Tuesday evening.", "en",
                  "The death toll rose to 14 by Wednesday morning, with five people still missing.", "en"), "agree",
                 id="two-tolls-two-days-en"),
    pytest.param(("महाराष्ट्र के कोंकण इलाके में बाढ़ से बुधवार सुबह तक 16 लोगों की जान जा चुकी है।", "hi",
                  TOLL_TUE_FR, "fr"), "agree", id="two-tolls-two-days-hi-fr"),
    pytest.param(("Nine people had died by Wednesday morning, officials said.", "en", TOLL_TUE_FR, "fr"), "conflict",
                 id="guard-one-toll-two-days"),
    pytest.param(("Ratnagiri recorded 41.2 cm of rain on Monday.", "en",
                  "रत्नागिरी में मंगलवार को 412 मिलीमीटर बारिश दर्ज की गई।", "hi"), "conflict",
                 id="guard-one-reading-in-two-units-two-days"),
    pytest.param(("The flood reached Chiplun on Wednesday.", "en", "La crue a atteint Chiplun mardi.", "fr"),
                 "conflict", id="guard-a-day-with-no-figure"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_two_updates_are_not_one_figure_dated_twice(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]


def test_the_two_updates_are_shown() -> None:
    result = labelled((TOLL_WED_EN, "en", TOLL_TUE_FR, "fr"))
    notes = [e.note for e in result.evidence]
    assert any(note.startswith("not compared: the days of two updates of one figure: ") for note in notes), notes
