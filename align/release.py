"""``align release``: publish the records already in a dataset directory under a new semver version, no rebuild.

The records, and so ``content_sha256``, stay as they are; the card, the report and ``SHA256SUMS`` are rewritten with
the new version and a CHANGELOG entry is prepended. The write goes through ``publish`` (staging directory, then an
atomic swap), so the directory is a complete, loadable, checksum-correct dataset before and after.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path

from align.card import card_info_from_metadata, render_card, write_companion_files
from align.citation import CITATION_FILE, update_dataset_reference
from align.config import DatasetConfig
from align.diff import DatasetDiff, compare, summary_lines
from align.errors import AlignError
from align.output import check_output_dir, recover_interrupted_swap
from align.publish import (
    BUMPS,
    CARD,
    CardInfo,
    DatasetContent,
    Release,
    bumped,
    check_dataset,
    publish,
    read_card_metadata,
    read_content,
    read_release,
)


@dataclass(frozen=True)
class ReleaseResult:
    previous: Release
    release: Release
    baseline_version: str
    diff: DatasetDiff


def release_entry(
    diff: DatasetDiff,
    content: DatasetContent,
    release: Release,
    previous: Release,
    baseline_version: str,
    today: date,
) -> str:
    """The CHANGELOG section for a release: what changed since ``baseline_version``, by counts, and the signature."""
    if baseline_version == previous.version:
        intro = f"Records of {previous.version} re-published unchanged (no rebuild)."
    else:
        intro = f"Records of {previous.version} re-published (no rebuild); changes since {baseline_version}:"
    lines = [f"## {release.version} — {today.isoformat()}", "", intro, ""]
    if diff.is_empty():
        summary = [
            f"{name}: {len(content.rows(name))} (no change)" for name in ("articles", "sentences", "pairs")
        ]
        summary.append(f"schema: {release.schema_version} (unchanged)")
    else:
        summary = summary_lines(diff, content)
    lines += [f"- {line}" for line in summary]
    lines.append(f"- content sha256: `{release.content_sha256}`")
    lines.append(f"- build signature: `{release.build_signature}`")
    return "\n".join(lines) + "\n"


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
    from align.runner import BuildLock  # the runner pulls in the whole pipeline: only when releasing

    check_output_dir(dataset_dir)
    with BuildLock(dataset_dir):
        recover_interrupted_swap(dataset_dir)
        return _release_locked(dataset_dir, bump, since, today)


def _release_locked(dataset_dir: Path, bump: str, since: Path | None, today: date | None) -> ReleaseResult:
    previous = _valid_release(dataset_dir)
    content = read_content(dataset_dir)
    if content.digest() != previous.content_sha256:
        raise AlignError(
            dataset_dir / CARD,
            "content_sha256 in the card does not match the records; rebuild with align build",
        )
    if since is None:
        baseline, baseline_release = content, previous
    else:
        baseline_release = _valid_release(since)
        baseline = read_content(since)
    new = replace(previous, version=bumped(previous.version, bump))
    if _semver(baseline_release.version) >= _semver(new.version):
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
    entry = release_entry(diff, content, new, previous, baseline_release.version, released)
    publish(
        content,
        dataset_dir,
        new,
        info,
        entry,
        render_card,
        extra_files=partial(write_companion_files, info=info, released=released),
    )
    update_dataset_reference(dataset_dir.parent / CITATION_FILE, info.citation_title, new.version, released)
    return ReleaseResult(previous, new, baseline_release.version, diff)


def _semver(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


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
