"""The dataset card (``README.md`` of the dataset): YAML metadata the Hub and ``load_dataset`` read, then prose."""

from __future__ import annotations

from collections import Counter
from typing import Any

import yaml

from align.features import CONFIGS
from align.publish import CardInfo, DatasetContent, Release, arrow_bytes, parquet_path


def size_category(n: int) -> str:
    for limit, name in (
        (1_000, "n<1K"),
        (10_000, "1K<n<10K"),
        (100_000, "10K<n<100K"),
        (1_000_000, "100K<n<1M"),
    ):
        if n < limit:
            return name
    return "1M<n<10M"


def card_metadata(content: DatasetContent, release: Release, info: CardInfo) -> dict[str, Any]:
    languages = sorted({a["language"] for a in content.articles} | {s["language"] for s in content.sentences})
    metadata: dict[str, Any] = {
        "pretty_name": info.pretty_name,
        "license": info.license,
    }
    if info.license == "other":
        metadata["license_name"] = "mixed"
        metadata["license_link"] = "LICENSE"
    metadata.update(
        {
            "language": languages,
            "multilinguality": "multilingual",
            "task_categories": ["text-classification", "sentence-similarity", "translation"],
            "task_ids": ["natural-language-inference", "fact-checking"],
            "size_categories": [size_category(len(content.sentences))],
            "annotations_creators": ["machine-generated"],
            "language_creators": ["found"],
            "source_datasets": ["original"],
            "tags": ["cross-lingual", "fact-checking", "news", "comparable-corpora", "contradiction"],
            "align": {
                "version": release.version,
                "content_sha256": release.content_sha256,
                "schema_version": release.schema_version,
                "build_signature": release.build_signature,
            },
            "configs": [
                {"config_name": name, "data_files": [{"split": "train", "path": parquet_path(name)}]}
                for name in CONFIGS
            ],
            "dataset_info": [
                {
                    "config_name": name,
                    "features": features._to_yaml_list(),
                    "splits": [
                        {
                            "name": "train",
                            "num_bytes": arrow_bytes(name, content.sorted_rows(name)),
                            "num_examples": len(content.rows(name)),
                        }
                    ],
                }
                for name, (features, _, _) in CONFIGS.items()
            ],
        }
    )
    return metadata


def _table(header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def render_card(content: DatasetContent, release: Release, info: CardInfo) -> str:
    metadata = yaml.safe_dump(
        card_metadata(content, release, info), sort_keys=False, allow_unicode=True, width=1000
    )
    by_language = Counter(s["language"] for s in content.sentences)
    by_source = Counter((a["source"], a["language"]) for a in content.articles)
    by_label = Counter(p["label"] for p in content.pairs)
    by_pair_language = Counter(tuple(sorted((p["language_a"], p["language_b"]))) for p in content.pairs)
    engines = Counter((s["translation"] or {}).get("engine", "untranslated") for s in content.sentences)
    non_english = [s for s in content.sentences if s["language"] != "en"]
    untranslated = sum(1 for s in non_english if s["text_en"] is None)
    events = sorted({a["event_id"] for a in content.articles})
    sections = [
        f"# {info.pretty_name}",
        f"Version **{release.version}** · schema {release.schema_version} · build signature "
        f"`{release.build_signature}`",
        "## What this is",
        "Sentences from news articles that cover the same event in several languages, with the cross-source links "
        "between sentences that report the same fact, each labelled `agree` or `conflict` with the evidence (the "
        "differing numbers, dates, names or claims). Built with the align tool from "
        f"{len(content.articles)} articles about {len(events)} event(s): {', '.join(events)}.",
        "## Configs and fields",
        "- `articles`: one row per article: `article_id`, `event_id`, `source`, `url`, `published`, `language`, "
        "`title`, `text` (boilerplate removed), `sha256` (of the raw file), `n_sentences`.\n"
        "- `sentences`: `sentence_id`, `article_id`, `event_id`, `position`, `language` (of the sentence itself), "
        "`text`, `char_start`/`char_end` (offsets into the article's cleaned `text`), `text_en`, `translation` "
        "(`{engine, model, version}` or null).\n"
        "- `pairs`: links between sentences of different articles of one event: ids, languages, texts and English "
        "texts of both sides, `similarity` (raw linking score), `label` (ClassLabel: agree, conflict), `confidence`, "
        "`evidence` (list of `{kind, a, b, note}`), `signature`.",
        "## Load it",
        "```python\nfrom datasets import load_dataset\n"
        'pairs = load_dataset("PATH_OR_REPO", "pairs", split="train")\n'
        'conflicts = pairs.filter(lambda p: p["label"] == 1)  # ClassLabel: 0 agree, 1 conflict\n```',
        "## Statistics",
        _table(("config", "rows"), [(name, len(content.rows(name))) for name in CONFIGS]),
        _table(("sentence language", "sentences"), sorted(by_language.items())),
        _table(
            ("source", "language", "articles"), [(s, lang, n) for (s, lang), n in sorted(by_source.items())]
        ),
        _table(("label", "pairs"), [(label, by_label.get(label, 0)) for label in ("agree", "conflict")]),
        _table(
            ("language pair", "pairs"), [(f"{a}-{b}", n) for (a, b), n in sorted(by_pair_language.items())]
        ),
        "## How `text_en` was made",
        _table(("engine", "sentences"), sorted(engines.items()))
        + f"\n\n{untranslated} of {len(non_english)} non-English sentences have no English text. Engine `identity` "
        "marks English sentences (no translation); `memory` marks reference translations from a translation memory "
        "(human-written, not machine output); `argos` marks machine translation by argostranslate.",
        "## How it was built",
        f"`align build` with build signature `{release.build_signature}`. The signature names every engine, model "
        "and threshold that shaped the records; rebuilding the same corpus with the same signature reproduces the "
        "same records (`content_sha256` in the card metadata).",
        "## Limitations",
        "- Links and labels are machine-made; a `conflict` is a lead for a fact-checker, not a verdict.\n"
        "- Sentence language is detected per sentence (script first, then lingua); very short sentences inherit the "
        "article's language.\n"
        "- Article texts remain the property of their publishers and are included for research on cross-lingual "
        "news coverage; check the sources' terms before redistribution.",
        "## Citation",
        "See `CITATION.cff` in the align repository, or cite as:\n\n```bibtex\n@misc{align_dataset,\n"
        f"  title = {{{info.citation_title}}},\n  note = {{version {release.version}}},\n"
        "  howpublished = {Built with the align tool},\n}\n```",
    ]
    return f"---\n{metadata}---\n\n" + "\n\n".join(sections) + "\n"
