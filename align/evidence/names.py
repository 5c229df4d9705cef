"""Person and organisation names, matched across scripts and spellings through a phonetic key.

Devanagari is transliterated to IAST (indic-transliteration), folded to plain Latin with the inherent
final vowel
dropped (मृणांक शर्मा -> mrinank sharma), then reduced to a consonant skeleton that absorbs the usual spelling
variation (ph/f, w/v, sh/s, doubled letters, vowels). Equal skeletons are the same name; skeletons one
edit apart
are a *different spelling* ("Mriyank" vs "Mrinank"), reported rather than merged.

The ``name`` evidence (and ``entity`` for organisations): one name spelt two ways, or a different name in the
same place; with an embedder, a "different name" that is one name in two languages (Londres / London) is
dropped.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import regex
from indic_transliteration import sanscript

from align.config import LabelConfig
from align.evidence import locale_words
from align.evidence.codemix import EmbeddingCache, restore_span
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
from align.evidence.locale_words import calendar_words
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


NAMES: FactKey[NameToken] = FactKey("name")


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
            if token.norm in locale_words.TITLES or len(token.norm) < 2:
                continue
            latin = romanise(token.text)
            found.append(NameToken(token.start, token.end, token.text, phonetic_key(latin), latin, False,
                                   function_word=token.norm in locale_words.STOPWORDS))
        elif _is_capitalised_name(token, sentence_start):
            word = token.text.rstrip("'’")  # "Sharma's": the name is Sharma
            latin = romanise(word)
            end = token.start + len(word)
            found.append(NameToken(token.start, end, word, phonetic_key(latin), latin, True))
        elif sentence_start and token.text[:1].isupper() and token.norm.rstrip("'") not in locale_words.STOPWORDS \
                and token.norm.rstrip(".") not in locale_words.TITLES:
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


def read(facts: Facts, reference: dt.date | None, config: LabelConfig) -> Found:
    """Name words, except those inside a date ("February" in "9 February")."""
    date_spans = [(d.start, d.end) for d in facts[DATES]]
    names = find_names(facts.text, facts.tokens)
    return {NAMES: tuple(n for n in names if not any(s <= n.start < e for s, e in date_spans))}


# ---- comparison ---------------------------------------------------------------------------------------


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

    return [(certain(n, sure_original), side.original) for n in originals] + [
        (certain(_if_known(n, "en", config, known), sure_english), side.english) for n in side.english[NAMES]
    ]


def _person_keys(names: list[tuple[NameToken, Facts]]) -> set[str]:
    """Keys that may stand for a person: names, and candidate words long enough that a two-consonant
    coincidence (अमीर "rich" and Mary: m-r) cannot pass for a name."""
    return {n.key for n, _ in names if n.certain or len(n.key) >= 3}


def _same_stem(x: str, y: str) -> bool:
    shorter = min(len(x), len(y))
    common = next((k for k, (cx, cy) in enumerate(zip(x, y, strict=False)) if cx != cy), shorter)
    return shorter >= 2 and common >= min(3, shorter)


def _same_initial(a: NameToken, b: NameToken) -> bool:
    """Across scripts, a Devanagari word that is only a candidate, or any short name, must begin like the name
    it is read as (अमीर "rich" is not Mary, though both reduce to m-r)."""
    scripts = bool(DEVANAGARI.search(a.text)) != bool(DEVANAGARI.search(b.text))
    loose = any(not n.certain for n in (a, b)) or min(len(a.key), len(b.key)) < 3
    return not (scripts and loose) or a.latin[:1] == b.latin[:1]


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
        return replace(name, certain=True) if name.latin in forms or _international(name.latin, config) else name
    close = any(form[:1] == name.latin[:1] and edit_distance(form, name.latin) <= config.name_known_max_edits
                for form in forms)
    common = name.function_word or word_zipf(name.text, language) >= config.name_common_zipf
    if common and not config.name_common_words or not close and (common or not _international(
            name.latin, config, floor=config.name_international_floor)):
        return name
    return replace(name, certain=True)


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
            if last_view is view and not view.text[last.end : name.start].strip():
                groups[-1].append((name, view))
                continue
        groups.append([(name, view)])
    return groups


def _is_acronym(name: NameToken) -> bool:
    return (
        name.text.isupper() and len(name.text) <= 3
    )  # AI/IA, UK/RU: too short to tell a swap from a translation


Aliases = dict[str, frozenset[str]]


def name_aliases(all_facts: Sequence[Facts]) -> Aliases:
    """Phonetic key -> the keys written next to it in one full name anywhere in the batch: once "Mrinank
    Sharma" is seen, "Mrinank" and "Sharma" alone name the same person. Direct neighbours only, never
    chained, so one stray capitalised word ("Put Tom", "Put Mary") cannot merge two people."""
    together: dict[str, set[str]] = {}
    for facts in all_facts:
        certain = [(n, facts) for n in facts[NAMES] if n.certain and not n.headline]
        for group in _groups(certain):
            keys = {n.key for n, _ in group if len(n.key) >= 2}
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


def compare(a: Side, b: Side, config: LabelConfig, batch: Batch) -> list[Finding]:
    """One name spelt two ways, or a different name in the same place. Parts of one full name seen in the batch
    stand for each other; names written as names in the batch tell names where capitals cannot."""
    aliases, known = batch_aliases(batch), batch_known(batch)
    names_a, names_b = _all_names(a, config, known), _all_names(b, config, known)
    findings: list[Finding] = []
    explained_a: set[int] = set()
    explained_b: set[int] = set()
    shown: set[str] = set()
    for i, (na, view_a) in enumerate(names_a):
        for j, (nb, view_b) in enumerate(names_b):
            if (na.certain or nb.certain) and same_name(na, nb) and _same_initial(na, nb):
                explained_a.add(i)
                explained_b.add(j)
                both_original = view_a is a.original and view_b is b.original
                if (na.certain and nb.certain or both_original) and na.key not in shown:
                    shown.add(na.key)  # one item per name, not one per view
                    note = f"same name: {na.latin} = {nb.latin}"
                    findings.append(agreeing("name", na.text, nb.text, note, weight="name_spelling"))
    # Different spellings of one name: only between original texts (a translation may misspell on its own).
    for i, (na, view_a) in enumerate(names_a):
        if i in explained_a or view_a is not a.original:
            continue
        for j, (nb, view_b) in enumerate(names_b):
            if j in explained_b or view_b is not b.original or not (na.certain or nb.certain):
                continue
            if near_miss(na, nb, config.name_min_key_length, config.name_max_edits):
                explained_a.add(i)
                explained_b.add(j)
                note = f"name spelt differently: {na.latin} vs {nb.latin}"
                findings.append(contradicting("name", na.text, nb.text, note, weight="name_spelling"))
    # One name in two languages' forms (Tom / Thomas, London / Londres, Rome / Romain): between texts of two
    # languages, a name whose phonetic key begins like the other's is that name, not a rival.
    for i, (na, view_a) in enumerate(names_a):
        for j, (nb, view_b) in enumerate(names_b):
            if i in explained_a or j in explained_b or view_a.language == view_b.language:
                continue
            if (na.certain and nb.certain) and _same_stem(na.key, nb.key):
                explained_a.add(i)
                explained_b.add(j)
    # A different name in the same place: names written as names (not a capital opening a sentence or in a
    # title-case headline) left unexplained on both sides of two short sentences.
    left_a = _unexplained(names_a, explained_a)
    left_b = _unexplained(names_b, explained_b)
    # Another part of a full name the other side uses (Mrinank / Sharma) is the same person.
    keys_a = _person_keys(names_a)
    keys_b = _person_keys(names_b)
    left_a = [g for g in left_a if not any(same_person(n.key, k, aliases) for n, _ in g for k in keys_b)]
    left_b = [g for g in left_b if not any(same_person(n.key, k, aliases) for n, _ in g for k in keys_a)]
    short = max(_longest_view(a), _longest_view(b)) <= config.name_swap_max_tokens
    left_a = [g for g in left_a if g[0][0].certain]
    left_b = [g for g in left_b if g[0][0].certain]
    if short and left_a and left_b and _possessor(left_a[0]) == _possessor(left_b[0]):
        group_a, group_b = left_a[0], left_b[0]
        counts = sorted((_count_in_best_view(left_a, a), _count_in_best_view(left_b, b)))
        strength = 1.0 if counts == [1, 1] else 0.5
        # An organisation (its name carries a word such as Bank, Ministry, Université) is an entity.
        organisation = any(_organisation(g, config) for g in (group_a, group_b))
        kind = "entity" if organisation else "name"
        note = f"different {'organisation' if organisation else 'name'}: {_show(group_a)} vs {_show(group_b)}"
        if group_a[0][1] is not a.original or group_b[0][1] is not b.original:
            note += " (read in the English translation)"
        findings.append(contradicting(kind, _show(group_a), _show(group_b), note, weight="name_swap",
                                      strength=strength))
    return findings


Group = list[tuple[NameToken, Facts]]


def _possessor(group: Group) -> bool:
    """Whether the name owns a following noun ("Anthropic's security manager"): such a name is not the one
    the sentence is about, so it is only compared with another possessor, never with a plain name."""
    last, view = group[-1]
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


def _any_certain(groups: list[Group]) -> bool:
    return any(name.certain for group in groups for name, _ in group)


def _unexplained(names: list[tuple[NameToken, Facts]], explained: set[int]) -> list[Group]:
    """Name groups no name of the other side accounts for: written as names, or opening a sentence in Latin
    script (Devanagari words are only candidates, never names on their own)."""
    kept = [n for i, n in enumerate(names) if i not in explained and (_latin_name(n[0]))]
    return [g for g in _groups(kept) if not all(_is_acronym(n) for n, _ in g)]


def _latin_name(name: NameToken) -> bool:
    return name.certain or name.text[:1].isupper()


def _count_in_best_view(groups: list[Group], side: Side) -> int:
    """How many different names are unexplained, counted in one text (the original and its translation name
    the same people)."""
    per_view = [sum(1 for g in groups if g[0][1] is view) for view in (side.original, side.english)]
    return max(1, min(c for c in per_view if c) if any(per_view) else 1)


def confirm_name_swaps(
    all_sides: Sequence[tuple[Side, Side]],
    findings: list[list[Finding]],
    embedder: Embedder,
    config: LabelConfig,
    batch: Batch,
) -> list[list[Finding]]:
    """Drop "different name" findings between texts of two languages when the other side's name, put in its
    place, restores the meaning: exonyms (Londres / London, Dieu / God) rather than different names."""
    cache = EmbeddingCache(embedder)
    kept: list[list[Finding]] = []
    for (a, b), found in zip(all_sides, findings, strict=True):
        out = []
        for f in found:
            if f.weight == "name_swap" and f.a and f.b and a.original.language != b.original.language \
                    and "English translation" not in f.note:
                scores = [r for r in (restore_span(cache, a.original.text, f.a, f.b),
                                      restore_span(cache, b.original.text, f.b, f.a)) if r is not None]
                if scores and max(scores) >= config.name_swap_restore:
                    continue
            out.append(f)
        kept.append(out)
    return kept


COMPARATOR = Comparator("name", read=read, compare=compare, with_embedder=confirm_name_swaps)
