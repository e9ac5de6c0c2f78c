"""Document-level label propagation: a name tagged once is tagged everywhere.

Articles repeat names; the sequence model sometimes finds only some of the
mentions. Every token sequence whose clitic-stripped forms equal those of a
tagged entity in the same document gets that entity's majority type, when it is
untagged or holds only shorter tagged spans (which it replaces: «المغرب» inside
a club name tagged «المغرب الفاسي» elsewhere); a tagged name whose type is in
the minority takes the majority type. The last word of a multi-word person name
is a key too (a surname used alone).
"""
from __future__ import annotations

from collections import Counter

MIN_KEY_CHARS = 3
SURNAME_TYPES = ("PERS",)  # the last word of a multi-word name is also a key


def propagate(cores: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``cores``: the clitic-stripped form of every token of the document;
    ``spans``: (first, last exclusive, type). Returns spans plus propagated ones, sorted."""
    if not spans:
        return spans
    votes: dict[tuple, Counter] = {}
    for a, b, kind in spans:
        votes.setdefault(tuple(cores[a:b]), Counter())[kind] += 1
    spans = [(a, b, _majority(votes[tuple(cores[a:b])], kind)) for a, b, kind in spans]
    for a, b, kind in spans:
        if kind in SURNAME_TYPES and b - a > 1 and (cores[b - 1],) not in votes:
            votes[(cores[b - 1],)] = Counter({kind: 1})
    by_first: dict[str, list] = {}
    for key, counter in votes.items():
        if len(key[0]) >= MIN_KEY_CHARS:
            by_first.setdefault(key[0], []).append((key, counter.most_common(1)[0][0]))
    for keys in by_first.values():
        keys.sort(key=lambda item: -len(item[0]))
    owner: list = [None] * len(cores)  # the span holding each token
    for span in spans:
        owner[span[0]:span[1]] = [span] * (span[1] - span[0])
    result = set(spans)
    for i in [i for i, core in enumerate(cores) if core in by_first]:
        for key, kind in by_first[cores[i]]:
            n = len(key)
            if tuple(cores[i:i + n]) != key:
                continue
            inside = {span for span in owner[i:i + n] if span}
            if any(a < i or b > i + n or b - a >= n for a, b, _ in inside):
                break
            result -= inside
            owner[i:i + n] = [(i, i + n, kind)] * n
            result.add(owner[i])
            break
    return sorted(result)


def _majority(votes: Counter, kind: str) -> str:
    top, n = votes.most_common(1)[0]
    return top if n > votes[kind] else kind
