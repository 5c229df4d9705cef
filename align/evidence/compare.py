"""Set the facts of two sentences against each other: what matches (support) and what contradicts (conflict).

Only like is compared with like: a number with a number of the same unit, a date with a date sharing a
component, a name with a name. A fact stated on one side only is not a conflict. Each finding carries the span
from each side.

``COMPARATORS`` is the one list of evidence kinds: ``extract_facts`` runs their readers in this order (a later
reader sees what the earlier ones found), ``compare`` their pair rules, ``compare_batch`` also their embedding
checks. A new evidence kind is a module with a ``COMPARATOR`` and one line here (CONTRIBUTING.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

from align.config import LabelConfig
from align.evidence import dates, names, numbers, polarity, substitution
from align.evidence.findings import Batch, Comparator, Embedder, Facts, Finding, Side
from align.evidence.tokens import tokenize

COMPARATORS: tuple[Comparator, ...] = (
    numbers.COMPARATOR,
    dates.COMPARATOR,  # after numbers: a date takes over the numbers it is made of
    names.COMPARATOR,  # after dates: a month name is not a name
    polarity.COMPARATOR,
    substitution.COMPARATOR,  # after the others: numbers, dates and negations are not key terms
)


@lru_cache(maxsize=8192)
def extract_facts(text: str, language: str, published: dt.date | None, config: LabelConfig) -> Facts:
    """What ``text`` (in ``language``) states, per evidence kind; relative dates resolved against ``published``
    when given."""
    facts = Facts(text, language, tokenize(text))
    for comparator in COMPARATORS:
        if comparator.read is not None:
            found = comparator.read(facts, published, config)
            facts = Facts(text, language, facts.tokens, {**facts.found, **{k.name: v for k, v in found.items()}})
    return facts


def compare(a: Side, b: Side, config: LabelConfig, batch: Batch) -> list[Finding]:
    """All rule-based findings for one pair, kind by kind in ``COMPARATORS`` order. ``batch``: the texts labelled
    with it (parts of one full name stand for each other across the batch)."""
    return [f for c in COMPARATORS if c.compare is not None for f in c.compare(a, b, config, batch)]


def compare_batch(
    all_sides: Sequence[tuple[Side, Side]], config: LabelConfig, embedder: Embedder | None = None
) -> list[list[Finding]]:
    """The findings of every pair of a batch (one event): the rules, then, with an embedder, each kind's
    embedding check in ``COMPARATORS`` order."""
    batch = Batch([f for a, b in all_sides for side in (a, b) for f in (side.original, side.english) if f])
    findings = [compare(a, b, config, batch) for a, b in all_sides]
    if embedder is not None:
        for comparator in COMPARATORS:
            if comparator.with_embedder is not None:
                findings = comparator.with_embedder(all_sides, findings, embedder, config, batch)
    return findings
