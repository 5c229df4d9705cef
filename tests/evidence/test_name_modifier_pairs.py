"""A Hindi word that qualifies the noun after it is no rival of a name on the other side (multi-outlet test4, the
largest class of its false alarms): an adjective ("78 रन की जुझारू पारी", a gritty innings) does not stand where
a person stands. Read for the uncommon Hindi word the rules fall back on when they see no name candidate; a name
candidate qualifying a noun ("पलासा रेल हादसा", the Palasa rail accident; "चेपॉक टेस्ट", the Chepauk Test) is
still a rival (strict xfail below), and so is a district against a state (no admin levels). A name that a case
marker, a figure or another name follows stays a rival. Cases whose id starts with "guard-" were right before
(label rules-7) too; every other case fails on rules-7."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

# Read only for the uncommon word the rules fall back on (``names._lone_rival``): applied to every Devanagari name
# candidate it took the rival out of "ओबामा प्रशासन" (the Obama administration) too, FLORES tune name F1 without
# text_en person 0.83 -> 0.82, place 0.86 -> 0.85, organisation 0.66 -> 0.64 (bench/RESULTS.md, rules-8).
QUALIFYING_NAME = pytest.mark.xfail(strict=True, reason="a name candidate qualifying a noun is still a rival")

CASES = [
    pytest.param(("Captain Liam Harwood top-scored for the visitors with 78 before he was trapped leg before by "
                  "Shinde.", "en", "कप्तान लियाम हारवुड ने 78 रन की जुझारू पारी खेली।", "hi"), "agree", id="an-adjective-is-no-person"),
    pytest.param(("Nine killed as Kalinga Vistar Express derails in Andhra Pradesh", "en",
                  "पलासा रेल हादसा: मृतकों की संख्या ९ हुई, तोड़फोड़ की आशंका खारिज", "hi"), "agree",
                 id="the-place-of-a-rail-accident-is-no-train", marks=QUALIFYING_NAME),
    pytest.param(("Shinde spins India to 143-run win over New Zealand and a 2-0 series lead", "en",
                  "चेपॉक टेस्ट: भारत ने न्यूजीलैंड को 143 रन से हराया, सीरीज में 2-0 की अजेय बढ़त", "hi"), "agree",
                 id="the-ground-of-a-test-is-no-player", marks=QUALIFYING_NAME),
    pytest.param(("चेपॉक टेस्ट: भारत ने न्यूजीलैंड को 143 रन से हराया, सीरीज में 2-0 की अजेय बढ़त", "hi",
                  "L'Inde a battu la Nouvelle-Zélande de 143 courses, lundi à Chennai.", "fr"), "agree",
                 id="the-ground-of-a-test-is-no-city", marks=QUALIFYING_NAME),
    pytest.param(("28-year-old Weber had joined Barça three seasons ago, from Sevilla.", "en",
                  "28 वर्षीय विडाल तीन सीजन पहले सेविला से बारका में शामिल हुए थे।", "hi"), "conflict",
                 id="guard-a-figure-after-a-name"),
    pytest.param(("Alexeï Leonov faisait partie de l'équipe originale des cosmonautes de l'Union soviétique.", "fr",
                  "वॉल्श सोवियत यूनियन की मूल अंतरिक्ष यात्रियों की टीम का एक हिस्सा था.", "hi"), "conflict",
                 id="guard-a-name-after-a-name"),
    pytest.param(("You can obtain a satellite Internet connection in the wilds of Chicken, Alaska.", "en",
                  "आप ओंटारियो स्थित चिकन के जंगलों में सैटेलाइट इंटरनेट कनेक्शन पा सकते हैं.", "hi"), "conflict",
                 id="guard-a-place-located"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_a_word_qualifying_a_noun_is_no_rival(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
