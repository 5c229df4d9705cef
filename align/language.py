"""Language identification for articles and single sentences.

Script comes first: a line with a real share of Devanagari letters is Hindi even when it carries English loanwords
("Anthropic के Safeguards रिसर्च हेड"), which statistical detectors call English. Latin-script text goes to lingua,
restricted to the languages the corpus is expected to hold (loads instantly; all languages take seconds).
"""

from __future__ import annotations

import unicodedata
from functools import cache

DEVANAGARI_LANGUAGES = ("hi", "mr", "ne", "sa")
# Short Latin strings ("Opus 4.6", "CEO") carry too little signal; below this many letters we keep the article's language.
MIN_LETTERS_FOR_DETECTION = 12
# lingua reads at most this many characters: plenty to tell a language, and its cost grows faster than linearly
# with the length of a word (a megabyte without a space takes minutes).
MAX_DETECTION_CHARS = 10_000


def script_counts(text: str) -> tuple[int, int, int]:
    """(devanagari, latin, other) letter counts."""
    devanagari = latin = other = 0
    for char in text:
        if not char.isalpha() and not ("\u0900" <= char <= "\u097f"):
            continue
        if "\u0900" <= char <= "\u097f":
            devanagari += 1
        elif char.isascii() or unicodedata.name(char, "").startswith("LATIN"):
            latin += 1
        else:
            other += 1
    return devanagari, latin, other


@cache
def _lingua_detector(languages: tuple[str, ...]):  # type: ignore[no-untyped-def]
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in languages if hasattr(IsoCode639_1, code.upper())]
    if len(codes) < 2:  # lingua needs at least two candidates
        codes = [IsoCode639_1.EN, IsoCode639_1.FR]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def _latin_candidates(candidates: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(c for c in candidates if c not in DEVANAGARI_LANGUAGES))


def detect_language(
    text: str, candidates: tuple[str, ...], fallback: str | None = None, min_script_ratio: float = 0.3
) -> str | None:
    """The ISO 639-1 code of ``text``, or ``fallback`` when the text is too short or letterless to tell."""
    devanagari, latin, other = script_counts(text)
    letters = devanagari + latin + other
    if letters == 0:
        return fallback
    if devanagari / letters >= min_script_ratio:
        return next((c for c in candidates if c in DEVANAGARI_LANGUAGES), "hi")
    if latin < MIN_LETTERS_FOR_DETECTION and fallback is not None and fallback not in DEVANAGARI_LANGUAGES:
        return fallback
    latin_candidates = _latin_candidates(candidates)
    if not latin_candidates:
        return fallback
    detected = _lingua_detector(latin_candidates).detect_language_of(text[:MAX_DETECTION_CHARS])
    if detected is None:
        return fallback
    return detected.iso_code_639_1.name.lower()
