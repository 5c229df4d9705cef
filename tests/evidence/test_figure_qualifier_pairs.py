"""Figures a fact-checker would not set against each other (issue 13, rules-5): letters glued to a number that are
no unit make a name ("5G", "4G"), not a count; data, power and charge units are units ("8GB", "45W", "5,500mAh");
a scale named before the number is its unit ("magnitude 6.1"); two named measurers ("The US Geological Survey put
the magnitude at 5.9" / "The National Center for Seismology recorded ... magnitude 6.1") measure twice; an
exchange or a measurer stated on one side only, in a batch where exchanges or measurers tell figures of that kind
apart, is unknown; and a clock time goes with every figure of its clause. Cases whose id starts with "guard-" were
right before (rules-4) too; every other case fails on the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

NSE = "Shares of Kaveri Infotech closed 4.3 per cent lower at ₹1,486.20 on the NSE."
BSE = "On the BSE, the scrip settled at ₹1,487.80, down 4.25 per cent."
CASES = [
    pytest.param(("India's Zentra Mobile launches Nova 5G phone at 18,999 rupees", "en",
                  "The phone starts at ₹18,999 for the 8GB + 128GB model.", "en"), (), "agree",
                 id="5G-is-a-name-8GB-a-unit"),
    pytest.param(("Zentra Mobile launched its Nova 5G handset priced from 18,999 rupees ($214).", "en",
                  "Zentra Nova 5G भारत में लॉन्च, कीमत ₹18,999 से शुरू, बॉक्स में मिलेगा 45W चार्जर", "hi"), (), "agree",
                 id="45W-is-power-not-money"),
    pytest.param(("The quake was centred 12 km south-west of Tura, at a depth of 10 km, the agency said.", "en",
                  "The agency recorded the quake at magnitude 6.1, with its focus at a depth of 10 km.", "en"), (),
                 "agree", id="magnitude-is-a-scale"),
    pytest.param(("The US Geological Survey put the magnitude at 5.9.", "en",
                  "The National Center for Seismology recorded the quake at magnitude 6.1.", "en"), (), "agree",
                 id="two-named-measurers"),
    pytest.param(("L'institut géophysique américain USGS a mesuré une magnitude de 5,9.", "fr",
                  "The US Geological Survey put the magnitude at 6.1.", "en"), (), "conflict",
                 id="guard-one-measurer-two-values"),
    pytest.param((BSE, "en", "Inde : Kaveri Infotech revoit ses ambitions à la baisse, le titre chute de 4,3 %", "fr"),
                 ((NSE, "en", BSE, "en"),), "agree", id="exchange-on-one-side-only"),
    pytest.param((BSE, "en", "Le titre de Kaveri chute de 5,3 % sur le BSE", "fr"), ((NSE, "en", BSE, "en"),),
                 "conflict", id="guard-same-exchange-two-values"),
    pytest.param(("The stock closed 4.3 per cent lower at ₹1,486.20.", "en",
                  "Shares of Kaveri Infotech were trading 3.1 per cent lower at ₹1,505 at 12.30 pm.", "en"), (),
                 "agree", id="clock-time-of-the-clause"),
]


@pytest.mark.parametrize(("case", "context", "expected"), CASES)
def test_figures_measured_apart_are_not_compared(case: tuple, context: tuple, expected: str) -> None:
    result = labelled(case, context)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
