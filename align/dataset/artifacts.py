"""The files of a published dataset directory, and which module writes each one.

``write_release`` (``align.dataset.write``) walks ``ARTIFACTS`` in order into a staging directory, then writes
``SHA256SUMS`` over everything and swaps the directory into place. A new output file is one module with a writer
``write_<file>(publication, directory)`` and one line here; the writer is imported only when a release is written.
"""

from __future__ import annotations

from dataclasses import dataclass

CARD = "README.md"
CHANGELOG = "CHANGELOG.md"
CHECKSUMS = "SHA256SUMS"
REPORT_FILE = "report.html"  # next to the dataset card, which links it
CHART_FILE = "labels.svg"  # next to the dataset card, which embeds it
CITATION_FILE = "CITATION.cff"
DATA_DIR = "data"


@dataclass(frozen=True)
class Artifact:
    """One file (or, for the records, one directory) of a dataset version and the function that writes it."""

    path: str  # relative to the dataset directory
    writer: str  # "module:function"; the function takes (Publication, staging directory)


ARTIFACTS: tuple[Artifact, ...] = (
    Artifact(DATA_DIR, "align.dataset.content:write_data_files"),
    Artifact(CARD, "align.dataset.card:write_card"),
    Artifact(CHANGELOG, "align.dataset.diff:write_changelog"),
    Artifact(REPORT_FILE, "align.dataset.report:write_report_file"),
    Artifact(CHART_FILE, "align.dataset.chart:write_chart"),
    Artifact(CITATION_FILE, "align.dataset.citation:write_citation"),
)
