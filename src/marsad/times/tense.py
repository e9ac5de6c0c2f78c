"""Tense of the clause around a time expression: "future" when a future marker
(words with symbol † in data/words.tsv: سوف، لن، المقرر …; or س + an imperfect
verb) is near, else "past" (news reports the past)."""
from __future__ import annotations

from bisect import bisect_left

# س + imperfect prefix, but not nouns and names that start the same way.
NOT_VERB_PREFIXES = ("سيا", "سيط", "سيده", "سيدات", "سيدت", "سيدي", "سيدن", "سيدان", "سيره",
                     "سيرته", "سيرك", "سيرج", "سيرخ", "سيرغ", "سيري", "سيرا", "سيرن", "سيرو", "سيل",
                     "سينا", "سينم", "سيم", "سيول", "ستار", "ستان", "ستيف", "ستري", "ستين", "سيتي",
                     "سيئ", "سيو", "ستو", "سيف", "سيغ", "سيب", "سينغ", "سيند", "ستام", "ستيش",
                     "ستاي", "ستائر", "ستر", "سنو", "سنت", "سني", "سند", "سنغ", "سنا", "سنج", "سنح",
                     "سنه")
BEFORE, AFTER = 12, 4


def is_future_verb(norm: str) -> bool:
    """س + imperfect prefix (سيزور، وستعقد), not a noun or name starting the same way."""
    w = norm[1:] if norm[0] in "وف" else norm
    return len(w) >= 4 and w[0] == "س" and w[1] in "يتن" and not w.startswith(NOT_VERB_PREFIXES)


def clause_tense(doc, future: list[int], tok: int) -> str:
    """Tense of the clause around token index ``tok`` (``future``: cue word indices)."""
    tokens = doc.tokens
    sent = tokens[tok].sent
    lo, hi = max(0, tok - BEFORE), min(len(tokens), tok + AFTER)
    k = bisect_left(future, lo)
    while k < len(future) and future[k] < hi:
        if tokens[future[k]].sent == sent:
            return "future"
        k += 1
    for t in tokens[lo:hi]:
        n = t.norm
        if t.sent == sent and t.kind == "word" and (n[0] == "س" or n[1:2] == "س") \
                and is_future_verb(n):
            return "future"
    return "past"
