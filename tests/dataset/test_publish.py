from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from align.build.orchestrate import build
from align.config import BuildConfig
from align.dataset.check import check_dataset
from align.dataset.content import data_files, read_release
from align.errors import AlignError

CONFIG = BuildConfig()


def checksums(directory: Path) -> str:
    return (directory / "SHA256SUMS").read_text()


@pytest.fixture
def built(seed_corpus: Path, tmp_path: Path) -> Path:
    out = tmp_path / "dataset"
    build(seed_corpus, out, CONFIG)
    return out


def test_build_writes_a_valid_loadable_dataset(built: Path) -> None:
    from datasets import load_dataset

    assert check_dataset(built) == []
    articles = load_dataset(str(built), "articles", split="train")
    sentences = load_dataset(str(built), "sentences", split="train")
    assert articles.num_rows == 5
    assert sentences.num_rows == sum(articles["n_sentences"])
    texts = {a["article_id"]: a["text"] for a in articles}
    for s in sentences:
        assert texts[s["article_id"]][s["char_start"] : s["char_end"]] == s["text"]
    card = (built / "README.md").read_text()
    for key in (
        "pretty_name:",
        "license:",
        "language:",
        "task_categories:",
        "size_categories:",
        "annotations_creators:",
        "language_creators:",
        "source_datasets:",
        "configs:",
        "dataset_info:",
        "class_label:",
        "build_signature:",
    ):
        assert key in card
    assert read_release(built).version == CONFIG.dataset.initial_version
    assert "## 0.1.0" in (built / "CHANGELOG.md").read_text()


def test_the_seed_build_publishes_claims_that_load_and_cover_every_sentence(built: Path) -> None:
    from datasets import load_dataset

    claims = load_dataset(str(built), "claims", split="train")
    sentences = load_dataset(str(built), "sentences", split="train")
    pairs = load_dataset(str(built), "pairs", split="train")
    members = [s for c in claims for s in c["sentence_ids"]]
    assert sorted(members) == sorted(sentences["sentence_id"])  # every sentence in exactly one claim
    assert {c["status"] for c in claims} <= {"contested", "consensus", "single"}
    linked = [c for c in claims if c["pair_ids"]]
    assert linked and sum(len(c["pair_ids"]) for c in linked) <= pairs.num_rows
    assert all(c["n_sources"] == len(c["sources"]) >= 1 for c in claims)


def test_rebuild_of_unchanged_input_changes_nothing(seed_corpus: Path, built: Path) -> None:
    before = checksums(built)
    report = build(seed_corpus, built, CONFIG)
    assert report.unchanged
    assert checksums(built) == before
    # Even a fresh build elsewhere reproduces the same bytes and ids.
    other = built.parent / "again"
    build(seed_corpus, other, CONFIG)
    assert checksums(other) == before


def test_changed_content_needs_a_version_bump(seed_corpus: Path, built: Path) -> None:
    event = next(seed_corpus.iterdir())
    (event / "005_extra.txt").write_text(
        "A new outlet reports that Mrinank Sharma resigned from Anthropic.", "utf-8"
    )
    before = checksums(built)
    with pytest.raises(AlignError, match="rerun with --bump minor"):
        build(seed_corpus, built, CONFIG)
    with pytest.raises(AlignError, match="needs at least --bump minor"):
        build(seed_corpus, built, CONFIG, bump="patch")
    assert checksums(built) == before
    report = build(seed_corpus, built, CONFIG, bump="minor")
    assert report.version == "0.2.0"
    changelog = (built / "CHANGELOG.md").read_text()
    assert changelog.index("## 0.2.0") < changelog.index("## 0.1.0")
    assert "- articles: 6 (+1 added, -0 removed, 0 changed)" in changelog
    assert check_dataset(built) == []


def test_failed_build_leaves_the_published_dataset_untouched(seed_corpus: Path, built: Path) -> None:
    before = checksums(built)
    event = next(seed_corpus.iterdir())
    (event / "bad.txt").write_bytes(b"\xff\xfe broken")
    with pytest.raises(AlignError, match="bad.txt: is not UTF-8"):
        build(seed_corpus, built, CONFIG, bump="minor")
    assert checksums(built) == before
    assert check_dataset(built) == []
    assert not [p for p in built.parent.iterdir() if p.name.startswith(".dataset.")]


def test_validate_finds_tampering(built: Path, tmp_path: Path) -> None:
    tampered = tmp_path / "tampered"
    shutil.copytree(built, tampered)
    card = tampered / "README.md"
    card.write_text(card.read_text().replace("dtype: int64", "dtype: int32", 1))
    failures = check_dataset(tampered)
    assert any("does not match its checksum" in f for f in failures)
    assert any("features of articles do not match" in f for f in failures)


def test_validate_rejects_a_bad_record(built: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    broken = tmp_path / "broken"
    shutil.copytree(built, broken)
    path = data_files(broken, "sentences")[0]
    table = pq.read_table(path)
    rows = table.to_pylist()
    rows[0]["language"] = "Hindi"
    rows[1]["char_end"] += 1
    pq.write_table(table.from_pylist(rows, schema=table.schema), path)
    failures = check_dataset(broken)
    assert any("language" in f and "Hindi" in f for f in failures)
    assert any("text differs from article text" in f for f in failures)


# --- align validate finds what it claims to find; build never calls a damaged dataset unchanged (issue 12, item 3)


def rewrite_rows(dataset: Path, config_name: str, change) -> None:  # type: ignore[no-untyped-def]
    """Edit one config's rows in place (same Arrow schema), as a hand with pyarrow would."""
    import pyarrow.parquet as pq

    path = data_files(dataset, config_name)[0]
    table = pq.read_table(path)
    rows = table.to_pylist()
    change(rows)
    pq.write_table(table.from_pylist(rows, schema=table.schema), path)


def reseal(dataset: Path, card_hash: bool = False) -> None:
    """Make a tamper consistent: regenerate SHA256SUMS (and, with ``card_hash``, the card's content_sha256)."""
    from align.dataset.checksums import write_checksums
    from align.dataset.content import read_content

    if card_hash:
        card = dataset / "README.md"
        card.write_text(card.read_text().replace(read_release(dataset).content_sha256, read_content(dataset).digest()))
    write_checksums(dataset)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    from tests.small_dataset import seedlike, write_dataset

    out = tmp_path / "small"
    write_dataset(seedlike().content(), out)
    return out


def test_validate_counts_every_failure_and_runs_the_cross_record_checks(small: Path) -> None:
    from typer.testing import CliRunner

    from align.cli import app

    def damage(rows: list[dict]) -> None:
        for row in rows[:3]:
            row["language"] = "Hindi"
        rows[3]["char_end"] += 1

    rewrite_rows(small, "sentences", damage)
    reseal(small)
    failures = check_dataset(small, limit=0)
    assert sum("Hindi" in f for f in failures) == 3
    assert sum("text differs from article text" in f for f in failures) == 1  # a cross-record check
    assert sum("content_sha256" in f for f in failures) == 1
    assert len(failures) == 5
    assert check_dataset(small, limit=2) == failures[:2]
    result = CliRunner().invoke(app, ["validate", str(small)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == f"{small}: 5 failure(s)"


def test_a_record_edited_along_with_its_checksums_fails_the_content_hash(small: Path) -> None:
    def raise_confidence(rows: list[dict]) -> None:
        rows[0]["confidence"] = 0.99  # valid for every schema and every cross-record rule

    rewrite_rows(small, "pairs", raise_confidence)
    reseal(small)
    failures = check_dataset(small, limit=0)
    assert len(failures) == 1 and "align.content_sha256 is" in failures[0] and "records hash to" in failures[0]


def test_n_sentences_is_checked_against_the_sentences(small: Path) -> None:
    def miscount(rows: list[dict]) -> None:
        rows[0]["n_sentences"] += 1

    rewrite_rows(small, "articles", miscount)
    reseal(small, card_hash=True)
    failures = check_dataset(small, limit=0)
    # The event summary its files carry (a digest of the rows) no longer matches either.
    assert len(failures) == 2 and "does not match its records" in failures[0]
    assert "n_sentences is" in failures[1] and "sentence(s) belong to it" in failures[1]


def test_checksum_paths_that_leave_the_dataset_are_failures_and_never_read(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib

    import align.dataset.checksums

    secret = tmp_path / "secret.txt"
    secret.write_text("not part of any dataset")
    digest = hashlib.sha256(secret.read_bytes()).hexdigest()
    (small / "data" / "link.txt").symlink_to(secret)
    sums = small / "SHA256SUMS"
    sums.write_text(
        sums.read_text() + f"{digest}  ../secret.txt\n{digest}  {secret}\n{digest}  data/link.txt\n"
        f"{digest}  data/../../secret.txt\n"
    )
    opened: list[Path] = []
    real = align.dataset.checksums.sha256_file
    monkeypatch.setattr(align.dataset.checksums, "sha256_file", lambda path: opened.append(path) or real(path))
    failures = check_dataset(small, limit=0)
    assert sum("leaves the dataset directory; not read" in f for f in failures) == 4
    assert opened and all(p.resolve().is_relative_to(small.resolve()) for p in opened)


def test_build_never_calls_a_damaged_dataset_unchanged(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from align.cli import app
    from tests.builds import config_with, make_corpus

    corpus = make_corpus(tmp_path, events=1)
    out, shards = tmp_path / "ds", tmp_path / "shards"
    build(corpus, out, config_with(shards))
    assert build(corpus, out, config_with(shards)).unchanged

    (out / "CHANGELOG.md").write_text("edited by hand\n")
    for shard_dir in (shards, tmp_path / "fresh-shards"):  # the shortcut from shards, and the full comparison
        with pytest.raises(AlignError, match="was changed since it was published .* CHANGELOG.md does not match"):
            build(corpus, out, config_with(shard_dir))

    def relabel(rows: list[dict]) -> None:
        rows[0]["confidence"] = 0.5

    rewrite_rows(out, "pairs", relabel)
    reseal(out)  # checksums consistent again: only the content hash tells
    result = CliRunner().invoke(
        app, ["build", "--corpus", str(corpus), "--out", str(out), "--shard-dir", str(shards), "-q"]
    )
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "records no longer hash to the card's content_sha256" in result.stderr
    repaired = build(corpus, out, config_with(shards), bump="patch")
    assert repaired.version == "0.1.1" and check_dataset(out) == []
