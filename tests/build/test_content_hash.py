"""The content hash's definition (the card's ``align.content_hash``): ``events-v1`` over per-event digests, and a
dataset whose card predates it (``rows-v0``, no field) still recognised as unchanged by its own definition."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from align.build.orchestrate import build
from align.dataset.artifacts import CARD
from align.dataset.check import check_dataset
from align.dataset.checksums import write_checksums
from align.dataset.content import CONTENT_HASH, LEGACY_CONTENT_HASH, read_content, read_release
from align.errors import AlignError
from tests.builds import config_with, make_corpus, sums


def as_older_align_wrote_it(dataset: Path) -> str:
    """Rewrite the card as align <= 0.6.0 wrote it: no ``content_hash``, the hash over every row; returns it."""
    release = read_release(dataset)
    assert release is not None and release.content_hash == CONTENT_HASH
    legacy = read_content(dataset).digest(LEGACY_CONTENT_HASH)
    card = dataset / CARD
    text = card.read_text("utf-8").replace(f"  content_hash: {CONTENT_HASH}\n", "")
    card.write_text(text.replace(release.content_sha256, legacy), "utf-8")
    (dataset / "SHA256SUMS").unlink()
    write_checksums(dataset)
    return legacy


def test_events_v1_is_a_hash_of_per_event_digests_and_differs_from_rows_v0(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, events=3)
    out = tmp_path / "dataset"
    build(corpus, out, config_with(tmp_path / "shards"))
    content, release = read_content(out), read_release(out)
    assert release is not None and release.content_hash == CONTENT_HASH
    assert release.content_sha256 == content.digest() != content.digest(LEGACY_CONTENT_HASH)
    one = content.by_event()
    # Each event's digest alone decides its part: the same hash from the events' own contents.
    from align.dataset.summary import events_sha256

    assert events_sha256({e: next(iter(part.event_digests().values())) for e, part in one.items()}) == content.digest()
    with pytest.raises(AlignError, match="unknown definition"):
        content.digest("events-v9")


def test_a_card_of_the_older_definition_rebuilds_unchanged_and_the_next_version_states_the_new_one(
    tmp_path: Path,
) -> None:
    corpus = make_corpus(tmp_path, events=3)
    out = tmp_path / "dataset"
    build(corpus, out, config_with(tmp_path / "shards"))
    legacy = as_older_align_wrote_it(out)
    assert read_release(out).content_hash == LEGACY_CONTENT_HASH  # type: ignore[union-attr]
    assert check_dataset(out) == []  # align validate checks the card's hash by the card's own definition
    before = sums(out)

    # An unchanged corpus publishes no new version, with the shards that wrote it or fresh ones.
    for shards in ("shards", "fresh-shards"):
        report = build(corpus, out, config_with(tmp_path / shards))
        assert report.unchanged, shards
        assert sums(out) == before and read_release(out).content_sha256 == legacy  # type: ignore[union-attr]

    # Changed records need a version, as always; the new card states the current definition.
    article = corpus / "event-1" / "a.txt"
    article.write_text(article.read_text("utf-8") + "एक और वाक्य जोड़ा गया।\n", "utf-8")
    with pytest.raises(AlignError, match="--bump minor"):
        build(corpus, out, config_with(tmp_path / "shards"))
    build(corpus, out, config_with(tmp_path / "shards"), bump="minor")
    release = read_release(out)
    assert release is not None and release.content_hash == CONTENT_HASH
    assert release.content_sha256 == read_content(out).digest()
    assert f"content_hash: {CONTENT_HASH}" in (out / CARD).read_text("utf-8")
    assert check_dataset(out) == []


def test_a_patch_bump_restates_an_older_cards_hash(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, events=2)
    out = tmp_path / "dataset"
    build(corpus, out, config_with(tmp_path / "shards"))
    published = read_release(out)
    as_older_align_wrote_it(out)
    build(corpus, out, config_with(tmp_path / "shards"), bump="patch")
    release = read_release(out)
    assert release is not None and published is not None
    assert (release.content_hash, release.content_sha256) == (CONTENT_HASH, published.content_sha256)
    assert check_dataset(out) == []


def test_validate_refuses_a_card_hash_of_an_unknown_definition(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, events=1)
    out = tmp_path / "dataset"
    build(corpus, out, config_with(tmp_path / "shards"))
    card = out / CARD
    card.write_text(card.read_text("utf-8").replace(f"content_hash: {CONTENT_HASH}", "content_hash: events-v9"))
    (out / "SHA256SUMS").unlink()
    write_checksums(out)
    failures = check_dataset(out)
    assert any("events-v9" in f for f in failures)
    shutil.rmtree(out)
