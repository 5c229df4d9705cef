"""The dataset's Hugging Face features, one set per config, mirroring the JSON Schemas in ``schema/``.

A test checks that every schema property has a feature of a compatible type and vice versa, so the card's
``dataset_info.features`` and the schemas cannot drift apart.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
from datasets import ClassLabel, Features, List, Value

from align.records import LABELS

ARTICLES = Features(
    {
        "article_id": Value("string"),
        "event_id": Value("string"),
        "source": Value("string"),
        "url": Value("string"),
        "published": Value("string"),
        "language": Value("string"),
        "title": Value("string"),
        "text": Value("string"),
        "sha256": Value("string"),
        "n_sentences": Value("int64"),
        "dateline_place": Value("string"),
        "dateline_date": Value("string"),
        "dateline_agency": Value("string"),
        "dropped": List({"text": Value("string"), "reason": Value("string")}),
    }
)

SENTENCES = Features(
    {
        "sentence_id": Value("string"),
        "article_id": Value("string"),
        "event_id": Value("string"),
        "position": Value("int64"),
        "language": Value("string"),
        "text": Value("string"),
        "char_start": Value("int64"),
        "char_end": Value("int64"),
        "text_en": Value("string"),
        "translation": {"engine": Value("string"), "model": Value("string"), "version": Value("string")},
    }
)

PAIRS = Features(
    {
        "pair_id": Value("string"),
        "event_id": Value("string"),
        "sentence_id_a": Value("string"),
        "sentence_id_b": Value("string"),
        "article_id_a": Value("string"),
        "article_id_b": Value("string"),
        "language_a": Value("string"),
        "language_b": Value("string"),
        "text_a": Value("string"),
        "text_b": Value("string"),
        "text_en_a": Value("string"),
        "text_en_b": Value("string"),
        "similarity": Value("float64"),
        "entailment": Value("float64"),
        "label": ClassLabel(names=list(LABELS)),
        "confidence": Value("float64"),
        "evidence": List(
            {"kind": Value("string"), "a": Value("string"), "b": Value("string"), "note": Value("string")}
        ),
        "signature": Value("string"),
    }
)

CLAIMS = Features(
    {
        "claim_id": Value("string"),
        "event_id": Value("string"),
        "sentence_ids": List(Value("string")),
        "article_ids": List(Value("string")),
        "sources": List(Value("string")),
        "languages": List(Value("string")),
        "n_sources": Value("int64"),
        "representative_id": Value("string"),
        "text": Value("string"),
        "text_en": Value("string"),
        "status": Value("string"),
        "pair_ids": List(Value("string")),
        "conflicts": List({"pair_id": Value("string"), "kinds": List(Value("string"))}),
        "first_published": Value("string"),
        "last_published": Value("string"),
    }
)

# Config name -> (features, JSON Schema name, primary key). A new config is one entry here, its schema in
# ``schema/`` (listed in ``align.validation.SCHEMA_NAMES``) and its rows in ``DatasetContent``.
CONFIGS: dict[str, tuple[Features, str, str]] = {
    "articles": (ARTICLES, "article", "article_id"),
    "sentences": (SENTENCES, "sentence", "sentence_id"),
    "pairs": (PAIRS, "pair", "pair_id"),
    "claims": (CLAIMS, "claim", "claim_id"),
}

# Configs that datasets of an older schema do not have: read as empty there (``align diff`` against them, the
# CHANGELOG's counts); ``align validate`` still requires them of a dataset that declares them.
ADDED_CONFIGS: dict[str, str] = {"claims": "2.1"}


def arrow_table(config_name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """A config's rows as an Arrow table of its features (labels as ``ClassLabel`` indices)."""
    features = CONFIGS[config_name][0]
    if config_name == "pairs":
        rows = [{**r, "label": LABELS.index(r["label"])} for r in rows]
    return pa.Table.from_pylist(rows, schema=features.arrow_schema)


def arrow_bytes(config_name: str, rows: list[dict[str, Any]]) -> int:
    """Size of a config's rows in Arrow memory, the figure a card's ``splits.num_bytes`` sums over events."""
    return int(arrow_table(config_name, rows).nbytes)
