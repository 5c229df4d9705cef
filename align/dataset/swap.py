"""How a dataset directory is replaced without ever losing the only complete copy.

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

from align.dataset.checksums import checksum_failures
from align.errors import AlignError

log = logging.getLogger(__name__)

SWAP_DELAY_VARIABLE = "ALIGN_TEST_SWAP_DELAY"
SWAP_FALLBACK_VARIABLE = "ALIGN_TEST_SWAP_FALLBACK"
STAGING_TAG = "tmp"
RETIRED_TAG = "old"

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# tempfile's random part: 8 characters of [a-z0-9_]
_TEMP_NAME = re.compile(r"[a-z0-9_]{8}")


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
