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


@lru_cache(maxsize=32)  # one entry per list
def _with_accusative(kind: str) -> frozenset:
    """The words of the list ``kind`` and their accusative forms (هجوما)."""
    words = evidence_words().get(kind, frozenset())
    return words | {w + "ا" for w in words}


def has_evidence(tokens, kind: str = "ASSAULT") -> bool:
    """Is one of the tokens (any clitic reading) a word of the list ``kind`` or its accusative?"""
    words = _with_accusative(kind)
    for t in tokens:
        for stem, _ in t.readings:
            if stem in words:
                return True
    return False


def has_word(tok, kind: str) -> bool:
    """Is the token (any clitic reading) a word of the list ``kind`` (ASSAULT, ABSTRACT…)?"""
    words = evidence_words().get(kind, frozenset())
    for stem, _ in tok.readings:
        if stem in words:
            return True
    return False


def is_target(tok) -> bool:
    """A place or unit that is attacked (مواقع، ثكنة، مقر): words of the ASSAULT list."""
    return has_word(tok, "ASSAULT")
