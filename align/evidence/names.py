"""Person, place and organisation names as typed facts, matched across scripts, languages and spellings.

Devanagari is transliterated to IAST (indic-transliteration), folded to plain Latin with the inherent final vowel
dropped (मृणांक शर्मा -> mrinank sharma), then reduced to a consonant skeleton that absorbs the usual spelling
variation (ph/f, w/v, sh/s, doubled letters, vowels): the phonetic key.

What counts (the ``name`` evidence, ``entity`` for organisations):

- **Spelling** differences count only between two spellings in one script ("Mriyank" vs "Mrinank", भंडारकर vs
  भांडारकर, "Ranjeet" vs "Ranjit"). Across scripts a transliteration is matched loosely (a close key) and never
  conflicts by itself; across two languages in Latin script a place's or language's own name in each (CLDR through
  babel: Brazil / Brésil) and an exonym that only changes the ending (Copernicus / Copernic) are one name.
  Ordinary words (Director / Directors, a masthead's words) and inflections (possessive, Hindi oblique plural
  उपनिषदों) are not spellings of a name.
- **Initials**: a full name is compared with its initials ("U.B. Prasad Rao" vs "U.P. Prasad Rao" differ; "Rao"
  alone agrees with either).
- **A swap needs a slot**: a name on one side only is a different name only when the other side has an unexplained
  name of a compatible type (place, person, organisation) in the same place of the frame both sides share (between
  the same matched names and numbers). A Devanagari word is a name candidate when it is rare in Hindi and does not
  read as an ordinary English word (डायरेक्टर is "director", a loanword); on a side with an English translation,
  only when the translation names it (``_confirmed``: चाटुकारिता is "sycophancy" there). A title, also spelt in
  letter names (एमडी is MD), is no name; standing alone for its holder ("the CFO said") it accounts for the person
  the other side names.

With an embedder, a "different name" between two languages that the other side's name, put in its place, restores
(Londres / London, Pékin / Beijing) is dropped.
"""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import regex
from indic_transliteration import sanscript

from align.config import LabelConfig
from align.evidence import lexicon, locale_words
from align.evidence import tokens as tokens_module
from align.evidence.codemix import (
    MARGIN_NEIGHBOURS,
    EmbeddingCache,
    clause_context,
    margin,
    margin_baselines,
    restore_span,
    restore_span_texts,
    similarity,
)
from align.evidence.dates import DATES
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
    contradicting,
)
from align.evidence.lexicon import (
    Place,
    dictionary_word,
    find_places,
    hindi_word_as_written,
    ordinary_word,
    zipf,
)
from align.evidence.locale_words import calendar_words
from align.evidence.numbers import NUMBERS
from align.evidence.tokens import Token, normalise
from align.tables import compiled_table, table_key

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
        "c": "ch",  # IAST c is च, the sound of "ch" (चीन is China), never a soft c
    }
)
# Applied in order to a lower-case Latin form; what is left is compared without vowels.
SPELLING_RULES: tuple[tuple[str, str], ...] = (
    ("que", "ke"),  # Albuquerque, Esquimau
    ("qui", "ki"),
    ("qu", "kv"),  # squadron
    ("ce", "se"),  # a soft c (Cesarean, Encelade), before "ch" becomes c
    ("ci", "si"),
    ("cy", "si"),
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
    initial: str = ""  # the Latin letter when this token is an initial ("U." or "यू.")
    # A Devanagari word of a side whose English translation writes no name for it: the translation says it is a
    # word (चाटुकारिता is "sycophancy"), so it is no swap's rival, whatever its frequency.
    unconfirmed: bool = False
    elided: str = ""  # the French elided article written onto it ("d'" of "Côte d'Opale"), spoken with it

    @property
    def devanagari(self) -> bool:
        return _has_devanagari(self.text)


@lru_cache(maxsize=65536)
def _has_devanagari(text: str) -> bool:
    """Memoised: asked of every name of a pair, for every other name (a hundred thousand times an event)."""
    return bool(DEVANAGARI.search(text))


NAMES: FactKey[NameToken] = FactKey("name")
PLACES: FactKey[Place] = FactKey("place")


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
    latin = regex.sub(r"n(?=[pbm])", "m", latin)  # an anusvara before a labial is m: कंप्यूटर -> kampyutar
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
    if token.norm.rstrip("'") in locale_words.STOPWORDS or token.norm.rstrip(".") in locale_words.TITLES:
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
                     and tokens[k].norm not in locale_words.STOPWORDS]
            hindi = any(tokens[k].is_devanagari and tokens[k].norm not in locale_words.STOPWORDS for k in segment)
            if len(words) >= 3 and not hindi and all(tokens[k].text[:1].isupper() for k in words):
                indices.update(segment)
            segment = []
        if token is not None:
            segment.append(i)
    return indices | _rubric_tokens(text, tokens)


RUBRIC_MAX_WORDS = 2  # "Tennis :", "Exclusive:", "Breaking News:": a kicker is a word or two


def _rubric_tokens(text: str, tokens: tuple[Token, ...]) -> set[int]:
    """Token indices of a rubric (kicker) opening a text: one or two words, then a colon ("Tennis : Lucas
    Marchand battu en finale", "Cricket: ..."). A rubric files the story under a topic and states no fact, so
    its capitals say nothing, as in a title-case headline: such a word is matched as a name when the other side
    names it, never a rival by itself. Not in Hindi, which has no capitals to misread."""
    for k, token in enumerate(tokens[: RUBRIC_MAX_WORDS + 1]):
        if token.is_devanagari or token.is_number:
            return set()
        following = tokens[k + 1].start if k + 1 < len(tokens) else len(text)
        gap = text[token.end : following].strip()
        if gap.startswith(":") and k < RUBRIC_MAX_WORDS and text[: tokens[0].start].strip() == "":
            return set(range(k + 1))
        if gap:
            return set()
    return set()


def _initials(text: str, tokens: tuple[Token, ...]) -> dict[int, str]:
    """Token index -> Latin letter, for the initials of a name: a capital letter ("U.") or a Devanagari letter
    name ("यू.") followed by a full stop, then by another initial or a name word."""
    found: dict[int, str] = {}
    for i in range(len(tokens) - 1, -1, -1):
        token, following = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
        letter = token.text if len(token.text) == 1 and token.text.isupper() and token.text.isascii() else \
            locale_words.DEVANAGARI_LETTERS.get(token.norm, "")
        if not letter or following is None or text[token.end : token.end + 1] != ".":
            continue
        gap = text[token.end + 1 : following.start]
        if len(gap) > 1 or gap.strip():
            continue
        if i + 1 in found or (following.is_devanagari == token.is_devanagari and not following.is_number and (
                following.is_devanagari or following.text[:1].isupper())
                and following.norm not in locale_words.STOPWORDS):
            found[i] = letter
    return found


# A two-letter acronym spelt in Devanagari this common in Hindi is a word that happens to read so (बीवी "wife",
# not B.V.); longer ones are acronyms whatever their frequency (एफबीआई).
LETTER_WORD_ZIPF = 4.4


@lru_cache(maxsize=8192)
def letter_acronym(word: str) -> str:
    """The Latin acronym a Devanagari word spells with English letter names (ओएचए -> "OHA", सीसीटीवी -> "CCTV",
    एफबीआई -> "FBI"), or "" when the word is not such a spelling (or only one letter)."""
    text = normalise(word)
    spelt: dict[int, str] = {0: ""}
    for i in range(len(text)):
        if i in spelt:
            for name, letter in locale_words.DEVANAGARI_LETTERS.items():
                if text.startswith(name, i):
                    spelt.setdefault(i + len(name), spelt[i] + letter)
    acronym = spelt.get(len(text), "")
    if len(acronym) < 2 or len(acronym) == 2 and hindi_word_as_written(word, LETTER_WORD_ZIPF):
        return ""
    return acronym


# A capitalised first word this common in English or French (wordfreq Zipf; "like" 6.4, "after" 6.0) is a word,
# even before a name; names stay below it ("Mary" 4.8, "John" 5.4, "Jean" 5.5 in French, "Paris" 5.7).
SENTENCE_START_COMMON_ZIPF = 5.8


def find_names(text: str, tokens: tuple[Token, ...]) -> list[NameToken]:
    """Name words: capitalised Latin words (not at the start of a sentence), and every Devanagari content word
    as an uncertain candidate (Devanagari has no capitals; the other side decides whether it is a name)."""
    found: list[NameToken] = []
    headline = _title_case_tokens(text, tokens)
    initials = _initials(text, tokens)
    for i, token in enumerate(tokens):
        sentence_start = i in headline or i == 0 or (i - 1 not in initials and text[
            tokens[i - 1].end : token.start].strip()[-1:] in (".", "!", "?", ":", "“", '"'))
        if i in initials:
            found.append(NameToken(token.start, token.end, token.text, "", initials[i].lower(), True,
                                   initial=initials[i]))
        elif token.is_devanagari:
            if token.norm in locale_words.TITLES or token.norm in locale_words.HINDI_CASE_MARKERS \
                    or len(token.norm) < 2:
                continue
            offset = token.start
            for part in regex.split(r"[-‑]", token.text):  # अपोलो-सोयुज़: Apollo and Soyuz
                acronym = letter_acronym(part)
                if acronym.lower() in locale_words.TITLES:
                    offset += len(part) + 1
                    continue  # एमडी is MD, सीईओ CEO: a title, as "Mr" is, never a name
                if acronym:  # सीसीटीवी is CCTV, spelt letter by letter (a rival only as sure as any Hindi word)
                    latin = acronym.lower()
                    found.append(NameToken(offset, offset + len(part), part, phonetic_key(latin), latin, False))
                elif len(part) >= 2:
                    latin = romanise(part)
                    found.append(NameToken(offset, offset + len(part), part, phonetic_key(latin), latin, False,
                                           function_word=normalise(part) in locale_words.STOPWORDS))
                offset += len(part) + 1
        elif _is_capitalised_name(token, sentence_start):
            word = token.text.rstrip("'’")  # "Sharma's": the name is Sharma
            parts = regex.split(r"[-‑]", word)
            if len(parts) > 1 and sum(p[:1].isupper() for p in parts) >= 2:  # Saffir-Simpson, Laskhar-e-Taiba
                offset = token.start
                for part in parts:
                    # "Nov-Feb": a span of months, no names
                    if len(part) >= 2 and part[:1].isupper() and not any(
                            normalise(part) in calendar_words(lang) for lang in ("en", "fr")):
                        latin = romanise(part)
                        found.append(NameToken(offset, offset + len(part), part, phonetic_key(latin), latin, True))
                    offset += len(part) + 1
                continue
            latin = romanise(word)
            end = token.start + len(word)
            elided = tokens[i - 1].norm[:1] if i and tokens[i - 1].norm in ("d'", "l'") and \
                tokens[i - 1].end == token.start else ""
            found.append(NameToken(token.start, end, word, phonetic_key(latin), latin, True, elided=elided))
        elif sentence_start and token.text[:1].isupper() and token.norm.rstrip("'") not in locale_words.STOPWORDS \
                and token.norm.rstrip(".") not in locale_words.TITLES:
            # Sentence-initial capitalised word: a name only if the other side confirms it (uncertain).
            word = token.text.rstrip("'’")
            latin = romanise(word)
            if token.norm not in calendar_words("en"):
                end = token.start + len(word)
                found.append(NameToken(token.start, end, word, phonetic_key(latin), latin, False))
    # "Mriyank Sharma quitte ...": a sentence-initial word followed by a name is part of that name, unless it is
    # a common word ("Like Sharma, ...", "After Sharma left"): its capital is the sentence's, not a name's.
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
            and max(word_zipf(name.latin, language) for language in ("en", "fr")) < SENTENCE_START_COMMON_ZIPF
        ):
            found[k] = NameToken(name.start, name.end, name.text, name.key, name.latin, True)
    return found


def word_zipf(word: str, language: str) -> float:
    """How common ``word`` is in ``language`` (wordfreq's Zipf scale). Names are rarely common words; a common
    word that sounds like a name is the word."""
    return zipf(word, language)


def same_name(a: NameToken, b: NameToken) -> bool:
    if len(a.key) < 2 or len(b.key) < 2:
        return a.latin == b.latin
    return a.key == b.key


def near_miss(a: NameToken, b: NameToken, min_length: int, max_edits: int) -> bool:
    """Two spellings close enough to be one name misspelt, far enough not to be one name transliterated."""
    if a.key == b.key or min(len(a.key), len(b.key)) < min_length or a.key[0] != b.key[0]:
        return False
    return edit_distance(a.key, b.key) <= max_edits and edit_distance(a.latin, b.latin) <= max_edits + 1


def read(facts: Facts, reference: dt.date | None, config: LabelConfig) -> Found:
    """Name words, except those a reader below has claimed: inside a date ("February" in "9 February"), or the
    exchange a figure was measured on ("closed at ₹1,486 on the NSE"): that is the figure's qualifier, which the
    number comparison weighs (a figure on the NSE and one on the BSE are two measurements, not a name swap)."""
    date_spans = [(d.start, d.end) for d in facts[DATES]]
    venues = {q.where for q in facts[NUMBERS] if q.where}
    names = find_names(facts.text, facts.tokens)
    return {NAMES: tuple(n for n in names if not any(s <= n.start < e for s, e in date_spans)
                         and locale_words.EXCHANGES.get(n.text.lower()) not in venues),
            PLACES: tuple(find_places(facts.tokens))}


# ---- the names of a side ------------------------------------------------------------------------------


def _all_names(side: Side, config: LabelConfig, known: Known) -> list[tuple[NameToken, Facts]]:
    """Name words of a side's text and translation. A word the translation kept as it was (or transliterated:
    टॉम -> Tom) is a name even where capitals cannot tell, e.g. at the start of a sentence; so is a word that
    sounds like a name written as one elsewhere in the batch (``known_names``): "Tom" opening a sentence, or
    टॉम in a Hindi sentence with no translation."""
    originals = [_if_known(n, side.original.language, config, known) for n in side.original[NAMES]]
    originals = [n for n in originals if n.certain or not n.function_word]
    if side.english is None:
        return [(n, side.original) for n in originals]
    kept = [(o, e) for o in originals for e in side.english[NAMES]
            if len(o.key) >= 3 and same_name(o, e) and o.latin[:1] == e.latin[:1] and not o.headline]
    sure_original = {id(o) for o, _ in kept}
    sure_english = {id(e) for _, e in kept}

    def certain(name: NameToken, sure: set[int]) -> NameToken:
        if name.certain or name.headline or id(name) not in sure or not name.text[:1].isupper():
            return name
        return replace(name, certain=True)

    english = [(certain(_if_known(n, "en", config, known), sure_english), side.english) for n in side.english[NAMES]]
    return [(_confirmed(certain(n, sure_original), side.original, english, config), side.original)
            for n in originals] + english


def _confirmed(name: NameToken, view: Facts, english: list[Entry], config: LabelConfig) -> NameToken:
    """A Devanagari word of a text that has an English translation, marked ``unconfirmed`` unless the translation
    names it: the same place in the gazetteer (जर्मनी / Germany, "Iraq's" opening the translation), or a word of
    the translation written as a name (capitalised where capitals say something, or read as a name the way
    ``_if_known`` reads one, or opening a sentence and no common word: "Maroochydore finished ...") and no
    ordinary dictionary word ("Grand", "Daily"; "Sicily", much more English than other languages' word, is no
    dictionary word) that is its transliteration (one name loosely, ``_maybe_same``)."""
    if not name.devanagari:
        return name
    if any(_place_ids(name, view) & _place_ids(e, v) for e, v in english):
        return name
    one = [(name, view)]
    written = [(n, v) for n, v in english if _written_as_name(n) and not (ordinary(n, config) and dictionary_word(
        n.latin))]
    if any(same_name(name, e) or _maybe_same(one, [(e, v)]) for e, v in written):
        return name
    if any(_maybe_same(one, group) for group in _groups(written) if len(group) > 1):
        return name  # डिज़नीवर्ल्ड / Disney World
    return replace(name, unconfirmed=True)


def _written_as_name(name: NameToken) -> bool:
    """A Latin word written as a name: capitalised where capitals say something, or opening a sentence and rarer
    in English and French than a common word (``SENTENCE_START_COMMON_ZIPF``)."""
    if name.headline or name.devanagari or not name.text[:1].isupper():
        return False
    return name.certain or max(word_zipf(name.latin, language) for language in ("en", "fr")) < \
        SENTENCE_START_COMMON_ZIPF


def _person_keys(names: list[tuple[NameToken, Facts]], config: LabelConfig) -> set[str]:
    """Keys that may stand for a person: names, and candidate words long enough that a two-consonant
    coincidence (अमीर "rich" and Mary: m-r) cannot pass for a name; not ordinary words ("Greenpeace Foundation"
    and "Fondation Komen" share a word, not a name)."""
    return {n.key for n, v in names if (n.certain or len(n.key) >= 3) and not (
        ordinary(n, config) or n.devanagari and not candidate(n, v, config))}


def _same_stem(x: str, y: str) -> bool:
    shorter = min(len(x), len(y))
    common = next((k for k, (cx, cy) in enumerate(zip(x, y, strict=False)) if cx != cy), shorter)
    return shorter >= 2 and common >= min(3, shorter)


def _same_initial(a: NameToken, b: NameToken) -> bool:
    """Across scripts, a Devanagari word that is only a candidate, or any short name, must begin like the name
    it is read as (अमीर "rich" is not Mary, though both reduce to m-r)."""
    scripts = bool(DEVANAGARI.search(a.text)) != bool(DEVANAGARI.search(b.text))
    loose = any(not n.certain for n in (a, b)) or min(len(a.key), len(b.key)) < 3
    if scripts and any(n.elided and n.elided == m.latin[:1] for n, m in ((a, b), (b, a))):
        return True  # d'Opale / डोपाल: the elided article is spoken
    return not (scripts and loose) or a.latin[:1] == b.latin[:1] or (
        a.latin[:1] in VOWELS and b.latin[:1] in VOWELS)  # Ethiopia / ईथोपिया


def _if_known(name: NameToken, language: str, config: LabelConfig, known: Known) -> NameToken:
    """``name`` marked certain when it reads as a name where capitals cannot tell: in Latin script, the same
    word written as a name elsewhere in the batch, or a word as common in every reference language as in its
    own (names cross languages, words do not: "Thomas" vs "Marcher"); in Devanagari, a transliteration close
    to a batch name, or one that is such an international word itself (टॉम -> tom), and in either case not
    a common word of the language (जाने is "to go", not Jane) unless ``name_common_words``."""
    if name.certain or name.headline or len(name.key) < 2:
        return name
    forms = known.get(name.key, frozenset())
    if not DEVANAGARI.search(name.text):
        travels = _international(name.latin, config) or _travels(normalise(name.text), language, config)
        return replace(name, certain=True) if name.latin in forms or travels else name
    close = any(form[:1] == name.latin[:1] and edit_distance(form, name.latin) <= config.name_known_max_edits
                for form in forms)
    common = name.function_word or word_zipf(name.text, language) >= config.name_common_zipf
    if common and not config.name_common_words or not close and (common or not _international(
            name.latin, config, floor=config.name_international_floor)):
        return name
    return replace(name, certain=True)


def _travels(word: str, language: str, config: LabelConfig) -> bool:
    """A capitalised word where capitals say nothing reads as a name when it is not much more common in its
    text's language than elsewhere (names travel: "Eriksson" 0.37, "Hsieh" 0.63; "Despite" and "Marcher" do
    not) and not one of that language's very common words ("Police")."""
    from align.evidence.lexicon import language_lead

    if language not in ("en", "fr") or len(word) < 3:
        return False
    return zipf(word, language) < TRAVELLING_MAX_ZIPF and language_lead(word, language) < config.name_ordinary_lead


def _international(latin: str, config: LabelConfig, floor: float = 0.0) -> bool:
    """As frequent in every reference language as in the most frequent one (within
    ``name_international_spread`` Zipf), or unknown to all of them (a rare name: Mrinank); with ``floor``,
    known in all of them at least that well."""
    zipfs = [word_zipf(latin, lang) for lang in config.name_reference_languages]
    if floor:
        return min(zipfs) >= floor and max(zipfs) - min(zipfs) <= config.name_international_spread
    return max(zipfs) < 1.0 or max(zipfs) - min(zipfs) <= config.name_international_spread


def _groups(names: list[tuple[NameToken, Facts]]) -> list[list[tuple[NameToken, Facts]]]:
    """Adjacent name words of one text form one name ("Harsh Mehta")."""
    groups: list[list[tuple[NameToken, Facts]]] = []
    for name, view in names:
        if groups:
            last, last_view = groups[-1][-1]
            gap = view.text[last.end : name.start]
            if last_view is view and (not gap.strip() or last.initial and not gap.replace(".", "").strip()):
                groups[-1].append((name, view))
                continue
        groups.append([(name, view)])
    return groups


def _same_acronym(x: str, y: str) -> bool:
    """Two languages' acronyms of one body: the same letters in another order (NATO / OTAN, IOC / CIO), one
    letter apart (OPEC / OPEP, UN / ONU), or of one length (within a letter) and sharing half their letters, the
    initials of the words that translate alike (PSTN / RCTP: public, telephone; DGCA / AAIB share one of four)."""
    if sorted(x) == sorted(y) or edit_distance(x, y) <= 1:
        return True
    shared = sum(min(x.count(c), y.count(c)) for c in set(x))
    return min(len(x), len(y)) >= 3 and abs(len(x) - len(y)) <= 1 and 2 * shared >= max(len(x), len(y))


def _is_acronym(name: NameToken) -> bool:
    return name.text.isupper() and len(name.text) <= 2  # AI/IA, UK/RU: too short to tell a swap from a translation


Aliases = dict[str, frozenset[str]]


def name_aliases(all_facts: Sequence[Facts]) -> Aliases:
    """Phonetic key -> the keys written next to it in one full name anywhere in the batch: once "Mrinank
    Sharma" is seen, "Mrinank" and "Sharma" alone name the same person. Direct neighbours only, never
    chained, so one stray capitalised word ("Put Tom", "Put Mary") cannot merge two people."""
    together: dict[str, set[str]] = {}
    for facts in all_facts:
        certain = [(n, facts) for n in facts[NAMES] if n.certain and not n.headline]
        for group in _groups(certain):
            keys = {n.key for n, _ in group if len(n.key) >= 3}  # two letters: "School" and "Oslo" are s-l
            for key in keys:
                together.setdefault(key, set()).update(keys - {key})
    return {key: frozenset(others) for key, others in together.items() if others}


Known = dict[str, frozenset[str]]


def known_names(all_facts: Sequence[Facts]) -> Known:
    """Phonetic key -> spellings of the words written as names in the batch: capitalised in the middle of a
    Latin sentence and never seen in lower case. Devanagari has no capitals and a sentence's first word has
    one anyway; a word there that reads as one of these is taken for that name (document-level
    true-casing)."""
    lower: set[str] = set()
    named: dict[str, set[str]] = {}
    for facts in all_facts:
        for token in facts.tokens:
            if not token.is_devanagari and token.text[:1].islower():
                lower.add(token.norm)
        for name in facts[NAMES]:
            if name.certain and not name.headline and not _is_acronym(name) and len(name.key) >= 2:
                named.setdefault(name.key, set()).add(name.latin)
    return {key: frozenset(forms - lower) for key, forms in named.items() if forms - lower}


def same_person(x: str, y: str, aliases: Aliases) -> bool:
    return x == y or y in aliases.get(x, frozenset())


def batch_aliases(batch: Batch) -> Aliases:
    """``name_aliases`` of the whole batch, computed once."""
    return batch.derived("name_aliases", name_aliases)


def batch_known(batch: Batch) -> Known:
    """``known_names`` of the whole batch, computed once."""
    return batch.derived("known_names", known_names)


# ---- what a name word is ------------------------------------------------------------------------------

HINDI_OBLIQUE_PLURAL = ("ियों", "यों", "ओं", "ों")  # उपनिषदों: the Upanishads
# Plural endings: oblique ियों (शिक्षार्थियों), direct feminine ियाँ and ाएँ (कक्षाएँ); not ों alone, which a name ending
# in o may be read as, nor ियो (Ontario is ओंटारियो).
HINDI_PLURALS = ("ियों", "ियाँ", "ियां", "ाएँ", "ाएं")
TRAVELLING_MAX_ZIPF = 4.8  # a word opening a sentence this common in its language is that word ("Police" 5.3)


@lru_cache(maxsize=8192)
def _devanagari_spelling(word: str) -> str:
    """IAST with vowel length kept and every nasal sign read as n: लंदन = लन्दन, भंडारकर != भांडारकर. The candra
    o and e (ॉ, ॅ) are ways of writing o and e (एंथ्रॉपिक = एंथ्रोपिक)."""
    source = normalise(word).replace("ॉ", "ो").replace("ॅ", "े").replace("ऑ", "ओ").replace("ऍ", "ए")
    iast = sanscript.transliterate(source, sanscript.DEVANAGARI, sanscript.IAST)
    return regex.sub(r"[ṃṁṅñṇ~]", "n", iast)


HINDI_INFLECTIONS = ("ना", "नी", "ने", "ता", "ती", "ते", "ें", "ों", "ीं", "ा", "ी", "े")


def _hindi_plural(name: NameToken) -> bool:
    """A Devanagari word with a Hindi plural ending: शिक्षार्थियों (learners), कक्षाएँ (classes) are common nouns,
    never names."""
    written = normalise(name.text).replace("ँं", "ँ").replace("ंँ", "ँ")  # कक्षाएँं: one nasal sign written twice
    return name.devanagari and written.endswith(HINDI_PLURALS)


def _hindi_stem(word: str) -> str:
    """A Hindi word without up to two inflectional endings: बढ़ाना and बढ़नी are both बढ़."""
    stem = normalise(word)
    for _ in range(2):
        ending = next((e for e in HINDI_INFLECTIONS if stem.endswith(e) and len(stem) > len(e) + 1), None)
        if ending is None:
            break
        stem = stem[: -len(ending)]
    return stem


def spelling(name: NameToken) -> str:
    """How a name is spelt, for comparing two spellings in one script."""
    return _devanagari_spelling(name.text) if name.devanagari else name.latin


def name_keys(name: NameToken) -> frozenset[str]:
    """The phonetic key, and for a Devanagari word also the key without a Hindi oblique plural ending."""
    keys = {name.key}
    if name.elided:
        keys.add(phonetic_key(name.elided + name.latin))  # d'Opale / डोपाल
    if not name.devanagari and name.latin.endswith("s") and (len(name.latin) > 4 or ACRONYM_PLURAL.match(name.text)):
        keys.add(phonetic_key(name.latin[:-1]))  # Thais / थाई, REMs / आरईएम; one script's spellings are compared as spelt
    if name.devanagari:
        for ending in HINDI_OBLIQUE_PLURAL:
            if name.text.endswith(ending) and len(name.text) > len(ending) + 1:
                keys.add(phonetic_key(romanise(name.text[: -len(ending)])))
                break
    return frozenset(k for k in keys if k)


@lru_cache(maxsize=4)
def _loanword_keys(min_zipf: float, min_lead: float) -> dict[str, tuple[str, ...]]:
    """Phonetic key -> the ordinary English words at least ``min_zipf`` common that have it (dictionary words:
    a loanword is a common noun, verb or adjective, never a name such as Russia); compiled once per installed word
    lists and kept in the cache directory (``align.tables``): it reads 40,000 words' frequencies."""
    key = table_key(
        packages=("wordfreq", "english-words"),
        modules=(sys.modules[__name__], lexicon, tokens_module, locale_words),
        parameters=(min_zipf, min_lead),
    )
    return compiled_table("loanword_keys", key, lambda: _compile_loanword_keys(min_zipf, min_lead))


def _compile_loanword_keys(min_zipf: float, min_lead: float) -> dict[str, tuple[str, ...]]:
    from wordfreq import top_n_list

    table: dict[str, list[str]] = {}
    for word in top_n_list("en", 40000):
        if zipf(word, "en") < min_zipf:
            break
        if word.isascii() and word.isalpha() and len(word) >= 3 and dictionary_word(word) and ordinary_word(
                word, min_zipf, min_lead):
            table.setdefault(phonetic_key(word), []).append(word)
    return {key: tuple(words) for key, words in table.items() if len(key) >= 2}


def _loanword(name: NameToken, config: LabelConfig) -> bool:
    """A Devanagari word that is the transliteration of a common English word: its consonants and the places of
    its vowels are the word's as spoken (डायरेक्टर d-a-r-a-k-t-a-r is "director", मेड is "made", पोएट्री is
    "poetry"). The consonants alone are not enough: कोस्टेलो (k-a-s-t-a-l-a) is Costello, not "castle" (k-a-s-t-l),
    मेंडेस is Mendes, not "minds"."""
    table = _loanword_keys(config.name_loanword_zipf, config.name_ordinary_lead)
    if name.latin.endswith("s") and len(name.key) >= 3:
        # क्लाइंट्स: "clients", the plural of a dictionary word, letter for letter (रॉबर्ट्स is no "rebirth")
        singular = _single(phonetic_spelling(name.latin[:-1]))
        if any(singular == _single(_spoken(word)) for word in table.get(phonetic_key(name.latin[:-1]), ())):
            return True
    words = table.get(name.key, ())
    heard = _single(phonetic_spelling(name.latin))
    if any(heard == _single(_spoken(word)) for word in words):
        return True  # letter for letter (प्रोब is "probe", असिस्ट "assist")
    if not any(_vowel_class(heard) == _vowel_class(_spoken(word)) for word in words):
        return False
    # Three consonants or fewer match some English word by chance once vowels are only places (रॉसी: Rossi and
    # "rosy", बेनेट: Bennett and "bonnet"): such a word is the loanword only when Hindi uses it (मेड, नेट, ओपन; a
    # transliterated name is rare).
    return len(name.key) >= 4 or hindi_word_as_written(name.text, config.name_rare_zipf)


def _spoken(word: str) -> str:
    """An English word as a transliteration would write it: the spelling rules, and no silent final e
    (medicine -> medisin, made -> mad)."""
    spelt = phonetic_spelling(word)
    return spelt[:-1] if len(spelt) > 3 and spelt.endswith("e") and spelt[-2] not in VOWELS else spelt


def _single(latin: str) -> str:
    """Doubled letters written once: assist -> asist."""
    return "".join(c for k, c in enumerate(latin) if k == 0 or c != latin[k - 1])


VOWEL_RUN = regex.compile(r"[aeiouy]+")


@lru_cache(maxsize=65536)
def _vowel_class(latin: str) -> str:
    """A spelling with doubled letters written once and every run of vowels written as one "a": poetry and
    पोएट्री (poetri) are both p-a-t-r-a, mapping and मैपिंग (maiping) m-a-p-a-n-g."""
    return VOWEL_RUN.sub("a", _single(latin))


@lru_cache(maxsize=65536)
def phonetic_spelling(word: str) -> str:
    """A Latin word with the spelling rules applied but its vowels kept, to set against a transliteration."""
    for old, new in SPELLING_RULES:
        word = word.replace(old, new)
    return word


def ordinary(name: NameToken, config: LabelConfig) -> bool:
    """An ordinary word written with a capital (Director, Directors, Leader, a masthead's words) or in Devanagari
    letters (डायरेक्टर, कंप्यूटर: loanwords): not a name."""
    if name.devanagari:
        # Two consonants match too many words by chance (टॉम: Tom and "tom", "time"): such a word is a name or a
        # Hindi word, never taken for an English one.
        return len(name.key) >= 3 and _loanword(name, config)
    written = normalise(name.text)
    forms = {written, written[:-1] if written.endswith("s") else written}
    return any(ordinary_word(f, config.name_ordinary_zipf, config.name_ordinary_lead) for f in forms)


ACRONYM_PLURAL = regex.compile(r"^[A-Z]{2,}s$")  # REMs, PCs: the plural of an acronym
ROMAN_NUMERAL = regex.compile(r"^(?=[MDCLXVI])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})(e|er|ème|eme|th|st|nd|rd)?$")


def roman_numeral(text: str) -> bool:
    """A Roman numeral, which is a number, not a name: with an ordinal ending ("XVIe siècle", "XIXth"), or of I, V
    and X only ("Louis XIV", "World War II"); "DC", "CD" and "MI" are read as acronyms."""
    match = ROMAN_NUMERAL.match(text)
    return bool(match) and len(text) >= 2 and (bool(match.group(4)) or set(text) <= set("IVX"))


def _latin_candidate(name: NameToken, view: Facts, config: LabelConfig) -> bool:
    if not name.certain or name.headline or _is_acronym(name) or _unit_after_number(name, view):
        return False
    if roman_numeral(name.text):
        return False  # "XVIe" / "16वीं": a century, a number
    if _currency(name, view):
        return False  # "Rs 1,240 crore", "USD", "12,4 Md": what a figure is counted in
    if normalise(name.text).rstrip(".") in config.entity_markers:
        return False  # "Inc", "Corporation": what a name is, not a name (nor the town a gazetteer calls Inc)
    if _in_place(name, view):
        return True  # "Australie", "Russie": French words to wordfreq, places to the gazetteer
    if ordinary(name, config):
        return False
    return "-" not in name.text or name.text.split("-")[-1][:1].isupper()  # "Catalan-capital": an adjective


def _currency(name: NameToken, view: Facts) -> bool:
    """A currency code or abbreviation ("Rs", "INR", "USD"), or an amount's abbreviation ("Md", "bn") beside a
    figure: a unit, never a name."""
    word = normalise(name.text).rstrip(".")
    if word in locale_words.CURRENCY_CODES:
        return True
    if word not in locale_words.AMOUNT_ABBREVIATIONS:
        return False
    before = [t for t in view.tokens if t.end <= name.start][-1:]
    after = next((t for t in view.tokens if t.start >= name.end), None)
    return bool(before and before[0].is_number or after is not None and after.is_number)


def _unit_after_number(name: NameToken, view: Facts) -> bool:
    """An acronym right after a number is what the number counts in, not a name: "356 BCE", "8 GB", "10 AM"."""
    if not name.text.isupper():
        return False
    before = [t for t in view.tokens if t.end <= name.start][-1:]
    return bool(before) and before[0].is_number and not view.text[before[0].end : name.start].strip()


def _devanagari_candidate(name: NameToken, view: Facts, config: LabelConfig) -> bool:
    """A Devanagari word that may name someone or somewhere: a place of the gazetteer, or a word rare in Hindi
    (also without its ending) that does not read as an ordinary English word; written as a name elsewhere in
    the batch, a word less common than ``name_common_zipf``."""
    if any(q.start <= name.start < q.end for q in view[NUMBERS]):
        return False

    if name.certain and config.name_common_words and len(view.tokens) <= config.name_swap_max_tokens:
        # In a short sentence a common word the batch writes as a name may be that name (मेरी is "my" and
        # Mary): ``name_common_words``.
        return len(name.key) >= 2 and not ordinary(name, config)
    if name.function_word or organisation_word(name.text, config):
        return False  # an organisation word (महानिदेशालय, प्राधिकरण) is what a name is, as "Bureau" is
    if _titled(name, view):
        return len(name.key) >= 2 and not ordinary(name, config)
    if _hindi_verb(name, view):
        return False  # before the gazetteer: मान in "मान लीं" (accepted) is no town
    if _in_place(name, view) and (_in_country(name, view) or not hindi_word_as_written(
            name.text, config.name_batch_zipf)):
        # आइसलैंड reads as "island", and is Iceland; a town's name that is a common Hindi word is that word
        # (सागर "sea", and Sagar)
        return True
    if len(name.key) < (2 if name.certain else 3) or ordinary(name, config) or _hindi_plural(name) and not name.certain:
        return False
    # The candra o (ॉ) writes English sounds: a word with it is a loanword or a name, never a Hindi word, and a
    # name as common as जॉनसन (Johnson) is still a name.
    rare = config.name_batch_zipf if name.certain else config.name_foreign_zipf if "ॉ" in name.text \
        else config.name_rare_zipf
    return not hindi_word_as_written(name.text, rare)


TITLED_NAME_WORDS = 2  # how many words after a title or an initial are the name it introduces ("डॉक्टर फराह कुरैशी")


def _titled(name: NameToken, view: Facts) -> bool:
    """Whether a Devanagari word is written as a person's name: within ``TITLED_NAME_WORDS`` words after a
    Hindi title ("डॉक्टर फराह कुरैशी") or an initial ("के.एस. भारद्वाज"), with only such words between, however
    common it is as a word (भारद्वाज, कुरैशी are common surnames). The Latin side reads these from capitals."""
    tokens = view.tokens
    k = next((i for i, t in enumerate(tokens) if t.start <= name.start < t.end), None)
    if k is None or view.language != "hi":
        return False
    for j in range(k - 1, max(-1, k - 1 - TITLED_NAME_WORDS), -1):
        token, gap = tokens[j], view.text[tokens[j].end : tokens[j + 1].start]
        initial = gap.startswith(".") and not gap[1:].strip() and token.norm in locale_words.DEVANAGARI_LETTERS
        if gap.strip() and not initial:
            return False
        if initial or token.is_devanagari and normalise(token.text) in locale_words.TITLES:
            return True
        if not token.is_devanagari or token.norm in locale_words.STOPWORDS or token.is_number:
            return False
    return False


# Verbs that follow only the stem of another verb in Hindi ("चुरा ली" stole, "मान लीं" accepted, "सूख चुकी" has
# dried up, "कर सकता" can do): the word before one is a verb, whatever its frequency says.
HINDI_VECTOR_VERBS = frozenset(
    """ले ली लिया लिए लीं लेगा लेगी लेंगे दे दी दिया दिए दीं देगा देगी देंगे चुका चुकी चुके चुकीं सकता सकती सकते
    सका सकी सके सकें पाया पाई पाए पाता पाती पाते डाला डाली डाले बैठा बैठी बैठे""".split()
)


HINDI_AUXILIARIES = frozenset("है हैं था थी थे थीं हो".split())


def organisation_word(word: str, config: LabelConfig) -> bool:
    """A Devanagari organisation word, or a compound ending in one (महानिदेशालय "directorate general" ends in
    निदेशालय): the head of an organisation's name translated into Hindi words ("नागरिक उड्डयन महानिदेशालय" is
    the DGCA), which says what the body is, not which one."""
    written = normalise(word)
    return any(written == m or len(m) >= 3 and written.endswith(m) for m in _devanagari_markers(config.entity_markers))


@lru_cache(maxsize=8)
def _devanagari_markers(markers: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(normalise(m) for m in markers if DEVANAGARI.search(m))


def _hindi_verb(name: NameToken, view: Facts) -> bool:
    """Whether a Devanagari word is a verb by its place in a Hindi sentence: before a vector verb, or last in its
    sentence (Hindi puts the verb last: "टैंक भिजवाए।" sent tanks)."""
    if view.language != "hi":
        return False
    following = next((t for t in view.tokens if t.start >= name.end), None)
    if following is not None and following.norm in HINDI_VECTOR_VERBS and not view.text[
            name.end : following.start].strip():
        return True
    rest = view.text[name.end : following.start if following is not None else len(view.text)]
    return name.end == _token_end(view, name) and bool(regex.match(r"\s*[।.!?]", rest))


def _token_end(view: Facts, name: NameToken) -> int:
    """The end of the token holding ``name`` (a name part of a hyphenated word ends inside it)."""
    return next((t.end for t in view.tokens if t.start <= name.start < t.end), name.end)


def candidate(name: NameToken, view: Facts, config: LabelConfig) -> bool:
    """Whether ``name`` may be a name at all (for a swap): see the two helpers."""
    if name.initial:
        return False
    if name.devanagari:
        return _devanagari_candidate(name, view, config)
    return _latin_candidate(name, view, config)


def _ending_variant(x: str, y: str) -> bool:
    """One name in two languages' forms that differ only in the ending: Copernicus / Copernic, Enceladus /
    Encelade, Sevilla / Séville."""
    common = next((k for k, (cx, cy) in enumerate(zip(x, y, strict=False)) if cx != cy), min(len(x), len(y)))
    return common >= 4 and max(len(x), len(y)) - common <= 4 and common * 2 >= max(len(x), len(y))


def _in_place(name: NameToken, view: Facts) -> bool:
    """Whether the gazetteer reads ``name`` as (part of) a country or city (not a language: "Spanish")."""
    return any(i.startswith(("place:", "city:")) for i in _place_ids(name, view))


def _in_country(name: NameToken, view: Facts) -> bool:
    """Whether the gazetteer reads ``name`` as (part of) a country or region's name."""
    return any(i.startswith("place:") for i in _place_ids(name, view))


def _place_ids(name: NameToken, view: Facts) -> frozenset[str]:
    return frozenset(i for p in view[PLACES] if p.start <= name.start < p.end for i in p.ids)


Entry = tuple[NameToken, Facts]


def _spelt_differently(x: Entry, y: Entry, config: LabelConfig) -> bool:
    """Two spellings of one name in one script that differ: in one language, any difference between close keys;
    across two languages only a slip (``name_max_edits`` letters) that is not the other language's form."""
    (na, view_a), (nb, view_b) = x, y
    if na.devanagari != nb.devanagari or spelling(na) == spelling(nb):
        return False
    if na.devanagari:
        # Two Hindi spellings: of a name, not of a common word (a surname may be rare or not: भंडारकर), nor two
        # inflections of one word (बढ़ाना / बढ़नी).
        if any(n.function_word or ordinary(n, config) or hindi_word_as_written(n.text, config.name_batch_zipf)
               for n in (na, nb)) or _hindi_stem(na.text) == _hindi_stem(nb.text):
            return False
    elif not (na.certain or nb.certain) or ordinary(na, config) or ordinary(nb, config):
        return False  # an ordinary word (Director / Directors)
    same_language = view_a.language == view_b.language
    shortest = min(len(na.key), len(nb.key))
    if shortest < (3 if same_language else config.name_min_key_length) or na.key[:1] != nb.key[:1]:
        return False
    if edit_distance(na.key, nb.key) > config.name_max_edits:
        return False
    if _place_ids(na, view_a) & _place_ids(nb, view_b):
        return False  # Brazil / Brésil, Bangalore / Bengaluru
    if same_language:
        return edit_distance(spelling(na), spelling(nb)) <= config.name_max_edits + 1  # Ranjeet / Ranjit
    return edit_distance(spelling(na), spelling(nb)) <= config.name_max_edits and not _ending_variant(na.latin, nb.latin)


def _loosely_same(x: Entry, y: Entry, config: LabelConfig) -> bool:
    """One name transliterated or in another language's form: keys within a third of their length, same first
    consonant (across scripts, or across two languages); or one place in the gazetteer."""
    (na, view_a), (nb, view_b) = x, y
    if _place_ids(na, view_a) & _place_ids(nb, view_b):
        return True
    letters_a, letters_b = _acronym_letters([x]), _acronym_letters([y])
    if letters_a and letters_b and view_a.language != view_b.language and (na.certain or nb.certain):
        # RMN / एनएमआर (NMR), IRM / एमआरआई (MRI): two languages' acronyms, in one script or two
        return _same_acronym(letters_a.upper(), letters_b.upper())
    if na.devanagari == nb.devanagari:
        # One script, two languages: a person keeps the spelling; an exonym changes the ending (Sophocles /
        # Sophocle, London / Londres) or lengthens a short form (Tom / Thomas); an acronym its order.
        if view_a.language == view_b.language or not (na.certain and nb.certain):
            return False
        if na.text.isupper() and nb.text.isupper():
            return _same_acronym(na.text, nb.text)
        return _latin_forms(na, nb)
    if not (candidate(na, view_a, config) or candidate(nb, view_b, config)) or not (na.certain or nb.certain):
        return False
    if min(len(na.key), len(nb.key)) < 3:
        return False
    devanagari = na if na.devanagari else nb
    if hindi_word_as_written(devanagari.text, config.name_batch_zipf):
        return False  # करने "to do" is not Karimi, बंद "closed" not Bennett
    if na.key[:1] != nb.key[:1]:
        return min(len(na.key), len(nb.key)) >= 5 and edit_distance(na.key, nb.key) <= 1
    return min(edit_distance(ka, kb) for ka in name_keys(na) for kb in name_keys(nb)) <= max(1, min(
        len(na.key), len(nb.key)) // 3)


def _latin_forms(na: NameToken, nb: NameToken) -> bool:
    """Two Latin spellings of one name in two languages: nearly the same letters, the same but the ending, or
    the short form of the long one (Tom / Thomas)."""
    x, y = sorted((phonetic_spelling(na.latin), phonetic_spelling(nb.latin)), key=len)
    if edit_distance(na.latin, nb.latin) <= max(1, len(x) // 4) or _ending_variant(na.latin, nb.latin):
        return True
    return len(x) >= 3 and y.startswith(x)


# ---- comparison ---------------------------------------------------------------------------------------


def compare(a: Side, b: Side, config: LabelConfig, batch: Batch) -> list[Finding]:
    """Spelling, initials and swaps of names between two sentences (module docstring)."""
    aliases, known = batch_aliases(batch), batch_known(batch)
    all_a, all_b = _all_names(a, config, known), _all_names(b, config, known)
    names_a = [e for e in all_a if not e[0].initial]
    names_b = [e for e in all_b if not e[0].initial]
    findings: list[Finding] = []
    explained_a: set[int] = set()
    explained_b: set[int] = set()
    anchors: list[tuple[Entry, Entry]] = []
    shown: set[str] = set()

    originals_a: set[int] = set()  # explained by the other side's original text (not only its translation)
    originals_b: set[int] = set()

    def explain(i: int, j: int) -> None:
        explained_a.add(i)
        explained_b.add(j)
        if names_a[i][1] is a.original and names_b[j][1] is b.original:
            originals_a.add(i)
            originals_b.add(j)
        anchors.append((names_a[i], names_b[j]))

    # One name: the same key, or the same spelling.
    for i, (na, view_a) in enumerate(names_a):
        for j, (nb, view_b) in enumerate(names_b):
            if not ((na.certain or nb.certain) and (name_keys(na) & name_keys(nb)) and _same_initial(na, nb)):
                if not (na.devanagari and nb.devanagari and spelling(na) == spelling(nb) and len(na.key) >= 3):
                    continue
            elif na.devanagari == nb.devanagari and view_a.language != view_b.language and not (
                    _latin_forms(na, nb) or _place_ids(na, view_a) & _place_ids(nb, view_b)):
                continue  # Walsh / Wales: one key, two names
            originals = view_a is a.original and view_b is b.original
            if originals and _spelt_differently(names_a[i], names_b[j], config):
                continue  # reported below
            explain(i, j)
            if (na.certain and nb.certain or originals) and na.key not in shown:
                shown.add(na.key)  # one item per name, not one per view
                note = f"same name: {na.latin} = {nb.latin}"
                findings.append(agreeing("name", na.text, nb.text, note, weight="name_spelling"))
    # A Devanagari name that the batch writes in Latin script one way, the other side another way (मृणांक is
    # "Mrinank" elsewhere; "Mriyank" here): two Latin spellings after all.
    for i, x in enumerate(names_a):
        for j, y in enumerate(names_b):
            if i in explained_a or j in explained_b or x[1] is not a.original or y[1] is not b.original:
                continue
            form = _batch_spelling(x[0], y[0], known, config)
            if form is not None:
                explain(i, j)
                latin, written = (x[0], y[0]) if y[0].devanagari else (y[0], x[0])
                note = f"name spelt differently: {latin.latin} vs {form} ({written.text} as the batch writes it)"
                findings.append(contradicting("name", x[0].text, y[0].text, note, weight="name_spelling"))
    # One place or language under two names (gazetteer), one name transliterated or in another language's form.
    for i, x in enumerate(names_a):
        for j, y in enumerate(names_b):
            if (i not in explained_a or j not in explained_b) and _loosely_same(x, y, config) and not (
                    x[1] is a.original and y[1] is b.original and _spelt_differently(x, y, config)):
                explain(i, j)
    # Different spellings of one name in one script: only between original texts (a translation may misspell).
    for i, x in enumerate(names_a):
        if i in originals_a or x[1] is not a.original:
            continue
        for j, y in enumerate(names_b):
            if j not in originals_b and y[1] is b.original and _spelt_differently(x, y, config):
                explain(i, j)
                note = f"name spelt differently: {spelling(x[0])} vs {spelling(y[0])}"
                findings.append(contradicting("name", x[0].text, y[0].text, note, weight="name_spelling"))
                break
    # A word the other side writes in lower case is a word, not a name: फ़ोटोजेनिक is "photogenic" transliterated,
    # "Balkan" the stem of "balkanique".
    explained_a |= _written_as_words(names_a, b)
    explained_b |= _written_as_words(names_b, a)
    findings += _initials_differ(all_a, all_b, anchors, a, b)
    findings += _swaps(a, b, names_a, names_b, explained_a, explained_b, anchors, aliases, config,
                       batch_kinds(batch, config))
    return findings


def _lower_case_words(side: Side) -> list[str]:
    """The folded Latin forms of the lower-case content words of a side's texts."""
    return [romanise(t.text) for view in (side.original, side.english) if view is not None for t in view.tokens
            if not t.is_devanagari and t.text[:1].islower() and t.norm not in locale_words.STOPWORDS
            and len(t.norm) >= 4]


def _written_as_words(names: list[Entry], other: Side) -> set[int]:
    """Indices of ``names`` that the other side writes as an ordinary word: a Devanagari word with the key of a
    lower-case word there (मैपिंग / "mapping", फ़ोटोजेनिक / "photogénique": a loanword), or a Latin name that a
    lower-case word there derives from (Balkan / "balkanique")."""
    words = _lower_case_keys(tuple(_lower_case_words(other)))
    found = set()
    for i, (name, _) in enumerate(names):
        if name.devanagari and len(name.key) >= 3 and (name.key in words[0] or any(
                key.startswith(name.key) and w[:1] == name.latin[:1] for key, w in zip(words[2], words[1],
                                                                                       strict=True))):
            found.add(i)  # the word or a word made from it (पैरोडी / "parodierait")
        elif not name.devanagari and len(name.latin) >= 4 and any(
                w.startswith(name.latin) and len(w) > len(name.latin) for w in words[1]):
            found.add(i)
    return found


@lru_cache(maxsize=4096)
def _lower_case_keys(words: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    keys = tuple(phonetic_key(w) for w in words)
    return frozenset(keys), words, keys


def _batch_spelling(x: NameToken, y: NameToken, known: Known, config: LabelConfig) -> str | None:
    """The Latin spelling the batch gives a Devanagari name (its exact reading), when the other side's Latin
    spelling is one slip away from it."""
    if x.devanagari == y.devanagari:
        return None
    latin, devanagari = (x, y) if y.devanagari else (y, x)
    if not latin.certain or len(latin.key) < config.name_min_key_length or ordinary(latin, config):
        return None
    for form in sorted(known.get(devanagari.key, frozenset())):
        if form in (latin.latin, latin.latin[:-1]) or edit_distance(form, devanagari.latin) > config.name_max_edits:
            continue  # the same spelling, or its plural
        if edit_distance(phonetic_key(form), latin.key) <= config.name_max_edits and edit_distance(
                form, latin.latin) <= config.name_max_edits and form[:1] == latin.latin[:1]:
            return form
    return None


def _initials_before(name: NameToken, view: Facts, entries: list[Entry]) -> tuple[str, int]:
    """The initials written before a name, through its given names ("U.B. Pravin Rao" -> "UB" for Rao and for
    Pravin), and where they start. A French "M." opening them is Monsieur."""
    words = sorted((n for n, v in entries if v is view), key=lambda n: n.start)
    letters: list[str] = []
    start = name.start
    current = name
    for previous in reversed([n for n in words if n.end <= name.start]):
        if regex.sub(r"[\s.]", "", view.text[previous.end : current.start]):
            break
        if previous.initial:
            letters.insert(0, previous.initial)
            start = previous.start
        elif letters:
            break  # a word before the initials is not part of them
        current = previous
    if view.language == "fr" and len(letters) > 1 and letters[0] == "M":
        letters = letters[1:]
    return "".join(letters), start


def _initials_differ(all_a: list[Entry], all_b: list[Entry], anchors: list[tuple[Entry, Entry]], a: Side,
                     b: Side) -> list[Finding]:
    """Initials that differ in front of one name (matched on both sides): "U.B. Prasad Rao" vs "U.P. Prasad
    Rao". A side that writes no initials agrees with either."""
    for (na, view_a), (nb, view_b) in anchors:
        if view_a is not a.original or view_b is not b.original:
            continue
        (ia, start_a), (ib, start_b) = _initials_before(na, view_a, all_a), _initials_before(nb, view_b, all_b)
        if ia and ib and ia != ib:
            note = f"initials differ: {'.'.join(ia)}. vs {'.'.join(ib)}. {na.latin}"
            return [contradicting("name", view_a.text[start_a : na.end], view_b.text[start_b : nb.end], note,
                                  weight="name_spelling")]
    return []


def _swaps(a: Side, b: Side, names_a: list[Entry], names_b: list[Entry], explained_a: set[int],
           explained_b: set[int], anchors: list[tuple[Entry, Entry]], aliases: Aliases,
           config: LabelConfig, kinds: Kinds) -> list[Finding]:
    """A different name in the same slot: name groups no name of the other side accounts for, of compatible
    types, between the same matched names or numbers (or the only such group on each side)."""
    left_a = _rivals(names_a, explained_a, config)
    left_b = _rivals(names_b, explained_b, config)
    # A title standing for a person ("the CEO said", "कंपनी के एमडी ने") in a text that names nobody who may be a
    # person is that person: a person on the other side is accounted for, not swapped. Beside another name the
    # title may be someone else's ("a search for a CEO, chaired by Meera Chawla"), and the names are compared.
    title_a = _bare_title(a) and all(_kind(g, config) in ("country", "city", "organisation") for g in left_a)
    title_b = _bare_title(b) and all(_kind(g, config) in ("country", "city", "organisation") for g in left_b)
    # One name on one side, no name the rules can see on the Hindi other side: a Hindi name as common as ग्रीस
    # (3.5) or यूक्रेन (3.6) is no candidate by itself, but the one word there that is no common Hindi word, no
    # loanword and no verb stands where the name stands.
    # Such a word is no name by itself: it is the rival only in the name's slot between anchors both sides share
    # (a matched name, an equal number), never as the only group on its side.
    # Only without a translation: a translation names its names, and is compared as such.
    lone: list[list[Entry]] = []
    if not left_b and b.english is None and _one_latin_name(left_a, a, config, kinds):
        left_b = lone = _lone_rival(names_b, explained_b, config)
    if not left_a and a.english is None and _one_latin_name(left_b, b, config, kinds):
        left_a = lone = _lone_rival(names_a, explained_a, config)
    # Another part of a full name the other side uses (Mrinank / Sharma) is the same person.
    keys_a, keys_b = _person_keys(names_a, config), _person_keys(names_b, config)
    left_a = [g for g in left_a if not any(same_person(n.key, k, aliases) for n, _ in g for k in keys_b)]
    left_b = [g for g in left_b if not any(same_person(n.key, k, aliases) for n, _ in g for k in keys_a)]
    # The words of an acronym's expansion ("Super League indienne" where the other side writes आईएसएल) are that
    # body, however the acronym is compared.
    acronyms_a = {_acronym_letters([e]) for e in names_a} - {""}
    acronyms_b = {_acronym_letters([e]) for e in names_b} - {""}
    # So are they beside the acronym in their own text ("the Directorate General of Civil Aviation (DGCA)").
    left_a = [g for g in left_a if not any(_expands(letters, g) for letters in acronyms_b | acronyms_a
                                           if letters != _acronym_letters(g))]
    left_b = [g for g in left_b if not any(_expands(letters, g) for letters in acronyms_a | acronyms_b
                                           if letters != _acronym_letters(g))]
    left_a = [g for g in left_a if not (title_b and _person(g, config, kinds))]
    left_b = [g for g in left_b if not (title_a and _person(g, config, kinds))]
    left_a = [g for g in left_a if any(not n.devanagari for n, _ in g)] + [g for g in left_a if all(
        n.devanagari for n, _ in g)]
    if not left_a or not left_b:
        return []
    points = _anchor_points(a, b, anchors)
    pairs = []
    used: set[int] = set()
    for group_a in left_a:
        if not any(not n.devanagari or n.certain for n, _ in group_a) and not any(
                not n.devanagari or n.certain for g in left_b for n, _ in g):
            continue  # two Devanagari candidates never make a swap on their own
        slot_a = _slot(group_a, points, 0)
        best = None
        for k, group_b in enumerate(left_b):
            if k in used or not _compatible(group_a, group_b, config, kinds) or _maybe_same(group_a, group_b):
                continue
            if (_place_relation(group_a) is None) != (_place_relation(group_b) is None):
                # "près de Bombay" / "पालघर": a place one side says the event was near is the landmark it is
                # placed by, not the place the other side says it was in.
                continue
            shared = len(slot_a & _slot(group_b, points, 1)) + bool(points and _same_place_relation(group_a, group_b))
            one_each = _in_view([g for g in left_a if _compatible(g, group_b, config, kinds)], group_a) == 1 and _in_view(
                [g for g in left_b if _compatible(group_a, g, config, kinds)], group_b) == 1
            if lone and not shared:
                continue
            if (shared or one_each) and (best is None or shared > best[0]):
                best = (shared, k)
        if best is not None:
            used.add(best[1])
            pairs.append((group_a, left_b[best[1]]))
    if not pairs:
        return []
    group_a, group_b = pairs[0]
    short = max(_longest_view(a), _longest_view(b)) <= config.name_swap_max_tokens
    # The only rival on each side: of a type the other could be ("Virgin Group" is no rival of a person).
    only = _in_view([g for g in left_a if _compatible(g, group_b, config, kinds)], group_a) == 1 and _in_view(
        [g for g in left_b if _compatible(group_a, g, config, kinds)], group_b) == 1
    if not short and not points and not only:
        return []
    # Only where the rest agrees: the sides share a name or a figure ("near Bharuch" where rescue teams camped
    # and "near Ankleshwar" where the bridge fell share nothing, and are two facts).
    relation = _same_place_relation(group_a, group_b) if points else None
    if not relation and not _parallel(group_a[0][1], group_b[0][1], config):
        return []  # two sentences that say different things name different people: two facts, no swap
    owner_a, owner_b = _possessor(group_a), _possessor(group_b)
    if owner_a is not None and owner_b is not None and owner_a != owner_b:
        return []
    organisation = any(_organisation(g, config) for g in (group_a, group_b))
    kind = "entity" if organisation else "name"
    note = f"different {'organisation' if organisation else 'name'}: {_show(group_a)} vs {_show(group_b)}"
    if group_a[0][1] is not a.original or group_b[0][1] is not b.original:
        note += " (read in the English translation)"
    if relation:
        note += f"{SAME_RELATION}{relation})"
    return [contradicting(kind, _show(group_a), _show(group_b), note, weight="name_swap")]


# Words that place an event relative to a locality, by language: the same relation on both sides, with two
# different localities, is one slot filled twice ("near Jhadeshwar" / "near Ankleshwar" / "झाडेश्वर के पास").
PLACE_RELATIONS = {"near": (("near",), ("près",), ("के", "पास"))}
SAME_RELATION = " (both in the same place relation: "
RELATION_FILLERS = frozenset({"the", "of", "de", "du", "d'", "la", "le"})


def _place_relation(group: list[Entry]) -> str | None:
    """The place relation a group stands in (``PLACE_RELATIONS``): its words right before the group in English
    and French, right after it in Hindi."""
    first, view = group[0]
    last = group[-1][0]
    before = [t.norm for t in view.tokens if t.end <= first.start]
    after = [t.norm for t in view.tokens if t.start >= last.end]
    # "near the village of X", "près du village de X", "X गांव के पास": the locality's kind word stands between.
    while before and (before[-1] in RELATION_FILLERS or locale_words.PLACE_KIND_WORDS.get(before[-1]) == "city"):
        before.pop()
    if after and locale_words.PLACE_KIND_WORDS.get(after[0]) == "city":
        after = after[1:]
    before, after = tuple(before), tuple(after)
    for relation, forms in PLACE_RELATIONS.items():
        for form in forms:
            hindi = bool(DEVANAGARI.search(form[0]))
            if (after[: len(form)] if hindi else before[-len(form):]) == form and before[-len(form) - 1:][:1] != (
                    "peu",):  # "à peu près", about
                return relation
    return None


def _same_place_relation(x: list[Entry], y: list[Entry]) -> str | None:
    """The relation two groups both stand in, when both are localities (a town's kind, read from the text or
    the relation itself): two places in one slot of the event, a swap however differently the rest is said."""
    relation = _place_relation(x)
    if relation is None or relation != _place_relation(y):
        return None
    return relation if all(_place_kind_word(g) in (None, "city") for g in (x, y)) else None


# Titles that stand for the person who holds them ("the CEO said"); "Mr" or "श्री" stands before a name, "जी" after.
ROLE_TITLES = frozenset({"president", "ceo", "cfo", "coo", "cto", "md", "cmd"})


def title_word(token: Token) -> str:
    """The title a token writes, in Latin (``locale_words.TITLES``): "CEO", "Dr." or एमडी (MD spelt in letter
    names), else ""."""
    for word in (token.norm.rstrip("."), letter_acronym(token.text).lower()):
        if word in locale_words.TITLES:
            return word
    return ""


def _bare_title(side: Side) -> bool:
    """Whether a side's own text names a role title with no name after it ("the company's CEO said")."""
    view = side.original
    starts = {n.start for n in view[NAMES]}
    tokens = view.tokens
    return any(title_word(t) in ROLE_TITLES and (k + 1 == len(tokens) or tokens[k + 1].start not in starts
                                                  or tokens[k + 1].norm in locale_words.STOPWORDS)
               for k, t in enumerate(tokens))


def _person(group: Group, config: LabelConfig, kinds: Kinds) -> bool:
    """Whether the text or the batch says a group names a person (a full name of two candidate words is one)."""
    kind = _kind(group, config) or next((kinds[n.latin] for n, _ in group if n.latin in kinds), None)
    return kind == "person" or kind is None and len(group) >= 2 and all(
        candidate(n, v, config) for n, v in group)


def _one_latin_name(groups: list[list[Entry]], side: Side, config: LabelConfig, kinds: Kinds) -> bool:
    """One group of Latin name words in the side's own text, of a kind its text or the batch says (a place, a
    person, an organisation)."""
    if len(groups) != 1 or not all(n.certain and not n.devanagari and v is side.original for n, v in groups[0]):
        return False
    return _kind(groups[0], config) is not None or any(n.latin in kinds for n, _ in groups[0])


def _lone_rival(names: list[Entry], explained: set[int], config: LabelConfig) -> list[list[Entry]]:
    """The Devanagari words of a side that may be a name the rules could not tell (``_uncommon``), as one group
    when they stand together, else none."""
    found = [(i, e) for i, e in enumerate(names) if i not in explained and _uncommon(e, config)]
    if not found or any(j != i + 1 for (i, _), (j, _) in zip(found, found[1:], strict=False)):
        return []
    view = found[0][1][1]
    if any(view.text[x.end : y.start].strip() for (_, (x, _)), (_, (y, _)) in zip(found, found[1:], strict=False)):
        return []
    if _modifier(found[-1][1][0], view, config):
        return []
    return [[e for _, e in found]]


# Words that stand after a place's name as a postposition does ("ओंटारियो स्थित", located in Ontario).
HINDI_PLACE_RELATIONS = frozenset("स्थित आधारित निवासी".split())
MODIFIED_NOUN_ZIPF = 4.0  # a Hindi word this common after a name is a noun it qualifies (रेल 5.1, पारी 4.5)


def _modifier(name: NameToken, view: Facts, config: LabelConfig) -> bool:
    """Whether a Devanagari word stands before the noun it qualifies: followed, with nothing between, by an
    ordinary Hindi word (no case marker, particle, auxiliary, title, figure, date, place or name candidate). Such
    a word is an adjective ("78 रन की जुझारू पारी", a gritty innings) or a name qualifying a noun ("पलासा रेल
    हादसा", the Palasa rail accident; "श्रीकाकुलम जिले में", in Srikakulam district; "चेपॉक टेस्ट", the Chepauk
    Test): not the participant who stands in the slot a name on the other side holds, which a case marker or a
    verb follows ("भारद्वाज को मिला", "शिंदे ने")."""
    if _in_place(name, view):
        return False  # a place the gazetteer knows is a name, whatever follows it
    end = _token_end(view, name)
    following = next((t for t in view.tokens if t.start >= end), None)
    if following is None or view.text[end : following.start].strip() or following.is_number or any(
            q.start <= following.start < q.end for key in (NUMBERS, DATES, PLACES) for q in view[key]):
        return False  # "विडाल तीन सीजन पहले": a figure or a date after a name begins the next phrase
    word = following.norm
    if not DEVANAGARI.search(word) or word in locale_words.STOPWORDS or word in locale_words.HINDI_CASE_MARKERS \
            or word in locale_words.TITLES or word in HINDI_AUXILIARIES or word in HINDI_PLACE_RELATIONS:
        return False
    if zipf(word, "hi") < MODIFIED_NOUN_ZIPF:
        return False  # "वॉल्श सोवियत यूनियन": a rarer word is more likely the next name than a noun qualified
    return not any(n.start == following.start and candidate(n, view, config) for n in view[NAMES])


def _uncommon(entry: Entry, config: LabelConfig) -> bool:
    """A Devanagari word that reads as no Hindi word: rarer than ``name_foreign_zipf`` (also without its ending),
    no function word, number, title, loanword or verb."""
    name, view = entry
    if not name.devanagari or name.function_word or len(name.key) < 2 or normalise(name.text) in locale_words.TITLES:
        return False
    if any(q.start <= name.start < q.end for q in view[NUMBERS]) or _hindi_verb(name, view):
        return False
    if organisation_word(name.text, config):
        return False
    following = next((t for t in view.tokens if t.start >= name.end), None)
    if following is not None and following.norm in HINDI_AUXILIARIES:
        return False  # "खर्च घटाया है": a verb or a predicate before its auxiliary
    if _hindi_plural(name):
        return False
    return not ordinary(name, config) and not hindi_word_as_written(name.text, config.name_foreign_zipf)


def _content(view: Facts, names: bool = True) -> list[str]:
    """The content words of a text; without the words written as names when ``names`` is False."""
    written = [(n.start, n.end) for n in view[NAMES] if n.certain and not n.devanagari] if not names else []
    return [t.norm for t in view.tokens if t.norm not in locale_words.STOPWORDS and not t.is_number
            and len(t.norm) > 1 and not any(s <= t.start < e for s, e in written)]


def _parallel(view_a: Facts, view_b: Facts, config: LabelConfig) -> bool:
    """Whether two texts are near enough to one statement for a name in the same slot to be a swap: about as
    many content words (across languages, all there is to see without a translation), and in one language
    sharing at least half of the shorter one's."""
    words_a, words_b = _content(view_a), _content(view_b)
    if not words_a or not words_b:
        return True
    if min(len(words_a), len(words_b)) < config.name_swap_length_ratio * max(len(words_a), len(words_b)):
        return False
    if view_a.language != view_b.language:
        return True
    # The frame is what stands around the names: "the Directorate General of Civil Aviation (DGCA) has ordered a
    # probe" and "the Aircraft Accident Investigation Bureau has ordered a probe" share all of theirs.
    stems_a = {w[:5] for w in _content(view_a, names=False)} or {w[:5] for w in words_a}
    stems_b = {w[:5] for w in _content(view_b, names=False)} or {w[:5] for w in words_b}
    return len(stems_a & stems_b) >= config.name_swap_min_overlap * min(len(stems_a), len(stems_b))


def _maybe_same(x: list[Entry], y: list[Entry]) -> bool:
    """Whether two unexplained names may still be one name transliterated or adapted (Charlotte / शॉर्लेट,
    Disney World / डिज़नीवर्ल्ड, Greenlander / Groenlandais): keys, word by word or joined, within half the
    shorter one's length. Such a pair is no rival pair: a transliteration never conflicts by itself."""
    if _glide_rendering(x, y):
        return True
    keys_x = [k for n, _ in x for k in _spoken_keys(n)] + ["".join(n.key for n, _ in x)]
    keys_y = [k for n, _ in y for k in _spoken_keys(n)] + ["".join(n.key for n, _ in y)]
    return any(min(len(kx), len(ky)) >= 3 and edit_distance(kx, ky) <= max(1, min(len(kx), len(ky)) // 2)
               or _transliterated(kx, ky) for kx in keys_x for ky in keys_y)


def _spoken_keys(name: NameToken) -> list[str]:
    """The key of a name as written, and as spoken with the French elided article before it (d'Opale / डोपाल)."""
    return [name.key, *([phonetic_key(name.elided + name.latin)] if name.elided else [])]


def _glide_rendering(x: list[Entry], y: list[Entry]) -> bool:
    """A Latin name opening with a vowel and a Devanagari word that is its key after a व or य: Hindi writes an
    opening o or e with a glide (वनगा is Onega)."""
    for one, other in ((x, y), (y, x)):
        if len(one) == 1 and len(other) == 1:
            latin, written = one[0][0], other[0][0]
            if not latin.devanagari and written.devanagari and latin.latin[:1] in VOWELS and len(written.key) >= 3 \
                    and written.key[0] in "vy" and written.key[1:] == latin.key:
                return True
    return False


def _transliterated(x: str, y: str) -> bool:
    """Two keys one transliteration may give: the same first and last consonant, and the shorter in order in the
    longer but for a consonant at most (Musashi m-s-s / मुसाहि m-s, Ephèse f-s / इफिसुस f-s-s, Khrouchtchev
    k-r-t-c-t-c-v / क्रुश्चेव k-r-s-c-v); Maria m-r / Marta m-r-t and California / Colorado stay two names."""
    if not x or not y or x[0] != y[0] or x[-1] != y[-1]:
        return False
    shorter, longer = sorted((x, y), key=len)
    common = _common_subsequence(shorter, longer)
    if common == len(shorter) >= 2:
        return len(longer) - len(shorter) <= 1
    return common == len(shorter) - 1 >= 3 and len(longer) - len(shorter) <= 2


def _common_subsequence(x: str, y: str) -> int:
    previous = [0] * (len(y) + 1)
    for cx in x:
        current = [0]
        for j, cy in enumerate(y, 1):
            current.append(previous[j - 1] + 1 if cx == cy else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def _in_view(groups: list[list[Entry]], group: list[Entry]) -> int:
    """How many of ``groups`` stand in the text ``group`` stands in (a text and its translation name the same
    people, so each is counted on its own)."""
    return sum(1 for g in groups if g[0][1] is group[0][1])


def _rivals(names: list[Entry], explained: set[int], config: LabelConfig) -> list[list[Entry]]:
    """Groups of adjacent name words none of which the other side accounts for, made of candidates."""
    runs = _organisation_runs(names, config)
    kept = [(i, e) for i, e in enumerate(names) if not e[0].unconfirmed and candidate(e[0], e[1], config)
            or i in runs]
    groups: list[list[tuple[int, Entry]]] = []
    for i, entry in kept:
        if groups:
            (_, (last, last_view)) = groups[-1][-1]
            if last_view is entry[1] and not regex.sub(r"[\s.]", "", entry[1].text[last.end : entry[0].start]) and (
                    not last.devanagari or _in_place(last, last_view) == _in_place(entry[0], entry[1])):
                groups[-1].append((i, entry))
                continue
        groups.append([(i, entry)])
    # A group whose last word the other side accounts for is that person (Peter Lenz / Lenz); one whose given
    # name alone is accounted for is another person (Christopher Rossi / Christopher Garcia): its other words.
    # An organisation's name is no person's: its words the other side does not account for are a rival
    # (Melbourne of "Melbourne Crown Court" / "Crown Court de Birmingham"), unless all are organisation words,
    # which say what a body is, not which (Virgin Group / वर्जिन समूह).
    return [[e for i, e in g if i not in explained] for g in groups if (
        g[-1][0] not in explained if not any(i in runs for i, _ in g) else
        any(i not in explained and normalise(e[0].text) not in config.entity_markers for i, e in g))]


def _organisation_runs(names: list[Entry], config: LabelConfig) -> set[int]:
    """Indices of capitalised Latin words standing two or more in a row mid-sentence, one of them an organisation
    word, none of them a name by itself: "Aircraft Accident Investigation Bureau", "Société Générale" are names
    though each word is a word ("Seconde Guerre" is not); a rival only of another organisation (``_compatible``).
    A French organisation word before a name word makes a name of both, as before ("Fondation Komen")."""
    runs: set[int] = set()
    run: list[int] = []
    for k, (name, view) in enumerate([*names, (None, None)]):
        if run and name is not None:
            last, last_view = names[run[-1]]
            if view is last_view and not view.text[last.end : name.start].strip() and _run_word(name):
                run.append(k)
                continue
        if len(run) >= 2 and any(normalise(names[i][0].text) in config.entity_markers for i in run) and not any(
                candidate(*names[i], config) for i in run):
            runs.update(run)
        run = [k] if name is not None and _run_word(name) else []
    for k in range(len(names) - 1):
        (x, view), (y, other) = names[k], names[k + 1]
        if view is other and view.language == "fr" and _run_word(x) and _run_word(y) \
                and not view.text[x.end : y.start].strip() and normalise(x.text) in config.entity_markers:
            runs.update((k, k + 1))
    return runs


def _run_word(name: NameToken) -> bool:
    return name.certain and not name.headline and not name.devanagari and not name.initial


Point = tuple[int, int]  # start of an anchor in the view of side A, in the view of side B


def _anchor_points(a: Side, b: Side, anchors: list[tuple[Entry, Entry]]) -> list[tuple[Facts, Facts, Point]]:
    """What both sides state alike, with its place on each side: matched names, and equal numbers."""
    points = [(ea[1], eb[1], (ea[0].start, eb[0].start)) for ea, eb in anchors]
    for qa in a.original[NUMBERS]:
        for qb in b.original[NUMBERS]:
            if qa.value == qb.value:
                points.append((a.original, b.original, (qa.start, qb.start)))
    return points


def _slot(group: list[Entry], points: list[tuple[Facts, Facts, Point]], side: int) -> set[int]:
    """The anchors right before and right after a group, as indices into ``points``."""
    name, view = group[0]
    here = [(p[2][side], k) for k, p in enumerate(points) if p[side] is view]
    before = [k for pos, k in sorted(here) if pos < name.start]
    after = [k for pos, k in sorted(here) if pos > group[-1][0].end]
    return set(before[-1:] + after[:1])


def _kind(group: list[Entry], config: LabelConfig) -> str | None:
    """What a group names when the text says it: a country or a city (gazetteer), an organisation (an
    organisation word), a person (a title, an initial or "by" before it); else None."""
    name, view = group[0]
    before = [t for t in view.tokens if t.end <= name.start][-1:]
    if before and (before[0].norm.rstrip(".") in ("by", "par", "द्वारा") or title_word(before[0]) or view.text[
            before[0].end : name.start] == ". " and len(before[0].text) == 1):
        return "person"  # a title, an initial, a by-line (before the gazetteer: Rao is also a town)
    places = [p for n, _ in group for p in view[PLACES] if p.start <= n.start < p.end]
    if any(p.country for p in places):
        return "country"  # before the words around it: "la plus grande ville d'Israël" is a city *of* a country
    said = _place_kind_word(group)
    if said is not None and not (said == "facility" and places):
        return said  # "Ankara Harbour", "Delhi Airport": a town's facility, named by the town
    if places:
        return "city"
    if _organisation(group, config):
        return "organisation"
    return None


def _before_locative(group: list[Entry]) -> bool:
    """Whether a group stands right before the Hindi postposition "में" (in): the place where something is."""
    last, view = group[-1]
    after = next((t for t in view.tokens if t.start >= last.end), None)
    return after is not None and after.norm in HINDI_LOCATIVES and not view.text[last.end : after.start].strip()


# Hindi postpositions that make the word before them a place: "में" (in). Not "से", which also marks a person
# ("मार्शां से हारे", lost to Marchand), nor "पर", which also marks a thing ("सर्विस पर").
HINDI_LOCATIVES = frozenset({"में", "मे"})
LOCALITY_BEFORE = frozenset({"near", "outside"})  # a name "near" is a locality (a town, a village)
PLACE_KIND_REACH = 3  # capitalised words between a name and the word saying its kind ("Satish Dhawan Space Centre")


def _place_kind_word(group: list[Entry]) -> str | None:
    """What kind of place the words around a group say it is (``locale_words.PLACE_KIND_WORDS``): the word right
    after it, or after a run of capitalised words ("Narmada river", "नर्मदा नदी", "Satish Dhawan Space Centre");
    in French the word before it, "de"/"du" skipped ("village de Jhadeshwar", "la rivière Narmada"). A name one is
    "near" ("near Ankleshwar", "झाडेश्वर के पास", "près de") is a locality, a town's kind."""
    first, view = group[0]
    last = group[-1][0]
    inside = [locale_words.PLACE_KIND_WORDS.get(normalise(n.text)) for n, _ in group[1:]]
    if any(inside):
        return next(kind for kind in inside if kind)  # "Satish Dhawan Space Centre" read as one group
    tokens = view.tokens
    after = [t for t in tokens if t.start >= last.end]
    if [t.norm for t in after[:2]] == ["के", "पास"]:
        return "city"  # "झाडेश्वर के पास": near a place, a locality
    before = [t for t in tokens if t.end <= first.start][-2:]
    if before and (before[-1].norm in LOCALITY_BEFORE or [t.norm for t in before] == ["près", "de"]):
        return "city"  # "near Ankleshwar", "près de Jhadeshwar"
    for k, token in enumerate(after[: PLACE_KIND_REACH + 1]):
        kind = locale_words.PLACE_KIND_WORDS.get(token.norm)
        if kind is not None:
            return kind
        if not token.text[:1].isupper() or k == PLACE_KIND_REACH:
            break
    if view.language == "fr":
        words = [t.norm for t in before if t.norm not in ("de", "du", "d'", "la", "le", "l'")]
        kind = locale_words.PLACE_KIND_WORDS.get(words[-1]) if words else None
        # "le port d'Auckland", "la base de Sriharikota": a facility of a town, which the name then names.
        return None if kind == "facility" else kind
    return None


Kinds = dict[str, str]


def batch_kinds(batch: Batch, config: LabelConfig) -> Kinds:
    """Spelling (folded Latin) -> what the batch says a name is, where one of its texts says it (``_kind``; a full name of
    two or more name words is a person): "Anthropic कंपनी" makes Anthropic an organisation for every pair of
    the event, "Mrinank Sharma" makes Sharma a person. Keys the batch gives two kinds are left out."""
    def compute(all_facts: tuple[Facts, ...]) -> Kinds:
        seen: dict[str, set[str]] = {}
        people: set[str] = set()
        for facts in all_facts:
            entries = [(n, facts) for n in facts[NAMES] if n.certain and not n.headline and not n.initial]
            for group in _groups(entries):
                kind = _kind(group, config)
                if _given_name_before_town(group, config):
                    people.update(n.latin for n, _ in group if len(n.latin) >= 4)
                if kind is None and len(group) >= 2 and all(candidate(n, v, config) for n, v in group):
                    kind = "person"
                for name, _ in group if kind else ():
                    if len(name.latin) >= 4:
                        seen.setdefault(name.latin, set()).add(kind)
        kinds = {key: next(iter(found)) for key, found in seen.items() if len(found) == 1}
        return kinds | dict.fromkeys(people, "person")

    return batch.derived("name_kinds", compute)


def _given_name_before_town(group: list[Entry], config: LabelConfig) -> bool:
    """A full name whose surname the gazetteer knows as a town ("Lucas Marchand": Marchand is a town in South
    Africa): two or more name words, the first no place, no ordinary word and no kind word ("Mumbai Open",
    "Delhi Police" and "Lake Como" start otherwise), the rest a place only by the gazetteer. A person."""
    first, view = group[0]
    if len(group) < 2 or first.devanagari or _place_kind_word(group) is not None:
        return False
    places = view[PLACES]
    if any(p.start <= first.start < p.end for p in places) or not candidate(first, view, config):
        return False
    return any(p.start <= n.start < p.end and not p.country for n, _ in group[1:] for p in places)


def _own_kind(group: list[Entry], config: LabelConfig, kinds: Kinds | None) -> tuple[str | None, bool]:
    """What a group names, and whether only a gazetteer said so: its own text's word for it (``_kind``), else
    the batch's (``batch_kinds``). A batch that writes the name as a person's full name overrides a town the
    gazetteer alone reads in it ("Marchand", a surname and a South African town). A gazetteer town with no word
    around it to say so is a weak reading: many surnames are towns somewhere."""
    batch = next((kinds[n.latin] for n, _ in group if kinds and n.latin in kinds), None)
    own = _kind(group, config)
    by_gazetteer = own == "city" and _place_kind_word(group) is None
    if by_gazetteer and batch == "person":
        return "person", True
    if own is None and batch is None and _before_locative(group):
        # "ब्रेबोर्न में", in Brabourne: where something happens, a place (or a body: "सह्याद्री मोटर्स में", which
        # the batch calls an organisation), never a person.
        return "city", False
    return own or batch, by_gazetteer


def _compatible(x: list[Entry], y: list[Entry], config: LabelConfig, kinds: Kinds | None = None) -> bool:
    """Two groups that may name rivals: not an acronym and what it abbreviates (NBA / National Basketball
    Association), and not of two known kinds (a country and a person), known from the group's own text or,
    failing that, from the batch (``batch_kinds``)."""
    for one, other in ((x, y), (y, x)):
        letters = _acronym_letters(one)
        if letters and _expands(letters, other):
            return False
        if _ordinary_organisation(one, config) and not (_acronym_letters(other) or _organisation(other, config)):
            return False  # "Virgin Group" is no rival of a person, "Investigation Bureau" is of the DGCA
    (kx, weak_x), (ky, weak_y) = (_own_kind(g, config, kinds) for g in (x, y))
    return kx is None or ky is None or kx == ky or weak_x and weak_y


Group = list[tuple[NameToken, Facts]]


def _ordinary_organisation(group: list[Entry], config: LabelConfig) -> bool:
    """An organisation named in ordinary words only ("Aircraft Accident Investigation Bureau", "Virgin Group")."""
    return len(group) >= 2 and _organisation(group, config) and not any(candidate(n, v, config) for n, v in group)


def _acronym_letters(group: list[Entry]) -> str:
    """The letters of a group that is one acronym: capitals in Latin ("DGCA"), letter names in Devanagari
    (डीजीसीए); else ""."""
    if len(group) != 1:
        return ""
    name = group[0][0]
    if name.devanagari:
        return letter_acronym(name.text)
    return name.text if len(name.text) >= 2 and name.text.isupper() and name.text.isalpha() else ""


def _expands(letters: str, group: list[Entry]) -> bool:
    """Whether the words around ``group`` in its text spell ``letters`` by their initials, in any order (the
    expansion of an acronym: "Directorate General of Civil Aviation" is DGCA, "Super League indienne" ISL, "la
    société nationale des chemins de fer" SNCF; through a translation, a Hindi name's English words): a run of
    ``len(letters)`` content words holding the group, function words skipped, no punctuation between them."""
    first, view = group[0]
    tokens = view.tokens
    words = [k for k, t in enumerate(tokens) if t.norm not in locale_words.STOPWORDS and not t.is_number]
    inside = [n for n, k in enumerate(words) if first.start <= tokens[k].start <= group[-1][0].start]
    if not inside:
        return False
    want = sorted(letters.upper())
    size = len(want)
    for begin in range(max(0, inside[-1] - size + 1), min(inside[0], len(words) - size) + 1):
        run = words[begin : begin + size]
        if any(regex.search(r"[^\s'’-]", view.text[tokens[k].end : tokens[k + 1].start]) for k in range(
                run[0], run[-1])):
            continue  # a comma or a bracket ends the phrase
        if sorted(romanise(tokens[k].text)[:1].upper() for k in run) == want:
            return True
    return False


def _possessor(group: Group) -> bool | None:
    """Whether the name owns a following noun ("Anthropic's security manager"): such a name is not the one the
    sentence is about, so it is only compared with another possessor, never with a plain name. None where the
    language does not say (French "de" is also "from", Hindi "का" also "of")."""
    last, view = group[-1]
    after = next((t for t in view.tokens if t.start >= last.end), None)
    if view.language == "hi" or last.devanagari:
        # "X का Y" is "X's Y" and "the Y of X": it says nothing; without it, X owns nothing.
        return None if after is not None and after.norm in ("का", "की", "के") else False
    if view.language != "en":
        return None
    after = next((t for t in view.tokens if t.start >= last.end + 2), None)
    owns = view.text[last.end : last.end + 2] in ("'s", "’s")
    return owns and after is not None and after.text[:1].islower() and after.start <= last.end + 3


def _organisation(group: Group, config: LabelConfig) -> bool:
    """A name group one of whose words, or the word right after it, is an organisation word."""
    last, view = group[-1]
    following = next((t.norm for t in view.tokens if t.start >= last.end), "")
    return any(name.text.lower() in config.entity_markers for name, _ in group) or following in config.entity_markers


def _show(group: Group) -> str:
    first, view = group[0]
    return view.text[first.start : group[-1][0].end]


def _longest_view(side: Side) -> int:
    return max(len(view.tokens) for view in (side.original, side.english) if view is not None)


def _view_holding(side: Side, shown: str) -> Facts | None:
    """The text of ``side`` (its original, else its translation) that a finding's span was read in."""
    return next((v for v in (side.original, side.english) if v is not None and shown in v.text), None)


def _role(view: Facts, start: int, end: int, config: LabelConfig) -> tuple[frozenset[str], str]:
    """What the sentence says a name does or is: the ordinary words around it in its clause (other names
    skipped), "secousses ressenties jusqu'à Dacca" -> "secousses ressenties"."""
    names = [(n.start, n.end) for n in view[NAMES]]
    return clause_context(view, start, end, config.name_swap_role_reach, names)


def _role_spans(views: Sequence[Facts], config: LabelConfig) -> list[tuple[str, str]]:
    spans = {}
    for view in views:
        for name in view[NAMES]:
            span = _role(view, name.start, name.end, config)[1]
            if span:
                spans[(span, view.language)] = None
    return list(spans)


def _same_role(a: Side, b: Side, f: Finding, cache: EmbeddingCache, config: LabelConfig,
               baselines: dict[tuple[str, str], float]) -> bool:
    """Whether the two names of a "different name" finding stand in the same role: in one language their
    roles share a word; across languages the short role spans stand above their usual cosine with the batch's
    other-language roles (``name_swap_role_margin``). True when a side says nothing around its name, or the batch
    holds too few roles to tell."""
    va, vb = _view_holding(a, f.a or ""), _view_holding(b, f.b or "")
    if va is None or vb is None or not f.a or not f.b:
        return True
    start_a, start_b = va.text.find(f.a), vb.text.find(f.b)
    (words_a, span_a), (words_b, span_b) = (_role(va, start_a, start_a + len(f.a), config),
                                            _role(vb, start_b, start_b + len(f.b), config))
    if not span_a or not span_b:
        return True
    if va.language == vb.language:
        return bool(words_a & words_b)
    key_a, key_b = (span_a, va.language), (span_b, vb.language)
    languages = [language for _, language in baselines]
    if min(sum(other != key[1] for other in languages) for key in (key_a, key_b)) < MARGIN_NEIGHBOURS:
        return True  # too few roles in the batch to know a role's usual cosine: as before, a swap
    if key_a not in baselines or key_b not in baselines:  # a group's role, where no single word's was read
        baselines.update(margin_baselines(cache, [*baselines, key_a, key_b]))
    return margin(cache, baselines, key_a, key_b) >= config.name_swap_role_margin


def confirm_name_swaps(
    all_sides: Sequence[tuple[Side, Side]],
    findings: list[list[Finding]],
    embedder: Embedder,
    config: LabelConfig,
    batch: Batch,
) -> list[list[Finding]]:
    """Drop "different name" findings between texts of two languages when the other side's name, put in its
    place, restores the meaning: exonyms (Londres / London, Dieu / God) rather than different names; between
    sentences that are not near-parallel (whole-sentence cosine below ``parallel_cosine``): two linked news
    sentences that say a fact each their own way name other people and places without a swap; and between
    names that do not stand in the same role (``_same_role``): "kills 14 in India" / "felt as far as Dacca"
    share a fact, not a frame."""
    cache = EmbeddingCache(embedder)
    # The usual cosine of a role is read against every role in the batch (the event's texts), once, and only
    # when some pair holds a name swap.
    swapping = any(f.weight == "name_swap" and f.conflict for found in findings for f in found)
    baselines = margin_baselines(cache, _role_spans(batch.facts, config)) if swapping else {}

    # Two model calls for the whole batch, not one per finding: the whole sentences of every pair with a swap,
    # then the spans of every swap that is left to check.
    cache.get(list(dict.fromkeys(
        text for (a, b), found in zip(all_sides, findings, strict=True)
        if any(f.weight == "name_swap" and f.conflict for f in found)
        for text in (a.original.text, b.original.text))))

    def parallel(a: Side, b: Side) -> bool:
        return similarity(cache, a.original.text, b.original.text) >= config.parallel_cosine

    def placed(f: Finding) -> bool:
        return SAME_RELATION in f.note  # two localities in one place relation: the slot is the relation word

    def checked(f: Finding, a: Side, b: Side) -> bool:
        return bool(f.weight == "name_swap" and f.a and f.b and a.original.language != b.original.language
                    and "English translation" not in f.note)

    left = [[f for f in found if not (f.weight == "name_swap" and f.conflict and not placed(f) and not parallel(a, b))]
            for (a, b), found in zip(all_sides, findings, strict=True)]
    cache.get(list(dict.fromkeys(
        text for (a, b), found in zip(all_sides, left, strict=True) for f in found if checked(f, a, b)
        for text in restore_span_texts(a.original.text, f.a, f.b) + restore_span_texts(b.original.text, f.b, f.a))))
    kept: list[list[Finding]] = []
    for (a, b), found in zip(all_sides, left, strict=True):
        out = []
        for f in found:
            if checked(f, a, b):
                scores = [r for r in (restore_span(cache, a.original.text, f.a, f.b),
                                      restore_span(cache, b.original.text, f.b, f.a)) if r is not None]
                if scores and max(scores) >= config.name_swap_restore:
                    continue
            if f.weight == "name_swap" and f.conflict and not placed(f) and not _same_role(
                    a, b, f, cache, config, baselines):
                continue
            out.append(f)
        kept.append(out)
    return kept


COMPARATOR = Comparator("name", read=read, compare=compare, with_embedder=confirm_name_swaps)
