"""A dataset's records and what identifies its version: the rows of the configs, read from and written to
parquet, the card's ``align`` metadata (``Release``), and everything a release's files are written from
(``Publication``).

Rows are plain dicts shaped by the JSON Schemas (labels as names); ``DatasetContent.digest`` hashes the records alone,
so equal content is recognised whatever wrote the files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from align.dataset.artifacts import CARD, parquet_path
from align.dataset.features import ADDED_CONFIGS, CONFIGS
from align.errors import AlignError
from align.records import LABELS
from align.validation import schema_version


@dataclass(frozen=True)
class DatasetContent:
    """All rows of the configs, as plain dicts shaped by the schemas (labels as names)."""

    articles: list[dict[str, Any]]
    sentences: list[dict[str, Any]]
    pairs: list[dict[str, Any]]
    claims: list[dict[str, Any]] = field(default_factory=list)

    def rows(self, config_name: str) -> list[dict[str, Any]]:
        configs = {"articles": self.articles, "sentences": self.sentences, "pairs": self.pairs, "claims": self.claims}
        return configs[config_name]

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


EMPTY_CONTENT = DatasetContent([], [], [], [])


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


@dataclass(frozen=True)
class Publication:
    """Everything the files of one dataset version are written from (``align.dataset.artifacts``)."""

    content: DatasetContent
    release: Release
    card: CardInfo
    released: dt.date
    changelog_entry: str
    previous_changelog: str = ""  # the CHANGELOG.md of the version being replaced ("" for the first)


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


def write_data_files(publication: Publication, directory: Path) -> None:
    """The records: one parquet file per config, rows sorted by event and id."""
    content = publication.content
    for name in CONFIGS:
        target = directory / parquet_path(name)
        target.parent.mkdir(parents=True)
        _write_parquet(_arrow_table(name, content.sorted_rows(name)), target)


def read_content(dataset_dir: Path) -> DatasetContent:
    """Rows of a published dataset, labels as names, as they were validated before writing."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for name in CONFIGS:
        path = dataset_dir / parquet_path(name)
        if not path.is_file() and name in ADDED_CONFIGS and _older_schema(dataset_dir, ADDED_CONFIGS[name]):
            rows[name] = []
            continue
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
    return DatasetContent(rows["articles"], rows["sentences"], rows["pairs"], rows["claims"])


def _older_schema(dataset_dir: Path, version: str) -> bool:
    """True when the dataset's card declares a schema version before ``version`` (a config it cannot have)."""
    release = read_release(dataset_dir)
    if release is None:
        return False
    try:
        return tuple(map(int, release.schema_version.split("."))) < tuple(map(int, version.split(".")))
    except ValueError:
        return False


def current_schema_version() -> str:
    return schema_version()
