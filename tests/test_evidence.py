"""Evidence extraction: numbers, dates, names and negations read from one text, across scripts."""

from __future__ import annotations

import datetime as dt

import pytest

from align.config import LabelConfig
from align.evidence import NegationRules, extract_facts
from align.evidence.names import near_miss, phonetic_key, romanise
from align.evidence.numbers import parse_digits

CONFIG = LabelConfig()
RULES = NegationRules(
    CONFIG.negation_words,
    CONFIG.negation_particles,
    CONFIG.negation_partners,
    CONFIG.negation_exceptions,
    CONFIG.negation_litotes,
)


def facts(text: str, language: str, published: dt.date | None = None):
    return extract_facts(text, language, published, RULES)


def test_seed_valuation_in_devanagari_words_is_350_billion_dollars_at_least() -> None:
    # Seed corpus, article 001: "the company's valuation has crossed 350 billion dollars".
    found = facts("कंपनी की वैल्यूएशन 350 बिलियन डॉलर के पार जा चुकी है.", "hi")
    [number] = found.numbers
    assert (number.value, number.unit, number.qualifier) == (350e9, "usd", "lower")
    assert found.span(number.start, number.end) == "350 बिलियन डॉलर के पार"


def test_devanagari_digits_and_hindi_number_words() -> None:
    [digits] = facts("कंपनी ने ३५० करोड़ रुपये जुटाए।", "hi").numbers
    assert (digits.value, digits.unit) == (350e7, "inr")
    [words] = facts("इस दवाई को हर छः घंटे लेना।", "hi").numbers
    assert (words.value, words.unit) == (6, "hour")


def test_english_and_french_number_words_units_and_hedges() -> None:
    [mountain] = facts("Cette montagne a une hauteur de trois mille mètres.", "fr").numbers
    assert (mountain.value, mountain.unit) == (3000, "m")
    [share] = facts("Environ 4,6 % des salariés sont partis.", "fr").numbers
    assert (share.value, share.unit, share.qualifier) == (pytest.approx(4.6), "percent", "approx")
    numbers = facts("At least twenty-five people left in two weeks.", "en").numbers
    assert [(q.value, q.unit, q.qualifier) for q in numbers] == [
        (25, "person", "lower"),
        (2, "week", "exact"),
    ]


def test_an_article_is_not_a_number_unless_a_unit_follows() -> None:
    assert facts("Sharma shared a long note on X.", "en").numbers == ()
    [month] = facts("एक महीने के भीतर कम से कम 4 लोग कंपनी छोड़ चुके हैं.", "hi").numbers[:1]
    assert (month.value, month.unit, month.weak) == (1, "month", True)


def test_digit_grouping_follows_the_language() -> None:
    assert parse_digits("3,000", "en") == 3000
    assert parse_digits("3.000", "fr") == 3000
    assert parse_digits("4,6", "fr") == pytest.approx(4.6)
    assert parse_digits("3,50,000", "hi") == 350000
    assert parse_digits("1.2.3", "en") is None  # a version, not a quantity


def test_hindi_month_day_and_year_are_read_as_a_date() -> None:
    [date] = facts("मेरा आखिरी दिन 9 फरवरी होगा.", "hi").dates
    assert (date.year, date.month, date.day) == (None, 2, 9)
    [announced] = facts("एंथ्रोपिक ने फरवरी 2025 में अपनी ‘सेफगार्ड्स रिसर्च टीम’ की घोषणा की।", "hi").dates
    assert (announced.year, announced.month, announced.day) == (2025, 2, None)
    found = facts("Anthropic announced the team on February 9, 2026.", "en")
    assert [(d.year, d.month, d.day) for d in found.dates] == [(2026, 2, 9)]
    assert found.numbers == ()  # the day and year are used up by the date


def test_relative_date_is_resolved_against_publication_and_marked_approximate() -> None:
    sentence = "मैं अपनी पीएचडी पूरी करके दो साल पहले सैन फ्रांसिस्को आया था"
    [resolved] = facts(sentence, "hi", dt.date(2026, 2, 10)).dates
    assert (resolved.year, resolved.approx) == (2024, True)
    [unresolved] = facts(sentence, "hi").dates
    assert unresolved.offset == (-2, "year") and unresolved.year is None
    [french] = facts("Il est arrivé il y a deux ans.", "fr").dates
    assert french.offset == (-2, "year")


def test_hindi_kal_is_a_date_only_when_the_tense_says_which() -> None:
    # कल is both "yesterday" and "tomorrow".
    assert facts("राष्ट्रपति कल बयान देने वाले हैं।", "hi").dates == ()
    assert [d.offset for d in facts("मैं कल अमेरिका जाऊँगी।", "hi").dates] == [(1, "day")]
    assert [d.offset for d in facts("मैंने कल कुछ ज़्यादा ही खा लिया।", "hi").dates] == [(-1, "day")]


def test_may_is_a_month_only_next_to_a_day_or_year() -> None:
    assert facts("He may come back.", "en").dates == ()
    [date] = facts("He came back on 5 May.", "en").dates
    assert (date.month, date.day) == (5, 5)


def test_same_person_in_devanagari_and_latin_has_one_key() -> None:
    for devanagari, latin in [
        ("मृणांक", "Mrinank"),
        ("शर्मा", "Sharma"),
        ("हर्ष", "Harsh"),
        ("मेहता", "Mehta"),
        ("एंथ्रोपिक", "Anthropic"),
        ("विलियम", "William"),
        ("डारियो", "Dario"),
    ]:
        assert phonetic_key(romanise(devanagari)) == phonetic_key(romanise(latin)), (devanagari, latin)
    assert romanise("मृणांक शर्मा".split()[0]) == "mrinank"


def test_a_different_spelling_is_a_near_miss_not_the_same_name() -> None:
    seed_fr = facts("Mriyank Sharma quitte Anthropic, évoquant des compromis en sécurité IA", "fr").names
    seed_en = facts("Mrinank Sharma headed the Safeguards Research Team from Anthropic.", "en").names
    mriyank, mrinank = seed_fr[0], seed_en[0]
    assert mriyank.text == "Mriyank" and mriyank.certain  # sentence-initial, but followed by a name
    assert mriyank.key != mrinank.key
    assert near_miss(mriyank, mrinank, CONFIG.name_min_key_length, CONFIG.name_max_edits)
    assert not near_miss(seed_fr[1], seed_en[1], CONFIG.name_min_key_length, CONFIG.name_max_edits)


def test_titles_months_and_function_words_are_not_names() -> None:
    names = [
        n.text for n in facts("In February, Dr. Timnit Gebru left Google.", "en").names if n.certain
    ]
    assert names == ["Timnit", "Gebru", "Google"]


def test_negation_cues_in_three_languages() -> None:
    assert [c.word for c in facts("Je n'ai pas de temps pour cela.", "fr").negations] == ["n' … pas"]
    assert facts("Il ne mange que des pommes.", "fr").negations == ()  # ne ... que: only
    assert facts("L'espagnol n'est pas seulement parlé en Espagne.", "fr").negations == ()
    assert [c.word for c in facts("आगे क्या होगा, मुझे नहीं पता.", "hi").negations] == ["नहीं"]
    assert [c.word for c in facts("He didn't resign; she denied it.", "en").negations] == [
        "didn't",
        "denied",
    ]
    assert facts("Not only AI, but biological weapons too.", "en").negations == ()
    # Litotes: "not the only one" / "अकेला नहीं" (not alone) say there are others, they deny nothing.
    assert facts("Sharma is not the only one who faces this dilemma.", "en").negations == ()
    assert facts("मृणांक का इस्तीफा अकेला नहीं है.", "hi").negations == ()
    assert facts("Il n'est pas le seul à partir.", "fr").negations == ()


def test_french_negation_partner_may_stand_before_ne() -> None:
    assert [c.word for c in facts("Personne n'avait de solution.", "fr").negations] == ["Personne … n'"]
    assert len(facts("Rien ne va plus.", "fr").negations) == 1
    assert [c.word for c in facts("Je n'ai pas compris un seul mot.", "fr").negations] == ["n' … pas"]
