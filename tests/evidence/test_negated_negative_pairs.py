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
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_a_negated_negative_states_the_positive(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
