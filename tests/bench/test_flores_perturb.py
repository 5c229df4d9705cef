"""The FLORES perturbation generator (bench/flores_perturb.py) on hand-written lines: each rule changes exactly
the span it targets, in every language it claims, and stays silent where it is not sure."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import flores_perturb as fp

NAMES = fp.NameIndex(
    [
        fp.Name("person", "person", {"en": ("Peter Lenz",), "fr": ("Peter Lenz",), "hi": ("पीटर लेंज़",)}),
        fp.Name("person", "person", {"en": ("Bobek",), "fr": ("Bobek",), "hi": ("बोबेक",)}),
        fp.Name("place", "country-f", {"en": ("Germany",), "fr": ("Allemagne",), "hi": ("जर्मनी",)}),
        fp.Name("place", "city", {"en": ("Berlin",), "fr": ("Berlin",), "hi": ("बर्लिन",)}),
        fp.Name("org", "company", {"en": ("Skype",), "fr": ("Skype",), "hi": ("स्काइप",)}),
        fp.Name("none", "none", {"en": ("Walt Disney World",), "fr": (), "hi": ()}),
        fp.Name("org", "company", {"en": ("Disney",), "fr": ("Disney",), "hi": ("डिज़्नी",)}),
    ]
)


def one_span(original: str, changed: str, change: dict[str, str]) -> bool:
    """``changed`` is ``original`` with ``change["from"]`` replaced once by ``change["to"]``, nothing else."""
    start = 0
    while (k := original.find(change["from"], start)) != -1:
        if original[:k] + change["to"] + original[k + len(change["from"]) :] == changed:
            return True
        start = k + 1
    return False


def applied(perturbation: fp.Perturbation, lang: str) -> str:
    return perturbation.edits[lang].apply(perturbation.base[lang])


def test_number_changes_the_same_value_in_every_notation_and_keeps_the_rest():
    texts = {
        "en": "Police said 12,000 people marched on Monday.",
        "fr": "Selon la police, 12 000 personnes ont défilé lundi.",
        "hi": "पुलिस ने कहा कि सोमवार को १२,००० लोगों ने मार्च किया।",
    }
    found = fp.find_number(texts)
    assert found is not None and found.present == {"en", "fr", "hi"}
    assert applied(found, "en") == "Police said 42,000 people marched on Monday."
    assert applied(found, "fr") == "Selon la police, 42 000 personnes ont défilé lundi."
    assert applied(found, "hi") == "पुलिस ने कहा कि सोमवार को ४२,००० लोगों ने मार्च किया।"


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u2009", "\u202f"])
def test_french_thousands_separators_are_one_number(space):
    texts = {"en": "The lease ran for 9,000 years.", "fr": f"Le bail court sur 9{space}000 ans.", "hi": "x"}
    found = fp.find_number(texts)
    assert found is not None and found.present == {"en", "fr"}
    assert applied(found, "fr") == f"Le bail court sur 6{space}000 ans."


def test_number_with_a_scale_word_moves_the_value_not_the_digits():
    texts = {
        "en": "The site has 12 million profiles.",
        "fr": "Le site compte 12 millions de profils.",
        "hi": "इस साइट पर 1.2 करोड़ प्रोफाइल हैं।",
    }
    found = fp.find_number(texts)
    assert found is not None
    assert applied(found, "en") == "The site has 42 million profiles."
    assert applied(found, "fr") == "Le site compte 42 millions de profils."
    assert applied(found, "hi") == "इस साइट पर 4.2 करोड़ प्रोफाइल हैं।"  # 4.2 crore = 42 million


def test_number_words_are_rewritten_as_words():
    texts = {"en": "Three people died.", "fr": "Trois personnes sont mortes.", "hi": "तीन लोगों की मौत हुई।"}
    found = fp.find_number(texts)
    assert found is not None
    assert [applied(found, lang) for lang in fp.LANGS] == [
        "Six people died.",
        "Six personnes sont mortes.",
        "छह लोगों की मौत हुई।",
    ]


@pytest.mark.parametrize(
    "en",
    [
        "The protest started at 11:20 on Whitehall.",  # a clock time
        "The bridge opened in 1995 after years of work.",  # a year: the date kind's
        "The Apollo 11 crew came home.",  # part of a name
        "He finished 3rd in the race.",  # an ordinal
        "The score was 5-3 at the end.",  # a score
    ],
)
def test_number_leaves_times_years_names_ordinals_and_scores_alone(en):
    assert fp.find_number({"en": en, "fr": en, "hi": en}) is None


def test_number_needs_the_value_on_two_sides():
    texts = {
        "en": "About 40 people came.",
        "fr": "Une quarantaine de personnes sont venues.",
        "hi": "कई लोग आए।",
    }
    assert fp.find_number(texts) is None


def test_date_moves_a_weekday_in_three_languages():
    texts = {
        "en": "On Monday, scientists announced a tool.",
        "fr": "Des scientifiques ont annoncé lundi un outil.",
        "hi": "सोमवार को वैज्ञानिकों ने एक उपकरण की घोषणा की।",
    }
    found = fp.find_date(texts)
    assert found is not None
    assert applied(found, "en") == "On Tuesday, scientists announced a tool."
    assert applied(found, "fr") == "Des scientifiques ont annoncé mardi un outil."
    assert applied(found, "hi") == "मंगलवार को वैज्ञानिकों ने एक उपकरण की घोषणा की।"


def test_date_keeps_french_elision_right():
    texts = {
        "en": "The rains end in around April.",
        "fr": "Les pluies finissent aux environs d'avril.",
        "hi": "x",
    }
    found = fp.find_date(texts)
    assert found is not None
    assert applied(found, "fr") == "Les pluies finissent aux environs de mai."
    assert found.edits["fr"].change(texts["fr"]) == {"from": "d'avril", "to": "de mai"}


def test_may_the_verb_is_not_a_month():
    texts = {
        "en": "Tourists may visit the castle.",
        "fr": "Les touristes peuvent visiter le château.",
        "hi": "x",
    }
    assert fp.find_date(texts) is None


def test_a_person_is_replaced_by_another_person_on_each_side():
    texts = {
        "en": "Peter Lenz, a racer, has died.",
        "fr": "Peter Lenz, un pilote, est mort.",
        "hi": "पीटर लेंज़ नाम के एक रेसर की मौत हो गई।",
    }
    found = fp.find_name(texts, NAMES, "person", "7")
    assert found is not None and found.present == {"en", "fr", "hi"}
    new_en = applied(found, "en")
    rival = new_en.split(",")[0]
    assert rival in {en for en, _, _ in fp.PERSON_FULL} and rival != "Peter Lenz"
    hindi = dict((en, hi) for en, _, hi in fp.PERSON_FULL)[rival]
    assert applied(found, "hi") == texts["hi"].replace("पीटर लेंज़", hindi)
    assert applied(found, "fr") == texts["fr"].replace("Peter Lenz", rival)


def test_a_country_keeps_its_french_gender_and_elision():
    texts = {
        "en": "Germany exported fewer cars.",
        "fr": "L'Allemagne a exporté moins de voitures.",
        "hi": "जर्मनी ने कम कारें निर्यात कीं।",
    }
    found = fp.find_name(texts, NAMES, "place", "3")
    assert found is not None
    rival_fr = found.edits["fr"].new
    assert rival_fr in {"Argentine", "Ukraine", "Indonésie", "Autriche"}  # feminine, starts with a vowel


def test_a_name_inside_a_longer_one_is_not_that_name():
    texts = {"en": "Walt Disney World is busy.", "fr": "Walt Disney World est bondé.", "hi": "डिज़्नी"}
    assert fp.find_name(texts, NAMES, "org", "1") is None


def test_a_name_missing_on_one_side_leaves_that_side_out():
    texts = {"en": "Bobek played for the club.", "fr": "Bobek a joué pour le club.", "hi": "वह क्लब के लिए खेले।"}
    found = fp.find_name(texts, NAMES, "person", "2")
    assert found is not None and found.present == {"en", "fr"} and "hi" not in found.edits
    assert not fp.find_name({**texts, "fr": "Il a joué pour le club."}, NAMES, "person", "2")


def test_initials_are_inserted_alike_then_one_is_changed():
    texts = {"en": "Bobek scored twice.", "fr": "Bobek a marqué deux fois.", "hi": "बोबेक ने दो गोल किए।"}
    found = fp.find_initials(texts, NAMES, "5")
    assert found is not None
    en_letters = found.base["en"].split(" Bobek")[0].replace(".", "").split()
    hi_letters = found.base["hi"].split(" बोबेक")[0].replace(".", "").split()
    assert len(en_letters) == 2 and [fp.INITIALS[c] for c in en_letters] == hi_letters
    assert found.base["fr"].startswith(" ".join(c + "." for c in en_letters) + " Bobek a marqué")
    for lang in fp.LANGS:
        change = found.edits[lang].change(found.base[lang])
        before, after = change["from"].split(), change["to"].split()
        assert before[0] == after[0] and before[1] != after[1] and before[2:] == after[2:]
        assert one_span(found.base[lang], applied(found, lang), change)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bridge is open to traffic.", "The bridge is not open to traffic."),
        ("The team has a new coach.", "The team does not have a new coach."),
        ("They have carefully built terraces.", "They have not carefully built terraces."),
        ("Tourists can visit the castle.", "Tourists cannot visit the castle."),
    ],
)
def test_english_negation_inserted(text, expected):
    sites = fp.en_negatable(text)
    assert sites and sites[0].edit.apply(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He did not say when.", "He said when."),
        ("The law doesn't apply here.", "The law applies here."),
        ("It is not known who did it.", "It is known who did it."),
    ],
)
def test_english_negation_removed(text, expected):
    sites = fp.en_removable(text)
    assert len(sites) == 1 and sites[0].edit.apply(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It was not only cheap but fast.",  # "not only" is not a clause's negation
        "Know what you can and cannot bring in.",  # a contrast
        "He left without a word.",  # a lexical negative
    ],
)
def test_english_negation_not_removed_where_unsure(text):
    assert fp.en_removable(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Une enquête a été ouverte.", "Une enquête n'a pas été ouverte."),
        ("Il s'est écrasé sur la piste.", "Il ne s'est pas écrasé sur la piste."),
        ("C'est une ville sainte.", "Ce n'est pas une ville sainte."),
    ],
)
def test_french_negation_inserted(text, expected):
    sites = fp.fr_negatable(text)
    assert sites and sites[0].edit.apply(text) == expected


def test_french_negation_skips_ago_and_pas_de():
    assert (
        fp.fr_negatable("Il avait rejoint le club il y a trois saisons.")[0].edit.apply(
            "Il avait rejoint le club il y a trois saisons."
        )
        == "Il n'avait pas rejoint le club il y a trois saisons."
    )
    assert [s.edit.new for s in fp.fr_negatable("Il y a trois ans.")] == []
    assert fp.fr_removable("Il ne mange pas de pain.") == []  # positive would need "du pain"
    assert (
        fp.fr_removable("Le panneau n’a pas été endommagé.")[0].edit.apply(
            "Le panneau n’a pas été endommagé."
        )
        == "Le panneau a été endommagé."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("वह कल घर गया।", "वह कल घर नहीं गया।"),
        ("समय का अध्ययन किया जा रहा है।", "समय का अध्ययन नहीं किया जा रहा है।"),
        ("कोशिका सबसे छोटी इकाई है।", "कोशिका सबसे छोटी इकाई नहीं है।"),
        ("उन्होंने घोषणा की।", "उन्होंने घोषणा नहीं की।"),
    ],
)
def test_hindi_negation_inserted_before_the_main_verb(text, expected):
    sites = fp.hi_negatable(text)
    assert sites and sites[0].edit.apply(text) == expected


def test_hindi_negation_left_alone_where_unsure():
    assert fp.hi_negatable("यह एक किताब के बारे में") == []  # no verb at the end
    assert fp.hi_removable("न केवल सस्ता बल्कि तेज़ भी।") == []  # "not only"
    assert fp.hi_removable("वह नहीं आया।")[0].edit.apply("वह नहीं आया।") == "वह आया।"


def test_line_cases_change_one_span_and_carry_it_into_text_en():
    texts = {
        "en": "On Monday, Peter Lenz said 300 people in Berlin were not hurt.",
        "fr": "Lundi, Peter Lenz a déclaré que 300 personnes à Berlin n'avaient pas été blessées.",
        "hi": "सोमवार को पीटर लेंज़ ने कहा कि बर्लिन में 300 लोग घायल नहीं हुए।",
    }
    cases = fp.line_cases(600, texts, NAMES)
    by_id = {c.id: c for c in cases}
    assert {c.split for c in cases} == {"test"}
    assert {c.kind for c in cases if c.label == "conflict"} >= {"number", "date", "name_person", "name_place"}
    for case in cases:
        if case.label != "conflict":
            continue
        original = by_id[case.original_id]
        assert original.label == "agree"
        side = "a" if case.perturbed_side == case.lang_a else "b"
        other = "b" if side == "a" else "a"
        assert getattr(case, f"text_{other}") == getattr(original, f"text_{other}")
        assert one_span(getattr(original, f"text_{side}"), getattr(case, f"text_{side}"), case.change)
        # the English reference of the changed side carries the same change; the other side's is untouched
        assert getattr(case, f"text_en_{other}") == getattr(original, f"text_en_{other}")
        assert getattr(case, f"text_en_{side}") != getattr(original, f"text_en_{side}")
        if case.perturbed_side == "en":
            assert getattr(case, f"text_en_{side}") == getattr(case, f"text_{side}")


def test_shared_dir_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ALIGN_SHARED_DIR", str(tmp_path))
    assert fp.shared_dir() == tmp_path
    monkeypatch.delenv("ALIGN_SHARED_DIR")
    assert fp.shared_dir() == Path(fp.__file__).resolve().parents[1].parent / "shared"


def test_every_erratum_quotes_both_sides_of_its_line_pair() -> None:
    """bench/flores_errata.jsonl: each entry names a split and pair that exist, its line lies in its split, and
    both differing spans stand in that line's two texts as written (the entry was read on both sides)."""
    errata = fp.load_errata()
    assert errata
    directory = fp.shared_dir() / "data" / "flores-dev"
    if not directory.is_dir():
        pytest.skip("no FLORES-200 dev in the shared data")
    lines = fp.load_flores(directory)
    seen = set()
    for e in errata:
        assert e.pair in fp.PAIRS and e.line in fp.SPLITS[e.split], e
        assert (e.split, e.line, e.pair) not in seen, e
        seen.add((e.split, e.line, e.pair))
        lang_a, lang_b = e.pair.split("-")
        assert e.a in lines[e.line][lang_a] and e.b in lines[e.line][lang_b], e
        assert e.reason.strip(), e
