from __future__ import annotations

import json
from pathlib import Path

import pytest

from align.config import BuildConfig, CorpusConfig, config_from_dict
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


# --- inputs stay inside the corpus (symlinks), control characters, file names, article size -----------------------


def test_an_article_symlink_leading_out_of_the_corpus_is_refused_unless_allowed(make_event, tmp_path: Path) -> None:
    secret = tmp_path / "private.txt"
    secret.write_text("Private notes that must never be published in a dataset.", "utf-8")
    corpus = make_event({"a.txt": "A real article sentence about the event."})
    (corpus / "event-1" / "b.txt").symlink_to(secret)
    for refuse in (lambda: list_events(corpus), lambda: read_event(corpus / "event-1", CONFIG.corpus)):
        with pytest.raises(AlignError) as caught:
            refuse()
        assert "b.txt: symlink leads outside the corpus" in caught.value.message
        assert "corpus.follow_symlinks" in caught.value.message and "\n" not in caught.value.message
    allowed = CorpusConfig(follow_symlinks=True)
    assert list_events(corpus, allowed) == [corpus / "event-1"]
    assert any("Private notes" in a.text for a in read_event(corpus / "event-1", allowed))


def test_an_event_directory_or_memory_symlink_leading_out_is_refused(make_event, tmp_path: Path) -> None:
    elsewhere = make_event({"a.txt": "An article that lives outside the corpus."}, corpus=tmp_path / "elsewhere")
    corpus = make_event({"a.txt": "A real article sentence about the event."})
    (corpus / "event-2").symlink_to(elsewhere / "event-1")
    with pytest.raises(AlignError, match="event-2: symlink leads outside the corpus"):
        list_events(corpus)
    (corpus / "event-2").unlink()
    (tmp_path / "memory.tsv").write_text("source\tenglish\n", "utf-8")
    (corpus / "event-1" / "translations.tsv").symlink_to(tmp_path / "memory.tsv")
    with pytest.raises(AlignError, match="translations.tsv: symlink leads outside the corpus"):
        list_events(corpus)


def test_symlinks_inside_the_corpus_are_followed(make_event) -> None:
    corpus = make_event({"a.txt": "A real article sentence about the event."})
    make_event({"b.txt": "Another outlet wrote a sentence about it too."}, event="event-2")
    (corpus / "event-1" / "c.txt").symlink_to(corpus / "event-2" / "b.txt")
    (corpus / "alias").symlink_to(corpus / "event-1")
    assert [e.name for e in list_events(corpus)] == ["alias", "event-1", "event-2"]
    assert sorted(Path(a.file).name for a in read_event(corpus / "alias", CONFIG.corpus)) == ["a.txt", "c.txt"]


def test_symlink_out_of_the_corpus_fails_the_build_with_one_line(make_event, tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "private.txt").write_text("Private notes that must never be published.", "utf-8")
    corpus = make_event({"a.txt": "A real article sentence about the event."})
    (corpus / "event-1" / "b.txt").symlink_to(tmp_path / "private.txt")
    result = subprocess.run(
        [sys.executable, "-m", "align", "build", "--corpus", str(corpus), "--out", str(tmp_path / "ds")],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1
    assert "b.txt: symlink leads outside the corpus" in result.stderr
    assert not (tmp_path / "ds").exists()


def test_control_characters_are_removed_before_anything_reads_the_text(
    make_event, caplog: pytest.LogCaptureFixture
) -> None:
    import hashlib

    raw = "Mrinank Sharma resigned\x1b[31m on Monday.\x07\nHe wrote\x0ca letter\x85to staff.\n".encode()
    corpus = make_event(
        {"a.txt": raw, "manifest.jsonl": json.dumps({"file": "a.txt", "title": "Sharma\x1b quits"}) + "\n"}
    )
    [article] = read_event(corpus / "event-1", CONFIG.corpus)
    assert article.text == "Mrinank Sharma resigned[31m on Monday.\nHe wrote\na letter\nto staff."
    assert article.title == "Sharma quits"
    assert "a.txt: removed 5 control character(s)" in caplog.text
    assert article.sha256 == hashlib.sha256(raw).hexdigest()  # the raw file's bytes, as published
    assert not [s for s in segment([article], CONFIG.corpus) if any(ord(c) < 32 for c in s.text)]


@pytest.mark.parametrize("name", ["a\nb.txt", "bell\x07.txt", "sep\u2028.txt"])
def test_a_file_name_with_a_control_character_is_refused(make_event, name: str) -> None:
    corpus = make_event({"ok.txt": "A real article sentence about the event.", name: "Another real sentence here."})
    for refuse in (lambda: list_events(corpus), lambda: read_event(corpus / "event-1", CONFIG.corpus)):
        with pytest.raises(AlignError) as caught:
            refuse()
        assert f"file name {name!r} holds a control character" in caught.value.message
        assert "\n" not in caught.value.message


def test_an_article_above_the_size_limit_is_refused_before_it_is_read(make_event) -> None:
    corpus = make_event({"a.txt": "A sentence about the event. " * 100, "b.txt": "Short and fine."})
    config = config_from_dict({"corpus": {"max_article_bytes": 1000}}).corpus
    with pytest.raises(AlignError) as caught:
        read_event(corpus / "event-1", config)
    assert caught.value.message.endswith(
        "a.txt: article is 2,800 bytes, above corpus.max_article_bytes (1,000); split it, or raise the limit in "
        "the config"
    )
    with pytest.raises(AlignError, match="above corpus.max_article_bytes"):
        list_events(corpus, config)  # before a build hashes or reads any input
    assert CorpusConfig().max_article_bytes == 2_000_000
    assert len(read_event(corpus / "event-1", CONFIG.corpus)) == 2
    with pytest.raises(AlignError, match="max_article_bytes"):
        config_from_dict({"corpus": {"max_article_bytes": 0}})


def test_whitespace_runs_of_any_kind_become_one_space_before_patterns_run() -> None:
    """Collapsed first, so an inline-junk pattern beginning with \\s* never walks a long run again at each position
    (quadratic); a 100 KB run of spaces cleans like a single one."""
    from align.corpus import BoilerplateRules, clean_text

    rules = BoilerplateRules.from_config(CONFIG.corpus)
    assert clean_text("Sharma  \u2003 resigned\u3000\u3000today pic.twitter.com/abc", rules) == "Sharma resigned today"
    assert clean_text("word" + " " * 100_000 + "word", rules) == "word word"
