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
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from align.config import CorpusConfig
from align.dateline import dateline_of, opens_with_dateline
from align.errors import AlignError
from align.furniture import (
    HEADLINE_WORDS,
    Page,
    RepetitionIndex,
    data_runs,
    is_sentence,
    judge_page,
    line_key,
    split_page,
)
from align.language import detect_language
from align.records import ArticleRecord, content_id
from align.validation import errors_in

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
MANIFEST_NAME = "manifest.jsonl"
# Bullets and list markers at the start of a line are layout, not text.
LEADING_BULLETS = re.compile(r"^[\s•·▪●◦\-–—*]+(?=\S)")
LIST_ITEM = re.compile(r"^\s*[•·▪●◦\-–—*]\s")
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
    # An HTML <aside> outside the article is given to the extractor when at most this share of its text is links.
    max_link_density: float = 0.2
    # A block of an HTML page at least this long (jusText's ``length_low``) that ends as a sentence is a paragraph.
    paragraph_length: int = 70

    @classmethod
    def from_config(cls, config: CorpusConfig) -> BoilerplateRules:
        patterns = (*config.boilerplate_lines, *config.extra_boilerplate_lines)
        try:
            lines = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
            inline = tuple(re.compile(p, re.IGNORECASE) for p in config.inline_junk)
            for pattern in config.staff_credit_lines:  # compiled where they are used; checked here, once
                re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise AlignError("config", f"bad boilerplate pattern {exc.pattern!r}: {exc}") from None
        return cls(lines, inline, config.max_link_density, config.length_low)

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


def page_lines(raw: str, rules: BoilerplateRules) -> list[str]:
    """The non-empty lines of a page, inline junk and leading bullets removed; one paragraph (or headline, or list
    item) per line."""
    return [line for line, _ in listed_lines(raw, rules)]


def listed_lines(raw: str, rules: BoilerplateRules) -> list[tuple[str, bool]]:
    """``page_lines``, each with whether the page showed it as a list item (a bullet or dash before it)."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    lines = []
    for raw_line in text.split("\n"):
        line = rules.clean_line(raw_line)
        if line:
            lines.append((line, bool(LIST_ITEM.match(raw_line))))
    return lines


def clean_text(raw: str, rules: BoilerplateRules) -> str:
    """Drop boilerplate lines (the configured patterns only) and blank lines; one paragraph per line."""
    return "\n".join(line for line in page_lines(raw, rules) if not rules.is_boilerplate(line))


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


@dataclass(frozen=True)
class HtmlBlock:
    """One text block of an HTML page as jusText's paragraph maker sees it, in document order."""

    text: str
    heading: bool  # an <h1>-<h6>
    level: int  # 1 for <h1>, ...; 0 for no heading
    link_density: float
    cell: bool  # a table cell

    @property
    def key(self) -> str:
        return _squeezed(self.text)


HEADING_LEVEL = re.compile(r"\bh(\d)\b")


def html_blocks(html: str) -> list[HtmlBlock]:
    """The text blocks of the HTML in document order (empty when the markup cannot be read).

    jusText's own paragraph maker reads the markup, so a block means what it means to jusText."""
    from justext.core import ParagraphMaker, html_to_dom, preprocessor

    try:
        paragraphs = ParagraphMaker.make_paragraphs(preprocessor(html_to_dom(html)))
    except Exception:  # noqa: BLE001  # the markup only refines the judgement; unparsable markup gives none
        return []
    blocks = []
    for paragraph in paragraphs:
        level = HEADING_LEVEL.search(paragraph.dom_path)
        blocks.append(
            HtmlBlock(
                text=paragraph.text,
                heading=paragraph.is_heading,
                level=int(level.group(1)) if level else 0,
                link_density=paragraph.links_density(),
                cell=bool(re.search(r"\.t[dh]\b", paragraph.dom_path)),
            )
        )
    return blocks


def _html_markup(blocks: list[HtmlBlock]) -> dict[str, tuple[bool, float]]:
    """Per text block of the HTML (whitespace squeezed out): whether it is a heading, and its link density."""
    return {block.key: (block.heading, block.link_density) for block in blocks}


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def with_article_asides_opened(html: str, max_link_density: float = 0.2) -> str:
    """The HTML with every ``<aside>`` that reads as the story's made a plain ``<div>``, and every run of stray list
    items (an ``<li>`` whose parent is no ``<ul>``, ``<ol>`` or ``<menu>``) put in a ``<ul>`` of its own.

    trafilatura removes every ``<aside>`` before it looks for the article, so a fact box the story carries ("The
    landslide at a glance" and its bullets) was lost with the sidebars. An aside inside the article element is the
    article's; one elsewhere (a page without ``<article>``) is opened when it is not mostly links (at most
    ``max_link_density`` of its text: a box of facts, not a "Most read" list of other stories), and stays an aside
    otherwise. trafilatura also reads an ``<li>`` only inside a list, so the items of a box written as bare ``<li>``
    under its heading (which browsers show as bullets) were lost even when the box was opened. The furniture
    judgement then weighs the opened lines like any others (their words, their place beside the story's body). A
    page with neither is returned unchanged, byte for byte."""
    lowered = html.lower()
    if "<aside" not in lowered and "<li" not in lowered:
        return html
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):  # the extractor reports unreadable markup itself
        return html
    opened = [aside for aside in tree.xpath("//aside") if _aside_reads_as_content(aside, max_link_density)]
    stray = tree.xpath("//li[not(parent::ul or parent::ol or parent::menu)]")
    if not opened and not stray:
        return html
    for aside in opened:
        aside.tag = "div"
    for item in stray:
        _list_stray_item(item)
    return lxml.html.tostring(tree, encoding="unicode")


# What a browser lays out as a block of its own, and the inline elements a run of loose items is made of.
BLOCK_TAGS = frozenset(
    "address article aside blockquote dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header "
    "hr li main nav ol p pre section table ul".split()
)
INLINE_ITEM_TAGS = frozenset("a abbr b button cite em i label small span strong time".split())


def with_loose_inline_runs_split(html: str) -> str:
    """The HTML with every run of loose inline elements made a run of blocks, one per element: two or more inline
    elements (``<a>``, ``<span>``, ``<time>`` ...) side by side among the blocks of a container, with nothing but
    spaces between them ("<span class=date>...</span> <a>Facebook</a> <a>X</a> <a>Print</a>" between the standfirst
    and the first paragraph).

    The extractor joins such a run into one line ("Kochi, April 07, 2027 07:30 am IST Facebook X WhatsApp Print"),
    which then holds the date stamp and every share button at once and is judged as one; each element is an item of
    its own (a stamp, a button), and apart each is judged by its own words and links. Inline elements with text
    between them (a sentence with a link in it) are prose and stay as they are; so does a container without blocks.
    A page with no such run is returned unchanged, byte for byte."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):  # the extractor reports unreadable markup itself
        return html
    runs: list[list[Any]] = []
    for parent in tree.iter():
        children = [child for child in parent if isinstance(child.tag, str)]
        if not any(child.tag in BLOCK_TAGS for child in children):
            continue
        run: list[Any] = []
        for child in [*children, None]:
            loose = (
                child is not None
                and child.tag in INLINE_ITEM_TAGS
                and "".join(child.itertext()).strip()
                and not (child.tail or "").strip()
                and (run or not _text_before(child))
            )
            if loose:
                run.append(child)
                continue
            if len(run) >= 2:
                runs.append(run)
            run = []
    if not runs:
        return html
    for run in runs:
        for element in run:
            wrapper = lxml.html.Element("div")
            wrapper.set("data-align-item", "1")
            element.addprevious(wrapper)
            wrapper.append(element)  # moves the element, its (blank) tail with it
    return lxml.html.tostring(tree, encoding="unicode")


def _text_before(element: Any) -> str:
    """The text right before ``element`` inside its parent: its previous sibling's tail, or the parent's text."""
    previous = element.getprevious()
    return ((previous.tail if previous is not None else element.getparent().text) or "").strip()


# An inline style that hides its element: what a paywall script sets on the subscriber part of a story.
HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def with_hidden_article_text_shown(html: str) -> str:
    """The HTML with every element inside ``<article>`` that its inline style (``display:none``,
    ``visibility:hidden``) or a ``hidden`` attribute hides shown like the rest of the article.

    trafilatura leaves hidden elements out, so the subscriber part of a story (``<div class="paywalled"
    style="display:none">`` and its paragraphs, served in the page and shown by a script) was lost: it is the
    article's text as served. Only what sits inside the article element is shown, and the furniture judgement then
    weighs it like any other line, so a hidden menu or label there still goes by its words and links; a hidden
    element outside the article (a modal, a menu drawer) stays out. A page with none is returned unchanged."""
    lowered = html.lower()
    if "<article" not in lowered or ("hidden" not in lowered and "none" not in lowered):
        return html
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):  # the extractor reports unreadable markup itself
        return html
    hidden = [
        element
        for element in tree.xpath("//article//*[@style or @hidden] | //article[@style or @hidden]")
        if element.get("hidden") is not None or HIDING_STYLE.search(element.get("style") or "")
    ]
    if not hidden:
        return html
    for element in hidden:
        element.attrib.pop("hidden", None)
        style = HIDING_STYLE.sub("", element.get("style") or "").strip(" ;")
        if style:
            element.set("style", style)
        else:
            element.attrib.pop("style", None)
    return lxml.html.tostring(tree, encoding="unicode")


def _aside_reads_as_content(aside: Any, max_link_density: float) -> bool:
    """Inside ``<article>``: the article's. Elsewhere: when it holds text and at most ``max_link_density`` of it is
    link text (jusText's measure of a navigation block)."""
    if aside.xpath("ancestor::article"):
        return True
    total = len(_squeezed("".join(aside.itertext())))
    links = sum(len(_squeezed("".join(link.itertext()))) for link in aside.xpath(".//a"))
    return total > 0 and links <= max_link_density * total


def _list_stray_item(item: Any) -> None:
    """Put a stray ``<li>`` in a ``<ul>``: the one its previous sibling already went into, else a new one."""
    import lxml.html

    previous = item.getprevious()
    if (
        previous is not None
        and previous.tag == "ul"
        and previous.get("data-align-stray") == "1"
        and not (previous.tail or "").strip()
    ):
        previous.append(item)
        return
    wrapper = lxml.html.Element("ul")
    wrapper.set("data-align-stray", "1")
    item.addprevious(wrapper)
    wrapper.append(item)


# A row of a table as the extractor writes it ("| Firm orders | 150 AS-220 |"), and the rule under a header row.
TABLE_ROW = re.compile(r"^\|(.*)\|\s*$")
TABLE_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+\s*$")


def table_rows_as_lines(text: str) -> tuple[str, set[str]]:
    """The extracted text with each table row one line of its cells ("Firm orders 150 AS-220"), the header rule
    gone; and those lines, which the furniture judgement weighs as rows of data (like list items), not as lines
    that fail to be sentences."""
    lines, rows = [], set()
    for line in text.split("\n"):
        if TABLE_RULE.match(line):
            continue
        row = TABLE_ROW.match(line)
        if row is not None:
            line = " ".join(cell.strip() for cell in row.group(1).split("|") if cell.strip())
            if not line:
                continue
            rows.add(line)
        lines.append(line)
    return "\n".join(lines), rows


def _html_to_text(
    html: str, path: Path, max_link_density: float = 0.2
) -> tuple[str, dict[str, str | None], set[str]]:
    import trafilatura

    # Tables are part of the extraction: a table of figures in the story's body is its text; the extractor keeps
    # only the tables of the main content, and a table outside the body is judged like any other line.
    text = trafilatura.extract(
        with_article_asides_opened(with_hidden_article_text_shown(html), max_link_density),
        include_comments=False,
        include_tables=True,
        favor_precision=True,
    )
    if not text:
        raise AlignError(path, "HTML holds no article text that could be extracted")
    text, rows = table_rows_as_lines(text)
    meta = trafilatura.extract_metadata(html)
    found = (
        {"title": meta.title, "published": meta.date, "url": meta.url, "source": meta.sitename}
        if meta
        else {}
    )
    return text, found, rows


def with_html_structure(
    listed: list[tuple[str, bool]], blocks: list[HtmlBlock], title: str | None, rules: BoilerplateRules
) -> list[tuple[str, bool]]:
    """The extracted lines of an HTML page (with their list-item flags) with what the extractor left out put back
    where the markup has it:

    - the headline (trafilatura keeps it as metadata, not text) where its ``<h1>`` stands: right above the first
      extracted block below it (a text page starts with its headline, and what stands above it is the site's);
      at the top when the markup does not show it;
    - a crosshead: a heading (``<h2>``-``<h6>``, at most ``HEADLINE_WORDS`` words) that the extractor left out
      (it reads headings only inside an article container, so a page whose blocks sit directly in ``<body>`` lost
      them) and whose neighbours on both sides are blocks it kept, one right after the other, each a block of the
      story: a paragraph (a sentence of at least ``paragraph_length`` characters), a list item ("• ..." or an
      ``<li>``), a table row or a line of data written as lines (``data_runs``: a numbered ranking "1. ...",
      "2. ...", a run of figures or of facts), an item, row or line at most ``max_link_density`` links. Between two blocks of one run
      a heading is the story's subhead, whatever the blocks are; one that opens a box of links, a comment form or
      a newsletter box has no such block under it and stays out.

    The furniture judgement then weighs the lines put back like any others."""
    lines = [line for line, _ in listed]
    at = _block_positions(lines, blocks, rules)
    line_of = {block: number for number, block in enumerate(at) if block is not None}
    extracted = {_squeezed(line) for line in lines}
    before: dict[int, list[str]] = {}  # line number -> lines to put right above it

    def paragraph(number: int) -> bool:
        return is_sentence(lines[number]) and len(lines[number]) >= rules.paragraph_length

    # Data written as lines, which a heading stands over as it does over a list: a numbered run ("1. Pooja Rana
    # (IND) 9'12"48", "2. ...", a ranking in <p>s), runs of figures or facts.
    items = data_runs(lines, [None] * len(lines))

    def story_block(number: int, index: int) -> bool:
        """A kept line that is the story's: a paragraph, or a list item, table row or line of data not made of
        links."""
        return paragraph(number) or (
            (listed[number][1] or blocks[index].cell or number in items)
            and blocks[index].link_density <= rules.max_link_density
        )

    for index, block in enumerate(blocks):
        if not block.heading or block.level < 2 or block.key in extracted or not block.text:
            continue
        if len(block.text.split()) > HEADLINE_WORDS or index == 0 or index + 1 >= len(blocks):
            continue
        above, below = line_of.get(index - 1), line_of.get(index + 1)
        if above is None or below != above + 1:
            continue
        if story_block(above, index - 1) and story_block(below, index + 1):
            before.setdefault(below, []).append(rules.clean_line(block.text))
    if title and not any(line_key(line) == line_key(title) for line in lines):
        before.setdefault(_title_place(at, blocks, title), []).insert(0, rules.clean_line(title))
    lead = _left_out_standfirst(blocks, title, extracted, rules) if title else None
    if lead is not None:
        queue = before.setdefault(next((n for n, b in enumerate(at) if b is not None and b > lead), len(lines)), [])
        under_title = bool(queue) and line_key(queue[0]) == line_key(rules.clean_line(title or ""))
        queue.insert(1 if under_title else 0, rules.clean_line(blocks[lead].text))
    placed: list[tuple[str, bool]] = []
    for number, item in enumerate([*listed, None]):
        placed += [(line, False) for line in before.get(number, []) if line]
        if item is not None:
            placed.append(item)
    return placed


def _left_out_standfirst(
    blocks: list[HtmlBlock], title: str, extracted: set[str], rules: BoilerplateRules
) -> int | None:
    """The block of the standfirst the extractor left out: the heading right under the headline's heading
    (``<h2 class="standfirst">`` under the ``<h1>``) when it reads as a paragraph (a sentence of at least
    ``paragraph_length`` characters, not made of links). trafilatura reads headings only inside an article
    container, so on a flat page (blocks straight in ``<body>``) the standfirst went with the headline, and it has
    no kept block above it to be put back as a crosshead. None when there is none."""
    heading = _headline_heading(blocks, title)
    if heading is None:
        return None
    lead = heading + 1
    if lead >= len(blocks):
        return None
    block = blocks[lead]
    if not block.heading or block.level < 2 or block.key in extracted:
        return None
    if not is_sentence(block.text) or len(block.text) < rules.paragraph_length:
        return None
    return lead if block.link_density <= rules.max_link_density else None


def _block_positions(lines: list[str], blocks: list[HtmlBlock], rules: BoilerplateRules) -> list[int | None]:
    """Per extracted line, the block of the markup it is, in page order (a table row: its first cell; a paragraph
    written as a list item, "• ...": the line without its bullet); None for a line that is no single block (the
    extractor joined or split some)."""
    cleaned = [_squeezed(rules.clean_line(block.text)) for block in blocks]
    positions: list[int | None] = []
    cursor = 0
    for line in lines:
        key = _squeezed(line)
        found = next(
            (
                index
                for index in range(cursor, len(blocks))
                if blocks[index].key == key
                or cleaned[index] == key
                or (blocks[index].cell and blocks[index].key and key.startswith(blocks[index].key))
            ),
            None,
        )
        positions.append(found)
        if found is not None:
            cursor = found + 1
    return positions


def _headline_heading(blocks: list[HtmlBlock], title: str) -> int | None:
    """The block of the headline's heading: of the headings that read as the title, the highest level (``<h1>``
    before ``<h2>``), then the first; None when no heading of the markup is the headline."""
    key = _squeezed(title)
    headings = [index for index, block in enumerate(blocks) if block.heading and block.key == key]
    return min(headings, key=lambda index: (blocks[index].level, index)) if headings else None


def _title_place(at: list[int | None], blocks: list[HtmlBlock], title: str) -> int:
    """Where the headline goes among the extracted lines: above the first one that stands below its heading in the
    markup; 0 when no heading of the markup is the headline."""
    heading = _headline_heading(blocks, title)
    if heading is None:
        return 0
    return next((number for number, block in enumerate(at) if block is not None and block > heading), 0)


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


@dataclass(frozen=True)
class ScrapedPage:
    """One article file as read: its lines before the furniture is judged, and the metadata found for it."""

    path: Path
    sha256: str
    entry: ManifestEntry
    found: dict[str, str | None]
    control_characters: int
    page: Page


def read_event(
    event_dir: Path,
    config: CorpusConfig,
    rules: BoilerplateRules | None = None,
    index: RepetitionIndex | None = None,
) -> list[ArticleRecord]:
    """All articles of one event, cleaned, with language; identical files are kept once (warning or error).

    Page furniture is judged against the whole corpus (``event_dir``'s parent): a line the same source printed
    about another event is the site's, not the story's (``align.furniture``). The corpus is also the boundary:
    no input is read through a symlink leading out of it (unless ``corpus.follow_symlinks``), and no article above
    ``corpus.max_article_bytes`` is read at all. ``index`` is that corpus's ``corpus_repetition``, when the caller
    has it already: a build reads it once, not once per event (that made the corpus stage quadratic in events).
    """
    rules = rules or BoilerplateRules.from_config(config)
    check_event_inputs(event_dir, event_dir.parent, config)
    scraped = scrape_event(event_dir, config, rules, warn=True)
    index = index if index is not None else corpus_repetition(event_dir.parent, config, rules)
    return [article_from(page, index, config) for page in scraped]


def scrape_event(
    event_dir: Path, config: CorpusConfig, rules: BoilerplateRules, warn: bool = False
) -> list[ScrapedPage]:
    """The pages of one event, each file once (a second identical file is a warning, or an error)."""
    manifest = read_manifest(event_dir)
    files = event_files(event_dir)
    if not files:
        raise AlignError(event_dir, "event directory holds no .txt or .html articles")
    pages: list[ScrapedPage] = []
    seen: dict[str, str] = {}
    for path in files:
        stat = path.stat()
        page = _scrape_cached(
            path, stat.st_mtime_ns, stat.st_size, event_dir.name, manifest.get(path.name), rules
        )
        if page.sha256 in seen:
            message = f"has the same content as {seen[page.sha256]}"
            if config.duplicate_files == "error":
                raise AlignError(path, message)
            if warn:
                log.warning("%s: %s; kept %s only", path, message, seen[page.sha256])
            continue
        seen[page.sha256] = path.name
        pages.append(page)
    return pages


@lru_cache(maxsize=4096)
def _scrape_cached(
    path: Path,
    mtime_ns: int,
    size: int,
    event_id: str,
    entry: ManifestEntry | None,
    rules: BoilerplateRules,
) -> ScrapedPage:
    # Keyed by the file's modification time and size too: every event's build reads its sibling events (their
    # lines are evidence), so each file is read and extracted once per process, and again only when it changed.
    return scrape_page(path, event_id, entry, rules)


def scrape_page(
    path: Path, event_id: str, entry: ManifestEntry | None, rules: BoilerplateRules
) -> ScrapedPage:
    """Read one article file: its lines (HTML through trafilatura), which the patterns match, and its metadata."""
    raw = path.read_bytes()
    # Control characters go before anything else sees the text; ``sha256`` stays the hash of the raw bytes.
    body, removed = remove_control_characters(_read_utf8(path))
    if not body.strip():
        raise AlignError(path, "article file is empty")
    found: dict[str, str | None] = {}
    markup: dict[str, tuple[bool, float]] | None = None
    blocks: list[HtmlBlock] = []
    rows: set[str] = set()
    if path.suffix.lower() in (".html", ".htm"):
        body = with_loose_inline_runs_split(body)
        blocks = html_blocks(body)
        markup = _html_markup(blocks)
        body, found, rows = _html_to_text(body, path, rules.max_link_density)
    row_keys = {line_key(rules.clean_line(row)) for row in rows}
    # A table row is shown as an item of the table: weighed like a list item (data where it stands).
    listed = [(line, item or line_key(line) in row_keys) for line, item in listed_lines(body, rules)]
    entry = entry or ManifestEntry(file=path.name)
    title, source = entry.title or found.get("title"), entry.source or found.get("source")
    title, in_title = remove_control_characters(title) if title else (title, 0)
    source, in_source = remove_control_characters(source) if source else (source, 0)
    if markup is not None:
        listed = with_html_structure(listed, blocks, title, rules)
    lines = [line for line, _ in listed]
    page = Page(
        event_id=event_id,
        file=path.name,
        source=source or path.stem,
        title=title,
        lines=tuple(lines),
        rule_hits=tuple(rules.is_boilerplate(line) for line in lines),
        list_items=tuple(item for _, item in listed),
        sha256=hashlib.sha256(raw).hexdigest(),
        source_declared=bool(source),
        markup=None if markup is None else tuple(markup.get(_squeezed(line)) for line in lines),
    )
    return ScrapedPage(path, page.sha256, entry, found, removed + in_title + in_source, page)


def corpus_repetition(corpus_dir: Path, config: CorpusConfig, rules: BoilerplateRules) -> RepetitionIndex:
    """Where each line occurs in the corpus: the evidence for repeated furniture. An event that cannot be read
    adds nothing here (its own build reports why)."""
    pages: list[Page] = []
    for event_dir in sorted(p for p in corpus_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        try:
            check_event_inputs(event_dir, corpus_dir, config)
            pages += [scraped.page for scraped in scrape_event(event_dir, config, rules)]
        except (AlignError, OSError):
            continue
    return RepetitionIndex.of(pages)


def cross_event_evidence_sha256(
    event_dir: Path, config: CorpusConfig, index: RepetitionIndex | None = None
) -> str:
    """Hash of what other events tell about this event's lines ("" when nothing): which lines of its pages the
    same source printed about another event. An event's shard key holds it, so a sibling event that changes
    this event's furniture rebuilds it. ``index``: the corpus's ``corpus_repetition``, read once per build."""
    rules = BoilerplateRules.from_config(config)
    try:
        pages = scrape_event(event_dir, config, rules)
    except AlignError:
        return ""  # the event's own build reports its bad input
    index = index if index is not None else corpus_repetition(event_dir.parent, config, rules)
    digest, found = hashlib.sha256(), False
    for scraped in pages:
        page = scraped.page
        hits = [n for n, line in enumerate(page.lines) if index.other_events_of_source(page, line)]
        found = found or bool(hits)
        digest.update(f"{page.file}\t{hits}\n".encode())
    return digest.hexdigest() if found else ""


def article_from(scraped: ScrapedPage, index: RepetitionIndex, config: CorpusConfig) -> ArticleRecord:
    """The article of one page: its furniture judged and dropped (kept in ``dropped``), its language found."""
    path, page, entry = scraped.path, scraped.page, scraped.entry
    if scraped.control_characters:
        log.warning(
            "%s: removed %d control character(s) (terminal escapes, bells, form feeds) from its text and metadata",
            path,
            scraped.control_characters,
        )
    unruled = "\n".join(line for line, hit in zip(page.lines, page.rule_hits, strict=True) if not hit)
    if not unruled:
        raise AlignError(path, "article holds nothing but boilerplate")
    language = entry.language or detect_language(
        unruled, config.candidate_languages, fallback=None, min_script_ratio=config.min_script_ratio
    )
    if language is None:
        raise AlignError(path, "could not identify the language; give it in manifest.jsonl")
    verdicts = judge_page(page, index, language, config)
    # A paragraph that opens with a dateline is the article's own ("CANNES, May 23" alone on its line, "NEW DELHI:"),
    # however short: its dateline is read as metadata below, so only a rule line is ever dropped there.
    verdicts = [
        None if verdict not in (None, "rule") and opens_with_dateline(line, config) else verdict
        for line, verdict in zip(page.lines, verdicts, strict=True)
    ]
    kept, dropped = split_page(page, verdicts)
    if not kept:
        raise AlignError(path, "article holds nothing but page furniture (see corpus.furniture)")
    if dropped:
        counts = Counter(d.reason for d in dropped)
        log.info(
            "%s: dropped %d line(s) as page furniture (%s)",
            path,
            len(dropped),
            ", ".join(f"{reason} {n}" for reason, n in sorted(counts.items())),
        )
    text = "\n".join(kept)
    published = entry.published or _iso_date_or_none(scraped.found.get("published"))
    dateline = dateline_of(text, published, config, title=page.title)
    return ArticleRecord(
        article_id=content_id("article", page.event_id, path.name),
        event_id=page.event_id,
        source=page.source,
        url=entry.url or scraped.found.get("url"),
        published=published,
        language=language,
        title=page.title,
        text=text,
        sha256=scraped.sha256,
        dateline_place=dateline.place if dateline else None,
        dateline_date=dateline.date if dateline else None,
        dateline_agency=dateline.agency if dateline else None,
        dropped=tuple(dropped),
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
