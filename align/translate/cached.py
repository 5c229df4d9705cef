"""A model translator behind the content-hash cache (``align.cache``), so a rebuild translates only what changed."""

from __future__ import annotations

import json
from collections.abc import Sequence

from align.cache import ContentCache, cache_key, normalise_text
from align.records import Translation
from align.translate.base import ModelTranslator, Translated


class CachedTranslator:
    """A model translator behind the content-hash cache: each (model, language, sentence) is translated once.

    ``settings`` names whatever else shapes the output (decoding settings) and joins the key. An entry that
    cannot be decoded counts as a miss; it is translated again and rewritten.
    """

    def __init__(self, inner: ModelTranslator, cache: ContentCache, settings: str = "") -> None:
        self.inner = inner
        self.cache = cache
        self.settings = settings

    @property
    def signature(self) -> str:
        return self.inner.signature

    def model_for(self, source_language: str) -> Translation | None:
        return self.inner.model_for(source_language)

    def key(self, provenance: Translation, source_language: str, text: str) -> str:
        engine, model, version = provenance.engine, provenance.model, provenance.version
        return cache_key(engine, model, version, self.settings, source_language, normalise_text(text))

    @staticmethod
    def _decode(value: bytes) -> str | None:
        try:
            entry = json.loads(value.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None
        text = entry.get("text_en") if isinstance(entry, dict) else None
        return text if isinstance(text, str) else None

    def translate_batch(self, texts: Sequence[str], source_language: str) -> list[Translated | None]:
        provenance = self.inner.model_for(source_language)
        if provenance is None:
            return [None] * len(texts)
        keys = [self.key(provenance, source_language, text) for text in texts]
        found = {k: self._decode(v) for k, v in self.cache.get_many(keys).items()}
        missing = {k: text for k, text in zip(keys, texts, strict=True) if found.get(k) is None}
        if missing:
            fresh = self.inner.translate_batch(list(missing.values()), source_language)
            new = {k: result.text_en for k, result in zip(missing, fresh, strict=True) if result is not None}
            self.cache.put_many((k, json.dumps({"text_en": text}).encode("utf-8")) for k, text in new.items())
            found.update(new)
        return [Translated(found[k], provenance) if found.get(k) is not None else None for k in keys]

    def advice(self, source_language: str) -> str | None:
        advise = getattr(self.inner, "advice", None)
        return advise(source_language) if advise is not None else None

    @property
    def truncated(self) -> set[str]:
        """Sentences the model behind the cache read only the beginning of."""
        return set(getattr(self.inner, "truncated", ()))
