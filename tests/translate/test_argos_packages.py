"""Argos model management: install from a file or an index, list, remove, and the errors a user sees."""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from align.errors import AlignError
from align.translate import argos_packages as models
from tests.argos_fixture import shared_tiny_argosmodel
from tests.conftest import ROOT


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_tiny_argosmodel(tmp_path_factory)


def _rewrite_metadata(source: Path, target: Path, **changes: str) -> Path:
    """A copy of an .argosmodel with some metadata.json fields changed."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename.endswith("/metadata.json"):
                data = json.dumps({**json.loads(data), **changes}).encode()
            new.writestr(item, data)
    return target


def test_install_file_then_list_shows_the_package(tiny_model: Path, tmp_path: Path) -> None:
    packages_dir = tmp_path / "packages"
    info = models.install_file(tiny_model, packages_dir)
    assert (info.from_code, info.to_code, info.version, info.name) == ("hi", "en", "1.1", "translate-hi_en")
    assert (info.path / "metadata.json").is_file() and (info.path / "model" / "model.bin").is_file()
    assert models.list_packages(packages_dir) == [info]
    assert "hi -> en" in str(info)


def test_installing_a_newer_version_replaces_the_old_one(tiny_model: Path, tmp_path: Path) -> None:
    packages_dir = tmp_path / "packages"
    models.install_file(tiny_model, packages_dir)
    newer = _rewrite_metadata(tiny_model, tmp_path / "newer.argosmodel", package_version="1.2")
    models.install_file(newer, packages_dir)
    assert [(p.from_code, p.to_code, p.version) for p in models.list_packages(packages_dir)] == [
        ("hi", "en", "1.2")
    ]


def test_remove_uninstalls_and_a_second_remove_is_an_error(tiny_model: Path, tmp_path: Path) -> None:
    packages_dir = tmp_path / "packages"
    installed = models.install_file(tiny_model, packages_dir)
    removed = models.remove("hi", "en", packages_dir)
    assert removed == installed and not installed.path.exists()
    assert models.list_packages(packages_dir) == []
    with pytest.raises(AlignError, match="no hi -> en package installed"):
        models.remove("hi", "en", packages_dir)


def test_list_of_a_missing_directory_is_empty(tmp_path: Path) -> None:
    assert models.list_packages(tmp_path / "nowhere") == []


def test_a_stray_directory_in_the_packages_dir_is_named(tiny_model: Path, tmp_path: Path) -> None:
    packages_dir = tmp_path / "packages"
    models.install_file(tiny_model, packages_dir)
    (packages_dir / "leftover").mkdir()
    with pytest.raises(AlignError, match=r"leftover: not an Argos package \(no metadata.json\)"):
        models.list_packages(packages_dir)


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "hi_en.argosmodel"
    bogus.write_text("not a zip")
    with pytest.raises(AlignError, match="hi_en.argosmodel: not an Argos model package .*zip") as error:
        models.install_file(bogus, tmp_path / "packages")
    assert "\n" not in str(error.value)
    assert not (tmp_path / "packages").exists() or not any((tmp_path / "packages").iterdir())


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AlignError, match="file not found"):
        models.install_file(tmp_path / "absent.argosmodel", tmp_path / "packages")


def _zip(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        ({"pkg/model/model.bin": "", "pkg/sentencepiece.model": ""}, "no pkg/metadata.json"),
        ({"metadata.json": "{}", "model/model.bin": ""}, "one top-level directory holding metadata.json"),
        ({"pkg/metadata.json": "{not json", "pkg/model/x": ""}, "metadata.json is not valid JSON"),
        ({"pkg/metadata.json": '{"from_code": "hi", "package_version": "1"}'}, "lacks 'to_code'"),
        (
            {
                "pkg/metadata.json": '{"from_code": "hi", "to_code": "en", "package_version": "1"}',
                "pkg/model/x": "",
            },
            "no pkg/sentencepiece.model or bpe.model",
        ),
        (
            {
                "pkg/metadata.json": '{"from_code": "hi", "to_code": "en", "package_version": "1"}',
                "pkg/sentencepiece.model": "",
            },
            "no ctranslate2 model in pkg/model/",
        ),
    ],
)
def test_malformed_packages_are_refused_with_the_reason(
    files: dict[str, str], problem: str, tmp_path: Path
) -> None:
    path = _zip(tmp_path / "bad.argosmodel", files)
    with pytest.raises(AlignError, match="bad.argosmodel: ") as error:
        models.install_file(path, tmp_path / "packages")
    assert problem in str(error.value)


@pytest.mark.parametrize("code", ["Hindi", "", "h1"])
def test_language_codes_are_checked(code: str, tmp_path: Path) -> None:
    with pytest.raises(AlignError, match="is not a language code"):
        models.remove(code, "en", tmp_path)


def test_packages_dir_comes_from_config_then_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "from-env"))
    assert models.resolve_packages_dir("") == tmp_path / "from-env"
    assert models.resolve_packages_dir(tmp_path / "configured") == tmp_path / "configured"
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert models.resolve_packages_dir(None) == tmp_path / "data" / "argos-translate" / "packages"


def test_argostranslate_is_pointed_at_the_packages_dir_before_import(tmp_path: Path) -> None:
    code = (
        "import os, sys; from pathlib import Path; from align.translate import argos_packages as models; "
        "models.argos_package_module(Path(sys.argv[1])); import argostranslate.settings as s; "
        "print(s.package_data_dir); print(os.environ.get('ARGOS_PACKAGES_DIR'))"
    )
    env = {k: v for k, v in os.environ.items() if k != "ARGOS_PACKAGES_DIR"}
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name)
    env["PYTHONPATH"] = str(ROOT)
    run = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "mine")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.split("\n")[:2] == [str(tmp_path / "mine"), "None"]  # used, and not leaked
    # argostranslate creates its packages directory at import: it never saw its default one.
    assert not (tmp_path / "XDG_DATA_HOME" / "argos-translate" / "packages").exists()


# --- install from the Argos index: argostranslate's own code, on a local or unreachable index --------------


@pytest.fixture
def argos_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """argostranslate's settings, with the index copy and downloads kept in tmp_path."""
    settings = models.argos_package_module(tmp_path / "packages").settings
    monkeypatch.setattr(settings, "local_package_index", tmp_path / "index.json")
    monkeypatch.setattr(settings, "downloads_dir", tmp_path / "downloads")
    (tmp_path / "downloads").mkdir()
    return settings


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTP server on localhost serving ``tmp_path/www``: (base URL, directory)."""
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", root
    server.shutdown()
    server.server_close()


def _publish_index(root: Path, base: str, tiny_model: Path, link: str) -> None:
    (root / tiny_model.name).write_bytes(tiny_model.read_bytes())
    entry = {
        "package_version": "1.1",
        "argos_version": "1.0",
        "from_code": "hi",
        "from_name": "Hindi",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
        "links": [f"{base}/{link}"],
    }
    (root / "index.json").write_text(json.dumps([entry]))


def test_install_from_index_downloads_and_installs(
    argos_settings,
    served: tuple[str, Path],
    tiny_model: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base, root = served
    _publish_index(root, base, tiny_model, tiny_model.name)
    monkeypatch.setattr(argos_settings, "remote_package_index", f"{base}/index.json")
    info = models.install_from_index("hi", "en", tmp_path / "packages")
    assert (info.from_code, info.to_code, info.version) == ("hi", "en", "1.1")
    assert models.list_packages(tmp_path / "packages") == [info]
    assert list((tmp_path / "downloads").iterdir()) == []  # the download is not kept

    with pytest.raises(AlignError, match="the Argos index has no fr -> en package"):
        models.install_from_index("fr", "en", tmp_path / "packages")


def test_install_from_index_offline_names_install_file(
    argos_settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Port 9 (discard) on localhost refuses the connection at once: an unreachable index.
    monkeypatch.setattr(argos_settings, "remote_package_index", "http://127.0.0.1:9/index.json")
    with pytest.raises(AlignError, match="cannot reach the Argos package index") as error:
        models.install_from_index("hi", "en", tmp_path / "packages")
    assert "align models install-file PATH.argosmodel" in str(error.value)


def test_failed_download_names_install_file(
    argos_settings,
    served: tuple[str, Path],
    tiny_model: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base, root = served
    _publish_index(root, base, tiny_model, "missing.argosmodel")
    monkeypatch.setattr(argos_settings, "remote_package_index", f"{base}/index.json")
    with pytest.raises(AlignError, match="download failed .*align models install-file"):
        models.install_from_index("hi", "en", tmp_path / "packages")
    assert models.list_packages(tmp_path / "packages") == []
