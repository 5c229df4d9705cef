"""Argos Translate model packages: where they live, and listing, installing and removing them.

These are the functions behind ``align models list | install SRC [TGT] | install-file PATH | remove SRC TGT``.
A package is a ``.argosmodel`` zip holding one top-level directory with ``metadata.json``, a tokenizer
(``sentencepiece.model`` or ``bpe.model``) and a ctranslate2 model in ``model/``.

argostranslate reads its packages directory once, at import time (``ARGOS_PACKAGES_DIR``), and keeps it in
module globals. ``argos_package_module`` sets the variable before the first import and re-points those globals
after it, so every call here and in the translate stage works on the directory it was given.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import Any

from align.errors import AlignError

log = logging.getLogger(__name__)

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")
OFFLINE_ADVICE = "download the .argosmodel file elsewhere and run `align models install-file PATH.argosmodel`"


@dataclass(frozen=True)
class PackageInfo:
    """One installed translation package, as ``align models list`` shows it."""

    name: str  # argospm name, e.g. translate-hi_en
    from_code: str
    to_code: str
    version: str
    path: Path

    def __str__(self) -> str:
        return f"{self.from_code} -> {self.to_code}  {self.name} {self.version}  ({self.path})"


def default_packages_dir() -> Path:
    """``$ARGOS_PACKAGES_DIR``, else Argos Translate's own default under the user data dir.

    Sharing Argos' default means models a user already installed with ``argospm`` are found without setup.
    """
    if os.environ.get("ARGOS_PACKAGES_DIR"):
        return Path(os.environ["ARGOS_PACKAGES_DIR"]).expanduser()
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "argos-translate" / "packages"


def resolve_packages_dir(configured: str | Path | None = None) -> Path:
    """The packages directory to use: the configured one (``[translate] packages_dir``), else the default."""
    if configured:
        return Path(configured).expanduser().resolve()
    return default_packages_dir()


def argos_package_module(packages_dir: Path) -> ModuleType:
    """``argostranslate.package``, imported lazily and pointed at ``packages_dir``."""
    packages_dir.mkdir(parents=True, exist_ok=True)
    if "argostranslate.settings" not in sys.modules:
        # Read once, at import time; set only for the import, so our choice does not leak into the process.
        previous = os.environ.get("ARGOS_PACKAGES_DIR")
        os.environ["ARGOS_PACKAGES_DIR"] = str(packages_dir)
        try:
            import argostranslate.package
        finally:
            if previous is None:
                del os.environ["ARGOS_PACKAGES_DIR"]
            else:
                os.environ["ARGOS_PACKAGES_DIR"] = previous
    import argostranslate.package
    import argostranslate.settings

    # Already imported (by an earlier call with another directory): re-point the globals argostranslate reads.
    argostranslate.settings.package_data_dir = packages_dir
    argostranslate.settings.package_dirs = [packages_dir]
    return argostranslate.package


def check_language_code(code: str, where: str = "align models") -> str:
    """An ISO 639 code as Argos names languages (``hi``, ``en``), or an AlignError saying what was wrong."""
    if not LANGUAGE_CODE.match(code or ""):
        raise AlignError(where, f"{code!r} is not a language code; use ISO 639-1, e.g. hi, fr, en")
    return code


def _info(package: Any) -> PackageInfo:
    return PackageInfo(
        name=f"{package.type}-{package.from_code}_{package.to_code}",
        from_code=package.from_code,
        to_code=package.to_code,
        version=package.package_version,
        path=Path(package.package_path),
    )


def installed_packages(packages_dir: Path) -> list[Any]:
    """argostranslate ``Package`` objects for the translation packages in ``packages_dir``, sorted by pair."""
    if not packages_dir.is_dir():
        return []
    package_module = argos_package_module(packages_dir)
    packages = []
    for directory in sorted(p for p in packages_dir.iterdir() if p.is_dir()):
        if not (directory / "metadata.json").is_file():
            # argostranslate itself fails on such a directory; say which one and what to do.
            raise AlignError(directory, "not an Argos package (no metadata.json); remove this directory")
        try:
            package = package_module.Package(directory)
        except (ValueError, OSError) as exc:
            raise AlignError(directory / "metadata.json", f"unreadable package metadata: {exc}") from None
        if package.type == "translate" and package.from_code and package.to_code:
            packages.append(package)
    return sorted(packages, key=lambda p: (p.from_code, p.to_code, str(p.package_path)))


def find_package(from_code: str, to_code: str, packages_dir: Path) -> Any | None:
    """The installed package translating ``from_code`` to ``to_code``, or None."""
    for package in installed_packages(packages_dir):
        if package.from_code == from_code and package.to_code == to_code:
            return package
    return None


def list_packages(packages_dir: Path) -> list[PackageInfo]:
    """Installed translation packages in ``packages_dir`` (empty when the directory does not exist)."""
    return [_info(package) for package in installed_packages(packages_dir)]


def _read_package_metadata(path: Path) -> dict[str, Any]:
    """Check that ``path`` is an installable .argosmodel and return its metadata; AlignError otherwise."""
    if not path.is_file():
        raise AlignError(path, "file not found")
    if not zipfile.is_zipfile(path):
        raise AlignError(path, "not an Argos model package (.argosmodel files are zip archives)")
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.strip("/")]
            unsafe = [n for n in names if n.startswith("/") or ".." in PurePosixPath(n).parts]
            if unsafe:
                raise AlignError(path, f"unsafe path in package: {unsafe[0]}")
            roots = {PurePosixPath(n).parts[0] for n in names}
            if "metadata.json" in roots or len(roots) != 1:
                raise AlignError(
                    path, "not an Argos model package: expected one top-level directory holding metadata.json"
                )
            root = roots.pop()
            if f"{root}/metadata.json" not in names:
                raise AlignError(path, f"not an Argos model package: no {root}/metadata.json")
            raw = archive.read(f"{root}/metadata.json")
    except zipfile.BadZipFile as exc:
        raise AlignError(path, f"damaged zip archive: {exc}") from None
    try:
        metadata = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AlignError(path, f"{root}/metadata.json is not valid JSON: {exc}") from None
    if not isinstance(metadata, dict):
        raise AlignError(path, f"{root}/metadata.json must hold a JSON object")
    if metadata.get("type", "translate") != "translate":
        raise AlignError(path, f"not a translation package (type {metadata.get('type')!r})")
    for key in ("from_code", "to_code", "package_version"):
        if not isinstance(metadata.get(key), str) or not metadata[key]:
            raise AlignError(path, f"{root}/metadata.json lacks {key!r}")
    if not any(f"{root}/{name}" in names for name in TOKENIZER_FILES):
        raise AlignError(path, f"not an Argos model package: no {root}/sentencepiece.model or bpe.model")
    if not any(n.startswith(f"{root}/model/") for n in names):
        raise AlignError(path, f"not an Argos model package: no ctranslate2 model in {root}/model/")
    metadata["_root"] = root
    return metadata


def install_file(path: Path, packages_dir: Path) -> PackageInfo:
    """Install a ``.argosmodel`` file into ``packages_dir``, replacing any package of the same pair."""
    path = Path(path)
    metadata = _read_package_metadata(path)
    package_module = argos_package_module(packages_dir)
    for old in installed_packages(packages_dir):
        same_pair = (old.from_code, old.to_code) == (metadata["from_code"], metadata["to_code"])
        if same_pair or Path(old.package_path).name == metadata["_root"]:
            log.info("replacing %s", _info(old))
            with package_module.package_lock:
                shutil.rmtree(old.package_path)
    _extract(path, packages_dir, package_module)
    installed = find_package(metadata["from_code"], metadata["to_code"], packages_dir)
    if installed is None:  # pragma: no cover - install_from_path extracted it just above
        raise AlignError(path, f"installed, but no package found in {packages_dir}")
    return _info(installed)


def install_from_index(from_code: str, to_code: str = "en", packages_dir: Path | None = None) -> PackageInfo:
    """Download the ``from_code`` -> ``to_code`` package from the Argos package index and install it.

    Needs network access to the index and its mirrors; offline, the AlignError names ``install-file`` instead.
    """
    check_language_code(from_code)
    check_language_code(to_code)
    packages_dir = packages_dir or default_packages_dir()
    package_module = argos_package_module(packages_dir)
    settings = package_module.settings
    index = Path(settings.local_package_index)
    before = index.stat().st_mtime_ns if index.is_file() else None
    package_module.update_package_index()  # logs and returns on network errors, so check its effect
    after = index.stat().st_mtime_ns if index.is_file() else None
    if after is None:
        problem = f"cannot reach the Argos package index {settings.remote_package_index} (offline?)"
        raise AlignError("align models install", f"{problem}; {OFFLINE_ADVICE}")
    if after == before:
        log.warning("Argos package index unreachable; using the copy downloaded earlier (%s)", index)
    try:
        available = package_module.get_available_packages()
    except (ValueError, OSError) as exc:
        raise AlignError(index, f"unreadable Argos package index: {exc}") from None
    pair = (from_code, to_code)
    matches = [p for p in available if p.type == "translate" and (p.from_code, p.to_code) == pair]
    if not matches:
        pairs = sorted(f"{p.from_code}-{p.to_code}" for p in available if p.from_code == from_code)
        offered = f"; it offers from {from_code}: {', '.join(pairs)}" if pairs else ""
        problem = f"the Argos index has no {from_code} -> {to_code} package{offered}"
        raise AlignError("align models install", problem)
    newest = max(matches, key=lambda p: _version_key(p.package_version))
    try:
        download = newest.download()
    except Exception as exc:  # argostranslate raises bare Exception when every mirror fails
        raise AlignError("align models install", f"download failed ({exc}); {OFFLINE_ADVICE}") from None
    try:
        return install_file(download, packages_dir)
    finally:
        Path(download).unlink(missing_ok=True)


def remove(from_code: str, to_code: str, packages_dir: Path) -> PackageInfo:
    """Uninstall the ``from_code`` -> ``to_code`` package; AlignError when none is installed."""
    check_language_code(from_code)
    check_language_code(to_code)
    package = find_package(from_code, to_code, packages_dir)
    if package is None:
        problem = f"no {from_code} -> {to_code} package installed in {packages_dir}"
        raise AlignError("align models remove", f"{problem} (`align models list` shows what is)")
    info = _info(package)
    with argos_package_module(packages_dir).package_lock:
        shutil.rmtree(package.package_path)
    _forget_installed_languages()
    return info


def _extract(path: Path, packages_dir: Path, package_module: ModuleType) -> None:
    """What ``argostranslate.package.install_from_path`` does, without importing ``argostranslate.translate``.

    That import pulls in stanza, spacy and torch (6-15 s here) only to clear a cache that is empty unless it
    was imported already; the translate stage never imports it.
    """
    with package_module.package_lock, zipfile.ZipFile(path) as archive:
        try:
            archive.extractall(packages_dir)
        except (zipfile.BadZipFile, OSError) as exc:
            raise AlignError(path, f"could not install: {exc}") from None
    _forget_installed_languages()


def _forget_installed_languages() -> None:
    translate = sys.modules.get("argostranslate.translate")
    if translate is not None:  # it caches installed languages; a library user may have imported it
        translate.get_installed_languages.cache_clear()


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))
