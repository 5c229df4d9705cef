"""The same records on every machine: stored scores are rounded where records are made, decisions are taken on the
rounded value, and float noise between CPUs (simulated: every embedding moved by 1e-6) changes nothing a build
publishes."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from align.build import event as build_event
from align.build.orchestrate import build
from align.config import BuildConfig, LabelConfig
from align.dataset.content import read_content, read_release
from align.dataset.diff import compare
from align.embed import Embedder
from align.evidence.findings import Finding
from align.label import decide
from align.link import make_pair
from align.records import SCORE_TOLERANCE, line_sentence, same_value, stored_score
from tests.conftest import ROOT, SEED_EVENT

NOISE = 1e-6
PERTURBED: list[int] = []  # texts embedded with noise, so a test can check the noise was really applied


class PerturbedEmbedder:
    """Another CPU: each vector moved by +-1e-6 per component (a fixed pattern per text), then re-normalised."""

    def __init__(self, inner: Embedder, salt: str = "") -> None:
        self.inner = inner
        self.salt = salt
        self.signature = inner.signature

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = np.asarray(self.inner.embed(texts), dtype=np.float64)
        PERTURBED.append(len(texts))
        for row, text in zip(vectors, texts, strict=True):
            seed = int.from_bytes(hashlib.sha256((self.salt + text).encode()).digest()[:8], "little")
            row += NOISE * np.random.default_rng(seed).choice([-1.0, 1.0], size=row.shape)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors.astype(np.float32)


def perturb_embeddings(monkeypatch: pytest.MonkeyPatch, salt: str = "") -> None:
    """Every embedder a build makes returns perturbed vectors (after the cache: as if computed on another CPU)."""
    build_embedder = build_event.build_embedder

    def perturbed(config, cache_dir):  # type: ignore[no-untyped-def]
        embedder = build_embedder(config, cache_dir)
        embedder.inner = PerturbedEmbedder(embedder.inner, salt)
        return embedder

    monkeypatch.setattr(build_event, "build_embedder", perturbed)


def build_config(shard_dir: Path) -> BuildConfig:
    config = BuildConfig()
    return replace(config, run=replace(config.run, shard_dir=str(shard_dir)))


def sums(dataset: Path) -> str:
    return (dataset / "SHA256SUMS").read_text("utf-8")


def test_stored_scores_are_rounded_and_compared_up_to_noise() -> None:
    assert stored_score(1.0537374) == 1.0537
    assert stored_score(0.49996) == 0.5
    a, b = line_sentence("art-a", 0, "en", "One sentence here.", "ev"), line_sentence("art-b", 0, "en", "Two.", "ev")
    assert make_pair(a, b, 1.04123456, 0.912345678).similarity == 1.0412
    assert make_pair(a, b, 1.04123456, 0.912345678).entailment == 0.9123
    # Two stored scores one rounding step apart (a value at a rounding boundary, on two machines) are the same...
    assert same_value({"similarity": 1.0412, "label": "agree"}, {"similarity": 1.0413, "label": "agree"})
    assert same_value(0.8123, 0.8123 + SCORE_TOLERANCE / 2)
    # ... a real difference, a different label, or a score never rounded (an older release's) is not.
    assert not same_value(0.8123, 0.8243)
    assert not same_value({"similarity": 1.0412, "label": "agree"}, {"similarity": 1.0412, "label": "conflict"})
    assert not same_value(1.053737, 1.0537)
    assert same_value(None, None) and not same_value(None, 0.5)


def test_a_score_on_the_threshold_after_rounding_decides_like_the_stored_value() -> None:
    """0.49996 is stored as 0.5000: the pair is a conflict at conflict_threshold 0.5, as its stored value says."""
    config = LabelConfig(weight_nli=1.0, conflict_threshold=0.5)
    finding = Finding("nli", None, None, "NLI: contradiction 0.50", 0.49996, True, "nli")
    label, confidence, evidence = decide([finding], 1.1, config)
    assert label == "conflict"
    assert evidence and confidence == stored_score(confidence)


def test_noise_in_the_embeddings_changes_no_record_label_or_hash(
    make_event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_event(
        {
            "wire.txt": "Mrinank Sharma resigned from Anthropic on Monday.\nHis letter was viewed two million times.\n"
            "He plans to study poetry in London.\nThe company thanked him for his work on safety research.\n",
            "journal.txt": "Mrinank Sharma a quitté Anthropic lundi.\nSa lettre a été vue deux millions de fois.\n"
            "Il veut étudier la poésie à Londres.\nLe musée rouvrira ses portes au printemps prochain.\n",
            "desk.txt": "Anthropic's safety lead Mrinank Sharma has resigned.\nHe wants to write poetry now.\n"
            "Shares of the firm rose sharply on Monday morning.\n",
        }
    )
    out = tmp_path / "dataset"
    first = build(corpus, out, build_config(tmp_path / "shards-1"))
    assert not first.unchanged and first.counts["pairs"] > 0
    published, before = read_content(out), sums(out)
    for salt in ("a", "b", "c"):
        perturb_embeddings(monkeypatch, salt)
        PERTURBED.clear()
        # Fresh shards: every event is built again from the (perturbed) embeddings, as on a new machine.
        again = build(corpus, out, build_config(tmp_path / f"shards-{salt}"))
        assert again.unchanged and sum(PERTURBED) > 0, salt
        assert sums(out) == before and read_release(out).content_sha256 == published.digest()
        fresh = tmp_path / f"fresh-{salt}"
        build(corpus, fresh, build_config(tmp_path / f"shards-fresh-{salt}"))
        rebuilt = read_content(fresh)
        assert compare(published, rebuilt).same_records, salt
        labels = {p["pair_id"]: p["label"] for p in published.pairs}
        assert {p["pair_id"]: p["label"] for p in rebuilt.pairs} == labels
        for old, new in zip(sorted(published.pairs, key=pair_key), sorted(rebuilt.pairs, key=pair_key), strict=True):
            assert abs(old["similarity"] - new["similarity"]) <= SCORE_TOLERANCE
            assert new["similarity"] == stored_score(new["similarity"])


def pair_key(pair: dict) -> str:
    return str(pair["pair_id"])


def test_the_committed_dataset_rebuilds_unchanged_from_perturbed_embeddings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's first command on another machine: the seed, built into a copy of the committed dataset with
    every embedding moved by 1e-6, is `unchanged` (nothing written, same bytes)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_EVENT, corpus / SEED_EVENT.name)
    out = tmp_path / "dataset"
    shutil.copytree(ROOT / "dataset", out)
    before = sums(out)
    perturb_embeddings(monkeypatch)
    PERTURBED.clear()
    report = build(corpus, out, build_config(tmp_path / "shards"))
    assert sum(PERTURBED) > 300  # every sentence's vectors came through the noise
    assert report.unchanged
    assert report.version == read_release(ROOT / "dataset").version
    assert sums(out) == before
