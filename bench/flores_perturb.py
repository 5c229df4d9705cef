"""Labelled pairs from FLORES-200 dev for the label stage: every line pair agrees; rule-made copies conflict.

FLORES-200 dev (``$ALIGN_SHARED_DIR/data/flores-dev/``; ALIGN_SHARED_DIR defaults to ``../shared`` beside the
repository) holds 997 lines in English, French and Hindi; line i of each file is the same sentence. For every
line and language pair (en-fr, en-hi, fr-hi) this module emits

- the untouched pair (label ``agree``, kind ``untouched``), and
- perturbed copies (label ``conflict``) where one fact of the line is changed on one side only: ``number``,
  ``date``, ``name_person``, ``name_place``, ``name_org``, ``initials``, ``negation_inserted``,
  ``negation_removed``. Each kind is made on either side of the pair (``perturbed_side`` = the language
  changed) when the rule finds the fact in both languages and can change it on that side.

Splits: ``tune`` = lines 0-498, ``test`` = lines 499-996 (0-based line numbers of the dev files). Tune rules
and thresholds on ``tune``; report ``test``.

How the facts are found (the rules are written here, independently of align's extractors):

- number: a count, amount, percentage or measure (not a year, clock time, ordinal, score, range or a number
  that is part of a name such as "Apollo 11" or "COVID-19"), in digits (``12,000``, ``12 000``, ``1.5``,
  ``2,3``, Devanagari digits, Indian grouping) with an optional scale word (million, milliard, लाख, करोड़...)
  or as a number word (two..ninety in the three languages). The same value must be found once in each
  language; its first significant digit moves by three (up from 1-6, down from 7-9), which changes the value
  by a third or more, beyond what "about" or "over" can stretch, whatever the notation (12 million and
  1.2 करोड़ both become 42 million), and keeps the number of digits, the separators and the unit.
- date: a weekday or month name (moved one on), a day of the month next to a month name (moved one day), a
  year (its last digit moved by three), found once with the same value in each language.
- name_person / name_place / name_org: a name from ``bench/flores_names.tsv`` (English spelling with the
  French and Hindi spellings the dev lines use) found once in each language, replaced on one side by another
  name of the same type from the pools below (same French gender for countries, same vowel/consonant start
  so that French elision stays right).
- initials: FLORES names carry no initials, so the agreeing pair itself is made by inserting the same
  initials into a person's name on both sides ("Rowling" -> "J. K. Rowling" / "जे. के. रोलिंग"; a two-word
  name gets a middle initial: "Peter H. Lenz"); the conflict changes one initial on one side. Its agreeing
  original (kind ``initials``, label ``agree``) is emitted too and is what the conflict is scored against.
- negation_inserted: a confident finite verb of a sentence without negation is negated: English auxiliary or
  modal + "not" ("has" / "have" / "had" as a main verb take do-support), French "ne ... pas" around the
  finite verb (and its clitics), Hindi नहीं before the main verb of the sentence-final verb group (or
  before the copula of a nominal predicate). negation_removed: a sentence with exactly one clausal
  negation loses it (English "not"/"n't"/"never" with re-inflection after do-support, French ne ... pas /
  jamais, Hindi नहीं / न). Lexical negatives (without, sans, बिना, refused) are neither made nor removed.
  When the French or Hindi side is negated, its English reference must be negated in the same clause: the
  rule requires one candidate verb on each side (or, for French, the same sequence of verb types) and
  skips the line otherwise.

Every perturbation is one span replaced in one text (``change`` = {"from", "to"}); the rest of the line is
byte-identical. A perturbed non-English side carries its English reference line with the same change
(``text_en_a``/``text_en_b``); a case is skipped when that cannot be done.

    PYTHONPATH=. python bench/flores_perturb.py [--split tune|test] [--jsonl cases.jsonl]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.shared_data import shared_dir

LANGS = ("en", "fr", "hi")
PAIRS = ("en-fr", "en-hi", "fr-hi")
SPLITS = {"tune": range(0, 499), "test": range(499, 997)}
KINDS = (
    "number",
    "date",
    "name_person",
    "name_place",
    "name_org",
    "initials",
    "negation_inserted",
    "negation_removed",
)
FLORES_FILES = {"en": "dev.eng_Latn", "fr": "dev.fra_Latn", "hi": "dev.hin_Deva"}
NAMES_TSV = Path(__file__).with_name("flores_names.tsv")
ERRATA = Path(__file__).with_name("flores_errata.jsonl")


# Line pairs whose translations do disagree (found while reading false alarms): their untouched pairs stay in the
# benchmark, which reports its false alarms with and without them. A misspelt name counts: align reports one name
# spelt two ways as a conflict.
@dataclass(frozen=True)
class Erratum:
    """A FLORES line pair whose human translations differ in a fact: the two differing spans as each side writes
    them, and why (``bench/flores_errata.jsonl``, each entry read on both sides). An alarm there is right."""

    split: str
    line: int
    pair: str
    a: str
    b: str
    reason: str


def load_errata(path: Path = ERRATA) -> list[Erratum]:
    """The reviewed errata, one JSON object a line."""
    return [Erratum(**json.loads(line)) for line in path.read_text("utf-8").splitlines() if line.strip()]


def load_flores(directory: Path | None = None) -> list[dict[str, str]]:
    """FLORES-200 dev as one ``{en, fr, hi}`` dict per line."""
    directory = directory or shared_dir() / "data" / "flores-dev"
    if not directory.is_dir():
        raise SystemExit(
            f"error: {directory}: no FLORES-200 dev here; set ALIGN_SHARED_DIR to the shared data"
        )
    columns = {
        lang: (directory / name).read_text("utf-8").splitlines() for lang, name in FLORES_FILES.items()
    }
    lengths = {len(lines) for lines in columns.values()}
    if len(lengths) != 1:
        raise ValueError(f"{directory}: the three FLORES files differ in length ({sorted(lengths)})")
    return [dict(zip(LANGS, row, strict=True)) for row in zip(*columns.values(), strict=True)]


# ---- spans --------------------------------------------------------------------------------------------

WORD_CHARS = r"\w\u0900-\u0963\u0966-\u097f\u200c\u200d"  # Devanagari signs are not \w; the dandas (।॥) are punctuation
NOT_BEFORE = rf"(?<![{WORD_CHARS}])"
NOT_AFTER = rf"(?![{WORD_CHARS}])"
DEVANAGARI_DIGITS = "०१२३४५६७८९"
TO_ASCII_DIGITS = str.maketrans(DEVANAGARI_DIGITS, "0123456789")


@dataclass(frozen=True)
class Edit:
    """One span of a text replaced: the whole perturbation of one side."""

    start: int
    end: int
    new: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.new + text[self.end :]

    def change(self, text: str) -> dict[str, str]:
        return {"from": text[self.start : self.end], "to": self.new}


@dataclass(frozen=True)
class Perturbation:
    """One fact of a line as each language states it, and how to contradict it in each language.

    ``base`` holds the agreeing texts (the FLORES line, or for initials the line with initials inserted);
    ``present`` the languages whose base states the fact, so that an untouched side contradicts a changed
    one; ``edits`` the languages where the rule can change it (a subset of ``present``).
    """

    base: dict[str, str]
    present: frozenset[str]
    edits: dict[str, Edit]


def word_pattern(form: str) -> re.Pattern[str]:
    return re.compile(NOT_BEFORE + re.escape(form) + NOT_AFTER)


def stable_pick(items: list, *keys: object):  # noqa: ANN201 - an element of items
    """A choice that depends only on ``keys``: the same line always gets the same replacement."""
    digest = hashlib.sha256("|".join(map(str, keys)).encode("utf-8")).digest()
    return items[int.from_bytes(digest[:4], "big") % len(items)]


def tokens(text: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"[{WORD_CHARS}'’\-]+", text))


# ---- numbers ------------------------------------------------------------------------------------------

D = "[0-9०-९]"
DIGIT_PATTERNS = {
    "en": rf"{D}{{1,3}}(?:,{D}{{3}})+(?:\.{D}+)?|{D}+(?:\.{D}+)?",
    "fr": rf"{D}{{1,3}}(?:[ \u00a0\u2009\u202f]{D}{{3}})+(?:,{D}+)?|{D}{{1,3}}(?:\.{D}{{3}})+(?:,{D}+)?|{D}+(?:,{D}+)?",
    "hi": rf"{D}{{1,2}}(?:,{D}{{2}})+,{D}{{3}}(?:\.{D}+)?|{D}{{1,3}}(?:,{D}{{3}})+(?:\.{D}+)?|{D}+(?:\.{D}+)?",
}
SCALES = {
    "en": {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12},
    "fr": {
        "mille": 1e3,
        "million": 1e6,
        "millions": 1e6,
        "milliard": 1e9,
        "milliards": 1e9,
    },
    "hi": {
        "हज़ार": 1e3,
        "हजार": 1e3,
        "लाख": 1e5,
        "करो\u095c": 1e7,  # ड़ as one code point
        "करो\u0921\u093c": 1e7,  # ड + nukta
        "करोड": 1e7,
        "मिलियन": 1e6,
        "बिलियन": 1e9,
        "अरब": 1e9,
    },
}
# A unit written against the digits ("400m", "90kg", "45%") keeps the number a quantity.
GLUED_UNITS = set("% km m cm mm kg g mg t mph kph ft mi l ml W MW GW".split())
UNIT_WORDS = re.compile(
    r"\s*(?:km|kilometres?|kilometers?|kilomètres?|miles?|m\b|metres?|meters?|mètres?|kg|kilogrammes?|"
    r"kilograms?|tonnes?|tons?|feet|pieds|किमी|किलोमीटर|मील|मीटर|किलो)"
)
# Words that make a digit string a time, an ordinal or a name rather than a quantity.
TIME_AFTER = re.compile(
    r"\s*(?:[:h]\s*[0-9०-९]|h\b|a\.?m\.?|p\.?m\.?|am\b|pm\b|o['’]clock|heures?\s+du|बजे|UTC|GMT)", re.I
)
ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th|er|ère|e|ème|è|वें|वीं|वां|वाँ|वीं|वा)(?![a-zA-Z])|\s+(?:वें|वीं|वां|वाँ)")
EN_NUMBER_WORDS = dict(
    zip(
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
        "eighteen nineteen twenty".split(),
        range(2, 21),
        strict=True,
    )
) | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
FR_NUMBER_WORDS = dict(
    zip(
        "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit "
        "dix-neuf vingt".split(),
        range(2, 21),
        strict=True,
    )
) | {"trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
HI_NUMBER_WORDS = dict(  # the first spelling of a value is the one written
    zip(
        "दो तीन चार पाँच छह सात आठ नौ दस ग्यारह बारह तेरह चौदह पंद्रह सोलह सत्रह अठारह उन्नीस बीस इक्कीस बाईस तेईस "
        "चौबीस पच्चीस छब्बीस सत्ताईस अट्ठाईस उनतीस तीस".split(),
        range(2, 31),
        strict=True,
    )
) | {"पांच": 5, "छः": 6, "चालीस": 40, "पचास": 50, "साठ": 60, "सत्तर": 70, "अस्सी": 80, "नब्बे": 90}
NUMBER_WORDS = {"en": EN_NUMBER_WORDS, "fr": FR_NUMBER_WORDS, "hi": HI_NUMBER_WORDS}
# A number word followed by these is a fraction or a vague amount, not a count to change.
WORD_NOT_BEFORE = re.compile(r"[\s-]+(?:thirds?|quarters?|halves|dozens?|tiers|quarts|दर्जन|तिहाई)\b", re.I)


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int  # the span rewritten: the digits or the number word
    value: float  # with the scale word applied
    scale: float


def number_words(lang: str, value: int, capital: bool) -> str | None:
    """``value`` written as a number word of ``lang``, or None when the tables cannot write it."""
    table: dict[int, str] = {}
    for written, number in NUMBER_WORDS[lang].items():
        table.setdefault(number, written)  # the first spelling listed is the one written
    if lang == "hi":
        word = table.get(value)
    elif value in table:
        word = table[value]
    elif 20 < value < 100 and value // 10 * 10 in table and value % 10 in table:
        joiner = "-" if lang == "en" else ("-et-" if value % 10 == 1 else "-")
        word = table[value // 10 * 10] + joiner + table[value % 10]
    else:
        word = None
    if word and capital:
        word = word[0].upper() + word[1:]
    return word


def word_number_value(lang: str, word: str) -> int | None:
    lowered = word.lower()
    table = NUMBER_WORDS[lang]
    if lowered in table:
        return table[lowered]
    if lang != "hi":
        parts = re.split(r"-et-|-", lowered)
        if len(parts) == 2 and parts[0] in table and parts[1] in table and table[parts[0]] >= 20:
            return table[parts[0]] + table[parts[1]]
    return None


def parse_digits(lang: str, digits: str) -> float:
    ascii_digits = digits.translate(TO_ASCII_DIGITS)
    if lang == "fr":
        ascii_digits = re.sub(r"[ \u00a0\u2009\u202f.](?=\d{3})", "", ascii_digits).replace(",", ".")
    else:
        ascii_digits = ascii_digits.replace(",", "")
    return float(ascii_digits)


def scale_after(lang: str, text: str, end: int) -> tuple[float, int]:
    match = re.match(r"[\s\u00a0]+([^\s.,;:!?()]+)", text[end:])
    if match and match.group(1).lower() in SCALES[lang]:
        return SCALES[lang][match.group(1).lower()], end + match.end()
    return 1.0, end


def previous_word(text: str, start: int) -> str:
    match = re.search(rf"([{WORD_CHARS}.'’]+)[\s\u00a0]*$", text[:start])
    return match.group(1) if match else ""


def number_mentions(lang: str, text: str) -> list[NumberMention]:
    """Quantities in ``text``: digit strings and number words that count or measure something."""
    mentions = []
    for match in re.finditer(DIGIT_PATTERNS[lang], text):
        start, end = match.span()
        before, after = text[max(0, start - 2) : start], text[end:]
        if before[-1:] and (re.match(rf"[{WORD_CHARS}\-–/:.,#+]", before[-1]) or before == "n°"):
            continue  # part of a word ("COVID-19", "A380"), a range, a time's minutes, a decimal, "#3"
        if re.match(rf"[\-–/:]\s?{D}|[.,]{D}", after):
            continue  # a range, a score, a date written with slashes, a time
        glued = re.match(rf"[{WORD_CHARS}%]+", after)
        if glued and glued.group() not in GLUED_UNITS:
            continue  # "1st", "37e", "21वीं", "39C": an ordinal or a model name
        if MONTH_NEXT[lang].match(after):
            continue  # "15 mars": the day of a date
        if TIME_AFTER.match(after) or ORDINAL_AFTER.match(after):
            continue
        if re.match(r"['’]?s\b", after) or YEAR_ERA.match(after):
            continue  # a decade ("1990s") or a year ("356 BCE")
        digits = match.group()
        ascii_digits = digits.translate(TO_ASCII_DIGITS)
        if len(ascii_digits) > 1 and ascii_digits[0] == "0" and ascii_digits[1] not in ".,":
            continue  # "0230 UTC": a clock time or a code
        if re.fullmatch(r"\d{4}", ascii_digits) and 1400 <= int(ascii_digits) <= 2039:
            if not UNIT_WORDS.match(after):
                continue  # a year: the date kind changes those
        prev = previous_word(text, start)
        if prev[:1].isupper() and lang != "hi" and start > len(prev) + 1:
            continue  # "Apollo 11", "Category 4", "March 15": part of a name or a date
        if prev.lower() in {"no.", "n°", "no", "number", "numéro"}:
            continue
        scale, _ = scale_after(lang, text, end)
        mentions.append(NumberMention(start, end, parse_digits(lang, digits) * scale, scale))
    table = NUMBER_WORDS[lang]
    word_re = "|".join(sorted((re.escape(w) for w in table), key=len, reverse=True))
    compound = rf"(?:{word_re})(?:(?:-et-|-)(?:{word_re}))?" if lang != "hi" else rf"(?:{word_re})"
    for match in re.finditer(
        NOT_BEFORE + rf"({compound})" + NOT_AFTER, text, flags=re.I if lang != "hi" else 0
    ):
        word = match.group(1)
        value = word_number_value(lang, word)
        if value is None or (word[0].isupper() and match.start() > 0 and lang != "hi"):
            continue  # "Six Flags", "Thirty Years' War": a name
        after = text[match.end() :]
        if WORD_NOT_BEFORE.match(after) or re.match(r"[\s-]+[A-Z]", after):
            continue
        if re.match(r"\s*(?:o['’]clock|heures?\s+du)", after, re.I):
            continue
        scale, _ = scale_after(lang, text, match.end())
        mentions.append(NumberMention(match.start(), match.end(), value * scale, scale))
    return sorted(mentions, key=lambda m: m.start)


def shifted_digit(lead: int) -> int:
    """The first significant digit after the change: three up from 1-6, three down from 7-9."""
    return lead + 3 if lead <= 6 else lead - 3


def shifted_value(value: float) -> float:
    """``value`` with its first significant digit moved by three: at least a third more or less."""
    text = f"{value:.6e}"
    lead = int(text[0])
    return value + (shifted_digit(lead) - lead) * 10 ** int(text.split("e")[1])


def rewrite_number(lang: str, text: str, mention: NumberMention) -> str | None:
    """The mention written with its shifted value, in the same notation."""
    span = text[mention.start : mention.end]
    if re.match(D, span):
        for k, char in enumerate(span):
            ascii_char = char.translate(TO_ASCII_DIGITS)
            if ascii_char.isdigit() and ascii_char != "0":
                new = shifted_digit(int(ascii_char))
                new_char = str(new) if char.isascii() else DEVANAGARI_DIGITS[new]
                return span[:k] + new_char + span[k + 1 :]
        return None
    base = round(shifted_value(mention.value) / mention.scale)
    return number_words(lang, base, span[0].isupper())


def find_number(texts: dict[str, str]) -> Perturbation | None:
    mentions = {lang: number_mentions(lang, texts[lang]) for lang in LANGS}
    for target in mentions["en"]:
        found = {}
        for lang in LANGS:
            same = [m for m in mentions[lang] if abs(m.value - target.value) <= 1e-9 * max(1.0, target.value)]
            if len(same) == 1:
                found[lang] = same[0]
        if "en" not in found or len(found) < 2:
            continue
        edits = {}
        for lang, mention in found.items():
            new = rewrite_number(lang, texts[lang], mention)
            if new is not None and new != texts[lang][mention.start : mention.end]:
                edits[lang] = Edit(mention.start, mention.end, new)
        return Perturbation(dict(texts), frozenset(found), edits)
    return None


# ---- dates --------------------------------------------------------------------------------------------

EN_MONTHS = "January February March April May June July August September October November December".split()
FR_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
HI_MONTHS = [
    ["जनवरी"],
    ["फ़रवरी", "फरवरी"],
    ["मार्च"],
    ["अप्रैल", "अप्रेल"],
    ["मई"],
    ["जून"],
    ["जुलाई"],
    ["अगस्त"],
    ["सितंबर", "सितम्बर"],
    ["अक्टूबर", "अक्तूबर"],
    ["नवंबर", "नवम्बर"],
    ["दिसंबर", "दिसम्बर"],
]
EN_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
FR_DAYS = "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
HI_DAYS = [
    ["सोमवार"],
    ["मंगलवार"],
    ["बुधवार"],
    ["गुरुवार", "बृहस्पतिवार", "वीरवार"],
    ["शुक्रवार"],
    ["शनिवार"],
    ["रविवार", "इतवार"],
]
MONTH_CUE = re.compile(r"\b(?:in|of|since|until|from|by|early|late|mid|last|next|this|each|every)\s+$", re.I)
MONTH_NEXT = {
    "en": re.compile(r"\s+(?:" + "|".join(EN_MONTHS) + r")\b"),
    "fr": re.compile(r"\s+(?:" + "|".join(FR_MONTHS) + r")\b", re.I),
    "hi": re.compile(r"\s+(?:" + "|".join(f for forms in HI_MONTHS for f in forms) + ")"),
}
YEAR_ERA = re.compile(
    r"\s*(?:BCE|BC|B\.C\.|AD|CE|av\. J\.-C\.|avant J\.-C\.|apr\. J\.-C\.|ईसा पूर्व|ई\.पू\.|ई\.)"
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    key: tuple  # ("weekday", k) | ("month", k) | ("day", month, d) | ("year", y)
    capital: bool


def forms_by_index(lang: str, kind: str) -> list[list[str]]:
    if kind == "month":
        return {"en": [[m] for m in EN_MONTHS], "fr": [[m] for m in FR_MONTHS], "hi": HI_MONTHS}[lang]
    return {"en": [[d] for d in EN_DAYS], "fr": [[d] for d in FR_DAYS], "hi": HI_DAYS}[lang]


def date_mentions(lang: str, text: str) -> list[DateMention]:
    mentions: list[DateMention] = []
    for kind in ("weekday", "month"):
        for k, forms in enumerate(forms_by_index(lang, kind)):
            for form in forms:
                variants = [form, form.capitalize()] if lang == "fr" else [form]
                for variant in variants:
                    for match in word_pattern(variant).finditer(text):
                        if lang == "fr" and variant[0].isupper() and match.start() > 0:
                            continue  # "Mars" mid-sentence is the planet
                        if lang == "en" and kind == "month" and variant in ("May", "March"):
                            near_digit = re.search(r"\d", text[max(0, match.start() - 4) : match.end() + 6])
                            if not near_digit and not MONTH_CUE.search(text[: match.start()]):
                                continue  # the modal verb, or "to march"
                        mentions.append(
                            DateMention(match.start(), match.end(), (kind, k), variant[0].isupper())
                        )
    for month in [m for m in mentions if m.key[0] == "month"]:
        before = re.search(rf"(?<![0-9०-९])({D}{{1,2}})(?:er|st|nd|rd|th)?\s+$", text[: month.start])
        after = re.match(rf"\s+({D}{{1,2}})(?:st|nd|rd|th)?(?![0-9०-९:])", text[month.end :])
        for found, offset in ((before, 0), (after, month.end)):
            if found:
                day = int(found.group(1).translate(TO_ASCII_DIGITS))
                if 1 <= day <= 31:
                    start, end = offset + found.start(1), offset + found.end(1)
                    mentions.append(DateMention(start, end, ("day", month.key[1], day), False))
    for match in re.finditer(rf"(?<![{WORD_CHARS}.,:/\-–]){D}{{3,4}}(?![{WORD_CHARS}]|[.,:/\-–]{D})", text):
        year = int(match.group().translate(TO_ASCII_DIGITS))
        after = text[match.end() :]
        if re.match(r"['’]?s\b", after):
            continue  # a decade
        if (
            1400 <= year <= 2039 and len(match.group()) == 4 and not UNIT_WORDS.match(after)
        ) or YEAR_ERA.match(after):
            if lang == "fr" and re.search(r"années\s+$", text[: match.start()]):
                continue  # "les années 1990": a decade
            if lang == "hi" and re.match(r"\s*(?:के|का)\s+दशक", after):
                continue
            mentions.append(DateMention(match.start(), match.end(), ("year", year), False))
    return sorted(mentions, key=lambda m: m.start)


def rewrite_date(lang: str, text: str, mention: DateMention) -> str:
    kind = mention.key[0]
    span = text[mention.start : mention.end]
    if kind in ("weekday", "month"):
        size = 7 if kind == "weekday" else 12
        new = forms_by_index(lang, kind)[(mention.key[1] + 1) % size][0]
        return new[0].upper() + new[1:] if mention.capital else new
    if kind == "day":
        day = mention.key[2]
        new_day = day + 1 if day < 28 else day - 1
        digits = str(new_day).zfill(len(span))
        return digits if span.isascii() else digits.translate(str.maketrans("0123456789", DEVANAGARI_DIGITS))
    last = span[-1].translate(TO_ASCII_DIGITS)
    new_last = str((int(last) + 3) % 10)
    return span[:-1] + (new_last if span.isascii() else DEVANAGARI_DIGITS[int(new_last)])


def french_elision(text: str, edit: Edit) -> Edit:
    """The edit with the elided "d'"/"l'" before it put right: "d'avril" -> "de mai", "de mars" -> "d'avril"."""
    before = text[max(0, edit.start - 3) : edit.start]
    elided = re.search(r"(?<![\w])([dl])['’]$", before)
    if elided and not starts_with_vowel(edit.new):
        letter = elided.group(1)
        return Edit(edit.start - 2, edit.end, ("de " if letter == "d" else "le ") + edit.new)
    full = re.search(r"(?<![\w])(de|le) $", before)
    if full and starts_with_vowel(edit.new):
        apostrophe = "’" if "’" in text else "'"
        return Edit(edit.start - 3, edit.end, full.group(1)[0] + apostrophe + edit.new)
    return edit


def find_date(texts: dict[str, str]) -> Perturbation | None:
    mentions = {lang: date_mentions(lang, texts[lang]) for lang in LANGS}
    for target in mentions["en"]:
        found = {}
        for lang in LANGS:
            same = [m for m in mentions[lang] if m.key == target.key]
            if len(same) == 1:
                found[lang] = same[0]
        if "en" not in found or len(found) < 2:
            continue
        edits = {}
        for lang, mention in found.items():
            edit = Edit(mention.start, mention.end, rewrite_date(lang, texts[lang], mention))
            if mention.key[0] == "day" and texts[lang][edit.end : edit.end + 2] == "er":
                edit = Edit(edit.start, edit.end + 2, edit.new)  # "1er" -> "2"
            edits[lang] = french_elision(texts[lang], edit) if lang == "fr" else edit
        return Perturbation(dict(texts), frozenset(found), edits)
    return None


# ---- names --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    type: str  # person | place | org
    subtype: str
    forms: dict[str, tuple[str, ...]]  # language -> spellings (empty: not looked for)


def load_names(path: Path = NAMES_TSV) -> list[Name]:
    names = []
    rows = [line for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    header = rows[0].split("\t")
    for row in rows[1:]:
        fields = dict(zip(header, row.split("\t"), strict=True))
        forms = {lang: tuple(f for f in fields[lang].split("|") if f) for lang in LANGS}
        names.append(Name(fields["type"], fields["subtype"], forms))
    return names


def starts_with_vowel(word: str) -> bool:
    return word[:1].lower() in "aeiouyéèêâîôœh"


# Replacements: (en, fr, hi). Persons: a full name for a full name, a surname for a surname.
PERSON_FULL = [
    ("Daniel Weber", "Daniel Weber", "डेनियल वेबर"),
    ("Maria Rossi", "Maria Rossi", "मारिया रॉसी"),
    ("Kevin Walsh", "Kevin Walsh", "केविन वॉल्श"),
    ("Laura Bennett", "Laura Bennett", "लॉरा बेनेट"),
    ("Carlos Mendes", "Carlos Mendes", "कार्लोस मेंडेस"),
    ("Sarah Collins", "Sarah Collins", "सारा कॉलिन्स"),
    ("Tomas Novak", "Tomas Novak", "टॉमस नोवाक"),
    ("Anna Petrova", "Anna Petrova", "अन्ना पेत्रोवा"),
    ("Ahmed Karimi", "Ahmed Karimi", "अहमद करीमी"),
    ("Ivan Morozov", "Ivan Morozov", "इवान मोरोज़ोव"),
    ("Elena Ortiz", "Elena Ortiz", "एलेना ओर्टिज़"),
    ("Olivia Hart", "Olivia Hart", "ओलिविया हार्ट"),
]
PERSON_SURNAME = [
    ("Weber", "Weber", "वेबर"),
    ("Rossi", "Rossi", "रॉसी"),
    ("Walsh", "Walsh", "वॉल्श"),
    ("Bennett", "Bennett", "बेनेट"),
    ("Mendes", "Mendes", "मेंडेस"),
    ("Collins", "Collins", "कॉलिन्स"),
    ("Novak", "Novak", "नोवाक"),
    ("Ortiz", "Ortiz", "ओर्टिज़"),
    ("Ivanov", "Ivanov", "इवानोव"),
    ("Andersen", "Andersen", "एंडरसन"),
    ("Okafor", "Okafor", "ओकाफ़ोर"),
    ("Eriksson", "Eriksson", "एरिक्सन"),
]
PLACE_POOLS = {
    "country-f": [
        ("Sweden", "Suède", "स्वीडन"),
        ("Greece", "Grèce", "ग्रीस"),
        ("Finland", "Finlande", "फ़िनलैंड"),
        ("Romania", "Roumanie", "रोमानिया"),
        ("Hungary", "Hongrie", "हंगरी"),
        ("Colombia", "Colombie", "कोलंबिया"),
        ("Argentina", "Argentine", "अर्जेंटीना"),
        ("Ukraine", "Ukraine", "यूक्रेन"),
        ("Indonesia", "Indonésie", "इंडोनेशिया"),
        ("Austria", "Autriche", "ऑस्ट्रिया"),
    ],
    "country-m": [
        ("Portugal", "Portugal", "पुर्तगाल"),
        ("Morocco", "Maroc", "मोरक्को"),
        ("Denmark", "Danemark", "डेनमार्क"),
        ("Nepal", "Népal", "नेपाल"),
        ("Ghana", "Ghana", "घाना"),
        ("Senegal", "Sénégal", "सेनेगल"),
        ("Uruguay", "Uruguay", "उरुग्वे"),
        ("Oman", "Oman", "ओमान"),
        ("Uzbekistan", "Ouzbékistan", "उज़्बेकिस्तान"),
    ],
    "country-pl": [
        ("Philippines", "Philippines", "फ़िलीपींस"),
        ("Netherlands", "Pays-Bas", "नीदरलैंड"),
        ("Bahamas", "Bahamas", "बहामास"),
    ],
    "city": [
        ("Lyon", "Lyon", "ल्योन"),
        ("Munich", "Munich", "म्यूनिख"),
        ("Madrid", "Madrid", "मैड्रिड"),
        ("Chicago", "Chicago", "शिकागो"),
        ("Melbourne", "Melbourne", "मेलबर्न"),
        ("Lima", "Lima", "लीमा"),
        ("Dakar", "Dakar", "डकार"),
        ("Oslo", "Oslo", "ओस्लो"),
        ("Ottawa", "Ottawa", "ओटावा"),
        ("Edmonton", "Edmonton", "एडमंटन"),
        ("Ankara", "Ankara", "अंकारा"),
    ],
    "region": [
        ("Colorado", "Colorado", "कोलोराडो"),
        ("Montana", "Montana", "मोंटाना"),
        ("Bavaria", "Bavière", "बवेरिया"),
        ("Tasmania", "Tasmanie", "तस्मानिया"),
        ("Sicily", "Sicile", "सिसिली"),
        ("Ohio", "Ohio", "ओहायो"),
        ("Ontario", "Ontario", "ओंटारियो"),
        ("Iowa", "Iowa", "आयोवा"),
        ("Alberta", "Alberta", "अल्बर्टा"),
    ],
    "continent": [
        ("Asia", "Asie", "एशिया"),
        ("Europe", "Europe", "यूरोप"),
        ("Africa", "Afrique", "अफ़्रीका"),
        ("Oceania", "Océanie", "ओशिनिया"),
        ("South America", "Amérique du Sud", "दक्षिण अमेरिका"),
    ],
}
ORG_POOLS = {
    "company": [
        ("Siemens", "Siemens", "सीमेंस"),
        ("Toyota", "Toyota", "टोयोटा"),
        ("Samsung", "Samsung", "सैमसंग"),
        ("Nokia", "Nokia", "नोकिया"),
        ("Philips", "Philips", "फिलिप्स"),
        ("Oracle", "Oracle", "ओरेकल"),
        ("Intel", "Intel", "इंटेल"),
        ("Unilever", "Unilever", "यूनिलीवर"),
    ],
    "airline": [
        ("Iberia", "Iberia", "इबेरिया"),
        ("Aeroflot", "Aeroflot", "एअरोफ़्लोत"),
        ("Air India", "Air India", "एयर इंडिया"),
        ("KLM", "KLM", "केएलएम"),
        ("Finnair", "Finnair", "फ़िनएयर"),
        ("Qantas", "Qantas", "क्वांटास"),
    ],
    "media": [
        ("Reuters", "Reuters", "रॉयटर्स"),
        ("The Times", "The Times", "द टाइम्स"),
        ("Al Jazeera", "Al Jazeera", "अल जज़ीरा"),
        ("Der Spiegel", "Der Spiegel", "डेर स्पीगल"),
        ("Euronews", "Euronews", "यूरोन्यूज़"),
    ],
    "body": [
        ("UNICEF", "UNICEF", "यूनिसेफ"),
        ("Interpol", "Interpol", "इंटरपोल"),
        ("Greenpeace", "Greenpeace", "ग्रीनपीस"),
        ("Amnesty International", "Amnesty International", "एमनेस्टी इंटरनेशनल"),
        ("Europol", "Europol", "यूरोपोल"),
    ],
    "university": [
        ("Princeton", "Princeton", "प्रिंसटन"),
        ("Yale", "Yale", "येल"),
        ("Oxford", "Oxford", "ऑक्सफ़ोर्ड"),
        ("Edinburgh", "Édimbourg", "एडिनबर्ग"),
    ],
    "team": [
        ("Chelsea", "Chelsea", "चेल्सी"),
        ("Juventus", "Juventus", "युवेंटस"),
        ("Boston Celtics", "Boston Celtics", "बोस्टन सेल्टिक्स"),
        ("Ajax", "Ajax", "अजाक्स"),
        ("Ottawa Senators", "Ottawa Senators", "ओटावा सीनेटर्स"),
    ],
    "party": [
        ("Democratic", "démocrate", "डेमोक्रेटिक"),
        ("Labour", "travailliste", "लेबर"),
        ("Green", "écologiste", "ग्रीन"),
    ],
}


@dataclass(frozen=True)
class NameMention:
    name: Name
    start: int
    end: int


class NameIndex:
    """All spellings of the table, one alternation per language (longest first), so that a line is read once
    and "Charles" inside "Charles Darwin" is not a mention of its own."""

    def __init__(self, names: list[Name]) -> None:
        self.names = names
        self.by_form: dict[str, dict[str, list[Name]]] = {lang: {} for lang in LANGS}
        for name in names:
            for lang in LANGS:
                for form in name.forms[lang]:
                    self.by_form[lang].setdefault(form, []).append(name)
        self.patterns = {
            lang: re.compile(
                NOT_BEFORE
                + "("
                + "|".join(re.escape(f) for f in sorted(self.by_form[lang], key=len, reverse=True))
                + ")"
                + NOT_AFTER
            )
            for lang in LANGS
        }

    def mentions(self, lang: str, text: str) -> list[NameMention]:
        return [
            NameMention(name, m.start(), m.end())
            for m in self.patterns[lang].finditer(text)
            for name in self.by_form[lang][m.group(1)]
        ]


def replacement_pool(name: Name) -> list[tuple[str, str, str]]:
    if name.type == "person":
        return PERSON_FULL if len(name.forms["en"][0].split()) > 1 else PERSON_SURNAME
    if name.type == "place":
        return PLACE_POOLS[name.subtype]
    return ORG_POOLS[name.subtype]


def choose_replacement(name: Name, texts: dict[str, str], line_key: str) -> tuple[str, str, str] | None:
    """A rival of the same type that none of the three texts mentions, starting like the original in
    French (vowel or consonant), so that "l'Allemagne" becomes "l'Argentine" and not "l'Suède"."""
    reference = (name.forms["fr"] or name.forms["en"])[0]
    pool = [
        r
        for r in replacement_pool(name)
        if (name.subtype == "country-pl" or starts_with_vowel(r[1]) == starts_with_vowel(reference))
        and not any(word_pattern(form).search(texts[lang]) for lang, form in zip(LANGS, r, strict=True))
        and r[0] != name.forms["en"][0]
    ]
    return stable_pick(pool, line_key, name.forms["en"][0]) if pool else None


def match_case(original: str, new: str) -> str:
    if original[:1].isupper() and new[:1].islower():
        return new[0].upper() + new[1:]
    if original[:1].islower() and new[:1].isupper() and not new.isupper():
        return new[0].lower() + new[1:]
    return new


def find_name(texts: dict[str, str], names: NameIndex, wanted: str, line_key: str) -> Perturbation | None:
    mentions = {lang: names.mentions(lang, texts[lang]) for lang in LANGS}
    for target in mentions["en"]:
        if target.name.type != wanted:
            continue
        found = {}
        for lang in LANGS:
            same = [m for m in mentions[lang] if m.name == target.name]
            if len(same) == 1:
                found[lang] = same[0]
        if "en" not in found or len(found) < 2:
            continue
        replacement = choose_replacement(target.name, texts, line_key)
        if replacement is None:
            continue
        edits = {}
        for lang, mention in found.items():
            original = texts[lang][mention.start : mention.end]
            new = dict(zip(LANGS, replacement, strict=True))[lang]
            if lang == "hi" and original.isascii():
                new = replacement[0]  # the Hindi line kept the Latin spelling: so does its rival
            edits[lang] = Edit(mention.start, mention.end, match_case(original, new))
        return Perturbation(dict(texts), frozenset(found), edits)
    return None


# ---- initials -----------------------------------------------------------------------------------------

INITIALS = dict(  # Latin letter -> how a Hindi text writes it as an initial
    pair.split(":")
    for pair in "B:बी C:सी D:डी F:एफ़ G:जी H:एच J:जे K:के L:एल M:एम N:एन P:पी R:आर S:एस T:टी V:वी".split()
)


def with_initials(lang: str, name: str, letters: list[str]) -> str:
    """``name`` with initials: before a one-word name ("J. K. Rowling"), before the surname of a longer one
    ("Peter H. Lenz")."""
    written = " ".join((INITIALS[c] if lang == "hi" else c) + "." for c in letters)
    words = name.split(" ")
    if len(words) == 1:
        return f"{written} {name}"
    return " ".join(words[:-1]) + f" {written} " + words[-1]


def find_initials(texts: dict[str, str], names: NameIndex, line_key: str) -> Perturbation | None:
    mentions = {lang: names.mentions(lang, texts[lang]) for lang in LANGS}
    for target in mentions["en"]:
        if target.name.type != "person":
            continue
        found = {}
        for lang in LANGS:
            same = [m for m in mentions[lang] if m.name == target.name]
            if len(same) == 1:
                found[lang] = same[0]
        if "en" not in found or len(found) < 2:
            continue
        letters = list(INITIALS)
        one_word = len(target.name.forms["en"][0].split()) == 1
        first = stable_pick(letters, line_key, "initial-1")
        chosen = [first, stable_pick([c for c in letters if c != first], line_key, "initial-2")]
        chosen = chosen if one_word else chosen[:1]
        rival = stable_pick([c for c in letters if c not in chosen], line_key, "initial-rival")
        changed = [*chosen[:-1], rival]
        base, edits = {}, {}
        for lang in LANGS:
            if lang not in found:
                continue
            mention = found[lang]
            original = texts[lang][mention.start : mention.end]
            if len(original.split(" ")) != len(target.name.forms["en"][0].split(" ")):
                continue  # the Hindi spelling has another number of words: no surname to put them before
            agreed = with_initials(lang, original, chosen)
            base[lang] = texts[lang][: mention.start] + agreed + texts[lang][mention.end :]
            edits[lang] = Edit(
                mention.start, mention.start + len(agreed), with_initials(lang, original, changed)
            )
        if "en" not in base or len(base) < 2:
            continue
        return Perturbation(base, frozenset(base), edits)
    return None


# ---- negation -----------------------------------------------------------------------------------------

EN_BE = {"is", "are", "was", "were"}
EN_HAVE = {"has", "have", "had"}
EN_MODAL = {"can", "could", "will", "would", "shall", "should", "may", "might", "must"}
EN_NEGATION = re.compile(r"\b(?:not|never|cannot|nor|neither)\b|n['’]t\b", re.I)
EN_PRONOUNS = {"i", "you", "he", "she", "it", "we", "they", "there"}
EN_PARTICIPLES = set(
    "been done made had got gotten found seen taken given become begun brought built bought caught chosen come "
    "drawn driven eaten fallen felt flown forgotten gone grown heard held kept known laid led left lost meant "
    "met paid put read run said sent set shown shot spent spoken stood struck taught told thought understood "
    "won worn written risen sold sung hit hurt let cut shut spread arisen fought sought begun broken thrown "
    "blown drawn sworn torn swum become overcome withdrawn undergone".split()
)
EN_DETERMINERS = set(
    "a an the no some any many much more few several his her its their our my your this that these those to one "
    "enough lots plenty two three four five six seven eight nine ten".split()
)
EN_ADVERBS = set(
    "both all already also recently just since now ever always previously reportedly finally long still often "
    "only once even yet largely mostly generally".split()
)
DO_SUPPORT = {"has": "does not have", "have": "do not have", "had": "did not have"}
EN_PAST = dict(  # base form -> simple past, for "did not say" -> "said"
    pair.split(":")
    for pair in (
        "say:said go:went have:had do:did make:made take:took come:came get:got give:gave know:knew see:saw "
        "find:found think:thought tell:told become:became leave:left feel:felt bring:brought begin:began "
        "keep:kept hold:held stand:stood hear:heard let:let mean:meant set:set meet:met run:ran pay:paid sit:sat "
        "speak:spoke lead:led read:read grow:grew lose:lost fall:fell send:sent build:built understand:understood "
        "draw:drew break:broke spend:spent cut:cut rise:rose drive:drove buy:bought wear:wore choose:chose win:won "
        "seek:sought throw:threw catch:caught fight:fought teach:taught eat:ate forget:forgot sell:sold fly:flew "
        "hit:hit put:put be:was"
    ).split()
)


def en_third_person(verb: str) -> str | None:
    irregular = {"have": "has", "be": "is", "do": "does", "go": "goes"}
    if verb in irregular:
        return irregular[verb]
    if re.search(r"(s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


def en_past(verb: str) -> str | None:
    if verb in EN_PAST:
        return EN_PAST[verb]
    if re.search(r"[^aeiou][aeiou][bdgklmnprtv]$", verb):
        return None  # "stop" -> "stopped", "visit" -> "visited": the doubling rule needs the stress
    if verb.endswith("e"):
        return verb + "d"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ied"
    return verb + "ed"


@dataclass(frozen=True)
class VerbSite:
    """A finite verb the rule can negate (or a negation it can remove), and its edit."""

    type: str  # be | have | modal | other (for lining English up with French)
    edit: Edit


def en_negatable(text: str) -> list[VerbSite]:
    words = tokens(text)
    sites = []
    for k, word in enumerate(words):
        lowered = word.group().lower()
        if lowered not in EN_BE | EN_HAVE | EN_MODAL or word.start() == 0:
            continue
        if word.group()[0].isupper() or (lowered == "may" and word.group() == "May"):
            continue
        following = words[k + 1].group().lower() if k + 1 < len(words) else ""
        previous = words[k - 1].group().lower() if k > 0 else ""
        if following in EN_PRONOUNS or not following:
            continue  # "Is it ...?": an inverted question, or the verb ends the sentence ("as it is")
        if lowered in ("can", "will", "may", "must", "might") and previous in (
            "a",
            "the",
            "his",
            "her",
            "free",
        ):
            continue  # a noun: "a can", "the will"
        start, end = word.span()
        if lowered in EN_HAVE:
            if previous == "to" or previous in EN_MODAL:
                continue  # not finite: "to have", "could have"
            nxt = k + 1
            while nxt < len(words) and (
                words[nxt].group().lower() in EN_ADVERBS or words[nxt].group().endswith("ly")
            ):
                nxt += 1
            verb = words[nxt].group().lower() if nxt < len(words) else ""
            if verb.endswith("ed") or verb in EN_PARTICIPLES:
                sites.append(VerbSite("have", Edit(start, end, word.group() + " not")))
            elif nxt == k + 1 and (verb in EN_DETERMINERS or verb[:1].isdigit()):
                # "has a car", "have to": the main verb, negated with do-support
                sites.append(VerbSite("have", Edit(start, end, DO_SUPPORT[lowered])))
            continue
        new = "cannot" if lowered == "can" else word.group() + " not"
        sites.append(VerbSite("be" if lowered in EN_BE else "modal", Edit(start, end, new)))
    return sites


EN_CONTRACTIONS = dict(
    pair.split(":")
    for pair in (
        "isn't:is aren't:are wasn't:was weren't:were hasn't:has haven't:have hadn't:had can't:can couldn't:could "
        "won't:will wouldn't:would shouldn't:should mustn't:must"
    ).split()
)


def en_removable(text: str) -> list[VerbSite]:
    """Clausal negations of ``text`` with the edit that removes each (the verb re-inflected after do)."""
    sites = []
    for match in re.finditer(
        r"\b(do|does|did|don['’]t|doesn['’]t|didn['’]t)(?: not)? ([a-z]+)\b", text, re.I
    ):
        aux = match.group(1).lower().replace("’", "'")
        if "n't" not in aux and " not " not in match.group(0):
            continue
        verb = match.group(2)
        if verb in ("only", "just", "even", "necessarily", "always", "to"):
            continue
        base = aux.replace("n't", "")
        new = verb if base == "do" else en_third_person(verb) if base == "does" else en_past(verb)
        if new:
            sites.append(VerbSite("other", Edit(match.start(), match.end(), new)))
    for match in re.finditer(r"\b([A-Za-z]+n['’]t)\b", text):
        key = match.group(1).lower().replace("’", "'")
        if key in EN_CONTRACTIONS:
            sites.append(VerbSite("other", Edit(match.start(), match.end(), EN_CONTRACTIONS[key])))
    for match in re.finditer(r"\bcannot\b", text):
        sites.append(VerbSite("modal", Edit(match.start(), match.end(), "can")))
    for match in re.finditer(
        r"\b(is|are|was|were|has|have|had|can|could|will|would|should|must|may|might) not ([a-z]+)", text
    ):
        if match.group(2) in ("only", "just", "even", "to"):
            continue
        end = match.start() + len(match.group(1)) + len(" not")
        sites.append(VerbSite("other", Edit(match.start(), end, match.group(1))))
    for match in re.finditer(r"(?<=[a-z] )never (?=[a-z])", text):
        sites.append(VerbSite("other", Edit(match.start(), match.end(), "")))
    # "what you can and cannot bring": a contrast, not a clause to make positive
    sites = [s for s in sites if not re.search(r"\b(?:and|or)\s+$", text[: s.edit.start])]
    return sorted(sites, key=lambda s: s.edit.start)


FR_BE = set(
    "suis es est sommes êtes sont étais était étions étiez étaient serai seras sera serons serez seront "
    "serais serait serions seriez seraient fut furent".split()
)
FR_HAVE = set(
    "ai as a avons avez ont avais avait avions aviez avaient aurai auras aura aurons aurez auront "
    "aurais aurait aurions auriez auraient eut eurent".split()
)
FR_MODAL = set(
    "peux peut pouvons pouvez peuvent pouvait pouvaient pourra pourront pourrait pourraient doit "
    "dois devons devez doivent devait devaient devra devront devrait devraient vais va vont allait "
    "allaient ira iront veut veulent voulait voulaient faut fallait".split()
)
FR_CLITICS = set("se s' s’ me m' m’ te t' t’ le la l' l’ les lui leur y en".split())
FR_NEGATION = re.compile(
    r"(?<![\w])(?:ne|n['’])(?=[\s\w])|\b(?:jamais|aucun|aucune|personne|rien|ni)\b", re.I
)


def fr_tokens(text: str) -> list[re.Match[str]]:
    """French words with elided forms split off: "l'a" -> "l'", "a"."""
    return list(re.finditer(r"[\wÀ-ÿ]+['’]|[\wÀ-ÿ]+(?:-[\wÀ-ÿ]+)*", text))


def fr_negatable(text: str) -> list[VerbSite]:
    words = fr_tokens(text)
    apostrophe = "’" if "’" in text else "'"
    sites = []
    for k, word in enumerate(words):
        form = word.group()
        if form not in FR_BE | FR_HAVE | FR_MODAL or word.start() == 0:
            continue
        after = text[word.end() : word.end() + 1]
        if after == "-" or text[word.start() - 1 : word.start()] == "-":
            continue  # "peut-être", "est-ce", "a-t-il", "nord-est"
        previous = words[k - 1].group().lower() if k > 0 else ""
        if form == "est" and previous in ("l'", "l’", "de", "à", "du", "sud", "nord"):
            continue  # the noun "est" (east)
        if previous in ("nous", "vous"):
            continue  # an object clitic or the subject: the rule cannot tell
        first = k
        while first > 0 and words[first - 1].group().lower() in FR_CLITICS:
            first -= 1
        if form == "a" and first < k and words[k - 1].group() == "y":
            rest = text[word.end() :]
            if re.match(
                r"\s+(?:\d|quelques|plus|longtemps|peu|environ|" + "|".join(FR_NUMBER_WORDS) + ")", rest
            ):
                continue  # "il y a trois ans": "ago", not "there is"
        start = words[first].start()
        lead = text[start : word.end()]
        ne = "n" + apostrophe if starts_with_vowel(lead) else "ne "
        subject = words[first - 1].group().lower() if first > 0 else ""
        if subject[:-1] in ("c", "j") and subject[-1] in "'’":
            start = words[first - 1].start()  # "c'est" -> "ce n'est pas", "j'ai" -> "je n'ai pas"
            ne = {"c": "ce ", "j": "je "}[subject[0]] + ne
            if words[first - 1].group()[0].isupper():
                ne = ne[0].upper() + ne[1:]
        kind = "be" if form in FR_BE else "have" if form in FR_HAVE else "modal"
        sites.append(VerbSite(kind, Edit(start, word.end(), ne + lead + " pas")))
    return sites


def fr_removable(text: str) -> list[VerbSite]:
    sites = []
    for match in re.finditer(r"(?<![\wÀ-ÿ])(ne |n['’])((?:[\wÀ-ÿ]+['’]?\s?){1,3}?)\s?(pas|jamais)\b", text):
        after = text[match.end() :]
        if re.match(r"\s+(?:de\b|d['’]|du\b|des\b|que\b|seulement|uniquement|même|non plus)", after):
            continue  # "pas de" needs "des"/"du" once positive; "pas seulement" is "not only"
        middle = match.group(2).rstrip()
        if any(word in ("pas", "jamais", "que", "ni") for word in middle.split()):
            continue
        sites.append(VerbSite("other", Edit(match.start(), match.end(), middle)))
    return sites


HI_COPULA = {"है", "हैं", "था", "थी", "थे", "थीं", "हूँ", "हूं", "हो"}
HI_CHAIN = set(
    "रहा रही रहे सकता सकती सकते सका सकी सके चुका चुकी चुके गया गई गए गये गयी जाता जाती जाते जाएगा "
    "जाएगी जाएंगे जाएँगे जायेगा जायेंगे पाता पाती पाते पाया पायी पाई पाए".split()
)
HI_PERFECTIVE = set(
    "किया की किए किये कीं हुआ हुई हुए हुईं दिया दी दिए दिये लिया ली लिए लिये कहा कही कहे बताया "
    "बताई बताए पाया आया आई आए गया गई गए मिला मिली मिले बना बनी बने लगा लगी लगे रखा रखी रखे "
    "देखा देखी देखे सुना चला चली चले हुआ किया".split()
)
HI_GO = set("गया गई गए गये गयी जाता जाती जाते जाएगा जाएगी जाएंगे जाएँगे जायेगा जायेंगे".split())
HI_STEMS = set(
    "हो चला चल बन मर आ जा रह निकल बढ़ घट पहुँच पहुंच टूट गिर बदल भर खो लौट बैठ उठ फैल डूब कर दे ले कह बता दिखा".split()
)
HI_FUTURE = re.compile(r"(?:एगा|एगी|एंगे|एँगे|ेगा|ेगी|ेंगे|ेंगी|ोगा|ोगी|ोगे|ोंगे|ोंगी|ूँगा|ूंगा|येगा|येगी|येंगे)$")
HI_NEGATION = re.compile(rf"{NOT_BEFORE}(?:नहीं|नही|न|मत|ना){NOT_AFTER}")


def hi_words(text: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"[{WORD_CHARS}]+", text))


def hi_finite_count(text: str) -> int:
    """How many finite verb groups the sentence has (copulas, futures, sentence-final perfectives)."""
    words = [w.group() for w in hi_words(text)]
    count = sum(
        1
        for k, w in enumerate(words)
        if w in HI_COPULA and (k + 1 == len(words) or words[k + 1] not in HI_COPULA)
    )
    count += sum(1 for w in words if HI_FUTURE.search(w))
    # a perfective that ends a clause: "उसने कहा कि ...", "... किया, और ..."
    clause_ends = [m.end() for m in hi_words(text) if m.group() in HI_PERFECTIVE | HI_GO]
    count += sum(
        1
        for end in clause_ends
        if re.match(
            rf"\s*(?:[,।.;]|(?:कि|और|लेकिन|तथा|जबकि|क्योंकि|जो|जब|तो|ताकि|इसलिए|मगर|किन्तु|किंतु|परन्तु|परंतु)(?![{WORD_CHARS}])|$)",
            text[end:],
        )
    )
    return count


def hi_negatable(text: str) -> list[VerbSite]:
    """The sentence-final verb group negated with नहीं before its main verb: "नहीं खा रहा है", "घोषणा नहीं की",
    "नहीं हुई थी"; a nominal predicate before its copula: "बड़ा नहीं है"."""
    words = hi_words(text)
    tail = len(words)
    while tail > 0 and words[tail - 1].group() in HI_COPULA | HI_CHAIN:
        tail -= 1
    if tail == 0:
        return []
    if tail > 1 and words[tail - 1].group() == "जा" and words[tail - 2].group() in HI_PERFECTIVE:
        tail -= 1  # the passive "किया जा रहा है": नहीं goes before किया
    if any(w.group() == "चाहिए" for w in words[max(0, tail - 2) : tail + 1]):
        return []  # "की जानी चाहिए थी": where नहीं goes is not for this rule to guess
    group = [w.group() for w in words[tail:]]
    previous = words[tail - 1]
    if not group:
        if not (previous.group() in HI_PERFECTIVE or HI_FUTURE.search(previous.group())):
            return []  # the sentence does not end with a verb the rule knows
        target = previous
    elif group[0] == "जा":
        target = previous  # the passive moved above: "नहीं किया जा रहा"
    else:
        # after a verb the rule knows ("किया गया", "चला गया", "कर सकता"), before it; otherwise before the
        # group, which reads right whether the word before is a noun ("घर नहीं गया", "इकाई नहीं है",
        # "शान्ति नहीं रही") or a verb it does not know ("खा नहीं सकता")
        target = previous if previous.group() in HI_PERFECTIVE | HI_STEMS else words[tail]
    return [VerbSite("other", Edit(target.start(), target.end(), "नहीं " + target.group()))]


def hi_removable(text: str) -> list[VerbSite]:
    sites = []
    for match in re.finditer(rf"{NOT_BEFORE}(नहीं|न) ", text):
        after = text[match.end() :]
        before = text[: match.start()]
        if re.match(r"(?:तो|केवल|सिर्फ़|सिर्फ|बल्कि|ही)\b", after) or re.search(r"क्यों\s*$", before):
            continue  # "नहीं तो" otherwise, "न केवल" not only, "क्यों न" why not
        sites.append(VerbSite("other", Edit(match.start(), match.end(), "")))
    return sites


def negation_count(lang: str, text: str) -> int:
    if lang == "en":
        return len(EN_NEGATION.findall(text))
    if lang == "fr":
        return len(FR_NEGATION.findall(text))
    return len(HI_NEGATION.findall(text))


NEGATABLE = {"en": en_negatable, "fr": fr_negatable, "hi": hi_negatable}
REMOVABLE = {"en": en_removable, "fr": fr_removable, "hi": hi_removable}


def clause_lined_up(
    lang: str, sites: list[VerbSite], en_sites: list[VerbSite], texts: dict[str, str]
) -> bool:
    """Whether negating the first site of ``lang`` and the first English site touch the same clause: one site
    each, or (French) the same sequence of verb types."""
    if not sites or not en_sites:
        return False
    if lang == "hi":
        return len(en_sites) == 1 and hi_finite_count(texts["hi"]) == 1
    if len(sites) != len(en_sites) or [s.type for s in sites] != [s.type for s in en_sites]:
        return False
    # French and English put a clause in about the same place: the verb must sit there on both sides
    where = sites[0].edit.start / len(texts[lang])
    where_en = en_sites[0].edit.start / len(texts["en"])
    return abs(where - where_en) <= 0.2


def find_negation(texts: dict[str, str], inserted: bool) -> Perturbation | None:
    counts = {lang: negation_count(lang, texts[lang]) for lang in LANGS}
    if inserted:
        present = frozenset(lang for lang in LANGS if counts[lang] == 0)
        sites = {lang: NEGATABLE[lang](texts[lang]) for lang in present}
    else:
        present = frozenset(lang for lang in LANGS if counts[lang] == 1)
        sites = {lang: REMOVABLE[lang](texts[lang]) for lang in present}
        sites = {lang: s if len(s) == 1 else [] for lang, s in sites.items()}
    if "en" not in present or not sites.get("en"):
        return None
    edits = {"en": sites["en"][0].edit}
    for lang in ("fr", "hi"):
        if sites.get(lang) and (not inserted or clause_lined_up(lang, sites[lang], sites["en"], texts)):
            edits[lang] = sites[lang][0].edit
    return Perturbation(dict(texts), present, edits)


# ---- cases --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    id: str
    split: str
    line: int
    pair: str
    kind: str  # untouched, or one of KINDS
    perturbed_side: str | None
    lang_a: str
    lang_b: str
    text_a: str
    text_b: str
    text_en_a: str
    text_en_b: str
    label: str  # agree | conflict
    change: dict[str, str] | None
    original_id: str | None  # the agreeing case a conflict is scored against

    def to_dict(self) -> dict:
        return asdict(self)


def split_of(line: int) -> str:
    return next(name for name, lines in SPLITS.items() if line in lines)


def finders(names: NameIndex) -> dict[str, Callable[[dict[str, str], str], Perturbation | None]]:
    return {
        "number": lambda texts, key: find_number(texts),
        "date": lambda texts, key: find_date(texts),
        "name_person": lambda texts, key: find_name(texts, names, "person", key),
        "name_place": lambda texts, key: find_name(texts, names, "place", key),
        "name_org": lambda texts, key: find_name(texts, names, "org", key),
        "initials": lambda texts, key: find_initials(texts, names, key),
        "negation_inserted": lambda texts, key: find_negation(texts, inserted=True),
        "negation_removed": lambda texts, key: find_negation(texts, inserted=False),
    }


def line_cases(
    line: int, texts: dict[str, str], names: NameIndex, kinds: Iterable[str] = KINDS
) -> list[Case]:
    """The untouched pairs of one FLORES line and every perturbed copy the rules can make of it."""
    split = split_of(line)
    cases = []
    for pair in PAIRS:
        a, b = pair.split("-")
        cases.append(
            Case(
                f"{split}-{line:03d}-{pair}-untouched",
                split,
                line,
                pair,
                "untouched",
                None,
                a,
                b,
                texts[a],
                texts[b],
                texts["en"],
                texts["en"],
                "agree",
                None,
                None,
            )
        )
    all_finders = finders(names)
    for kind in kinds:
        found = all_finders[kind](texts, f"{line}")
        if found is None:
            continue
        for pair in PAIRS:
            a, b = pair.split("-")
            if not {a, b, "en"} <= found.base.keys():
                continue
            original_id = f"{split}-{line:03d}-{pair}-untouched"
            if found.base != texts:  # initials: the agreeing pair is itself made here
                original_id = f"{split}-{line:03d}-{pair}-{kind}-agree"
                cases.append(
                    Case(
                        original_id,
                        split,
                        line,
                        pair,
                        kind,
                        None,
                        a,
                        b,
                        found.base[a],
                        found.base[b],
                        found.base["en"],
                        found.base["en"],
                        "agree",
                        None,
                        None,
                    )
                )
            for side, other in ((a, b), (b, a)):
                if side not in found.edits or other not in found.present:
                    continue
                if side != "en" and "en" not in found.edits:
                    continue  # its English reference cannot carry the same change
                edit = found.edits[side]
                changed = {lang: found.base[lang] for lang in (a, b)}
                changed[side] = edit.apply(found.base[side])
                english = {a: found.base["en"], b: found.base["en"]}
                english[side] = found.edits["en"].apply(found.base["en"])
                if changed[side] == found.base[side]:
                    continue
                cases.append(
                    Case(
                        f"{split}-{line:03d}-{pair}-{kind}-{side}",
                        split,
                        line,
                        pair,
                        kind,
                        side,
                        a,
                        b,
                        changed[a],
                        changed[b],
                        english[a],
                        english[b],
                        "conflict",
                        edit.change(found.base[side]),
                        original_id,
                    )
                )
    return cases


def build_cases(
    split: str | None = None,
    limit: int | None = None,
    pairs: Iterable[str] = PAIRS,
    directory: Path | None = None,
) -> list[Case]:
    """Every case of ``split`` (both splits when None), for the first ``limit`` lines of each split."""
    lines = load_flores(directory)
    names = NameIndex(load_names())
    wanted_pairs = set(pairs)
    cases = []
    for name, numbers in SPLITS.items():
        if split and name != split:
            continue
        for line in list(numbers)[:limit]:
            cases.extend(c for c in line_cases(line, lines[line], names) if c.pair in wanted_pairs)
    return cases


def coverage_table(cases: list[Case]) -> str:
    """Perturbed cases per kind x pair x side x split, as markdown."""
    counts = Counter((c.kind, c.pair, c.perturbed_side, c.split) for c in cases if c.label == "conflict")
    untouched = Counter((c.pair, c.split) for c in cases if c.kind == "untouched")
    rows = ["| kind | pair | side changed | tune | test |", "|---|---|---|---|---|"]
    for kind in KINDS:
        for pair in PAIRS:
            for side in pair.split("-"):
                tune, test = counts[(kind, pair, side, "tune")], counts[(kind, pair, side, "test")]
                rows.append(f"| {kind} | {pair} | {side} | {tune} | {test} |")
    for pair in PAIRS:
        rows.append(f"| untouched | {pair} | - | {untouched[(pair, 'tune')]} | {untouched[(pair, 'test')]} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=sorted(SPLITS), help="one split (default: both)")
    parser.add_argument("--jsonl", type=Path, help="write the cases here, one JSON object a line")
    parser.add_argument("--show", type=int, default=0, help="print this many cases of each kind")
    args = parser.parse_args()
    cases = build_cases(args.split)
    print(coverage_table(cases))
    if args.show:
        shown: Counter[str] = Counter()
        for case in cases:
            if case.label == "conflict" and shown[case.kind] < args.show:
                shown[case.kind] += 1
                print(f"\n[{case.id}] {case.change}\n  A: {case.text_a}\n  B: {case.text_b}")
    if args.jsonl:
        with args.jsonl.open("w", encoding="utf-8") as out:
            for case in cases:
                out.write(json.dumps(case.to_dict(), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
