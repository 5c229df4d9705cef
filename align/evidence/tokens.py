"""Tokens with character spans into the original text, and the normal form every word-table lookup uses."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
NUKTA = "\u093c"
DEVANAGARI = regex.compile(r"\p{Devanagari}")

# Order matters: numbers (an ordinal with its suffix, else the whole grouped number, also glued to a unit:
# "5,500mAh", "3.5GHz"), English n't contractions, words (hyphenated, with elided
# apostrophe),
# then single symbols that carry meaning (currency, percent).
TOKEN = regex.compile(
    r"\d+(?:[.,]\d+)*(?:st|nd|rd|th|er|re|e|ème)\b"
    r"|\d+(?:[.,]\d+)*"
    r"|[\p{L}\p{M}]+n['’]t\b"
    r"|[\p{L}\p{M}]+(?:[-‑][\p{L}\p{M}]+)*['’]?"
    r"|[%$€£¥₹~]"
)


@dataclass(frozen=True)
class Token:
    text: str  # as written (Devanagari digits already made ASCII; same length, so spans hold)
    start: int
    end: int
    norm: str  # lower case, NFC, nukta dropped, curly apostrophe straightened

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()

    @property
    def is_ordinal(self) -> bool:
        return self.is_number and not self.text[-1:].isdigit()

    @property
    def is_devanagari(self) -> bool:
        return bool(DEVANAGARI.search(self.text))


def normalise(word: str) -> str:
    """What two spellings of one word share: lower case, NFC, no nukta, straight apostrophes."""
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFD", word).replace(NUKTA, ""))
    return text.replace("’", "'").replace("‑", "-").lower()


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[Token, ...]:
    """Tokens of ``text`` with offsets into it; Devanagari digits read as ASCII digits."""
    ascii_digits = text.translate(DEVANAGARI_DIGITS)
    return tuple(
        Token(m.group(), m.start(), m.end(), normalise(m.group())) for m in TOKEN.finditer(ascii_digits)
    )


def phrase_at(tokens: tuple[Token, ...], index: int, phrase: tuple[str, ...]) -> bool:
    """Whether the normalised ``phrase`` (a tuple of token norms) starts at ``tokens[index]``."""
    if index < 0 or index + len(phrase) > len(tokens):
        return False
    # Called a million times per hundred articles, nearly always on a first word that differs: that word first,
    # and no generator for the rest.
    for k, word in enumerate(phrase):
        if tokens[index + k].norm != word:
            return False
    return True


@lru_cache(maxsize=4096)
def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A word-table phrase split the way ``tokenize`` splits text. Memoised: the rules ask for the same few hundred
    table phrases once per token of every text (``with_measurers``, ``_qualifier``, the negation cues)."""
    return tuple(t.norm for t in tokenize(phrase))
