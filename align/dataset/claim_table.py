"""``align claims``: the claims of a published dataset, contested first, as a readable table or as JSON.

A fact-checker starts from the contested facts: rows are sorted by status (contested, consensus, single), then by
how many sources state the fact (most first), then by the first publication date and the id.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from align.dataset.content import DatasetContent, read_content, read_release
from align.dataset.features import ADDED_CONFIGS
from align.errors import AlignError
from align.records import CLAIM_STATUSES

TEXT_WIDTH = 110  # characters of the representative sentence shown per row


def claim_order(claim: dict[str, Any]) -> tuple[int, int, str, str]:
    return (
        CLAIM_STATUSES.index(claim["status"]),
        -claim["n_sources"],
        claim["first_published"] or "~",  # undated last
        claim["claim_id"],
    )


def select_claims(
    content: DatasetContent, event: str | None = None, status: str | None = None
) -> list[dict[str, Any]]:
    """The claims of ``event`` (all events when None) with ``status`` (any when None), contested first."""
    if status is not None and status not in CLAIM_STATUSES:
        raise AlignError("--status", f"must be one of {', '.join(CLAIM_STATUSES)}, got {status!r}")
    events = sorted({c["event_id"] for c in content.claims} | {a["event_id"] for a in content.articles})
    if event is not None and event not in events:
        known = ", ".join(events[:5]) + (f" and {len(events) - 5} more" if len(events) > 5 else "")
        raise AlignError("--event", f"no event {event!r} in this dataset (events: {known or 'none'})")
    rows = [
        c
        for c in content.claims
        if (event is None or c["event_id"] == event) and (status is None or c["status"] == status)
    ]
    return sorted(rows, key=lambda c: (c["event_id"], *claim_order(c)))


def read_claims(dataset_dir: Path) -> DatasetContent:
    """The records of ``dataset_dir``; AlignError when it has no claims config (an older schema)."""
    if not dataset_dir.is_dir():
        raise AlignError(dataset_dir, "dataset directory does not exist")
    release = read_release(dataset_dir)
    content = read_content(dataset_dir)
    if release is not None and not content.claims and content.sentences:
        raise AlignError(
            dataset_dir,
            f"has no claims (schema {release.schema_version}; claims arrived in schema {ADDED_CONFIGS['claims']}): "
            "rebuild it with align build --bump major",
        )
    return content


def table_lines(content: DatasetContent, claims: list[dict[str, Any]]) -> list[str]:
    """Per event: a count line, then two lines per claim (status, sources, languages, id, text; who states it and the
    kinds of evidence of its conflicts)."""
    lines: list[str] = []
    by_event: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        by_event.setdefault(c["event_id"], []).append(c)
    for event, rows in by_event.items():
        counts = Counter(c["status"] for c in rows)
        summary = ", ".join(f"{counts[s]} {s}" for s in CLAIM_STATUSES if counts[s])
        lines += [f"{event}: {len(rows)} claim(s) ({summary})", ""]
        for c in rows:
            text = c["text_en"] or c["text"]
            text = text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1] + "…"
            lines.append(
                f"  {c['status']:<9}  {c['n_sources']:>2} src  {','.join(c['languages']):<8}  {c['claim_id']}  {text}"
            )
            detail = f"sources: {', '.join(c['sources'])}"
            if c["conflicts"]:
                kinds = Counter(
                    k for conflict in c["conflicts"] for k in conflict["kinds"] or ["unspecified"]
                )
                detail += f"; {len(c['conflicts'])} conflicting link(s): " + ", ".join(
                    f"{kind} x{n}" if n > 1 else kind for kind, n in sorted(kinds.items())
                )
            lines.append(f"  {'':<9}  {'':>6}  {'':<8}  {'':<16}  {detail}")
        lines.append("")
    if not claims:
        lines.append("no claims match")
    return lines


def claims_json(claims: list[dict[str, Any]]) -> str:
    return json.dumps(claims, indent=2, ensure_ascii=False) + "\n"
