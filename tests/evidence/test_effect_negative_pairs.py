"""Being exempt, spared or left out is the lexical negative of being affected (issue 13, item 3; multi-outlet
test5): "exempt from the strike" = "not affected by the strike" = "हड़ताल से बाहर रखा गया" = "échappent au
mouvement" agree, whatever the count of negation words; "हड़ताल से छूट नहीं दी गई" (not given an exemption) negates
the negative and contradicts every one of them. Cases whose id starts with "guard-" were right before (label
rules-8) too; every other case fails on rules-8."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

EXEMPT = ("LPG and fertiliser cargo are exempt from the strike.", "en")
NOT_AFFECTED = ("Gas and fertiliser shipments are not affected by the strike.", "en")
LEFT_OUT = ("रसोई गैस और खाद के जहाजों को हड़ताल से बाहर रखा गया है।", "hi")
ESCAPE = ("Les cargaisons de GPL et d'engrais échappent au mouvement.", "fr")
NOT_EXEMPTED = ("एलपीजी और खाद के जहाजों को भी हड़ताल से छूट नहीं दी गई है।", "hi")

CASES = [
    pytest.param((*EXEMPT, *NOT_AFFECTED), "agree", id="exempt-is-not-affected"),
    pytest.param((*NOT_AFFECTED, *LEFT_OUT), "agree", id="not-affected-is-left-out"),
    pytest.param((*NOT_AFFECTED, *ESCAPE), "agree", id="not-affected-is-echappent"),
    pytest.param((*EXEMPT, *ESCAPE), "agree", id="guard-exempt-is-echappent"),
    pytest.param((*NOT_EXEMPTED, *ESCAPE), "conflict", id="guard-not-exempted-vs-echappent"),
    pytest.param((*NOT_EXEMPTED, *LEFT_OUT), "conflict", id="guard-not-exempted-vs-left-out"),
    pytest.param((*EXEMPT, *NOT_EXEMPTED), "conflict", id="guard-exempt-vs-not-exempted"),
    pytest.param((*EXEMPT, "LPG and fertiliser cargo are not exempt from the strike.", "en"), "conflict",
                 id="guard-exempt-vs-not-exempt"),
    pytest.param((*NOT_AFFECTED, "Gas and fertiliser shipments are affected by the strike.", "en"), "conflict",
                 id="guard-not-affected-vs-affected"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_exempt_is_the_negative_of_affected(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
