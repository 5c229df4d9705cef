"""corpus stage: read one event's articles (text or HTML), clean boilerplate, identify the language.

Layout: ``<corpus>/<event_id>/`` holds ``*.txt`` / ``*.html`` articles, an optional ``manifest.jsonl`` (one JSON
object per file, see ``schema/manifest.schema.json``) and an optional ``translations.tsv`` (read by translate).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from align.config import CorpusConfig
from align.errors import AlignError
from align.language import detect_language
from align.records import ArticleRecord, content_id
from align.validation import errors_in

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
MANIFEST_NAME = "manifest.jsonl"
# Bullets and list markers at the start of a line are layout, not text.
LEADING_BULLETS = re.compile(r"^[\s•·▪●◦\-–—*]+(?=\S)")


@dataclass(frozen=True)
class ManifestEntry:
    file: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class BoilerplateRules:
    """Compiled cleaning rules; built once per build from config."""

    lines: tuple[re.Pattern[str], ...]
    inline: tuple[re.Pattern[str], ...]

    @classmethod
    def from_config(cls, config: CorpusConfig) -> BoilerplateRules:
        patterns = (*config.boilerplate_lines, *config.extra_boilerplate_lines)
        try:
            lines = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
            inline = tuple(re.compile(p, re.IGNORECASE) for p in config.inline_junk)
        except re.error as exc:
            raise AlignError("config", f"bad boilerplate pattern {exc.pattern!r}: {exc}") from None
        return cls(lines, inline)

    def is_boilerplate(self, line: str) -> bool:
        return any(p.fullmatch(line) for p in self.lines)

    def clean_line(self, line: str) -> str:
        for pattern in self.inline:
            line = pattern.sub("", line)
        line = LEADING_BULLETS.sub("", line)
        return re.sub(r"[ \t\u00a0\u200b]+", " ", line).strip()


def clean_text(raw: str, rules: BoilerplateRules) -> str:
    """Drop boilerplate lines and blank lines; one paragraph (or headline, or list item) per line."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    kept = []
    for line in text.split("\n"):
        line = rules.clean_line(line)
        if line and not rules.is_boilerplate(line):
            kept.append(line)
    return "\n".join(kept)


def _check_date(value: str | None, where: Path, line: int) -> None:
    if value is None:
        return
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise AlignError(where, f'"published" is not a valid ISO 8601 date, got {value!r}', line) from None


def read_manifest(event_dir: Path) -> dict[str, ManifestEntry]:
    """Manifest entries by file name; every line is validated against the manifest schema."""
    path = event_dir / MANIFEST_NAME
    if not path.exists():
        return {}
    entries: dict[str, ManifestEntry] = {}
    for number, line in enumerate(_read_utf8(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data: Any = json.loads(line)
        except json.JSONDecodeError as exc:
            raise AlignError(path, f"not valid JSON: {exc.msg}", number) from None
        if not isinstance(data, dict):
            raise AlignError(path, "each line must be a JSON object", number)
        problems = errors_in("manifest", data)
        if problems:
            raise AlignError(path, _manifest_problem(problems[0], data), number)
        _check_date(data.get("published"), path, number)
        if not (event_dir / data["file"]).is_file():
            raise AlignError(path, f"names a file that does not exist: {data['file']}", number)
        if data["file"] in entries:
            raise AlignError(path, f"lists {data['file']} twice", number)
        entries[data["file"]] = ManifestEntry(**data)
    return entries


def _manifest_problem(problem: str, data: dict[str, Any]) -> str:
    field_name = problem.split(":", 1)[0]
    if field_name == "language":
        return f'"language" must be an ISO 639-1 code, got {data.get("language")!r}'
    if field_name == "published":
        return f'"published" must be an ISO 8601 date, got {data.get("published")!r}'
    return problem


def _read_utf8(path: Path) -> str:
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise AlignError(path, "is a binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AlignError(path, f"is not UTF-8 (byte {exc.start})") from None


def _html_to_text(html: str, path: Path) -> tuple[str, dict[str, str | None]]:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text:
        raise AlignError(path, "HTML holds no article text that could be extracted")
    meta = trafilatura.extract_metadata(html)
    found = (
        {"title": meta.title, "published": meta.date, "url": meta.url, "source": meta.sitename}
        if meta
        else {}
    )
    return text, found


def event_files(event_dir: Path) -> list[Path]:
    return sorted(p for p in event_dir.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


def read_event(
    event_dir: Path, config: CorpusConfig, rules: BoilerplateRules | None = None
) -> list[ArticleRecord]:
    """All articles of one event, cleaned, with language; identical files are kept once (warning or error)."""
    rules = rules or BoilerplateRules.from_config(config)
    event_id = event_dir.name
    manifest = read_manifest(event_dir)
    files = event_files(event_dir)
    if not files:
        raise AlignError(event_dir, "event directory holds no .txt or .html articles")
    articles: list[ArticleRecord] = []
    seen: dict[str, str] = {}
    for path in files:
        raw = path.read_bytes()
        sha256 = hashlib.sha256(raw).hexdigest()
        if sha256 in seen:
            message = f"has the same content as {seen[sha256]}"
            if config.duplicate_files == "error":
                raise AlignError(path, message)
            log.warning("%s: %s; kept %s only", path, message, seen[sha256])
            continue
        seen[sha256] = path.name
        articles.append(read_article(path, event_id, sha256, manifest.get(path.name), config, rules))
    return articles


def read_article(
    path: Path,
    event_id: str,
    sha256: str,
    entry: ManifestEntry | None,
    config: CorpusConfig,
    rules: BoilerplateRules,
) -> ArticleRecord:
    body = _read_utf8(path)
    if not body.strip():
        raise AlignError(path, "article file is empty")
    found: dict[str, str | None] = {}
    if path.suffix.lower() in (".html", ".htm"):
        body, found = _html_to_text(body, path)
    text = clean_text(body, rules)
    if not text:
        raise AlignError(path, "article holds nothing but boilerplate")
    entry = entry or ManifestEntry(file=path.name)
    language = entry.language or detect_language(
        text, config.candidate_languages, fallback=None, min_script_ratio=config.min_script_ratio
    )
    if language is None:
        raise AlignError(path, "could not identify the language; give it in manifest.jsonl")
    published = entry.published or _iso_date_or_none(found.get("published"))
    return ArticleRecord(
        article_id=content_id("article", event_id, path.name),
        event_id=event_id,
        source=entry.source or found.get("source") or path.stem,
        url=entry.url or found.get("url"),
        published=published,
        language=language,
        title=entry.title or found.get("title"),
        text=text,
        sha256=sha256,
        file=str(path),
    )


def _iso_date_or_none(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None


def list_events(corpus_dir: Path) -> list[Path]:
    """Event directories of a corpus, in a stable order; an empty or missing corpus is an error."""
    if not corpus_dir.exists():
        raise AlignError(corpus_dir, "corpus directory does not exist")
    if not corpus_dir.is_dir():
        raise AlignError(corpus_dir, "corpus path is not a directory")
    events = sorted(p for p in corpus_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not events:
        raise AlignError(
            corpus_dir, "corpus directory holds no event directories (expected <corpus>/<event_id>/)"
        )
    return events
