"""Labels per language pair, counted once and drawn as a small static SVG (no script, no fonts to fetch).

The same SVG is written next to the dataset card (``labels.svg``) and inlined in the HTML report. Output depends only
on the pairs, so unchanged content gives the same bytes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from align.dataset.artifacts import CHART_FILE
from align.dataset.content import Publication
from align.dataset.summary import language_pair
from align.records import LABELS

LABEL_COLOURS = {"agree": "#2f7ab9", "conflict": "#d9480f"}
_ROW = 24
_LEFT = 64  # room for "en-hi" labels
_BAR = 300
_RIGHT = 150  # room for the counts
_TOP = 34  # title and legend


def labels_per_language_pair(pairs: Iterable[dict[str, Any]]) -> dict[str, Counter[str]]:
    """``{"en-hi": Counter({"agree": 12, "conflict": 3}), ...}``, language pairs in sorted order."""
    counts: dict[str, Counter[str]] = {}
    for pair in pairs:
        counts.setdefault(language_pair(pair["language_a"], pair["language_b"]), Counter())[
            pair["label"]
        ] += 1
    return dict(sorted(counts.items()))


def labels_chart_svg(counts: dict[str, Counter[str]]) -> str:
    """A horizontal stacked bar per language pair (agree, conflict) of ``counts`` (``labels_per_language_pair``),
    with counts; a note when there are no pairs."""
    width = _LEFT + _BAR + _RIGHT
    height = _TOP + max(1, len(counts)) * _ROW + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="labels-chart-title" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" font-size="12">',
        '<title id="labels-chart-title">Labels per language pair</title>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        '<text x="4" y="14" font-weight="600" fill="#222">Labels per language pair</text>',
    ]
    legend_x = _LEFT + _BAR - 150
    for offset, label in enumerate(LABELS):
        x = legend_x + offset * 80
        parts.append(f'<rect x="{x}" y="5" width="10" height="10" fill="{LABEL_COLOURS[label]}"/>')
        parts.append(f'<text x="{x + 14}" y="14" fill="#333">{label}</text>')
    if not counts:
        parts.append(f'<text x="{_LEFT}" y="{_TOP + 15}" fill="#666">no pairs yet</text>')
    largest = max((sum(c.values()) for c in counts.values()), default=1)
    for row, (name, by_label) in enumerate(counts.items()):
        y = _TOP + row * _ROW
        parts.append(
            f'<text x="{_LEFT - 8}" y="{y + 15}" text-anchor="end" fill="#222">{escape(name)}</text>'
        )
        x = float(_LEFT)
        for label in LABELS:
            n = by_label.get(label, 0)
            if n:
                bar = _BAR * n / largest
                parts.append(
                    f'<rect x="{x:.1f}" y="{y + 3}" width="{bar:.1f}" height="{_ROW - 6}" '
                    f'fill="{LABEL_COLOURS[label]}"><title>{escape(name)} {label}: {n}</title></rect>'
                )
                x += bar
        summary = " · ".join(f"{by_label.get(label, 0)} {label}" for label in LABELS)
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}" fill="#333">{summary}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def write_chart(publication: Publication, directory: Path) -> None:
    """The release writer of ``labels.svg``, which the card embeds (``align.dataset.artifacts``)."""
    (directory / CHART_FILE).write_text(labels_chart_svg(publication.stats.labels_per_language_pair()), "utf-8")
