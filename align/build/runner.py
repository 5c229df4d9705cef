"""How the events of a build are run: one event is the unit of work, done once, kept as a shard.

``build_shards`` runs every event whose shard is missing or stale, in this process (``workers = 1``) or in a pool of
spawned worker processes, each holding its own models and a share of the machine's cores. A finished event is written
to the shard store at once (``align.build.shards``), so a build stopped by Ctrl-C or ``kill -9`` resumes without redoing
it, and an unchanged event is not redone at all. An event that fails is reported by name; the others still finish
and keep their shards.

``ALIGN_TEST_EVENT_DELAY`` (seconds, default 0) makes every worker sleep after writing each shard. It exists only so
that the tests can kill a build between two events of a corpus small enough to build in a second; it changes nothing
else and is never set by align itself.
"""

from __future__ import annotations

import logging
import os
import signal
import time
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from align.build.event import StageModels, StageTimer, run_event
from align.build.shards import ShardKey, ShardStore, event_config_sha256, shard_key
from align.config import BuildConfig
from align.corpus import BoilerplateRules, corpus_repetition
from align.dataset.check import validate_content
from align.dataset.content import current_schema_version, event_content
from align.errors import AlignError
from align.records import EventRecords

log = logging.getLogger(__name__)

TEST_DELAY_VARIABLE = "ALIGN_TEST_EVENT_DELAY"


def available_cores() -> int:
    """Cores this process may run on (respects CPU affinity, e.g. a Slurm allocation)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def config_for_workers(config: BuildConfig, workers: int, cores: int | None = None) -> BuildConfig:
    """The config each worker runs with: every model thread count capped so that workers x threads <= cores."""
    return config.capped_threads((cores or available_cores()) // max(1, workers))


class WorkerState:
    """What one process keeps from event to event: its config, the shard store and its models.

    Models are built once per process, lazily (``StageModels``).
    """

    def __init__(self, config: BuildConfig, store: ShardStore) -> None:
        self.config = config
        self.store = store
        self.models = StageModels(config)

    def run_event(self, event_dir: Path, timer: StageTimer) -> EventRecords:
        return run_event(event_dir, self.config, timer, models=self.models)


@dataclass(frozen=True)
class EventOutcome:
    """What a worker reports about one event; the records themselves go to the shard store."""

    event_id: str
    stage_seconds: dict[str, float]
    # Bad input: the AlignError's where, problem and line (an AlignError itself does not survive pickling).
    error: tuple[str | None, str, int | None] | None = None


def build_event_shard(state: WorkerState, event_dir: Path, key: ShardKey) -> EventOutcome:
    """Run one event and store its shard; bad input is returned as the outcome's error, anything else raises."""
    timer = StageTimer()
    try:
        result = state.run_event(event_dir, timer)
    except AlignError as error:
        return EventOutcome(event_dir.name, timer.seconds, (error.where, error.problem, error.line))
    validation = timer.run("validate", lambda: validate_event(result, key.signature))
    timer.run(
        "shards", lambda: state.store.write(event_dir.name, key, result, dict(timer.seconds), validation)
    )
    delay = float(os.environ.get(TEST_DELAY_VARIABLE) or 0)
    if delay:
        time.sleep(delay)
    return EventOutcome(event_dir.name, timer.seconds)


def validate_event(result: EventRecords, signature: str) -> dict[str, Any]:
    """Validate the rows the event will publish, once, where it was built (in parallel with the other events):
    publishing trusts a shard whose marker says its rows passed against the current schema."""
    return event_validation(validate_content(event_content(result, signature)))


def event_validation(failures: list[str]) -> dict[str, Any]:
    """What a shard's marker says about the validation of its rows."""
    return {"schema_version": current_schema_version(), "failures": failures}


def validated_events(event_ids: Sequence[str], run: ShardRun, store: ShardStore) -> frozenset[str]:
    """Events whose shard says its rows passed validation against the current schema."""
    schema = current_schema_version()
    trusted = set()
    for event_id in event_ids:
        found = store.validation(event_id, run.keys[event_id])
        if found is not None and found.get("schema_version") == schema and found.get("failures") == []:
            trusted.add(event_id)
    return frozenset(trusted)


# One per worker process, set by the pool's initializer.
_worker: WorkerState | None = None


def _start_worker(config: BuildConfig, shard_dir: Path, log_level: int) -> None:
    global _worker
    # Ctrl-C reaches every process of the terminal's group: let it end a worker as a kill would. Shards are
    # written atomically, and the parent reports the interruption once, instead of one traceback per worker.
    # A build started with SIGINT ignored (nohup, a background job) passes that on and keeps it.
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    logging.basicConfig(level=log_level, format="%(levelname)s %(name)s: %(message)s")
    _worker = WorkerState(config, ShardStore(shard_dir))


def _build_in_worker(event_dir: Path, key: ShardKey) -> EventOutcome:
    assert _worker is not None, "worker process was not initialised"
    return build_event_shard(_worker, event_dir, key)


class EventsFailed(AlignError):
    """Some events had bad input. The others' shards are kept; the published dataset was not touched.

    Reads as the first event's own error, with the count of failed and kept events after it.
    """

    def __init__(self, failures: dict[str, AlignError], total: int) -> None:
        self.failures = failures
        first = next(iter(failures.values()))
        problem = first.problem
        if total > 1:
            problem += (
                f" ({len(failures)} of {total} events failed, so the dataset was not written; the other "
                f"{total - len(failures)} are built and kept, a rerun will not redo them)"
            )
        super().__init__(first.where, problem, first.line)


@dataclass
class ShardRun:
    """What ``build_shards`` did: the key of every event, which were built and which reused."""

    keys: dict[str, ShardKey]
    built: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def add_seconds(self, seconds: dict[str, float]) -> None:
        for stage, value in seconds.items():
            self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + value


def shard_keys(event_dirs: Sequence[Path], config: BuildConfig, signature: str) -> dict[str, ShardKey]:
    config_sha256 = event_config_sha256(config)
    # What every event's pages say about the others' lines, read once for the build (per event it was quadratic).
    corpora = {e.parent for e in event_dirs}
    rules = BoilerplateRules.from_config(config.corpus)
    repetition = {c: corpus_repetition(c, config.corpus, rules) for c in corpora}
    return {e.name: shard_key(e, config, signature, config_sha256, repetition[e.parent]) for e in event_dirs}


def event_size(event_dir: Path) -> int:
    return sum(p.stat().st_size for p in event_dir.rglob("*") if p.is_file())


def build_shards(
    event_dirs: Sequence[Path],
    config: BuildConfig,
    store: ShardStore,
    signature: str,
    workers: int = 1,
    on_event: Callable[[str], None] | None = None,
) -> ShardRun:
    """Make sure every event has a finished shard for its current inputs and config.

    Events with one are skipped. The rest run here (one worker) or in ``workers`` spawned processes, largest first.
    Raises ``EventsFailed`` after all others finished when some event has bad input; re-raises the first unexpected
    error the same way; raises AlignError when a worker process died.
    """
    run = ShardRun(shard_keys(event_dirs, config, signature))
    pending = []
    for event_dir in event_dirs:
        if store.has(event_dir.name, run.keys[event_dir.name]):
            run.reused.append(event_dir.name)
            if on_event:
                on_event(event_dir.name)
        else:
            pending.append(event_dir)
    if run.reused:
        log.info(
            "%d of %d event(s) unchanged, reused from %s", len(run.reused), len(event_dirs), store.directory
        )
    # Big events first, so the pool ends on short tasks rather than waiting for one long one.
    pending.sort(key=event_size, reverse=True)
    processes = min(workers, len(pending))
    worker_config = config_for_workers(config, max(1, processes))
    failures: dict[str, AlignError] = {}
    crashes: list[tuple[str, BaseException]] = []

    def record(outcome: EventOutcome) -> None:
        run.add_seconds(outcome.stage_seconds)
        if outcome.error is not None:
            failures[outcome.event_id] = AlignError(*outcome.error)
            return
        run.built.append(outcome.event_id)
        if on_event:
            on_event(outcome.event_id)

    def crashed(event_id: str, error: BaseException) -> None:
        log.error("event %s crashed:\n%s", event_id, "".join(traceback.format_exception(error)).rstrip())
        crashes.append((event_id, error))

    lost: list[str] = []
    try:
        if processes <= 1:
            state = WorkerState(worker_config, store)
            for event_dir in pending:
                try:
                    record(build_event_shard(state, event_dir, run.keys[event_dir.name]))
                except Exception as error:  # a bug in a stage: finish the other events first, then raise it
                    crashed(event_dir.name, error)
        else:
            lost = _run_in_pool(pending, run.keys, worker_config, store, processes, record, crashed)
    except KeyboardInterrupt:
        log.warning("interrupted: finished events are kept in %s; rerun to resume", store.directory)
        raise
    if lost:
        # Kept: every event with a finished shard now, whether built by this run, an earlier one or another worker.
        kept = sum(1 for event_dir in event_dirs if store.has(event_dir.name, run.keys[event_dir.name]))
        raise AlignError(
            None,
            f"a worker process died (killed, or out of memory?) while building {len(lost)} event(s), first "
            f"{lost[0]}; {kept} of {len(event_dirs)} event(s) are finished and kept in {store.directory}; rerun to "
            "resume (with fewer --workers if memory ran out)",
        )
    if crashes:
        raise crashes[0][1]
    if failures:
        failures = dict(sorted(failures.items()))  # in corpus order, whatever order the workers finished in
        for event_id, error in list(failures.items())[1:]:  # the first is the raised error's own message
            log.error("event %s failed too: %s", event_id, error.message)
        raise EventsFailed(failures, len(event_dirs))
    return run


def _run_in_pool(
    pending: list[Path],
    keys: dict[str, ShardKey],
    config: BuildConfig,
    store: ShardStore,
    processes: int,
    record: Callable[[EventOutcome], None],
    crashed: Callable[[str, BaseException], None],
) -> list[str]:
    """Run events in spawned processes (no fork: model runtimes hold threads); returns events lost to a dead worker."""
    log.info(
        "building %d event(s) in %d worker processes, %d model thread(s) each",
        len(pending),
        processes,
        config.embed.threads,
    )
    lost: list[str] = []
    pool = ProcessPoolExecutor(
        max_workers=processes,
        mp_context=get_context("spawn"),
        initializer=_start_worker,
        initargs=(config, store.directory, logging.getLogger("align").getEffectiveLevel()),
    )
    try:
        futures: dict[Future[EventOutcome], str] = {
            pool.submit(_build_in_worker, event_dir, keys[event_dir.name]): event_dir.name
            for event_dir in pending
        }
        for future in as_completed(futures):
            try:
                record(future.result())
            except BrokenProcessPool:
                lost.append(futures[future])
            except Exception as error:
                crashed(futures[future], error)
    except KeyboardInterrupt:
        # Ctrl-C in a terminal reaches the workers too; a SIGINT sent to this process alone must not leave them
        # running their events to the end (the pool would wait for them when the interpreter exits).
        workers: dict[int, Any] = getattr(pool, "_processes", None) or {}
        for process in list(workers.values()):
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)  # the workers are gone: returns at once, cleaned up
        raise
    pool.shutdown()
    return sorted(lost)


def load_results(event_dirs: Sequence[Path], run: ShardRun, store: ShardStore) -> list[EventRecords]:
    """Every event's records from its shard, in corpus order; a missing or stale shard is an AlignError."""
    results, missing = [], []
    for event_dir in event_dirs:
        result = store.read(event_dir.name, run.keys[event_dir.name])
        if result is None:
            missing.append(event_dir.name)
        else:
            results.append(result)
    if missing:
        raise AlignError(
            store.directory,
            f"{len(missing)} of {len(event_dirs)} event(s) have no finished shard for the current inputs and "
            f"config (first: {missing[0]}); build them first (align build, or the distributed step)",
        )
    return results
