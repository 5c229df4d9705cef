"""Evidence a fact-checker can check: what each sentence states (numbers, dates, names, negations) and
where two
sentences that report one fact differ.

``extract_facts`` reads one text; ``compare`` (in ``align.evidence.compare``) sets two sides against
each other and
returns findings with the span from each side. Everything here is deterministic and model-free; the optional
embedding-based substitution check lives in ``align.evidence.substitution``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from align.evidence.dates import DateMention, find_dates
from align.evidence.names import NameToken, find_names
from align.evidence.numbers import Quantity, find_quantities
from align.evidence.polarity import Cue, find_negations
from align.evidence.tokens import Token, tokenize

__all__ = ["Facts", "extract_facts", "NegationRules"]


@dataclass(frozen=True)
class NegationRules:
    words: tuple[str, ...]
    particles: tuple[str, ...]
    partners: tuple[str, ...]
    exceptions: tuple[str, ...]
    litotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Facts:
    """What one text (a sentence, or its English translation) states, with spans into ``text``."""

    text: str
    language: str
    tokens: tuple[Token, ...]
    numbers: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    names: tuple[NameToken, ...]
    negations: tuple[Cue, ...]

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]


@lru_cache(maxsize=8192)
def extract_facts(text: str, language: str, published: dt.date | None, negation: NegationRules) -> Facts:
    """Numbers, dates, names and negation cues of ``text`` (in ``language``); relative dates resolved against
    ``published`` when given."""
    tokens = tokenize(text)
    quantities = find_quantities(text, tokens, language)
    dates, used = find_dates(tokens, language, quantities, published)
    numbers = tuple(q for k, q in enumerate(quantities) if k not in used)
    names = find_names(text, tokens)
    date_spans = [(d.start, d.end) for d in dates]
    names = [n for n in names if not any(s <= n.start < e for s, e in date_spans)]
    cues = find_negations(tokens, negation.words, negation.particles, negation.partners, negation.exceptions,
                          negation.litotes)
    return Facts(text, language, tokens, numbers, tuple(dates), tuple(names), tuple(cues))
