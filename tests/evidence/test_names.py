"""Names read from one text, and one phonetic key per name across scripts and spellings."""

from __future__ import annotations

import pytest

from align.evidence.names import NAMES, near_miss, phonetic_key, romanise
from tests.evidence.reading import CONFIG, facts

SAME_PERSON = [
    ("मृणांक", "Mrinank"),
    ("शर्मा", "Sharma"),
    ("हर्ष", "Harsh"),
    ("मेहता", "Mehta"),
    ("एंथ्रोपिक", "Anthropic"),
    ("विलियम", "William"),
    ("डारियो", "Dario"),
]


@pytest.mark.parametrize(("devanagari", "latin"), SAME_PERSON)
def test_one_name_in_devanagari_and_latin_has_one_key(devanagari: str, latin: str) -> None:
    assert phonetic_key(romanise(devanagari)) == phonetic_key(romanise(latin))


@pytest.mark.parametrize(("word", "latin"), [("मृणांक", "mrinank"), ("Mrinank", "mrinank"), ("शर्मा", "sharma")])
def test_romanise(word: str, latin: str) -> None:
    assert romanise(word) == latin


# Seed: the French article writes "Mriyank", the others "Mrinank".
SEED_FR = "Mriyank Sharma quitte Anthropic, évoquant des compromis en sécurité IA"
SEED_EN = "Mrinank Sharma headed the Safeguards Research Team from Anthropic."


@pytest.mark.parametrize(
    ("index", "expected"), [pytest.param(0, True, id="Mriyank/Mrinank"), pytest.param(1, False, id="Sharma/Sharma")]
)
def test_a_different_spelling_is_a_near_miss_not_the_same_name(index: int, expected: bool) -> None:
    fr, en = facts(SEED_FR, "fr")[NAMES][index], facts(SEED_EN, "en")[NAMES][index]
    assert near_miss(fr, en, CONFIG.name_min_key_length, CONFIG.name_max_edits) is expected
    assert (fr.key != en.key) is expected


# (text, language, the words read as certain names)
CERTAIN_NAMES = [
    pytest.param(SEED_FR, "fr", ["Mriyank", "Sharma", "Anthropic", "IA"], id="sentence-initial-before-a-name"),
    pytest.param("In February, Dr. Timnit Gebru left Google.", "en", ["Timnit", "Gebru", "Google"],
                 id="titles-and-months-are-not-names"),
    # The seed's English article: "Like" took the capital of the sentence, not of the name after it; read as a
    # name, the batch knew "like" and a Hindi "लिखा" (wrote) became a rival of "Anthropic".
    pytest.param("Like Sharma, in recent weeks other key figures in Anthropic’s AI development have announced "
                 "their resignation.", "en", ["Sharma", "Anthropic", "AI"], id="a-common-first-word-before-a-name"),
]


@pytest.mark.parametrize(("text", "language", "expected"), CERTAIN_NAMES)
def test_certain_names(text: str, language: str, expected: list[str]) -> None:
    assert [n.text for n in facts(text, language)[NAMES] if n.certain] == expected
