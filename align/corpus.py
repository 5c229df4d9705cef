"""corpus stage: read one event's articles (text or HTML), clean boilerplate, identify the language.

Layout: ``<corpus>/<event_id>/`` holds ``*.txt`` / ``*.html`` articles, an optional ``manifest.jsonl`` (one JSON
object per file, see ``schema/manifest.schema.json``) and an optional ``translations.tsv`` (read by translate).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from align.config import CorpusConfig
from align.dateline import dateline_of
from align.errors import AlignError
from align.language import detect_language
from align.records import ArticleRecord, content_id
from align.validation import errors_in

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
MANIFEST_NAME = "manifest.jsonl"
# Bullets and list markers at the start of a line are layout, not text.
LEADING_BULLETS = re.compile(r"^[\s•·▪●◦\-–—*]+(?=\S)")
WHITESPACE_RUN = re.compile(r"\s{2,}")
# C0 and C1 control characters and DEL, except tab, newline and carriage return: terminal escapes (ESC), bells,
# form feeds. Never text, and an ESC published in a dataset or a report is an attack on whoever prints it.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Those that stand for a break between lines (str.splitlines breaks at them) become a newline; the rest go.
LINE_BREAK_CONTROLS = frozenset("\x0b\x0c\x1c\x1d\x1e\x85")
# In a file name these make error messages and logs lie about what they name.
NAME_CONTROL_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})


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
        # Runs of whitespace become one space first: a pattern starting with \s* (pic.twitter.com's) would try
        # every position of a long run again, which is quadratic (minutes for a 1 MB run of spaces).
        line = WHITESPACE_RUN.sub(" ", line)
        for pattern in self.inline:
            line = pattern.sub("", line)
        line = LEADING_BULLETS.sub("", line)
        return re.sub(r"[ \t\u00a0\u200b]+", " ", line).strip()


def remove_control_characters(text: str) -> tuple[str, int]:
    """``text`` without control characters (line-break controls become newlines), and how many there were."""
    return CONTROL_CHARACTERS.subn(lambda m: "\n" if m.group() in LINE_BREAK_CONTROLS else "", text)


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
    """The article files of an event directory, by name; a name holding a control character is an AlignError."""
    files = sorted(p for p in event_dir.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    for path in files:
        check_name(path.name, event_dir)
    return files


def check_name(name: str, parent: Path) -> None:
    """Refuse a file or directory name with a control character or line separator (one line naming it)."""
    if any(unicodedata.category(ch) in NAME_CONTROL_CATEGORIES for ch in name):
        raise AlignError(parent, f"file name {name!r} holds a control character or line break; rename it")


def check_inside_corpus(path: Path, corpus_dir: Path, config: CorpusConfig) -> None:
    """Refuse a path that a symlink takes outside ``corpus_dir``, unless ``corpus.follow_symlinks`` is on.

    Symlinks that stay inside the corpus are fine; the corpus directory itself may be a symlink.
    """
    if config.follow_symlinks:
        return
    target = path.resolve()
    if not target.is_relative_to(corpus_dir.resolve()):
        raise AlignError(
            path,
            f"symlink leads outside the corpus (to {target}); inputs are read only from inside the corpus "
            "(set corpus.follow_symlinks = true to read it)",
        )


def check_event_inputs(event_dir: Path, corpus_dir: Path, config: CorpusConfig) -> None:
    """Every file an event may read or hash (articles, manifest, translation memories, anything beneath) stays
    inside the corpus, and its articles have printable names and at most ``corpus.max_article_bytes``; checked
    before any of them is read."""
    check_name(event_dir.name, corpus_dir)
    check_inside_corpus(event_dir, corpus_dir, config)
    for folder, directories, names in os.walk(event_dir):  # does not descend into symlinked directories
        for name in [*directories, *names]:
            path = Path(folder) / name
            if path.is_symlink():
                check_inside_corpus(path, corpus_dir, config)
    for path in event_files(event_dir):
        size = path.stat().st_size
        if size > config.max_article_bytes:
            raise AlignError(
                path,
                f"article is {size:,} bytes, above corpus.max_article_bytes ({config.max_article_bytes:,}); "
                "split it, or raise the limit in the config",
            )


def read_event(
    event_dir: Path, config: CorpusConfig, rules: BoilerplateRules | None = None
) -> list[ArticleRecord]:
    """All articles of one event, cleaned, with language; identical files are kept once (warning or error).

    The corpus is ``event_dir``'s parent: no input is read through a symlink leading out of it (unless
    ``corpus.follow_symlinks``), and no article above ``corpus.max_article_bytes`` is read at all.
    """
    rules = rules or BoilerplateRules.from_config(config)
    event_id = event_dir.name
    check_event_inputs(event_dir, event_dir.parent, config)
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
    # Control characters go before anything else sees the text; ``sha256`` stays the hash of the raw bytes.
    body, removed = remove_control_characters(_read_utf8(path))
    if not body.strip():
        raise AlignError(path, "article file is empty")
    found: dict[str, str | None] = {}
    if path.suffix.lower() in (".html", ".htm"):
        body, found = _html_to_text(body, path)
    text = clean_text(body, rules)
    if not text:
        raise AlignError(path, "article holds nothing but boilerplate")
    entry = entry or ManifestEntry(file=path.name)
    title, source = entry.title or found.get("title"), entry.source or found.get("source")
    title, in_title = remove_control_characters(title) if title else (title, 0)
    source, in_source = remove_control_characters(source) if source else (source, 0)
    if removed + in_title + in_source:
        log.warning(
            "%s: removed %d control character(s) (terminal escapes, bells, form feeds) from its text and metadata",
            path,
            removed + in_title + in_source,
        )
    language = entry.language or detect_language(
        text, config.candidate_languages, fallback=None, min_script_ratio=config.min_script_ratio
    )
    if language is None:
        raise AlignError(path, "could not identify the language; give it in manifest.jsonl")
    published = entry.published or _iso_date_or_none(found.get("published"))
    dateline = dateline_of(text, published, config)
    return ArticleRecord(
        article_id=content_id("article", event_id, path.name),
        event_id=event_id,
        source=source or path.stem,
        url=entry.url or found.get("url"),
        published=published,
        language=language,
        title=title,
        text=text,
        sha256=sha256,
        dateline_place=dateline.place if dateline else None,
        dateline_date=dateline.date if dateline else None,
        dateline_agency=dateline.agency if dateline else None,
        file=str(path),
    )


def _iso_date_or_none(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None


def list_events(corpus_dir: Path, config: CorpusConfig | None = None) -> list[Path]:
    """Event directories of a corpus, in a stable order; an empty or missing corpus is an error.

    Every event's inputs are checked here, before anything hashes or reads them (``check_event_inputs``):
    nothing outside the corpus is read through a symlink unless ``corpus.follow_symlinks``.
    """
    config = config or CorpusConfig()
    if not corpus_dir.exists():
        raise AlignError(corpus_dir, "corpus directory does not exist")
    if not corpus_dir.is_dir():
        raise AlignError(corpus_dir, "corpus path is not a directory")
    events = sorted(p for p in corpus_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not events:
        raise AlignError(
            corpus_dir, "corpus directory holds no event directories (expected <corpus>/<event_id>/)"
        )
    for event_dir in events:
        check_event_inputs(event_dir, corpus_dir, config)
    return events
