"""Speed of embed + link on 1k, 5k and 20k-sentence events, and the share of time outside embedding.

Events are built from Tatoeba sentences (fr, hi and their English sides): each text joins two random sentences
of one language (news sentences are longer than Tatoeba's), articles hold 40 sentences of one language; the
smaller events are the first sentences of the largest. The embedder runs without a cache, so embedding time is
real; each text is embedded once and its share of its batch's time is charged to every event holding it.
Events from ``LinkConfig.ann_min_sentences`` sentences on take the HNSW path; for the smaller ones the same
vectors are also scored on the HNSW path to check that both paths give the same pairs.

Run:  PYTHONPATH=. python bench/bench_link_speed.py [--sizes 1000 5000 20000] [--write]   (~5 min)
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import replace

import numpy as np
from bench_link_tatoeba import TATOEBA, machine_note, write_section

from align.config import EmbedConfig, LinkConfig
from align.embed import Embedder, build_embedder
from align.link import link
from align.records import SentenceRecord, line_sentence

ARTICLE_SIZE = 40


class TimedEmbedder:
    """Remembers vectors and what each text cost to embed, so nested events embed each text once."""

    def __init__(self, inner: Embedder, batch: int = 256) -> None:
        self.inner = inner
        self.signature = inner.signature
        self.batch = batch
        self.seconds = 0.0
        self.memory: dict[str, np.ndarray] = {}
        self.cost: dict[str, float] = {}

    def embed(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.memory]
        for start in range(0, len(missing), self.batch):
            chunk = missing[start : start + self.batch]
            began = time.perf_counter()
            vectors = self.inner.embed(chunk)
            seconds = time.perf_counter() - began
            self.seconds += seconds
            self.memory.update(zip(chunk, vectors, strict=True))
            self.cost.update((t, seconds / len(chunk)) for t in chunk)
        return np.stack([self.memory[t] for t in texts])

    def seconds_for(self, texts: list[str]) -> float:
        return sum(self.cost[t] for t in set(texts))


def tatoeba_pool() -> dict[str, list[str]]:
    pool: dict[str, list[str]] = {"en": []}
    for code, language in (("fra", "fr"), ("hin", "hi")):
        pool[language] = (TATOEBA / f"tatoeba.{code}-eng.{code}").read_text("utf-8").splitlines()
        pool["en"] += (TATOEBA / f"tatoeba.{code}-eng.eng").read_text("utf-8").splitlines()
    return pool


def synthetic_event(size: int, pool: dict[str, list[str]], seed: int) -> list[SentenceRecord]:
    rng = random.Random(seed)
    event = "speed"
    sentences: list[SentenceRecord] = []
    seen: set[str] = set()
    while len(sentences) < size:
        number = len(sentences) // ARTICLE_SIZE
        language = ("en", "fr", "hi")[number % 3]
        text = f"{rng.choice(pool[language])} {rng.choice(pool[language])}"
        if text in seen:
            continue
        seen.add(text)
        article = f"{event}-{number:05d}"
        sentences.append(line_sentence(article, len(sentences) % ARTICLE_SIZE, language, text, event))
    return sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    config = LinkConfig()
    pool = tatoeba_pool()
    lines = [
        f"{machine_note()}. Synthetic events from Tatoeba sentences (two joined per text, 40 per article, "
        f"articles alternating en/fr/hi), default EmbedConfig (threads=2) and LinkConfig "
        f"(HNSW from {config.ann_min_sentences} sentences). Rerun: "
        "`PYTHONPATH=. python bench/bench_link_speed.py --write`.",
        "",
        "| sentences | path | embed s | link (everything else) s | total s | sentences/s "
        "| share not embedding | pairs |",
        "|---|---|---|---|---|---|---|---|",
    ]
    checks = []
    timings = []
    # One event of the largest size; smaller events are its first sentences, so each text is embedded once.
    everything = synthetic_event(max(args.sizes), pool, args.seed)
    embedder = TimedEmbedder(build_embedder(EmbedConfig(), None))
    for size in sorted(args.sizes):
        sentences = [replace(s, event_id=f"speed-{size}") for s in everything[:size]]
        embedded_before = embedder.seconds
        start = time.perf_counter()
        pairs = link(sentences, embedder, config)
        rest = time.perf_counter() - start - (embedder.seconds - embedded_before)
        embed = embedder.seconds_for([s.text for s in sentences])
        total = embed + rest
        path = "HNSW" if size >= config.ann_min_sentences else "dense"
        timings.append((size, rest))
        lines.append(
            f"| {size} | {path} | {embed:.1f} | {rest:.2f} | {total:.1f} | {size / total:.0f} | "
            f"{rest / total:.1%} | {len(pairs)} |"
        )
        print(lines[-1], flush=True)
        if size < config.ann_min_sentences:
            start = time.perf_counter()
            approximate = link(sentences, embedder, replace(config, ann_min_sentences=2))
            seconds = time.perf_counter() - start
            dense_ids, ann_ids = {p.pair_id for p in pairs}, {p.pair_id for p in approximate}
            same = len(dense_ids & ann_ids)
            checks.append(
                f"{size} sentences: dense {len(dense_ids)} pairs, HNSW {len(ann_ids)}, identical {same} "
                f"(Jaccard {same / max(len(dense_ids | ann_ids), 1):.3f}); HNSW link time {seconds:.2f} s"
            )
    if len(timings) > 1:
        steps = zip(timings, timings[1:], strict=False)
        growth = "; ".join(
            f"{small} -> {large}: x{rest_large / rest_small:.1f} "
            f"(n log n predicts x{large * np.log(large) / (small * np.log(small)):.1f})"
            for (small, rest_small), (large, rest_large) in steps
        )
        lines += ["", f"Growth of the non-embedding time: {growth}."]
    if checks:
        lines += ["", "Same vectors scored on both paths: " + "; ".join(checks) + "."]
    body = "\n".join(lines)
    print(body)
    if args.write:
        write_section("Speed (bench_link_speed.py)", body)


if __name__ == "__main__":
    main()
