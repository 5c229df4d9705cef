"""The per-event chain: one STAGES tuple that run_event, the timer and the build signature walk."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.build import event
from align.build.event import STAGES, BuildSignature, Stage, build_signature
from align.config import BuildConfig
from align.dataset.content import read_release
from align.records import EventRecords
from align.segment import RULES_VERSION as SEGMENT_RULES
from tests.conftest import ROOT


def test_the_chain_runs_in_order() -> None:
    assert [stage.name for stage in STAGES] == ["corpus", "segment", "translate", "link", "label", "claims"]


def test_the_default_signature_is_the_one_the_seed_dataset_was_published_with() -> None:
    """The signature moved from a joined list to an ordered mapping; the printed string must not change, or every
    published dataset would need a new version."""
    assert build_signature(BuildConfig()) == read_release(ROOT / "dataset").build_signature


def test_the_signature_is_align_then_each_stage_then_the_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    config = BuildConfig()
    parts = dict(BuildSignature.of(config).parts)
    assert list(parts)[0] == "align" and list(parts)[-1] == "schema"
    assert list(parts)[1:-1] == ["segment", "mt", "embed", "link", "label", "claims"]
    extra = Stage("dedupe", lambda config: {"dedupe": "exact-1"}, lambda e, m: e.records)
    monkeypatch.setattr(event, "STAGES", (*STAGES[:2], extra, *STAGES[2:]))
    assert f"|segment:{SEGMENT_RULES}|dedupe:exact-1|mt:" in build_signature(config)


def test_run_event_walks_the_stages_and_times_each(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[str] = []

    def step(name: str) -> Stage:
        def run(current: event.Event, models: event.StageModels) -> EventRecords:
            seen.append(name)
            assert current.directory == tmp_path
            return current.records

        return Stage(name, lambda config: {}, run)

    monkeypatch.setattr(event, "STAGES", (step("first"), step("second")))
    monkeypatch.setattr(event.StageModels, "take_truncated", lambda self: set())
    timer = event.StageTimer()
    assert event.run_event(tmp_path, BuildConfig(), timer) == EventRecords()
    assert seen == ["first", "second"] and list(timer.seconds) == ["first", "second"]


@pytest.mark.parametrize("old", ["align.distributed", "align.pipeline"])
def test_the_paths_deprecated_in_0_3_are_gone(old: str) -> None:
    # Moved in 0.3 (align.build.distributed, align.build.orchestrate) with a warning; removed in 0.4 as announced.
    import importlib

    with pytest.raises(ModuleNotFoundError):
        importlib.import_module(old)

