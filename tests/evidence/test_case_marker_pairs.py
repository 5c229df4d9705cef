"""A Hindi case marker (में, को, से, ...) is never a name: its transliteration may come close to a name the batch
writes (में "men" and Meena), but a postposition follows a noun and is none (multi-outlet test3, read after its blind
run: `different name: JPM vs में`, `Sojat vs में`)."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

# The batch writes "Meena" as a name: the Hindi side's में then came within two edits of it.
MEENA = (("P.K. Meena, the chief secretary, said the count was peaceful.", "en",
          "मुख्य सचिव पी.के. मीणा ने कहा कि मतगणना शांतिपूर्ण रही।", "hi"),)

CASES = [
    pytest.param(("JPM leader Kavita Rathore, 54, who was first elected to the assembly in 2008, won her Sojat seat.",
                  "en", "54 वर्षीय राठौड़ वर्ष 2008 में पहली बार विधायक बनी थीं।", "hi"), "agree", id="men-not-meena"),
    pytest.param(("Rathore, 54, first won Sojat in 2008.", "en", "राठौड़ ने 2008 में पहली बार सोजत जीता।", "hi"),
                 "agree", id="ne-and-men-not-names"),
    pytest.param(("Rathore, 54, first won Sojat in 2008.", "en", "राठौर ने 2008 में पहली बार सोजत जीता।", "hi"),
                 "agree", id="guard-transliteration-still-matched"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_a_case_marker_is_no_name(case: tuple, expected: str) -> None:
    result = labelled(case, MEENA)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
    assert not any(e.kind == "name" and ("में" in (e.a, e.b) or "ने" in (e.a, e.b)) for e in result.evidence)


def test_guard_the_name_beside_a_case_marker_is_still_read() -> None:
    """मीणा before ने is still Meena, and a different initial is still a different person."""
    same = labelled(("Meena met the governor on Friday.", "en", "मीणा ने शुक्रवार को राज्यपाल से मुलाकात की।", "hi"), MEENA)
    assert ("name", "Meena", "मीणा") in [(e.kind, e.a, e.b) for e in same.evidence if "same name" in e.note]
    other = labelled(("P.K. Meena met the governor.", "en", "आर.एस. मीणा ने राज्यपाल से मुलाकात की।", "hi"), MEENA)
    assert other.label == "conflict", [(e.kind, e.a, e.b, e.note) for e in other.evidence]
