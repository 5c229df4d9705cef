"""Names that are no rivals (issue 13, rules-7): a Roman numeral is a number ("XVIe siècle" / "16वीं शताब्दी"); the
plural of an acronym is the acronym ("REMs" / "आरईएम"); two languages' acronyms of one body may have their own
letters, sharing half of them ("PSTN" / "RCTP") or the same in another order across scripts ("RMN" / "एनएमआर"); a
Hindi rendering that opens a vowel-initial name with a glide is that name ("Onega" / "वनगा"): a cross-script
rendering never conflicts by itself. A span of months ("Nov-Feb") and a Hindi plural (शिक्षार्थियों, कक्षाएँ) are
no names either. Every AGREE case is a false alarm of rules-6 on FLORES-200 dev test (untouched
line pairs); the SWAP cases are real swaps of the same kinds, which must stay conflicts."""

from __future__ import annotations

import pytest

from tests.evidence.pairs import labelled

# FLORES-200 dev (CC BY-SA), untouched line pairs
AGREE = [
    pytest.param(("Toutefois, les premiers vrais télescopes furent fabriqués en Europe à la fin du XVIe siècle.", "fr",
                  "हालांकि, पहली वास्तविक दूरबीन 16वीं शताब्दी के अंत में यूरोप में बनाई गई थी।", "hi"),
                 id="roman-century-is-no-name"),
    pytest.param(("Le quartier du canal (Grachtengordel en néerlandais) est le célèbre quartier du XVIIe siècle qui "
                  "entoure la Binnenstad d'Amsterdam.", "fr", "कैनाल डिस्ट्रिक्ट (डच: ग्रेचेंगॉर्डेल) एम्स्टर्डम के "
                  "बिन्नेंस्टेड के पास प्रसिद्ध 17 वीं शताब्दी का ज़िला है.", "hi"), id="roman-century-beside-names"),
    pytest.param(("With fewer REMs per night, this state in which you experience actual sleep and your body recovers "
                  "becomes infrequent enough to become a problem.", "en", "हर रात कम आरईएम के साथ, वह अवस्था जिसमें आप "
                  "वास्तविक नींद का अनुभव करते हैं और आपका शरीर एक समस्या बनने के लिए पर्याप्त रूप से असामान्य हो जाता "
                  "है.", "hi"), id="acronym-plural"),
    pytest.param(("Often, you have to buy a global number separately that allows PSTN phones to call you.", "en",
                  "Souvent, il vous faut acheter un numéro international qui autorise les appels en RCTP.", "fr"),
                 id="two-languages-acronyms"),
    pytest.param(("L’IRM est basée sur un phénomène physique appelé résonance magnétique nucléaire (RMN), découvert "
                  "dans les années 1930 par Felix Bloch (travaillant à l’université de Stanford) et Edward Purcell (de "
                  "l’université de Harvard).", "fr", "एमआरआई एक भौतिकी घटना पर आधारित है जिसे परमाणु चुंबकीय अनुनाद "
                  "(एनएमआर) कहा जाता है, जिसकी खोज 1930 के दशक में फ़ेलिक्स बलोच (स्टैनफ़ोर्ड विश्वविद्यालय में कार्यरत) "
                  "और एडवर्ड परसेल (हार्वर्ड विश्वविद्यालय) ने की थी.", "hi"), id="acronym-letters-across-scripts"),
    pytest.param(("The White Sea–Baltic Canal connects the Arctic Ocean to the Baltic Sea, via Lake Onega, Lake "
                  "Ladoga and Saint Petersburg, mostly by rivers and lakes.", "en", "व्हाइट सी-बाल्टिक नहर आर्कटिक "
                  "महासागर को ज्यादातर नदियों और झीलों द्वारा बाल्टिक सागर से जोड़ती है, जैसे झील वनगा, झील लाडोगा और "
                  "सेंट पीटर्सबर्ग।", "hi"), id="glide-rendering"),
    # A span of months is no pair of names; a Hindi plural is a common noun ("learners", "classes").
    pytest.param(("Tourist visits are costly, demand physical fitness, can only take place in summer Nov-Feb, and are "
                  "largely limited to the Peninsula, Islands and Ross Sea.", "en", "पर्यटकों का दौरा महंगा है, शारीरिक "
                  "फ़िटनेस की माँग केवल गर्मियों में नवंबर से फ़रवरी तक हो सकती है और काफी हद तक उपद्वीप, द्वीप और रॉस "
                  "सागर तक सीमित हैं.", "hi"), id="month-span"),
    pytest.param(("The use of the Internet and the World Wide Web allows learners to have access to information at all "
                  "times.", "en", "इंटरनेट और वर्ल्ड वाइड वेब के उपयोग से शिक्षार्थियों को हर वक्त जानकारी प्राप्त करने की "
                  "सुविधा मिलती है।", "hi"), id="hindi-oblique-plural"),
    pytest.param(("MetroRail has two classes on commuter trains in and around Cape Town: MetroPlus (also called First "
                  "Class) and Metro (called Third Class).", "en", "केप टाउन और उसके आस-पास के इलाकों में मेट्रो रेल के "
                  "लोकल ट्रेन में दो कक्षाएँं हैं: मेट्रो प्लस (जिसे प्रथम श्रेणी भी कहा जाता है) और मेट्रो (जिसे थर्ड क्लास "
                  "कहा जाता है)।", "hi"), id="hindi-direct-plural"),
]

SWAP = [
    pytest.param(("The DGCA has ordered a probe into the incident.", "en",
                  "Le BEA a ouvert une enquête sur l'incident.", "fr"), id="two-acronyms-no-letter-shared"),
    pytest.param(("The AAIB has ordered a probe into the incident.", "en",
                  "La DGCA a ouvert une enquête sur l'incident.", "fr"), id="two-acronyms-one-letter-of-four"),
    pytest.param(("The canal runs through Lake Onega to the sea.", "en",
                  "नहर झील लाडोगा से होकर समुद्र तक जाती है।", "hi"), id="another-lake"),
    pytest.param(("Alexeï Leonov faisait partie de l'équipe originale des cosmonautes de l'Union soviétique.", "fr",
                  "वॉल्श सोवियत यूनियन की मूल अंतरिक्ष यात्रियों की टीम का एक हिस्सा था.", "hi"),
                 id="glide-is-not-any-consonant"),
    # ओंटारियो ends like an oblique plural without its nasal sign, and is a name
    pytest.param(("You can obtain a satellite Internet connection in the wilds of Chicken, Alaska.", "en",
                  "आप ओंटारियो स्थित चिकन के जंगलों में सैटेलाइट इंटरनेट कनेक्शन पा सकते हैं.", "hi"),
                 id="name-ending-like-a-plural"),
]


@pytest.mark.parametrize("case", AGREE)
def test_a_rendering_numeral_or_acronym_form_is_no_rival(case: tuple) -> None:
    result = labelled(case)
    assert result.label == "agree", [(e.kind, e.a, e.b, e.note) for e in result.evidence]


@pytest.mark.parametrize("case", SWAP)
def test_another_name_in_the_same_slot_stays_a_conflict(case: tuple) -> None:
    result = labelled(case)
    assert result.label == "conflict", [(e.kind, e.a, e.b, e.note) for e in result.evidence]
    assert result.evidence[0].kind in ("name", "entity")
