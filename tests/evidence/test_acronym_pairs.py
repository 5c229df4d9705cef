"""A body named by its acronym on one side and by its expansion on the other is one body (issue 13, rules-6):
the expansion's initials spell the acronym (in any order, function words skipped), in the text or its
translation; a Hindi organisation word (महानिदेशालय, प्राधिकरण) is the head of a translated name, not a rival.
dgca-hindi-words, dgca-french and the elided-article cases ("Côte d'Opale" is डोपाल) fail on rules-5
(false alarms of multi-outlet test2); the other AGREE cases are guards that rules-5 already agreed on by luck
(two Hindi words, a pair outside its event). A run of capitalised words holding an organisation word ("Aircraft
Accident Investigation Bureau") is an organisation's name, and a rival of another body's acronym: the SWAP cases, which
rules-5 missed, and the GUARD cases, which it found and must still find."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

# multi-outlet test2 (bench/multi_outlet), FLORES-200 dev (CC BY-SA) and invented sentences
AGREE = [
    pytest.param(("India's aviation regulator, the Directorate General of Civil Aviation (DGCA), has ordered a probe.",
                  "en", "नागरिक उड्डयन महानिदेशालय ने मामले की जांच के आदेश दिए हैं।", "hi"), id="dgca-hindi-words"),
    pytest.param(("डीजीसीए ने घटना की जांच के आदेश दे दिए हैं।", "hi",
                  "नागरिक उड्डयन महानिदेशालय ने मामले की जांच के आदेश दिए हैं।", "hi"), id="letter-names-hindi-words"),
    pytest.param(("नागरिक उड्डयन महानिदेशालय ने मामले की जांच के आदेश दिए हैं।", "hi",
                  "Le gendarme indien de l'aviation civile, la DGCA, a ouvert une enquête.", "fr"), id="dgca-french"),
    pytest.param(("पिछले आईएसएल सीजन में थापा ने 22 मैचों में 14 गोल दागे थे।", "hi",
                  "La saison passée, il a inscrit 14 buts en 22 matchs de Super League indienne.", "fr"),
                 id="isl-initials-any-order"),
    pytest.param(("पिछले आईएसएल सीजन में थापा ने 22 मैचों में 14 गोल दागे थे।", "hi", "La saison passée, il a inscrit 14 "
                  "buts en 22 matchs de Super League indienne, dont le but de la victoire.", "fr"),
                 id="isl-expansion-is-no-rival-of-another-name"),
    pytest.param(("French second-tier side Stade Côte d'Opale signs Indian forward Thapa", "en",
                  "भारतीय फॉरवर्ड साहिल थापा का फ्रांसीसी क्लब स्टाद कोट डोपाल में ट्रांसफर पक्का हो गया है।", "hi"),
                 id="elided-article-is-spoken-dopal"),
    pytest.param(("French second-tier side Stade Côte d'Opale signs Indian forward Thapa", "en",
                  "कोलकाता मेरिनर्स एफसी के स्ट्राइकर साहिल थापा ने फ्रांस की दूसरी डिवीजन के क्लब स्टाद कोट डोपाल के साथ "
                  "करार किया है।", "hi"), id="elided-article-name-is-no-country"),
]


@pytest.mark.parametrize("case", AGREE)
def test_an_acronym_and_its_expansion_are_one_body(case: tuple) -> None:
    result = labelled(case)
    assert result.label == "agree", [(e.kind, e.a, e.b, e.note) for e in result.evidence]


def test_an_acronym_matches_the_initials_of_the_other_sides_translation() -> None:
    from align.config import LabelConfig
    from align.label import label
    from tests.evidence.pairs import pair

    translated = pair("The probe was ordered by the DGCA.", "en", "जांच का आदेश महानिदेशालय ने दिया।", "hi",
                      en_b="The probe was ordered by the Directorate General of Civil Aviation.")
    found = label([translated], [], LabelConfig())[0]
    assert found.label == "agree", [(e.kind, e.a, e.b, e.note) for e in found.evidence]


SWAP = [
    pytest.param(("The Aircraft Accident Investigation Bureau has ordered a probe into the incident.", "en",
                  "Le gendarme indien de l'aviation civile, la DGCA, a ouvert une enquête.", "fr"),
                 "Aircraft Accident Investigation Bureau", id="bureau-vs-acronym"),
    pytest.param(("The Aircraft Accident Investigation Bureau has ordered a probe into the incident.", "en",
                  "डीजीसीए ने घटना की जांच के आदेश दे दिए हैं।", "hi"),
                 "Aircraft Accident Investigation Bureau", id="bureau-vs-letter-names"),
    # The expansion beside its acronym is that body, and the frame is what stands around the names.
    pytest.param(("India's aviation regulator, the Directorate General of Civil Aviation (DGCA), has ordered a probe "
                  "into the incident.", "en", "The Aircraft Accident Investigation Bureau has ordered a probe into "
                  "the incident.", "en"), "Aircraft Accident Investigation Bureau", id="expanded-acronym-vs-bureau"),
]

GUARD = [
    pytest.param(("The DGCA has ordered a probe into the incident.", "en",
                  "The AAIB has ordered a probe into the incident.", "en"), "DGCA", id="two-acronyms"),
    pytest.param(("The DGCA has ordered a probe into the incident.", "en",
                  "Le BEA a ouvert une enquête sur l'incident.", "fr"), "DGCA", id="two-acronyms-two-languages"),
]


@pytest.mark.parametrize(("case", "rival"), SWAP + GUARD)
def test_another_body_in_the_same_slot_is_a_conflict(case: tuple, rival: str) -> None:
    result = labelled(case)
    assert result.label == "conflict", [(e.kind, e.a, e.b, e.note) for e in result.evidence]
    assert rival in (result.evidence[0].a, result.evidence[0].b)
