"""Negation paraphrases between clean translations (FLORES-200 dev, CC BY-SA; issue 13, rules-6): a negation on
one side that the other side says with a word (escaping, avoiding, cancelling, doubting, an "-able" adjective
with a negative prefix), a contrastive "not" that negates a noun phrase and no clause, and a negation word inside
an idiom. Each AGREE case but the one marked fails on rules-5; the GUARD cases (an inserted "not", also beside a word
that only sometimes states a negative: बचे "remaining", बचा "save") must stay conflicts."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

AGREE = [
    pytest.param(("Virgin have only purchased the ‘good bank’ of Northern Rock, not the asset management company.",
                  "en", "वर्जिन ने केवल उत्तरी रॉक के 'अच्छा बैंक' को खरीदा है, न कि संपत्ति प्रबंधन करने वाली कंपनी को।",
                  "hi"), id="contrastive-not"),
    pytest.param(("Virgin n’a acheté que la « banque saine » de Northern Rock, pas la société de gestion d’actifs.",
                  "fr", "वर्जिन ने केवल उत्तरी रॉक के 'अच्छा बैंक' को खरीदा है, न कि संपत्ति प्रबंधन करने वाली कंपनी को।",
                  "hi"), id="contrastive-pas"),
    pytest.param(("The 30-year-old husband, who was born in Buffalo, was one of the four killed in the shooting, but "
                  "his wife was not hurt.", "en", "शूटिंग में मरने वाले चार लोगों में से एक 30 वर्षीय पति था, जिसका जन्म "
                  "बफ़ेलो में हुआ था, लेकिन उसकी बीवी बच गयी।", "hi"), id="not-hurt-is-escaped"),
    pytest.param(("Karno is a well-known but controversial English tutor who claimed to have 9,000 students.", "en",
                  "Célèbre mais pas moins controversé tuteur d'anglais, Karno a affirmé avoir dirigé 9 000 étudiants.",
                  "fr"), id="pas-moins-is-no-less"),
    pytest.param(("People were hitting the panes with chairs, but the windows were unbreakable.", "en",
                  "लोग कुर्सियों से शीशे पर मार रहे थे, लेकिन खिड़कियां नहीं टूटी थीं।", "hi"), id="unbreakable"),
    pytest.param(("Les gens frappaient les vitres avec des chaises, mais les fenêtres étaient incassables.", "fr",
                  "लोग कुर्सियों से शीशे पर मार रहे थे, लेकिन खिड़कियां नहीं टूटी थीं।", "hi"), id="incassables"),
    pytest.param(("As radar became ever more accurate, the submarines were forced to go under water to avoid being "
                  "seen.", "en", "Étant donné leur précision sans cesse grandissante, les sous-marins étaient "
                  "obligés de passer sous l'eau pour ne pas être repérés.", "fr"), id="sans-cesse-is-no-negative"),
    pytest.param(("D’autres scientifiques affirment que ces plantes sont très toxiques, il est donc peu probable "
                  "qu’un dinosaure les ait mangées.", "fr", "दूसरे वैज्ञानिकों का तर्क है कि ये पौधे काफ़ी जहरीले होते "
                  "हैं इसलिए यह संभव ही नहीं है कि कोई डाइनासोर इन्हें खाएँ.", "hi"), id="peu-probable-is-unlikely"),
    pytest.param(("Lodin also said officials decided to cancel the runoff to save Afghans the expense of another "
                  "election.", "en", "लॉडिन ने यह भी कहा कि अधिकारियों ने दूसरे चुनाव के खर्च को बचाने के लिए न "
                  "भागने का फैसला लिया है.", "hi"), id="cancel"),
    pytest.param(("Bien que les autorités aient des doutes quant à la crédibilité de la menace, l'autorité a "
                  "proclamé leur fermeture.", "fr", "अधिकारियों को खतरे की सच्चाई के बारे में पता नहीं है, इसलिए "
                  "प्राधिकरण ने इसकी छानबीन बंद कर दी है.", "hi"), id="doutes"),
    # A guard, agreed on by rules-5 too: "mais pas de" is a negative quantifier ("but no place"), no contrast.
    pytest.param(("Casey Fenton found a cheap flight to Iceland but did not have a place to stay.", "en",
                  "Casey Fenton avait trouvé un vol bon marché pour l'Islande, mais pas de point de chute pour y "
                  "séjourner.", "fr"), id="mais-pas-de-is-no"),
    pytest.param(("He will wear the No 19 jersey.", "en", "थापा 19 नंबर की जर्सी पहनेंगे।", "hi"), id="no-before-a-number"),
]


@pytest.mark.parametrize("case", AGREE)
def test_a_negation_the_other_side_says_with_a_word_is_no_conflict(case: tuple) -> None:
    result = labelled(case)
    assert result.label == "agree", [(e.kind, e.a, e.b, e.note) for e in result.evidence]


# An inserted "not" beside the same words stays a conflict.
GUARD = [
    pytest.param(("The windows were not broken by the people.", "en", "लोगों ने खिड़कियां तोड़ दीं।", "hi"),
                 id="inserted-not"),
    pytest.param(("His wife was not hurt in the shooting, but he was.", "en",
                  "Sa femme a été blessée dans la fusillade.", "fr"), id="inserted-not-before-but"),
    pytest.param(("Virgin did not buy the good bank of Northern Rock.", "en",
                  "वर्जिन ने नॉर्दर्न रॉक का अच्छा बैंक खरीदा।", "hi"), id="not-before-a-verb"),
    pytest.param(("Les fenêtres ne sont pas incassables, mais elles ont tenu.", "fr",
                  "The windows are unbreakable, and they held.", "en"), id="negated-unbreakable"),
    pytest.param(("Perry said there are not few places in the world better equipped to meet the challenge.", "en",
                  "Perry a déclaré qu'il y a peu d'endroits dans le monde mieux équipés pour relever le défi.", "fr"),
                 id="peu-is-no-negative"),
    pytest.param(("The judge told Blake it was not almost inevitable he was going to be sent to jail.", "en",
                  "Le juge a dit à Blake qu'il était presque inévitable qu'il soit incarcéré.", "fr"),
                 id="a-common-able-word-is-a-word"),
    pytest.param(("The man suspected of detonating the bomb was not detained after the blast.", "en",
                  "बम विस्फोट के शक में एक व्यक्ति को गिरफ्तार किया गया है।", "hi"), id="shak-is-suspicion"),
    pytest.param(("These cannot be dangerous if the traveler pursues the mirage, wasting the remaining water.", "en",
                  "यदि यात्री मरीचिका का पीछा करे तो यह बचे हुए पानी की बर्बादी होगी, जो कि ख़तरनाक हो सकता है.", "hi"),
                 id="bache-is-remaining"),
    pytest.param(("It cannot save money over buying new maps for a GPS.", "en",
                  "जीपीएस के लिए नए नक़्शों खरीदने से खर्च होने वाले पैसों को यह बचा सकता है.", "hi"), id="bacha-is-save"),
    pytest.param(("There is no 19-year-old in the squad.", "en", "टीम में 19 साल का एक खिलाड़ी है।", "hi"),
                 id="no-before-a-number-in-lower-case"),
]


@pytest.mark.parametrize("case", GUARD)
def test_an_inserted_negation_stays_a_conflict(case: tuple) -> None:
    result = labelled(case)
    assert result.label == "conflict" and result.evidence[0].kind == "negation", [
        (e.kind, e.a, e.b, e.note) for e in result.evidence]
