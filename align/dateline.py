"""Datelines: the place (and date, and agency) that open a news article's body, read as metadata, never a sentence.

Recognised at the start of a paragraph (a line of the cleaned text), in English, French and Hindi:

1. ``PLACE[, QUALIFIER], DATE [(AGENCY)]`` followed by ``-``/``–``/``—``/``:``/``।`` or the end of the line, or by a
   space after the agency: "BENGALURU, March 18 (GWS) -", "SRIHARIKOTA, India, April 22 (GWS) -",
   "PARIS, 18 août (AFP) -", "CHENNAI, 10 June:", "CANNES, May 23" (alone on its line), "बेंगलुरु, 18 अगस्त।",
   "शिलांग, १५ नवंबर (एजेंसी) ...". The date must be a day and a month that dateparser reads (Devanagari digits too).
   PLACE may name two or more places joined by "/", "et", "and" or "और", each before the last maybe with its
   country: "PARIS/NEW DELHI, May 14 (LKN) -", "CLERMONT-FERRAND, France/CHENNAI, June 14 (PNW) -",
   "PARIS et NEW DELHI, 14 juin (AFP) -", "नई दिल्ली और पेरिस, 14 जून (एजेंसी) -" (so may shapes 2 and 3).
2. ``PLACE (AGENCY)`` followed by a dash, colon or danda: "PARIS (APM) –", "Sriharikota (Inde) (APM) -".
3. ``PLACE, envoyé spécial`` (French reporters' datelines): "Cannes (Alpes-Maritimes), envoyé spécial".
4. A place alone in capitals before a colon or a spaced dash ("NEW DELHI:", "TURA:", "BORDEAUX –"), unless it is
   one of ``corpus.dateline_labels`` ("BREAKING:", "UPDATE:").

Three more shapes are read only where a dateline stands, at the start of the story's first paragraph (the first
line under the headline that ends as a sentence, or the next such line when a one-line standfirst stands between; a
summary list, its heading or a photo credit, which do not end as sentences, are no paragraph), when the rest of that line
reads as a sentence and the place is none of those labels (see ``paragraph_starts``):

5. A place in title case or in Devanagari (one to three words) before a colon or a spaced dash: "Bengaluru:",
   "नई दिल्ली:", "Bordeaux –". Anywhere
   else the shape is a label or a speaker ("Mrinank Sharma: ...", "Born: ...", "ये भी पढ़ें: ..."), which no rule
   here can tell from a place without a gazetteer; the position is the evidence.
6. A place in capitals and a full stop, the French regional papers' dateline: "LILLE. Dans la salle ...". Anywhere
   else a word in capitals and a full stop may be an acronym ending a sentence ("... said NASA. The ...").
7. One or two Devanagari words before a danda, alone or opening the paragraph ("बिलासपुर।", "भुवनेश्वर/रायपुर।").
   Anywhere else it is a short sentence (a live blog's "शूटआउट शुरू।", "shootout begins"; "धन्यवाद।", "जी हां।").

The parts a dateline does not say are resolved as the dateline's reader would: a date without a year takes the year
that puts it on or before the publication date (``published``), else the year the article names most often.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from align.config import CorpusConfig

# Languages dateparser reads a dateline's date in; the corpus's candidate languages are intersected with these.
DATE_LANGUAGES = frozenset({"en", "fr", "hi", "es", "de", "it", "pt"})

_UPPER = "A-ZÀ-ÖØ-Þ"
_LATIN = "A-Za-zÀ-ÖØ-öø-ÿ"
# Devanagari letters and signs, without the danda (।, ॥) and the digits (०-९).
_DEVANAGARI = "\u0900-\u0963\u0970-\u097f"
LATIN_WORD = rf"[{_UPPER}][{_LATIN}'’-]*"
# Lower-case words that may stand inside a place name: "Rio de Janeiro", "Boulogne-sur-Mer", "Stratford upon Avon".
CONNECTOR = r"(?:de|du|des|la|le|les|sur|en|of|upon|am|al|el|da|do|di|del)"
LATIN_PLACE = rf"{LATIN_WORD}(?: (?:{CONNECTOR} )?{LATIN_WORD}){{0,3}}"
DEVANAGARI_WORD = rf"[{_DEVANAGARI}]+"
DEVANAGARI_PLACE = rf"{DEVANAGARI_WORD}(?: {DEVANAGARI_WORD}){{0,2}}"
ONE_PLACE = rf"(?:{LATIN_PLACE}|{DEVANAGARI_PLACE})"
# "(Inde)", "(फ्रांस)", "(Alpes-Maritimes)": a region or country in brackets is part of the place.
BRACKETED = r"(?: ?\([^()\d\n]{1,40}\))"
# Two or more places a dateline names: "PARIS/NEW DELHI", "भुवनेश्वर/रायपुर", "PARIS et NEW DELHI", "MUMBAI and PARIS",
# "मुंबई और पेरिस".
PLACE_JOIN = r"(?: ?/ ?| (?:et|and|और) )"
PLACES = rf"{ONE_PLACE}(?:{PLACE_JOIN}{ONE_PLACE})*{BRACKETED}?"
PLACE = rf"(?P<place>{PLACES})"
QUALIFIER = rf"(?:, (?P<qualifier>{LATIN_PLACE}))"  # "SRIHARIKOTA, India, April 22"
# In a dated dateline, a place before the last may have its own qualifier: "CLERMONT-FERRAND, France/CHENNAI, June 14".
QUALIFIED_PLACES = rf"(?P<place>{PLACES}(?:, {LATIN_PLACE}{PLACE_JOIN}{PLACES})*)"
_DIGIT = "0-9०-९"
DAY = rf"[{_DIGIT}]{{1,2}}(?:er|st|nd|rd|th)?"
YEAR = rf"[{_DIGIT}]{{4}}"
MONTH = rf"(?:[{_LATIN}]+\.?|{DEVANAGARI_WORD})"
DATE = rf"(?P<date>{DAY} {MONTH}(?:,? {YEAR})?|{MONTH} {DAY}(?:,? {YEAR})?)"
AGENCY = rf"\((?P<agency>[{_UPPER}][{_LATIN}&.'’ -]{{0,30}}|[{_DEVANAGARI} ]{{2,30}})\)"
DASH_COLON_DANDA = r" ?[-–—:।]"
# After the dateline: its separator, then the paragraph's text.
ENDS = rf"(?:{DASH_COLON_DANDA}(?= |$)|।| *$)"

DATED = re.compile(rf"{QUALIFIED_PLACES}{QUALIFIER}?, {DATE}(?:(?: ?{AGENCY})(?:{ENDS}| )|{ENDS})")
WITH_AGENCY = re.compile(rf"{PLACE} ?{AGENCY}{DASH_COLON_DANDA}(?= |$)")
CORRESPONDENT = re.compile(
    rf"{PLACE}, (?:de notre |notre )?(?:envoyée?s? spéciale?s?|correspondante?s?|correspondance)(?:{DASH_COLON_DANDA}(?= |$)| *$)"
)
CAPITALS_COLON = re.compile(
    rf"(?P<place>[{_UPPER}][{_UPPER}'’-]+(?: [{_UPPER}][{_UPPER}'’-]+){{0,2}}{BRACKETED}?)(?::| [-–—])(?= )"
)
DEVANAGARI_DANDA = re.compile(
    rf"(?P<place>{DEVANAGARI_WORD}(?: {DEVANAGARI_WORD})?(?: ?/ ?{DEVANAGARI_WORD}(?: {DEVANAGARI_WORD})?)*"
    rf"{BRACKETED}?) ?।"
)
# Shapes 5 and 6 of the module docstring (7 is DEVANAGARI_DANDA): only at the start of the story's first paragraph.
_LOWER = "a-zß-öø-ÿ"
# "Bengaluru", "Saint-Étienne": a capital, then lower case (a capitalised part after a hyphen).
TITLE_CASE_WORD = rf"[{_UPPER}][{_LOWER}'’]*(?:-[{_UPPER}]?[{_LOWER}'’]+)*"
PLACE_COLON = re.compile(
    rf"(?P<place>(?:{TITLE_CASE_WORD}(?: (?:{CONNECTOR} )?{TITLE_CASE_WORD}){{0,2}}|{DEVANAGARI_PLACE}){BRACKETED}?)"
    r"(?: ?:| [-–—])(?= )"
)
CAPITALS_PERIOD = re.compile(
    rf"(?P<place>[{_UPPER}][{_UPPER}'’-]+(?: [{_UPPER}][{_UPPER}'’-]+){{0,2}}{BRACKETED}?)\.(?= [{_UPPER}\"«“])"
)
# Shape 6 in title case ("Yvetot. Il y a treize ans ..."): only when the story names the place elsewhere inside a
# sentence (``named_inside_a_sentence``), else it may be a one-word first sentence ("Incroyable. Le maire ...").
TITLE_CASE_PERIOD = re.compile(
    rf"(?P<place>{TITLE_CASE_WORD}(?: (?:{CONNECTOR} )?{TITLE_CASE_WORD}){{0,2}})\.(?= [{_UPPER}\"«“])"
)
# Words that open a clause, not a place: "On Monday, March 18 -", "In Paris, 18 août :".
CLAUSE_OPENERS = frozenset(
    "a an the in on at by for from with as after before during since until this that it he she they we i you "
    "his her its their our but and or so if when while meanwhile however also last next earlier later "
    "à au aux dans depuis pour par avec sous chez selon ce cette il elle ils elles nous on mais et ou si "
    "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
)
# The rest of a first paragraph after shapes 5-7 ends as a sentence does.
SENTENCE_END = re.compile(r"[.!?।॥…][\"'”’»)\]]*$")
YEAR_IN_TEXT = re.compile(r"(?<![\d०-९])((?:19|20)\d\d|(?:१९|२०)[०-९][०-९])(?![\d०-९])")
DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


@dataclass(frozen=True)
class DatelineMatch:
    """A dateline as written at the start of one line: ``line[:end]`` is the prefix a sentence must not keep."""

    place: str
    date_text: str | None
    agency: str | None
    end: int  # just past the separator and the spaces after it


@dataclass(frozen=True)
class Dateline:
    """An article's dateline as its record stores it."""

    place: str
    date: str | None  # ISO 8601 date, or None when the dateline states none (or no year can be resolved)
    agency: str | None


def _date_languages(candidates: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c for c in candidates if c in DATE_LANGUAGES) or ("en", "fr", "hi")


@lru_cache(maxsize=4096)
def _reads_as_date(text: str, languages: tuple[str, ...], require: tuple[str, ...] = ("day", "month")) -> bool:
    import dateparser

    settings = {"REQUIRE_PARTS": list(require)} if require else {}
    return dateparser.parse(text, languages=list(languages), settings=settings) is not None  # type: ignore[arg-type]


def _plausible_place(place: str, languages: tuple[str, ...]) -> bool:
    first = place.split()[0].lower()
    if first in CLAUSE_OPENERS:
        return False
    # "Monday", "March", "सोमवार" read as dates; no place does.
    core = place.split("(")[0].strip()
    return not _reads_as_date(core, languages, ())


def _display_place(place: str) -> str:
    """All-capital Latin words in title case ("NEW DELHI" -> "New Delhi"); the rest as written."""
    return re.sub(rf"\b[{_UPPER}][{_UPPER}'’-]+\b", lambda m: m.group().title(), place).strip()


def match_dateline(
    line: str, languages: tuple[str, ...] = ("en", "fr", "hi"), labels: frozenset[str] = frozenset()
) -> DatelineMatch | None:
    """The dateline that opens ``line``, or None. ``labels`` are words that open a paragraph before a colon or a
    danda and are not places ("breaking", "धन्यवाद"), lower-cased."""
    languages = _date_languages(languages)
    found = _match_dated(line, languages) or _match_undated(line, languages, labels)
    if found is None:
        return None
    end = found.end()
    while end < len(line) and line[end] == " ":
        end += 1
    groups = found.groupdict()
    place = groups["place"] + (f", {groups['qualifier']}" if groups.get("qualifier") else "")
    return DatelineMatch(_display_place(place), groups.get("date"), groups.get("agency"), end)


def _match_dated(line: str, languages: tuple[str, ...]) -> re.Match[str] | None:
    found = DATED.match(line)
    if found is None or not _reads_as_date(found["date"], languages):
        return None
    return found if _plausible_place(found["place"], languages) else None


def _match_undated(line: str, languages: tuple[str, ...], labels: frozenset[str]) -> re.Match[str] | None:
    for pattern in (WITH_AGENCY, CORRESPONDENT, CAPITALS_COLON):
        found = pattern.match(line)
        if found is None or not _plausible_place(found["place"], languages):
            continue
        if pattern in (CAPITALS_COLON, DEVANAGARI_DANDA) and found["place"].lower() in labels:
            continue
        return found
    return None


def resolve_date(
    date_text: str, published: str | None, article_text: str, languages: tuple[str, ...] = ("en", "fr", "hi")
) -> str | None:
    """The ISO date a dateline's ``date_text`` names: its own year if it has one, else the latest such date on or
    before the publication date, else in the year the article names most often; None when none of these exists."""
    import dateparser

    languages = _date_languages(languages)
    settings: dict[str, object] = {"REQUIRE_PARTS": ["day", "month"], "PREFER_DATES_FROM": "past"}
    if not YEAR_IN_TEXT.search(date_text):
        base = _published_date(published)
        if base is not None:
            settings["RELATIVE_BASE"] = datetime.combine(base + timedelta(days=1), datetime.min.time())
        else:
            year = _most_named_year(article_text)
            if year is None:
                return None
            settings["RELATIVE_BASE"] = datetime(year, 12, 31, 23, 59)
    parsed = dateparser.parse(date_text, languages=list(languages), settings=settings)  # type: ignore[arg-type]
    return parsed.date().isoformat() if parsed else None


def _published_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _most_named_year(text: str) -> int | None:
    years = Counter(int(y.translate(DEVANAGARI_DIGITS)) for y in YEAR_IN_TEXT.findall(text))
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))


def match_opening_dateline(
    line: str,
    languages: tuple[str, ...] = ("en", "fr", "hi"),
    labels: frozenset[str] = frozenset(),
    story: str = "",
) -> DatelineMatch | None:
    """The dateline that opens the story's first paragraph ``line``: any shape ``match_dateline`` reads, or a place
    before a colon ("Bengaluru:", "नई दिल्ली:"), in capitals before a full stop ("LILLE.") or in Devanagari before a
    danda ("बिलासपुर।"), when the line ends as a sentence does (a label's "Born: March 3, 2004, Pune" does not); or a
    place in title case before a full stop ("Yvetot.") that the ``story`` (its text, the line included) names inside
    a sentence too ("... le site d'Yvetot ...")."""
    found = match_dateline(line, languages, labels)
    if found is not None:
        return found
    languages = _date_languages(languages)
    for pattern in (DEVANAGARI_DANDA, PLACE_COLON, CAPITALS_PERIOD, TITLE_CASE_PERIOD):
        match = pattern.match(line)
        if match is None or match["place"].lower() in labels or not _plausible_place(match["place"], languages):
            continue
        if pattern is TITLE_CASE_PERIOD and not named_inside_a_sentence(match["place"], story):
            continue
        end = match.end()
        while end < len(line) and line[end] == " ":
            end += 1
        if not SENTENCE_END.search(line.rstrip()):
            continue
        return DatelineMatch(_display_place(match["place"]), None, None, end)
    return None


def named_inside_a_sentence(name: str, story: str) -> bool:
    """``story`` writes ``name`` capitalised after a lower-case word, a comma or an elision ("à Yvetot", "d'Yvetot"):
    a proper name, which a one-word sentence opening a paragraph ("Incroyable.") is not."""
    return bool(re.search(rf"(?:[{_LOWER},;:] +|\b[{_LATIN}]['’]){re.escape(name)}(?![{_LATIN}])", story))


def opening_line(lines: Sequence[str], title: str | None) -> int | None:
    """The first line under the headline (the line equal to ``title``, else the first line: a scraped page opens with
    its headline); None when the text has no line under it."""
    key = _line_key(title) if title else None
    title_at = next((n for n, line in enumerate(lines) if key is not None and _line_key(line) == key), 0)
    first = title_at + 1
    return first if first < len(lines) else None


def paragraph_starts(
    text: str,
    title: str | None,
    languages: tuple[str, ...] = ("en", "fr", "hi"),
    labels: frozenset[str] = frozenset(),
) -> list[tuple[int, DatelineMatch | None]]:
    """Per line of ``text``: where its text starts (after the dateline that opens it, else 0) and that dateline.

    Any paragraph may open with a dateline of shapes 1-4 (a live blog's entries, a digest of wire stories); shapes
    5-7 only at the start of the story's first paragraph (``opening_line``), once: the first line under the
    headline that ends as a sentence, or the next such line when the first is a standfirst with no dateline of its
    own (a summary list, its heading or a photo credit between them do not end as sentences and are skipped)."""
    lines = text.split("\n")
    found = [match_dateline(line, languages, labels) for line in lines]
    first = opening_line(lines, title)
    # The first two lines under the headline that end as sentences (the standfirst, the first paragraph): lines
    # that do not are no paragraph (a summary list and its heading, "मुख्य बिंदु" and its bullets; a photo credit).
    openings = [n for n in range(first or 0, len(lines)) if SENTENCE_END.search(lines[n].rstrip())][:2]
    if first is not None and openings and not any(found[: openings[-1] + 1]):
        for number in openings:
            opening = match_opening_dateline(lines[number], languages, labels, story=text)
            if opening is not None:
                found[number] = opening
                break
    return [(match.end if match else 0, match) for match in found]


def article_dateline(
    text: str,
    published: str | None,
    languages: tuple[str, ...] = ("en", "fr", "hi"),
    labels: frozenset[str] = frozenset(),
    title: str | None = None,
) -> Dateline | None:
    """The article's dateline: the first paragraph of ``text`` that opens with one, with its date resolved."""
    for _, found in paragraph_starts(text, title, languages, labels):
        if found is None:
            continue
        when = resolve_date(found.date_text, published, text, languages) if found.date_text else None
        return Dateline(found.place, when, found.agency)
    return None


def dateline_of(text: str, published: str | None, config: CorpusConfig, title: str | None = None) -> Dateline | None:
    """The article's dateline under the corpus config (None when ``corpus.datelines`` is off)."""
    if not config.datelines:
        return None
    return article_dateline(
        text, published, config.candidate_languages, _labels(config.dateline_labels), title=title
    )


def body_start(line: str, config: CorpusConfig) -> int:
    """Where a paragraph's text starts: after the dateline of shapes 1-4 that opens it, else 0."""
    if not config.datelines:
        return 0
    found = match_dateline(line, config.candidate_languages, _labels(config.dateline_labels))
    return found.end if found else 0


def opens_with_dateline(line: str, config: CorpusConfig) -> bool:
    """The line opens with a dateline of shapes 1-4, or with a Devanagari place and a danda (shape 7, "बिलासपुर।"),
    wherever it stands on the page: such a line is not judged as furniture, since where the story's first paragraph
    is can be told only after the furniture is gone. Shapes 5 and 6 are left out: on a page they also open reader
    comments and imprints ("राकेश वर्मा: ...", "संपादक: ...")."""
    if body_start(line, config):
        return True
    if not config.datelines:
        return False
    found = DEVANAGARI_DANDA.match(line)
    languages = _date_languages(config.candidate_languages)
    return (
        found is not None
        and found["place"].lower() not in _labels(config.dateline_labels)
        and _plausible_place(found["place"], languages)
    )


def reads_as_dateline_led(line: str, config: CorpusConfig) -> bool:
    """The line opens with a dateline of any shape (1-7) and reads on as a sentence: a story's paragraph, whatever
    else its place on the page suggests (a caption never opens with "PLACE:" or "PLACE, DATE -")."""
    found = match_opening_dateline(line, config.candidate_languages, _labels(config.dateline_labels))
    return found is not None and found.end < len(line)


def body_starts(text: str, title: str | None, config: CorpusConfig) -> list[int]:
    """Per line of an article's ``text``: where its text starts, after the dateline that opens it (shapes 5-7 in
    the story's first paragraph only); all 0 when ``corpus.datelines`` is off. The segmenter starts there."""
    if not config.datelines:
        return [0] * len(text.split("\n"))
    starts = paragraph_starts(text, title, config.candidate_languages, _labels(config.dateline_labels))
    return [start for start, _ in starts]


def _line_key(line: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", line).casefold().split())


@lru_cache(maxsize=8)
def _labels(labels: tuple[str, ...]) -> frozenset[str]:
    return frozenset(label.lower() for label in labels)
