"""Per-event summaries: what the card, the labels chart, the CHANGELOG and ``align diff`` need to know about one
event's records, small enough to keep beside them.

Each event group's parquet files (``align.dataset.layout``) carry the summaries of their events in the file's
key-value metadata (``SUMMARY_KEY``), written with the rows. A build that keeps a group's files keeps their summaries,
so the card of a rebuild that changed one event is computed from that event's records and the other events'
summaries; ``align diff`` compares the events' digests first and reads the records of the events that differ only.

A summary is a plain JSON object: the digest of the event's rows in each config, the rows per config, their size in
Arrow memory, and named tallies (counters keyed by JSON-encoded tuples), e.g. articles per ``[source, language]``.
Summaries add up: ``DatasetStats`` sums them in event order, so a dataset built at once and one rebuilt event by event
give the same numbers, float sums included. A summary that is missing, does not parse, has another ``version`` or
disagrees between the files of its group is never trusted: it is computed again from its records.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from align.dataset.features import CONFIGS, arrow_bytes
from align.records import LABELS

SUMMARY_KEY = b"align.summaries"
SUMMARY_VERSION = 1
TALLIES = (
    "articles_of_event",  # [event_id]
    "articles_of_language",  # [language]
    "sentences_of_language",  # [language]
    "english_of_language",  # [language]: sentences with text_en
    "articles_of_source",  # [source, language]
    "sentences_of_source",  # [source, language] (null when the article is missing)
    "pairs_of_source",  # [source, language]: pairs with a side from this source
    "conflicts_of_source",  # [source, language]
    "pairs_of_label",  # [label]
    "pairs_of_language_pair",  # [language pair, label]
    "evidence",  # [kind, label]
    "claims_of_status",  # [status]
    "shared_claims_of_status",  # [status]: claims stated by 2+ sources
    "sentences_of_engine",  # [engine, model, version]
    "non_english",  # []: sentences not in English
    "untranslated",  # []: of them, without text_en
)

EventSummary = dict[str, Any]


def _key(*parts: object) -> str:
    return json.dumps(list(parts), ensure_ascii=False)


def rows_sha256(rows: Iterable[dict[str, Any]]) -> str:
    """Digest of one config's rows of one event, in the order ``DatasetContent.sorted_rows`` gives them."""
    hasher = hashlib.sha256()
    for row in rows:
        hasher.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        hasher.update(b"\n")
    return hasher.hexdigest()


def event_sha256(config_digests: Mapping[str, str]) -> str:
    """The digest of one event: over its configs' row digests (``rows_sha256``), in ``CONFIGS`` order."""
    hasher = hashlib.sha256()
    for name in CONFIGS:
        hasher.update(json.dumps([name, config_digests[name]]).encode("utf-8"))
        hasher.update(b"\n")
    return hasher.hexdigest()


def events_sha256(event_digests: Mapping[str, str]) -> str:
    """The content hash (definition ``events-v1``): over the sorted (event id, ``event_sha256``) pairs, so the digest
    of an unchanged event is read from its summary, not computed again from its rows."""
    hasher = hashlib.sha256()
    for event in sorted(event_digests):
        hasher.update(json.dumps([event, event_digests[event]], ensure_ascii=False).encode("utf-8"))
        hasher.update(b"\n")
    return hasher.hexdigest()


def language_pair(language_a: str, language_b: str) -> str:
    """Order-independent name of a pair's languages, e.g. ``en-hi`` for both hi/en and en/hi."""
    first, second = sorted((language_a, language_b))
    return f"{first}-{second}"


def summarise_event(sorted_rows: Mapping[str, list[dict[str, Any]]]) -> EventSummary:
    """The summary of one event: its rows in every config, sorted as ``DatasetContent.sorted_rows`` sorts them."""
    tallies: dict[str, Counter[str]] = {name: Counter() for name in TALLIES}
    articles, sentences, pairs, claims = (sorted_rows[name] for name in ("articles", "sentences", "pairs", "claims"))
    source_of_article = {a["article_id"]: (a["source"], a["language"]) for a in articles}
    for a in articles:
        tallies["articles_of_event"][_key(a["event_id"])] += 1
        tallies["articles_of_language"][_key(a["language"])] += 1
        tallies["articles_of_source"][_key(a["source"], a["language"])] += 1
    for s in sentences:
        tallies["sentences_of_language"][_key(s["language"])] += 1
        tallies["english_of_language"][_key(s["language"])] += s["text_en"] is not None
        source = source_of_article.get(s["article_id"])
        tallies["sentences_of_source"][_key(*source) if source else _key(None)] += 1
        if s["translation"]:
            translation = s["translation"]
            tallies["sentences_of_engine"][_key(translation["engine"], translation["model"], translation["version"])] += 1
        if s["language"] != "en":
            tallies["non_english"][_key()] += 1
            tallies["untranslated"][_key()] += s["text_en"] is None
    confidence_sums: dict[str, float] = {}
    for p in pairs:
        for side in {source_of_article.get(p["article_id_a"]), source_of_article.get(p["article_id_b"])}:
            if side is not None:
                tallies["pairs_of_source"][_key(*side)] += 1
                tallies["conflicts_of_source"][_key(*side)] += p["label"] == "conflict"
        tallies["pairs_of_label"][_key(p["label"])] += 1
        confidence_sums[p["label"]] = confidence_sums.get(p["label"], 0.0) + float(p["confidence"])
        tallies["pairs_of_language_pair"][_key(language_pair(p["language_a"], p["language_b"]), p["label"])] += 1
        for e in p["evidence"]:
            tallies["evidence"][_key(e["kind"], p["label"])] += 1
    for c in claims:
        tallies["claims_of_status"][_key(c["status"])] += 1
        tallies["shared_claims_of_status"][_key(c["status"])] += c["n_sources"] > 1
    return {
        "version": SUMMARY_VERSION,
        "digests": {name: rows_sha256(sorted_rows[name]) for name in CONFIGS},
        "rows": {name: len(sorted_rows[name]) for name in CONFIGS},
        "arrow_bytes": {name: arrow_bytes(name, sorted_rows[name]) for name in CONFIGS},
        "confidence_sums": {label: confidence_sums[label] for label in sorted(confidence_sums)},
        "tallies": {name: dict(sorted((k, n) for k, n in tallies[name].items() if n)) for name in TALLIES},
    }


def is_summary(value: object) -> bool:
    """Whether ``value`` has the shape ``summarise_event`` gives (anything else is recomputed, never trusted)."""
    if not isinstance(value, dict) or value.get("version") != SUMMARY_VERSION:
        return False
    for part in ("digests", "rows", "arrow_bytes"):
        counts = value.get(part)
        if not isinstance(counts, dict) or set(counts) != set(CONFIGS):
            return False
    if not all(isinstance(d, str) and len(d) == 64 for d in value["digests"].values()):
        return False
    if not all(type(n) is int and n >= 0 for part in ("rows", "arrow_bytes") for n in value[part].values()):
        return False
    sums, tallies = value.get("confidence_sums"), value.get("tallies")
    if not isinstance(sums, dict) or not all(label in LABELS and isinstance(x, float) for label, x in sums.items()):
        return False
    if not isinstance(tallies, dict) or set(tallies) != set(TALLIES):
        return False
    return all(
        isinstance(t, dict) and all(isinstance(k, str) and type(n) is int and n > 0 for k, n in t.items())
        for t in tallies.values()
    )


@dataclass(frozen=True)
class DatasetStats:
    """The summaries of all events added up, in event order."""

    rows: dict[str, int]
    arrow_bytes: dict[str, int]
    confidence_sums: dict[str, float]
    tallies: dict[str, Counter[tuple[Any, ...]]] = field(default_factory=dict)

    @classmethod
    def of(cls, summaries: Mapping[str, EventSummary]) -> DatasetStats:
        rows = dict.fromkeys(CONFIGS, 0)
        sizes = dict.fromkeys(CONFIGS, 0)
        sums: dict[str, float] = {}
        tallies: dict[str, Counter[tuple[Any, ...]]] = {name: Counter() for name in TALLIES}
        for event in sorted(summaries):
            summary = summaries[event]
            for name in CONFIGS:
                rows[name] += summary["rows"][name]
                sizes[name] += summary["arrow_bytes"][name]
            for label, total in summary["confidence_sums"].items():
                sums[label] = sums.get(label, 0.0) + total
            for name in TALLIES:
                for key, n in summary["tallies"][name].items():
                    tallies[name][tuple(json.loads(key))] += n
        return cls(rows, sizes, sums, tallies)

    def count(self, tally: str, *key: Any) -> int:
        return self.tallies[tally][key]

    def keys(self, tally: str) -> list[tuple[Any, ...]]:
        return sorted(self.tallies[tally], key=lambda k: [(v is None, v) for v in k])

    @property
    def events(self) -> list[str]:
        """Events with at least one article, sorted (as the card names them)."""
        return sorted(k[0] for k in self.tallies["articles_of_event"])

    @property
    def languages(self) -> list[str]:
        return sorted({k[0] for k in self.tallies["articles_of_language"]} | {k[0] for k in self.tallies["sentences_of_language"]})

    def labels_per_language_pair(self) -> dict[str, Counter[str]]:
        """``{"en-hi": Counter({"agree": 12, "conflict": 3}), ...}``, language pairs in sorted order."""
        counts: dict[str, Counter[str]] = {}
        for (pair, label), n in self.tallies["pairs_of_language_pair"].items():
            counts.setdefault(pair, Counter())[label] += n
        return dict(sorted(counts.items()))


def group_metadata(summaries: Mapping[str, EventSummary]) -> dict[bytes, bytes]:
    """The key-value metadata a group's parquet files carry: its events' summaries."""
    text = json.dumps({event: summaries[event] for event in sorted(summaries)}, sort_keys=True, ensure_ascii=False)
    return {SUMMARY_KEY: text.encode("utf-8")}


def read_file_summaries(path: Path) -> dict[str, EventSummary] | None:
    """The summaries a parquet file carries, without reading its rows; None when they are missing or malformed."""
    try:
        metadata = pq.read_schema(path).metadata or {}
    except (pa.ArrowInvalid, OSError):
        return None
    raw = metadata.get(SUMMARY_KEY)
    if raw is None:
        return None
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(value, dict) or not all(isinstance(e, str) and is_summary(s) for e, s in value.items()):
        return None
    return value
