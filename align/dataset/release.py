"""``align release``: publish the records already in a dataset directory under a new semver version, no rebuild.

The records stay as they are, and so does ``content_sha256`` (a card of the older definition, ``rows-v0``, gets the
hash of the current one, ``content.CONTENT_HASH``); the card, the report and ``SHA256SUMS`` are rewritten with
the new version and a CHANGELOG entry is prepended. The write goes through ``write_release``, as a build's does
(staging directory, then an atomic swap), so the directory is a complete, loadable, checksum-correct dataset before
and after.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from align.config import DatasetConfig
from align.dataset.artifacts import CARD
from align.dataset.card import card_info_from_metadata
from align.dataset.check import check_dataset
from align.dataset.content import (
    CONTENT_HASH,
    CardInfo,
    Publication,
    Release,
    read_card_metadata,
    read_content,
    read_release,
)
from align.dataset.diff import DatasetDiff, changelog_entry, compare
from align.dataset.guard import check_output_dir
from align.dataset.versioning import BUMPS, bumped, semver
from align.dataset.write import locked_output, write_release
from align.errors import AlignError


@dataclass(frozen=True)
class ReleaseResult:
    previous: Release
    release: Release
    baseline_version: str
    diff: DatasetDiff


def release(
    dataset_dir: Path, bump: str, since: Path | None = None, today: date | None = None
) -> ReleaseResult:
    """Re-publish ``dataset_dir`` as version ``bumped(current, bump)``.

    The CHANGELOG entry describes the changes since the dataset in ``since`` (an earlier version, e.g. a checkout of
    its tag), or, without ``since``, states that the records are those of the current version. Refuses (AlignError)
    a directory that holds no dataset, does not validate, or whose card does not match its records.
    """
    if bump not in BUMPS:
        raise AlignError("--bump", f"must be patch, minor or major, got {bump!r}")
    check_output_dir(dataset_dir)
    with locked_output(dataset_dir):
        return _release_locked(dataset_dir, bump, since, today)


def _release_locked(dataset_dir: Path, bump: str, since: Path | None, today: date | None) -> ReleaseResult:
    previous = _valid_release(dataset_dir)
    content = read_content(dataset_dir)
    if content.digest(previous.content_hash) != previous.content_sha256:
        raise AlignError(
            dataset_dir / CARD,
            "content_sha256 in the card does not match the records; rebuild with align build",
        )
    if since is None:
        baseline, baseline_release = content, previous
    else:
        baseline_release = _valid_release(since)
        baseline = read_content(since)
    new = replace(
        previous,
        version=bumped(previous.version, bump),
        content_sha256=content.content_sha256,
        content_hash=CONTENT_HASH,
    )
    if semver(baseline_release.version) >= semver(new.version):
        raise AlignError(
            since, f"holds version {baseline_release.version}, not older than the new version {new.version}"
        )
    diff = compare(baseline, content, baseline_release, new)
    metadata = read_card_metadata(dataset_dir) or {}
    defaults = DatasetConfig()
    info = card_info_from_metadata(
        metadata,
        CardInfo(
            defaults.name, defaults.pretty_name, defaults.license, defaults.citation_title, authors=defaults.authors
        ),
    )
    released = today or date.today()
    if baseline_release.version == previous.version:
        intro = f"Records of {previous.version} re-published unchanged (no rebuild)."
    else:
        intro = f"Records of {previous.version} re-published (no rebuild); changes since {baseline_release.version}:"
    entry = changelog_entry(diff, content, new, released, intro)
    write_release(Publication(content, new, info, released, entry), dataset_dir)
    return ReleaseResult(previous, new, baseline_release.version, diff)


def _valid_release(dataset_dir: Path) -> Release:
    failures = check_dataset(dataset_dir)
    if failures:
        raise AlignError(
            dataset_dir,
            f"does not validate ({len(failures)} failure(s); first: {failures[0]}); run align validate",
        )
    current = read_release(dataset_dir)
    if current is None:  # check_dataset reports a missing card, so this is only a guard
        raise AlignError(dataset_dir, "holds no published dataset; run align build first")
    return current
