"""The lexicon's lookups (align/evidence/lexicon.py) give the answers of the plain algorithm they shortcut."""

from __future__ import annotations

from align.evidence import lexicon
from align.evidence.tokens import tokenize
from tests.conftest import ROOT


def places_every_length(tokens: tuple, longest: int) -> list[lexicon.Place]:  # type: ignore[type-arg]
    """``find_places`` as it was: every length from the longest entry down, at every token."""
    table = lexicon.gazetteer()
    found, i = [], 0
    while i < len(tokens):
        for length in range(min(longest, len(tokens) - i), 0, -1):
            words = [t.norm for t in tokens[i : i + length]]
            ids = table.get((*words[:-1], lexicon._without_possessive(words[-1])))
            if ids:
                found.append(lexicon.Place(tokens[i].start, tokens[i + length - 1].end, ids))
                i += length
                break
        else:
            i += 1
    return found


def test_find_places_finds_what_trying_every_length_finds() -> None:
    lines = [line for path in sorted((ROOT / "corpus").rglob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    lines += ["New Delhi's mayor met the United States envoy in Rio de Janeiro and São Paulo.",
              "China's and India's leaders; नई दिल्ली, मुंबई और लंदन में; la Nouvelle-Calédonie et le Royaume-Uni."]
    found, longest = 0, max(len(words) for words in lexicon.gazetteer())
    for line in lines:
        tokens = tokenize(line)
        places = lexicon.find_places(tokens)
        assert places == places_every_length(tokens, longest), line
        found += len(places)
    assert found > 20 and any(p.end - p.start > 10 for line in lines[-2:] for p in lexicon.find_places(tokenize(line)))
