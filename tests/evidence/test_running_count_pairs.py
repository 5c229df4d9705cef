"""A running count stated at two moments is two updates, not a conflict (issue 13, rules-9, class 2). A toll, the
injured, the ships waiting: a figure of such a count that states no moment, in a sentence that names no day, is its
article's (the dateline's, else the publication date's) count, so "four workers dead" in Wednesday's article and
"छह मजदूरों की मौत" in Thursday's are two updates; and the days of two updates of one count are no date conflict,
even when another count beside them did not change ("four killed, 13 injured ... on Wednesday" / "six tués et
treize blessés jeudi"). Cases whose id starts with "guard-" were right before (rules-8) too; every other case fails
on the code before it."""

from __future__ import annotations

import pytest

from align.config import LabelConfig
from align.label import label
from align.records import ArticleRecord
from tests.evidence.pairs import pair

HEADLINE_FOUR = "Three spans of under-construction Narmada bridge collapse in Gujarat, four workers dead"
HEADLINE_SIX_HI = "पुल हादसा: छह मजदूरों की मौत, ठेका निलंबित"
TOLL_EIGHT_EN = "The death toll rose to eight by Thursday morning, with 13 workers in hospital."
WEDNESDAY, THURSDAY = "2026-06-17", "2026-06-18"


def labelled_on(case: tuple, published_a: str | None, published_b: str | None) -> object:
    """``case`` labelled with its two articles published on the given days."""
    text_a, lang_a, text_b, lang_b = case
    built = pair(*case)
    articles = [ArticleRecord(built.article_id_a, "ev", "a", None, published_a, lang_a, None, "", "0" * 64),
                ArticleRecord(built.article_id_b, "ev", "b", None, published_b, lang_b, None, "", "0" * 64)]
    return label([built], articles, LabelConfig())[0]


CASES = [
    pytest.param((HEADLINE_FOUR, "en", HEADLINE_SIX_HI, "hi"), WEDNESDAY, THURSDAY, "agree",
                 id="guard-two-headline-tolls-two-days"),
    pytest.param((HEADLINE_FOUR, "en", TOLL_EIGHT_EN, "en"), WEDNESDAY, THURSDAY, "agree",
                 id="headline-toll-vs-a-later-update"),
    pytest.param(("Four workers were killed and 13 were injured, district collector Meena Parmar said late on "
                  "Wednesday.", "en", "Le bilan s'élevait jeudi matin à six ouvriers tués et treize blessés.", "fr"),
                 None, None, "agree", id="two-days-of-a-toll-beside-an-unchanged-count"),
    pytest.param(("बुधवार शाम तक बाहर लंगर डाले खड़े जहाजों की संख्या 36 पहुंच गई।", "hi",
                  "मंगलवार शाम तक २२ जहाज लंगर पर इंतजार कर रहे थे।", "hi"), None, None, "agree",
                 id="ships-waiting-two-evenings-hi"),
    pytest.param(("गुरुवार सुबह तक मरने वालों की संख्या 6 हो गई, जबकि 13 मजदूर घायल हैं।", "hi",
                  "बुधवार रात तक चार मजदूरों की मौत की पुष्टि हुई थी।", "hi"), None, None, "agree",
                 id="guard-two-tolls-two-days-hi"),
    pytest.param((HEADLINE_FOUR, "en", HEADLINE_SIX_HI, "hi"), THURSDAY, THURSDAY, "conflict",
                 id="two-headline-tolls-one-day"),
    # "by Thursday morning" against Thursday's article: a part of the day on one side only, halved (not a conflict).
    pytest.param((TOLL_EIGHT_EN, "en", HEADLINE_SIX_HI, "hi"), THURSDAY, THURSDAY, "agree",
                 id="guard-a-morning-toll-vs-that-day-headline"),
    pytest.param(("Four workers were killed on Wednesday.", "en", "Quatre ouvriers ont été tués mardi.", "fr"),
                 None, None, "conflict", id="guard-one-toll-two-days"),
]


@pytest.mark.parametrize(("case", "published_a", "published_b", "expected"), CASES)
def test_a_running_count_at_two_moments_is_two_updates(case: tuple, published_a: str | None,
                                                       published_b: str | None, expected: str) -> None:
    result = labelled_on(case, published_a, published_b)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
