"""Check the furniture benchmark's hand annotations against its pages, and print its counts.

    python bench/furniture/check_annotations.py            # check, exit 1 on any problem
    python bench/furniture/check_annotations.py --counts   # also print counts per outlet/label/kind (Markdown)

What is checked:
- every annotation file is JSON Lines with valid labels, kinds and dateline fields, and exactly one title;
- a .txt page: the annotations are its non-empty lines (stripped), one for one, in page order;
- an .html page: the annotated blocks occur in the text of <body> (scripts, styles and comments left out) in order,
  and between them there is nothing but whitespace and separator symbols, so every visible word is annotated;
- every page has a manifest line and an annotation file, and the manifest title is the annotated title;
- split.json names every outlet exactly once (halves tune, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10, heldout11), each half holds all three languages
  and every furniture kind that occurs in four or more pages of the tune and heldout halves.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent
LABELS = {"title", "text", "furniture", "dateline"}
KINDS = {
    "menu",
    "breadcrumb",
    "masthead",
    "byline",
    "date_line",
    "share",
    "social",
    "newsletter",
    "cookie",
    "comment_form",
    "caption",
    "credit",
    "gallery",
    "rubric",
    "tags",
    "teaser",
    "related",
    "bio",
    "copyright",
    "ad",
    "player",
    "timestamp",
    "other",
}
LANGUAGES = {"hi", "en", "fr"}
# tune: outlets to tune on; heldout: held out, but looked at while fixing the cleaner; heldout2, heldout3,
# heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10 and heldout11: written blind later (each after the one before had been looked at).
HALVES = ("tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11")
# Characters that may sit between annotated blocks of an HTML page without being annotated themselves.
SEPARATORS = set("|·•›»/-–—:,()[]✕×☰⚡▶")
SKIPPED_TAGS = {"script", "style", "noscript", "template", "head", "svg"}


class BodyText(HTMLParser):
    """The text a reader sees in <body>, as one string."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self.skip_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS and self.skip_depth:
            self.skip_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_record(rec: object, where: str) -> list[str]:
    if not isinstance(rec, dict):
        return [f"{where}: not a JSON object"]
    problems = []
    label, text = rec.get("label"), rec.get("text")
    if label not in LABELS:
        problems.append(f"{where}: label {label!r} is not one of {sorted(LABELS)}")
    if not isinstance(text, str) or not text.strip() or text != text.strip():
        problems.append(f"{where}: text must be a non-empty stripped string")
    if (label == "furniture") != ("kind" in rec):
        problems.append(f"{where}: 'kind' is required on furniture and only there")
    if label == "furniture" and rec.get("kind") not in KINDS:
        problems.append(f"{where}: kind {rec.get('kind')!r} is not one of the listed kinds")
    if "subhead" in rec and (label != "text" or rec["subhead"] is not True):
        problems.append(f"{where}: 'subhead' is only `true` on text lines")
    has_dateline = "dateline" in rec
    if label == "dateline" and not has_dateline:
        problems.append(f"{where}: a dateline line needs its 'dateline' fields")
    if has_dateline:
        problems += check_dateline(rec, where)
    if "dateline_prefix" in rec and not (label == "text" and has_dateline):
        problems.append(f"{where}: 'dateline_prefix' only goes with a text line that has 'dateline'")
    if label == "text" and has_dateline:
        prefix = rec.get("dateline_prefix")
        if not isinstance(prefix, str) or not prefix or not text.startswith(prefix) or prefix == text:
            problems.append(f"{where}: 'dateline_prefix' must be a proper prefix of the text")
    allowed = {"label", "text", "kind", "subhead", "dateline", "dateline_prefix"}
    if set(rec) - allowed:
        problems.append(f"{where}: unknown fields {sorted(set(rec) - allowed)}")
    return problems


def check_dateline(rec: dict, where: str) -> list[str]:
    fields = rec["dateline"]
    if not isinstance(fields, dict) or set(fields) != {"place", "date", "agency"}:
        return [f"{where}: 'dateline' must hold exactly place, date, agency"]
    problems = []
    if rec["label"] not in {"dateline", "text"}:
        problems.append(f"{where}: only dateline and text lines carry 'dateline'")
    if fields["date"] is not None:
        try:
            date.fromisoformat(fields["date"])
        except (TypeError, ValueError):
            problems.append(f"{where}: dateline date {fields['date']!r} is not an ISO date")
    if not fields["place"] and not fields["agency"]:
        problems.append(f"{where}: a dateline names a place or an agency")
    return problems


def check_txt_page(page: Path, records: list[dict], where: str) -> list[str]:
    lines = [line.strip() for line in page.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [rec.get("text") for rec in records]
    if lines == texts:
        return []
    for number, (line, text) in enumerate(zip(lines, texts, strict=False), start=1):
        if line != text:
            return [f"{where}: non-empty line {number} is {line!r} but annotation {number} is {text!r}"]
    return [f"{where}: {len(lines)} non-empty lines but {len(texts)} annotations"]


def check_html_page(page: Path, records: list[dict], where: str) -> list[str]:
    parser = BodyText()
    parser.feed(page.read_text(encoding="utf-8"))
    body = squeeze(" ".join(parser.parts))
    cursor, problems = 0, []
    for number, rec in enumerate(records, start=1):
        block = squeeze(rec.get("text", ""))
        found = body.find(block, cursor)
        if found < 0:
            problems.append(f"{where}: block {number} {rec.get('text')!r} not found in page order")
            continue
        gap = body[cursor:found]
        if set(gap) - SEPARATORS:
            problems.append(f"{where}: page text {gap[:80]!r} before block {number} is not annotated")
        cursor = found + len(block)
    if set(body[cursor:]) - SEPARATORS:
        problems.append(f"{where}: page text {body[cursor : cursor + 80]!r} at the end is not annotated")
    return problems


def load_jsonl(path: Path, problems: list[str]) -> list[dict]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as err:
            problems.append(f"{path.relative_to(ROOT)} line {number}: {err}")
    return records


def check_split(outlets: dict[str, dict], problems: list[str]) -> None:
    split = json.loads((ROOT / "split.json").read_text(encoding="utf-8"))
    halves = {name: set(split.get(name, [])) for name in HALVES}
    if set(split) - set(HALVES):
        problems.append(f"split.json: unknown halves {sorted(set(split) - set(HALVES))}")
    named: set[str] = set()
    for members in halves.values():
        if named & members:
            problems.append(f"split.json: in two halves: {sorted(named & members)}")
        named |= members
    if named != set(outlets):
        problems.append(
            f"split.json: outlets missing {sorted(set(outlets) - named)}, unknown {sorted(named - set(outlets))}"
        )
    # The kinds every half must hold are counted on the first two halves: the later halves were written later,
    # and heldout2's live blogs made `timestamp` reach four pages while the tune half has no live blog.
    pages_per_kind: Counter[str] = Counter()
    for outlet in halves["tune"] | halves["heldout"]:
        for kinds in outlets.get(outlet, {}).get("page_kinds", []):
            pages_per_kind.update(kinds)
    common = {kind for kind, pages in pages_per_kind.items() if pages >= 4}
    for name, members in halves.items():
        languages = {outlets[o]["language"] for o in members if o in outlets}
        if languages != LANGUAGES:
            problems.append(f"split.json: {name} lacks languages {sorted(LANGUAGES - languages)}")
        kinds = {k for o in members if o in outlets for page in outlets[o]["page_kinds"] for k in page}
        if common - kinds:
            problems.append(f"split.json: {name} lacks furniture kinds {sorted(common - kinds)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", action="store_true", help="print counts per outlet, label and kind")
    args = parser.parse_args()
    problems: list[str] = []
    outlets: dict[str, dict] = defaultdict(lambda: {"pages": 0, "labels": Counter(), "page_kinds": []})
    kinds: Counter[str] = Counter()
    extras: Counter[str] = Counter()
    lines: list[tuple[str, str, str, dict]] = []
    for event_dir in sorted(p for p in (ROOT / "corpus").iterdir() if p.is_dir()):
        manifest = {e["file"]: e for e in load_jsonl(event_dir / "manifest.jsonl", problems)}
        pages = sorted(p for p in event_dir.iterdir() if p.suffix in {".txt", ".html"})
        if set(manifest) != {p.name for p in pages}:
            problems.append(
                f"{event_dir.name}: manifest and pages differ: {sorted(set(manifest) ^ {p.name for p in pages})}"
            )
        for page in pages:
            where = f"{event_dir.name}/{page.name}"
            ann_path = ROOT / "annotations" / event_dir.name / f"{page.name}.jsonl"
            if not ann_path.exists():
                problems.append(f"{where}: no annotation file")
                continue
            records = load_jsonl(ann_path, problems)
            for number, rec in enumerate(records, start=1):
                problems += check_record(rec, f"{where} annotation {number}")
            if any(not isinstance(r, dict) for r in records):
                continue
            checker = check_html_page if page.suffix == ".html" else check_txt_page
            problems += checker(page, records, where)
            titles = [r["text"] for r in records if r.get("label") == "title"]
            entry = manifest.get(page.name, {})
            if len(titles) != 1:
                problems.append(f"{where}: {len(titles)} title lines, expected 1")
            elif entry and entry.get("title") != titles[0]:
                problems.append(f"{where}: manifest title differs from the annotated title")
            if entry.get("language") not in LANGUAGES:
                problems.append(f"{where}: manifest language {entry.get('language')!r}")
            info = outlets[entry.get("source", page.stem)]
            if info.setdefault("language", entry.get("language")) != entry.get("language"):
                problems.append(f"{where}: outlet {entry.get('source')!r} has pages in two languages")
            info["pages"] += 1
            info.setdefault("formats", Counter())[page.suffix] += 1
            info["labels"].update(r.get("label") for r in records)
            info["page_kinds"].append({r["kind"] for r in records if r.get("label") == "furniture"})
            kinds.update(r["kind"] for r in records if r.get("label") == "furniture")
            lines += [(event_dir.name, entry.get("source", page.stem), where, r) for r in records]
            extras["subhead"] += sum(1 for r in records if r.get("subhead"))
            extras["dateline_prefix"] += sum(1 for r in records if "dateline_prefix" in r)
    if (ROOT / "split.json").exists():
        check_split(outlets, problems)
    else:
        problems.append("split.json is missing")
    if args.counts:
        print_counts(outlets, kinds, extras)
        print_repetition(lines)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        total = sum(sum(i["labels"].values()) for i in outlets.values())
        pages = sum(i["pages"] for i in outlets.values())
        print(f"ok: {pages} pages, {total} annotated lines, {len(outlets)} outlets")
    return 1 if problems else 0


def print_counts(outlets: dict[str, dict], kinds: Counter[str], extras: Counter[str]) -> None:
    split = {}
    if (ROOT / "split.json").exists():
        halves = json.loads((ROOT / "split.json").read_text(encoding="utf-8"))
        split = {o: half for half, members in halves.items() for o in members}
    labels = ["title", "text", "furniture", "dateline"]
    print("| outlet | language | half | pages (.txt/.html) | " + " | ".join(labels) + " |")
    print("|---|---|---|---|" + "---|" * len(labels))
    totals: Counter[str] = Counter()
    for name in sorted(outlets):
        info = outlets[name]
        totals.update(info["labels"])
        formats = f"{info['formats']['.txt']}/{info['formats']['.html']}"
        cells = " | ".join(str(info["labels"][label]) for label in labels)
        print(
            f"| {name} | {info['language']} | {split.get(name, '?')} | {info['pages']} ({formats}) | {cells} |"
        )
    pages = sum(i["pages"] for i in outlets.values())
    print(f"| **all** | | | {pages} | " + " | ".join(str(totals[label]) for label in labels) + " |")
    print()
    print(
        f"text lines marked subhead: {extras['subhead']}; text lines with a dateline prefix: {extras['dateline_prefix']}"
    )
    print()
    pages_per_kind: Counter[str] = Counter()
    for info in outlets.values():
        for page_kinds in info["page_kinds"]:
            pages_per_kind.update(page_kinds)
    print("| furniture kind | lines | pages |")
    print("|---|---|---|")
    for kind, count in kinds.most_common():
        print(f"| {kind} | {count} | {pages_per_kind[kind]} |")


def print_repetition(lines: list[tuple[str, str, str, dict]]) -> None:
    """How many lines a 'seen in another page' rule could reach, per label (exact text match)."""
    pages_of: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for event, outlet, page, rec in lines:
        pages_of[rec["text"]].add((event, outlet, page))
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for event, outlet, page, rec in lines:
        others = {p for p in pages_of[rec["text"]] if p[2] != page}
        if any(o == outlet for _, o, _ in others):
            where = "same outlet, another page"
        elif any(e == event for e, _, _ in others):
            where = "another outlet, same event"
        elif others:
            where = "another outlet and event only"
        else:
            where = "no other page"
        table[rec["label"]][where] += 1
    columns = [
        "same outlet, another page",
        "another outlet, same event",
        "another outlet and event only",
        "no other page",
    ]
    print()
    print("| label | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for label in ["furniture", "text", "title", "dateline"]:
        print(f"| {label} | " + " | ".join(str(table[label][c]) for c in columns) + " |")


if __name__ == "__main__":
    sys.exit(main())
