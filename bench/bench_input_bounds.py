"""Bounded work on hostile input: time, peak memory and Ctrl-C latency of `align build` on very long articles.

Cases (each: the seed event plus one synthetic article written as ONE line of English words with no punctuation,
so the whole article is one sentence):

- ``1mb``: a 1 MB article (under the default ``corpus.max_article_bytes``, so it is built);
- ``10mb``: a 10 MB article, with the default config (refused above the limit) and with the limit raised to 16 MB
  (``10mb-allowed``: built, to show the work per byte is bounded, not just refused);
- ``sigint``: the 1 MB case again, interrupted with SIGINT after ``--sigint-after`` seconds: how long the build takes
  to exit, its exit code, and whether a dataset was written.

Every build runs ``python -m align build`` in a fresh process with its own cache and shard directories; peak memory
is the child's maximum RSS (``os.wait4``). ``--code DIR`` runs the align package found in DIR (e.g. an export of an
older commit) instead of this checkout; a case that runs past ``--timeout`` seconds is killed and reported as such.

``--stages`` times the text stages alone on pathological one-line inputs of 100 KB and 1 MB (words without
punctuation, ``abc. `` repeated, one word without spaces, a run of spaces, ``Dr. `` repeated): cleaning, segmentation
(with per-sentence language), language identification of the whole line, and evidence extraction for a pair whose
side is the line. Each call is stopped after ``--stage-limit`` seconds.

    PYTHONPATH=. python bench/bench_input_bounds.py                    # this checkout, all cases
    PYTHONPATH=. python bench/bench_input_bounds.py --code /tmp/old --cases 1mb,sigint --timeout 900
    PYTHONPATH=. python bench/bench_input_bounds.py --stages [--code /tmp/old]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_EVENT = ROOT / "corpus" / "2026-02-anthropic-safeguards-lead-resigns"
ENGLISH_ARTICLE = "003_30460885a53fbe9a.txt"
MB = 1_000_000


def one_line_article(size: int, seed: int = 0) -> str:
    """``size`` bytes of English words from the seed's English article, one line, no punctuation at all."""
    english = (SEED_EVENT / ENGLISH_ARTICLE).read_text("utf-8")
    words = sorted({w for w in "".join(c if c.isalpha() else " " for c in english).split() if w.isascii()})
    rng = random.Random(seed)
    parts, length = [], 0
    while length < size:
        word = rng.choice(words)
        parts.append(word)
        length += len(word) + 1
    return " ".join(parts)[:size].rstrip() + "\n"


def make_corpus(root: Path, size: int) -> Path:
    corpus = root / "corpus"
    event = corpus / SEED_EVENT.name
    shutil.copytree(SEED_EVENT, event)
    (event / "huge.txt").write_text(one_line_article(size), "utf-8")
    return corpus


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@dataclass
class Outcome:
    case: str
    seconds: float
    peak_mb: float
    exit_code: int | None
    note: str = ""


def run_build(code: Path, work: Path, corpus: Path, timeout: float, config: Path | None = None,
              sigint_after: float | None = None) -> tuple[float, float, int | None, str, float | None]:
    """(seconds, peak RSS MB, exit code or None when killed, last stderr line, seconds from SIGINT to exit)."""
    out = work / "dataset"
    command = [sys.executable, "-m", "align", "build", "--corpus", str(corpus), "--out", str(out),
               "--cache-dir", str(work / "cache"), "--shard-dir", str(work / "shards"), "-q"]
    if config is not None:
        command += ["--config", str(config)]
    env = {**os.environ, "NO_COLOR": "1", "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1",
           "ALIGN_CACHE_DIR": str(work / "cache")}
    env.pop("PYTHONPATH", None)  # the package comes from ``code`` (the working directory)
    stderr_path, stdout_path = work / "stderr.txt", work / "stdout.txt"
    start = time.perf_counter()
    interrupted_at = None
    killed = False
    with stderr_path.open("w") as stderr, stdout_path.open("w") as stdout:
        # A background shell starts its children with SIGINT ignored: give the build Python's default handling.
        process = subprocess.Popen(command, cwd=code, env=env, stdout=stdout, stderr=stderr,
                                   preexec_fn=_default_sigint)
        while True:  # os.wait4 gives this child's own peak RSS (getrusage would give the max over all children)
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            elapsed = time.perf_counter() - start
            if sigint_after is not None and interrupted_at is None and elapsed >= sigint_after:
                interrupted_at = time.perf_counter()
                process.send_signal(signal.SIGINT)
            if elapsed >= timeout and not killed:
                process.kill()
                killed = True
            time.sleep(0.02)
    process.returncode = os.waitstatus_to_exitcode(status)
    code_ = None if killed else process.returncode
    seconds = time.perf_counter() - start
    peak = usage.ru_maxrss / 1024
    # The result line (stdout) when there is one, else the error (stderr).
    lines = [line for line in stdout_path.read_text(errors="replace").splitlines()[:1] if line.strip()]
    lines = lines or [line for line in stderr_path.read_text(errors="replace").splitlines() if line.strip()]
    latency = None if interrupted_at is None else start + seconds - interrupted_at
    last = lines[-1].replace(str(work) + "/", "") if lines else ""
    return seconds, peak, code_, last[:200], latency


def run_case(case: str, code: Path, timeout: float, sigint_after: float) -> Outcome:
    with tempfile.TemporaryDirectory(prefix=f"align-bounds-{case}-") as tmp:
        work = Path(tmp)
        size = MB if case in ("1mb", "sigint") else 10 * MB
        corpus = make_corpus(work, size)
        config = None
        if case == "10mb-allowed":
            config = work / "align.toml"
            config.write_text("[corpus]\nmax_article_bytes = 16000000\n", "utf-8")
        seconds, peak, exit_code, last, latency = run_build(
            code, work, corpus, timeout, config, sigint_after if case == "sigint" else None
        )
        wrote = (work / "dataset").exists()
        if exit_code is None:
            note = f"killed after {timeout:.0f} s"
        elif case == "sigint":
            note = (f"SIGINT after {sigint_after:g} s: exited {latency:.1f} s later, "
                    f"dataset {'written' if wrote else 'not written'}")
        else:
            note = last
        return Outcome(case, seconds, peak, exit_code, note)


SHAPES = {
    "words": lambda size: one_line_article(size).strip(),
    "'abc. ' repeated": lambda size: ("abc. " * (size // 5 + 1))[:size],
    "one word": lambda size: "x" * size,
    "run of spaces": lambda size: "word" + " " * size + "word",
    "'Dr. ' repeated": lambda size: ("Dr. " * (size // 4 + 1))[:size],
}


class StageTimeout(Exception):
    pass


def time_stages(code: Path, limit: int) -> None:
    """Print one table row per (shape, size): seconds per stage function, or '> limit' when stopped."""
    sys.path.insert(0, str(code))
    from align.config import BuildConfig
    from align.corpus import BoilerplateRules, clean_text
    from align.evidence import extract_facts
    from align.label import sides
    from align.language import detect_language
    from align.link import make_pair
    from align.records import ArticleRecord, line_sentence
    from align.segment import segment_article

    config = BuildConfig()
    rules = BoilerplateRules.from_config(config.corpus)
    other = line_sentence("b", 0, "en", "Mrinank Sharma resigned on Monday.", "ev")

    def raise_timeout(*_: object) -> None:
        raise StageTimeout

    signal.signal(signal.SIGALRM, raise_timeout)

    def timed(call: object) -> str:
        signal.alarm(limit)
        start = time.perf_counter()
        try:
            call()  # type: ignore[operator]
            return f"{time.perf_counter() - start:.2f}"
        except StageTimeout:
            return f"> {limit}"
        finally:
            signal.alarm(0)

    print(f"align from {code}")
    print("| input | size | clean | segment | language | evidence |")
    print("|---|---:|---:|---:|---:|---:|")
    detect_language("warm up the language models", config.corpus.candidate_languages, "en")
    for name, make in SHAPES.items():
        for size in (100_000, MB):
            text = make(size)
            article = ArticleRecord("a", "ev", "s", None, None, "en", None, text, "0" * 64)
            pair = make_pair(line_sentence("a", 0, "en", text, "ev"), other, 1.1)
            extract_facts.cache_clear()  # facts are cached by text: time them afresh
            cells = [
                timed(partial(clean_text, text, rules)),
                timed(partial(segment_article, article, config.corpus, config.segment)),
                timed(partial(detect_language, text, config.corpus.candidate_languages, "en")),
                timed(partial(sides, pair, {}, config.label)),
            ]
            print(f"| {name} | {size // 1000} KB | " + " | ".join(cells) + " |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--code", type=Path, default=ROOT, help="directory holding the align package to run")
    parser.add_argument("--cases", default="1mb,10mb,10mb-allowed,sigint")
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--sigint-after", type=float, default=8.0)
    parser.add_argument("--stages", action="store_true", help="time the text stages on pathological lines")
    parser.add_argument("--stage-limit", type=int, default=60)
    args = parser.parse_args()
    if args.stages:
        time_stages(args.code.resolve(), args.stage_limit)
        return
    print("| case | seconds | peak RSS (MB) | exit | note |")
    print("|---|---:|---:|---:|---|")
    for case in args.cases.split(","):
        outcome = run_case(case, args.code.resolve(), args.timeout, args.sigint_after)
        exit_text = "killed" if outcome.exit_code is None else str(outcome.exit_code)
        print(f"| {case} | {outcome.seconds:.1f} | {outcome.peak_mb:.0f} | {exit_text} | {outcome.note} |",
              flush=True)


if __name__ == "__main__":
    main()
