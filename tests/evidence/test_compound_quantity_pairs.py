"""Compound quantities read as one typed value (issue 13, rules-5): a French chrono "44 s 16" is 44.16 seconds, a
match score "4-1" is one result (either way round), never two bare numbers. Cases whose id starts with "guard-"
were right before (rules-4) too; every other case fails on the code before it."""

from __future__ import annotations

import pytest

from align.config import LabelConfig
from align.evidence.compare import extract_facts
from align.evidence.numbers import NUMBERS
from tests.evidence.pairs import labelled

CASES = [
    pytest.param(("L'équipe indienne a bouclé le relais en 44 s 16.", "fr",
                  "The Indian team finished the relay in 44.61 seconds.", "en"), "conflict", id="chrono-split-differs"),
    pytest.param(("L'équipe indienne a bouclé le relais en 44 s 61.", "fr",
                  "The Indian team finished the relay in 44.61 seconds.", "en"), "agree", id="guard-chrono-same"),
    pytest.param(("India beat Japan 4-1 in the final.", "en", "L'Inde a battu le Japon 3-2 en finale.", "fr"),
                 "conflict", id="scores-differ"),
    pytest.param(("India beat Japan 4-1 in the final.", "en", "Le Japon s'est incliné 1-4 face à l'Inde en finale.",
                  "fr"), "agree", id="guard-score-told-from-the-other-side"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_compound_quantities_are_one_value(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]


@pytest.mark.parametrize(("text", "language", "read"), [
    ("en 44 s 16", "fr", [(44.16, None, "duration")]),
    ("beat Japan 4-1", "en", [(4.0, 1.0, "score")]),
    ("growth of 1-3 per cent", "en", [(1.0, 3.0, "percent")]),
    ("5-10 trucks arrived", "en", [(5.0, 10.0, "count")]),
])
def test_how_compound_quantities_read(text: str, language: str, read: list) -> None:
    facts = extract_facts(text, language, None, LabelConfig())
    assert [(q.value, q.high, q.kind) for q in facts[NUMBERS]] == read
