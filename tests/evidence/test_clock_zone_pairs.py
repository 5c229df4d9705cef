"""Clock times in time zones (issue 13, rules-6): a time said with a zone ("IST", "GMT", "heure de Paris",
"भारतीय समयानुसार", "local time" in a city the sentence names) is compared with another as an instant, so equal
instants agree ("6:05 IST" is "4:35" in Muscat); two times whose zones cannot be set side by side ("IST" against
"local time" of a place no sentence names) are not compared; a part of the day puts a 12-hour time on the 24-hour
dial ("शाम 7:40 बजे" is 19:40). Cases whose id starts with "guard-" were right before (rules-5) too; every other
case fails on the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

CASES = [
    pytest.param(("The plane landed in Muscat at 4.35 am local time.", "en",
                  "विमान भारतीय समयानुसार सुबह 6:05 बजे मस्कट में उतरा।", "hi"), "agree", id="muscat-local-equals-ist"),
    pytest.param(("The final, held at 7.40 pm local time, was run in humid conditions.", "en",
                  "रेस भारतीय समयानुसार शाम 6:10 बजे शुरू हुई।", "hi"), "agree", id="local-of-no-place-vs-ist"),
    pytest.param(("The final was held at 7.40 pm local time.", "en",
                  "यह रेस स्थानीय समय के अनुसार शाम ७:४० बजे शुरू हुई।", "hi"), "agree", id="evening-on-the-24-hour-dial"),
    pytest.param(("The vote closed at 14:00 GMT.", "en", "Le vote a été clos à 15h00 heure de Paris.", "fr"),
                 "agree", id="gmt-equals-paris-winter"),
    pytest.param(("The plane landed at 6:05 am IST.", "en", "विमान स्थानीय समयानुसार सुबह ४:३५ बजे उतरा।", "hi"),
                 "agree", id="ist-vs-local-of-no-place"),
    # Guards: the same zone, or none, and different times stay a conflict; so do two instants that differ.
    pytest.param(("The plane landed at 6:05 am IST.", "en", "विमान भारतीय समयानुसार सुबह 7:05 बजे उतरा।", "hi"),
                 "conflict", id="same-zone-different-time"),
    pytest.param(("The plane landed in Muscat at 5.35 am local time.", "en",
                  "विमान भारतीय समयानुसार सुबह 6:05 बजे मस्कट में उतरा।", "hi"), "conflict",
                 id="muscat-local-differs-from-ist"),
    pytest.param(("The market opened at 9:15 am.", "en", "The market opened at 10:15 am.", "en"), "conflict",
                 id="guard-no-zone-different-time"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_clock_times_are_compared_as_instants(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
