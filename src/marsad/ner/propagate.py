"""Document-level label propagation: a name tagged once is tagged everywhere.

Articles repeat names; the sequence model sometimes finds only some of the
mentions. Every untagged token sequence whose clitic-stripped forms equal those
of a tagged entity in the same document gets that entity's (majority) type.
"""
from __future__ import annotations

from collections import Counter

MIN_KEY_CHARS = 3


def propagate(cores: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``cores``: the clitic-stripped form of every token of the document;
    ``spans``: (first, last exclusive, type). Returns spans plus propagated ones, sorted."""
    if not spans:
        return spans
    votes: dict[tuple, Counter] = {}
    for a, b, kind in spans:
        votes.setdefault(tuple(cores[a:b]), Counter())[kind] += 1
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
    i = 0
    while i < len(cores):
        keys = by_first.get(cores[i]) if not taken[i] else None
        if keys:
            for key, kind in keys:
                n = len(key)
                if tuple(cores[i:i + n]) == key and not any(taken[i:i + n]):
                    added.append((i, i + n, kind))
                    i += n - 1
                    break
        i += 1
    return sorted(spans + added) if added else spans
