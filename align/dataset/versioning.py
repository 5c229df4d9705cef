"""Semver for the dataset (DESIGN.md): patch = same records rebuilt, minor = records added or changed, major = schema
change. ``plan_version`` is the one place that decides what version a build or a release writes, if any."""

from __future__ import annotations

from pathlib import Path

from align.dataset.content import Release
from align.errors import AlignError

BUMPS = ("patch", "minor", "major")


def required_bump(old: Release, new: Release) -> str | None:
    """The smallest semver bump DESIGN.md demands between two releases, or None when nothing changed."""
    if old.schema_version != new.schema_version:
        return "major"
    if old.content_sha256 != new.content_sha256:
        return "minor"
    if old.build_signature != new.build_signature:
        return "patch"
    return None


def bumped(version: str, bump: str) -> str:
    major, minor, patch = (int(p) for p in version.split("."))
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def plan_version(
    old: Release | None, candidate: Release, bump: str | None, initial_version: str, out: Path
) -> str | None:
    """The version to write, or None when the published dataset already holds exactly this build.

    Refuses (AlignError) to overwrite a published version with different content unless the bump is big enough.
    """
    if old is None:
        return bumped(initial_version, bump) if bump else initial_version
    needed = required_bump(old, candidate)
    if needed is None and bump is None:
        return None
    if bump is None:
        raise AlignError(
            out,
            f"holds version {old.version} built from different {'records' if needed != 'patch' else 'settings'}; "
            f"rerun with --bump {needed} (or higher) to publish a new version",
        )
    if needed is not None and BUMPS.index(bump) < BUMPS.index(needed):
        raise AlignError(out, f"this change needs at least --bump {needed}, got --bump {bump}")
    return bumped(old.version, bump)


def semver(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))
