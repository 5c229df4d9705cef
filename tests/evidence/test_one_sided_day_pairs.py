"""A day stated on one side only dates the event, not one reading of a moving figure (issue 13, rules-8). "India
completed a 134-run victory ... on Monday" / "Shinde spins India to 143-run win": the other side states no moment,
nothing tells the two margins apart, so two close values of one thing are compared at full strength. The halving
for a one-sided moment stays where the moment is one reading of a figure that moves: a clock time or a market
moment ("3.1% at midday"), or a figure said to have changed to its value ("सोमवार शाम तक ... बढ़कर 11", "toll rises
to nine"), and where the values stand far apart. Cases whose id starts with "guard-" were right before (rules-7)
too; every other case fails on the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

WIN_MONDAY = ("India completed a 134-run victory over New Zealand at Chepauk on Monday, with Aarav Shinde taking 6/71 "
              "on a turning day-five pitch.")

CASES = [
    pytest.param(("Shinde spins India to 143-run win over New Zealand and a 2-0 series lead", "en", WIN_MONDAY, "en"),
                 "conflict", id="en-margin-with-a-day-on-one-side"),
    pytest.param(("Le bilan s'établissait à neuf morts, selon les chemins de fer.", "fr",
                  "Lundi soir, le bilan s'établissait à dix morts, selon les chemins de fer.", "fr"), "conflict",
                 id="fr-toll-with-an-evening-on-one-side"),
    pytest.param(("Nine people were killed in the derailment.", "en",
                  "By Monday evening the toll had risen to 10 in the derailment.", "en"), "agree",
                 id="guard-an-update-on-one-side"),
    pytest.param(("Shares of Kaveri fell 4.3 per cent.", "en", "Shares of Kaveri were 4.1 per cent lower at midday.",
                  "en"), "agree", id="guard-a-market-moment-on-one-side"),
    pytest.param(("Nine people were killed in the derailment.", "en",
                  "Thirty people were killed in the derailment on Monday.", "en"), "agree",
                 id="guard-far-values-with-a-day-on-one-side"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_a_day_on_one_side_dates_the_event(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
