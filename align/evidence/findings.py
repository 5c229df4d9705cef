"""The vocabulary every evidence kind shares: what a text states (``Facts``), one sentence of a pair (``Side``),
one piece of evidence (``Finding``), the batch a pair is labelled in (``Batch``), and what an evidence kind
registers (``Comparator``).

This module knows no evidence kind: a kind's module (numbers, dates, names, polarity, substitution) defines its
facts under its own ``FactKey``, its reader and its comparison, and ``compare.COMPARATORS`` lists them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, Protocol, TypeVar

import numpy as np

from align.config import LabelConfig
from align.evidence.tokens import Token

T = TypeVar("T")
A = TypeVar("A")
B = TypeVar("B")

# What a finding is about: the pair schema's ``evidence.kind`` enum (a test keeps the two equal).
Kind = Literal["number", "date", "name", "entity", "negation", "substitution", "claim", "nli"]
# Which ``LabelConfig.weight_<name>`` scales a finding's strength into the conflict score (a test keeps the two
# equal).
Weight = Literal["number", "date", "name_spelling", "name_swap", "negation", "substitution", "nli"]

# A difference seen only in machine translations may be the translation's own error.
TRANSLATED_STRENGTH = 0.85
TRANSLATED_NOTE = " (read in the English translations)"


@dataclass(frozen=True)
class Finding:
    """One piece of evidence. ``weight`` names the LabelConfig weight that scales ``strength`` into the
    score."""

    kind: Kind
    a: str | None
    b: str | None
    note: str
    strength: float  # 0..1: how sure the extractor is that this difference (or match) is real
    conflict: bool  # True: the sides contradict; False: the sides state the same thing
    weight: Weight


def agreeing(kind: Kind, a: str | None, b: str | None, note: str, *, weight: Weight) -> Finding:
    """Both sides state the same thing (shown as support on an ``agree``)."""
    return Finding(kind, a, b, note, 1.0, False, weight)


def contradicting(
    kind: Kind, a: str | None, b: str | None, note: str, *, weight: Weight, strength: float = 1.0
) -> Finding:
    """The sides cannot both be true, as sure as ``strength`` says."""
    return Finding(kind, a, b, note, strength, True, weight)


@dataclass(frozen=True)
class FactKey(Generic[T]):
    """Names one kind of fact a text states; ``facts[key]`` gives that kind's items, typed."""

    name: str


@dataclass(frozen=True)
class Facts:
    """What one text (a sentence, or its English translation) states, with spans into ``text``: its tokens, and
    per evidence kind the items its reader found (``facts[NUMBERS]``)."""

    text: str
    language: str
    tokens: tuple[Token, ...]
    found: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)

    def __getitem__(self, key: FactKey[T]) -> tuple[T, ...]:
        return self.found.get(key.name, ())

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]


# What a reader returns: items per fact key. A reader sees what the readers before it found and may take some of
# it over (a date claims the numbers it is made of), by returning that key too.
Found = Mapping[FactKey[Any], tuple[Any, ...]]


@dataclass(frozen=True)
class Side:
    """One sentence of a pair: the facts of its own text and, when it is not English, of its English
    translation."""

    original: Facts
    english: Facts | None

    @property
    def english_view(self) -> Facts | None:
        return self.original if self.original.language == "en" else self.english


class Batch:
    """The texts labelled together (one event), and what an evidence kind derives from all of them at once
    (names written as names anywhere in the batch), computed once on first use."""

    def __init__(self, facts: Sequence[Facts]) -> None:
        self.facts = tuple(facts)
        self._derived: dict[str, Any] = {}

    def derived(self, name: str, compute: Callable[[tuple[Facts, ...]], T]) -> T:
        if name not in self._derived:
            self._derived[name] = compute(self.facts)
        return self._derived[name]  # type: ignore[no-any-return]


class Embedder(Protocol):
    def embed(self, texts: list[str]) -> np.ndarray: ...


Reader = Callable[[Facts, dt.date | None, LabelConfig], Found]
PairRule = Callable[[Side, Side, LabelConfig, Batch], list[Finding]]
EmbeddingRule = Callable[
    [Sequence[tuple[Side, Side]], list[list[Finding]], Embedder, LabelConfig, Batch], list[list[Finding]]
]


@dataclass(frozen=True)
class Comparator:
    """One evidence kind as ``compare`` runs it. ``read``: the facts of one text (with the reference date that
    "today" and "two years ago" are resolved against). ``compare``: the findings of one pair, from rules.
    ``with_embedder``: given every pair's findings so far, the findings after an embedding check (it may add
    findings or drop some); runs only when the build has an embedder."""

    name: str
    read: Reader | None = None
    compare: PairRule | None = None
    with_embedder: EmbeddingRule | None = None


# ---- helpers the comparisons share -----------------------------------------------------------------------


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


def both_views(a: Side, b: Side) -> list[tuple[Facts, Facts, Facts | None, Facts | None, bool]]:
    """Original texts first; then the English translations when both sides have one and they add a view.
    Each view: (facts of A, facts of B, A's translation, B's translation, whether this view is translated)."""
    views = [(a.original, b.original, a.english, b.english, False)]
    ea, eb = a.english_view, b.english_view
    if ea is not None and eb is not None and (ea is not a.original or eb is not b.original):
        views.append((ea, eb, None, None, True))
    return views


def cross_language_spans(
    all_sides: Sequence[tuple[Side, Side]], kind: FactKey[T], span_of: Callable[[Facts, T], str]
) -> dict[tuple[str, str], None]:
    """(span, language) of every fact of ``kind`` in the views of a pair in two languages where both sides state
    one, ``span_of(facts, fact)`` its short span (what a figure measures, what a date is about): the spans whose
    usual cosine a margin is measured against."""
    spans: dict[tuple[str, str], None] = {}
    for a, b in all_sides:
        for fa, fb, *_ in both_views(a, b):
            if fa.language != fb.language and fa[kind] and fb[kind]:
                for facts in (fa, fb):
                    for fact in facts[kind]:
                        span = span_of(facts, fact)
                        if span:
                            spans[(span, facts.language)] = None
    return spans


def if_translated(strength: float, note: str, translated: bool) -> tuple[float, str]:
    """A difference read in the translations weighs less, and says where it was read."""
    if not translated:
        return strength, note
    return strength * TRANSLATED_STRENGTH, note + TRANSLATED_NOTE


def originals_first(findings: list[Finding]) -> list[Finding]:
    """Translations speak only where the original texts said nothing of this kind (a translation may err)."""
    original = [f for f in findings if "English translation" not in f.note]
    return original or findings
