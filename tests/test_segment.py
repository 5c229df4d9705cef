from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from align.config import BuildConfig
from align.records import ArticleRecord
from align.segment import segment_article, sentence_spans

CONFIG = BuildConfig()


def split(line: str) -> list[str]:
    return [line[s:e] for s, e in sentence_spans(line)]


def article(text: str, language: str = "en") -> ArticleRecord:
    return ArticleRecord("0" * 16, "e", "src", None, None, language, None, text, "0" * 64)


def test_versions_decimals_and_titles_are_not_sentence_ends() -> None:
    assert split("Last week it launched Opus 4.6 as its new model. Then it raised 3.5 billion.") == [
        "Last week it launched Opus 4.6 as its new model.",
        "Then it raised 3.5 billion.",
    ]
    assert split("In 2020, Dr. Timnit Gebru left Google. The debate began.") == [
        "In 2020, Dr. Timnit Gebru left Google.",
        "The debate began.",
    ]


def test_english_and_french_abbreviations_initials_and_urls() -> None:
    assert split("J. K. Rowling met Mr. Smith at 5 p.m. yesterday. See example.com/a.b for more.") == [
        "J. K. Rowling met Mr. Smith at 5 p.m. yesterday.",
        "See example.com/a.b for more.",
    ]
    assert split("M. Dupont a vu Mme Durand, cf. p. 4 du rapport. Elle est partie.") == [
        "M. Dupont a vu Mme Durand, cf. p. 4 du rapport.",
        "Elle est partie.",
    ]


def test_moses_prefixes_for_the_article_language_and_numbers_only_abbreviations() -> None:
    hindi = "डॉ. टिमनिट गेब्रू ने Google छोड़ा। श्री. शर्मा ने इस्तीफा दिया। बहस शुरू हुई।"
    assert [s.text for s in segment_article(article(hindi, "hi"), CONFIG.corpus)] == [
        "डॉ. टिमनिट गेब्रू ने Google छोड़ा।",
        "श्री. शर्मा ने इस्तीफा दिया।",
        "बहस शुरू हुई।",
    ]
    english = "He said no. Then he left No. 10 Downing St. at noon. The Op. 27 sonata is short. It was a con. Then more."
    assert [s.text for s in segment_article(article(english, "en"), CONFIG.corpus)] == [
        "He said no.",  # "no" holds on only to a number
        "Then he left No. 10 Downing St. at noon.",
        "The Op. 27 sonata is short.",  # Moses' "Op", matched as written ...
        "It was a con.",  # ... so "con." still ends a sentence
        "Then more.",
    ]


def test_hindi_danda_glued_and_full_stop_standing_for_danda() -> None:
    line = "वह यहां था।एंथ्रोपिक ने कहा। मेरा आखिरी दिन 9 फरवरी होगा.धन्यवाद।"
    assert split(line) == ["वह यहां था।", "एंथ्रोपिक ने कहा।", "मेरा आखिरी दिन 9 फरवरी होगा.", "धन्यवाद।"]


def test_quotes_stay_with_their_sentence_and_questions_split() -> None:
    assert split("उन्होंने लिखा, “मैंने इस्तीफा दे दिया।” क्या यह सच है? हाँ!") == [
        "उन्होंने लिखा, “मैंने इस्तीफा दे दिया।”",
        "क्या यह सच है?",
        "हाँ!",
    ]


def test_headlines_and_list_items_are_sentences_of_their_own() -> None:
    text = "Headline without a full stop\nFirst item,\nSecond item. And more."
    sentences = segment_article(article(text), CONFIG.corpus)
    assert [s.text for s in sentences] == [
        "Headline without a full stop",
        "First item,",
        "Second item.",
        "And more.",
    ]
    assert [s.position for s in sentences] == [0, 1, 2, 3]


def test_numbered_list_marker_is_not_a_sentence() -> None:
    assert split("1. First step of the plan") == ["1. First step of the plan"]


def test_sentence_ids_depend_on_content_not_position() -> None:
    before = segment_article(article("Intro sentence.\nThe world is in danger."), CONFIG.corpus)
    after = segment_article(article("A different intro, longer.\nThe world is in danger."), CONFIG.corpus)
    assert before[1].sentence_id == after[1].sentence_id
    assert before[0].sentence_id != after[0].sentence_id


texts = st.text(alphabet=st.sampled_from(list("ab cD.!?।…\"“”'\n 4.6 Dr. मृणांक। ")), min_size=0, max_size=200)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_offsets_round_trip_on_any_text(text: str) -> None:
    cleaned = "\n".join(line.strip() for line in text.split("\n") if line.strip())
    if not cleaned:
        return
    for s in segment_article(article(cleaned), CONFIG.corpus):
        assert cleaned[s.char_start : s.char_end] == s.text
        assert s.text == s.text.strip() and s.text


# --- initials and numbers never end a sentence, in every script (issue 14, item 3)


def test_latin_initials_glued_or_spaced_never_end_a_sentence() -> None:
    assert split("U.B. Pravin Rao, the interim CEO, spoke. S.R. Prakash Rao and A. K. Bhandari left.") == [
        "U.B. Pravin Rao, the interim CEO, spoke.",
        "S.R. Prakash Rao and A. K. Bhandari left.",
    ]
    assert split("M. Siminoff a parlé. J. Aubertin, qui dirige P.N. Industries, aussi.") == [
        "M. Siminoff a parlé.",
        "J. Aubertin, qui dirige P.N. Industries, aussi.",
    ]


def test_devanagari_initials_never_end_a_sentence_in_any_article() -> None:
    text = "के.वी. सुधीर नायर ने कहा। एम. के. गांधी का जन्म हुआ। यू.बी. प्रसाद राव और आई.के. गुजराल आए।"
    expected = ["के.वी. सुधीर नायर ने कहा।", "एम. के. गांधी का जन्म हुआ।", "यू.बी. प्रसाद राव और आई.के. गुजराल आए।"]
    for language in ("hi", "en"):  # a Hindi quote in an English article keeps its initials too
        assert [s.text for s in segment_article(article(text, language), CONFIG.corpus)] == expected
    # Syllable abbreviations: छत्तीसगढ़, प्राइवेट लिमिटेड.
    assert split("छ.ग. में बारिश हुई। रायपुर प्रा. लि. ने कहा।") == ["छ.ग. में बारिश हुई।", "रायपुर प्रा. लि. ने कहा।"]


def test_devanagari_decimals_and_clock_times_never_end_a_sentence() -> None:
    assert split("शेयर ४.३ फीसदी गिरकर ₹१,४८६.२० पर बंद हुआ। टीम ने ३:००.४८ का समय निकाला।") == [
        "शेयर ४.३ फीसदी गिरकर ₹१,४८६.२० पर बंद हुआ।",
        "टीम ने ३:००.४८ का समय निकाला।",
    ]


def test_a_full_stop_standing_for_a_danda_still_ends_a_sentence_after_a_short_word() -> None:
    assert split("यह सच है.ये बात सबको पता है। वह आई. फिर चली गई।") == [
        "यह सच है.",
        "ये बात सबको पता है।",
        "वह आई.",
        "फिर चली गई।",
    ]
