"""Writing a dataset version: the one sequence ``align build``, ``align assemble`` and ``align release`` share.

``write_release`` validates the records (those of events validated when their shard was written only against the
dataset-wide checks), writes every file ``align.dataset.artifacts.ARTIFACTS`` lists into a
staging directory beside the output, ``SHA256SUMS`` over all of them, and swaps the directory into place
(``align.dataset.swap``); a failure anywhere before the swap leaves the published dataset untouched. Then it keeps the
project's ``CITATION.cff`` reference to the dataset current. ``locked_output`` holds the output's lock around it.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from align.dataset.artifacts import ARTIFACTS, CHANGELOG, CITATION_FILE
from align.dataset.check import validate_content
from align.dataset.checksums import write_checksums
from align.dataset.citation import update_dataset_reference
from align.dataset.content import Publication
from align.dataset.guard import check_output_dir
from align.dataset.lock import BuildLock
from align.dataset.swap import make_staging_dir, recover_interrupted_swap, swap_into_place
from align.errors import AlignError
from align.registry import load_object

log = logging.getLogger(__name__)


@contextmanager
def locked_output(out: Path) -> Iterator[None]:
    """Hold ``out``'s lock, after finishing or rolling back a swap into ``out`` that a killed command left half done.

    The caller checks ``out`` with ``check_output_dir`` first, before it does any work.
    """
    with BuildLock(out):
        recover_interrupted_swap(out)
        yield


def write_release(publication: Publication, out: Path) -> None:
    """Write ``publication`` as the dataset in ``out`` (see the module docstring); AlignError when a record fails
    validation, before anything is written. ``out`` must pass ``check_output_dir``."""
    check_output_dir(out)
    failures = validate_content(publication.content, trusted_events=publication.validated_events)
    if failures:
        raise AlignError(out, f"{len(failures)} record(s) fail validation; first: {failures[0]}")
    changelog = out / CHANGELOG
    publication = replace(
        publication, previous_changelog=changelog.read_text("utf-8") if changelog.is_file() else ""
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = make_staging_dir(out)
    try:
        for artifact in ARTIFACTS:
            load_object(artifact.writer)(publication, staging)
        write_checksums(staging)
        swap_into_place(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    project_citation = out.parent / CITATION_FILE
    release, card = publication.release, publication.card
    if update_dataset_reference(project_citation, card.citation_title, release.version, publication.released):
        log.info("updated the dataset reference in %s to %s", project_citation, release.version)
