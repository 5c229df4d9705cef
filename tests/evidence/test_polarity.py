"""Negation cues read from one text, in three languages."""

from __future__ import annotations

import pytest

from align.evidence.polarity import NEGATIONS
from tests.evidence.reading import facts

# (text, language, the cues as read)
CUES = [
    pytest.param("Je n'ai pas de temps pour cela.", "fr", ["n' … pas"], id="fr-ne-pas"),
    pytest.param("Il ne mange que des pommes.", "fr", [], id="fr-ne-que-is-only"),
    pytest.param("L'espagnol n'est pas seulement parlé en Espagne.", "fr", [], id="fr-pas-seulement"),
    pytest.param("आगे क्या होगा, मुझे नहीं पता.", "hi", ["नहीं"], id="hi-nahin"),
    pytest.param("He didn't resign; she denied it.", "en", ["didn't"], id="en-denied-is-lexical"),
    pytest.param("Not only AI, but biological weapons too.", "en", [], id="en-not-only"),
    # Litotes: "not the only one" / "अकेला नहीं" (not alone) say there are others; they deny nothing.
    pytest.param("Sharma is not the only one who faces this dilemma.", "en", [], id="en-litotes"),
    pytest.param("मृणांक का इस्तीफा अकेला नहीं है.", "hi", [], id="hi-litotes"),
    pytest.param("Il n'est pas le seul à partir.", "fr", [], id="fr-litotes"),
    # The French partner may stand before ne.
    pytest.param("Personne n'avait de solution.", "fr", ["Personne … n'"], id="fr-partner-first"),
    pytest.param("Rien ne va plus.", "fr", ["Rien"], id="fr-one-cue-for-rien-ne-plus"),
    pytest.param("Je n'ai pas compris un seul mot.", "fr", ["n' … pas"], id="fr-un-seul-is-not-litotes"),
    # Clausal negation only (issue 13): lexical negatives and idioms are not cues, literary French ne is.
    pytest.param("Il a signé sans hésiter et a refusé la prime.", "fr", [], id="fr-sans-refuse-lexical"),
    pytest.param("He left without a word and declined to comment.", "en", [], id="en-without-declined-lexical"),
    pytest.param("इतना ही नहीं, वह बिना बताए चला गया।", "hi", [], id="hi-itna-hi-nahin-bina"),
    pytest.param("Sites are no smaller than 50 hectares.", "en", [], id="en-no-comparative-than-is-a-bound"),
    pytest.param("Proper nutrition alone cannot generate elite performances.", "en", ["cannot"],
                 id="guard-en-alone-before-the-negation-is-no-litotes"),
    pytest.param("Il a ordonné que personne ne tire avant que les soldats ne la franchissent.", "fr",
                 ["personne … ne"], id="fr-expletive-ne-after-avant-que"),
    pytest.param("Leur cerveau ne peut être stimulé par des méthodes normales.", "fr", ["ne … peut"],
                 id="fr-literary-ne-alone"),
    pytest.param("Fred est le cyclone le plus violent jamais enregistré.", "fr", [], id="fr-bare-jamais-is-ever"),
]


@pytest.mark.parametrize(("text", "language", "expected"), CUES)
def test_negation_cues(text: str, language: str, expected: list[str]) -> None:
    assert [c.word for c in facts(text, language)[NEGATIONS]] == expected
