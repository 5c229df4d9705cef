"""A negation conflicts only with a side that states what it negates (issue 13, item 3; multi-outlet test5): the
word a negation governs ("a launch that was never postponed" negates postponing) must be stated on the other side,
not only a word near it (the launch both sides report); and a negated comparison with a figure ("25 फीसदी
बढ़ोतरी से कम मंजूर नहीं", nothing less than 25% is acceptable; "not below 25%") states a floor, not a denial.
Cases whose id starts with "guard-" were right before (label rules-8) too; every other case fails on rules-8."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

LAUNCHED = ("Hyderabad-based Nakshatra Aerospace launched its Vyom-2 rocket from the Satish Dhawan Space Centre at "
            "10.24 am on Thursday.", "en")
WANTED = ("Union leader Harish Solanki said workers wanted a 25% wage rise, against the 12% offered by the port "
          "management.", "en")

CASES = [
    pytest.param((*LAUNCHED, "Nakshatra Aerospace's Vyom-2 lifted off on schedule at 10:24 IST on Thursday, in a "
                  "launch that was never postponed.", "en"), "agree", id="never-postponed-vs-launched"),
    pytest.param(("The match was played on Sunday in front of a full stadium.", "en",
                  "The match, which was not delayed by the rain, was played on Sunday.", "en"), "agree",
                 id="guard-not-delayed-vs-played"),
    pytest.param(("Les vols ont repris mardi matin à Delhi.", "fr",
                  "Les vols, qui n'avaient jamais été annulés, ont repris mardi matin à Delhi.", "fr"), "agree",
                 id="guard-jamais-annules-vs-repris"),
    pytest.param((*WANTED, "कर्मचारी संघ के नेता हरीश सोलंकी ने कहा कि वेतन में 25 फीसदी बढ़ोतरी से कम मंजूर नहीं है।",
                  "hi"), "agree", id="hindi-floor-with-a-verb"),
    pytest.param((*WANTED, "Union leader Harish Solanki said workers would take a wage rise not below 25%.", "en"),
                 "agree", id="english-not-below"),
    pytest.param((*WANTED, "Le syndicat de Harish Solanki n'acceptera pas moins de 25 % de hausse des salaires.",
                  "fr"), "agree", id="guard-french-pas-moins-de"),
    pytest.param(("The launch was postponed from Monday because of heavy cloud.", "en",
                  "The launch was never postponed, the company said.", "en"), "conflict",
                 id="guard-never-postponed-vs-postponed"),
    # "did" takes the base where the positive takes the irregular past: one predicate (FLORES-200 dev test line
    # 525, "Things did not go well" / "Things went well", lost by a first rules-9).
    pytest.param(("Things did not go well for the Italians in North Africa almost from the start.", "en",
                  "Things went well for the Italians in North Africa almost from the start.", "en"), "conflict",
                 id="did-not-go-vs-went"),
    pytest.param(("The home side did not win the final on Sunday.", "en",
                  "The home side won the final on Sunday.", "en"), "conflict", id="didnt-win-vs-won"),
    pytest.param(("The minister did not say when the talks would resume.", "en",
                  "The talks went on for six hours on Tuesday.", "en"), "agree", id="guard-did-not-say-vs-went"),
    pytest.param(("The board did not approve the merger on Friday.", "en",
                  "The board approved the merger on Friday.", "en"), "conflict", id="guard-did-not-approve"),
    pytest.param(("यूनियन ने 12 फीसदी की पेशकश मंजूर नहीं की।", "hi", "यूनियन ने 12 फीसदी की पेशकश मंजूर की।", "hi"),
                 "conflict", id="guard-hindi-not-accepted"),
    pytest.param(("Le conseil n'a pas approuvé la fusion vendredi.", "fr", "Le conseil a approuvé la fusion vendredi.",
                  "fr"), "conflict", id="guard-french-n-a-pas-approuve"),
    pytest.param(("वायुवेग की फ्लाइट को आज तड़के कार्गो होल्ड में आग लगने के बाद मस्कट की ओर मोड़ना पड़ा।", "hi",
                  "विमान की जांच में कार्गो होल्ड में कहीं आग नहीं मिली।", "hi"), "conflict", id="guard-hindi-no-fire-found"),
    pytest.param(("Around the 15th century, northern Estonia was not under great cultural influence of Germany.", "en",
                  "Around the 15th century, northern Estonia was under great cultural influence of Germany.", "en"),
                 "conflict", id="guard-not-under-is-no-bound"),
    pytest.param(("The school detected problems but didn't act on the findings.", "en",
                  "The school detected problems but acted on the findings.", "en"), "conflict",
                 id="guard-did-not-act-vs-acted"),
    pytest.param(("कप्तान लियाम हारवुड ने 78 रन की जुझारू पारी खेली, लेकिन टीम को हार से नहीं बचा सके।", "hi",
                  "न्यूजीलैंड के कप्तान लियाम हारवुड ने ७८ रन बनाए।", "hi"), "agree",
                 id="guard-hindi-could-not-save-vs-scored"),
    pytest.param(("The minister did not deny the report.", "en", "The minister denied the report.", "en"),
                 "conflict", id="guard-did-not-deny-vs-denied"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_a_negation_conflicts_only_with_what_it_negates(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
