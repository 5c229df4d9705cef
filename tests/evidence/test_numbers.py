"""Numbers read from one text: digits in any script and grouping, number words, magnitudes, units, hedges."""

from __future__ import annotations

import pytest

from align.evidence.numbers import NUMBERS, parse_digits
from tests.evidence.reading import facts

# (text, language, every quantity as (value, unit, qualifier, weak, span))
QUANTITIES = [
    pytest.param(  # seed article 001: "the company's valuation has crossed 350 billion dollars"
        "कंपनी की वैल्यूएशन 350 बिलियन डॉलर के पार जा चुकी है.", "hi",
        [(350e9, "usd", "lower", False, "350 बिलियन डॉलर के पार")], id="hi-billion-dollars-crossed",
    ),
    pytest.param(
        "कंपनी ने ३५० करोड़ रुपये जुटाए।", "hi", [(350e7, "inr", "exact", False, "३५० करोड़ रुपये")],
        id="hi-devanagari-digits-crore",
    ),
    pytest.param("इस दवाई को हर छः घंटे लेना।", "hi", [(6, "hour", "exact", False, "छः घंटे")], id="hi-number-word"),
    pytest.param(
        "Cette montagne a une hauteur de trois mille mètres.", "fr", [(3000, "m", "exact", False, "trois mille mètres")],
        id="fr-number-words-unit",
    ),
    pytest.param(
        "Environ 4,6 % des salariés sont partis.", "fr", [(4.6, "percent", "approx", False, "Environ 4,6 %")],
        id="fr-decimal-comma-hedge",
    ),
    pytest.param(
        "At least twenty-five people left in two weeks.", "en",
        [(25, "person", "lower", False, "At least twenty-five people"), (2, "week", "exact", False, "two weeks")],
        id="en-bound-and-words",
    ),
    pytest.param("Sharma shared a long note on X.", "en", [], id="en-article-is-not-one"),
    pytest.param(
        "एक महीने के भीतर कम से कम 4 लोग कंपनी छोड़ चुके हैं.", "hi",
        [(1, "month", "exact", True, "एक महीने"), (4, "person", "lower", False, "कम से कम 4 लोग")],
        id="hi-article-before-unit-is-weak-one",
    ),
]


@pytest.mark.parametrize(("text", "language", "expected"), QUANTITIES)
def test_quantities(text: str, language: str, expected: list[tuple]) -> None:
    found = facts(text, language)
    got = [(q.value, q.unit, q.qualifier, q.weak, found.span(q.start, q.end)) for q in found[NUMBERS]]
    assert got == [(pytest.approx(v), *rest) for v, *rest in expected]


# (digits as written, language, value; None: not a quantity)
DIGITS = [
    ("3,000", "en", 3000),
    ("3.000", "fr", 3000),
    ("4,6", "fr", 4.6),
    ("3,50,000", "hi", 350000),  # Indian grouping
    ("1.2.3", "en", None),  # a version, not a quantity
]


@pytest.mark.parametrize(("digits", "language", "value"), DIGITS)
def test_digit_grouping_follows_the_language(digits: str, language: str, value: float | None) -> None:
    assert parse_digits(digits, language) == (pytest.approx(value) if value is not None else None)
