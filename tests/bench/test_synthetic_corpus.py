"""The scale benchmark's synthetic corpus (bench/synthetic_corpus.py): every line once in the corpus, while the
articles of an event that report one fact still say the same thing (same person, same reference English)."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

from bench.synthetic_corpus import Pools, write_corpus

# A pool far smaller than the corpus, as Tatoeba's 1,000 pairs are against 10,000 articles.
POOLS = Pools(
    hin=[(f"हिंदी वाक्य संख्या {i} है।", f"English sentence number {i}.") for i in range(40)],
    fra=[(f"Phrase française numéro {i}.", f"French sentence number {i}.") for i in range(40)],
    seeds={"en": [f"A seed sentence of the event, number {i}." for i in range(6)]},
)


def corpus_lines(corpus: Path) -> list[tuple[str, str, str]]:
    """(event, outlet file, line) for every line of every article."""
    return [
        (path.parent.name, path.name, line)
        for path in sorted(corpus.glob("*/*.txt"))
        for line in path.read_text("utf-8").splitlines()
    ]


def latin_person(line: str) -> str | None:
    for opening in ("According to ", "Selon "):
        if line.startswith(opening):
            return line.removeprefix(opening).split(",")[0]
    return None


def test_no_line_repeats_across_events(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", events=8, articles=6, pools=POOLS)
    events_of: dict[str, set[str]] = defaultdict(set)
    for event, _, line in corpus_lines(tmp_path / "c"):
        events_of[line].add(event)
    assert all(len(events) == 1 for events in events_of.values())
    # The same corpus without the attribution repeats the pool's lines in many events (what page furniture drops).
    write_corpus(tmp_path / "r", events=8, articles=6, pools=POOLS, distinct=False)
    repeated = defaultdict(set)
    for event, _, line in corpus_lines(tmp_path / "r"):
        repeated[line].add(event)
    assert max(len(events) for events in repeated.values()) > 1


def test_a_fact_is_told_alike_and_filler_never_twice(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", events=3, articles=6, pools=POOLS)
    with (tmp_path / "c" / "gold_links.tsv").open(encoding="utf-8") as handle:
        gold = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert gold
    compared = 0
    for link in gold:  # both sides of a gold link name the same person (compared where both are in Latin script)
        a, b = (latin_person(link[side]) for side in ("text_a", "text_b"))
        if a and b:
            assert a == b
            compared += 1
    assert compared
    counts = Counter(line for _, _, line in corpus_lines(tmp_path / "c"))
    facts = {link["text_a"] for link in gold} | {link["text_b"] for link in gold}
    assert all(n == 1 for line, n in counts.items() if line not in facts)


def test_the_reference_english_carries_the_attribution(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", events=2, articles=6, pools=POOLS)
    memory = (tmp_path / "c" / "event-00000" / "translations.tsv").read_text("utf-8").splitlines()[1:]
    for row in memory:
        source, english, _ = row.split("\t")
        assert english.startswith("According to ")
        name = english.removeprefix("According to ").split(",")[0]
        assert source.startswith(f"Selon {name},") or source.split(" के अनुसार, ")[0] != source
