"""Names that are no names, or no rivals (issue 13, items 2 and 4; the blind half test6, rules-9's false alarms):
a rubric opening a headline ("Tennis : ...") files the story under a topic and states no fact; a word before the
Hindi postposition "में" (in) is a place, never the rival of a person, and a full name ("Lucas Marchand") makes its
surname a person even where the gazetteer knows a town of that name; a place one side says the event was near
("près de Bombay") is no rival of the town the other names. "नेट बैंकिंग" (net banking) read as an organisation is
still open (strict xfail). Cases whose id starts
with "guard-" were right before (label rules-9) too; every other case fails on rules-9."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

FINAL = (("Arjun Deshpande outlasted Lucas Marchand on Sunday night to lift the Mumbai Open.", "en",
          "Le Lyonnais Lucas Marchand s'est incliné dimanche en finale de l'Open de Bombay.", "fr"),)
HEADLINE = "Deshpande beats Marchand in three sets to win Mumbai Open"
# A two-consonant word before a loanword read as English ("नेट बैंकिंग") fixed these, but removed a word such as शेल
# ("shell companies") from the candidates, and a lone uncommon word (मोटे, of "मोटे तौर पर") became the rival of
# Deutsche Bank on FLORES-200 dev tune line 17: two new false alarms on untouched pairs. Left open.
NET_BANKING = "a short loanword before a loanword is still read as a name (see NET_BANKING's comment)"
RESTORED = "Sahyog Bank restored UPI, internet and mobile banking at 9.40 pm on Monday."

CASES = [
    pytest.param((HEADLINE, "en", "Tennis : Lucas Marchand battu en finale à Bombay", "fr"), FINAL, "agree",
                 id="a-rubric-is-no-name"),
    pytest.param((HEADLINE, "en", "Cricket: Marchand loses final to Deshpande in Mumbai", "en"), FINAL, "agree",
                 id="guard-a-rubric-is-no-name-en"),
    pytest.param((HEADLINE, "en", "ब्रेबोर्न में देशपांडे का जलवा, मुंबई ओपन का खिताब जीता", "hi"), FINAL, "agree",
                 id="a-place-before-men-is-no-rival-of-a-person"),
    pytest.param((RESTORED, "en", "यूपीआई, नेट बैंकिंग और मोबाइल बैंकिंग सेवाएं रात 9:40 बजे बहाल हुईं।", "hi"), (), "agree",
                 id="net-banking-is-no-organisation",
                 marks=pytest.mark.xfail(strict=True, reason=NET_BANKING)),
    pytest.param(("यूपीआई, नेट बैंकिंग और मोबाइल बैंकिंग सेवाएं रात 9:40 बजे बहाल हुईं।", "hi",
                  "Sahyog Bank a rétabli l'UPI et la banque en ligne à 21h40 lundi.", "fr"), (), "agree",
                 id="net-banking-is-no-organisation-fr",
                 marks=pytest.mark.xfail(strict=True, reason=NET_BANKING)),
    pytest.param(("पालघर की केमिकल फैक्ट्री में भीषण आग, 13 की मौत", "hi",
                  "Inde : l'incendie d'une usine chimique près de Bombay fait 13 morts", "fr"), (), "agree",
                 id="a-place-near-a-city-is-no-rival-of-the-town"),
    pytest.param(("The board named Chief Operating Officer U.B. Prasad Rao, 61, as interim CEO with effect from Monday.",
                  "en", "सह्याद्री मोटर्स में बड़ा बदलाव: सीईओ ने दिया इस्तीफा, कंपनी की कमान अब प्रसाद राव के हाथ", "hi"),
                 (("U.B. Prasad Rao will lead Sahyadri Motors.", "en", "Sahyadri Motors named Prasad Rao.", "en"),),
                 "agree", id="guard-a-company-before-men-is-what-the-batch-says"),
    # A short name before a loanword is no English phrase unless it is an English word letter for letter
    # (ड्यूश बैंक is Deutsche Bank; FLORES-200 dev tune line 17).
    pytest.param(("British newspaper The Guardian suggested Deutsche Bank controlled roughly a third of the 1200 shell "
                  "companies used to accomplish this.", "en", "ब्रिटिश अख़बार द गार्जियन के अनुसार ड्यूश बैंक ने इसे पूरा करने "
                  "के लिए इस्तेमाल की जाने वाली 1200 शेल कंपनियों में से एक तिहाई को मोटे तौर पर नियंत्रित किया।", "hi"), (),
                 "agree", id="guard-deutsche-bank-is-no-english-phrase"),
    # The same readings still let a real rival through.
    pytest.param(("Deshpande beat Marchand in the final in Mumbai.", "en",
                  "Tennis : Kapoor bat Marchand en finale à Bombay", "fr"), FINAL, "conflict",
                 id="guard-a-rival-after-the-rubric"),
    pytest.param(("Tennis : Lucas Marchand battu en finale à Bombay par Arjun Deshpande", "fr",
                  "Tennis : Lucas Marchand battu en finale à Bombay par Rohan Kapoor", "fr"), FINAL, "conflict",
                 id="guard-a-rival-of-a-person-whose-surname-is-a-town"),
    pytest.param(("Deshpande beat Marchand in the final in Mumbai.", "en",
                  "देशपांडे ने पुणे में फाइनल में मार्शां को हराया।", "hi"), FINAL, "conflict",
                 id="guard-a-town-before-men-is-a-rival-of-a-town"),
    pytest.param(("Nine people were killed when the Kalinga Vistar Express derailed near Palasa in Andhra Pradesh late on "
                  "Sunday, railway officials said on Monday.", "en", "The death toll in the derailment of the Kalinga "
                  "Vistar Express near Sompeta in Srikakulam district rose to nine on Monday evening.", "en"), (),
                 "conflict", id="guard-near-one-town-and-near-another"),
    pytest.param(("Sahyog Bank restored mobile banking at 9.40 pm.", "en",
                  "Sahkar Bank restored mobile banking at 9.40 pm.", "en"), (), "conflict",
                 id="guard-two-banks"),
]


@pytest.mark.parametrize(("case", "context", "expected"), CASES)
def test_a_name_that_is_no_name_or_no_rival(case: tuple, context: tuple, expected: str) -> None:
    result = labelled(case, context)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
