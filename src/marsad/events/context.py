"""Per-document lookups shared by the event modules (built once per document)."""
from __future__ import annotations

from ..document import Document
from .actors import ActorPhrase, TokenIndex, actor_phrases, nisbas

CLAUSE_PUNCT = frozenset(",;:()")
QUOTE_MARKS = frozenset('"')


class Context:
    def __init__(self, doc: Document):
        self.doc = doc
        self.index = TokenIndex(doc)
        self.actors: list[ActorPhrase] = actor_phrases(doc, self.index)
        self.actor_at: dict[int, ActorPhrase] = {}
        self.actor_ending: dict[int, ActorPhrase] = {}
        for a in self.actors:
            self.actor_at.setdefault(a.first, a)
            self.actor_ending[a.last] = a
        self.nisba = nisbas(doc)
        self.time_tokens = set()
        for t in doc.times:
            self.time_tokens.update(range(self.index.first(t.start), self.index.last(t.end)))

    def clause_start(self, i: int, floor: int) -> int:
        """First token of the clause holding token i (after the last , ; : or quote mark)."""
        toks = self.doc.tokens
        j = i - 1
        while j >= floor:
            if toks[j].kind == "punct" and (toks[j].norm in CLAUSE_PUNCT or toks[j].norm in QUOTE_MARKS):
                return j + 1
            j -= 1
        return floor

    def clause_end(self, i: int, ceiling: int) -> int:
        toks = self.doc.tokens
        j = i
        while j < ceiling:
            if toks[j].kind == "punct" and (toks[j].norm in CLAUSE_PUNCT or toks[j].norm in QUOTE_MARKS
                                            or toks[j].norm in ".!?"):
                return j
            j += 1
        return ceiling
