"""Dates and relative dates, as the components the text states (year, month, day, weekday); and the ``date``
evidence: dates sharing a component that differ in it.

Month, weekday, time-unit and relative-day words come from dateparser's locale data (``locale_words``), so any
language dateparser knows is read the same way; "two years ago" is resolved against the article's publication
date when known (and marked approximate), and kept as an offset ("-2 year") when not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from align.config import LabelConfig
from align.evidence import locale_words
from align.evidence.findings import (
    Batch,
    Comparator,
    FactKey,
    Facts,
    Finding,
    Found,
    Side,
    agreeing,
    both_views,
    contradicting,
    if_translated,
    originals_first,
    pair_off,
)
from align.evidence.locale_words import calendar_words, relative_phrases
from align.evidence.numbers import NUMBERS, Quantity
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

    @property
    def resolved(self) -> bool:
        return any(v is not None for v in (self.year, self.month, self.day, self.weekday))

    def describe(self) -> str:
        if self.offset is not None and not self.resolved:
            n, unit = self.offset
            return f"{abs(n)} {unit}(s) {'ago' if n <= 0 else 'ahead'} (publication date unknown)"
        parts = [f"{self.year:04d}" if self.year else "????", f"{self.month:02d}" if self.month else "??"]
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
    return DateMention(
        start, end, mention.year, mention.month, mention.day, mention.weekday, mention.approx, mention.offset
    )


def find_dates(
    tokens: tuple[Token, ...],
    language: str,
    quantities: list[Quantity],
    published: dt.date | None,
) -> tuple[list[DateMention], set[int]]:
    """Dates in the text, and the indices of ``quantities`` they used up (years, days, "two years ago")."""
    words = calendar_words(language)
    used_tokens: set[int] = set()
    found: list[DateMention] = []

    def at(k: int) -> Token | None:
        return tokens[k] if 0 <= k < len(tokens) else None

    for i, token in enumerate(tokens):
        entry = words.get(token.norm)
        if entry is None or i in used_tokens:
            continue
        kind, value = entry
        if kind == "weekday":
            if token.norm not in AMBIGUOUS_NAMES:
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
        if (not quantity.canonical_unit or attributive) and quantity.qualifier == "exact" \
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
    dates, used = find_dates(facts.tokens, facts.language, quantities, reference)
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
        fa[DATES],
        fb[DATES],
        lambda da, db: _date_relation(da, db, slack) == "same",
        lambda da, db: _date_relation(da, db, slack) == "different",
    )
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
    return findings


def compare(a: Side, b: Side, config: LabelConfig, batch: Batch) -> list[Finding]:
    """Dates that share a component (year, month, day, weekday, or a relative offset) and differ in it."""
    found: list[Finding] = []
    for fa, fb, _, _, translated in both_views(a, b):
        found.extend(f for f in _date_findings(fa, fb, config, translated) if f.conflict or not translated)
    return originals_first(found)


COMPARATOR = Comparator("date", read=read, compare=compare)
