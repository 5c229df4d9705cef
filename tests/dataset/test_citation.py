"""CITATION.cff: every published version carries one, and the project's file keeps the dataset's version current."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml
from jsonschema import Draft7Validator

from align.dataset.check import check_dataset
from align.dataset.citation import update_dataset_reference
from align.dataset.content import read_release
from align.dataset.release import release
from tests.conftest import ROOT
from tests.small_dataset import seedlike, write_dataset

CFF_SCHEMA = json.loads((ROOT / "tests" / "data" / "cff-1.2.0.schema.json").read_text())

PROJECT_CFF = """cff-version: 1.2.0
message: "Cite the tool."
title: "my tool"
type: software
authors:
  - name: "Me"
version: 1.0.0
references:
  - type: data
    title: "tiny"
    authors:
      - name: "Me"
    version: 0.0.1
  - type: data
    title: "another dataset"
    authors:
      - name: "Someone"
    version: 9.9.9
"""


def cff_errors(document: dict) -> list[str]:
    return [e.message for e in Draft7Validator(CFF_SCHEMA).iter_errors(json.loads(json.dumps(document, default=str)))]


def test_each_version_ships_a_valid_citation_of_itself_and_the_project_file_follows(tmp_path: Path) -> None:
    (tmp_path / "CITATION.cff").write_text(PROJECT_CFF)
    out = tmp_path / "ds"
    write_dataset(seedlike().content(), out)
    release(out, "minor", today=dt.date(2026, 3, 1))

    own = yaml.safe_load((out / "CITATION.cff").read_text())
    assert cff_errors(own) == []
    assert (own["type"], own["title"], own["version"]) == ("dataset", "tiny", read_release(out).version)
    assert own["date-released"] == "2026-03-01"
    assert "CITATION.cff" in (out / "SHA256SUMS").read_text()
    assert check_dataset(out) == []

    project = yaml.safe_load((tmp_path / "CITATION.cff").read_text())
    assert cff_errors(project) == []
    tiny, other = project["references"]
    assert (tiny["version"], tiny["date-released"]) == ("0.2.0", "2026-03-01")
    assert other["version"] == "9.9.9" and "date-released" not in other  # another dataset: untouched
    assert project["version"] == "1.0.0"  # the tool's own version is the tool's business


def test_a_project_file_without_the_dataset_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "CITATION.cff"
    path.write_text(PROJECT_CFF.replace('title: "tiny"', 'title: "not this one"'))
    before = path.read_bytes()
    assert update_dataset_reference(path, "tiny", "0.3.0", dt.date(2026, 3, 2)) is False
    assert path.read_bytes() == before
    assert update_dataset_reference(tmp_path / "missing.cff", "tiny", "0.3.0", dt.date(2026, 3, 2)) is False


def test_repository_citation_cites_the_published_seed_dataset_version() -> None:
    project = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    published = read_release(ROOT / "dataset")
    seed = [r for r in project["references"] if r.get("type") == "data"]
    assert [str(r["version"]) for r in seed] == [published.version]
    own = yaml.safe_load((ROOT / "dataset" / "CITATION.cff").read_text())
    assert str(own["version"]) == published.version
