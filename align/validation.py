"""JSON Schema validation of every record, with the project's schemas in a local registry (never HTTP).

``jsonschema`` is the reference: it says what is wrong and where. Most records are valid, and for those a compiled
validator (``jsonschema_rs``, ~150x faster) answers first; a record it does not accept, or one holding a character
on which the two regular-expression dialects differ, goes to ``jsonschema``, so the answer is always
``jsonschema``'s.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import regex
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


# Characters Python's ``\s`` counts as white space and ``jsonschema_rs``'s (ECMA-262) does not: a ``\S`` pattern
# (a sentence's text) accepts them there and not here (every code point checked against the project's patterns).
# A record that holds one is never accepted by the compiled validator alone.
DIALECT_DIFFERENCES = regex.compile("[\x1c-\x1f\x85]")


@cache
def compiled_validator(name: str) -> Any | None:
    """The compiled validator of one schema, or None where ``jsonschema_rs`` is not installed."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    schemas = _schemas()
    registry = jsonschema_rs.Registry([(s["$id"], s) for s in schemas.values()])
    return jsonschema_rs.Draft202012Validator(schemas[name], registry=registry)


def _accepted_at_once(name: str, record: dict[str, Any]) -> bool:
    """Whether the compiled validator accepts ``record`` and ``jsonschema`` is sure to agree."""
    compiled = compiled_validator(name)
    if compiled is None or _dialect_sensitive(record):
        return False
    try:
        return bool(compiled.is_valid(record))
    except (ValueError, TypeError, OverflowError):  # what it cannot read (a NaN, a huge int): jsonschema decides
        return False


def _dialect_sensitive(value: Any) -> bool:
    if isinstance(value, str):
        return DIALECT_DIFFERENCES.search(value) is not None
    if isinstance(value, dict):
        return any(_dialect_sensitive(k) or _dialect_sensitive(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_dialect_sensitive(v) for v in value)
    return False


def schema(name: str) -> dict[str, Any]:
    return _schemas()[name]


def schema_version() -> str:
    """The data contract's version; a change here is a major dataset version."""
    return str(_schemas()["article"]["x-align-schema-version"])


def errors_in(name: str, record: dict[str, Any]) -> list[str]:
    """Human-readable problems with one record, empty when it is valid."""
    if _accepted_at_once(name, record):
        return []
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
