"""Reporting cues: the cue lexicon registered with the shared matcher, and the cue
occurrences of a document read back from ``doc.matches``."""
from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from ..knowledge.lookup import register
from ..text.normalize import normalize
from ..text.segment import CONJUNCTIONS
from .lexicon import CUE_LEXICON, CueEntry, cue_forms

register(CUE_LEXICON, cue_forms)
NOT_SAID = frozenset(["عدم", "بعدم"])  # طلب عدم ذكر اسمه


@dataclass(slots=True)
class Cue:
    tok: int            # token index
    start: int          # original offset of the cue without its proclitic (و، ف)
    end: int
    entry: CueEntry
    prefixed: bool      # written with a proclitic (وقال): the cue opens a coordinated clause

    @property
    def kind(self) -> str:
        return self.entry.kind


def find_cues(doc: Document) -> dict[int, Cue]:
    """Token index → cue, for every one-word reporting-cue match in the document."""
    cues: dict[int, Cue] = {}
    for m in doc.matches_by_lexicon.get(CUE_LEXICON, ()):
        if m.first in cues:
            continue
        tok = doc.tokens[m.first]
        proclitic = doc.text[tok.start:m.start]
        if proclitic and normalize(proclitic).strip(CONJUNCTIONS):
            continue
        if m.first and doc.tokens[m.first - 1].norm in NOT_SAID:
            continue  # طلب عدم ذكر اسمه: a request not to name him, no statement
        cues[m.first] = Cue(m.first, m.start, m.end, m.entry, bool(proclitic))
    return cues
