"""CITATION.cff files (Citation File Format 1.2.0) for a published dataset and the project that builds it.

Every published version carries ``CITATION.cff`` next to its card, so a copy of the dataset (or its Hub
repository) says how to cite exactly that version. A project that commits its dataset usually has its own
``CITATION.cff`` one level up, listing the dataset under ``references``; ``align build`` keeps that entry's
``version`` and ``date-released`` current, and touches nothing else in the file. The entry is the reference
of ``type: data`` whose ``title`` is the dataset's ``citation_title`` (config ``[dataset]``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from align.dataset.artifacts import CITATION_FILE
from align.dataset.content import Publication
from align.errors import AlignError

# Hugging Face card license ids -> the SPDX ids CFF requires; others are left out of the citation.
SPDX_FROM_HUB = {
    "mit": "MIT",
    "apache-2.0": "Apache-2.0",
    "cc0-1.0": "CC0-1.0",
    "cc-by-4.0": "CC-BY-4.0",
    "cc-by-sa-4.0": "CC-BY-SA-4.0",
    "cc-by-nc-4.0": "CC-BY-NC-4.0",
    "cc-by-nc-sa-4.0": "CC-BY-NC-SA-4.0",
    "cc-by-nd-4.0": "CC-BY-ND-4.0",
    "odc-by": "ODC-By-1.0",
    "odbl": "ODbL-1.0",
    "pddl": "PDDL-1.0",
}


def dataset_citation(
    title: str, version: str, released: dt.date, authors: tuple[str, ...], license_id: str, abstract: str
) -> dict[str, Any]:
    """The CFF document of one dataset version (``type: dataset``)."""
    document: dict[str, Any] = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite this version as below.",
        "type": "dataset",
        "title": title,
        "version": version,
        "date-released": released.isoformat(),
        "authors": [{"name": name} for name in authors],
        "abstract": abstract,
    }
    if license_id.lower() in SPDX_FROM_HUB:
        document["license"] = SPDX_FROM_HUB[license_id.lower()]
    return document


def dump_citation(document: dict[str, Any]) -> str:
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=110)


def read_citation(path: Path) -> dict[str, Any]:
    """A CITATION.cff as a mapping; AlignError naming the file when it does not parse."""
    try:
        document = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise AlignError(path, f"cannot read citation file: {str(exc).splitlines()[0]}") from None
    if not isinstance(document, dict):
        raise AlignError(path, "citation file is not a YAML mapping")
    return document


def update_dataset_reference(path: Path, title: str, version: str, released: dt.date) -> bool:
    """Set ``version`` and ``date-released`` of the ``type: data`` reference titled ``title`` in the project's
    CITATION.cff. Returns whether the file changed; a file without such a reference is left alone."""
    if not path.is_file():
        return False
    document = read_citation(path)
    changed = False
    for reference in document.get("references") or []:
        if not isinstance(reference, dict) or reference.get("type") != "data" or reference.get("title") != title:
            continue
        wanted = {"version": version, "date-released": released.isoformat()}
        if any(str(reference.get(key)) != value for key, value in wanted.items()):
            reference.update(wanted)
            changed = True
    if changed:
        staging = path.with_name(f".{path.name}.tmp")
        staging.write_text(dump_citation(document), "utf-8")
        staging.replace(path)
    return changed


def write_citation(publication: Publication, directory: Path) -> None:
    """The release writer of this version's own ``CITATION.cff`` (``align.dataset.artifacts``)."""
    content, release, info = publication.content, publication.release, publication.card
    languages = ", ".join(sorted({a["language"] for a in content.articles}))
    abstract = (
        f"{len(content.pairs)} links between {len(content.sentences)} sentences of {len(content.articles)} news "
        f"articles ({languages}), each labelled agree or conflict with evidence; built by align "
        f"({release.build_signature})."
    )
    citation = dataset_citation(
        info.citation_title, release.version, publication.released, info.authors, info.license, abstract
    )
    (directory / CITATION_FILE).write_text(dump_citation(citation), "utf-8")
