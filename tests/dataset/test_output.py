"""Where align may write and how it replaces a dataset (align/dataset/guard.py, align/dataset/swap.py): the output guard of every writer, the
crash-safe swap, and the recovery of a swap that a kill interrupted (issue 12, items 1 and 2)."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from align.build.orchestrate import build
from align.cli import app
from align.dataset.check import check_dataset
from align.dataset.content import read_release
from align.dataset.guard import REPORT_MARKER, check_output_dir
from align.dataset.swap import (
    SWAP_DELAY_VARIABLE,
    SWAP_FALLBACK_VARIABLE,
    current_umask,
    exchange_paths,
    swap_leftovers,
)
from align.errors import AlignError
from tests.builds import ARTICLES, config_with, make_corpus, report
from tests.conftest import ROOT
from tests.refusals import leftovers, refused, runner, snapshot
from tests.small_dataset import seedlike, write_dataset

# --- item 1: the output guard ------------------------------------------------------------------------------------


def test_build_refuses_a_directory_that_is_not_an_align_dataset(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, events=1)
    foreign = tmp_path / "thesis"
    foreign.mkdir()
    (foreign / "chapter1.tex").write_text("years of work")
    (foreign / "README.md").write_text("# my thesis\n")
    before = snapshot(foreign)
    refused(
        ["build", "--corpus", str(corpus), "--out", str(foreign), "-q"],
        f"{foreign}: exists and is not an align dataset",
    )
    assert snapshot(foreign) == before
    assert leftovers(tmp_path) == [] and not (tmp_path / ".thesis.lock").exists()


def test_build_refuses_a_file_the_corpus_and_anything_inside_or_around_it(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, events=1)
    event = corpus / "event-0"
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me")
    corpus_before = snapshot(corpus)
    cases = [
        (notes, "is a file, not a dataset directory"),
        (corpus, "is the corpus directory"),
        (event, "lies inside the corpus"),
        # the failure the issue saw: a dataset inside the corpus is read back as articles by the next build
        (event / "dataset", "lies inside the corpus"),
        (tmp_path, "contains the corpus"),
    ]
    for out, reason in cases:
        refused(["build", "--corpus", str(corpus), "--out", str(out), "-q"], f"{out}: {reason}")
    assert notes.read_text() == "keep me"
    assert snapshot(corpus) == corpus_before
    assert leftovers(tmp_path) == [] and leftovers(corpus) == [] and leftovers(event) == []


def test_build_refuses_the_working_directory_and_a_filesystem_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(tmp_path / "project", events=1)
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))  # a stand-in: the real home is never offered to a build
    monkeypatch.chdir(tmp_path / "project")
    refused(["build", "--corpus", "corpus", "--out", ".", "-q"], "is the working directory")
    refused(["build", "--corpus", "corpus", "--out", "..", "-q"], "contains the working directory")
    refused(["build", "--corpus", str(corpus), "--out", str(home), "-q"], "is the home directory")
    refused(["build", "--corpus", str(corpus), "--out", "/", "-q"], "/: is a filesystem root")
    assert leftovers(tmp_path) == [] and leftovers(tmp_path / "project") == []
    assert sorted(p.name for p in (tmp_path / "project").iterdir()) == ["corpus"]
    assert sorted(p.name for p in home.iterdir()) == [".config"]


def test_build_refuses_an_output_inside_a_dataset_and_a_symbolic_link(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, events=1)
    dataset = tmp_path / "ds"
    write_dataset(seedlike().content(), dataset)
    before = snapshot(dataset)
    refused(
        ["build", "--corpus", str(corpus), "--out", str(dataset / "data"), "-q"],
        "lies inside the align dataset",
    )
    link = tmp_path / "link"
    link.symlink_to(dataset)
    refused(["build", "--corpus", str(corpus), "--out", str(link), "-q"], "is a symbolic link")
    assert snapshot(dataset) == before


def test_assemble_and_the_datatrove_publish_step_follow_the_same_rule(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, events=1)
    refused(
        ["assemble", "--corpus", str(corpus), "--out", str(corpus), "--shard-dir", str(tmp_path / "s")],
        "is the corpus directory",
    )
    pytest.importorskip("datatrove", reason="the scale extra (datatrove) is not installed")
    from align.build.distributed import PublishFromShards

    with pytest.raises(AlignError, match="lies inside the corpus"):
        PublishFromShards(corpus, corpus / "event-0" / "ds", tmp_path / "shards")


def test_release_refuses_a_foreign_directory_and_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "a.jpg").write_bytes(b"\xff\xd8")
    refused(["release", str(foreign), "--bump", "patch"], "exists and is not an align dataset")
    assert snapshot(foreign) == {".": None, "a.jpg": b"\xff\xd8"}
    dataset = tmp_path / "ds"
    write_dataset(seedlike().content(), dataset)
    before = snapshot(dataset)
    monkeypatch.chdir(dataset)
    refused(["release", ".", "--bump", "patch"], "is the working directory")
    assert snapshot(dataset) == before


def test_report_refuses_a_directory_a_foreign_file_and_any_dataset_directory(tmp_path: Path) -> None:
    dataset, other = tmp_path / "ds", tmp_path / "other"
    write_dataset(seedlike().content(), dataset)
    write_dataset(seedlike().content(), other)
    letter = tmp_path / "letter.html"
    letter.write_text("<!doctype html><p>my own page</p>")
    refused(["report", str(dataset), "-o", str(letter)], "exists and is not a report written by align")
    assert letter.read_text() == "<!doctype html><p>my own page</p>"
    folder = tmp_path / "folder"
    folder.mkdir()
    refused(["report", str(dataset), "-o", str(folder)], "is a directory")
    other_before = snapshot(other)
    refused(
        ["report", str(dataset), "-o", str(other / "data" / "r.html")],
        f"inside the dataset directory {other}",
    )
    assert snapshot(other) == other_before
    # A report align wrote may be replaced: rerunning the command is the normal case.
    page = tmp_path / "report.html"
    for _ in range(2):
        assert runner.invoke(app, ["report", str(dataset), "-o", str(page)]).exit_code == 0
    assert REPORT_MARKER in page.read_text()[:4096]


def test_an_empty_directory_and_an_align_dataset_are_accepted(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, events=1)
    empty = tmp_path / "empty"
    empty.mkdir()
    check_output_dir(empty, corpus)
    check_output_dir(tmp_path / "new" / "dataset", corpus)
    write_dataset(seedlike().content(), tmp_path / "ds")
    check_output_dir(tmp_path / "ds", corpus)


# --- item 2: the swap and its recovery -----------------------------------------------------------------------------


@pytest.fixture
def two_versions(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A corpus, its dataset at 0.1.0 and the shard directory; the corpus is then changed, so that the next build
    (with --bump minor) writes 0.2.0."""
    corpus = make_corpus(tmp_path, events=1)
    out, shards = tmp_path / "ds", tmp_path / "shards"
    build(corpus, out, config_with(shards))
    (corpus / "event-0" / "a.txt").write_text(report(7) + ARTICLES["a.txt"], "utf-8")
    return corpus, out, shards


def _interrupted_between_renames(out: Path) -> Path:
    """The state a kill between the two renames of the fallback swap leaves: the published copy parked in
    ``.<name>.old-*``, a fully written staging copy beside it, and no ``out`` at all."""
    retired = out.parent / f".{out.name}.old-k1ll3d00"
    retired.mkdir()
    os.rename(out, retired / out.name)
    staging = out.parent / f".{out.name}.tmp-k1ll3d00"
    shutil.copytree(retired / out.name, staging)
    return retired / out.name


def test_a_rebuild_after_a_kill_between_the_renames_keeps_the_version_history(
    two_versions: tuple[Path, Path, Path],
) -> None:
    corpus, out, shards = two_versions
    _interrupted_between_renames(out)
    refused(
        ["validate", str(out)], "a build killed mid-swap left it in", "the next align build or align release"
    )
    report_ = build(corpus, out, config_with(shards), bump="minor")
    assert report_.version == "0.2.0"  # not a new history starting at 0.1.0
    changelog = (out / "CHANGELOG.md").read_text()
    assert "## 0.2.0" in changelog and "## 0.1.0" in changelog
    assert check_dataset(out) == []
    assert leftovers(out.parent) == []


def test_a_missing_output_with_a_damaged_parked_copy_is_refused_not_restarted(
    two_versions: tuple[Path, Path, Path],
) -> None:
    corpus, out, shards = two_versions
    parked = _interrupted_between_renames(out)
    (parked / "CHANGELOG.md").write_text("half deleted")
    before = snapshot(out.parent / parked.parent.name)
    refused(
        [
            "build",
            "--corpus",
            str(corpus),
            "--out",
            str(out),
            "--shard-dir",
            str(shards),
            "--bump",
            "minor",
            "-q",
        ],
        f"{out}: is missing, and the previous version an interrupted build left in",
    )
    assert not out.exists()
    # the only copy is kept for the user to inspect
    assert snapshot(out.parent / parked.parent.name) == before


def test_stale_leftovers_are_removed_and_nothing_else(two_versions: tuple[Path, Path, Path]) -> None:
    corpus, out, shards = two_versions
    (corpus / "event-0" / "a.txt").write_text(report(0) + ARTICLES["a.txt"], "utf-8")  # back to 0.1.0's input
    staging = out.parent / f".{out.name}.tmp-abcd1234"
    (staging / "data").mkdir(parents=True)  # a staging directory a kill left half written
    retired = out.parent / f".{out.name}.old-abcd1234" / out.name
    retired.mkdir(parents=True)  # a previous version whose removal a kill stopped
    (retired / "README.md").write_text("partial")
    lookalike = out.parent / f".{out.name}.tmp-not-ours"
    lookalike.mkdir()
    before = snapshot(out)
    assert build(corpus, out, config_with(shards)).unchanged
    assert snapshot(out) == before
    assert leftovers(out.parent) == [lookalike.name]


def test_ctrl_c_between_the_renames_completes_the_swap_and_deletes_no_copy(
    two_versions: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGINT arrives right after the published copy was renamed away (the two-rename swap). It is held back until
    the new copy is in place, then raised: the dataset is the new version, whole."""
    corpus, out, shards = two_versions
    monkeypatch.setenv(SWAP_FALLBACK_VARIABLE, "1")
    real_rename, real_replace = os.rename, os.replace

    def interrupting(rename):  # type: ignore[no-untyped-def]
        def move(source, target, *args, **kwargs):  # type: ignore[no-untyped-def]
            rename(source, target, *args, **kwargs)
            if Path(source) == out:
                os.kill(os.getpid(), signal.SIGINT)

        return move

    monkeypatch.setattr(os, "rename", interrupting(real_rename))
    monkeypatch.setattr(os, "replace", interrupting(real_replace))
    with pytest.raises(KeyboardInterrupt):
        build(corpus, out, config_with(shards), bump="minor")
    monkeypatch.undo()
    assert read_release(out).version == "0.2.0"
    assert check_dataset(out) == []


def test_the_exchange_swaps_two_directories_in_one_step(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "name").write_text("first")
    (second / "name").write_text("second")
    if not exchange_paths(first, second):
        pytest.skip(
            "renameat2(RENAME_EXCHANGE) is not available on this system; the fallback is tested instead"
        )
    assert (first / "name").read_text() == "second" and (second / "name").read_text() == "first"


def _start_build_and_wait(
    corpus: Path, out: Path, shards: Path, ready: Callable[[], bool], env: dict[str, str]
) -> subprocess.Popen[bytes]:
    """A real ``align build --bump minor`` in its own process, paused inside the swap; returns once ``ready()``."""
    command = [sys.executable, "-m", "align", "build", "--corpus", str(corpus), "--out", str(out)]
    command += ["--shard-dir", str(shards), "--bump", "minor", "-q"]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, SWAP_DELAY_VARIABLE: "60", **env})
    deadline = time.monotonic() + 90
    while not ready() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert ready(), "the build never reached the swap"
    return process


def _kill(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def test_sigkill_between_the_two_renames_then_rebuild_continues_the_history(
    two_versions: tuple[Path, Path, Path],
) -> None:
    """The worst instant of the two-rename swap, for real: ``out`` renamed away, the new copy not yet in place."""
    corpus, out, shards = two_versions

    def parked() -> bool:
        return not out.exists() and any(
            (d / out.name).is_dir() for d in out.parent.glob(f".{out.name}.old-*")
        )

    process = _start_build_and_wait(corpus, out, shards, parked, {SWAP_FALLBACK_VARIABLE: "1"})
    _kill(process)
    assert not out.exists() and parked()
    resumed = build(corpus, out, config_with(shards), bump="minor")
    assert resumed.version == "0.2.0" and resumed.events_built == 0
    assert "## 0.1.0" in (out / "CHANGELOG.md").read_text()
    assert check_dataset(out) == [] and leftovers(out.parent) == []


def test_sigkill_after_the_exchange_leaves_the_new_version_whole(
    two_versions: tuple[Path, Path, Path],
) -> None:
    corpus, out, shards = two_versions
    if not _exchange_works(out.parent):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not available on this system")

    def exchanged() -> bool:
        return (out / "README.md").is_file() and "version: 0.2.0" in (out / "README.md").read_text()

    process = _start_build_and_wait(corpus, out, shards, exchanged, {})
    _kill(process)
    assert read_release(out).version == "0.2.0" and check_dataset(out) == []
    assert swap_leftovers(out)  # the previous version, not yet removed when the kill came
    assert build(corpus, out, config_with(shards)).unchanged
    assert leftovers(out.parent) == []


def _exchange_works(directory: Path) -> bool:
    first, second = directory / ".probe-a", directory / ".probe-b"
    first.mkdir()
    second.mkdir()
    try:
        return exchange_paths(first, second)
    finally:
        first.rmdir()
        second.rmdir()


def test_release_recovers_an_interrupted_swap_first(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    write_dataset(seedlike().content(), out, "0.4.0")
    _interrupted_between_renames(out)
    result = runner.invoke(app, ["release", str(out), "--bump", "patch"])
    assert result.exit_code == 0, result.stderr
    assert read_release(out).version == "0.4.1"
    assert leftovers(tmp_path) == []


# --- item 7: permissions follow the umask --------------------------------------------------------------------------


def test_dataset_directory_and_report_get_ordinary_permissions(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    write_dataset(seedlike().content(), out)
    umask = current_umask()
    assert stat.S_IMODE(out.stat().st_mode) == 0o777 & ~umask  # mkdtemp alone gives 0700
    page = tmp_path / "r.html"
    assert runner.invoke(app, ["report", str(out), "-o", str(page)]).exit_code == 0
    assert stat.S_IMODE(page.stat().st_mode) == 0o666 & ~umask  # mkstemp alone gives 0600
