"""The import-linter contracts in pyproject.toml ([tool.importlinter]) hold, and they fail when a cycle returns.

CI runs only pytest, so this is where the layering (commands > build | evaluate > dataset > stages > settings >
records | errors | schemas), "the dataset runs no stage" and "no cycle between siblings" are enforced.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter (dev extra) is not installed")


def lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports with the repository's contracts, on the ``align`` package found in ``package_parent``."""
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        env=env,
        cwd=package_parent,
        timeout=300,
    )


def test_every_import_contract_is_kept() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


def lint_imports_with(tmp_path: Path, module: str, added: str) -> subprocess.CompletedProcess[str]:
    """lint-imports on a copy of the package in which ``added`` is appended to ``module`` (a path under align/)."""
    shutil.copytree(ROOT / "align", tmp_path / "align", ignore=shutil.ignore_patterns("__pycache__", "schema"))
    path = tmp_path / "align" / module
    path.write_text(path.read_text("utf-8") + "\n\n" + added + "\n", "utf-8")
    return lint_imports(tmp_path)


def test_a_cycle_that_returns_breaks_the_contracts(tmp_path: Path) -> None:
    """The cycle this layout removed (the event chain importing the runner that runs it) fails the check, even as
    an import inside a function."""
    result = lint_imports_with(
        tmp_path, "build/event.py", "def _back_edge() -> None:\n    from align.build import runner  # noqa"
    )
    assert result.returncode != 0
    assert "no import cycle between sibling modules or packages, at any depth BROKEN" in result.stdout
    assert "align.build" in result.stdout and "runner" in result.stdout


def test_a_stage_imported_by_the_dataset_breaks_the_contracts(tmp_path: Path) -> None:
    result = lint_imports_with(tmp_path, "dataset/card.py", "from align.label import label  # noqa")
    assert result.returncode != 0
    assert "the dataset package never imports a stage BROKEN" in result.stdout
    assert "align.dataset.card -> align.label" in result.stdout


def test_a_command_imported_by_a_stage_breaks_the_layers(tmp_path: Path) -> None:
    result = lint_imports_with(tmp_path, "link/margin.py", "from align.build import orchestrate  # noqa")
    assert result.returncode != 0
    assert "align.link.margin -> align.build.orchestrate" in result.stdout
