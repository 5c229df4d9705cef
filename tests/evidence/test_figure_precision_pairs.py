"""Precision and scale (issue 13, rules-9, class 3). A figure written coarser than another is the other rounded: the
two are compared at the precision of the less precise one ("3%" headline / "3.1%" agree, "3%" / "3.6%" do not); a
multiplier joined to the number by hyphens is a multiplier ("1,240-crore-rupee" is 12.4 billion rupees). Cases whose
id starts with "guard-" were right before (rules-8) too; every other case fails on the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

CASES = [
    pytest.param(("Saurashtra Logistics slides 3% as vessels wait", "en",
                  "Shares of Saurashtra Logistics fell 3.1% to 287.60 rupees.", "en"), "agree", id="3-is-3.1-rounded-en"),
    pytest.param(("Saurashtra Logistics slides 3% as vessels wait", "en",
                  "Le titre Saurashtra Logistics a perdu 3,1 %.", "fr"), "agree", id="3-is-3,1-rounded-en-fr"),
    pytest.param(("सौराष्ट्र लॉजिस्टिक्स का शेयर 3 फीसदी लुढ़का।", "hi",
                  "Shares of Saurashtra Logistics fell 3.1% to 287.60 rupees.", "en"), "agree", id="3-is-3.1-rounded-hi-en"),
    pytest.param(("The project cost 12 million dollars.", "en", "The project cost 12.4 million dollars.", "en"), "agree",
                 id="a-rounded-magnitude"),
    pytest.param(("The 1,240-crore-rupee bridge is being built by Devgiri Infra Projects.", "en",
                  "L'ouvrage, d'un coût de 12,4 milliards de roupies, est construit par le groupe Devgiri Infra Projects.",
                  "fr"), "agree", id="hyphen-joined-crore"),
    pytest.param(("The 5-million-dollar prize went to Asha Rao.", "en", "Asha Rao a reçu le prix de 5 millions de dollars.",
                  "fr"), "agree", id="guard-hyphen-joined-million"),
    pytest.param(("Saurashtra Logistics slides 3% as vessels wait", "en",
                  "Shares of Saurashtra Logistics fell 3.6% to 287.60 rupees.", "en"), "conflict",
                 id="guard-3-is-not-3.6"),
    pytest.param(("Shares of Saurashtra Logistics fell 3.1%.", "en", "Shares of Saurashtra Logistics fell 3.4%.", "en"),
                 "conflict", id="guard-same-precision"),
    pytest.param(("The 1,240-crore-rupee bridge is being built by Devgiri Infra Projects.", "en",
                  "L'ouvrage, d'un coût de 14,2 milliards de roupies, est construit par le groupe Devgiri Infra Projects.",
                  "fr"), "conflict", id="guard-hyphen-joined-crore-differs"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_figures_compare_at_the_coarser_precision(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
