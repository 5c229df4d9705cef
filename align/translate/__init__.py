"""translate stage: give every sentence an English rendering (``text_en``) and say where it came from.

Backends sit behind the small ``Translator`` protocol (``align.translate.base``), one module each, registered in
``TRANSLATORS`` and tried in the order ``[translate] backends`` gives:

- ``identity`` (``identity.py``): sentences already in the target language are their own translation;
- ``memory`` (``memory.py``): a translation memory kept with the event (``translations.tsv`` and ``*.tmx``), exact
  match after whitespace/Unicode normalisation;
- ``argos`` (``argos.py``): Argos Translate packages (``argos_packages.py``: where they live, ``align models``), run
  through their ctranslate2 model and tokenizer directly, behind the content cache (``cached.py``).

A backend's module is imported only when the config names it. A sentence no backend translates keeps
``text_en=None``, ``translation=None``.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from align.config import TranslateConfig
from align.errors import AlignError
from align.records import SentenceRecord
from align.registry import Registry
from align.translate.base import Translated, Translator
from align.translate.memory import MEMORY_TSV

log = logging.getLogger(__name__)

# name -> "module:Class"; each class has from_config(config, event_dir) and configured_signature(config).
TRANSLATORS = Registry(
    "translate.backends",
    {
        "identity": "align.translate.identity:IdentityTranslator",
        "memory": "align.translate.memory:MemoryTranslator",
        "argos": "align.translate.argos:ArgosTranslator",
    },
)


@dataclass
class TranslatorChain:
    """Backends tried in order; each sees only the sentences the ones before it left untranslated.

    ``signature`` names the backends that translated at least one sentence in this run.
    Sentences left untranslated: one warning per language naming the fix, or with ``require`` an AlignError.
    """

    backends: list[tuple[str, Translator]]
    target_language: str = "en"
    require: bool = False
    where: str = "translate"
    _used: set[str] = field(default_factory=set)

    @property
    def signature(self) -> str:
        used = [translator.signature for name, translator in self.backends if name in self._used]
        return "mt:" + ("+".join(used) if used else "none")

    @property
    def truncated(self) -> set[str]:
        """Source sentences a model translated from their beginning only (longer than it reads)."""
        texts: set[str] = set()
        for _name, translator in self.backends:
            texts |= set(getattr(translator, "truncated", ()))
        return texts

    def translate_batch(self, texts: Sequence[str], source_language: str) -> list[Translated | None]:
        results: list[Translated | None] = [None] * len(texts)
        for name, translator in self.backends:
            pending = [i for i, result in enumerate(results) if result is None]
            if not pending:
                break
            batch = translator.translate_batch([texts[i] for i in pending], source_language)
            for i, result in zip(pending, batch, strict=True):
                if result is not None:
                    results[i] = result
                    self._used.add(name)
        missing = sum(result is None for result in results)
        if missing:
            self._report_untranslated(source_language, missing)
        return results

    def advice(self, source_language: str) -> str:
        """What the user can do so that ``source_language`` gets translated: the first backend that knows says."""
        if source_language == self.target_language:
            return "add 'identity' to [translate] backends"
        for _name, translator in self.backends:
            advise = getattr(translator, "advice", None)
            said = advise(source_language) if advise is not None else None
            if said:
                return said
        return f"add 'argos' to [translate] backends, or add the sentences to {MEMORY_TSV}"

    def _report_untranslated(self, source_language: str, count: int) -> None:
        target = "English" if self.target_language == "en" else self.target_language
        advice = self.advice(source_language)
        problem = f"{count} {source_language} sentence(s) have no {target} translation: {advice}"
        if self.require:
            raise AlignError(self.where, problem)
        log.warning("%s: %s; their text_en stays empty", self.where, problem)


def build_translator(config: TranslateConfig, event_dir: Path | None) -> TranslatorChain:
    """The backend chain ``config.backends`` names, in that order. Nothing heavy loads until it is needed."""
    backends: list[tuple[str, Translator]] = []
    for name in config.backends:
        if name in (n for n, _ in backends):
            raise AlignError("config [translate]", f"backend {name!r} listed twice in backends")
        backends.append((name, TRANSLATORS.load(name).from_config(config, event_dir)))
    where = str(event_dir) if event_dir is not None else "translate"
    return TranslatorChain(backends, config.target_language, config.require, where)


def translation_signature(config: TranslateConfig) -> str:
    """The configured chain with the installed models it would use, e.g. ``identity+memory+argos(hi-en:1.1)``.

    Known before anything is translated, so it can key caches and shards: installing a model changes it.
    """
    return "+".join(TRANSLATORS.load(name).configured_signature(config) for name in config.backends)


def translate(sentences: list[SentenceRecord], translator: Translator) -> list[SentenceRecord]:
    """Every sentence with ``text_en`` and ``translation`` filled (or both None when nothing translated it).

    Same order, one output per input. Sentences are sent to the translator one batch per language.
    """
    by_language: dict[str, list[int]] = {}
    for index, sentence in enumerate(sentences):
        by_language.setdefault(sentence.language, []).append(index)
    results: list[Translated | None] = [None] * len(sentences)
    for language in sorted(by_language):
        indices = by_language[language]
        batch = translator.translate_batch([sentences[i].text for i in indices], language)
        for index, result in zip(indices, batch, strict=True):
            results[index] = result
    return [
        sentence.with_translation(result.text_en, result.translation)
        if result
        else sentence.with_translation(None, None)
        for sentence, result in zip(sentences, results, strict=True)
    ]


@dataclass(frozen=True)
class TranslationSummary:
    """How many sentences each engine translated, and how many stayed untranslated."""

    total: int
    by_engine: dict[str, int]
    untranslated: int

    def share(self, engine: str) -> float:
        """Fraction of all sentences whose ``text_en`` came from ``engine``."""
        return self.by_engine.get(engine, 0) / self.total if self.total else 0.0

    def __str__(self) -> str:
        engines = sorted(self.by_engine.items())
        parts = [f"{count} {engine} ({self.share(engine):.0%})" for engine, count in engines]
        parts.append(f"{self.untranslated} untranslated")
        return f"text_en for {self.total} sentences: " + ", ".join(parts)


def summarise(sentences: Sequence[SentenceRecord]) -> TranslationSummary:
    """Sentences per translation engine and the untranslated count, for the build log and the dataset card."""
    engines = Counter(s.translation.engine for s in sentences if s.translation is not None)
    return TranslationSummary(len(sentences), dict(engines), sum(s.translation is None for s in sentences))
