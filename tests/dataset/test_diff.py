"""align diff: records added, removed and changed between two dataset directories, matched by stable ids."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from align.cli import app
from align.dataset.content import current_schema_version, read_content
from align.dataset.diff import compare, compare_dirs, summary_lines
from tests.small_dataset import seedlike, write_dataset

CHANGED_LETTER = ("Sa lettre a été vue 2 millions de fois.", "His letter was seen 2 million times.")


def align(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "align", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_a_dataset_compared_with_itself_is_empty(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    write_dataset(seedlike().content(), out)
    difference = compare_dirs(out, out)
    assert difference.is_empty()
    report = difference.to_json()
    assert report["empty"] is True
    for name in ("articles", "sentences", "pairs"):
        assert report[name]["added"] == report[name]["removed"] == report[name]["changed"] == []
    assert report["pairs"]["relabelled"] == [] and report["sentences"]["text_en_changed"] == []
    assert summary_lines(difference, read_content(out)) == [
        "no differences: same records, schema and build signature"
    ]


def test_changing_one_article_reports_exactly_its_sentences_and_pairs(tmp_path: Path) -> None:
    old_data, new_data = seedlike(), seedlike(*CHANGED_LETTER)
    old, new = tmp_path / "old", tmp_path / "new"
    write_dataset(old_data.content(), old, "0.1.0")
    write_dataset(new_data.content(), new, "0.2.0")
    journal = next(a["article_id"] for a in new_data.articles if a["source"] == "Journal")
    old_letter = next(s for s in old_data.sentences if s["text"].startswith("Sa lettre"))
    new_letter = next(s for s in new_data.sentences if s["text"].startswith("Sa lettre"))

    difference = compare_dirs(old, new)

    assert difference.articles.added == difference.articles.removed == []
    assert difference.articles.changed == [journal]
    assert difference.sentences.removed == [old_letter["sentence_id"]]
    assert difference.sentences.added == [new_letter["sentence_id"]]
    assert difference.sentences.changed == []  # same length, so no other sentence moved
    old_pair = next(p["pair_id"] for p in old_data.pairs if old_letter["sentence_id"] in p.values())
    new_pair = next(p["pair_id"] for p in new_data.pairs if new_letter["sentence_id"] in p.values())
    assert difference.pairs.removed == [old_pair]
    assert difference.pairs.added == [new_pair]
    assert difference.pairs.changed == [] and difference.relabelled == []
    assert not difference.schema_changed and not difference.signature_changed
    assert (difference.old_release.version, difference.new_release.version) == ("0.1.0", "0.2.0")


def test_an_edit_that_moves_later_sentences_reports_them_as_changed(tmp_path: Path) -> None:
    longer = (
        "Sa lettre a été vue 5 millions de fois selon X.",
        "His letter was seen 5 million times, says X.",
    )
    old, new = seedlike().content(), seedlike(*longer).content()
    difference = compare(old, new)
    last = next(s["sentence_id"] for s in new.sentences if s["text"].startswith("Il veut"))
    assert difference.sentences.changed == [last]  # same text, new offsets
    journal = {a["article_id"] for a in new.articles if a["source"] == "Journal"}
    touched = difference.sentences.added + difference.sentences.removed + difference.sentences.changed
    every_sentence = {s["sentence_id"]: s for s in old.sentences + new.sentences}
    assert {every_sentence[s]["article_id"] for s in touched} == journal
    every_pair = {p["pair_id"]: p for p in old.pairs + new.pairs}
    touched_pairs = difference.pairs.added + difference.pairs.removed + difference.pairs.changed
    assert touched_pairs and all(
        journal & {every_pair[p]["article_id_a"], every_pair[p]["article_id_b"]} for p in touched_pairs
    )


def test_relabelled_pairs_and_changed_translations_are_called_out() -> None:
    old = seedlike().content()
    data = seedlike()
    conflict = next(p for p in data.pairs if p["label"] == "conflict")
    conflict.update(label="agree", evidence=[])
    hindi = next(s for s in data.sentences if s["language"] == "hi")
    hindi["text_en"] = "Sharma quit on Monday."
    new = data.content()

    difference = compare(old, new)

    assert [(r.pair_id, r.old, r.new) for r in difference.relabelled] == [
        (conflict["pair_id"], "conflict", "agree")
    ]
    assert difference.pairs.changed == [conflict["pair_id"]]
    assert difference.sentences_text_en_changed == [hindi["sentence_id"]]
    assert difference.sentences.changed == [hindi["sentence_id"]]
    lines = summary_lines(difference, new)
    assert "pairs: 5 (+0 added, -0 removed, 1 changed, 1 relabelled: 1 conflict->agree)" in lines
    assert "sentences: 8 (+0 added, -0 removed, 1 changed, 1 text_en changed)" in lines


def test_a_dataset_without_pairs_diffs_against_one_with_pairs() -> None:
    empty = seedlike()
    empty.pairs.clear()
    full = seedlike().content()
    difference = compare(empty.content(), full)
    assert sorted(difference.pairs.added) == sorted(p["pair_id"] for p in full.pairs)
    assert difference.articles.is_empty() and difference.sentences.is_empty()
    assert compare(empty.content(), empty.content()).is_empty()


def test_diff_command_line_summary_and_json(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    write_dataset(seedlike().content(), old, "0.1.0")
    write_dataset(seedlike(*CHANGED_LETTER).content(), new, "0.2.0")
    summary = align("diff", str(old), str(new))
    assert summary.returncode == 0, summary.stderr
    assert summary.stdout.splitlines() == [
        f"{old} (0.1.0) -> {new} (0.2.0)",
        "  articles: 3 (+0 added, -0 removed, 1 changed)",
        "  sentences: 8 (+1 added, -1 removed, 0 changed, 0 text_en changed)",
        "  pairs: 5 (+1 added, -1 removed, 0 changed, 0 relabelled)",
        # The letter's claim loses its French member (a new sentence id) and its conflict; the English letter
        # sentence joins the Hindi one, whose claim keeps its id and turns from single to consensus.
        "  claims: 5 (+1 added, -1 removed, 1 changed, 1 merged, 0 split, 1 status changed: 1 single->consensus)",
        "  articles added or changed: Journal (fr)",
        f"  schema: {current_schema_version()} (unchanged)",
    ]
    runner = CliRunner()
    as_json = runner.invoke(app, ["diff", "--json", str(new), str(new)])
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout)["empty"] is True
    changed = json.loads(runner.invoke(app, ["diff", "--json", str(old), str(new)]).stdout)
    assert changed["empty"] is False and len(changed["sentences"]["added"]) == 1
    assert changed["old"]["version"] == "0.1.0" and changed["new"]["version"] == "0.2.0"
    missing = runner.invoke(app, ["diff", str(old), str(tmp_path / "nope")])
    assert missing.exit_code == 2
    assert missing.stderr.strip() == f"error: {tmp_path / 'nope'}: dataset directory does not exist"


def _claim(claim_id: str, members: list[str], status: str = "consensus") -> dict:
    return {"claim_id": claim_id, "sentence_ids": members, "status": status}


def test_claims_merged_split_and_status_changed_are_told_apart_by_their_members() -> None:
    from align.dataset.diff import StatusChange, compare_claims

    old = [_claim("c1", ["s1", "s2"]), _claim("c3", ["s3", "s4"]), _claim("c5", ["s5", "s6", "s7"]),
           _claim("c8", ["s8", "s9"], "consensus")]
    new = [_claim("c1", ["s1", "s2", "s3", "s4"]), _claim("c5", ["s5"]), _claim("c6", ["s6", "s7"]),
           _claim("c8", ["s8", "s9"], "contested")]
    changes = compare_claims(old, new)
    assert changes.merged == {"c1": ["c1", "c3"]}
    assert changes.split == {"c5": ["c5", "c6"]}
    assert changes.status_changed == [StatusChange("c8", "consensus", "contested")]
    assert compare_claims(old, old) == compare_claims([], [])


def test_editing_one_article_keeps_the_other_claims_and_the_changelog_counts_claims(tmp_path: Path) -> None:
    old_data, new_data = seedlike(), seedlike(*CHANGED_LETTER)
    old_content, new_content = old_data.content(), new_data.content()
    difference = compare(old_content, new_content)
    untouched = {c["claim_id"] for c in old_content.claims if not any("lettre" in s or "पत्र" in s for s in [c["text"]])}
    kept = {c["claim_id"] for c in new_content.claims}
    # Only the claims of the edited letter sentence may lose their id; the other three keep theirs.
    assert len(untouched & kept) >= 3
    assert difference.claims.added and difference.claims.removed
    line = next(x for x in summary_lines(difference, new_content) if x.startswith("claims:"))
    assert f"claims: {len(new_content.claims)} (+{len(difference.claims.added)} added" in line
    assert "status changed" in line
    report = difference.to_json()["claims"]
    assert set(report) >= {"added", "removed", "changed", "merged", "split", "status_changed"}
