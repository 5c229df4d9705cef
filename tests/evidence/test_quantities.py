"""Quantities as typed facts (issue 13): each error class of the issue's number and date list, as a pair the
label stage must get right. 15 of these 23 tests fail on label rules-2 (the code before typed quantities); the
others were already right and guard against regressions."""

from __future__ import annotations

import pytest

from align.config import LabelConfig
from align.label import label
from align.link import make_pair
from align.records import line_sentence

# (error class, sentence A, language, sentence B, language, expected label)
PAIRS = [
    # a clock time read as a price or count
    ("clock h", "La séance a ouvert à 06h50 avec 12 ordres.", "fr", "The session opened at 06:50 with 12 orders.", "en",
     "agree"),
    ("clock dot", "The index was down 1.4 per cent at 12.30 pm.", "en", "L'indice reculait de 1,4 % à 12h30.", "fr", "agree"),
    ("clock baje", "सुबह 10:15 बजे शेयर ₹1,462 पर था।", "hi", "At 10:15 the share stood at ₹1,462.", "en", "agree"),
    # a two-digit year read as a number
    ("fiscal year code", "Kaveri trims its FY26 forecast.", "en", "Kaveri revoit sa prévision pour l'exercice 2026.", "fr",
     "agree"),
    # an age read against a year or a count
    ("age apposition", "Rao, 61, said the plant would reopen.", "en", "Rao said the 40 workers would return.", "en", "agree"),
    ("age hindi", "61 वर्षीय राव ने कहा कि संयंत्र खुलेगा।", "hi", "Rao said the plant would reopen in 2025.", "en", "agree"),
    # prices at two moments or on two exchanges are two facts
    ("moments", "Shares opened at ₹1,512.", "en", "Shares closed at ₹1,486.", "en", "agree"),
    ("exchanges", "On the NSE the stock closed at ₹1,486.", "en", "On the BSE the stock closed at ₹1,488.", "en", "agree"),
    ("same moment differs", "Shares closed at ₹1,512.", "en", "Shares closed at ₹1,486.", "en", "conflict"),
    # SI units are measures, not multipliers
    ("metres", "She won the 400m relay.", "en", "Elle a gagné le relais 4 x 400 mètres.", "fr", "agree"),
    ("metres differ", "She won the 400m race.", "en", "Elle a gagné la course de 800 mètres.", "fr", "conflict"),
    # French and narrow-space thousands separators
    ("fr thousands", "About 9,000 people were evacuated.", "en", "Environ 9 000 personnes ont été évacuées.", "fr", "agree"),
    ("nbsp thousands", "The road is 1,040 km long.", "en", "La route fait 1\u2009040\u00a0km.", "fr", "agree"),
    # a grouped or decimal number glued to its unit is one number ("5,500mAh" was read as 5 and 500)
    ("glued unit", "It has a 5,500mAh battery.", "en", "Sa batterie de 5 500 mAh se recharge vite.", "fr", "agree"),
    ("glued decimal", "The chip runs at 3.5GHz.", "en", "La puce tourne à 3,5 GHz.", "fr", "agree"),
    ("fr decimal grouped", "It closed at ₹1,486.20.", "en", "Le titre a clôturé à 1 486,20 roupies.", "fr", "agree"),
    # Hindi number words are one word each; a dozen multiplies
    ("hindi words", "Three of them left.", "en", "उनमें से एक तीन चले गए।", "hi", "agree"),
    ("dozen", "More than two dozen people came.", "en", "दो दर्जन से ज़्यादा लोग आए।", "hi", "agree"),
    # ranges and bounds
    ("range", "Revenue will grow 1-3 per cent.", "en", "Le chiffre d'affaires croîtra de 2 %.", "fr", "agree"),
    ("range differs", "Revenue will grow 1-3 per cent.", "en", "Revenue will grow 2-4 per cent.", "en", "conflict"),
    ("bounds differ", "At least eight people died.", "en", "Au moins cinq personnes sont mortes.", "fr", "conflict"),
    ("hyphen compound", "It ends Allen's eight-year search.", "en", "It ends Allen's five-year search.", "en", "conflict"),
    # dates: a month with no day, a year before a noun
    ("month of year", "Apollo landed in May of 1969.", "en", "Apollo a aluni en juin 1969.", "fr", "conflict"),
    ("attributive year", "It was a 1998 book.", "en", "C'était un livre de 1998.", "fr", "agree"),
]


@pytest.mark.parametrize(
    ("text_a", "lang_a", "text_b", "lang_b", "expected"),
    [pytest.param(*row[1:], id=row[0]) for row in PAIRS],
)
def test_typed_quantities(text_a: str, lang_a: str, text_b: str, lang_b: str, expected: str) -> None:
    a = line_sentence("a" * 16, 0, lang_a, text_a, "ev")
    b = line_sentence("b" * 16, 0, lang_b, text_b, "ev")
    [pair] = label([make_pair(a, b, 1.1)], [], LabelConfig())
    assert pair.label == expected, pair.evidence


def test_different_moments_are_shown_not_compared() -> None:
    a = line_sentence("a" * 16, 0, "en", "Shares were at ₹1,505 at 12:30.", "ev")
    b = line_sentence("b" * 16, 0, "en", "Shares were at ₹1,486 at the close.", "ev")
    [pair] = label([make_pair(a, b, 1.1)], [], LabelConfig())
    assert pair.label == "agree"
    [shown] = [e for e in pair.evidence if e.note.startswith("not compared")]
    assert "12:30" in shown.note and "close" in shown.note
