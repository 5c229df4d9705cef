"""Negation and polarity: did / did not, confirmed / denied, Hindi नहीं/न, French ne ... pas.

The cue lists are rules and live in ``LabelConfig``; this module only applies them. French split
negation is read
as one cue ("n'ai pas"), and "ne ... que" (only) is not a negation.
"""

from __future__ import annotations

from dataclasses import dataclass

from align.evidence.tokens import Token, phrase_at, phrase_tokens

SPLIT_WINDOW = 6  # how far "pas" may stand from "ne"
RESTRICTIVE = ("que", "qu'")  # "ne ... que" means "only"
LITOTE_WINDOW = 2  # how far "not" may stand from "the only" / "अकेला"
RESTRICTIVE = ("que", "qu'")  # "ne ... que" means "only"
LITOTE_WINDOW = 2  # how far "not" may stand from "the only" / "अकेला"


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    word: str


def find_negations(
    tokens: tuple[Token, ...],
    words: tuple[str, ...],
    particles: tuple[str, ...],
    partners: tuple[str, ...],
    exceptions: tuple[str, ...],
    litotes: tuple[str, ...] = (),
) -> list[Cue]:
    """Negation cues in reading order: standalone negators, English n't, and French ne ... pas as one cue."""
    skip: set[int] = set()
    for phrase in exceptions:
        ptoks = phrase_tokens(phrase)
        for i in range(len(tokens)):
            if phrase_at(tokens, i, ptoks):
                skip.update(range(i, i + len(ptoks)))
    single = {w for w in words if " " not in w}
    multi = [phrase_tokens(w) for w in words if " " in w]
    # "not the only one", "अकेला नहीं" (not alone): a negated uniqueness phrase asserts that there are others.
    for phrase in litotes:
        ptoks = phrase_tokens(phrase)
        for i in range(len(tokens)):
            if phrase_at(tokens, i, ptoks):
                near = range(max(0, i - LITOTE_WINDOW), min(len(tokens), i + len(ptoks) + LITOTE_WINDOW))
                skip.update(k for k in near if tokens[k].norm in single or tokens[k].norm.endswith("n't"))
    cues: list[Cue] = []
    counted: set[int] = set()
    for i, token in enumerate(tokens):
        if i in skip:
            continue
        if token.norm in particles:
            window = range(i + 1, min(len(tokens), i + 1 + SPLIT_WINDOW))
            ends = (*partners, *RESTRICTIVE)
            partner = next((k for k in window if tokens[k].norm in ends), None)
            if partner is None:
                # "Personne n'avait", "Rien ne va": the partner stands before the particle.
                before = [k for k in range(max(0, i - 2), i) if tokens[k].norm in partners]
                if before and before[-1] not in counted and before[-1] not in skip:
                    k = before[-1]
                    counted.add(k)
                    cues.append(Cue(tokens[k].start, token.end, f"{tokens[k].text} … {token.text}"))
            elif partner not in skip and tokens[partner].norm not in RESTRICTIVE:
                skip.add(partner)
                if any(k in counted and tokens[k].norm in partners for k in range(max(0, i - 2), i)):
                    continue  # "Rien ne va plus": one negation, already counted at "Rien"
                cues.append(Cue(token.start, tokens[partner].end, f"{token.text} … {tokens[partner].text}"))
            continue
        if token.norm in single or token.norm.endswith("n't"):
            counted.add(i)
            cues.append(Cue(token.start, token.end, token.text))
            continue
        for ptoks in multi:
            if phrase_at(tokens, i, ptoks):
                cues.append(Cue(token.start, tokens[i + len(ptoks) - 1].end, " ".join(ptoks)))
                skip.update(range(i, i + len(ptoks)))
                break
    return cues
