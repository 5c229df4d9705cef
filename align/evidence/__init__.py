"""Evidence a fact-checker can check: what each sentence states (numbers, dates, names, negations) and
where two sentences that report one fact differ.

``extract_facts`` reads one text; ``compare_batch`` (in ``align.evidence.compare``) sets the two sides of each
pair against each other and returns findings with the span from each side. The layers, bottom up (an
import-linter contract in pyproject.toml keeps them): ``tokens``; ``locale_words`` (word tables); ``findings``
(the shared records) and ``codemix`` (embedding restore scores); one module per evidence kind, each with its
reader and its comparison (``numbers``, ``dates``, ``names``, ``polarity``, ``substitution``); ``compare``
(the ``COMPARATORS`` registry).
"""

from __future__ import annotations

from align.evidence.compare import extract_facts
from align.evidence.findings import Facts

__all__ = ["Facts", "extract_facts"]
