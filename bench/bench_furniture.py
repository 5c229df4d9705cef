"""Page furniture: how much of it align's corpus stage drops, and how much article text it loses with it.

Runs the real corpus stage (``align.corpus.read_corpus``: the reader, HTML through trafilatura, the boilerplate
rules and the furniture classifier) on every event of the hand-annotated benchmark in ``bench/furniture/`` and maps
each line of each page back to its annotation:

- a kept line (a line of the article's cleaned text) is matched to the annotation with the same text, in page order,
  compared without whitespace and leading bullets; a kept line that holds several annotated blocks (trafilatura
  joins some) marks each of them kept, and one that is part of a block (trafilatura splits some) marks that block;
- every annotated line left unmatched was dropped. Its reason is the one the article's ``dropped`` list gives for it
  (``extractor`` when trafilatura left an HTML block out, ``?`` on code that keeps no reasons).

Per split (``split.json``: ``tune`` outlets to tune on, ``heldout`` to report, ``heldout2``, ``heldout3``,
``heldout4``, ``heldout5``, ``heldout6``, ``heldout7``, ``heldout8``, ``heldout9``, ``heldout10`` and ``heldout11`` written blind later)
it prints furniture recall (share of furniture lines dropped), furniture precision (share of dropped lines that are
furniture), text lost (share of text and title lines dropped), per furniture kind and per outlet. Datelines (label ``dateline``, or a text line
with a ``dateline_prefix``) are reported apart and count neither as text nor as furniture: each is dropped (as
furniture: an error), left in a sentence (the segmenter made it part of one: an error), or kept out of every sentence;
and per page, whether the article's dateline metadata (place, date, agency) is the page's first annotated dateline.

    PYTHONPATH=. python bench/bench_furniture.py                 # all twelve splits
    PYTHONPATH=. python bench/bench_furniture.py --split tune --show   # and every error, with its reason
    PYTHONPATH=. python bench/bench_furniture.py --config align.toml   # with a [corpus] section to try
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench" / "furniture"
LEADING_BULLETS = re.compile(r"^[\s•·▪●◦\-–—*]+")
NOT_COUNTED = {"dateline"}
HALVES = ("tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11")  # the keys of split.json, in the order written


def squeezed(text: str) -> str:
    """The text compared between page and annotation: NFC, no leading bullet, no whitespace at all."""
    text = LEADING_BULLETS.sub("", unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", "", text)


@dataclass
class LineOutcome:
    """One annotated line of a page and what the corpus stage did with it."""

    outlet: str
    page: str
    annotation: dict[str, Any]
    kept: bool = False
    reason: str = ""

    @property
    def label(self) -> str:
        return str(self.annotation["label"])


@dataclass
class PageOutcome:
    outlet: str
    page: str
    lines: list[LineOutcome]
    unmatched: list[str] = field(default_factory=list)  # kept lines no annotation accounts for
    # The article's dateline metadata as (place, date, agency), None when it has none.
    dateline: tuple[str | None, str | None, str | None] | None = None
    sentences: list[str] = field(default_factory=list)  # squeezed text of each sentence the segmenter gives

    def expected_dateline(self) -> tuple[str | None, str | None, str | None] | None:
        """The page's first annotated dateline (alone or opening a text line): what the article's metadata should
        hold."""
        for line in self.lines:
            found = line.annotation.get("dateline")
            if found:
                return found["place"], found["date"], found["agency"]
        return None


def _keys(annotation: dict[str, Any]) -> set[str]:
    """The squeezed forms a kept line may take for this annotation (with and without its dateline prefix)."""
    text = annotation["text"]
    keys = {squeezed(text)}
    prefix = annotation.get("dateline_prefix")
    if prefix:
        keys.add(squeezed(text[len(prefix) :]))
    return keys - {""}


def match_page(annotations: list[dict[str, Any]], kept_lines: list[str]) -> tuple[list[bool], list[str]]:
    """Which annotations the kept lines account for, in page order; and the kept lines that match none."""
    keys = [_keys(a) for a in annotations]
    kept = [False] * len(annotations)
    unmatched: list[str] = []
    cursor, split_open = 0, False
    for line in kept_lines:
        target = squeezed(line)
        if not target:
            continue
        # After a part of a block (trafilatura split "Lire aussi | <headline>"), the next part of the same block
        # comes first: the headline alone is also in the related list further down. Otherwise an equal block
        # comes first: a title is also the end of its breadcrumb ("Home » Odisha » <title>").
        continued = _part_of(keys, target, cursor) if split_open else []
        found = (
            (continued if continued and continued[0] == cursor else [])
            or _exact(keys, target, cursor)
            or _joined(keys, target, cursor)
            or _part_of(keys, target, cursor)
        )
        if not found:
            unmatched.append(line)
            continue
        for index in found:
            kept[index] = True
        split_open = len(found) == 1 and target not in keys[found[-1]]
        cursor = found[-1] + (0 if split_open else 1)
    return kept, unmatched


def _exact(keys: list[set[str]], target: str, cursor: int) -> list[int]:
    for index in range(cursor, len(keys)):
        if target in keys[index]:
            return [index]
    return []


def _joined(keys: list[set[str]], target: str, cursor: int) -> list[int]:
    """Consecutive annotations whose texts, one after the other, make up ``target`` (trafilatura joined them)."""
    for start in range(cursor, len(keys)):
        rest, index, taken = target, start, []
        while index < len(keys) and rest:
            head = next((k for k in keys[index] if rest.startswith(k)), None)
            if head is None:
                break
            rest, taken, index = rest[len(head) :], [*taken, index], index + 1
        if not rest and len(taken) > 1:
            return taken
    return []


def _part_of(keys: list[set[str]], target: str, cursor: int) -> list[int]:
    """An annotation that holds ``target`` as a part (trafilatura split it); a short part only close by.

    After a part, ``cursor`` stays on its block, so the next part of the same block is found."""
    end = len(keys) if len(target) >= 12 else min(len(keys), cursor + 3)
    for index in range(cursor, end):
        if any(target in k for k in keys[index]):
            return [index]
    return []


def reason_for(annotation: dict[str, Any], dropped: list[dict[str, str]], html: bool) -> str:
    key = _keys(annotation)
    for entry in dropped:
        if squeezed(entry["text"]) in key:
            return entry["reason"]
    for entry in dropped:
        entry_key = squeezed(entry["text"])
        if len(entry_key) >= 12 and any(entry_key in k or k in entry_key for k in key):
            return entry["reason"]
    return "extractor" if html else "?"


def run_event(event_dir: Path, config: Any) -> list[PageOutcome]:
    from align.corpus import read_event

    articles = read_event(event_dir, config.corpus)
    return [page_outcome(event_dir, article) for article in articles]


def run_corpus(corpus_dir: Path, config: Any) -> list[PageOutcome]:
    """Every event of the benchmark, through the corpus stage as ``align build`` runs it."""
    import align.corpus as corpus

    if hasattr(corpus, "read_corpus"):
        pages = []
        for event_dir, articles in corpus.read_corpus(corpus_dir, config.corpus):
            pages += [page_outcome(event_dir, article) for article in articles]
        return pages
    return [
        page
        for event_dir in corpus.list_events(corpus_dir, config.corpus)
        for page in run_event(event_dir, config)
    ]


def page_outcome(event_dir: Path, article: Any) -> PageOutcome:
    path = Path(article.file)
    annotations_path = BENCH / "annotations" / event_dir.name / f"{path.name}.jsonl"
    annotations = [
        json.loads(line) for line in annotations_path.read_text("utf-8").splitlines() if line.strip()
    ]
    kept, unmatched = match_page(annotations, article.text.split("\n"))
    dropped = [d if isinstance(d, dict) else d.to_dict() for d in getattr(article, "dropped", ())]
    html = path.suffix.lower() in (".html", ".htm")
    lines = [
        LineOutcome(article.source, path.name, a, k, "" if k else reason_for(a, dropped, html))
        for a, k in zip(annotations, kept, strict=True)
    ]
    place = getattr(article, "dateline_place", None)
    dateline = (place, article.dateline_date, article.dateline_agency) if place else None
    return PageOutcome(article.source, path.name, lines, unmatched, dateline, sentence_texts(article))


def sentence_texts(article: Any) -> list[str]:
    """The sentences the segment stage makes of the article's paragraphs, squeezed: a dateline must be in none of
    them. The headline's are left out: a headline may open with the place its story's dateline names ("नासिक:
    सिन्नर की ... आग"), and it is the headline, not a dateline."""
    from align.config import load_config
    from align.segment import segment_article

    config = load_config(None)
    first = article.text.split("\n", 1)[0]
    title_end = len(first) if article.title and squeezed(first) == squeezed(article.title) else 0
    return [
        squeezed(s.text)
        for s in segment_article(article, config.corpus, config.segment)
        if s.char_start >= title_end
    ]


@dataclass
class Tally:
    furniture: int = 0
    furniture_dropped: int = 0
    text: int = 0  # text and title lines, datelines not counted
    text_dropped: int = 0
    titles: int = 0
    titles_dropped: int = 0

    def add(self, line: LineOutcome) -> None:
        if line.label == "furniture":
            self.furniture += 1
            self.furniture_dropped += not line.kept
        elif line.label in ("text", "title"):
            self.text += 1
            self.text_dropped += not line.kept
            if line.label == "title":
                self.titles += 1
                self.titles_dropped += not line.kept

    @property
    def recall(self) -> float:
        return self.furniture_dropped / self.furniture if self.furniture else 0.0

    @property
    def precision(self) -> float:
        dropped = self.furniture_dropped + self.text_dropped
        return self.furniture_dropped / dropped if dropped else 1.0

    @property
    def text_lost(self) -> float:
        return self.text_dropped / self.text if self.text else 0.0


def percent(value: float) -> str:
    return f"{100 * value:.1f}%"


def report(name: str, pages: list[PageOutcome], show: bool) -> None:
    total, by_outlet = Tally(), defaultdict(Tally)
    by_kind: dict[str, Tally] = defaultdict(Tally)
    reasons: Counter[str] = Counter()
    for page in pages:
        for line in page.lines:
            total.add(line)
            by_outlet[page.outlet].add(line)
            if line.label == "furniture":
                by_kind[line.annotation["kind"]].add(line)
            if not line.kept and line.label != "dateline":
                reasons[line.reason] += 1
    print(f"### Split `{name}`: {len(pages)} pages, {len(by_outlet)} outlets\n")
    print("| furniture lines | dropped (recall) | precision | text+title lines | lost | titles lost |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {total.furniture} | {total.furniture_dropped} ({percent(total.recall)}) | {percent(total.precision)} "
        f"| {total.text} | {total.text_dropped} ({percent(total.text_lost)}) "
        f"| {total.titles_dropped} of {total.titles} |"
    )
    print("\n| outlet | furniture dropped | text lost |")
    print("|---|---|---|")
    for outlet in sorted(by_outlet):
        t = by_outlet[outlet]
        print(
            f"| {outlet} | {t.furniture_dropped}/{t.furniture} ({percent(t.recall)}) "
            f"| {t.text_dropped}/{t.text} ({percent(t.text_lost)}) |"
        )
    print("\n| furniture kind | dropped |")
    print("|---|---|")
    for kind in sorted(by_kind, key=lambda k: (-by_kind[k].furniture, k)):
        t = by_kind[kind]
        print(f"| {kind} | {t.furniture_dropped}/{t.furniture} ({percent(t.recall)}) |")
    print("\nDropped lines by reason: " + ", ".join(f"{r} {n}" for r, n in reasons.most_common()))
    report_datelines(pages)
    unmatched = [(p.page, line) for p in pages for line in p.unmatched]
    print(f"Kept lines that match no annotation: {len(unmatched)}\n")
    if show:
        show_errors(pages, unmatched)


def dateline_text(line: LineOutcome) -> str:
    """The dateline itself: the whole line when it stands alone, else the prefix of its text line."""
    return str(line.annotation.get("dateline_prefix") or line.annotation["text"])


def dateline_outcome(page: PageOutcome, line: LineOutcome) -> str:
    """What became of one annotated dateline: ``dropped`` (as furniture), ``in a sentence`` (kept, but the
    segmenter made it, or part of it, a sentence), or ``metadata`` (kept in the text and in no sentence)."""
    if not line.kept:
        return "dropped"
    key, text = squeezed(dateline_text(line)), squeezed(str(line.annotation["text"]))
    # A dateline opens its line: it is in a sentence when a sentence of that line starts inside it. The same words
    # elsewhere (a sentence that ends "... à Yvetot.") are the story naming the place, not the dateline.
    if any(-1 < text.find(sentence) < len(key) for sentence in page.sentences if sentence):
        return "in a sentence"
    return "metadata"


def report_datelines(pages: list[PageOutcome]) -> None:
    """Datelines are metadata (issue 14 item 2): none may be dropped as furniture or become a sentence, and each
    page's first one must be the article's ``dateline_place``/``dateline_date``/``dateline_agency``."""
    outcomes: Counter[str] = Counter()
    alone = prefixed = 0
    for page in pages:
        for line in page.lines:
            if line.label == "dateline" or "dateline_prefix" in line.annotation:
                alone += line.label == "dateline"
                prefixed += line.label != "dateline"
                outcomes[dateline_outcome(page, line)] += 1
    expected = [(p, p.expected_dateline()) for p in pages]
    with_dateline = [(p, e) for p, e in expected if e is not None]
    exact = sum(p.dateline == e for p, e in with_dateline)
    other = sum(p.dateline is not None and p.dateline != e for p, e in with_dateline)
    spurious = sum(p.dateline is not None for p, e in expected if e is None)
    print(
        f"Datelines (not counted above): {alone + prefixed} ({alone} alone on their line, {prefixed} opening a text "
        f"line): {outcomes['metadata']} kept out of every sentence, {outcomes['in a sentence']} left in a sentence, "
        f"{outcomes['dropped']} dropped as furniture; the article's dateline (place, date, agency) is the page's "
        f"first on {exact} of {len(with_dateline)} pages that have one ({other} with another value, "
        f"{len(with_dateline) - exact - other} with none); {spurious} of {len(expected) - len(with_dateline)} "
        "pages without one get one"
    )


def show_errors(pages: list[PageOutcome], unmatched: list[tuple[str, str]]) -> None:
    print("Furniture kept:\n")
    for page in pages:
        for line in page.lines:
            if line.label == "furniture" and line.kept:
                print(f"- {page.page} [{line.annotation['kind']}] {line.annotation['text'][:120]}")
    print("\nDatelines dropped or left in a sentence:\n")
    for page in pages:
        for line in page.lines:
            if line.label == "dateline" or "dateline_prefix" in line.annotation:
                outcome = dateline_outcome(page, line)
                if outcome != "metadata":
                    print(f"- {page.page} [{outcome}] {dateline_text(line)[:120]}")
    print("\nText or title dropped:\n")
    for page in pages:
        for line in page.lines:
            if line.label in ("text", "title") and not line.kept:
                print(f"- {page.page} [{line.label}, {line.reason}] {line.annotation['text'][:120]}")
    if unmatched:
        print("\nKept lines that match no annotation:\n")
        for page, line in unmatched:
            print(f"- {page}: {line[:120]}")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*HALVES, "all"], default="all")
    parser.add_argument("--show", action="store_true", help="list every error with its reason")
    parser.add_argument("--config", type=Path, help="an align.toml whose [corpus] section to use")
    args = parser.parse_args()
    from align.config import load_config

    config = load_config(args.config)
    split = json.loads((BENCH / "split.json").read_text("utf-8"))
    pages = run_corpus(BENCH / "corpus", config)
    halves = list(HALVES) if args.split == "all" else [args.split]
    for half in halves:
        report(half, [p for p in pages if p.outlet in split[half]], args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
