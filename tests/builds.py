"""A tiny corpus of Hindi events and the helpers to build it, shared by the build, dataset and CLI tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from align.build.shards import MARKER
from align.config import BuildConfig
from tests.conftest import ROOT

# Hindi only: the script alone decides the language, so no worker process spends seconds loading lingua's models.
ARTICLES = {
    "a.txt": "मृणांक शर्मा ने सोमवार को एंथ्रोपिक से इस्तीफा दे दिया।\nवे दो साल से सेफगार्ड्स रिसर्च टीम के प्रमुख थे।\n",
    "b.txt": "एंथ्रोपिक के शोध प्रमुख ने कंपनी छोड़ दी।\nउन्होंने ट्विटर पर एक लंबा नोट साझा किया।\n",
}


def report(number: int) -> str:
    return f"रिपोर्ट संख्या {number}।\n"


def make_corpus(root: Path, events: int = 3) -> Path:
    """``events`` small events of two Hindi articles each, every event with its own text."""
    corpus = root / "corpus"
    for e in range(events):
        event = corpus / f"event-{e}"
        event.mkdir(parents=True)
        for name, text in ARTICLES.items():
            (event / name).write_text(report(e) + text, "utf-8")
        manifest = [{"file": name, "language": "hi"} for name in ARTICLES]
        (event / "manifest.jsonl").write_text("".join(json.dumps(m) + "\n" for m in manifest), "utf-8")
    return corpus


def config_with(shard_dir: Path, workers: int = 1) -> BuildConfig:
    config = BuildConfig()
    return replace(config, run=replace(config.run, workers=workers, shard_dir=str(shard_dir)))


def sums(dataset: Path) -> str:
    return (dataset / "SHA256SUMS").read_text()


def finished(shard_dir: Path) -> set[str]:
    return {p.parent.name for p in shard_dir.glob(f"*/{MARKER}")} if shard_dir.is_dir() else set()


def align(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "align", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        timeout=120,
    )
