"""A range is one interval, in every language (issue 13, rules-8): "४ से ६० साल की उम्र" (4 to 60 years of age),
"ages 4 to 60", "âgées de 4 à 60 ans", "between 4 and 60", "entre 4 et 60" are the one interval 4..60, compared with
an interval, never its two ends with each other (60 read against 4). A change ("rose from 9 to 11", "est passé de 4
à 6") is two figures, not a range; "voted 5 to 4" runs downwards and is no range. Cases whose id starts with
"guard-" were right before (rules-7) too; every other case fails on the code before it."""

from __future__ import annotations

import pytest

from align.evidence.numbers import find_quantities
from align.evidence.tokens import tokenize
from tests.evidence.pairs import labelled

AGES_EN = ("India's drugs regulator on Tuesday approved DengiShield, a two-dose dengue vaccine developed by Pune-based "
           "Sanjeevani Biologics, for people aged 4 to 60.")
AGES_HI = "यह टीका ४ से ६० साल की उम्र के लोगों को लगाया जा सकेगा।"
AGES_FR = "Le vaccin est destiné aux personnes âgées de 4 à 60 ans, à l'exclusion des femmes enceintes."

CASES = [
    # A span of years is the dates' to compare, year by year: read as a range of counts, 1495-1498 and 1492-1498
    # were "the same number" within the tolerance (FLORES-200 dev test line 723, lost by the first rules-8).
    pytest.param(("Between 1495 and 1498 the Spanish conquerors killed around 100,000 Taínos.", "en",
                  "Entre 1492 et 1498, les conquistadors espagnols auraient tué environ 100 000 Taínos.", "fr"),
                 "conflict", id="span-of-years-compared-year-by-year"),
    pytest.param((AGES_EN, "en", AGES_HI, "hi"), "agree", id="hi-se-range-vs-en-to-range"),
    pytest.param((AGES_EN, "en", AGES_FR, "fr"), "agree", id="fr-de-a-range-vs-en-to-range"),
    pytest.param((AGES_FR, "fr", AGES_HI, "hi"), "agree", id="guard-hi-se-range-vs-fr-de-a-range"),
    pytest.param(("The vaccine is cleared for people aged between 4 and 60.", "en", AGES_HI, "hi"), "agree",
                 id="guard-hi-se-range-vs-en-between-range"),
    pytest.param(("पुलिस के अनुसार घायलों की उम्र 4 से 60 साल के बीच है।", "hi",
                  "Les blessés sont âgés entre 4 et 60 ans, selon la police.", "fr"), "agree",
                 id="guard-hi-range-vs-fr-entre-range"),
    pytest.param((AGES_EN, "en", "यह टीका ४ से ४५ साल की उम्र के लोगों को लगाया जा सकेगा।", "hi"), "conflict",
                 id="guard-two-ranges-with-different-ends"),
    pytest.param(("The toll rose from 9 to 11 on Monday.", "en", "Eleven people were killed, officials said.", "en"),
                 "agree", id="guard-a-change-is-no-range"),
    pytest.param(("India approves Sanjeevani's dengue vaccine DengiShield for ages 4 to 60", "en", AGES_HI, "hi"),
                 "agree", id="guard-headline-range"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_a_range_is_one_interval(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]


READINGS = [
    pytest.param("hi", "४ से ६० साल तक", (4.0, 60.0), id="hi-se-tak"),
    pytest.param("en", "for ages 4 to 60", (4.0, 60.0), id="en-to"),
    pytest.param("en", "between 4 and 60 years", (4.0, 60.0), id="en-between-and"),
    pytest.param("fr", "de 4 à 60 ans", (4.0, 60.0), id="fr-de-a"),
    pytest.param("fr", "entre 4 et 60 ans", (4.0, 60.0), id="fr-entre-et"),
    pytest.param("en", "the toll rose from 9 to 11", None, id="guard-change-en"),
    pytest.param("fr", "le bilan est passé de 9 à 11 morts", None, id="guard-change-fr"),
    pytest.param("en", "the committee voted 5 to 4", None, id="guard-a-vote-runs-down"),
    pytest.param("en", "4 and 60 people", None, id="guard-and-without-between"),
]


@pytest.mark.parametrize(("language", "text", "interval"), READINGS)
def test_range_words_make_one_interval(language: str, text: str, interval: tuple | None) -> None:
    found = find_quantities(text, tokenize(text), language)
    ranges = [(q.value, q.high) for q in found if q.high is not None]
    assert ranges == ([interval] if interval else []), found
