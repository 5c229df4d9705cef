"""Page furniture: which lines of a scraped page are not the article, judged by evidence rather than by a list.

A scraped page holds the article (headline, standfirst, paragraphs, crossheads) among what the site puts around it:
menus, bylines, date stamps, share bars, captions, related headlines, comment forms, cookie notices. Each line the
boilerplate rules keep is judged by what can be observed about it, and a dropped line keeps its reason:

- ``rule``: it matches one of the configured boilerplate patterns (``corpus.boilerplate_lines``);
- ``repeated``: the same line is on another page the same source published about *another* event (menus, footers,
  bios, cookie and newsletter notices are the site's, not the story's); or, in this event, on another article
  (of any outlet) while not being a sentence; or it is the headline of another article of the event (a related
  list). A *sentence* repeated within one event is shared reporting (a daily running wire paragraphs) and stays,
  unless its own source prints it on two of its pages and it reads as no paragraph (a newsletter's sign-up line);
  a pull quote (a sentence repeating a passage of a longer line of the page) is repeated too;
- ``non_sentence``: no sentence-final punctuation, and jusText's paragraph classification (stop-word density,
  length, link density, and the class of the lines around it) puts it outside the article: a subhead between two
  paragraphs of the article stays, a run of menu words, names, dates or counts does not;
- ``teaser`` and ``caption``: by structure alone (``teaser_lines``, ``caption_lines``): an inline "also read" box
  (a cue from ``corpus.teaser_cues`` and the headlines it introduces), a photo credit labelled from
  ``corpus.credit_cues``, the caption right above it, a caption that ends with one in brackets;
- ``boilerplate``: a sentence that jusText classifies as boilerplate: almost no stop words (tickers), mostly link
  text (HTML), a copyright sign, or a short sentence among furniture, far from the article's paragraphs (captions,
  "Lecture 5 min."); and the author's box under the story (``author_bios``: a line that opens with a name of the
  byline and goes on as a profile, "Priyanka Rathore writes on ...", after the story's last paragraph); and
  readers' comments (``comment_runs``: two or more "Name: sentence" lines by different people after the story's
  last paragraph). A video's title over its bare running time on a live page (``player_titles``) is
  ``non_sentence``.

The body is found, below the headline (what stands above it is the site's), as the run of lines that reads most
like article text, then grown by what continues the story
(``with_adjacent_lists``; ``with_edge_sentences``: the sentence right after it that jusText calls bad for its
stop-word density alone, when it has grammar and the story's words; ``with_conversion_notes``: a wire's currency
note after it); a live blog's time stamps join its entries instead of splitting them, the story's data written as
lines (``data_runs``: a run of figures of one shape, a fact box of "label: value" lines, with figures or, under a
heading of its own, names, a numbered list) weighs and
grows the body as a list does (its heading as a crosshead), and a Devanagari sentence with a finite verb counts as
text whatever its stop words.

The article's own title is never dropped. Context needs an article to be judged against: a page without a single
paragraph that jusText calls good or near-good keeps its sentences (a news brief of two short lines is not furniture).
Each class can be switched off (``corpus.furniture``) so a user who disagrees keeps those lines; every threshold is
in ``[corpus]``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from justext.core import classify_paragraphs
from justext.paragraph import Paragraph

from align.config import CorpusConfig
from align.dateline import reads_as_dateline_led
from align.records import DroppedLine

FURNITURE_CLASSES: tuple[str, ...] = ("rule", "repeated", "non_sentence", "boilerplate", "teaser", "caption")
# jusText's stop lists by ISO 639-1 code (it ships ~100; these are the languages align's candidates name).
STOPLIST_NAMES = {
    "en": "English",
    "fr": "French",
    "hi": "Hindi",
    "es": "Spanish",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "mr": "Marathi",
    "ne": "Nepali",
}
# A line that ends a sentence: terminal punctuation, then only closing quotes or brackets.
SENTENCE_END = re.compile(r"[.!?।॥…][\"'”’»)\]]*$")
WORD_EDGES = "\"'“”‘’«»()[]{}.,;:!?।॥…-–—|/·•*#@"
DIGIT_RUN = re.compile(r"\d+")
DIGIT = re.compile(r"[\d०-९]")
# An English possessive ("Kulkarni's", "Pune’s"): the word is the name it is on.
POSSESSIVE = re.compile(r"['’]s$")
# "Label: rest" or "Label | rest": the label (without trailing parentheses such as "(abonnés)") and a rest.
LABEL = re.compile(r"^([^:|]{1,40}?)\s*(?:\([^)]{0,20}\)\s*)?[:|]\s+\S")
LABEL_WORDS = 4
# Hindi finite verbs, the evidence that a Devanagari line ending in a danda is a sentence (stop-word density is weak
# evidence in Hindi: a sentence of names, numbers and nouns with its postpositions can fall under jusText's
# threshold). The copula and auxiliaries, the perfective forms of the light verbs (do, go, say, give, take, be,
# stay, can, finish, get), and any future form (-एगा/-ेगी/-ेंगे ...).
HINDI_FINITE_WORDS = frozenset(
    "है हैं था थी थे थीं हूं हूँ हो होगा होगी होंगे किया किए किये गया गई गए गयी गये कहा दिया दिए लिया हुआ हुई हुए "
    "रहा रही रहे सका सकी सके चुका चुकी चुके मिला मिली मिले बताया पाया आया आई आए लगा लगी".split()
)
HINDI_FUTURE = re.compile(r"(?:[ेैोौएऐओऔू]ं?|ँ)(?:गा|गी|गे)$")
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
# A line that is nothing but a time of day ("10:45 IST", "7.15 pm", "22h10", "१०:४५ बजे"): a live blog's entry stamp.
CLOCK_STAMP = re.compile(
    r"^\s*\d{1,2}(?:[:.]|\s?h\s?)\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s+(?:[a-z]{2,4}(?:[+-]\d{1,2}(?::\d{2})?)?|बजे))?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Page:
    """One article's non-empty lines (inline junk removed), which of them the boilerplate patterns match, and where
    the article comes from."""

    event_id: str
    file: str
    source: str
    title: str | None
    lines: tuple[str, ...]
    rule_hits: tuple[bool, ...]
    list_items: tuple[bool, ...] = ()  # shown as a list item (bullet or dash) or a table row; empty: none known
    sha256: str = ""  # of the file: the same file reached through two paths (a symlink) is one page
    # Whether the source was declared (manifest, or the HTML's site name) rather than taken from the file name:
    # only a declared source ties pages of different events to one outlet.
    source_declared: bool = True
    # For HTML pages, the markup's view of each line: (is a heading, share of its characters inside links).
    markup: tuple[tuple[bool, float] | None, ...] | None = None


def line_key(line: str) -> str:
    """What two lines must share to be "the same line": case, whitespace and Unicode forms aside."""
    return " ".join(unicodedata.normalize("NFKC", line).casefold().split())


def shape_key(line: str) -> str:
    """The same line but for its numbers: "12 comments" and "4 comments", "Updated 3 hours ago" and "... 5 ...",
    which is how a page's counters and stamps repeat (``line_key`` with every digit run made one "0")."""
    return DIGIT_RUN.sub("0", line_key(line))


def line_label(line: str) -> str | None:
    """The label a line opens with ("Lire aussi" in "Lire aussi | ...", "Topics" in "Topics: ..."): at most
    ``LABEL_WORDS`` words before a colon or bar that is followed by more text; None when there is none."""
    match = LABEL.match(line)
    if match is None or len(match.group(1).split()) > LABEL_WORDS:
        return None
    return line_key(match.group(1))


def is_sentence(line: str) -> bool:
    """Ends as a sentence does (".", "!", "?", danda, ellipsis, maybe then a closing quote) and holds a letter."""
    return bool(SENTENCE_END.search(line.rstrip())) and any(ch.isalpha() for ch in line)


def is_clock_stamp(line: str) -> bool:
    """The line is a time of day and nothing else: the stamp a live blog puts over each entry."""
    return bool(CLOCK_STAMP.match(line))


def is_devanagari_sentence(line: str) -> bool:
    """A line mostly in Devanagari that ends with a danda and holds a finite verb: read as a sentence of text
    whatever its stop-word density ("कंपनी इस प्लांट पर 1.2 अरब यूरो ... खर्च करेगी।")."""
    stripped = line.rstrip().rstrip("\"'”’»)]")
    return stripped.endswith(("।", "॥")) and is_devanagari_clause(line)


def is_devanagari_clause(line: str) -> bool:
    """A line mostly in Devanagari that holds a finite verb, whatever its last character: what a Hindi standfirst
    is, which often ends without a danda ("... सेल बनेंगे, होसुर में बैटरी पैक की नई लाइन लगेगी")."""
    letters = [ch for ch in line if ch.isalpha()]
    if sum(bool(DEVANAGARI.match(ch)) for ch in letters) * 2 <= len(letters):
        return False
    words = [w.strip(WORD_EDGES) for w in line.split()]
    return any(w in HINDI_FINITE_WORDS or HINDI_FUTURE.search(w) for w in words)


@dataclass
class RepetitionIndex:
    """Where each line occurs across a corpus: which articles, of which source, in which event."""

    places: dict[str, set[tuple[str, str, str]]] = field(default_factory=lambda: defaultdict(set))
    shapes: dict[str, set[tuple[str, str, str]]] = field(default_factory=lambda: defaultdict(set))
    labels: dict[str, set[tuple[str, str, str]]] = field(default_factory=lambda: defaultdict(set))
    titles: dict[str, dict[str, str]] = field(
        default_factory=lambda: defaultdict(dict)
    )  # event -> key -> file

    @classmethod
    def of(cls, pages: Iterable[Page]) -> RepetitionIndex:
        index = cls()
        for page in pages:
            # An undeclared source matches no other page's (file names are not outlets).
            source = page.source if page.source_declared else f"\0{page.event_id}/{page.file}"
            place = (page.event_id, source, _identity(page))
            for line in page.lines:
                index.places[line_key(line)].add(place)
                index.shapes[shape_key(line)].add(place)
                label = line_label(line)
                if label is not None:
                    index.labels[label].add(place)
            if page.title:
                index.titles[page.event_id][line_key(page.title)] = _identity(page)
        return index

    def other_events_of_source(self, page: Page, line: str) -> bool:
        """The page's source printed this line on a page about another event; a line that is not a sentence
        counts with other numbers in it too (counters, date stamps), and so does the label it opens with
        ("Lire aussi | <another headline>")."""
        places = set(self.places.get(line_key(line), ()))
        if not is_sentence(line):
            places |= self.shapes.get(shape_key(line), set())
            label = line_label(line)
            if label is not None:
                places |= self.labels.get(label, set())
        if not page.source_declared:
            return False
        return any(e != page.event_id and s == page.source and f != _identity(page) for e, s, f in places)

    def elsewhere_in_event(self, page: Page, line: str) -> bool:
        """Another article of the page's event (any outlet) has this line too."""
        return any(
            e == page.event_id and f != _identity(page) for e, _, f in self.places.get(line_key(line), ())
        )

    def elsewhere_in_source(self, page: Page, line: str) -> bool:
        """Another article of the page's event from the page's own (declared) source has this line too."""
        if not page.source_declared:
            return False
        return any(
            e == page.event_id and s == page.source and f != _identity(page)
            for e, s, f in self.places.get(line_key(line), ())
        )

    def headline_of_another(self, page: Page, line: str) -> bool:
        title_of = self.titles.get(page.event_id, {}).get(line_key(line))
        return title_of is not None and title_of != _identity(page)


def _identity(page: Page) -> str:
    return page.sha256 or page.file


@lru_cache(maxsize=32)
def stop_words(language: str) -> frozenset[str]:
    """jusText's stop list for ``language`` (lower-cased, edge punctuation off); empty when it has none."""
    import justext

    name = STOPLIST_NAMES.get(language)
    if name is None:
        return frozenset()
    return frozenset(w.lower().strip(WORD_EDGES) for w in justext.get_stoplist(name)) - {""}


class LineParagraph(Paragraph):
    """One line as a jusText paragraph, so jusText's own classifier judges it."""

    def __init__(self, text: str, heading: bool = False, link_density: float = 0.0) -> None:
        self.dom_path = "body.h2" if heading else "body.p"
        self.xpath = "/" + self.dom_path.replace(".", "/")
        self.text_nodes = [text]
        self.chars_count_in_links = round(link_density * len(self.text))
        self.tags_count = 0
        self.class_type = ""

    def stopwords_count(self, stopwords: frozenset[str]) -> int:
        # jusText compares words with their punctuation ("said,"); a word is the same word without it.
        return sum(w.lower().strip(WORD_EDGES) in stopwords for w in self.text.split())


def judge_page(page: Page, index: RepetitionIndex, language: str, config: CorpusConfig) -> list[str | None]:
    """Per line of ``page``: None to keep it, or the furniture class it is dropped as."""
    switched_on = set(config.furniture)
    title_key = line_key(page.title) if page.title else None
    verdicts: list[str | None] = ["rule" if hit and "rule" in switched_on else None for hit in page.rule_hits]
    if "repeated" in switched_on:
        for number in pull_quotes(page.lines):
            if line_key(page.lines[number]) != title_key:
                verdicts[number] = verdicts[number] or "repeated"
        for number, line in enumerate(page.lines):
            if (
                verdicts[number] is None
                and line_key(line) != title_key
                and _repeated(page, line, index, language, config)
            ):
                verdicts[number] = "repeated"
    if title_key is None:
        # No title known (no manifest title, no HTML title): a scraped page opens with its headline, so the first
        # line that is not already furniture stands for it.
        first = next((n for n, verdict in enumerate(verdicts) if verdict is None), None)
        title_key = line_key(page.lines[first]) if first is not None else None
    numbers = [n for n, line in enumerate(page.lines) if line_key(line) != title_key]
    # A scraped page opens the article with its headline: what stands above it is the site's (masthead, menu,
    # breadcrumb, rubric, a newsletter's issue line), never the story's body or summary.
    title_at = next((n for n, line in enumerate(page.lines) if line_key(line) == title_key), -1)
    floor = sum(n < title_at for n in numbers)
    classes = jus_text_classes(page, numbers, language, config)
    listed = page.list_items or (False,) * len(page.lines)
    # A run of figures written as plain lines ("1974: 47.1 डिग्री (अप्रैल)", a results list, a table flattened to
    # lines) weighs as a list does: data where it stands, inside the body when text stands on both sides of it.
    # So does a fact box written as "label: value" lines ("फंसी ट्रॉलियां: 11", "2019: ..."): both are the story's
    # data as list items and table rows are, kept where the story stands around them or grows over them.
    # A line made of links is a box of other stories whatever its shape ("1. <a>headline</a>" under "Most read").
    data = {n for n in data_runs(page.lines, verdicts, stop_words(language)) if not _link_text(page, n, config)}
    # Its lines weigh as list items; its heading (the one line of it without a number) weighs as any crosshead does,
    # so that a box at the story's end does not let the body run on, cost-free, into what follows (a teaser box,
    # tags and readers' comments under a fact box).
    # A teaser box's dated links ("12 May: <headline>" under "Also read") are the box's, not the story's data.
    teasers = teaser_lines(page.lines, config.teaser_cues, data) if "teaser" in switched_on else set()
    listed = [
        item
        or (
            n in data
            and n not in teasers
            and (DIGIT.search(page.lines[n]) is not None or fact_label(page.lines[n], stop_words(language)) is not None)
        )
        for n, item in enumerate(listed)
    ]
    if "boilerplate" in switched_on:
        # Readers' comments under the story ("Gwen35 : Quelle course ! ...") read as short sentences: out of the
        # body's search, so that it does not run on over a comment count into them.
        for number in comment_runs(page.lines, verdicts, classes, stop_words(language), page.title or ""):
            if line_key(page.lines[number]) != title_key:
                verdicts[number] = "boilerplate"
    weights = [line_weight(page.lines[n], classes[n], verdicts[n] is not None, listed[n], config) for n in numbers]
    if not any(classes[n] in ("good", "neargood") for n in numbers):
        # No paragraph to tell the article by (a brief of a few short lines): no context to judge but structure.
        return with_teasers_and_captions(page, verdicts, title_key, config, teasers)
    standfirst = _standfirst(page, classes, verdicts, title_key, config)
    # The story's own words: its headline and standfirst say what it is about as much as its paragraphs do.
    heading_lines = [page.title or ""] + ([page.lines[standfirst]] if standfirst is not None else [])
    start, end = (floor + position for position in body_span(weights[floor:]))
    if start == end:
        start = end = 0  # no body at all
    (start, end), between = with_adjacent_lists(
        page, numbers, verdicts, (start, end), stop_words(language), heading_lines, floor, listed
    )
    start, end = with_edge_sentences(
        page, numbers, verdicts, classes, (start, end), stop_words(language), heading_lines, config
    )
    end = with_conversion_notes(page, numbers, verdicts, (start, end))
    for position, number in enumerate(numbers):
        if verdicts[number] is not None or number == standfirst:
            continue
        in_body = start <= position < end and position not in between
        if in_body and not is_clock_stamp(page.lines[number]):
            continue  # in the body: text, subheads and lists stay; an entry's time stamp does not
        kind = "boilerplate" if is_sentence(page.lines[number]) else "non_sentence"
        verdicts[number] = kind if kind in switched_on else None
    if "non_sentence" in switched_on:
        for number in player_titles(page.lines, verdicts):
            if line_key(page.lines[number]) != title_key:
                verdicts[number] = "non_sentence"
    paragraphs = {n for n in numbers if classes[n] in ("good", "neargood") and verdicts[n] is None}
    if "rule" in switched_on:
        for number in paywall_lines(page.lines, config.paywall_cues, paragraphs, verdicts):
            if line_key(page.lines[number]) != title_key:
                verdicts[number] = "rule"
    if "rule" in switched_on:
        for number in staff_credit_lines(page.lines, config.staff_credit_lines, verdicts):
            if line_key(page.lines[number]) != title_key:
                verdicts[number] = "rule"
    if "non_sentence" in switched_on:
        story = content_words(page.title or "", stop_words(language))
        for number in paragraphs:
            story |= content_words(page.lines[number], stop_words(language))
        for number in box_labels(page.lines, listed, verdicts, paragraphs, story, stop_words(language)):
            if line_key(page.lines[number]) != title_key:
                verdicts[number] = "non_sentence"
    if "boilerplate" in switched_on:
        # The byline stands above the body's first paragraph, under the standfirst when there is one.
        body_paragraphs = sorted(paragraphs - {standfirst})
        first = body_paragraphs[0] if body_paragraphs else len(page.lines)
        names = byline_names(page.lines[:first], verdicts[:first], page.source)
        for number in author_bios(page.lines, verdicts, paragraphs, names):
            if line_key(page.lines[number]) != title_key:
                verdicts[number] = "boilerplate"
    return with_teasers_and_captions(page, verdicts, title_key, config, teasers)


def _link_text(page: Page, number: int, config: CorpusConfig) -> bool:
    """The markup shows the line as mostly link text (more than ``max_link_density``); False for a text page."""
    markup = page.markup[number] if page.markup else None
    return markup is not None and markup[1] > config.max_link_density


# What opens a byline before the names: "By", "Par", "Posted by:", "Published by:", "द्वारा".
BYLINE_LEAD = re.compile(r"^(?:(?:written|posted|published|reported|text|texte)\s+)?(?:by|par|द्वारा)\b\s*:?\s*", re.I)
# What separates the names of a byline ("By A and B", "Par A et B", "A · 4 min read", "Par A (New Delhi, ...)").
BYLINE_SEPARATOR = re.compile(r"\s*(?:,|;|·|\||•|&|\band\b|\bet\b|\bऔर\b|\(.*)\s*")
# A byline is a short line; a name in it two or three words.
BYLINE_WORDS = 10
NAME_WORDS = (2, 3)
# The word an author's bio goes on with after the name ("X is a senior correspondent", "X est journaliste", "X
# covers ...", "X writes on ..."): the profile's own verbs, which a paragraph of the story that opens with the same
# words as a byline (a place, a desk's name) rarely has.
BIO_VERBS = frozenset(
    "is was writes covers reports tracks edits leads has joined heads works est était écrit couvre suit dirige "
    "travaille a हैं है थे लिखते लिखती".split()
)
# What opens the heading of an author box ("About Kavya Iyer", "À propos de ...").
ABOUT = re.compile(r"^(?:about|à propos de|a propos de)\s+", re.I)


def byline_names(lines: Sequence[str], verdicts: Sequence[str | None], source: str) -> set[str]:
    """The names of the page's byline: in the furniture above the story's first paragraph (``lines`` and their
    ``verdicts`` up to it), the short lines that are no sentence ("By Ananya Rao and Tom Hollis", "Par Antoine
    Delorme", "Priyanka Rathore"), their lead and what follows a name taken off, every part of two or three words
    that all open with a capital (or are Devanagari); the outlet's own name (``source``) is none."""
    names = set()
    for line, verdict in zip(lines, verdicts, strict=True):
        if verdict is None or is_sentence(line) or len(line.split()) > BYLINE_WORDS:
            continue
        for part in BYLINE_SEPARATOR.split(BYLINE_LEAD.sub("", line.strip())):
            words = part.split()
            if NAME_WORDS[0] <= len(words) <= NAME_WORDS[1] and all(
                w[0].isupper() or DEVANAGARI.match(w[0]) for w in words
            ):
                names.add(line_key(part))
    return names - {line_key(source)}


def author_bios(
    lines: Sequence[str], verdicts: Sequence[str | None], paragraphs: set[int], names: set[str]
) -> set[int]:
    """The kept lines of the author's box at the end of the story: a line that opens with a name of the byline
    (``names``) and goes on with a verb of a profile (``BIO_VERBS``: "Priyanka Rathore writes on energy ...",
    "Antoine Delorme est journaliste ..."), the box's heading ("About Kavya Iyer") and the line under it that opens
    with the name's first word ("Kavya writes about ..."), when no paragraph of the story (``paragraphs``: a kept
    line jusText calls good or near-good that ends as a sentence) but such lines stands after it. A story that quotes its own
    reporter, or a paragraph that names her among the story's, has paragraphs of the story after it."""
    if not names:
        return set()
    first_words = {name.split()[0] for name in names}
    found: set[int] = set()
    about_above = False
    for number, line in enumerate(lines):
        if verdicts[number] is not None:
            continue
        key = line_key(line)
        about = ABOUT.match(key)
        opens_with_name = any(
            key.startswith(name + " ") and key[len(name) + 1 :].split(" ", 1)[0] in BIO_VERBS for name in names
        )
        if about is not None and key[about.end() :].strip() in names:
            found.add(number)
            about_above = True
            continue
        if opens_with_name or (about_above and key.split(" ", 1)[0] in first_words):
            found.add(number)
        about_above = False
    # The story's paragraphs end as sentences (a related headline the page keeps after the box does not).
    story_after = [n for n in paragraphs if n not in found and verdicts[n] is None and is_sentence(lines[n])]
    last = max(story_after, default=-1)
    return {number for number in found if number > last}


# A paywall or sign-in notice is a short line: at most this many words ("Il vous reste 45 % de cet article à lire.
# La suite est réservée aux abonnés." has 15).
PAYWALL_WORDS = 20
# What separates the words a paywall cue is compared with (letters, digits, Devanagari signs and the apostrophe of
# "s'abonner" stay).
CUE_WORD_BREAK = re.compile(r"[^\w\u0900-\u097f']+")


def _cue_words(text: str) -> str:
    return " " + CUE_WORD_BREAK.sub(" ", line_key(text).replace("’", "'")).strip() + " "


def _holds_cue(words: str, cue_keys: Sequence[str]) -> bool:
    return any(cue in words for cue in cue_keys)


def _distinct_cues(words: str, cue_keys: Sequence[str]) -> set[str]:
    """The cues ``words`` holds, a cue inside a longer one it holds ("abonnés" in "réservée aux abonnés") not
    counted apart."""
    held = {cue for cue in cue_keys if cue in words}
    return {cue for cue in held if not any(cue != other and cue.strip() in other for other in held)}


def paywall_lines(
    lines: Sequence[str], cues: Sequence[str], paragraphs: set[int], verdicts: Sequence[str | None]
) -> set[int]:
    """The kept lines that are paywall, subscription or sign-in notices: a line of at most ``PAYWALL_WORDS`` words
    holding a cue of the trade (``corpus.paywall_cues``, compared as whole words) where it stands as a notice, not
    as reporting: after the article's last paragraph or before its first (``paragraphs``: the kept lines jusText
    calls good or near-good), or beside another such line (a paywall box: "La suite de cet article est réservée
    aux abonnés." over "Déjà abonné ? Se connecter", wherever the scrape put it). A sentence of the story that
    mentions subscribers stands among its paragraphs, alone."""
    cue_keys = [_cue_words(cue) for cue in cues if cue.strip()]
    cued = {
        number
        for number, line in enumerate(lines)
        if verdicts[number] is None
        and len(line.split()) <= PAYWALL_WORDS
        and _holds_cue(_cue_words(line), cue_keys)
    }
    story = sorted(paragraphs - cued)
    if not story:
        return set()  # no paragraph to tell a notice from the story by
    # Two different cues in one line are the notice itself, wherever it stands ("Cet article est réservé à nos
    # abonnés. Abonnez-vous pour 1 € le premier mois."): reporting that names subscribers names them once.
    offers = {number for number in cued if len(_distinct_cues(_cue_words(lines[number]), cue_keys)) >= 2}
    return {
        number
        for number in cued
        if number > story[-1] or number < story[0] or number - 1 in cued or number + 1 in cued or number in offers
    }


def staff_credit_lines(lines: Sequence[str], patterns: Sequence[str], verdicts: Sequence[str | None]) -> set[int]:
    """The kept lines that are a wire's staff credits ("Reporting by A in X; Editing by B") or an interview's
    ("Propos recueillis par X"): a whole line matching one of ``patterns`` (``corpus.staff_credit_lines``) that does
    not end as a sentence ("Reporting by the BBC showed that ..." does). Judged after the body is found: a credit
    under the last paragraph keeps the weight it has as a line (it used to carry a wire's "($1 = 86.90 Indian
    rupees)" note into the body), and only then goes."""
    compiled = _compiled(tuple(patterns))
    return {
        number
        for number, line in enumerate(lines)
        if verdicts[number] is None
        and not SENTENCE_END.search(line.rstrip())
        and any(pattern.fullmatch(line.strip()) for pattern in compiled)
    }


@lru_cache(maxsize=8)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)


# The label of a highlights box ("In short", "Key Events", "खबर की खास बातें", "En bref") is at most this many words.
BOX_LABEL_WORDS = 4
# ... and stands right above at least this many list items,
BOX_ITEMS = 2
# ... with at most this many paragraphs of the story above it (its standfirst).
BOX_PARAGRAPHS_ABOVE = 1


def box_labels(
    lines: Sequence[str],
    listed: Sequence[bool],
    verdicts: Sequence[str | None],
    paragraphs: set[int],
    story: set[str],
    stoplist: frozenset[str],
) -> set[int]:
    """The kept lines that label a highlights or summary box: at most ``BOX_LABEL_WORDS`` words, no sentence (no
    sentence-final punctuation), right above ``BOX_ITEMS`` or more kept list items, at the top of the story (at
    most the standfirst, one of its ``paragraphs``, above it), and sharing fewer than half of its content words with
    the story (its headline and paragraphs, ``story``; "खबर" of "खबर की खास बातें" is a word a Hindi story uses
    too): a box label is the site's ("Key Events", "मुख्य बिंदु"), while a subhead
    over a list or table names what it lists ("Le contrat en chiffres") and one among the paragraphs is the
    story's own crosshead ("Key numbers", "Quick hits" over the facts its reporting ends with). The items keep
    their own judgement."""
    found = set()
    for number, line in enumerate(lines):
        if verdicts[number] is not None or listed[number] or is_sentence(line):
            continue
        if sum(p < number for p in paragraphs) > BOX_PARAGRAPHS_ABOVE:
            continue
        words = content_words(line, stoplist)
        if not 0 < len(line.split()) <= BOX_LABEL_WORDS or 2 * len(words & story) >= max(len(words), 1):
            continue
        following = range(number + 1, number + 1 + BOX_ITEMS)
        if all(n < len(lines) and listed[n] and verdicts[n] is None for n in following):
            found.add(number)
    return found


# What may stand between a cue and what it introduces: "Lire aussi | ...", "ये भी पढ़ें- ...", "Photo : ...".
CUE_SEPARATOR = re.compile(r"\s*(?:\([^)]{0,20}\)\s*)?[:|\-–—»›]+\s*")
# Words of a headline: a teaser headline is one line of at most this many words.
HEADLINE_WORDS = 25
# A credit names a photographer or an agency: a few words.
CREDIT_WORDS = 8
# A caption is one or two sentences of at most this many words.
CAPTION_WORDS = 45
FULL_STOP_END = re.compile(r"[.।॥][\"'”’»)\]]*$")


def with_teasers_and_captions(
    page: Page,
    verdicts: Sequence[str | None],
    title_key: str | None,
    config: CorpusConfig,
    teasers: Collection[int],
) -> list[str | None]:
    """``verdicts`` with the lines of inline teaser boxes (``teasers``: ``teaser_lines``, read once by
    ``judge_page``) and of photo captions and credits (``caption_lines``) dropped, where no other class has dropped
    them; never the title."""
    judged = list(verdicts)
    for kind, numbers in (
        ("teaser", teasers),
        (
            "caption",
            caption_lines(page.lines, config.credit_cues, lambda line: reads_as_dateline_led(line, config)),
        ),
    ):
        if kind not in config.furniture:
            continue
        for number in numbers:
            if judged[number] is None and line_key(page.lines[number]) != title_key:
                judged[number] = kind
    return judged


def _data_heading(lines: Sequence[str], data: Collection[int], number: int) -> bool:
    """The line is the heading of a run of data (in ``data``, itself no line of figures or facts, the run under it)."""
    return (
        number in data
        and number + 1 in data
        and figure_shape(lines[number]) is None
        and fact_label(lines[number]) is None
    )


def _cue_keys(cues: Sequence[str]) -> list[str]:
    """Cues as ``line_key``s, longest first (so "à lire aussi" is tried before "lire aussi")."""
    return sorted({line_key(c) for c in cues}, key=len, reverse=True)


def _cue_prefix(line: str, cue_keys: Sequence[str]) -> str | None:
    """What follows the cue (one of ``_cue_keys``) that opens ``line`` and a separator after it ("Lire aussi |
    <rest>"); None when the line opens with no cue, or with one and no separator."""
    key = line_key(line)
    for cue in cue_keys:
        if not key.startswith(cue):
            continue
        separator = CUE_SEPARATOR.match(key, len(cue))
        if separator is not None and separator.end() > len(cue) and separator.end() < len(key):
            return key[separator.end() :]
    return None


def is_headline_shaped(line: str) -> bool:
    """One line that reads as a headline: at most ``HEADLINE_WORDS`` words, no full stop at its end (a question or
    exclamation mark may end it), a letter in it."""
    return (
        len(line.split()) <= HEADLINE_WORDS
        and not FULL_STOP_END.search(line.rstrip())
        and any(ch.isalpha() for ch in line)
    )


def teaser_lines(lines: Sequence[str], cues: Sequence[str], data: Collection[int] = frozenset()) -> set[int]:
    """The lines of inline links to other stories, by structure, the cue being a convention of the trade
    (``corpus.teaser_cues``):

    - a line that opens with a cue and a separator, then a headline ("यह भी पढ़ें: <headline>", "Lire aussi |
      <headline>", "ये भी पढ़ें- <headline>");
    - a line that is a cue ("ALSO READ", "ये भी पढ़ें", "À lire aussi") and the headline-shaped lines right under it.
      When a paragraph follows two or more of them, the last is the subhead of that paragraph, not a teaser (the
      box has no end mark in a text scrape; a subhead is the headline-shaped line a paragraph stands under). Nor
      does the box reach over the heading of a run of the story's data (``data``: "पूजा का सफर" over "2019: ...",
      "2023: ..."): a box of links is one cue over headlines, and a heading of its own over lines of figures or
      facts opens a block of another kind, the story's. Data right under the cue, with no heading between (a
      list of dated links "12 May: ..."), is the box's."""
    cue_keys = {line_key(c).rstrip(":") for c in cues}
    ordered = _cue_keys(cues)
    found: set[int] = set()
    number = 0
    while number < len(lines):
        line = lines[number]
        rest = _cue_prefix(line, ordered)
        if rest is not None and is_headline_shaped(rest):
            found.add(number)
        if line_key(line).rstrip(" :") not in cue_keys:
            number += 1
            continue
        run = number + 1
        while (
            run < len(lines)
            and is_headline_shaped(lines[run])
            and line_key(lines[run]).rstrip(" :") not in cue_keys
            and not _data_heading(lines, data, run)
        ):
            run += 1
        headlines = list(range(number + 1, run))
        if run < len(lines) and len(headlines) >= 2 and headlines[-1] not in data:
            headlines.pop()  # a paragraph follows: the last headline-shaped line is its subhead (a dated link is none)
        if headlines:
            found |= {number, *headlines}
        number = max(run, number + 1)
    return found


def caption_lines(
    lines: Sequence[str], cues: Sequence[str], opens_story: Callable[[str], bool] = lambda line: False
) -> set[int]:
    """The lines of photo captions and credits, by structure, the labels being the trade's (``corpus.credit_cues``):

    - a credit line: a cue, a separator and a few words that are no sentence ("Photo: Biswajit Das / The Courier",
      "फोटो: पीएनएन", "Crédit photo : X"), or an agency's credit without a label (``AGENCY_CREDIT``: "ELW/Rakesh
      Jadhav", "DEBASISH PATI / GWS"), or a copyright sign and names joined by a slash ("© L'Armor Républicain /
      Yann Quéré");
    - a caption that ends with a bracketed credit ("... राहतकर्मी। (फोटो: पूर्वांचल प्रहरी)", "... (Photo: Reuters)"),
      or with an agency's credit after its last full stop ("... Kochi, India, April 6, 2027. WGW/Stringer");
    - the caption right above a credit line: one or two sentences of at most ``CAPTION_WORDS`` words (a text
      scrape keeps the caption and the credit, one under the other, where the image stood), unless it opens the
      story (``opens_story``: a paragraph led by a dateline, "नासिक: ...", whose image's caption the extractor
      left out, so that the credit stands right under it)."""
    cue_keys = _cue_keys(cues)
    found: set[int] = set()

    def caption(number: int) -> bool:
        above = lines[number - 1] if number else ""
        return (
            number > 0
            and is_sentence(above)
            and len(above.split()) <= CAPTION_WORDS
            and len(SENTENCE_BREAK.findall(above)) <= 2
            and not opens_story(above)
        )

    for number, line in enumerate(lines):
        rest = _cue_prefix(line, cue_keys)
        if AGENCY_CREDIT.match(line.strip()) or _copyright_credit(line):
            rest = line  # "ELW/Rakesh Jadhav", "© APM/Valery HACHE", "DEBASISH PATI / GWS": no label, the shape
        if rest is not None and len(rest.split()) <= CREDIT_WORDS and not is_sentence(rest):
            found.add(number)
            if caption(number):
                found.add(number - 1)
            continue
        if _cue_then_name(line, cue_keys) and caption(number):
            # "Photo Nicolas Perrin": a label and a person's name with no separator, right under its caption. Without
            # the caption above it the shape is too near a crosshead's ("Image Problem") to tell.
            found.update((number - 1, number))
            continue
        bracket = TRAILING_BRACKET.search(line.rstrip())
        if bracket is not None and _cue_prefix(bracket.group(1), cue_keys) is not None:
            found.add(number)
        elif _ends_with_agency_credit(line) and not opens_story(line):
            found.add(number)
    return found


def _copyright_credit(line: str) -> bool:
    """A photo credit marked by its copyright sign instead of a label: "©", then an outlet and a photographer (names
    or initials) joined by a slash ("© L'Armor Républicain / Yann Quéré"). A footer's "© 2027 The Daily Example"
    has a year and no slash."""
    stripped = line.strip()
    if not stripped.startswith("©") or len(stripped.split()) > CREDIT_WORDS + 1:
        return False
    parts = stripped[1:].split("/")
    return len(parts) >= 2 and all(_credit_name(part.split()) for part in parts)


def _ends_with_agency_credit(line: str) -> bool:
    """A caption and its agency credit on one line, the credit after the caption's last full stop ("Smoke rises
    from a boat near the Vypin terminal, April 6, 2027. WGW/Stringer"): one or two sentences of at most
    ``CAPTION_WORDS`` words, then ``AGENCY_CREDIT``."""
    breaks = list(SENTENCE_BREAK.finditer(line.rstrip()))
    if not breaks:
        return False
    caption, credit = line[: breaks[-1].end()].strip(), line[breaks[-1].end() :].strip()
    return (
        bool(credit)
        and AGENCY_CREDIT.match(credit) is not None
        and len(caption.split()) <= CAPTION_WORDS
        and len(breaks) <= 2
    )


# A person's name as a credit prints it: two or three capitalised words, none all capitals ("Nicolas Perrin").
NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


# An initial as a credit prints it: a capital and a full stop ("M.", "J.-P.").
INITIAL = re.compile(r"^[^\W\d_a-z]\.(?:-[^\W\d_a-z]\.)?$")


def _cue_then_name(line: str, cue_keys: Sequence[str]) -> bool:
    """The line is a credit cue and a person's name with nothing between them ("Photo Jérôme Bellanger"), or a
    cue and names or initials joined by a slash, the credit's own mark ("Photo L'Estuaire Normand / M. L.": the
    paper and its photographer's initials)."""
    words = line.split()
    for cue in cue_keys:
        size = len(cue.split())
        name = words[size:]
        if line_key(" ".join(words[:size])) != cue:
            continue
        if 2 <= len(name) <= 3 and all(NAME_WORD.match(w) and w[0].isupper() and not w.isupper() for w in name):
            return True
        parts = " ".join(name).split("/")
        if len(parts) >= 2 and len(name) <= CREDIT_WORDS and all(_credit_name(part.split()) for part in parts):
            return True
    return False


def _credit_name(words: Sequence[str]) -> bool:
    """One to three words, each a capitalised word or an initial: a name or an outlet, as credits print them."""
    return 1 <= len(words) <= 3 and all(
        INITIAL.match(w) or (NAME_WORD.match(w) and w[0].isupper()) for w in words
    )


# A photo credit without a label: an agency's initials and a photographer's name joined by a slash, either way
# round, maybe after a copyright sign ("ELW/Rakesh Jadhav", "© GWS/Stringer", "DEBASISH PATI / GWS").
_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}"
AGENCY_CREDIT = re.compile(rf"^(?:©\s*)?(?:[A-Z]{{2,6}}\s?/\s?{_NAME}|{_NAME}\s?/\s?[A-Z]{{2,6}})$")
# A bracket closing a line ("(फोटो: सोशल मीडिया)"), and the text inside it.
TRAILING_BRACKET = re.compile(r"\(([^()]{1,80})\)$")
# Where a sentence ends inside a line: terminal punctuation, then a space or the end.
SENTENCE_BREAK = re.compile(r"[.!?।॥](?:\s|$)")


# A pull quote repeats at least this many words of a paragraph.
PULL_QUOTE_WORDS = 6
# A pull quote stands within this many lines of the paragraph it repeats (which also keeps the search linear in a
# page's lines).
PULL_QUOTE_REACH = 6
QUOTE_MARKS = "\"'“”‘’«»„ "
# A line wholly inside one pair of quotation marks ("« Nous avons battu deux chantiers asiatiques et un norvégien »"):
# a quotation set apart, which a pull quote prints without its sentence's end.
WHOLLY_QUOTED = re.compile(r"^[\"“«„][^\"“”«»„]+[\"”»]$")
# A quotation and its speaker after a dash: '"A fire should not start at all." - R. Sreekumar, naval architect'.
ATTRIBUTED_QUOTE = re.compile(r"^([\"“«„][^\"“”«»„]+[\"”»])\s*[-–—]\s*\S[^\"“”«»]{0,80}$")


def pull_quotes(lines: Sequence[str]) -> set[int]:
    """The lines that repeat a passage of a longer line near them on the page, as a sentence of at least
    ``PULL_QUOTE_WORDS`` words ("The code is good. Nobody checks whether it is followed." set apart from the
    paragraph that quotes it) or as a quotation wholly in quotation marks without its sentence's end ("« Mon
    entraîneur m'avait dit : attends la dernière rivière »", after the passage: over it, it is a crosshead), maybe
    with its speaker after a dash ('"A fire should not start at all." - R. Sreekumar, naval architect'): the
    page's display of its own text, which the paragraph already holds."""
    keys = [line_key(line) for line in lines]
    found = set()
    for number, line in enumerate(lines):
        quoted = ATTRIBUTED_QUOTE.match(keys[number])
        # A quotation cut short of its sentence's end reads as a heading: over the paragraph that says it, it is
        # that paragraph's crosshead ("« On va enfin reparler de construction neuve »", French papers head
        # sections with a quote); a pull quote is displayed after the passage it repeats.
        cut_short = quoted is None and not is_sentence(line.strip(QUOTE_MARKS))
        if quoted is not None:
            core = quoted.group(1).strip(QUOTE_MARKS).rstrip(".!?।…").strip(QUOTE_MARKS)  # '"..." - Name, role'
        elif cut_short and not WHOLLY_QUOTED.match(line.strip()):
            continue  # "« ... sûres. »": French quotes stand apart
        else:
            core = keys[number].strip(QUOTE_MARKS).rstrip(".!?।…").strip(QUOTE_MARKS)
        if len(core.split()) < PULL_QUOTE_WORDS:
            continue
        after = number + 1 if cut_short else min(len(keys), number + PULL_QUOTE_REACH + 1)
        near = range(max(0, number - PULL_QUOTE_REACH), after)
        if any(other != number and len(keys[other]) > len(keys[number]) and core in keys[other] for other in near):
            found.add(number)
    return found


def _standfirst(
    page: Page,
    classes: dict[int, str],
    verdicts: Sequence[str | None],
    title_key: str | None,
    config: CorpusConfig,
) -> int | None:
    """The first sentence under the title when it reads as a paragraph (jusText good or near-good): the standfirst,
    article text even when bylines and share bars stand between it and the body, or between it and the title.

    Right under the title no full stop is needed; nor, for a Hindi line that jusText calls bad only for its few
    stop words (weak evidence in Hindi), are the stop words: a clause with a finite verb of paragraph length, not
    made of links, reads as a paragraph, as it does in the body (``line_weight``)."""
    title_at = next((n for n, line in enumerate(page.lines) if line_key(line) == title_key), None)
    if title_at is None:
        return None
    following = title_at + 1
    if following < len(page.lines) and verdicts[following] is None:
        if classes.get(following) in ("good", "neargood"):
            return following  # right under the title, with or without a full stop
        line = page.lines[following]
        markup = page.markup[following] if page.markup else None
        if (
            classes.get(following) == "bad"
            and len(line) >= config.length_low
            and (markup is None or markup[1] <= config.max_link_density)
            and is_devanagari_clause(line)
        ):
            return following
    # Else the first sentence under it, past a byline, a time stamp and a share bar (lines that are no sentence,
    # or furniture already).
    for following in range(title_at + 1, min(title_at + 2 + STANDFIRST_SKIP, len(page.lines))):
        if verdicts[following] is None and is_sentence(page.lines[following]):
            return following if classes.get(following) in ("good", "neargood") else None
    return None


# At most this many lines (a byline, a date stamp, a share bar) stand between a title and its standfirst.
STANDFIRST_SKIP = 4


def _repeated(page: Page, line: str, index: RepetitionIndex, language: str, config: CorpusConfig) -> bool:
    if index.other_events_of_source(page, line) or index.headline_of_another(page, line):
        return True
    if not index.elsewhere_in_event(page, line):
        return False
    if not is_sentence(line):
        return True
    # A sentence another outlet printed too is shared reporting (wire copy). The same source printing the same
    # sentence on two of its pages is its own reporting only when it reads as a paragraph of text (a background
    # paragraph it runs daily); a short one is its sign-up, sign-off or promotion ("Enjoying this? Get ... in
    # your inbox.", "That's it for today."), in a .txt and an .html page alike.
    return index.elsewhere_in_source(page, line) and line_class(page, line, language, config) not in (
        "good",
        "neargood",
    )


def line_class(page: Page, line: str, language: str, config: CorpusConfig) -> str:
    """jusText's context-free class of one line of ``page`` (its class does not depend on the lines around it)."""
    number = page.lines.index(line)
    return jus_text_classes(page, [number], language, config)[number]


# A run of figures is at least this many lines of one shape (``figure_shape``), each holding a number.
FIGURE_RUN = 3
# A line of a run of figures is short: a label and its values, at most this many words.
FIGURE_WORDS = 12
# A number as a line of figures writes it: digits, maybe with a decimal or thousands sign between them.
FIGURE_NUMBER = re.compile(r"[\d०-९]+(?:[.,][\d०-९]+)*")


def figure_shape(line: str) -> str | None:
    """The shape of a line of figures: each number "0", each run of words "a", each other sign as it is, spaces
    aside ("1974: 47.1 डिग्री (अप्रैल)" and "2013: 47.9 डिग्री (मई)" are both "0:0a(a)"); None for a line that holds
    no number, is a sentence, or is longer than ``FIGURE_WORDS`` words."""
    if is_sentence(line) or len(line.split()) > FIGURE_WORDS or not FIGURE_NUMBER.search(line):
        return None
    shape: list[str] = []
    for char in FIGURE_NUMBER.sub("0", line):
        if char.isspace():
            continue
        kind = "0" if char == "0" else "a" if char.isalpha() or unicodedata.category(char).startswith("M") else char
        if not (kind == "a" and shape and shape[-1] == "a"):
            shape.append(kind)
    return "".join(shape)


def figure_runs(lines: Sequence[str], verdicts: Sequence[str | None]) -> set[int]:
    """The lines of runs of figures written as plain lines: ``FIGURE_RUN`` or more open lines in a row of one
    ``figure_shape`` (a box of past records, a results list, a table flattened to lines), and the heading right
    above such a run (a short line that is no sentence and holds no number: "पिछले रिकॉर्ड", "Results").

    They weigh nothing in the body's search, as list items do, so they stay when the story's text stands on both
    sides of them and go with the page around them otherwise: a ticker, a scores widget or a row of counters has
    one shape too, but stands above the headline, under the story or among the site's lines, never between two
    paragraphs of the story. A line of counters ("12 comments") is dropped by other evidence (repeated, a count)."""
    found: set[int] = set()
    number = 0
    while number < len(lines):
        shape = figure_shape(lines[number]) if verdicts[number] is None else None
        run = number + 1
        while shape is not None and run < len(lines) and verdicts[run] is None and figure_shape(lines[run]) == shape:
            run += 1
        if shape is not None and run - number >= FIGURE_RUN:
            found.update(range(number, run))
            if _run_heading(lines, verdicts, number - 1):
                found.add(number - 1)
        number = max(run, number + 1)
    return found


# "Label: value", a fact as a box prints it: a label of at most ``LABEL_WORDS`` words (maybe with a bracket after
# it), a colon (never a bar: "Home | News" is a menu), and a value.
FACT_LINE = re.compile(r"^([^:|]{1,40}?)\s*(?:\([^)]{0,20}\)\s*)?:\s+\S")


def fact_label(line: str, stoplist: Collection[str] | None = None) -> str | None:
    """The label of a line written as a fact ("फंसी ट्रॉलियां: 11", "2019: राज्य क्रॉस कंट्री में दूसरा स्थान",
    "Arrivée : 9'12\"48"): at most ``LABEL_WORDS`` words before a colon, then a value, the whole no sentence, at
    most ``FIGURE_WORDS`` words and holding a number (a figure, a date, a time, a year), as the facts a box states
    do; None for any other line: a reader's comment "Name: ... ." ends as a sentence, and a related headline in a
    regional paper's "Place : headline" style ("Grenoble : un nouveau pôle de formation ...") states no figure.
    Given the language's ``stoplist``, a value without a number counts too when it is a short run of names
    (``names_value``: "Simple messieurs : Rasmus Kjeldsen (Danemark)"), which a headline is not."""
    if is_sentence(line) or len(line.split()) > FIGURE_WORDS:
        return None
    match = FACT_LINE.match(line.strip())
    if match is None or not 0 < len(match.group(1).split()) <= LABEL_WORDS:
        return None
    if not FIGURE_NUMBER.search(line):
        value = line.strip()[match.end() - 1 :]
        if stoplist is None or not names_value(value, stoplist):
            return None
    return line_key(match.group(1))


# A value of names is short: "Mio Sato et Rena Kudo (Japon)", "Les Heures claires (Antoine Lazare, France)".
NAME_VALUE_WORDS = 6
# ... and holds at most this many common words (a connector: "et", "and", "और"); a headline holds more.
NAME_VALUE_COMMON_WORDS = 1


def names_value(value: str, stoplist: Collection[str]) -> bool:
    """The value of a fact is a short noun phrase of names ("Rasmus Kjeldsen (Danemark)", "Mio Sato et Rena Kudo
    (Japon)", "रासमस केजेल्डसेन (डेनमार्क)"): at most ``NAME_VALUE_WORDS`` words, no finite verb, and at most
    ``NAME_VALUE_COMMON_WORDS`` common words, a common word being one in lower case (Latin script) or, in a
    script without case, a stop word. A headline ("le XV de France sans ses cadres", "Surat's twins reach
    national final", "सचिवालय के पास गैस पाइपलाइन में रिसाव") is a clause, with common words in it."""
    if len(value.split()) > NAME_VALUE_WORDS or is_devanagari_clause(value):
        return False
    words = [w.strip(WORD_EDGES) for w in value.split()]
    words = [w for w in words if any(ch.isalpha() for ch in w)]

    def common(word: str) -> bool:
        if word[0].islower():
            return True
        if word[0].isupper():
            return False
        # No case to tell a name by: a stop word is common, and without a stop list nothing tells.
        return not stoplist or word.lower() in stoplist

    return bool(words) and sum(common(w) for w in words) <= NAME_VALUE_COMMON_WORDS


def _run_heading(lines: Sequence[str], verdicts: Sequence[str | None], above: int) -> bool:
    """The line at ``above`` is the heading of the run under it: open, short, no sentence and no number
    ("पिछले रिकॉर्ड", "एक नज़र में", "Results")."""
    return (
        above >= 0
        and verdicts[above] is None
        and not is_sentence(lines[above])
        and not DIGIT.search(lines[above])
        and 0 < len(lines[above].split()) <= LABEL_WORDS
    )


def fact_runs(
    lines: Sequence[str], verdicts: Sequence[str | None], stoplist: Collection[str] | None = None
) -> set[int]:
    """The lines of a fact box written as plain lines: ``FIGURE_RUN`` or more open lines in a row, each a label and
    a value with a number in it (``fact_label``), every label a different one ("एक नज़र में" / "रोपवे रुका: शुक्रवार शाम 6:35 बजे" /
    "फंसी ट्रॉलियां: 11" / "अस्पताल में भर्ती: 1 महिला, हालत स्थिर"; a year-by-year timeline "2019: ...", "2023:
    ..."), and the heading right above it. The lines need not share a shape as a run of figures does: a box states
    different facts, each in its own words. One label over and over ("Also read: ...", "Lire aussi : ...") is a
    list of links, not facts, and a reader's comment ends as a sentence.

    Given the language's ``stoplist``, a box whose values are names rather than figures ("Les autres vainqueurs" /
    "Simple messieurs : Rasmus Kjeldsen (Danemark)" / "Double dames : Mio Sato et Rena Kudo (Japon)" ...) is one
    too, under a heading of its own: the site's label lines ("Edited by: A. Name", "Tags: ...", "Source: ...")
    have values of names as well, but no heading over them."""
    found = _fact_runs(lines, verdicts, None)
    if stoplist is not None:
        found |= _fact_runs(lines, verdicts, stoplist, heading_needed=True)
    return found


def _fact_runs(
    lines: Sequence[str],
    verdicts: Sequence[str | None],
    stoplist: Collection[str] | None,
    heading_needed: bool = False,
) -> set[int]:
    found: set[int] = set()
    number = 0
    while number < len(lines):
        labels: set[str] = set()
        run = number
        while run < len(lines) and verdicts[run] is None:
            label = fact_label(lines[run], stoplist)
            if label is None or label in labels:
                break
            labels.add(label)
            run += 1
        if run - number >= FIGURE_RUN:
            heading = _run_heading(lines, verdicts, number - 1)
            if heading or not heading_needed:
                found.update(range(number, run))
            if heading:
                found.add(number - 1)
        number = max(run, number + 1)
    return found


# A video's running time as its player shows it under its title: minutes and seconds, nothing else ("01:48", "2:14").
DURATION = re.compile(r"^\s*\d{1,2}:\d{2}\s*$")


def player_titles(lines: Sequence[str], verdicts: Sequence[str | None]) -> set[int]:
    """The titles of embedded videos: a labelled line that is no sentence ("Video: Water gushes out of ...",
    "Watch | Drone footage of ...", "वीडियो: ...") right above the video's running time alone on its line, on a page
    whose time stamps are written another way ("12:55 IST"): a live page stamps its entries in one shape, so a bare
    "01:48" there is no entry's stamp but a player's duration. A page without other stamps gives no such evidence
    (a bare "10:45" may be its entries' own stamp, and the line over it the end of an entry)."""
    stamps = {shape_key(line) for line in lines if is_clock_stamp(line) and not DURATION.match(line)}
    if not stamps:
        return set()
    return {
        n
        for n in range(len(lines) - 1)
        if verdicts[n] is None
        and DURATION.match(lines[n + 1])
        and line_label(lines[n]) is not None
        and not is_sentence(lines[n])
    }


# A reader's comment as a page prints it: the reader's name or handle, a colon, and what they wrote.
COMMENT_LINE = re.compile(r"^([^:|]{1,40}?)\s*:\s+\S")
# Comments come two or more in a row.
COMMENT_RUN = 2


def commenter(line: str, stoplist: Collection[str]) -> str | None:
    """The reader a line written as a comment is by ("रमेशभाई पटेल: हर साल यही हाल, पुरानी लाइनें कब बदलेंगे?",
    "Gwen35 : Quelle course ! ...", "Jean-Yves L. : ..."): a label of at most ``LABEL_WORDS`` words that reads as a
    person (each word capitalised or a handle with a digit or "_" in Latin script; no stop word in a script without
    case), then a sentence; None otherwise. A fact's label is a category ("Simple messieurs", "Editor's note") and
    its value no sentence."""
    if not is_sentence(line):
        return None
    match = COMMENT_LINE.match(line.strip())
    if match is None:
        return None
    words = [w.strip(WORD_EDGES) for w in match.group(1).split()]
    words = [w for w in words if any(ch.isalpha() for ch in w)]
    if not 0 < len(match.group(1).split()) <= LABEL_WORDS or not words:
        return None

    def personal(word: str) -> bool:
        if word[0].isupper() or any(ch.isdigit() or ch == "_" for ch in word):
            return True
        return not word[0].islower() and bool(stoplist) and word.lower() not in stoplist

    return line_key(match.group(1)) if all(personal(w) for w in words) else None


def comment_runs(
    lines: Sequence[str],
    verdicts: Sequence[str | None],
    classes: dict[int, str],
    stoplist: frozenset[str],
    title: str = "",
) -> set[int]:
    """Readers' comments under the story: ``COMMENT_RUN`` or more open lines in a row, each a person's name, a colon
    and a sentence (``commenter``), every name a different one, with no paragraph of the story after them (a line
    good or near-good to jusText that shares a content word with the ``title``; a cookie notice in the footer is
    no such paragraph). An interview set as "Name: answer" lines repeats its speakers; a comment box's readers are
    each other's strangers, and it stands after the story's last paragraph."""
    runs: list[range] = []
    number = 0
    while number < len(lines):
        run = number
        while run < len(lines) and verdicts[run] is None and commenter(lines[run], stoplist) is not None:
            run += 1
        names = [commenter(lines[n], stoplist) for n in range(number, run)]
        if run - number >= COMMENT_RUN and len(set(names)) == len(names):
            runs.append(range(number, run))
        number = max(run, number + 1)
    if not runs:
        return set()
    comments = {n for run in runs for n in run}
    story = content_words(title, stoplist)
    paragraphs = [
        n
        for n, c in classes.items()
        if c in ("good", "neargood")
        and verdicts[n] is None
        and n not in comments
        and content_words(lines[n], stoplist) & story
    ]
    last = max(paragraphs, default=-1)
    return {n for run in runs if run.start > last for n in run}


def data_runs(
    lines: Sequence[str], verdicts: Sequence[str | None], stoplist: Collection[str] | None = None
) -> set[int]:
    """The story's data written as plain lines: runs of figures (``figure_runs``) and fact boxes (``fact_runs``;
    with the language's ``stoplist``, boxes of names too), each with its heading, and numbered lists
    (``numbered_runs``)."""
    numbered = {n for n in numbered_runs(lines) if verdicts[n] is None}
    return figure_runs(lines, verdicts) | fact_runs(lines, verdicts, stoplist) | numbered


# A line that opens with its number in a numbered list written as paragraphs ("1. Pooja Rana (IND) 9'12"48",
# "2) ...").
NUMBERED_ITEM = re.compile(r"^\s*(\d{1,3})[.)]\s+\S")


def numbered_runs(lines: Sequence[str]) -> set[int]:
    """The lines of numbered lists written as plain lines: ``FIGURE_RUN`` or more lines in a row whose numbers count
    up by one ("1. ...", "2. ...", "3. ..."), a ranking or a results list set as paragraphs; a line that opens with
    a year or a figure ("2019. ...", "3. Mai") is no item of one unless its neighbours count on from it."""
    counts: list[int | None] = []
    for line in lines:
        match = NUMBERED_ITEM.match(line)
        counts.append(int(match.group(1)) if match else None)
    found: set[int] = set()
    number = 0
    while number < len(lines):
        run = number + 1
        if counts[number] is not None:
            while run < len(lines) and counts[run] == (counts[run - 1] or 0) + 1:
                run += 1
        if run - number >= FIGURE_RUN:
            found.update(range(number, run))
        number = run
    return found


def line_weight(
    line: str, jus_text_class: str, furniture: bool, list_item: bool, config: CorpusConfig
) -> int:
    """What a line adds to the article's body if the body holds it: its length when it reads as article text
    (a paragraph jusText calls good or near-good, or a short sentence), minus ``corpus.body_gap`` when not; a
    list item that is not a sentence weighs nothing (a fact list "- Weight: 1,180 kg" belongs where it stands). A
    Devanagari sentence with a finite verb reads as text even when jusText calls it bad (few stop words)."""
    if is_clock_stamp(line):
        # A live blog is several bodies, one per entry, each under its time stamp: the stamps join them.
        return 0
    if furniture:
        return -config.body_gap
    if jus_text_class == "bad" and is_devanagari_sentence(line):
        return len(line)
    if jus_text_class == "bad" or (jus_text_class == "short" and not is_sentence(line)):
        return 0 if list_item else -config.body_gap
    return len(line)


def body_span(weights: Sequence[int]) -> tuple[int, int]:
    """The article's body: the run of lines with the largest total weight (Finn et al.'s body text extraction,
    by lines). ``(0, 0)`` when no line weighs anything."""
    best, best_span = 0, (0, 0)
    total, start = 0, 0
    for position, weight in enumerate(weights):
        if total <= 0:
            total, start = 0, position
        total += weight
        if total > best:
            best, best_span = total, (start, position + 1)
    return best_span


def content_words(line: str, stoplist: frozenset[str]) -> set[str]:
    """The words of a line that say what it is about: not stop words, not numbers, three letters or more."""
    words = (POSSESSIVE.sub("", w.casefold().strip(WORD_EDGES)) for w in line.split())
    return {w for w in words if len(w) >= 3 and w not in stoplist and any(ch.isalpha() for ch in w)}


def with_adjacent_lists(
    page: Page,
    numbers: Sequence[int],
    verdicts: Sequence[str | None],
    span: tuple[int, int],
    stoplist: frozenset[str],
    heading_lines: Sequence[str] = (),
    floor: int = 0,
    listed: Sequence[bool] | None = None,
) -> tuple[tuple[int, int], set[int]]:
    """The body span grown over a list that stands right before or after it and continues its topic: a run of
    list items (maybe under a heading of its own) of which at least half share a content word with the body ("The
    winners at a glance" and its bullets after the last paragraph). List items weigh nothing, so the body span
    alone never reaches a list at its edge; a list of other stories is kept out by what the site prints elsewhere
    (its "Related" heading is repeated furniture, which stops the run) or by not sharing the body's words.

    Right above the body, lines that are not sentences are its summary even without bullets (a live blog's "Key
    Highlights": "Six people killed, say officials"), up to the topmost that shares its words (two in a row that
    share none end it), when two or more and at least half of them share its words. Only above: below the body,
    such lines are the headlines of related stories, which share the story's words too.

    The body's words include its headline's and standfirst's (``heading_lines``): a profile's fact list ("Born:
    ...", "Grandmaster: ...") is about what the headline names. One line may stand between the body and a list that
    has a heading of its own (a teaser or an ad slot the site puts after the last paragraph): that line is returned
    apart, in the second value, and is judged on its own; the span covers it only so that it stays one run.
    Nothing above position ``floor`` (the headline) joins the body. ``listed`` (by default the page's list items)
    marks the lines that count as items: the judgement adds the runs of data written as lines (``data_runs``)."""
    start, end = span
    if start >= end:
        return span, set()
    if listed is None:
        listed = page.list_items or (False,) * len(page.lines)
    body_words: set[str] = set()
    for line in heading_lines:
        body_words |= content_words(line, stoplist)
    for position in range(start, end):
        if verdicts[numbers[position]] is None:
            body_words |= content_words(page.lines[numbers[position]], stoplist)

    def open_line(position: int) -> bool:
        return verdicts[numbers[position]] is None

    def item(position: int) -> bool:
        return open_line(position) and listed[numbers[position]]

    def heading(position: int) -> bool:
        return (
            open_line(position)
            and not listed[numbers[position]]
            and not is_sentence(page.lines[numbers[position]])
        )

    def continues(items: list[int]) -> bool:
        """At least half of the lines share a content word with the body."""
        shared = sum(bool(content_words(page.lines[numbers[p]], stoplist) & body_words) for p in items)
        return bool(items) and 2 * shared >= len(items)

    def list_from(first: int) -> int:
        """Where the run of list items from ``first`` ends."""
        last = first
        while last < len(numbers) and item(last):
            last += 1
        return last

    def shares(position: int) -> bool:
        return bool(content_words(page.lines[numbers[position]], stoplist) & body_words)

    between: set[int] = set()
    # After the body: maybe the list's heading, then its items.
    first = end + 1 if end < len(numbers) and heading(end) else end
    last = list_from(first)
    if continues(list(range(first, last))):
        end = last
    elif (
        end + 2 < len(numbers)
        and not listed[numbers[end]]
        and not is_sentence(page.lines[numbers[end]])
        and heading(end + 1)
        and continues(list(range(end + 2, list_from(end + 2))))
    ):
        between, end = {end}, list_from(end + 2)
    # Before the body: the items right above it, maybe under their heading.
    top = start
    while top > floor and item(top - 1):
        top -= 1
    if continues(list(range(top, start))):
        return ((top - 1 if top > floor and heading(top - 1) else top), end), between
    # The summary reaches up to its topmost line that shares the body's words; one line that shares none may stand
    # among its lines (a fact the paragraphs do not repeat), two in a row are above it (a "Key Highlights" label
    # under a video player's "Mute", "Fullscreen").
    top, position, unshared = start, start, 0
    while position > floor and unshared < 2 and open_line(position - 1):
        position -= 1
        if is_sentence(page.lines[numbers[position]]):
            break
        if shares(position):
            top, unshared = position, 0
        else:
            unshared += 1
    summary = list(range(top, start))
    if sum(shares(p) for p in summary) >= 2 and continues(summary):
        start = top
    return (start, end), between


# A sentence has grammar when at least this many of its words are stop words ("in", "while"; "à", "les"; "में").
GRAMMAR_STOP_WORDS = 2
COPYRIGHT_SIGNS = ("©", "(c)", "®")


def with_edge_sentences(
    page: Page,
    numbers: Sequence[int],
    verdicts: Sequence[str | None],
    classes: dict[int, str],
    span: tuple[int, int],
    stoplist: frozenset[str],
    heading_lines: Sequence[str],
    config: CorpusConfig,
) -> tuple[int, int]:
    """The body span grown over the sentence right after its last line, when jusText called that sentence bad
    for its stop-word density alone ("India beat Spain 2-0 in Saturday's semi-final, while France beat Ireland
    4-3.": 2 stop words in 12, under jusText's 30%). A density is a weak measure on one sentence of a dozen words,
    names and scores; what else says it is the story's: it ends as a sentence, has grammar (at least
    ``GRAMMAR_STOP_WORDS`` stop words), shares a content word with the story (headline, standfirst, paragraphs),
    is no link text, no copyright line, and no other rule calls it furniture (a repeated line stays repeated)."""
    start, end = span
    if start >= end or end >= len(numbers):
        return span
    number = numbers[end]
    line = page.lines[number]
    if verdicts[number] is not None or classes.get(number) != "bad" or not is_sentence(line):
        return span
    if any(sign in line.casefold() for sign in COPYRIGHT_SIGNS):
        return span
    if _link_text(page, number, config):
        return span
    if sum(w.lower().strip(WORD_EDGES) in stoplist for w in line.split()) < GRAMMAR_STOP_WORDS:
        return span
    story: set[str] = set()
    for text in [*heading_lines, *(page.lines[numbers[p]] for p in range(start, end))]:
        story |= content_words(text, stoplist)
    if not content_words(line, stoplist) & story:
        return span
    return start, end + 1


# A wire's currency note: wholly in brackets, an amount, "=", an amount and its currency ("($1 = 84.10 Indian
# rupees)", "(1 euro = 1,08 dollar)", "(1 डॉलर = 84.10 रुपये)").
CONVERSION_NOTE = re.compile(r"^\((?=[^()=]*[\d०-९][^()=]*=)[^()=]{1,30}=\s*[^()=]{0,10}[\d०-९][^()=]{0,50}\)$")


def with_conversion_notes(
    page: Page, numbers: Sequence[int], verdicts: Sequence[str | None], span: tuple[int, int]
) -> int:
    """The end of the body span grown over the currency notes right after its last line: wire copy ends with the
    rate its figures were converted at ("($1 = 84.10 Indian rupees)"), a line that is no sentence but states the
    story's own data (``CONVERSION_NOTE``). A bracketed credit ("(Reporting by ...)") has no such equation."""
    start, end = span
    while start < end < len(numbers) and verdicts[numbers[end]] is None:
        if not CONVERSION_NOTE.match(page.lines[numbers[end]].strip()):
            break
        end += 1
    return end


def jus_text_classes(
    page: Page, numbers: Sequence[int], language: str, config: CorpusConfig
) -> dict[int, str]:
    """jusText's context-free class (good, neargood, short, bad) of each line in ``numbers``."""
    paragraphs = []
    for number in numbers:
        heading, links = (page.markup[number] or (False, 0.0)) if page.markup else (False, 0.0)
        paragraphs.append(LineParagraph(page.lines[number], heading, links))
    stoplist = stop_words(language)
    classify_paragraphs(
        paragraphs,
        stoplist,
        length_low=config.length_low,
        length_high=config.length_high,
        stopwords_low=config.stopwords_low if stoplist else 0.0,
        stopwords_high=config.stopwords_high if stoplist else 0.0,
        max_link_density=config.max_link_density,
    )
    return {n: p.cf_class for n, p in zip(numbers, paragraphs, strict=True)}


def split_page(page: Page, verdicts: Sequence[str | None]) -> tuple[list[str], list[DroppedLine]]:
    """The kept lines, and every dropped line with its reason, in page order."""
    kept = [line for line, verdict in zip(page.lines, verdicts, strict=True) if verdict is None]
    dropped = [DroppedLine(line, v) for line, v in zip(page.lines, verdicts, strict=True) if v is not None]
    return kept, dropped
