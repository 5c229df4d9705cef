"""Bounded work on any input: what the models cannot read is cut before they see it (one warning per event, the
records keep the whole text), model calls are short and Ctrl-C stops a build at once (exit 130, nothing written)."""

from __future__ import annotations

import logging
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from align.build.event import StageModels, run_event
from align.config import BuildConfig, EmbedConfig
from align.embed import MODEL_MAX_TOKENS, build_embedder, model_batches
from align.interrupt import interruptible
from align.link import margin as link_margin
from align.link.margin import ann_scores
from tests.conftest import ROOT

WORDS = (
    "the safety research team lead said world danger company poetry letter resigned monday anthropic model "
    "values pressure staff wrote public message months years work future"
).split()


def long_sentence(seed: int, words: int = 450) -> str:
    """~3,000 characters of English words, no punctuation: one sentence of ~600 tokens."""
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(words))


def test_long_sentences_are_cut_for_the_models_with_one_warning_per_event(
    make_event, caplog: pytest.LogCaptureFixture
) -> None:
    first, second = long_sentence(1), long_sentence(2)
    corpus = make_event(
        {
            "a.txt": f"Mrinank Sharma resigned from Anthropic on Monday.\n{first}\n{second}\n",
            "b.txt": "Mrinank Sharma left Anthropic on Monday.\nHe said the world is in danger.\n",
        }
    )
    config = BuildConfig()
    models = StageModels(config)
    with caplog.at_level(logging.WARNING):
        result = run_event(corpus / "event-1", config, models=models)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1, warnings
    assert "2 sentence(s) longer than the models read (512 tokens)" in warnings[0]
    assert {first, second} <= {s.text for s in result.sentences}  # records keep the whole text
    embedder = models.embedder.inner  # behind the event's vector memo (EventVectors)
    cut = embedder.fit(first)
    assert first.startswith(cut) and len(cut) < len(first)
    assert embedder.inner.inner._load().token_count(cut, True) <= MODEL_MAX_TOKENS
    assert embedder.take_truncated() == set()  # the event took (and cleared) what it cut


def test_a_short_text_is_never_cut_and_batches_stay_small() -> None:
    embedder = build_embedder(EmbedConfig(), None)
    text = "Mrinank Sharma resigned from Anthropic on Monday."
    assert embedder.fit(text) == text
    texts = ["x" * 1000] * 5 + ["short"] * 100 + ["y" * 9000]
    batches = model_batches(texts, 64, 3000)
    assert [t for b in batches for t in b] == texts
    assert all(len(b) <= 64 and (len(b) == 1 or sum(map(len, b)) <= 3000) for b in batches)


def test_the_hnsw_path_in_small_blocks_finds_the_same_neighbours(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((60, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    articles = [f"a{i % 4}" for i in range(60)]
    languages = ["en"] * 60
    whole = ann_scores(vectors, articles, languages, k=3, candidates=5)
    monkeypatch.setattr(link_margin, "ANN_BLOCK", 7)
    blocks = ann_scores(vectors, articles, languages, k=3, candidates=5)
    assert np.array_equal(whole.rows, blocks.rows) and np.array_equal(whole.cols, blocks.cols)
    assert np.array_equal(whole.margin, blocks.margin)


def test_ctrl_c_reaches_the_caller_while_a_model_call_runs() -> None:
    assert interruptible(lambda: 41 + 1) == 42
    with pytest.raises(ZeroDivisionError):
        interruptible(lambda: 1 / 0)
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    start = time.perf_counter()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        interruptible(lambda: time.sleep(5))  # stands in for a long call into C code
    assert time.perf_counter() - start < 3


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # a background shell would start us with SIGINT ignored


def test_ctrl_c_stops_a_build_on_a_large_input_at_once(make_event, tmp_path: Path) -> None:
    """Two articles of 12 long sentences each: a minute of embedding, in calls of seconds each. SIGINT once the
    link stage has begun (its embedding cache appears) must end the build within seconds, exit 130, with no
    dataset written."""
    corpus = make_event(
        {
            "a.txt": "\n".join(long_sentence(i) for i in range(12)) + "\n",
            "b.txt": "\n".join(long_sentence(100 + i) for i in range(12)) + "\n",
            "manifest.jsonl": '{"file": "a.txt", "language": "en"}\n{"file": "b.txt", "language": "en"}\n',
        }
    )
    cache, out = tmp_path / "cache", tmp_path / "dataset"
    command = [
        sys.executable, "-m", "align", "build", "--corpus", str(corpus), "--out", str(out),
        "--cache-dir", str(cache), "--shard-dir", str(tmp_path / "shards"),
    ]
    env = {**os.environ, "NO_COLOR": "1", "ALIGN_CACHE_DIR": str(cache)}
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_default_sigint,
    )
    try:
        deadline = time.monotonic() + 120
        while not (cache / "cache.sqlite3").exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert process.poll() is None, "the build ended before it reached the model stages"
        time.sleep(0.5)
        sent = time.monotonic()
        process.send_signal(signal.SIGINT)
        try:
            _, stderr = process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            pytest.fail("the build ignored Ctrl-C for 15 s")
        waited = time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 130, stderr
    assert waited < 5, f"exited {waited:.1f} s after Ctrl-C"
    assert "interrupted" in stderr.strip().splitlines()[-1] and "Traceback" not in stderr, stderr
    assert not out.exists()
