"""Tokens, clitic readings and sentences, all with original offsets.

Works on the normalized view (``Document.norm``) and maps every offset back to
the original text, so stages never re-tokenize or re-normalize.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import partial
from itertools import accumulate, compress
from operator import is_

from ..document import Document, Sentence, Token
from .normalize import OffsetMap, normalize_with_map

ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06fa-\u06ff"
# kind: (its first character, the rest of the token)
TOKEN_KINDS = {
    "word": (f"[{ARABIC_LETTERS}]", f"[{ARABIC_LETTERS}]*"),
    "num": (r"\d", r"\d*(?:[.,:/]\d+)*"),
    "latin": (r"[A-Za-z\u00c0-\u024f]", r"[A-Za-z\u00c0-\u024f]*(?:['’-][A-Za-z]+)*"),
    "punct": (r"[^\s]", ""),
}
TOKEN_RE = re.compile("|".join(f"(?P<{kind}>{first}{rest})" for kind, (first, rest) in TOKEN_KINDS.items()))
# The same tokens for re.split ([space, token, space, …, token, space]), written to start with
# one character class (any non-space) so that the regex engine skips spaces quickly; the
# first character (a lookbehind) decides how the token goes on. The classes are disjoint;
# punct, the last, catches every other character and needs no lookbehind.
_SPLIT_RE = re.compile(r"([^\s](?:" + "|".join(
    f"(?<={first}){rest}" if kind != "punct" else "" for kind, (first, rest) in TOKEN_KINDS.items())
    + "))")

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


def definite(text: str, tok: Token) -> bool:
    """The token is written with the article, perhaps after proclitics (الشرطة، والقوات، للجيش),
    in the original ``text``: «ألمانيا» is not «المانيا»."""
    return any(stem.startswith("ال") and text.startswith(("ال", "لل"), tok.stem_start(p))
               for stem, p in tok.readings)


WORD_CACHE_SIZE = 100_000
_LEXEMES: dict[str, tuple[str, str, tuple]] = {}  # word -> (word, token kind, clitic readings)
_CLITIC_INITIALS = frozenset(CONJUNCTIONS + PREPOSITIONS + FUTURE)
_is_none = partial(is_, None)


def _lexemes(words: list) -> list[tuple[str, str, tuple]]:
    """The cached (word, kind, readings) of each word; new words are added.

    Tokens share the cached word string, whose hash is then already known to later stages."""
    lexemes = list(map(_LEXEMES.get, words))
    if all(lexemes):
        return lexemes
    if len(_LEXEMES) > WORD_CACHE_SIZE:  # bounded memory on endless vocabularies
        _LEXEMES.clear()
    for k in compress(range(len(words)), map(_is_none, lexemes)):
        lexemes[k] = _LEXEMES.get(words[k]) or _lexeme(words[k])
    return lexemes


def _lexeme(word: str) -> tuple[str, str, tuple]:
    readings = tuple(clitic_forms(word)) if word[0] in _CLITIC_INITIALS else ((word, 0),)
    lexeme = _LEXEMES[word] = (word, TOKEN_RE.match(word).lastgroup, readings)
    return lexeme


def tokenize(doc: Document) -> None:
    """Tokens of the normalized text with original offsets, and the sentences they form.

    Per-token work runs in C (re.split, map, accumulate); words are looked up in caches.
    """
    norm, norm_map = normalize_with_map(doc.text)
    doc.norm = norm
    doc._norm_map = norm_map
    parts = _SPLIT_RE.split(norm)
    words = parts[1::2]
    bounds = list(accumulate(map(len, parts)))
    nstarts, nends = bounds[0:-1:2], bounds[1::2]
    if norm_map is None:
        starts, ends = nstarts, nends
    else:
        starts, ends = norm_map.originals(nstarts), norm_map.originals(nends)
    lexemes = _lexemes(words)
    tokens = list(map(Token, range(len(words)), starts, ends, lexemes))
    if norm_map is not None:
        for k in _with_deletions(norm_map, nstarts, nends):
            tokens[k] = Token(k, starts[k], ends[k], lexemes[k],
                              norm_map.originals(list(range(nstarts[k], nends[k]))))
    last = _sentence_ends(doc.text, tokens, starts, ends)
    doc.sentences = _sentences(tokens, last, starts, ends)
    doc.tokens, doc.token_starts, doc.token_ends = tokens, starts, ends


def _sentences(tokens: list[Token], last: list[int], starts: list, ends: list) -> list[Sentence]:
    """The sentences ending at the ``last`` tokens; each token gets its sentence's index."""
    sentences = []
    first = 0
    for k, stop in enumerate(last):
        sentences.append(Sentence(k, starts[first], ends[stop], first, stop + 1))
        for tok in tokens[first:stop + 1]:
            tok.sent = k
        first = stop + 1
    return sentences


def _with_deletions(norm_map: OffsetMap, nstarts: list, nends: list) -> list[int]:
    """Indices of the tokens with characters deleted inside them (diacritics, tatweel)."""
    found: list[int] = []
    for at in norm_map.gaps():
        k = bisect_right(nstarts, at) - 1
        if k >= 0 and nstarts[k] < at < nends[k] and (not found or found[-1] != k):
            found.append(k)
    return found


_QUOTE_CHARS = "".join(dict.fromkeys([*OPEN_QUOTES, *OPEN_QUOTES.values(), '"']))  # “ opens and closes
_BOUNDARY_CHARS = ".!?؟"


def find_chars(text: str, chars: str) -> list[tuple[int, str]]:
    """(offset, char) of every occurrence of the characters, in text order.
    (One fast substring scan per character: these are rare, a regex scan is several times slower.)"""
    found = []
    for ch in chars:
        i = text.find(ch)
        while i != -1:
            found.append((i, ch))
            i = text.find(ch, i + 1)
    found.sort()
    return found


def _quote_spans(marks: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Balanced quotations within a paragraph, as (open, close) offsets; ``marks``: the
    quotation marks and line breaks as (offset, char), in order (other characters are ignored)."""
    spans = []
    stack: list[tuple[str, int]] = []
    straight_open = None
    for i, ch in marks:
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


def _sentence_ends(text: str, tokens: list[Token], starts: list, ends: list) -> list[int]:
    """Index of the last token of each sentence."""
    n = len(tokens)
    if not n:
        return []
    marks = find_chars(text, "\n" + _QUOTE_CHARS + _BOUNDARY_CHARS)
    quoted = _merged(_quote_spans(marks))
    last = set()
    for at, ch in marks:
        i = bisect_left(starts, at)
        if ch == "\n":
            last.add(i - 1)
        elif ch in _BOUNDARY_CHARS and i + 1 < n and starts[i] == at and tokens[i].kind == "punct" \
                and _ends_sentence(text, tokens, starts, ends, i, quoted):
            last.add(_extend_over_closing_quotes(text, tokens, starts, ends, i))
    last.discard(-1)
    last.add(n - 1)
    return sorted(last)


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Starts and ends of the union of (open) quotation spans, sorted: nested or overlapping
    quotations become one."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if starts and a < ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _extend_over_closing_quotes(text: str, tokens: list[Token], starts: list, ends: list,
                                i: int) -> int:
    while i + 1 < len(tokens) and tokens[i + 1].kind == "punct" and text[starts[i + 1]] in CLOSERS \
            and "\n" not in text[ends[i]:starts[i + 1]]:
        i += 1
    return i


def _ends_sentence(text: str, tokens: list[Token], starts: list, ends: list, i: int,
                   quoted: tuple) -> bool:
    if tokens[i].norm == "." and i > 0 and tokens[i - 1].norm in ABBREVIATIONS \
            and ends[i - 1] == starts[i]:
        return False
    following = tokens[i + 1].kind
    if following == "punct" and text[starts[i + 1]] in CLOSING_QUOTES:
        return True
    if starts[i + 1] == ends[i] and following in ("num", "latin"):
        return False
    k = bisect_left(quoted[0], starts[i]) - 1  # not inside a quotation
    return k < 0 or starts[i] >= quoted[1][k]


segment = tokenize  # the first stage of every pipeline


class Segmenter:
    """Pipeline stage: tokens and sentences."""

    def __call__(self, doc: Document) -> None:
        segment(doc)
