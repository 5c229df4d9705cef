"""Dates read from one text: day, month, year and weekday words of every locale, and relative dates."""

from __future__ import annotations

import datetime as dt

import pytest

from align.evidence.dates import DATES
from align.evidence.numbers import NUMBERS
from tests.evidence.reading import facts

PUBLISHED = dt.date(2026, 2, 10)
CAME = "मैं अपनी पीएचडी पूरी करके दो साल पहले सैन फ्रांसिस्को आया था"  # seed: "I came to SF two years ago"

# (text, language, publication date, every date as (year, month, day, offset, approx))
DATE_CASES = [
    pytest.param("मेरा आखिरी दिन 9 फरवरी होगा.", "hi", None, [(None, 2, 9, None, False)], id="hi-day-month"),
    pytest.param(
        "एंथ्रोपिक ने फरवरी 2025 में अपनी ‘सेफगार्ड्स रिसर्च टीम’ की घोषणा की।", "hi", None,
        [(2025, 2, None, None, False)], id="hi-month-year",
    ),
    pytest.param(
        "Anthropic announced the team on February 9, 2026.", "en", None, [(2026, 2, 9, None, False)],
        id="en-full-date",
    ),
    pytest.param(CAME, "hi", PUBLISHED, [(2024, None, None, (-2, "year"), True)], id="hi-ago-resolved"),
    pytest.param(CAME, "hi", None, [(None, None, None, (-2, "year"), False)], id="hi-ago-unresolved"),
    pytest.param("Il est arrivé il y a deux ans.", "fr", None, [(None, None, None, (-2, "year"), False)],
                 id="fr-il-y-a"),
    # Hindi कल is both "yesterday" and "tomorrow": a date only when the verb's tense says which.
    pytest.param("राष्ट्रपति कल बयान देने वाले हैं।", "hi", None, [], id="hi-kal-no-tense"),
    pytest.param("मैं कल अमेरिका जाऊँगी।", "hi", None, [(None, None, None, (1, "day"), False)], id="hi-kal-future"),
    pytest.param("मैंने कल कुछ ज़्यादा ही खा लिया।", "hi", None, [(None, None, None, (-1, "day"), False)],
                 id="hi-kal-past"),
    # "May" is a month only next to a day or a year.
    pytest.param("He may come back.", "en", None, [], id="en-may-verb"),
    pytest.param("He came back on 5 May.", "en", None, [(None, 5, 5, None, False)], id="en-may-month"),
]


@pytest.mark.parametrize(("text", "language", "published", "expected"), DATE_CASES)
def test_dates(text: str, language: str, published: dt.date | None, expected: list[tuple]) -> None:
    got = [(d.year, d.month, d.day, d.offset, d.approx) for d in facts(text, language, published)[DATES]]
    assert got == expected


def test_the_day_and_year_of_a_date_are_not_also_numbers() -> None:
    assert facts("Anthropic announced the team on February 9, 2026.", "en")[NUMBERS] == ()
