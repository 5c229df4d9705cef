"""``align validate``: everything a published dataset must satisfy, counted failure by failure.

The card's metadata and features, SHA256SUMS (paths outside the dataset are failures, never read), the card's
``content_sha256`` recomputed from the records, every record against its JSON Schema, and what no single-record schema
can see (offsets, references between configs, duplicate ids, ``n_sentences``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Any

from align.dataset.artifacts import CARD, DATA_DIR
from align.dataset.checksums import checksum_failures
from align.dataset.content import (
    CONTENT_HASHES,
    LEGACY_CONTENT_HASH,
    DatasetContent,
    Release,
    data_files,
    read_card_metadata,
    read_content,
)
from align.dataset.features import CONFIGS
from align.dataset.summary import read_file_summaries
from align.dataset.swap import swap_leftovers
from align.errors import AlignError
from align.records import claim_id_for, claim_status
from align.validation import failures_in


def validate_content(
    content: DatasetContent, limit: int = 20, trusted_events: Iterable[str] = ()
) -> list[str]:
    """Schema failures of every record, then the cross-record checks; empty when all is well.

    Cross-record checks run per event (no reference crosses an event: ids derive from the event's own content), then
    the dataset-wide ones (an id in two events). The rows of ``trusted_events`` were validated when their shard was
    written and have not changed since (``align.build.runner``): only the dataset-wide checks see them.
    ``limit`` caps the list (the first ``limit`` failures); 0 returns every failure, so its length is the count.
    """
    trusted = set(trusted_events)
    by_event = content.by_event()
    failures = chain(
        *(event_failures(part) for event_id, part in by_event.items() if event_id not in trusted),
        duplicate_id_failures(content),
    )
    return list(islice(failures, limit) if limit else failures)


def event_failures(content: DatasetContent) -> Iterator[str]:
    """Every check that looks at one event's rows alone: the schemas, then the cross-record checks."""
    for name, (_, schema_name, _) in CONFIGS.items():
        yield from failures_in(schema_name, content.rows(name), name)
    yield from cross_record_failures(content)


def duplicate_id_failures(content: DatasetContent) -> list[str]:
    """An id used twice anywhere in the dataset (the one check that spans events)."""
    failures = []
    for name in CONFIGS:
        key = CONFIGS[name][2]
        counts = Counter(r[key] for r in content.rows(name))
        failures += [f"{name}: duplicate {key} {k}" for k, n in counts.items() if n > 1]
    return failures


def cross_record_failures(content: DatasetContent) -> list[str]:
    """What no single-record schema can see, within one event: offsets, references between configs."""
    failures: list[str] = []
    articles = {a["article_id"]: a for a in content.articles}
    sentences = {s["sentence_id"]: s for s in content.sentences}
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
    return failures + claim_failures(content)


def claim_failures(content: DatasetContent) -> list[str]:
    """Claims against the records they summarise: every member exists and sits in exactly one claim, every sentence
    has a claim, the id is the one its members give (``claim_id_for``), and the links, conflicts, sources and status
    are those the pairs and articles say."""
    failures: list[str] = []
    sentences = {s["sentence_id"]: s for s in content.sentences}
    articles = {a["article_id"]: a for a in content.articles}
    pairs = {p["pair_id"]: p for p in content.pairs}
    claim_of: dict[str, str] = {}
    for c in content.claims:
        for s in c["sentence_ids"]:
            claim_of.setdefault(s, c["claim_id"])
    # The links inside each claim, found in one pass over the pairs (the data may hold 100,000s of both).
    links_of: dict[str, list[dict[str, Any]]] = {}
    for p in content.pairs:
        claim = claim_of.get(p["sentence_id_a"])
        if claim is not None and claim == claim_of.get(p["sentence_id_b"]):
            links_of.setdefault(claim, []).append(p)
    seen: dict[str, str] = {}
    for c in content.claims:
        where = f"claims {c['claim_id']}"
        members = [sentences[s] for s in c["sentence_ids"] if s in sentences]
        failures += [f"{where}: unknown sentence_id {s}" for s in c["sentence_ids"] if s not in sentences]
        failures += [
            f"{where}: sentence {s['sentence_id']} of another event"
            for s in members
            if s["event_id"] != c["event_id"]
        ]
        for s in c["sentence_ids"]:
            if s in seen:
                failures.append(f"{where}: sentence {s} is also in claim {seen[s]}")
            seen[s] = c["claim_id"]
        if not c["sentence_ids"]:
            continue
        if c["claim_id"] != claim_id_for(c["event_id"], c["sentence_ids"]):
            failures.append(
                f"{where}: claim_id is not the one its members give (event and smallest sentence_id)"
            )
        if c["representative_id"] not in c["sentence_ids"]:
            failures.append(f"{where}: representative_id is not a member")
        links = links_of.get(c["claim_id"], [])
        if sorted(p["pair_id"] for p in links) != sorted(c["pair_ids"]):
            failures.append(f"{where}: pair_ids are not the links between its members")
        conflicting = sorted(p["pair_id"] for p in links if p["label"] == "conflict")
        if sorted(x["pair_id"] for x in c["conflicts"]) != conflicting:
            failures.append(f"{where}: conflicts are not its members' conflicting links")
        for conflict in c["conflicts"]:
            kinds = (
                sorted({e["kind"] for e in pairs[conflict["pair_id"]]["evidence"]})
                if conflict["pair_id"] in pairs
                else None
            )
            if kinds is not None and sorted(conflict["kinds"]) != kinds:
                failures.append(f"{where}: evidence kinds of {conflict['pair_id']} differ from the pair's")
        article_ids = sorted({s["article_id"] for s in members})
        sources = sorted({articles[a]["source"] for a in article_ids if a in articles})
        if (
            sorted(c["article_ids"]) != article_ids
            or sorted(c["sources"]) != sources
            or c["n_sources"] != len(sources)
        ):
            failures.append(f"{where}: article_ids, sources or n_sources differ from its members'")
        expected = claim_status((p["label"] for p in links), len(sources))
        if c["status"] != expected:
            failures.append(f"{where}: status is {c['status']} but its links and sources make it {expected}")
    failures += [f"sentences {s}: in no claim" for s in sentences if s not in claim_of]
    return failures


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
    # Records edited since publishing fail the content hash; their files' summaries then differ too, which says no more.
    failures += _content_hash_failures(metadata, content) or _summary_failures(dataset_dir, content)
    failures += validate_content(content, limit)
    return failures[:limit] if limit else failures


def _summary_failures(dataset_dir: Path, content: DatasetContent) -> list[str]:
    """The event summaries the data files carry against their records (the card, the chart and ``align diff`` are
    computed from them): one failure per event and file group. A file without summaries is not a failure: they are
    computed from its rows when needed."""
    actual = content.summaries()
    wrong: dict[tuple[str, str], list[str]] = {}
    for name in CONFIGS:
        for path in data_files(dataset_dir, name):
            for event, summary in (read_file_summaries(path) or {}).items():
                if summary != actual.get(event):
                    wrong.setdefault((path.name, event), []).append(name)
    return [
        f"{DATA_DIR}/{{{','.join(names)}}}/{stem}: the summary of {event} does not match its records"
        for (stem, event), names in sorted(wrong.items())
    ]


def _content_hash_failures(metadata: dict[str, Any] | None, content: DatasetContent) -> list[str]:
    """The card's ``content_sha256`` recomputed from the records: catches records edited along with SHA256SUMS."""
    info = (metadata or {}).get("align") or {}
    claimed = info.get("content_sha256")
    if claimed is None:
        return []
    definition = str(info.get("content_hash", LEGACY_CONTENT_HASH))
    if definition not in CONTENT_HASHES:
        return [f"{CARD}: align.content_hash is {definition!r}; this align knows {', '.join(CONTENT_HASHES)}"]
    actual = content.digest(definition)
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
    if release.content_hash not in CONTENT_HASHES:
        failures.append(f"{CARD}: align.content_hash is {release.content_hash!r}, unknown to this align")
    elif content.digest(release.content_hash) != release.content_sha256:
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
