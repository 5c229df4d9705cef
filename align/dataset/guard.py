"""Where align may write: the one rule for every output, checked before anything is written.

``check_output_dir`` (a dataset directory: ``build``, ``assemble``, ``release``, the datatrove publish step) and
``check_output_file`` (the file ``align report -o`` writes): an output is a new path or something align wrote itself,
never a file or folder of the user's, never the corpus or anything inside it, never the working directory, the home
directory or a filesystem root. ``check_work_dir`` applies the same care to the cache and shard directories.
"""

from __future__ import annotations

import os
from pathlib import Path

from align.dataset.artifacts import CARD
from align.dataset.content import read_card_metadata
from align.errors import AlignError

REPORT_MARKER = "data-report-status="  # on the <html> element of every page align report writes


# --- the output rule ---------------------------------------------------------------------------------------------


def check_output_dir(out: Path, corpus: Path | None = None) -> None:
    """Refuse (AlignError, nothing touched) a dataset output that align must not replace.

    Allowed: a path that does not exist yet, an empty directory, or a directory holding an align dataset (a card
    with align metadata). Refused: a file or symbolic link; a non-empty directory without an align card; the corpus,
    a directory inside it or one that contains it (the next build would read the dataset as articles); a directory
    inside another align dataset; the working directory, the home directory, a filesystem root or mount point, or
    any directory that contains one of them; a location align cannot write.
    """
    if out.is_symlink():
        raise AlignError(
            out, "is a symbolic link; give the directory itself (the swap would replace the link)"
        )
    if out.exists() and not out.is_dir():
        raise AlignError(out, "is a file, not a dataset directory; refusing to replace it")
    resolved = _resolved(out)
    _refuse_special_directory(out, resolved)
    if out.name in ("", ".", ".."):
        raise AlignError(out, "give the output directory by its own name, not '.' or '..'")
    if corpus is not None:
        _refuse_corpus_overlap(out, resolved, corpus)
    enclosing = enclosing_dataset(resolved.parent)
    if enclosing is not None:
        raise AlignError(out, f"lies inside the align dataset {enclosing}, whose checksums it would break")
    if out.is_dir() and any(out.iterdir()) and not holds_align_dataset(out):
        raise AlignError(
            out,
            "exists and is not an align dataset (no README.md card with align metadata); refusing to replace "
            "it: choose a new or empty directory",
        )
    _refuse_unwritable(out, resolved)


def check_output_file(output: Path, dataset_dir: Path | None = None) -> None:
    """Refuse (AlignError) a file output (``align report -o``) that is a directory, lies inside a dataset directory,
    or is an existing file that align did not write."""
    if output.is_dir():
        raise AlignError(output, "is a directory; give the name of the HTML file to write")
    resolved = _resolved(output)
    enclosing = enclosing_dataset(resolved.parent)
    if enclosing is None and dataset_dir is not None and resolved.is_relative_to(_resolved(dataset_dir)):
        enclosing = dataset_dir
    if enclosing is not None:
        raise AlignError(
            output,
            f"is inside the dataset directory {enclosing}, which would break its SHA256SUMS; align build and "
            "align release already write report.html there",
        )
    if output.exists() and not _is_align_report(output):
        raise AlignError(output, "exists and is not a report written by align; refusing to overwrite it")
    _refuse_unwritable(output, resolved)


def check_work_dir(path: Path, option: str, corpus: Path | None = None) -> None:
    """Refuse (AlignError) a cache or shard directory that is a file, lies inside the corpus, or cannot be written."""
    if path.exists() and not path.is_dir():
        raise AlignError(path, f"{option} is a file, not a directory")
    resolved = _resolved(path)
    if corpus is not None:
        corpus_resolved = _resolved(corpus)
        if resolved.is_relative_to(corpus_resolved):
            raise AlignError(
                path, f"{option} lies inside the corpus {corpus}, whose sub-directories are read as events"
            )
    existing = _nearest_existing(resolved)
    if not existing.is_dir():
        raise AlignError(path, f"{option}: {existing} is a file, not a directory")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise AlignError(path, f"{option} is not writable ({existing} is read-only)")


def holds_align_dataset(directory: Path) -> bool:
    """Whether ``directory`` holds an align dataset card (README.md whose YAML metadata has an ``align`` block).

    A card that starts a YAML block that does not parse is an align card gone bad: its AlignError propagates.
    """
    try:
        metadata = read_card_metadata(directory)
    except AlignError:
        try:
            starts_as_card = (directory / CARD).read_text("utf-8", errors="replace").startswith("---\n")
        except OSError:
            starts_as_card = False
        if starts_as_card:
            raise
        return False
    except OSError:
        return False
    return isinstance(metadata, dict) and isinstance(metadata.get("align"), dict)


def enclosing_dataset(directory: Path) -> Path | None:
    """The align dataset directory that ``directory`` is or lies inside, if any."""
    for candidate in (directory, *directory.parents):
        try:
            if (candidate / "README.md").is_file() and holds_align_dataset(candidate):
                return candidate
        except AlignError:  # a README whose metadata does not parse: not known to be a dataset
            continue
    return None


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(path.anchor)


def _refuse_special_directory(out: Path, resolved: Path) -> None:
    if resolved == Path(resolved.anchor):
        raise AlignError(out, "is a filesystem root; give a dataset directory, e.g. --out dataset")
    if resolved.exists() and os.path.ismount(resolved):
        raise AlignError(out, "is a mount point, which cannot be swapped; give a directory inside it")
    places = {"working directory": Path.cwd()}
    try:
        places["home directory"] = Path.home()
    except RuntimeError:  # no home directory known
        pass
    for name, place in places.items():
        place = _resolved(place)
        if resolved == place:
            raise AlignError(out, f"is the {name}; give a dataset directory, e.g. --out dataset")
        if place.is_relative_to(resolved):
            raise AlignError(
                out, f"contains the {name} ({place}); give a dataset directory, e.g. --out dataset"
            )


def _refuse_corpus_overlap(out: Path, resolved: Path, corpus: Path) -> None:
    corpus_resolved = _resolved(corpus)
    if resolved == corpus_resolved:
        raise AlignError(out, "is the corpus directory; the dataset must be written elsewhere")
    if resolved.is_relative_to(corpus_resolved):
        raise AlignError(
            out, f"lies inside the corpus {corpus}; the next build would read the dataset as articles"
        )
    if corpus_resolved.is_relative_to(resolved):
        raise AlignError(out, f"contains the corpus {corpus}; replacing it would delete the corpus")


def _refuse_unwritable(out: Path, resolved: Path) -> None:
    parent = _nearest_existing(resolved.parent)
    if not parent.is_dir():
        raise AlignError(out, f"{parent} is a file, not a directory")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise AlignError(out, f"cannot write here: {parent} is read-only")
    if resolved.is_dir() and not os.access(resolved, os.W_OK | os.X_OK):
        raise AlignError(out, "is read-only; align replaces the whole directory")


def _is_align_report(path: Path) -> bool:
    try:
        with path.open("r", encoding="utf-8", errors="replace") as stream:
            head = stream.read(4096)
    except OSError:
        return False
    return head.lstrip().lower().startswith("<!doctype html>") and REPORT_MARKER in head
