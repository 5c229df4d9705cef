"""The claims stage: sentences grouped into claims without chaining, with stable ids and statuses from the labels."""

from __future__ import annotations

from dataclasses import replace

from align.claims import claims, group
from align.config import ClaimsConfig
from align.dataset.check import claim_failures
from align.records import ArticleRecord, Evidence, PairRecord, line_sentence, pair_id_for
from tests.small_dataset import evidence, seedlike

TIGHT = ClaimsConfig()
CLOSURE = ClaimsConfig(method="closure")


def test_closure_chains_two_facts_through_one_loose_link_and_cpm_does_not() -> None:
    # Two facts, each stated by four articles (a clique), and one loose link between them.
    first, second = [f"a{i}" for i in range(4)], [f"b{i}" for i in range(4)]
    links = [(x, y) for facts in (first, second) for i, x in enumerate(facts) for y in facts[i + 1 :]]
    links.append(("a0", "b0"))
    assert group(first + second, links, CLOSURE) == [sorted(first + second)]
    assert group(first + second, links, TIGHT) == [first, second]


def test_a_path_of_three_splits_at_a_tight_density_and_holds_at_a_loose_one() -> None:
    links = [("a", "b"), ("b", "c")]
    assert len(group(["a", "b", "c"], links, ClaimsConfig(density=0.7))) == 2
    assert group(["a", "b", "c"], links, ClaimsConfig(density=0.3)) == [["a", "b", "c"]]


def test_every_sentence_is_in_exactly_one_group_whatever_the_input_order() -> None:
    nodes = [f"s{i}" for i in range(12)]
    links = [(f"s{i}", f"s{(i * 5 + 3) % 12}") for i in range(12)] + [
        ("s1", "s2"),
        ("s2", "s3"),
        ("s1", "s3"),
    ]
    groups = group(nodes, links, TIGHT)
    assert sorted(n for g in groups for n in g) == sorted(nodes)
    assert group(list(reversed(nodes)), [(b, a) for a, b in reversed(links)], TIGHT) == groups


def _event() -> tuple[list, list, list]:
    articles = [
        ArticleRecord(f"{n:016x}", "ev", source, None, date, lang, None, "", "0" * 64)
        for n, source, date, lang in (
            (1, "Wire", "2026-02-10", "en"),
            (2, "Journal", "2026-02-11", "fr"),
            (3, "Samachar", "2026-02-09", "hi"),
        )
    ]
    texts = {
        1: ["Sharma resigned on Monday.", "The letter was seen 2 million times."],
        2: ["Sharma a démissionné lundi.", "La lettre a été vue 5 millions de fois."],
        3: ["शर्मा ने सोमवार को इस्तीफा दिया।"],
    }
    sentences = [
        line_sentence(f"{n:016x}", i, articles[n - 1].language, text, "ev")
        for n, lines in texts.items()
        for i, text in enumerate(lines)
    ]
    by_text = {s.text: s for s in sentences}

    def pair(a: str, b: str, label: str = "agree", kinds: tuple[str, ...] = ()) -> PairRecord:
        x, y = by_text[a], by_text[b]
        return PairRecord(
            pair_id_for(x.sentence_id, y.sentence_id),
            "ev",
            x.sentence_id,
            y.sentence_id,
            x.article_id,
            y.article_id,
            x.language,
            y.language,
            x.text,
            y.text,
            None,
            None,
            0.9,
            label,
            0.8,
            tuple(Evidence(k, "a", "b", "n") for k in kinds),
        )

    pairs = [
        pair("Sharma resigned on Monday.", "Sharma a démissionné lundi."),
        pair("Sharma resigned on Monday.", "शर्मा ने सोमवार को इस्तीफा दिया।"),
        pair("Sharma a démissionné lundi.", "शर्मा ने सोमवार को इस्तीफा दिया।"),
        pair(
            "The letter was seen 2 million times.",
            "La lettre a été vue 5 millions de fois.",
            "conflict",
            ("number",),
        ),
    ]
    return sentences, pairs, articles


def test_claims_carry_members_sources_status_conflict_kinds_and_dates() -> None:
    sentences, pairs, articles = _event()
    made = {c.text: c for c in claims(sentences, pairs, articles, TIGHT)}
    assert len(made) == 2
    resigned = next(c for c in made.values() if len(c.sentence_ids) == 3)
    assert resigned.status == "consensus" and resigned.n_sources == 3
    assert resigned.languages == ("en", "fr", "hi") and len(resigned.pair_ids) == 3
    assert (resigned.first_published, resigned.last_published) == ("2026-02-09", "2026-02-11")
    assert resigned.text == "शर्मा ने सोमवार को इस्तीफा दिया।"  # tie on links: the earliest published article
    letter = next(c for c in made.values() if len(c.sentence_ids) == 2)
    assert letter.status == "contested" and [c.kinds for c in letter.conflicts] == [("number",)]


def test_a_claim_keeps_its_id_when_a_member_other_than_its_smallest_changes() -> None:
    sentences, pairs, articles = _event()
    before = {c.claim_id: set(c.sentence_ids) for c in claims(sentences, pairs, articles, TIGHT)}
    resigned = next(ids for ids in before.values() if len(ids) == 3)
    dropped = max(resigned)  # not the smallest: the id must survive
    kept = [s for s in sentences if s.sentence_id != dropped]
    after = {c.claim_id: set(c.sentence_ids) for c in claims(kept, pairs, articles, TIGHT)}
    assert set(after) == set(before)
    assert after[next(k for k, v in before.items() if v == resigned)] == resigned - {dropped}


def test_an_unlinked_sentence_is_a_single_claim_of_one_source() -> None:
    sentences, pairs, articles = _event()
    lonely = line_sentence(articles[0].article_id, 5, "en", "He plans to study poetry.", "ev")
    made = claims([*sentences, lonely], pairs, articles, TIGHT)
    single = next(c for c in made if c.sentence_ids == (lonely.sentence_id,))
    assert single.status == "single" and single.sources == ("Wire",) and single.pair_ids == ()


def test_validate_catches_a_claim_whose_status_id_or_members_disagree_with_the_records() -> None:
    content = seedlike().content()
    assert claim_failures(content) == []
    contested = next(i for i, c in enumerate(content.claims) if c["status"] == "contested")
    rows = [dict(c) for c in content.claims]
    rows[contested]["status"] = "consensus"
    assert any("status is consensus" in f for f in claim_failures(replace(content, claims=rows)))
    rows = [dict(c) for c in content.claims]
    rows[0]["claim_id"] = "0" * 16
    assert any("claim_id is not" in f for f in claim_failures(replace(content, claims=rows)))
    rows = [dict(c) for c in content.claims]
    rows[0]["sentence_ids"] = [*rows[0]["sentence_ids"], "f" * 16]
    assert any("unknown sentence_id" in f for f in claim_failures(replace(content, claims=rows)))
    assert any("in no claim" in f for f in claim_failures(replace(content, claims=content.claims[1:])))


def test_a_conflict_added_between_members_makes_the_claim_contested() -> None:
    data = seedlike()
    consensus = next(c for c in data.content().claims if c["status"] == "consensus")
    a, b = consensus["sentence_ids"][:2]
    pair = next(p for p in data.pairs if {p["sentence_id_a"], p["sentence_id_b"]} == {a, b})
    pair.update(label="conflict", evidence=[evidence("date", "Monday", "Tuesday")])
    again = next(c for c in data.content().claims if c["claim_id"] == consensus["claim_id"])
    assert again["status"] == "contested" and again["conflicts"][0]["kinds"] == ["date"]


def test_the_representative_is_the_most_linked_member_then_the_earliest_published() -> None:
    sentences, pairs, articles = _event()
    by_text = {s.text: s for s in sentences}
    # Make the French sentence (latest article) the hub of a star: linked to the English and Hindi ones only.
    hub, leaves = (
        by_text["Sharma a démissionné lundi."],
        ["Sharma resigned on Monday.", "शर्मा ने सोमवार को इस्तीफा दिया।"],
    )
    star = [p for p in pairs if hub.sentence_id in (p.sentence_id_a, p.sentence_id_b)]
    assert len(star) == 2 and {by_text[t].sentence_id for t in leaves} <= {
        s for p in star for s in (p.sentence_id_a, p.sentence_id_b)
    }
    made = claims(sentences, star, articles, CLOSURE)
    assert next(c for c in made if len(c.sentence_ids) == 3).representative_id == hub.sentence_id
    noisy = [replace(p, similarity=p.similarity + 0.0003 * i) for i, p in enumerate(pairs)]
    assert claims(sentences, noisy, articles, TIGHT) == claims(sentences, pairs, articles, TIGHT)
