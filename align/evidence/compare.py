"""Set the facts of two sentences against each other: what matches (support) and what contradicts (conflict).

Only like is compared with like: a number with a number of the same unit, a date with a date sharing a
component,
a name with a name. A fact stated on one side only is not a conflict. Each finding carries the span
from each side.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from align.config import LabelConfig
from align.evidence import Facts, lexicon
from align.evidence.dates import DateMention
from align.evidence.names import DEVANAGARI, NameToken, edit_distance, near_miss, same_name, word_zipf
from align.evidence.numbers import Quantity

A = TypeVar("A")
B = TypeVar("B")

# A difference seen only in machine translations may be the translation's own error.
TRANSLATED_STRENGTH = 0.85


@dataclass(frozen=True)
class Finding:
    """One piece of evidence. ``weight`` names the LabelConfig weight that scales ``strength`` into the
    score."""

    kind: str  # number, date, name, negation, substitution, nli
    a: str | None
    b: str | None
    note: str
    strength: float  # 0..1: how sure the extractor is that this difference (or match) is real
    conflict: bool  # True: the sides contradict; False: the sides state the same thing
    weight: str  # number, date, name_spelling, name_swap, negation, substitution, nli


@dataclass(frozen=True)
class Side:
    """One sentence of a pair: the facts of its own text and, when it is not English, of its English
    translation."""

    original: Facts
    english: Facts | None

    @property
    def english_view(self) -> Facts | None:
        return self.original if self.original.language == "en" else self.english


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) and abs(value) < 1e15 else f"{value:,.4g}"


# ---- numbers -------------------------------------------------------------------------------------


def _borrow_unit(quantity: Quantity, english: Facts | None) -> Quantity:
    """A number whose unit word we do not know in the original takes the unit of the same value in its
    translation ("4 इस्तीफे" -> "4 resignations")."""
    if quantity.canonical_unit or english is None:
        return quantity
    for other in english.numbers:
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


def pair_off(
    items_a: Sequence[A], items_b: Sequence[B], same: Callable[[A, B], bool], rival: Callable[[A, B], bool]
) -> tuple[list[tuple[A, B]], list[tuple[A, B]]]:
    """Numbers and dates are compared the same way: each item of A first takes the first item of B that says the
    same (agreements); each A item left then takes the first B item left that contradicts it (conflicts). Every
    B item is used once, so a shared value is never also counted as a difference."""
    left_b = list(items_b)
    agreed: list[tuple[A, B]] = []
    unmatched_a: list[A] = []
    for a in items_a:
        partner = next((b for b in left_b if same(a, b)), None)
        if partner is None:
            unmatched_a.append(a)
            continue
        left_b.remove(partner)
        agreed.append((a, partner))
    contradicted: list[tuple[A, B]] = []
    for a in unmatched_a:
        partner = next((b for b in left_b if rival(a, b)), None)
        if partner is not None:
            left_b.remove(partner)
            contradicted.append((a, partner))
    return agreed, contradicted


def _translated(strength: float, note: str, translated: bool) -> tuple[float, str]:
    if not translated:
        return strength, note
    return strength * TRANSLATED_STRENGTH, note + " (read in the English translations)"


def _number_findings(fa: Facts, fb: Facts, ea: Facts | None, eb: Facts | None, config: LabelConfig,
                     translated: bool) -> list[Finding]:
    agreed, contradicted = pair_off(
        [_borrow_unit(q, ea) for q in fa.numbers],
        [_borrow_unit(q, eb) for q in fb.numbers],
        lambda qa, qb: _units_comparable(qa, qb)[0] and _values_compatible(qa, qb, config.number_tolerance),
        lambda qa, qb: _units_comparable(qa, qb)[0] and not (qa.weak and qb.weak),
    )
    findings = [
        Finding("number", fa.span(qa.start, qa.end), fb.span(qb.start, qb.end),
                f"same number: {_fmt(qa.value)}", 1.0, False, "number")
        for qa, qb in agreed
    ]
    for qa, qb in contradicted:
        strong = _units_comparable(qa, qb)[1]
        unit = qa.unit if qa.canonical_unit else qb.unit if qb.canonical_unit else "no known unit"
        strength = 1.0 if strong else config.weak_number_strength
        if qa.weak or qb.weak:
            strength *= 0.8  # "a month" read as one month
        strength, note = _translated(
            strength, f"different number ({unit}): {_fmt(qa.value)} vs {_fmt(qb.value)}", translated
        )
        findings.append(Finding("number", fa.span(qa.start, qa.end), fb.span(qb.start, qb.end), note,
                                strength, True, "number"))
    return findings


def _both_views(a: Side, b: Side) -> list[tuple[Facts, Facts, Facts | None, Facts | None, bool]]:
    """Original texts first; then the English translations when both sides have one and they add a view."""
    views = [(a.original, b.original, a.english, b.english, False)]
    ea, eb = a.english_view, b.english_view
    if ea is not None and eb is not None and (ea is not a.original or eb is not b.original):
        views.append((ea, eb, None, None, True))
    return views


def _originals_first(findings: list[Finding]) -> list[Finding]:
    """Translations speak only where the original texts said nothing of this kind (a translation may err)."""
    original = [f for f in findings if "English translation" not in f.note]
    return original or findings


def compare_numbers(a: Side, b: Side, config: LabelConfig) -> list[Finding]:
    """Numbers of the same unit that differ. Read from the original texts (digits and number words carry
    across languages); the English translations add what the originals' word lists miss, at lower strength."""
    found: list[Finding] = []
    for fa, fb, ea, eb, translated in _both_views(a, b):
        more = _number_findings(fa, fb, ea, eb, config, translated)
        found.extend(f for f in more if f.conflict or not translated)
    return _originals_first(found)


# ---- dates ---------------------------------------------------------------------------------------


def _as_date(d: DateMention, year: int | None = None) -> dt.date | None:
    try:
        return dt.date(year or d.year or 2000, d.month or 1, d.day or 1)
    except ValueError:
        return None


def _date_relation(x: DateMention, y: DateMention, slack: int) -> str:
    """'same', 'different' or 'incomparable'."""
    if x.offset is not None and y.offset is not None and not (x.resolved and y.resolved):
        # Both relative, at least one without a publication date: compare the offsets as written.
        if x.offset[1] != y.offset[1]:
            return "incomparable"
        return "same" if x.offset[0] == y.offset[0] else "different"
    if not (x.resolved and y.resolved):
        return "incomparable"
    if x.weekday is not None and y.weekday is not None:
        return "same" if x.weekday == y.weekday else "different"
    shared = [c for c in ("year", "month", "day") if getattr(x, c) is not None and getattr(y, c) is not None]
    if not shared:
        return "incomparable"
    if not (x.approx or y.approx):
        return "same" if all(getattr(x, c) == getattr(y, c) for c in shared) else "different"
    # A date resolved from "two years ago" or "today" is allowed ``slack`` units at its finest shared grain.
    grain = shared[-1]
    if grain == "year":
        return "same" if abs(x.year - y.year) <= slack else "different"  # type: ignore[operator]
    if grain == "month" and "year" in shared:
        months = abs((x.year * 12 + x.month) - (y.year * 12 + y.month))  # type: ignore[operator]
        return "same" if months <= slack else "different"
    year = x.year or y.year or 2000
    dx, dy = _as_date(x, year), _as_date(y, year)
    if dx is None or dy is None:
        return "incomparable"
    return "same" if abs((dx - dy).days) <= slack else "different"


def _date_findings(fa: Facts, fb: Facts, config: LabelConfig, translated: bool) -> list[Finding]:
    slack = config.relative_date_slack
    agreed, contradicted = pair_off(
        fa.dates,
        fb.dates,
        lambda da, db: _date_relation(da, db, slack) == "same",
        lambda da, db: _date_relation(da, db, slack) == "different",
    )
    findings = [
        Finding("date", fa.span(da.start, da.end), fb.span(db.start, db.end),
                f"same date: {da.describe()} / {db.describe()}", 1.0, False, "date")
        for da, db in agreed
    ]
    for da, db in contradicted:
        strength, note = _translated(
            0.8 if (da.approx or db.approx) else 1.0,
            f"different date: {da.describe()} vs {db.describe()}",
            translated,
        )
        findings.append(Finding("date", fa.span(da.start, da.end), fb.span(db.start, db.end), note,
                                strength, True, "date"))
    return findings


def compare_dates(a: Side, b: Side, config: LabelConfig) -> list[Finding]:
    """Dates that share a component (year, month, day, weekday, or a relative offset) and differ in it."""
    found: list[Finding] = []
    for fa, fb, _, _, translated in _both_views(a, b):
        found.extend(f for f in _date_findings(fa, fb, config, translated) if f.conflict or not translated)
    return _originals_first(found)


# ---- names ---------------------------------------------------------------------------------------


def _all_names(side: Side, config: LabelConfig, known: Known) -> list[tuple[NameToken, Facts]]:
    """Name words of a side's text and translation. A word the translation kept as it was (or transliterated:
    टॉम -> Tom) is a name even where capitals cannot tell, e.g. at the start of a sentence; so is a word that
    sounds like a name written as one elsewhere in the batch (``known_names``): "Tom" opening a sentence, or
    टॉम in a Hindi sentence with no translation."""
    originals = [_if_known(n, side.original.language, config, known) for n in side.original.names]
    originals = [n for n in originals if n.certain or not n.function_word]
    if side.english is None:
        return [(n, side.original) for n in originals]
    kept = [(o, e) for o in originals for e in side.english.names
            if len(o.key) >= 3 and same_name(o, e) and o.latin[:1] == e.latin[:1] and not o.headline]
    sure_original = {id(o) for o, _ in kept}
    sure_english = {id(e) for _, e in kept}

    def certain(name: NameToken, sure: set[int]) -> NameToken:
        if name.certain or name.headline or id(name) not in sure or not name.text[:1].isupper():
            return name
        return replace(name, certain=True)

    return [(certain(n, sure_original), side.original) for n in originals] + [
        (certain(_if_known(n, "en", config, known), sure_english), side.english) for n in side.english.names
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


def name_aliases(all_facts: list[Facts]) -> Aliases:
    """Phonetic key -> the keys written next to it in one full name anywhere in the batch: once "Mrinank
    Sharma" is seen, "Mrinank" and "Sharma" alone name the same person. Direct neighbours only, never
    chained, so one stray capitalised word ("Put Tom", "Put Mary") cannot merge two people."""
    together: dict[str, set[str]] = {}
    for facts in all_facts:
        certain = [(n, facts) for n in facts.names if n.certain and not n.headline]
        for group in _groups(certain):
            keys = {n.key for n, _ in group if len(n.key) >= 2}
            for key in keys:
                together.setdefault(key, set()).update(keys - {key})
    return {key: frozenset(others) for key, others in together.items() if others}


Known = dict[str, frozenset[str]]


def known_names(all_facts: list[Facts]) -> Known:
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
        for name in facts.names:
            if name.certain and not name.headline and not _is_acronym(name) and len(name.key) >= 2:
                named.setdefault(name.key, set()).add(name.latin)
    return {key: frozenset(forms - lower) for key, forms in named.items() if forms - lower}


def same_person(x: str, y: str, aliases: Aliases) -> bool:
    return x == y or y in aliases.get(x, frozenset())


def compare_names(
    a: Side, b: Side, config: LabelConfig, aliases: Aliases | None = None, known: Known | None = None
) -> list[Finding]:
    names_a, names_b = _all_names(a, config, known or {}), _all_names(b, config, known or {})
    aliases = aliases or {}
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
                    findings.append(Finding("name", na.text, nb.text, note, 1.0, False, "name_spelling"))
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
                findings.append(Finding("name", na.text, nb.text, note, 1.0, True, "name_spelling"))
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
        findings.append(Finding(kind, _show(group_a), _show(group_b), note, strength, True, "name_swap"))
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


# ---- negation ------------------------------------------------------------------------------------


def _overlap(x: Facts, y: Facts) -> float:
    """Share of the shorter text's content words the other text also has (one language): how parallel two
    sentences are, so that a negation in one is a negation of what the other says."""
    words_x = {_stem(t.norm) for t in x.tokens if t.norm not in lexicon.STOPWORDS and not t.is_number}
    words_y = {_stem(t.norm) for t in y.tokens if t.norm not in lexicon.STOPWORDS and not t.is_number}
    if not words_x or not words_y:
        return 1.0
    return len(words_x & words_y) / min(len(words_x), len(words_y))


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def compare_negation(a: Side, b: Side, config: LabelConfig) -> list[Finding]:
    """Negation counts, in English when both sides have English (one language, one cue list), else in the
    original texts."""
    view_a, view_b = a.english_view, b.english_view
    translated = view_a is not None and view_b is not None
    if not translated:
        view_a, view_b = a.original, b.original
    assert view_a is not None and view_b is not None
    count_a, count_b = len(view_a.negations), len(view_b.negations)
    if count_a == count_b:
        return []
    strength = 1.0 if min(count_a, count_b) == 0 else 0.6
    longest = max(len(view_a.tokens), len(view_b.tokens))
    if longest > config.negation_long_sentence:
        strength *= config.negation_long_sentence / longest  # long sentences carry more clauses to negate
    shortest = min(len(view_a.tokens), len(view_b.tokens))
    if view_a.language == view_b.language and shortest < config.negation_length_ratio * longest:
        # One sentence says much more than the other: the negation may sit in what the other does not say.
        strength *= shortest / (config.negation_length_ratio * longest)
    if translated:
        strength *= min(1.0, _overlap(view_a, view_b) / config.negation_min_overlap)
    elif view_a.language != view_b.language:
        strength *= config.negation_cross_lingual  # two cue lists; no way to see how parallel the texts are
    cues_a = " / ".join(c.word for c in view_a.negations) or None
    cues_b = " / ".join(c.word for c in view_b.negations) or None
    note = f"negation on one side only: {count_a} vs {count_b} negation(s)"
    if translated and (view_a is not a.original or view_b is not b.original):
        note += " (read in the English translation)"
    return [Finding("negation", cues_a, cues_b, note, strength, True, "negation")]


def compare(a: Side, b: Side, config: LabelConfig, aliases: Aliases | None = None,
            known: Known | None = None) -> list[Finding]:
    """All rule-based findings for one pair, in a fixed order. ``aliases`` (from ``name_aliases``) lets parts
    of one full name stand for each other; ``known`` (from ``known_names``) tells names where capitals
    cannot."""
    return [
        *compare_numbers(a, b, config),
        *compare_dates(a, b, config),
        *compare_names(a, b, config, aliases, known),
        *compare_negation(a, b, config),
    ]
