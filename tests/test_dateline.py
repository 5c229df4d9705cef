"""Datelines are metadata (issue 14, item 2): parsed in English, French and Hindi, never part of a sentence."""

from __future__ import annotations

import json
from datetime import date

import pytest

from align.config import BuildConfig, CorpusConfig
from align.corpus import read_event
from align.dateline import match_dateline, match_opening_dateline, paragraph_starts, resolve_date
from align.label import reference_date
from align.records import ArticleRecord
from align.segment import segment_article
from align.validation import errors_in

CONFIG = BuildConfig()
LANGUAGES = CONFIG.corpus.candidate_languages
LABELS = frozenset(label.lower() for label in CONFIG.corpus.dateline_labels)


def parsed(line: str) -> tuple[str, str | None, str | None, str] | None:
    found = match_dateline(line, LANGUAGES, LABELS)
    return None if found is None else (found.place, found.date_text, found.agency, line[found.end :])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # English: wire copy, Indian papers, a dateline alone on its line
        ("BENGALURU, March 18 (GWS) - Vantara's chief quit.", ("Bengaluru", "March 18", "GWS", "Vantara's chief quit.")),
        ("SRIHARIKOTA, India, April 22 (GWS) - India launched it.", ("Sriharikota, India", "April 22", "GWS", "India launched it.")),
        ("PUNE, Sept 8 (Meridian Wire) - Sahyadri said.", ("Pune", "Sept 8", "Meridian Wire", "Sahyadri said.")),
        ("CHENNAI, 10 June: Marceau will invest.", ("Chennai", "10 June", None, "Marceau will invest.")),
        ("NEW DELHI: The Supreme Court on Friday upheld it.", ("New Delhi", None, None, "The Supreme Court on Friday upheld it.")),
        ("CANNES, May 23", ("Cannes", "May 23", None, "")),
        # French
        ("PARIS, 18 août (AFP) - La grève continue.", ("Paris", "18 août", "AFP", "La grève continue.")),
        ("PARIS (APM) – Le constructeur a annoncé.", ("Paris", None, "APM", "Le constructeur a annoncé.")),
        ("Sriharikota (Inde) (APM) - L'Inde a placé un satellite.", ("Sriharikota (Inde)", None, "APM", "L'Inde a placé un satellite.")),
        ("Cannes (Alpes-Maritimes), envoyé spécial", ("Cannes (Alpes-Maritimes)", None, None, "")),
        # A place in capitals and a spaced dash, like a colon (French and English wire style)
        ("BORDEAUX – Solvea Énergies a remporté mardi un appel d'offres.", ("Bordeaux", None, None, "Solvea Énergies a remporté mardi un appel d'offres.")),
        ("NEW DELHI - The council voted on Tuesday.", ("New Delhi", None, None, "The council voted on Tuesday.")),
        # Hindi, with Arabic and Devanagari digits
        ("बेंगलुरु, 18 अगस्त। आईटी कंपनी ने कहा।", ("बेंगलुरु", "18 अगस्त", None, "आईटी कंपनी ने कहा।")),
        ("शिलांग, १५ नवंबर (एजेंसी) मेघालय में भूकंप आया।", ("शिलांग", "१५ नवंबर", "एजेंसी", "मेघालय में भूकंप आया।")),
        ("नई दिल्ली, ४ नवंबर। फोन लॉन्च हुआ।", ("नई दिल्ली", "४ नवंबर", None, "फोन लॉन्च हुआ।")),
    ],
)
def test_datelines_in_three_languages(line: str, expected: tuple) -> None:
    assert parsed(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Paris, the capital of France, is on strike.",  # a place and a comma, no date
        "Paris, March 18 was a holiday for most workers.",  # a date, but no separator after it
        "Monday, March 18 - the company said it would quit.",  # a weekday is not a place
        "On Monday, March 18 - the company said it would quit.",
        "Mrinank Sharma: AI इंडस्ट्री में Mrinank Sharma का नाम चर्चा में है।",  # a speaker or label, not a place
        "Bengaluru: IT services major Vantara said on Wednesday.",  # title case before a colon: not told from a name
        "BREAKING: Sensex falls 900 points as the CEO quits.",  # a kicker in capitals
        "BREAKING – Sensex falls 900 points as the CEO quits.",
        "PARIS-SACLAY–based start-ups raised more money this year.",  # a dash without spaces joins words
        "Tata Consultancy Services (TCS) on Thursday reported a profit.",  # an abbreviation in brackets, no dash
        "Lyon, la ville des lumières, accueille le sommet.",  # French: a place and a comma, no date
        "Le 18 août, la grève a commencé.",
        "मुंबई में 18 अगस्त को बारिश हुई।",  # Hindi: a place opens a sentence without comma or danda
        "मृणांक शर्मा, जो सुरक्षा टीम के प्रमुख थे, ने इस्तीफा दिया।",  # Hindi: a name and a comma
        "मुंबई, जो देश की आर्थिक राजधानी है, में बारिश हुई।",
        "धन्यवाद। मैं फिर आऊंगा।",  # Hindi: a one-word sentence before a danda, like "बिलासपुर।"
        "जी हां। यह सच है।",
    ],
)
def test_sentences_that_start_like_a_dateline_are_not_one(line: str) -> None:
    assert parsed(line) is None


@pytest.mark.parametrize(
    ("date_text", "published", "text", "expected"),
    [
        ("March 18", "2026-03-18", "", "2026-03-18"),
        ("May 23", "2026-05-24T09:00:00+05:30", "", "2026-05-23"),  # dated the day before publication
        ("Dec 31", "2026-01-02", "", "2025-12-31"),  # across the new year: on or before publication
        ("18 août 2024", "2026-01-02", "", "2024-08-18"),  # the dateline's own year wins
        ("१५ नवंबर", "2025-11-15", "", "2025-11-15"),
        ("10 juin", None, "En 2029, puis en 2026 et encore en 2026.", "2026-06-10"),  # the year named most often
        ("10 juin", None, "Pas d'année ici.", None),
    ],
)
def test_dateline_year_from_publication_or_text(date_text: str, published: str | None, text: str, expected) -> None:
    assert resolve_date(date_text, published, text, LANGUAGES) == expected


def article(text: str, language: str, dateline_date: str | None = None, published: str | None = None) -> ArticleRecord:
    return ArticleRecord("0" * 16, "e", "src", None, published, language, None, text, "0" * 64,
                         dateline_date=dateline_date)


@pytest.mark.parametrize(
    ("text", "language", "sentences"),
    [
        ("Headline\nBENGALURU, March 18 (GWS) - Menon resigned. Shares fell.", "en", ["Headline", "Menon resigned.", "Shares fell."]),
        ("Titre\nPARIS, 18 août (AFP) - La grève continue. Elle dure.", "fr", ["Titre", "La grève continue.", "Elle dure."]),
        ("शीर्षक\nबेंगलुरु, 18 अगस्त। मेनन ने इस्तीफा दिया। शेयर गिरे।", "hi", ["शीर्षक", "मेनन ने इस्तीफा दिया।", "शेयर गिरे।"]),
        ("Titre\nCANNES, 23 mai\nLe film a gagné.", "fr", ["Titre", "Le film a gagné."]),
    ],
)
def test_a_dateline_is_never_a_sentence_and_offsets_still_hold(text: str, language: str, sentences: list[str]) -> None:
    records = segment_article(article(text, language), CONFIG.corpus)
    assert [s.text for s in records] == sentences
    for s in records:
        assert text[s.char_start : s.char_end] == s.text


def test_datelines_off_keeps_them_in_the_sentence() -> None:
    text = "BENGALURU, March 18 (GWS) - Menon resigned."
    off = CorpusConfig(datelines=False)
    assert [s.text for s in segment_article(article(text, "en"), off)] == [text]


def test_corpus_stage_records_the_first_dateline_with_its_resolved_date(make_event) -> None:
    manifest = [
        {"file": "a.txt", "language": "en", "published": "2026-05-24"},
        {"file": "b.txt", "language": "hi", "published": "2025-11-15"},
        {"file": "c.txt", "language": "en"},
    ]
    corpus = make_event(
        {
            "a.txt": "Film wins in Cannes\nCANNES, May 23\nThe film won the Grand Prix. NICE, May 20 (X) - Older.",
            "b.txt": "भूकंप\nशिलांग, १५ नवंबर (एजेंसी) मेघालय में भूकंप आया।",
            "c.txt": "A story without a dateline, written on Tuesday.",
            "manifest.jsonl": "".join(json.dumps(m) + "\n" for m in manifest),
        }
    )
    articles = {a.source: a for a in read_event(corpus / "event-1", CONFIG.corpus)}
    a, b, c = articles["a"], articles["b"], articles["c"]
    assert (a.dateline_place, a.dateline_date, a.dateline_agency) == ("Cannes", "2026-05-23", None)
    assert "CANNES, May 23" in a.text  # the prefix stays in the article's text
    assert (b.dateline_place, b.dateline_date, b.dateline_agency) == ("शिलांग", "2025-11-15", "एजेंसी")
    assert (c.dateline_place, c.dateline_date, c.dateline_agency) == (None, None, None)
    for record in (a, b, c):
        assert errors_in("article", record.to_dict()) == []
    assert reference_date(a) == date(2026, 5, 23)  # "today" in a is the dateline's day, not publication's
    assert reference_date(c) is None


def test_reference_date_falls_back_to_publication() -> None:
    assert reference_date(article("x", "en", published="2026-02-10T08:00:00Z")) == date(2026, 2, 10)


def test_article_schema_rejects_a_dateline_date_that_is_not_a_date() -> None:
    row = article("x", "en").to_dict()
    assert errors_in("article", row) == []
    assert errors_in("article", {**row, "dateline_date": "18 March"})
    assert errors_in("article", {k: v for k, v in row.items() if k != "dateline_place"})


def opening(line: str) -> tuple[str, str] | None:
    found = match_opening_dateline(line, LANGUAGES, LABELS)
    return None if found is None else (found.place, line[found.end :])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # A place and a colon, in title case or in Devanagari (Indian papers)
        ("Bengaluru: IT services major Vantara said on Wednesday.", ("Bengaluru", "IT services major Vantara said on Wednesday.")),
        ("Saint-Étienne : le club a annoncé son départ.", ("Saint-Étienne", "le club a annoncé son départ.")),
        ("नई दिल्ली: डेंगू के खिलाफ देश में बने पहले टीके को मंजूरी मिल गई है।", ("नई दिल्ली", "डेंगू के खिलाफ देश में बने पहले टीके को मंजूरी मिल गई है।")),
        # ... or a spaced dash
        ("Bordeaux – le groupe a remporté mardi un appel d'offres.", ("Bordeaux", "le groupe a remporté mardi un appel d'offres.")),
        ("नासिक – फैक्ट्री में मंगलवार सुबह आग लग गई।", ("नासिक", "फैक्ट्री में मंगलवार सुबह आग लग गई।")),
        # A place in capitals and a full stop (French regional papers), in French and English
        ("LILLE. Dans la salle 14 du conservatoire, on a posé une photo.", ("Lille", "Dans la salle 14 du conservatoire, on a posé une photo.")),
        ("BOULOGNE-SUR-MER. « Il ne parlait pas français », dit-elle.", ("Boulogne-Sur-Mer", "« Il ne parlait pas français », dit-elle.")),
        ("INDORE. The maestro taught here for seven years.", ("Indore", "The maestro taught here for seven years.")),
        # One or two Devanagari words and a danda (Hindi regional papers), alone or opening the paragraph
        ("भुवनेश्वर/रायपुर। तूफान तट से टकराया।", ("भुवनेश्वर/रायपुर", "तूफान तट से टकराया।")),
        ("बिलासपुर।", ("बिलासपुर", "")),
    ],
)
def test_datelines_that_only_the_first_paragraph_can_open(line: str, expected: tuple) -> None:
    """"LILLE.", "नई दिल्ली:", "Bengaluru:", "बिलासपुर।" have the shape of an acronym ending a sentence, a label, a
    speaker or a two-word sentence anywhere else: they are read only where a dateline stands."""
    assert opening(line) == expected
    assert parsed(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Born: March 3, 2004, Pune",  # a fact list's label: the rest is no sentence
        "Update: The council will meet again on Monday.",  # a label from corpus.dateline_labels
        "ये भी पढ़ें: बारिश थमने के बाद भी नहीं थमा डेंगू",
        "In Paris: the strike goes on.",  # a clause, not a place
        "Mardi : le conseil a voté.",  # a weekday reads as a date, not a place
        "LILLE.",  # capitals and a full stop with nothing after them
        "NASA. the agency said.",  # no sentence starts after it
    ],
)
def test_first_paragraph_lines_that_are_not_datelines(line: str) -> None:
    assert opening(line) is None


def test_the_opening_shapes_count_only_under_the_headline_and_its_standfirst() -> None:
    text = "\n".join(
        [
            "Maestro dies at 88",
            "His former pupils in Lille remember him.",  # a one-line standfirst
            "LILLE. He taught here from 1979.",  # the story's first paragraph
            "Mrinank Sharma: I will come back.",  # further down, a speaker
            "शूटआउट शुरू। पहला प्रयास फ्रांस का।",  # further down, a live blog's two-word sentence
        ]
    )
    starts = paragraph_starts(text, "Maestro dies at 88", LANGUAGES, LABELS)
    assert [start for start, _ in starts] == [0, 0, len("LILLE. "), 0, 0]
    # Two lines below the headline, a standfirst or not, is no longer the opening.
    pushed = text.replace("LILLE.", "More.\nLILLE.")
    assert all(start == 0 for start, _ in paragraph_starts(pushed, "Maestro dies at 88", LANGUAGES, LABELS))


@pytest.mark.parametrize(
    ("language", "first_paragraph", "place", "sentences"),
    [
        ("fr", "LILLE. Dans la salle 14, on a posé une photo. Il est resté sept ans.", "Lille",
         ["Dans la salle 14, on a posé une photo.", "Il est resté sept ans."]),
        ("en", "Bengaluru: Vantara Infotech said on Wednesday its chief had quit. Shares fell.", "Bengaluru",
         ["Vantara Infotech said on Wednesday its chief had quit.", "Shares fell."]),
        ("hi", "नई दिल्ली: डेंगू के टीके को मंजूरी मिल गई है। यह टीका सस्ता है।", "नई दिल्ली",
         ["डेंगू के टीके को मंजूरी मिल गई है।", "यह टीका सस्ता है।"]),
    ],
)
def test_an_opening_dateline_is_metadata_and_never_part_of_a_sentence(
    make_event, language: str, first_paragraph: str, place: str, sentences: list[str]
) -> None:
    """In all three scripts: the place goes to ``dateline_place``; the dateline states no date, so
    ``dateline_date`` is null and the label stage reads "today" against the publication date."""
    title, standfirst = "Headline of the story", "A standfirst of one line under the headline."
    entry = {"file": "a.txt", "language": language, "title": title, "published": "2026-10-07"}
    corpus = make_event(
        {
            "a.txt": "\n".join([title, standfirst, first_paragraph, "Another paragraph of the story here."]) + "\n",
            "manifest.jsonl": json.dumps(entry) + "\n",
        }
    )
    [record] = read_event(corpus / "event-1", CONFIG.corpus)
    assert (record.dateline_place, record.dateline_date, record.dateline_agency) == (place, None, None)
    assert reference_date(record) == date(2026, 10, 7)
    texts = [s.text for s in segment_article(record, CONFIG.corpus)]
    assert texts[2:4] == sentences
    assert not any(text.casefold().startswith(place.casefold()) for text in texts)
    for s in segment_article(record, CONFIG.corpus):
        assert record.text[s.char_start : s.char_end] == s.text


@pytest.mark.parametrize(
    ("summary", "first_paragraph", "place"),
    [
        (["मुख्य बिंदु", "सुबह 4:52 बजे 6.2 तीव्रता का भूकंप", "छह जिलों में दो दिन स्कूल बंद"],
         "गुवाहाटी। मंगलवार की सुबह लोगों के लिए डर लेकर आई। कई लोग घर नहीं लौटे।", "गुवाहाटी"),
        (["तड़के आए झटकों से लोग घरों से बाहर निकले।", "फोटो: पीएनएन"], "गुवाहाटी: असम में मंगलवार तड़के भूकंप आया। पांच लोगों की मौत हुई।", "गुवाहाटी"),
        (["Key highlights", "Quake of magnitude 6.2 at 4:52 am", "Schools shut for two days"],
         "Guwahati: A strong earthquake shook Assam on Tuesday. Five people died.", "Guwahati"),
        (["L'essentiel", "Un séisme de magnitude 6,2", "Les écoles fermées deux jours"],
         "LILLE. Un séisme a secoué l'Assam mardi. Cinq personnes sont mortes.", "Lille"),
    ],
)
def test_the_first_paragraph_is_the_first_sentence_under_the_headline(
    summary: list[str], first_paragraph: str, place: str
) -> None:
    """A summary list and its heading, or a photo credit, between the headline and the story's first paragraph
    are no paragraph (they do not end as sentences): the first paragraph's dateline is still read."""
    title = "Earthquake in Assam"
    text = "\n".join([title, *summary, first_paragraph, "Another paragraph follows here."])
    starts = paragraph_starts(text, title, LANGUAGES, LABELS)
    opening = starts[1 + len(summary)]
    assert opening[1] is not None and opening[1].place == place
    assert first_paragraph[opening[0] :].startswith(first_paragraph.split(maxsplit=1)[1][:5])
    assert all(found is None for _, found in starts[: 1 + len(summary)])
    assert starts[2 + len(summary)] == (0, None)


@pytest.mark.parametrize(
    ("first_paragraph", "later", "place"),
    [
        # A place in title case and a full stop, which the story names inside a sentence too
        ("Yvetot. Il y a treize ans, deux ingénieurs bricolaient leur premier drone.", "L'usine d'Yvetot garde ses 140 emplois.", "Yvetot"),
        ("Dunmore. The mill opened in 1921 and closed last week.", "Workers in Dunmore said they had expected it.", "Dunmore"),
        # ... not when the story never names it so: a one-word first sentence
        ("Incroyable. Le maire a annoncé sa démission mardi soir.", "Le conseil se réunira lundi.", None),
        ("Gone. The mill that fed the town for a century closed last week.", "Workers said they had expected it.", None),
    ],
)
def test_a_title_case_place_and_a_full_stop_opens_the_first_paragraph_when_the_story_names_it(
    first_paragraph: str, later: str, place: str | None
) -> None:
    """French regional papers write the dateline "Yvetot." as well as "YVETOT.": in title case the shape is also a
    one-word sentence ("Incroyable."), so it is a dateline only when the story writes the same word as a name
    inside a sentence ("d'Yvetot", "à Yvetot"), which a one-word sentence never is."""
    title = "Headline of the story"
    text = "\n".join([title, "A standfirst of one line under the headline.", first_paragraph, later])
    starts = paragraph_starts(text, title, LANGUAGES, LABELS)
    found = starts[2][1]
    assert (found.place if found else None) == place
    assert starts[2][0] == (len(place) + 2 if place else 0)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Two places, the first with its country: a wire's joint dateline
        ("CLERMONT-FERRAND, France/CHENNAI, June 14 (PNW) - Rivalis will invest.",
         ("Clermont-Ferrand, France/Chennai", "June 14", "PNW", "Rivalis will invest.")),
        ("MUMBAI and PARIS, June 14 (PNW) - The two firms signed.", ("Mumbai and Paris", "June 14", "PNW", "The two firms signed.")),
        ("LYON, France/GENÈVE, Suisse, 14 juin (AFP) - Les deux villes.", ("Lyon, France/Genève, Suisse", "14 juin", "AFP", "Les deux villes.")),
        ("PARIS et NEW DELHI, 14 juin (AFP) - Les deux pays ont signé.", ("Paris et New Delhi", "14 juin", "AFP", "Les deux pays ont signé.")),
        ("PARIS et LONDRES (APM) – Les deux Bourses ont reculé.", ("Paris et Londres", None, "APM", "Les deux Bourses ont reculé.")),
        ("नई दिल्ली और पेरिस, 14 जून (एजेंसी) - दोनों देशों ने समझौता किया।", ("नई दिल्ली और पेरिस", "14 जून", "एजेंसी", "दोनों देशों ने समझौता किया।")),
    ],
)
def test_a_dateline_may_name_two_places(line: str, expected: tuple) -> None:
    """A dateline of two places joined by "/" (the first maybe with its country: "CLERMONT-FERRAND, France/CHENNAI,
    June 14 (PNW) -"), or by "et", "and", "और", is one dateline: the country after the first place stopped the match,
    so the whole dateline stayed in the first sentence."""
    assert parsed(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Smith and Jones, two of the engineers, said on June 14 that it held.",  # names joined by "and", no date after them
        "Paris et Lyon, 14 juin était un jour de grève pour tous.",  # a date, but no separator after it
        "Mumbai and Paris, the two cities, signed on June 14 - a first.",
    ],
)
def test_places_joined_by_and_without_a_dated_dateline_are_no_dateline(line: str) -> None:
    assert parsed(line) is None


def test_a_two_place_dateline_is_never_a_sentence() -> None:
    text = "Headline\nCLERMONT-FERRAND, France/CHENNAI, June 14 (PNW) - Rivalis will invest. Kovai agreed."
    records = segment_article(article(text, "en"), CONFIG.corpus)
    assert [s.text for s in records] == ["Headline", "Rivalis will invest.", "Kovai agreed."]
