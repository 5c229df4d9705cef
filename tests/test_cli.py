"""The command line as a user meets it: real processes, real exit codes, one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from align import __version__


def align(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "align", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


def test_version_and_help() -> None:
    assert align("--version").stdout.strip() == f"align {__version__}"
    for command in ("build", "validate"):
        result = align(command, "--help")
        assert result.returncode == 0 and "Usage" in result.stdout


def test_build_then_validate(seed_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "ds"
    built = align("build", "--corpus", str(seed_corpus), "--out", str(out), "--quiet")
    assert built.returncode == 0, built.stderr
    assert f"{out}: wrote version" in built.stdout
    assert built.stderr == ""  # quiet: no logs, no progress
    valid = align("validate", str(out))
    assert valid.returncode == 0 and "valid" in valid.stdout
    (out / "CHANGELOG.md").write_text("tampered")
    invalid = align("validate", str(out))
    assert invalid.returncode == 1
    assert "1 failure(s)" in invalid.stdout and "CHANGELOG.md does not match its checksum" in invalid.stdout


def test_bad_input_is_one_line_and_exit_2(make_event, tmp_path: Path) -> None:
    corpus = make_event({"a.txt": ""})
    result = align("build", "--corpus", str(corpus), "--out", str(tmp_path / "ds"))
    assert result.returncode == 2
    assert result.stderr.strip().startswith("error: ") and "a.txt: article file is empty" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "ds").exists()


def test_unknown_config_key_and_missing_corpus(tmp_path: Path) -> None:
    config = tmp_path / "align.toml"
    config.write_text("[link]\nthreshold = 2\n")
    result = align("build", "--corpus", str(tmp_path), "--config", str(config))
    assert result.returncode == 2 and "unknown config key: 'threshold'" in result.stderr
    result = align("build", "--corpus", str(tmp_path / "missing"))
    assert result.returncode == 2 and "corpus directory does not exist" in result.stderr
    result = align("validate", str(tmp_path / "missing"))
    assert result.returncode == 2 and "dataset directory does not exist" in result.stderr
