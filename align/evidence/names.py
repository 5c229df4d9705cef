"""Person and organisation names, matched across scripts and spellings through a phonetic key.

Devanagari is transliterated to IAST (indic-transliteration), folded to plain Latin with the inherent
final vowel
dropped (मृणांक शर्मा -> mrinank sharma), then reduced to a consonant skeleton that absorbs the usual spelling
variation (ph/f, w/v, sh/s, doubled letters, vowels). Equal skeletons are the same name; skeletons one
edit apart
are a *different spelling* ("Mriyank" vs "Mrinank"), reported rather than merged.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

import regex
from indic_transliteration import sanscript

from align.evidence import lexicon
from align.evidence.dates import calendar_words
from align.evidence.tokens import Token

DEVANAGARI = regex.compile(r"\p{Devanagari}")
DEVANAGARI_CONSONANT = regex.compile(r"[\u0915-\u0939\u0958-\u095f]$")
IAST_FOLD = str.maketrans(
    {
        "ṛ": "ri",
        "ṝ": "ri",
        "ṃ": "n",
        "ṁ": "n",
        "ṇ": "n",
        "ñ": "n",
        "ṅ": "n",
        "ś": "sh",
        "ṣ": "sh",
        "ṭ": "t",
        "ḍ": "d",
        "ḥ": "h",
        "ā": "a",
        "ī": "i",
        "ū": "u",
        "ḷ": "l",
    }
)
# Applied in order to a lower-case Latin form; what is left is compared without vowels.
SPELLING_RULES: tuple[tuple[str, str], ...] = (
    ("ph", "f"),
    ("ck", "k"),
    ("sch", "sh"),
    ("ch", "c"),
    ("sh", "s"),
    ("th", "t"),
    ("dh", "d"),
    ("bh", "b"),
    ("kh", "k"),
    ("gh", "g"),
    ("jh", "j"),
    ("w", "v"),
    ("z", "j"),
    ("q", "k"),
    ("x", "ks"),
    ("c", "k"),
    ("iya", "ia"),
    ("iyo", "io"),
    ("dge", "j"),
    ("ge", "je"),
)
VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class NameToken:
    """One word of a name (or, on a Devanagari side, one word that may be a name), with its keys."""

    start: int
    end: int
    text: str
    key: str  # consonant skeleton
    latin: str  # folded Latin form, for display and near-miss distance
    certain: bool  # written as a name (capitalised Latin); False for a Devanagari word that might be one
    headline: bool = False  # in a title-case headline, where capitals say nothing
    function_word: bool = False  # a Devanagari function word that also spells a name (मेरी: "my", or Mary)


def _fold_latin(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if c.isascii() and c.isalpha())


@lru_cache(maxsize=8192)
def romanise(word: str) -> str:
    """Plain-Latin reading of a word in any script we handle: मृणांक -> mrinank, Mrinank -> mrinank."""
    if not regex.search(r"\p{Devanagari}", word):
        return _fold_latin(word)
    # IAST has no letter for the English vowels written ॉ/ॅ; read them as o/e.
    source = unicodedata.normalize("NFC", word).replace("ॉ", "ो").replace("ॅ", "े")
    iast = sanscript.transliterate(source, sanscript.DEVANAGARI, sanscript.IAST)
    latin = _fold_latin(iast.translate(IAST_FOLD))
    if DEVANAGARI_CONSONANT.search(source) and latin.endswith("a"):
        latin = latin[:-1]  # the inherent vowel is not spoken at the end of a Hindi word
    return latin


@lru_cache(maxsize=8192)
def phonetic_key(latin: str) -> str:
    """Consonant skeleton of a folded Latin form: 'mrinank' -> 'mrnnk', 'viliam' and 'william' -> 'vlm'."""
    text = latin
    for old, new in SPELLING_RULES:
        text = text.replace(old, new)
    collapsed = "".join(c for k, c in enumerate(text) if k == 0 or c != text[k - 1])
    skeleton = "".join(c for k, c in enumerate(collapsed) if c not in VOWELS and (c != "h" or k == 0))
    return skeleton or collapsed


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _is_capitalised_name(token: Token, sentence_start: bool) -> bool:
    text = token.text
    if not text[:1].isupper() or not regex.match(r"\p{Latin}", text):
        return False
    if token.norm.rstrip("'") in lexicon.STOPWORDS or token.norm.rstrip(".") in lexicon.TITLES:
        return False
    if token.norm in calendar_words("en") or token.norm in calendar_words("fr"):
        return False
    if sentence_start and not text.isupper():
        return (
            False  # a capital at the start of a sentence says nothing; matched names still count (see below)
        )
    return len(text.rstrip("'’")) >= 2


def _title_case_tokens(text: str, tokens: tuple[Token, ...]) -> set[int]:
    """Token indices inside a headline written in title case ("Anthropic Safeguards Lead Resigns: ..."), where
    capitals say nothing: a stretch between colons or dashes whose Latin content words are all capitalised."""
    indices: set[int] = set()
    segment: list[int] = []
    for i, token in enumerate([*tokens, None]):
        gap = text[tokens[segment[-1]].end : token.start] if segment and token is not None else ""
        if token is None or regex.search(r"[:|–—]", gap):
            words = [k for k in segment if not tokens[k].is_devanagari and not tokens[k].is_number
                     and tokens[k].norm not in lexicon.STOPWORDS]
            if len(words) >= 3 and all(tokens[k].text[:1].isupper() for k in words):
                indices.update(segment)
            segment = []
        if token is not None:
            segment.append(i)
    return indices


def find_names(text: str, tokens: tuple[Token, ...]) -> list[NameToken]:
    """Name words: capitalised Latin words (not at the start of a sentence), and every Devanagari content word
    as an uncertain candidate (Devanagari has no capitals; the other side decides whether it is a name)."""
    found: list[NameToken] = []
    headline = _title_case_tokens(text, tokens)
    for i, token in enumerate(tokens):
        sentence_start = i in headline or i == 0 or text[tokens[i - 1].end : token.start].strip()[-1:] in (
            ".", "!", "?", ":", "“", '"')
        if token.is_devanagari:
            if token.norm in lexicon.TITLES or len(token.norm) < 2:
                continue
            latin = romanise(token.text)
            found.append(NameToken(token.start, token.end, token.text, phonetic_key(latin), latin, False,
                                   function_word=token.norm in lexicon.STOPWORDS))
        elif _is_capitalised_name(token, sentence_start):
            word = token.text.rstrip("'’")  # "Sharma's": the name is Sharma
            latin = romanise(word)
            end = token.start + len(word)
            found.append(NameToken(token.start, end, word, phonetic_key(latin), latin, True))
        elif sentence_start and token.text[:1].isupper() and token.norm.rstrip("'") not in lexicon.STOPWORDS \
                and token.norm.rstrip(".") not in lexicon.TITLES:
            # Sentence-initial capitalised word: a name only if the other side confirms it (uncertain).
            word = token.text.rstrip("'’")
            latin = romanise(word)
            if token.norm not in calendar_words("en"):
                end = token.start + len(word)
                found.append(NameToken(token.start, end, word, phonetic_key(latin), latin, False))
    # "Mriyank Sharma quitte ...": a sentence-initial word followed by a name is part of that name.
    starts = {tokens[i].start for i in headline}
    found = [replace(n, headline=n.start in starts) for n in found]
    for k in range(len(found) - 1, -1, -1):
        name, following = found[k], found[k + 1] if k + 1 < len(found) else None
        if (
            not name.certain
            and not name.headline
            and not DEVANAGARI.search(name.text)
            and following is not None
            and following.certain
            and not text[name.end : following.start].strip()
        ):
            found[k] = NameToken(name.start, name.end, name.text, name.key, name.latin, True)
    return found


@lru_cache(maxsize=16384)
def word_zipf(word: str, language: str) -> float:
    """How common ``word`` is in ``language`` (wordfreq's Zipf scale: 7 for "the", 3 for a rare word, 0 for
    unknown). Names are rarely common words; a common word that sounds like a name is the word."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language)


def same_name(a: NameToken, b: NameToken) -> bool:
    if len(a.key) < 2 or len(b.key) < 2:
        return a.latin == b.latin
    return a.key == b.key


def near_miss(a: NameToken, b: NameToken, min_length: int, max_edits: int) -> bool:
    """Two spellings close enough to be one name misspelt, far enough not to be one name transliterated."""
    if a.key == b.key or min(len(a.key), len(b.key)) < min_length or a.key[0] != b.key[0]:
        return False
    return edit_distance(a.key, b.key) <= max_edits and edit_distance(a.latin, b.latin) <= max_edits + 1
