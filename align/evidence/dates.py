"""Dates and relative dates, as the components the text states (year, month, day, weekday); and the ``date``
evidence: dates sharing a component that differ in it.

Month, weekday, time-unit and relative-day words come from dateparser's locale data (``locale_words``), so any
language dateparser knows is read the same way; "two years ago" is resolved against the article's publication
date when known (and marked approximate), and kept as an offset ("-2 year") when not.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from align.config import LabelConfig
from align.evidence import locale_words
from align.evidence.codemix import EmbeddingCache, clause_context, margin, margin_baselines
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
    both_views,
    contradicting,
    cross_language_spans,
    if_translated,
    originals_first,
    pair_off,
)
from align.evidence.locale_words import calendar_words, relative_phrases
from align.evidence.numbers import (
    EVENT_CONCEPTS,
    NUMBERS,
    RUNNING_COUNTS,
    Quantity,
    concept_near,
    days_of,
    may_measure_alike,
    same_thing_by_words,
)
from align.evidence.tokens import Token, phrase_at, phrase_tokens

# Words that are a month or weekday name and also common words; they count only next to a day or year number.
AMBIGUOUS_NAMES = frozenset(
    {"may", "mar", "march", "sun", "sat", "wed", "mon", "jun", "jan", "sept", "mai", "सोम"}
)
# Words before a month name that make an ambiguous one ("May", "mai") a month: "in May", "en mai".
MONTH_BEFORE = frozenset({"in", "since", "until", "till", "during", "early", "late", "mid", "by", "from",
                          "through", "en", "depuis", "jusqu'en", "mois", "début", "fin", "mi"})
AGO_AFTER = {"en": ("ago",), "hi": ("पहले", "पूर्व"), "fr": ()}
AGO_BEFORE = {"en": (), "hi": (), "fr": ("il y a",)}


@dataclass(frozen=True)
class DateMention:
    """What a text says about when: any of year, month, day, weekday; or an unresolved offset from its
    own date."""

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    approx: bool = False  # resolved from a relative expression against the publication date
    offset: tuple[int, str] | None = (
        None  # (-2, "year") for "two years ago" when the publication date is unknown
    )
    last_year: int | None = None  # a span of years ("2025-26", a fiscal year): ``year`` is its first

    def years(self) -> tuple[int, int] | None:
        if self.year is None:
            return None
        return (self.year, self.last_year or self.year)

    @property
    def resolved(self) -> bool:
        return any(v is not None for v in (self.year, self.month, self.day, self.weekday))

    def describe(self) -> str:
        if self.offset is not None and not self.resolved:
            n, unit = self.offset
            return f"{abs(n)} {unit}(s) {'ago' if n <= 0 else 'ahead'} (publication date unknown)"
        year = f"{self.year:04d}" + (f"-{self.last_year:04d}" if self.last_year else "") if self.year else "????"
        parts = [year, f"{self.month:02d}" if self.month else "??"]
        if self.day:
            parts.append(f"{self.day:02d}")
        text = "-".join(parts).replace("-??", "") if not self.day else "-".join(parts)
        if self.weekday is not None:
            text += f" ({dt.date(2024, 1, 1 + self.weekday).strftime('%A')})"
        return ("about " if self.approx else "") + text


DATES: FactKey[DateMention] = FactKey("date")


def _hindi_tense(tokens: tuple[Token, ...]) -> int | None:
    """+1 when the sentence's verb is future, -1 when past, None when the text does not say."""
    future = any(t.norm.endswith(locale_words.HINDI_FUTURE_ENDINGS) and len(t.norm) > 3 for t in tokens)
    past = any(t.norm in locale_words.HINDI_PAST_MARKERS for t in tokens)
    if future == past:
        return None
    return 1 if future else -1


def _day_number(token: Token | None) -> int | None:
    if token is None:
        return None
    text = token.norm.removesuffix("er").removesuffix("st").removesuffix("nd").removesuffix("rd")
    text = text.removesuffix("th")
    return int(text) if text.isdigit() and 1 <= int(text) <= 31 and len(text) <= 2 else None


def _year_number(token: Token | None) -> int | None:
    if token is None or not token.text.isdigit() or len(token.text) != 4:
        return None
    return int(token.text) if 1800 <= int(token.text) <= 2100 else None


def _resolve(published: dt.date | None, offset: int, unit: str) -> DateMention:
    """A relative date: its offset always, and the date it points to when the publication date is known."""
    if published is None:
        return DateMention(0, 0, offset=(offset, unit))
    if unit == "year":
        return DateMention(0, 0, year=published.year + offset, approx=True, offset=(offset, unit))
    if unit == "month":
        months = published.year * 12 + published.month - 1 + offset
        return DateMention(0, 0, year=months // 12, month=months % 12 + 1, approx=True, offset=(offset, unit))
    day = published + dt.timedelta(days=offset * (7 if unit == "week" else 1))
    return DateMention(0, 0, year=day.year, month=day.month, day=day.day, approx=True, offset=(offset, unit))


def _with_span(mention: DateMention, start: int, end: int) -> DateMention:
    return replace(mention, start=start, end=end)


def _word(token: Token) -> str:
    """A token's norm without a possessive ending: "Friday's earthquake" names a Friday."""
    return token.norm.removesuffix("'s").rstrip("'")


def _year_span(tokens: tuple[Token, ...], text_gaps: list[str], k: int) -> int | None:
    """The last year of a span of years starting at ``tokens[k]`` ("2025-26", "2025-2026", "२०२५-२६": a fiscal
    year or a season), or None."""
    first = _year_number(tokens[k])
    if first is None or k + 1 >= len(tokens) or text_gaps[k] not in ("-", "–", "/"):
        return None
    second = tokens[k + 1].text
    if not second.isdigit():
        return None
    if len(second) == 2 and int(second) == (first + 1) % 100:
        return first + 1
    if len(second) == 4 and int(second) == first + 1:
        return first + 1
    return None


def _abbreviated(word: str, words: dict[str, tuple[str, int]]) -> bool:
    """A short form of a weekday's name ("jeu" of "jeudi", "thu" of "thursday", "lun" of "lundi")."""
    return any(other != word and other.startswith(word) and entry == words[word] for other, entry in words.items())


def _in_date_shape(tokens: tuple[Token, ...], i: int, words: dict[str, tuple[str, int]], text: str) -> bool:
    """An abbreviated weekday is a weekday only where a date is written: with its dot ("jeu. 12"), before a day
    number or a month ("Thu 12 Nov", "lun, 3 novembre"); "jeu décisif" is a tie-break, not Thursday."""
    if text and text[tokens[i].end : tokens[i].end + 1] == ".":
        return True
    following = tokens[i + 1 : i + 2]
    return any(_day_number(t) is not None or words.get(_word(t), ("",))[0] == "month" for t in following)


def find_dates(
    tokens: tuple[Token, ...],
    language: str,
    quantities: list[Quantity],
    published: dt.date | None,
    text: str = "",
) -> tuple[list[DateMention], set[int]]:
    """Dates in the text, and the indices of ``quantities`` they used up (years, days, "two years ago");
    with ``text``, also spans of years ("2025-26")."""
    words = calendar_words(language)
    used_tokens: set[int] = set()
    found: list[DateMention] = []

    def at(k: int) -> Token | None:
        return tokens[k] if 0 <= k < len(tokens) else None

    for i, token in enumerate(tokens):
        entry = words.get(_word(token))
        if entry is None or i in used_tokens:
            continue
        kind, value = entry
        if kind == "weekday":
            if _word(token) not in AMBIGUOUS_NAMES and (not _abbreviated(_word(token), words)
                                                        or _in_date_shape(tokens, i, words, text)):
                found.append(DateMention(token.start, token.end, weekday=value))
                used_tokens.add(i)
            continue
        span = [i]
        day = _day_number(at(i - 1))
        if day is not None:
            span.insert(0, i - 1)
        else:
            day = _day_number(at(i + 1))
            if day is not None and _year_number(at(i + 1)) is None:
                span.append(i + 1)
        after = span[-1] + 1
        year = _year_number(at(after))
        if year is not None:
            span.append(after)
        elif at(after) is not None and at(after).norm in ("of", "de") and _year_number(at(after + 1)):
            year = _year_number(at(after + 1))  # "in May of 1969"
            span += [after, after + 1]
        before = at(i - 1)
        month_context = before is not None and before.norm in MONTH_BEFORE
        if token.norm in AMBIGUOUS_NAMES and day is None and year is None and not month_context:
            continue
        used_tokens.update(span)
        found.append(
            DateMention(tokens[span[0]].start, tokens[span[-1]].end, year=year, month=value, day=day)
        )

    # Hindi कल is "yesterday" or "tomorrow": the verb's tense decides (future -गा/-गी/-गे, past था/गया...).
    tense = _hindi_tense(tokens) if language == "hi" else None
    for i, token in enumerate(tokens):
        if tense is not None and token.norm == "कल" and i not in used_tokens:
            used_tokens.add(i)
            found.append(_with_span(_resolve(published, tense, "day"), token.start, token.end))

    for phrase, offset, unit in relative_phrases(language):
        for i in range(len(tokens)):
            if i not in used_tokens and phrase_at(tokens, i, phrase):
                covered = set(range(i, i + len(phrase)))
                if covered & used_tokens:
                    continue
                used_tokens.update(covered)
                found.append(
                    _with_span(
                        _resolve(published, offset, unit), tokens[i].start, tokens[i + len(phrase) - 1].end
                    )
                )

    gaps = [text[t.end : n.start] for t, n in zip(tokens, tokens[1:], strict=False)] if text else []
    for k in range(len(gaps)):
        last_year = _year_span(tokens, gaps, k) if k not in used_tokens and k + 1 not in used_tokens else None
        if last_year is not None:
            used_tokens.update((k, k + 1))
            found.append(DateMention(tokens[k].start, tokens[k + 1].end, year=last_year - 1, last_year=last_year))

    used_quantities: set[int] = set()
    starts = {t.start: k for k, t in enumerate(tokens)}
    ends = {t.end: k for k, t in enumerate(tokens)}
    for q_index, quantity in enumerate(quantities):
        first, last = starts.get(quantity.start), ends.get(quantity.end)
        if first is None or last is None:
            continue
        if set(range(first, last + 1)) & used_tokens:
            used_quantities.add(q_index)  # the day or year of a date already read
            continue
        if quantity.unit in ("year", "month", "week", "day") and quantity.qualifier in ("exact", "approx"):
            before = next(
                (
                    p
                    for p in AGO_BEFORE.get(language, ())
                    if phrase_at(tokens, first - len(phrase_tokens(p)), phrase_tokens(p))
                ),
                None,
            )
            behind = next(
                (
                    p
                    for p in AGO_AFTER.get(language, ()) + ("ago",)
                    if phrase_at(tokens, last + 1, phrase_tokens(p))
                ),
                None,
            )
            if before or behind:
                span_start = tokens[first - len(phrase_tokens(before))].start if before else quantity.start
                span_end = tokens[last + len(phrase_tokens(behind))].end if behind else quantity.end
                mention = _resolve(published, -round(quantity.value), str(quantity.unit))
                found.append(_with_span(mention, span_start, span_end))
                used_quantities.add(q_index)
                continue
        number_first, number_last = starts.get(quantity.number_start), ends.get(quantity.number_end)
        attributive = number_first is not None and number_first > 0 and tokens[number_first - 1].norm in (
            "a", "an", "un", "une")  # "a 1998 book": a year, though "book" is a count noun
        # "2028 तक" (until 2028): a bound on a bare year is the year it names.
        bare_bound = quantity.qualifier == "upper" and quantity.unit is None
        if (not quantity.canonical_unit or attributive) and (quantity.qualifier == "exact" or bare_bound) \
                and number_first is not None and number_first == number_last:
            year = _year_number(tokens[number_first])  # also a year before a noun: "a 1998 book"
            if year is not None:
                found.append(DateMention(quantity.number_start, quantity.number_end, year=year))
                used_quantities.add(q_index)
    found.sort(key=lambda d: d.start)
    return found, used_quantities


def read(facts: Facts, reference: dt.date | None, config: LabelConfig) -> Found:
    """Dates, and the numbers left once a date has taken its day and year."""
    quantities = list(facts[NUMBERS])
    dates, used = find_dates(facts.tokens, facts.language, quantities, reference, facts.text)
    return {DATES: tuple(dates), NUMBERS: tuple(q for k, q in enumerate(quantities) if k not in used)}


# ---- comparison ----------------------------------------------------------------------------------------


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
    if x.last_year or y.last_year:
        # A span of years ("2025-26") holds each of its years: "fiscal 2026" is the fiscal year 2025-26.
        (first_x, last_x), (first_y, last_y) = x.years(), y.years()  # type: ignore[misc]
        if last_x < first_y - slack * (x.approx or y.approx) or last_y < first_x - slack * (x.approx or y.approx):
            return "different"
        if shared == ["year"]:
            return "same"
        x, y = replace(x, year=None, last_year=None), replace(y, year=None, last_year=None)
        shared = shared[1:]
    if not (x.approx or y.approx):
        return "same" if all(getattr(x, c) == getattr(y, c) for c in shared) else "different"
    # A date resolved from "two years ago" is allowed ``slack`` units at its finest shared grain; "today",
    # "yesterday" and "tomorrow" name one day of the dateline's (or publication's) calendar: no slack.
    grain = shared[-1]
    if grain == "day" and all(d.offset is None or d.offset[1] == "day" for d in (x, y)):
        slack = 0
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


# Whether two dates are about the same event: True, False, or None when nothing tells.
SameEvent = Callable[[Facts, DateMention, Facts, DateMention], "bool | None"]


def about(facts: Facts, d: DateMention, reach: int) -> tuple[frozenset[str], str]:
    """What a date is about, as its text says it: the content words within ``reach`` of it in its clause
    ("on Thursday reported a rise", "rose to 19 on Saturday"), other dates and figures skipped, and so are
    capitalised words after the first (who or where, "Kaveri Infotech on Thursday reported": the subject is
    not the event); their stems and the short span they make."""
    skip = [(x.start, x.end) for x in facts[DATES]] + [(q.start, q.end) for q in facts[NUMBERS]]
    skip += [(t.start, t.end) for t in facts.tokens[1:] if t.text[:1].isupper()]
    return clause_context(facts, d.start, d.end, reach, skip)


def event_of(facts: Facts, d: DateMention) -> str | None:
    """The event a date dates, as one concept across languages (``numbers.EVENT_CONCEPTS``): the nearest event word
    of its clause, not beyond another date ("postponed from Monday" is the postponement's, "launched ... on
    Thursday" the launch's, "मंगलवार ... ढह गए" and "effondrées mercredi" the collapse's)."""
    def adjacent(x: DateMention) -> bool:  # "mardi 3 novembre", "Friday, 6 November": one date written twice
        gap = facts.text[d.end : x.start] if x.start >= d.end else facts.text[x.end : d.start]
        return not gap.strip(" ,")

    return concept_near(facts, d.start, d.end, EVENT_CONCEPTS,
                        [(x.start, x.end) for x in facts[DATES] if not adjacent(x)])


def one_named_event(fa: Facts, da: DateMention, fb: Facts, db: DateMention) -> bool:
    """Both dates' clauses name one event that is no running count ("मंगलवार को जारी ... रिपोर्ट" / "the census
    released on Wednesday"): the days date that event, not two updates of a figure their sentences also state."""
    event = event_of(fa, da)
    return event is not None and event not in RUNNING_COUNTS and event == event_of(fb, db)


def by_event(same_event: SameEvent) -> SameEvent:
    """``same_event``, decided first by the two dates' events when both clauses name one: the same event concept is
    one event, two concepts two events, whatever the words around them or the embedder say."""
    def decide(fa: Facts, da: DateMention, fb: Facts, db: DateMention) -> bool | None:
        ea, eb = event_of(fa, da), event_of(fb, db)
        if ea is not None and eb is not None:
            return ea == eb
        return same_event(fa, da, fb, db)
    return decide


def same_event_by_words(fa: Facts, da: DateMention, fb: Facts, db: DateMention, config: LabelConfig) -> bool | None:
    """In one language: the words around the two dates share a stem. Across languages: unknown."""
    if fa.language != fb.language:
        return None
    words_a, words_b = about(fa, da, config.date_about_reach)[0], about(fb, db, config.date_about_reach)[0]
    if not words_a or not words_b:
        return None
    return bool(words_a & words_b)


def _date_key(d: DateMention) -> tuple:
    return (d.year, d.last_year, d.month, d.day, d.weekday, d.offset)


# Two dates one text states side by side as different days: (key, key), both orders.
CoStated = frozenset[tuple[tuple, tuple]]


def costated_dates(facts: Sequence[Facts]) -> CoStated:
    """Every two different days of the week that one text of the batch states together ("diverted on Saturday ...
    shares fell on Monday"): the story has an event on each, so two such days in two texts may be two events, not
    one event dated two ways. (Years and months are left out: a text states many, and a batch of unrelated texts
    would make every two of them "two events".)"""
    pairs: set[tuple[tuple, tuple]] = set()
    for f in facts:
        for x in f[DATES]:
            for y in f[DATES]:
                if x.weekday is not None and y.weekday is not None and _date_relation(x, y, 0) == "different":
                    pairs.add((_date_key(x), _date_key(y)))
    return frozenset(pairs)


def _date_findings(fa: Facts, fb: Facts, config: LabelConfig, translated: bool,
                   same_event: SameEvent, costated: CoStated = frozenset()) -> list[Finding]:
    slack = config.relative_date_slack
    agreed, _ = pair_off(fa[DATES], fb[DATES], lambda da, db: _date_relation(da, db, slack) == "same",
                         lambda da, db: False)
    # A date one side states twice ("vendredi matin ... vendredi soir") is the date agreed once: it is no rival
    # of another date of the other side, which that side states besides.
    agreed_a = [da for da, _ in agreed]
    agreed_b = [db for _, db in agreed]
    left_a = [d for d in fa[DATES] if d not in agreed_a and not any(
        _date_relation(d, x, slack) == "same" for x in agreed_a)]
    left_b = [d for d in fb[DATES] if d not in agreed_b and not any(
        _date_relation(d, y, slack) == "same" for y in agreed_b)]

    def one_event(da: DateMention, db: DateMention) -> bool:
        if _date_relation(da, db, slack) != "different":
            return False
        verdict = same_event(fa, da, fb, db)
        if (_date_key(da), _date_key(db)) in costated:
            return verdict is True  # two days of the story: the same event only when something says so
        return verdict is not False

    @cache
    def updates_of(da: DateMention, db: DateMention) -> tuple[Quantity, Quantity] | None:
        """The two updates of one figure that the days of ``da`` and ``db`` are, unless their clauses name one
        event (``two_updates``; asked up to three times per pair, computed once)."""
        return None if one_named_event(fa, da, fb, db) else two_updates(fa, da, fb, db, config)

    def rival(da: DateMention, db: DateMention) -> bool:
        return one_event(da, db) and updates_of(da, db) is None

    _, contradicted = pair_off(left_a, left_b, lambda da, db: False, rival)
    findings = [
        agreeing("date", fa.span(da.start, da.end), fb.span(db.start, db.end),
                 f"same date: {da.describe()} / {db.describe()}", weight="date")
        for da, db in agreed
    ]
    for da, db in contradicted:
        strength, note = if_translated(
            0.8 if (da.approx or db.approx) else 1.0,
            f"different date: {da.describe()} vs {db.describe()}",
            translated,
        )
        findings.append(contradicting("date", fa.span(da.start, da.end), fb.span(db.start, db.end), note,
                                      weight="date", strength=strength))
    used = [da for da, _ in contradicted] + [db for _, db in contradicted]
    _, updates = pair_off([d for d in left_a if d not in used], [d for d in left_b if d not in used],
                          lambda da, db: False, lambda da, db: one_event(da, db) and updates_of(da, db) is not None)
    for da, db in updates:
        qa, qb = updates_of(da, db)  # type: ignore[misc]
        if not translated:
            findings.append(Finding(
                "date", fa.span(da.start, da.end), fb.span(db.start, db.end),
                f"{NOT_COMPARED_UPDATES}{fa.span(qa.start, qa.end)} ({da.describe()}) vs "
                f"{fb.span(qb.start, qb.end)} ({db.describe()})", 0.0, False, "date"))
        used += [da, db]
    _, apart = pair_off([d for d in left_a if d not in used], [d for d in left_b if d not in used],
                        lambda da, db: False, lambda da, db: _date_relation(da, db, slack) == "different")
    findings += [Finding("date", fa.span(da.start, da.end), fb.span(db.start, db.end),
                         f"{NOT_COMPARED}{da.describe()} vs {db.describe()}", 0.0, False, "date")
                 for da, db in apart if not translated]
    return findings


NOT_COMPARED = "not compared: dates of different events: "
NOT_COMPARED_UPDATES = "not compared: the days of two updates of one figure: "


def _weekday(d: DateMention) -> int | None:
    if d.weekday is not None:
        return d.weekday
    if d.year and d.month and d.day:
        full = _as_date(d)
        return None if full is None else full.weekday()
    return None


def _one_reading(x: float, y: float) -> bool:
    """The same value, or one a power of ten of the other (``41.2 cm`` / ``412 mm``: one reading in two units)."""
    low, high = sorted((abs(x), abs(y)))
    if low == 0:
        return high == 0
    return any(math.isclose(high, low * scale, rel_tol=1e-6) for scale in (1, 10, 100, 1000))


def two_updates(fa: Facts, da: DateMention, fb: Facts, db: DateMention,
                config: LabelConfig) -> tuple[Quantity, Quantity] | None:
    """Two figures of one measure with different values, each measured on its side's day (``da`` / ``db``): the
    days are the moments of two updates ("Fourteen people have died ..., officials said on Wednesday" / "Mardi
    soir, ... neuf morts"), not two dates of one event. A figure's day is the one it states, else the days its
    sentence states; in one language the two must measure one thing by their words (``same_thing_by_words``). When
    the two sides share one reading of those days (``41.2 cm`` on Monday / ``412 मिलीमीटर``
    on Tuesday), it is one reading given two dates: a date conflict."""
    wa, wb = _weekday(da), _weekday(db)
    if wa is None or wb is None or wa == wb:
        return None
    alike = [(qa, qb) for qa in fa[NUMBERS] if wa in days_of(fa, qa)
             for qb in fb[NUMBERS] if wb in days_of(fb, qb) and _running_alike(fa, qa, fb, qb, config)]
    # A running count that changed between the two days makes them two updates, whatever another count that did
    # not change says ("four killed, 13 injured" on Wednesday / "six morts, treize blessés" on Thursday).
    changed = [(qa, qb) for qa, qb in alike if qa.concept in RUNNING_COUNTS and qa.concept == qb.concept
               and not _one_reading(qa.value, qb.value)]
    if changed:
        return changed[0]
    if any(_one_reading(qa.value, qb.value) for qa, qb in alike):
        return None
    return alike[0] if alike else None


def _running_alike(fa: Facts, qa: Quantity, fb: Facts, qb: Quantity, config: LabelConfig) -> bool:
    """Two figures that may be two readings of one measure: ``may_measure_alike`` and not told apart by their words;
    or two counts of one running count (the same outcome, or said to have changed to their values: "जहाजों की
    संख्या 36 पहुंच गई" / "२२ जहाज ... तक"), whose counted nouns may be read differently."""
    if qa.concept is not None and qb.concept is not None:
        if qa.concept != qb.concept:
            return False
        if qa.concept in RUNNING_COUNTS and {qa.kind, qb.kind} <= {"count", "number"}:
            return True  # one outcome counted twice: the concept says what is measured, whatever the words
    if may_measure_alike(qa, qb) and same_thing_by_words(fa, qa, fb, qb, config) is not False:
        return True
    if not (qa.updated and qb.updated and {qa.kind, qb.kind} <= {"count", "number"}):
        return False
    if fa.language != fb.language:
        return True
    # In one language, two updates share a word of their clauses ("जहाजों की संख्या 36" / "२२ जहाज").
    return bool(_clause_words(fa, qa) & _clause_words(fb, qb))


def _clause_words(facts: Facts, q: Quantity) -> frozenset[str]:
    return clause_context(facts, q.start, q.end, len(facts.tokens), [(x.start, x.end) for x in facts[NUMBERS]])[0]


def _findings(a: Side, b: Side, config: LabelConfig, same_event: SameEvent, batch: Batch) -> list[Finding]:
    found: list[Finding] = []
    same_event = by_event(same_event)
    costated = batch.derived("date-costated", costated_dates)
    for fa, fb, _, _, translated in both_views(a, b):
        found.extend(f for f in _date_findings(fa, fb, config, translated, same_event, costated)
                     if f.conflict or not translated)
    shown = [f for f in found if f.note.startswith((NOT_COMPARED, NOT_COMPARED_UPDATES))]
    return originals_first([f for f in found if f not in shown]) + shown


def compare(a: Side, b: Side, config: LabelConfig, batch: Batch) -> list[Finding]:
    """Dates that share a component (year, month, day, weekday, or a relative offset), differ in it and are
    about the same event: in one language the words around them share one. Across languages, without an
    embedder, any two dates are compared."""
    return _findings(a, b, config, lambda fa, da, fb, db: same_event_by_words(fa, da, fb, db, config), batch)


def match_events(all_sides: Sequence[tuple[Side, Side]], findings: list[list[Finding]], embedder: Embedder,
                 config: LabelConfig, batch: Batch) -> list[list[Finding]]:
    """With an embedder, two dates in two languages are compared unless the short spans saying what they are
    about ("diverted Muscat early" / "यात्रियों भेजा जाएगा") stand ``date_about_margin`` below both spans' usual
    cosine with the batch's other-language spans: a different sub-event of the story (the diversion on
    Saturday, the relief flight on Sunday). The date findings of every pair with two languages are made again
    this way."""
    cache = EmbeddingCache(embedder)
    baselines = margin_baselines(cache, list(cross_language_spans(
        all_sides, DATES, lambda facts, d: about(facts, d, config.date_about_reach)[1])))

    def same_event(fa: Facts, da: DateMention, fb: Facts, db: DateMention) -> bool | None:
        if fa.language == fb.language:
            return same_event_by_words(fa, da, fb, db, config)
        span_a, span_b = about(fa, da, config.date_about_reach)[1], about(fb, db, config.date_about_reach)[1]
        if not span_a or not span_b:
            return None
        return margin(cache, baselines, (span_a, fa.language), (span_b, fb.language)) >= config.date_about_margin

    out = []
    for (a, b), found in zip(all_sides, findings, strict=True):
        if not any(fa.language != fb.language for fa, fb, *_ in both_views(a, b)):
            out.append(found)
            continue
        # The date findings go back where the rules put them (after the numbers), so the evidence reads in the
        # same order with and without the embedder.
        at = next((k for k, f in enumerate(found) if f.kind == "date"),
                  sum(1 for f in found if f.kind == "number"))
        rest = [f for f in found if f.kind != "date"]
        out.append(rest[:at] + _findings(a, b, config, same_event, batch) + rest[at:])
    return out


COMPARATOR = Comparator("date", read=read, compare=compare, with_embedder=match_events)
