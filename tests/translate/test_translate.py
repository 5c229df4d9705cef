"""translate stage: identity, translation memory (TSV, TMX), real argos on a tiny model, the cache."""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from align.cache import ContentCache
from align.config import TranslateConfig, config_from_dict
from align.errors import AlignError
from align.records import SentenceRecord, Translation, content_id
from align.translate import TranslatorChain, build_translator, summarise, translate
from align.translate import argos_packages as models
from align.translate.argos import CACHE_NAMESPACE, ArgosTranslator
from align.translate.cached import CachedTranslator
from align.translate.memory import MemoryTranslator, read_tmx, read_tsv
from align.validation import errors_in
from tests.argos_fixture import shared_tiny_argosmodel

HINDI = (
    "एंथ्रोपिक के सुरक्षा शोध प्रमुख ने इस्तीफा दिया।",
    "उन्होंने कहा कि दुनिया खतरे में है।",
    "कंपनी ने बयान जारी किया।",
)
ENGLISH = "The head of safeguards research resigned on Monday."
FRENCH = "L'entreprise a publié un communiqué."


def sentence(text: str, language: str, position: int = 0) -> SentenceRecord:
    article_id = content_id("article", language)
    return SentenceRecord(
        sentence_id=content_id(article_id, str(position), text),
        article_id=article_id,
        event_id="event",
        position=position,
        language=language,
        text=text,
        char_start=0,
        char_end=len(text),
    )


def records(*items: tuple[str, str]) -> list[SentenceRecord]:
    return [sentence(text, language, position) for position, (text, language) in enumerate(items)]


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_tiny_argosmodel(tmp_path_factory)


@pytest.fixture
def packages_dir(tiny_model: Path, tmp_path: Path) -> Path:
    directory = tmp_path / "packages"
    models.install_file(tiny_model, directory)
    return directory


def config(tmp_path: Path, **changes: object) -> TranslateConfig:
    base = TranslateConfig(
        packages_dir=str(tmp_path / "packages"), cache_dir=str(tmp_path / "cache"), argos_threads=1
    )
    return replace(base, **changes)


# --- identity and memory ------------------------------------------------------------------------------------


def test_english_sentences_are_their_own_translation(tmp_path: Path) -> None:
    translator = build_translator(config(tmp_path, backends=("identity",)), None)
    [result] = translate(records((ENGLISH, "en")), translator)
    assert result.text_en == ENGLISH
    assert result.translation == Translation("identity", "", "")
    assert translator.signature == "mt:identity"


def write_tsv(event_dir: Path, text: str) -> Path:
    event_dir.mkdir(parents=True, exist_ok=True)
    path = event_dir / "translations.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_memory_tsv_matches_after_normalisation(tmp_path: Path) -> None:
    event_dir = tmp_path / "event"
    path = write_tsv(
        event_dir,
        "# reviewed by hand\n"
        "source\tenglish\tnote\n"
        f"{HINDI[0]}\tAnthropic's head of safety research resigned.\tchecked\n"
        "\n"
        f"{FRENCH}\tThe company published a statement.\n",
    )
    translator = build_translator(config(tmp_path, backends=("identity", "memory")), event_dir)
    # Extra spaces and a decomposed (NFD) spelling are the same sentence.
    spaced = "  " + HINDI[0].replace(" ", "   ") + " "
    decomposed = unicodedata.normalize("NFD", FRENCH)
    assert decomposed != FRENCH
    out = translate(records((spaced, "hi"), (decomposed, "fr"), (ENGLISH, "en")), translator)
    assert [s.text_en for s in out] == [
        "Anthropic's head of safety research resigned.",
        "The company published a statement.",
        ENGLISH,
    ]
    version = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    assert out[0].translation == Translation("memory", "translations.tsv", version)
    assert out[2].translation is not None and out[2].translation.engine == "identity"
    assert translator.signature == "mt:identity+memory"


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="hi" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="test"
          creationtoolversion="1" o-tmf="none"/>
  <body>
    <tu>
      <tuv xml:lang="hi-IN"><seg>{hi0}</seg></tuv>
      <tuv xml:lang="en-US">
        <seg>Anthropic's <bpt i="1">&lt;b&gt;</bpt>safety<ept i="1">&lt;/b&gt;</ept> lead quit.</seg>
      </tuv>
    </tu>
    <tu>
      <tuv xml:lang="fr"><seg>{fr}</seg></tuv>
      <tuv xml:lang="en"><seg>The company published a statement.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="hi"><seg>{hi2}</seg></tuv>
      <tuv xml:lang="de"><seg>Das Unternehmen gab eine Erklärung ab.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_memory_tmx_reads_units_with_an_english_variant(tmp_path: Path) -> None:
    event_dir = tmp_path / "event"
    event_dir.mkdir()
    tmx = event_dir / "reviewed.tmx"
    tmx.write_text(TMX.format(hi0=HINDI[0], fr=FRENCH, hi2=HINDI[2]), encoding="utf-8")
    memory = read_tmx(tmx)
    assert memory == {HINDI[0]: "Anthropic's safety lead quit.", FRENCH: "The company published a statement."}

    translator = build_translator(config(tmp_path, backends=("memory",)), event_dir)
    out = translate(records((HINDI[0] + "  ", "hi"), (FRENCH, "fr"), (HINDI[2], "hi")), translator)
    assert [s.text_en for s in out] == [
        "Anthropic's safety lead quit.",
        "The company published a statement.",
        None,
    ]
    assert out[1].translation == Translation(
        "memory", "reviewed.tmx", hashlib.sha256(tmx.read_bytes()).hexdigest()[:12]
    )
    assert out[2].translation is None


def test_tmx_in_utf16_is_read(tmp_path: Path) -> None:
    path = tmp_path / "exported.tmx"
    text = TMX.format(hi0=HINDI[0], fr=FRENCH, hi2=HINDI[2]).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path.write_bytes(text.encode("utf-16"))
    assert read_tmx(path)[FRENCH] == "The company published a statement."


def test_tsv_entries_win_over_tmx(tmp_path: Path) -> None:
    event_dir = tmp_path / "event"
    write_tsv(event_dir, f"{HINDI[0]}\tFrom the TSV.\n")
    (event_dir / "a.tmx").write_text(TMX.format(hi0=HINDI[0], fr=FRENCH, hi2=HINDI[2]), encoding="utf-8")
    memory = MemoryTranslator.from_event_dir(event_dir)
    [first, french] = memory.translate_batch([HINDI[0], FRENCH], "hi")
    assert (
        first is not None
        and first.text_en == "From the TSV."
        and first.translation.model == "translations.tsv"
    )
    assert french is not None and french.translation.model == "a.tmx"


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        (f"source\tenglish\n{HINDI[0]}\tone\ttwo\tthree\n", 2, "expected 2 or 3 tab-separated columns"),
        (f"# comment\n{HINDI[0]} without a tab\n", 2, "got 1"),
        (f"{HINDI[0]}\t \n", 1, "empty english column"),
        (f"{HINDI[0]}\tOne.\n{HINDI[1]}\tTwo.\n{HINDI[0]}  \tAnother.\n", 3, "as line 1"),
    ],
)
def test_malformed_tsv_names_file_and_line(content: str, line: int, problem: str, tmp_path: Path) -> None:
    path = write_tsv(tmp_path / "event", content)
    with pytest.raises(AlignError) as error:
        read_tsv(path)
    assert error.value.line == line and problem in error.value.problem
    assert str(error.value).startswith(f"{path} line {line}: ")


def test_non_utf8_tsv_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "translations.tsv"
    path.write_bytes(b"ok\tfine\n" + "café\tcoffee\n".encode("latin-1"))
    with pytest.raises(AlignError, match=r"translations.tsv line 2: not UTF-8 text"):
        build_translator(config(tmp_path, backends=("memory",)), tmp_path)


def test_broken_tmx_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.tmx"
    path.write_text('<tmx version="1.4">\n<body>\n<tu><tuv xml:lang="hi"><seg>x</tuv></tu>\n</body></tmx>\n')
    with pytest.raises(AlignError, match=r"broken.tmx line 3: not valid TMX"):
        read_tmx(path)
    latin1 = b'<tmx version="1.4"><body><tu><tuv xml:lang="fr"><seg>caf\xe9</seg></tuv></tu></body></tmx>'
    path.write_bytes(latin1)  # declared (by default) UTF-8, written Latin-1
    with pytest.raises(AlignError, match=r"broken.tmx line 1: not valid TMX"):
        read_tmx(path)
    path.write_text("<html><body/></html>")
    with pytest.raises(AlignError, match="not a TMX file"):
        read_tmx(path)


# --- configuration ------------------------------------------------------------------------------------------


def test_unknown_backend_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(AlignError, match="translate.backends: unknown backend 'google'"):
        build_translator(config(tmp_path, backends=("identity", "google")), None)
    with pytest.raises(AlignError, match="translate.backends"):
        config_from_dict({"translate": {"backends": ["identity", "google"]}})
    with pytest.raises(AlignError, match="listed twice"):
        build_translator(config(tmp_path, backends=("memory", "memory")), None)


# --- missing language pairs ---------------------------------------------------------------------------------


def test_missing_pair_warns_once_and_leaves_text_en_empty(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    translator = build_translator(config(tmp_path), None)
    with caplog.at_level(logging.WARNING, logger="align.translate"):
        out = translate(records((HINDI[0], "hi"), (ENGLISH, "en"), (HINDI[1], "hi")), translator)
    assert [s.text_en for s in out] == [None, ENGLISH, None]
    assert [s.translation for s in out][0::2] == [None, None]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "2 hi sentence(s)" in warnings[0] and "`align models install hi en`" in warnings[0]


def test_missing_pair_with_require_is_an_error(tmp_path: Path) -> None:
    translator = build_translator(config(tmp_path, require=True), tmp_path)
    with pytest.raises(
        AlignError, match=r"1 fr sentence\(s\) have no English translation.*align models install fr en"
    ):
        translate(records((ENGLISH, "en"), (FRENCH, "fr")), translator)


def test_require_is_met_when_the_memory_covers_every_sentence(tmp_path: Path) -> None:
    event_dir = tmp_path / "event"
    write_tsv(event_dir, f"{FRENCH}\tThe company published a statement.\n")
    translator = build_translator(config(tmp_path, require=True), event_dir)
    out = translate(records((FRENCH, "fr")), translator)
    assert out[0].text_en == "The company published a statement."


def test_without_argos_the_advice_names_the_backend_setting(tmp_path: Path) -> None:
    translator = build_translator(config(tmp_path, backends=("identity",), require=True), None)
    with pytest.raises(AlignError, match="add 'argos' to \\[translate\\] backends"):
        translate(records((FRENCH, "fr")), translator)


# --- the argos backend, on a tiny real model ----------------------------------------------------------------


def argos_parts(translator: TranslatorChain) -> tuple[CachedTranslator, ArgosTranslator]:
    [cached] = [backend for name, backend in translator.backends if name == "argos"]
    assert isinstance(cached, CachedTranslator) and isinstance(cached.inner, ArgosTranslator)
    return cached, cached.inner


def test_argos_translates_through_the_installed_package(packages_dir: Path, tmp_path: Path) -> None:
    translator = build_translator(config(tmp_path), None)
    inputs = records((HINDI[0], "hi"), (ENGLISH, "en"), (HINDI[1], "hi"), (HINDI[2], "hi"), (HINDI[0], "hi"))
    out = translate(inputs, translator)

    assert [s.sentence_id for s in out] == [s.sentence_id for s in inputs]
    assert [s.text for s in out] == [s.text for s in inputs]
    hindi = [s for s in out if s.language == "hi"]
    assert all(isinstance(s.text_en, str) and s.text_en for s in hindi)
    assert {s.translation for s in hindi} == {Translation("argos", "translate-hi_en", "1.1")}
    assert out[0].text_en == out[4].text_en  # same sentence, same translation
    assert out[1].text_en == ENGLISH
    _, argos = argos_parts(translator)
    assert argos.sentences_translated == 3  # the repeated sentence went to the model once
    assert argos.loaded_models == ["hi"]
    assert translator.signature == "mt:identity+argos(hi-en:1.1)"
    summary = summarise(out)
    assert summary.by_engine == {"argos": 4, "identity": 1} and summary.untranslated == 0
    assert [errors_in("sentence", s.to_dict()) for s in out] == [[]] * len(out)


def test_batched_and_one_by_one_agree(packages_dir: Path) -> None:
    argos = ArgosTranslator(packages_dir, threads=1)
    batched = argos.translate_batch(list(HINDI), "hi")
    singles = [argos.translate_batch([text], "hi")[0] for text in HINDI]
    assert batched == singles
    assert argos.translate_batch(list(HINDI), "fr") == [None, None, None]
    assert argos.model_for("fr") is None and argos.model_for("en") is None


def test_rebuild_translates_nothing_that_did_not_change(packages_dir: Path, tmp_path: Path) -> None:
    inputs = records(*((text, "hi") for text in HINDI))
    first = translate(inputs, build_translator(config(tmp_path), None))

    rebuild = build_translator(config(tmp_path), None)
    second = translate(inputs, rebuild)
    cached, argos = argos_parts(rebuild)
    assert argos.sentences_translated == 0
    assert argos.loaded_models == []  # metadata gives the cache keys; the model itself is never loaded
    assert cached.cache.hits == 3
    assert second == first
    assert rebuild.signature == "mt:argos(hi-en:1.1)"  # provenance is kept for cached output too

    changed = build_translator(config(tmp_path), None)
    translate([*inputs, sentence("मृणांक शर्मा ने पत्र साझा किया।", "hi", 9)], changed)
    assert argos_parts(changed)[1].sentences_translated == 1


def test_a_corrupted_cache_entry_is_recomputed_and_rewritten(packages_dir: Path, tmp_path: Path) -> None:
    inputs = records(*((text, "hi") for text in HINDI))
    translator = build_translator(config(tmp_path), None)
    first = translate(inputs, translator)
    key = argos_parts(translator)[0].key(Translation("argos", "translate-hi_en", "1.1"), "hi", HINDI[1])
    cache = ContentCache(tmp_path / "cache", CACHE_NAMESPACE)
    assert cache.get(key) is not None
    cache.put(key, b"\xff\x00 not json")

    rebuild = build_translator(config(tmp_path), None)
    second = translate(inputs, rebuild)
    assert argos_parts(rebuild)[1].sentences_translated == 1
    assert second == first
    assert CachedTranslator._decode(cache.get(key) or b"") == first[1].text_en


def test_summary_counts_engines_and_untranslated() -> None:
    memory = Translation("memory", "translations.tsv", "abc")
    out = [
        sentence("a", "hi").with_translation("A", memory),
        sentence("b", "hi").with_translation("B", memory),
        sentence("c", "en").with_translation("c", Translation("identity", "", "")),
        sentence("d", "fr"),
    ]
    summary = summarise(out)
    assert (summary.total, summary.by_engine, summary.untranslated) == (4, {"memory": 2, "identity": 1}, 1)
    assert summary.share("memory") == 0.5 and summary.share("argos") == 0.0
    assert str(summary) == "text_en for 4 sentences: 1 identity (25%), 2 memory (50%), 1 untranslated"
