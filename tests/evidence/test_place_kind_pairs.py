"""A rival must be a name of a compatible kind (issue 13, item 4; multi-outlet test5): a currency or an amount's
abbreviation ("Rs", "INR", "Md" beside a figure) is never a name; a river ("the Narmada river", "नर्मदा नदी") is no
rival of a town ("near Ankleshwar"), nor a launch centre ("Satish Dhawan Space Centre") of the town it stands in
("श्रीहरिकोटा"). Kinds are read from the words around a name, in its own text or elsewhere in the event. Cases
whose id starts with "guard-" were right before (label rules-8) too; every other case fails on rules-8."""

from __future__ import annotations

import pytest

from align.config import LabelConfig
from align.evidence.compare import extract_facts
from align.evidence.findings import Batch
from align.evidence.names import batch_kinds
from tests.evidence.pairs import labelled

RIVER = (("Three spans of a bridge being built over the Narmada river near Jhadeshwar village collapsed.", "en",
          "गुजरात के भरूच जिले में झाडेश्वर गांव के पास नर्मदा नदी पर बन रहे पुल के तीन स्पैन ढह गए।", "hi"),)
ANKLESHWAR = ("The company's bridge near Ankleshwar lost three of its 14 spans in the afternoon.", "en")

CASES = [
    pytest.param(("The Rs 1,240 crore project was the company's largest order.", "en",
                  "पुल का निर्माण देवगिरि इंफ्रा प्रोजेक्ट्स कर रही है और इसकी लागत 1,240 करोड़ रुपये है।", "hi"), (),
                 "agree", id="rs-is-no-name"),
    pytest.param(("The INR 1,240 crore project was the company's largest order.", "en",
                  "पुल का निर्माण देवगिरि इंफ्रा प्रोजेक्ट्स कर रही है और इसकी लागत 1,240 करोड़ रुपये है।", "hi"), (),
                 "agree", id="inr-is-no-name"),
    pytest.param((*ANKLESHWAR, "भरूच में नर्मदा पर बन रहे पुल के तीन स्पैन गिरे", "hi"), RIVER, "agree",
                 id="a-river-is-no-rival-of-a-town"),
    pytest.param((*ANKLESHWAR, "Trois travées d'un pont en construction sur la Narmada se sont effondrées mercredi.",
                  "fr"), RIVER, "agree", id="a-river-is-no-rival-of-a-town-fr"),
    pytest.param(("Nakshatra Aerospace launched its Vyom-2 rocket from the Satish Dhawan Space Centre at 10.24 am on "
                  "Thursday.", "en", "हैदराबाद की कंपनी नक्षत्र एयरोस्पेस ने गुरुवार सुबह 10:24 बजे श्रीहरिकोटा से व्योम-2 "
                  "रॉकेट छोड़ा।", "hi"), (), "agree", id="a-centre-is-no-rival-of-its-town",
                 # श्रीहरिकोटा is no gazetteer place and no name candidate: only the lone-rival path sees it, with no
                 # kind, so a facility ("Space Centre") cannot be told from it (and the event's French "la base de
                 # Sriharikota" would call it a facility too).
                 marks=pytest.mark.xfail(strict=True, reason="the Hindi town has no kind the rules can read")),
    # A facility word after a town the gazetteer knows names the town's facility: the town is still the rival
    # (FLORES-200 dev tune line 47, lost by a first rules-9 that read "Ankara Harbour" as a facility).
    pytest.param(("Jonny Reid today made history by driving the fastest over the 48-year-old Ankara Harbour Bridge, "
                  "New Zealand, legally.", "en", "Jonny Reid est entré dans l’histoire aujourd’hui en franchissant le "
                  "pont du port d’Auckland (Nouvelle-Zélande), vieux de 48 ans, en toute légalité.", "fr"), (),
                 "conflict", id="guard-a-towns-harbour-is-the-town"),
    pytest.param(("The bridge is being built by Devgiri Infra Projects.", "en",
                  "The bridge is being built by Sahyadri Infra Projects.", "en"), (), "conflict",
                 id="guard-two-builders"),
    pytest.param(("The rocket lifted off from Sriharikota on Thursday.", "en",
                  "The rocket lifted off from Kulasekarapattinam on Thursday.", "en"), (), "conflict",
                 id="guard-two-launch-towns"),
]


@pytest.mark.parametrize(("case", "context", "expected"), CASES)
def test_a_rival_is_a_name_of_a_compatible_kind(case: tuple, context: tuple, expected: str) -> None:
    result = labelled(case, context)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]


@pytest.mark.parametrize(("text", "language", "spelling", "kind"), [
    # "ville d'Israël" is a city *of* Israel: the gazetteer's country outranks the kind word before it (FLORES-200
    # dev test line 693, where Israël read as a city hid the Jérusalem / लीमा swap of its batch).
    ("Jérusalem est la capitale et la plus grande ville d’Israël.", "fr", "israel", "country"),
    ("La ville de Pékin accueillera les Jeux.", "fr", "pekin", "city"),  # guard: "la ville de X" names the town
    ("Three spans collapsed near Jhadeshwar village.", "en", "jhadeshwar", "city"),  # guard
])
def test_a_country_stays_a_country_whatever_word_is_before_it(text: str, language: str, spelling: str,
                                                                  kind: str) -> None:
    config = LabelConfig()
    kinds = batch_kinds(Batch([extract_facts(text, language, None, config)]), config)
    assert kinds.get(spelling) == kind, kinds
