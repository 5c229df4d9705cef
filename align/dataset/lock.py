"""The lock on an output directory: one writer at a time, however the previous one ended.

``build``, ``assemble`` and ``release`` hold it for their whole length (``align.dataset.write.locked_output``).
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import socket
import time
from pathlib import Path
from typing import Any

from align.errors import AlignError

log = logging.getLogger(__name__)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists on this host."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by another user
        return True
    return True


class BuildLock:
    """Exclusive right to write one output directory, for the length of a build.

    The lock file ``.<out name>.lock`` beside the output records the PID, host and start time of the build holding
    it, under an advisory ``flock`` that the kernel drops when that process ends, however it ends. A lock left by a
    dead build (``kill -9``) is therefore taken over, with a warning. As a second line of defence (file systems that
    ignore flock), a lock whose PID is still alive on this host is respected.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.path = out_dir.parent / f".{out_dir.name}.lock"
        self._fd: int | None = None

    def __enter__(self) -> BuildLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = self._open_locked()
        except OSError as error:
            raise AlignError(self.out_dir, f"cannot create the lock file {self.path}: {error.strerror}") from None
        me = {"pid": os.getpid(), "host": socket.gethostname()}
        previous = _read_holder(fd)
        if previous and {k: previous.get(k) for k in me} != me:
            if previous.get("host") == me["host"] and pid_alive(int(previous.get("pid", 0))):
                os.close(fd)
                raise self._locked_error(previous)
            log.warning(
                "%s: took over a stale lock of PID %s on %s (started %s); that build is no longer running",
                self.path,
                previous.get("pid"),
                previous.get("host"),
                previous.get("started"),
            )
        holder = {**me, "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "out": str(self.out_dir)}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode("utf-8"), 0)
        os.fsync(fd)
        self._fd = fd

    def _open_locked(self) -> int:
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read_holder(fd)
                os.close(fd)
                raise self._locked_error(holder) from None
            # The previous holder may have removed the file between our open and flock: lock the current file.
            try:
                if os.fstat(fd).st_ino == os.stat(self.path).st_ino:
                    return fd
            except FileNotFoundError:
                pass
            os.close(fd)

    def _locked_error(self, holder: dict[str, Any] | None) -> AlignError:
        holder = holder or {}
        return AlignError(
            self.out_dir,
            f"locked by PID {holder.get('pid', '?')} on {holder.get('host', '?')} since "
            f"{holder.get('started', '?')}: another build is writing it (lock file {self.path}; remove it only "
            "if that process is not an align build)",
        )

    def release(self) -> None:
        if self._fd is None:
            return
        self.path.unlink(missing_ok=True)  # while still holding the flock, so no one locks a file about to go
        os.close(self._fd)
        self._fd = None


def _read_holder(fd: int) -> dict[str, Any] | None:
    try:
        data = json.loads(os.pread(fd, 4096, 0).decode("utf-8") or "null")
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
