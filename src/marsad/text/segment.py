"""Tokens, clitic readings and sentences, all with original offsets.

Works on the normalized view (``Document.norm``) and maps every offset back to
the original text, so stages never re-tokenize or re-normalize.
"""
from __future__ import annotations

import re

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


def tokenize(doc: Document) -> None:
    norm, norm_map = normalize_with_map(doc.text)
    doc.norm = norm
    doc._norm_map = norm_map
    orig = (lambda i: i) if norm_map is None else norm_map.__getitem__
    n = len(norm)
    tokens = []
    for m in TOKEN_RE.finditer(norm):
        kind = m.lastgroup
        s, e = m.span()
        text = m.group()
        start = orig(s)
        end = orig(e) if e < n else len(doc.text)  # trailing diacritics belong to the word
        if kind == "word":
            forms = tuple((stem, orig(s + k)) for stem, k in clitic_forms(text))
        else:
            forms = ((text, start),)
        tokens.append(Token(len(tokens), start, end, text, kind, 0, forms))
    doc.tokens = tokens


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Balanced quotations within a paragraph, as (open, close) offsets."""
    spans = []
    for para_start, para in _paragraphs(text):
        stack: list[tuple[str, int]] = []
        straight_open = None
        for i, ch in enumerate(para):
            if ch in OPEN_QUOTES:
                stack.append((OPEN_QUOTES[ch], i))
            elif stack and ch == stack[-1][0]:
                spans.append((para_start + stack.pop()[1], para_start + i))
            elif ch == '"':
                if straight_open is None:
                    straight_open = i
                else:
                    spans.append((para_start + straight_open, para_start + i))
                    straight_open = None
    return [(a, b) for a, b in spans if b - a <= MAX_QUOTED_SENTENCE]


def _paragraphs(text: str):
    start = 0
    for m in re.finditer(r"\n+", text):
        yield start, text[start:m.start()]
        start = m.end()
    yield start, text[start:]


def split_sentences(doc: Document) -> None:
    tokens = doc.tokens
    text = doc.text
    quoted = _quote_spans(text)
    inside = _covered(quoted)
    sentences = []
    first = 0
    for i, tok in enumerate(tokens):
        last = i == len(tokens) - 1
        if not last and not _ends_sentence(doc, tokens, i, inside):
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].kind == "punct" and text[tokens[j].start] in '"»”)\']' \
                and "\n" not in text[tokens[j - 1].end:tokens[j].start]:
            j += 1
        if last or j > i + 1:
            j = max(j, i + 1)
        _add_sentence(sentences, tokens, first, min(j, len(tokens)))
        first = min(j, len(tokens))
        if first >= len(tokens):
            break
    if first < len(tokens):
        _add_sentence(sentences, tokens, first, len(tokens))
    doc.sentences = sentences


def _add_sentence(sentences: list, tokens: list, first: int, last: int) -> None:
    if first >= last:
        return
    k = len(sentences)
    for t in tokens[first:last]:
        t.sent = k
    sentences.append(Sentence(k, tokens[first].start, tokens[last - 1].end, first, last))


def _covered(spans: list[tuple[int, int]]):
    starts = sorted(spans)

    def inside(pos: int) -> bool:
        return any(a < pos < b for a, b in starts)
    return inside


def _ends_sentence(doc: Document, tokens: list, i: int, inside) -> bool:
    tok = tokens[i]
    nxt = tokens[i + 1]
    gap = doc.text[tok.end:nxt.start]
    if "\n" in gap:
        return True
    if tok.kind != "punct" or tok.norm not in SENTENCE_END:
        return False
    if tok.norm == "." and i > 0 and tokens[i - 1].norm in ABBREVIATIONS and tokens[i - 1].end == tok.start:
        return False
    if nxt.kind == "punct" and doc.text[nxt.start] in CLOSING_QUOTES:
        return True
    if not gap and nxt.kind != "punct":
        return False
    return not inside(tok.start)


def segment(doc: Document) -> None:
    """Tokenize and split sentences (the first stage of every pipeline)."""
    tokenize(doc)
    split_sentences(doc)


class Segmenter:
    """Pipeline stage: tokens and sentences."""

    def __call__(self, doc: Document) -> None:
        segment(doc)
