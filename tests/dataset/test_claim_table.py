"""align claims: the claims of a dataset as a table or JSON, contested first; bad input is one line and exit 2."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from align.cli import app
from align.dataset.artifacts import CARD
from align.dataset.content import data_files
from tests.refusals import refused
from tests.small_dataset import seedlike, write_dataset

runner = CliRunner()


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    out = tmp_path / "ds"
    data = seedlike()
    data.article("other", "en", ["A bridge opened in Pune."], event="event-2", source="Wire")
    write_dataset(data.content(), out)
    return out


def test_the_table_lists_contested_claims_first_with_sources_and_conflict_kinds(dataset: Path) -> None:
    result = runner.invoke(app, ["claims", str(dataset), "--event", "event-1"])
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines[0].startswith("event-1: 5 claim(s) (2 contested")
    statuses = [line.split()[0] for line in lines[1::2]]
    assert statuses == sorted(statuses, key=["contested", "consensus", "single"].index)
    assert "His letter was seen 5 million times." in lines[1]  # English of the representative sentence
    assert "sources: Journal, Wire; 1 conflicting link(s): number" in lines[2]
    assert "event-2" not in result.stdout


def test_json_filters_by_status_and_keeps_the_full_rows(dataset: Path) -> None:
    result = runner.invoke(app, ["claims", str(dataset), "--status", "contested", "--json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["status"] for r in rows] == ["contested", "contested"]
    assert {tuple(k for c in r["conflicts"] for k in c["kinds"]) for r in rows} == {("number",), ("substitution",)}
    everything = json.loads(runner.invoke(app, ["claims", str(dataset), "--json"]).stdout)
    assert {r["event_id"] for r in everything} == {"event-1", "event-2"}


def test_help_names_every_option() -> None:
    result = runner.invoke(app, ["claims", "--help"])
    assert result.exit_code == 0
    for option in ("--event", "--status", "--json"):
        assert option in result.stdout


def test_bad_input_is_one_line_and_exit_2(dataset: Path, tmp_path: Path) -> None:
    refused(["claims", str(dataset), "--status", "disputed"], "--status", "contested, consensus, single")
    refused(["claims", str(dataset), "--event", "nope"], "no event 'nope'", "event-1")
    refused(["claims", str(tmp_path / "missing")], "dataset directory does not exist")
    older = tmp_path / "older"
    shutil.copytree(dataset, older)
    for path in data_files(older, "claims"):  # a dataset from before claims has none
        path.unlink()
    card = (older / CARD).read_text()
    metadata = yaml.safe_load(card.split("---\n")[1])
    card = card.replace(f"schema_version: '{metadata['align']['schema_version']}'", "schema_version: '1.1'")
    (older / CARD).write_text(card)
    refused(["claims", str(older)], "has no claims (schema 1.1", "--bump major")
