"""Two figures of one thing said with different words in one language (issue 13, rules-8): "beat New Zealand by 143
runs" / "a 134-run victory over New Zealand". The measured words share nothing, but the pair shows the evidence
rules-7 uses across languages: one counted noun written the same ("run"), each figure the other's only rival, the
rest of the pair agreeing (six for 71), no moment telling them apart (a day on one side only dates the event), and
values within ``number_slot_spread``. Cases whose id starts with "guard-" were right before (rules-7) too; every
other case fails on the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

WIN_EN = "Off-spinner Aarav Shinde took six for 71 as India beat New Zealand by 143 runs on the fifth day."

CASES = [
    pytest.param((WIN_EN, "en", "India completed a 134-run victory over New Zealand at Chepauk on Monday, with Aarav "
                  "Shinde taking six for 71 on a turning day-five pitch.", "en"), "conflict",
                 id="en-margin-said-two-ways"),
    pytest.param(("Aarav Shinde a pris six guichets pour 71 courses et l'Inde a battu la Nouvelle-Zélande de 143 "
                  "courses.", "fr", "Aarav Shinde a pris six guichets pour 71 courses, offrant à l'Inde une victoire "
                  "de 134 courses sur la Nouvelle-Zélande.", "fr"), "conflict", id="guard-fr-margin-shares-its-word"),
    pytest.param((WIN_EN, "en", "India completed a 143-run victory over New Zealand at Chepauk on Monday, with Aarav "
                  "Shinde taking six for 71 on a turning day-five pitch.", "en"), "agree", id="guard-same-margin"),
    pytest.param((WIN_EN, "en", "India completed a 260-run victory over New Zealand at Chepauk, with Aarav Shinde "
                  "taking six for 71.", "en"), "agree", id="guard-far-values-are-not-set-in-one-slot"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_one_thing_said_two_ways_in_one_language(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
