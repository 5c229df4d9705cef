"""The dataset card (``README.md`` of the dataset): YAML metadata the Hub and ``load_dataset`` read, then prose."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import yaml

from align.dataset.artifacts import CARD, CHART_FILE, CITATION_FILE, REPORT_FILE
from align.dataset.content import CardInfo, Publication, Release
from align.dataset.features import CONFIGS
from align.dataset.layout import data_files_glob
from align.dataset.summary import DatasetStats
from align.records import CLAIM_STATUSES, LABELS


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


def card_metadata(stats: DatasetStats, release: Release, info: CardInfo) -> dict[str, Any]:
    languages = stats.languages
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
            "size_categories": [size_category(stats.rows["sentences"])],
            "annotations_creators": ["machine-generated"],
            "language_creators": ["found"],
            "source_datasets": ["original"],
            "tags": ["cross-lingual", "fact-checking", "news", "comparable-corpora", "contradiction"],
            "align": {
                "version": release.version,
                "content_sha256": release.content_sha256,
                "content_hash": release.content_hash,  # how content_sha256 is computed (content.CONTENT_HASHES)
                "schema_version": release.schema_version,
                "build_signature": release.build_signature,
                # What `align release` needs to re-render this card without the build config.
                "name": info.name,
                "citation_title": info.citation_title,
                "authors": list(info.authors),
            },
            "configs": [
                {"config_name": name, "data_files": [{"split": "train", "path": data_files_glob(name)}]}
                for name in CONFIGS
            ],
            "dataset_info": [
                {
                    "config_name": name,
                    "features": features._to_yaml_list(),
                    "splits": [
                        {
                            "name": "train",
                            "num_bytes": stats.arrow_bytes[name],
                            "num_examples": stats.rows[name],
                        }
                    ],
                }
                for name, (features, _, _) in CONFIGS.items()
            ],
        }
    )
    return metadata


def card_info_from_metadata(metadata: dict[str, Any], defaults: CardInfo) -> CardInfo:
    """The CardInfo a published card was rendered from; ``defaults`` fill what older cards did not record."""
    align_block = metadata.get("align") or {}
    return CardInfo(
        name=str(align_block.get("name") or defaults.name),
        pretty_name=str(metadata.get("pretty_name") or defaults.pretty_name),
        license=str(metadata.get("license") or defaults.license),
        citation_title=str(align_block.get("citation_title") or defaults.citation_title),
        authors=tuple(str(a) for a in align_block.get("authors") or defaults.authors),
    )


def markdown_text(value: object) -> str:
    """Text from the corpus (an outlet's name, an event id) as inert card text: no HTML, link, image or table cell
    break can come through, and no line break."""
    text = html.escape(" ".join(str(value).split()), quote=False)
    return re.sub(r"([\\|\[\]])", r"\\\1", text)


def _table(header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(markdown_text(c) for c in row) + " |" for row in rows]
    if not rows:
        lines.append("| " + " | ".join("—" for _ in header) + " |")
    return "\n".join(lines)


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "—"


def statistics_section(stats: DatasetStats) -> str:
    """Tables per config, language, source, label, language pair and evidence kind."""
    languages = stats.languages
    pairs = stats.rows["pairs"]
    per_pair = stats.labels_per_language_pair()
    tables = [
        "### Rows per config\n\n" + _table(("config", "rows"), [(name, stats.rows[name]) for name in CONFIGS]),
        "### Per language\n\n"
        + _table(
            ("language", "articles", "sentences", "sentences with `text_en`"),
            [
                (
                    lang,
                    stats.count("articles_of_language", lang),
                    stats.count("sentences_of_language", lang),
                    f"{stats.count('english_of_language', lang)} "
                    f"({_share(stats.count('english_of_language', lang), stats.count('sentences_of_language', lang))})",
                )
                for lang in languages
            ],
        ),
        "### Per source\n\n"
        + _table(
            ("source", "language", "articles", "sentences", "pairs", "conflict pairs"),
            [
                (
                    src,
                    lang,
                    stats.count("articles_of_source", src, lang),
                    stats.count("sentences_of_source", src, lang),
                    stats.count("pairs_of_source", src, lang),
                    stats.count("conflicts_of_source", src, lang),
                )
                for src, lang in stats.keys("articles_of_source")
            ],
        ),
        "### Per label\n\n"
        + _table(
            ("label", "pairs", "share", "mean confidence"),
            [
                (
                    label,
                    stats.count("pairs_of_label", label),
                    _share(stats.count("pairs_of_label", label), pairs),
                    f"{stats.confidence_sums[label] / stats.count('pairs_of_label', label):.2f}"
                    if stats.count("pairs_of_label", label)
                    else "—",
                )
                for label in LABELS
            ],
        ),
        "### Per language pair\n\n"
        + _table(
            ("language pair", *LABELS, "total"),
            [(name, *(c.get(label, 0) for label in LABELS), sum(c.values())) for name, c in per_pair.items()],
        ),
        "### Claims per status\n\n"
        + _table(
            ("status", "claims", "of them stated by 2+ sources"),
            [
                (status, stats.count("claims_of_status", status), stats.count("shared_claims_of_status", status))
                for status in CLAIM_STATUSES
            ],
        ),
        "### Evidence kinds\n\n"
        + _table(
            ("kind", "label", "evidence items"),
            [(kind, label, stats.count("evidence", kind, label)) for kind, label in stats.keys("evidence")],
        ),
    ]
    return "## Statistics\n\n" + "\n\n".join(tables)


def limitations_section(stats: DatasetStats) -> str:
    """What a user should know before trusting the records: engines, untranslated share, machine labels."""
    non_english, untranslated = stats.count("non_english"), stats.count("untranslated")
    engine_table = _table(
        ("engine", "model", "version", "sentences"),
        [
            (engine, model or "—", version or "—", stats.count("sentences_of_engine", engine, model, version))
            for engine, model, version in stats.keys("sentences_of_engine")
        ],
    )
    return (
        "## Known limitations\n\n"
        "### Translation\n\n"
        f"{engine_table}\n\n"
        f"**{untranslated} of {non_english} non-English sentences ({_share(untranslated, non_english)}) "
        "have no English text** (`text_en` is null: no configured engine translated them), so they cannot be "
        "linked through English and are under-represented in `pairs`. Engine `memory` marks reference "
        "translations from a translation memory (human-written); `argos` marks machine translation by "
        "argostranslate, whose errors (names, numbers, negation) can create or hide conflicts.\n\n"
        "### Links and labels\n\n"
        "- Links and labels are machine-made: a `conflict` is a lead for a fact-checker, not a verdict; check the "
        "`evidence` spans against both original texts.\n"
        "- `similarity` is a raw score and `confidence` a heuristic in 0–1; neither is a calibrated probability. "
        "Both are rounded to 4 decimals, so that a rebuild on another machine gives the same records.\n"
        "- Sentence language is detected per sentence (script first, then lingua); very short sentences inherit the "
        "article's language.\n\n"
        "### Sources\n\n"
        "Article texts remain the property of their publishers and are included for research on cross-lingual news "
        "coverage; check the sources' terms before redistribution."
    )


def render_card(stats: DatasetStats, release: Release, info: CardInfo) -> str:
    """The whole card: YAML metadata, then what it is, how to load, browse, trust, rebuild and cite it."""
    metadata = yaml.safe_dump(
        card_metadata(stats, release, info), sort_keys=False, allow_unicode=True, width=1000
    )
    events = stats.events
    conflicts = stats.count("pairs_of_label", "conflict")
    contested = stats.count("claims_of_status", "contested")
    key = info.name.replace("-", "_").replace(" ", "_") or "align_dataset"
    sections = [
        f"# {info.pretty_name}",
        f"Version **{release.version}** · schema {release.schema_version} · build signature "
        f"`{release.build_signature}`",
        "## What this is",
        "Sentences from news articles that cover the same event in several languages, with the cross-source links "
        "between sentences that report the same fact, each labelled `agree` or `conflict` with the evidence (the "
        f"differing numbers, dates, names or claims). Built with the align tool from "
        f"{stats.rows['articles']} articles about {len(events)} event(s): "
        f"{', '.join(markdown_text(e) for e in events) or 'none'}; "
        f"{stats.rows['pairs']} pairs, {conflicts} of them conflicts; "
        f"{stats.rows['claims']} claims (facts), {contested} of them contested.",
        "## Browse it",
        f"Open [`{REPORT_FILE}`]({REPORT_FILE}) (one self-contained page, works offline) to read the articles of "
        "each event side by side with their English text, click a sentence to see the sentences it is linked to, "
        "and filter the pairs by label, language pair and confidence; conflicts show their evidence on both sides. "
        "Its claims view lists each event's facts against the sources that report or contest them, contested "
        "first.",
        f"![labels per language pair]({CHART_FILE})",
        "## Configs and fields",
        "- `articles`: one row per article: `article_id`, `event_id`, `source`, `url`, `published`, `language`, "
        "`title`, `text` (boilerplate removed), `sha256` (of the raw file), `n_sentences`, `dateline_place`, "
        "`dateline_date` (ISO date), `dateline_agency` (the dateline that opens the article, \"PARIS, 18 août "
        "(AFP) -\", read as metadata and kept out of every sentence; null when there is none), `dropped` (the page's "
        "lines left out of `text` as furniture, each `{text, reason}`: rule, repeated, non_sentence, boilerplate, teaser, caption).\n"
        "- `sentences`: `sentence_id`, `article_id`, `event_id`, `position`, `language` (of the sentence itself), "
        "`text`, `char_start`/`char_end` (offsets into the article's cleaned `text`), `text_en`, `translation` "
        "(`{engine, model, version}` or null).\n"
        "- `pairs`: links between sentences of different articles of one event: ids, languages, texts and English "
        "texts of both sides, `similarity` (raw linking score: the margin), `entailment` (the optional NLI "
        "re-ranker's probability that one side entails the other; null when it did not run), `label` (ClassLabel: agree, conflict), `confidence`, "
        "`evidence` (list of `{kind, a, b, note}`), `signature`.\n"
        "- `claims`: one row per reported fact of an event: the sentences that state it (grouped from the pairs "
        "without chaining: Leiden, Constant Potts Model), `claim_id` (from the event and the smallest member "
        "`sentence_id`, so it survives other members changing), `sentence_ids`, `article_ids`, `sources`, "
        "`languages`, `n_sources`, the representative sentence (`representative_id`, `text`, `text_en`: the member "
        "linked to the most other members), `status` (`contested`: a link between members conflicts; "
        "`consensus`: several sources, no conflict; `single`: one source), `pair_ids` (links between members), "
        "`conflicts` (`{pair_id, kinds}`), `first_published`/`last_published`.",
        "## Load it",
        "```python\nfrom datasets import load_dataset\n"
        'pairs = load_dataset("PATH_OR_REPO", "pairs", split="train")\n'
        'conflicts = pairs.filter(lambda p: p["label"] == 1)  # ClassLabel: 0 agree, 1 conflict\n'
        'claims = load_dataset("PATH_OR_REPO", "claims", split="train")\n'
        'contested = claims.filter(lambda c: c["status"] == "contested")\n```\n\n'
        f'On the Hub each version is a git tag: `load_dataset("ORG/NAME", "pairs", revision="v{release.version}")`.',
        statistics_section(stats),
        limitations_section(stats),
        "## How to rebuild",
        f"This version was built by `align build` with build signature `{release.build_signature}`; the signature "
        "names every engine, model and threshold that shaped the records. To rebuild and check it:\n\n"
        "```bash\n"
        "# in a checkout of the align repository (the version named in the signature)\n"
        "pip install -c constraints.txt -e .\n"
        "align build --corpus corpus --out dataset   # same corpus + same signature -> same records\n"
        "align validate dataset                      # schemas, card, checksums\n"
        "(cd dataset && sha256sum -c SHA256SUMS)\n"
        "align diff path/to/this/version dataset     # empty when the rebuild reproduces it\n"
        "```\n\n"
        f"The records hash to `content_sha256: {release.content_sha256}` (card metadata), whatever wrote the "
        "parquet files. `CHANGELOG.md` lists every version and what changed.",
        "## How to cite",
        f"Cite the version you used (this is **{release.version}**): `{CITATION_FILE}` in this directory says how "
        "(Citation File Format); the align repository's `CITATION.cff` cites the tool. In BibTeX:\n\n"
        f"```bibtex\n@misc{{{key}_{release.version.replace('.', '_')},\n"
        f"  title = {{{info.citation_title}}},\n"
        f"  version = {{{release.version}}},\n"
        f"  note = {{records sha256 {release.content_sha256}; build {release.build_signature}}},\n"
        "  howpublished = {Built with the align tool},\n"
        "}\n```",
    ]
    return f"---\n{metadata}---\n\n" + "\n\n".join(sections) + "\n"


def write_card(publication: Publication, directory: Path) -> None:
    """The release writer of ``README.md`` (``align.dataset.artifacts``)."""
    (directory / CARD).write_text(render_card(publication.stats, publication.release, publication.card), "utf-8")
