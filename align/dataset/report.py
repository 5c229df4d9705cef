"""A self-contained HTML page for browsing the dataset: articles side by side, links, conflicts and their evidence, and
a claims view per event (claims x sources, contested first; a claim opens its sentences side by side with the
evidence of its conflicts).

The page is ``report_template.html`` with the dataset embedded as JSON and the labels chart inlined as SVG: no
network, no CDN (a Content-Security-Policy forbids any fetch). Output depends only on the records and the release, so
unchanged content gives the same bytes and the dataset's SHA256SUMS stay stable across rebuilds.
"""

from __future__ import annotations

import heapq
import html
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from align.dataset.artifacts import REPORT_FILE
from align.dataset.chart import labels_chart_svg, labels_per_language_pair
from align.dataset.claim_table import claim_order
from align.dataset.content import (
    DatasetContent,
    Publication,
    Release,
    read_card_metadata,
    read_content,
    read_release,
)
from align.dataset.guard import check_output_file
from align.dataset.summary import language_pair
from align.dataset.swap import apply_umask
from align.errors import AlignError

# One event's part of the page's data (``event_fragment``), its indices local to the event; ``assemble_report_data``
# offsets and merges the parts. JSON-able, so a build keeps it beside the event's summary and computes it again only
# when the event's rows change (``align.build``: keyed by the event's digest).
ReportFragment = dict[str, Any]
FRAGMENT_VERSION = 1


def event_fragment(content: DatasetContent) -> ReportFragment:
    """The report's data of one event's rows (``content`` holds that event alone): records referenced by index,
    indices local to the event (no reference crosses an event: ids derive from the event's own content)."""
    articles = sorted(content.articles, key=lambda a: (a["language"], a["source"], a["article_id"]))
    article_index = {a["article_id"]: i for i, a in enumerate(articles)}
    sentences = sorted(
        (s for s in content.sentences if s["article_id"] in article_index),
        key=lambda s: (article_index[s["article_id"]], s["position"], s["sentence_id"]),
    )
    sentence_index = {s["sentence_id"]: i for i, s in enumerate(sentences)}
    sentences_of: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        sentences_of.setdefault(s["article_id"], []).append(i)
    pairs = sorted(
        (p for p in content.pairs if p["sentence_id_a"] in sentence_index and p["sentence_id_b"] in sentence_index),
        key=_pair_order,
    )
    claims = sorted(
        (c for c in content.claims if articles and all(s in sentence_index for s in c["sentence_ids"])),
        key=claim_order,
    )
    return {
        "version": FRAGMENT_VERSION,
        "articles": [
            {
                "id": a["article_id"],
                "source": a["source"],
                "language": a["language"],
                "title": a["title"],
                "url": a["url"],
                "published": a["published"],
                "sentences": sentences_of.get(a["article_id"], []),
            }
            for a in articles
        ],
        "sentences": [
            {
                "id": s["sentence_id"],
                "article": article_index[s["article_id"]],
                "language": s["language"],
                "text": s["text"],
                "en": s["text_en"],
                "engine": (s["translation"] or {}).get("engine"),
            }
            for s in sentences
        ],
        # Each with its place in the page's order of all pairs (conflicts first, then by confidence), as a list.
        "pairs": [
            [
                list(_pair_order(p)),
                {
                    "id": p["pair_id"],
                    "a": sentence_index[p["sentence_id_a"]],
                    "b": sentence_index[p["sentence_id_b"]],
                    "languages": language_pair(p["language_a"], p["language_b"]),
                    "label": p["label"],
                    "confidence": round(float(p["confidence"]), 4),
                    "similarity": round(float(p["similarity"]), 4),
                    "entailment": None if p.get("entailment") is None else round(float(p["entailment"]), 4),
                    "evidence": [
                        {"kind": e["kind"], "a": e["a"], "b": e["b"], "note": e["note"]} for e in p["evidence"]
                    ],
                },
            ]
            for p in pairs
        ],
        # Contested first (as `align claims` lists them); conflicts by pair id until the page numbers the pairs.
        "claims": [
            {
                "id": c["claim_id"],
                "status": c["status"],
                "sources": c["sources"],
                "languages": c["languages"],
                "members": [sentence_index[s] for s in c["sentence_ids"]],
                "representative": sentence_index.get(c["representative_id"]),
                "conflicts": [x["pair_id"] for x in c["conflicts"]],
                "published": [c["first_published"], c["last_published"]],
            }
            for c in claims
        ],
    }


def _pair_order(pair: dict[str, Any]) -> tuple[bool, float, str]:
    return (pair["label"] != "conflict", -pair["confidence"], pair["pair_id"])


def event_fragments(
    content: DatasetContent, known: Mapping[str, ReportFragment] | None = None
) -> dict[str, ReportFragment]:
    """Every event's fragment, events in sorted order: those in ``known`` as they are, the others computed from
    their rows (only theirs are touched)."""
    known = known or {}
    computed = {event: event_fragment(part) for event, part in content.by_event(skip=known).items()}
    return {event: known[event] if event in known else computed[event] for event in sorted(content.events())}


def assemble_report_data(
    fragments: Mapping[str, ReportFragment], release: Release | None, title: str
) -> dict[str, Any]:
    """The JSON the page renders, from every event's fragment (``event_fragments``): each text embedded once."""
    events, articles, sentences, claims = [], [], [], []
    ordered_pairs: list[list[tuple[tuple[bool, float, str], dict[str, Any]]]] = []
    claim_parts = []
    for event in sorted(fragments):
        fragment = fragments[event]
        if not fragment["articles"]:
            continue  # an event without articles shows nothing (its sentences have no article to sit in)
        first_article, first_sentence = len(articles), len(sentences)
        events.append({"id": event, "articles": list(range(first_article, first_article + len(fragment["articles"])))})
        articles.extend(
            {**a, "sentences": [first_sentence + i for i in a["sentences"]]} for a in fragment["articles"]
        )
        sentences.extend({**s, "article": first_article + s["article"]} for s in fragment["sentences"])
        ordered_pairs.append(
            [
                (tuple(order), {**p, "a": first_sentence + p["a"], "b": first_sentence + p["b"]})  # type: ignore[misc]
                for order, p in fragment["pairs"]
            ]
        )
        claim_parts.append((len(events) - 1, first_sentence, fragment["claims"]))
    pairs = [p for _, p in heapq.merge(*ordered_pairs, key=lambda item: item[0])]
    pair_index = {p["id"]: i for i, p in enumerate(pairs)}
    for event_number, first_sentence, part in claim_parts:
        claims.extend(
            {
                **c,
                "event": event_number,
                "members": [first_sentence + i for i in c["members"]],
                "representative": None if c["representative"] is None else first_sentence + c["representative"],
                "conflicts": [pair_index[x] for x in c["conflicts"] if x in pair_index],
            }
            for c in part
        )
    return {
        "meta": {
            "title": title,
            "version": release.version if release else None,
            "schema_version": release.schema_version if release else None,
            "build_signature": release.build_signature if release else None,
            "content_sha256": release.content_sha256 if release else None,
        },
        "events": events,
        "articles": articles,
        "sentences": sentences,
        "pairs": pairs,
        "claims": claims,
    }


def report_data(content: DatasetContent, release: Release | None, title: str) -> dict[str, Any]:
    """The JSON the page renders: records referenced by index, so each text is embedded once."""
    return assemble_report_data(event_fragments(content), release, title)


def _script_json(data: dict[str, Any]) -> str:
    """JSON that cannot end the <script> element it sits in, whatever the article texts contain."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def render_report(content: DatasetContent, release: Release | None, title: str) -> str:
    """The whole page as one string: template + embedded JSON + inline SVG chart."""
    return render_page(event_fragments(content), labels_per_language_pair(content.pairs), release, title)


def render_page(
    fragments: Mapping[str, ReportFragment], chart_counts: dict[str, Counter[str]], release: Release | None, title: str
) -> str:
    """The page from the events' fragments and the chart's counts (``labels_per_language_pair``)."""
    template = resources.files("align.dataset").joinpath("report_template.html").read_text("utf-8")
    version = f"version {release.version}" if release else "unversioned"
    replacements = {
        "{{TITLE}}": html.escape(title),
        "{{SUBTITLE}}": html.escape(version),
        "{{CHART}}": labels_chart_svg(chart_counts),
        "{{DATA}}": _script_json(assemble_report_data(fragments, release, title)),
    }
    # One pass, so a placeholder-like string inside the data is never substituted again.
    return re.sub(r"\{\{[A-Z]+\}\}", lambda m: replacements.get(m.group(0), m.group(0)), template)


def write_report_file(publication: Publication, directory: Path) -> None:
    """The release writer of ``report.html``, which the card links (``align.dataset.artifacts``): from the events'
    fragments (``publication.report_fragments`` as they are, the others computed from their rows) and the chart
    counts of the events' summaries."""
    fragments = event_fragments(publication.content, publication.report_fragments)
    counts = publication.stats.labels_per_language_pair()
    page = render_page(fragments, counts, publication.release, publication.card.pretty_name)
    (directory / REPORT_FILE).write_text(page, "utf-8")


def write_report(dataset_dir: Path, output: Path) -> Path:
    """Render the report of a published dataset directory to ``output`` (written atomically)."""
    if not dataset_dir.is_dir():
        raise AlignError(dataset_dir, "dataset directory does not exist")
    check_output_file(output, dataset_dir)
    content = read_content(dataset_dir)
    metadata = read_card_metadata(dataset_dir) or {}
    title = str(metadata.get("pretty_name") or dataset_dir.name)
    page = render_report(content, read_release(dataset_dir), title)
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(page)
        apply_umask(Path(temporary), directory=False)
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return output
