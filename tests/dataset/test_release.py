"""align release: a new version of the same records, written through the real writer, loadable at every step."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from align.build.orchestrate import build
from align.cli import app
from align.config import BuildConfig
from align.dataset.check import check_dataset
from align.dataset.content import Release, current_schema_version, read_content, read_release
from align.dataset.release import release
from align.errors import AlignError
from tests.small_dataset import seedlike, write_dataset

CONFIG = BuildConfig()


def checksums(directory: Path) -> str:
    return (directory / "SHA256SUMS").read_text()


def align(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "align", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_build_then_release_minor_round_trip(seed_corpus: Path, tmp_path: Path) -> None:
    from datasets import load_dataset

    out = tmp_path / "dataset"
    build(seed_corpus, out, CONFIG)
    before = read_release(out)
    records_before = read_content(out)

    result = release(out, "minor", today=date(2026, 3, 1))

    assert (result.previous.version, result.release.version) == ("0.1.0", "0.2.0")
    after = read_release(out)
    assert after.version == "0.2.0"
    assert after.content_sha256 == before.content_sha256 == records_before.digest()
    assert after.build_signature == before.build_signature
    assert read_content(out) == records_before
    assert check_dataset(out) == []
    for name in ("articles", "sentences", "pairs"):
        # datasets cannot load a split with zero rows ("corresponds to no data"): the seed has no pairs until the
        # link stage fills them, so an empty config is checked through the parquet file instead.
        if records_before.rows(name):
            rows = load_dataset(str(out), name, split="train")
            assert rows.num_rows == len(records_before.rows(name))
    card = (out / "README.md").read_text()
    assert "Version **0.2.0**" in card and "version: 0.2.0" in card
    assert "Version **0.1.0**" not in card
    changelog = (out / "CHANGELOG.md").read_text()
    assert changelog.index("## 0.2.0 — 2026-03-01") < changelog.index("## 0.1.0")
    entry = changelog.split("## 0.1.0")[0]
    assert "Records of 0.1.0 re-published unchanged (no rebuild)." in entry
    assert f"- articles: {len(records_before.articles)} (no change)" in entry
    assert f"`{before.build_signature}`" in entry
    # SHA256SUMS covers the rewritten card, changelog and report, and nothing else was left behind.
    listed = {line.split("  ", 1)[1] for line in checksums(out).splitlines()}
    assert {"README.md", "CHANGELOG.md", "report.html", "labels.svg"} <= listed
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".dataset.")]
    # The released directory still counts as this build: an unchanged rebuild writes nothing.
    assert build(seed_corpus, out, CONFIG).unchanged


def test_release_since_an_older_version_counts_the_changes(tmp_path: Path) -> None:
    from datasets import load_dataset

    old, new = tmp_path / "v0.1.0", tmp_path / "v0.2.0"
    write_dataset(seedlike().content(), old, "0.1.0")
    changed = seedlike(
        "Sa lettre a été vue 2 millions de fois.", "His letter was seen 2 million times."
    ).content()
    write_dataset(changed, new, "0.2.0")

    result = release(new, "patch", since=old, today=date(2026, 3, 2))

    assert result.release.version == "0.2.1" and result.baseline_version == "0.1.0"
    entry = (new / "CHANGELOG.md").read_text().split("## 0.1.0")[0]
    assert "## 0.2.1 — 2026-03-02" in entry
    assert "changes since 0.1.0:" in entry
    assert "- articles: 3 (+0 added, -0 removed, 1 changed)" in entry
    assert "- sentences: 8 (+1 added, -1 removed, 0 changed, 0 text_en changed)" in entry
    assert "- pairs: 5 (+1 added, -1 removed, 0 changed, 0 relabelled)" in entry
    assert "- articles added or changed: Journal (fr)" in entry
    assert f"- schema: {current_schema_version()} (unchanged)" in entry
    assert check_dataset(new) == []
    pairs = load_dataset(str(new), "pairs", split="train")
    assert pairs.num_rows == 5 and pairs.features["label"].names == ["agree", "conflict"]
    with pytest.raises(AlignError, match="holds version 0.2.1, not older than the new version 0.2.0"):
        release(old, "minor", since=new)  # 0.1.0 -> 0.2.0 cannot describe changes since 0.2.1


def test_release_counts_relabelled_pairs_and_new_translations(tmp_path: Path) -> None:
    data = seedlike()
    old = tmp_path / "old"
    write_dataset(data.content(), old, "0.1.0")
    flipped = next(p for p in data.pairs if p["label"] == "conflict")
    flipped.update(label="agree", evidence=[])
    retranslated = next(s for s in data.sentences if s["language"] == "hi")
    retranslated["text_en"] = "Mrinank Sharma quit on Monday."
    new = tmp_path / "new"
    write_dataset(data.content(), new, "0.2.0")

    release(new, "minor", since=old)

    entry = (new / "CHANGELOG.md").read_text().split("## 0.2.0")[0]
    assert "- sentences: 8 (+0 added, -0 removed, 1 changed, 1 text_en changed)" in entry
    assert "- pairs: 5 (+0 added, -0 removed, 1 changed, 1 relabelled: 1 conflict->agree)" in entry


def test_release_refuses_a_dataset_that_does_not_validate(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    write_dataset(seedlike().content(), out)
    (out / "CHANGELOG.md").write_text("edited by hand\n")
    before = checksums(out)
    with pytest.raises(AlignError, match=r"does not validate \(1 failure\(s\); first: SHA256SUMS line"):
        release(out, "patch")
    assert checksums(out) == before and read_release(out).version == "0.1.0"
    with pytest.raises(AlignError, match="dataset directory does not exist"):
        release(tmp_path / "missing", "patch")
    with pytest.raises(AlignError, match="must be patch, minor or major"):
        release(out, "huge")


def test_release_of_a_dataset_with_zero_pairs(tmp_path: Path) -> None:
    data = seedlike()
    data.pairs.clear()
    out = tmp_path / "ds"
    write_dataset(data.content(), out)
    release(out, "major")
    assert read_release(out).version == "1.0.0"
    assert check_dataset(out) == []
    assert "no pairs yet" in (out / "labels.svg").read_text()


def test_card_after_release_has_statistics_limitations_citation_and_rebuild(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    write_dataset(seedlike().content(), out)
    release(out, "minor")
    card = (out / "README.md").read_text()
    for heading in (
        "### Per language",
        "### Per source",
        "### Per label",
        "### Per language pair",
        "### Evidence kinds",
        "## Known limitations",
        "## How to rebuild",
        "## How to cite",
    ):
        assert heading in card, heading
    assert "[`report.html`](report.html)" in card
    assert "![labels per language pair](labels.svg)" in card
    assert "| en-fr | 1 | 2 | 3 |" in card  # agree, conflict, total
    assert "| Journal | fr | 1 | 3 | 3 | 2 |" in card  # articles, sentences, pairs, conflict pairs
    assert "| memory | translations.tsv | 1 | 5 |" in card  # engine, model, version, sentences
    assert "**0 of 5 non-English sentences (0.0%) have no English text**" in card
    assert re.search(r"@misc\{tiny_0_2_0,\n  title = \{tiny\},\n  version = \{0\.2\.0\}", card)
    # The card's own metadata still lets release re-render it: name and citation title survive a second release.
    release(out, "patch")
    assert "@misc{tiny_0_2_1," in (out / "README.md").read_text()


def test_corpus_text_in_the_card_cannot_inject_html_links_or_table_cells(tmp_path: Path) -> None:
    """An outlet name comes from the corpus (manifest or file name): on the Hub the card is rendered as Markdown."""
    from align.dataset.card import render_card
    from align.dataset.summary import DatasetStats
    from tests.small_dataset import CARD, SIGNATURE

    data = seedlike()
    hostile = '<img src=x onerror="alert(1)"> | ![t](http://tracker.example/p.gif)'
    data.articles[0]["source"] = hostile
    content = data.content()
    stats = DatasetStats.of(content.summaries())
    card = render_card(stats, Release("0.1.0", content.digest(), current_schema_version(), SIGNATURE), CARD)
    body = card.split("\n---\n", 1)[1]
    assert "<img" not in body and "![t](" not in body
    row = next(line for line in body.splitlines() if "tracker.example" in line)
    assert row.startswith("| &lt;img src=x onerror=\"alert(1)\"&gt; \\| !\\[t\\](http://tracker.example/p.gif) | en |")
    assert row.count(" | ") == 5  # still six cells


def test_release_command_line(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    write_dataset(seedlike().content(), out)
    released = align("release", "--bump", "minor", str(out))
    assert released.returncode == 0, released.stderr
    assert f"{out}: released version 0.2.0 (was 0.1.0" in released.stdout
    runner = CliRunner()
    missing_bump = runner.invoke(app, ["release", str(out)])
    assert missing_bump.exit_code == 2
    assert (
        missing_bump.stderr.strip() == "error: --bump: is required and must be patch, minor or major, got ''"
    )
    help_text = runner.invoke(app, ["release", "--help"])
    assert help_text.exit_code == 0 and "--since" in help_text.stdout
