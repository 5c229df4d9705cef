"""Language identification for articles and single sentences.

Script comes first: a line with a real share of Devanagari letters is Hindi even when it carries English loanwords
("Anthropic के Safeguards रिसर्च हेड"), which statistical detectors call English. Latin-script text goes to lingua,
restricted to the languages the corpus is expected to hold (loads instantly; all languages take seconds).

A sentence takes its article's language unless the evidence says otherwise (``sentence_language``): its script
differs from the article's, or lingua finds another language enough times likelier than the article's on enough letters. Short
headlines and phrases are where detectors err ("Anthropic's security manager leaves the company" read as German);
the thresholds were measured on held-out FLORES and Tatoeba text (bench/bench_sentence_language.py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
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


def latin_confidences(text: str, candidates: tuple[str, ...]) -> list[tuple[str, float]]:
    """lingua's confidence for each Latin-script candidate language, highest first (they sum to 1)."""
    latin_candidates = _latin_candidates(candidates)
    if len(latin_candidates) < 2:
        return [(latin_candidates[0], 1.0)] if latin_candidates else []
    values = _lingua_detector(latin_candidates).compute_language_confidence_values(text[:MAX_DETECTION_CHARS])
    return [(v.language.iso_code_639_1.name.lower(), float(v.value)) for v in values]


def choose_language(
    prior: str, confidences: Sequence[tuple[str, float]], letters: int, min_odds: float, min_letters: int
) -> str:
    """``prior``, unless the detector's best language differs and is at least ``min_odds`` times as likely as the
    prior, on at least ``min_letters`` letters. The one place the sentence-language thresholds are applied.

    The odds against the prior, not the best language's confidence alone: on a short line lingua spreads its
    confidence over every candidate, so a clear "French, not English" can come with a best confidence of 0.5.
    """
    if not confidences or letters < min_letters:
        return prior
    best, confidence = confidences[0]
    if best == prior:
        return prior
    prior_confidence = dict(confidences).get(prior, 0.0)
    return best if confidence >= min_odds * prior_confidence else prior


def sentence_language(
    text: str,
    article_language: str,
    candidates: tuple[str, ...],
    *,
    min_script_ratio: float = 0.3,
    min_odds: float = 4.0,
    min_letters: int = 10,
    latin_prior: str = "en",
) -> str:
    """The language of one sentence of an article in ``article_language``, the article being the prior.

    A script other than the article's switches at once (Devanagari in a French article is Hindi; Latin in a Hindi
    article is ``latin_prior`` unless the detector is sure of another language); within the article's script,
    only a detection ``min_odds`` times likelier than the article's language, on enough letters, switches.
    """
    devanagari, latin, other = script_counts(text)
    letters = devanagari + latin + other
    if letters == 0:
        return article_language
    article_devanagari = article_language in DEVANAGARI_LANGUAGES
    if devanagari / letters >= min_script_ratio:
        if article_devanagari:
            return article_language
        return next((c for c in candidates if c in DEVANAGARI_LANGUAGES), "hi")
    if latin == 0:  # neither Devanagari nor Latin: nothing here reads it
        return article_language
    prior = latin_prior if article_devanagari else article_language
    if latin < min_letters:
        return prior
    return choose_language(prior, latin_confidences(text, candidates), latin, min_odds, min_letters)
