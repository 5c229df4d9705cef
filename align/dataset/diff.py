"""What changed between two versions of the dataset: records added, removed and changed, keyed by their stable ids.

Ids derive from content (DESIGN.md), so an edited sentence shows up as one removed and one added id, while a sentence
that only moved (other text changed before it) keeps its id and shows up as changed. ``compare`` is pure; the CLI
reads the two directories and prints ``summary_lines`` or ``DatasetDiff.to_json``.

Claims are matched by ``claim_id`` (from their event and smallest member sentence) and, beyond added/removed/changed,
by their members (``compare_claims``): a new claim holding members of two or more old claims *merged* them; an old
claim whose surviving members sit in two or more new claims was *split*; a claim with the same id and another status
*changed status* (e.g. consensus -> contested).

Every CHANGELOG entry, whether ``align build`` or ``align release`` writes it, is ``changelog_entry`` of such a diff.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from align.dataset.artifacts import CHANGELOG
from align.dataset.content import (
    DatasetContent,
    Publication,
    Release,
    published_summaries,
    read_content,
    read_release,
)
from align.dataset.features import CONFIGS
from align.dataset.summary import DatasetStats
from align.records import same_value


@dataclass(frozen=True)
class ConfigDiff:
    """Primary keys of one config that were added, removed or changed in any field (sorted)."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass(frozen=True)
class Relabel:
    pair_id: str
    old: str
    new: str


@dataclass(frozen=True)
class StatusChange:
    claim_id: str
    old: str
    new: str


@dataclass(frozen=True)
class ClaimChanges:
    """What the members say about claims beyond their ids: ``merged`` new claims (each with the old claims it joins),
    ``split`` old claims (each with the new claims its members went to), claims whose status changed."""

    merged: dict[str, list[str]] = field(default_factory=dict)
    split: dict[str, list[str]] = field(default_factory=dict)
    status_changed: list[StatusChange] = field(default_factory=list)


def compare_claims(old_rows: list[dict[str, Any]], new_rows: list[dict[str, Any]]) -> ClaimChanges:
    """Merges, splits and status changes between two versions' claims, from the sentences they share."""
    old_of = {s: c["claim_id"] for c in old_rows for s in c["sentence_ids"]}
    new_of = {s: c["claim_id"] for c in new_rows for s in c["sentence_ids"]}
    merged = {}
    for c in new_rows:
        sources = sorted({old_of[s] for s in c["sentence_ids"] if s in old_of})
        if len(sources) > 1:
            merged[c["claim_id"]] = sources
    split = {}
    for c in old_rows:
        targets = sorted({new_of[s] for s in c["sentence_ids"] if s in new_of})
        if len(targets) > 1:
            split[c["claim_id"]] = targets
    old_status = {c["claim_id"]: c["status"] for c in old_rows}
    changed = [
        StatusChange(c["claim_id"], old_status[c["claim_id"]], c["status"])
        for c in sorted(new_rows, key=lambda c: c["claim_id"])
        if c["claim_id"] in old_status and old_status[c["claim_id"]] != c["status"]
    ]
    return ClaimChanges(dict(sorted(merged.items())), dict(sorted(split.items())), changed)


@dataclass(frozen=True)
class DatasetDiff:
    """Everything ``align diff`` reports. ``sentences_text_en_changed`` and ``relabelled`` are subsets of
    ``changed``, called out because they are what a reader of the dataset notices."""

    articles: ConfigDiff
    sentences: ConfigDiff
    pairs: ConfigDiff
    sentences_text_en_changed: list[str]
    relabelled: list[Relabel]
    old_release: Release | None = None
    new_release: Release | None = None
    claims: ConfigDiff = field(default_factory=ConfigDiff)
    claim_changes: ClaimChanges = field(default_factory=ClaimChanges)

    @property
    def schema_changed(self) -> bool:
        return _differs(self.old_release, self.new_release, "schema_version")

    @property
    def signature_changed(self) -> bool:
        return _differs(self.old_release, self.new_release, "build_signature")

    @property
    def same_records(self) -> bool:
        """No record added, removed or changed (stored scores compared up to float noise)."""
        configs = (self.articles, self.sentences, self.pairs, self.claims)
        return all(diff.is_empty() for diff in configs)

    def is_empty(self) -> bool:
        """True when the records, the schema and the build signature are all the same."""
        return self.same_records and not self.schema_changed and not self.signature_changed

    def to_json(self) -> dict[str, Any]:
        return {
            "empty": self.is_empty(),
            "old": asdict(self.old_release) if self.old_release else None,
            "new": asdict(self.new_release) if self.new_release else None,
            "schema_changed": self.schema_changed,
            "signature_changed": self.signature_changed,
            "articles": asdict(self.articles),
            "sentences": {**asdict(self.sentences), "text_en_changed": self.sentences_text_en_changed},
            "pairs": {**asdict(self.pairs), "relabelled": [asdict(r) for r in self.relabelled]},
            "claims": {**asdict(self.claims), **asdict(self.claim_changes)},
        }


def _differs(old: Release | None, new: Release | None, attribute: str) -> bool:
    if old is None or new is None:
        return False
    return bool(getattr(old, attribute) != getattr(new, attribute))


def compare_config(old_rows: list[dict[str, Any]], new_rows: list[dict[str, Any]], key: str) -> ConfigDiff:
    """Ids added, removed and changed; a record whose stored scores moved by float noise alone (``same_value``:
    within ``SCORE_TOLERANCE``) is not changed."""
    old = {r[key]: r for r in old_rows}
    new = {r[key]: r for r in new_rows}
    return ConfigDiff(
        added=sorted(new.keys() - old.keys()),
        removed=sorted(old.keys() - new.keys()),
        changed=sorted(k for k in old.keys() & new.keys() if not same_value(old[k], new[k])),
    )


def compare(
    old: DatasetContent,
    new: DatasetContent,
    old_release: Release | None = None,
    new_release: Release | None = None,
) -> DatasetDiff:
    """Record-level differences between two datasets; empty lists everywhere when the records are equal."""
    diffs = {name: compare_config(old.rows(name), new.rows(name), CONFIGS[name][2]) for name in CONFIGS}
    old_text_en = {s["sentence_id"]: s["text_en"] for s in old.sentences}
    text_en_changed = sorted(
        s["sentence_id"]
        for s in new.sentences
        if s["sentence_id"] in old_text_en and old_text_en[s["sentence_id"]] != s["text_en"]
    )
    old_labels = {p["pair_id"]: p["label"] for p in old.pairs}
    relabelled = sorted(
        (
            Relabel(p["pair_id"], old_labels[p["pair_id"]], p["label"])
            for p in new.pairs
            if p["pair_id"] in old_labels and old_labels[p["pair_id"]] != p["label"]
        ),
        key=lambda r: r.pair_id,
    )
    return DatasetDiff(
        diffs["articles"],
        diffs["sentences"],
        diffs["pairs"],
        text_en_changed,
        relabelled,
        old_release,
        new_release,
        diffs["claims"],
        compare_claims(old.claims, new.claims),
    )


@dataclass(frozen=True)
class Counted:
    """What ``summary_lines`` needs of the new version: its rows per config, and the articles a diff can name
    (at least those added or changed)."""

    rows: Mapping[str, int]
    articles: list[dict[str, Any]]

    @classmethod
    def of(cls, content: DatasetContent) -> Counted:
        return cls({name: len(content.rows(name)) for name in CONFIGS}, content.articles)


def diff_dirs(old_dir: Path, new_dir: Path) -> tuple[DatasetDiff, Counted]:
    """``compare`` over two dataset directories (AlignError when either cannot be read), and the new one's counts.

    The events' summaries (``align.dataset.summary``) are compared first: only the events whose rows differ in some
    config are read from either directory, so two versions that differ in one event cost that event's records.
    """
    old_summaries, new_summaries = published_summaries(old_dir), published_summaries(new_dir)
    differing = {
        event
        for event in old_summaries.keys() | new_summaries.keys()
        if (old_summaries.get(event) or {}).get("digests") != (new_summaries.get(event) or {}).get("digests")
    }
    old, new = read_content(old_dir, differing), read_content(new_dir, differing)
    diff = compare(old, new, read_release(old_dir), read_release(new_dir))
    return diff, Counted(DatasetStats.of(new_summaries).rows, new.articles)


def compare_dirs(old_dir: Path, new_dir: Path) -> DatasetDiff:
    """``diff_dirs`` without the counts."""
    return diff_dirs(old_dir, new_dir)[0]


def _config_line(name: str, diff: ConfigDiff, total: int, extra: str = "") -> str:
    return (
        f"{name}: {total} (+{len(diff.added)} added, -{len(diff.removed)} removed, "
        f"{len(diff.changed)} changed{extra})"
    )


def summary_lines(diff: DatasetDiff, new: DatasetContent | Counted) -> list[str]:
    """A few lines for people: one per config, then label flips, schema and signature changes."""
    new = new if isinstance(new, Counted) else Counted.of(new)
    if diff.is_empty():
        return ["no differences: same records, schema and build signature"]
    flips: dict[str, int] = {}
    for r in diff.relabelled:
        flips[f"{r.old}->{r.new}"] = flips.get(f"{r.old}->{r.new}", 0) + 1
    flip_text = ", ".join(f"{n} {kind}" for kind, n in sorted(flips.items()))
    lines = [
        _config_line("articles", diff.articles, new.rows["articles"]),
        _config_line(
            "sentences",
            diff.sentences,
            new.rows["sentences"],
            f", {len(diff.sentences_text_en_changed)} text_en changed",
        ),
        _config_line(
            "pairs",
            diff.pairs,
            new.rows["pairs"],
            f", {len(diff.relabelled)} relabelled" + (f": {flip_text}" if flip_text else ""),
        ),
    ]
    changes = diff.claim_changes
    moves: dict[str, int] = {}
    for c in changes.status_changed:
        moves[f"{c.old}->{c.new}"] = moves.get(f"{c.old}->{c.new}", 0) + 1
    move_text = ", ".join(f"{n} {kind}" for kind, n in sorted(moves.items()))
    lines.append(
        _config_line(
            "claims",
            diff.claims,
            new.rows["claims"],
            f", {len(changes.merged)} merged, {len(changes.split)} split, {len(changes.status_changed)} status "
            "changed" + (f": {move_text}" if move_text else ""),
        )
    )
    titles = {a["article_id"]: f"{a['source']} ({a['language']})" for a in new.articles}
    touched = diff.articles.added + diff.articles.changed
    if touched:
        shown = ", ".join(titles.get(a, a) for a in touched[:5])
        lines.append(
            f"articles added or changed: {shown}"
            + (f" and {len(touched) - 5} more" if len(touched) > 5 else "")
        )
    old, current = diff.old_release, diff.new_release
    if old and current:
        lines.append(
            f"schema: {old.schema_version} -> {current.schema_version}"
            if diff.schema_changed
            else f"schema: {current.schema_version} (unchanged)"
        )
        if diff.signature_changed:
            lines.append(f"build signature: {old.build_signature} -> {current.build_signature}")
    return lines


CHANGELOG_HEADER = (
    "# Changelog\n\nEvery published version of this dataset, newest first (semver: patch = same records rebuilt,\n"
    "minor = records added or changed, major = schema change).\n\n"
)


def changelog_entry(
    diff: DatasetDiff, new: DatasetContent | Counted, release: Release, today: dt.date, intro: str | None = None
) -> str:
    """The CHANGELOG section of ``release``: ``intro`` (if any), what ``diff`` counts, the content hash and the
    build signature."""
    lines = [f"## {release.version} — {today.isoformat()}", ""]
    if intro:
        lines += [intro, ""]
    if diff.is_empty():
        counts = new.rows if isinstance(new, Counted) else {name: len(new.rows(name)) for name in CONFIGS}
        summary = [f"{name}: {counts[name]} (no change)" for name in CONFIGS]
        summary.append(f"schema: {release.schema_version} (unchanged)")
    else:
        summary = summary_lines(diff, new)
        if diff.old_release is None:
            summary.append(f"schema: {release.schema_version}")
    lines += [f"- {line}" for line in summary]
    lines.append(f"- content sha256: `{release.content_sha256}`")
    lines.append(f"- build signature: `{release.build_signature}`")
    return "\n".join(lines) + "\n"


def prepend_entry(old: str, entry: str) -> str:
    """The CHANGELOG with ``entry`` as its newest section (the header is always the current one)."""
    body = old.split("\n## ", 1)[1] if "\n## " in old else ""
    return CHANGELOG_HEADER + entry.rstrip() + "\n" + ("\n## " + body if body else "")


def write_changelog(publication: Publication, directory: Path) -> None:
    """The release writer of ``CHANGELOG.md`` (``align.dataset.artifacts``): the new entry on top of the old ones."""
    text = prepend_entry(publication.previous_changelog, publication.changelog_entry)
    (directory / CHANGELOG).write_text(text, "utf-8")
