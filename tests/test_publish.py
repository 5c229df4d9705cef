from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from align.config import BuildConfig
from align.errors import AlignError
from align.pipeline import build
from align.publish import check_dataset, read_release

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
    assert "- articles: 6 (+1 added, -0 removed)" in changelog
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
    path = broken / "data/sentences/train-00000-of-00001.parquet"
    table = pq.read_table(path)
    rows = table.to_pylist()
    rows[0]["language"] = "Hindi"
    rows[1]["char_end"] += 1
    pq.write_table(table.from_pylist(rows, schema=table.schema), path)
    failures = check_dataset(broken)
    assert any("language" in f and "Hindi" in f for f in failures)
    assert any("text differs from article text" in f for f in failures)
