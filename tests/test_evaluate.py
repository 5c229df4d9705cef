"""Scoring links and labels against a gold file, in memory and from a dataset directory."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from align.errors import AlignError
from align.evaluate import GoldPair, evaluate_dataset, load_gold, score_links
from align.link import make_pair
from align.records import LABELS, SentenceRecord, line_sentence


def sentence(article: str, position: int, language: str, text: str, event: str = "ev") -> SentenceRecord:
    return line_sentence(article, position, language, text, event)


EN = [sentence("en", 0, "en", "Sharma resigned on Monday."), sentence("en", 1, "en", "He will write poetry.")]
HI = [sentence("hi", 0, "hi", "शर्मा ने सोमवार को इस्तीफा दिया।"), sentence("hi", 1, "hi", "वह कविता लिखेंगे।")]
FR = [sentence("fr", 0, "fr", "Sharma a démissionné lundi."), sentence("fr", 1, "fr", "Il vivra à Paris.")]
SENTENCES = EN + HI + FR


def write_gold(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_precision_recall_f1_overall_and_per_language_pair():
    gold = [
        GoldPair(text_a=EN[0].text, text_b=HI[0].text),
        GoldPair(text_a=FR[0].text, text_b=EN[0].text),  # order within a pair does not matter
        GoldPair(sentence_id_a=HI[1].sentence_id, sentence_id_b=EN[1].sentence_id),
    ]
    predicted = [
        make_pair(HI[0], EN[0], 1.2),  # hit
        make_pair(EN[0], FR[0], 1.1),  # hit
        make_pair(HI[1], FR[1], 1.07),  # false positive
    ]
    report = score_links(predicted, gold, SENTENCES)
    assert (report.links.tp, report.links.fp, report.links.fn) == (2, 1, 1)
    assert report.links.precision == pytest.approx(2 / 3)
    assert report.links.recall == pytest.approx(2 / 3)
    assert report.links.f1 == pytest.approx(2 / 3)
    by_pair = {lp: (s.tp, s.fp, s.fn) for lp, s in report.by_language_pair.items()}
    assert by_pair == {"en-hi": (1, 0, 1), "en-fr": (1, 0, 0), "fr-hi": (0, 1, 0)}
    assert report.conflict is None  # the gold carries no labels


def test_gold_ids_win_over_texts_and_unknown_sentences_are_reported():
    gold = [
        GoldPair(text_a="not in the data", text_b=EN[0].text, line=1),
        GoldPair(text_a=EN[1].text, text_b=HI[1].text, line=2),
    ]
    report = score_links([make_pair(EN[1], HI[1], 1.1)], gold, SENTENCES)
    assert report.unresolved == [1]
    assert (report.links.tp, report.links.fn) == (1, 1)
    assert "1 gold pairs name sentences not in the dataset (lines 1)" in report.to_text()


def test_predictions_outside_the_gold_events_are_not_scored():
    elsewhere = [
        sentence("x", 0, "en", "Rain closed the schools.", "other"),
        sentence("y", 0, "fr", "La pluie a fermé les écoles.", "other"),
    ]
    gold = [GoldPair(text_a=EN[0].text, text_b=FR[0].text)]
    pairs = [make_pair(EN[0], FR[0], 1.1), make_pair(*elsewhere, 1.3)]
    report = score_links(pairs, gold, SENTENCES + elsewhere)
    assert (report.links.tp, report.links.fp, report.predicted_pairs) == (1, 0, 1)
    # Without the sentences there is no way to tell events apart: everything is scored.
    assert score_links(pairs, gold).links.fp == 1


def test_label_accuracy_and_conflict_scores_over_linked_gold_pairs():
    gold = [
        GoldPair(text_a=EN[0].text, text_b=FR[0].text, label="agree"),
        GoldPair(text_a=EN[0].text, text_b=HI[0].text, label="conflict"),
        GoldPair(text_a=EN[1].text, text_b=HI[1].text, label="conflict"),
        GoldPair(
            text_a=HI[1].text, text_b=FR[1].text, label="conflict"
        ),  # not linked: a link miss, not a label miss
    ]
    pairs = [
        replace(make_pair(EN[0], FR[0], 1.1), label="conflict"),  # wrong: fp for conflict
        replace(make_pair(EN[0], HI[0], 1.1), label="conflict"),  # right: tp
        replace(make_pair(EN[1], HI[1], 1.1), label="agree"),  # wrong: fn
    ]
    report = score_links(pairs, gold, SENTENCES)
    assert report.labelled == 3 and report.label_accuracy == pytest.approx(1 / 3)
    assert report.conflict is not None
    assert (report.conflict.tp, report.conflict.fp, report.conflict.fn) == (1, 1, 1)
    assert report.links.fn == 1
    as_dict = report.to_dict()
    assert as_dict["labels"]["accuracy"] == pytest.approx(0.3333)
    json.dumps(as_dict)  # plain data


def test_load_gold_reads_texts_ids_labels_and_skips_blank_lines(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        json.dumps(
            {"text_a": "a b", "text_b": "c d", "label": "conflict", "kind": "name", "article_a": "1.txt"}
        )
        + "\n\n"
        + json.dumps({"sentence_id_a": "1", "sentence_id_b": "2"})
        + "\n",
        "utf-8",
    )
    gold = load_gold(path)
    assert [g.line for g in gold] == [1, 3]
    assert gold[0].label == "conflict" and gold[0].text_key == frozenset({"a b", "c d"})
    assert gold[1].id_key == frozenset({"1", "2"}) and gold[1].label is None


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('{"text_a": "x", "text_b": "y", "lable": "agree"}', 'unknown key "lable"'),
        ('{"text_a": "x", "text_b": "y", "label": "maybe"}', '"label" must be one of agree, conflict'),
        ('{"text_a": "x"}', 'needs "text_a" and "text_b"'),
        ('{"text_a": "x", "text_b": 3}', '"text_b" must be a string'),
    ],
)
def test_bad_gold_lines_are_one_line_errors_with_the_line_number(tmp_path: Path, line: str, problem: str):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"text_a": "ok", "text_b": "fine"}\n' + line + "\n", "utf-8")
    with pytest.raises(AlignError) as caught:
        load_gold(path)
    assert caught.value.line == 2
    assert problem in caught.value.message
    assert caught.value.message.startswith(f"{path} line 2: ")


def test_missing_or_empty_gold_file(tmp_path: Path):
    with pytest.raises(AlignError, match="gold file not found"):
        load_gold(tmp_path / "nope.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n", "utf-8")
    with pytest.raises(AlignError, match="holds no pairs"):
        load_gold(tmp_path / "empty.jsonl")


def write_dataset(root: Path, sentences: list[SentenceRecord], pairs: list) -> Path:
    """Parquet files laid out like the published dataset (labels as ClassLabel indices)."""
    for config, rows in (
        ("sentences", [s.to_dict() for s in sentences]),
        ("pairs", [{**p.to_dict(), "label": LABELS.index(p.label)} for p in pairs]),
    ):
        (root / "data" / config).mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(rows), root / "data" / config / "train-00000-of-00001.parquet")
    return root


def test_evaluate_dataset_reads_parquet_and_scores_it(tmp_path: Path):
    pairs = [replace(make_pair(EN[0], HI[0], 1.2), label="conflict"), make_pair(HI[1], FR[1], 1.07)]
    dataset = write_dataset(tmp_path / "dataset", SENTENCES, pairs)
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            {"text_a": HI[0].text, "text_b": EN[0].text, "label": "conflict"},
            {"sentence_id_a": FR[0].sentence_id, "sentence_id_b": EN[0].sentence_id, "label": "agree"},
        ],
    )
    report = evaluate_dataset(dataset, gold)
    assert (report.links.tp, report.links.fp, report.links.fn) == (1, 1, 1)
    assert report.label_accuracy == 1.0
    text = report.to_text()
    assert "P 0.500  R 0.500  F1 0.500" in text
    assert "en-hi" in text and "en-fr" in text and "fr-hi" in text


def test_evaluate_dataset_rejects_a_directory_that_is_not_a_dataset(tmp_path: Path):
    gold = write_gold(tmp_path / "gold.jsonl", [{"text_a": "a", "text_b": "b"}])
    with pytest.raises(AlignError, match=r"no data/sentences/\*.parquet"):
        evaluate_dataset(tmp_path, gold)
    broken = tmp_path / "broken"
    (broken / "data" / "sentences").mkdir(parents=True)
    pq.write_table(pa.table({"sentence_id": ["x"]}), broken / "data" / "sentences" / "part.parquet")
    with pytest.raises(AlignError, match="missing column"):
        evaluate_dataset(broken, gold)
