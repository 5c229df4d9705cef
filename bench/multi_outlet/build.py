"""Render the annotated authoring sources into the corpus, facts.jsonl and fact_ids.jsonl.

The multi-outlet set is written by hand in `source/<event_id>.txt`: one sentence per line, the sentence's facts on an
`@` line right under it. Writing text and annotation side by side keeps every annotated sentence byte-identical to the
article text (no copy step in between). This script is the only writer of `corpus/`, `facts.jsonl` and
`fact_ids.jsonl`; edit the sources, then run

    .venv/bin/python bench/multi_outlet/build.py && .venv/bin/python bench/multi_outlet/make_gold.py

Source format (see README.md, "Authoring format"):

    event: <event_id>
    fact: <fact_id> | <kind> | <what it measures> [| confusable: <fact_id>, ...]
    === file: <name>.txt
    source: <outlet>            (manifest fields: source, url, published, language)
    ---
    <headline>                  (first body line; becomes the manifest title)
    @ <fact_id> = <value> [<qualifier>] ; name:<person> = <identity> {<spelling>} ; traps = <kind>, ... ; note:<fact_id> = <text>

    <sentence of paragraph 1>   (consecutive sentence lines form one paragraph, joined by one space)
    <sentence of paragraph 1>
                                (a blank line ends a paragraph)
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST_KEYS = ("source", "url", "published", "language")
FACT_ITEM = re.compile(
    r"^(?P<fact>[a-z0-9_:]+)\s*=\s*(?P<value>[^\[\{]+?)\s*(?:\[(?P<qual>[^\]]+)\])?\s*(?:\{(?P<spell>[^}]+)\})?$"
)


@dataclass
class Sentence:
    text: str
    facts: list[dict] = field(default_factory=list)
    traps: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)


@dataclass
class Article:
    file: str
    meta: dict
    paragraphs: list[list[Sentence]] = field(default_factory=list)


def fail(where: str, problem: str) -> None:
    sys.exit(f"{where}: {problem}")


def parse_annotation(line: str, where: str) -> tuple[list[dict], list[str], dict[str, str]]:
    facts, traps, notes = [], [], {}
    for item in (part.strip() for part in line[1:].split(" ; ")):
        if not item:
            continue
        if item.startswith("traps ="):
            traps = [t.strip() for t in item.split("=", 1)[1].split(",") if t.strip()]
            continue
        if item.startswith("note:"):
            key, _, text = item[5:].partition("=")
            notes[key.strip()] = text.strip()
            continue
        m = FACT_ITEM.match(item)
        if not m:
            fail(where, f"cannot read annotation item {item!r}")
        fact = {"fact": m["fact"], "value": m["value"].strip()}
        if m["qual"]:
            fact["qualifier"] = m["qual"].strip()
        if m["spell"]:
            if not m["fact"].startswith("name:"):
                fail(where, f"a {{spelling}} belongs to name: items only: {item!r}")
            fact["spelling"] = m["spell"].strip()
        facts.append(fact)
    for key in notes:
        if key not in {f["fact"] for f in facts}:
            fail(where, f"note for {key!r}, which this sentence does not state")
    return facts, traps, notes


def parse_source(path: Path) -> tuple[str, list[dict], list[Article]]:
    event_id, catalogue, articles = None, [], []
    article: Article | None = None
    in_body = False
    paragraph: list[Sentence] = []
    last: Sentence | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{n}"
        line = raw.rstrip()
        if line.startswith("=== file:"):
            if article and paragraph:
                article.paragraphs.append(paragraph)
            article = Article(file=line.split(":", 1)[1].strip(), meta={})
            articles.append(article)
            in_body, paragraph, last = False, [], None
            continue
        if article is None:
            if line.startswith("event:"):
                event_id = line.split(":", 1)[1].strip()
            elif line.startswith("fact:"):
                parts = [p.strip() for p in line.split(":", 1)[1].split("|")]
                entry = {"event_id": event_id, "fact": parts[0], "kind": parts[1], "description": parts[2]}
                for extra in parts[3:]:
                    key, _, val = extra.partition(":")
                    if key.strip() != "confusable":
                        fail(where, f"unknown fact option {extra!r}")
                    entry["confusable_with"] = [v.strip() for v in val.split(",") if v.strip()]
                catalogue.append(entry)
            elif line.strip() and not line.startswith("#"):
                fail(where, f"unexpected line before the first article: {line!r}")
            continue
        if not in_body:
            if line == "---":
                in_body = True
            elif line.strip():
                key, _, val = line.partition(":")
                if key.strip() not in MANIFEST_KEYS:
                    fail(where, f"unknown manifest key {key!r}")
                article.meta[key.strip()] = val.strip()
            continue
        if not line.strip():
            if paragraph:
                article.paragraphs.append(paragraph)
            paragraph, last = [], None
            continue
        if line.startswith("#"):
            continue
        if line.startswith("@"):
            if last is None:
                fail(where, "annotation with no sentence above it")
            if last.facts or last.traps:
                fail(where, "two annotation lines for one sentence")
            last.facts, last.traps, last.notes = parse_annotation(line, where)
            continue
        if line != line.strip():
            fail(where, "sentence line with leading/trailing spaces")
        last = Sentence(text=line)
        paragraph.append(last)
    if article and paragraph:
        article.paragraphs.append(paragraph)
    if not event_id:
        fail(path.name, "no event: line")
    return event_id, catalogue, articles


def main() -> None:
    sources = sorted((HERE / "source").glob("*.txt"))
    all_facts, all_catalogue = [], []
    for src in sources:
        event_id, catalogue, articles = parse_source(src)
        if src.stem != event_id:
            fail(src.name, f"file name must be the event id {event_id!r}")
        out = HERE / "corpus" / event_id
        out.mkdir(parents=True, exist_ok=True)
        for old in out.glob("*.txt"):
            old.unlink()
        manifest = []
        for art in articles:
            text = "\n\n".join(" ".join(s.text for s in para) for para in art.paragraphs) + "\n"
            (out / art.file).write_text(text, encoding="utf-8")
            row = {"file": art.file, **{k: art.meta.get(k, "") for k in MANIFEST_KEYS}}
            row["title"] = art.paragraphs[0][0].text
            manifest.append(row)
            for para in art.paragraphs:
                for s in para:
                    if not s.facts:
                        if s.traps:
                            fail(f"{event_id}/{art.file}", f"traps on a sentence with no fact: {s.text!r}")
                        continue
                    rec = {"event_id": event_id, "file": art.file, "sentence": s.text, "facts": s.facts}
                    if s.traps:
                        rec["traps"] = s.traps
                    if s.notes:
                        rec["notes"] = s.notes
                    all_facts.append(rec)
        with (out / "manifest.jsonl").open("w", encoding="utf-8") as fh:
            for row in manifest:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        all_catalogue.extend(catalogue)
        print(f"{event_id}: {len(articles)} articles")
    with (HERE / "facts.jsonl").open("w", encoding="utf-8") as fh:
        for rec in all_facts:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with (HERE / "fact_ids.jsonl").open("w", encoding="utf-8") as fh:
        for rec in all_catalogue:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"facts.jsonl: {len(all_facts)} sentences; fact_ids.jsonl: {len(all_catalogue)} fact ids")


if __name__ == "__main__":
    main()
