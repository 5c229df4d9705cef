"""What a date is about (issue 13, rules-5): two dates are compared only when they date the same event. A possessive
weekday is a date ("Friday's earthquake"); a date one side states twice is no rival of another date the other side
states besides; in one language the words around two dates must share one ("on Thursday reported a rise" / "fell on
Friday" date two events); a span of years ("2025-26", a fiscal year) holds each of its years; "today" read against
the dateline names one day, with no slack. Cases whose id starts with "guard-" were right before (rules-4) too;
every other case fails on the code before it."""

from __future__ import annotations

import pytest

from align.config import LabelConfig
from align.label import label
from align.records import ArticleRecord
from tests.evidence.pairs import ARTICLES, labelled, pair

CASES = [
    pytest.param(("The death toll in Friday's earthquake rose to 19 on Saturday morning.", "en",
                  "The earthquake struck the state on Friday morning.", "en"), "agree", id="possessive-weekday"),
    pytest.param(("Le séisme a frappé vendredi matin, selon un bilan établi vendredi soir.", "fr",
                  "Le bilan du séisme qui a frappé vendredi s'est alourdi samedi.", "fr"), "agree",
                 id="one-date-stated-twice"),
    pytest.param(("Kaveri Infotech on Thursday reported a 6.2% rise in quarterly profit.", "en",
                  "Shares of Kaveri Infotech fell as much as 5.8 per cent on Friday.", "en"), "agree",
                 id="two-events-one-language"),
    pytest.param(("The company now expects revenue for fiscal 2026 to grow 1% to 3%.", "en",
                  "कंपनी ने वित्त वर्ष 2025-26 के लिए रेवेन्यू ग्रोथ का अनुमान 1-3 प्रतिशत कर दिया है।", "hi"), "agree",
                 id="fiscal-year-span"),
    pytest.param(("The company now expects revenue for fiscal 2024 to grow 1% to 3%.", "en",
                  "कंपनी ने वित्त वर्ष 2025-26 के लिए रेवेन्यू ग्रोथ का अनुमान 1-3 प्रतिशत कर दिया है।", "hi"), "conflict",
                 id="guard-fiscal-year-outside-span"),
    pytest.param(("The earthquake struck the state on Friday.", "en", "The earthquake struck the state on Saturday.",
                  "en"), "conflict", id="guard-one-event-two-days"),
    pytest.param(("Le séisme a frappé l'État vendredi.", "fr", "The earthquake struck the state on Saturday.", "en"),
                 "conflict", id="guard-two-languages-two-days"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_dates_are_compared_only_about_the_same_event(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]


def test_two_events_are_shown_not_compared() -> None:
    result = labelled(CASES[2].values[0])
    assert any(e.kind == "date" and e.note.startswith("not compared: dates of different events") for e in
               result.evidence)


def _article(language: str, dateline: str) -> ArticleRecord:
    return ArticleRecord(ARTICLES[language], "ev", "src", None, dateline, language, None, "", "0" * 64,
                         dateline_date=dateline)


@pytest.mark.parametrize(("other", "expected"), [
    pytest.param("Kaveri Infotech a publié vendredi 18 juillet ses résultats trimestriels.", "conflict",
                 id="today-is-the-dateline-day"),
    pytest.param("Kaveri Infotech a publié jeudi 17 juillet ses résultats trimestriels.", "agree",
                 id="guard-today-same-day"),
])
def test_today_is_read_against_the_dateline_without_slack(other: str, expected: str) -> None:
    linked = pair("कावेरी इंफोटेक ने आज पहली तिमाही के नतीजे जारी किए।", "hi", other, "fr")
    articles = [_article("hi", "2025-07-17"), _article("fr", "2025-07-18")]
    result = label([linked], articles, LabelConfig())[0]
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
