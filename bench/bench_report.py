"""How fast the HTML report renders and reacts for large synthetic datasets, in headless chromium.

Run on demand (not part of the test suite):

    PYTHONPATH=. python bench/bench_report.py            # 1000 and 5000 pairs, prints a Markdown table
    PYTHONPATH=. python bench/bench_report.py --write    # also replaces the "## Report" section of bench/RESULTS.md

The page is the real report; a copy gets one extra inline script that, after the page's own script has run, clicks
a sentence, toggles filters, scrolls the pair list and opens a pair, timing each step with performance.now() (each
step ends by forcing layout), and writes the timings into the DOM for ``--dump-dom`` to read.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

from lxml import html

from align.dataset.content import DatasetContent
from align.dataset.report import render_report
from tests.small_dataset import SmallDataset, evidence

LANGUAGES = ("en", "fr", "hi", "de", "es", "it")
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"

BENCH_SCRIPT = """
<script>
(function () {
  var out = {};
  function time(name, step) {
    var start = performance.now();
    step();
    void document.body.offsetHeight;  // force style and layout, so the cost is counted
    out[name] = Math.round((performance.now() - start) * 10) / 10;
  }
  function input(id, value) {
    var node = document.getElementById(id);
    if (typeof value === "boolean") node.checked = value; else node.value = value;
    node.dispatchEvent(new Event("input", { bubbles: true }));
  }
  try {
    var busiest = null, most = -1;
    document.querySelectorAll(".sent").forEach(function (node) {
      var n = parseInt((node.getAttribute("data-links") || "0").replace(/\\D/g, ""), 10) || 0;
      if (n > most) { most = n; busiest = node; }
    });
    time("click sentence", function () { busiest.click(); });
    time("hide agree", function () { input("f-agree", false); });
    time("show agree", function () { input("f-agree", true); });
    var options = document.getElementById("f-languages").options;
    time("language pair filter", function () { input("f-languages", options[1].value); });
    time("all language pairs", function () { input("f-languages", ""); });
    time("confidence >= 0.5", function () { input("f-confidence", "0.5"); });
    time("confidence >= 0", function () { input("f-confidence", "0"); });
    time("open pair", function () { document.querySelector(".pair-row").click(); });
    out["partners of busiest sentence"] = most;
    out["pair rows in DOM"] = document.querySelectorAll(".pair-row").length;
    out["elements in DOM"] = document.getElementsByTagName("*").length;
  } catch (error) {
    out.error = String(error && error.stack || error);
  }
  document.documentElement.setAttribute("data-bench", JSON.stringify(out));
})();
</script>
"""


def synthetic(
    n_pairs: int, n_articles: int = 12, sentences_per_article: int = 100, seed: int = 7
) -> DatasetContent:
    """One event; articles in several languages; ``n_pairs`` links between random sentences, 20% conflicts."""
    rng = random.Random(seed)
    data = SmallDataset()
    ids: list[list[str]] = []
    for a in range(n_articles):
        language = LANGUAGES[a % len(LANGUAGES)]
        sentences = [
            f"Article {a} sentence {i}: the outlet reports {rng.randint(1, 999)} people and a date in 2026."
            for i in range(sentences_per_article)
        ]
        english = {s: f"EN {s}" for s in sentences}
        ids.append(data.article(f"outlet-{a}", language, sentences, english=english))
    seen: set[tuple[str, str]] = set()
    while len(data.pairs) < n_pairs:
        a, b = rng.sample(range(n_articles), 2)
        sa, sb = rng.choice(ids[a]), rng.choice(ids[b])
        if (sa, sb) in seen or (sb, sa) in seen:
            continue
        seen.add((sa, sb))
        if rng.random() < 0.2:
            data.pair(sa, sb, "conflict", [evidence("number", "people", "date", "synthetic")], rng.random())
        else:
            data.pair(sa, sb, "agree", [], rng.random())
    return data.content()


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    raise SystemExit("no chromium found: apt-get install chromium")


def measure(n_pairs: int, workdir: Path) -> dict[str, object]:
    content = synthetic(n_pairs)
    start = time.perf_counter()
    page = render_report(content, None, f"bench {n_pairs}")
    render_seconds = time.perf_counter() - start
    path = workdir / f"report-{n_pairs}.html"
    path.write_text(page.replace("</body>", BENCH_SCRIPT + "</body>"), "utf-8")
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={workdir / 'profile'}",
        "--window-size=1400,900",
        "--dump-dom",
        path.as_uri(),
    ]
    start = time.perf_counter()
    dumped = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout
    browser_seconds = time.perf_counter() - start
    root = html.fromstring(dumped)
    if root.get("data-report-status") != "ready":
        error = root.get_element_by_id("report-error").text_content()
        raise SystemExit(f"report did not render: {error}")
    steps = json.loads(root.get("data-bench"))
    if "error" in steps:
        raise SystemExit(f"bench script failed: {steps['error']}")
    return {
        "pairs": n_pairs,
        "sentences": len(content.sentences),
        "page MB": round(len(page.encode("utf-8")) / 1e6, 2),
        "python render ms": round(render_seconds * 1000),
        "page script ms": int(root.get("data-render-ms")),
        "chromium wall s": round(browser_seconds, 1),
        **steps,
    }


def median_row(runs: list[dict[str, object]]) -> dict[str, object]:
    """Per column, the median over runs: the shared machine's noise mostly adds time, rarely removes it."""
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}  # type: ignore[type-var]


def markdown(rows: list[dict[str, object]]) -> str:
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(row.get(k, "")) for k in keys) + " |" for row in rows]
    return "\n".join(lines)


def write_results(table: str) -> None:
    version = subprocess.run([chromium(), "--version"], capture_output=True, text=True).stdout.strip()
    section = (
        "## Report\n\n"
        f"{date.today().isoformat()}, {platform.machine()} {platform.system()}, {os.cpu_count()} cores shared with "
        f"other jobs (load average {os.getloadavg()[0]:.1f} when done), {version} headless. "
        "Rerun: `PYTHONPATH=. python bench/bench_report.py --write` (medians of 3 runs).\n\n"
        "One synthetic event (12 articles x 100 sentences, 20% conflicts). `page script ms` is the page's own "
        "script from start to ready (parse JSON, index, render one event's columns and the visible pair rows); "
        "the step columns are milliseconds per interaction, each ending with a forced layout. Columns render one "
        "event at a time; the pair list is virtual, so its DOM stays a few dozen rows whatever the number of "
        "pairs.\n\n" + table + "\n"
    )
    text = RESULTS.read_text("utf-8")
    if "\n## Report\n" in text:
        before, after = text.split("\n## Report\n", 1)
        rest = after.split("\n## ", 1)
        text = before + "\n" + section + ("\n## " + rest[1] if len(rest) > 1 else "")
    else:
        text = text.rstrip() + "\n\n" + section
    RESULTS.write_text(text, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the table shows medians")
    parser.add_argument(
        "--write", action="store_true", help="replace the ## Report section of bench/RESULTS.md"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        rows = [median_row([measure(n, Path(workdir)) for _ in range(args.repeat)]) for n in args.pairs]
    table = markdown(rows)
    print(table)
    if args.write:
        write_results(table)


if __name__ == "__main__":
    main()
