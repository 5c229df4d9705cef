"""Where align may write, and how a dataset directory is replaced without ever losing the only complete copy.

The rule for outputs lives in ``check_output_dir`` (a dataset directory: ``build``, ``assemble``, ``release``, the
datatrove publish step) and ``check_output_file`` (the file ``align report -o`` writes): an output is a new path or
something align wrote itself, never a file or folder of the user's, never the corpus or anything inside it, never the
working directory, the home directory or a filesystem root. ``check_work_dir`` applies the same care to the cache and
shard directories.

``swap_into_place`` exchanges a fully written staging directory with the published one: one ``renameat2
(RENAME_EXCHANGE)`` where the kernel and file system have it (Linux >= 3.15), so the output path always names a
complete dataset; elsewhere two renames, with the previous copy parked in ``.<name>.old-*`` in between. A kill at any
instant leaves the published copy, the new copy, or both; ``recover_interrupted_swap``, run under the build lock
at the start of every command that writes a dataset, puts the previous copy back when the output is missing and
removes what the interrupted swap left behind. Ctrl-C and SIGTERM are held back during the renames.

Test hooks, never set by align itself: ``ALIGN_TEST_SWAP_DELAY`` (seconds) pauses inside the swap, between the two
renames (or after the exchange, before the previous copy is removed), so that a test can kill a real build there;
``ALIGN_TEST_SWAP_FALLBACK=1`` makes the swap use the two renames even where the exchange is available.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from align.errors import AlignError

log = logging.getLogger(__name__)

SWAP_DELAY_VARIABLE = "ALIGN_TEST_SWAP_DELAY"
SWAP_FALLBACK_VARIABLE = "ALIGN_TEST_SWAP_FALLBACK"
STAGING_TAG = "tmp"
RETIRED_TAG = "old"
REPORT_MARKER = "data-report-status="  # on the <html> element of every page align report writes

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# tempfile's random part: 8 characters of [a-z0-9_]
_TEMP_NAME = re.compile(r"[a-z0-9_]{8}")


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
    from align.publish import CARD, read_card_metadata

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


# --- permissions ---------------------------------------------------------------------------------------------------


def current_umask() -> int:
    """The process umask (read without changing it where Linux tells it)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def apply_umask(path: Path, directory: bool) -> None:
    """Give a file or directory made by ``tempfile`` (0600/0700) the mode an ordinary ``open``/``mkdir`` would."""
    os.chmod(path, (0o777 if directory else 0o666) & ~current_umask())


# --- the swap ------------------------------------------------------------------------------------------------------


def make_staging_dir(out: Path) -> Path:
    """A new, empty directory beside ``out`` to write the next version into; it gets ordinary permissions."""
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.{STAGING_TAG}-", dir=out.parent))
    apply_umask(staging, directory=True)
    return staging


@contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) and SIGTERM until the block is done, then deliver them.

    Python runs signal handlers in the main thread only, so elsewhere there is nothing to hold back.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def hold(signum: int, _frame: object) -> None:
        received.append(signum)

    previous = {number: signal.signal(number, hold) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        if received:
            signal.raise_signal(received[0])


def swap_into_place(staging: Path, out: Path) -> None:
    """Make the complete dataset in ``staging`` the one at ``out``; the previous copy is removed afterwards.

    At no instant is the only complete copy deleted: before the swap ``out`` holds the previous version, after it
    the new one; a kill in between (two-rename fallback only) leaves the previous one in ``.<name>.old-*``, which
    ``recover_interrupted_swap`` restores.
    """
    _sync_tree(staging)
    if not out.exists():
        with deferred_interrupts():
            os.rename(staging, out)
            _sync_directory(out.parent)
        return
    with deferred_interrupts():
        if exchange_paths(staging, out):
            previous = staging  # the exchange left the previous version under the staging name
        else:
            previous = Path(tempfile.mkdtemp(prefix=f".{out.name}.{RETIRED_TAG}-", dir=out.parent))
            os.rename(out, previous / out.name)
            _test_pause()
            try:
                os.rename(staging, out)
            except BaseException:
                os.rename(previous / out.name, out)
                raise
        _sync_directory(out.parent)
    if previous == staging:
        _test_pause()
    shutil.rmtree(previous)  # a kill from here on leaves a leftover that recover_interrupted_swap removes


def exchange_paths(first: Path, second: Path) -> bool:
    """Atomically exchange two existing paths with ``renameat2(RENAME_EXCHANGE)``.

    False when this system cannot (not Linux, old kernel or libc, a file system without support); then nothing was
    changed. Other failures raise OSError.
    """
    if os.environ.get(SWAP_FALLBACK_VARIABLE):
        return False
    function = _renameat2()
    if function is None:
        return False
    if function(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


@cache
def _renameat2():  # type: ignore[no-untyped-def]
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2  # glibc >= 2.28, musl >= 1.2.3
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def swap_leftovers(out: Path) -> list[Path]:
    """Staging (``.<name>.tmp-*``) and retired (``.<name>.old-*``) directories beside ``out``."""
    if not out.parent.is_dir():
        return []
    pattern = re.compile(rf"\.{re.escape(out.name)}\.({STAGING_TAG}|{RETIRED_TAG})-{_TEMP_NAME.pattern}")
    return sorted(
        p for p in out.parent.iterdir() if pattern.fullmatch(p.name) and p.is_dir() and not p.is_symlink()
    )


def recover_interrupted_swap(out: Path) -> None:
    """Undo what a killed swap left: restore the previous dataset when ``out`` is missing, remove leftovers.

    Call it holding ``out``'s build lock, before reading ``out``. When ``out`` is missing and a retired copy exists
    but is damaged, refuses (AlignError) rather than start a new version history at the initial version.
    """
    from align.publish import checksum_failures

    leftovers = swap_leftovers(out)
    if not leftovers:
        return
    if not out.exists() and not out.is_symlink():
        retired = [d / out.name for d in leftovers if d.name.startswith(f".{out.name}.{RETIRED_TAG}-")]
        retired = [copy for copy in retired if copy.is_dir()]
        intact = [copy for copy in retired if not checksum_failures(copy)]
        if intact:
            chosen = max(intact, key=lambda copy: copy.stat().st_mtime)
            with deferred_interrupts():
                os.rename(chosen, out)
                _sync_directory(out.parent)
            log.warning(
                "%s: restored the published dataset from %s (a build was killed mid-swap)", out, chosen.parent
            )
        elif retired:
            raise AlignError(
                out,
                f"is missing, and the previous version an interrupted build left in {retired[0].parent} fails its "
                "checksums; restore the dataset (e.g. from git) or move that directory away to start a new one",
            )
    for leftover in leftovers:
        if leftover.exists():
            shutil.rmtree(leftover)
            log.info("removed %s, left by an interrupted build", leftover)


def _test_pause() -> None:
    delay = float(os.environ.get(SWAP_DELAY_VARIABLE) or 0)
    if delay:
        time.sleep(delay)


def _sync_tree(directory: Path) -> None:
    """Flush every file and directory under ``directory`` to disk, so the renamed copy survives a power cut too."""
    for root, _dirs, files in os.walk(directory):
        for name in files:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _sync_directory(Path(root))


def _sync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems do not sync directories
        pass
    finally:
        os.close(fd)
