"""What the evidence tests share: one text read the way the label stage reads it."""

from __future__ import annotations

import datetime as dt

from align.config import LabelConfig
from align.evidence import Facts, extract_facts

CONFIG = LabelConfig()


def facts(text: str, language: str, published: dt.date | None = None) -> Facts:
    return extract_facts(text, language, published, CONFIG)
