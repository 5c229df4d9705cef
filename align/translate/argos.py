"""``argos``: Argos Translate packages, run through their ctranslate2 model and tokenizer directly.

Segmenting is ours: argostranslate's own sentence splitter downloads a model on first use and so fails offline.
Packages are found and installed by ``align.translate.argos_packages``; argostranslate and ctranslate2 are imported
only when a sentence needs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from align.cache import ContentCache, default_cache_dir
from align.config import TranslateConfig
from align.interrupt import interruptible
from align.records import Translation
from align.translate.argos_packages import find_package, list_packages, resolve_packages_dir
from align.translate.base import Translated
from align.translate.cached import CachedTranslator

# Decoding settings of argostranslate's own PackageTranslation. Part of the cache key: they shape the output.
ARGOS_BEAM_SIZE = 4
ARGOS_LENGTH_PENALTY = 0.2
# What an Argos model reads of a sentence: the first this many tokens. Longer input is cut before the model sees
# it (the stored text stays whole); the limit is part of the cache key, since it shapes the output.
ARGOS_MAX_INPUT_TOKENS = 512
# A sentence is cut to this many characters before it is tokenised at all, so a megabyte costs what a long
# sentence does.
ARGOS_MAX_INPUT_CHARS = 16 * ARGOS_MAX_INPUT_TOKENS
ARGOS_DECODING = f"beam{ARGOS_BEAM_SIZE}-lp{ARGOS_LENGTH_PENALTY}-in{ARGOS_MAX_INPUT_TOKENS}"
# Tokens per call into ctranslate2 (each call through align.interrupt.interruptible, so Ctrl-C stops it at once).
ARGOS_MAX_BATCH_TOKENS = 1024
CACHE_NAMESPACE = "translation"


@dataclass
class _ArgosPackage:
    package: Any  # argostranslate.package.Package: metadata and tokenizer
    provenance: Translation
    translator: Any = None  # ctranslate2.Translator, loaded on first use


class ArgosTranslator:
    """Argos Translate packages, run sentence by sentence through their ctranslate2 model, in batches.

    argostranslate is imported only when a sentence needs it. Reading a package's metadata (enough to build
    cache keys) is cheap; its ctranslate2 model loads only when a sentence is not cached, once per pair.
    """

    def __init__(self, packages_dir: Path, target_language: str = "en", threads: int = 2) -> None:
        self.packages_dir = packages_dir
        self.target_language = target_language
        self.threads = threads
        self.sentences_translated = 0  # sentences sent through a model, for benchmarks and tests
        self.truncated: set[str] = set()  # sentences longer than the model reads, cut before translating
        self._packages: dict[str, _ArgosPackage | None] = {}

    @classmethod
    def from_config(cls, config: TranslateConfig, event_dir: Path | None) -> CachedTranslator:
        """Argos behind the content cache (``translate.cache_dir``): each sentence is translated once per model."""
        argos = cls(resolve_packages_dir(config.packages_dir), config.target_language, config.argos_threads)
        cache_dir = Path(config.cache_dir).expanduser() if config.cache_dir else default_cache_dir()
        return CachedTranslator(argos, ContentCache(cache_dir, CACHE_NAMESPACE), ARGOS_DECODING)

    @staticmethod
    def configured_signature(config: TranslateConfig) -> str:
        """The installed models it would use, e.g. ``argos(hi-en:1.1)``: installing a model changes it."""
        packages = [
            p for p in list_packages(resolve_packages_dir(config.packages_dir)) if p.to_code == config.target_language
        ]
        models = ",".join(f"{p.from_code}-{p.to_code}:{p.version}" for p in sorted(packages, key=lambda p: p.name))
        return f"argos({models or 'none'})"

    def advice(self, source_language: str) -> str:
        """What to do when nothing translated ``source_language``: install a model, or a word on the one there is."""
        target = self.target_language
        if self.model_for(source_language):
            return f"the installed {source_language} -> {target} Argos model gave empty output"
        return (
            f"no {source_language} -> {target} Argos model in {self.packages_dir}; install one with "
            f"`align models install {source_language} {target}` "
            "(offline: `align models install-file PATH.argosmodel`)"
        )

    @property
    def signature(self) -> str:
        """The language pairs (and package versions) this run needed, cached output included."""
        target = self.target_language
        used = sorted((src, p.provenance.version) for src, p in self._packages.items() if p is not None)
        return "argos(" + ",".join(f"{src}-{target}:{version}" for src, version in used) + ")"

    @property
    def loaded_models(self) -> list[str]:
        """Source languages whose ctranslate2 model is in memory."""
        return sorted(src for src, p in self._packages.items() if p is not None and p.translator is not None)

    def _package(self, source_language: str) -> _ArgosPackage | None:
        if source_language == self.target_language:
            return None
        if source_language not in self._packages:
            package = find_package(source_language, self.target_language, self.packages_dir)
            if package is None:
                self._packages[source_language] = None
            else:
                name = f"{package.type}-{package.from_code}_{package.to_code}"
                provenance = Translation("argos", name, package.package_version)
                self._packages[source_language] = _ArgosPackage(package, provenance)
        return self._packages[source_language]

    def _translator(self, entry: _ArgosPackage) -> Any:
        if entry.translator is None:
            import ctranslate2

            model_dir = str(Path(entry.package.package_path) / "model")
            entry.translator = ctranslate2.Translator(
                model_dir, device="cpu", inter_threads=1, intra_threads=self.threads
            )
        return entry.translator

    def model_for(self, source_language: str) -> Translation | None:
        entry = self._package(source_language)
        return entry.provenance if entry else None

    def translate_batch(self, texts: Sequence[str], source_language: str) -> list[Translated | None]:
        entry = self._package(source_language)
        if entry is None or not texts:
            return [None] * len(texts)
        package = entry.package
        tokens = [self._tokens(package, text) for text in texts]
        translator = self._translator(entry)
        results = []
        for start, end in _token_batches(tokens, ARGOS_MAX_BATCH_TOKENS):
            batch = tokens[start:end]
            results += interruptible(
                partial(
                    translator.translate_batch,
                    batch,
                    target_prefix=[[package.target_prefix]] * len(batch) if package.target_prefix else None,
                    replace_unknowns=True,
                    max_batch_size=ARGOS_MAX_BATCH_TOKENS,
                    batch_type="tokens",
                    beam_size=ARGOS_BEAM_SIZE,
                    num_hypotheses=1,
                    length_penalty=ARGOS_LENGTH_PENALTY,
                    max_input_length=ARGOS_MAX_INPUT_TOKENS,
                )
            )
        self.sentences_translated += len(texts)
        decoded = [self._detokenize(package, r.hypotheses[0]) for r in results]
        # An empty output is no translation (and the data contract wants text_en non-empty or null).
        return [Translated(text, entry.provenance) if text else None for text in decoded]

    def _tokens(self, package: Any, text: str) -> list[str]:
        """The tokens the model reads: at most ``ARGOS_MAX_INPUT_TOKENS``; a text cut to them is remembered."""
        tokens = package.tokenizer.encode(text[:ARGOS_MAX_INPUT_CHARS])
        if len(tokens) > ARGOS_MAX_INPUT_TOKENS or len(text) > ARGOS_MAX_INPUT_CHARS:
            self.truncated.add(text)
        return list(tokens[:ARGOS_MAX_INPUT_TOKENS])

    @staticmethod
    def _detokenize(package: Any, tokens: list[str]) -> str:
        text = package.tokenizer.decode(tokens)
        if package.target_prefix and text.startswith(package.target_prefix):
            text = text[len(package.target_prefix):]
        return " ".join(text.split())


def _token_batches(tokens: Sequence[Sequence[str]], max_tokens: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive batches of at most ``max_tokens`` tokens (a longer input is a batch of its own)."""
    batches: list[tuple[int, int]] = []
    start, size = 0, 0
    for index, sentence in enumerate(tokens):
        if index > start and size + len(sentence) > max_tokens:
            batches.append((start, index))
            start, size = index, 0
        size += len(sentence)
    if start < len(tokens):
        batches.append((start, len(tokens)))
    return batches
