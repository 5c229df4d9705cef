"""Numbers and quantities: digits (Western and Devanagari), number words (English and French through text2num,
Hindi from a table), magnitudes ("350 बिलियन", "3 milliards"), units and currencies, hedges and bounds; and
the ``number`` evidence: numbers of the same unit that cannot both be true.

A quantity is an interval, so "about 350" and "more than 300" can be compared with "350" without
special cases.
"""

from __future__ import annotations

import datetime as dt
import math
import zoneinfo
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import regex
from text_to_num import text2num

from align.config import LabelConfig
from align.evidence import lexicon, locale_words
from align.evidence.codemix import EmbeddingCache, clause_context, clauses, margin, margin_baselines, stem
from align.evidence.findings import (
    Batch,
    Comparator,
    Embedder,
    FactKey,
    Facts,
    Finding,
    Found,
    Side,
    agreeing,
    both_views,
    contradicting,
    cross_language_spans,
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
    stated_kind: str | None = None  # "clock" or "age" when the text says so; else the unit decides
    high: float | None = None  # the upper end of a range ("1-3 per cent"); ``value`` is its lower end
    when: tuple[str, ...] = ()  # the moments it was measured at, as stated ("open", "12:30")
    where: str | None = None  # the exchange it was measured on, as stated ("nse")
    by: str | None = None  # who measured it, as stated: the initials of the name ("USGS", "NCS")
    ends: tuple[Quantity, Quantity] | None = None  # a range read from words ("4 to 60"): its two figures
    updated: bool = False  # its clause says it changed to this value ("rose to 11", "बढ़कर 11", "passe à 11")
    zone: str | None = None  # a clock time's time zone as stated: an IANA name, or "local" when no place says which
    utc_offset: float | None = None  # that zone's offset from UTC in minutes on the article's date, when known
    # The value of one unit of its last written digit ("3" 1, "3.1" 0.1, "12,4 milliards" 10**8): a figure written
    # coarser than another is that other rounded ("3%" headline / "3.1%"); None when not written in digits.
    step: float | None = None
    concept: str | None = None  # what happened to what it counts, one name across languages ("dead"): OUTCOMES
    places: tuple[frozenset[str], ...] = ()  # the gazetteer ids of each place its sentence names
    baseline: bool = False  # the old value of a change ("up 6.6% from 3,682", "contre 3 682", "3,682 से"): BASELINE_*

    @property
    def kind(self) -> str:
        """What the number measures: percent, money, clock, age, duration, measure, ratio, count, or number
        (a bare number with no unit). Numbers of different kinds are never compared."""
        if self.stated_kind:
            return self.stated_kind
        if self.unit is None:
            return "number"
        if self.unit.startswith("w:"):
            return "count"
        return locale_words.UNIT_KINDS.get(self.unit, "count")

    @property
    def canonical_unit(self) -> bool:
        return self.unit is not None and not self.unit.startswith("w:")

    def interval(self, tolerance: float, bound_span: float = math.inf) -> tuple[float, float]:
        v = self.value
        if self.high is not None:
            return (v, self.high)
        if self.qualifier == "approx":
            return (v - abs(v) * tolerance, v + abs(v) * tolerance)
        if self.qualifier == "lower":
            return (v, v * bound_span if v >= 0 else math.inf)
        if self.qualifier == "upper":
            return (v / bound_span if v >= 0 and bound_span != math.inf else -math.inf, v)
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
        value = _word_value(tokens[i], language)  # Hindi writes 1-99 as one word: "एक तीन" is two numbers
        return (value, i + 1) if value is not None else None
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


# Digit groups separated by a no-break, narrow no-break or thin space are one number in any language
# ("1\u202f040 km"); by a plain space only where the language writes thousands that way ("12 000").
GROUP_SPACES = "\u00a0\u202f\u2009"
SPACE_GROUPED_LANGUAGES = frozenset({"fr"})
# Clock times: "12:30", "06h50", "12.30 pm", "10:15 बजे", "10 बजे", "at 12.30".
CLOCK = regex.compile(
    r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[:h])(?P<m>[0-5]\d)|(?P<dot>\.)(?P<dm>[0-5]\d))?"
    r"(?![\d,]|\.\d)(?P<suffix>\s?(?:a\.?m\.?|p\.?m\.?|hrs\b|h\b|IST\b|GMT\b|बजे))?"
)
CLOCK_BEFORE = frozenset({"at", "à", "till", "until", "by", "vers", "jusqu'à", "dès", "since"})


def _clock_spans(text: str, tokens: tuple[Token, ...]) -> list[tuple[int, int, float]]:
    """(start, end, minutes after midnight) of every clock time: a colon or "h" between hours and minutes, or
    hours (with "." and minutes) followed by am/pm/hrs/बजे or after "at"/"à"."""
    spans = []
    ascii_text = "".join(c if not c.isdigit() else str(int(c)) for c in text)
    before = {t.end: t for t in tokens}
    for match in CLOCK.finditer(ascii_text):
        suffix = (match.group("suffix") or "").strip().lower()
        prefix = ascii_text[: match.start()].rstrip()
        word_before = next((t for end, t in before.items() if end == len(prefix)), None)
        after_at = word_before is not None and word_before.norm in CLOCK_BEFORE
        if match.group("sep") == "h" and not match.group("m"):
            continue
        if match.group("sep") is None and not suffix and not (match.group("dot") and after_at):
            continue
        if match.group("sep") is None and match.group("dot") is None and suffix in ("h", "hrs", "ist", "gmt"):
            continue  # "5 h" is a duration
        if prefix.endswith(tuple("$€£¥₹")) or prefix.lower().endswith(("rs", "rs.")):
            continue  # "₹12.30" is a price
        hours = int(match.group("h"))
        minutes = int(match.group("m") or match.group("dm") or 0)
        if suffix.startswith("p") and hours < 12:
            hours += 12
        elif not suffix.startswith("a"):
            hours = _on_the_dial(tokens, match.start(), match.end(), hours)
        spans.append((match.start(), match.end(), float(hours * 60 + minutes)))
    return spans


def _on_the_dial(tokens: tuple[Token, ...], start: int, end: int, hours: int) -> int:
    """``hours`` on a 24-hour dial when a part of the day is said with it ("शाम 7:40 बजे", "शाम के ६:१० बजे", "7 h
    du soir"); as written otherwise."""
    first = next((k for k, t in enumerate(tokens) if t.end > start), len(tokens))
    last = next((k for k, t in enumerate(tokens) if t.start >= end), len(tokens))
    k = first - 1
    if k >= 0 and tokens[k].norm == "के":
        k -= 1
    moves = locale_words.DAY_PARTS_BEFORE.get(tokens[k].norm) if k >= 0 else None
    for phrase, hours_moved in locale_words.DAY_PARTS_AFTER.items():
        if moves is None and phrase_at(tokens, last, phrase_tokens(phrase)):
            moves = hours_moved
    if moves is not None and moves[0] <= hours <= moves[1]:
        return hours + 12
    return hours


def _merge_digit_groups(text: str, tokens: tuple[Token, ...], language: str) -> tuple[Token, ...]:
    """Tokens with "12 000" / "1\u202f040" made one number token (its text without the spaces)."""
    merged: list[Token] = []
    spaces = GROUP_SPACES + (" " if language in SPACE_GROUPED_LANGUAGES else "")
    for token in tokens:
        last = merged[-1] if merged else None
        gap = text[last.end : token.start] if last is not None else ""
        if (
            last is not None
            and last.text.replace(" ", "").isdigit()
            and token.text.split(",")[0].isdigit()
            and len(token.text.split(",")[0]) == 3
            and len(gap) == 1
            and gap in spaces
            and len(last.text.split(" ")[0]) <= 3
        ):
            digits = last.text + " " + token.text
            merged[-1] = Token(digits, last.start, token.end, digits)
            continue
        merged.append(token)
    return tuple(Token(t.text.replace(" ", ""), t.start, t.end, t.norm.replace(" ", "")) for t in merged)


def _compound(token: Token, language: str, units: dict[str, float | str]) -> tuple[float, str] | None:
    """A number word joined to its unit by a hyphen ("five-year", "three-wheeled" is not one): (value, unit),
    with unit "age" for "five-year-old"."""
    head, _, rest = token.norm.partition("-")
    if language not in TEXT2NUM_LANGUAGES or head not in locale_words.NUMBER_WORDS.get(language, ()):
        return None
    if rest in locale_words.AGE_WORDS or rest.removeprefix("year").removeprefix("s") == "-old":
        return (float(text2num(head, language)), "age") if head not in ("and", "et") else None
    unit = units.get(rest)
    if unit is None or head in ("and", "et"):
        return None
    try:
        return float(text2num(head, language)), str(unit)
    except (ValueError, AssertionError):
        return None


def _is_code(text: str, tokens: tuple[Token, ...], i: int) -> bool:
    """A number written into a code or a name ("FY25", "Q1", "G20", "COVID-19", "A320"), not a quantity."""
    if i == 0:
        return False
    previous = tokens[i - 1]
    if not previous.text[:1].isalpha() or previous.is_devanagari:
        return False
    gap = text[previous.end : tokens[i].start]
    return gap == "" or (gap == "-" and previous.text.isupper())


def find_quantities(text: str, tokens: tuple[Token, ...], language: str) -> list[Quantity]:
    """Every number in ``text`` with its unit, magnitude and qualifier, in reading order. Clock times and ages
    are typed as such; numbers inside codes ("FY25") are left out."""
    units = _units()
    magnitudes = _magnitudes(language)
    tokens = _merge_digit_groups(text, tokens, language)
    clocks = _clock_spans(text, tokens)
    found: list[Quantity] = [
        Quantity(minutes, "clock", "exact", start, end, start, end, stated_kind="clock")
        for start, end, minutes in clocks
    ]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if any(start <= token.start < end for start, end, _ in clocks) or (token.is_number and _is_code(text, tokens, i)):
            i += 1
            continue
        value: float | None = None
        after = i + 1
        weak = False
        range_high: float | None = None
        score_high: float | None = None
        chrono = False
        modifier = _norm_table(tuple(HINDI_MODIFIERS.items())).get(token.norm) if language == "hi" else None
        start_index = i
        if modifier is not None and i + 1 < len(tokens):
            run = _read_word_run(tokens, i + 1, language)
            if run is None and tokens[i + 1].is_number:
                run = (parse_digits(tokens[i + 1].text, language) or 0.0, i + 2)
            if run is not None:
                value, after = run[0] + float(modifier), run[1]
        elif token.is_number and _reference(tokens, i) is not None:
            noun, first, last = _reference(tokens, i)  # type: ignore[misc]
            number = parse_digits(token.text, language)
            if number is not None:
                found.append(Quantity(number, noun, "exact", tokens[first].start, tokens[last].end, token.start,
                                      token.end, stated_kind="reference"))
            run_end = token.end  # "Article 19(1)(g)": the sub-clauses written onto it are part of the reference
            while run_end < len(text) and not text[run_end].isspace() and text[run_end] not in ",;.":
                run_end += 1
            i += 1
            while i < len(tokens) and tokens[i].start < run_end:
                i += 1
            continue
        elif token.is_number:
            value = None if token.is_ordinal else parse_digits(token.text, language)
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if following is not None and following.start == token.end and following.text[:1].isalpha() \
                    and following.norm not in units and following.norm not in magnitudes:
                i += 2  # "5G", "4G", "A17 Pro"'s kin: letters glued to a number that are no unit make a name
                continue
            if value is not None and following is not None and following.is_number \
                    and text[token.end : following.start] in ("-", "–", "—"):
                high = parse_digits(following.text, language)  # "1-3 per cent", "२-४ प्रतिशत"
                small = token.text.isdigit() and following.text.isdigit() and max(value, high or 0) < 100
                if high is not None and high > value:
                    range_high, after = high, i + 2
                elif high is not None and small:
                    score_high, after = high, i + 2  # "4-1": a score (a range runs upwards)
            elif value is not None and token.text.isdigit() and i + 2 < len(tokens) \
                    and tokens[i + 1].norm == "s" and len(tokens[i + 2].text) == 2 and tokens[i + 2].text.isdigit() \
                    and text[token.end : tokens[i + 2].start] == " s ":
                value, chrono, after = value + int(tokens[i + 2].text) / 100, True, i + 3  # "44 s 16": 44.16 s
        elif "-" in token.norm and _compound(token, language, units) is not None:
            value, unit_word = _compound(token, language, units)  # type: ignore[misc]
            age = unit_word == "age"
            found.append(Quantity(value, "year" if age else unit_word, "exact", token.start, token.end,
                                  token.start, token.end, stated_kind="age" if age else None))
            i += 1
            continue
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
        # A magnitude after the number multiplies it; a single letter must be glued to it ("350bn", "5m"). A
        # glued "m" is a million only after a currency ("$5m"); else it is metres ("the 400m relay").
        money = i > 0 and tokens[i - 1].norm in locale_words.PREFIX_UNITS
        metres = False
        written = value
        joined_unit = _joined_multiplier(text, tokens, after, magnitudes, units) if token.is_number else None
        if joined_unit is not None:
            value *= joined_unit[0]  # "1,240-crore-rupee": a multiplier joined by hyphens is a multiplier
            after += 1
        while joined_unit is None and after < len(tokens) and tokens[after].norm in magnitudes:
            glued = tokens[after].start == tokens[after - 1].end
            if len(tokens[after].norm) <= 2 and not glued and tokens[after].norm not in ("bn", "md"):
                break
            if tokens[after].norm == "m" and not money:
                metres = True
                after += 1
                break
            value *= float(magnitudes[tokens[after].norm])
            after += 1
        unit, unit_end = _unit_at(tokens, after, units, language)
        if joined_unit is not None:
            unit, unit_end = joined_unit[1], after
        if metres:
            unit, unit_end = "m", after
        if not unit and not weak and after + 1 < len(tokens) and tokens[after].norm not in locale_words.STOPWORDS:
            unit, unit_end = _unit_at(tokens, after + 1, units, language)  # "three winter months"
            unit_end = unit_end if unit else after
        if not unit and i > 0 and tokens[i - 1].norm in locale_words.PREFIX_UNITS:
            unit, start_index = str(units.get(tokens[i - 1].norm, "")), i - 1
        if chrono:
            unit, unit_end = "second", after
        if not unit:
            scale = _scale_before(tokens, i)
            if scale is not None:
                unit, start_index = scale
        currency_next = after + 1 < len(tokens) and tokens[after + 1].is_number
        if weak and (not unit or tokens[after].norm in locale_words.PREFIX_UNITS and currency_next):
            i += 1
            continue  # "a"/"un"/"एक" with no unit after it ("a $5m prize") is an article, not a number
        if not unit and unit_end < len(tokens) and not tokens[unit_end].is_number \
                and not _is_number_word(tokens[unit_end], language):
            if language == "fr" and value != written and tokens[unit_end].norm in ("de", "d'") \
                    and unit_end + 1 < len(tokens) and tokens[unit_end + 1].norm not in locale_words.STOPWORDS:
                noun_at = unit_end + 1  # "12 millions de clients": after a magnitude, "de" opens the counted noun
            else:
                noun_at = unit_end
            if noun_at != unit_end:  # "14,2 milliards de roupies": a known unit after "de" is that unit
                unit = _unit_at(tokens, noun_at, units, language)[0]
            word = tokens[noun_at].norm
            # A counted noun follows its figure with nothing but a space or hyphen between ("134-run"); "3,925,
            # against" counts nothing.
            glued = not text[tokens[noun_at - 1].end : tokens[noun_at].start].strip(" -\u00a0\u202f\u2009")
            if not unit and glued and word not in locale_words.STOPWORDS and len(word) > 1:
                unit = f"w:{language}:{word.rstrip('s') if language in ('en', 'fr') else word}"
        if range_high is not None and not unit and max(value, range_high) < 100 and token.text.isdigit():
            score_high, range_high = range_high, None  # "1-3" with no unit: a score too ("lost 1-3")
        if score_high is not None:
            unit, unit_end = "", after  # a score counts goals or points, whatever noun follows
        qualifier, q_start, q_end = _qualifier(tokens, start_index, max(after, unit_end))
        end_index = max(unit_end, q_end)
        age = _is_age(text, tokens, i, unit_end, unit, language)
        if age:
            unit, end_index = "year", max(end_index, age)
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
                stated_kind="age" if age else "score" if score_high is not None else None,
                high=range_high if score_high is None else score_high,
                step=_step(token, language, value / written if written else 1.0)
                if token.is_number and not chrono and modifier is None else None,
            )
        )
        i = after
    return _with_ranges(text, tokens, _with_compound_durations(text, sorted(found, key=lambda q: q.start)))


# A duration written in two units is one value: "2 hours 14 minutes", "दो घंटे 41 मिनट", "2 h 41", "2 heures et 14
# minutes" are 134 and 161 minutes, never "2 hours" agreeing and "14" / "41" compared as two things. Between the
# hours and the minutes: space, "h" (the minutes then need no unit) or "and"/"et"/"और".
HOURS_MINUTES_GAP = regex.compile(r"\s*(?:(?P<h>h|hr|hrs)\b\s*)?(?:(?:and|et|और)\s+)?", regex.IGNORECASE)


def words_before(text: str, start: int) -> frozenset[str]:
    """The word right before ``start``, lowered (a one-element set, or empty)."""
    before = text[:start].split()
    return frozenset({before[-1].lower()}) if before else frozenset()


def _with_compound_durations(text: str, found: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    k = 0
    while k < len(found):
        hours = found[k]
        minutes = found[k + 1] if k + 1 < len(found) else None
        if minutes is not None and hours.high is None and minutes.high is None and not hours.stated_kind \
                and not minutes.stated_kind and 0 <= minutes.value < 60 and minutes.value == int(minutes.value):
            gap = HOURS_MINUTES_GAP.fullmatch(text[hours.end : minutes.number_start])
            bare_h = gap is not None and gap.group("h") is not None and hours.unit is None
            if gap is not None and (hours.unit == "hour" and minutes.unit == "minute" and not gap.group("h")
                                    or bare_h and (minutes.unit in (None, "minute") or str(minutes.unit).startswith("w:"))):
                end = minutes.end if minutes.unit == "minute" else minutes.number_end
                # "reprise à 5 h 40": after "à"/"at" it is a time of day, no duration (left as read before)
                if not (bare_h and words_before(text, hours.start) & CLOCK_BEFORE):
                    out.append(replace(hours, value=hours.value * 60 + minutes.value, unit="minute", end=end,
                                       number_end=minutes.number_end, step=1.0))
                    k += 2
                    continue
        out.append(hours)
        k += 1
    return out


def _joined_multiplier(text: str, tokens: tuple[Token, ...], k: int, magnitudes: dict[str, float | str],
                       units: dict[str, float | str]) -> tuple[float, str] | None:
    """A magnitude joined to the number before it by a hyphen, and what it is of ("1,240-crore-rupee bridge",
    "5-million-dollar", "10-lakh"): (multiplier, unit or ""); None when ``tokens[k]`` is no such word."""
    if k >= len(tokens) or k == 0 or text[tokens[k - 1].end : tokens[k].start] != "-":
        return None
    head, _, rest = tokens[k].norm.partition("-")
    multiplier = magnitudes.get(head)
    if multiplier is None or len(head) <= 2 or isinstance(multiplier, str):
        return None
    return float(multiplier), str(units.get(rest, "")) if rest else ""


def _step(token: Token, language: str, multiplier: float) -> float:
    """The value of one unit of the last digit ``token`` writes, times the magnitude after it."""
    digits = token.text  # Devanagari digits are already ASCII in a token's text (``tokens.tokenize``)
    mark = "," if language in COMMA_DECIMAL_LANGUAGES else "."
    _, point, decimals = digits.rpartition(mark)
    places = len(decimals) if point and decimals.isdigit() and not (mark == "," and len(decimals) == 3) else 0
    return 10.0 ** -places * multiplier



# Words that join two figures into one range: "4 to 60", "४ से ६० (तक)", "de 4 à 60"; "and"/"et" only after
# "between"/"entre" ("between 4 and 60", "entre 4 et 60"), or with "के बीच" after ("४ और ६० के बीच").
RANGE_LINKS = frozenset({"to", "à", "a", "से", "-", "–", "—"})
RANGE_PAIRED_LINKS = {"and": ("between",), "et": ("entre",), "और": ()}
# A change states two figures of two moments, not one interval: "rose from 9 to 11", "est passé de 4 à 6".
CHANGE_WORDS = frozenset({
    "rose", "risen", "rise", "rises", "rising", "climbed", "climbs", "increased", "increases", "jumped", "grew",
    "fell", "fall", "falls", "falling", "dropped", "declined", "slipped", "slumped", "raised", "cut", "revised",
    "lowered", "up", "down", "went", "changed", "moved", "passé", "passée", "passés", "passe", "passant",
    "augmenté", "baissé", "grimpé", "chuté", "relevé", "abaissé", "bondi", "reculé",
})
# An age range said around its ends: "for ages 4 to 60", "âgés entre 4 et 60 ans", "४ से ६० साल की उम्र".
RANGE_AGE_BEFORE = frozenset({"ages", "aged", "age", "âgés", "âgées", "âgé", "âgée", "उम्र", "आयु"})
RANGE_AGE_AFTER = frozenset({"उम्र", "आयु", "old", "d'âge"})
RANGE_KINDS = frozenset({"number", "count", "money", "measure", "percent", "age", "duration"})
CALENDAR_YEARS = (1000, 2100)  # two bare figures in this span joined by a range word are years, not a range of counts


def _with_ranges(text: str, tokens: tuple[Token, ...], found: list[Quantity]) -> list[Quantity]:
    """Two figures joined by a range word made one interval ("४ से ६० साल" is 4..60 years, as "ages 4 to 60" and
    "de 4 à 60 ans" are), so a range is compared with a range and never its two ends with each other. The first
    end takes the unit of the second ("4 to 60 years"); a range runs upwards ("voted 5 to 4" is no range); a change
    ("rose from 9 to 11", "passé de 4 à 6") is two figures."""
    out: list[Quantity] = []
    k = 0
    while k < len(found):
        low = found[k]
        high = found[k + 1] if k + 1 < len(found) else None
        merged = _range_of(text, tokens, low, high) if high is not None else None
        if merged is not None:
            out.append(merged)
            k += 2
            continue
        out.append(low)
        k += 1
    return out


def _range_of(text: str, tokens: tuple[Token, ...], low: Quantity, high: Quantity) -> Quantity | None:
    if low.high is not None or high.high is not None or low.weak or high.weak or not low.value < high.value:
        return None
    kinds = {low.kind, high.kind}
    if not kinds <= RANGE_KINDS or "score" in kinds:
        return None
    if low.unit is not None and low.unit != high.unit and not (low.kind == "age" and high.unit in ("year", None)):
        return None
    if all(q.unit is None and q.value == int(q.value) and CALENDAR_YEARS[0] <= q.value <= CALENDAR_YEARS[1]
           for q in (low, high)):
        return None  # "between 1495 and 1498" is a span of years, the dates' to compare year by year
    link = normalise(text[low.end : high.number_start].strip())
    first = next((k for k, t in enumerate(tokens) if t.start >= low.start), 0)
    before = [t.norm for t in tokens[max(0, first - 2) : first]]
    if link in RANGE_PAIRED_LINKS:
        after = [t.norm for t in tokens if t.start >= high.end][:2]
        opener = RANGE_PAIRED_LINKS[link]
        if not (set(before) & set(opener) or after[-1:] == ["बीच"]):
            return None
    elif link not in RANGE_LINKS or (link in ("-", "–", "—") and low.kind != "age"):
        return None  # "1-3" without spaces is read as a range already; a spaced dash is one only for ages
    if set(before) & CHANGE_WORDS or (before[-1:] in (["from"], ["de"]) and first >= 2
                                      and tokens[first - 2].norm in CHANGE_WORDS):
        return None
    later = [t.norm for t in tokens if t.start >= high.end][:3]
    age = "age" in kinds or bool(set(before) & RANGE_AGE_BEFORE) or (
        high.unit in ("year", None) and bool(set(later) & RANGE_AGE_AFTER))
    return replace(high, value=low.value, high=high.value, qualifier=low.qualifier, start=low.start,
                   number_start=low.number_start, stated_kind="age" if age else high.stated_kind,
                   unit="year" if age else high.unit, ends=(low, high))


def _ranges_against(quantities: list[Quantity], other: list[Quantity]) -> list[Quantity]:
    """A range read from words is an interval against a side that states a range too; against a side that states
    none, its two figures are compared one by one ("from 340 million to 500 million" / "de 640 millions à 500
    millions", a downward pair read as two figures: 340 is set against 640)."""
    if any(q.high is not None for q in other):
        return quantities
    return [end for q in quantities for end in (q.ends or (q,))]


def _reference(tokens: tuple[Token, ...], i: int) -> tuple[str, int, int] | None:
    """The reference noun a number at ``tokens[i]`` names an item of ("Article 19", "Section 105", "धारा 9", "No 19",
    "19 नंबर"): (canonical noun, first token, last token). Such a number is an identifier, compared only with a
    number of the same noun, never with a count, a sum or an age."""
    if i > 0:
        before = tokens[i - 1]
        noun = locale_words.REFERENCE_BEFORE.get(before.norm)
        if noun is not None and (before.norm != "no" or before.text == "No"):
            return noun, i - 1, i
    if i + 1 < len(tokens) and tokens[i + 1].norm in locale_words.REFERENCE_AFTER:
        return locale_words.REFERENCE_AFTER[tokens[i + 1].norm], i, i + 1
    return None


def _scale_before(tokens: tuple[Token, ...], i: int) -> tuple[str, int] | None:
    """The scale named before the number at ``tokens[i]`` ("magnitude 6.1", "magnitude de 5,9", "at magnitude
    6.1"): (unit, index of the scale word)."""
    for k in (i - 1, i - 2):
        if k < 0 or tokens[k].norm not in locale_words.SCALE_BEFORE:
            continue
        if k == i - 1 or tokens[i - 1].norm in locale_words.SCALE_LINKS:
            return locale_words.SCALE_BEFORE[tokens[k].norm], k
    return None


def _is_age(text: str, tokens: tuple[Token, ...], i: int, unit_end: int, unit: str, language: str) -> int:
    """Index after the age's last token when the number at ``tokens[i]`` is a person's age ("61-year-old",
    "aged 61", "61 वर्षीय", "58 ans" after a comma, "Rao, 61,"); 0 when it is not."""
    after = tokens[unit_end].norm if unit_end < len(tokens) else ""
    unit_word = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    if unit_word in locale_words.AGE_WORDS:
        return i + 2
    before = " ".join(t.norm for t in tokens[max(0, i - 3) : i])
    if before.endswith(locale_words.AGE_BEFORE):
        return unit_end
    if unit == "year" and (after in ("old", "की", "के") and language != "fr" or after == "old"):
        return unit_end + 1 if after == "old" else 0
    gap_before = text[tokens[i - 1].end : tokens[i].start] if i > 0 else ""
    end = tokens[unit_end - 1].end if unit_end > i else tokens[i].end
    gap_after = text[end : end + 1]
    apposition = gap_before.strip() in (",", "(") and gap_after in (",", ")")
    bare = not unit or unit.startswith("w:")
    if apposition and (unit == "year" or (bare and tokens[i - 1].text[:1].isupper())):
        return unit_end
    # Devanagari has no capitals: "हरीश कुलकरणी (६१)" is an age by its brackets and a person's span of years.
    bracketed = gap_before.strip() == "(" and gap_after == ")"
    if bracketed and bare and tokens[i - 1].is_devanagari and tokens[i].text.isdigit() and 10 <= int(tokens[i].text) < 110:
        return unit_end
    return 0


def read(facts: Facts, reference: dt.date | None, config: LabelConfig) -> Found:
    quantities = with_occasions(facts.tokens, with_counted_nouns(facts, find_quantities(
        facts.text, facts.tokens, facts.language)), facts.language, clauses(facts))
    quantities = with_time_zones(facts, quantities, reference)
    quantities = with_concepts(facts, with_baselines(facts, with_updates(facts, quantities)), reference)
    return {NUMBERS: tuple(with_measurers(facts, with_clause_moments(facts, quantities)))}


# A count named as a count: "tiger count", "number of tigers", "nombre de tigres", "बाघों की संख्या". The noun it
# counts is what a bare figure of its clause counts ("India's tiger count rises to 3,925" counts tigers, as "3 952
# tigres" does).
COUNT_WORDS = frozenset({"count", "number", "tally", "population", "nombre", "effectif", "संख्या",
                         "तादाद", "आबादी"})
COUNT_REACH = 4  # content words between the count word and its figure, at most


def _count_noun(tokens: tuple[Token, ...], k: int, language: str) -> str | None:
    """The noun the count word ``tokens[k]`` counts: before it in English ("tiger count") and Hindi ("बाघों की
    संख्या"), after "of"/"de" in English and French ("number of tigers", "nombre de tigres")."""
    def content(j: int) -> str | None:
        if 0 <= j < len(tokens) and not tokens[j].is_number and tokens[j].norm not in locale_words.STOPWORDS \
                and tokens[j].norm not in COUNT_WORDS and len(tokens[j].norm) > 1:
            return tokens[j].norm
        return None

    if k + 2 < len(tokens) and tokens[k + 1].norm in ("of", "de", "d'", "des"):
        return content(k + 2)
    if language == "hi" and k >= 2 and tokens[k - 1].norm in ("की", "का", "के"):
        # "मरने वालों की संख्या": "वालों" (those who) stands for the word before it.
        return content(k - 3 if tokens[k - 2].norm in ("वालों", "वाले", "वाली") else k - 2)
    return content(k - 1) if language == "en" else None


def with_counted_nouns(facts: Facts, quantities: list[Quantity]) -> list[Quantity]:
    """A bare figure (no unit) whose clause names a count within ``COUNT_REACH`` words before it counts that count's
    noun (``COUNT_WORDS``): its unit becomes the noun, as "3 952 tigres" has one."""
    tokens, clause_ids = facts.tokens, clauses(facts)
    out = []
    for q in quantities:
        first = next((k for k, t in enumerate(tokens) if t.start >= q.start), None)
        noun = None
        if q.unit is None and q.kind == "number" and first is not None and q.high is None:
            for k in range(first - 1, max(-1, first - 1 - COUNT_REACH - 2), -1):
                if clause_ids[k] != clause_ids[first]:
                    break
                if tokens[k].norm in COUNT_WORDS:
                    if k == first - 1 and facts.language != "hi":
                        break  # "the world number 71", "numéro 2": a count word right before a figure labels it
                    noun = _count_noun(tokens, k, facts.language)
                    break
        if noun is None or noun in OUTCOME_CONCEPTS:
            out.append(q)  # "the number of dead", "मृतकों की संख्या": an outcome, which the concept reads
            continue
        word = noun.rstrip("s") if facts.language in ("en", "fr") else noun
        out.append(replace(q, unit=f"w:{facts.language}:{word}"))
    return out


# ---- what happened: one concept name across languages ------------------------------------------------------

# What happened to what a figure counts, or what event a date dates, as one name in three languages. A figure is
# the counted thing and what happened to it ("four workers dead", "six ouvriers tués", "छह मजदूरों की मौत" are one
# concept, "13 workers in hospital" another); a date belongs to the event its clause reports ("collapsed on
# Wednesday", "मंगलवार ... ढह गए", "effondrées mercredi"; not "postponed from Monday"). Words as ``Token.norm``.
OUTCOMES: dict[str, frozenset[str]] = {
    "dead": frozenset({
        "dead", "died", "die", "dies", "killed", "killing", "death", "deaths", "toll", "fatalities", "bodies", "lives",
        "mort", "morts", "morte", "mortes", "tué", "tués", "tuée", "tuées", "décès", "décédés", "bilan", "victimes",
        "मौत", "मौतें", "मृतक", "मृतकों", "मरने", "मारे", "शव", "जान",
    }),
    "injured": frozenset({
        "injured", "injuring", "hurt", "wounded", "hospital", "hospitalised", "hospitalized", "injuries",
        "blessé", "blessés", "blessée", "blessées", "hospitalisés", "hospitalisées", "hôpital",
        "घायल", "घायलों", "जख्मी", "अस्पताल",
    }),
    "missing": frozenset({"missing", "disparu", "disparus", "disparues", "लापता"}),
    "arrested": frozenset({"arrested", "detained", "arrêtés", "arrêtées", "interpellés", "गिरफ्तार", "हिरासत"}),
    "evacuated": frozenset({"evacuated", "évacués", "évacuées", "évacuation", "evacuation", "विस्थापित"}),
    "rescued": frozenset({"rescued", "secourus", "sauvés", "बचाया", "बचाए"}),
    "waiting": frozenset({"waiting", "wait", "queue", "attendaient", "attendent", "attente", "इंतजार", "फंसे"}),
    "present": frozenset({"site", "aboard", "board", "chantier", "bord", "साइट", "सवार"}),
}
# Changes: what changed is the thing the change is of ("shares fell 3.1%" / "Nifty fell 0.6%"), which the words or
# the embedder match; two figures of different changes ("fell 3.1%" / "hausse des salaires de 20 %") are never one.
CHANGES: dict[str, frozenset[str]] = {
    "rise": frozenset({
        "rise", "hike", "raise", "increase", "increment", "hausse", "augmentation", "revalorisation",
        "बढ़ोतरी", "बढ़ोत्तरी", "वृद्धि", "इजाफा",
    }),
    "fall": frozenset({
        "fell", "dropped", "slumped", "slumps", "slipped",
        "declined", "baisse", "recul", "reculé", "chute", "chuté", "perdu", "गिरावट", "लुढ़का",
        "लुढ़के", "टूटा", "टूटे", "फिसला",
    }),
}
# Events a date dates (with OUTCOMES and CHANGES: "killed on Wednesday" dates the deaths).
EVENTS: dict[str, frozenset[str]] = {
    "collapse": frozenset({
        "collapsed", "collapse", "collapses", "crumbled", "effondré", "effondrée", "effondrés", "effondrées",
        "effondre", "effondrement", "écroulé", "écroulée", "ढहे", "ढह", "ढहा", "ढही", "गिरे", "गिरा", "गिरी",
    }),
    "launch": frozenset({
        "launched", "launch", "launches", "lift-off", "liftoff", "lifted", "lancé", "lancée", "lancement",
        "décollage", "décollé", "tir", "लॉन्च", "रवाना", "प्रक्षेपण", "उड़ान",
    }),
    "postponed": frozenset({
        "postponed", "delayed", "originally", "initially", "reporté", "reportée", "reportés", "repoussé",
        "initialement", "टाल", "टाला", "टाली", "टालना", "स्थगित",
    }),
    "began": frozenset({
        "began", "begun", "begin", "begins", "started", "start", "starts", "commenced", "débuté", "commencé",
        "commence", "cessé", "शुरू", "शुरुआत",
    }),
    # Making a report or figures public: "released on Wednesday", "publié mercredi", "मंगलवार को जारी", "on Thursday
# reported a 6.2% rise" (the day dates the report, not the rise).
    "release": frozenset({
        "released", "release", "releases", "releasing", "published", "publishes", "unveiled", "reported", "announced",
        "publié", "publiée", "publiés", "publiées", "publication", "dévoilé", "dévoilée", "dévoilés", "annoncé",
        "annoncée", "जारी", "प्रकाशित", "घोषित",
    }),
    "talks": frozenset({
        "talks", "negotiations", "meeting", "négociations", "pourparlers", "réunion", "बातचीत", "वार्ता", "बैठक",
    }),
}


def _concept_of(words: dict[str, frozenset[str]]) -> dict[str, str]:
    return {word: name for name, found in words.items() for word in found}


CHANGE_CONCEPTS = _concept_of(CHANGES)
OUTCOME_CONCEPTS = _concept_of(OUTCOMES)
EVENT_CONCEPTS = _concept_of({**OUTCOMES, **CHANGES, **EVENTS})
# A running count: a figure of one of these is stated again as it changes (a toll, ships waiting); its moment matters.
RUNNING_COUNTS = frozenset(OUTCOMES) - {"present"}
# Words that tie what follows to another figure or event: "with 13 workers in hospital", "avec treize blessés",
# "toll rises to 12 as injured worker dies".
CONCEPT_BARRIERS = frozenset({"with", "avec", "साथ", "as", "comme"})


# Place words that say "present" only after or before their preposition: "on the site", "sur le chantier", "साइट
# पर", "on board", "à bord" ("reach the site" says nothing of who was there).
PLACED_WORDS = {"site": ("on", "at"), "chantier": ("sur",), "board": ("on",), "bord": ("à",)}
PLACED_AFTER = {"साइट": ("पर",)}


def _stands_as_concept(tokens: tuple[Token, ...], k: int) -> bool:
    word = tokens[k].norm
    if word in PLACED_WORDS:
        return any(t.norm in PLACED_WORDS[word] for t in tokens[max(0, k - 2) : k])
    if word in PLACED_AFTER:
        return k + 1 < len(tokens) and tokens[k + 1].norm in PLACED_AFTER[word]
    return True


def concept_near(facts: Facts, start: int, end: int, table: dict[str, str],
                 skip: Sequence[tuple[int, int]] = (), barriers: frozenset[str] = frozenset()) -> str | None:
    """The concept of the nearest word of ``table`` to ``facts.text[start:end]`` in its clause, not beyond another
    ``skip`` span (another figure or date) nor a ``barriers`` word ("with"); the word after wins a tie ("13 were
    injured" after "killed and"). None when the clause names none."""
    tokens, clause_ids = facts.tokens, clauses(facts)
    inside = [k for k, t in enumerate(tokens) if start <= t.start < end]
    if not inside:
        return None
    first, last = inside[0], inside[-1]

    def blocked(k: int) -> bool:
        t = tokens[k]
        return t.norm in barriers or any(s <= t.start < e and not (s <= start < e) for s, e in skip)

    def one_clause(k: int, step: int) -> bool:
        """tokens[k] and the token before it on the way out stand in one clause; a mark inside a clock time or a
        figure ("10:24", "4.15") opens none."""
        j = k - step
        if clause_ids[k] == clause_ids[j]:
            return True
        left, right = (tokens[j], tokens[k]) if step == 1 else (tokens[k], tokens[j])
        return left.text[-1:].isdigit() and right.text[:1].isdigit() and facts.text[left.end : right.start] in (":", ".")

    found: list[tuple[int, int, str]] = []
    for direction, begin in ((1, last + 1), (-1, first - 1)):
        k = begin
        while 0 <= k < len(tokens) and one_clause(k, direction) and not blocked(k):
            concept = table.get(tokens[k].norm) if _stands_as_concept(tokens, k) else None
            if concept is not None:
                found.append((abs(k - (last if direction == 1 else first)), 0 if direction == 1 else 1, concept))
                break
            k += direction
    return min(found)[2] if found else None


def with_concepts(facts: Facts, quantities: list[Quantity], reference: dt.date | None) -> list[Quantity]:
    """Each figure with its concept (``OUTCOMES`` for a count, ``CHANGES`` otherwise) and the places its sentence
    names; a running count that states no moment of its own, in a sentence that names no day, takes the day of its
    article ("four workers dead" in a Wednesday article is Wednesday's toll, "छह मजदूरों की मौत" in Thursday's,
    Thursday's): two tolls of two days are two updates."""
    spans = [(q.start, q.end) for q in quantities]
    places = tuple(frozenset(p.ids) for p in lexicon.find_places(facts.tokens)
                   if any(not i.startswith("language:") for i in p.ids))

    # What happened to a counted thing is an outcome; a percentage, a sum or a measure changes ("dropped" is no
    # outcome of "five policemen were dropped into the jungle").
    out = [replace(q, concept=None if _partitive(facts, q) else concept_near(
        facts, q.start, q.end, OUTCOME_CONCEPTS if q.kind in ("count", "number") else CHANGE_CONCEPTS, spans,
        CONCEPT_BARRIERS), places=places)
           if q.kind not in ("clock", "age", "reference") else q for q in quantities]
    out = [_nearest_day(facts, q) if q.concept in RUNNING_COUNTS or q.updated else q for q in out]
    if reference is None or _names_a_day(facts):
        return out
    day = f"day {reference.weekday()}"
    return [replace(q, when=(*q.when, day, ARTICLE_DAY)) if (q.concept in RUNNING_COUNTS or q.updated)
            and not any(w.startswith("day ") for w in q.when) and q.kind in ("count", "number") else q for q in out]


PARTITIVE_AFTER = frozenset({"of", "d'entre", "parmi"})
PARTITIVE_BEFORE = frozenset({"dont"})


def _partitive(facts: Facts, q: Quantity) -> bool:
    """A part of a count, not the count: "eight of the dead", "cinq d'entre eux", "dont cinq grièvement", "घायलों में
    से पांच"."""
    tokens = facts.tokens
    after = next((k for k, t in enumerate(tokens) if t.start >= q.end), len(tokens))
    before = next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].end <= q.start), -1)
    if after < len(tokens) and tokens[after].norm in PARTITIVE_AFTER:
        return True
    if before >= 0 and tokens[before].norm in PARTITIVE_BEFORE:
        return True
    return before >= 1 and tokens[before].norm == "से" and tokens[before - 1].norm == "में"


# Marks the day a figure takes from its article (not written in its sentence): it places the figure on that day
# against a sentence that states the day, and a part of the day stated on the other side only ("by Monday
# morning") still leaves the two moments unknown (halved, as any moment on one side only).
ARTICLE_DAY = "its article's day"
def _nearest_day(facts: Facts, q: Quantity) -> Quantity:
    """A running count timed by two days keeps the one written nearest to it: "बुधवार तड़के ... आग में मरने वालों की
    संख्या गुरुवार सुबह बढ़कर १२" is Thursday's toll of Wednesday's fire."""
    days = [w for w in q.when if w.startswith("day ")]
    if len(set(days)) < 2:
        return q
    words = locale_words.calendar_words(facts.language)
    found = [(min(abs(t.start - q.end), abs(q.start - t.end)), f"day {words[w][1]}") for t in facts.tokens
             if (w := t.norm.removesuffix("'s").rstrip("'")) in words and words[w][0] == "weekday"
             and f"day {words[w][1]}" in days]
    if not found:
        return q
    keep = min(found)[1]
    return replace(q, when=tuple(w for w in q.when if not w.startswith("day ") or w == keep))


RELATIVE_DAYS = frozenset({"yesterday", "tomorrow", "hier", "demain", "कल", "परसों"})


def _names_a_day(facts: Facts) -> bool:
    words = locale_words.calendar_words(facts.language)
    return any(t.norm in words or t.norm.removesuffix("'s") in words or t.norm in RELATIVE_DAYS for t in facts.tokens)


def same_concept(qa: Quantity, qb: Quantity) -> bool | None:
    """Whether two figures' concepts say they measure one thing: two outcomes decide (the same outcome is one thing,
    "toll rose to eight" / "मरने वालों की संख्या 6") unless one sentence names a place the other does not ("in
    Bangladesh, where three people died" / "मेघालय में ... 14 लोगों की मौत": the same outcome in two places; then what
    else the text says decides); two different
    concepts never are; a change alone does not say what changed (None), nor does a figure with no concept."""
    a, b = qa.concept, qb.concept
    if a is None or b is None:
        return None
    if a != b:
        return False
    if _a_place_apart(qa.places, qb.places) or _a_place_apart(qb.places, qa.places):
        return None
    return True if a in OUTCOMES else None


def _a_place_apart(places: tuple[frozenset[str], ...], other: tuple[frozenset[str], ...]) -> bool:
    return any(all(p.isdisjoint(q) for q in other) for p in places)


# The old value of a change, named by the word before it ("up 6.6% from 3,682" in a sentence stating a change,
# "against 3,682 four years ago",
# "contre 3 682", "par rapport à 3 682", "compared with 3,682") or, in Hindi, the postposition after it ("3,682 से
# बढ़कर", "3,682 के मुकाबले", "3,682 की तुलना में"); French "de" only after a change word ("passé de 3 682 à").
BASELINE_BEFORE = (("from",), ("against",), ("versus",), ("vs",), ("contre",), ("compared", "with"),
                   ("compared", "to"), ("par", "rapport", "à"), ("comparé", "à"), ("comparée", "à"))
BASELINE_AFTER = (("के", "मुकाबले"), ("की", "तुलना"))
# "से" is "from" only before the change ("3,682 से बढ़कर 3,925"); "2 विकेट से जीता" is "won by two wickets", "5
# प्रतिशत से अधिक" "more than 5%".
HINDI_CHANGED = frozenset(normalise(w) for w in (
    "बढ़कर", "घटकर", "बढ़ाकर", "घटाकर", "गिरकर", "बढ़", "घट", "बढ़ी", "घटी", "बढ़ा", "घटा"))


def with_baselines(facts: Facts, quantities: list[Quantity]) -> list[Quantity]:
    """Each figure marked ``baseline`` when its words say it is the old value of a change: it is set only against the
    other side's old value ("up 6.6% from 3,682" / "at 3,925, against 3,682": 3,682 is no rival of 3,925). Never a
    range, a clock time, an age or a duration ("10 साल से" is "for ten years")."""
    tokens = facts.tokens
    # "from" names an old value only in a sentence that states a change ("up 6.6% from 3,682"); "estimates range from
    # 640 million to 500 million" states none.
    changes = any(t.norm in UPDATE_WORDS for t in tokens)  # UPDATE_WORDS holds every CHANGE_WORDS word
    out = []
    for q in quantities:
        if q.high is not None or q.kind in ("clock", "age", "duration", "reference"):
            out.append(q)
            continue
        first = next((k for k, t in enumerate(tokens) if t.start >= q.start), len(tokens))
        after = next((k for k, t in enumerate(tokens) if t.start >= q.end), len(tokens))
        before = tuple(t.norm for t in tokens[max(0, first - 3) : first])
        following = tuple(t.norm for t in tokens[after : after + 3])
        by_before = any(before[-len(p):] == p for p in BASELINE_BEFORE) and (before[-1:] != ("from",) or changes) or (
            before[-1:] == ("de",) and len(before) >= 2 and before[-2] in CHANGE_WORDS)
        by_after = facts.language == "hi" and (any(following[: len(p)] == p for p in BASELINE_AFTER) or (
            following[:1] == ("से",) and bool(set(following[1:3]) & HINDI_CHANGED)))
        out.append(replace(q, baseline=True) if by_before or by_after else q)
    return out


# Words saying a figure changed to its value: a running count or a moving price, whose moment matters.
UPDATE_WORDS = CHANGE_WORDS | frozenset({
    "rises", "risen", "climbs", "reached", "reaches", "touched", "now", "passe", "atteint", "grimpe", "s'élève",
    "बढ़कर", "बढ़", "बढ़ी", "बढ़ा", "बढ़े", "पहुंच", "पहुँच", "पहुंची", "पहुँची", "तक",
})


def with_updates(facts: Facts, quantities: list[Quantity]) -> list[Quantity]:
    """Each figure marked ``updated`` when its clause says the figure changed to it ("toll rises to nine", "सोमवार शाम
    तक ... बढ़कर 11", "le bilan passe à 11"): a moment stated with such a figure is the moment of one update."""
    clause_at = _clause_at(facts)
    changed = {c for t, c in zip(facts.tokens, clauses(facts), strict=True) if t.norm in UPDATE_WORDS}
    return [replace(q, updated=True) if clause_at.get(q.start) in changed and q.kind not in ("clock", "age") else q
            for q in quantities]


# How many tokens may stand between a clock time and the time zone said with it ("भारतीय समयानुसार सुबह 6:05").
ZONE_REACH = 2


def with_time_zones(facts: Facts, quantities: list[Quantity], reference: dt.date | None) -> list[Quantity]:
    """Each clock time with the time zone said next to it in its clause ("12:30 IST", "भारतीय समयानुसार सुबह 6:05
    बजे", "9h10 heure de Paris", "7.40 pm local time") and that zone's offset from UTC on ``reference`` (the
    article's date). "Local time" is the zone of the city the sentence names ("landed in Muscat at 4.35 am local
    time"), else it stays "local", which only another "local" is set against."""
    if not any(q.kind == "clock" for q in quantities):
        return quantities
    tokens, clause_ids = facts.tokens, clauses(facts)
    stated: list[tuple[int, int, str]] = []  # (first token, token after the last, zone)
    for k in range(len(tokens)):
        for phrase, zone in sorted(locale_words.TIME_ZONES.items(), key=lambda item: -len(phrase_tokens(item[0]))):
            words = phrase_tokens(phrase)
            if phrase_at(tokens, k, words) and not any(s <= k < e for s, e, _ in stated):
                stated.append((k, k + len(words), zone))
                break
    if not stated:
        return quantities
    local = _local_zone(tokens)

    def zone_of(q: Quantity) -> str | None:
        inside = [k for k, t in enumerate(tokens) if q.start <= t.start < q.end]
        if not inside:
            return None
        first, last = inside[0], inside[-1]
        near = [(max(s - last - 1, first - e, 0), zone) for s, e, zone in stated
                if clause_ids[s] in (clause_ids[first], clause_ids[last]) and (first - e <= ZONE_REACH and s - last - 1 <= ZONE_REACH)]
        if not near:
            return None
        zone = min(near)[1]
        return local or zone if zone == "local" else zone

    out = []
    for q in quantities:
        zone = zone_of(q) if q.kind == "clock" else None
        out.append(replace(q, zone=zone, utc_offset=_utc_offset(zone, reference)) if zone else q)
    return out


def _local_zone(tokens: tuple[Token, ...]) -> str | None:
    """The time zone of the one city a sentence names, if it names one whose zone is known."""
    zones = {lexicon.time_zone_of(place) for place in lexicon.find_places(tokens)} - {None}
    return next(iter(zones)) if len(zones) == 1 else None


def _utc_offset(zone: str, reference: dt.date | None) -> float | None:
    """Minutes ``zone`` stands ahead of UTC on ``reference``; without a date, only a zone with no summer time."""
    if zone == "local":
        return None
    try:
        info = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    days = [reference] if reference is not None else [dt.date(2025, 1, 15), dt.date(2025, 7, 15)]
    offsets = {dt.datetime.combine(day, dt.time(12), info).utcoffset() for day in days}
    if len(offsets) != 1:
        return None
    offset = next(iter(offsets))
    return None if offset is None else offset.total_seconds() / 60


def with_clause_moments(facts: Facts, quantities: list[Quantity]) -> list[Quantity]:
    """A figure that states no moment takes the clock times of its clause ("trading 3.1 per cent lower at ₹1,505
    at 12.30 pm": both figures are the 12:30 ones)."""
    clause_at = _clause_at(facts)

    def clause(q: Quantity) -> int | None:
        return clause_at.get(q.start)

    times: dict[int | None, list[str]] = {}
    for q in quantities:
        if q.kind == "clock":
            times.setdefault(clause(q), []).append(_clock_label(q.value))
    return [replace(q, when=tuple(times[clause(q)])) if q.kind not in ("clock", "age") and not q.when
            and clause(q) in times
            and clause(q) is not None else q for q in quantities]


def _clause_at(facts: Facts) -> dict[int, int]:
    """Token start -> its clause number (``codemix.clauses``): the clause a figure stands in."""
    return {t.start: c for t, c in zip(facts.tokens, clauses(facts), strict=True)}


def _initials(tokens: Sequence[Token]) -> str:
    """"US Geological Survey" -> "USGS", "National Center for Seismology" -> "NCS", "USGS" -> "USGS"."""
    letters = []
    for t in tokens:
        acronym = t.text.isupper() and len(t.text) > 1
        if (t.norm in locale_words.STOPWORDS and not acronym) or not t.text[:1].isupper():
            continue
        letters.append(t.text if t.text.isupper() and len(t.text) > 1 else t.text[0])
    return "".join(letters).upper()


def _is_name_word(tokens: tuple[Token, ...], j: int) -> bool:
    """A capitalised word that is not a function word and not merely the sentence's first word, or an acronym."""
    t = tokens[j]
    acronym = t.text.isupper() and len(t.text) > 1
    return acronym or (t.text[:1].isupper() and t.norm not in locale_words.STOPWORDS and j > 0)


def _name_before(tokens: tuple[Token, ...], k: int, clause_ids: Sequence[int]) -> str | None:
    """The initials of the capitalised name right before ``tokens[k]`` in its clause (function words may stand
    between: "USGS has measured")."""
    j = k - 1
    while j >= 0 and clause_ids[j] == clause_ids[k] and tokens[j].norm in locale_words.STOPWORDS \
            and not _is_name_word(tokens, j):
        j -= 1
    if j < 0 or clause_ids[j] != clause_ids[k] or not _is_name_word(tokens, j):
        return None
    run = []
    while j >= 0 and clause_ids[j] == clause_ids[k] and (
            _is_name_word(tokens, j) or tokens[j].norm in ("for", "of", "de", "du", "des")):
        run.insert(0, tokens[j])
        j -= 1
    return _initials(run) or None


def _name_after(tokens: tuple[Token, ...], k: int) -> str | None:
    run = []
    j = k
    while j < len(tokens) and (tokens[j].text[:1].isupper() or tokens[j].norm in locale_words.STOPWORDS) \
            and len(run) < 6:
        run.append(tokens[j])
        j += 1
    return _initials(run) or None


def with_measurers(facts: Facts, quantities: list[Quantity]) -> list[Quantity]:
    """Each figure with who measured it, where its clause says so: the name before a measuring verb ("The US
    Geological Survey put the magnitude at 5.9") or after "according to" / "selon"."""
    tokens = facts.tokens
    clause_ids = clauses(facts)
    by_clause: dict[int, str] = {}
    for k, token in enumerate(tokens):
        name = None
        if token.norm in locale_words.MEASURING_VERBS:
            name = _name_before(tokens, k, clause_ids)
        for phrase in locale_words.SOURCE_BEFORE:
            words = phrase_tokens(phrase)
            if phrase_at(tokens, k, words):
                name = _name_after(tokens, k + len(words))
        if name:
            by_clause.setdefault(clause_ids[k], name)
    if not by_clause:
        return quantities
    clause_at = _clause_at(facts)
    return [replace(q, by=by_clause[clause_at[q.start]]) if q.start in clause_at and clause_at[q.start] in by_clause
            and q.kind != "clock" else q for q in quantities]


def _clock_label(minutes: float) -> str:
    return f"{int(minutes) // 60:02d}:{int(minutes) % 60:02d}"


def with_occasions(tokens: tuple[Token, ...], quantities: list[Quantity], language: str,
                   clause_ids: Sequence[int] | None = None) -> list[Quantity]:
    """Each figure with the moment and exchange it was measured at, where the text says so: a moment word
    ("opened", "close", "सुबह") or a clock time belongs to the nearest figure of its clause ("early on Saturday
    ..., and its 256 passengers": Saturday is no moment of the count), or of the next clause when its own has
    none ("On Friday, shares fell 5%"); an exchange named once belongs to every figure of the sentence ("opened at
    ₹1,512 on the NSE against Thursday's close of ₹1,530"). An age is no measurement of a moment: "the
    23-year-old, who passed a medical on Monday" is 23 whatever the day; a clock time is no moment of a duration."""
    figures = [k for k, q in enumerate(quantities) if q.kind not in ("clock", "age")]
    if not figures:
        return quantities
    when: dict[int, list[str]] = {k: [] for k in figures}
    clause_of = dict(zip((t.start for t in tokens), clause_ids, strict=True)) if clause_ids is not None else {}

    def nearest(start: int, end: int) -> int | None:
        here = clause_of.get(start)
        candidates = figures
        if here is not None:
            candidates = [k for k in figures if clause_of.get(quantities[k].start) == here] or [
                k for k in figures if clause_of.get(quantities[k].start) == here + 1]
        if not candidates:
            return None
        return min(candidates, key=lambda k: min(abs(quantities[k].start - end), abs(start - quantities[k].end)))

    days = locale_words.calendar_words(language)
    for token in tokens:
        word = token.norm.removesuffix("'s").rstrip("'")
        moment = locale_words.MOMENTS.get(word)
        day = days.get(word)
        if day is not None and day[0] == "weekday":
            moment = f"day {day[1]}"  # "Thursday's close" is not Friday's
        figure = nearest(token.start, token.end) if moment is not None else None
        if figure is not None:
            when[figure].append(moment)  # type: ignore[arg-type]
    for q in quantities:
        figure = nearest(q.start, q.end) if q.kind == "clock" else None
        # A clock time starts or ends a duration ("commencée à 12h00 GMT, a duré 2 h 41"); it times no reading of it.
        if figure is not None and quantities[figure].kind != "duration":
            when[figure].append(_clock_label(q.value))
    exchanges = {locale_words.EXCHANGES[t.norm]: t for t in tokens if t.norm in locale_words.EXCHANGES}
    where: dict[int, str] = {}
    if len(exchanges) == 1:
        where = dict.fromkeys(figures, next(iter(exchanges)))
    else:
        for name, token in exchanges.items():
            figure = nearest(token.start, token.end)
            if figure is not None:
                where[figure] = name
    return [
        replace(q, when=tuple(dict.fromkeys(when[k])), where=where.get(k)) if k in when else q
        for k, q in enumerate(quantities)
    ]


# Qualifiers that tell two measurements of one kind apart in this batch: (kind, "where" | "by") stated with two
# different values somewhere in the batch (a price on the BSE and one on the NSE; a magnitude from the USGS and
# one from the NCS).
Live = frozenset[tuple[str, str]]


def live_qualifiers(facts: Sequence[Facts]) -> Live:
    seen: dict[tuple[str, str], set[str]] = {}
    for f in facts:
        for q in f[NUMBERS]:
            for dimension, value in (("where", q.where), ("by", q.by)):
                if value:
                    seen.setdefault((q.kind, dimension), set()).add(value)
    return frozenset(key for key, values in seen.items() if len(values) > 1)


def _occasion(a: Quantity, b: Quantity, live: Live = frozenset(), days_a: frozenset[str] = frozenset(),
              days_b: frozenset[str] = frozenset()) -> str:
    """"same" when nothing stated tells the two measurements apart; "different" when both state a moment, an
    exchange or who measured, and these differ; "unknown" when only one states an exchange or who measured and
    the batch shows that this tells measurements of the kind apart; "one-sided" when only one states a moment.
    ``days_a`` / ``days_b``: the days of the week each figure's sentence states (``sentence_days``); a figure
    that states no day of its own is told apart from the other's day when its sentence states only other days
    ("Fourteen people have died ..., officials said on Wednesday" / "Mardi soir, ... neuf morts": two updates, not
    two tolls of one moment)."""
    for dimension in ("where", "by"):
        x, y = getattr(a, dimension), getattr(b, dimension)
        if x and y and x != y:
            return "different"
        if bool(x) != bool(y) and (a.kind, dimension) in live:
            return "unknown"
    one_sided = False
    for is_day in (True, False):
        stated_a = {w for w in a.when if w.startswith("day ") == is_day and w != ARTICLE_DAY}
        stated_b = {w for w in b.when if w.startswith("day ") == is_day and w != ARTICLE_DAY}
        if stated_a and stated_b and not stated_a & stated_b:
            return "different"
        # The days a sentence states only tell its figures apart from another day, never tie them to one: "on
        # Saturday ..., and on Sunday" may time another figure than this one.
        if is_day and stated_a and not stated_b and days_b and not stated_a & days_b:
            return "different"
        if is_day and stated_b and not stated_a and days_a and not stated_b & days_a:
            return "different"
        # A figure on its article's day against one whose sentence states that day: one day.
        if is_day and ARTICLE_DAY in b.when and not stated_a and stated_b <= days_a:
            continue
        if is_day and ARTICLE_DAY in a.when and not stated_b and stated_a <= days_b:
            continue
        # Two counts of one running count that state no day of their own are timed by their sentences' days: "injuring
        # 63 ... on Friday" / "rose to 19 on Saturday, with 93 people injured" are two updates.
        if is_day and not stated_a and not stated_b and a.concept == b.concept and a.concept in RUNNING_COUNTS \
                and days_a and days_b and days_a != days_b:
            return "different"
        one_sided = one_sided or bool(stated_a) != bool(stated_b)
    return "one-sided" if one_sided else "same"


def dates_the_event(a: Quantity, b: Quantity) -> bool:
    """Whether the moment one side alone states dates the event rather than one reading of a moving figure: only
    days and their mornings or evenings, and neither figure said to have changed to its value ("a 134-run
    victory on Monday" / "143-run win"; not "सोमवार शाम तक ... बढ़कर 11", nor "3.1% at midday")."""
    return not (a.updated or b.updated) and all(w in DAY_MOMENTS or w.startswith("day ") for w in (*a.when, *b.when))


# Moments that date a figure's event rather than one reading of a moving figure: a day, its morning or evening. A
# price's open, midday or close, or a clock time, are readings of one figure through a day.
DAY_MOMENTS = frozenset({"morning", "evening"})


def sentence_days(facts: Facts) -> frozenset[str]:
    """The days of the week a text states, as a figure's moments are written ("day 2" for Wednesday)."""
    days = locale_words.calendar_words(facts.language)
    found = (days.get(t.norm.removesuffix("'s").rstrip("'")) for t in facts.tokens)
    return frozenset(f"day {d[1]}" for d in found if d is not None and d[0] == "weekday")


def days_of(facts: Facts, q: Quantity) -> frozenset[int]:
    """The days of the week a figure was measured on, as its text says: its own stated day, else every day its
    sentence states (0 = Monday)."""
    own = frozenset(int(w.removeprefix("day ")) for w in q.when if w.startswith("day "))
    return own or frozenset(int(w.removeprefix("day ")) for w in sentence_days(facts))


APART = ("different", "unknown")


def _describe_occasion(q: Quantity) -> str:
    parts = [*q.when, *([f"on the {q.where.upper()}"] if q.where else []), *([f"by {q.by}"] if q.by else [])]
    return ", ".join(parts) or "no time, place or source stated"


# ---- comparison ----------------------------------------------------------------------------------------


def _show(q: Quantity) -> str:
    if q.high is not None:
        return f"{_fmt(q.value)}-{_fmt(q.high)}"
    if q.kind == "clock":
        return _clock_label(q.value) + (f" ({q.zone})" if q.zone else "")
    return _fmt(q.value)


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


# A bare number ("about seven") may stand for a count, a sum or a measure whose unit word we do not know; never
# for a percentage, a clock time, an age, a duration or a ratio, which the text always marks.
BARE_COMPARABLE = frozenset({"number", "count", "money", "measure"})


def _units_comparable(a: Quantity, b: Quantity) -> tuple[bool, bool]:
    """(comparable, strong): strong when both units are known and equal. Numbers of different kinds are never
    compared; a bare number, weakly, with a count, a sum or a measure; a known unit never with a different
    noun."""
    if a.kind != b.kind and not ({a.kind, b.kind} <= BARE_COMPARABLE and "number" in (a.kind, b.kind)):
        return (False, False)
    if a.canonical_unit and b.canonical_unit:
        return (a.unit == b.unit, True)
    if a.canonical_unit or b.canonical_unit:
        return (a.unit is None or b.unit is None, False)
    if a.unit and b.unit and a.unit.split(":")[1] == b.unit.split(":")[1]:
        return (a.unit == b.unit, False)  # the same language: the nouns after the numbers must be the same
    return (True, False)


def _on_one_dial(a: Quantity, b: Quantity) -> tuple[float, float] | None:
    """Two clock times as minutes on one dial: in UTC when both zones are known ("6:05 IST" is "4:35" in Muscat), as
    written when both state the same zone or neither states one; None when their zones cannot be set side by side
    (one says "IST", the other "local time" or nothing): then only equal times agree, and different ones are not
    compared."""
    if a.utc_offset is not None and b.utc_offset is not None:
        return ((a.value - a.utc_offset) % 1440, (b.value - b.utc_offset) % 1440)
    if a.zone == b.zone:
        return (a.value, b.value)
    return None


def _values_compatible(a: Quantity, b: Quantity, tolerance: float, bound_span: float) -> bool:
    """Whether both can be true. Two bounds in the same direction ("at least 8" / "au moins 5") state one
    figure each, compared within ``tolerance``; a bound against a figure is an interval reaching
    ``bound_span`` times past the bound ("more than 350" covers 350..700, "over 160" is not "460")."""
    if a.kind == "clock" and b.kind == "clock":
        dial = _on_one_dial(a, b)
        return math.isclose(a.value, b.value) if dial is None else math.isclose(*dial)
    if a.kind == "score" or b.kind == "score":  # "4-1" and "1-4" name one result, told from either side
        return sorted((a.value, a.high or 0.0)) == sorted((b.value, b.high or 0.0))
    if a.high is not None or b.high is not None:
        lo_a, hi_a = a.interval(tolerance, bound_span)
        lo_b, hi_b = b.interval(tolerance, bound_span)
        if a.high is not None and b.high is not None:  # two ranges state one range each
            return math.isclose(lo_a, lo_b, rel_tol=tolerance) and math.isclose(hi_a, hi_b, rel_tol=tolerance)
        return lo_a <= hi_b and lo_b <= hi_a
    if a.qualifier == "exact" and b.qualifier == "exact":
        return math.isclose(a.value, b.value, rel_tol=1e-6) or _rounded_alike(a, b)
    if a.qualifier == b.qualifier and a.qualifier in ("lower", "upper"):
        return math.isclose(a.value, b.value, rel_tol=tolerance)
    lo_a, hi_a = a.interval(tolerance, bound_span)
    lo_b, hi_b = b.interval(tolerance, bound_span)
    return lo_a <= hi_b and lo_b <= hi_a


def _rounded_alike(a: Quantity, b: Quantity) -> bool:
    """One figure written coarser than the other is the other rounded to its last digit ("3%" / "3.1%", "12
    million" / "12.4 million"); "3%" / "3.6%" differ. Compared at the precision of the less precise one."""
    if a.step is None or b.step is None or math.isclose(a.step, b.step) or a.high is not None or b.high is not None:
        return False
    coarse = max(a.step, b.step)
    return abs(a.value - b.value) < coarse / 2 - coarse * 1e-9


def _different_occasions(fa: Facts, fb: Facts, used_a: list[Quantity], used_b: list[Quantity],
                         occasion_of: Callable[[Quantity, Quantity], str]) -> list[Finding]:
    """Figures of one kind measured at different stated times or places, shown (not compared): a reader sees
    both figures and both times."""
    shown = []
    for qa in fa[NUMBERS]:
        for qb in fb[NUMBERS]:
            if qa in used_a or qb in used_b or qa.kind != qb.kind or qa.kind == "clock":
                continue
            occasion = occasion_of(qa, qb)
            if occasion in APART and not math.isclose(qa.value, qb.value):
                how = "at different times, places or by different sources" if occasion == "different" else \
                    "where or by whom stated on one side only"
                note = (f"not compared, measured {how}: {_fmt(qa.value)} "
                        f"({_describe_occasion(qa)}) vs {_fmt(qb.value)} ({_describe_occasion(qb)})")
                shown.append(Finding("number", fa.span(qa.start, qa.end), fb.span(qb.start, qb.end), note,
                                     0.0, False, "number"))
    return shown


# ---- what a figure measures ------------------------------------------------------------------------------

# "कावेरी का मुनाफा 6.2%": the word before a Hindi genitive owns the measured thing; it is not the thing.
HINDI_GENITIVES = frozenset({"का", "की", "के"})


@dataclass(frozen=True)
class Measured:
    """What a figure measures, as the text says it: the content words nearest to it in its clause (the noun
    phrase or subject it modifies, "profit rises 6.2%", "revenue growth of 1-3 per cent", "शेयर ४.३% लुढ़का"),
    and the short span they make, which an embedder matches across languages."""

    words: frozenset[str]
    span: str


def measured(facts: Facts, q: Quantity, reach: int) -> Measured:
    """The content words within ``reach`` content words of ``q`` on each side, inside its clause; other figures
    and their units are skipped, and so is the owner before a Hindi genitive ("कावेरी का मुनाफा 6.2%": the
    measured thing is the profit, not Kaveri). An age set apart ("Sanjay Patil, 46," "हरीश कुलकरणी (६१)") is the
    age of the words right before it: the person."""
    words, span = clause_context(facts, q.start, q.end, reach, [(x.start, x.end) for x in facts[NUMBERS]],
                                 stop_before=HINDI_GENITIVES)
    if not words and q.kind == "age":
        before = [t for t in facts.tokens if t.end <= q.start and not t.is_number
                  and t.norm not in locale_words.STOPWORDS][-reach:]
        words, span = frozenset(stem(t.norm) for t in before), " ".join(t.text for t in before)
    return Measured(words, span)


# Whether two figures measure the same thing: True, False, or None when nothing tells (no words, or two
# languages and no embedder).
SameThing = Callable[[Facts, Quantity, Facts, Quantity], "bool | None"]


def same_thing_by_words(fa: Facts, qa: Quantity, fb: Facts, qb: Quantity, config: LabelConfig) -> bool | None:
    """In one language: the measured things share a content word (lemma). Across languages: unknown."""
    if fa.language != fb.language:
        return None
    ma, mb = measured(fa, qa, config.number_measured_reach), measured(fb, qb, config.number_measured_reach)
    if not ma.words or not mb.words:
        return None
    return bool(ma.words & mb.words)


def may_measure_alike(a: Quantity, b: Quantity) -> bool:
    """Two figures that could be two readings of one measure: units comparable, or two counts of nouns we cannot
    match without an embedder; never a clock time, an age or a reference number."""
    if {a.kind, b.kind} & {"clock", "age", "reference"}:
        return False
    return _units_comparable(a, b)[0] or a.kind == b.kind == "count"


def counted_noun(q: Quantity) -> str | None:
    """The noun a figure counts when the word list does not know it ("112 seats", "114 सीटों", "18 240 voix"): the
    word as written, which an embedder matches across languages on its own."""
    return q.unit.split(":", 2)[2] if q.unit is not None and q.unit.startswith("w:") else None


def says_what_it_measures(a: Quantity, b: Quantity) -> bool:
    """Both figures say what they measure, as a shared name would anchor them: two durations, an elapsed time
    ("lasted 2 hours 14 minutes" / "a duré 2 h 41"), unless one sentence names a place the other does not or their
    concepts differ. (Two counts of one counted noun are not enough on their own: "112 seats" won / "101 सीटों"
    needed for a majority.)"""
    if a.concept != b.concept or _a_place_apart(a.places, b.places) or _a_place_apart(b.places, a.places):
        return False
    return a.kind == b.kind == "duration" and a.unit == b.unit


def _spread(a: Quantity, b: Quantity) -> float:
    return abs(a.value - b.value) / max(abs(a.value), abs(b.value), 1e-9)


def _close_values(a: Quantity, b: Quantity, config: LabelConfig) -> bool:
    return _spread(a, b) <= config.number_slot_spread


def _comparable(a: Quantity, b: Quantity, one_count_each: bool) -> bool:
    """Units comparable; or, when each side states a single count, two counts whose nouns we cannot match
    across languages ("400 residents" / "100 लोगों": the only count on each side is about the same thing)."""
    if _units_comparable(a, b)[0]:
        return True
    return one_count_each and a.kind == b.kind == "count"


def _number_findings(fa: Facts, fb: Facts, ea: Facts | None, eb: Facts | None, config: LabelConfig,
                     translated: bool, same_thing: SameThing, live: Live,
                     same_slot: SameThing | None = None, anchored: bool = False) -> list[Finding]:
    counts = [sum(q.kind == "count" for q in f[NUMBERS]) for f in (fa, fb)]
    slot = counts == [1, 1] and fa.language != fb.language
    days_a, days_b = sentence_days(fa), sentence_days(fb)

    def occasion(qa: Quantity, qb: Quantity) -> str:
        return _occasion(qa, qb, live, days_a, days_b)

    all_a = _ranges_against([_borrow_unit(q, ea) for q in fa[NUMBERS]], list(fb[NUMBERS]))
    all_b = _ranges_against([_borrow_unit(q, eb) for q in fb[NUMBERS]], list(fa[NUMBERS]))
    agreed, _ = pair_off(
        all_a, all_b,
        lambda qa, qb: _comparable(qa, qb, slot) and _values_compatible(
            qa, qb, config.number_tolerance, config.number_bound_span),
        lambda qa, qb: False,
    )
    left_a = [q for q in all_a if all(q is not x for x, _ in agreed)]
    left_b = [q for q in all_b if all(q is not y for _, y in agreed)]

    def rival(qa: Quantity, qb: Quantity) -> bool:
        if qa.kind == qb.kind == "clock" and _on_one_dial(qa, qb) is None:
            return False
        return _comparable(qa, qb, slot) and not (qa.weak and qb.weak) and occasion(qa, qb) not in APART \
            and qa.baseline == qb.baseline

    def one_each(qa: Quantity, qb: Quantity) -> bool:
        """Each is the only unmatched figure the other could be set against: (when nothing says what they
        measure) they stand in the same slot."""
        return sum(rival(qa, y) for y in left_b) == 1 and sum(rival(x, qb) for x in left_a) == 1

    def same(qa: Quantity, qb: Quantity) -> bool:
        verdict = same_thing(fa, qa, fb, qb)
        if verdict is None:
            return one_each(qa, qb)
        when = occasion(qa, qb)
        if not verdict and same_slot is not None and (anchored or agreed or says_what_it_measures(qa, qb)) and {qa.kind, qb.kind}.isdisjoint(("age", "clock")) \
                and (when == "same" or when == "one-sided" and dates_the_event(qa, qb)) and one_each(qa, qb):
            return bool(same_slot(fa, qa, fb, qb))
        return verdict

    _, contradicted = pair_off(left_a, left_b, lambda qa, qb: False, lambda qa, qb: rival(qa, qb) and same(qa, qb))
    findings = [
        agreeing("number", fa.span(qa.start, qa.end), fb.span(qb.start, qb.end),
                 f"same {'time' if qa.kind == 'clock' else 'number'}: {_show(qa)}", weight="number")
        for qa, qb in agreed
    ]
    used_a = [q for q, _ in agreed + contradicted]
    used_b = [q for _, q in agreed + contradicted]
    findings += _different_occasions(fa, fb, used_a, used_b, occasion)
    findings += _different_things(fa, fb, [q for q in left_a if q not in used_a], [q for q in left_b if q not in used_b],
                                  rival)
    for qa, qb in contradicted:
        strong = _units_comparable(qa, qb)[1]
        unit = qa.unit if qa.canonical_unit else qb.unit if qb.canonical_unit else "no known unit"
        strength = 1.0 if strong else config.weak_number_strength
        if qa.weak or qb.weak:
            strength *= 0.8  # "a month" read as one month
        note = f"different number ({unit}): {_show(qa)} vs {_show(qb)}"
        if occasion(qa, qb) == "one-sided" and not (dates_the_event(qa, qb) and _close_values(qa, qb, config)):
            strength *= config.number_one_sided_time  # "4.3%" vs "3.1% at midday": perhaps two moments
            note += f" ({_describe_occasion(qa)} vs {_describe_occasion(qb)})"
        strength, note = if_translated(strength, note, translated)
        findings.append(contradicting("number", fa.span(qa.start, qa.end), fb.span(qb.start, qb.end), note,
                                      weight="number", strength=strength))
    return findings


NOT_COMPARED = "not compared: different things measured: "


def _different_things(fa: Facts, fb: Facts, left_a: list[Quantity], left_b: list[Quantity],
                      rival: Callable[[Quantity, Quantity], bool]) -> list[Finding]:
    """Figures that would have been set against each other but measure different things ("profit rises 6.2%"
    / "shares slump 4.3%"), shown, not compared: a reader sees both figures."""
    _, shown = pair_off(left_a, left_b, lambda qa, qb: False, rival)
    return [Finding("number", fa.span(qa.start, qa.end), fb.span(qb.start, qb.end),
                    f"{NOT_COMPARED}{_show(qa)} vs {_show(qb)}", 0.0, False, "number")
            for qa, qb in shown if qa.kind != "clock"]


# Two values of one unit that one text states side by side: (unit, smaller, larger), rounded like a stored figure.
CoStated = frozenset[tuple[str, float, float]]


def costated_values(facts: Sequence[Facts]) -> CoStated:
    """Every two values of figures of one known unit (no clock times) that one text of the batch states together:
    a text does not contradict itself, so two such values measure two things ("revenue rose 4.1%, profit 6.2%")."""
    pairs: set[tuple[str, float, float]] = set()
    for f in facts:
        by_unit: dict[str, set[float]] = {}
        for q in f[NUMBERS]:
            if q.kind != "clock" and q.canonical_unit:
                by_unit.setdefault(str(q.unit), set()).add(round(q.value, 4))
        for unit, found in by_unit.items():
            values = sorted(found)
            pairs.update((unit, x, y) for k, x in enumerate(values) for y in values[k + 1 :])
    return frozenset(pairs)


def _stated_together(costated: CoStated, a: Quantity, b: Quantity) -> bool:
    x, y = sorted((round(a.value, 4), round(b.value, 4)))
    return (str(a.unit), x, y) in costated or (str(b.unit), x, y) in costated


def _findings(a: Side, b: Side, config: LabelConfig, same_thing: SameThing, batch: Batch,
              same_slot: SameThing | None = None, anchored: bool = False) -> list[Finding]:
    found: list[Finding] = []
    live = batch.derived("number-qualifiers", live_qualifiers)
    costated = batch.derived("number-costated", costated_values)

    def same_or_told_apart(fa: Facts, qa: Quantity, fb: Facts, qb: Quantity) -> bool | None:
        if _stated_together(costated, qa, qb):
            return False
        by_concept = same_concept(qa, qb)
        return by_concept if by_concept is not None else same_thing(fa, qa, fb, qb)

    def slot_not_told_apart(fa: Facts, qa: Quantity, fb: Facts, qb: Quantity) -> bool | None:
        return same_slot is not None and not _stated_together(costated, qa, qb) \
            and same_concept(qa, qb) is not False and same_slot(fa, qa, fb, qb)

    for fa, fb, ea, eb, translated in both_views(a, b):
        more = _number_findings(fa, fb, ea, eb, config, translated, same_or_told_apart, live,
                                None if same_slot is None else slot_not_told_apart, anchored)
        found.extend(f for f in more if f.conflict or not translated)
    # Figures left uncompared in the originals (what they measure unknown) leave the translations to speak.
    shown = [f for f in found if f.note.startswith(NOT_COMPARED)]
    return originals_first([f for f in found if not f.note.startswith(NOT_COMPARED)]) + shown


def compare(a: Side, b: Side, config: LabelConfig, batch: Batch) -> list[Finding]:
    """Numbers of the same unit that differ and measure the same thing. Read from the original texts (digits and
    number words carry across languages); the English translations add what the originals' word lists miss, at
    lower strength. What a figure measures is matched by its words in one language; across languages, without
    an embedder, two figures are compared only when each is the one figure of its kind left on its side."""
    return _findings(a, b, config, lambda fa, qa, fb, qb: same_thing_by_words(fa, qa, fb, qb, config), batch,
                     lambda fa, qa, fb, qb: same_slot_in_one_language(fa, qa, fb, qb, config))


def same_slot_in_one_language(fa: Facts, qa: Quantity, fb: Facts, qb: Quantity, config: LabelConfig) -> bool:
    """In one language, two figures whose measured words differ ("143-run win" / "134-run victory") still measure one
    thing on the evidence rules-7 uses across languages: one unit, or one counted noun written the same ("run"), and
    values within ``number_slot_spread`` (the caller checks the rest: the pair agrees on another figure or a name,
    each is the other's only rival, no moment tells them apart)."""
    if fa.language != fb.language or qa.unit is None or qa.unit != qb.unit:
        return False
    return _close_values(qa, qb, config)


def match_measured_things(
    all_sides: Sequence[tuple[Side, Side]],
    findings: list[list[Finding]],
    embedder: Embedder,
    config: LabelConfig,
    batch: Batch,
) -> list[list[Finding]]:
    """With an embedder, figures in two languages are compared only when the short spans saying what they
    measure stand closer than either usually stands to the other languages' spans of the batch (by at least
    ``number_measured_margin``): "मुनाफा बढ़ा" / "profit rises" are one thing, "शेयर लुढ़का" / "profit rises"
    two. Spans that stand apart are still one thing when the pair's shape says so (``same_slot``: the pair agrees on
    a name or another figure, each figure is the other's only rival, no moment tells them apart, the values are
    within ``number_slot_spread`` and the counted nouns alone match across languages, ``number_noun_margin``, or
    the units are one known unit): "18,420 मतों" / "18 240 voix" beside "Kavita Rathore" and "Sojat". The number
    findings of every pair with two languages are made again this way."""
    cache = EmbeddingCache(embedder)
    spans = list(cross_language_spans(
        all_sides, NUMBERS, lambda facts, q: measured(facts, q, config.number_measured_reach).span))
    baselines = margin_baselines(cache, spans)

    def same_thing(fa: Facts, qa: Quantity, fb: Facts, qb: Quantity) -> bool | None:
        if fa.language == fb.language:
            return same_thing_by_words(fa, qa, fb, qb, config)
        ma, mb = measured(fa, qa, config.number_measured_reach), measured(fb, qb, config.number_measured_reach)
        if not ma.span or not mb.span:
            return None
        return margin(cache, baselines, (ma.span, fa.language), (mb.span, fb.language)) >= config.number_measured_margin

    nouns = list(cross_language_spans(all_sides, NUMBERS, lambda facts, q: counted_noun(q) or ""))
    noun_baselines = margin_baselines(cache, nouns)

    def same_slot(fa: Facts, qa: Quantity, fb: Facts, qb: Quantity) -> bool:
        if qa.canonical_unit and qb.canonical_unit:
            return qa.unit == qb.unit and (_close_values(qa, qb, config) or qa.kind == "duration"
                                           and _spread(qa, qb) <= config.number_noun_spread)
        if fa.language == fb.language:
            return same_slot_in_one_language(fa, qa, fb, qb, config)
        na, nb = counted_noun(qa), counted_noun(qb)
        if not na or not nb:
            return False
        noun_margin = margin(cache, noun_baselines, (na, fa.language), (nb, fb.language))
        return noun_margin >= config.number_noun_margin and _spread(qa, qb) <= config.number_noun_spread

    out = []
    for (a, b), found in zip(all_sides, findings, strict=True):
        if not any(fa.language != fb.language for fa, fb, *_ in both_views(a, b)):
            out.append(found)
            continue
        anchored = any(not f.conflict and f.strength > 0 and f.kind == "name" for f in found)
        out.append(_findings(a, b, config, same_thing, batch, same_slot, anchored)
                   + [f for f in found if f.kind != "number"])
    return out


COMPARATOR = Comparator("number", read=read, compare=compare, with_embedder=match_measured_things)
