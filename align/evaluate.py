"""Scoring links (and their labels) against a hand-made gold file.

Gold format: JSON Lines, one linked pair per line; pairs are unordered::

    {"text_a": "The world is in danger.", "text_b": "दुनिया खतरे में है।", "label": "agree"}
    {"sentence_id_a": "c408bcb1988ca7e0", "sentence_id_b": "a965b47b4f9237d4", "note": "same quote"}

- ``text_a`` / ``text_b``: the two sentences' exact texts, as the segmenter produced them (Unicode NFC and
  whitespace differences are forgiven), and/or ``sentence_id_a`` / ``sentence_id_b``. Ids, when given, decide
  the match; otherwise the texts do (a text that occurs in several articles matches each occurrence).
- ``label`` (optional): ``agree`` or ``conflict``. ``kind`` (optional): what differs in a conflict
  (``number``, ``date``, ``name``, ``negation``, ``substitution``, ...). ``note`` (optional): free text.
- ``article_a`` / ``article_b`` and ``language_a`` / ``language_b`` (optional) are for readers; the languages
  are also used to report a gold pair whose sentences are not in the dataset. Other keys are errors (usually
  typos).

The gold is taken as exhaustive for the events it touches: a predicted pair in such an event that is not in
the gold is a false positive; predicted pairs of other events are not scored. A gold pair whose sentences are
not in the dataset counts as missed and is reported as unresolved (the gold and the segmentation have drifted
apart).

Label scores are computed over the linked pairs that match a gold pair carrying a label, so a linking error is
not counted twice: label accuracy, and precision/recall/F1 of ``conflict`` as the positive class."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align.cache import normalise_text
from align.errors import AlignError
from align.records import LABELS, Evidence, PairRecord, SentenceRecord

GOLD_KEYS = frozenset(
    {"text_a", "text_b", "sentence_id_a", "sentence_id_b", "label", "kind", "note"}
    | {"article_a", "article_b", "language_a", "language_b"}
)
UNKNOWN_LANGUAGE = "?"


@dataclass(frozen=True)
class GoldPair:
    """One hand-linked pair of sentences; see the module docstring for the file format."""

    text_a: str | None = None
    text_b: str | None = None
    sentence_id_a: str | None = None
    sentence_id_b: str | None = None
    label: str | None = None
    kind: str | None = None
    note: str | None = None
    article_a: str | None = None
    article_b: str | None = None
    language_a: str | None = None
    language_b: str | None = None
    line: int = 0

    @property
    def id_key(self) -> frozenset[str] | None:
        if self.sentence_id_a and self.sentence_id_b:
            return frozenset((self.sentence_id_a, self.sentence_id_b))
        return None

    @property
    def text_key(self) -> frozenset[str] | None:
        if self.text_a is not None and self.text_b is not None:
            return frozenset((normalise_text(self.text_a), normalise_text(self.text_b)))
        return None


def load_gold(path: Path) -> list[GoldPair]:
    """Read and check a gold file; the first problem is an AlignError naming the file and line."""
    if not path.is_file():
        raise AlignError(path, "gold file not found")
    gold: list[GoldPair] = []
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            gold.append(_gold_pair(path, number, raw))
    if not gold:
        raise AlignError(path, "gold file holds no pairs")
    return gold


def _gold_pair(path: Path, number: int, raw: str) -> GoldPair:
    try:
        row = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise AlignError(path, f"not valid JSON: {exc.msg}", number) from None
    if not isinstance(row, dict):
        raise AlignError(path, "each line must be a JSON object", number)
    unknown = sorted(set(row) - GOLD_KEYS)
    if unknown:
        expected = ", ".join(sorted(GOLD_KEYS))
        raise AlignError(path, f'unknown key "{unknown[0]}" (expected some of: {expected})', number)
    for key, value in row.items():
        if value is not None and not isinstance(value, str):
            raise AlignError(path, f'"{key}" must be a string, got {json.dumps(value)}', number)
    has_ids = bool(row.get("sentence_id_a")) and bool(row.get("sentence_id_b"))
    has_texts = row.get("text_a") is not None and row.get("text_b") is not None
    if not (has_ids or has_texts):
        raise AlignError(path, 'needs "text_a" and "text_b", or "sentence_id_a" and "sentence_id_b"', number)
    label = row.get("label") or None
    if label is not None and label not in LABELS:
        raise AlignError(path, f'"label" must be one of {", ".join(LABELS)}, got "{label}"', number)
    return GoldPair(**{**row, "label": label}, line=number)


@dataclass
class LinkScores:
    """Counts of one class of decisions, with precision, recall and F1 derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }

    def line(self) -> str:
        counts = f"(tp {self.tp}, fp {self.fp}, fn {self.fn})"
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  {counts}"


@dataclass
class EvalReport:
    """Link scores overall and per language pair, and label scores when both sides carry labels."""

    links: LinkScores
    by_language_pair: dict[str, LinkScores]
    gold_pairs: int
    predicted_pairs: int
    unresolved: list[int] = field(default_factory=list)  # gold lines naming sentences not in the dataset
    labelled: int = 0
    label_correct: int = 0
    conflict: LinkScores | None = None

    @property
    def label_accuracy(self) -> float | None:
        return self.label_correct / self.labelled if self.labelled else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "links": self.links.to_dict(),
            "by_language_pair": {lp: s.to_dict() for lp, s in sorted(self.by_language_pair.items())},
            "gold_pairs": self.gold_pairs,
            "predicted_pairs": self.predicted_pairs,
            "unresolved_gold_lines": self.unresolved,
            "labels": None
            if self.conflict is None
            else {
                "scored": self.labelled,
                "accuracy": round(self.label_accuracy or 0.0, 4),
                "conflict": self.conflict.to_dict(),
            },
        }

    def to_text(self) -> str:
        lines = [
            f"gold pairs {self.gold_pairs}, predicted pairs in scope {self.predicted_pairs}",
            f"links            {self.links.line()}",
        ]
        lines += [f"  {lp:<14} {s.line()}" for lp, s in sorted(self.by_language_pair.items())]
        if self.conflict is not None:
            accuracy = self.label_accuracy or 0.0
            lines.append(f"labels           accuracy {accuracy:.3f} over {self.labelled} linked gold pairs")
            lines.append(f"  conflict       {self.conflict.line()}")
        if self.unresolved:
            shown = ", ".join(str(n) for n in self.unresolved[:10])
            lines.append(
                f"warning: {len(self.unresolved)} gold pairs name sentences not in the dataset "
                f"(lines {shown})"
            )
        return "\n".join(lines)


def _language_pair(a: str, b: str) -> str:
    return "-".join(sorted((a, b)))


class _GoldIndex:
    """Gold pairs addressable by sentence-id pair and by text pair."""

    def __init__(self, gold: Sequence[GoldPair]) -> None:
        self.by_ids: dict[frozenset[str], list[int]] = {}
        self.by_texts: dict[frozenset[str], list[int]] = {}
        for i, pair in enumerate(gold):
            if pair.id_key is not None:
                self.by_ids.setdefault(pair.id_key, []).append(i)
            elif pair.text_key is not None:
                self.by_texts.setdefault(pair.text_key, []).append(i)

    def matches(self, pair: PairRecord) -> list[int]:
        found = self.by_ids.get(frozenset((pair.sentence_id_a, pair.sentence_id_b)), [])
        texts = frozenset((normalise_text(pair.text_a), normalise_text(pair.text_b)))
        return found + self.by_texts.get(texts, [])


def _resolve(
    gold: GoldPair, ids: dict[str, SentenceRecord], texts: dict[str, list[SentenceRecord]]
) -> list[list[SentenceRecord]]:
    """The sentences a gold pair names on each side (empty when a side is not in the dataset)."""
    if gold.id_key is not None:
        sides = [ids.get(gold.sentence_id_a or ""), ids.get(gold.sentence_id_b or "")]
        return [[s] if s else [] for s in sides]
    return [texts.get(normalise_text(text or ""), []) for text in (gold.text_a, gold.text_b)]


def score_links(
    pairs: Iterable[PairRecord],
    gold: Sequence[GoldPair],
    sentences: Sequence[SentenceRecord] | None = None,
) -> EvalReport:
    """Precision, recall and F1 of ``pairs`` against ``gold``, overall and per language pair.

    ``sentences`` (the dataset's, when at hand) limit scoring to the gold's events and tell the languages of
    gold pairs that were missed; without them every predicted pair is scored.
    """
    index = _GoldIndex(gold)
    ids = {s.sentence_id: s for s in sentences or ()}
    texts: dict[str, list[SentenceRecord]] = {}
    for s in sentences or ():
        texts.setdefault(normalise_text(s.text), []).append(s)

    gold_languages: list[str] = []
    unresolved: list[int] = []
    events: set[str] = set()
    for g in gold:
        sides = _resolve(g, ids, texts) if sentences is not None else [[], []]
        events.update(s.event_id for side in sides for s in side)
        if sentences is not None and not (sides[0] and sides[1]):
            unresolved.append(g.line)
        language_a = sides[0][0].language if sides[0] else g.language_a or UNKNOWN_LANGUAGE
        language_b = sides[1][0].language if sides[1] else g.language_b or UNKNOWN_LANGUAGE
        gold_languages.append(_language_pair(language_a, language_b))

    overall = LinkScores()
    by_pair: dict[str, LinkScores] = {}
    found = [False] * len(gold)
    predicted = 0
    labelled = correct = 0
    conflict = LinkScores()
    for pair in pairs:
        if sentences is not None and pair.event_id not in events:
            continue
        counted = index.matches(pair)
        predicted += 1
        bucket = by_pair.setdefault(_language_pair(pair.language_a, pair.language_b), LinkScores())
        if not counted:
            overall.fp += 1
            bucket.fp += 1
            continue
        overall.tp += 1
        bucket.tp += 1
        for i in counted:
            found[i] = True
        gold_label = next((gold[i].label for i in counted if gold[i].label), None)
        if gold_label is not None:
            labelled += 1
            correct += pair.label == gold_label
            _count_conflict(conflict, pair.label == "conflict", gold_label == "conflict")

    for i in range(len(gold)):
        if not found[i]:
            overall.fn += 1
            by_pair.setdefault(gold_languages[i], LinkScores()).fn += 1
    return EvalReport(
        links=overall,
        by_language_pair=by_pair,
        gold_pairs=len(gold),
        predicted_pairs=predicted,
        unresolved=unresolved,
        labelled=labelled,
        label_correct=correct,
        conflict=conflict if any(g.label for g in gold) else None,
    )


def _count_conflict(scores: LinkScores, predicted_conflict: bool, gold_conflict: bool) -> None:
    if predicted_conflict and gold_conflict:
        scores.tp += 1
    elif predicted_conflict:
        scores.fp += 1
    elif gold_conflict:
        scores.fn += 1


SENTENCE_COLUMNS = ("sentence_id", "article_id", "event_id", "position", "language", "text")
PAIR_COLUMNS = (
    "pair_id", "event_id", "sentence_id_a", "sentence_id_b", "article_id_a", "article_id_b",
    "language_a", "language_b", "text_a", "text_b", "similarity", "label",
)  # fmt: skip


def read_table(dataset_dir: Path, config: str, columns: Sequence[str]) -> list[dict[str, Any]]:
    """Rows of ``<dataset>/data/<config>/*.parquet``; missing files or columns are an AlignError."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = sorted((dataset_dir / "data" / config).glob("*.parquet"))
    if not files:
        raise AlignError(
            dataset_dir, f"no data/{config}/*.parquet files (is this an align dataset directory?)"
        )
    tables = []
    for file in files:
        try:
            table = pq.read_table(file)
        except (OSError, pa.ArrowInvalid) as exc:
            raise AlignError(file, f"cannot read parquet: {exc}") from None
        missing = [c for c in columns if c not in table.column_names]
        if missing:
            raise AlignError(file, f"missing column(s): {', '.join(missing)}")
        tables.append(table)
    return [row for table in tables for row in table.to_pylist()]


def read_dataset(dataset_dir: Path) -> tuple[list[SentenceRecord], list[PairRecord]]:
    """The sentences and pairs of a published dataset directory, as records."""
    sentences = [
        SentenceRecord(
            sentence_id=row["sentence_id"],
            article_id=row["article_id"],
            event_id=row["event_id"],
            position=row["position"],
            language=row["language"],
            text=row["text"],
            char_start=row.get("char_start") or 0,
            char_end=row.get("char_end") or 0,
            text_en=row.get("text_en"),
        )
        for row in read_table(dataset_dir, "sentences", SENTENCE_COLUMNS)
    ]
    pairs = [_pair_from_row(row) for row in read_table(dataset_dir, "pairs", PAIR_COLUMNS)]
    return sentences, pairs


def _pair_from_row(row: dict[str, Any]) -> PairRecord:
    label = row["label"]
    if isinstance(label, int):  # a ClassLabel column stores the index
        label = LABELS[label]
    return PairRecord(
        pair_id=row["pair_id"],
        event_id=row["event_id"],
        sentence_id_a=row["sentence_id_a"],
        sentence_id_b=row["sentence_id_b"],
        article_id_a=row["article_id_a"],
        article_id_b=row["article_id_b"],
        language_a=row["language_a"],
        language_b=row["language_b"],
        text_a=row["text_a"],
        text_b=row["text_b"],
        text_en_a=row.get("text_en_a"),
        text_en_b=row.get("text_en_b"),
        similarity=float(row["similarity"]),
        entailment=None if row.get("entailment") is None else float(row["entailment"]),
        label=label,
        confidence=float(row.get("confidence") or 0.0),
        evidence=tuple(Evidence(**e) for e in row.get("evidence") or ()),
        signature=row.get("signature") or "",
    )


def evaluate_dataset(dataset_dir: Path, gold_path: Path) -> EvalReport:
    """``align eval``: the dataset's pairs scored against the gold file."""
    gold = load_gold(gold_path)
    sentences, pairs = read_dataset(dataset_dir)
    return score_links(pairs, gold, sentences)
