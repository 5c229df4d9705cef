"""Events as units of work: shards, resume after kill -9, incremental rebuilds, parallel workers, the build lock."""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from align.build.orchestrate import build
from align.build.runner import TEST_DELAY_VARIABLE, EventsFailed, config_for_workers
from align.build.shards import RECORDS, ShardStore, shard_key
from align.config import BuildConfig
from align.dataset.lock import BuildLock
from align.errors import AlignError
from align.records import (
    ArticleRecord,
    DroppedLine,
    EventRecords,
    Evidence,
    PairRecord,
    SentenceRecord,
    Translation,
)
from tests.builds import ARTICLES, align, config_with, finished, make_corpus, report, sums
from tests.conftest import ROOT


def test_shard_rows_round_trip_every_record_field() -> None:
    article = ArticleRecord(
        "a1", "ev", "src", None, "2026-02-10", "hi", None, "पाठ।", "f" * 64, 1,
        dateline_place="Shillong", dateline_date="2026-02-09", dateline_agency="PTI",
        dropped=(DroppedLine("Share this", "rule"),), file="ev/a.txt",
    )
    sentence = SentenceRecord(
        "s1", "a1", "ev", 0, "hi", "पाठ।", 0, 4, "Text.", Translation("memory", "tsv", "1")
    )
    untranslated = SentenceRecord("s2", "a1", "ev", 1, "en", "Text.", 5, 10)
    pair = PairRecord(
        "p1",
        "ev",
        "s1",
        "s2",
        "a1",
        "a2",
        "hi",
        "en",
        "पाठ।",
        "Text.",
        "Text.",
        None,
        0.8712345678901234,
        "conflict",
        0.75,
        (Evidence("number", "2", "3", "2 vs 3"),),
    )
    result = EventRecords([article], [sentence, untranslated], [pair])
    rows = json.loads(json.dumps(result.to_rows()))  # through JSON, as the shard file stores them
    assert EventRecords.from_rows(rows) == result


def test_serial_and_parallel_builds_are_identical(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    serial = build(corpus, tmp_path / "serial", config_with(tmp_path / "s1"))
    parallel = build(corpus, tmp_path / "parallel", config_with(tmp_path / "s2", workers=2))
    assert (serial.events_built, parallel.events_built) == (3, 3)
    assert sums(tmp_path / "serial") == sums(tmp_path / "parallel")
    assert finished(tmp_path / "s2") == {"event-0", "event-1", "event-2"}


def test_workers_share_the_cores_between_their_model_threads() -> None:
    config = BuildConfig().with_overrides({"embed.threads": 8, "translate.argos_threads": 8, "link.threads": 8})
    for workers, cores in ((1, 8), (2, 8), (3, 8), (4, 2), (8, 8)):
        adjusted = config_for_workers(config, workers, cores)
        assert workers * adjusted.embed.threads <= max(cores, workers)
        threads = {adjusted.embed.threads, adjusted.translate.argos_threads, adjusted.link.threads}
        assert threads == {max(1, cores // workers)}


def test_a_build_with_another_cache_dir_reuses_every_shard(tmp_path: Path) -> None:
    """``--cache-dir`` says where model outputs are kept, not what they are: moving it rebuilds no event."""
    corpus = make_corpus(tmp_path, events=2)
    shard_dir = tmp_path / "shards"
    first = config_with(shard_dir).with_overrides({"translate.cache_dir": str(tmp_path / "cache-a")})
    assert build(corpus, tmp_path / "ds", first).events_built == 2
    moved = first.with_overrides({"translate.cache_dir": str(tmp_path / "cache-b"), "link.threads": 1})
    again = build(corpus, tmp_path / "ds", moved)
    assert (again.unchanged, again.events_built, again.events_reused) == (True, 0, 2)


def test_unchanged_events_are_skipped_and_a_change_redoes_only_what_it_affects(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    out, shard_dir = tmp_path / "ds", tmp_path / "shards"
    config = config_with(shard_dir)
    assert build(corpus, out, config).events_built == 3
    again = build(corpus, out, config)
    assert (again.unchanged, again.events_built, again.events_reused) == (True, 0, 3)
    # Running with other worker counts (hence other model threads) or another dataset name reuses every event.
    assert build(corpus, tmp_path / "ds2", config_with(shard_dir, workers=2)).events_built == 0
    renamed = replace(config, dataset=replace(config.dataset, name="other-name"))
    assert build(corpus, out, renamed).events_built == 0

    # One article of one event changes: that event alone is redone, and its new text is published.
    (corpus / "event-1" / "a.txt").write_text(report(1) + "एंथ्रोपिक ने इस्तीफे की पुष्टि की।\n", "utf-8")
    changed = build(corpus, out, config, bump="minor")
    assert (changed.events_built, changed.events_reused) == (1, 2)
    from align.dataset.content import read_content

    assert any("इस्तीफे की पुष्टि" in a["text"] for a in read_content(out).articles)

    # A setting that shapes every event's records redoes every event.
    segment = replace(config, segment=replace(config.segment, extra_abbreviations=("approx",)))
    assert build(corpus, out, segment).events_built == 3


def test_a_damaged_shard_is_rebuilt_not_trusted(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, events=2)
    out, shard_dir = tmp_path / "ds", tmp_path / "shards"
    build(corpus, out, config_with(shard_dir))
    before = sums(out)
    records = shard_dir / "event-0" / RECORDS
    records.write_text(records.read_text().replace("रिपोर्ट संख्या 0", "रिपोर्ट संख्या 9"))
    report = build(corpus, out, config_with(shard_dir))
    assert (report.unchanged, report.events_built) == (True, 1)
    assert sums(out) == before


def test_a_failing_event_is_named_while_the_others_finish_and_the_dataset_stays(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, events=2)
    out, shard_dir = tmp_path / "ds", tmp_path / "shards"
    build(corpus, out, config_with(shard_dir))
    before = sums(out)
    for e in (2, 3, 4):
        (corpus / f"event-{e}").mkdir()
        (corpus / f"event-{e}" / "a.txt").write_text(report(e) + ARTICLES["a.txt"], "utf-8")
    (corpus / "event-3" / "a.txt").write_bytes(b"")  # bad input

    with pytest.raises(
        EventsFailed
    ) as failed:  # in two worker processes: the error crosses a process boundary
        build(corpus, out, config_with(shard_dir, workers=2), bump="minor")
    assert failed.value.exit_code == 2  # what `align build` exits with (the CLI test checks the real process)
    assert failed.value.message.startswith(f"{corpus / 'event-3' / 'a.txt'}: article file is empty")
    assert "1 of 5 events failed" in failed.value.message
    assert list(failed.value.failures) == ["event-3"]
    assert sums(out) == before  # the published dataset was not replaced
    assert finished(shard_dir) == {"event-0", "event-1", "event-2", "event-4"}

    (corpus / "event-3" / "a.txt").write_text(report(3) + ARTICLES["a.txt"], "utf-8")
    fixed = build(corpus, out, config_with(shard_dir), bump="minor")
    assert (fixed.events_built, fixed.events_reused) == (1, 4)  # only the repaired event is built


def test_kill_9_mid_build_then_resume_gives_the_uninterrupted_dataset(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A real SIGKILL between events. ALIGN_TEST_EVENT_DELAY makes the build pause after each shard so the test can
    stop it part-way; the resumed build runs without it."""
    corpus = make_corpus(tmp_path, events=4)
    out, shard_dir = tmp_path / "ds", tmp_path / "shards"
    command = [sys.executable, "-m", "align", "build", "--corpus", str(corpus), "--out", str(out)]
    command += ["--shard-dir", str(shard_dir), "-q"]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, TEST_DELAY_VARIABLE: "2"})
    try:
        deadline = time.monotonic() + 60
        while len(finished(shard_dir)) < 2 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    done = finished(shard_dir)
    assert 2 <= len(done) < 4
    assert not out.exists()  # nothing published by the killed build
    assert (out.parent / f".{out.name}.lock").exists()  # its lock is left behind, held by no one

    with caplog.at_level(logging.WARNING, logger="align"):
        resumed = build(corpus, out, config_with(shard_dir))
    assert f"took over a stale lock of PID {process.pid}" in caplog.text
    assert (resumed.events_built, resumed.events_reused) == (4 - len(done), len(done))
    build(corpus, tmp_path / "straight", config_with(tmp_path / "other-shards"))
    assert sums(out) == sums(tmp_path / "straight")


def test_a_lock_blocks_a_second_build(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, events=1)
    out = tmp_path / "ds"
    with BuildLock(out):  # this test process plays the first build
        blocked = align("build", "--corpus", str(corpus), "--out", str(out), "-q")
    assert blocked.returncode == 2
    assert blocked.stderr.startswith(f"error: {out}: locked by PID {os.getpid()} on {socket.gethostname()}")
    assert not out.exists()
    assert not (out.parent / f".{out.name}.lock").exists()  # released by its holder


def test_lock_file_naming_a_live_process_is_respected_and_a_dead_one_is_not(tmp_path: Path) -> None:
    """Where flock cannot be relied on (e.g. some network file systems), the PID in the lock file decides."""
    out = tmp_path / "ds"
    lock_file = tmp_path / ".ds.lock"
    live = {"pid": os.getppid(), "host": socket.gethostname(), "started": "earlier"}
    lock_file.write_text(json.dumps(live))
    with pytest.raises(AlignError, match=f"locked by PID {os.getppid()}"):
        BuildLock(out).acquire()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    lock_file.write_text(json.dumps({**live, "pid": int(dead.stdout)}))
    with BuildLock(out):
        assert json.loads(lock_file.read_text())["pid"] == os.getpid()
    assert not lock_file.exists()


def test_shard_keys_follow_inputs_and_only_the_settings_that_shape_records(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, events=1)
    event = corpus / "event-0"
    config = BuildConfig()
    key = shard_key(event, config, "sig")
    threads = replace(config, embed=replace(config.embed, threads=1), run=replace(config.run, workers=7))
    assert shard_key(event, threads, "sig") == key
    # Where the cache lives and how many threads a model uses change no record: no runtime setting is in the key.
    runtime = {"translate.cache_dir": str(tmp_path / "elsewhere"), "link.threads": 7, "translate.argos_threads": 5}
    for name, value in runtime.items():
        assert shard_key(event, config.with_overrides({name: value}), "sig") == key, name
    assert shard_key(event, config, "other-signature") != key
    assert shard_key(event, replace(config, link=replace(config.link, k=9)), "sig") != key
    (event / "translations.tsv").write_text("source\tenglish\tnote\n")  # a file no article stage reads yet
    assert shard_key(event, config, "sig") != key
    store = ShardStore(tmp_path / "shards")
    assert store.read("event-0", key) is None and not store.has("event-0", key)


def test_an_unchanged_rebuild_is_decided_from_shards_only_while_the_output_holds_their_release(
    tmp_path: Path,
) -> None:
    corpus = make_corpus(tmp_path, events=2)
    out = tmp_path / "ds"
    first = config_with(tmp_path / "shards-a")
    build(corpus, out, first)
    assert build(corpus, out, first).unchanged  # shortcut: no record loaded
    # Another build (its own shard directory) publishes different records into the same output ...
    article = corpus / "event-0" / "a.txt"
    original = article.read_text()
    article.write_text(original + "एक नया अनुच्छेद।\n")
    build(corpus, out, config_with(tmp_path / "shards-b"), bump="minor")
    article.write_text(original)
    # ... so the first shard set no longer describes the output: the usual check runs and sees the difference.
    with pytest.raises(AlignError, match="rerun with --bump minor"):
        build(corpus, out, first)
    assert build(corpus, out, first, bump="minor").events_built == 0
    assert build(corpus, out, first).unchanged


def test_a_worker_killed_mid_build_fails_the_build_and_keeps_finished_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the OOM killer does to a worker: the build stops with a clear error, and a rerun resumes."""
    import threading

    corpus = make_corpus(tmp_path, events=5)
    out, shard_dir = tmp_path / "ds", tmp_path / "shards"
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            build(corpus, out, config_with(shard_dir, workers=2))
            outcome.append(None)
        except BaseException as error:  # handed to the test thread
            outcome.append(error)

    monkeypatch.setenv(TEST_DELAY_VARIABLE, "0.5")  # spawned workers inherit it: busy until one is killed
    builder = threading.Thread(target=run)
    builder.start()
    deadline = time.monotonic() + 60
    while not finished(shard_dir) and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = [pid for pid in _children(os.getpid()) if b"spawn_main" in _cmdline(pid)]
    assert workers, "no worker process found"
    os.kill(workers[0], signal.SIGKILL)
    builder.join(timeout=60)
    assert isinstance(outcome[0], AlignError)
    assert "a worker process died (killed, or out of memory?)" in outcome[0].message
    assert not out.exists()
    kept = finished(shard_dir)
    assert kept
    resumed = build(corpus, out, config_with(shard_dir))
    assert (resumed.events_built, resumed.events_reused) == (5 - len(kept), len(kept))


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def test_the_worker_death_message_counts_every_kept_shard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Events reused from an earlier build are kept too: the message counts what the store holds, not what this run
    happened to build."""
    import align.build.runner

    corpus = make_corpus(tmp_path, events=2)
    out, shard_dir = tmp_path / "ds", tmp_path / "shards"
    build(corpus, out, config_with(shard_dir))
    for e in (2, 3):  # two more events, which the pool below will build one of and lose the other
        event = corpus / f"event-{e}"
        event.mkdir()
        for name, text in ARTICLES.items():
            (event / name).write_text(report(e) + text, "utf-8")
    config = config_with(shard_dir, workers=2)

    def one_built_one_lost(pending, keys, config, store, processes, record, crashed):  # type: ignore[no-untyped-def]
        state = align.build.runner.WorkerState(config, store)
        record(align.build.runner.build_event_shard(state, pending[0], keys[pending[0].name]))
        return [pending[1].name]

    monkeypatch.setattr(align.build.runner, "_run_in_pool", one_built_one_lost)
    with pytest.raises(AlignError, match=r"3 of 4 event\(s\) are finished and kept in "):
        build(corpus, out, config, bump="minor")


def test_a_build_reads_the_corpus_wide_furniture_evidence_once_not_once_per_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Page furniture is judged against every event's pages; reading them for each event's shard key and again for
    each event's corpus stage made a build quadratic in events (1,000 events: a million page reads)."""
    from align import corpus as corpus_module
    from align.build import event as event_module
    from align.build import orchestrate
    from align.build import runner as runner_module

    reads: list[Path] = []
    original = corpus_module.corpus_repetition

    def counting(corpus_dir, config, rules):  # type: ignore[no-untyped-def]
        reads.append(corpus_dir)
        return original(corpus_dir, config, rules)

    for module in (corpus_module, event_module, runner_module):
        monkeypatch.setattr(module, "corpus_repetition", counting, raising=False)
    corpus = make_corpus(tmp_path, events=4)
    orchestrate.build(corpus, tmp_path / "dataset", config_with(tmp_path / "shards"))
    assert reads == [corpus, corpus]  # once for the shard keys, once for the one process that built the events
