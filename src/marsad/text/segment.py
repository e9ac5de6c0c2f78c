"""Tokens, clitic readings and sentences, all with original offsets.

Works on the normalized view (``Document.norm``) and maps every offset back to
the original text, so stages never re-tokenize or re-normalize.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..document import Document, Sentence, Token
from .normalize import normalize_with_map

ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06fa-\u06ff"
TOKEN_RE = re.compile(
    rf"(?P<word>[{ARABIC_LETTERS}]+)"
    r"|(?P<num>\d+(?:[.,:/]\d+)*)"
    r"|(?P<latin>[A-Za-z\u00c0-\u024f]+(?:['’-][A-Za-z]+)*)"
    r"|(?P<punct>[^\s])"
)

CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
FUTURE = "س"
IMPERFECT = "يتنا"
MIN_STEM = 2

# Single letters and short forms that end with a dot but do not end a sentence
# (د. = doctor, م. = engineer / AD, ق.م, ص.ب, أ. = professor).
ABBREVIATIONS = frozenset("ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي ص.ب ق.م".split())

SENTENCE_END = frozenset(".!?")
OPEN_QUOTES = {"«": "»", "“": "”", "„": "“", "‹": "›"}
CLOSING_QUOTES = '"»”'
CLOSERS = '"»”)\']'
MAX_QUOTED_SENTENCE = 600


def clitic_forms(word: str) -> list[tuple[str, int]]:
    """Readings of an Arabic word as (stem, prefix length): the word itself first,
    then with و/ف, ب/ل/ك, لل→ال and future س removed (stems of ≥ 2 letters)."""
    forms = [(word, 0)]
    bases = [(word, 0)]
    if len(word) > MIN_STEM + 1 and word[0] in CONJUNCTIONS:
        bases.append((word[1:], 1))
        forms.append((word[1:], 1))
    for base, k in bases:
        if base.startswith("لل") and len(base) > 3:
            forms.append(("ال" + base[2:], k))
        if len(base) > MIN_STEM + 1 and base[0] in PREPOSITIONS:
            forms.append((base[1:], k + 1))
        if len(base) > MIN_STEM + 2 and base[0] == FUTURE and base[1] in IMPERFECT:
            forms.append((base[1:], k + 1))
    return forms


FORMS_CACHE_SIZE = 100_000
_FORMS_CACHE: dict[str, tuple] = {}
_CLITIC_INITIALS = frozenset(CONJUNCTIONS + PREPOSITIONS + FUTURE)


def _relative_forms(word: str) -> tuple:
    forms = tuple(clitic_forms(word)) if word[0] in _CLITIC_INITIALS else ((word, 0),)
    if len(_FORMS_CACHE) >= FORMS_CACHE_SIZE:
        _FORMS_CACHE.clear()  # bounded memory on endless vocabularies
    _FORMS_CACHE[word] = forms
    return forms


def tokenize(doc: Document) -> None:
    norm, norm_map = normalize_with_map(doc.text)
    doc.norm = norm
    doc._norm_map = norm_map
    at, shift = norm_map.runs() if norm_map is not None else ([0], [0])
    at = at + [len(norm) + 1]  # sentinel: no token reaches it
    j = k = 0  # current run for token starts and for token ends
    tokens = []
    append = tokens.append
    cache = _FORMS_CACHE
    for i, m in enumerate(TOKEN_RE.finditer(norm)):
        s, e = m.span()
        word = m.group()
        while at[j + 1] <= s:
            j += 1
        while at[k + 1] <= e:
            k += 1
        start, end = s + shift[j], e + shift[k]
        readings = cache.get(word) or _relative_forms(word)
        inner_shift = norm_map if end - start != e - s and len(readings) > 1 else None
        append(Token(i, start, end, word, m.lastgroup, 0, readings, inner_shift, s))
    doc.tokens = tokens


_QUOTE_CHARS_RE = re.compile("[" + "".join(OPEN_QUOTES) + "".join(OPEN_QUOTES.values()) + '"\n]')
_BOUNDARY_RE = re.compile(r"[.!?؟]|\n")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Balanced quotations within a paragraph, as (open, close) offsets."""
    spans = []
    stack: list[tuple[str, int]] = []
    straight_open = None
    for m in _QUOTE_CHARS_RE.finditer(text):
        ch, i = m.group(), m.start()
        if ch == "\n":
            stack, straight_open = [], None
        elif ch in OPEN_QUOTES:
            stack.append((OPEN_QUOTES[ch], i))
        elif stack and ch == stack[-1][0]:
            spans.append((stack.pop()[1], i))
        elif ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                spans.append((straight_open, i))
                straight_open = None
    return [(a, b) for a, b in spans if b - a <= MAX_QUOTED_SENTENCE]


def split_sentences(doc: Document) -> None:
    tokens = doc.tokens
    if not tokens:
        doc.sentences = []
        return
    text = doc.text
    quoted = _quote_spans(text)
    by_start = {t.start: t.i for t in tokens if t.kind == "punct"}
    ends = set()
    for m in _BOUNDARY_RE.finditer(text):
        if m.group() == "\n":
            ends.add(_token_before(tokens, m.start()))
        else:
            i = by_start.get(m.start())
            if i is not None and i + 1 < len(tokens) and _ends_sentence(doc, tokens, i, quoted):
                ends.add(_extend_over_closing_quotes(doc, tokens, i))
    ends.discard(-1)
    ends.add(len(tokens) - 1)
    sentences = []
    first = 0
    for last in sorted(ends):
        if last >= first:
            _add_sentence(sentences, tokens, first, last + 1)
            first = last + 1
    doc.sentences = sentences


def _token_before(tokens: list, offset: int) -> int:
    return bisect_left(tokens, offset, key=lambda t: t.start) - 1


def _extend_over_closing_quotes(doc: Document, tokens: list, i: int) -> int:
    while i + 1 < len(tokens) and tokens[i + 1].kind == "punct" and doc.text[tokens[i + 1].start] in CLOSERS \
            and "\n" not in doc.text[tokens[i].end:tokens[i + 1].start]:
        i += 1
    return i


def _add_sentence(sentences: list, tokens: list, first: int, last: int) -> None:
    k = len(sentences)
    for t in tokens[first:last]:
        t.sent = k
    sentences.append(Sentence(k, tokens[first].start, tokens[last - 1].end, first, last))


def _ends_sentence(doc: Document, tokens: list, i: int, quoted: list) -> bool:
    tok = tokens[i]
    nxt = tokens[i + 1]
    if tok.norm == "." and i > 0 and tokens[i - 1].norm in ABBREVIATIONS and tokens[i - 1].end == tok.start:
        return False
    if nxt.kind == "punct" and doc.text[nxt.start] in CLOSING_QUOTES:
        return True
    if nxt.start == tok.end and nxt.kind in ("num", "latin"):
        return False
    return not any(a < tok.start < b for a, b in quoted)


def segment(doc: Document) -> None:
    """Tokenize and split sentences (the first stage of every pipeline)."""
    tokenize(doc)
    split_sentences(doc)


class Segmenter:
    """Pipeline stage: tokens and sentences."""

    def __call__(self, doc: Document) -> None:
        segment(doc)
