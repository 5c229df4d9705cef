"""Negation and polarity: did / did not, confirmed / denied, Hindi नहीं/न, French ne ... pas.

The cue lists are rules and live in ``LabelConfig``; this module only applies them. French split
negation is read
as one cue ("n'ai pas"), and "ne ... que" (only) is not a negation.
"""

from __future__ import annotations

from dataclasses import dataclass

from align.evidence.tokens import Token, normalise, phrase_at, phrase_tokens

SPLIT_WINDOW = 6  # how far "pas" may stand from "ne"
RESTRICTIVE = ("que", "qu'")  # "ne ... que" means "only"
LITOTE_WINDOW = 3  # how far "not" may stand from "only" / "अकेला"
RESTRICTIVE = ("que", "qu'")  # "ne ... que" means "only"
LITOTE_WINDOW = 3  # how far "not" may stand from "only" / "अकेला"


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
    # "not the only one", "अकेला नहीं" (not alone): a negated uniqueness word asserts that there are others.
    unique = {normalise(w) for w in litotes}
    for i, token in enumerate(tokens):
        if token.norm in unique:
            skip.update(k for k in range(i - LITOTE_WINDOW, i + LITOTE_WINDOW + 1) if 0 <= k < len(tokens)
                        and (tokens[k].norm in single or tokens[k].norm.endswith("n't")))
    cues: list[Cue] = []
    for i, token in enumerate(tokens):
        if i in skip:
            continue
        if token.norm in particles:
            window = range(i + 1, min(len(tokens), i + 1 + SPLIT_WINDOW))
            ends = (*partners, *RESTRICTIVE)
            partner = next((k for k in window if tokens[k].norm in ends), None)
            if partner is not None and partner not in skip and tokens[partner].norm not in RESTRICTIVE:
                skip.add(partner)
                cues.append(Cue(token.start, tokens[partner].end, f"{token.text} … {tokens[partner].text}"))
            continue
        if token.norm in single or token.norm.endswith("n't"):
            cues.append(Cue(token.start, token.end, token.text))
            continue
        for ptoks in multi:
            if phrase_at(tokens, i, ptoks):
                cues.append(Cue(token.start, tokens[i + len(ptoks) - 1].end, " ".join(ptoks)))
                skip.update(range(i, i + len(ptoks)))
                break
    return cues
