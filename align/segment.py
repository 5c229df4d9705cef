"""segment stage: sentences with character offsets into the article's cleaned text.

Rule-based, because the contract is exact offsets (``text == article.text[char_start:char_end]``) over mixed
Hindi/English/French text, where a danda may be glued to the next word ("हैं।एंथ्रोपिक") and a full stop may stand in
for a danda ("होगा.धन्यवाद"). Every line of the cleaned text is at least one sentence: headlines and list items stand
alone. A full stop is not a boundary after an abbreviation, a title ("Dr. Gebru", "डॉ. गेब्रू"), an initial ("J. K."),
inside a number or version ("Opus 4.6") or URL, or before a lower-case word; "No.", "p.", "art." only hold on to a
number ("No. 10" but "He said no. Then ...").

Abbreviations are align's own list plus the Moses non-breaking prefixes that sacremoses ships for the article's
language and English (code-mixed text carries English titles); Moses lists are matched case-sensitively, as Moses
does, so its "Con" or "Op" does not swallow a sentence ending in "con." or "op.".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from align.config import CorpusConfig, SegmentConfig
from align.dateline import body_starts
from align.language import sentence_language
from align.records import ArticleRecord, SentenceRecord, content_id
from align.tables import compiled_table, table_key

# Lower-cased, without the final full stop. English and French titles, months and common abbreviations.
# The rule version, part of the build signature: raise it whenever segmentation changes a sentence.
RULES_VERSION = "rules-4"

ABBREVIATIONS: frozenset[str] = frozenset(
    """
    dr mr mrs ms mx prof sr jr st mt rev gen col capt lt sgt gov sen rep pres hon fr
    vs etc e.g i.e cf al approx est dept univ inc ltd co corp plc llc ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    u.s u.k u.n e.u a.m p.m ph.d d.c
    m mm mme mmes mlle mlles pr me mgr ste av bd ex env cie éd
    प्रा लि
    """.split()
)
# Not a boundary only when a number follows: "No. 10", "p. 5", "art. 12", "fig. 3", "vol. 2".
BEFORE_NUMBERS: frozenset[str] = frozenset("no nos n° p pp fig figs vol vols chap art".split())
# English letters as Hindi writes them in initials: "के.वी. सुधीर नायर", "एम. के. गांधी", "यू.बी. प्रसाद राव" (Moses'
# Hindi prefixes hold most of them, but only for Hindi articles; a name in any article keeps its initials).
DEVANAGARI_LETTER_NAMES: frozenset[str] = frozenset(
    "ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू डब्लू एक्स वाई जेड ज़ेड".split()
)
# Alone before a spaced full stop, "आई" is more often "came" ending a sentence than the initial I.
DEVANAGARI_SINGLE_INITIALS: frozenset[str] = DEVANAGARI_LETTER_NAMES - {"आई"}
# One Devanagari syllable: a letter (with nukta, conjuncts), a vowel sign, a nasal sign. "छ.ग." and "प्रा." are
# abbreviations made of such syllables; a glued full stop between two of them is not a sentence end.
DEVANAGARI_SYLLABLE = re.compile(
    "[\u0904-\u0939\u0958-\u0961\u0972-\u097f]\u093c?(?:\u094d[\u0915-\u0939\u0958-\u095f]\u093c?)*"
    "[\u093e-\u094c\u0962\u0963]?[\u0900-\u0903]?"
)


@dataclass(frozen=True)
class Abbreviations:
    """Words after which a full stop does not end a sentence."""

    lower: frozenset[str] = ABBREVIATIONS  # compared lower-cased
    cased: frozenset[str] = frozenset()  # compared as written (Moses lists)
    before_numbers: frozenset[str] = BEFORE_NUMBERS  # lower-cased; only when a digit follows

    def holds(self, word: str, following: str) -> bool:
        """Whether ``word`` followed by a full stop and then ``following`` is an abbreviation, not an ending."""
        bare = word.lower()
        if bare in self.lower or bare.rstrip(".") in self.lower or word in self.cased:
            return True
        return bare in self.before_numbers and following[:1].isdigit()


DEFAULT_ABBREVIATIONS = Abbreviations()


@lru_cache(maxsize=64)
def moses_prefixes(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """sacremoses' non-breaking prefixes for a language (always, before numbers only); empty when it has none.

    Kept as a compiled table (``align.tables``) per sacremoses version: importing sacremoses costs half a second
    in every build process, for two word lists."""
    key = table_key(packages=("sacremoses",), parameters=("moses_prefixes", language))
    name = f"moses_prefixes_{language}" if language.isascii() and language.isalpha() else "moses_prefixes"
    return compiled_table(name, key, lambda: _read_moses_prefixes(language))


def _read_moses_prefixes(language: str) -> tuple[frozenset[str], frozenset[str]]:
    from sacremoses import MosesTokenizer

    try:
        tokenizer = MosesTokenizer(lang=language)
    except (OSError, KeyError, ValueError):
        return frozenset(), frozenset()
    numeric = frozenset(tokenizer.NUMERIC_ONLY_PREFIXES)
    return frozenset(tokenizer.NONBREAKING_PREFIXES) - numeric, numeric


@lru_cache(maxsize=64)
def abbreviations_for(language: str, extra: tuple[str, ...] = ()) -> Abbreviations:
    """align's list, Moses' lists for ``language`` and English, and the config's ``extra_abbreviations``."""
    cased: set[str] = set()
    before_numbers = set(BEFORE_NUMBERS)
    for code in dict.fromkeys([language, "en"]):
        always, numeric = moses_prefixes(code)
        cased |= always
        before_numbers |= {word.lower() for word in numeric}
    lower = ABBREVIATIONS | frozenset(a.lower().rstrip(".") for a in extra)
    return Abbreviations(lower, frozenset(cased), frozenset(before_numbers))

TERMINATORS = ".!?।॥…"
CLOSERS = "\"'”’»)]}"
# A run of terminal punctuation, the quotes or brackets that close it, then what follows.
CANDIDATE = re.compile(rf"[{re.escape(TERMINATORS)}]+[{re.escape(CLOSERS)}]*")
DEVANAGARI = re.compile(r"[\u0900-\u097f]")
LEADING_JUNK = " \t*•·▪●◦-–—|"
# The first non-space character at or after a position, found in place: slicing the rest of the line at every
# candidate full stop would make a megabyte-long line quadratic.
NEXT_VISIBLE = re.compile(r"\s*(\S?)")
VISIBLE = re.compile(r"\S")


def _word_before(line: str, index: int) -> str:
    start = index
    while start > 0 and not line[start - 1].isspace() and line[start - 1] not in "(\"“«'‘":
        start -= 1
    return line[start:index]


def _token_around(line: str, start: int, end: int) -> str:
    """The whitespace-delimited token holding ``line[start:end]``, without brackets and quotes around it."""
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    while end < len(line) and not line[end].isspace():
        end += 1
    return line[start:end].strip("()\"'“”«»‘’,;:")


def _is_initial(part: str) -> bool:
    """One initial: a capital Latin letter ("U"), or an English letter as Hindi writes it ("के", "एम")."""
    return (len(part) == 1 and part.isupper()) or part in DEVANAGARI_LETTER_NAMES


def _is_initials(token: str) -> bool:
    """Initials or a syllable abbreviation, each part closed by a full stop: "U.B.", "के.वी.", "छ.ग." (but not
    "है.ये", a full stop standing for a danda)."""
    parts = token.split(".")
    if len(parts) < 3 or parts.pop() != "":
        return False
    return all(_is_initial(p) or DEVANAGARI_SYLLABLE.fullmatch(p) for p in parts)


def _is_boundary(line: str, match: re.Match[str], abbreviations: Abbreviations) -> bool:
    punct = match.group().rstrip(CLOSERS)
    end = match.end()
    following = line[end : end + 1]
    if end >= len(line):
        return True
    if not following.isspace():
        # Glued: only a danda, or a full stop between Devanagari words, ends a sentence without a space;
        # not inside a number ("४.३", "३:००.४८") nor between initials ("के.वी.", "छ.ग.").
        if "।" in punct or "॥" in punct:
            return True
        before = line[match.start() - 1 : match.start()]
        if punct != "." or (before.isdigit() and following.isdigit()):
            return False
        if not (DEVANAGARI.match(following) and DEVANAGARI.match(before)):
            return False
        return not _is_initials(_token_around(line, match.start(), end))
    next_char = NEXT_VISIBLE.match(line, end).group(1)  # type: ignore[union-attr]  # always matches
    if "…" in punct or punct == "...":
        return next_char.isupper()
    if punct != ".":
        return True
    word = _word_before(line, match.start())
    bare = word.lstrip("(\"'“«")
    if abbreviations.holds(bare, next_char):
        return False
    if (len(bare) == 1 and bare.isalpha()) or bare in DEVANAGARI_SINGLE_INITIALS:  # "J. K. Rowling", "एम. के."
        return False
    if _is_initials(bare + "."):  # "U.B. Pravin Rao", "के.वी. सुधीर नायर"
        return False
    if bare.isdigit() and not VISIBLE.search(line, 0, match.start() - len(word)):  # "1. First item"
        return False
    if next_char.islower():  # "approx. five", "cf. la page"
        return False
    return True


def sentence_spans(
    line: str, abbreviations: Abbreviations = DEFAULT_ABBREVIATIONS
) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in one line, trimmed of whitespace and leading bullets."""
    start = 0
    for match in CANDIDATE.finditer(line):
        if _is_boundary(line, match, abbreviations):
            yield from _trimmed(line, start, match.end())
            start = match.end()
    yield from _trimmed(line, start, len(line))


def _trimmed(line: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and line[start] in LEADING_JUNK:
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    if any(ch.isalnum() for ch in line[start:end]):
        yield start, end


def segment_article(
    article: ArticleRecord, corpus_config: CorpusConfig, segment_config: SegmentConfig | None = None
) -> list[SentenceRecord]:
    """Sentences of one article, in order, each with its language (the article's unless the evidence says not)."""
    segment_config = segment_config or SegmentConfig()
    # Built once per (language, extra list) and reused for every article in that language.
    abbreviations = abbreviations_for(article.language, tuple(segment_config.extra_abbreviations))
    sentences: list[SentenceRecord] = []
    occurrences: Counter[str] = Counter()
    offset = 0
    # A dateline that opens a paragraph is the article's metadata, not part of its first sentence.
    starts = body_starts(article.text, article.title, corpus_config)
    for line, skip in zip(article.text.split("\n"), starts, strict=True):
        for start, end in sentence_spans(line[skip:], abbreviations):
            start, end = start + skip, end + skip
            text = line[start:end]
            occurrences[text] += 1
            language = sentence_language(
                text,
                article.language,
                corpus_config.candidate_languages,
                min_script_ratio=corpus_config.min_script_ratio,
                min_odds=segment_config.language_min_odds,
                min_letters=segment_config.language_min_letters,
                latin_prior=segment_config.language_latin_prior,
            )
            sentences.append(
                SentenceRecord(
                    # Content-derived: editing one sentence changes only that sentence's id.
                    sentence_id=content_id("sentence", article.article_id, text, str(occurrences[text])),
                    article_id=article.article_id,
                    event_id=article.event_id,
                    position=len(sentences),
                    language=language,
                    text=text,
                    char_start=offset + start,
                    char_end=offset + end,
                )
            )
        offset += len(line) + 1
    return sentences


def segment(
    articles: Iterable[ArticleRecord],
    corpus_config: CorpusConfig,
    segment_config: SegmentConfig | None = None,
) -> list[SentenceRecord]:
    """The segment stage: all sentences of all given articles."""
    return [s for a in articles for s in segment_article(a, corpus_config, segment_config)]
