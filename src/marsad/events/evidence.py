"""Word lists of data/evidence.tsv: did force or a protest really happen, is an object abstract."""
from __future__ import annotations

from functools import lru_cache

from ..text.normalize import normalize
from .patterns import read_tsv

ARMED = frozenset({"MIL", "COP", "REB", "UAF", "SPY", "CRM"})
CIVIL = frozenset({"CVL", "LAB", "EDU", "MED", "OPP", "SOC", "REF", "JRN", "REL"})


@lru_cache(maxsize=1)
def evidence_words() -> dict[str, frozenset]:
    out: dict[str, set] = {}
    for kind, word in read_tsv("evidence.tsv"):
        out.setdefault(kind, set()).add(normalize(word))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=2)
def _lists_by_word(accusative: bool) -> dict[str, frozenset]:
    """Word → the lists it is in; with ``accusative``, also its accusative form (هجوما)."""
    out: dict[str, set] = {}
    for kind, words in evidence_words().items():
        for w in words:
            out.setdefault(w, set()).add(kind)
            if accusative:
                out.setdefault(w + "ا", set()).add(kind)
    return {w: frozenset(kinds) for w, kinds in out.items()}


NO_LISTS: frozenset[str] = frozenset()


def lists_of(tokens) -> frozenset[str]:
    """The lists any of the tokens (any clitic reading, or its accusative) is in."""
    lists = _lists_by_word(True)
    return frozenset().union(*{lists[stem] for t in tokens for stem, _ in t.readings if stem in lists})


def has_evidence(tokens, kind: str = "ASSAULT") -> bool:
    """Is one of the tokens (any clitic reading) a word of the list ``kind`` or its accusative?"""
    lists = _lists_by_word(True)
    for t in tokens:
        for stem, _ in t.readings:
            if kind in lists.get(stem, NO_LISTS):
                return True
    return False


def has_word(tok, kind: str) -> bool:
    """Is the token (any clitic reading) a word of the list ``kind`` (ASSAULT, ABSTRACT…)?"""
    lists = _lists_by_word(False)
    for stem, _ in tok.readings:
        if kind in lists.get(stem, NO_LISTS):
            return True
    return False


def is_target(tok) -> bool:
    """A place or unit that is attacked (مواقع، ثكنة، مقر): words of the ASSAULT list."""
    return has_word(tok, "ASSAULT")
