"""Event summaries: what the card and the chart count, kept in each data file's metadata and checked by validate."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from align.dataset.check import check_dataset
from align.dataset.checksums import write_checksums
from align.dataset.content import DatasetContent, data_files, published_summaries, read_content
from align.dataset.summary import SUMMARY_KEY, DatasetStats, is_summary, read_file_summaries
from tests.small_dataset import SmallDataset, evidence, write_dataset


def two_events() -> DatasetContent:
    """Two events, each with an English and a French article; the second has one conflict more."""
    data = SmallDataset()
    for event in ("e1", "e2"):
        en = data.article("wire", "en", ["Sharma resigned on Monday.", "His letter was viewed 2 million times."],
                          event=event, source="Wire")
        french = ["Sharma a quitté son poste lundi.", "Sa lettre a été vue 5 millions de fois."]
        english = dict(zip(french, ["Sharma left on Monday.", "His letter was seen 5 million times."], strict=True))
        fr = data.article("journal", "fr", french, event=event, source="Journal", english=english)
        if event == "e1":
            data.pair(en[0], fr[0], "agree", [], 0.9)
        else:
            data.pair(en[0], fr[0], "conflict", [evidence("date", "Monday", "mardi")], 0.7)
        data.pair(en[1], fr[1], "conflict", [evidence("number", "2 million", "5 millions")], 0.8)
    return data.content()


def test_summaries_add_up_to_the_counts_of_the_whole() -> None:
    content = two_events()
    summaries = content.summaries()
    assert sorted(summaries) == ["e1", "e2"]
    assert all(is_summary(s) for s in summaries.values())
    stats = DatasetStats.of(summaries)
    assert stats.rows == {name: len(content.rows(name)) for name in ("articles", "sentences", "pairs", "claims")}
    assert stats.events == ["e1", "e2"]
    conflicts = sum(1 for p in content.pairs if p["label"] == "conflict")
    assert stats.count("pairs_of_label", "conflict") == conflicts == 3
    assert stats.count("articles_of_source", "Wire", "en") == 2
    assert stats.count("evidence", "number", "conflict") == 2
    assert stats.confidence_sums == {"agree": 0.9, "conflict": 0.8 + 0.7 + 0.8}
    assert stats.labels_per_language_pair() == {"en-fr": {"agree": 1, "conflict": 3}}
    # A summary already known is used as it is: nothing of that event is computed again.
    assert content.summaries({"e1": summaries["e1"]}) == summaries


def test_the_data_files_carry_their_events_summaries(tmp_path: Path) -> None:
    content = two_events()
    write_dataset(content, tmp_path / "d")
    carried = {e: s for path in data_files(tmp_path / "d", "pairs") for e, s in read_file_summaries(path).items()}
    assert carried == content.summaries()
    assert published_summaries(tmp_path / "d") == content.summaries()
    assert check_dataset(tmp_path / "d") == []


def rewrite_summaries(path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    table = pq.read_table(path)
    metadata = dict(table.schema.metadata)
    metadata[SUMMARY_KEY] = edit(metadata[SUMMARY_KEY])
    pq.write_table(table.replace_schema_metadata(metadata), path)


def test_validate_reports_a_summary_that_does_not_match_its_records(tmp_path: Path) -> None:
    out = tmp_path / "d"
    write_dataset(two_events(), out)
    path = data_files(out, "articles")[0]

    def inflate(raw: bytes) -> bytes:
        value = json.loads(raw)
        for summary in value.values():
            summary["rows"]["articles"] += 1
        return json.dumps(value).encode()

    rewrite_summaries(path, inflate)
    write_checksums(out)  # SHA256SUMS made to match: only the summaries against the records can tell
    failures = check_dataset(out)
    assert any("summary of e1 does not match its records" in f for f in failures), failures


def test_a_damaged_summary_is_computed_again_from_its_records(tmp_path: Path) -> None:
    out = tmp_path / "d"
    content = two_events()
    write_dataset(content, out)
    for name in ("articles", "sentences", "pairs", "claims"):
        for path in data_files(out, name):
            rewrite_summaries(path, lambda raw: raw[:-7])  # cut short: no longer JSON
    assert all(read_file_summaries(p) is None for p in data_files(out, "pairs"))
    assert published_summaries(out) == content.summaries()
    assert published_summaries(out) == read_content(out).summaries()
