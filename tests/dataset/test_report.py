"""The HTML report and the labels chart: self-contained, deterministic, and working in a real headless browser.

The browser tests run Debian's chromium (``apt-get install chromium``) with ``--dump-dom``: the page's script marks
``<html data-report-status="ready">`` when it has rendered and writes any error into the page, so the dumped DOM
shows whether the script ran, and what it built.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from align.cli import app
from align.dataset.chart import labels_chart_svg, labels_per_language_pair, write_chart
from align.dataset.check import check_dataset
from align.dataset.content import Publication
from align.dataset.report import render_report, report_data, write_report_file
from tests.small_dataset import CARD, SmallDataset, seedlike, write_dataset

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def chromium() -> str | None:
    explicit = os.environ.get("ALIGN_CHROMIUM")
    if explicit:
        return explicit
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


needs_chromium = pytest.mark.skipif(
    chromium() is None, reason="no chromium binary found (apt-get install chromium, or set ALIGN_CHROMIUM)"
)


def browse(
    page: Path, profile: Path, fragment: str = "", screenshot: Path | None = None
) -> lxml_html.HtmlElement:
    """Load ``page`` in headless chromium, offline; return the DOM after the page's script ran."""
    browser = chromium()
    assert browser is not None
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1400,900",
    ]
    url = page.resolve().as_uri() + fragment
    if screenshot is not None:
        subprocess.run(
            [browser, *flags, f"--screenshot={screenshot}", url], capture_output=True, timeout=60, check=True
        )
    dumped = subprocess.run([browser, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=60)
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    return lxml_html.fromstring(dumped.stdout)


def texts(dom: lxml_html.HtmlElement, xpath: str) -> list[str]:
    return [node.text_content() for node in dom.xpath(xpath)]


def has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def test_report_is_deterministic_and_self_contained(tmp_path: Path) -> None:
    content = seedlike().content()
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    release = write_dataset(content, tmp_path / "ds")
    publication = Publication(content, release, CARD, dt.date.today(), "")
    for directory in (first, second):
        write_report_file(publication, directory)
        write_chart(publication, directory)
    for name in ("report.html", "labels.svg"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
    page = (first / "report.html").read_text()
    dom = lxml_html.fromstring(page)
    assert not dom.xpath("//script[@src] | //link | //img[@src] | //iframe | //object")
    assert not re.search(r"url\(|@import", "".join(texts(dom, "//style")))
    policy = dom.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert policy and policy[0].startswith("default-src 'none'")
    assert len(dom.xpath("//header//svg")) == 1  # the chart is inline


def test_embedded_data_cannot_break_out_of_its_script_element() -> None:
    data = seedlike()
    hostile = "</script><script>alert(1)</script> & <!-- {{DATA}}"
    data.article("hostile", "en", [hostile], source="Hostile")
    page = render_report(data.content(), None, "t")
    dom = lxml_html.fromstring(page)
    embedded = dom.xpath("//script[@id='align-data']")[0].text
    assert "</" not in embedded and "<!--" not in embedded
    assert hostile in [s["text"] for s in json.loads(embedded)["sentences"]]
    assert len(dom.xpath("//script")) == 2  # the data and the page's own script, nothing injected


def test_report_data_references_records_by_index() -> None:
    content = seedlike().content()
    data = report_data(content, None, "t")
    assert len(data["pairs"]) == len(content.pairs) and len(data["sentences"]) == len(content.sentences)
    assert [p["label"] for p in data["pairs"]][:2] == ["conflict", "conflict"]  # conflicts first
    for pair in data["pairs"]:
        a, b = data["sentences"][pair["a"]], data["sentences"][pair["b"]]
        original = next(p for p in content.pairs if p["pair_id"] == pair["id"])
        assert (a["id"], b["id"]) == (original["sentence_id_a"], original["sentence_id_b"])
    (event,) = data["events"]
    assert sorted(data["articles"][i]["language"] for i in event["articles"]) == ["en", "fr", "hi"]
    assert all(p["entailment"] is None for p in data["pairs"])  # no re-ranker in this build
    reranked = dataclasses.replace(content, pairs=[{**content.pairs[0], "entailment": 0.8123456}])
    assert report_data(reranked, None, "t")["pairs"][0]["entailment"] == 0.8123


def test_labels_chart_counts_each_language_pair() -> None:
    content = seedlike().content()
    counts = labels_per_language_pair(content.pairs)
    assert {k: dict(v) for k, v in counts.items()} == {
        "en-fr": {"agree": 1, "conflict": 2},
        "en-hi": {"agree": 2},
    }
    svg = ET.fromstring(labels_chart_svg(labels_per_language_pair(content.pairs)))
    labels = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "en-fr" in labels and "1 agree · 2 conflict" in labels and "2 agree · 0 conflict" in labels
    bars = [
        r
        for r in svg.iter("{http://www.w3.org/2000/svg}rect")
        if r.find("{http://www.w3.org/2000/svg}title") is not None
    ]
    assert [b.find("{http://www.w3.org/2000/svg}title").text for b in bars] == [
        "en-fr agree: 1",
        "en-fr conflict: 2",
        "en-hi agree: 2",
    ]
    empty = ET.fromstring(labels_chart_svg({}))
    assert "no pairs yet" in [t.text for t in empty.iter("{http://www.w3.org/2000/svg}text")]


def test_report_command_writes_outside_the_dataset_only(tmp_path: Path) -> None:
    dataset = tmp_path / "ds"
    write_dataset(seedlike().content(), dataset)
    runner = CliRunner()
    written = runner.invoke(app, ["report", str(dataset), "-o", str(tmp_path / "out" / "r.html")])
    assert written.exit_code == 0, written.stderr
    assert (tmp_path / "out" / "r.html").read_bytes() == (dataset / "report.html").read_bytes()
    inside = runner.invoke(app, ["report", str(dataset), "-o", str(dataset / "report.html")])
    assert inside.exit_code == 2 and "would break its SHA256SUMS" in inside.stderr
    assert check_dataset(dataset) == []
    missing = runner.invoke(app, ["report", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "dataset directory does not exist" in missing.stderr


@needs_chromium
def test_report_renders_in_a_browser_with_conflicts_and_evidence(tmp_path: Path) -> None:
    data = seedlike()
    dataset = tmp_path / "ds"
    write_dataset(data.content(), dataset)
    screenshot = tmp_path / "report.png"
    dom = browse(dataset / "report.html", tmp_path / "profile", screenshot=screenshot)

    assert dom.get("data-report-status") == "ready", texts(dom, "//*[@id='report-error']")
    assert dom.xpath("//*[@id='report-error']/@hidden")
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # Articles side by side: one column per article, every sentence rendered with its English text.
    assert len(dom.xpath(f"//div[{has_class('column')}]")) == 3
    assert len(dom.xpath(f"//div[{has_class('sent')}]")) == len(data.sentences)
    assert "His letter was seen 5 million times." in texts(
        dom, f"//div[{has_class('sent')}]/div[{has_class('en')}]"
    )
    # Conflict pairs are listed in their own colour class, by id.
    conflicts = sorted(p["pair_id"] for p in data.pairs if p["label"] == "conflict")
    rows = dom.xpath(f"//div[{has_class('pair-row')} and {has_class('conflict')}]/@data-pair-id")
    assert sorted(rows) == conflicts
    assert len(dom.xpath(f"//div[{has_class('pair-row')}]")) == len(data.pairs)
    # Evidence spans are marked on both sides, in the original texts.
    marks = texts(
        dom, f"//div[{has_class('sent')} and {has_class('conflict')}]//mark[{has_class('ev-conflict')}]"
    )
    assert sorted(marks) == sorted(["2 million", "5 millions", "poetry", "philosophie"])
    assert texts(dom, "//*[@id='shown']") == ["showing 5 of 5 pairs in this event (2 conflict)"]


@needs_chromium
def test_report_opens_a_pair_from_the_address_and_applies_filters(tmp_path: Path) -> None:
    data = seedlike()
    dataset = tmp_path / "ds"
    write_dataset(data.content(), dataset)
    views = data.pairs[1]  # the en/fr conflict over the view count
    assert views["label"] == "conflict"

    dom = browse(dataset / "report.html", tmp_path / "profile", f"#pair={views['pair_id']}")

    assert dom.get("data-report-status") == "ready", texts(dom, "//*[@id='report-error']")
    detail = dom.xpath(f"//*[@id='detail']/div[{has_class('pair-detail')}]")[0]
    assert detail.get("data-pair-id") == views["pair_id"]
    assert texts(detail, ".//tr[@data-kind='number']/td") == [
        "number",
        "2 million",
        "5 millions",
        "view count differs",
    ]
    assert texts(detail, f".//div[{has_class('side-a')}]//mark") == ["2 million"]
    # Evidence is marked where it occurs: "5 millions" is in the French text, not in its English rendering.
    assert texts(detail, f".//div[{has_class('side-b')}]//mark") == ["5 millions"]
    selected = dom.xpath(f"//div[{has_class('sent')} and {has_class('selected')}]/@id")
    partners = dom.xpath(f"//div[{has_class('sent')} and {has_class('partner-conflict')}]/@id")
    assert selected == [f"s-{views['sentence_id_a']}"] and partners == [f"s-{views['sentence_id_b']}"]
    assert len(dom.xpath("//*[@id='links']/*[local-name()='path']")) == 1  # the connector between the two

    agree_only = browse(dataset / "report.html", tmp_path / "profile", "#label=agree&languages=en-hi")
    rows = agree_only.xpath(f"//div[{has_class('pair-row')}]")
    assert len(rows) == 2 and all("agree" in row.get("class").split() for row in rows)
    assert not agree_only.xpath(f"//div[{has_class('sent')} and {has_class('conflict')}]")
    assert texts(agree_only, "//*[@id='shown']") == ["showing 2 of 5 pairs in this event (0 conflict)"]


@needs_chromium
def test_report_of_a_dataset_without_pairs_or_articles_renders(tmp_path: Path) -> None:
    no_pairs = seedlike()
    no_pairs.pairs.clear()
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "report.html").write_text(render_report(no_pairs.content(), None, "no pairs"))
    dom = browse(tmp_path / "a" / "report.html", tmp_path / "profile")
    assert dom.get("data-report-status") == "ready", texts(dom, "//*[@id='report-error']")
    assert texts(dom, f"//*[@id='pair-list']/p[{has_class('empty')}]") == ["No pairs in this dataset yet."]
    assert len(dom.xpath(f"//div[{has_class('sent')}]")) == len(no_pairs.sentences)

    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "report.html").write_text(render_report(SmallDataset().content(), None, "nothing"))
    empty = browse(tmp_path / "b" / "report.html", tmp_path / "profile")
    assert empty.get("data-report-status") == "ready", texts(empty, "//*[@id='report-error']")
    assert texts(empty, "//*[@id='columns']/p") == ["No articles in this dataset."]


@needs_chromium
def test_the_claims_view_lists_claims_by_sources_contested_first_and_opens_one(tmp_path: Path) -> None:
    data = seedlike()
    content = data.content()
    dataset = tmp_path / "ds"
    write_dataset(content, dataset)
    letter = next(c for c in content.claims if c["conflicts"] and c["conflicts"][0]["kinds"] == ["number"])

    dom = browse(dataset / "report.html", tmp_path / "profile", "#view=claims")

    assert dom.get("data-report-status") == "ready", texts(dom, "//*[@id='report-error']")
    assert dom.xpath("//main/@hidden") and not dom.xpath("//*[@id='claims-view']/@hidden")
    assert texts(dom, "//*[@id='claims-table']//th[@class='source']") == ["Journal", "Samachar", "Wire"]
    rows = dom.xpath(f"//tr[{has_class('claim-row')}]")
    assert len(rows) == len(content.claims)
    statuses = [row.xpath(f".//span[{has_class('status')}]")[0].text for row in rows]
    assert statuses == sorted(statuses, key=["contested", "consensus", "single"].index)
    assert statuses[:2] == ["contested", "contested"]
    # Who reports what: the letter's claim is contested by Journal and Wire (the conflict's two sides).
    row = next(r for r in rows if r.get("data-claim-id") == letter["claim_id"])
    cells = {c.get("data-source"): c.get("class").split() for c in row.xpath(".//td[@data-source]")}
    assert "contests" in cells["Journal"] and "contests" in cells["Wire"] and cells["Samachar"] == ["cell"]
    assert not dom.xpath(f"//tr[{has_class('claim-detail')}]")  # closed until chosen

    opened = browse(dataset / "report.html", tmp_path / "profile", f"#claim={letter['claim_id']}")
    assert opened.get("data-report-status") == "ready", texts(opened, "//*[@id='report-error']")
    detail = opened.xpath(f"//tr[{has_class('claim-detail')}]")
    assert len(detail) == 1 and detail[0].get("data-claim-id") == letter["claim_id"]
    members = detail[0].xpath(f".//div[{has_class('member')}]/@data-sentence-id")
    assert sorted(members) == sorted(letter["sentence_ids"])
    assert sorted(texts(detail[0], ".//mark")) == sorted(["2 million", "5 millions"])
    assert texts(detail[0], ".//tr[@data-kind='number']/td") == ["number", "2 million", "5 millions", "view count differs"]
    assert opened.xpath("//*[@id='f-view']/option[@value='claims']")


def whole_dataset_report_data(content, release, title):  # type: ignore[no-untyped-def]
    """The report's data as align 0.6.0 computed it, from every record at once: the oracle the per-event fragments
    (``event_fragments`` + ``assemble_report_data``) must reproduce byte for byte."""
    from align.dataset.claim_table import claim_order
    from align.dataset.summary import language_pair

    articles = sorted(content.articles, key=lambda a: (a["event_id"], a["language"], a["source"], a["article_id"]))
    article_index = {a["article_id"]: i for i, a in enumerate(articles)}
    sentences = sorted(
        (s for s in content.sentences if s["article_id"] in article_index),
        key=lambda s: (article_index[s["article_id"]], s["position"], s["sentence_id"]),
    )
    sentence_index = {s["sentence_id"]: i for i, s in enumerate(sentences)}
    sentences_of: dict = {}
    for i, s in enumerate(sentences):
        sentences_of.setdefault(s["article_id"], []).append(i)
    events: dict = {}
    for i, a in enumerate(articles):
        events.setdefault(a["event_id"], []).append(i)
    pairs = sorted(
        (p for p in content.pairs if p["sentence_id_a"] in sentence_index and p["sentence_id_b"] in sentence_index),
        key=lambda p: (p["label"] != "conflict", -p["confidence"], p["pair_id"]),
    )
    pair_index = {p["pair_id"]: i for i, p in enumerate(pairs)}
    event_index = {event: e for e, event in enumerate(sorted(events))}
    claims = sorted(
        (c for c in content.claims if c["event_id"] in event_index and all(s in sentence_index for s in c["sentence_ids"])),
        key=lambda c: (event_index[c["event_id"]], *claim_order(c)),
    )
    rounded = lambda x: None if x is None else round(float(x), 4)  # noqa: E731
    return {
        "meta": {
            "title": title,
            "version": release.version if release else None,
            "schema_version": release.schema_version if release else None,
            "build_signature": release.build_signature if release else None,
            "content_sha256": release.content_sha256 if release else None,
        },
        "events": [{"id": event, "articles": indices} for event, indices in sorted(events.items())],
        "articles": [
            {"id": a["article_id"], "source": a["source"], "language": a["language"], "title": a["title"],
             "url": a["url"], "published": a["published"], "sentences": sentences_of.get(a["article_id"], [])}
            for a in articles
        ],
        "sentences": [
            {"id": s["sentence_id"], "article": article_index[s["article_id"]], "language": s["language"],
             "text": s["text"], "en": s["text_en"], "engine": (s["translation"] or {}).get("engine")}
            for s in sentences
        ],
        "pairs": [
            {"id": p["pair_id"], "a": sentence_index[p["sentence_id_a"]], "b": sentence_index[p["sentence_id_b"]],
             "languages": language_pair(p["language_a"], p["language_b"]), "label": p["label"],
             "confidence": rounded(p["confidence"]), "similarity": rounded(p["similarity"]),
             "entailment": rounded(p.get("entailment")),
             "evidence": [{"kind": e["kind"], "a": e["a"], "b": e["b"], "note": e["note"]} for e in p["evidence"]]}
            for p in pairs
        ],
        "claims": [
            {"id": c["claim_id"], "event": event_index[c["event_id"]], "status": c["status"], "sources": c["sources"],
             "languages": c["languages"], "members": [sentence_index[s] for s in c["sentence_ids"]],
             "representative": sentence_index[c["representative_id"]] if c["representative_id"] in sentence_index
             else None,
             "conflicts": [pair_index[x["pair_id"]] for x in c["conflicts"] if x["pair_id"] in pair_index],
             "published": [c["first_published"], c["last_published"]]}
            for c in claims
        ],
    }


def copies_of_events(content, copies: int):  # type: ignore[no-untyped-def]
    """``content`` repeated as ``copies`` events (ids suffixed), each with its own pair confidences, so that the
    pairs of different events interleave in the page's order (conflicts first, then by confidence)."""
    from align.dataset.content import DatasetContent

    def renamed(value: str, k: int) -> str:
        return f"{value}-{k}"

    rows: dict = {"articles": [], "sentences": [], "pairs": [], "claims": []}
    for k in range(copies):
        for a in content.articles:
            rows["articles"].append({**a, "event_id": renamed(a["event_id"], k), "article_id": renamed(a["article_id"], k)})
        for s in content.sentences:
            rows["sentences"].append({**s, "event_id": renamed(s["event_id"], k), "article_id": renamed(s["article_id"], k),
                                      "sentence_id": renamed(s["sentence_id"], k)})
        for i, p in enumerate(content.pairs):
            rows["pairs"].append({
                **p, "event_id": renamed(p["event_id"], k), "pair_id": renamed(p["pair_id"], k),
                "sentence_id_a": renamed(p["sentence_id_a"], k), "sentence_id_b": renamed(p["sentence_id_b"], k),
                "article_id_a": renamed(p["article_id_a"], k), "article_id_b": renamed(p["article_id_b"], k),
                "confidence": ((i * 7 + k * 3) % 11) / 11,
                "label": "conflict" if (i + k) % 4 == 0 else p["label"],
            })
        for c in content.claims:
            rows["claims"].append({
                **c, "event_id": renamed(c["event_id"], k), "claim_id": renamed(c["claim_id"], k),
                "sentence_ids": [renamed(s, k) for s in c["sentence_ids"]],
                "representative_id": renamed(c["representative_id"], k),
                "conflicts": [{**x, "pair_id": renamed(x["pair_id"], k)} for x in c["conflicts"]],
            })
    return DatasetContent(**rows)


def test_the_report_from_per_event_fragments_is_the_page_of_the_committed_seed_dataset() -> None:
    """The committed dataset's report.html was rendered from all its records at once (align 0.6.0): the page
    assembled from per-event fragments is byte for byte the same."""
    from align.dataset.content import read_card_metadata, read_content, read_release
    from tests.conftest import ROOT

    dataset = ROOT / "dataset"
    title = str((read_card_metadata(dataset) or {})["pretty_name"])
    page = render_report(read_content(dataset), read_release(dataset), title)
    assert page == (dataset / "report.html").read_text("utf-8")


@pytest.mark.parametrize("copies", [1, 7])
def test_per_event_fragments_give_the_data_of_the_whole_dataset_renderer(copies: int) -> None:
    from align.dataset.content import read_content, read_release
    from align.dataset.report import _script_json
    from tests.conftest import ROOT

    seed = read_content(ROOT / "dataset")
    content = copies_of_events(seed, copies)
    assert len(content.events()) == copies
    release = read_release(ROOT / "dataset")
    expected = whole_dataset_report_data(content, release, "t")
    if copies > 1:  # the pairs of different events interleave in the page's order
        events_in_order = [p["id"].rsplit("-", 1)[1] for p in expected["pairs"]]
        assert events_in_order != sorted(events_in_order)
        assert any(c["conflicts"] for c in expected["claims"])
    assert _script_json(report_data(content, release, "t")) == _script_json(expected)
