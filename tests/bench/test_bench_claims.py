"""The claims benchmark's scores (bench/bench_claims.py) on partitions small enough to score by hand."""

from __future__ import annotations

import pytest

from bench.bench_claims import adjusted_rand_index, bcubed


def test_identical_partitions_score_one_whatever_the_cluster_names() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 3}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "z"}
    assert adjusted_rand_index(predicted, gold) == pytest.approx(1.0)
    assert bcubed(predicted, gold) == (pytest.approx(1.0), pytest.approx(1.0))


def test_one_merged_cluster_loses_precision_not_recall() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    merged = {item: 0 for item in gold}
    precision, recall = bcubed(merged, gold)
    assert (precision, recall) == (pytest.approx(0.5), pytest.approx(1.0))
    assert adjusted_rand_index(merged, gold) == pytest.approx(0.0)
    split = {item: item for item in gold}
    assert bcubed(split, gold) == (pytest.approx(1.0), pytest.approx(0.5))


def test_the_textbook_rand_example() -> None:
    # Six items, gold {a,b,c}{d,e,f}, predicted {a,b}{c,d}{e,f}. Pairs together in both: 2; in predicted: 3; in
    # gold: 6; of all 15 pairs. ARI = (2 - 3*6/15) / ((3+6)/2 - 3*6/15) = 0.8 / 3.3.
    gold = dict(zip("abcdef", [0, 0, 0, 1, 1, 1], strict=True))
    predicted = dict(zip("abcdef", [0, 0, 1, 1, 2, 2], strict=True))
    expected = (2 - 3 * 6 / 15) / ((3 + 6) / 2 - 3 * 6 / 15)
    assert adjusted_rand_index(predicted, gold) == pytest.approx(expected)


def test_a_sentence_stating_two_facts_is_right_with_either() -> None:
    # Extended B-cubed (Amigó et al. 2009): "ab" states facts f and g; grouped with the f-sentence it is precise,
    # and it misses the g-sentence.
    gold = {"ab": frozenset({"f", "g"}), "a": frozenset({"f"}), "b": frozenset({"g"})}
    predicted = {"ab": 0, "a": 0, "b": 1}
    precision, recall = bcubed(predicted, gold)
    assert precision == pytest.approx(1.0)  # every pair in a claim shares a fact
    # recall: "ab" 1/2 (itself, two shared facts) + 1 (a) + 0 (b), over 3; "a" 1; "b" 1/2 (itself, not "ab").
    assert recall == pytest.approx(((0.5 + 1 + 0) / 3 + 1 + 0.5) / 3)


def test_overlapping_claims_are_scored_and_built_by_the_experiment() -> None:
    from bench.bench_claims import with_overlap

    # "ab" is linked to both members of the g-claim: the experiment adds it there too, which finds the g pair.
    groups = [["a", "ab"], ["b", "b2"]]
    links = [("a", "ab"), ("ab", "b"), ("ab", "b2"), ("b", "b2")]
    assert with_overlap(groups, links, 1.0) == [["a", "ab"], ["b", "b2", "ab"]]
    assert with_overlap(groups, links[:2] + links[3:], 1.0) == groups  # linked to half of it only
    gold = {"ab": frozenset({"f", "g"}), "a": frozenset({"f"}), "b": frozenset({"g"}), "b2": frozenset({"g"})}
    single = {"a": frozenset({0}), "ab": frozenset({0}), "b": frozenset({1}), "b2": frozenset({1})}
    double = {**single, "ab": frozenset({0, 1})}
    assert bcubed(double, gold)[1] > bcubed(single, gold)[1]
    assert bcubed(double, gold)[0] == pytest.approx(1.0)
