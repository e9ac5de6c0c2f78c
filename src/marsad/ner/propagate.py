"""Document-level label propagation: a name tagged once is tagged everywhere.

Articles repeat names; the sequence model sometimes finds only some of the
mentions. Every untagged token sequence whose clitic-stripped forms equal those
of a tagged entity in the same document gets that entity's majority type, and a
tagged name whose type is in the minority takes the majority type. The last word
of a multi-word person name is a key too (a surname used alone).
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
    taken = bytearray(len(cores))
    for a, b, _ in spans:
        taken[a:b] = b"\x01" * (b - a)
    added = []
    for i in [i for i, core in enumerate(cores) if core in by_first]:
        for key, kind in by_first[cores[i]]:
            n = len(key)
            if not any(taken[i:i + n]) and tuple(cores[i:i + n]) == key:
                added.append((i, i + n, kind))
                taken[i:i + n] = b"\x01" * n
                break
    return sorted(spans + added) if added else spans


def _majority(votes: Counter, kind: str) -> str:
    top, n = votes.most_common(1)[0]
    return top if n > votes[kind] else kind
