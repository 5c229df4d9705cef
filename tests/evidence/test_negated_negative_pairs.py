"""Polarity is the predicate's, not a count of negation words (issue 13, item 3; multi-outlet test4): a negated
lexical negative states the positive ("la police n'écarte pas l'hypothèse d'un sabotage", the police do not rule
out sabotage) and contradicts a negative stated either way ("ruled out sabotage", "found nothing to suggest
sabotage", "तोड़फोड़ की आशंका खारिज"); two negatives said two ways ("nothing to suggest" / "ruled out") agree.
Cases whose id starts with "guard-" were right before (label rules-7) too; every other case fails on rules-7."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

DOES_NOT_RULE_OUT = ("Une soudure de rail défectueuse est la piste privilégiée, mais la police n'écarte pas "
                     "l'hypothèse d'un sabotage.", "fr")
RULED_OUT = ("Preliminary checks point to a fractured rail weld, and the railway police ruled out sabotage.", "en")
NOTHING_TO_SUGGEST = ("A fractured weld on the up line is the likeliest cause, and the Government Railway Police "
                      "have found nothing to suggest sabotage.", "en")

CASES = [
    pytest.param((*NOTHING_TO_SUGGEST, *DOES_NOT_RULE_OUT), "conflict", id="nothing-to-suggest-vs-does-not-rule-out"),
    pytest.param(("पलासा रेल हादसा: मृतकों की संख्या ९ हुई, तोड़फोड़ की आशंका खारिज", "hi", *DOES_NOT_RULE_OUT),
                 "conflict", id="guard-hindi-ruled-out-vs-does-not-rule-out"),
    pytest.param((*NOTHING_TO_SUGGEST, *RULED_OUT), "agree", id="nothing-to-suggest-is-ruled-out"),
    pytest.param(("The police did not rule out sabotage.", "en", "The police ruled out sabotage.", "en"), "conflict",
                 id="guard-did-not-rule-out-vs-ruled-out"),
    pytest.param((*RULED_OUT, *DOES_NOT_RULE_OUT), "conflict", id="guard-ruled-out-vs-does-not-rule-out"),
    pytest.param(("The minister did not deny the report.", "en", "The minister denied the report.", "en"),
                 "conflict", id="guard-did-not-deny-vs-denied"),
    pytest.param(("The board did not accept the offer.", "en", "The board refused the offer.", "en"), "agree",
                 id="guard-did-not-accept-is-refused"),
    # A negative read from a prefix is found on one side only: "not an abnormality" / "कोई असामान्य बात नहीं" say
    # one thing (FLORES-200 dev test lines 509, 899, 912; these were false alarms of the first rules-8).
    pytest.param(("It is not a learning disability, it is a learning disorder.", "en",
                  "यह सीखने की अक्षमता नहीं है, यह सीखने का विकार है।", "hi"), "agree", id="not-a-disability-prefix-only"),
    pytest.param(("Avalanches are not an abnormality; steep slopes can hold only so much snow.", "en",
                  "हिमस्खलन कोई असामान्य बात नहीं है; खड़ी ढलान पर बर्फ़ की पकड़ ढीली हो सकती है।", "hi"), "agree",
                 id="not-abnormal-prefix-only"),
    pytest.param(("There is also no requirement that you obtain a local number from the community in which you live.",
                  "en", "Il n'est pas non plus obligatoire d'obtenir un numéro local de la collectivité dans laquelle "
                  "vous vivez.", "fr"), "agree", id="pas-non-plus-is-not-either"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_a_negated_negative_states_the_positive(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
