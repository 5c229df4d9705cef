"""Words that are no swap's rival (issue 13, names that a fact-checker can trust).

Two false-alarm classes of "different name", each a table; cases whose id starts with "guard-" were right before
too and must stay so (real swaps), every other case was labelled ``conflict`` before these rules (rules-5 as merged
from h13f).
"""

from __future__ import annotations

import pytest

from align.config import LabelConfig
from align.label import label
from tests.evidence.pairs import labelled, pair

SEED_EN = ("Within Anthropic, Sharma’s work included developing defenses against risks such as AI-assisted "
           "bioterrorism and studying phenomena such as sycophancy (the tendency of AI models to user adulation), as "
           "well as investigate how AI can influence human perception and change cultural behaviors.")
SEED_HI = ("मैं खुद को भाग्यशाली मानता हूं कि मैं यहां जो कुछ भी है उसमें योगदान दे सका: अल चाटुकारिता और उसके "
           "कारणों को समझना; अल-सहायता प्राप्त जैव आतंकवाद से जोखिमों को कम करने के लिए सुरक्षा विकसित करना; वास्तव "
           "में उन बचावों को उत्पादन में लगाना; और पहले एआई सुरक्षा मामलों में से एक लिखना।")
SEED_HI_EN = ("I consider myself fortunate that I was able to contribute to what is here: understanding Al sycophancy "
              "and its causes; developing protections to reduce risks from Al-assisted bioterrorism; actually putting "
              "those defences into production; and writing one of the first AI safety cases.")

# A rare Devanagari word set against a Latin name the other side has no counterpart for, on a Hindi side that has
# an English translation: the translation writes no name for it (चाटुकारिता is "sycophancy", अनुषंगी "subsidiary"),
# so it is a word. The guards are swaps the translation confirms (मेंडेस is "Mendes", यूक्रेन "Ukraine").
TRANSLATED = [
    pytest.param(SEED_EN, "en", SEED_HI, "hi", SEED_HI_EN, "agree", id="seed-sycophancy"),
    pytest.param("Sahyadri Motors said its Pune plant would make 40,000 scooters a month.", "en",
                 "कंपनी ने बताया कि उसकी अनुषंगी इकाई हर महीने 40,000 स्कूटर बनाएगी।", "hi",
                 "The company said its subsidiary unit would make 40,000 scooters every month.", "agree",
                 id="subsidiary"),
    pytest.param("Sharma said Anthropic had studied bioterrorism risks for two years.", "en",
                 "शर्मा ने कहा कि दो साल तक जैवआतंकवाद के जोखिमों का अध्ययन किया गया।", "hi",
                 "Sharma said the risks of bioterrorism were studied for two years.", "agree", id="bioterrorism"),
    pytest.param("The judge told Blake it was \"almost inevitable\" he was going to be sent to jail.", "en",
                 "न्यायाधीश ने मेंडेस को बताया कि यह “लगभग अटल” था, उसे जेल भेजा जाना था.", "hi",
                 "The judge told Mendes it was \"almost inevitable\" he was going to be sent to jail.", "conflict",
                 id="guard-a-transliterated-name-the-translation-writes"),
    pytest.param("\"That is, there's no in-principle objection to nuclear energy\" Mr Rossi said.", "en",
                 "श्री कोस्टेलो ने कहा कि परमाणु ऊर्जा पर कोई सैद्धांतिक आपत्ति नहीं है।", "hi",
                 "Mr Costello said that there is no in-principle objection to nuclear energy.", "conflict",
                 id="guard-a-name-after-a-title"),
    pytest.param("Around the 15th century, northern Estonia was under great cultural influence of Germany.", "en",
                 "15 वीं शताब्दी के आसपास, उत्तरी यूक्रेन जर्मनी के महान सांस्कृतिक के प्रभाव में था।", "hi",
                 "Around the 15th century, northern Ukraine was under great cultural influence of Germany.",
                 "conflict", id="guard-a-country-in-the-gazetteer"),
    pytest.param("Blake said he would appeal against the ruling.", "en",
                 "मेंडेस ने कहा कि वह फ़ैसले के ख़िलाफ़ अपील करेंगे।", "hi",
                 "Mendes said he would appeal against the ruling.", "conflict",
                 id="guard-a-name-opening-the-translation"),
    pytest.param("Le juge a dit à Blake qu'il était « presque inévitable » qu'il soit envoyé en prison.", "fr",
                 "न्यायाधीश ने मेंडेस को बताया कि यह “लगभग अटल” था, उसे जेल भेजा जाना था.", "hi",
                 "The judge told Mendes it was \"almost inevitable\" he was going to be sent to jail.", "conflict",
                 id="guard-french-against-hindi"),
]


@pytest.mark.parametrize(("text_a", "lang_a", "text_b", "lang_b", "english_b", "expected"), TRANSLATED)
def test_a_devanagari_word_is_a_rival_only_when_its_translation_names_it(
        text_a: str, lang_a: str, text_b: str, lang_b: str, english_b: str, expected: str) -> None:
    result = label([pair(text_a, lang_a, text_b, lang_b, en_b=english_b)], [], LabelConfig(), None)[0]
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]


def test_without_a_translation_the_rare_word_is_still_read_as_a_name() -> None:
    """The translation is what says चाटुकारिता is a word: without one, behaviour is unchanged (a rival)."""
    result = label([pair(SEED_EN, "en", SEED_HI, "hi")], [], LabelConfig(), None)[0]
    assert any("चाटुकारिता" in e.note for e in result.evidence)


DECCAN = (("Menon had been MD of Deccan Cements since 2019.", "en", "मेनन 2019 से डेक्कन सीमेंट्स के एमडी थे।", "hi"),)

# A title spelt in Devanagari letter names (एमडी = MD, सीईओ = CEO, सीएफओ = CFO) is a title, as "Mr" is: never a
# name, and where it stands for its holder ("the CFO said") the person the other side names is that holder. The
# guards: a person after a title is still set against another person, an acronym that is no title is still a name.
TITLES = [
    pytest.param(("Deccan Cements said Rajiv Menon resigned on Monday.", "en",
                  "डेक्कन सीमेंट्स ने बताया कि उसके एमडी ने सोमवार को इस्तीफा दे दिया।", "hi"), DECCAN, "agree",
                 id="md-against-the-person-the-batch-writes-md-in-latin"),
    pytest.param(("Managing director Rajiv Menon said output would rise 8% this year.", "en",
                  "एमडी ने कहा कि इस साल उत्पादन 8% बढ़ेगा।", "hi"), DECCAN, "agree", id="md-for-its-holder"),
    pytest.param(("Steel output rose 8% in October, chairman Rajiv Menon said.", "en",
                  "अक्टूबर में इस्पात उत्पादन 8% बढ़ा, सीएमडी ने कहा।", "hi"), (), "agree", id="cmd-for-its-holder"),
    pytest.param(("Output will rise 8% this year, CEO Rajiv Menon said.", "en",
                  "इस साल उत्पादन 8% बढ़ेगा, सीईओ कौस्तुभ बंद्योपाध्याय ने कहा।", "hi"), (), "conflict",
                 id="guard-a-person-after-the-title"),
    pytest.param(("Output will rise 8% this year, CEO Rajiv Menon said.", "en",
                  "Output will rise 8% this year, CEO Anil Kapadia said.", "en"), (), "conflict",
                 id="guard-latin-titles-before-two-people"),
    pytest.param(("The search for a new CFO will be led by a panel chaired by Rajiv Menon.", "en",
                  "The search for a new CFO will be led by a panel chaired by Anil Kapadia.", "en"), (), "conflict",
                 id="guard-a-title-beside-a-named-person-is-someone-else"),
    pytest.param(("Le président du conseil, Rajiv Menon, dirigera le comité.", "fr",
                  "नए सीएफओ की तलाश के लिए स्वतंत्र निदेशक कौस्तुभ बंद्योपाध्याय की अध्यक्षता में एक कमेटी बनाई गई है।", "hi"),
                 (), "conflict", id="guard-a-title-beside-a-hindi-name-is-someone-else"),
    pytest.param(("When the tenants started sharing what had occurred to them, most of the families involved "
                  "suddenly realized that Daniel Weber of the OHA had stolen their security deposits, and skipped "
                  "out of town.", "en",
                  "जब किरायेदारों ने साझा करना शुरू किया कि उनके साथ क्या हुआ था, तो इसमें शामिल ज़्यादातर परिवारों को "
                  "अचानक पता चला कि ओएचए के कैरोलिन विल्सन ने उनकी सुरक्षा जमा राशि चुरा ली थी और शहर से भाग गया "
                  "था.", "hi"), (), "conflict", id="guard-an-acronym-that-is-no-title"),
]


@pytest.mark.parametrize(("case", "context", "expected"), TITLES)
def test_a_title_spelt_in_letter_names_is_no_rival(case: tuple, context: tuple, expected: str) -> None:
    result = labelled(case, context)
    assert result.label == expected, [(e.kind, e.a, e.b, e.note) for e in result.evidence]
