"""Shared fixtures. Every test runs offline: Hugging Face libraries are told so before they are imported."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SEED_EVENT = ROOT / "corpus" / "2026-02-anthropic-safeguards-lead-resigns"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's real cache."""
    monkeypatch.setenv("ALIGN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def seed_corpus(tmp_path: Path) -> Path:
    """A private copy of the seed corpus that a test may modify."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_EVENT, corpus / SEED_EVENT.name)
    return corpus


@pytest.fixture
def make_event(tmp_path: Path) -> Callable[..., Path]:
    """Write an event directory from {file name: text or bytes}; returns the corpus directory."""

    def make(files: dict[str, str | bytes], event: str = "event-1", corpus: Path | None = None) -> Path:
        corpus = corpus or tmp_path / "corpus"
        event_dir = corpus / event
        event_dir.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            path = event_dir / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, "utf-8")
        return corpus

    return make
