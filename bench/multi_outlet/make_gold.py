"""Derive the multi-outlet gold links from the hand-made sentence annotations, after checking them.

Inputs (written by build.py from the authoring sources): facts.jsonl, fact_ids.jsonl, corpus/<event>/*.txt and
manifest.jsonl. Outputs: gold.jsonl (align's gold format), near_misses.jsonl (look-alike pairs that are *not* links)
and counts.json (the numbers README.md quotes). The rules, in README.md "Annotation", in short:

- two sentences from different articles of one event that carry the same fact id are a link;
- entries of that fact are compared only when their qualifiers are equal (both absent counts as equal); a link whose
  shared facts all differ in qualifier (NSE vs BSE close, open vs close) is `agree`: two measurements, both true;
- values differ -> `conflict` with the fact's kind; `~N` (about), `>N`, `<N` values are compared as ranges;
- `name:<person>` entries never make a link; on a link, two of them conflict when the identities differ (initials,
  given name or surname, where both sides give them) or when two spellings in the same script differ;
- overrides.json may relabel a derived pair after review (none is needed so far; the mechanism is documented).

Run: .venv/bin/python bench/multi_outlet/make_gold.py
"""

from __future__ import annotations

import collections
import datetime
import itertools
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"number", "date", "name", "entity", "negation", "substitution"}
LANGUAGES = {"hi", "en", "fr"}
TITLES = {"Dr.", "Mr.", "Mrs.", "Ms.", "M."}
TRAP_KINDS = {  # what a sentence carries that a naive comparison misreads; README.md describes each
    "age_vs_year",
    "clock_time",
    "dateline_date",
    "devanagari_digits",
    "exchange",
    "french_number_format",
    "generic_reference",
    "index_vs_company",
    "indian_units",
    "legal_reference",
    "lexical_negative",
    "loanword",
    "masthead",
    "negation_agrees",
    "number_words",
    "place_variant",
    "plural",
    "rhetorical_question",
    "rounding",
    "scale_words",
    "time_of_day",
    "transliteration",
    "two_digit_year",
    "two_sources",
    "unit",
    "unit_conversion",
    "unrelated_negation",
}
TOLERANCE = 0.05  # "about N" (~N) agrees with a value within 5 %
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
NUMBER = re.compile(r"^(?P<op>[~<>]?)\s*(?P<num>-?[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>.*)$")


def load_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                sys.exit(f"{path.name}:{n}: {exc}")
    return rows


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


# --- an independent sentence splitter, only to check that annotated sentences are whole sentences ---------------


def split_sentences(text: str, language: str) -> list[str]:
    """Lines, then `।?!` (and `.` outside Hindi) followed by a space; initials and titles do not end a sentence."""
    out = []
    for line in text.splitlines():
        start = 0
        for m in re.finditer(r"[.?!।](?=\s|$)", line):
            end = m.end()
            if m.group() == ".":
                if language == "hi":
                    continue
                word = line[start : m.start()].split()[-1] if line[start : m.start()].split() else ""
                if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word) or word + "." in TITLES:
                    continue
            out.append(line[start:end].strip())
            start = end
        if line[start:].strip():
            out.append(line[start:].strip())
    return out


def check_corpus(facts: list[dict], catalogue: dict) -> tuple[dict, dict]:
    """Manifest fields, sentence boundaries, verbatim sentences; returns {(event, file): language} and sentence counts."""
    errors, languages, counts = [], {}, {}
    corpus = HERE / "corpus"
    for event_dir in sorted(p for p in corpus.iterdir() if p.is_dir()):
        manifest = load_jsonl(event_dir / "manifest.jsonl")
        files = {p.name for p in event_dir.glob("*.txt")}
        if {r["file"] for r in manifest} != files:
            errors.append(
                f"{event_dir.name}: manifest files {sorted(r['file'] for r in manifest)} != {sorted(files)}"
            )
        for row in manifest:
            where = f"{event_dir.name}/{row.get('file')}"
            if set(row) != {"file", "source", "url", "published", "language", "title"}:
                errors.append(f"{where}: manifest keys {sorted(row)}")
                continue
            if row["language"] not in LANGUAGES:
                errors.append(f"{where}: language {row['language']!r}")
            if not row["source"] or not row["url"].startswith("https://"):
                errors.append(f"{where}: source/url missing")
            try:
                datetime.date.fromisoformat(row["published"])
            except ValueError:
                errors.append(f"{where}: published {row['published']!r} is not an ISO date")
            text = (event_dir / row["file"]).read_text(encoding="utf-8")
            if row["title"] != text.splitlines()[0]:
                errors.append(f"{where}: title is not the first line")
            if re.search(r"[.?!।][\"'”’»]", text):
                errors.append(f"{where}: sentence end inside quotes (ambiguous boundary)")
            sentences = split_sentences(text, row["language"])
            counts[(event_dir.name, row["file"])] = len(sentences)
            if not 8 <= len(sentences) <= 25:
                errors.append(f"{where}: {len(sentences)} sentences, want 8-25")
            dup = [s for s, c in collections.Counter(sentences).items() if c > 1]
            if dup:
                errors.append(f"{where}: repeated sentence {dup[0]!r}")
            languages[(event_dir.name, row["file"])] = (row["language"], set(sentences))
    seen_texts = collections.Counter()
    for rec in facts:
        key = (rec["event_id"], rec["file"])
        where = f"{rec['event_id']}/{rec['file']}"
        if key not in languages:
            errors.append(f"{where}: no such article")
            continue
        if rec["sentence"] not in languages[key][1]:
            errors.append(f"{where}: not a whole sentence of the file: {rec['sentence']!r}")
        seen_texts[(rec["event_id"], norm(rec["sentence"]))] += 1
        for f in rec["facts"]:
            if not f["fact"].startswith("name:") and (rec["event_id"], f["fact"]) not in catalogue:
                errors.append(f"{where}: fact id {f['fact']!r} not in fact_ids.jsonl")
        unknown_traps = set(rec.get("traps", [])) - TRAP_KINDS
        if unknown_traps:
            errors.append(f"{where}: unknown trap kind(s) {sorted(unknown_traps)}")
        qualifiers = collections.Counter((f["fact"], f.get("qualifier")) for f in rec["facts"])
        if any(c > 1 for c in qualifiers.values()):
            errors.append(f"{where}: one fact twice with the same qualifier: {rec['sentence']!r}")
    # a gold text found in several articles would match each occurrence: keep texts unique per event
    for (event, text), c in seen_texts.items():
        if c > 1:
            errors.append(f"{event}: annotated sentence occurs {c} times: {text!r}")
    for (event, fact), entry in catalogue.items():
        if entry["kind"] not in KINDS:
            errors.append(f"{event}: fact {fact} has kind {entry['kind']!r}")
        for other in entry.get("confusable_with", []):
            if (event, other) not in catalogue:
                errors.append(f"{event}: fact {fact} confusable with unknown {other!r}")
    if errors:
        sys.exit("\n".join(["make_gold: the annotations do not check out:", *errors]))
    return {k: v[0] for k, v in languages.items()}, counts


# --- value comparison -------------------------------------------------------------------------------------------


def values_agree(a: str, b: str) -> bool:
    if norm(a) == norm(b):
        return True
    ma, mb = NUMBER.match(norm(a)), NUMBER.match(norm(b))
    if not (ma and mb) or ma["unit"] != mb["unit"] or not (ma["op"] or mb["op"]):
        return False
    (oa, xa), (ob, xb) = (ma["op"], float(ma["num"])), (mb["op"], float(mb["num"]))
    if oa == "~":  # "about N" is compared as N, within the tolerance
        oa = ""
        if not ob:
            return abs(xa - xb) <= TOLERANCE * max(abs(xa), abs(xb))
    if ob == "~":
        ob = ""
        if not oa:
            return abs(xa - xb) <= TOLERANCE * max(abs(xa), abs(xb))
    if oa and ob:  # two open bounds: compatible unless "more than 90" meets "less than 80"
        return oa == ob or (xa < xb if oa == ">" else xb < xa)
    op, bound, exact = (oa, xa, xb) if oa else (ob, xb, xa)
    return exact > bound if op == ">" else exact < bound


def name_parts(name: str) -> tuple[str, str, str]:
    tokens = name.split()
    initials = "".join(t for t in tokens if t.endswith("."))
    words = [t for t in tokens if not t.endswith(".")]
    return initials.casefold(), " ".join(words[:-1]).casefold(), words[-1].casefold() if words else ""


def names_agree(a: str, b: str) -> bool:
    """Same surname; initials and given names compared only where both sides give them."""
    (ia, ga, sa), (ib, gb, sb) = name_parts(a), name_parts(b)
    return sa == sb and (not ia or not ib or ia == ib) and (not ga or not gb or ga == gb)


def script(text: str) -> str:
    return "deva" if DEVANAGARI.search(text) else "latn"


# --- derivation ---------------------------------------------------------------------------------------------------


def compare(ra: dict, rb: dict, catalogue: dict) -> tuple[list[str], list[tuple], list[str]] | None:
    """(shared fact ids, differences, qualifier notes), or None when the two share no fact.

    A difference is (kind, text, measurement key, value of a, value of b)."""
    event = ra["event_id"]
    link_a = [f for f in ra["facts"] if not f["fact"].startswith("name:")]
    link_b = [f for f in rb["facts"] if not f["fact"].startswith("name:")]
    shared = list(dict.fromkeys(f["fact"] for f in link_a if f["fact"] in {g["fact"] for g in link_b}))
    if not shared:
        return None
    diffs, qualifier_notes = [], []
    for fact in shared:
        ea = [f for f in link_a if f["fact"] == fact]
        eb = [f for f in link_b if f["fact"] == fact]
        same_q = [(x, y) for x in ea for y in eb if x.get("qualifier") == y.get("qualifier")]
        for x, y in same_q:
            if not values_agree(x["value"], y["value"]):
                q = f" [{x['qualifier']}]" if x.get("qualifier") else ""
                text = f"{fact}{q}: {x['value']} vs {y['value']}"
                diffs.append(
                    (
                        catalogue[(event, fact)]["kind"],
                        text,
                        (fact, x.get("qualifier")),
                        x["value"],
                        y["value"],
                    )
                )
        if not same_q:
            qa = ", ".join(f"{x.get('qualifier', 'unqualified')} {x['value']}" for x in ea)
            qb = ", ".join(f"{y.get('qualifier', 'unqualified')} {y['value']}" for y in eb)
            qualifier_notes.append(f"{fact}: {qa} vs {qb} are different measurements, both can be true")
    names_a = {f["fact"]: f for f in ra["facts"] if f["fact"].startswith("name:")}
    names_b = {f["fact"]: f for f in rb["facts"] if f["fact"].startswith("name:")}
    for person in names_a.keys() & names_b.keys():
        x, y = names_a[person], names_b[person]
        if not names_agree(x["value"], y["value"]):
            text = f"{person[5:]}: {x['value']} vs {y['value']}"
            diffs.append(("name", text, (person, "identity"), x["value"], y["value"]))
            continue
        sx, sy = x.get("spelling", x["value"]), y.get("spelling", y["value"])
        if script(sx) == script(sy) and not names_agree(sx, sy):
            diffs.append(("name", f"{person[5:]} spelt {sx} vs {sy}", (person, "spelling"), sx, sy))
    return shared, diffs, qualifier_notes


def main() -> None:
    facts = load_jsonl(HERE / "facts.jsonl")
    catalogue = {(r["event_id"], r["fact"]): r for r in load_jsonl(HERE / "fact_ids.jsonl")}
    languages, sentence_counts = check_corpus(facts, catalogue)
    overrides_path = HERE / "overrides.json"
    overrides = json.loads(overrides_path.read_text(encoding="utf-8")) if overrides_path.exists() else []
    override_by_pair = {frozenset((o["text_a"], o["text_b"])): o for o in overrides}
    used_overrides = set()

    by_event = collections.defaultdict(list)
    for rec in facts:
        by_event[rec["event_id"]].append(rec)
    gold, near, stats = [], [], {}
    for event, recs in sorted(by_event.items()):
        st = stats[event] = {
            "articles": {},
            "annotated_sentences": len(recs),
            "fact_ids": len(
                {f["fact"] for r in recs for f in r["facts"] if not f["fact"].startswith("name:")}
            ),
            "links": 0,
            "agree": 0,
            "conflicts_by_kind": collections.Counter(),
            "conflicts_by_pair": collections.Counter(),
            "qualifier_trap_links": 0,
            "trap_links_by_kind": collections.Counter(),
            "trap_sentences_by_kind": collections.Counter(t for r in recs for t in r.get("traps", [])),
            "near_misses": 0,
        }
        for (ev, file), lang in sorted(languages.items()):
            if ev == event:
                st["articles"][file] = {"language": lang, "sentences": sentence_counts[(ev, file)]}
        for ra, rb in itertools.combinations(recs, 2):
            if ra["file"] == rb["file"]:
                continue
            la, lb = languages[(event, ra["file"])], languages[(event, rb["file"])]
            base = {
                "text_a": ra["sentence"],
                "text_b": rb["sentence"],
                "article_a": f"{event}/{ra['file']}",
                "article_b": f"{event}/{rb['file']}",
                "language_a": la,
                "language_b": lb,
            }
            result = compare(ra, rb, catalogue)
            if result is None:
                kinds_a = {f["fact"] for f in ra["facts"]}
                kinds_b = {f["fact"] for f in rb["facts"]}
                confusable = sorted(
                    f"{x} / {y}"
                    for x in kinds_a
                    for y in kinds_b
                    if (event, x) in catalogue
                    and (event, y) in catalogue
                    and (
                        y in catalogue[(event, x)].get("confusable_with", [])
                        or x in catalogue[(event, y)].get("confusable_with", [])
                    )
                )
                if confusable:
                    near.append(
                        {**base, "note": "not a link: different measurements " + "; ".join(confusable)}
                    )
                    st["near_misses"] += 1
                continue
            shared, diffs, qualifier_notes = result
            traps = sorted(set(ra.get("traps", [])) | set(rb.get("traps", [])))
            if diffs:
                label, kind = "conflict", diffs[0][0]
                parts = [d[1] for d in diffs]
                differing = {d[2][0] for d in diffs}
                parts += [
                    text for r in (ra, rb) for fact, text in r.get("notes", {}).items() if fact in differing
                ]
                note = "; ".join(parts)
            else:
                label, kind = "agree", None
                parts = ["same " + ", ".join(shared)]
                parts += qualifier_notes
                if traps:
                    parts.append("traps: " + ", ".join(traps))
                note = "; ".join(parts)
            link = {**base, "label": label, "kind": kind, "note": note}
            override = override_by_pair.get(frozenset((ra["sentence"], rb["sentence"])))
            if override:
                used_overrides.add(frozenset((ra["sentence"], rb["sentence"])))
                link.update({k: override[k] for k in ("label", "kind", "note")})
                if link["label"] is None:  # an override can also drop a derived link
                    continue
            gold.append(link)
            st["links"] += 1
            if link["label"] == "conflict":
                st["conflicts_by_kind"][link["kind"]] += 1
                st["conflicts_by_pair"]["-".join(sorted((la, lb)))] += 1
            else:
                st["agree"] += 1
                if qualifier_notes:
                    st["qualifier_trap_links"] += 1
                for t in traps:
                    st["trap_links_by_kind"][t] += 1
    unused = [o for o in overrides if frozenset((o["text_a"], o["text_b"])) not in used_overrides]
    if unused:
        sys.exit(f"overrides.json: {len(unused)} override(s) match no derived pair, e.g. {unused[0]}")

    with (HERE / "gold.jsonl").open("w", encoding="utf-8") as fh:
        for link in gold:
            fh.write(json.dumps(link, ensure_ascii=False) + "\n")
    with (HERE / "near_misses.jsonl").open("w", encoding="utf-8") as fh:
        for pair in near:
            fh.write(json.dumps(pair, ensure_ascii=False) + "\n")
    (HERE / "counts.json").write_text(
        json.dumps(stats, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    total = collections.Counter()
    for event, st in stats.items():
        c = sum(st["conflicts_by_kind"].values())
        total.update(links=st["links"], conflicts=c, near=st["near_misses"])
        print(
            f"{event}: {len(st['articles'])} articles, {st['annotated_sentences']} fact sentences, "
            f"{st['links']} links, {c} conflicts {dict(st['conflicts_by_kind'])}, "
            f"{st['qualifier_trap_links']} qualifier traps, {st['near_misses']} near misses"
        )
    print(f"total: {total['links']} links, {total['conflicts']} conflicts, {total['near']} near misses")


def print_tables() -> None:
    """The README tables, from counts.json and split.json: `make_gold.py --tables`."""
    stats = json.loads((HERE / "counts.json").read_text(encoding="utf-8"))
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    half = {event: name for name, events in split.items() for event in events}
    kinds = sorted(KINDS)
    print(
        "| event | split | articles (en/hi/fr) | sentences | fact sentences | fact ids | links | agree | conflicts |"
        " " + " | ".join(kinds) + " | qualifier traps | near misses |"
    )
    print("|" + "---|" * (11 + len(kinds)))
    total = collections.Counter()
    for event, st in sorted(stats.items(), key=lambda kv: (half[kv[0]], kv[0])):
        langs = collections.Counter(a["language"] for a in st["articles"].values())
        sentences = sum(a["sentences"] for a in st["articles"].values())
        conflicts = sum(st["conflicts_by_kind"].values())
        row = [
            event,
            half[event],
            f"{len(st['articles'])} ({langs['en']}/{langs['hi']}/{langs['fr']})",
            sentences,
            st["annotated_sentences"],
            st["fact_ids"],
            st["links"],
            st["agree"],
            conflicts,
        ]
        row += [st["conflicts_by_kind"].get(k, 0) for k in kinds]
        row += [st["qualifier_trap_links"], st["near_misses"]]
        print("| " + " | ".join(str(x) for x in row) + " |")
        total.update(
            articles=len(st["articles"]),
            sentences=sentences,
            facts=st["annotated_sentences"],
            ids=st["fact_ids"],
            links=st["links"],
            agree=st["agree"],
            conflicts=conflicts,
            q=st["qualifier_trap_links"],
            near=st["near_misses"],
        )
        total.update({k: st["conflicts_by_kind"].get(k, 0) for k in kinds})
    row = [
        "**total**",
        "",
        total["articles"],
        total["sentences"],
        total["facts"],
        total["ids"],
        total["links"],
        total["agree"],
        total["conflicts"],
        *[total[k] for k in kinds],
        total["q"],
        total["near"],
    ]
    print("| " + " | ".join(str(x) for x in row) + " |")
    halves = list(split)  # dev, test, test2: the tables have a column per half, in split.json's order
    print()
    print(
        "| trap | "
        + " | ".join(f"sentences {h}" for h in halves)
        + " | "
        + " | ".join(f"agree links {h}" for h in halves)
        + " |"
    )
    print("|---|" + "---|" * 2 * len(halves))
    for trap in sorted(TRAP_KINDS):
        cells = []
        for key in ("trap_sentences_by_kind", "trap_links_by_kind"):
            for name in halves:
                cells.append(sum(stats[e][key].get(trap, 0) for e in split[name]))
        print(f"| {trap} | " + " | ".join(str(c) for c in cells) + " |")
    print()
    print("| language pair | " + " | ".join(f"conflicts {h}" for h in halves) + " |")
    print("|---|" + "---|" * len(halves))
    pairs = sorted({p for st in stats.values() for p in st["conflicts_by_pair"]})
    for pair in pairs:
        cells = [sum(stats[e]["conflicts_by_pair"].get(pair, 0) for e in split[name]) for name in halves]
        print(f"| {pair} | " + " | ".join(str(c) for c in cells) + " |")


if __name__ == "__main__":
    if sys.argv[1:] == ["--tables"]:
        print_tables()
    else:
        main()
