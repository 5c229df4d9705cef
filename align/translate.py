"""translate stage: give every sentence an English rendering (``text_en``) and say where it came from.

Backends sit behind the small ``Translator`` protocol and are tried in the order ``[translate] backends``
gives:

- ``identity``: sentences already in the target language are their own translation;
- ``memory``: a translation memory kept with the event (``translations.tsv`` and ``*.tmx``), exact match after
  whitespace/Unicode normalisation;
- ``argos``: Argos Translate packages, run through their ctranslate2 model and tokenizer directly. Segmenting
  is ours: argostranslate's own sentence splitter downloads a model on first use and so fails offline.

Model output is cached by content (engine, model version, source language, normalised text), so a rebuild
translates only what changed. A sentence no backend translates keeps ``text_en=None``, ``translation=None``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from align.cache import ContentCache, cache_key, default_cache_dir, normalise_text
from align.config import TranslateConfig
from align.corpus import remove_control_characters
from align.errors import AlignError
from align.interrupt import interruptible
from align.models import find_package, list_packages, resolve_packages_dir
from align.records import SentenceRecord, Translation

log = logging.getLogger(__name__)

BACKENDS = ("identity", "memory", "argos")
MEMORY_TSV = "translations.tsv"
TSV_HEADER = ("source", "english", "note")
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
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TMX_INLINE_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})  # native markup inside <seg>, not text


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


# --- identity -----------------------------------------------------------------------------------------------


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


# --- translation memory -------------------------------------------------------------------------------------


class MemoryTranslator:
    """Exact-match lookups in a translation memory (normalised source sentence -> English)."""

    def __init__(self, entries: dict[str, Translated] | None = None) -> None:
        self.entries: dict[str, Translated] = dict(entries or {})

    @classmethod
    def from_event_dir(cls, event_dir: Path | None, target_language: str = "en") -> MemoryTranslator:
        """``translations.tsv`` first (the event's curated memory), then ``*.tmx`` files in name order.

        A source sentence found in several files keeps its first translation.
        """
        entries: dict[str, Translated] = {}
        if event_dir is None or not event_dir.is_dir():
            return cls(entries)
        files = [event_dir / MEMORY_TSV] if (event_dir / MEMORY_TSV).is_file() else []
        files += sorted(p for p in event_dir.iterdir() if p.suffix.lower() == ".tmx" and p.is_file())
        for path in files:
            loaded = read_tsv(path) if path.suffix.lower() == ".tsv" else read_tmx(path, target_language)
            provenance = Translation(engine="memory", model=path.name, version=file_version(path))
            removed = 0
            for source, english in loaded.items():
                # As in articles (align.corpus): no terminal escape or bell reaches a record.
                source, in_source = remove_control_characters(source)
                english, in_english = remove_control_characters(english)
                removed += in_source + in_english
                entries.setdefault(normalise_text(source), Translated(" ".join(english.split()), provenance))
            if removed:
                log.warning("%s: removed %d control character(s) from the translation memory", path, removed)
        return cls(entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def signature(self) -> str:
        return "memory"

    def translate_batch(self, texts: Sequence[str], source_language: str) -> list[Translated | None]:
        return [self.entries.get(normalise_text(text)) for text in texts]


def file_version(path: Path) -> str:
    """The version of a memory file: a sha256 prefix of its bytes, so edits show in the provenance."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _decode_utf8(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise AlignError(path, f"not UTF-8 text (byte 0x{data[exc.start]:02x})", line) from None


def read_tsv(path: Path) -> dict[str, str]:
    """``source<TAB>english[<TAB>note]`` lines -> {normalised source: English}.

    Blank lines and ``#`` comments are skipped; a ``source english note`` header line is allowed. A line with
    another column count, an empty column or a second, different English for the same source is an AlignError.
    """
    memory: dict[str, str] = {}
    first_line: dict[str, int] = {}
    seen_content = False
    # Newlines only: str.splitlines also breaks at U+2028 and friends, which may sit inside a sentence.
    for number, raw in enumerate(_decode_utf8(path).split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = line.split("\t")
        if not seen_content and tuple(c.strip().lower() for c in columns) in (TSV_HEADER, TSV_HEADER[:2]):
            seen_content = True
            continue
        seen_content = True
        if len(columns) not in (2, 3):
            problem = f"expected 2 or 3 tab-separated columns (source, english, note), got {len(columns)}"
            raise AlignError(path, problem, number)
        source, english = normalise_text(columns[0]), " ".join(columns[1].split())
        if not source or not english:
            raise AlignError(path, f"empty {'source' if not source else 'english'} column", number)
        if source in memory and memory[source] != english:
            raise AlignError(
                path, f"a different English for the same source sentence as line {first_line[source]}", number
            )
        memory.setdefault(source, english)
        first_line.setdefault(source, number)
    return memory


def _tmx_segment_text(segment: ElementTree.Element) -> str:
    """Text of a <seg>, without the native markup codes TMX allows inside it."""
    parts = [segment.text or ""]
    for child in segment:
        if child.tag not in TMX_INLINE_CODES:
            parts.append(_tmx_segment_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _primary_language(tag: str | None) -> str:
    return (tag or "").split("-")[0].split("_")[0].lower()


def read_tmx(path: Path, target_language: str = "en") -> dict[str, str]:
    """TMX (translation memory exchange) -> {normalised source: English}.

    Each <tu> with a <tuv> in the target language maps every other <tuv>'s <seg> to it. TMX memories often
    hold alternatives for one source: the first wins.
    """
    try:  # the parser honours the XML declaration: TMX tools often write UTF-16
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as exc:
        raise AlignError(path, f"not valid TMX (XML error: {exc.msg})", exc.position[0]) from None
    if root.tag != "tmx":
        raise AlignError(path, f"not a TMX file (root element <{root.tag}>, expected <tmx>)")
    memory: dict[str, str] = {}
    for unit in root.iter("tu"):
        variants = []
        for variant in unit.iter("tuv"):
            language = _primary_language(variant.get(XML_LANG) or variant.get("lang"))
            segment = variant.find("seg")
            if segment is not None:
                variants.append((language, " ".join(_tmx_segment_text(segment).split())))
        english = next((text for language, text in variants if language == target_language and text), None)
        if english is None:
            continue
        for language, text in variants:
            if language != target_language and text:
                memory.setdefault(normalise_text(text), english)
    return memory


# --- argos --------------------------------------------------------------------------------------------------


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


# --- cache --------------------------------------------------------------------------------------------------


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


# --- the chain ----------------------------------------------------------------------------------------------


@dataclass
class TranslatorChain:
    """Backends tried in order; each sees only the sentences the ones before it left untranslated.

    ``signature`` names the backends that translated at least one sentence in this run.
    Sentences left untranslated: one warning per language naming the fix, or with ``require`` an AlignError.
    """

    backends: list[tuple[str, Translator]]
    target_language: str = "en"
    require: bool = False
    packages_dir: Path | None = None  # where argos looks, for advice; None when argos is not configured
    where: str = "translate"
    _used: set[str] = field(default_factory=set)

    @property
    def signature(self) -> str:
        used = [translator.signature for name, translator in self.backends if name in self._used]
        return "mt:" + ("+".join(used) if used else "none")

    @property
    def truncated(self) -> set[str]:
        """Source sentences a model translated from their beginning only (longer than it reads)."""
        argos = dict(self.backends).get("argos")
        if isinstance(argos, CachedTranslator):
            argos = argos.inner
        return set(argos.truncated) if isinstance(argos, ArgosTranslator) else set()

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
        """What the user can do so that ``source_language`` gets translated."""
        tgt = self.target_language
        if source_language == tgt:
            return "add 'identity' to [translate] backends"
        argos = dict(self.backends).get("argos")
        if isinstance(argos, CachedTranslator | ArgosTranslator) and argos.model_for(source_language):
            return f"the installed {source_language} -> {tgt} Argos model gave empty output"
        if self.packages_dir is not None:
            return (
                f"no {source_language} -> {tgt} Argos model in {self.packages_dir}; install one with "
                f"`align models install {source_language} {tgt}` "
                "(offline: `align models install-file PATH.argosmodel`)"
            )
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
    packages_dir = None
    for name in config.backends:
        if name in (n for n, _ in backends):
            raise AlignError("config [translate]", f"backend {name!r} listed twice in backends")
        if name == "identity":
            backends.append((name, IdentityTranslator(config.target_language)))
        elif name == "memory":
            backends.append((name, MemoryTranslator.from_event_dir(event_dir, config.target_language)))
        elif name == "argos":
            packages_dir = resolve_packages_dir(config.packages_dir)
            argos = ArgosTranslator(packages_dir, config.target_language, config.argos_threads)
            cache_dir = Path(config.cache_dir).expanduser() if config.cache_dir else default_cache_dir()
            cache = ContentCache(cache_dir, CACHE_NAMESPACE)
            backends.append((name, CachedTranslator(argos, cache, ARGOS_DECODING)))
        else:
            problem = f"unknown translation backend {name!r}; choose from {', '.join(BACKENDS)}"
            raise AlignError("config [translate]", problem)
    where = str(event_dir) if event_dir is not None else "translate"
    return TranslatorChain(backends, config.target_language, config.require, packages_dir, where)


def translation_signature(config: TranslateConfig) -> str:
    """The configured chain with the installed models it would use, e.g. ``identity+memory+argos(hi-en:1.1)``.

    Known before anything is translated, so it can key caches and shards: installing a model changes it.
    """
    parts = []
    for name in config.backends:
        if name != "argos":
            parts.append(name)
            continue
        packages = [
            p for p in list_packages(resolve_packages_dir(config.packages_dir)) if p.to_code == config.target_language
        ]
        models = ",".join(f"{p.from_code}-{p.to_code}:{p.version}" for p in sorted(packages, key=lambda p: p.name))
        parts.append(f"argos({models or 'none'})")
    return "+".join(parts)


# --- the stage ----------------------------------------------------------------------------------------------


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
