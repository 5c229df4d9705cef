"""Per-sentence language with the article as prior (issue 14, item 4)."""

from __future__ import annotations

import pytest

from align.config import BuildConfig, SegmentConfig, config_from_dict
from align.errors import AlignError
from align.language import choose_language, sentence_language
from align.records import ArticleRecord
from align.segment import segment_article

CONFIG = BuildConfig()
CANDIDATES = CONFIG.corpus.candidate_languages


def language(text: str, article_language: str) -> str:
    segment = CONFIG.segment
    return sentence_language(
        text,
        article_language,
        CANDIDATES,
        min_odds=segment.language_min_odds,
        min_letters=segment.language_min_letters,
        latin_prior=segment.language_latin_prior,
    )


@pytest.mark.parametrize(
    ("text", "article_language"),
    [
        # Headlines and short lines that lingua alone reads as another language: they keep their article's.
        ("Raghav Menon is out at Vantara.", "en"),  # lingua alone: French
        ("Kaagaz ki Naav wins the Grand Prix.", "en"),  # French
        ("1. The thermal imager", "en"),  # German
        ("Satellite mass: 1,180 kg", "en"),  # German
        ("Vantara Infotech", "en"),  # Spanish
        ("Le lac Onega est", "fr"),  # Portuguese
        ("La diva turque Sezen", "fr"),  # Portuguese
    ],
)
def test_short_lines_keep_their_articles_language(text: str, article_language: str) -> None:
    assert language(text, article_language) == article_language


@pytest.mark.parametrize(
    ("text", "article_language", "expected"),
    [
        # The script says so: at once, however short.
        ("मृणांक शर्मा ने इस्तीफा दिया।", "en", "hi"),
        ("Cyclone Tejal: ओडिशा में तबाही, 6 की मौत", "fr", "hi"),
        ("I resigned.", "hi", "en"),  # Latin script in a Hindi article: English unless lingua is sure
        ("AMP", "hi", "en"),  # lingua alone: Italian
        # The detector is confident on enough text.
        ("La Cour suprême a validé vendredi une loi de l'État du Kerala sur les centres de soutien scolaire.", "en", "fr"),
        ("The Supreme Court on Friday upheld a Kerala law regulating private coaching centres.", "fr", "en"),
        ("La Cour suprême a validé vendredi une loi de l'État du Kerala sur les centres de soutien scolaire.", "hi", "fr"),
    ],
)
def test_language_switches_when_script_or_confident_detection_says_so(
    text: str, article_language: str, expected: str
) -> None:
    assert language(text, article_language) == expected


def test_choose_language_applies_odds_and_length_in_one_place() -> None:
    confidences = [("fr", 0.7), ("en", 0.2), ("de", 0.1)]
    assert choose_language("en", confidences, 30, min_odds=3.0, min_letters=10) == "fr"  # 0.7 >= 3 x 0.2
    assert choose_language("en", confidences, 30, min_odds=4.0, min_letters=10) == "en"
    assert choose_language("en", confidences, 9, min_odds=3.0, min_letters=10) == "en"  # too few letters
    assert choose_language("fr", confidences, 30, min_odds=100.0, min_letters=0) == "fr"  # already the prior


def test_segment_config_sets_the_thresholds() -> None:
    article = ArticleRecord("0" * 16, "e", "src", None, None, "en", None, "Raghav Menon is out at Vantara.", "0" * 64)
    eager = SegmentConfig(language_min_odds=1.0, language_min_letters=0)  # today's rule: lingua's best, always
    assert segment_article(article, CONFIG.corpus, eager)[0].language == "fr"
    assert segment_article(article, CONFIG.corpus, SegmentConfig())[0].language == "en"


def test_language_thresholds_are_checked_config_keys() -> None:
    config = config_from_dict({"segment": {"language_min_odds": 2.5, "language_min_letters": 15}})
    assert (config.segment.language_min_odds, config.segment.language_min_letters) == (2.5, 15)
    with pytest.raises(AlignError, match="language_min_odds"):
        config_from_dict({"segment": {"language_min_odds": 0.5}})
    with pytest.raises(AlignError, match="language_latin_prior"):
        config_from_dict({"segment": {"language_latin_prior": "English"}})
