"""Link precision/recall on the seed event against its hand-made gold (bench/gold/seed.jsonl).

The seed event (corpus/2026-02-anthropic-safeguards-lead-resigns: 3 Hindi, 1 English, 1 French article, 185
sentences) is segmented by align itself; ``text_en`` comes from the event's ``translations.tsv`` (reference
translations, i.e. better than any MT we can run offline). The gold links every pair of sentences from
different articles that report the same fact, including partial overlap (a fact that is the main point of one
side and a clause of the other): 384 links, 121 of 185 sentences linked.

Reported: the configured LinkConfig through the real ``link()`` and ``score_links`` (overall and per language
pair), then, for variants of the score, the best F1 over thresholds, recall at precision >= 0.8 and >= 0.5,
and precision at recall >= 0.9 (the issue's target is recall >= 0.9 at precision >= 0.8).

With ``--rerank-model MODEL`` it also scores the optional NLI re-ranker (``[link] rerank = "nli"``) with that
model; no NLI weights can be downloaded where align is developed, so this row has not been recorded yet.

Run:  PYTHONPATH=. python bench/bench_link_seed.py [--gold bench/gold/seed.jsonl] [--rerank-model M] [--write]
"""

from __future__ import annotations

import argparse
import csv
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from bench_link_tatoeba import machine_note, write_section

from align.cache import default_cache_dir
from align.config import BuildConfig, EmbedConfig, LinkConfig
from align.corpus import list_events, read_event
from align.embed import Embedder, build_embedder
from align.evaluate import GoldPair, load_gold, score_links
from align.link import is_linkable, link, sentence_vectors
from align.link.margin import margin_from_cosine
from align.link.rerank import build_entailment_model
from align.records import SentenceRecord
from align.segment import segment

ROOT = Path(__file__).resolve().parent.parent
EVENT = ROOT / "corpus" / "2026-02-anthropic-safeguards-lead-resigns"


def seed_sentences(event_dir: Path, translations: Path | None) -> list[SentenceRecord]:
    config = BuildConfig()
    sentences = segment(read_event(event_dir, config.corpus), config.corpus, config.segment)
    path = translations or event_dir / "translations.tsv"
    if not path.is_file():
        return sentences
    with path.open(encoding="utf-8") as handle:
        english = {
            row["source"]: row["english"]
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        }
    return [replace(s, text_en=english.get(s.text)) if s.language != "en" else s for s in sentences]


def curve_summary(similarity: np.ndarray, is_gold: np.ndarray, n_gold: int) -> dict[str, float]:
    order = np.argsort(-similarity, kind="stable")
    tp = np.cumsum(is_gold[order])
    precision = tp / np.arange(1, len(order) + 1)
    recall = tp / n_gold
    f1 = np.where(precision + recall > 0, 2 * precision * recall / np.maximum(precision + recall, 1e-12), 0.0)
    best = int(np.argmax(f1))

    def recall_at(p: float) -> float:
        return float(recall[precision >= p].max()) if (precision >= p).any() else 0.0

    return {
        "f1": float(f1[best]),
        "p": float(precision[best]),
        "r": float(recall[best]),
        "t": float(similarity[order][best]),
        "r@p.8": recall_at(0.8),
        "r@p.5": recall_at(0.5),
        "p@r.9": float(precision[recall >= 0.9].max()) if (recall >= 0.9).any() else 0.0,
    }


def variant_row(
    name: str,
    sentences: list[SentenceRecord],
    embedder: Embedder,
    config: LinkConfig,
    gold: list[GoldPair],
    views_max: bool = False,
) -> str:
    ordered = sorted(
        (s for s in sentences if is_linkable(s, config)), key=lambda s: (s.article_id, s.position)
    )
    if views_max:  # the other way to combine the two views: element-wise max of the two cosine matrices
        original, english = (sentence_vectors(ordered, embedder, v) for v in ("original", "english"))
        cosine = np.maximum(original @ original.T, english @ english.T)
    else:
        vectors = sentence_vectors(ordered, embedder, config.views)
        cosine = vectors @ vectors.T
    articles, languages = [s.article_id for s in ordered], [s.language for s in ordered]
    scored = margin_from_cosine(cosine, articles, languages, config.k, config.neighbourhood)
    keys = {g.id_key for g in gold}
    is_gold = np.array(
        [
            frozenset((ordered[i].sentence_id, ordered[j].sentence_id)) in keys
            for i, j in zip(scored.rows, scored.cols, strict=True)
        ]
    )
    cells = []
    for values in (scored.margin, scored.cosine):
        s = curve_summary(values, is_gold, len(gold))
        best = f"{s['f1']:.3f} (P {s['p']:.2f} R {s['r']:.2f} t {s['t']:.3f})"
        cells.append(f"{best} | {s['r@p.8']:.3f} | {s['r@p.5']:.3f}")
    return f"| {name} | " + " | ".join(cells) + " |"


def rerank_rows(
    sentences: list[SentenceRecord],
    embedder: Embedder,
    config: LinkConfig,
    gold: list[GoldPair],
    model: str,
    cache: Path,
) -> list[str]:
    """The configured linker with the NLI re-ranker (``[link] rerank = "nli"``) at several entailment thresholds."""
    lines = [
        f"With the NLI re-ranker (`rerank_model = {model}`, candidates: margin >= {config.rerank_min_margin:g}, "
        f"each sentence's {config.rerank_per_sentence} best):",
        "",
        "| rerank_threshold | predicted | precision | recall | F1 |",
        "|---|---|---|---|---|",
    ]
    reranked = replace(config, rerank="nli", rerank_model=model)
    entailment = build_entailment_model(reranked, cache)
    for threshold in (0.5, 0.7, 0.9):
        pairs = link(sentences, embedder, replace(reranked, rerank_threshold=threshold), entailment)
        scores = score_links(pairs, gold, sentences).links
        lines.append(
            f"| {threshold} | {scores.tp + scores.fp} | {scores.precision:.3f} | {scores.recall:.3f} | "
            f"{scores.f1:.3f} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "bench" / "gold" / "seed.jsonl")
    parser.add_argument(
        "--translations", type=Path, default=None, help="default: the event's translations.tsv"
    )
    parser.add_argument("--cache", type=Path, default=default_cache_dir())
    parser.add_argument("--write", action="store_true")
    parser.add_argument(
        "--rerank-model",
        default="",
        help="also score the NLI re-ranker with this XNLI model (Hub id or directory; needs the nli extra)",
    )
    args = parser.parse_args()
    start = time.perf_counter()
    gold = load_gold(args.gold)
    sentences = seed_sentences(
        list_events(ROOT / "corpus")[0] if not EVENT.exists() else EVENT, args.translations
    )
    translated = sum(1 for s in sentences if s.text_en)
    config = LinkConfig()
    embedder = build_embedder(EmbedConfig(), args.cache)
    report = score_links(link(sentences, embedder, config), gold, sentences)
    lines = [
        f"{machine_note()}. Seed event, {len(sentences)} sentences ({translated} with a reference "
        "`text_en`), "
        f"gold {len(gold)} links. Rerun: `PYTHONPATH=. python bench/bench_link_seed.py --write`.",
        "",
        f"Configured defaults (k={config.k}, margin_threshold={config.margin_threshold:g}, "
        f"neighbourhood={config.neighbourhood}, views={config.views}, min_letters={config.min_letters}), "
        "through `link()`:",
        "",
        "| pair | gold | predicted | precision | recall | F1 |",
        "|---|---|---|---|---|---|",
    ]
    overall = report.links
    lines.append(
        f"| all | {overall.tp + overall.fn} | {overall.tp + overall.fp} | {overall.precision:.3f} | "
        f"{overall.recall:.3f} | {overall.f1:.3f} |"
    )
    for pair, scores in sorted(report.by_language_pair.items()):
        lines.append(
            f"| {pair} | {scores.tp + scores.fn} | {scores.tp + scores.fp} | {scores.precision:.3f} | "
            f"{scores.recall:.3f} | {scores.f1:.3f} |"
        )
    lines += [
        "",
        "Variants (threshold-free: best F1 over thresholds, with its precision, recall and threshold; "
        "recall at precision >= 0.8 and >= 0.5). `no text_en` drops the reference translations "
        "(no MT available).",
        "",
        "| variant | margin: best F1 | R@P0.8 | R@P0.5 | raw cosine: best F1 | R@P0.8 | R@P0.5 |",
        "|---|---|---|---|---|---|---|",
    ]
    untranslated = [replace(s, text_en=None) for s in sentences]
    variants = [("configured", sentences, config)]
    for views in ("original", "english", "mean"):
        for neighbourhood in ("article", "language"):
            for k in (2, 4, 8, 16):
                variants.append(
                    (
                        f"{views}, {neighbourhood}, k={k}",
                        sentences,
                        replace(config, views=views, neighbourhood=neighbourhood, k=k),
                    )
                )
    variants.append(("no text_en, configured", untranslated, config))
    variants.append(("configured, min_letters=0", sentences, replace(config, min_letters=0)))
    variants.append(("configured, min_letters=12", sentences, replace(config, min_letters=12)))
    for name, data, variant in variants:
        lines.append(variant_row(name, data, embedder, variant, gold))
    for k in (4, 8):
        name = f"max(original, english), article, k={k}"
        lines.append(variant_row(name, sentences, embedder, replace(config, k=k), gold, views_max=True))
    passage = build_embedder(EmbedConfig(prefix="passage"), args.cache)
    lines.append(variant_row("configured, prefix passage", sentences, passage, config, gold))
    if args.rerank_model:
        lines += ["", *rerank_rows(sentences, embedder, config, gold, args.rerank_model, args.cache)]
    body = "\n".join(lines)
    print(body)
    print(f"({time.perf_counter() - start:.0f} s)")
    if args.write:
        write_section("Seed event against the gold (bench_link_seed.py)", body)


if __name__ == "__main__":
    main()
