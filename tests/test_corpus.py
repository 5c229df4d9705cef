from __future__ import annotations

import json
from pathlib import Path

import pytest

from align.config import BuildConfig, CorpusConfig
from align.corpus import list_events, read_event
from align.errors import AlignError
from align.segment import segment
from tests.conftest import SEED_EVENT

CONFIG = BuildConfig()
BOILERPLATE = [
    "Forgot password",
    "Leave your vote",
    "GIPHY",
    "READ MORE",
    "Log In",
    "Log in",
    "Privacy Policy",
    "Add to Collection",
    "No Collections",
    "pic.twitter.com",
    "(@MrinankSharma)",
    "विज्ञापन",
    "date 2026",
    "In Xataka",
    "Image |",
    "reset your password",
    "Leave a Comment",
]


@pytest.fixture(scope="module")
def seed() -> tuple[list, list]:
    articles = read_event(SEED_EVENT, CONFIG.corpus)
    return articles, segment(articles, CONFIG.corpus)


def test_seed_has_no_boilerplate_sentence(seed: tuple[list, list]) -> None:
    _, sentences = seed
    for s in sentences:
        for junk in BOILERPLATE:
            assert junk not in s.text, (junk, s.text)


def test_seed_offsets_round_trip_and_key_sentences_unsplit(seed: tuple[list, list]) -> None:
    articles, sentences = seed
    texts = {a.article_id: a.text for a in articles}
    for s in sentences:
        assert texts[s.article_id][s.char_start : s.char_end] == s.text
    assert any("Opus 4.6 नाम का नया मॉडल लॉन्च किया है." in s.text for s in sentences)
    assert any(
        s.text == "2020 में Dr. Timnit Gebru के Google छोड़ने के बाद भी AI नैतिकता पर बहस छिड़ी थी।"
        for s in sentences
    )


def test_seed_languages_per_article_and_sentence(seed: tuple[list, list]) -> None:
    articles, sentences = seed
    assert sorted(a.language for a in articles) == ["en", "fr", "hi", "hi", "hi"]
    by_text = {s.text: s.language for s in sentences}
    assert by_text["Today is my last day at Anthropic."] == "en"
    assert (
        by_text["I’ll be moving back to the UK and letting myself become invisible for a period of time."]
        == "en"
    )
    # Code-mixed Hindi with English names stays Hindi.
    assert by_text["Anthropic के Safeguards रिसर्च हेड मृणांक शर्मा ने इस्तीफा देकर लेटर लिखा, जो वायरल है."] == "hi"
    hindi = {a.article_id for a in articles if a.language == "hi"}
    hindi_sentences = [s for s in sentences if s.article_id in hindi]
    assert sum(s.language == "hi" for s in hindi_sentences) >= 0.9 * len(hindi_sentences)
    assert all(s.language == "fr" for s in sentences if s.article_id not in hindi and "Mriyank" in s.text)


def test_seed_sha256_is_of_the_raw_file(seed: tuple[list, list]) -> None:
    import hashlib

    articles, _ = seed
    for a in articles:
        assert a.sha256 == hashlib.sha256(Path(a.file).read_bytes()).hexdigest()


def test_language_detected_when_manifest_is_silent(make_event) -> None:
    corpus = make_event({"a.txt": "Le monde est en danger, a-t-il écrit dans sa lettre publiée hier soir."})
    [article] = read_event(corpus / "event-1", CONFIG.corpus)
    assert article.language == "fr"
    assert article.source == "a"


def test_html_goes_through_an_extractor(make_event) -> None:
    html = (
        "<html><head><title>Sharma quits</title></head><body><nav>Home | World | Log in</nav>"
        "<article><h1>Sharma quits Anthropic</h1><p>Mrinank Sharma, who led the safeguards research team at "
        "Anthropic, announced on Monday that he had resigned from the company after two years.</p>"
        "<p>He said the world is in danger and that he wants to study poetry in the United Kingdom.</p></article>"
        "<footer>Privacy Policy</footer></body></html>"
    )
    corpus = make_event({"a.html": html})
    [article] = read_event(corpus / "event-1", CONFIG.corpus)
    assert "resigned from the company" in article.text
    assert "Privacy Policy" not in article.text and "<p>" not in article.text


def test_user_extends_boilerplate_rules(make_event) -> None:
    corpus = make_event({"a.txt": "Real news sentence about the event here.\nSponsored: buy now\n"})
    config = CorpusConfig(extra_boilerplate_lines=(r"sponsored:.*",))
    [article] = read_event(corpus / "event-1", config)
    assert article.text == "Real news sentence about the event here."


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"a.txt": ""}, "a.txt: article file is empty"),
        ({"a.txt": "   \n\n"}, "a.txt: article file is empty"),
        ({"a.txt": "caf\xe9 au lait".encode("latin-1")}, "a.txt: is not UTF-8"),
        ({"a.txt": b"\x00\x01\x02binary"}, "a.txt: is a binary file"),
        (
            {"a.txt": "ok text here.", "manifest.jsonl": "{not json\n"},
            "manifest.jsonl line 1: not valid JSON",
        ),
        (
            {"a.txt": "ok text here.", "manifest.jsonl": json.dumps({"file": "b.txt"}) + "\n"},
            "manifest.jsonl line 1: names a file that does not exist: b.txt",
        ),
        (
            {
                "a.txt": "ok text here.",
                "manifest.jsonl": json.dumps({"file": "a.txt", "language": "Hindi"}) + "\n",
            },
            "manifest.jsonl line 1: \"language\" must be an ISO 639-1 code, got 'Hindi'",
        ),
        (
            {
                "a.txt": "ok text here.",
                "manifest.jsonl": json.dumps({"file": "a.txt", "published": "2026-02-30"}) + "\n",
            },
            'manifest.jsonl line 1: "published" is not a valid ISO 8601 date',
        ),
        (
            {
                "a.txt": "ok text here.",
                "manifest.jsonl": json.dumps({"file": "a.txt", "published": "yesterday"}) + "\n",
            },
            'manifest.jsonl line 1: "published" must be an ISO 8601 date',
        ),
        ({"manifest.jsonl": ""}, "event directory holds no .txt or .html articles"),
    ],
)
def test_bad_input_is_one_clear_error(make_event, files: dict, message: str) -> None:
    corpus = make_event(files)
    with pytest.raises(AlignError) as caught:
        read_event(corpus / "event-1", CONFIG.corpus)
    assert message in caught.value.message
    assert "\n" not in caught.value.message


def test_identical_files_warn_and_keep_one_or_error(make_event, caplog: pytest.LogCaptureFixture) -> None:
    corpus = make_event({"a.txt": "Same text in two files.", "b.txt": "Same text in two files."})
    articles = read_event(corpus / "event-1", CONFIG.corpus)
    assert [Path(a.file).name for a in articles] == ["a.txt"]
    assert "b.txt: has the same content as a.txt" in caplog.text
    with pytest.raises(AlignError, match="b.txt: has the same content as a.txt"):
        read_event(corpus / "event-1", CorpusConfig(duplicate_files="error"))


def test_missing_or_empty_corpus(tmp_path: Path) -> None:
    with pytest.raises(AlignError, match="corpus directory does not exist"):
        list_events(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(AlignError, match="holds no event directories"):
        list_events(tmp_path / "empty")
