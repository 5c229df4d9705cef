"""Hand-made datasets that follow the data contract, for tests of release, diff, hub and report.

Built from a few sentences per article with real offsets and content-derived ids, so every record validates and the
dataset publishes through the real writer; no pipeline, no models.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align.claims import claims
from align.config import ClaimsConfig
from align.dataset.content import (
    EMPTY_CONTENT,
    CardInfo,
    DatasetContent,
    Publication,
    Release,
    current_schema_version,
)
from align.dataset.diff import changelog_entry, compare
from align.dataset.write import write_release
from align.records import ArticleRecord, PairRecord, SentenceRecord, content_id, pair_id_for

SIGNATURE = "align:test|segment:rules-1|mt:memory|link:test|label:test"
CARD = CardInfo(name="tiny", pretty_name="tiny test dataset", license="cc-by-4.0", citation_title="tiny")


@dataclass
class SmallDataset:
    """Add articles and pairs, then ``content()``; ``translations`` maps source text to English."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)
    pairs: list[dict[str, Any]] = field(default_factory=list)

    def article(
        self,
        name: str,
        language: str,
        sentences: list[str],
        event: str = "event-1",
        source: str | None = None,
        english: dict[str, str] | None = None,
    ) -> list[str]:
        """Add one article made of ``sentences`` (one per line); returns their sentence ids in order."""
        article_id = content_id("article", event, name)
        text = "\n".join(sentences)
        ids = []
        start = 0
        for position, sentence in enumerate(sentences):
            sentence_id = content_id("sentence", article_id, sentence)
            if language == "en":
                text_en, translation = sentence, None
            elif english and sentence in english:
                text_en = english[sentence]
                translation = {"engine": "memory", "model": "translations.tsv", "version": "1"}
            else:
                text_en, translation = None, None
            self.sentences.append(
                {
                    "sentence_id": sentence_id,
                    "article_id": article_id,
                    "event_id": event,
                    "position": position,
                    "language": language,
                    "text": sentence,
                    "char_start": start,
                    "char_end": start + len(sentence),
                    "text_en": text_en,
                    "translation": translation,
                }
            )
            ids.append(sentence_id)
            start += len(sentence) + 1
        self.articles.append(
            {
                "article_id": article_id,
                "event_id": event,
                "source": source or name,
                "url": f"https://example.org/{name}",
                "published": "2026-02-10",
                "language": language,
                "title": sentences[0],
                "text": text,
                "sha256": content_id("raw", text, length=16) * 4,
                "n_sentences": len(sentences),
                "dateline_place": None,
                "dateline_date": None,
                "dateline_agency": None,
                "dropped": [],
            }
        )
        return ids

    def pair(
        self,
        sentence_a: str,
        sentence_b: str,
        label: str = "agree",
        evidence: list[dict[str, Any]] | None = None,
        confidence: float = 0.8,
    ) -> str:
        a = next(s for s in self.sentences if s["sentence_id"] == sentence_a)
        b = next(s for s in self.sentences if s["sentence_id"] == sentence_b)
        pair_id = pair_id_for(sentence_a, sentence_b)
        self.pairs.append(
            {
                "pair_id": pair_id,
                "event_id": a["event_id"],
                "sentence_id_a": sentence_a,
                "sentence_id_b": sentence_b,
                "article_id_a": a["article_id"],
                "article_id_b": b["article_id"],
                "language_a": a["language"],
                "language_b": b["language"],
                "text_a": a["text"],
                "text_b": b["text"],
                "text_en_a": a["text_en"],
                "text_en_b": b["text_en"],
                "similarity": 0.9,
                "entailment": None,
                "label": label,
                "confidence": confidence,
                "evidence": evidence or [],
                "signature": SIGNATURE,
            }
        )
        return pair_id

    def content(self, claims_config: ClaimsConfig | None = None) -> DatasetContent:
        """The rows, with the claims the claims stage groups from them (per event, as a build does)."""
        return DatasetContent(
            list(self.articles), list(self.sentences), list(self.pairs), self.claims(claims_config or ClaimsConfig())
        )

    def claims(self, config: ClaimsConfig) -> list[dict[str, Any]]:
        rows = []
        for event in sorted({a["event_id"] for a in self.articles}):
            rows += [
                c.to_dict()
                for c in claims(
                    [SentenceRecord.from_dict(s) for s in self.sentences if s["event_id"] == event],
                    [PairRecord.from_dict(p) for p in self.pairs if p["event_id"] == event],
                    [ArticleRecord.from_dict(a) for a in self.articles if a["event_id"] == event],
                    config,
                )
            ]
        return rows


def evidence(kind: str, a: str, b: str, note: str = "") -> dict[str, Any]:
    return {"kind": kind, "a": a, "b": b, "note": note or f"{a} vs {b}"}


def seedlike(
    fr_letter: str = "Sa lettre a été vue 5 millions de fois.",
    fr_letter_en: str = "His letter was seen 5 million times.",
) -> SmallDataset:
    """One event, three outlets (en, fr, hi); agree and conflict pairs with evidence.

    The French letter sentence decides the second pair: 5 millions conflicts with the English 2 million.
    """
    data = SmallDataset()
    en = data.article(
        "wire",
        "en",
        [
            "Mrinank Sharma resigned from Anthropic on Monday.",
            "His letter was viewed 2 million times.",
            "He plans to study poetry.",
        ],
        source="Wire",
    )
    fr_text = ["Mriyank Sharma a quitté Anthropic lundi.", fr_letter, "Il veut étudier la philosophie."]
    fr = data.article(
        "journal",
        "fr",
        fr_text,
        source="Journal",
        english={
            fr_text[0]: "Mriyank Sharma left Anthropic on Monday.",
            fr_text[1]: fr_letter_en,
            fr_text[2]: "He wants to study philosophy.",
        },
    )
    hi_text = ["मृणांक शर्मा ने सोमवार को इस्तीफा दिया।", "उनका पत्र 20 लाख बार देखा गया।"]
    hi = data.article(
        "samachar",
        "hi",
        hi_text,
        source="Samachar",
        english={
            hi_text[0]: "Mrinank Sharma resigned on Monday.",
            hi_text[1]: "His letter was seen 2 million times.",
        },
    )
    data.pair(en[0], fr[0], "agree", [evidence("date", "Monday", "lundi", "same day")], 0.9)
    if "5 millions" in fr_letter:
        data.pair(
            en[1],
            fr[1],
            "conflict",
            [evidence("number", "2 million", "5 millions", "view count differs")],
            0.85,
        )
    else:
        data.pair(en[1], fr[1], "agree", [], 0.8)
    data.pair(
        en[2], fr[2], "conflict", [evidence("substitution", "poetry", "philosophie", "field of study")], 0.6
    )
    data.pair(en[0], hi[0], "agree", [], 0.95)
    data.pair(en[1], hi[1], "agree", [evidence("number", "2 million", "20 लाख", "same number")], 0.7)
    return data


def write_dataset(
    content: DatasetContent, out: Path, version: str = "0.1.0", old: DatasetContent | None = None
) -> Release:
    """Publish ``content`` to ``out`` through the real writer, with the report files the card links."""
    release = Release(version, content.digest(), current_schema_version(), SIGNATURE)
    today = dt.date.today()
    entry = changelog_entry(compare(old or EMPTY_CONTENT, content, None, release), content, release, today)
    write_release(Publication(content, release, CARD, today, entry), out)
    return release
