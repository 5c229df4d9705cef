"""JSON Schema validation of every record, with the project's schemas in a local registry (never HTTP)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
SCHEMA_NAMES = ("defs", "manifest", "article", "sentence", "pair", "claim", "config")


@cache
def _schemas() -> dict[str, dict[str, Any]]:
    return {
        name: json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8")) for name in SCHEMA_NAMES
    }


@cache
def _registry() -> Registry:
    resources = [(s["$id"], Resource.from_contents(s)) for s in _schemas().values()]
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    """One validator per schema; ``$ref`` between schemas resolves through the local registry."""
    schema = _schemas()[name]
    return Draft202012Validator(
        schema, registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def schema(name: str) -> dict[str, Any]:
    return _schemas()[name]


def schema_version() -> str:
    """The data contract's version; a change here is a major dataset version."""
    return str(_schemas()["article"]["x-align-schema-version"])


def errors_in(name: str, record: dict[str, Any]) -> list[str]:
    """Human-readable problems with one record, empty when it is valid."""
    problems = []
    for error in sorted(validator(name).iter_errors(record), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "(record)"
        problems.append(f"{where}: {error.message}")
    return problems


def failures_in(name: str, records: Iterable[dict[str, Any]], label: str) -> Iterator[str]:
    """Every problem in a stream of records, each prefixed with where it was found."""
    for index, record in enumerate(records):
        for problem in errors_in(name, record):
            yield f"{label} #{index}: {problem}"
