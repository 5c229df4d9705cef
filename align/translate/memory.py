"""``memory``: a translation memory kept with the event (``translations.tsv`` and any ``*.tmx``), exact match after
whitespace/Unicode normalisation. Provenance names the file and a hash of its bytes."""

from __future__ import annotations

import hashlib
import logging
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from pathlib import Path

from align.cache import normalise_text
from align.config import TranslateConfig
from align.corpus import remove_control_characters
from align.errors import AlignError
from align.records import Translation
from align.translate.base import Translated

log = logging.getLogger(__name__)

MEMORY_TSV = "translations.tsv"
TSV_HEADER = ("source", "english", "note")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TMX_INLINE_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})  # native markup inside <seg>, not text


class MemoryTranslator:
    """Exact-match lookups in a translation memory (normalised source sentence -> English)."""

    def __init__(self, entries: dict[str, Translated] | None = None) -> None:
        self.entries: dict[str, Translated] = dict(entries or {})

    @classmethod
    def from_event_dir(cls, event_dir: Path | None, target_language: str = "en") -> MemoryTranslator:
        """``translations.tsv`` first (the event's curated memory), then ``*.tmx`` files in name order.

        A source sentence found in several files keeps its first translation.
        """
        entries: dict[str, Translated] = {}
        if event_dir is None or not event_dir.is_dir():
            return cls(entries)
        files = [event_dir / MEMORY_TSV] if (event_dir / MEMORY_TSV).is_file() else []
        files += sorted(p for p in event_dir.iterdir() if p.suffix.lower() == ".tmx" and p.is_file())
        for path in files:
            loaded = read_tsv(path) if path.suffix.lower() == ".tsv" else read_tmx(path, target_language)
            provenance = Translation(engine="memory", model=path.name, version=file_version(path))
            removed = 0
            for source, english in loaded.items():
                # As in articles (align.corpus): no terminal escape or bell reaches a record.
                source, in_source = remove_control_characters(source)
                english, in_english = remove_control_characters(english)
                removed += in_source + in_english
                entries.setdefault(normalise_text(source), Translated(" ".join(english.split()), provenance))
            if removed:
                log.warning("%s: removed %d control character(s) from the translation memory", path, removed)
        return cls(entries)

    @classmethod
    def from_config(cls, config: TranslateConfig, event_dir: Path | None) -> MemoryTranslator:
        return cls.from_event_dir(event_dir, config.target_language)

    @staticmethod
    def configured_signature(config: TranslateConfig) -> str:
        return "memory"

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def signature(self) -> str:
        return "memory"

    def translate_batch(self, texts: Sequence[str], source_language: str) -> list[Translated | None]:
        return [self.entries.get(normalise_text(text)) for text in texts]


def file_version(path: Path) -> str:
    """The version of a memory file: a sha256 prefix of its bytes, so edits show in the provenance."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _decode_utf8(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise AlignError(path, f"not UTF-8 text (byte 0x{data[exc.start]:02x})", line) from None


def read_tsv(path: Path) -> dict[str, str]:
    """``source<TAB>english[<TAB>note]`` lines -> {normalised source: English}.

    Blank lines and ``#`` comments are skipped; a ``source english note`` header line is allowed. A line with
    another column count, an empty column or a second, different English for the same source is an AlignError.
    """
    memory: dict[str, str] = {}
    first_line: dict[str, int] = {}
    seen_content = False
    # Newlines only: str.splitlines also breaks at U+2028 and friends, which may sit inside a sentence.
    for number, raw in enumerate(_decode_utf8(path).split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = line.split("\t")
        if not seen_content and tuple(c.strip().lower() for c in columns) in (TSV_HEADER, TSV_HEADER[:2]):
            seen_content = True
            continue
        seen_content = True
        if len(columns) not in (2, 3):
            problem = f"expected 2 or 3 tab-separated columns (source, english, note), got {len(columns)}"
            raise AlignError(path, problem, number)
        source, english = normalise_text(columns[0]), " ".join(columns[1].split())
        if not source or not english:
            raise AlignError(path, f"empty {'source' if not source else 'english'} column", number)
        if source in memory and memory[source] != english:
            raise AlignError(
                path, f"a different English for the same source sentence as line {first_line[source]}", number
            )
        memory.setdefault(source, english)
        first_line.setdefault(source, number)
    return memory


def _tmx_segment_text(segment: ElementTree.Element) -> str:
    """Text of a <seg>, without the native markup codes TMX allows inside it."""
    parts = [segment.text or ""]
    for child in segment:
        if child.tag not in TMX_INLINE_CODES:
            parts.append(_tmx_segment_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _primary_language(tag: str | None) -> str:
    return (tag or "").split("-")[0].split("_")[0].lower()


def read_tmx(path: Path, target_language: str = "en") -> dict[str, str]:
    """TMX (translation memory exchange) -> {normalised source: English}.

    Each <tu> with a <tuv> in the target language maps every other <tuv>'s <seg> to it. TMX memories often
    hold alternatives for one source: the first wins.
    """
    try:  # the parser honours the XML declaration: TMX tools often write UTF-16
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as exc:
        raise AlignError(path, f"not valid TMX (XML error: {exc.msg})", exc.position[0]) from None
    if root.tag != "tmx":
        raise AlignError(path, f"not a TMX file (root element <{root.tag}>, expected <tmx>)")
    memory: dict[str, str] = {}
    for unit in root.iter("tu"):
        variants = []
        for variant in unit.iter("tuv"):
            language = _primary_language(variant.get(XML_LANG) or variant.get("lang"))
            segment = variant.find("seg")
            if segment is not None:
                variants.append((language, " ".join(_tmx_segment_text(segment).split())))
        english = next((text for language, text in variants if language == target_language and text), None)
        if english is None:
            continue
        for language, text in variants:
            if language != target_language and text:
                memory.setdefault(normalise_text(text), english)
    return memory
