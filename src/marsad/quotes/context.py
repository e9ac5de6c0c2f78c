"""Per-document view the quote rules share: tokens with their stems, cues, quotation
marks, time tokens and the entity stage's mentions and actors by offset."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..document import Document, Span
from .cues import Cue
from .lexicon import words
from .marks import MARKS, quote_pairs


class EntityIndex:
    """Mentions and actors of the entity stage, looked up by start or end offset."""

    def __init__(self, doc: Document):
        spans = doc.actors + doc.mentions  # the first span at an offset wins (filled backwards)
        self.by_start: dict[int, Span] = {s.start: s for s in reversed(spans)}
        self.by_end: dict[int, Span] = {s.end: s for s in reversed(spans)}
        self.mention_start: dict[int, Span] = {s.start: s for s in reversed(doc.mentions)}
        self.mentions = doc.mentions
        self._mention_starts = [m.start for m in doc.mentions]

    def label(self, span: Span) -> str:
        if span.label != "ACTOR":
            return span.label
        m = self.mention_start.get(span.data.get("head", (span.start,))[0])
        return m.label if m else "ACTOR"

    def covers(self, offset: int) -> bool:
        """A mention spans the character at ``offset``."""
        i = bisect_right(self._mention_starts, offset)
        return any(m.end > offset for m in self.mentions[max(0, i - 3):i])

    def in_range(self, start: int, end: int) -> list[Span]:
        """Mentions inside [start, end), in text order."""
        out = []
        for m in self.mentions[bisect_left(self._mention_starts, start):]:
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out


class Ctx:
    def __init__(self, doc: Document, cues: dict[int, Cue]):
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.w = words()
        self.cues = cues
        self.pairs = quote_pairs(doc.text, doc.marks)
        self.tok_at = self._mark_tokens()
        self.time_toks = doc.time_tokens  # tokens starting inside a time expression
        self.ents = EntityIndex(doc)

    def _mark_tokens(self) -> dict[int, int]:
        """Offset of every paired quotation mark → its token index."""
        out = {}
        for o, c in self.pairs.items():
            for off in (o, c):
                if off >= 0:
                    k = self.token_index(off)
                    if k < len(self.tokens) and self.tokens[k].start == off:
                        out[off] = k
        return out

    # --- tokens -------------------------------------------------------------------
    def char(self, i: int) -> str:
        return self.text[self.tokens[i].start]

    def is_punct(self, i: int, chars: str) -> bool:
        t = self.tokens[i]
        return t.kind == "punct" and self.text[t.start] in chars

    def is_mark(self, i: int) -> bool:
        t = self.tokens[i]
        return t.kind == "punct" and self.text[t.start] in MARKS

    def stems(self, i: int) -> tuple[str, ...]:
        return tuple(f for f, _ in self.tokens[i].readings)

    def in_class(self, i: int, cls: str, stem: bool = False) -> bool:
        words_ = self.w[cls]
        if not stem:
            return self.tokens[i].norm in words_
        for f, _ in self.tokens[i].readings:
            if f in words_:
                return True
        return False

    def sent_bounds(self, i: int) -> tuple[int, int]:
        s = self.doc.sentences[self.tokens[i].sent]
        return s.first_token, s.last_token

    def close_of(self, i: int) -> int | None:
        """Token index of the mark closing the quotation opened at token i; -1 if unclosed;
        None if token i opens none."""
        c = self.pairs.get(self.tokens[i].start)
        if c is None:
            return None
        return -1 if c == -1 else self.tok_at.get(c, -1)

    def words_between(self, a: int, b: int) -> int:
        """Whitespace-separated words from the start of token a to the start of token b."""
        if b <= a:
            return 0
        end = self.tokens[b].start if b < len(self.tokens) else len(self.text)
        return len(self.text[self.tokens[a].start:end].split())

    # --- entities -----------------------------------------------------------------
    def name_starts(self, i: int) -> bool:
        """A name mention starts at token i (بان كي مون: no complementizer بأن)."""
        m = self.ents.mention_start.get(self.tokens[i].start)
        return m is not None and m.data.get("kind") == "name"

    def span_at_token(self, i: int) -> Span | None:
        """The actor or mention starting at token i (after any proclitic)."""
        for _, start in self.tokens[i].forms:
            s = self.ents.by_start.get(start)
            if s is not None:
                return s
        return None

    def mention_at_token(self, i: int) -> Span | None:
        """The mention starting at token i (after any proclitic)."""
        starts = self.ents.mention_start
        return next((starts[s] for _, s in self.tokens[i].forms if s in starts), None)

    def span_ending_at(self, i: int) -> Span | None:
        return self.ents.by_end.get(self.tokens[i].end)

    def token_index(self, offset: int, after: int = 0) -> int:
        """Index of the first token ending after ``offset`` (the token at or after it)."""
        return bisect_right(self.doc.token_ends, offset, after)
