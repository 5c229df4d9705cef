"""One changed event costs one event: its shard is rebuilt and validated, only the data files of its group are
written again, and the result is byte for byte the dataset a build from scratch publishes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from align.build.orchestrate import build
from align.dataset import check, layout
from align.dataset.check import check_dataset
from align.dataset.content import read_release
from align.dataset.features import CONFIGS
from tests.builds import config_with, make_corpus, sums

EVENTS = 6


@pytest.fixture
def small_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two events per file on average, so six events make several files per config."""
    monkeypatch.setattr(layout, "EVENTS_PER_FILE", 2)


def validated_events(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The event of every row the schemas check from now on."""
    seen: list[str] = []
    failures_in = check.failures_in

    def spy(schema_name, rows, where):  # type: ignore[no-untyped-def]
        seen.extend(row["event_id"] for row in rows)
        return failures_in(schema_name, rows, where)

    monkeypatch.setattr(check, "failures_in", spy)
    return seen


def data_lines(dataset: Path) -> dict[str, str]:
    """SHA256SUMS of the data files: path -> digest."""
    lines = (line.split("  ", 1) for line in sums(dataset).splitlines())
    return {name: digest for digest, name in lines if name.startswith("data/")}


def edit_one_article(corpus: Path, event: str) -> None:
    article = corpus / event / "a.txt"
    article.write_text(article.read_text("utf-8") + "एक और वाक्य जोड़ा गया।\n", "utf-8")


def test_one_changed_event_rewrites_only_its_files_and_equals_a_build_from_scratch(
    tmp_path: Path, small_groups: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(tmp_path, events=EVENTS)
    groups = layout.event_groups(p.name for p in corpus.iterdir())
    assert len(groups) >= 2, "the test needs several files per config"
    out, shards = tmp_path / "dataset", tmp_path / "shards"
    build(corpus, out, config_with(shards))
    before = data_lines(out)
    kept = out / groups[0].path("sentences")
    inode = kept.stat().st_ino
    published = tmp_path / "published"
    shutil.copytree(out, published)

    changed = groups[1].events[0]
    edit_one_article(corpus, changed)
    validated = validated_events(monkeypatch)
    report = build(corpus, out, config_with(shards), bump="minor")

    assert (report.events_built, report.events_reused) == (1, EVENTS - 1)
    # Validated once: the changed event's rows when its shard was written; publishing checked no other event.
    assert set(validated) == {changed}
    after = data_lines(out)
    rewritten = {name for name in after if before.get(name) != after[name]}
    assert rewritten == {groups[1].path(name) for name in CONFIGS}
    assert set(after) == set(before)
    assert kept.stat().st_ino == inode  # linked from the previous version, not written again

    # From scratch: the same previous version, every event rebuilt (a fresh shard directory), nothing reused.
    scratch = tmp_path / "scratch"
    shutil.copytree(published, scratch)
    build(corpus, scratch, config_with(tmp_path / "fresh-shards"), bump="minor")
    assert sums(scratch) == sums(out)
    assert read_release(scratch) == read_release(out)
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        assert path.read_bytes() == (scratch / path.relative_to(out)).read_bytes(), path
    assert check_dataset(out) == []


def test_a_damaged_unchanged_file_is_written_again(tmp_path: Path, small_groups: None) -> None:
    corpus = make_corpus(tmp_path, events=EVENTS)
    groups = layout.event_groups(p.name for p in corpus.iterdir())
    out, shards = tmp_path / "dataset", tmp_path / "shards"
    build(corpus, out, config_with(shards))
    damaged = out / groups[0].path("articles")
    good = damaged.read_bytes()
    damaged.write_bytes(good[:-8] + b"garbage!")
    edit_one_article(corpus, groups[1].events[0])
    build(corpus, out, config_with(shards), bump="minor")
    assert (out / groups[0].path("articles")).read_bytes() == good
    assert check_dataset(out) == []


def test_shards_written_before_validation_was_recorded_are_validated_once_at_publish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from align.build.shards import MARKER

    corpus = make_corpus(tmp_path, events=2)
    out, shards = tmp_path / "dataset", tmp_path / "shards"
    build(corpus, out, config_with(shards))
    for marker in shards.glob(f"*/{MARKER}"):  # as an older align wrote them
        data = json.loads(marker.read_text("utf-8"))
        del data["validation"]
        marker.write_text(json.dumps(data), "utf-8")
    validated = validated_events(monkeypatch)
    build(corpus, out, config_with(shards), bump="patch")
    assert sorted(set(validated)) == ["event-0", "event-1"]  # publishing checked them ...
    assert all(json.loads(m.read_text("utf-8"))["validation"]["failures"] == [] for m in shards.glob(f"*/{MARKER}"))
    validated.clear()
    build(corpus, out, config_with(shards), bump="patch")
    assert validated == []  # ... once


def summarised_events(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The event of every summary computed from rows from now on."""
    from align.dataset import content

    seen: list[str] = []
    summarise_event = content.summarise_event

    def spy(sorted_rows):  # type: ignore[no-untyped-def]
        seen.extend({row["event_id"] for rows in sorted_rows.values() for row in rows})
        return summarise_event(sorted_rows)

    monkeypatch.setattr(content, "summarise_event", spy)
    return seen


RELEASE_FILES = ("README.md", "report.html", "labels.svg", "CHANGELOG.md")


def test_a_one_event_rebuild_counts_the_card_from_that_event_and_the_others_summaries(
    tmp_path: Path, small_groups: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(tmp_path, events=EVENTS)
    groups = layout.event_groups(p.name for p in corpus.iterdir())
    out, shards = tmp_path / "dataset", tmp_path / "shards"
    build(corpus, out, config_with(shards))
    published = tmp_path / "published"
    shutil.copytree(out, published)
    changed = groups[1].events[0]
    edit_one_article(corpus, changed)

    summarised = summarised_events(monkeypatch)
    build(corpus, out, config_with(shards), bump="minor")
    # The changed event alone: the others' summaries come from the files published with the same shard records,
    # also those of the changed event's group, whose file is written again.
    assert set(summarised) == {changed}

    scratch = tmp_path / "scratch"
    shutil.copytree(published, scratch)
    summarised.clear()
    build(corpus, scratch, config_with(tmp_path / "fresh-shards"), bump="minor")
    assert set(summarised) == {p.name for p in corpus.iterdir()}
    assert sums(scratch) == sums(out)


@pytest.mark.parametrize(
    "carried",
    [None, b"{not json", b'{"event-0": {"version": 99}}', b"[]"],
    ids=["missing", "not-json", "other-version", "not-a-mapping"],
)
def test_missing_or_damaged_summaries_are_computed_again_from_their_rows(
    tmp_path: Path, small_groups: None, monkeypatch: pytest.MonkeyPatch, carried: bytes | None
) -> None:
    """Files written without summaries (an older align) or with damaged ones: a one-event rebuild keeps them and
    still publishes the card, chart, report and CHANGELOG a build from scratch publishes."""
    from align.dataset import content, summary
    from align.dataset.diff import diff_dirs

    corpus = make_corpus(tmp_path, events=EVENTS)
    groups = layout.event_groups(p.name for p in corpus.iterdir())
    out, shards = tmp_path / "dataset", tmp_path / "shards"
    with monkeypatch.context() as patch:
        patch.setattr(content, "group_metadata", lambda s: {} if carried is None else {summary.SUMMARY_KEY: carried})
        build(corpus, out, config_with(shards))
    published = tmp_path / "published"
    shutil.copytree(out, published)
    edit_one_article(corpus, groups[1].events[0])
    build(corpus, out, config_with(shards), bump="minor")
    kept = out / groups[0].path("pairs")
    assert summary.read_file_summaries(kept) is None  # kept as it was: its summaries came from its rows
    assert summary.read_file_summaries(out / groups[1].path("pairs")) is not None

    scratch = tmp_path / "scratch"
    shutil.copytree(published, scratch)
    build(corpus, scratch, config_with(tmp_path / "fresh-shards"), bump="minor")
    for name in RELEASE_FILES:
        assert (out / name).read_bytes() == (scratch / name).read_bytes(), name
    assert check_dataset(out) == []
    assert diff_dirs(scratch, out)[0].same_records


def test_align_diff_of_two_versions_that_differ_in_one_event_reads_that_events_records(
    tmp_path: Path, small_groups: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from align.dataset import content
    from align.dataset.diff import compare, diff_dirs, summary_lines

    corpus = make_corpus(tmp_path, events=EVENTS)
    groups = layout.event_groups(p.name for p in corpus.iterdir())
    out, shards = tmp_path / "dataset", tmp_path / "shards"
    build(corpus, out, config_with(shards))
    old = tmp_path / "old"
    shutil.copytree(out, old)
    changed = groups[1].events[0]
    edit_one_article(corpus, changed)
    build(corpus, out, config_with(shards), bump="minor")
    whole = compare(content.read_content(old), content.read_content(out), read_release(old), read_release(out))

    read: list[str] = []
    read_rows = content.read_rows

    def spy(path, config_name, events=None):  # type: ignore[no-untyped-def]
        rows = read_rows(path, config_name, events)
        read.extend(row["event_id"] for row in rows)
        return rows

    monkeypatch.setattr(content, "read_rows", spy)
    difference, counted = diff_dirs(old, out)
    assert read and set(read) == {changed}
    assert difference == whole
    assert not difference.same_records
    assert summary_lines(difference, counted) == summary_lines(whole, content.read_content(out))


def touched_rows(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The event of every row hashed (the content hash), summarised (the card) or turned into report data from now
    on, by what touched it."""
    from align.dataset import content, report, summary

    seen: dict[str, list[str]] = {"hashed": [], "summarised": [], "reported": []}
    rows_sha256, summarise_event, event_fragment = content.rows_sha256, content.summarise_event, report.event_fragment

    def hashing(rows):  # type: ignore[no-untyped-def]
        rows = list(rows)
        seen["hashed"].extend(row["event_id"] for row in rows)
        return rows_sha256(rows)

    def summarising(sorted_rows):  # type: ignore[no-untyped-def]
        seen["summarised"].extend(row["event_id"] for rows in sorted_rows.values() for row in rows)
        return summarise_event(sorted_rows)

    def reporting(part):  # type: ignore[no-untyped-def]
        seen["reported"].extend(row["event_id"] for name in CONFIGS for row in part.rows(name))
        return event_fragment(part)

    monkeypatch.setattr(content, "rows_sha256", hashing)
    monkeypatch.setattr(summary, "rows_sha256", hashing)  # the digests of a summary
    monkeypatch.setattr(content, "summarise_event", summarising)
    monkeypatch.setattr(report, "event_fragment", reporting)
    return seen


def test_incremental_rebuilds_touch_only_the_changed_events_rows_and_equal_builds_from_scratch(
    tmp_path: Path, small_groups: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One article changed, one event added, one event removed: each rebuild hashes, summarises and renders the
    rows of the event it changed alone, and publishes every file (data, card, report, SHA256SUMS) byte for byte as
    a build from scratch of the same corpus over the same previous version."""
    from tests.builds import ARTICLES
    from tests.builds import report as event_text

    corpus = make_corpus(tmp_path, events=EVENTS)
    groups = layout.event_groups(p.name for p in corpus.iterdir())
    out, shards = tmp_path / "dataset", tmp_path / "shards"
    build(corpus, out, config_with(shards))
    touched = touched_rows(monkeypatch)

    def add_event(name: str) -> None:
        (corpus / name).mkdir()
        for file, text in ARTICLES.items():
            (corpus / name / file).write_text(event_text(7) + text, "utf-8")
        shutil.copyfile(corpus / "event-0" / "manifest.jsonl", corpus / name / "manifest.jsonl")

    steps = [
        ("one article changed", groups[1].events[0], lambda: edit_one_article(corpus, groups[1].events[0])),
        ("one event added", "event-new", lambda: add_event("event-new")),
        ("one event removed", groups[0].events[-1], lambda: shutil.rmtree(corpus / groups[0].events[-1])),
    ]
    for step, (what, event, change) in enumerate(steps):
        published = tmp_path / f"published-{step}"
        shutil.copytree(out, published)
        change()
        for seen in touched.values():
            seen.clear()
        build(corpus, out, config_with(shards), bump="minor")
        expected = set() if what == "one event removed" else {event}
        for kind, events in touched.items():
            assert set(events) == expected, (what, kind)
        assert check_dataset(out) == [], what

        scratch = tmp_path / f"scratch-{step}"
        shutil.copytree(published, scratch)
        build(corpus, scratch, config_with(tmp_path / f"fresh-shards-{step}"), bump="minor")
        files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
        assert files == sorted(p.relative_to(scratch) for p in scratch.rglob("*") if p.is_file()), what
        for path in files:
            assert (out / path).read_bytes() == (scratch / path).read_bytes(), (what, path)
