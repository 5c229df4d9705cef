"""NLI backend mechanics on a tiny randomly initialised BERT classifier built here (no weights can be
downloaded offline): loading through AutoTokenizer / AutoModelForSequenceClassification, the label mapping
read from id2label, both-way probabilities, and how the finding enters the labeller.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from align.config import LabelConfig  # noqa: E402
from align.errors import AlignError  # noqa: E402
from align.label import build_labeller, label  # noqa: E402
from align.link import make_pair  # noqa: E402
from align.nli import NliJudge, label_indices  # noqa: E402
from align.records import PairRecord, content_id, line_sentence  # noqa: E402

WORDS = "the company is valued at billion dollars he resigned did not today last day sharma left".split()


def tiny_nli_model(directory: Path, id2label: dict[int, str]) -> Path:
    """A 2-layer, 32-wide BERT with a 3-way head and a WordPiece vocabulary, saved as a Hub model would be."""
    vocab = [
        "[PAD]",
        "[UNK]",
        "[CLS]",
        "[SEP]",
        "[MASK]",
        *WORDS,
        *"abcdefghijklmnopqrstuvwxyz0123456789",
    ]
    (directory / "vocab.txt").write_text("\n".join(vocab) + "\n", "utf-8")
    tokenizer = transformers.BertTokenizer(vocab_file=str(directory / "vocab.txt"))
    tokenizer.save_pretrained(directory)
    config = transformers.BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
        num_labels=3,
        id2label=id2label,
        label2id={v: k for k, v in id2label.items()},
    )
    torch.manual_seed(0)
    transformers.BertForSequenceClassification(config).save_pretrained(directory)
    return directory


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Contradiction first, as some published XNLI heads order it: the mapping must come from id2label.
    return tiny_nli_model(
        tmp_path_factory.mktemp("nli"), {0: "CONTRADICTION", 1: "Neutral", 2: "entailment"}
    )


def pair(text_a: str, text_b: str) -> PairRecord:
    return make_pair(
        line_sentence(content_id("a"), 0, "en", text_a, "seed"),
        line_sentence(content_id("b"), 0, "en", text_b, "seed"),
        1.1,
    )


PAIRS = [
    pair(
        "The company is valued at 350 billion dollars.", "The company is valued at 350 billion dollars."
    ),
    pair("He resigned today.", "He did not resign today."),
    pair("Sharma left.", "Today is my last day."),
]


def test_label_mapping_is_read_from_id2label() -> None:
    assert label_indices({0: "CONTRADICTION", 1: "neutral", 2: "ENTAILMENT"}) == {
        "contradiction": 0,
        "neutral": 1,
        "entailment": 2,
    }
    assert label_indices({"0": "entailment", "1": "neutral", "2": "contradiction"})["contradiction"] == 2
    with pytest.raises(AlignError, match="no entailment/contradiction"):
        label_indices({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"})


def test_tiny_model_loads_lazily_and_gives_probabilities_in_nli_order(model_dir: Path) -> None:
    judge = NliJudge(str(model_dir), max_length=32, batch_size=2)
    assert judge._model is None  # nothing loaded before the first pair
    probs = judge.probabilities([p.text_a for p in PAIRS], [p.text_b for p in PAIRS])
    assert probs.shape == (3, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
    # Columns are entailment, neutral, contradiction whatever the model's own order: check against raw logits.
    batch = judge._tokenizer([PAIRS[1].text_a], [PAIRS[1].text_b], return_tensors="pt")
    with torch.no_grad():
        raw = torch.softmax(judge._model(**batch).logits, dim=-1)[0].numpy()
    np.testing.assert_allclose(probs[1], [raw[2], raw[1], raw[0]], rtol=1e-4)


def test_inputs_longer_than_the_model_are_cut_to_its_positions(model_dir: Path) -> None:
    judge = NliJudge(str(model_dir), max_length=256)  # the tiny model has 64 positions
    long_text = " ".join(["the company is valued at billion dollars"] * 20)
    probs = judge.probabilities([long_text], [long_text])
    assert probs.shape == (1, 3) and judge.max_length == 256  # the cache key keeps the configured length


def test_findings_are_symmetrised_and_thresholded(model_dir: Path) -> None:
    everything = NliJudge(str(model_dir), threshold=0.0).judge(PAIRS)
    assert all(len(found) == 1 and found[0].kind == "nli" and found[0].conflict for found in everything)
    judge = NliJudge(str(model_dir))
    expected = (
        judge.probabilities([PAIRS[1].text_a], [PAIRS[1].text_b])[0, 2]
        + judge.probabilities([PAIRS[1].text_b], [PAIRS[1].text_a])[0, 2]
    ) / 2
    assert everything[1][0].strength == pytest.approx(expected, abs=1e-4)
    assert NliJudge(str(model_dir), threshold=1.01).judge(PAIRS) == [[], [], []]


def test_rules_plus_nli_labeller_adds_nli_evidence_and_signature(model_dir: Path) -> None:
    config = LabelConfig(
        backend="rules+nli",
        nli_model=str(model_dir),
        nli_threshold=0.0,
        weight_nli=1.0,
        conflict_threshold=0.01,
    )
    labelled = label(PAIRS, [], config)
    assert all(p.signature == f"label:rules-10+nli({model_dir})" for p in labelled)
    assert all(p.label == "conflict" and "nli" in [e.kind for e in p.evidence] for p in labelled)
    # The rule finding is kept beside the model's: the negation is still there.
    assert [e.kind for e in labelled[1].evidence][:2] in (["negation", "nli"], ["nli", "negation"])
    assert label(PAIRS, [], config) == labelled  # deterministic


def test_missing_model_is_a_clear_error_not_a_download(tmp_path: Path) -> None:
    labeller = build_labeller(
        LabelConfig(backend="rules+nli", nli_model=str(tmp_path / "no-such-model"))
    )
    with pytest.raises(AlignError, match="cannot load NLI model"):
        labeller.label(PAIRS, [])
    with pytest.raises(AlignError, match="needs an NLI model"):
        build_labeller(LabelConfig(backend="rules+nli"))


def test_nli_outputs_are_cached_by_model_and_both_texts(model_dir: Path, tmp_path: Path) -> None:
    from align.nli import build_judge

    config = LabelConfig(backend="rules+nli", nli_model=str(model_dir), nli_max_length=32)
    first = build_judge(config, tmp_path)
    fresh = first.probabilities([p.text_a for p in PAIRS], [p.text_b for p in PAIRS])
    assert first.computed == 3
    again = build_judge(config, tmp_path)  # a new process: same cache directory, model never loaded
    cached = again.probabilities([p.text_a for p in PAIRS], [p.text_b for p in PAIRS])
    assert again.computed == 0 and again._model is None
    np.testing.assert_allclose(cached, fresh, rtol=1e-6)
    # One new direction of one pair is all that runs; the order of the texts is part of the key.
    mixed = again.probabilities([PAIRS[0].text_a, PAIRS[1].text_b], [PAIRS[0].text_b, PAIRS[1].text_a])
    assert again.computed == 1
    np.testing.assert_allclose(mixed[0], fresh[0], rtol=1e-6)
    other_model = build_judge(replace(config, nli_max_length=16), tmp_path)
    other_model.probabilities([PAIRS[0].text_a], [PAIRS[0].text_b])
    assert other_model.computed == 1
