"""The evidence registry: every evidence kind is registered once, its vocabulary matches the schemas and the
config, ``compare`` walks the registry, and the evidence modules keep their layers (import-linter)."""

from __future__ import annotations

import dataclasses
import importlib
import json
import pkgutil
import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest

import align.evidence
from align.config import LabelConfig
from align.evidence import compare
from align.evidence.findings import Comparator, Facts, Finding, Kind, Weight, contradicting
from align.label import label
from align.link import make_pair
from align.records import line_sentence

ROOT = Path(__file__).resolve().parents[2]


def test_every_module_with_a_comparator_is_registered_once() -> None:
    modules = [importlib.import_module(f"align.evidence.{m.name}") for m in pkgutil.iter_modules(align.evidence.__path__)]
    defined = [m.COMPARATOR for m in modules if hasattr(m, "COMPARATOR")]
    assert sorted(c.name for c in defined) == sorted(c.name for c in compare.COMPARATORS)
    assert len({c.name for c in compare.COMPARATORS}) == len(compare.COMPARATORS)


def test_finding_kinds_are_the_pair_schema_evidence_kinds() -> None:
    schema = json.loads((ROOT / "schema" / "pair.schema.json").read_text("utf-8"))
    enum = schema["properties"]["evidence"]["items"]["properties"]["kind"]["enum"]
    assert sorted(get_args(Kind)) == sorted(enum)


def test_every_weight_is_a_label_config_weight() -> None:
    fields = {f.name.removeprefix("weight_") for f in dataclasses.fields(LabelConfig) if f.name.startswith("weight_")}
    assert sorted(get_args(Weight)) == sorted(fields)


def _shouting(facts: Facts, reference: object, config: LabelConfig) -> dict:
    return {}


def _shouting_differs(a, b, config, batch) -> list[Finding]:  # noqa: ANN001 - the PairRule signature
    shouts_a, shouts_b = a.original.text.endswith("!"), b.original.text.endswith("!")
    if shouts_a == shouts_b:
        return []
    return [contradicting("claim", a.original.text[-1:], b.original.text[-1:], "one side shouts", weight="nli")]


def test_compare_walks_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    # A new evidence kind is one registered comparator: label() sees its findings with no other change.
    extra = Comparator("shouting", read=_shouting, compare=_shouting_differs)
    monkeypatch.setattr(compare, "COMPARATORS", (*compare.COMPARATORS, extra))
    a = line_sentence("a" * 16, 0, "en", "The river flooded the town.", "ev")
    b = line_sentence("b" * 16, 0, "en", "The river flooded the town!", "ev")
    [labelled] = label([make_pair(a, b, 1.1)], [], LabelConfig())
    assert labelled.label == "conflict"
    assert [(e.kind, e.a, e.b) for e in labelled.evidence] == [("claim", ".", "!")]


def test_evidence_modules_keep_their_layers_and_have_no_cycle() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache", "--contract", "evidence-layers", "--contract", "acyclic"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout
