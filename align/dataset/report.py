"""A self-contained HTML page for browsing the dataset: articles side by side, links, conflicts and their evidence, and
a claims view per event (claims x sources, contested first; a claim opens its sentences side by side with the
evidence of its conflicts).

The page is ``report_template.html`` with the dataset embedded as JSON and the labels chart inlined as SVG: no
network, no CDN (a Content-Security-Policy forbids any fetch). Output depends only on the records and the release, so
unchanged content gives the same bytes and the dataset's SHA256SUMS stay stable across rebuilds.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
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


def report_data(content: DatasetContent, release: Release | None, title: str) -> dict[str, Any]:
    """The JSON the page renders: records referenced by index, so each text is embedded once."""
    articles = sorted(
        content.articles, key=lambda a: (a["event_id"], a["language"], a["source"], a["article_id"])
    )
    article_index = {a["article_id"]: i for i, a in enumerate(articles)}
    sentences = sorted(
        (s for s in content.sentences if s["article_id"] in article_index),
        key=lambda s: (article_index[s["article_id"]], s["position"], s["sentence_id"]),
    )
    sentence_index = {s["sentence_id"]: i for i, s in enumerate(sentences)}
    sentences_of: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        sentences_of.setdefault(s["article_id"], []).append(i)
    events: dict[str, list[int]] = {}
    for i, a in enumerate(articles):
        events.setdefault(a["event_id"], []).append(i)
    pairs = sorted(
        (
            p
            for p in content.pairs
            if p["sentence_id_a"] in sentence_index and p["sentence_id_b"] in sentence_index
        ),
        key=lambda p: (p["label"] != "conflict", -p["confidence"], p["pair_id"]),
    )
    pair_index = {p["pair_id"]: i for i, p in enumerate(pairs)}
    event_index = {event: e for e, event in enumerate(sorted(events))}
    claims = sorted(
        (
            c
            for c in content.claims
            if c["event_id"] in event_index and all(s in sentence_index for s in c["sentence_ids"])
        ),
        key=lambda c: (event_index[c["event_id"]], *claim_order(c)),
    )
    return {
        "meta": {
            "title": title,
            "version": release.version if release else None,
            "schema_version": release.schema_version if release else None,
            "build_signature": release.build_signature if release else None,
            "content_sha256": release.content_sha256 if release else None,
        },
        "events": [{"id": event, "articles": indices} for event, indices in sorted(events.items())],
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
        "pairs": [
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
            }
            for p in pairs
        ],
        # Per event, contested first (as `align claims` lists them); members and conflicts by index.
        "claims": [
            {
                "id": c["claim_id"],
                "event": event_index[c["event_id"]],
                "status": c["status"],
                "sources": c["sources"],
                "languages": c["languages"],
                "members": [sentence_index[s] for s in c["sentence_ids"]],
                "representative": sentence_index[c["representative_id"]]
                if c["representative_id"] in sentence_index
                else None,
                "conflicts": [pair_index[x["pair_id"]] for x in c["conflicts"] if x["pair_id"] in pair_index],
                "published": [c["first_published"], c["last_published"]],
            }
            for c in claims
        ],
    }


def _script_json(data: dict[str, Any]) -> str:
    """JSON that cannot end the <script> element it sits in, whatever the article texts contain."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def render_report(content: DatasetContent, release: Release | None, title: str) -> str:
    """The whole page as one string: template + embedded JSON + inline SVG chart."""
    template = resources.files("align.dataset").joinpath("report_template.html").read_text("utf-8")
    version = f"version {release.version}" if release else "unversioned"
    replacements = {
        "{{TITLE}}": html.escape(title),
        "{{SUBTITLE}}": html.escape(version),
        "{{CHART}}": labels_chart_svg(labels_per_language_pair(content.pairs)),
        "{{DATA}}": _script_json(report_data(content, release, title)),
    }
    # One pass, so a placeholder-like string inside the data is never substituted again.
    return re.sub(r"\{\{[A-Z]+\}\}", lambda m: replacements.get(m.group(0), m.group(0)), template)


def write_report_file(publication: Publication, directory: Path) -> None:
    """The release writer of ``report.html``, which the card links (``align.dataset.artifacts``)."""
    page = render_report(publication.content, publication.release, publication.card.pretty_name)
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
