"""Typed records that flow one way through the pipeline: corpus -> segment -> translate -> link -> label -> publish.

Each record serialises to a plain dict (``to_dict``) whose shape is the contract checked by the JSON Schemas in
``schema/`` and written as one row of the published dataset; ``from_dict`` reads such a dict back, field for field.
``EventRecords`` holds what the stages made of one event, the unit a build keeps as a shard.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

import numpy as np

LABELS: tuple[str, ...] = ("agree", "conflict")

# Every score a record stores (similarity, entailment, confidence) is rounded to this many decimals where the
# record is made, before any threshold sees it: the same model on two CPUs differs in the 6th decimal, and
# nothing the models say is meaningful that finely. Decisions are taken on the rounded value (``>=``).
SCORE_DECIMALS = 4
# Two stored scores this close are the same score. A value that sits at a rounding boundary can come out one
# step (0.0001) apart on another machine, and confidence, derived from the similarity, a few steps: well under this.
SCORE_TOLERANCE = 1e-3


def stored_scores(values: Any) -> np.ndarray:
    """Scores as records store them and thresholds read them: float64, rounded to ``SCORE_DECIMALS`` (NaN stays)."""
    return np.round(np.asarray(values, dtype=np.float64), SCORE_DECIMALS)


def stored_score(value: float) -> float:
    """One score as records store it (see ``stored_scores``; the same rounding, so scalar and array agree)."""
    return float(stored_scores(float(value)))


def _is_stored_score(value: float) -> bool:
    return math.isfinite(value) and stored_score(value) == value


def same_value(old: Any, new: Any) -> bool:
    """Field values equal, except that two stored scores within ``SCORE_TOLERANCE`` count as equal.

    A float that is not on the stored grid (e.g. a 6-decimal score of an older release) equals only itself, so
    a rebuild that rounds differently is still seen as a records change.
    """
    if isinstance(old, float) and isinstance(new, float):
        if old == new or (math.isnan(old) and math.isnan(new)):
            return True
        both_stored = _is_stored_score(old) and _is_stored_score(new)
        return both_stored and abs(old - new) <= SCORE_TOLERANCE + 1e-12
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(same_value(old[k], new[k]) for k in old)
    if isinstance(old, list | tuple) and isinstance(new, list | tuple):
        return len(old) == len(new) and all(same_value(a, b) for a, b in zip(old, new, strict=True))
    return bool(old == new)


def shallow_dict(record: Any) -> dict[str, Any]:
    """A record's fields as a dict, values as they are: ``asdict`` without its deep copy (a third of the time of
    publishing went into it). Nested records are converted by each ``to_dict`` itself."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def content_id(*parts: str, length: int = 16) -> str:
    """A stable identifier derived from content, so unchanged input keeps its IDs across rebuilds."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True)
class DroppedLine:
    """A line of the page that is not in the article's text, and why (``align.furniture``'s classes)."""

    text: str
    reason: str  # rule, repeated, non_sentence, boilerplate, teaser, caption

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class ArticleRecord:
    """One article of one event, with its boilerplate-free text and the lines dropped from the page."""

    article_id: str
    event_id: str
    source: str
    url: str | None
    published: str | None
    language: str
    title: str | None
    text: str
    sha256: str
    n_sentences: int = 0
    # The dateline that opens the article ("BENGALURU, March 18 (GWS) -"), read as metadata (align/dateline.py).
    # Its prefix stays in ``text``; no sentence starts with it.
    dateline_place: str | None = None
    dateline_date: str | None = None  # ISO date, year resolved from ``published`` or the text
    dateline_agency: str | None = None
    dropped: tuple[DroppedLine, ...] = ()
    file: str = ""  # path relative to the corpus, for error messages; not published

    def to_dict(self) -> dict[str, Any]:
        row = shallow_dict(self)
        row.pop("file")
        row["dropped"] = [d.to_dict() for d in self.dropped]
        return row

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> ArticleRecord:
        """A published row, or a shard's (which also keeps ``file``); dropped lines come back as records (null in
        rows written before align kept them)."""
        dropped = tuple(DroppedLine(**line) for line in row.get("dropped") or ())
        return cls(**{**row, "dropped": dropped})


@dataclass(frozen=True)
class Translation:
    """Provenance of a sentence's English rendering."""

    engine: str
    model: str
    version: str

    def to_dict(self) -> dict[str, str]:
        return shallow_dict(self)

    @classmethod
    def from_dict(cls, row: dict[str, str]) -> Translation:
        return cls(**row)


@dataclass(frozen=True)
class SentenceRecord:
    """One sentence; ``text == article.text[char_start:char_end]`` always holds."""

    sentence_id: str
    article_id: str
    event_id: str
    position: int
    language: str
    text: str
    char_start: int
    char_end: int
    text_en: str | None = None
    translation: Translation | None = None

    def with_translation(self, text_en: str | None, translation: Translation | None) -> SentenceRecord:
        return replace(self, text_en=text_en, translation=translation)

    def to_dict(self) -> dict[str, Any]:
        row = shallow_dict(self)
        row["translation"] = self.translation.to_dict() if self.translation else None
        return row

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> SentenceRecord:
        translation = row.get("translation")
        return cls(**{**row, "translation": Translation.from_dict(translation) if translation else None})


def line_sentence(article_id: str, position: int, language: str, text: str, event_id: str) -> SentenceRecord:
    """A sentence that is its own line of text (offsets 0..len), for callers whose text is already split.

    Tests, benchmarks and users who feed ``link``/``label`` pre-segmented sentences build their records here; the
    id follows the segmenter's rule (article, text, occurrence) with the position standing in for the occurrence.
    """
    return SentenceRecord(
        sentence_id=content_id("sentence", article_id, text, str(position)),
        article_id=article_id,
        event_id=event_id,
        position=position,
        language=language,
        text=text,
        char_start=0,
        char_end=len(text),
    )


@dataclass(frozen=True)
class Evidence:
    """One reason a pair agrees or conflicts: the span on each side and a note a reader can check."""

    kind: str  # number, date, name, entity, negation, substitution, ...
    a: str | None
    b: str | None
    note: str

    def to_dict(self) -> dict[str, Any]:
        return shallow_dict(self)

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> Evidence:
        return cls(**row)


@dataclass(frozen=True)
class PairRecord:
    """A link between two sentences of different articles of one event, with its raw score and label."""

    pair_id: str
    event_id: str
    sentence_id_a: str
    sentence_id_b: str
    article_id_a: str
    article_id_b: str
    language_a: str
    language_b: str
    text_a: str
    text_b: str
    text_en_a: str | None
    text_en_b: str | None
    similarity: float
    label: str = "agree"
    confidence: float = 0.0
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    signature: str = ""
    # Set only when the link stage's NLI re-ranker read the pair: max of P(a entails b), P(b entails a).
    entailment: float | None = None

    def to_dict(self) -> dict[str, Any]:
        row = shallow_dict(self)
        row["evidence"] = [e.to_dict() for e in self.evidence]
        return row

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> PairRecord:
        return cls(**{**row, "evidence": tuple(Evidence.from_dict(e) for e in row["evidence"])})


def pair_id_for(sentence_id_a: str, sentence_id_b: str) -> str:
    """Order-independent pair id: the same two sentences always give the same id."""
    first, second = sorted((sentence_id_a, sentence_id_b))
    return content_id("pair", first, second)


CLAIM_STATUSES: tuple[str, ...] = (
    "contested",
    "consensus",
    "single",
)  # the order a fact-checker reads them in


def claim_id_for(event_id: str, sentence_ids: Iterable[str]) -> str:
    """A claim's id: from its event and its smallest member sentence id, so it survives other members changing."""
    return content_id("claim", event_id, min(sentence_ids))


def claim_status(labels: Iterable[str], n_sources: int) -> str:
    """``contested`` when a link between members conflicts, else ``single`` for one source, else ``consensus``."""
    if any(label == "conflict" for label in labels):
        return "contested"
    return "single" if n_sources <= 1 else "consensus"


@dataclass(frozen=True)
class ClaimConflict:
    """A conflicting link inside a claim: the pair and the kinds of its evidence (number, date, name, ...)."""

    pair_id: str
    kinds: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"pair_id": self.pair_id, "kinds": list(self.kinds)}

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> ClaimConflict:
        return cls(row["pair_id"], tuple(row["kinds"]))


@dataclass(frozen=True)
class ClaimRecord:
    """One reported fact of an event: the sentences that state it, who states it, and whether they disagree.

    ``claim_id`` derives from the event and the smallest member ``sentence_id`` (``align.claims``), so a claim keeps
    its id while that sentence stays in it, whatever else joins or leaves.
    """

    claim_id: str
    event_id: str
    sentence_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    sources: tuple[str, ...]
    languages: tuple[str, ...]
    n_sources: int
    representative_id: str
    text: str
    text_en: str | None
    status: str  # one of CLAIM_STATUSES
    pair_ids: tuple[str, ...]  # the links between members
    conflicts: tuple[ClaimConflict, ...]
    first_published: str | None
    last_published: str | None

    def to_dict(self) -> dict[str, Any]:
        row = asdict(self)
        for name in ("sentence_ids", "article_ids", "sources", "languages", "pair_ids"):
            row[name] = list(row[name])
        row["conflicts"] = [c.to_dict() for c in self.conflicts]
        return row

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> ClaimRecord:
        lists = ("sentence_ids", "article_ids", "sources", "languages", "pair_ids")
        return cls(
            **{
                **row,
                **{name: tuple(row[name]) for name in lists},
                "conflicts": tuple(ClaimConflict.from_dict(c) for c in row["conflicts"]),
            }
        )


@dataclass(frozen=True)
class EventRecords:
    """Everything the stages made of one event: its articles, sentences, pairs and claims."""

    articles: list[ArticleRecord] = field(default_factory=list)
    sentences: list[SentenceRecord] = field(default_factory=list)
    pairs: list[PairRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)

    def to_rows(self) -> list[dict[str, Any]]:
        """JSON-ready ``{"kind", "record"}`` rows, the shard format; articles keep their source file for errors."""
        rows = [{"kind": "article", "record": asdict(a)} for a in self.articles]
        rows += [{"kind": "sentence", "record": s.to_dict()} for s in self.sentences]
        rows += [{"kind": "pair", "record": p.to_dict()} for p in self.pairs]
        rows += [{"kind": "claim", "record": c.to_dict()} for c in self.claims]
        return rows

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, Any]]) -> EventRecords:
        """The inverse of ``to_rows``: the same records, field for field."""
        records = cls()
        readers = {
            "article": (records.articles, ArticleRecord.from_dict),
            "sentence": (records.sentences, SentenceRecord.from_dict),
            "pair": (records.pairs, PairRecord.from_dict),
            "claim": (records.claims, ClaimRecord.from_dict),
        }
        for row in rows:
            kept, read = readers[row["kind"]]
            kept.append(read(row["record"]))  # type: ignore[operator]
        return records
