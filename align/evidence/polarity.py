"""Negation and polarity: did / did not, Hindi नहीं/न, French ne ... pas; and the ``negation`` evidence: one
side negates what the other states.

Negation is clausal: only markers that negate a clause's verb are cues (``negation_words``). Lexical negatives
("without", "refused", "sans", "बिना", "इनकार", "unknown", "अज्ञात") are not negations; they are read apart
(``LEXICAL``) because a clausal negation on one side may say what one of them says on the other ("पता नहीं" /
"unknown"): a difference in negations that they balance is no conflict. Idioms with a negation word that negate
nothing ("इतना ही नहीं" moreover, rhetorical "क्यों न", "No. 11") are not cues.

The cue lists are rules and live in ``LabelConfig``; this module only applies them. French split
negation is read as one cue ("n'ai pas"), and "ne ... que" (only) is not a negation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from align.config import LabelConfig
from align.evidence import locale_words
from align.evidence.codemix import (
    EmbeddingCache,
    clause_context,
    clauses,
    margin,
    margin_baselines,
    similarity,
    stem,
)
from align.evidence.findings import (
    Batch,
    Comparator,
    Embedder,
    FactKey,
    Facts,
    Finding,
    Found,
    Side,
    contradicting,
)
from align.evidence.lexicon import zipf
from align.evidence.tokens import DEVANAGARI, Token, normalise, phrase_at, phrase_tokens
from align.records import stored_score

SPLIT_WINDOW = 6  # how far "pas" may stand from "ne"
DEGREE_PARTNERS = ("guère",)  # "ne … guère": hardly
# Hindi adjectives of comparison: "X से कम/छोटा नहीं" (not less / smaller than X) is a bound, "at least X".
HINDI_COMPARATIVES = frozenset(normalise(w) for w in "कम छोटा छोटी छोटे ज़्यादा अधिक बड़ा बड़ी बड़े पहले बाद".split())
# ... and with one word between the comparison and the negation: "से कम मंजूर नहीं" (not acceptable below X).
FLOOR_GAP = 1
COMPARISON_WORDS = frozenset({"below", "under", "above", "over", "beyond"})  # "not below 25%": at least 25%
BOUND_REACH = 2  # how far after the comparison word its figure stands ("not below the 25%")
RESTRICTIVE = ("que", "qu'")  # "ne ... que" means "only"
EXPLETIVE_BEFORE = ("avant", "moins", "peur", "crainte")  # avant que / à moins que / de peur que … ne
NE_ALONE_VERBS = frozenset("peut peuvent pouvait pouvaient pourrait pourraient sait savent savait ose osent osait "
                           "cesse cessent cessait".split())
LITOTE_WINDOW = 2  # how far "not" may stand from "the only" / "अकेला"
SHORT_CONTENT = 4  # content words: sentences this short are compared whatever their length ratio
NEGATED_STEM_ZIPF = 3.5  # "unknown" is a negative when "known" is at least this common
HINDI_STEM, LATIN_STEM = 4, 5  # letters two forms of one word share (``codemix.stem``)
INFLECTIONS = frozenset({"s", "es", "d", "ed", "ing", "er", "e", "ent", "ait", "é", "ée", "és"})
GOVERNED_REACH = 3  # how far (in tokens) from a cue the word it negates may stand: "not yet been postponed"


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    word: str


NEGATIONS: FactKey[Cue] = FactKey("negation")
LEXICAL: FactKey[Cue] = FactKey("lexical_negative")


def in_phrases(tokens: tuple[Token, ...], phrases: tuple[str, ...]) -> set[int]:
    """Indices of the tokens that stand inside one of ``phrases`` ("sans cesse", "not only")."""
    inside: set[int] = set()
    for phrase in phrases:
        ptoks = phrase_tokens(phrase)
        for i in range(len(tokens)):
            if phrase_at(tokens, i, ptoks):
                inside.update(range(i, i + len(ptoks)))
    return inside


def contrastive(text: str, tokens: tuple[Token, ...], index: int) -> bool:
    """Whether the negation word at ``index`` negates a noun phrase set against another, not a clause: after a
    comma or "but" and before a determiner or a name ("bought the good bank, not the asset management company",
    "..., pas la société de gestion"): the statement is the positive one, and says what the other side says."""
    if index == 0 or index + 1 >= len(tokens):
        return False
    before = text[tokens[index - 1].end : tokens[index].start]
    following = tokens[index + 1]
    after_break = "," in before or tokens[index - 1].norm in locale_words.CONTRAST_WORDS
    return after_break and (following.norm in locale_words.DETERMINERS or following.text[:1].isupper())


def find_negations(
    tokens: tuple[Token, ...],
    words: tuple[str, ...],
    particles: tuple[str, ...],
    partners: tuple[str, ...],
    exceptions: tuple[str, ...],
    litotes: tuple[str, ...] = (),
    text: str = "",
) -> list[Cue]:
    """Negation cues in reading order: standalone negators, English n't, and French ne ... pas as one cue.
    With ``text``, a contrastive "not" ("X, not Y") is no cue (``contrastive``)."""
    skip = in_phrases(tokens, exceptions)
    single = {w for w in words if " " not in w}
    multi = [phrase_tokens(w) for w in words if " " in w]
    # "not the only one", "अकेला नहीं" (not alone): a negated uniqueness phrase asserts that there are others.
    # The negation stands before the phrase in English and French, after it in Hindi ("X alone cannot" denies).
    for phrase in litotes:
        ptoks = phrase_tokens(phrase)
        hindi = bool(DEVANAGARI.search(phrase))
        for i in range(len(tokens)):
            if phrase_at(tokens, i, ptoks):
                near = range(i + len(ptoks), min(len(tokens), i + len(ptoks) + LITOTE_WINDOW)) if hindi else \
                    range(max(0, i - LITOTE_WINDOW), i + len(ptoks))
                skip.update(k for k in near if tokens[k].norm in single or tokens[k].norm.endswith("n't"))
    # "no smaller than 50 hectares", "no later than Friday": a bound, not a negation; so is Hindi "50 हेक्टेयर से
    # छोटी न हों" (not smaller than 50 hectares: at least 50), a comparison with a number negated.
    for i in range(len(tokens) - 2):
        if tokens[i].norm == "no" and tokens[i + 1].norm.endswith("er") and tokens[i + 2].norm == "than":
            skip.add(i)
    # "a rise not below 25%", "not under 50 hectares": a negated comparison with a figure after it is a bound too;
    # "not under great influence" negates.
    for i in range(len(tokens) - 2):
        if tokens[i].norm in ("not", "no") and tokens[i + 1].norm in COMPARISON_WORDS and any(
                t.is_number for t in tokens[i + 2 : i + 2 + BOUND_REACH]):
            skip.add(i)
    # So is "25 फीसदी बढ़ोतरी से कम मंजूर नहीं" (nothing less than 25% is acceptable: a floor), where the verb of
    # acceptance stands between the comparison and the negation.
    for i in range(2, len(tokens)):
        if tokens[i].norm not in single:
            continue
        for gap in range(FLOOR_GAP + 1):
            k = i - 1 - gap
            if k >= 1 and tokens[k].norm in HINDI_COMPARATIVES and tokens[k - 1].norm == "से" \
                    and any(t.is_number for t in tokens[max(0, k - 5) : k - 1]):
                skip.add(i)
                break
    # "avant que … ne": the expletive ne of French, after avant que / à moins que / de peur que, negates nothing.
    for i in range(len(tokens) - 1):
        if tokens[i].norm in EXPLETIVE_BEFORE and tokens[i + 1].norm in ("que", "qu'"):
            window = range(i + 2, min(len(tokens), i + 2 + SPLIT_WINDOW))
            first = next((k for k in window if tokens[k].norm in particles), None)
            if first is not None and not any(tokens[k].norm in partners for k in range(first + 1, min(
                    len(tokens), first + 1 + SPLIT_WINDOW))):
                skip.add(first)
    cues: list[Cue] = []
    counted: set[int] = set()
    for i, token in enumerate(tokens):
        if i in skip:
            continue
        if token.norm in particles:
            window = range(i + 1, min(len(tokens), i + 1 + SPLIT_WINDOW))
            ends = (*partners, *RESTRICTIVE)
            partner = next((k for k in window if tokens[k].norm in ends and not (
                tokens[k].norm in RESTRICTIVE and tokens[k - 1].norm in EXPLETIVE_BEFORE)), None)
            if partner is None and any(tokens[k].norm in NE_ALONE_VERBS for k in window[:2]):
                # "ne peut être stimulé", "ne cesse de": literary French negates with ne alone before these verbs.
                cues.append(Cue(token.start, tokens[window[0]].end, f"{token.text} … {tokens[window[0]].text}"))
                continue
            if partner is None:
                # "Personne n'avait", "Rien ne va": the partner stands before the particle.
                before = [k for k in range(max(0, i - 2), i) if tokens[k].norm in partners]
                if before and before[-1] not in counted and before[-1] not in skip:
                    k = before[-1]
                    counted.add(k)
                    cues.append(Cue(tokens[k].start, token.end, f"{tokens[k].text} … {token.text}"))
            elif partner not in skip and tokens[partner].norm not in RESTRICTIVE:
                skip.add(partner)
                if any(k in counted and tokens[k].norm in partners for k in range(max(0, i - 2), i)):
                    continue  # "Rien ne va plus": one negation, already counted at "Rien"
                cues.append(Cue(token.start, tokens[partner].end, f"{token.text} … {tokens[partner].text}"))
            continue
        if token.norm in single or token.norm.endswith("n't"):
            if text and contrastive(text, tokens, i):
                continue
            counted.add(i)
            cues.append(Cue(token.start, token.end, token.text))
            continue
        for ptoks in multi:
            if phrase_at(tokens, i, ptoks):
                cues.append(Cue(token.start, tokens[i + len(ptoks) - 1].end, " ".join(ptoks)))
                skip.update(range(i, i + len(ptoks)))
                break
    return cues


def read(facts: Facts, reference: dt.date | None, config: LabelConfig) -> Found:
    cues = find_negations(facts.tokens, config.negation_words, config.negation_particles,
                          config.negation_partners, config.negation_exceptions, config.negation_litotes, facts.text)
    # "No. 11", and "the No 19 jersey" (a capital No before a number, not opening the sentence): a number.
    numbered = {t.start for i, t in enumerate(facts.tokens[:-1]) if t.norm == "no" and facts.tokens[i + 1].is_number
                and (facts.text[t.end : t.end + 1] == "." or t.text == "No" and i > 0)}
    # French "jamais" without "ne" is "ever" ("le plus violent jamais enregistré"), not "never".
    bare = {t.start for t in facts.tokens if t.norm == "jamais"} if facts.language == "fr" else set()
    cues = [c for c in cues if c.start not in numbered and c.start not in bare]
    # "ne … guère" is "hardly", "barely": a lexical negative, as those are in English, not a clausal negation.
    degree = [c for c in cues if c.word.endswith(DEGREE_PARTNERS)]
    cues = [c for c in cues if c not in degree]
    return {NEGATIONS: tuple(cues), LEXICAL: (*find_lexical_negatives(facts, config), *degree)}


def find_lexical_negatives(facts: Facts, config: LabelConfig) -> list[Cue]:
    """Words that state a negative without negating a clause: the configured ones, and a negative prefix on a
    common word of the text's language (unknown, impossible, inconnu, अज्ञात), also on the verb of an "-able"
    adjective (unbreakable, incassables: what cannot be broken). None inside an idiom ("sans cesse")."""
    lexical = {w for w in config.negation_lexical if " " not in w}
    prefixes = locale_words.NEGATIVE_PREFIXES.get(facts.language, ())
    idioms = in_phrases(facts.tokens, config.negation_exceptions)
    phrases = in_phrases(facts.tokens, tuple(w for w in config.negation_lexical if " " in w))  # "peu probable"
    found = []
    for i, token in enumerate(facts.tokens):
        word = token.norm
        if i in phrases and i - 1 not in phrases:
            found.append(Cue(token.start, token.end, token.text))
            continue
        if i in idioms or i in phrases:
            continue
        if word in lexical or word.startswith(("non-", "un-")) or any(
                word.startswith(p) and len(word) - len(p) >= 4 and _negated_stem(word, word[len(p):], facts.language)
                for p in prefixes):
            found.append(Cue(token.start, token.end, token.text))
    return found


ABLE_SUFFIXES = ("ables", "ibles", "able", "ible")


def _negated_stem(word: str, rest: str, language: str) -> bool:
    """Whether ``word`` is a negative prefix on ``rest``: a common word more common than ``word``, or an "-able"
    adjective whose verb is common ("breakable" from "break", "cassables" from "casser")."""
    common = zipf(rest, language)
    if common >= NEGATED_STEM_ZIPF and zipf(word, language) < common:
        return True
    suffix = next((s for s in ABLE_SUFFIXES if rest.endswith(s) and len(rest) - len(s) >= 3), None)
    if suffix is None or zipf(word, language) >= NEGATED_STEM_ZIPF:
        return False  # a common one is a word of its own ("inevitable", "incroyable"), not a negation of a verb
    verb = rest[: -len(suffix)]
    forms = (verb, verb + "e", verb + "er") if language == "fr" else (verb, verb + "e")
    return max(zipf(form, language) for form in forms) >= NEGATED_STEM_ZIPF


# ---- comparison ------------------------------------------------------------------------------------


def _content_words(facts: Facts) -> list[Token]:
    return [t for t in facts.tokens if t.norm not in locale_words.STOPWORDS and not t.is_number and len(t.norm) > 1]


def _reported(facts: Facts) -> Facts:
    """What a sentence that reports speech says was said, without who said it: the words after a reporting verb
    that opens it ("Managing director Anita Raghavan said [no customer data had been stolen]", "... ने कहा कि [किसी
    ग्राहक की जानकारी बाहर नहीं गई]") when every negation cue stands after that verb, or the words before the comma
    of a reporting clause that closes it ("[The Mariners will keep 20% of any future transfer fee], the Indian
    club's chief executive Debashis Roy said"); else the whole sentence. Who spoke is no part of the statement,
    and another outlet states the same fact without saying who said it: counted, the speaker's words made two
    parallel statements look unequal in length (multi-outlet test6)."""
    tokens = facts.tokens
    reporting = [k for k, t in enumerate(tokens) if t.norm in locale_words.REPORTING_WORDS]
    if not reporting:
        return facts
    last = reporting[-1]
    if all(t.norm in locale_words.STOPWORDS for t in tokens[last + 1 :]):
        comma = facts.text.rfind(",", 0, tokens[last].start)
        cues_before = all(c.end <= comma for c in facts[NEGATIONS])
        kept = tuple(t for t in tokens if t.end <= comma)
        return replace(facts, tokens=kept) if comma > 0 and cues_before and kept else facts
    first_cue = min((c.start for c in facts[NEGATIONS]), default=len(facts.text))
    opening = [k for k in reporting if tokens[k].end <= first_cue]
    if not opening:
        return facts
    return replace(facts, tokens=tokens[opening[-1] + 1 :])


def _overlap(x: Facts, y: Facts) -> float:
    """Share of the shorter text's content words the other text also has (one language): how parallel two
    sentences are, so that a negation in one is a negation of what the other says."""
    words_x = {_stem(t.norm) for t in x.tokens if t.norm not in locale_words.STOPWORDS and not t.is_number}
    words_y = {_stem(t.norm) for t in y.tokens if t.norm not in locale_words.STOPWORDS and not t.is_number}
    if not words_x or not words_y:
        return 1.0
    return len(words_x & words_y) / min(len(words_x), len(words_y))


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def negated_predicate(facts: Facts, cue: Cue, reach: int) -> tuple[frozenset[str], str]:
    """What a negation negates, as its text says it: the content words within ``reach`` of the cue in its clause
    ("we are not seeing any cancellations", "बाजार को रास नहीं आया"); their stems and the short span they make."""
    return clause_context(facts, cue.start, cue.end, reach)


def _stems(facts: Facts) -> frozenset[str]:
    return frozenset(stem(t.norm) for t in _content_words(facts))


def governed(facts: Facts, cue: Cue) -> list[Token]:
    """The words a negation negates, when its clause shows them: the first content word after an English or
    French cue ("never postponed", "n'a pas suspendu", the verb inside "ne … pas" first); around a Hindi cue, the
    verb right after it ("नहीं खेल पाएंगे", "नहीं बचा सके") and the last content word before it, the noun or
    adjective a light verb or an auxiliary makes a predicate of ("छूट नहीं दी", "आग नहीं मिली", "मंजूर नहीं है");
    none when the clause ends first."""
    span = _cue_tokens(facts.tokens, cue)
    if span is None:
        return []
    first, last = span
    tokens, clause_ids = facts.tokens, clauses(facts)

    def content(k: int) -> bool:
        t = tokens[k]
        return clause_ids[k] == clause_ids[first] and not t.is_number and len(t.norm) > 1 \
            and t.norm not in locale_words.STOPWORDS
    if DEVANAGARI.search(cue.word):
        before = next((tokens[k] for k in range(first - 1, max(-1, first - 1 - GOVERNED_REACH), -1) if content(k)),
                      None)
        after = tokens[last + 1] if last + 1 < len(tokens) and content(last + 1) else None
        return [t for t in (after, before) if t is not None]
    order = [*range(first + 1, last), *range(last + 1, min(len(tokens), last + 1 + GOVERNED_REACH))]
    return next(([tokens[k]] for k in order if content(k)), [])


def predicate_stated(negated: Facts, other: Facts, config: LabelConfig) -> bool | None:
    """In one language: whether the other text states what one of ``negated``'s negations negates: the word the
    negation governs (``governed``: "a launch that was never postponed" negates postponing, not the launch the
    other side reports), or, where the clause shows none, a word around the cue; None when no negation has
    content words around it, or the texts are in two languages."""
    if negated.language != other.language:
        return None
    heads = [governed(negated, cue) for cue in negated[NEGATIONS]]
    said = [t.norm for t in _content_words(other)]
    if any(_inflection(head.norm, w) for words in heads for head in words for w in said):
        return True
    # A negated lexical negative ("छूट नहीं दी", not exempted) negates what a lexical negative of the other side
    # states ("बाहर रखा गया", left out): the predicate is stated, in its negative word.
    negatives = {x.start for x in negated[LEXICAL]}
    if other[LEXICAL] and any(head.start in negatives for words in heads for head in words):
        return True
    predicates = [negated_predicate(negated, cue, config.negation_predicate_reach)[0]
                  for cue, words in zip(negated[NEGATIONS], heads, strict=True) if not words]
    predicates = [words for words in predicates if words]
    if not predicates:
        return False if any(heads) else None
    stated = _stems(other)
    return any(words & stated for words in predicates)


def _inflection(x: str, y: str) -> bool:
    """Two forms of one word: "rule" / "ruled", "suspendu" / "suspendre", "मिली" / "मिला": the same word, or one
    that shares its first five letters with the other (four, both words at least that long, in Devanagari), or a
    short Latin word and itself with an inflection ("act" / "acted"; a final "y" read as "i": "deny" / "denied"), or
    an English base and its irregular past ("go" / "went", ``locale_words.IRREGULAR_BASE``)."""
    if x == y:
        return True
    if DEVANAGARI.match(x):
        return min(len(x), len(y)) >= HINDI_STEM and x[:HINDI_STEM] == y[:HINDI_STEM]  # हार is not हारवुड
    base_x, base_y = (locale_words.IRREGULAR_BASE.get(w) for w in (x, y))
    if base_x is not None and base_x == base_y or base_x == y or base_y == x:
        return True  # "did not go" / "went", "didn't win" / "won": the base and its irregular past
    x, y = (w[:-1] + "i" if w.endswith("y") else w for w in (x, y))  # deny / denied
    short, long = sorted((x, y), key=len)
    if len(short) >= 3 and long.startswith(short) and long[len(short):] in INFLECTIONS:
        return True  # act / acted, rule / ruled
    return len(short) >= LATIN_STEM and x[:LATIN_STEM] == y[:LATIN_STEM]


NOT_STATED = "not compared: what the negation negates is not stated on the other side: "


def _views(a: Side, b: Side) -> tuple[Facts, Facts, bool]:
    """Where negations are counted: in English when both sides have English (one language, one cue list), else
    in the original texts."""
    view_a, view_b = a.english_view, b.english_view
    if view_a is not None and view_b is not None:
        return view_a, view_b, True
    return a.original, b.original, False


PARAPHRASE_REACH = 2  # how far from a cue (in words) the predicate it negates stands: "फ़िक्र न करें", "ne vous inquiétez pas"
MIN_STEM = 5  # a vocabulary entry this long also matches the words it begins ("estimat..." in "estimations")


def _matches(word: str, entries: frozenset[str]) -> bool:
    return word in entries or any(len(e) >= MIN_STEM and word.startswith(e) for e in entries)


def _cue_tokens(tokens: tuple[Token, ...], cue: Cue) -> tuple[int, int] | None:
    """The first and last token a cue spans (French "ne … pas" spans the verb between), or None."""
    inside = [k for k, t in enumerate(tokens) if cue.start <= t.start < cue.end]
    return (inside[0], inside[-1]) if inside else None


def paraphrased(facts: Facts, cue: Cue, other: Facts) -> bool:
    """Whether a negation says what ``other`` says positively (``locale_words.NEGATED_PARAPHRASES``): it negates
    a predicate of worry, forgetting, certainty or lasting (a word within ``PARAPHRASE_REACH`` of the cue) and the
    other text has that predicate's counterpart ("फ़िक्र न करें" / "Rest assured", "निश्चित नहीं" / "varying
    estimates"); or it negates a purpose ("pour ne pas être repérés") and the other text avoids ("दिखने से बचने")."""
    tokens = facts.tokens
    span = _cue_tokens(tokens, cue)
    if span is None:
        return False
    first, last = span
    near = {tokens[k].norm for k in range(max(0, first - PARAPHRASE_REACH), min(len(tokens), last + 1 + PARAPHRASE_REACH))
            if k not in (first, last)}
    said = {t.norm for t in other.tokens}
    for predicates, counterparts in locale_words.NEGATED_PARAPHRASES:
        if any(_matches(w, predicates) for w in near) and any(_matches(w, counterparts) for w in said):
            return True
    before = tuple(t.norm for t in tokens[max(0, first - 2) : first])
    purpose = any(before[-len(p):] == p for p in locale_words.PURPOSE_BEFORE_NEGATION if len(before) >= len(p))
    return purpose and any(_matches(w, locale_words.AVOIDING) for w in said)


def _counted(view: Facts, other: Facts) -> Facts:
    """``view`` with only the negations that may contradict ``other``: not those it paraphrases."""
    cues = tuple(c for c in view[NEGATIONS] if not paraphrased(view, c, other))
    if len(cues) == len(view[NEGATIONS]):
        return view
    lexical = (*view[LEXICAL], *(c for c in view[NEGATIONS] if c not in cues))
    return replace(view, found={**view.found, NEGATIONS.name: cues, LEXICAL.name: lexical})


NEGATED_NEGATIVE_REACH = 2  # how far (in words) a lexical negative stands from the cue that negates it


def negated_negatives(facts: Facts, listed: frozenset[str]) -> list[tuple[Cue, Cue]]:
    """Negation cues that negate a lexical negative, with it: a double negative states the positive ("la police
    n'écarte pas l'hypothèse", does not rule out; "did not deny"; "खारिज नहीं किया"). The lexical negative stands
    inside the cue (French ne … pas around its verb) or within ``NEGATED_NEGATIVE_REACH`` words after it, before
    it in Hindi (the negation follows the verb).

    Only a ``listed`` lexical negative (``negation_lexical``: verbs of denying, refusing, ruling out) counts, not
    one read from a negative prefix: "not a learning disability" / "अक्षमता नहीं", "not an abnormality" / "कोई
    असामान्य बात नहीं" say one thing, but the prefix is found on one side only (FLORES test: 6 false alarms on
    untouched pairs before this)."""
    tokens = facts.tokens
    index = {t.start: k for k, t in enumerate(tokens)}
    found = []
    for cue in facts[NEGATIONS]:
        span = _cue_tokens(tokens, cue)
        if span is None:
            continue
        first, last = span
        hindi = bool(DEVANAGARI.search(cue.word))
        near = range(max(0, first - NEGATED_NEGATIVE_REACH), first) if hindi else \
            range(first, min(len(tokens), last + 1 + NEGATED_NEGATIVE_REACH))
        lexical = next((x for x in facts[LEXICAL] if index.get(x.start) in near and x.word.lower() in listed), None)
        if lexical is not None:
            found.append((cue, lexical))
    return found


@lru_cache(maxsize=8)
def listed_negatives(negation_lexical: tuple[str, ...]) -> frozenset[str]:
    """The configured lexical negatives as their cues are written: a phrase ("ruled out") by its first word."""
    return frozenset(w.split()[0].lower() for w in negation_lexical if w.strip())


def _polar(view: Facts, listed: frozenset[str]) -> tuple[Facts, int]:
    """``view`` with each negated lexical negative read as the positive it states (neither a negation nor a
    lexical negative), and how many it held."""
    pairs = negated_negatives(view, listed)
    if not pairs:
        return view, 0
    cues = {id(c) for c, _ in pairs} | {id(x) for _, x in pairs}
    kept = {key.name: tuple(c for c in view[key] if id(c) not in cues) for key in (NEGATIONS, LEXICAL)}
    return replace(view, found={**view.found, **kept}), len(pairs)


def _shown(view: Facts, listed: frozenset[str]) -> str | None:
    """What a side states about polarity, for the evidence: its negated negatives ("n' … pas écarte"), else its
    negations and lexical negatives."""
    words = [f"{c.word} {x.word}" for c, x in negated_negatives(view, listed)] or [
        c.word for c in (*view[NEGATIONS], *view[LEXICAL])]
    return " / ".join(words) or None


def _positive_against_negative(view_a: Facts, view_b: Facts, config: LabelConfig) -> list[Finding]:
    """Two sides with as many negation words: a conflict when one negates a lexical negative (the positive: "la
    police n'écarte pas l'hypothèse") and the other states a negative it does not negate ("found nothing to suggest
    sabotage", "तोड़फोड़ की आशंका खारिज")."""
    listed = listed_negatives(tuple(config.negation_lexical))
    (polar_a, positive_a), (polar_b, positive_b) = _polar(view_a, listed), _polar(view_b, listed)
    negative_a = len(polar_a[NEGATIONS]) + len(polar_a[LEXICAL])
    negative_b = len(polar_b[NEGATIONS]) + len(polar_b[LEXICAL])
    if bool(positive_a) == bool(positive_b) or (negative_a if positive_a else negative_b) or not (
            negative_b if positive_a else negative_a):
        return []
    note = "a negated negative (the positive) on one side, a negative on the other"
    strength = 1.0 if view_a.language == view_b.language else config.negation_cross_lingual
    shown_a, shown_b = _shown(view_a, listed), _shown(view_b, listed)
    return [contradicting("negation", shown_a, shown_b, note, weight="negation", strength=strength)]


ONCE_NOTE = "a count stated both ways: none on one side, one on the other"


OncePhrase = tuple[tuple[str, ...], int | None, int | None]


@lru_cache(maxsize=1)
def _once_phrases() -> dict[str, tuple[OncePhrase, ...]]:
    """(tokens, the count stated in a sentence with a negation, the count stated without one) for each
    ``locale_words`` "once" phrase, by its first word (``once_count`` asks at every token: only the phrases that
    can start there), longest first (so "qu'une seule fois" is read before "une seule fois")."""
    table = [(phrase_tokens(p), 0, None if p in locale_words.ONCE_NONE_NEEDS_NEGATION else 0)
             for p in locale_words.ONCE_NONE]
    table += [(phrase_tokens(p), 0, 1) for p in locale_words.ONCE_SINGLE]
    table += [(phrase_tokens(p), 1, 1) for p in locale_words.ONCE_ONLY]
    by_first: dict[str, list[OncePhrase]] = {}
    for entry in sorted(table, key=lambda entry: -len(entry[0])):
        by_first.setdefault(entry[0][0], []).append(entry)
    return {first: tuple(entries) for first, entries in by_first.items()}


def once_count(view: Facts) -> tuple[int, str] | None:
    """What a text says of how many times something happened, when it says "once at most" in so many words: 0
    with the phrase for "not once" ("not even once", "pas une seule fois", "एक बार भी ... नहीं"), 1 for "only once"
    ("qu'une fois", "सिर्फ एक बार"); None otherwise. A sentence saying both is read as neither."""
    found: set[tuple[int, str]] = set()
    covered: set[int] = set()
    for index in range(len(view.tokens)):
        if index in covered:
            continue
        for phrase, negated, plain in _once_phrases().get(view.tokens[index].norm, ()):
            if phrase_at(view.tokens, index, phrase):
                count = negated if view[NEGATIONS] else plain
                if count is not None:
                    span = view.text[view.tokens[index].start : view.tokens[index + len(phrase) - 1].end]
                    found.add((count, span))
                covered.update(range(index, index + len(phrase)))
                break
    counts = {count for count, _ in found}
    return min(found) if len(counts) == 1 else None


def _once_against_once(a: Side, b: Side) -> list[Finding]:
    """One side says something happened not once, the other only once ("lost his serve only once" / "एक बार भी
    अपनी सर्विस नहीं गंवाई"): a count of 0 against a count of 1, whatever the negation cues count (the "only once"
    side may hold a negation of its own: "n'a perdu ... qu'une fois" is ne ... que, no negation). Read in each
    side's original text and its translation."""
    def read(side: Side) -> tuple[int, str] | None:
        return next((found for view in (side.original, side.english) if view is not None
                     and (found := once_count(view)) is not None), None)

    once_a, once_b = read(a), read(b)
    if once_a is None or once_b is None or once_a[0] == once_b[0]:
        return []
    return [contradicting("negation", once_a[1], once_b[1], ONCE_NOTE, weight="negation")]


def compare(a: Side, b: Side, config: LabelConfig, batch: Batch) -> list[Finding]:
    once = _once_against_once(a, b)
    if once:
        return once
    return _compare_cues(a, b, config)


def _compare_cues(a: Side, b: Side, config: LabelConfig) -> list[Finding]:
    """A negation on one side only, when the other side states what it negates (one language: a shared word
    around the cue; two: see ``confirm_negations``). A negation that says what the other side says positively
    (``paraphrased``) is not counted. Polarity is the predicate's: a negated lexical negative ("n'écarte pas",
    does not rule out) states the positive, against a negation or a lexical negative on the other side ("found
    nothing to suggest sabotage", "ruled out sabotage", "आशंका खारिज"); two negatives that say one thing
    ("nothing to suggest" / "ruled out") agree."""
    view_a, view_b, translated = _views(a, b)
    in_english = translated and (view_a is not a.original or view_b is not b.original)
    view_a, view_b = _counted(view_a, view_b), _counted(view_b, view_a)
    count_a, count_b = len(view_a[NEGATIONS]), len(view_b[NEGATIONS])
    if count_a == count_b:
        return _positive_against_negative(view_a, view_b, config)
    negated, other = (view_a, view_b) if count_a > count_b else (view_b, view_a)
    if predicate_stated(negated, other, config) is False:
        cues = " / ".join(c.word for c in negated[NEGATIONS])
        span = "; ".join(negated_predicate(negated, c, config.negation_predicate_reach)[1]
                         for c in negated[NEGATIONS])
        shown = (cues, None) if negated is view_a else (None, cues)
        return [Finding("negation", *shown, f"{NOT_STATED}{span}", 0.0, False, "negation")]
    polarity_a = count_a + len(view_a[LEXICAL])
    polarity_b = count_b + len(view_b[LEXICAL])
    if (polarity_a > polarity_b) != (count_a > count_b) or polarity_a == polarity_b:
        return []  # "पता नहीं" / "unknown", "did not accept" / "refused": a lexical negative says the same
    strength = 1.0 if min(count_a, count_b) == 0 else 0.6
    # One sentence says much more than the other: the negation may sit in what the other does not say, the more
    # so in a long sentence, which carries more clauses to negate. Two sentences of a length are parallel enough
    # for one inserted "not" to count, however long. Lengths are counted in content words, which two languages
    # share (Hindi writes postpositions as words, French articles).
    longest = max(len(view_a.tokens), len(view_b.tokens))
    # Each side read whole or as its reported clause (``_reported``), whichever pairs the two most evenly: the
    # speaker's words are part of the statement when the other side names the speaker too.
    lengths_a = {len(_content_words(view_a)), len(_content_words(_reported(view_a)))}
    lengths_b = {len(_content_words(view_b)), len(_content_words(_reported(view_b)))}
    words = max((sorted((x, y)) for x in lengths_a for y in lengths_b), key=lambda w: w[0] / max(w[1], 1))
    if words[0] < config.negation_length_ratio * words[1] and words[1] > SHORT_CONTENT:
        strength *= words[0] / (config.negation_length_ratio * words[1])
        if longest > config.negation_long_sentence:
            strength *= config.negation_long_sentence / longest
    if translated:
        strength *= min(1.0, _overlap(view_a, view_b) / config.negation_min_overlap)
    elif view_a.language != view_b.language:
        strength *= config.negation_cross_lingual  # two cue lists; no way to see how parallel the texts are
    cues_a = " / ".join(c.word for c in view_a[NEGATIONS]) or None
    cues_b = " / ".join(c.word for c in view_b[NEGATIONS]) or None
    note = f"negation on one side only: {count_a} vs {count_b} negation(s)"
    if in_english:
        note += " (read in the English translation)"
    return [contradicting("negation", cues_a, cues_b, note, weight="negation", strength=strength)]


def without_cue(facts: Facts, cue: Cue) -> str:
    """The text with one negation taken out: the word, or both words of a split French negation (ne … pas),
    leaving the verb between them."""
    inside = [t for t in facts.tokens if cue.start <= t.start < cue.end]
    drop = [inside[0], inside[-1]] if "…" in cue.word and len(inside) > 1 else inside
    text = facts.text
    for token in sorted(drop, key=lambda t: -t.start):
        text = text[: token.start] + text[token.end :]
    return " ".join(text.split())


def _windows(facts: Facts, reach: int) -> list[str]:
    """The short spans a text states things in: for each content word, it and its neighbours in its clause."""
    spans = (clause_context(facts, t.start, t.start, reach)[1] for t in _content_words(facts))
    return list(dict.fromkeys(span for span in spans if span))


def _predicate_spans(all_sides: Sequence[tuple[Side, Side]], config: LabelConfig) -> tuple[
        dict[int, tuple[list[str], list[str]]], list[tuple[str, str]]]:
    """Per pair whose negations are counted in two languages: (the negated spans, the other side's windows);
    and every span with its language, for the margin's baselines."""
    per_pair: dict[int, tuple[list[str], list[str]]] = {}
    spans: dict[tuple[str, str], None] = {}
    for k, (a, b) in enumerate(all_sides):
        count_a, count_b = len(a.original[NEGATIONS]), len(b.original[NEGATIONS])
        if not _between_originals(a, b) or count_a == count_b:
            continue
        negated, other = (a.original, b.original) if count_a > count_b else (b.original, a.original)
        reach = config.negation_predicate_reach
        predicates = [negated_predicate(negated, cue, reach)[1] for cue in negated[NEGATIONS]]
        predicates = [p for p in predicates if p]
        windows = _windows(other, reach)
        per_pair[k] = (predicates, windows)
        spans.update(dict.fromkeys([(p, negated.language) for p in predicates]))
        spans.update(dict.fromkeys([(w, other.language) for w in windows]))
    return per_pair, list(spans)


def confirm_negations(
    all_sides: Sequence[tuple[Side, Side]],
    findings: list[list[Finding]],
    embedder: Embedder,
    config: LabelConfig,
    batch: Batch,
) -> list[list[Finding]]:
    """A long negated sentence that is not near-parallel to the other (whole-sentence cosine below
    ``parallel_cosine``) weighs less, as it did before the rules could see parallel sentences. Between two
    languages without translations the rules cannot see whether the negated verb is the other side's verb.
    The embedder can: what the negation negates (its short span) must stand, with one of the other side's short
    spans, ``negation_predicate_margin`` above both spans' usual cosine with the batch's other-language spans;
    and taking the negation out of the negated sentence must bring it closer to the other sentence (by at least
    ``negation_min_gain`` in cosine); when it does not, the other side says the same thing another way ("पता
    नहीं" / "ignore", "won't last" / "might end") and the finding is dropped."""
    cache = EmbeddingCache(embedder)
    per_pair, spans = _predicate_spans(all_sides, config)
    baselines = margin_baselines(cache, spans)
    kept: list[list[Finding]] = []
    for k, ((a, b), found) in enumerate(zip(all_sides, findings, strict=True)):
        out = []
        for f in found:
            longest = max(len(a.original.tokens), len(b.original.tokens))
            counted = f.kind == "negation" and f.conflict and f.note != ONCE_NOTE  # a count of 0 vs 1 stands as it is
            if counted and longest > config.negation_long_sentence and similarity(
                    cache, a.original.text, b.original.text) < config.parallel_cosine:
                # Not near-parallel (whole-sentence cosine): a long sentence carries clauses the other does not.
                f = replace(f, strength=stored_score(f.strength * config.negation_long_sentence / longest))
            if counted and _between_originals(a, b):
                count_a, count_b = len(a.original[NEGATIONS]), len(b.original[NEGATIONS])
                negated, other = (a.original, b.original) if count_a > count_b else (b.original, a.original)
                predicates, windows = per_pair.get(k, ([], []))
                if predicates and windows:
                    best = max(margin(cache, baselines, (p, negated.language), (w, other.language))
                               for p in predicates for w in windows)
                    if best < config.negation_predicate_margin:
                        continue
                texts = [without_cue(negated, cue) for cue in negated[NEGATIONS]]
                vectors = cache.get([negated.text, other.text, *texts])
                base = float(vectors[0] @ vectors[1])
                gain = max(float(v @ vectors[1]) - base for v in vectors[2:])
                if gain < config.negation_min_gain:
                    continue
            out.append(f)
        kept.append(out)
    return kept


def _between_originals(a: Side, b: Side) -> bool:
    """Whether ``compare`` counted negations in the original texts of two languages (no translation of one)."""
    return a.original.language != b.original.language and (a.english_view is None or b.english_view is None)


COMPARATOR = Comparator("negation", read=read, compare=compare, with_embedder=confirm_negations)
