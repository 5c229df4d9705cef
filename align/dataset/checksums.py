"""SHA256SUMS: written over every file of a dataset version, and checked without ever opening a path outside it."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from align.dataset.artifacts import CHECKSUMS


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksums(directory: Path) -> None:
    files = sorted(p for p in directory.rglob("*") if p.is_file() and p.name != CHECKSUMS)
    lines = [f"{sha256_file(p)}  {p.relative_to(directory).as_posix()}" for p in files]
    (directory / CHECKSUMS).write_text("\n".join(lines) + "\n", "utf-8")


_DIGEST = re.compile(r"[0-9a-f]{64}")


def checksum_entries(dataset_dir: Path) -> tuple[list[tuple[int, str, str]], list[str]]:
    """The lines of SHA256SUMS as (line number, digest, path), and failures for the lines that are malformed or name
    a path outside the dataset directory (absolute, ``..``, or through a symbolic link); those are never opened."""
    text = (dataset_dir / CHECKSUMS).read_text("utf-8", errors="replace")
    entries, failures = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        digest, separator, name = line.partition("  ")
        if not separator or not _DIGEST.fullmatch(digest) or not name:
            failures.append(f"{CHECKSUMS} line {number}: not '<sha256>  <path>'")
        elif not is_inside(dataset_dir, name):
            failures.append(f"{CHECKSUMS} line {number}: {name!r} leaves the dataset directory; not read")
        else:
            entries.append((number, digest, name))
    return entries, failures


def is_inside(dataset_dir: Path, name: str) -> bool:
    """Whether the relative path ``name`` stays inside ``dataset_dir``, symbolic links followed."""
    parts = name.split("/")
    if name.startswith("/") or "\\" in name or any(part in ("", ".", "..") for part in parts):
        return False
    root = os.path.realpath(dataset_dir)
    return os.path.realpath(os.path.join(root, *parts)).startswith(root + os.sep)


def checksums_sha256(dataset_dir: Path) -> str | None:
    """Hash of the SHA256SUMS file itself (None when there is none): one value for every file's bytes."""
    try:
        return hashlib.sha256((dataset_dir / CHECKSUMS).read_bytes()).hexdigest()
    except OSError:
        return None


def checksum_failures(dataset_dir: Path) -> list[str]:
    """Every file against SHA256SUMS, and every file listed there; empty when they all match."""
    if not (dataset_dir / CHECKSUMS).is_file():
        return [f"{CHECKSUMS}: missing"]
    entries, failures = checksum_entries(dataset_dir)
    listed = set()
    for number, digest, name in entries:
        listed.add(name)
        path = dataset_dir / name
        if not path.is_file():
            failures.append(f"{CHECKSUMS} line {number}: {name} is missing")
        elif sha256_file(path) != digest:
            failures.append(f"{CHECKSUMS} line {number}: {name} does not match its checksum")
    for path in sorted(dataset_dir.rglob("*")):
        name = path.relative_to(dataset_dir).as_posix()
        if path.is_file() and name != CHECKSUMS and name not in listed:
            failures.append(f"{CHECKSUMS}: {name} is not listed")
    return failures
