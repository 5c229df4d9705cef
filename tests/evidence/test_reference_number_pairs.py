"""Numbers that name an item of a series (issue 13, rules-6): "Article 19(1)(g)", "Section 105", "धारा 9", "the
No 19 jersey", "19 नंबर की जर्सी" are identifiers, compared only with a number of the same noun, never with a count,
a sum or an age. Cases whose id starts with "guard-" were right before (rules-5) too; every other case fails on the
code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

CASES = [
    pytest.param(("The bench held that the fee cap violated Article 19.", "en",
                  "पीठ ने कानून की धारा 9 को रद्द कर दिया।", "hi"), "agree", id="article-vs-section"),
    pytest.param(("The fee cap violated Article 19.", "en",
                  "Le plafond de 150 000 roupies a été jugé arbitraire.", "fr"), "agree", id="article-vs-sum"),
    pytest.param(("Thapa will wear the number 19 shirt.", "en", "Il a marqué 14 buts.", "fr"), "agree",
                 id="shirt-number-vs-count"),
    pytest.param(("Thapa will wear the number 19 shirt.", "en", "थापा 19 नंबर की जर्सी पहनेंगे।", "hi"), "agree",
                 id="guard-same-shirt-number"),
    pytest.param(("The cap violated Article 19(1)(g), the court said.", "en", "The cap violated Article 19.", "en"),
                 "agree", id="guard-sub-clauses-are-part-of-the-reference"),
    # Guards: two items of one series that differ, and counts, stay conflicts.
    pytest.param(("The court struck down Section 9 of the law.", "en", "अदालत ने कानून की धारा 11 को रद्द कर दिया।", "hi"),
                 "conflict", id="guard-section-9-vs-section-11"),
    pytest.param(("Five judges heard the case.", "en", "Sept juges ont entendu l'affaire.", "fr"), "conflict",
                 id="guard-counts"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_reference_numbers_are_identifiers(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
