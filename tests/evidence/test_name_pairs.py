"""Names as typed facts, pair by pair (issue 13): the error classes of the names evidence, each a case that the
label stage before issue 13 got wrong.

Every case is (sentence A, language, sentence B, language). Cases whose id starts with "guard-" were right
before issue 13 too and must stay so; every other case fails on the code before it.
"""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

# One name in two scripts or two languages' forms, a word that is no name, an inflection: never a conflict.
AGREE = [
    pytest.param(("Director Sharma approved the plan.", "en", "Directors Sharma approved the plan.", "en"),
                 id="singular-plural-of-a-title"),
    pytest.param(("On Monday, scientists from the Stanford University School of Medicine announced a new tool.",
                  "en", "सोमवार को, स्टैनफ़ोर्ड यूनिवर्सिटी स्कूल ऑफ़ मेडिसिन के वैज्ञानिकों ने एक नए उपकरण की घोषणा की।",
                  "hi"), id="devanagari-loanword-medicine"),
    pytest.param(("The Directors met on Friday.", "en", "डायरेक्टर शुक्रवार को मिले।", "hi"),
                 id="guard-devanagari-loanword-director"),
    pytest.param(("The protest started on Whitehall opposite Downing Street.", "en",
                  "व्हाइटहॉल पर विरोध शुरू हुआ, जो डाउनिंग स्ट्रीट के सामने था।", "hi"),
                 id="transliteration-never-conflicts"),
    pytest.param(("Protests also took place in Edinburgh and Glasgow in Scotland.", "en",
                  "स्कॉटलैंड के एडिनबर्ग और ग्लासगो में भी विरोध प्रदर्शन हुए।", "hi"), id="transliterated-places"),
    pytest.param(("Brazil is the largest Roman Catholic country on Earth.", "en",
                  "Le Brésil est le plus grand pays catholique du monde.", "fr"), id="exonym-brazil"),
    pytest.param(("Belgium had no government for a year.", "en", "La Belgique n'a pas eu de gouvernement pendant un an.",
                  "fr"), id="exonym-belgium"),
    pytest.param(("The phases of Venus supported the theory of Copernicus.", "en",
                  "Les phases de Vénus ont justifié la théorie de Copernic.", "fr"), id="exonym-copernicus"),
    pytest.param(("Scientists have suspected Enceladus as geologically active.", "en",
                  "Les scientifiques ont soupçonné Encelade d'être géologiquement actif.", "fr"), id="exonym-enceladus"),
    pytest.param(("After the compilation of Upanishads, Sanskrit just faded.", "en",
                  "उपनिषदों के संकलन के बाद, संस्कृत फीकी पड़ गई।", "hi"), id="hindi-oblique-plural"),
    pytest.param(("The attack put a huge strain on relations between India and Pakistan.", "en",
                  "हमले ने भारत और पाकिस्तान के रिश्तों पर भारी तनाव डाला है.", "hi"), id="guard-exonym-india-bharat"),
    pytest.param(("Tremors were felt in Bombay and Guwahati.", "en",
                  "Des secousses ont été ressenties à Mumbai et à Guwahati.", "fr"), id="renamed-city-is-one-place"),
    # A surname alone agrees with the full name and its initials.
    pytest.param(("Rao said the board had met.", "en", "U.B. Prasad Rao said the board had met.", "en"),
                 id="guard-surname-agrees-with-full-name"),
    pytest.param(("The order was signed by Rao.", "en", "The order was signed in Mumbai.", "en"),
                 id="a-person-is-no-rival-of-a-city"),
]


@pytest.mark.parametrize("case", AGREE)
def test_one_name_or_no_name_is_not_a_conflict(case: tuple) -> None:
    result = labelled(case)
    assert result.label == "agree", [(e.kind, e.a, e.b, e.note) for e in result.evidence]


# Different names: spelt differently in one script, initials that differ, a name swapped in the same slot.
CONFLICT = [
    pytest.param(("CFO U.B. Prasad Rao resigned on Friday.", "en", "CFO U.P. Prasad Rao resigned on Friday.", "en"),
                 "name", id="initials-differ"),
    pytest.param(("चीफ फाइनेंशियल ऑफिसर के.बी. सुधीर नायर ने कहा कि मार्जिन घटा।", "hi",
                  "Chief Financial Officer K.V. Sudhir Nair said the margin narrowed.", "en"),
                 "name", id="devanagari-initials-differ"),
    pytest.param(("Jithin Mathews anchored the relay team.", "en", "Jithin Mathew anchored the relay team.", "en"),
                 "name", id="spelling-in-one-script"),
    pytest.param(("निखिल भांडारकर ने इस्तीफा दे दिया।", "hi", "निखिल भंडारकर ने इस्तीफा दे दिया।", "hi"),
                 "name", id="devanagari-spelling-in-one-script"),
    pytest.param(("Weber's head to head record against the Canadian is 7–2.", "en",
                  "Le score de Nadal en confrontations directes face au Canadien est de 7-2.", "fr"),
                 "name", id="person-swapped-against-french"),
    pytest.param(("28-year-old Weber had joined Barça three seasons ago, from Sevilla.", "en",
                  "28 वर्षीय विडाल तीन सीजन पहले सेविला से बारका में शामिल हुए थे।", "hi"),
                 "name", id="person-swapped-against-hindi"),
    pytest.param(("Mr Costello said that when nuclear power generation becomes economically viable, Argentina "
                  "should pursue its use.", "en",
                  "M. Costello a déclaré qu'alors que la production d'énergie nucléaire devient économiquement viable, "
                  "l'Australie a tout intérêt à poursuivre son utilisation.", "fr"),
                 "name", id="country-swapped-against-french"),
    pytest.param(("There were protests worldwide, and the leaders of the governments of Argentina and Pakistan "
                  "both resigned.", "en",
                  "दुनिया भर में विरोध प्रदर्शन हुए और आइसलैंड और पाकिस्तान की सरकारों के कई नेताओं ने इस्तीफा दे दिया।",
                  "hi"), "name", id="country-swapped-against-hindi"),
    pytest.param(("Leslie Aun, a spokesperson for the Greenpeace Foundation, said the organization adopted a new "
                  "rule.", "en",
                  "Leslie Aun, porte-parole de la Fondation Komen, a déclaré que l'organisation a adopté une nouvelle "
                  "règle.", "fr"), "entity", id="organisation-swapped-against-french"),
]


@pytest.mark.parametrize(("case", "kind"), CONFLICT)
def test_a_different_name_is_a_conflict(case: tuple, kind: str) -> None:
    result = labelled(case)
    assert result.label == "conflict", [(e.kind, e.a, e.b, e.note) for e in result.evidence]
    assert result.evidence[0].kind == kind


def test_a_transliteration_conflicts_only_through_the_batch_latin_spelling() -> None:
    # Seed: the French article writes "Mriyank"; the English one "Mrinank", which is how मृणांक reads.
    french_hindi = ("Mriyank Sharma quitte Anthropic.", "fr", "मृणांक शर्मा ने एंथ्रोपिक छोड़ दिया।", "hi")
    assert labelled(french_hindi).label == "agree"
    english = ("Mrinank Sharma has left Anthropic.", "en", "मृणांक शर्मा ने इस्तीफा दे दिया।", "hi")
    result = labelled(french_hindi, context=(english,))
    assert result.label == "conflict" and "mriyank vs mrinank" in result.evidence[0].note
