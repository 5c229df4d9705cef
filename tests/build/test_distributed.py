"""The build under datatrove's local executor: two tasks write the shards, assemble publishes what build would."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from align.build.orchestrate import build, build_from_shards
from align.config import BuildConfig
from align.dataset.content import read_content, read_release
from align.errors import AlignError
from tests.builds import align, config_with, finished, make_corpus, sums

pytest.importorskip("datatrove", reason="the scale extra (datatrove) is not installed")


def test_two_local_tasks_then_assemble_equal_a_plain_build(tmp_path: Path) -> None:
    from datatrove.executor import LocalPipelineExecutor

    from align.build.distributed import BuildEventShards

    corpus = make_corpus(tmp_path, events=3)
    shard_dir = tmp_path / "shards"
    executor = LocalPipelineExecutor(
        [BuildEventShards(corpus, shard_dir, threads=1)],
        tasks=2,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    assert finished(shard_dir) == {"event-0", "event-1", "event-2"}
    assert sorted(p.name for p in (tmp_path / "logs" / "completions").iterdir()) == ["00000", "00001"]

    out = tmp_path / "assembled"
    assembled = align("assemble", "--corpus", str(corpus), "--out", str(out), "--shard-dir", str(shard_dir))
    assert assembled.returncode == 0, assembled.stderr
    assert f"{out}: wrote version 0.1.0 (6 articles, " in assembled.stdout
    assert "0 built, 3 reused from shards" in " ".join(assembled.stderr.split())
    plain = build(corpus, tmp_path / "plain", config_with(tmp_path / "plain-shards"))
    assert plain.events_built == 3
    assert sums(tmp_path / "assembled") == sums(tmp_path / "plain")
    assert read_release(tmp_path / "assembled") == read_release(tmp_path / "plain")
    assert read_content(tmp_path / "assembled").digest() == read_content(tmp_path / "plain").digest()


def test_each_rank_builds_its_own_events_and_a_rerun_reuses_them(tmp_path: Path) -> None:
    from align.build.distributed import BuildEventShards

    corpus = make_corpus(tmp_path, events=3)
    shard_dir = tmp_path / "shards"
    step = BuildEventShards(corpus, shard_dir, BuildConfig())
    list(step.run(None, rank=1, world_size=2))
    assert finished(shard_dir) == {"event-1"}  # round robin: rank 1 of 2 gets the second event only
    list(step.run(None, rank=1, world_size=2))
    assert step.stats["events_reused"].total == 1 and step.stats["events_built"].total == 1


def test_assemble_refuses_events_without_a_current_shard(tmp_path: Path) -> None:
    from align.build.distributed import BuildEventShards

    corpus = make_corpus(tmp_path, events=2)
    shard_dir = tmp_path / "shards"
    list(BuildEventShards(corpus, shard_dir).run(None, rank=0, world_size=2))
    with pytest.raises(AlignError, match=r"1 of 2 event\(s\) have no finished shard .*first: event-1"):
        build_from_shards(corpus, tmp_path / "ds", config_with(shard_dir))
    assert not (tmp_path / "ds").exists()
    # Shards made under other settings do not count either.
    list(BuildEventShards(corpus, shard_dir).run(None, rank=1, world_size=2))
    other = config_with(shard_dir)
    other = replace(other, segment=replace(other.segment, extra_abbreviations=("approx",)))
    with pytest.raises(AlignError, match="2 of 2 event"):
        build_from_shards(corpus, tmp_path / "ds", other)
