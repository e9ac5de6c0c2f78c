"""Per-document lookups shared by the event modules (built once per document)."""
from __future__ import annotations

from ..document import Document
from .actors import (LEXICON as ACTOR_WORDS, ActorPhrase, TokenIndex, actor_phrases,
                     fallback_matches, nisbas)

CLAUSE_PUNCT = frozenset(",;:()")
QUOTE_MARKS = frozenset('"')
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


class Context:
    def __init__(self, doc: Document, sents: set, by_lex: dict):
        self.doc = doc
        self.news_date: str | None = None      # set by the caller (when.news_date)
        self.topic_shift = len(doc.sentences)   # set by the caller (when.topic_shift)
        self.main_country: str | None = None   # set by the caller (where.main_country)
        self.verb_triggers: frozenset = frozenset()  # set by the caller: verbs of kept triggers
        self.scene_places: list | None = None   # filled on first use (where.scene)
        self.index = TokenIndex(doc)
        heads = self.heads = fallback_matches(doc, sents, by_lex.get(ACTOR_WORDS, ()))
        self.actors: list[ActorPhrase] = actor_phrases(doc, self.index, sents, heads)
        self.actor_at: dict[int, ActorPhrase] = {}
        self.actor_ending: dict[int, ActorPhrase] = {}
        for a in self.actors:
            self.actor_at.setdefault(a.first, a)
            self.actor_ending[a.last] = a
        self.nisba = nisbas(heads)
        self.by_sent: dict[int, list[ActorPhrase]] = {}
        for a in self.actors:
            self.by_sent.setdefault(doc.tokens[a.first].sent, []).append(a)
        self.places: dict[int, list] = {}
        for m in doc.mentions:
            if m.label in PLACE_LABELS:
                k = doc.tokens[self.index.first(m.start)].sent
                if k in sents:
                    self.places.setdefault(k, []).append(m)
        # verbs of events (not light verbs with their noun: أجرى محادثات)
        self.event_verbs = {m.first for m in by_lex.get("event_triggers", ())
                            if m.entry.tense is not None and not m.entry.rest}
        self.verbs = {m.first for m in by_lex.get("event_triggers", ())
                      if m.entry.tense is not None}
        self.trigger_tokens = {m.first for m in by_lex.get("event_triggers", ())}
        self.verbs.update(m.first for m in by_lex.get("event_cues", ()) if m.entry.how == "V")
        self.denials = {m.first for m in by_lex.get("event_cues", ()) if m.entry.kind == "denial"}
        self.time_tokens = set()
        for t in doc.times:
            self.time_tokens.update(range(self.index.first(t.start), self.index.last(t.end)))

    @staticmethod
    def _boundary(tok) -> bool:
        return tok.kind == "punct" and (tok.norm in CLAUSE_PUNCT or tok.norm in QUOTE_MARKS)

    def is_country(self, a: ActorPhrase) -> bool:
        """The phrase names a country (not a city used as a venue)."""
        return any(m.entry.kind == "gpe" for m in self.heads.get(a.first, ()))

    def clause_start(self, i: int, floor: int) -> int:
        """First token of the clause holding token i (after the last , ; : quote mark or
        relative pronoun)."""
        toks = self.doc.tokens
        j = i - 1
        while j >= floor:
            w = toks[j].norm
            if self._boundary(toks[j]) or w in RELATIVES:
                return j + 1
            j -= 1
        return floor

    def clause_end(self, i: int, ceiling: int, quotes: bool = True) -> int:
        """The token ending the clause of token i (, ; : . ! ? and, unless ``quotes`` is False,
        a quote mark: a place may be quoted, في مديرية «لودر»)."""
        toks = self.doc.tokens
        j = i
        while j < ceiling:
            t = toks[j]
            if t.kind == "punct" and (t.norm in CLAUSE_PUNCT or t.norm in ".!?"
                                      or quotes and t.norm in QUOTE_MARKS):
                return j
            j += 1
        return ceiling
