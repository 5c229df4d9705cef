"""When a figure was measured, and what it measures (issue 13, rules-6). A moment word times the figures of its own
clause only ("diverted early on Saturday ..., and its 256 passengers": Saturday is no moment of the count); an age
is no measurement of a moment ("the 23-year-old, who passed a medical on Monday"); an age in brackets after a
Devanagari name is an age ("संजय पाटिल (४६)"), of the person named before it; two values that one text of the
event states together measure two things (a text does not contradict itself); a bound on a bare year is a date
("करार 2028 तक"). Cases whose id starts with "guard-" were right before (rules-5) too; every other case fails on the
code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

CASES = [
    pytest.param(("A flight diverted to Muscat early on Saturday after a smoke warning, and its 256 passengers left "
                  "the plane on slides.", "en", "Les 265 passagers ont été évacués par les toboggans.", "fr"),
                 "conflict", id="weekday-of-another-clause-times-no-count"),
    pytest.param(("The 23-year-old, who passed a medical in Calais on Monday, signed a three-year contract.", "en",
                  "Âgé de 22 ans, le joueur a passé sa visite médicale lundi à Calais.", "fr"), "conflict",
                 id="an-age-has-no-moment"),
    pytest.param(("The forward, who turned 23 in March, has signed a deal.", "en",
                  "Âgé de 22 ans, le joueur a signé.", "fr"), "conflict", id="turned-23-is-an-age"),
    pytest.param(("Fire at Indian chemical plant kills 11, manager arrested.", "en",
                  "मैनेजर संजय पाटिल (४६) को गिरफ्तार किया गया।", "hi"), "agree",
                 id="bracketed-age-after-devanagari-name"),
    pytest.param(("Eleven workers had died, officials said.", "en",
                  "मृतकों की संख्या बढ़कर 13 हो गई।", "hi"), "conflict", id="guard-toll-one-figure-each"),
    pytest.param(("The Darjeeling-born forward has signed a deal until June 2029.", "en",
                  "थापा का करार 2028 तक का है।", "hi"), "conflict", id="hindi-until-year-is-a-date"),
    pytest.param(("The deal runs until 2028.", "en", "थापा का करार 2028 तक का है।", "hi"), "agree",
                 id="guard-same-until-year"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_moments_ages_and_years(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]


# A text that states both values ("revenue rose 4.1%, profit 6.2%") tells that they measure two things.
TOGETHER = ("Revenue rose 4.1% while net profit grew 6.2%.", "en", "Le chiffre d'affaires a progressé de 4,1 %.", "fr")
COSTATED = [
    pytest.param(("Net profit rose 6.2%.", "en", "Le chiffre d'affaires a progressé de 4,1 %.", "fr"), (TOGETHER,),
                 "agree", id="values-stated-together-are-two-things"),
    pytest.param(("Net profit rose 6.2%.", "en", "Le bénéfice net a progressé de 5,2 %.", "fr"), (TOGETHER,),
                 "conflict", id="guard-values-never-stated-together"),
]


@pytest.mark.parametrize(("case", "context", "expected"), COSTATED)
def test_values_one_text_states_together_measure_two_things(case: tuple, context: tuple, expected: str) -> None:
    result = labelled(case, context)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
