import collections
import csv
import json
import sys

rows = list(
    csv.DictReader(
        open("bench/gold/seed_sentences.tsv", encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE
    )
)
by_id = {r["sentence_id"]: r for r in rows}
assert len(by_id) == len(rows) == 185, (len(by_id), len(rows))
links = [json.loads(line) for line in open("bench/gold/seed.jsonl", encoding="utf-8") if line.strip()]
errors = []
seen = set()
linked = set()
KINDS = {None, "number", "date", "name", "negation", "substitution", "claim"}
for i, o in enumerate(links):
    assert set(o) == {
        "text_a",
        "text_b",
        "sentence_id_a",
        "sentence_id_b",
        "article_a",
        "article_b",
        "label",
        "kind",
        "note",
    }, o.keys()
    for s in "ab":
        r = by_id.get(o["sentence_id_" + s])
        if r is None:
            errors.append(f"line {i}: unknown id {o['sentence_id_' + s]}")
            continue
        if r["text"] != o["text_" + s]:
            errors.append(f"line {i}: text mismatch for {r['sentence_id']}")
        if r["article_file"] != o["article_" + s]:
            errors.append(f"line {i}: article mismatch for {r['sentence_id']}")
    if o["article_a"] == o["article_b"]:
        errors.append(f"line {i}: same-article link")
    key = frozenset((o["sentence_id_a"], o["sentence_id_b"]))
    if len(key) < 2:
        errors.append(f"line {i}: self link")
    if key in seen:
        errors.append(f"line {i}: duplicate pair")
    seen.add(key)
    linked |= key
    if o["label"] not in ("agree", "conflict"):
        errors.append(f"line {i}: bad label")
    if o["kind"] not in KINDS:
        errors.append(f"line {i}: bad kind")
    if (o["label"] == "conflict") != (o["kind"] is not None):
        errors.append(f"line {i}: kind/label mismatch")
    if not o["note"].strip():
        errors.append(f"line {i}: empty note")
unl = {}
for line in open("bench/gold/seed_unlinked.tsv", encoding="utf-8"):
    sid, _, text = line.rstrip("\n").partition("\t")
    if sid not in by_id:
        errors.append(f"unlinked: unknown id {sid}")
    elif by_id[sid]["text"] != text:
        errors.append(f"unlinked: text mismatch {sid}")
    unl[sid] = text
both = linked & set(unl)
if both:
    errors.append(f"{len(both)} ids both linked and unlinked")
missing = set(by_id) - linked - set(unl)
if missing:
    errors.append(f"{len(missing)} sentences neither linked nor unlinked: {sorted(missing)}")
print(
    "links:",
    len(links),
    "| agree:",
    sum(o["label"] == "agree" for o in links),
    "| conflict:",
    sum(o["label"] == "conflict" for o in links),
)
print("linked sentences:", len(linked), "| unlinked:", len(unl), "| total:", len(by_id))
ap = collections.Counter()
lp = collections.Counter()
kinds = collections.Counter()
for o in links:
    a, b = sorted((o["article_a"][:3], o["article_b"][:3]))
    ap[(a, b, o["label"])] += 1
    la, lb = sorted((by_id[o["sentence_id_a"]]["language"], by_id[o["sentence_id_b"]]["language"]))
    lp[(la, lb, o["label"])] += 1
    kinds[o["kind"]] += 1
print("per article pair:")
[print(" ", k, v) for k, v in sorted(ap.items())]
print("per language pair:")
[print(" ", k, v) for k, v in sorted(lp.items())]
print("kinds:", dict(kinds))
per_art = collections.Counter(r["article_file"][:3] for r in rows if r["sentence_id"] in unl)
print("unlinked per article:", dict(sorted(per_art.items())))
if errors:
    print("ERRORS:")
    [print(" ", e) for e in errors]
    sys.exit(1)
print("VALID")
