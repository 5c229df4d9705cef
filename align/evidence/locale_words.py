"""Language data the extractors read: number words, magnitudes, units, function words, titles, and the month,
weekday, time-unit and relative-day words of dateparser's locale data.

This is vocabulary, not policy: what counts as a conflict, and how much it weighs, lives in ``LabelConfig``.
Keys are normalised the way ``tokens.normalise`` does it: lower case, NFC, nukta dropped. Every evidence
module may read these tables; this module reads none of them (only ``tokens``), so no import cycle can
pass through it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from align.evidence.tokens import normalise, phrase_tokens

# Hindi cardinals 0-100 (including common spellings), read as a whole word; runs combine them with magnitudes.
HINDI_NUMBERS: dict[str, float] = {
    "शून्य": 0,
    "एक": 1,
    "दो": 2,
    "तीन": 3,
    "चार": 4,
    "पांच": 5,
    "पाँच": 5,
    "छह": 6,
    "छः": 6,
    "छै": 6,
    "छे": 6,
    "सात": 7,
    "आठ": 8,
    "नौ": 9,
    "दस": 10,
    "ग्यारह": 11,
    "बारह": 12,
    "तेरह": 13,
    "चौदह": 14,
    "पंद्रह": 15,
    "पन्द्रह": 15,
    "पंद्राह": 15,
    "सोलह": 16,
    "सत्रह": 17,
    "अठारह": 18,
    "उन्नीस": 19,
    "बीस": 20,
    "इक्कीस": 21,
    "बाईस": 22,
    "तेईस": 23,
    "चौबीस": 24,
    "पच्चीस": 25,
    "छब्बीस": 26,
    "सत्ताईस": 27,
    "अट्ठाईस": 28,
    "उनतीस": 29,
    "तीस": 30,
    "इकतीस": 31,
    "बत्तीस": 32,
    "तैंतीस": 33,
    "चौंतीस": 34,
    "पैंतीस": 35,
    "छत्तीस": 36,
    "सैंतीस": 37,
    "अड़तीस": 38,
    "उनतालीस": 39,
    "चालीस": 40,
    "इकतालीस": 41,
    "बयालीस": 42,
    "तैंतालीस": 43,
    "चवालीस": 44,
    "पैंतालीस": 45,
    "छियालीस": 46,
    "सैंतालीस": 47,
    "अड़तालीस": 48,
    "उनचास": 49,
    "पचास": 50,
    "इक्यावन": 51,
    "बावन": 52,
    "तिरेपन": 53,
    "चौवन": 54,
    "पचपन": 55,
    "छप्पन": 56,
    "सत्तावन": 57,
    "अट्ठावन": 58,
    "उनसठ": 59,
    "साठ": 60,
    "इकसठ": 61,
    "बासठ": 62,
    "तिरसठ": 63,
    "चौंसठ": 64,
    "पैंसठ": 65,
    "छियासठ": 66,
    "सड़सठ": 67,
    "अड़सठ": 68,
    "उनहत्तर": 69,
    "सत्तर": 70,
    "इकहत्तर": 71,
    "बहत्तर": 72,
    "तिहत्तर": 73,
    "चौहत्तर": 74,
    "पचहत्तर": 75,
    "छिहत्तर": 76,
    "सतहत्तर": 77,
    "अठहत्तर": 78,
    "उन्यासी": 79,
    "अस्सी": 80,
    "इक्यासी": 81,
    "बयासी": 82,
    "तिरासी": 83,
    "चौरासी": 84,
    "पचासी": 85,
    "छियासी": 86,
    "सत्तासी": 87,
    "अट्ठासी": 88,
    "नवासी": 89,
    "नब्बे": 90,
    "इक्यानबे": 91,
    "बानबे": 92,
    "तिरानबे": 93,
    "चौरानबे": 94,
    "पचानबे": 95,
    "छियानबे": 96,
    "सत्तानबे": 97,
    "अट्ठानबे": 98,
    "निन्यानबे": 99,
    "निन्यानवे": 99,
    "आधा": 0.5,
    "आधी": 0.5,
    "डेढ़": 1.5,
    "ढाई": 2.5,
}

# Words that multiply what precedes them ("350 बिलियन", "trois mille", "two million"). French "billion"
# is 10^12.
MAGNITUDES: dict[str, dict[str, float]] = {
    "en": {
        "hundred": 1e2,
        "dozen": 12,
        "thousand": 1e3,
        "k": 1e3,
        "million": 1e6,
        "millions": 1e6,
        "mn": 1e6,
        "m": 1e6,
        "billion": 1e9,
        "billions": 1e9,
        "bn": 1e9,
        "b": 1e9,
        "trillion": 1e12,
        "lakh": 1e5,
        "lakhs": 1e5,
        "crore": 1e7,
        "crores": 1e7,
    },
    "fr": {
        "cent": 1e2,
        "cents": 1e2,
        "mille": 1e3,
        "million": 1e6,
        "millions": 1e6,
        "milliard": 1e9,
        "milliards": 1e9,
        "md": 1e9,
        "mds": 1e9,
        "billion": 1e12,
        "billions": 1e12,
    },
    "hi": {
        "सौ": 1e2,
        "हजार": 1e3,
        "लाख": 1e5,
        "करोड": 1e7,
        "दर्जन": 12,
        "अरब": 1e9,
        "खरब": 1e11,
        "मिलियन": 1e6,
        "बिलियन": 1e9,
        "ट्रिलियन": 1e12,
    },
}

# English and French number words handed to text2num as a run ("twenty-five", "quatre-vingt-dix").
NUMBER_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
        fifteen sixteen
        seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
        thousand million
        billion and""".split()
    ),
    "fr": frozenset(
        """zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze
        seize vingt
        vingts trente quarante cinquante soixante cent cents mille million millions milliard milliards
        et""".split()
    ),
}

# Words that are "one" and also the indefinite article: a number only when a unit or magnitude follows.
ARTICLE_ONES: frozenset[str] = frozenset({"one", "a", "an", "un", "une", "एक"})
# Fractions and dozens written as words that need no run ("half a million" is out of scope).
EXTRA_WORDS: dict[str, dict[str, float]] = {
    "en": {"dozen": 12, "half": 0.5},
    "fr": {"douzaine": 12, "demi": 0.5, "demie": 0.5},
}

# Unit words -> canonical unit, across languages, so "350 बिलियन डॉलर" and "$350 billion" compare.
# Time units are added from dateparser's locale data in dates.py.
UNITS: dict[str, str] = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "pourcent": "percent",
    "pour cent": "percent",
    "प्रतिशत": "percent",
    "फीसदी": "percent",
    "फीसद": "percent",
    "पर्सेंट": "percent",
    "$": "usd",
    "us$": "usd",
    "usd": "usd",
    "dollar": "usd",
    "dollars": "usd",
    "डॉलर": "usd",
    "डालर": "usd",
    "€": "eur",
    "eur": "eur",
    "euro": "eur",
    "euros": "eur",
    "यूरो": "eur",
    "₹": "inr",
    "rs": "inr",
    "inr": "inr",
    "rupee": "inr",
    "rupees": "inr",
    "roupie": "inr",
    "roupies": "inr",
    "रुपये": "inr",
    "रुपए": "inr",
    "रुपया": "inr",
    "रु": "inr",
    "£": "gbp",
    "gbp": "gbp",
    "pound sterling": "gbp",
    "livre sterling": "gbp",
    "livres sterling": "gbp",
    "¥": "jpy",
    "yen": "jpy",
    "येन": "jpy",
    "people": "person",
    "person": "person",
    "persons": "person",
    "personne": "person",
    "personnes": "person",
    "लोग": "person",
    "लोगों": "person",
    "व्यक्ति": "person",
    "employees": "employee",
    "employee": "employee",
    "staff": "employee",
    "employés": "employee",
    "salariés": "employee",
    "कर्मचारी": "employee",
    "कर्मचारियों": "employee",
    "o' clock": "hour",
    "second": "second",
    "seconds": "second",
    "seconde": "second",
    "secondes": "second",
    "sec": "second",
    "सेकंड": "second",
    # Units of data, power and charge written after phone specs ("8GB", "45W", "5,500mAh"), and the scale an
    # earthquake is measured on ("6.1 तीव्रता", "magnitude 6.1": ``SCALE_BEFORE``).
    "gb": "gb",
    "tb": "tb",
    "mb": "mb",
    "w": "watt",
    "watt": "watt",
    "watts": "watt",
    "वॉट": "watt",
    "mah": "mah",
    "तीव्रता": "magnitude",
    "°c": "celsius",
    "celsius": "celsius",
    "°f": "fahrenheit",
    "fahrenheit": "fahrenheit",
    "times": "times",
    "fois": "times",
    "बार": "times",
    "meter": "m",
    "meters": "m",
    "metre": "m",
    "metres": "m",
    "mètre": "m",
    "mètres": "m",
    "मीटर": "m",
    "kilometer": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometres": "km",
    "km": "km",
    "kilomètre": "km",
    "kilomètres": "km",
    "किलोमीटर": "km",
    "किमी": "km",
    "kg": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "kilogramme": "kg",
    "kilogrammes": "kg",
    "किलो": "kg",
    "किलोग्राम": "kg",
    "feet": "ft",
    "foot": "ft",
    "pied": "ft",
    "pieds": "ft",
    "फुट": "ft",
    "फ़ुट": "ft",
    "फीट": "ft",
    "mile": "mile",
    "miles": "mile",
    "मील": "mile",
    "liter": "l",
    "liters": "l",
    "litre": "l",
    "litres": "l",
    "लीटर": "l",
    "resignations": "resignation",
    "resignation": "resignation",
    "démissions": "resignation",
    "इस्तीफे": "resignation",
    "इस्तीफा": "resignation",
    "books": "book",
    "book": "book",
    "livre": "book",
    "livres": "book",
    "किताब": "book",
    "किताबें": "book",
    "किताबों": "book",
    "children": "child",
    "kids": "child",
    "kid": "child",
    "child": "child",
    "enfants": "child",
    "enfant": "child",
    "बच्चे": "child",
    "बच्चों": "child",
    "बच्चा": "child",
    "students": "student",
    "élèves": "student",
    "étudiants": "student",
    "छात्र": "student",
}

# What a canonical unit measures (``Quantity.kind``); an unlisted noun after a number is a count.
UNIT_KINDS: dict[str, str] = {
    "percent": "percent",
    **{currency: "money" for currency in ("usd", "eur", "inr", "gbp", "jpy")},
    **{unit: "duration" for unit in ("year", "month", "week", "day", "hour", "minute", "second")},
    **{unit: "measure" for unit in ("m", "km", "kg", "ft", "mile", "l", "celsius", "fahrenheit", "gb", "tb", "mb",
                                    "watt", "mah")},
    "magnitude": "scale",
    "times": "ratio",
    "clock": "clock",
}
# A word right after the number that makes it an age ("61-year-old", "61 वर्षीय"), and words before it.
AGE_WORDS: frozenset[str] = frozenset({"year-old", "years-old", "yr-old", "वर्षीय", "साला", "वर्षीया"})
AGE_BEFORE: tuple[str, ...] = ("aged", "age", "age of", "âgé de", "âgée de", "âgés de", "âgé", "âgée",
                               "l'âge de", "उम्र", "आयु", "उम्र में", "turned", "turns")

# A part of the day said with a clock time on a 12-hour dial, and the hours it moves past noon: "शाम 7:40 बजे" is
# 19:40, "रात 1:50 बजे" 01:50 but "रात 10 बजे" 22:00, "7 h du soir" 19:00. Before the time in Hindi (a "के" may
# stand between: "शाम के ६:१० बजे"), after it in French and English.
DAY_PARTS_BEFORE: dict[str, tuple[int, int]] = {"शाम": (1, 11), "रात": (7, 11), "दोपहर": (1, 6)}
DAY_PARTS_AFTER: dict[str, tuple[int, int]] = {
    "du soir": (1, 11), "de l' après-midi": (1, 11), "in the evening": (1, 11), "in the afternoon": (1, 11),
    "at night": (7, 11),
}
# Nouns that name an item of a numbered series: the number after them (or before, in Hindi) is an identifier, not a
# quantity ("Article 19", "Section 105 of the Act", "धारा 9", "the No 19 jersey", "19 नंबर की जर्सी").
REFERENCE_BEFORE: dict[str, str] = {
    "article": "article", "articles": "article", "art": "article", "अनुच्छेद": "article",
    "section": "section", "sections": "section", "clause": "section", "धारा": "section", "alinéa": "section",
    "rule": "rule", "règle": "rule", "नियम": "rule",
    "chapter": "chapter", "chapitre": "chapter", "अध्याय": "chapter",
    "no": "number", "number": "number", "numéro": "number", "n°": "number",
}
REFERENCE_AFTER: dict[str, str] = {"नंबर": "number"}
# Time zones stated with a clock time: phrase -> IANA zone name, or "local" (the local time of the place the
# sentence names, when it names one). Fixed offsets for the abbreviations that name one (CET is +1 all year).
TIME_ZONES: dict[str, str] = {
    "ist": "Asia/Kolkata", "indian time": "Asia/Kolkata", "indian standard time": "Asia/Kolkata",
    "heure indienne": "Asia/Kolkata", "heure de l' inde": "Asia/Kolkata", "भारतीय समयानुसार": "Asia/Kolkata",
    "भारतीय समय": "Asia/Kolkata", "भारतीय समय के अनुसार": "Asia/Kolkata",
    "gmt": "UTC", "utc": "UTC", "temps universel": "UTC",
    "cet": "Etc/GMT-1", "cest": "Etc/GMT-2", "heure de paris": "Europe/Paris", "paris time": "Europe/Paris",
    "heure française": "Europe/Paris", "heure de france": "Europe/Paris",
    "local time": "local", "heure locale": "local", "स्थानीय समयानुसार": "local", "स्थानीय समय": "local",
    "स्थानीय समय के अनुसार": "local",
}

# When and where a figure was measured: a price at the open and one at the close are two facts. Word ->
# canonical moment; exchanges likewise.
MOMENTS: dict[str, str] = {
    **dict.fromkeys(("open", "opened", "opening", "opens", "ouverture", "ouvert", "खुला", "खुली", "खुले"),
                    "open"),
    **dict.fromkeys(("close", "closed", "closing", "settled", "clôture", "clôturé", "clôturée", "बंद"), "close"),
    **dict.fromkeys(("midday", "noon", "mi-séance", "mi-journée", "दोपहर"), "midday"),
    **dict.fromkeys(("morning", "matin", "matinée", "सुबह"), "morning"),
    **dict.fromkeys(("evening", "soir", "soirée", "शाम"), "evening"),
    **dict.fromkeys(("intraday", "low", "high", "निचले", "निचला", "ऊपरी"), "intraday"),
}
# Words before a number that give its scale ("magnitude 6.1", "magnitude de 5,9", "at magnitude 6.1"), with the
# words that may stand between them.
SCALE_BEFORE: dict[str, str] = {"magnitude": "magnitude", "richter": "magnitude"}
SCALE_LINKS: frozenset[str] = frozenset({"of", "at", "de", "d'", "à"})
# Who measured a figure: the name before one of these verbs ("The US Geological Survey put the magnitude at 5.9",
# "USGS a pour sa part mesuré") or after one of these phrases ("according to the USGS", "selon l'USGS").
MEASURING_VERBS: frozenset[str] = frozenset(
    "put puts recorded records measured measures estimated estimates mesuré mesure enregistré enregistre estimé "
    "estime évalué".split()
)
SOURCE_BEFORE: tuple[str, ...] = ("according to", "selon", "d'après")
EXCHANGES: dict[str, str] = {"nse": "nse", "एनएसई": "nse", "bse": "bse", "बीएसई": "bse", "nasdaq": "nasdaq",
                             "nyse": "nyse", "lse": "lse"}

# Symbols that stand before the number they qualify ("$350", "₹100").
PREFIX_UNITS: frozenset[str] = frozenset({"$", "us$", "€", "₹", "rs", "£", "¥", "usd", "eur", "inr", "gbp"})

# Hedges and bounds around a number: "about 350" is compatible with "350", "more than 350" with "400".
# (phrase, qualifier, where it stands: before or after the number).
QUALIFIERS: tuple[tuple[str, str, str], ...] = (
    *(
        (w, "approx", "before")
        for w in (
            "about",
            "around",
            "approximately",
            "roughly",
            "nearly",
            "almost",
            "some",
            "circa",
            "approx",
            "~",
            "environ",
            "près de",
            "presque",
            "quelque",
            "approximativement",
            "autour de",
            "लगभग",
            "करीब",
            "तकरीबन",
            "अनुमानित",
            "करीबन",
        )
    ),
    *((w, "approx", "after") for w in ("or so", "environ", "के आसपास", "के करीब")),
    *(
        (w, "lower", "before")
        for w in (
            "more than",
            "over",
            "at least",
            "above",
            "upwards of",
            "in excess of",
            "plus de",
            "au moins",
            "au-delà de",
            "कम से कम",
        )
    ),
    *(
        (w, "lower", "after")
        for w in ("or more", "et plus", "से अधिक", "से ज्यादा", "के पार", "से ऊपर", "से ज़्यादा")
    ),
    *(
        (w, "upper", "before")
        for w in (
            "less than",
            "under",
            "fewer than",
            "up to",
            "below",
            "at most",
            "moins de",
            "jusqu'à",
            "au plus",
            "au maximum",
        )
    ),
    *((w, "upper", "after") for w in ("or less", "or fewer", "से कम", "तक")),
)

# Function words: never a unit, a name or a substituted key term.
STOPWORDS: frozenset[str] = frozenset(
    """
    a an the and or but if of to in on at by for with from as into onto about over under after before
    than then
    this that these those there here is are was were be been being am do does did done have has had
    having will
    would shall should can could may might must it its it's he him his she her hers they them their
    theirs we us
    our ours you your yours i me my mine who whom whose which what when where why how not no nor so too
    very also
    just only even still yet all any both each every some such own same other another more most much many few
    one ones up down out off again once while because until since though although whether let lets get got
    le la les l' un une des du de d' et ou mais donc or ni car que qu' qui quoi dont où ce cet cette
    ces c' se s'
    son sa ses leur leurs mon ma mes ton ta tes notre nos votre vos il ils elle elles on nous vous je
    j' tu me m'
    te t' lui y en au aux par pour sur sous dans avec sans chez vers est sont était étaient été être a
    ont avait
    avaient avoir fait faire plus moins très tout tous toute toutes ne n' pas même aussi comme si bien encore
    का की के को में से पर ने और या भी तो ही है हैं था थी थे हो होता होती होते हुआ हुई हुए कर करता करती करते
    किया किए की गया गई गए जा जाता जाती जाते रहा रही रहे वह वे यह ये उस उन इस इन उसे उन्हें इसे इन्हें जो जिस जिन
    कि क्या कौन कैसे क्यों कहाँ कहां जब तब अब मैं मुझे मेरा मेरी मेरे हम हमें हमारा हमारी हमारे तुम तुम्हें
    तुम्हारा आप आपका आपकी आपके अपना अपनी अपने उनका उनकी उनके उसका उसकी उसके एक लिए साथ बाद पहले तक द्वारा
    वाला वाली वाले दिया दी दे देना लेना ले लिया कुछ सब सभी बहुत बारे ना न नहीं मत
    """.split()
)

# Hindi case markers (postpositions) and the particles that stand after a word: a closed class that follows a noun
# and is never one, so never a name, however close its transliteration comes to a name of the batch (में "men"
# is not Meena). Pronouns stay out: मेरी is "my" and may be Mary.
HINDI_CASE_MARKERS: frozenset[str] = frozenset("का की के को में से पर ने तक द्वारा ही भी तो".split())

# Titles and honorifics: "Dr. Timnit Gebru" and "Timnit Gebru" are the same name.
TITLES: frozenset[str] = frozenset(
    """mr mrs ms miss dr prof sir madam mme mlle m monsieur madame docteur professeur mademoiselle messrs
    श्री श्रीमती डॉ डॉक्टर
    प्रोफेसर सुश्री जी president ceo cfo coo cto md cmd jr sr""".split()
)

# Hindi tense, to read कल as yesterday or tomorrow: future verb endings, and words that mark the past.
HINDI_FUTURE_ENDINGS: tuple[str, ...] = ("गा", "गी", "गे")
HINDI_PAST_MARKERS: frozenset[str] = frozenset(
    "था थी थे थीं गया गई गए गयी लिया दिया किया हुआ हुई हुए खाया आया आई आए".split()
)


# ---- calendar and time words, from dateparser's locale data ----------------------------------------------

TIME_UNITS = ("year", "month", "week", "day", "hour", "minute")
# Locales read for every text: code-mixed Hindi sentences write English month names in Latin script.
ALWAYS_LANGUAGES = ("en",)


@lru_cache(maxsize=16)
def _locale(language: str) -> dict[str, object]:
    from dateparser.languages import default_loader

    try:
        return dict(default_loader.get_locale(language).info)
    except (KeyError, ValueError):
        return {}


@lru_cache(maxsize=16)
def calendar_words(language: str) -> dict[str, tuple[str, int]]:
    """Normalised word -> ("month", 1-12) or ("weekday", 0-6), from dateparser's locale for
    ``language`` and English."""
    months = ("january february march april may june july august september october november december").split()
    days = "monday tuesday wednesday thursday friday saturday sunday".split()
    table: dict[str, tuple[str, int]] = {}
    for lang in dict.fromkeys((*ALWAYS_LANGUAGES, language)):
        info = _locale(lang)
        for kind, names in (("month", months), ("weekday", days)):
            for index, name in enumerate(names):
                for word in info.get(name, []) or []:  # type: ignore[union-attr]
                    word = normalise(word).rstrip(".॰")
                    if len(word) >= 3:
                        table[word] = (kind, index + 1 if kind == "month" else index)
    return table


@lru_cache(maxsize=1)
def time_unit_words() -> dict[str, str]:
    """Time-unit words of every locale we read (en, fr, hi) -> canonical unit; used as quantity units too."""
    table: dict[str, str] = {}
    for lang in ("en", "fr", "hi"):
        info = _locale(lang)
        for unit in TIME_UNITS:
            for word in info.get(unit, []) or []:  # type: ignore[union-attr]
                word = normalise(word).rstrip(".॰")
                if len(word) >= 2 and word not in ("mo", "an" if lang == "en" else ""):
                    table.setdefault(word, unit)
    table.update(
        {
            "हफ्ते": "week",
            "हफ्ता": "week",
            "हफ्तों": "week",
            "सालों": "year",
            "महीनों": "month",
            "दिनों": "day",
            "années": "year",
            "journées": "day",
            "बरस": "year",
        }
    )
    return table


@lru_cache(maxsize=16)
def relative_phrases(language: str) -> tuple[tuple[tuple[str, ...], int, str], ...]:
    """("yesterday",) -> (-1, "day"), ("पिछले", "साल") -> (-1, "year"); words with two meanings (Hindi
    कल) dropped."""
    meanings: dict[tuple[str, ...], set[tuple[int, str]]] = {}
    pattern = re.compile(r"^(in )?(\d+) (day|week|month|year)( ago)?$")
    for lang in dict.fromkeys((*ALWAYS_LANGUAGES, language)):
        for key, phrases in (_locale(lang).get("relative-type") or {}).items():  # type: ignore[union-attr]
            match = pattern.match(key)
            if not match:
                continue
            n = int(match.group(2))
            offset = n if match.group(1) else -n
            for phrase in phrases:
                meanings.setdefault(phrase_tokens(phrase), set()).add((offset, match.group(3)))
    return tuple(
        sorted(
            ((words, *next(iter(m))) for words, m in meanings.items() if len(m) == 1 and words),
            key=lambda item: -len(item[0]),
        )
    )

# How a Hindi text writes an initial: the English letter names in Devanagari ("यू.बी. प्रसाद राव" = U.B. Prasad
# Rao), keyed by their normalised form (nukta dropped: एफ़ -> एफ).
DEVANAGARI_LETTERS: dict[str, str] = {
    normalise(word): letter
    for letter, words in {
        "A": "ए", "B": "बी", "C": "सी", "D": "डी", "E": "ई", "F": "एफ एफ़", "G": "जी", "H": "एच", "I": "आई",
        "J": "जे", "K": "के", "L": "एल", "M": "एम", "N": "एन", "O": "ओ", "P": "पी", "Q": "क्यू", "R": "आर",
        "S": "एस", "T": "टी", "U": "यू", "V": "वी", "W": "डब्ल्यू", "X": "एक्स", "Y": "वाई", "Z": "जेड ज़ेड",
    }.items()
    for word in words.split()
}
# Words that refer back to a named company or body without naming it ("the company" after "Kaveri Infotech"):
# a reference, never a rival name or a substituted term.
GENERIC_REFERENCES: frozenset[str] = frozenset(
    """company firm group business lender bank carrier insurer maker manufacturer brand government ministry
    court board management organisation organization agency exchange index market stock shares share scrip
    city state country region capital player team club side country's company's firm's group's
    société entreprise groupe firme marque banque gouvernement ministère tribunal cour direction titre
    action actions indice marché ville pays équipe club
    कंपनी फर्म समूह ग्रुप बैंक सरकार मंत्रालय अदालत कोर्ट बोर्ड प्रबंधन शेयर सूचकांक इंडेक्स बाजार शहर राज्य देश टीम
    क्लब""".split()
)

# Prefixes that negate the word they stand before, when what follows is itself a common word: unknown, impossible,
# irregular, inconnu, अज्ञात (unknown), असंभव, बेघर, गैरकानूनी. Lexical negatives (see polarity).
# A contrastive negation stands after one of these (or a comma) and before a determiner: "..., not the company".
# Not "de": "mais pas de point de chute" is "but no place", a negative quantifier, not a contrast.
CONTRAST_WORDS: frozenset[str] = frozenset({"but", "and", "mais", "et", "rather", "plutôt"})
DETERMINERS: frozenset[str] = frozenset(
    "the a an this that these those his her its their our la le les l' un une ce cette ces son sa ses leur "
    "leurs".split()
)

NEGATIVE_PREFIXES: dict[str, tuple[str, ...]] = {
    "en": ("un", "in", "im", "ir", "il", "dis", "non-"),
    "fr": ("in", "im", "ir", "il", "dés", "non-"),
    "hi": ("अ", "अन", "बे", "गैर", "ना"),
}

# Negations that a translation commonly says positively (issue 13: "a clause is negated only when the marker negates
# its verb and that verb aligns with the other side's"). Each row: the predicates such a negation negates (the words
# within two of the cue), and what the other side says instead; a negation of one of the predicates, set against a
# text that holds one of the counterparts, is that paraphrase, not a contradiction. "don't worry" / "rest assured",
# "n'oubliez pas" / "make sure", "अनुमान निश्चित नहीं" (not certain) / "varying estimates", "won't last" /
# "pourrait prendre fin". A word matches an entry it equals, or begins with when the entry has 5 letters or more.
NEGATED_PARAPHRASES: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(normalise(w) for w in predicates.split()), frozenset(normalise(w) for w in counterparts.split()))
    for predicates, counterparts in (
        # worry / fear: a reassurance
        ("worry worried worrying fret inquiétez inquiéter inquiète inquiet inquiets soucier souciez फ़िक्र फिक्र "
         "चिंता घबराएं घबराइए घबराना",
         "assured assure reassured rassurez rassurer rassuré certain certains certaines sure sûr sûrs confident "
         "confiant निश्चिंत भरोसा यकीन आश्वस्त"),
        # forgetting: a reminder
        ("forget oubliez oublier oublie भूलें भूलिए भूलना",
         "remember sure souvenez rappelez assurez-vous assurez सुनिश्चित याद"),
        # certainty: a hedge
        ("certain certaine sure sûr sûre clear clair claire निश्चित स्पष्ट पक्का",
         "estimates estimated estimate estimations estimation varying vary varies variées variés "
         "varient uncertain incertain incertaine unclear debated débattu अनुमान अनुमानित अनिश्चित"),
        # lasting: an end
        ("last lasts lasting durer dure durera dureront टिकने टिकेगी टिकेगा टिकेंगे टिक टिकती टिकता",
         "end ends ending ended fin finir terminer termine terminé खत्म समाप्त अंत"),
    )
)
# A negated purpose ("so as not to be seen", "pour ne pas être repérés", "ताकि ... न दिखें") is an avoiding:
# the words before such a cue, and the other side's avoiding verbs that say it positively ("दिखने से बचने").
PURPOSE_BEFORE_NEGATION: tuple[tuple[str, ...], ...] = (("so", "as"), ("in", "order"), ("pour",), ("afin", "de"),
                                                        ("ताकि",))
AVOIDING: frozenset[str] = frozenset(normalise(w) for w in (
    "avoid avoids avoided avoiding éviter évite évitent évité échapper बचने बचना बचें बचकर बचते बचती".split()))

# Currency codes and abbreviations, and the abbreviations of amounts ("Md" milliard, "bn", "cr"): what a figure is
# counted in, never a name ("The Rs 1,240 crore project" names no rival of "देवगिरि इंफ्रा"). The amount ones are
# also initials ("Md Shami"), so they are units only beside a figure.
CURRENCY_CODES = frozenset(
    "rs re inr usd eur gbp jpy cny chf aud cad sgd aed sar pkr bdt npr lkr rmb dm frs fcfa xof".split())
AMOUNT_ABBREVIATIONS = frozenset("md mds mrd mrds mn mln bn cr crs".split())

# Words that say what kind of place a name is, standing after it ("the Narmada river", "नर्मदा नदी", "Jhadeshwar
# village", "Satish Dhawan Space Centre") or, in French, before it ("la rivière", "le village de Jhadeshwar"): a
# river is no rival of a town, nor a launch centre of the town it stands in.
PLACE_KIND_WORDS: dict[str, str] = {
    **dict.fromkeys("river rivers creek lake sea ocean bay gulf canal dam नदी नदियों झील सागर समुद्र खाड़ी नहर बांध "
                    "fleuve rivière lac mer océan golfe canal barrage".split(), "water"),
    **dict.fromkeys("centre center centres spaceport airport station stadium port harbour harbor terminal base "
                    "cosmodrome केंद्र बंदरगाह हवाईअड्डा हवाईअड्डे स्टेशन स्टेडियम centre aéroport gare stade "
                    "cosmodrome".split(), "facility"),
    **dict.fromkeys("village town city district गांव गाँव शहर कस्बे कस्बा ज़िले जिले जिला ज़िला village ville bourg "
                    "district".split(), "city"),
}

# English verbs whose past is not the base plus an ending: a negation with "did" takes the base ("did not go",
# "didn't win") where the positive takes the past ("went", "won"), so the two are one predicate only through this
# table. Each line: base, then its past and past participle forms.
_IRREGULAR_VERBS = """
arise arose arisen; awake awoke awoken; be was were been; bear bore borne born; beat beaten; become became;
begin began begun; bend bent; bid; bind bound; bite bit bitten; bleed bled; blow blew blown; break broke broken;
bring brought; build built; burn burnt; buy bought; catch caught; choose chose chosen; come came; cost; cut;
deal dealt; dig dug; do did done; draw drew drawn; drink drank drunk; drive drove driven; eat ate eaten;
fall fell fallen; feed fed; feel felt; fight fought; find found; flee fled; fly flew flown; forbid forbade
forbidden; forget forgot forgotten; forgive forgave forgiven; freeze froze frozen; get got gotten; give gave given;
go went gone; grow grew grown; hang hung; have had; hear heard; hide hid hidden; hit; hold held; hurt; keep kept;
know knew known; lay laid; lead led; leave left; lend lent; let; lie lay lain; light lit; lose lost; make made;
mean meant; meet met; pay paid; put; quit; read; ride rode ridden; ring rang rung; rise rose risen; run ran;
say said; see saw seen; seek sought; sell sold; send sent; set; shake shook shaken; shed; shine shone; shoot shot;
show showed shown; shut; sing sang sung; sink sank sunk; sit sat; sleep slept; slide slid; speak spoke spoken;
spend spent; spread; stand stood; steal stole stolen; stick stuck; strike struck; swear swore sworn;
sweep swept; swim swam swum; take took taken; teach taught; tear tore torn; tell told; think thought;
throw threw thrown; understand understood; wake woke woken; wear wore worn; win won; withdraw withdrew withdrawn;
write wrote written
"""
IRREGULAR_BASE: dict[str, str] = {
    form: forms.split()[0] for forms in _IRREGULAR_VERBS.split(";") for form in forms.split()
}


# A statement that something happened once at most, by what it says of the count: "not once" states none, "only
# once" one. Phrases as written (split the way text is tokenised); a "none" phrase of Hindi ("एक बार भी", not even
# once) states none only in a sentence that holds a negation (नहीं, न), which it then quantifies.
ONCE_NONE: tuple[str, ...] = (
    "not once", "not even once", "not a single time", "never once",
    "pas une fois", "pas une seule fois", "pas même une fois", "jamais une seule fois",
    "एक बार भी", "एक भी बार",
)
ONCE_NONE_NEEDS_NEGATION = frozenset({"एक बार भी", "एक भी बार"})
# A single time: none under a negation ("n'a pas perdu une seule fois", "did not lose a single time"), else one.
ONCE_SINGLE: tuple[str, ...] = ("une seule fois", "a single time")
ONCE_ONLY: tuple[str, ...] = (
    "only once", "just once", "once only", "only one time",
    "qu'une fois", "qu'une seule fois", "une fois seulement",
    "सिर्फ एक बार", "सिर्फ़ एक बार", "केवल एक बार", "एक ही बार", "महज एक बार", "महज़ एक बार", "बस एक बार",
)

# Words that report speech ("X said that ..."): what stands before one is who spoke, not what was said.
REPORTING_WORDS = frozenset(
    """said says told added stated confirmed claimed announced insisted maintained
    déclaré affirmé assuré indiqué précisé annoncé affirme assure indique précise déclare
    कहा बताया""".split()
)
