"""publish stage: validate every record, then write the versioned Hugging Face dataset directory atomically.

Layout written (DESIGN.md): ``README.md`` (dataset card: YAML metadata + prose), ``data/<config>/train-00000-of-00001
.parquet`` per config, ``CHANGELOG.md``, ``SHA256SUMS``. Nothing in the output depends on the clock except a new
CHANGELOG entry, so rebuilding unchanged input reproduces the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from align.errors import AlignError
from align.features import CONFIGS
from align.output import check_output_dir, make_staging_dir, swap_into_place, swap_leftovers
from align.records import LABELS
from align.validation import failures_in, schema_version

CARD = "README.md"
CHANGELOG = "CHANGELOG.md"
CHECKSUMS = "SHA256SUMS"
BUMPS = ("patch", "minor", "major")


def parquet_path(config_name: str) -> str:
    return f"data/{config_name}/train-00000-of-00001.parquet"


@dataclass(frozen=True)
class DatasetContent:
    """All rows of the three configs, as plain dicts shaped by the schemas (labels as names)."""

    articles: list[dict[str, Any]]
    sentences: list[dict[str, Any]]
    pairs: list[dict[str, Any]]

    def rows(self, config_name: str) -> list[dict[str, Any]]:
        return {"articles": self.articles, "sentences": self.sentences, "pairs": self.pairs}[config_name]

    def sorted_rows(self, config_name: str) -> list[dict[str, Any]]:
        key = CONFIGS[config_name][2]
        return sorted(self.rows(config_name), key=lambda r: (r["event_id"], r[key]))

    def digest(self) -> str:
        """Hash of the records alone (not of file bytes), so equal content is recognised whatever wrote it."""
        hasher = hashlib.sha256()
        for name in CONFIGS:
            for row in self.sorted_rows(name):
                hasher.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode("utf-8"))
                hasher.update(b"\n")
        return hasher.hexdigest()


@dataclass(frozen=True)
class Release:
    """What identifies one published version."""

    version: str
    content_sha256: str
    schema_version: str
    build_signature: str


@dataclass(frozen=True)
class CardInfo:
    """Facts for the dataset card beyond the rows themselves."""

    name: str
    pretty_name: str
    license: str
    citation_title: str
    translation_summary: dict[str, int] = field(default_factory=dict)
    authors: tuple[str, ...] = ("The align developers",)


def validate_content(content: DatasetContent, limit: int = 20) -> list[str]:
    """Schema failures of every record, then the cross-record checks; empty when all is well.

    ``limit`` caps the list (the first ``limit`` failures); 0 returns every failure, so its length is the count.
    """
    failures = chain(
        *(failures_in(schema_name, content.rows(name), name) for name, (_, schema_name, _) in CONFIGS.items()),
        cross_record_failures(content),
    )
    return list(islice(failures, limit) if limit else failures)


def cross_record_failures(content: DatasetContent) -> list[str]:
    """What no single-record schema can see: offsets, references between configs, duplicate ids."""
    failures: list[str] = []
    articles = {a["article_id"]: a for a in content.articles}
    sentences = {s["sentence_id"]: s for s in content.sentences}
    for name in CONFIGS:
        key = CONFIGS[name][2]
        counts = Counter(r[key] for r in content.rows(name))
        failures += [f"{name}: duplicate {key} {k}" for k, n in counts.items() if n > 1]
    for s in content.sentences:
        article = articles.get(s["article_id"])
        if article is None:
            failures.append(f"sentences {s['sentence_id']}: unknown article_id {s['article_id']}")
        elif (article["text"] or "")[s["char_start"] : s["char_end"]] != s["text"]:
            failures.append(f"sentences {s['sentence_id']}: text differs from article text at its offsets")
    sentences_of = Counter(s["article_id"] for s in content.sentences)
    for a in content.articles:
        if a["n_sentences"] != sentences_of[a["article_id"]]:
            failures.append(
                f"articles {a['article_id']}: n_sentences is {a['n_sentences']} but "
                f"{sentences_of[a['article_id']]} sentence(s) belong to it"
            )
    for p in content.pairs:
        for side in ("a", "b"):
            if p[f"sentence_id_{side}"] not in sentences:
                failures.append(f"pairs {p['pair_id']}: unknown sentence_id_{side}")
        if p["article_id_a"] == p["article_id_b"]:
            failures.append(f"pairs {p['pair_id']}: links two sentences of one article")
        if p["label"] == "conflict" and not p["evidence"]:
            failures.append(f"pairs {p['pair_id']}: conflict without evidence")
    return failures


def read_release(dataset_dir: Path) -> Release | None:
    """The version published in ``dataset_dir``, or None when there is none yet."""
    metadata = read_card_metadata(dataset_dir)
    if metadata is None:
        return None
    info = metadata.get("align") or {}
    try:
        return Release(
            version=str(info["version"]),
            content_sha256=str(info["content_sha256"]),
            schema_version=str(info["schema_version"]),
            build_signature=str(info["build_signature"]),
        )
    except KeyError as exc:
        raise AlignError(dataset_dir / CARD, f"card metadata lacks align.{exc.args[0]}") from None


def read_card_metadata(dataset_dir: Path) -> dict[str, Any] | None:
    card = dataset_dir / CARD
    if not card.is_file():
        return None
    try:
        text = card.read_text("utf-8")
    except UnicodeDecodeError:
        raise AlignError(card, "dataset card is not UTF-8") from None
    if not text.startswith("---\n"):
        raise AlignError(card, "dataset card has no YAML metadata block")
    block = text[4:].split("\n---\n", 1)[0]
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        # PyYAML's own message spans several lines (with a caret under the spot): keep its reason and the line.
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line + 2 if mark is not None else None  # +1 for 1-based, +1 for the opening '---'
        raise AlignError(card, f"card YAML does not parse: {reason}", line=line) from None
    if not isinstance(data, dict):
        raise AlignError(card, "card YAML is not a mapping")
    return data


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


def _arrow_table(config_name: str, rows: list[dict[str, Any]]) -> pa.Table:
    features = CONFIGS[config_name][0]
    if config_name == "pairs":
        rows = [{**r, "label": LABELS.index(r["label"])} for r in rows]
    return pa.Table.from_pylist(rows, schema=features.arrow_schema)


def _write_parquet(table: pa.Table, path: Path) -> None:
    if table.num_rows == 0:
        # No row group at all: `datasets` cannot read a file whose only row group is empty.
        pq.ParquetWriter(path, table.schema).close()
    else:
        pq.write_table(table, path)


def arrow_bytes(config_name: str, rows: list[dict[str, Any]]) -> int:
    """Size of a config's rows in Arrow memory, the figure a card's ``splits.num_bytes`` records."""
    return int(_arrow_table(config_name, rows).nbytes)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksums(directory: Path) -> None:
    files = sorted(p for p in directory.rglob("*") if p.is_file() and p.name != CHECKSUMS)
    lines = [f"{_sha256_file(p)}  {p.relative_to(directory).as_posix()}" for p in files]
    (directory / CHECKSUMS).write_text("\n".join(lines) + "\n", "utf-8")


def publish(
    content: DatasetContent,
    out: Path,
    release: Release,
    card: CardInfo,
    changelog_entry: str,
    render_card: Callable[[DatasetContent, Release, CardInfo], str],
    extra_files: Callable[[DatasetContent, Release, Path], None] | None = None,
) -> None:
    """Write the dataset to a temporary sibling directory, then swap it into place (``align.output``).

    ``extra_files`` may add files next to the card (the HTML report, the chart the card embeds); they are written
    before SHA256SUMS, so the checksums cover them. A failure anywhere before the swap leaves the previously
    published dataset untouched; ``out`` must pass ``check_output_dir``.
    """
    check_output_dir(out)
    failures = validate_content(content)
    if failures:
        raise AlignError(out, f"{len(failures)} record(s) fail validation; first: {failures[0]}")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = make_staging_dir(out)
    try:
        for name in CONFIGS:
            target = staging / parquet_path(name)
            target.parent.mkdir(parents=True)
            _write_parquet(_arrow_table(name, content.sorted_rows(name)), target)
        (staging / CARD).write_text(render_card(content, release, card), "utf-8")
        old_changelog = (out / CHANGELOG).read_text("utf-8") if (out / CHANGELOG).is_file() else ""
        (staging / CHANGELOG).write_text(_prepend_entry(old_changelog, changelog_entry), "utf-8")
        if extra_files is not None:
            extra_files(content, release, staging)
        write_checksums(staging)
        swap_into_place(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def _prepend_entry(old: str, entry: str) -> str:
    header = "# Changelog\n\nEvery published version of this dataset, newest first (semver: patch = same records rebuilt,\nminor = records added or changed, major = schema change).\n\n"
    body = old.split("\n## ", 1)[1] if "\n## " in old else ""
    return header + entry.rstrip() + "\n" + ("\n## " + body if body else "")


def changelog_entry(
    old: DatasetContent | None, new: DatasetContent, release: Release, bump: str | None
) -> str:
    """A CHANGELOG section summarising what changed, by counts, with the build signature."""
    lines = [f"## {release.version} — {date.today().isoformat()}", ""]
    for name in CONFIGS:
        key = CONFIGS[name][2]
        new_ids = {r[key] for r in new.rows(name)}
        old_ids = {r[key] for r in old.rows(name)} if old else set()
        lines.append(
            f"- {name}: {len(new_ids)} (+{len(new_ids - old_ids)} added, -{len(old_ids - new_ids)} removed)"
        )
    if old is not None:
        old_labels = {p["pair_id"]: p["label"] for p in old.pairs}
        relabelled = sum(
            1 for p in new.pairs if p["pair_id"] in old_labels and old_labels[p["pair_id"]] != p["label"]
        )
        lines.append(f"- pairs relabelled: {relabelled}")
    lines.append(f"- schema: {release.schema_version}" + (" (changed)" if bump == "major" else ""))
    lines.append(f"- build signature: `{release.build_signature}`")
    return "\n".join(lines) + "\n"


def read_content(dataset_dir: Path) -> DatasetContent:
    """Rows of a published dataset, labels as names, as they were validated before writing."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for name in CONFIGS:
        path = dataset_dir / parquet_path(name)
        if not path.is_file():
            raise AlignError(path, "missing parquet file")
        try:
            table = pq.read_table(path)
        except (pa.ArrowInvalid, OSError) as exc:
            raise AlignError(path, f"unreadable parquet: {exc}") from None
        records = table.to_pylist()
        if name == "pairs":
            for r in records:
                if isinstance(r.get("label"), int) and 0 <= r["label"] < len(LABELS):
                    r["label"] = LABELS[r["label"]]
        rows[name] = records
    return DatasetContent(rows["articles"], rows["sentences"], rows["pairs"])


def current_schema_version() -> str:
    return schema_version()


def check_dataset(dataset_dir: Path, limit: int = 20) -> list[str]:
    """Everything ``align validate`` checks: card, checksums, every record and the links between them."""
    if not dataset_dir.is_dir():
        parked = [d for d in swap_leftovers(dataset_dir) if (d / dataset_dir.name).is_dir()]
        if parked:
            raise AlignError(
                dataset_dir,
                f"dataset directory does not exist; a build killed mid-swap left it in {parked[0]}: the next "
                "align build or align release puts it back",
            )
        raise AlignError(dataset_dir, "dataset directory does not exist")
    failures: list[str] = []
    metadata = read_card_metadata(dataset_dir)
    if metadata is None:
        failures.append(f"{CARD}: missing dataset card")
    else:
        failures += _card_failures(metadata)
    failures += checksum_failures(dataset_dir)
    try:
        content = read_content(dataset_dir)
    except AlignError as exc:
        return failures + [exc.message]
    failures += _content_hash_failures(metadata, content)
    failures += validate_content(content, limit)
    return failures[:limit] if limit else failures


def _content_hash_failures(metadata: dict[str, Any] | None, content: DatasetContent) -> list[str]:
    """The card's ``content_sha256`` recomputed from the records: catches records edited along with SHA256SUMS."""
    claimed = ((metadata or {}).get("align") or {}).get("content_sha256")
    if claimed is None:
        return []
    actual = content.digest()
    if actual == str(claimed):
        return []
    return [f"{CARD}: align.content_sha256 is {str(claimed)[:12]}… but the records hash to {actual[:12]}…"]


def damage_since_publish(dataset_dir: Path, release: Release) -> list[str]:
    """What changed in a published dataset since align wrote it: files against SHA256SUMS, records against the
    card's content hash. Empty when it is as published; cheaper than ``check_dataset`` (no schema pass)."""
    failures = checksum_failures(dataset_dir)
    try:
        content = read_content(dataset_dir)
    except AlignError as exc:
        return failures + [exc.message]
    if content.digest() != release.content_sha256:
        failures.append(f"{CARD}: the records no longer hash to the card's content_sha256")
    return failures


def _card_failures(metadata: dict[str, Any]) -> list[str]:
    failures = []
    for key in ("pretty_name", "license", "language", "configs", "dataset_info", "align"):
        if key not in metadata:
            failures.append(f"{CARD}: metadata lacks {key}")
    declared = {c.get("config_name"): c for c in metadata.get("dataset_info") or []}
    for name, (features, _, _) in CONFIGS.items():
        if name not in declared:
            failures.append(f"{CARD}: dataset_info lacks config {name}")
        elif declared[name].get("features") != features._to_yaml_list():
            failures.append(f"{CARD}: dataset_info features of {name} do not match the schema")
    return failures


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
        elif _sha256_file(path) != digest:
            failures.append(f"{CHECKSUMS} line {number}: {name} does not match its checksum")
    for path in sorted(dataset_dir.rglob("*")):
        name = path.relative_to(dataset_dir).as_posix()
        if path.is_file() and name != CHECKSUMS and name not in listed:
            failures.append(f"{CHECKSUMS}: {name} is not listed")
    return failures
