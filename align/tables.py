"""Word tables compiled once from installed packages (gazetteers, loanword keys) and kept between processes.

Building such a table reads whole packages (babel's CLDR names, GeoNames cities, wordfreq's frequency lists) and
takes seconds: every build process paid it again, and a one-article rebuild is mostly that. A compiled table is
kept in ``<cache dir>/tables/<name>-<key>.marshal`` where the key hashes everything the table is made from: the
versions of the packages it reads, the source of the modules that build it, the parameters, and the Python
version (``marshal`` is Python's own format, and holds only plain data: it cannot run code when read).

Safe by construction: a file is written to a temporary name and renamed into place (a reader sees the old file or
the whole new one); a file that cannot be read, does not decode or names another key is rebuilt and rewritten; a
cache directory that cannot be written costs the time to build the table, never an error.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import sys
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from align.cache import default_cache_dir, write_atomically

log = logging.getLogger(__name__)

T = TypeVar("T")
TABLES_DIR = "tables"
FORMAT = "align-table-1"
_directory: Path | None = None


def use_directory(cache_dir: Path) -> None:
    """Keep compiled tables under ``cache_dir`` (the build's model cache) rather than the default cache directory."""
    global _directory
    _directory = cache_dir


def tables_directory() -> Path:
    return (_directory if _directory is not None else default_cache_dir()) / TABLES_DIR


def table_key(
    *, packages: Iterable[str] = (), modules: Iterable[ModuleType] = (), parameters: Iterable[object] = ()
) -> str:
    """A hash of what a table is made from: package versions, module sources, parameters, Python's version."""
    digest = hashlib.sha256(f"{FORMAT}\x1f{sys.version}".encode())
    for package in packages:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"\x1fpackage:{package}={version}".encode())
    for module in modules:
        digest.update(f"\x1fmodule:{module.__name__}\x1f".encode())
        digest.update(Path(module.__file__ or "").read_bytes() if module.__file__ else b"")
    for parameter in parameters:
        digest.update(f"\x1fparameter:{parameter!r}".encode())
    return digest.hexdigest()


def compiled_table(name: str, key: str, compute: Callable[[], T]) -> T:
    """The table ``name`` made by ``compute``, read from its file when one was written for ``key``.

    ``compute`` must return plain data (dicts, tuples, frozensets, strings, numbers): what ``marshal`` keeps.
    """
    path = tables_directory() / f"{name}-{key[:24]}.marshal"
    stored = _read(path, key)
    if stored is not None:
        return stored  # type: ignore[no-any-return]
    table = compute()
    _write(path, key, table)
    return table


def _read(path: Path, key: str) -> object | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.debug("%s: cannot read the compiled table (%s); building it", path, exc)
        return None
    try:
        stored = marshal.loads(data)
    except (EOFError, ValueError, TypeError) as exc:
        log.warning("%s: damaged compiled table (%s); building it again", path, exc)
        return None
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == FORMAT and stored[1] == key):
        log.warning("%s: not the compiled table of this key; building it again", path)
        return None
    return stored[2]


def _write(path: Path, key: str, table: object) -> None:
    """Write atomically (temporary file, then rename); an unwritable directory only costs the next build time."""
    try:
        data = marshal.dumps((FORMAT, key, table))
    except ValueError as exc:  # something marshal cannot hold: a bug in the table's builder; the table stays in memory
        log.warning("%s: compiled table not kept (%s)", path, exc)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
    except OSError as exc:
        log.debug("%s: compiled table not kept (%s)", path, exc)
        return
    for stale in path.parent.glob(f"{path.name.rsplit('-', 1)[0]}-*.marshal"):
        if stale != path:
            stale.unlink(missing_ok=True)  # the same table under an older key: no build reads it any more
