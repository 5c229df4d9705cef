"""Numbers and quantities: digits (Western and Devanagari), number words (English and French through text2num,
Hindi from a table), magnitudes ("350 बिलियन", "3 milliards"), units and currencies, hedges and bounds; and
the ``number`` evidence: numbers of the same unit that cannot both be true.

A quantity is an interval, so "about 350" and "more than 300" can be compared with "350" without
special cases.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace
from functools import lru_cache

from text_to_num import text2num

from align.config import LabelConfig
from align.evidence import locale_words
from align.evidence.findings import (
    Batch,
    Comparator,
    FactKey,
    Facts,
    Finding,
    Found,
    Side,
    agreeing,
    both_views,
    contradicting,
    if_translated,
    originals_first,
    pair_off,
)
from align.evidence.tokens import Token, normalise, phrase_at, phrase_tokens

COMMA_DECIMAL_LANGUAGES = frozenset({"fr", "de", "es", "it", "pt", "nl", "ru", "pl", "tr", "id"})
TEXT2NUM_LANGUAGES = frozenset({"en", "fr", "es", "pt", "de", "it", "nl"})
# "des millions de fois", "thousands of people": an order of magnitude, not a number to compare.
VAGUE_PLURALS = frozenset(
    {"millions", "milliards", "billions", "thousands", "hundreds", "cents", "lakhs", "crores"}
)
HINDI_MODIFIERS = {"साढे": 0.5, "सवा": 0.25, "पौने": -0.25}


@dataclass(frozen=True)
class Quantity:
    """A number as written, its value, unit and how exact the text says it is."""

    value: float
    unit: (
        str | None
    )  # canonical unit ("usd", "year", "percent"), "w:<lang>:<word>" for an unlisted noun, or None
    qualifier: str  # exact, approx, lower (at least), upper (at most)
    start: int  # span in the original text, qualifier and unit included
    end: int
    number_start: int  # span of the number itself
    number_end: int
    weak: bool = False  # "a month", "un jour": the article read as one

    @property
    def canonical_unit(self) -> bool:
        return self.unit is not None and not self.unit.startswith("w:")

    def interval(self, tolerance: float) -> tuple[float, float]:
        v = self.value
        if self.qualifier == "approx":
            return (v - abs(v) * tolerance, v + abs(v) * tolerance)
        if self.qualifier == "lower":
            return (v, math.inf)
        if self.qualifier == "upper":
            return (-math.inf, v)
        return (v, v)


NUMBERS: FactKey[Quantity] = FactKey("number")


@lru_cache(maxsize=64)
def _norm_table(table: tuple[tuple[str, float | str], ...]) -> dict[str, float | str]:
    return {normalise(k): v for k, v in table}


def _units() -> dict[str, float | str]:
    return {**_norm_table(tuple(locale_words.UNITS.items())), **locale_words.time_unit_words()}


def _magnitudes(language: str) -> dict[str, float | str]:
    table = {**locale_words.MAGNITUDES["en"], **locale_words.MAGNITUDES.get(language, {})}
    return _norm_table(tuple(table.items()))


def parse_digits(text: str, language: str) -> float | None:
    """'3,000' -> 3000, '4,6' -> 4.6 in French, '3,50,000' -> 350000 (Indian grouping)."""
    if language in COMMA_DECIMAL_LANGUAGES:
        groups = text.split(",")
        if len(groups) > 2:
            return None
        integer = groups[0].replace(".", "") if all(len(g) == 3 for g in groups[0].split(".")[1:]) else None
        if integer is None:
            return None
        return float(integer + ("." + groups[1] if len(groups) == 2 else ""))
    head, _, decimals = text.partition(".")
    if "." in decimals:
        return None  # a version or a date, not a quantity
    parts = head.split(",")
    if len(parts) > 1 and not all(len(p) in (2, 3) for p in parts[1:]):
        if len(parts) == 2 and not decimals:
            return float(parts[0] + "." + parts[1])  # "4,6" written with a decimal comma
        return None
    return float("".join(parts) + ("." + decimals if decimals else ""))


def _word_value(token: Token, language: str) -> float | None:
    if language == "hi":
        table = _norm_table(tuple(locale_words.HINDI_NUMBERS.items()))
        value = table.get(token.norm)
        return float(value) if value is not None else None
    return None


def _is_number_word(token: Token, language: str) -> bool:
    if language == "hi":
        return _word_value(token, language) is not None
    words = locale_words.NUMBER_WORDS.get(language)
    return bool(words) and all(part in words for part in token.norm.split("-"))


def _read_word_run(tokens: tuple[Token, ...], i: int, language: str) -> tuple[float, int] | None:
    """A run of number words from ``tokens[i]``: (value, index after the run)."""
    j = i
    while j < len(tokens) and _is_number_word(tokens[j], language):
        j += 1
    while j > i and tokens[j - 1].norm in ("and", "et"):
        j -= 1
    if j == i or tokens[i].norm in ("and", "et"):
        return None
    if language == "hi":
        values = [_word_value(t, language) for t in tokens[i:j]]
        total = sum(v for v in values if v is not None)
        return (total, j)
    if language not in TEXT2NUM_LANGUAGES:
        return None
    while j > i:
        try:
            return (float(text2num(" ".join(t.norm for t in tokens[i:j]), language)), j)
        except (ValueError, AssertionError):
            j -= 1  # "one and" or a run text2num does not read: shorten it
    return None


def _qualifier(tokens: tuple[Token, ...], i: int, after: int) -> tuple[str, int, int]:
    """Hedge or bound around tokens[i:after]: (qualifier, first token index, index after the last)."""
    for phrase, name, where in locale_words.QUALIFIERS:
        words = phrase_tokens(phrase)
        if where == "before" and phrase_at(tokens, i - len(words), words):
            return name, i - len(words), after
        if where == "after" and phrase_at(tokens, after, words):
            return name, i, after + len(words)
    return "exact", i, after


def _unit_at(
    tokens: tuple[Token, ...], j: int, units: dict[str, float | str], language: str
) -> tuple[str, int]:
    """Unit starting at ``tokens[j]``: (unit, index after it); ("", j) when none."""
    if j >= len(tokens):
        return "", j
    if j + 1 < len(tokens):
        two = tokens[j].norm + " " + tokens[j + 1].norm
        if two in units:
            return str(units[two]), j + 2
    unit = units.get(tokens[j].norm)
    if unit is not None:
        return str(unit), j + 1
    return "", j


def find_quantities(text: str, tokens: tuple[Token, ...], language: str) -> list[Quantity]:
    """Every number in ``text`` with its unit, magnitude and qualifier, in reading order."""
    units = _units()
    magnitudes = _magnitudes(language)
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        value: float | None = None
        after = i + 1
        weak = False
        modifier = _norm_table(tuple(HINDI_MODIFIERS.items())).get(token.norm) if language == "hi" else None
        start_index = i
        if modifier is not None and i + 1 < len(tokens):
            run = _read_word_run(tokens, i + 1, language)
            if run is None and tokens[i + 1].is_number:
                run = (parse_digits(tokens[i + 1].text, language) or 0.0, i + 2)
            if run is not None:
                value, after = run[0] + float(modifier), run[1]
        elif token.is_number:
            value = None if token.is_ordinal else parse_digits(token.text, language)
        elif _is_number_word(token, language) and token.norm not in VAGUE_PLURALS:
            run = _read_word_run(tokens, i, language)
            if run is not None:
                value, after = run
                weak = token.norm in locale_words.ARTICLE_ONES and after == i + 1
        elif token.norm in locale_words.ARTICLE_ONES or token.norm in _norm_table(
            tuple(locale_words.EXTRA_WORDS.get(language, {}).items())
        ):
            extra = _norm_table(tuple(locale_words.EXTRA_WORDS.get(language, {}).items())).get(token.norm)
            value, weak = (float(extra), False) if extra is not None else (1.0, True)
        if value is None:
            i += 1
            continue
        # A magnitude after the number multiplies it; a single letter must be glued to it ("350bn", "5m").
        while after < len(tokens) and tokens[after].norm in magnitudes:
            glued = tokens[after].start == tokens[after - 1].end
            if len(tokens[after].norm) <= 2 and not glued and tokens[after].norm not in ("bn", "md"):
                break
            value *= float(magnitudes[tokens[after].norm])
            after += 1
        unit, unit_end = _unit_at(tokens, after, units, language)
        if not unit and not weak and after + 1 < len(tokens) and tokens[after].norm not in locale_words.STOPWORDS:
            unit, unit_end = _unit_at(tokens, after + 1, units, language)  # "three winter months"
            unit_end = unit_end if unit else after
        if not unit and i > 0 and tokens[i - 1].norm in locale_words.PREFIX_UNITS:
            unit, start_index = str(units.get(tokens[i - 1].norm, "")), i - 1
        if weak and not unit:
            i += 1
            continue  # "a"/"un"/"एक" with no unit after it is an article, not a number
        if not unit and unit_end < len(tokens) and not tokens[unit_end].is_number:
            word = tokens[unit_end].norm
            if word not in locale_words.STOPWORDS and len(word) > 1:
                unit = f"w:{language}:{word.rstrip('s') if language in ('en', 'fr') else word}"
        qualifier, q_start, q_end = _qualifier(tokens, start_index, max(after, unit_end))
        end_index = max(unit_end, q_end)
        found.append(
            Quantity(
                value=value,
                unit=unit or None,
                qualifier=qualifier,
                start=tokens[min(q_start, start_index)].start,
                end=tokens[end_index - 1].end,
                number_start=token.start,
                number_end=tokens[after - 1].end,
                weak=weak,
            )
        )
        i = after
    return found


def read(facts: Facts, reference: dt.date | None, config: LabelConfig) -> Found:
    return {NUMBERS: tuple(find_quantities(facts.text, facts.tokens, facts.language))}


# ---- comparison ----------------------------------------------------------------------------------------


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) and abs(value) < 1e15 else f"{value:,.4g}"


def _borrow_unit(quantity: Quantity, english: Facts | None) -> Quantity:
    """A number whose unit word we do not know in the original takes the unit of the same value in its
    translation ("4 इस्तीफे" -> "4 resignations")."""
    if quantity.canonical_unit or english is None:
        return quantity
    for other in english[NUMBERS]:
        if other.canonical_unit and math.isclose(other.value, quantity.value):
            return replace(quantity, unit=other.unit)
    return quantity


def _units_comparable(a: Quantity, b: Quantity) -> tuple[bool, bool]:
    """(comparable, strong): strong when both units are known and equal. A bare number ("about seven") may be
    compared, weakly, with a number of any unit; a known unit never with a different noun."""
    if a.canonical_unit and b.canonical_unit:
        return (a.unit == b.unit, True)
    if a.canonical_unit or b.canonical_unit:
        return (a.unit is None or b.unit is None, False)
    if a.unit and b.unit and a.unit.split(":")[1] == b.unit.split(":")[1]:
        return (a.unit == b.unit, False)  # the same language: the nouns after the numbers must be the same
    return (True, False)


def _values_compatible(a: Quantity, b: Quantity, tolerance: float) -> bool:
    if a.qualifier == "exact" and b.qualifier == "exact":
        return math.isclose(a.value, b.value, rel_tol=1e-6)
    lo_a, hi_a = a.interval(tolerance)
    lo_b, hi_b = b.interval(tolerance)
    return lo_a <= hi_b and lo_b <= hi_a


def _number_findings(fa: Facts, fb: Facts, ea: Facts | None, eb: Facts | None, config: LabelConfig,
                     translated: bool) -> list[Finding]:
    agreed, contradicted = pair_off(
        [_borrow_unit(q, ea) for q in fa[NUMBERS]],
        [_borrow_unit(q, eb) for q in fb[NUMBERS]],
        lambda qa, qb: _units_comparable(qa, qb)[0] and _values_compatible(qa, qb, config.number_tolerance),
        lambda qa, qb: _units_comparable(qa, qb)[0] and not (qa.weak and qb.weak),
    )
    findings = [
        agreeing("number", fa.span(qa.start, qa.end), fb.span(qb.start, qb.end),
                 f"same number: {_fmt(qa.value)}", weight="number")
        for qa, qb in agreed
    ]
    for qa, qb in contradicted:
        strong = _units_comparable(qa, qb)[1]
        unit = qa.unit if qa.canonical_unit else qb.unit if qb.canonical_unit else "no known unit"
        strength = 1.0 if strong else config.weak_number_strength
        if qa.weak or qb.weak:
            strength *= 0.8  # "a month" read as one month
        strength, note = if_translated(
            strength, f"different number ({unit}): {_fmt(qa.value)} vs {_fmt(qb.value)}", translated
        )
        findings.append(contradicting("number", fa.span(qa.start, qa.end), fb.span(qb.start, qb.end), note,
                                      weight="number", strength=strength))
    return findings


def compare(a: Side, b: Side, config: LabelConfig, batch: Batch) -> list[Finding]:
    """Numbers of the same unit that differ. Read from the original texts (digits and number words carry
    across languages); the English translations add what the originals' word lists miss, at lower strength."""
    found: list[Finding] = []
    for fa, fb, ea, eb, translated in both_views(a, b):
        more = _number_findings(fa, fb, ea, eb, config, translated)
        found.extend(f for f in more if f.conflict or not translated)
    return originals_first(found)


COMPARATOR = Comparator("number", read=read, compare=compare)
