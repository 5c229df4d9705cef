"""``identity``: sentences already in the target language are their own translation."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from align.config import TranslateConfig
from align.records import Translation
from align.translate.base import Translated


class IdentityTranslator:
    """Sentences already in the target language are their own translation."""

    PROVENANCE = Translation(engine="identity", model="", version="")

    def __init__(self, target_language: str = "en") -> None:
        self.target_language = target_language

    @property
    def signature(self) -> str:
        return "identity"

    def translate_batch(self, texts: Sequence[str], source_language: str) -> list[Translated | None]:
        if source_language != self.target_language:
            return [None] * len(texts)
        return [Translated(text, self.PROVENANCE) for text in texts]

    @classmethod
    def from_config(cls, config: TranslateConfig, event_dir: Path | None) -> IdentityTranslator:
        return cls(config.target_language)

    @staticmethod
    def configured_signature(config: TranslateConfig) -> str:
        return "identity"
