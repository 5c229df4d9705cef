"""Benchmark the translate stage's argos backend on the seed event, with the tiny test model.

Measures, in one run:
- sentences/s through ``ArgosTranslator``: one ``translate_batch`` call for all Hindi sentences, against one
  call per sentence (model loaded beforehand, so both time translation only);
- the cost of a fully cached rebuild relative to a cold one: ``build_translator`` + ``translate`` over the
  whole seed event with an empty cache directory, then again over the same cache.

The model is the random 1-layer Transformer the tests build (``tests/argos_fixture.py``): absolute speeds say
nothing about a real Argos model (6 layers, d=512: far more compute per token). With a real model the cached
rebuild costs the same while the cold build grows, so the cached/cold ratio here is an upper bound.
Results go to ``bench/RESULTS.md`` under ``## Translation``.

Run: ``PYTHONPATH=. python bench/bench_translate.py [--repeats 3] [--threads 1]``
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from argos_fixture import build_tiny_argosmodel  # noqa: E402

from align.config import BuildConfig  # noqa: E402
from align.corpus import read_event  # noqa: E402
from align.records import SentenceRecord  # noqa: E402
from align.segment import segment  # noqa: E402
from align.translate import argos_packages as models  # noqa: E402
from align.translate import build_translator, translate  # noqa: E402
from align.translate.argos import ArgosTranslator  # noqa: E402

EVENT = ROOT / "corpus" / "2026-02-anthropic-safeguards-lead-resigns"
RESULTS = ROOT / "bench" / "RESULTS.md"
HEADING = "## Translation"


def seed_sentences(config: BuildConfig) -> list[SentenceRecord]:
    return segment(read_event(EVENT, config.corpus), config.corpus, config.segment)


def timed(action: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``repeats`` runs, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(repeats: int, threads: int) -> dict[str, float]:
    config = BuildConfig()
    sentences = seed_sentences(config)
    hindi = [s.text for s in sentences if s.language == "hi"]
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        packages_dir = work / "packages"
        models.install_file(build_tiny_argosmodel(work), packages_dir)

        argos = ArgosTranslator(packages_dir, threads=threads)
        argos.translate_batch(hindi[:1], "hi")  # load the model outside the timings
        batched = timed(lambda: argos.translate_batch(hindi, "hi"), repeats)
        one_by_one = timed(lambda: [argos.translate_batch([text], "hi") for text in hindi], repeats)

        translate_config = replace(config.translate, packages_dir=str(packages_dir), argos_threads=threads)
        cold_times, cached_times = [], []
        for attempt in range(repeats):
            cache_config = replace(translate_config, cache_dir=str(work / f"cache-{attempt}"))
            for times in (cold_times, cached_times):  # first pass fills the empty cache, second reads it
                start = time.perf_counter()
                translate(sentences, build_translator(cache_config, EVENT))
                times.append(time.perf_counter() - start)
        cold, cached = statistics.median(cold_times), statistics.median(cached_times)
    return {
        "sentences": len(sentences),
        "hindi": len(hindi),
        "batched_per_s": len(hindi) / batched,
        "one_by_one_per_s": len(hindi) / one_by_one,
        "cold_s": cold,
        "cached_s": cached,
    }


def report(numbers: dict[str, float], repeats: int, threads: int) -> str:
    python = platform.python_version()
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores (shared), Python {python}"
    return "\n".join(
        [
            HEADING,
            "",
            f"{datetime.date.today().isoformat()} — {machine}; argos backend with the tiny random test model "
            f"(1 layer, d=16, 120-piece vocabulary), {threads} ctranslate2 thread(s), median of {repeats} "
            "runs. Absolute speeds say nothing about real Argos models (6 layers, d=512); with one, the "
            "cached rebuild costs the same and the cold build grows, so cached/cold here is an upper bound.",
            "",
            "| measure | value |",
            "|---|---|",
            f"| batched (one translate_batch call, {int(numbers['hindi'])} Hindi seed sentences) "
            f"| {numbers['batched_per_s']:.0f} sentences/s |",
            f"| one sentence per call | {numbers['one_by_one_per_s']:.0f} sentences/s |",
            f"| batching speed-up | {numbers['batched_per_s'] / numbers['one_by_one_per_s']:.1f}x |",
            f"| cold build, whole seed event ({int(numbers['sentences'])} sentences, empty cache, model load "
            f"included) | {numbers['cold_s'] * 1000:.0f} ms |",
            f"| fully cached rebuild (no model loaded) | {numbers['cached_s'] * 1000:.0f} ms |",
            f"| cached / cold | {numbers['cached_s'] / numbers['cold_s']:.2f} |",
            "",
            f"Rerun: `PYTHONPATH=. python bench/bench_translate.py --repeats {repeats} --threads {threads}`",
            "",
        ]
    )


def write_section(section: str, path: Path = RESULTS) -> None:
    """Replace this benchmark's section of RESULTS.md (or append it), leaving other sections alone."""
    text = path.read_text("utf-8") if path.is_file() else "# Benchmark results\n\n"
    start = text.find(HEADING + "\n")
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        following = text.find("\n## ", start + len(HEADING))
        end = len(text) if following == -1 else following + 1
        text = text[:start] + section + ("\n" + text[end:] if following != -1 else "")
    path.write_text(text, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    # The seed's French sentences have no model here; the stage warns about that on every build.
    logging.getLogger("align.translate").setLevel(logging.ERROR)
    numbers = run(args.repeats, args.threads)
    section = report(numbers, args.repeats, args.threads)
    write_section(section)
    print(section)


if __name__ == "__main__":
    main()
