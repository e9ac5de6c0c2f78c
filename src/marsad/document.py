"""The document object every stage annotates: the original text plus offset spans.

Offsets are code-point indices into ``Document.text`` (end exclusive), so that
``doc.text[span.start:span.end]`` is always the span's text.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any


class InputError(ValueError):
    """The input is not a usable document (no text, bad date, wrong shape)."""


MAX_TEXT_CHARS = 2_000_000


class Token:
    """A word, number or punctuation mark.

    ``norm`` is the matching form (see ``marsad.text.normalize``); ``readings`` lists
    the clitic readings of the word as ``(stem, prefix length)`` pairs, the whole word
    first (shared between equal words, cheap to scan); ``stem_start(prefix_length)``
    gives a reading's original offset and ``forms`` the readings as ``(stem, start)``.

    Built from a lexeme ``(norm, kind, readings, char_offsets)``; ``char_offsets`` (the
    offset from ``start`` of each character of ``norm``) is None unless characters were
    deleted inside the word (diacritics, tatweel). ``sent``, the sentence index, is set by
    the tokenizer once the sentences are known.
    """
    __slots__ = ("i", "start", "end", "norm", "kind", "sent", "readings", "_char_offsets")

    def __init__(self, i: int, start: int, end: int, lexeme: tuple[str, str, tuple, Any]):
        self.i = i          # one store per line: faster than tuple assignment, per token
        self.start = start
        self.end = end
        self.norm, self.kind, self.readings, self._char_offsets = lexeme

    def stem_start(self, prefix_length: int) -> int:
        if self._char_offsets is None:
            return self.start + prefix_length
        return self.start + self._char_offsets[prefix_length]

    @property
    def forms(self) -> tuple:
        if len(self.readings) == 1:
            return ((self.norm, self.start),)
        return tuple([(stem, self.stem_start(p)) for stem, p in self.readings])

    def __repr__(self) -> str:
        return f"Token({self.i}, {self.start}, {self.end}, {self.norm!r}, {self.kind!r})"


@dataclass(slots=True)
class Sentence:
    i: int
    start: int
    end: int
    first_token: int
    last_token: int  # exclusive


@dataclass(slots=True)
class Span:
    """A labelled stretch of the original text, with stage-specific data."""
    start: int
    end: int
    label: str
    data: dict = field(default_factory=dict)


@dataclass
class Document:
    """One article and everything the stages found in it.

    Filled in pipeline order: ``norm``, ``tokens``, ``sentences``, ``token_starts`` and
    ``token_ends`` (segment; the tokens' offsets as lists, for bisect — read only), ``marks``
    (segment: (offset, char) of every line break, quotation mark and . ! ? ؟ in the text, in
    order — read only);
    ``matches`` (lookup: every lexicon hit, in token order) and ``matches_by_lexicon`` (lookup:
    lexicon name → its matches, in token order; read only); ``entities`` (record Entity list),
    ``mentions`` (Span per entity mention, sorted by start; label = entity type,
    data = {"entity": id, "kind": name|nominal|pronoun}) and ``actors`` (Span per
    actor phrase, named or not; data = {"entity": id|None, "country", "sector", "head":
    (start, end) of the name or noun, "tokens": range of its token indices}) (entities);
    ``times`` (record Time list, data kept on the objects) and ``time_tokens``
    (indices of the tokens starting inside one of them) (times);
    ``quotes`` (record Quote list) (quotes); ``events`` (record Event list) (events).
    """
    text: str
    id: str | None = None
    date: Date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    norm: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    token_starts: list[int] = field(default_factory=list)
    token_ends: list[int] = field(default_factory=list)
    marks: list[tuple[int, str]] = field(default_factory=list)
    matches: list = field(default_factory=list)
    matches_by_lexicon: dict = field(default_factory=dict)
    entities: list = field(default_factory=list)
    mentions: list = field(default_factory=list)
    actors: list = field(default_factory=list)
    times: list = field(default_factory=list)
    time_tokens: set = field(default_factory=set)
    quotes: list = field(default_factory=list)
    quote_spans: list = field(default_factory=list)
    events: list = field(default_factory=list)
    _norm_map: Any = None

    def token_at(self, pos: int) -> int:
        """Index of the last token starting at or before offset ``pos`` (-1 before the first)."""
        return bisect_right(self.token_starts, pos) - 1

    def orig_offset(self, norm_index: int) -> int:
        """Original offset of a character of ``self.norm`` (end offsets: pass index of last + 1)."""
        if self._norm_map is None:
            return norm_index
        if norm_index >= len(self._norm_map):
            return len(self.text)
        return self._norm_map[norm_index]


def parse_date(value: Any) -> Date | None:
    """ISO 8601 date (or datetime) → date; None for empty; InputError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, Date):
        return value
    if not isinstance(value, str):
        raise InputError(f"date must be an ISO 8601 string, got {type(value).__name__}")
    try:
        return Date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"date is not ISO 8601 (YYYY-MM-DD): {value!r}") from None


def make_document(text: Any, date: Any = None, id: Any = None, **meta: Any) -> Document:
    """Validate the input fields and build a Document (no annotation yet)."""
    if not isinstance(text, str):
        raise InputError("document has no text" if text is None else
                         f"text must be a string, got {type(text).__name__}")
    if "\x00" in text:
        raise InputError("text contains NUL bytes: binary input?")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}")
    keep = {k: (str(v) if v is not None else None) for k, v in meta.items()
            if k in ("title", "source", "url")}
    return Document(text=text, id=None if id is None else str(id), date=parse_date(date), **keep)


def document_from_dict(obj: Any) -> Document:
    """An input document as in SPEC.md ("text" required)."""
    if not isinstance(obj, dict):
        raise InputError(f"a document must be a JSON object, got {type(obj).__name__}")
    return make_document(obj.get("text"), obj.get("date"), obj.get("id"),
                         title=obj.get("title"), source=obj.get("source"), url=obj.get("url"))
