"""A Hindi word after a title or an initial is written as a person's name (multi-outlet test4, entity swaps of a
person in one role): "के.एस. भारद्वाज को मिला" against "Shinde ... was named player of the match", "डॉक्टर फराह
कुरैशी ने" against "dirigé par Anirudh Kale". भारद्वाज and कुरैशी are common enough as Hindi words that the rules
took neither for a name. Cases whose id starts with "guard-" were right before (label rules-7) too; every other case
fails on rules-7."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

CASES = [
    pytest.param(("Shinde, who finished with match figures of nine for 134, was named player of the match.", "en",
                  "प्लेयर ऑफ द मैच का अवॉर्ड पहली पारी में 152 रन बनाने वाले के.एस. भारद्वाज को मिला।", "hi"),
                 "conflict", id="a-name-after-initials"),
    pytest.param(("परीक्षण का नेतृत्व डॉक्टर फराह कुरैशी ने किया।", "hi",
                  "L'essai a été dirigé par Anirudh Kale, le directeur général du laboratoire.", "fr"),
                 "conflict", id="a-name-after-a-title"),
    pytest.param(("The trial was led by Dr. Farah Qureshi.", "en", "परीक्षण का नेतृत्व डॉक्टर फराह कुरैशी ने किया।",
                  "hi"), "agree", id="guard-the-same-name-after-a-title"),
    pytest.param(("The award went to K.S. Bharadwaj.", "en", "अवॉर्ड के.एस. भारद्वाज को मिला।", "hi"), "agree",
                 id="guard-the-same-name-after-initials"),
    pytest.param(("The doctor said the patient was stable.", "en", "डॉक्टर ने कहा कि मरीज की हालत स्थिर है।", "hi"),
                 "agree", id="guard-a-title-alone"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_a_titled_hindi_name_is_a_name(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
