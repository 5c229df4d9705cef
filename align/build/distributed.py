"""align's per-event work as datatrove pipeline steps, so one build runs under datatrove's Local, Slurm or Ray
executors: each task (rank) builds the events assigned to it and writes their shards to a shared directory; a final
assemble publishes the dataset from the shards. Needs the ``scale`` extra (``pip install "align[scale]"``).

    from datatrove.executor import LocalPipelineExecutor
    from align.build.distributed import BuildEventShards

    LocalPipelineExecutor([BuildEventShards("corpus", "shards")], tasks=4, logging_dir="logs").run()
    # then, once every task finished:  align assemble --corpus corpus --out dataset --shard-dir shards

Events go to ranks round-robin in corpus order (``events[rank::world_size]``), so every task of every executor sees
the same assignment. A rank skips events whose shard is already finished for the current inputs and config, so a
rerun (datatrove reruns the tasks that did not complete) redoes only what is missing. See docs/scaling.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from datatrove.pipeline.base import PipelineStep

from align.build.event import build_signature
from align.build.orchestrate import build_from_shards
from align.build.runner import build_shards
from align.build.shards import ShardStore
from align.config import BuildConfig, load_config
from align.corpus import list_events
from align.dataset.guard import check_output_dir, check_work_dir


def _load(config: BuildConfig | str | Path | None) -> BuildConfig:
    if isinstance(config, BuildConfig):
        return config
    return load_config(Path(config) if config is not None else None)


class BuildEventShards(PipelineStep):
    """Build this rank's share of the corpus's events into ``shard_dir``.

    ``config`` is a BuildConfig or the path of an ``align.toml`` (read on the node that runs the task).
    ``threads``: model threads per task, e.g. the ``cpus_per_task`` given to the executor; default: the cores this
    task may use. Passes any incoming documents through unchanged, so it can sit anywhere in a datatrove pipeline.
    """

    name = "align: build event shards"
    type = "align"

    def __init__(
        self,
        corpus: str | Path,
        shard_dir: str | Path,
        config: BuildConfig | str | Path | None = None,
        threads: int | None = None,
    ) -> None:
        super().__init__()
        self.corpus = Path(corpus)
        self.shard_dir = Path(shard_dir)
        self.config = config
        self.threads = threads

    def run(self, data: Iterable | None = None, rank: int = 0, world_size: int = 1) -> Iterable:  # type: ignore[override]
        config = _load(self.config)
        if self.threads is not None:
            config = config.with_threads(self.threads)
        check_work_dir(self.shard_dir, "shard_dir", self.corpus)
        events = list_events(self.corpus, config.corpus)[rank::world_size]
        with self.track_time(unit="event"):
            run = build_shards(events, config, ShardStore(self.shard_dir), build_signature(config))
        self.stat_update("events_built", value=len(run.built))
        self.stat_update("events_reused", value=len(run.reused))
        if data:
            yield from data


class PublishFromShards(PipelineStep):
    """Publish the dataset from the shards (what ``align assemble`` does), on rank 0 only.

    Run it as a one-task executor that ``depends`` on the executor running ``BuildEventShards``.
    """

    name = "align: publish from shards"
    type = "align"

    def __init__(
        self,
        corpus: str | Path,
        out: str | Path,
        shard_dir: str | Path,
        config: BuildConfig | str | Path | None = None,
        bump: str | None = None,
    ) -> None:
        super().__init__()
        self.corpus = Path(corpus)
        self.out = Path(out)
        self.shard_dir = Path(shard_dir)
        self.config = config
        self.bump = bump
        # Refused where the pipeline is defined, not only on the node that runs it (which checks again).
        check_output_dir(self.out, self.corpus)

    def run(self, data: Iterable | None = None, rank: int = 0, world_size: int = 1) -> Iterable:  # type: ignore[override]
        if rank == 0:
            config = _load(self.config)
            config = config.with_overrides({"run.shard_dir": str(self.shard_dir)})
            report = build_from_shards(self.corpus, self.out, config, bump=self.bump)
            self.stat_update("articles", value=report.counts.get("articles", 0))
            self.stat_update("sentences", value=report.counts.get("sentences", 0))
            self.stat_update("pairs", value=report.counts.get("pairs", 0))
        if data:
            yield from data
