"""Write a synthetic corpus for scale runs: N events x M articles in Hindi, English and French, with known links.

Sentences come from the Tatoeba test pairs (hin-eng, fra-eng: line i of one side translates line i of the other)
and, as unlinked filler, from the seed corpus. Within one event, a few Tatoeba pair ids are the event's "facts": each
article states some of them in its own language (Hindi or English side of a hin-eng pair, French or English side of
a fra-eng pair), so two articles that use the same pair id report the same fact. Every such sentence pair is written
to ``<out>/gold_links.tsv`` (beside the event directories; ``align`` reads only the directories). Filler sentences
are used once per event, so they link to nothing.

Every line is distinct in the whole corpus (``distinct``, the default): the pools hold 1,000 Tatoeba pairs each, so
without it the same sentence came back in many events under the same outlet, which no real outlet prints and
which page furniture rightly drops as a site's repeated line (at 1,000 articles 57% of the sentences went as
furniture, and at 10,000 nearly all). Each line is attributed to a person named for it ("According to Kavi
Sunero, ...", "Selon ...", "कवि सुनेरो के अनुसार, ..."): one name per fact of an event, so the articles that report the
fact still say the same thing, and a new name for each filler line. Each event also gets a ``manifest.jsonl`` and a
``translations.tsv`` (reference English for its Hindi and French Tatoeba sentences), so the translate stage works
offline. The same arguments always write the same bytes.

    PYTHONPATH=. python bench/synthetic_corpus.py /tmp/corpus --events 100 --articles 10
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bench.shared_data import tatoeba_dir

ROOT = Path(__file__).resolve().parent.parent
TATOEBA = tatoeba_dir()
SEED_EVENT = ROOT / "corpus" / "2026-02-anthropic-safeguards-lead-resigns"
LANGUAGES = ("hi", "en", "fr")
FACTS_PER_POOL = 8  # per event, from each of hin-eng and fra-eng
# Syllables of the attributed names, in Latin and Devanagari; a name ends on a written vowel (no final schwa).
CONSONANTS = (("k", "क"), ("g", "ग"), ("ch", "च"), ("j", "ज"), ("t", "त"), ("d", "द"), ("n", "न"), ("p", "प"),
              ("b", "ब"), ("m", "म"), ("y", "य"), ("r", "र"), ("l", "ल"), ("v", "व"), ("s", "स"), ("h", "ह"),
              ("sh", "श"))
VOWELS = (("a", ""), ("i", "ि"), ("u", "ु"), ("e", "े"), ("o", "ो"))
ATTRIBUTION = {"en": "According to {}, {}", "fr": "Selon {}, {}", "hi": "{} के अनुसार, {}"}


@dataclass(frozen=True)
class Pools:
    """Parallel Tatoeba sentences (``hin``/``fra`` with their ``eng``) and seed sentences by language."""

    hin: list[tuple[str, str]]
    fra: list[tuple[str, str]]
    seeds: dict[str, list[str]]


def _parallel(directory: Path, pair: str, side: str) -> list[tuple[str, str]]:
    source = (directory / f"tatoeba.{pair}.{side}").read_text("utf-8").splitlines()
    english = (directory / f"tatoeba.{pair}.eng").read_text("utf-8").splitlines()
    if len(source) != len(english):
        raise SystemExit(f"{directory}: tatoeba.{pair} sides differ in length")
    return [(s.strip(), e.strip()) for s, e in zip(source, english, strict=True)]


def seed_sentences(seed_event: Path) -> dict[str, list[str]]:
    """The seed corpus's sentences by language, as align's own reader and segmenter produce them."""
    from align.config import BuildConfig
    from align.corpus import read_event
    from align.segment import segment

    config = BuildConfig()
    sentences = segment(read_event(seed_event, config.corpus), config.corpus, config.segment)
    by_language: dict[str, list[str]] = defaultdict(list)
    for s in sentences:
        if len(s.text) >= 20:  # headlines and fragments make poor filler
            by_language[s.language].append(s.text)
    return {language: sorted(set(texts)) for language, texts in by_language.items()}


def load_pools(tatoeba: Path = TATOEBA, seed_event: Path = SEED_EVENT) -> Pools:
    return Pools(
        _parallel(tatoeba, "hin-eng", "hin"), _parallel(tatoeba, "fra-eng", "fra"), seed_sentences(seed_event)
    )


@dataclass(frozen=True)
class Line:
    """One sentence of an article; ``fact`` is ``hin-eng:17`` style for a linked sentence, None for filler."""

    text: str
    fact: str | None
    english: str | None  # reference translation of a Hindi or French Tatoeba sentence


def _event_articles(
    pools: Pools, rng: random.Random, articles: int, sentences: int
) -> list[tuple[str, list[Line]]]:
    facts = {
        "hin-eng": rng.sample(range(len(pools.hin)), FACTS_PER_POOL),
        "fra-eng": rng.sample(range(len(pools.fra)), FACTS_PER_POOL),
    }
    fact_ids = {(pool, i) for pool, ids in facts.items() for i in ids}
    # Filler: Tatoeba pairs that are not facts, and seed sentences, each used once in the event.
    filler_ids = {
        pool: [i for i in rng.sample(range(len(rows)), len(rows)) if (pool, i) not in fact_ids]
        for pool, rows in (("hin-eng", pools.hin), ("fra-eng", pools.fra))
    }
    seeds = {language: rng.sample(texts, len(texts)) for language, texts in pools.seeds.items()}
    first = rng.randrange(len(LANGUAGES))
    made = []
    for k in range(articles):
        language = LANGUAGES[(first + k) % len(LANGUAGES)]
        eligible = [
            (pool, i)
            for pool, ids in facts.items()
            for i in ids
            if language == "en" or (pool == "hin-eng") == (language == "hi")
        ]
        n_facts = min(len(eligible), max(2, sentences * 6 // 10))
        lines = [_line(pools, language, pool, i, linked=True) for pool, i in rng.sample(eligible, n_facts)]
        while len(lines) < sentences:
            lines.append(_filler(pools, language, filler_ids, seeds, rng))
        rng.shuffle(lines)
        made.append((language, lines))
    return made


def _line(pools: Pools, language: str, pool: str, i: int, linked: bool) -> Line:
    source, english = (pools.hin if pool == "hin-eng" else pools.fra)[i]
    fact = f"{pool}:{i}" if linked else None
    if language == "en":
        return Line(english, fact, None)
    return Line(source, fact, english)


def _filler(
    pools: Pools,
    language: str,
    filler_ids: dict[str, list[int]],
    seeds: dict[str, list[str]],
    rng: random.Random,
) -> Line:
    if seeds.get(language) and rng.random() < 0.3:
        return Line(seeds[language].pop(), None, None)
    pool = {"hi": "hin-eng", "fr": "fra-eng"}.get(language) or rng.choice(("hin-eng", "fra-eng"))
    return _line(pools, language, pool, filler_ids[pool].pop(), linked=False)


class Names:
    """Person names never given twice in one corpus, in Latin and Devanagari script."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def new(self, rng: random.Random) -> tuple[str, str]:
        while True:
            first, last = _word(rng, 2), _word(rng, 3)
            latin = f"{first[0].capitalize()} {last[0].capitalize()}"
            if latin not in self.used:
                self.used.add(latin)
                return latin, f"{first[1]} {last[1]}"


def _word(rng: random.Random, syllables: int) -> tuple[str, str]:
    parts = [
        (c[0] + v[0], c[1] + v[1])
        for c, v in ((rng.choice(CONSONANTS), rng.choice(VOWELS[1:] if k == syllables - 1 else VOWELS))
                     for k in range(syllables))
    ]
    return "".join(p[0] for p in parts), "".join(p[1] for p in parts)


def attributed(line: Line, language: str, name: tuple[str, str]) -> Line:
    """``line`` as said by ``name`` (its reference English too)."""
    latin, devanagari = name
    text = ATTRIBUTION[language].format(devanagari if language == "hi" else latin, line.text)
    english = ATTRIBUTION["en"].format(latin, line.english) if line.english else None
    return Line(text, line.fact, english)


def _distinct_lines(
    made: list[tuple[str, list[Line]]], names: Names, rng: random.Random
) -> list[tuple[str, list[Line]]]:
    fact_names: dict[str, tuple[str, str]] = {}
    distinct = []
    for language, lines in made:
        named = []
        for line in lines:
            if line.fact is None:
                name = names.new(rng)
            elif line.fact in fact_names:
                name = fact_names[line.fact]
            else:
                name = fact_names[line.fact] = names.new(rng)
            named.append(attributed(line, language, name))
        distinct.append((language, named))
    return distinct


def write_corpus(
    out: Path,
    events: int,
    articles: int,
    sentences: int = 12,
    seed: int = 0,
    pools: Pools | None = None,
    distinct: bool = True,
) -> dict[str, int]:
    """Write ``events`` event directories of ``articles`` articles each into ``out`` (replaced); returns counts.
    ``distinct=False`` writes the corpus of earlier runs (Tatoeba lines repeated across events, unattributed)."""
    pools = pools or load_pools()
    names = Names()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    gold = ["event_id\tfile_a\tfile_b\tfact\ttext_a\ttext_b"]
    total_lines = 0
    for e in range(events):
        rng = random.Random(f"{seed}:{e}")
        event_id = f"event-{e:05d}"
        event_dir = out / event_id
        event_dir.mkdir()
        manifest, memory, by_fact = [], {}, defaultdict(list)
        made = _event_articles(pools, rng, articles, sentences)
        if distinct:
            made = _distinct_lines(made, names, random.Random(f"{seed}:{e}:names"))
        for k, (language, lines) in enumerate(made):
            name = f"{k:03d}_{language}.txt"
            (event_dir / name).write_text("\n".join(line.text for line in lines) + "\n", "utf-8")
            manifest.append(
                {"file": name, "source": f"outlet-{k % 7}", "language": language, "title": lines[0].text}
            )
            total_lines += len(lines)
            for line in lines:
                if line.english:
                    memory[line.text] = line.english
                if line.fact:
                    by_fact[line.fact].append((name, line.text))
        (event_dir / "manifest.jsonl").write_text(
            "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in manifest), "utf-8"
        )
        (event_dir / "translations.tsv").write_text(
            "source\tenglish\tnote\n"
            + "".join(f"{s}\t{e}\ttatoeba reference\n" for s, e in sorted(memory.items())),
            "utf-8",
        )
        for fact, uses in sorted(by_fact.items()):
            for (file_a, text_a), (file_b, text_b) in itertools.combinations(uses, 2):
                gold.append(f"{event_id}\t{file_a}\t{file_b}\t{fact}\t{text_a}\t{text_b}")
    (out / "gold_links.tsv").write_text("\n".join(gold) + "\n", "utf-8")
    return {
        "events": events,
        "articles": events * articles,
        "lines": total_lines,
        "gold_links": len(gold) - 1,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="corpus directory to write (replaced if it exists)")
    parser.add_argument("--events", type=int, default=10)
    parser.add_argument("--articles", type=int, default=10, help="articles per event")
    parser.add_argument("--sentences", type=int, default=12, help="sentences per article")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--repeated", action="store_true", help="the earlier corpus: Tatoeba lines repeated across events"
    )
    parser.add_argument(
        "--tatoeba", type=Path, default=TATOEBA, help="directory of the tatoeba.*-eng.* files"
    )
    args = parser.parse_args()
    pools = load_pools(args.tatoeba)
    counts = write_corpus(
        args.out, args.events, args.articles, args.sentences, args.seed, pools, distinct=not args.repeated
    )
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
