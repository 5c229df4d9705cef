"""The command line as a user meets it: real processes, real exit codes, one-line errors."""

from __future__ import annotations

import os
import re
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


def test_argos_model_installed_through_the_cli_translates_a_build(make_event, tmp_path: Path, tmp_path_factory) -> None:
    """The real path a user takes: `align models install-file`, then `align build` with argos in the chain."""
    import pyarrow.parquet as pq

    from tests.argos_fixture import shared_tiny_argosmodel

    model = shared_tiny_argosmodel(tmp_path_factory)
    packages = tmp_path / "packages"
    installed = align("models", "install-file", str(model), "--packages-dir", str(packages))
    assert installed.returncode == 0, installed.stderr
    listed = align("models", "list", "--packages-dir", str(packages))
    assert "hi" in listed.stdout and "en" in listed.stdout
    corpus = make_event({"a.txt": "मृणांक शर्मा ने इस्तीफा दिया।\nउन्होंने कहा कि दुनिया खतरे में है।", "b.txt": "He resigned."})
    config = tmp_path / "align.toml"
    config.write_text(f'[translate]\npackages_dir = "{packages}"\n')
    out = tmp_path / "ds"
    built = align("build", "--corpus", str(corpus), "--out", str(out), "--config", str(config), "-q")
    assert built.returncode == 0, built.stderr
    assert "2 argos" in built.stdout and "1 identity" in built.stdout
    rows = [r for path in sorted(out.glob("data/sentences/*.parquet")) for r in pq.read_table(path).to_pylist()]
    hindi = [r for r in rows if r["language"] == "hi"]
    assert len(hindi) == 2
    assert all(r["translation"]["engine"] == "argos" and r["text_en"] for r in hindi)
    assert all(r["translation"]["model"] == "translate-hi_en" for r in hindi)
    assert "argos(hi-en" in (out / "README.md").read_text()


def test_require_translation_fails_before_writing(make_event, tmp_path: Path) -> None:
    corpus = make_event({"a.txt": "मृणांक शर्मा ने इस्तीफा दिया।"})
    config = tmp_path / "align.toml"
    config.write_text(f'[translate]\npackages_dir = "{tmp_path / "none"}"\n')
    out = tmp_path / "ds"
    result = align("build", "--corpus", str(corpus), "--out", str(out), "--config", str(config), "--require-translation")
    assert result.returncode == 2, result.stderr
    assert "align models install hi en" in result.stderr
    assert not out.exists()


def test_a_broken_card_yaml_is_one_line_for_every_command(tmp_path: Path) -> None:
    from tests.builds import make_corpus
    from tests.small_dataset import seedlike, write_dataset

    dataset = tmp_path / "ds"
    write_dataset(seedlike().content(), dataset)
    card = dataset / "README.md"
    card.write_text(card.read_text().replace("pretty_name: ", "pretty_name: [unclosed ", 1))
    corpus = make_corpus(tmp_path, events=1)
    for args in (
        ("validate", str(dataset)),
        ("build", "--corpus", str(corpus), "--out", str(dataset), "-q"),
        ("release", str(dataset), "--bump", "patch"),
        ("publish", str(dataset), "--repo-id", "org/name", "--dry-run"),
    ):
        result = align(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
        assert re.match(rf"error: {re.escape(str(card))} line \d+: card YAML does not parse: expected", result.stderr)
