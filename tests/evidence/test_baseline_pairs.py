"""The old value of a change is compared only with the other side's old value (issue 13, rules-10, class 3): "up 6.6%
from 3,682 in 2022" / "at 3,925, against 3,682 four years ago" set 3,682 against 3,925 (a noun read across the comma,
"3,925, against", kept 3,925 from agreeing). A figure introduced by from / against / compared with / contre / par
rapport à, by "de" after a change word, or followed in Hindi by "से" before the change ("3,682 से बढ़कर"), "के
मुकाबले" or "की तुलना में", is a baseline. Cases whose id starts with "guard-" were right before (rules-9) too; every
other case fails on the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

UP_FROM = "India is home to an estimated 3,925 tigers, up 6.6% from 3,682 in 2022."

CASES = [
    # test6: 3,682 (from) was set against 3,925 ("3,925, against" read "against" as the counted noun).
    pytest.param((UP_FROM, "en", "The estimate puts India's tiger population at 3,925, against 3,682 four years ago.",
                  "en"), "agree", id="from-vs-against-years-ago-en"),
    pytest.param((UP_FROM, "en", "The estimate puts India's tiger population at 3,925, against 3,682 in 2022.", "en"),
                 "agree", id="guard-from-vs-against-en"),
    pytest.param(("Tiger numbers rose to 3,925 from 3,682.", "en", "L'Inde compte 3 925 tigres, contre 3 682 en 2022.",
                  "fr"), "agree", id="guard-from-vs-contre-en-fr"),
    pytest.param(("India counts 3,682 more tigers.", "en", "बाघों की संख्या 3,682 से बढ़कर 3,925 हो गई।", "hi"),
                 "agree", id="guard-se-badhkar-en-hi"),
    pytest.param(("The estimate puts the tiger population at 3,925.", "en",
                  "Le nombre de tigres a progressé par rapport à 3 682 en 2022.", "fr"), "agree",
                 id="par-rapport-a-en-fr"),
    pytest.param((UP_FROM, "en", "L'Inde compte 3 925 tigres, contre 3 628 en 2022.", "fr"), "conflict",
                 id="guard-two-old-values-differ-en-fr"),
    pytest.param((UP_FROM, "en", "The estimate puts India's tiger population at 3,952, against 3,682.", "en"),
                 "conflict", id="new-values-differ-past-a-comma-en"),
    # "from" names an old value only where a change is stated (FLORES tune line 418, lost by a first rules-10).
    pytest.param(("Estimates range from 640 million to 500 million speakers.", "en",
                  "बोलने वालों की संख्या अनुमान के मुताबिक 340 मिलियन से 500 मिलियन तक है।", "hi"), "conflict",
                 id="guard-from-in-a-span-is-no-old-value-en-hi"),
    # "से" as "by": "won by two wickets" is no old value.
    pytest.param(("India won by two wickets.", "en", "भारत ने 3 विकेट से मैच जीता।", "hi"), "conflict",
                 id="guard-se-as-by-en-hi"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_an_old_value_meets_only_an_old_value(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
