"""Dates of events (issue 13, rules-10, class 4). (a) An abbreviated weekday ("jeu", "Thu", "lun") is a weekday only
where a date is written: with its dot or before a day number or a month ("jeu. 12", "Thu 12 Nov"); "jeu décisif"
(tie-break) is no Thursday. (b) Making figures public is one event in three languages ("released on Wednesday",
"publié mercredi", "मंगलवार को जारी"): the days of two releases are compared, not read as the days of two updates of
a figure their sentences also state. Cases whose id starts with "guard-" were right before (rules-9) too; every
other case fails on the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

RELEASED_EN = "बुधवार को जारी बाघ गणना के मुताबिक देश में अब 3,925 बाघ हैं।"
RELEASED_HI = "केंद्र सरकार की ओर से मंगलवार को जारी बाघ आकलन रिपोर्ट में मध्य प्रदेश ८४२ बाघों के साथ देश में पहले स्थान पर है।"

CASES = [
    pytest.param(("India's Arjun Deshpande won the Mumbai Open on Sunday.", "en",
                  "Marchand, 29 ans, a perdu le jeu décisif 7 points à 5.", "fr"), "agree", id="jeu-decisif-en-fr"),
    pytest.param(("The report was published on Wednesday.", "en", "Le rapport a été publié jeu. 30 juillet.", "fr"),
                 "conflict", id="guard-jeu-with-its-dot"),
    pytest.param(("The report was published on Wednesday.", "en", "Report published Thu 30 July.", "en"),
                 "conflict", id="guard-thu-before-a-day"),
    pytest.param((RELEASED_EN, "hi", RELEASED_HI, "hi"), "conflict", id="two-release-days-with-figures-hi"),
    pytest.param(("India is home to an estimated 3,925 tigers, according to the national estimate released on "
                  "Wednesday.", "en", RELEASED_HI, "hi"), "conflict", id="released-vs-jari-en-hi"),
    pytest.param((RELEASED_EN, "hi", RELEASED_EN.replace("3,925", "3,952"), "hi"), "conflict",
                 id="guard-same-day-figures-differ"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_the_day_of_a_named_event(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
