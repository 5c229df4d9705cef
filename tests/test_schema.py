from __future__ import annotations

import json

import yaml
from jsonschema import Draft7Validator

from align.dataset.features import CONFIGS
from align.validation import errors_in, schema
from tests.conftest import ROOT

JSON_TYPES = {"string": "string", "int64": "integer", "float64": "number"}


def _types(prop: dict) -> set[str]:
    options = prop.get("anyOf", [prop])
    found = set()
    for option in options:
        if "$ref" in option:
            found.add("string")
        elif "type" in option:
            found.add(option["type"])
        elif "enum" in option:
            found.add("string")
    return found


def test_card_features_mirror_the_schemas() -> None:
    for name, (features, schema_name, _) in CONFIGS.items():
        properties = schema(schema_name)["properties"]
        assert set(features) == set(properties), name
        for column, feature in features.items():
            expected = _types(properties[column])
            dtype = getattr(feature, "dtype", None)
            if column == "label":
                assert properties[column]["enum"] == feature.names
            elif dtype in JSON_TYPES:
                assert JSON_TYPES[dtype] in expected, (name, column)
            else:
                assert expected & {"object", "array"}, (name, column)


def test_schemas_reject_bad_records() -> None:
    assert errors_in("manifest", {"file": "a.txt", "language": "hi"}) == []
    assert errors_in("manifest", {"file": "a.txt", "language": "Hindi"})
    assert errors_in("manifest", {"file": "a.txt", "colour": "red"})
    assert errors_in("manifest", {"file": "../a.txt"})
    pair = {
        "pair_id": "0" * 16,
        "event_id": "e",
        "sentence_id_a": "1" * 16,
        "sentence_id_b": "2" * 16,
        "article_id_a": "3" * 16,
        "article_id_b": "4" * 16,
        "language_a": "hi",
        "language_b": "en",
        "text_a": "x",
        "text_b": "y",
        "text_en_a": None,
        "text_en_b": "y",
        "similarity": 1.1,
        "entailment": None,
        "label": "conflict",
        "confidence": 0.8,
        "signature": "align:0",
        "evidence": [{"kind": "number", "a": "4", "b": "5", "note": "count differs"}],
    }
    assert errors_in("pair", pair) == []
    assert errors_in("pair", {**pair, "label": "maybe"})
    assert errors_in("pair", {**pair, "confidence": 1.5})
    assert errors_in("pair", {**pair, "entailment": 1.5})
    assert errors_in("pair", {**{k: v for k, v in pair.items() if k != "entailment"}})
    assert errors_in("pair", {**pair, "evidence": [{"kind": "vibes", "a": "", "b": "", "note": ""}]})


def test_every_schema_has_an_id_and_declares_draft_2020_12() -> None:
    for path in sorted((ROOT / "schema").glob("*.schema.json")):
        data = json.loads(path.read_text())
        assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema", path
        assert data["$id"].endswith(path.name), path


def test_citation_cff_is_valid_cff_1_2_0() -> None:
    cff_schema = json.loads((ROOT / "tests" / "data" / "cff-1.2.0.schema.json").read_text())
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    errors = [
        e.message
        for e in Draft7Validator(cff_schema).iter_errors(json.loads(json.dumps(citation, default=str)))
    ]
    assert errors == []
    from align import __version__

    assert str(citation["version"]) == __version__
