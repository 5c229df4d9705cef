"""What every translation backend is: the ``Translator`` protocol and its result, ``Translated``.

A backend module also gives its class two class-level constructors the chain calls (``align.translate``):
``from_config(config, event_dir) -> Translator`` and ``configured_signature(config) -> str`` (its part of the build
signature, known before anything is translated). Optional: ``advice(source_language) -> str``, what a user can do
when it translated nothing, and ``truncated``, the sentences it read only the beginning of.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from align.records import Translation


@dataclass(frozen=True)
class Translated:
    """One sentence's English rendering and its provenance."""

    text_en: str
    translation: Translation


class Translator(Protocol):
    """Translates a batch of sentences of one language into the target language (English)."""

    @property
    def signature(self) -> str:
        """Names the engine(s), models and versions, for the build signature."""
        ...

    def translate_batch(self, texts: Sequence[str], source_language: str) -> list[Translated | None]:
        """One result per input, in order; None where this translator cannot translate the sentence."""
        ...


class ModelTranslator(Translator, Protocol):
    """A translator whose output depends only on (model, source language, text): safe to cache."""

    def model_for(self, source_language: str) -> Translation | None:
        """Provenance of what would translate ``source_language``, or None when nothing installed can."""
        ...
