"""Page furniture judged by evidence (align/furniture.py), through the corpus stage, on small inline pages."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from align.build.shards import shard_key
from align.config import CorpusConfig, config_from_dict
from align.corpus import read_event
from align.records import ArticleRecord
from align.validation import errors_in
from tests.conftest import SEED_EVENT

CONFIG = CorpusConfig()
# Paragraphs that read as article text (jusText near-good: long enough, with stop words).
STORY_A = [
    "The city council voted on Tuesday to close the old bridge over the river for at least six months of repairs.",
    "Engineers had warned in a report last year that the steel beams under the deck were corroding faster than expected.",
    "Traffic will be sent over the northern ring road, which the council said it would widen before the winter.",
]
STORY_B = [
    "The state water board said on Friday that the reservoir had fallen to its lowest level in more than a decade.",
    "Farmers in the valley have been told to expect cuts to their allocations from the start of the next month.",
    "The board said it would review the decision in September, after the first of the autumn rains had arrived.",
]
MENU = ["Home", "World", "Business", "Sport"]
FOOTER = [
    "We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies.",
    "© 2026 The Daily Example. All rights reserved.",
]


def page(title: str, body: list[str], before: list[str] = (), after: list[str] = ()) -> str:  # type: ignore[assignment]
    return "\n".join([*before, title, *body, *after]) + "\n"


def manifest(*entries: dict) -> str:
    return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)


def article_of(articles: list[ArticleRecord], name: str) -> ArticleRecord:
    return next(a for a in articles if Path(a.file).name == name)


def reasons(article: ArticleRecord) -> dict[str, str]:
    return {d.text: d.reason for d in article.dropped}


def read_page(make_event: Callable[..., Path], text: str, entry: dict) -> ArticleRecord:
    """The one article of a one-page event ("a.txt" with its manifest entry), read by the corpus stage."""
    [article] = read_event(make_event({"a.txt": text, "manifest.jsonl": manifest(entry)}) / "event-1", CONFIG)
    return article


@pytest.fixture
def two_events(make_event: Callable[..., Path]) -> Path:
    """One outlet's pages about two events: the same menu and footer around different stories."""
    for event, name, title, story in (
        ("event-a", "bridge.txt", "Council closes the old bridge for repairs", STORY_A),
        ("event-b", "water.txt", "Reservoir at its lowest level in a decade", STORY_B),
    ):
        corpus = make_event(
            {
                name: page(title, story, before=["The Daily Example", *MENU], after=FOOTER),
                "manifest.jsonl": manifest(
                    {"file": name, "source": "The Daily Example", "language": "en", "title": title}
                ),
            },
            event=event,
        )
    return corpus


def test_a_line_the_source_printed_about_another_event_is_repeated_furniture(two_events: Path) -> None:
    [article] = read_event(two_events / "event-a", CONFIG)
    assert article.text.split("\n") == ["Council closes the old bridge for repairs", *STORY_A]
    dropped = reasons(article)
    assert dropped[FOOTER[0]] == "repeated"  # a full sentence, but the site's, not the story's
    assert dropped["World"] == "repeated"


def test_a_file_name_is_not_an_outlet(make_event: Callable[..., Path]) -> None:
    """Without a declared source, same-named files of two events are not one outlet's pages."""
    for event in ("event-a", "event-b"):
        corpus = make_event({"a.txt": page("Bridge closed", STORY_A, after=FOOTER[:1])}, event=event)
    [article] = read_event(corpus / "event-a", CONFIG)
    assert FOOTER[0] in article.text


def test_within_an_event_a_repeated_sentence_is_reporting_and_a_repeated_non_sentence_is_furniture(
    make_event: Callable[..., Path],
) -> None:
    wire = "Officials said the bridge would reopen in the spring if the repairs went to plan, the agency reported."
    files = {
        "daily.txt": page(
            "Bridge to close for six months", [*STORY_A, wire], after=["(With inputs from Wire)"]
        ),
        "portal.txt": page(
            "Old bridge shut for repairs", [*STORY_A[:1], wire], after=["(With inputs from Wire)"]
        ),
        "manifest.jsonl": manifest(
            {
                "file": "daily.txt",
                "source": "Daily",
                "language": "en",
                "title": "Bridge to close for six months",
            },
            {
                "file": "portal.txt",
                "source": "Portal",
                "language": "en",
                "title": "Old bridge shut for repairs",
            },
        ),
    }
    articles = read_event(make_event(files) / "event-1", CONFIG)
    for article in articles:
        assert wire in article.text.split("\n")  # shared reporting stays in both
        assert reasons(article)["(With inputs from Wire)"] == "repeated"


def test_another_articles_headline_is_a_related_link(make_event: Callable[..., Path]) -> None:
    files = {
        "a.txt": page(
            "Council closes the old bridge", STORY_A, after=["Read more", "Reservoir at its lowest level"]
        ),
        "b.txt": page("Reservoir at its lowest level", STORY_B),
        "manifest.jsonl": manifest(
            {"file": "a.txt", "language": "en", "title": "Council closes the old bridge"},
            {"file": "b.txt", "language": "en", "title": "Reservoir at its lowest level"},
        ),
    }
    articles = read_event(make_event(files) / "event-1", CONFIG)
    assert reasons(article_of(articles, "a.txt"))["Reservoir at its lowest level"] == "repeated"
    assert article_of(articles, "b.txt").text.startswith(
        "Reservoir at its lowest level\n"
    )  # its own title stays


def test_lines_that_are_not_sentences_go_unless_they_are_the_title_or_a_subhead(
    make_event: Callable[..., Path],
) -> None:
    text = page(
        "Council closes the old bridge for repairs",
        [*STORY_A[:2], "What happens to traffic", STORY_A[2]],
        before=["Skip to content", "Local News", "Transport"],
        after=[
            "By Jane Doe and Ravi Kumar",
            "Updated March 18, 2026 11:42 AM IST",
            "#bridge #council #traffic",
        ],
    )
    entry = {"file": "a.txt", "language": "en", "title": "Council closes the old bridge for repairs"}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [
        "Council closes the old bridge for repairs",
        *STORY_A[:2],
        "What happens to traffic",  # a subhead between two paragraphs of the article is text
        STORY_A[2],
    ]
    dropped = reasons(article)
    for line in ("Skip to content", "Transport", "By Jane Doe and Ravi Kumar", "#bridge #council #traffic"):
        assert dropped[line] == "non_sentence"


def test_a_sentence_among_furniture_far_from_the_body_is_boilerplate(make_event: Callable[..., Path]) -> None:
    text = page(
        "Council closes the old bridge for repairs",
        STORY_A,
        after=["Share", "Print", "Comments are moderated.", "Newsletter", "Sign up", "Contact", "About us"],
    )
    [article] = read_event(make_event({"a.txt": text}) / "event-1", CONFIG)
    assert reasons(article)["Comments are moderated."] == "boilerplate"
    assert article.text.split("\n")[1:] == STORY_A


def test_a_short_brief_without_a_paragraph_keeps_its_lines(make_event: Callable[..., Path]) -> None:
    [article] = read_event(
        make_event({"a.txt": "Bridge closed\nThe bridge is shut.\nMore soon\n"}) / "event-1", CONFIG
    )
    assert article.text == "Bridge closed\nThe bridge is shut.\nMore soon"


def test_a_class_switched_off_is_kept_and_the_rest_still_goes(make_event: Callable[..., Path]) -> None:
    text = page("Council closes the old bridge for repairs", STORY_A, after=["By Jane Doe", "Log in"])
    corpus = make_event({"a.txt": text})
    config = config_from_dict({"corpus": {"furniture": ["rule", "repeated", "boilerplate"]}}).corpus
    [article] = read_event(corpus / "event-1", config)
    assert "By Jane Doe" in article.text.split("\n")
    assert reasons(article) == {"Log in": "rule"}


def test_dropped_lines_are_published_with_their_reason_and_logged(
    make_event: Callable[..., Path], caplog: pytest.LogCaptureFixture
) -> None:
    text = page("Council closes the old bridge for repairs", STORY_A, before=MENU, after=["Log in"])
    entry = {"file": "a.txt", "language": "en", "title": "Council closes the old bridge for repairs"}
    with caplog.at_level(logging.INFO, logger="align.corpus"):
        article = read_page(make_event, text, entry)
    row = article.to_dict()
    assert row["dropped"][0] == {"text": "Home", "reason": "non_sentence"}
    assert row["dropped"][-1] == {"text": "Log in", "reason": "rule"}
    assert not errors_in("article", row)
    assert "a.txt: dropped 5 line(s) as page furniture (non_sentence 4, rule 1)" in caplog.text
    # Read back from a shard's JSON, the record is the same.
    assert ArticleRecord.from_dict({**row, "file": article.file}) == article


def test_an_events_shard_key_holds_what_other_events_say_about_its_lines(two_events: Path) -> None:
    from align.config import BuildConfig

    config = BuildConfig()
    before = shard_key(two_events / "event-a", config, "sig")
    water = two_events / "event-b" / "water.txt"
    water.write_text(water.read_text("utf-8").replace(FOOTER[0], "Cookies keep this site running."), "utf-8")
    assert shard_key(two_events / "event-a", config, "sig").inputs_sha256 != before.inputs_sha256


def test_the_seed_loses_no_line_to_the_new_classes() -> None:
    """On the seed only the configured patterns drop lines: no text line is lost to the furniture classifier."""
    articles = read_event(SEED_EVENT, CONFIG)
    assert {d.reason for a in articles for d in a.dropped} == {"rule"}
    assert sum(len(a.dropped) for a in articles) == 20


HINDI_STORY = [
    "राज्य सरकार ने मंगलवार को कहा कि पुराने पुल को मरम्मत के लिए कम से कम छह महीने तक बंद रखा जाएगा।",
    "इंजीनियरों ने पिछले साल अपनी रिपोर्ट में चेतावनी दी थी कि पुल के नीचे लगे लोहे के गर्डर तेजी से खराब हो रहे हैं।",
    "इस दौरान यातायात को उत्तर की रिंग रोड से भेजा जाएगा, जिसे सर्दियों से पहले चौड़ा किया जाएगा।",
]


def test_a_hindi_sentence_with_few_stop_words_and_a_finite_verb_is_text(
    make_event: Callable[..., Path],
) -> None:
    """jusText's Hindi stop words are few in a sentence of names, numbers and nouns; a line that ends with a danda
    and holds a finite verb is a sentence of the article all the same."""
    sparse = "लोक निर्माण विभाग मरम्मत पर 2,400 करोड़ रुपये यानी करीब 29 करोड़ डॉलर खर्च करेगा।"
    title = "पुराना पुल छह महीने के लिए बंद"
    text = page(title, [sparse, *HINDI_STORY], before=["होम", "देश", "राज्य"], after=["शेयर करें", "टिप्पणी"])
    entry = {"file": "a.txt", "language": "hi", "title": title}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, sparse, *HINDI_STORY]


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        ("कंपनी 2028 से उत्पादन शुरू करेगी।", True),  # future form
        ("पुरी में 14 लाख घरों की बिजली गुल है।", True),  # copula
        ("© 2026 भारत ख़बर. सर्वाधिकार सुरक्षित।", False),  # a danda, but no verb
        ("आगे पढ़ें", False),  # no danda; "आगे" (ahead) is no future form
        ("पुरी में उखड़े पेड़। फोटो- जन संवाद", False),  # a caption with its credit after the danda
        ("The bridge will close.", False),  # not Devanagari
    ],
)
def test_the_shape_of_a_devanagari_sentence(line: str, sentence: bool) -> None:
    from align.furniture import is_devanagari_sentence

    assert is_devanagari_sentence(line) is sentence


def test_a_list_after_the_last_paragraph_that_continues_the_story_is_text(
    make_event: Callable[..., Path],
) -> None:
    """List items weigh nothing in the body span, so a list at the body's edge was left out of it; a list whose
    items share the story's words continues it, a list of other stories does not."""
    facts = [
        "What closes when",
        "• Old bridge: shut to traffic from Monday",
        "• Northern ring road: widened by winter",
    ]
    others = ["• Mayor opens new library", "• Football club signs striker"]
    for after, kept in ((facts, facts), (others, [])):
        text = page("Council closes the old bridge for repairs", STORY_A, after=[*after, "Share", "Log in"])
        corpus = make_event({"a.txt": text}, event=f"event-{len(kept)}")
        [article] = read_event(corpus / f"event-{len(kept)}", CONFIG)
        assert article.text.split("\n")[1:] == STORY_A + [line.lstrip("• ") for line in kept]


def test_a_live_blog_is_one_body_per_entry_joined_by_their_time_stamps(
    make_event: Callable[..., Path],
) -> None:
    """Each time stamp over a live blog's entry used to cost the body like any furniture line, so short entries
    between stamps fell out of it; a stamp joins the entries around it and is itself dropped."""
    entries = [
        STORY_A[0],
        "Buses will replace the ferry until May.",
        "The mayor says the works are on time.",
        "Shops near the bridge report fewer customers.",
        STORY_A[1],
    ]
    stamps = ["17:40 IST", "17:15 IST", "16:55 IST", "16:20 IST"]
    body = [line for pair in zip(entries, [*stamps, ""], strict=True) for line in pair if line]
    text = page("Bridge closure: live updates", body, before=MENU, after=["Share", "Log in"])
    entry = {"file": "a.txt", "language": "en", "title": "Bridge closure: live updates"}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == ["Bridge closure: live updates", *entries]
    assert all(reasons(article)[stamp] == "non_sentence" for stamp in stamps)


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("10:45 IST", True),
        ("7.15 pm", True),
        ("22h10", True),
        ("१०:४५ बजे", True),
        ("Duration 6:02", False),
        ("12.5", False),
        ("CANNES, May 23", False),
    ],
)
def test_a_clock_stamp_is_a_time_of_day_alone(line: str, stamp: bool) -> None:
    from align.furniture import is_clock_stamp

    assert is_clock_stamp(line) is stamp


def test_lines_right_above_the_body_that_share_its_words_are_its_summary(
    make_event: Callable[..., Path],
) -> None:
    """A live blog's highlights are headlines without a full stop, right above the first entry; bylines and stamps
    in the same place share none of the story's words and still go."""
    highlights = [
        "Old bridge shut for six months of repairs",
        "Steel beams under the deck corroding, engineers warn",
    ]
    title = "Council closes the old bridge for repairs"
    for event, above, kept in (
        ("event-1", highlights, highlights),
        ("event-2", ["By Jane Doe", "Updated 3 hours ago"], []),
    ):
        text = page(title, STORY_A, before=MENU, after=["Share", "Log in"])
        text = text.replace(f"{title}\n", "\n".join([title, "Share", *above, ""]))
        entry = {"file": "a.txt", "language": "en", "title": title}
        corpus = make_event({"a.txt": text, "manifest.jsonl": manifest(entry)}, event=event)
        [article] = read_event(corpus / event, CONFIG)
        assert article.text.split("\n") == [title, *kept, *STORY_A]


def test_a_fact_list_after_the_body_continues_the_story_its_headline_names(
    make_event: Callable[..., Path],
) -> None:
    """A profile's closing fact list ("Born: ...", "<name>'s firm: ...") is about the person the headline names, not
    about the paragraphs' words: the headline and standfirst count as the story's words (and "Sen's" is Sen)."""
    title = "Who is Mira Sen? The engineer who shut the old bridge"
    facts = [
        "Mira Sen in numbers",
        "• Born: 1981, Leeds",
        "• Engineer since: 2005",
        "• Mira Sen's firm: Sen & Partners",
        "• Awards: 3",
    ]
    text = page(title, STORY_A, before=MENU, after=[*facts, "Share", "Log in"])
    entry = {"file": "a.txt", "language": "en", "title": title}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, *STORY_A, *(line.lstrip("• ") for line in facts)]


def test_a_list_with_its_heading_after_one_inserted_line_is_text_and_the_line_is_not(
    make_event: Callable[..., Path],
) -> None:
    """A site puts a teaser (or an ad slot) between the last paragraph and the story's closing list; the list still
    continues the story, the inserted line is still judged on its own."""
    teaser = "Next | Mayor opens new library"
    facts = [
        "What closes when",
        "• Old bridge: shut to traffic from Monday",
        "• Northern ring road: widened by winter",
    ]
    title = "Council closes the old bridge for repairs"
    text = page(title, STORY_A, before=MENU, after=[teaser, *facts, "Share", "Log in"])
    entry = {"file": "a.txt", "language": "en", "title": title}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, *STORY_A, *(line.lstrip("• ") for line in facts)]
    assert reasons(article)[teaser] == "non_sentence"


def test_a_summary_under_a_players_controls_is_kept_and_the_controls_are_not(
    make_event: Callable[..., Path],
) -> None:
    """A live blog's highlights right above the first entry, under a video player's controls and a "Key
    Highlights" label: the summary reaches up to its topmost line sharing the story's words (one line sharing none
    may stand among them), so the controls no longer outvote it; a summary needs two lines that share the words."""
    title = "Bridge closure: live updates"
    controls = ["Play Video", "Mute", "Fullscreen", "Key Highlights"]
    highlights = [
        "Old bridge shut for six months of repairs",
        "Steel beams under the deck corroding, engineers warn",
        "Detour adds 20 minutes for drivers",
    ]
    for event, above, kept in (
        ("event-1", [*controls, *highlights], highlights),
        ("event-2", ["By Jane Doe", highlights[0], "Updated 3 hours ago"], []),
    ):
        text = page(title, STORY_A, before=MENU, after=["Share", "Log in"])
        text = text.replace(f"{title}\n", "\n".join([title, "Share", *above, ""]))
        entry = {"file": "a.txt", "language": "en", "title": title}
        corpus = make_event({"a.txt": text, "manifest.jsonl": manifest(entry)}, event=event)
        [article] = read_event(corpus / event, CONFIG)
        assert article.text.split("\n") == [title, *kept, *STORY_A]


FACT_BOX_PAGE = (
    "<html><head><title>Council closes the old bridge for repairs</title></head><body>"
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
    "<main><article><h1>Council closes the old bridge for repairs</h1>"
    f"<p>{STORY_A[0]}</p><p>{STORY_A[1]}</p>"
    "<aside class='factbox'><h4>The bridge at a glance</h4><ul>"
    "<li>Built: 1904, steel deck</li><li>Closed: six months from Monday</li></ul></aside>"
    f"<p>{STORY_A[2]}</p></article>"
    "<aside class='sidebar'><h3>Most read</h3><ul><li><a href='/a'>Mayor opens new library</a></li>"
    "<li><a href='/b'>Football club signs striker</a></li></ul></aside></main>"
    "<footer>© 2026 The Daily Example</footer></body></html>"
)


def test_a_fact_box_aside_inside_the_article_reaches_the_judgement_and_a_sidebar_does_not(
    make_event: Callable[..., Path],
) -> None:
    """trafilatura removes every <aside> before it looks for the article, so a story's fact box was lost with the
    sidebars; an aside inside <article> is the article's, one outside it is still left out."""
    [article] = read_event(make_event({"a.html": FACT_BOX_PAGE}) / "event-1", CONFIG)
    lines = article.text.split("\n")
    for kept in ("The bridge at a glance", "Built: 1904, steel deck", "Closed: six months from Monday"):
        assert kept in lines
    assert lines[-1] == STORY_A[2]
    assert not any("library" in line or "striker" in line for line in lines)


def test_html_without_an_aside_in_its_article_is_given_to_the_extractor_unchanged() -> None:
    from align.corpus import with_article_asides_opened

    sidebar_only = FACT_BOX_PAGE.replace("<aside class='factbox'>", "<div>").replace(
        "</ul></aside><p>", "</ul></div><p>"
    )
    assert with_article_asides_opened(sidebar_only) == sidebar_only
    opened = with_article_asides_opened(FACT_BOX_PAGE)
    assert "factbox" in opened and opened.count("<aside") == 1


STRAY_ITEMS_BOX = (
    "<aside class='factbox'><p>Fact box</p><h4>The bridge at a glance</h4>"
    "<li>Built: 1904, steel deck</li><li>Closed: six months from Monday</li>"
    "<li>Detour: northern ring road, about 20 minutes longer</li></aside>"
)


def test_a_fact_box_of_bare_list_items_keeps_its_items_with_their_offsets(
    make_event: Callable[..., Path],
) -> None:
    """A box written as <li> items with no <ul> around them (browsers show them as bullets): trafilatura reads an
    <li> only inside a list, so the items were lost even with the box opened; now each item is a line of the
    article's text, between the paragraphs it stood between, and a sidebar outside the article still goes."""
    box = (
        "<aside class='factbox'><h4>The bridge at a glance</h4><ul>"
        "<li>Built: 1904, steel deck</li><li>Closed: six months from Monday</li></ul></aside>"
    )
    # The box after the first paragraph, so that two paragraphs of the story follow it.
    html = FACT_BOX_PAGE.replace(box, "").replace(
        f"<p>{STORY_A[1]}</p>", f"{STRAY_ITEMS_BOX}<p>{STORY_A[1]}</p>"
    )
    assert STRAY_ITEMS_BOX in html
    [article] = read_event(make_event({"a.html": html}) / "event-1", CONFIG)
    lines = article.text.split("\n")
    items = [
        "Built: 1904, steel deck",
        "Closed: six months from Monday",
        "Detour: northern ring road, about 20 minutes longer",
    ]
    at = lines.index(STORY_A[0])
    assert lines[at + 1 :] == ["The bridge at a glance", *items, *STORY_A[1:]]
    for item in items:
        start = article.text.index(item)
        assert article.text[start : start + len(item)] == item
    assert not any("library" in line or "striker" in line for line in lines)


def test_stray_list_items_are_listed_in_one_list_and_a_page_without_them_is_unchanged() -> None:
    from align.corpus import with_article_asides_opened

    listed = "<html><body><ul><li>Home</li></ul><p>Story text.</p></body></html>"
    assert with_article_asides_opened(listed) == listed
    opened = with_article_asides_opened(
        "<html><body><div><h4>Box</h4><li>One</li><li>Two</li></div><p>x</p><li>Three</li></body></html>"
    )
    # Two runs of stray items: each gets a list of its own, and no item stays outside one.
    assert opened.count("<ul") == 2
    assert "<div><h4>Box</h4><ul" in opened and "<li>One</li><li>Two</li></ul>" in opened


def test_the_same_fact_box_in_a_text_scrape_is_text(make_event: Callable[..., Path]) -> None:
    """The fact box as a scraper's plain text gives it: its label, heading and bullets between two paragraphs."""
    title = "Council closes the old bridge for repairs"
    box = ["The bridge at a glance", "• Built: 1904, steel deck", "• Closed: six months from Monday"]
    text = page(title, [*STORY_A[:2], *box, STORY_A[2]], before=MENU, after=["Share", "Print", "Newsletter"])
    entry = {"file": "a.txt", "language": "en", "title": title}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [
        title,
        *STORY_A[:2],
        "The bridge at a glance",
        "Built: 1904, steel deck",
        "Closed: six months from Monday",
        STORY_A[2],
    ]


WIRE_STORY = [
    "India's women won the Nations Cup on Sunday, beating hosts France 3-1 in a penalty shootout after a 2-2 draw.",
    "Goalkeeper Bindiya Ekka saved three of the four French attempts, and the captain scored the decisive penalty.",
    "France coach Antoine Reverdy said his team had left the match in the third quarter, when it had four corners.",
]
LAST_SENTENCE = "India beat Spain 2-0 in Saturday's semi-final, while France beat Ireland 4-3 in theirs."


def test_a_last_sentence_with_few_stop_words_that_continues_the_story_is_text(
    make_event: Callable[..., Path],
) -> None:
    """jusText calls a sentence of names and scores bad (2 stop words in 14, under its 30%), so the last line of a
    wire story was dropped as boilerplate. A sentence right after the body, with grammar (two stop words or more)
    and a word of the story, is the story's; a copyright line or a sentence sharing no word with it is not."""
    title = "India women beat France in shootout to win Nations Cup"
    credit = "Reporting by Karan Malhotra in Lille; Editing by Ed Hartley"
    text = page(title, [*WIRE_STORY, LAST_SENTENCE], before=MENU, after=[credit, "Share this article", "X"])
    entry = {"file": "a.txt", "language": "en", "title": title}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, *WIRE_STORY, LAST_SENTENCE]
    for other in (
        "Copyright © 2026 Meridian Newswire Pvt Ltd, Lille. All rights reserved in India.",
        "Sunscreen sales climbed 40% as umbrella sales slumped 12% in Delhi shops.",
    ):
        text = page(title, [*WIRE_STORY, other], before=MENU, after=[credit, "Share this article", "X"])
        corpus = make_event({"a.txt": text, "manifest.jsonl": manifest(entry)}, event=f"e-{len(other)}")
        [article] = read_event(corpus / f"e-{len(other)}", CONFIG)
        assert reasons(article)[other] == "boilerplate"


def test_on_a_page_without_article_an_aside_of_text_is_read_and_an_aside_of_links_is_not(
    make_event: Callable[..., Path],
) -> None:
    """Without an <article> element the markup does not say whose an aside is; its link text does: a fact box is
    text (its lines then judged like any others), a sidebar of links to other stories stays out."""
    html = FACT_BOX_PAGE.replace("<main><article>", "<main><div class='story'>").replace(
        "</article>", "</div>"
    )
    assert "<article" not in html
    [article] = read_event(make_event({"a.html": html}) / "event-1", CONFIG)
    lines = article.text.split("\n")
    at = lines.index(STORY_A[1])
    assert lines[at + 1 : at + 4] == [
        "The bridge at a glance",
        "Built: 1904, steel deck",
        "Closed: six months from Monday",
    ]
    assert not any("library" in line or "striker" in line for line in lines)


FRENCH_STORY = [
    "Le conseil municipal a voté mardi la fermeture du vieux pont sur la rivière pour au moins six mois de travaux.",
    "Les ingénieurs avaient averti l'an dernier que les poutres d'acier sous le tablier se corrodaient plus vite que prévu.",
    "La circulation sera déviée par la rocade nord, que la mairie a promis d'élargir avant l'hiver qui vient.",
]
# Per script: a newsletter's lines above the headline (a sentence among them), the headline, the story.
ABOVE_THE_HEADLINE = {
    "en": (
        ["The Morning Brief", "Issue #812 · Wednesday", "Was this forwarded to you? Sign up here and we will send it to you every weekday at 7 am."],
        "Council closes the old bridge for repairs",
        STORY_A,
    ),
    "fr": (
        ["La Lettre du matin", "Numéro 812 · mercredi", "Ce message vous a été transféré ? Inscrivez-vous ici pour le recevoir chaque matin à 7 heures."],
        "Le vieux pont fermé pour travaux",
        FRENCH_STORY,
    ),
    "hi": (
        ["सुबह की चिट्ठी", "अंक 812 · बुधवार", "क्या यह आपको किसी ने भेजा है? इसे हर सुबह सात बजे अपने इनबॉक्स में पाने के लिए यहां साइन अप करें।"],
        "पुराना पुल छह महीने के लिए बंद",
        HINDI_STORY,
    ),
}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_what_stands_above_the_headline_is_not_the_story(
    make_event: Callable[..., Path], language: str
) -> None:
    """A page opens the article with its headline: the masthead, the issue line and a sign-up sentence above it are
    the site's, even when a sentence among them reads as text (it used to start the body, and pull the lines above
    it in as the story's summary)."""
    before, title, story = ABOVE_THE_HEADLINE[language]
    entry = {"file": "a.txt", "language": language, "title": title}
    text = page(title, story, before=before, after=["Share", "X"])
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, *story]
    assert set(reasons(article)) >= set(before)


SIGN_UP = {
    "en": ["Enjoying this? Get The Morning Brief in your inbox.", "That's it for today. See you tomorrow."],
    "fr": ["Vous aimez cette lettre ? Recevez-la chaque matin.", "C'est tout pour aujourd'hui. À demain."],
    "hi": ["क्या आपको यह पसंद आया? इसे रोज़ पाएं।", "आज के लिए इतना ही। कल मिलेंगे।"],
}
STORY_OF = {"en": (STORY_A, STORY_B), "fr": (FRENCH_STORY, FRENCH_STORY[::-1]), "hi": (HINDI_STORY, HINDI_STORY[::-1])}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_short_sentence_one_source_prints_on_two_pages_of_an_event_is_furniture(
    make_event: Callable[..., Path], language: str
) -> None:
    """A newsletter's sign-up and sign-off sentences stand on both of its pages about one event (one scraped as
    text, one as HTML): the same source printing the same short sentence twice is its furniture. Another outlet's
    copy of a sentence, and the source's own background paragraph, stay: that is shared reporting."""
    first, second = STORY_OF[language]
    sign_up, sign_off = SIGN_UP[language]
    background = first[1]  # a paragraph of text the source runs in both stories
    html = (
        "<html><head><title>Second story</title></head><body><article><h1>Second story</h1>"
        + "".join(f"<p>{line}</p>" for line in [second[0], sign_up, second[1], background, second[2], sign_off])
        + "</article></body></html>"
    )
    files = {
        "a.txt": page("First story", [first[0], sign_up, *first[1:], sign_off]),
        "b.html": html,
        "c.txt": page("Third story", [second[0], sign_off, *second[1:]]),
        "manifest.jsonl": manifest(
            {"file": "a.txt", "source": "The Brief", "language": language, "title": "First story"},
            {"file": "b.html", "source": "The Brief", "language": language, "title": "Second story"},
            {"file": "c.txt", "source": "Other Daily", "language": language, "title": "Third story"},
        ),
    }
    articles = read_event(make_event(files) / "event-1", CONFIG)
    for name in ("a.txt", "b.html"):
        article = article_of(articles, name)
        assert reasons(article)[sign_up] == "repeated"
        assert reasons(article)[sign_off] == "repeated"
        assert background in article.text.split("\n")


# Per script: a one-line teaser (cue, separator, headline), a teaser box (a cue alone and the headlines under it,
# then a subhead and a paragraph), a caption with a bracketed credit, a caption above a credit line.
TEASERS_AND_CAPTIONS = {
    "en": {
        "one_line": "Read also - How the city plans to keep traffic moving during the repairs",
        "box": ["ALSO READ", "Explainer: What the bridge inspection found, and who checks", "River ferry to run extra boats"],
        "subhead": "What happens next",
        "bracketed": "Workers inspect the steel beams under the old bridge on Monday. (Photo: City Council)",
        "caption": "Workers inspect the steel beams under the old bridge on Monday.",
        "credit": "Photo: Arjun Das / The Daily Example",
    },
    "fr": {
        "one_line": "Lire aussi | Comment la ville veut garder la circulation fluide pendant les travaux",
        "box": ["À lire aussi", "Pont : ce que l'inspection a trouvé, et qui contrôle", "Le bac fluvial renforcé"],
        "subhead": "Et maintenant",
        "bracketed": "Des ouvriers inspectent les poutres sous le vieux pont, lundi. (Photo : mairie)",
        "caption": "Des ouvriers inspectent les poutres sous le vieux pont, lundi.",
        "credit": "Crédit photo : Julien Ferrand / Le Courrier",
    },
    "hi": {
        "one_line": "ये भी पढ़ें- मरम्मत के दौरान शहर में यातायात कैसे चलेगा? जानिए पूरी योजना",
        "box": ["यह भी पढ़ें", "पुल की जांच में क्या मिला, कौन करता है निगरानी", "नदी पर चलेंगी और नौकाएं"],
        "subhead": "आगे क्या होगा",
        "bracketed": "सोमवार को पुल के नीचे लोहे के गर्डरों की जांच करते कर्मचारी। (फोटो: नगर निगम)",
        "caption": "सोमवार को पुल के नीचे लोहे के गर्डरों की जांच करते कर्मचारी।",
        "credit": "फोटो: पीएनएन",
    },
}
TITLES = {"en": "Council closes the old bridge for repairs", "fr": "Le vieux pont fermé pour travaux", "hi": "पुराना पुल छह महीने के लिए बंद"}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_inline_teasers_and_photo_captions_are_furniture_by_their_structure(
    make_event: Callable[..., Path], language: str
) -> None:
    """A text scrape keeps no link markup: an "also read" box is a cue and the headline-shaped lines it introduces
    (or a cue, a separator and a headline on one line), a caption is the line above a credit or one ending with a
    bracketed credit. The subhead after a box, and the story's paragraphs, stay."""
    parts = TEASERS_AND_CAPTIONS[language]
    story = STORY_OF[language][0]
    title = TITLES[language]
    body = [
        story[0],
        parts["caption"],
        parts["credit"],
        parts["one_line"],
        story[1],
        *parts["box"],
        parts["subhead"],
        story[2],
        parts["bracketed"],
        story[2],
    ]
    entry = {"file": "a.txt", "language": language, "title": title}
    text = page(title, body, before=["Home", "News"], after=["Share", "X"])
    article = read_page(make_event, text, entry)
    kept = article.text.split("\n")
    assert kept == [title, story[0], story[1], parts["subhead"], story[2], story[2]]
    dropped = reasons(article)
    for line in [parts["one_line"], *parts["box"]]:
        assert dropped[line] in ("teaser", "rule")
    for line in (parts["caption"], parts["bracketed"]):
        assert dropped[line] == "caption"


def test_teaser_and_caption_classes_can_be_switched_off(make_event: Callable[..., Path]) -> None:
    parts = TEASERS_AND_CAPTIONS["hi"]
    title = TITLES["hi"]
    body = [parts["caption"], parts["credit"], HINDI_STORY[0], parts["one_line"], *HINDI_STORY[1:]]
    entry = {"file": "a.txt", "language": "hi", "title": title}
    text = page(title, body)
    config = config_from_dict({"corpus": {"furniture": ["rule", "repeated", "non_sentence", "boilerplate"]}}).corpus
    [article] = read_event(make_event({"a.txt": text, "manifest.jsonl": manifest(entry)}) / "event-1", config)
    assert parts["one_line"] in article.text.split("\n")
    assert "caption" not in set(reasons(article).values())


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_table_of_figures_in_the_body_is_kept_one_row_a_line(
    make_event: Callable[..., Path], language: str
) -> None:
    """The extractor left tables out, so a table of figures inside the story was lost; its rows are now lines of
    text (cells joined by spaces), weighed as data where they stand, not dropped for failing to be sentences."""
    story = STORY_OF[language][0]
    title = TITLES[language]
    rows = {
        "en": [("Item", "Figure"), ("Length", "480 m"), ("Closed for", "six months"), ("Cost", "$12 million")],
        "fr": [("Poste", "Chiffre"), ("Longueur", "480 m"), ("Fermeture", "six mois"), ("Coût", "12 M€")],
        "hi": [("मद", "आंकड़ा"), ("लंबाई", "480 मीटर"), ("बंद", "छह महीने"), ("लागत", "12 करोड़ रुपये")],
    }[language]
    table = (
        "<table><thead><tr><th>" + "</th><th>".join(rows[0]) + "</th></tr></thead><tbody>"
        + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows[1:])
        + "</tbody></table>"
    )
    html = (
        f"<html><head><title>{title}</title></head><body><nav><a>Home</a> <a>News</a></nav><article>"
        f"<h1>{title}</h1><p>{story[0]}</p><p>{story[1]}</p>{table}<p>{story[2]}</p><p>{story[0]}</p>"
        "</article><footer><p>© 2026 The Daily Example</p></footer></body></html>"
    )
    entry = {"file": "a.html", "language": language, "title": title}
    [article] = read_event(make_event({"a.html": html, "manifest.jsonl": manifest(entry)}) / "event-1", CONFIG)
    lines = article.text.split("\n")
    at = lines.index(story[1])
    assert lines[at + 1 : at + 5] == [f"{a} {b}" for a, b in rows]
    assert lines[at + 5] == story[2]


PULL_QUOTE = {
    "en": ("The council said: \"We will not reopen the bridge before the beams are safe again.\" Work starts Monday.",
           "\"We will not reopen the bridge before the beams are safe again.\""),
    "fr": ("Le maire a déclaré : « Nous ne rouvrirons pas le pont avant que les poutres soient sûres. » Les travaux commencent lundi.",
           "« Nous ne rouvrirons pas le pont avant que les poutres soient sûres. »"),
    "hi": ("महापौर ने कहा, \"जब तक गर्डर सुरक्षित नहीं होंगे, हम पुल नहीं खोलेंगे।\" काम सोमवार से शुरू होगा।",
           "\"जब तक गर्डर सुरक्षित नहीं होंगे, हम पुल नहीं खोलेंगे।\""),
}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_pull_quote_that_repeats_a_paragraph_of_the_page_is_furniture(
    make_event: Callable[..., Path], language: str
) -> None:
    """A page sets a quote of its own story apart in large type: the paragraph holds the words already, the line
    that repeats them is display (a subhead of a few words that a paragraph happens to contain is not)."""
    paragraph, pull_quote = PULL_QUOTE[language]
    story = STORY_OF[language][0]
    title = TITLES[language]
    body = [story[0], paragraph, pull_quote, story[1], story[2]]
    entry = {"file": "a.txt", "language": language, "title": title}
    text = page(title, body, before=["Home", "News"], after=["Share", "X"])
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, story[0], paragraph, story[1], story[2]]
    assert reasons(article)[pull_quote] == "repeated"


STANDFIRST = {
    "en": "A magnitude 6.2 earthquake struck central Assam early on Tuesday. Follow our live coverage for updates.",
    "fr": "Un séisme de magnitude 6,2 a frappé l'Assam dans la nuit de lundi à mardi. Suivez avec nous tout ce qui se passe sur place.",
    "hi": "मंगलवार तड़के असम में 6.2 तीव्रता का भूकंप आया। ताज़ा जानकारी के लिए हमारे साथ बने रहें और पढ़ते रहें।",
}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_standfirst_under_a_byline_and_a_share_bar_is_text(
    make_event: Callable[..., Path], language: str
) -> None:
    """The standfirst is the first sentence under the title that reads as a paragraph, even when a byline, a time
    stamp and a share bar stand between them and furniture (a video player) between it and the body."""
    story = STORY_OF[language][0]
    title = TITLES[language]
    before_body = ["Web Desk", "Updated: 17.11.2026, 19:40", "WhatsApp | Facebook | X", STANDFIRST[language]]
    body = [*before_body, "Watch: drone footage", "00:00 / 02:14", "Unmute", "Key events", *story]
    entry = {"file": "a.txt", "language": language, "title": title}
    text = page(title, body, before=["Home", "News"], after=["Share", "X"])
    article = read_page(make_event, text, entry)
    lines = article.text.split("\n")
    assert STANDFIRST[language] in lines
    assert "Web Desk" not in lines and "Unmute" not in lines


# Paragraphs in French and Hindi that read as article text, for the paywall and box-label tests.
STORY_FR = [
    "Le conseil municipal a voté mardi la fermeture du vieux pont sur la rivière pour au moins six mois de travaux.",
    "Les ingénieurs avaient averti dans un rapport l'an dernier que les poutres en acier se corrodaient plus vite que prévu.",
    "La circulation sera déviée par la rocade nord, que le conseil a promis d'élargir avant le début de l'hiver.",
]
STORY_HI = [
    "नगर परिषद ने मंगलवार को नदी पर बने पुराने पुल को कम से कम छह महीने की मरम्मत के लिए बंद करने का फैसला किया है।",
    "इंजीनियरों ने पिछले साल अपनी रिपोर्ट में कहा था कि पुल के नीचे लगे स्टील के बीम उम्मीद से ज्यादा तेजी से गल रहे हैं।",
    "परिषद ने कहा कि इस दौरान यातायात को उत्तरी रिंग रोड से भेजा जाएगा और सर्दी से पहले उस सड़क को चौड़ा किया जाएगा।",
]
TITLES = {
    "en": "Council closes the old bridge for repairs",
    "fr": "Le conseil ferme le vieux pont pour travaux",
    "hi": "मरम्मत के लिए पुराना पुल छह महीने बंद",
}
STORIES = {"en": STORY_A, "fr": STORY_FR, "hi": STORY_HI}
PAYWALL_NOTICES = {
    "en": ["Subscribe to continue reading this article.", "Already a subscriber? Sign in"],
    "fr": ["Il vous reste 45 % de cet article à lire. La suite est réservée aux abonnés.", "Déjà abonné ? Se connecter"],
    "hi": ["पूरी खबर पढ़ने के लिए सब्सक्राइब करें।", "पहले से सदस्य हैं? लॉग इन करें"],
}
# A sentence of reporting that names subscribers, alone among the paragraphs: the story's, not a notice.
SUBSCRIBER_SENTENCES = {
    "en": "The local paper said its subscribers had asked about the bridge.",
    "fr": "Le journal local a indiqué que ses abonnés l'interrogeaient sur le pont.",
    "hi": "स्थानीय अखबार ने कहा कि उसके कई सब्सक्राइब करने वाले पाठकों ने पुल के बारे में पूछा।",
}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_paywall_notice_after_the_last_paragraph_is_furniture_and_a_sentence_about_subscribers_is_not(
    make_event: Callable[..., Path], language: str
) -> None:
    """The notices a paywall leaves in a scrape ("La suite de cet article est réservée aux abonnés", "Déjà abonné ?
    Se connecter") go with the rule class where they stand as notices (after the last paragraph, or two together);
    a sentence of the story that names subscribers, among its paragraphs, stays."""
    title, story, notices = TITLES[language], STORIES[language], PAYWALL_NOTICES[language]
    body = [story[0], SUBSCRIBER_SENTENCES[language], *story[1:]]
    for event, lines in (
        ("event-1", [*body, notices[0]]),  # after the last paragraph
        ("event-2", [*body[:3], *notices, *body[3:]]),  # a paywall box the scrape kept amid the paragraphs
    ):
        entry = {"file": "a.txt", "language": language, "title": title}
        corpus = make_event({"a.txt": page(title, lines), "manifest.jsonl": manifest(entry)}, event=event)
        [article] = read_event(corpus / event, CONFIG)
        assert article.text.split("\n") == [title, *body]
        assert {d.text for d in article.dropped if d.reason == "rule"} == set(lines) - set(body)


BOX_LABELS = {"en": "In short", "fr": "L'essentiel", "hi": "खबर की खास बातें"}
BOX_ITEMS = {
    "en": ["• Old bridge shut for six months", "• Traffic sent over the northern ring road"],
    "fr": ["• Vieux pont fermé six mois", "• Circulation déviée par la rocade nord"],
    "hi": ["• पुराना पुल छह महीने बंद", "• यातायात उत्तरी रिंग रोड से"],
}
CROSSHEADS = {"en": "Repairs at a glance", "fr": "Les travaux en chiffres", "hi": "मरम्मत एक नजर में"}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_the_label_of_a_highlights_box_is_furniture_and_its_items_keep_their_own_judgement(
    make_event: Callable[..., Path], language: str
) -> None:
    """A short line that is no sentence, right above bullets at the top of the story and sharing few of its
    words, is the label of the site's highlights box ("In short", "L'essentiel", "खबर की खास बातें"); the items
    under it are the story's summary and stay. A crosshead over a list among the paragraphs is the story's."""
    title, story, label = TITLES[language], STORIES[language], BOX_LABELS[language]
    items = BOX_ITEMS[language]
    closing = [CROSSHEADS[language], *items]
    text = page(title, [label, *items, *story, *closing], before=MENU)
    entry = {"file": "a.txt", "language": language, "title": title}
    corpus = make_event({"a.txt": text, "manifest.jsonl": manifest(entry)})
    [article] = read_event(corpus / "event-1", CONFIG)
    kept = article.text.split("\n")
    assert label not in kept and reasons(article)[label] == "non_sentence"
    assert CROSSHEADS[language] in kept
    bare = [item.lstrip("• ") for item in items]
    assert kept == [title, *bare, *story, CROSSHEADS[language], *bare]


# Per script: a standfirst, a fourth paragraph, a crosshead (a question, a section title), a related box's heading and
# the headlines under it: the blocks of a page whose markup sits directly in <body> (no <article>, no <main>).
FLAT_PAGE_PARTS = {
    "en": {
        "standfirst": "The council says the bridge will reopen before the monsoon, but engineers are less sure.",
        "more": "Repairs of this kind usually take longer than planned, the engineers' report said in its conclusion.",
        "crossheads": ["Why now?", "What happens to the ferry"],
        "related": ["Most read", "Ring road widening to start in October", "Mayor defends the bridge budget"],
    },
    "fr": {
        "standfirst": "La mairie promet une réouverture avant l'été, mais les ingénieurs se montrent plus prudents.",
        "more": "Ce type de chantier dure en général plus longtemps que prévu, concluait le rapport des ingénieurs.",
        "crossheads": ["Pourquoi maintenant ?", "Un chantier de six mois"],
        "related": ["Les plus lus", "La rocade nord élargie dès octobre", "Le maire défend le budget du pont"],
    },
    "hi": {
        "standfirst": "परिषद का कहना है कि पुल बारिश से पहले खुल जाएगा, लेकिन इंजीनियर इस पर पूरी तरह सहमत नहीं हैं।",
        "more": "रिपोर्ट के अनुसार इस तरह की मरम्मत में आम तौर पर तय समय से ज्यादा वक्त लगता है और खर्च भी बढ़ जाता है।",
        "crossheads": ["अभी क्यों?", "छह महीने का काम"],
        "related": ["ताज़ा खबरें", "अक्टूबर से चौड़ी होगी रिंग रोड", "महापौर ने पुल के बजट का बचाव किया"],
    },
}


def flat_page(language: str) -> str:
    parts, title, story = FLAT_PAGE_PARTS[language], TITLES[language], STORIES[language]
    first, second = parts["crossheads"]
    blocks = [
        "<p>The Daily Example</p>",
        "<nav><a href='#'>Home</a></nav><nav><a href='#'>City</a></nav>",
        f"<h1>{title}</h1>",
        f"<p>{parts['standfirst']}</p>",
        f"<p>{story[0]}</p>",
        f"<p>{story[1]}</p>",
        f"<h2>{first}</h2>",
        f"<p>{story[2]}</p>",
        f"<h2>{second}</h2>",
        f"<p>{parts['more']}</p>",
        f"<h2>{parts['related'][0]}</h2>",
        *(f"<p><a href='#'>{headline}</a></p>" for headline in parts["related"][1:]),
        "<p>© 2026 The Daily Example</p>",
    ]
    return f"<html><head><title>{title}</title></head><body>{''.join(blocks)}</body></html>"


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_crossheads_of_a_page_without_an_article_element_are_text_and_a_boxs_heading_is_not(
    make_event: Callable[..., Path], language: str
) -> None:
    """trafilatura reads headings only inside an article container: on a page whose blocks sit in <body>, the
    <h2> crossheads between two paragraphs were lost (and the headline put above the masthead, which hid the
    standfirst under it). A heading between two kept paragraphs is put back as the story's subhead, the headline
    where its <h1> stands; the heading of a related box, with links under it, stays out."""
    parts, title, story = FLAT_PAGE_PARTS[language], TITLES[language], STORIES[language]
    entry = {"file": "a.html", "language": language, "title": title}
    corpus = make_event({"a.html": flat_page(language), "manifest.jsonl": manifest(entry)})
    [article] = read_event(corpus / "event-1", CONFIG)
    first, second = parts["crossheads"]
    kept = article.text.split("\n")
    assert kept == [title, parts["standfirst"], story[0], story[1], first, story[2], second, parts["more"]]
    assert parts["related"][0] not in kept


# Per script: a first paragraph led by a dateline, right above a photo credit (the extractor left the caption out).
DATELINE_LED = {
    "en": ("Riverside: The city council voted on Tuesday to close the old bridge for at least six months of repairs.", "Photo: Arjun Das / The Daily Example"),
    "fr": ("LILLE. Le conseil municipal a voté mardi la fermeture du vieux pont pour au moins six mois de travaux.", "Crédit photo : Julien Ferrand / Le Courrier"),
    "hi": ("नासिक: नगर परिषद ने मंगलवार को पुराने पुल को कम से कम छह महीने की मरम्मत के लिए बंद करने का फैसला किया।", "फोटो: देश संवाद"),
}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_paragraph_led_by_a_dateline_above_a_credit_is_text_not_a_caption(
    make_event: Callable[..., Path], language: str
) -> None:
    """A caption is the short line a credit stands under; a paragraph that opens with a dateline ("नासिक: ...",
    "LILLE. ...") is the story's first, even when the credit of an image whose caption the extractor left out
    stands right under it. Its dateline is read as metadata; the credit still goes."""
    title, story = TITLES[language], STORIES[language]
    first, credit = DATELINE_LED[language]
    entry = {"file": "a.txt", "language": language, "title": title}
    text = page(title, [first, credit, *story[1:]], before=MENU)
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, first, *story[1:]]
    assert reasons(article)[credit] in ("caption", "rule")
    assert article.dateline_place == first.split(":")[0].split(".")[0].title()


# Per language: a byline, the author's bio under the story, and a paragraph of the story that names its reporter.
BIOS = {
    "en": ("By Priya Nair", "Priya Nair writes on cities and transport for The Daily Example.", "Priya Nair is one of the reporters who first asked the council about the beams."),
    "fr": ("Par Antoine Delorme", "Antoine Delorme est journaliste au service Société, où il suit les transports.", "Antoine Delorme a été le premier à interroger la mairie sur les poutres."),
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_authors_bio_under_the_story_is_furniture_and_a_paragraph_naming_the_reporter_is_not(
    make_event: Callable[..., Path], language: str
) -> None:
    """A line that opens with a name of the byline and goes on as a profile ("... writes on", "... est
    journaliste") after the story's last paragraph is the author's box; the same name opening a paragraph with
    the story's paragraphs after it is reporting."""
    title, story = TITLES[language], STORIES[language]
    byline, bio, naming = BIOS[language]
    entry = {"file": "a.txt", "language": language, "title": title}
    text = page(title, [story[0], naming, *story[1:], bio], before=MENU, after=FOOTER[1:])
    text = text.replace(f"{title}\n", f"{title}\n{byline}\n", 1)
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, story[0], naming, *story[1:]]
    assert reasons(article)[bio] == "boilerplate"


STAFF_CREDITS = {
    "en": ("Reporting by Priya Nair in Riverside; Additional reporting by Tom Hale; Editing by Mark Potter", "Reporting by the local paper showed that the beams had been corroding for years."),
    "fr": ("Propos recueillis par Mathilde Roux", "Propos recueillis par la mairie, les témoignages des riverains ont été publiés mardi."),
}


@pytest.mark.parametrize("language", ["en"])
def test_a_staff_credit_line_under_the_story_is_furniture_and_a_sentence_opening_like_one_is_not(
    make_event: Callable[..., Path], language: str
) -> None:
    """A wire's "Reporting by ...; Editing by ..." line (or "Propos recueillis par ...") under the last paragraph
    goes with the rule class; a sentence of the story that opens with the same words ends as a sentence and stays."""
    title, story = TITLES[language], STORIES[language]
    credit, sentence = STAFF_CREDITS[language]
    entry = {"file": "a.txt", "language": language, "title": title}
    # A long sentence under the credit (here a cookie notice) keeps it inside the body's run of lines.
    text = page(title, [story[0], sentence, *story[1:], credit], before=MENU, after=FOOTER)
    article = read_page(make_event, text, entry)
    assert article.text.split("\n")[:5] == [title, story[0], sentence, *story[1:]]
    assert reasons(article)[credit] == "rule"


def test_the_shape_of_a_staff_credit_line() -> None:
    from align.furniture import staff_credit_lines

    lines = [credit for credit, _ in STAFF_CREDITS.values()] + [sentence for _, sentence in STAFF_CREDITS.values()]
    lines += ["Reporting by Ananya Rao in Bengaluru and Tom Hollis in Mumbai; Editing by Mark Potter"]
    found = staff_credit_lines(lines, CONFIG.staff_credit_lines, [None] * len(lines))
    assert found == {0, 1, 4}


# Per script: a paywall offer of two cues, left by the scrape amid the paragraphs (the paywalled text goes on below).
PAYWALL_OFFERS = {
    "en": "This article is for subscribers. Subscribe now to keep reading.",
    "fr": "Cet article est réservé à nos abonnés. Abonnez-vous pour 1 € le premier mois.",
    "hi": "यह प्रीमियम लेख है। आगे पढ़ने के लिए सब्सक्राइब करें।",
}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_paywall_offer_of_two_cues_amid_the_paragraphs_is_furniture(
    make_event: Callable[..., Path], language: str
) -> None:
    """A line alone among the paragraphs is a notice when it holds two different cues of the trade (a sentence
    of the story that names subscribers names them once, and stays: see the test above)."""
    title, story, offer = TITLES[language], STORIES[language], PAYWALL_OFFERS[language]
    body = [story[0], SUBSCRIBER_SENTENCES[language], story[1], offer, story[2]]
    entry = {"file": "a.txt", "language": language, "title": title}
    corpus = make_event({"a.txt": page(title, body), "manifest.jsonl": manifest(entry)})
    [article] = read_event(corpus / "event-1", CONFIG)
    assert article.text.split("\n") == [title, *(line for line in body if line != offer)]
    assert reasons(article)[offer] == "rule"


AGENCY_CREDITS = {
    "en": ("Workers inspect the steel beams under the old bridge in Riverside, March 3, 2026.", "DEX/Arjun Das"),
    "fr": ("Des ouvriers inspectent les poutres sous le vieux pont, le 3 mars 2026.", "JULIEN FERRAND / APM"),
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_agencys_photo_credit_without_a_label_and_its_caption_are_furniture(
    make_event: Callable[..., Path], language: str
) -> None:
    """A wire photo's credit is an agency's initials and the photographer's name joined by a slash, with no
    "Photo:" label; the caption right above it goes with it, the paragraphs stay."""
    title, story = TITLES[language], STORIES[language]
    caption, credit = AGENCY_CREDITS[language]
    entry = {"file": "a.txt", "language": language, "title": title}
    text = page(title, [story[0], caption, credit, *story[1:]], before=MENU)
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, *story]
    assert reasons(article)[caption] == reasons(article)[credit] == "caption"


# Per script: the subscriber part of a story as a paywall script serves it (hidden until it shows it), a hidden menu
# inside the article and a hidden sign-in box outside it.
HIDDEN_PARTS = {
    "en": {"menu": ["Home", "City", "Sport"], "modal": "Sign in to keep reading every story on The Daily Example today."},
    "fr": {"menu": ["Accueil", "Ville", "Sport"], "modal": "Connectez-vous pour lire la suite de tous nos articles aujourd'hui."},
    "hi": {"menu": ["होम", "शहर", "खेल"], "modal": "आज की हर खबर पढ़ने के लिए द डेली एक्ज़ाम्पल पर साइन इन करें और जुड़े रहें।"},
}


def hidden_text_page(language: str, hiding: str) -> str:
    parts, title, story = HIDDEN_PARTS[language], TITLES[language], STORIES[language]
    menu = "".join(f"<li><a href='/{n}'>{item}</a></li>" for n, item in enumerate(parts["menu"]))
    return (
        f"<html><head><title>{title}</title></head><body>"
        f"<div class='modal' style='display:none'><p>{parts['modal']}</p></div>"
        f"<main><article><h1>{title}</h1><ul hidden>{menu}</ul>"
        f"<p>{story[0]}</p><p>{story[1]}</p>"
        f"<div class='paywalled' {hiding}><p>{story[2]}</p><p>{FLAT_PAGE_PARTS[language]['more']}</p></div>"
        "</article></main><footer>© 2026 The Daily Example</footer></body></html>"
    )


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
@pytest.mark.parametrize("hiding", ["style='display:none'", "style='visibility: hidden; color: red'", "hidden"])
def test_the_hidden_subscriber_part_of_an_article_is_text_and_a_hidden_menu_is_not(
    make_event: Callable[..., Path], language: str, hiding: str
) -> None:
    """The extractor leaves hidden elements out, so the paragraphs of a story's subscriber part (served in the page
    inside the article, hidden until a script shows them) were lost. Inside the article hidden text is read like
    the rest and judged like it: the paragraphs are text, a hidden menu of links there is still furniture, and a
    hidden box outside the article stays out."""
    title, story = TITLES[language], STORIES[language]
    entry = {"file": "a.html", "language": language, "title": title}
    corpus = make_event({"a.html": hidden_text_page(language, hiding), "manifest.jsonl": manifest(entry)})
    [article] = read_event(corpus / "event-1", CONFIG)
    kept = article.text.split("\n")
    assert kept == [title, *story, FLAT_PAGE_PARTS[language]["more"]]
    assert HIDDEN_PARTS[language]["modal"] not in article.text


def test_a_page_without_hidden_text_in_its_article_is_given_to_the_extractor_unchanged() -> None:
    from align.corpus import with_hidden_article_text_shown

    visible = hidden_text_page("en", "").replace(" hidden>", ">")
    assert with_hidden_article_text_shown(visible) == visible
    shown = with_hidden_article_text_shown(hidden_text_page("en", "style='visibility:hidden; color: red'"))
    assert "visibility" not in shown and "color: red" in shown and "display:none" in shown  # the modal's stays


def flat_page_with_a_list(language: str) -> str:
    """A page whose blocks sit in <body>: two paragraphs, a crosshead over bullets written as paragraphs ("• ..."),
    a crosshead under them, two paragraphs; then a related box (its heading over bullets that are links)."""
    parts, title, story = FLAT_PAGE_PARTS[language], TITLES[language], STORIES[language]
    second = parts["crossheads"][1]
    items = "".join(f"<p>{item}</p>" for item in BOX_ITEMS[language])
    related = "".join(f"<p>• <a href='#'>{headline}</a></p>" for headline in parts["related"][1:])
    blocks = [
        "<p>The Daily Example</p>",
        "<nav><a href='#'>Home</a></nav><nav><a href='#'>City</a></nav>",
        f"<h1>{title}</h1>",
        f"<p>{story[0]}</p>",
        f"<p>{story[1]}</p>",
        f"<h3>{CROSSHEADS[language]}</h3>",
        items,
        f"<h2>{second}</h2>",
        f"<p>{story[2]}</p>",
        f"<p>{parts['more']}</p>",
        f"<h2>{parts['related'][0]}</h2>",
        related,
        "<p>© 2026 The Daily Example</p>",
    ]
    return f"<html><head><title>{title}</title></head><body>{''.join(blocks)}</body></html>"


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_crossheads_above_and_below_a_list_of_a_flat_page_are_text_and_a_link_boxs_heading_is_not(
    make_event: Callable[..., Path], language: str
) -> None:
    """A heading between two blocks of the story is the story's whatever the blocks are: the crosshead over the
    bullets and the one after them (whose block above is a list item, not a sentence paragraph) were lost on a
    page whose blocks sit in <body>. The heading over a box of links stays out."""
    parts, title, story = FLAT_PAGE_PARTS[language], TITLES[language], STORIES[language]
    entry = {"file": "a.html", "language": language, "title": title}
    corpus = make_event({"a.html": flat_page_with_a_list(language), "manifest.jsonl": manifest(entry)})
    [article] = read_event(corpus / "event-1", CONFIG)
    kept = article.text.split("\n")
    bare = [item.lstrip("• ") for item in BOX_ITEMS[language]]
    assert kept == [title, story[0], story[1], CROSSHEADS[language], *bare, parts["crossheads"][1], story[2], parts["more"]]
    assert parts["related"][0] not in article.text


# A Hindi summary under the headline as outlets print it: a clause with finite verbs, few stop words, no danda; a line of
# the same length that holds no verb (a run of topic names), which is not one.
HINDI_SUMMARY = "नगर निगम 2028 तक स्टील गर्डर वाला नया ढांचा बनाएगा, उत्तरी रिंग रोड चार लेन चौड़ी होगी"
HINDI_TOPICS = "पुल मरम्मत नगर परिषद उत्तरी रिंग रोड यातायात बस ट्रक नदी इंजीनियर रिपोर्ट बजट महापौर शहर"


@pytest.mark.parametrize(("under_title", "kept"), [(HINDI_SUMMARY, True), (HINDI_TOPICS, False)])
def test_a_hindi_summary_without_a_danda_right_under_the_headline_is_text(
    make_event: Callable[..., Path], under_title: str, kept: bool
) -> None:
    """jusText calls a Hindi line bad when it holds few of its stop words (weak evidence in Hindi), and a line
    without a danda is no sentence, so the summary under the headline was dropped as non_sentence. Right under the
    title a Hindi clause with a finite verb, of paragraph length, is the standfirst, as a Devanagari sentence with
    one is text in the body; a line of names without a verb is still no summary."""
    title, story = TITLES["hi"], STORIES["hi"]
    text = page(title, [under_title, "संवाददाता, नई दिल्ली", "अपडेटेड: 11 मार्च 2027", "शेयर", *story], before=MENU)
    entry = {"file": "a.txt", "language": "hi", "title": title}
    article = read_page(make_event, text, entry)
    lines = article.text.split("\n")
    assert lines == [title, *([under_title] if kept else []), *story]
    if not kept:
        assert reasons(article)[under_title] == "non_sentence"


# Per script with capitals: a caption, its credit as a label and a name with no separator, and a crosshead that opens
# with the same word but is no name.
UNSEPARATED_CREDITS = {
    "en": ("Engineers inspect the steel beams under the old bridge on Monday.", "Photo Arjun Das", "Photo finish for the ferry"),
    "fr": ("Des ouvriers inspectent les poutres sous le vieux pont, lundi.", "Photo Julien Ferrand", "Photo de famille au conseil"),
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_credit_of_a_label_and_a_name_without_separator_and_its_caption_are_furniture(
    make_event: Callable[..., Path], language: str
) -> None:
    """A regional French outlet prints "Photo Nicolas Perrin" under the caption: the credit rule asked for a
    separator after the cue, so both stayed among the paragraphs. A cue followed by a person's name (two or three
    capitalised words) right under a caption-shaped sentence is a credit, and the sentence its caption; a crosshead
    that opens with the cue and goes on in words that are no name stays."""
    title, story = TITLES[language], STORIES[language]
    caption, credit, crosshead = UNSEPARATED_CREDITS[language]
    text = page(title, [story[0], caption, credit, story[1], crosshead, story[2]], before=MENU)
    entry = {"file": "a.txt", "language": language, "title": title}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, story[0], story[1], crosshead, story[2]]
    assert reasons(article)[caption] == reasons(article)[credit] == "caption"


def test_the_shape_of_a_credit_cue_and_a_name() -> None:
    from align.furniture import _cue_keys, _cue_then_name

    cues = _cue_keys(CONFIG.credit_cues)
    assert _cue_then_name("Photo Jérôme Bellanger", cues) and _cue_then_name("Crédit photo Léa Martin", cues)
    for line in ("Photo finish for the ferry", "Photo DEBASISH PATI", "Photo Arjun", "Photo A B C D", "Photos 12"):
        assert not _cue_then_name(line, cues)


# Per language: a box of past figures written as plain lines under its heading, and a ticker of the same shape.
FIGURE_BOXES = {
    "en": ("Past closures", ["1998: 4 months (floods)", "2007: 2 months (repairs)", "2015: 6 months (repairs)"]),
    "fr": ("Les fermetures passées", ["1998 : 4 mois (crue)", "2007 : 2 mois (travaux)", "2015 : 6 mois (travaux)"]),
    "hi": ("पिछली बार पुल बंद", ["1998: 4 महीने (बाढ़)", "2007: 2 महीने (मरम्मत)", "2015: 6 महीने (मरम्मत)"]),
}
TICKER = ["Sensex 74,310.55 -903.12 (-1.20%)", "Nifty 50 22,540.20 -271.05 (-1.19%)", "Bank Nifty 48,118.40 -432.65 (-0.89%)"]
COUNTERS = ["12 comments", "48 shares", "3 reactions"]


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_run_of_figures_between_paragraphs_is_the_story_s_data(
    make_event: Callable[..., Path], language: str
) -> None:
    """A box of past records written as plain lines under its heading ("पिछले रिकॉर्ड" / "1974: 47.1 डिग्री
    (अप्रैल)" ...) between two paragraphs: no line of it ends as a sentence, so each weighed against the body and
    split it, and the box and the paragraph after it were lost. A run of lines of one shape, each with a number,
    weighs as a list does: kept between the story's paragraphs. The same shape above the headline (a ticker) or
    under the story (counters) is the site's and stays dropped."""
    title, story = TITLES[language], STORIES[language]
    heading, box = FIGURE_BOXES[language]
    text = page(title, [story[0], story[1], heading, *box, story[2]], before=[*MENU, *TICKER], after=COUNTERS)
    entry = {"file": "a.txt", "language": language, "title": title}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, story[0], story[1], heading, *box, story[2]]
    dropped = reasons(article)
    assert all(line in dropped for line in [*TICKER, *COUNTERS])


def test_the_shape_of_a_line_of_figures() -> None:
    from align.furniture import figure_shape

    assert figure_shape("1974: 47.1 डिग्री (अप्रैल)") == figure_shape("2013: 47.9 डिग्री (मई)") == "0:0a(a)"
    assert figure_shape("Sensex 74,310.55 -903.12 (-1.20%)") == "a0-0(-0%)"
    assert figure_shape("Past closures") is None  # no number
    assert figure_shape("The bridge closed for 4 months in 1998.") is None  # a sentence


CURRENCY_NOTES = {"en": "($1 = 84.10 Indian rupees)", "fr": "(1 euro = 1,08 dollar)", "hi": "(1 डॉलर = 84.10 रुपये)"}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_wire_s_currency_note_after_the_story_is_text_and_its_credit_is_not(
    make_event: Callable[..., Path], language: str
) -> None:
    """Wire copy ends with the rate its figures were converted at, "($1 = 84.10 Indian rupees)": no sentence, so it
    was dropped as non_sentence under the story. An amount, "=", an amount and its currency, wholly in brackets,
    right after the body, is the story's data; the bracketed credit under it stays furniture."""
    title, story = TITLES[language], STORIES[language]
    note, credit = CURRENCY_NOTES[language], "(Reporting by Asha Rao; Editing by Tom Hale)"
    text = page(title, story, before=MENU, after=[note, credit, *FOOTER])
    entry = {"file": "a.txt", "language": language, "title": title}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, *story, note]
    assert credit in reasons(article)


STANDFIRSTS = {
    "en": "The council says the steel beams under the deck are corroding faster than expected and must be replaced.",
    "fr": "Le conseil estime que les poutres en acier sous le tablier se corrodent plus vite que prévu et doivent être changées.",
    "hi": "परिषद का कहना है कि पुल के नीचे लगे स्टील के बीम उम्मीद से ज्यादा तेजी से गल रहे हैं और उन्हें बदलना होगा।",
}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_standfirst_in_a_heading_under_the_headline_of_a_flat_page_is_text(
    make_event: Callable[..., Path], language: str
) -> None:
    """On a page whose blocks sit straight in <body>, trafilatura leaves every heading out: the standfirst written
    as an <h2> under the <h1> went with the headline, and with no kept block above it the crosshead rule could not
    put it back. The heading right under the headline's, when it reads as a paragraph, is put back under the
    headline; a short rubric heading there is no standfirst and stays out."""
    title, story, standfirst = TITLES[language], STORIES[language], STANDFIRSTS[language]
    html = (
        f"<html><head><title>{title}</title></head><body><p>The Daily Example</p><p>Home · News · Sport</p>"
        f"<h1>{title}</h1><h2>{standfirst}</h2>"
        + "".join(f"<p>{line}</p>" for line in story)
        + "<p>© 2026 The Daily Example</p></body></html>"
    )
    entry = {"file": "a.html", "language": language, "title": title}
    [article] = read_event(make_event({"a.html": html, "manifest.jsonl": manifest(entry)}) / "event-1", CONFIG)
    assert article.text.split("\n") == [title, standfirst, *story]
    rubric = html.replace(f"<h2>{standfirst}</h2>", "<h2>Local news</h2>")
    [article] = read_event(make_event({"a.html": rubric, "manifest.jsonl": manifest(entry)}) / "event-1", CONFIG)
    assert article.text.split("\n") == [title, *story]


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_loose_inline_items_between_blocks_are_items_of_their_own(
    make_event: Callable[..., Path], language: str
) -> None:
    """A date stamp and share buttons written as bare <span> and <a> side by side between the standfirst and the
    first paragraph: the extractor joined them into one line ("Kochi, April 07, 2027 07:30 am IST Facebook X
    WhatsApp Print"), which no rule could call a share bar. Each loose inline element among blocks is a block of its
    own, judged by its own words and links; a link inside a paragraph's sentence stays in the sentence."""
    title, story, standfirst = TITLES[language], STORIES[language], STANDFIRSTS[language]
    linked = story[1].split(" ", 3)
    paragraph = f"{linked[0]} {linked[1]} <a href='#'>{linked[2]}</a> {linked[3]}"
    html = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><h2>{standfirst}</h2>"
        "<span class='date'>Kochi, April 07, 2027 07:30 am IST</span>\n<a>Facebook</a>\n<a>X</a>\n<a>WhatsApp</a>\n"
        f"<a>Print</a>\n<p>{story[0]}</p><p>{paragraph}</p><p>{story[2]}</p></article></body></html>"
    )
    entry = {"file": "a.html", "language": language, "title": title}
    [article] = read_event(make_event({"a.html": html, "manifest.jsonl": manifest(entry)}) / "event-1", CONFIG)
    assert article.text.split("\n") == [title, standfirst, *story]


def test_html_without_a_run_of_loose_inline_items_is_given_to_the_extractor_unchanged() -> None:
    from align.corpus import with_loose_inline_runs_split

    for html in (
        "<html><body><p>The council <a>voted</a> <b>on Tuesday</b>.</p><div><a>One</a> and <a>two</a><p>x</p></div></body></html>",
        "<html><body><div><span>Alone</span><p>Text.</p></div></body></html>",
    ):
        assert with_loose_inline_runs_split(html) == html
    split = with_loose_inline_runs_split("<html><body><div><a>Facebook</a> <a>X</a><p>Text.</p></div></body></html>")
    assert split.count('<div data-align-item="1">') == 2


# Per language: a pull quote set apart with its speaker after a dash, quoting the paragraph above it.
ATTRIBUTED_PULL_QUOTES = {
    "en": ('"But a fire should not start at all on a boat like this," said Mr Rao, an engineer who advised the council.',
           '"A fire should not start at all on a boat like this." - R. Rao, engineer'),
    "fr": ("« Un incendie ne devrait jamais se déclarer sur un bateau comme celui-ci », a dit M. Rault, ingénieur du conseil.",
           "« Un incendie ne devrait jamais se déclarer sur un bateau comme celui-ci » – R. Rault, ingénieur"),
    "hi": ('इंजीनियर राव ने कहा, "ऐसी नाव में आग कभी लगनी ही नहीं चाहिए, यह सबसे बड़ा सवाल है।"',
           '"ऐसी नाव में आग कभी लगनी ही नहीं चाहिए, यह सबसे बड़ा सवाल है।" - आर. राव, इंजीनियर'),
}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_pull_quote_with_its_speaker_is_repeated_furniture(make_event: Callable[..., Path], language: str) -> None:
    """A pull quote set apart with its speaker after a dash ('"A fire should not start at all." - R. Sreekumar,
    naval architect') does not end as a sentence, so the pull-quote rule (a sentence repeating a passage of a
    longer line near it) missed it. Its quotation is what is compared: repeated furniture."""
    title, story = TITLES[language], STORIES[language]
    paragraph, quote = ATTRIBUTED_PULL_QUOTES[language]
    text = page(title, [story[0], paragraph, quote, story[1], story[2]], before=MENU)
    entry = {"file": "a.txt", "language": language, "title": title}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, story[0], paragraph, story[1], story[2]]
    assert reasons(article)[quote] == "repeated"


AGENCY_CAPTIONS = {
    "en": "Engineers inspect the steel beams under the old bridge in Pune, India, March 3, 2026. WGW/Stringer",
    "fr": "Des ouvriers inspectent les poutres sous le vieux pont à Lyon, le 3 mars 2026. APM/Jean Dupont",
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_caption_ending_with_an_agency_credit_is_furniture(make_event: Callable[..., Path], language: str) -> None:
    """Wire pages print the caption and the agency's credit on one line ("... April 6, 2027. WGW/Stringer"): right
    under the byline it was read as the standfirst. A caption whose last full stop is followed by an agency credit
    is a caption, and goes wherever it stands."""
    title, story = TITLES[language], STORIES[language]
    caption = AGENCY_CAPTIONS[language]
    text = page(title, ["By Asha Rao", caption, *story], before=MENU)
    entry = {"file": "a.txt", "language": language, "title": title}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, *story]
    assert reasons(article)[caption] == "caption"


def test_the_shape_of_a_credit_cue_and_names_joined_by_a_slash() -> None:
    from align.furniture import _cue_keys, _cue_then_name

    cues = _cue_keys(CONFIG.credit_cues)
    assert _cue_then_name("Photo L'Estuaire Normand / M. L.", cues)
    assert _cue_then_name("Photo The Daily Example / A. R.", cues)
    for line in ("Photo finish / for the ferry", "Photos 12 / 3", "Photo de famille / au conseil"):
        assert not _cue_then_name(line, cues)


# Per language: a fact box written as "label: value" lines of different shapes under its heading (as a Hindi
# outlet prints "एक नज़र में" / "फंसी ट्रॉलियां: 11" / "रोपवे रुका: शुक्रवार शाम 6:35 बजे" ...), what follows a
# story on such a page (a teaser box, tags, a comment count, two reader comments written "Name: ..."), and a list of
# dated links under a teaser cue.
FACT_BOXES = {
    "en": ("At a glance", ["Bridge closed: Tuesday, 6 pm", "Repairs: 6 months", "Cost: 4.2 million euros", "Traffic diverted: 1,200 trucks a day"]),
    "fr": ("En bref", ["Fermeture : mardi, 18 h", "Durée des travaux : 6 mois", "Poutres à changer : 48 sur 60", "Circulation déviée : 1 200 camions par jour"]),
    "hi": ("एक नज़र में", ["पुल बंद: मंगलवार शाम 6 बजे", "मरम्मत: 6 महीने", "लागत: 4.2 करोड़ रुपये", "यातायात: रोज़ 1,200 ट्रक"]),
}
AFTER_THE_STORY = {
    "en": ["Also read", "Ring road widening to start in October as traffic grows", "Tags: bridge, council, ring road", "2 comments",
           "Ravi Menon: The council should have done this years ago, the bridge was shaking every day.", "Anna K: About time."],
    "fr": ["À lire aussi", "La rocade nord élargie dès octobre face au trafic", "Mots-clés : pont, conseil, rocade", "2 commentaires",
           "Jean-Luc D. : Il était temps, le pont tremblait à chaque passage de camion depuis des années.", "Marie35 : Enfin !"],
    "hi": ["ये भी पढ़ें", "अक्टूबर से चौड़ी होगी रिंग रोड, बढ़ते यातायात को देखते हुए फैसला", "टैग: पुल, परिषद, रिंग रोड", "2 टिप्पणियां",
           "रमेश कुमार: परिषद को यह काम बरसों पहले करना चाहिए था, पुल हर दिन हिलता है।", "अनीता: देर आए दुरुस्त आए।"],
}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
@pytest.mark.parametrize("where", ["after the story", "between paragraphs"])
def test_a_fact_box_of_label_and_value_lines_is_the_story_s_text(
    make_event: Callable[..., Path], language: str, where: str
) -> None:
    """A box of facts written as "label: value" lines under its heading, after the story's last paragraph or
    between two of them: the lines have different shapes (not a run of figures), none is a sentence, so each was
    dropped as non_sentence. Three or more lines in a row, each a short label, a colon and a value, every label a
    different one, are a fact box, the story's data as list items are. What follows the story on such a page stays
    furniture: the teaser box, the tags, the comment count and the readers' comments (written "Name: ...", as
    sentences), which the box must not carry into the body."""
    title, story = TITLES[language], STORIES[language]
    heading, box = FACT_BOXES[language]
    after = AFTER_THE_STORY[language]
    body = [*story, heading, *box] if where == "after the story" else [story[0], story[1], heading, *box, story[2]]
    text = page(title, body, before=MENU, after=[*after, *FOOTER])
    entry = {"file": "a.txt", "language": language, "title": title}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, *body]
    assert all(line in reasons(article) for line in after)


# Per language: a year-by-year timeline under its heading, right under a teaser box (a cue and one headline), between
# two paragraphs; and a list of dated links right under a cue, with no heading of its own, after the story.
TIMELINES = {
    "en": ("The bridge's history", ["1962: opened to traffic", "1998: closed four months after the floods", "2015: deck resurfaced, 6 months of work"]),
    "fr": ("L'histoire du pont", ["1962 : mise en service", "1998 : fermé quatre mois après la crue", "2015 : tablier refait, 6 mois de travaux"]),
    "hi": ("पुल का सफर", ["1962: यातायात के लिए खुला", "1998: बाढ़ के बाद चार महीने बंद", "2015: डेक की मरम्मत, 6 महीने का काम"]),
}
DATED_LINKS = {
    "en": ["12 May: Ring road widening to start in October", "10 May: Mayor defends the bridge budget", "8 May: Ferry fares to rise"],
    "fr": ["12 mai : La rocade nord élargie dès octobre", "10 mai : Le maire défend le budget du pont", "8 mai : Le bac plus cher"],
    "hi": ["12 मई: अक्टूबर से चौड़ी होगी रिंग रोड", "10 मई: महापौर ने पुल के बजट का बचाव किया", "8 मई: नाव का किराया बढ़ेगा"],
}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_timeline_under_its_heading_after_a_teaser_box_is_text_and_dated_links_under_a_cue_are_not(
    make_event: Callable[..., Path], language: str
) -> None:
    """A teaser box without an end mark (a cue, one headline) right above a timeline's heading ("पूजा का सफर") and
    its lines ("2019: ...", "2023: ..."): the teaser rule took every headline-shaped line under the cue up to the
    next paragraph, the heading and the timeline with it. A heading of its own over a run of data opens the story's
    block, so the box ends above it. A list of dated links right under a cue, with no heading of its own, is still
    the box's and goes."""
    title, story = TITLES[language], STORIES[language]
    cue, teaser = AFTER_THE_STORY[language][:2]
    heading, timeline = TIMELINES[language]
    body = [story[0], story[1], cue, teaser, heading, *timeline, story[2], FLAT_PAGE_PARTS[language]["more"]]
    text = page(title, body, before=MENU, after=[cue, *DATED_LINKS[language], *FOOTER])
    entry = {"file": "a.txt", "language": language, "title": title}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, story[0], story[1], heading, *timeline, story[2], FLAT_PAGE_PARTS[language]["more"]]
    dropped = reasons(article)
    assert dropped[teaser] == "teaser" and all(line in dropped for line in DATED_LINKS[language])


def test_the_label_of_a_line_written_as_a_fact() -> None:
    from align.furniture import fact_label, fact_runs

    assert fact_label("फंसी ट्रॉलियां: 11") == "फंसी ट्रॉलियां" and fact_label("Durée des travaux : 6 mois") == "durée des travaux"
    assert fact_label("Ravi Menon: The council should have acted years ago.") is None  # a comment ends as a sentence
    assert fact_label("Home | News | Sport") is None and fact_label("The council's own engineers said so: repairs") is None
    repeated = ["Also read: 12 May, ring road widening", "Also read: 10 May, mayor defends budget", "Also read: 8 May, fares"]
    assert fact_runs(repeated, [None] * 3) == set()  # one label over and over is a list of links
    related = ["Grenoble : un nouveau pôle de formation", "Voreppe : Vercors Composites inaugure sa ligne", "Vif : la gare rénovée"]
    assert fact_runs(related, [None] * 3) == set()  # "Place : headline" states no figure
    assert fact_runs(["Récap", *FACT_BOXES["fr"][1]], [None] * 5) == {0, 1, 2, 3, 4}


# Per language: a crosshead over a ranking written as numbered <p>s, a crosshead under it, and a "most read" box of
# numbered links, on a page whose blocks sit in <body>.
RANKINGS = {
    "en": ("The 3,000 m steeplechase result", "The other results", "Most read"),
    "fr": ("Le classement du 3 000 m steeple", "Les autres résultats", "Les plus lus"),
    "hi": ("3000 मीटर स्टीपलचेज़ का नतीजा", "बाकी नतीजे", "सबसे ज्यादा पढ़ी गईं"),
}
RANKING_ROWS = ["1. Pooja Rana (IND) 9'12\"48 (NR)", "2. Esther Chebet (KEN) 9'13\"05", "3. Maëlle Guivarc'h (FRA) 9'25\"10", "4. Lotte Verbruggen (BEL) 9'27\"66"]


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_crossheads_over_and_under_a_numbered_ranking_of_a_flat_page_are_text_and_a_most_read_box_is_not(
    make_event: Callable[..., Path], language: str
) -> None:
    """On a page whose blocks sit in <body> the extractor leaves every heading out; one between two kept blocks of
    the story is put back when each block is a paragraph, a list item or a table row. A ranking set as numbered
    paragraphs ("1. Pooja Rana (IND) 9'12"48", "2. ...") is neither, so the heading over it and the one after it
    ("Le classement du 3 000 m steeple", "Les autres résultats") were lost. Lines numbered 1, 2, 3 ... in a row are
    a list; a numbered box of links ("Les plus lus") still stays out."""
    title, story = TITLES[language], STORIES[language]
    over, under, most_read = RANKINGS[language]
    more = FLAT_PAGE_PARTS[language]["more"]
    related = FLAT_PAGE_PARTS[language]["related"][1:]
    blocks = [
        "<p>The Daily Example</p>",
        "<nav><a href='#'>Home</a></nav><nav><a href='#'>City</a></nav>",
        f"<h1>{title}</h1>",
        f"<p>{story[0]}</p>",
        f"<p>{story[1]}</p>",
        f"<h3>{over}</h3>",
        *(f"<p>{row}</p>" for row in RANKING_ROWS),
        f"<h2>{under}</h2>",
        f"<p>{story[2]}</p>",
        f"<p>{more}</p>",
        f"<h2>{most_read}</h2>",
        *(f"<p>{n}. <a href='#'>{headline}</a></p>" for n, headline in enumerate([*related, related[0]], start=1)),
        "<p>© 2026 The Daily Example</p>",
    ]
    html = f"<html><head><title>{title}</title></head><body>{''.join(blocks)}</body></html>"
    entry = {"file": "a.html", "language": language, "title": title}
    [article] = read_event(make_event({"a.html": html, "manifest.jsonl": manifest(entry)}) / "event-1", CONFIG)
    assert article.text.split("\n") == [title, story[0], story[1], over, *RANKING_ROWS, under, story[2], more]
    assert most_read not in article.text


def test_numbered_runs_count_up_by_one() -> None:
    from align.furniture import numbered_runs

    lines = ["Results", "1. Rana 9'12", "2. Chebet 9'13", "3. Guivarc'h 9'25", "5. Ribeiro", "2019. A year", "3. Mai"]
    assert numbered_runs(lines) == {1, 2, 3}
    assert numbered_runs(["1. One", "3. Three", "5. Five"]) == set()


# Per language: a paragraph that quotes someone, the quotation set apart as a pull quote without its sentence's end,
# and a paragraph that is a whole quotation repeating nothing.
CUT_PULL_QUOTES = {
    "en": ("\"We knew the beams were worn. The report told us: close the bridge before the winter,\" the mayor told the council on Tuesday evening.",
           "\"The report told us: close the bridge before the winter\"",
           "\"We will not reopen the bridge before every beam has been replaced and tested by the engineers\""),
    "fr": ("« Nous savions que les poutres étaient usées. Le rapport nous disait : il faut fermer le pont avant l'hiver », a expliqué le maire devant le conseil mardi soir.",
           "« Le rapport nous disait : il faut fermer le pont avant l'hiver »",
           "« Nous ne rouvrirons pas le pont avant que chaque poutre ait été changée et testée par les ingénieurs »"),
    "hi": ("\"हमें पता था कि बीम पुराने हो चुके हैं। रिपोर्ट में कहा गया था कि सर्दी से पहले पुल बंद करना होगा,\" महापौर ने मंगलवार शाम परिषद की बैठक में कहा।",
           "\"रिपोर्ट में कहा गया था कि सर्दी से पहले पुल बंद करना होगा\"",
           "\"जब तक हर बीम बदला और इंजीनियरों से जांचा नहीं जाता, हम पुल नहीं खोलेंगे\""),
}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_pull_quote_cut_short_of_its_sentence_s_end_is_repeated_and_a_whole_quotation_is_not(
    make_event: Callable[..., Path], language: str
) -> None:
    """A pull quote prints a passage of a paragraph in quotation marks, often without the end of its sentence ("«
    Mon entraîneur m'avait dit : attends la dernière rivière »"): the pull-quote rule asked for a sentence, so it
    stayed in the text twice. A line wholly inside one pair of quotation marks that repeats a passage of a longer
    line above it is the page's display of its own text; right over the paragraph that says it, the same line is
    that paragraph's crosshead (French papers head sections with a quote), and a whole quotation that repeats
    nothing is the story's."""
    title, story = TITLES[language], STORIES[language]
    quoting, pull, whole = CUT_PULL_QUOTES[language]
    entry = {"file": "a.txt", "language": language, "title": title}
    body = [story[0], quoting, pull, story[1], whole, story[2]]
    corpus = make_event({"a.txt": page(title, body, before=MENU), "manifest.jsonl": manifest(entry)})
    [article] = read_event(corpus / "event-1", CONFIG)
    assert article.text.split("\n") == [title, story[0], quoting, story[1], whole, story[2]]
    assert reasons(article)[pull] == "repeated"
    headed = [story[0], pull, quoting, story[1], whole, story[2]]
    corpus = make_event({"a.txt": page(title, headed, before=MENU), "manifest.jsonl": manifest(entry)}, event="event-2")
    [article] = read_event(corpus / "event-2", CONFIG)
    assert article.text.split("\n") == [title, *headed]


COPYRIGHT_CREDITS = {
    "en": ("Engineers inspect the steel beams under the old bridge on Monday.", "© The Daily Example / Arjun Das"),
    "fr": ("Des ouvriers inspectent les poutres sous le vieux pont, lundi.", "© L'Armor Républicain / Yann Quéré"),
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_credit_marked_by_a_copyright_sign_and_its_caption_are_furniture(
    make_event: Callable[..., Path], language: str
) -> None:
    """A French regional page credits its photo "© L'Armor Républicain / Yann Quéré" under the caption: no label,
    and no agency's initials, so neither credit rule read it and both lines stayed as text. A copyright sign over
    names joined by a slash is the credit's mark, as a label is; a footer's "© 2026 The Daily Example" (a year, no
    slash) is no credit and a sentence above it no caption. Latin script only (a name is told by its capitals)."""
    title, story = TITLES[language], STORIES[language]
    caption, credit = COPYRIGHT_CREDITS[language]
    text = page(title, [caption, credit, *story], before=MENU, after=["© 2026 The Daily Example"])
    entry = {"file": "a.txt", "language": language, "title": title}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, *story]
    assert reasons(article)[caption] == reasons(article)[credit] == "caption"
    assert reasons(article)["© 2026 The Daily Example"] != "caption"


# Per language: a box of results whose values are names, not figures, under its heading between two paragraphs
# ("Les autres vainqueurs" / "Simple messieurs : Rasmus Kjeldsen (Danemark)" ...); the site's label lines whose
# values are names too (an editor, a source, tags), with no heading over them; and a box of related headlines
# written "Topic: headline" under its own heading.
NAMES_BOXES = {
    "en": ("The other committees", ["Roads: Anita Rao (chair)", "Water: Peter Lang and Mary Osei", "Schools: John Baptiste (Ward 4)", "Parks: Leila Haddad"]),
    "fr": ("Les autres commissions", ["Voirie : Anita Rao (présidente)", "Eau : Pierre Lang et Marie Osei", "Écoles : Jean Baptiste (quartier Nord)", "Parcs : Leila Haddad"]),
    "hi": ("बाकी समितियां", ["सड़क: अनीता राव (अध्यक्ष)", "जल: पीटर लैंग और मैरी ओसेई", "स्कूल: जॉन बैप्टिस्ट (वार्ड चार)", "पार्क: लैला हद्दाद"]),
}
SITE_LABEL_LINES = {
    "en": ["Edited by: Ritika Sen", "Source: Daily Example Desk", "Tags: Bridge, Council, Ring Road", "Author: Anita Rao"],
    "fr": ["Édité par : Claire Dumontel", "Source : Rédaction Web", "Mots-clés : Pont, Conseil, Rocade", "Auteur : Anita Rao"],
    "hi": ["संपादक: रितिका सेन", "स्रोत: डेली एग्ज़ाम्पल डेस्क", "टैग: पुल, परिषद, रिंग रोड", "लेखक: अनीता राव"],
}
RELATED_TOPIC_HEADLINES = {
    "en": ("Most read", ["Rugby: England rest their captains for the Argentina tour", "Swimming: a European record at the national championships", "Tour de France: route of the queen stage unveiled"]),
    "fr": ("Les plus lus", ["Rugby : le XV de France sans ses cadres en Argentine", "Natation : un record d'Europe aux championnats de France", "Tour de France : le parcours de l'étape reine dévoilé"]),
    "hi": ("सबसे ज्यादा पढ़ी गईं", ["रग्बी: अर्जेंटीना दौरे पर कप्तानों को आराम", "तैराकी: राष्ट्रीय चैंपियनशिप में यूरोपीय रिकॉर्ड टूटा", "खेल: पुल के पास के मैदान में नई पिच बनेगी"]),
}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_box_of_names_under_its_heading_between_paragraphs_is_text_and_site_labels_and_related_boxes_are_not(
    make_event: Callable[..., Path], language: str
) -> None:
    """A box of "label : value" lines whose values are names, not figures ("Simple messieurs : Rasmus Kjeldsen
    (Danemark)", "Double dames : Mio Sato et Rena Kudo (Japon)"), under its heading between two paragraphs: the
    fact-box rule wanted a number in each line, so the box and its heading were dropped as non_sentence, and the
    paragraph under it stood alone outside the body. Three or more such lines, each a short label and a short
    value of names (at most one common word), under a heading of their own, are a fact box. What stays furniture:
    the site's label lines with names as values ("Edited by: ...", "Source: ...", "Tags: ...": no heading over
    them), and a box of related headlines written "Topic: headline" (clauses, not names)."""
    title, story = TITLES[language], STORIES[language]
    heading, box = NAMES_BOXES[language]
    related_heading, related = RELATED_TOPIC_HEADLINES[language]
    body = [story[0], story[1], heading, *box, story[2]]
    after = [*SITE_LABEL_LINES[language], related_heading, *related]
    text = page(title, body, before=MENU, after=[*after, *FOOTER])
    entry = {"file": "a.txt", "language": language, "title": title}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, *body]
    assert all(line in reasons(article) for line in after)


def test_a_value_of_names_is_short_and_holds_at_most_one_common_word() -> None:
    from align.furniture import fact_label, names_value, stop_words

    assert names_value("Rasmus Kjeldsen (Danemark)", stop_words("fr"))
    assert names_value("Mio Sato et Rena Kudo (Japon)", stop_words("fr"))
    assert names_value("मियो सातो और रेना कुडो (जापान)", stop_words("hi"))
    assert not names_value("le XV de France sans ses cadres", stop_words("fr"))
    assert not names_value("Surat's twins reach national final", stop_words("en"))
    assert not names_value("सचिवालय के पास गैस पाइपलाइन में रिसाव", stop_words("hi"))
    assert not names_value("मियो सातो और रेना कुडो (जापान)", frozenset())  # no case, no stop list: nothing tells
    # Without a stop list, a line needs a figure, as before; a comment ends as a sentence either way.
    assert fact_label("Simple messieurs : Rasmus Kjeldsen (Danemark)") is None
    assert fact_label("Simple messieurs : Rasmus Kjeldsen (Danemark)", stop_words("fr")) == "simple messieurs"
    assert fact_label("Gwen35 : Quelle course !", stop_words("fr")) is None


# Per language: readers' comments right under the story, each "Name: sentence" by a different reader; and an
# interview's last exchanges set the same way, whose speakers come back.
READER_COMMENTS = {
    "en": ["Ravi Menon: Every year the same story, when will they replace the old beams?", "Anna K: The ring road is already full at eight in the morning.", "Priya_22: Thanks to the engineers who worked all night."],
    "fr": ["Gwen35 : Chaque année la même histoire, quand changeront-ils les vieilles poutres ?", "Jean-Yves L. : La rocade est déjà saturée à huit heures du matin.", "athlé_breizh : Merci aux ingénieurs qui ont travaillé toute la nuit."],
    "hi": ["रमेशभाई पटेल: हर साल यही हाल, पुराने बीम कब बदलेंगे?", "सुनीता शर्मा: रिंग रोड पर सुबह आठ बजे ही जाम लग जाता है।", "अजय ठाकोर: इंजीनियर रात भर काम कर रहे हैं, उनका धन्यवाद।"],
}
INTERVIEW_ENDS = {
    "en": ["The Daily Example: Will the bridge reopen before the winter?", "Anita Rao: Not before every beam has been tested.", "The Daily Example: And the ring road?", "Anita Rao: It will be widened by October."],
    "fr": ["Le Quotidien : Le pont rouvrira-t-il avant l'hiver ?", "Anita Rao : Pas avant que chaque poutre ait été testée.", "Le Quotidien : Et la rocade ?", "Anita Rao : Elle sera élargie d'ici octobre."],
    "hi": ["डेली एग्ज़ाम्पल: क्या पुल सर्दी से पहले खुलेगा?", "अनीता राव: हर बीम की जांच से पहले नहीं।", "डेली एग्ज़ाम्पल: और रिंग रोड?", "अनीता राव: अक्टूबर तक चौड़ी हो जाएगी।"],
}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_readers_comments_under_the_story_are_furniture_and_an_interview_s_last_exchanges_are_not(
    make_event: Callable[..., Path], language: str
) -> None:
    """Readers' comments written "Name: sentence" right under the story (the comment form's heading left out by
    the extractor, or a comment count before them) are short sentences, so the body ran on over them and they were
    kept. Two or more in a row, each by a person (a name or a handle), each a sentence, every name a different one,
    after the page's last paragraph, are comments. An interview that ends with "Name: answer" exchanges repeats its
    speakers and stays."""
    title, story = TITLES[language], STORIES[language]
    comments = READER_COMMENTS[language]
    text = page(title, story, before=MENU, after=[*comments, *FOOTER])
    entry = {"file": "a.txt", "language": language, "title": title}
    article = read_page(make_event, text, entry)
    assert article.text.split("\n") == [title, *story]
    assert all(reasons(article).get(line) == "boilerplate" for line in comments)
    interview = INTERVIEW_ENDS[language]
    text = page(title, [*story, *interview], before=MENU, after=FOOTER)
    [article] = read_event(make_event({"a.txt": text, "manifest.jsonl": manifest(entry)}, event="event-2") / "event-2", CONFIG)
    assert article.text.split("\n")[: 1 + len(story) + len(interview)] == [title, *story, *interview]


def test_a_commenter_is_a_person_and_a_comment_a_sentence() -> None:
    from align.furniture import commenter, stop_words

    assert commenter("Gwen35 : Quelle course ! Bravo Maëlle.", stop_words("fr")) == "gwen35"
    assert commenter("रमेशभाई पटेल: हर साल यही हाल, पुरानी लाइनें कब बदलेंगे?", stop_words("hi")) == "रमेशभाई पटेल"
    assert commenter("Editor's note: An earlier version of this story said so.", stop_words("en")) is None
    assert commenter("Simple messieurs : Rasmus Kjeldsen (Danemark)", stop_words("fr")) is None  # no sentence
    assert commenter("पिछले साल का घाटा: 620 करोड़ रुपये था।", stop_words("hi")) is None  # "का" is no name's


# Per language: a video's title over its running time between two entries of a live page stamped "12:55 IST".
PLAYER_TITLES = {
    "en": ["Video: Water gushes out of the old bridge's broken main", "Watch | Drone footage of the closed bridge"],
    "fr": ["Vidéo : l'eau jaillit de la conduite cassée sous le vieux pont", "À voir | Le pont fermé vu du ciel"],
    "hi": ["वीडियो: पुराने पुल के नीचे टूटी पाइपलाइन से बहता पानी", "देखें | ड्रोन से बंद पुल का नजारा"],
}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_video_title_over_its_running_time_on_a_live_page_is_furniture(
    make_event: Callable[..., Path], language: str
) -> None:
    """A live page's embedded video leaves its title ("Video: Water gushes out of ...") and its running time
    ("01:48") between two entries; the running time weighs nothing there (a time of day, like an entry's stamp), so
    the title stayed in the body. On a page whose entries are stamped another way ("12:55 IST"), a bare minutes
    and seconds is a player's duration, and the labelled line right above it, no sentence, is the video's title. On
    a page whose own stamps are bare ("20:47"), the line over a stamp may end an entry ("Score: 2-1") and stays."""
    title, story = TITLES[language], STORIES[language]
    first, second = PLAYER_TITLES[language]
    body = ["12:55 IST", story[0], first, "01:48", "12:40 IST", story[1], second, "00:52", "12:20 IST", story[2]]
    text = page(title, body, before=MENU, after=FOOTER)
    entry = {"file": "a.txt", "language": language, "title": title}
    article = read_page(make_event, text, entry)
    assert first not in article.text and second not in article.text
    assert all(line in article.text for line in story)
    score = {"en": "Score: 2-1 after the break", "fr": "Score : 2-1 après la pause", "hi": "स्कोर: ब्रेक के बाद 2-1"}[language]
    body = ["20:47", story[0], score, "20:41", story[1], "20:30", story[2]]
    text = page(title, body, before=MENU, after=FOOTER)
    [article] = read_event(make_event({"a.txt": text, "manifest.jsonl": manifest(entry)}, event="event-2") / "event-2", CONFIG)
    assert score in article.text.split("\n")
