"""Tokens, clitic readings and sentences, all with original offsets.

Works on the normalized view (``Document.norm``) and maps every offset back to
the original text, so stages never re-tokenize or re-normalize.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache, partial
from itertools import accumulate, compress
from operator import is_

from ..document import Document, Sentence, Token
from .normalize import DELETED, FOLDED, normalize_all, normalize_with_map

ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06fa-\u06ff"
LATIN_LETTERS = "A-Za-z\u00c0-\u024f"
# kind: (first character, the rest, then repeated (separator, continuation) or None), as
# character class contents; punct is any other non-space character on its own.
TOKEN_KINDS = {
    "word": (ARABIC_LETTERS, ARABIC_LETTERS, None),
    "num": (r"\d", r"\d", (".,:/", r"\d")),
    "latin": (LATIN_LETTERS, LATIN_LETTERS, ("'’\\-", "A-Za-z")),
}


def _rest(rest: str, repeat: tuple[str, str] | None) -> str:
    return f"[{rest}]*" + (f"(?:[{repeat[0]}][{repeat[1]}]+)*" if repeat else "")


TOKEN_RE = re.compile("|".join(f"(?P<{kind}>[{first}]{_rest(rest, repeat)})"
                               for kind, (first, rest, repeat) in TOKEN_KINDS.items())
                      + r"|(?P<punct>[^\s])")


def _in_text(chars: str) -> str:
    """Class contents that match in the original text what ``chars`` match in the normalized
    text: the class plus the characters normalization folds into it (،٫ for ",.")."""
    one = re.compile(f"[{chars}]")
    return chars + re.escape("".join(c for c, to in FOLDED.items()
                                     if one.fullmatch(to) and not one.fullmatch(c)))


def _rest_in_text(rest: str, repeat: tuple[str, str] | None) -> str:
    deleted = re.escape(DELETED)
    out = f"[{_in_text(rest)}{deleted}]*"
    if repeat:
        sep, cont = map(_in_text, repeat)
        out += f"(?:[{sep}][{deleted}]*[{cont}][{cont}{deleted}]*)*"
    return out


# The tokens of the original text for re.split ([space, token, space, …, token, space]): those
# of the normalized text with their original offsets. Characters that normalization deletes
# (diacritics, tatweel, invisible marks) may follow any character of a token and belong to it,
# but start none. Written to start with one character class (any non-space, non-deleted) so
# that the regex engine skips spaces quickly; the first character (a lookbehind) decides how
# the token goes on. The classes are disjoint; punct, the last, needs no lookbehind.
_SPLIT_RE = re.compile(f"([^\\s{re.escape(DELETED)}](?:" + "|".join(
    f"(?<=[{_in_text(first)}]){_rest_in_text(rest, repeat)}"
    for first, rest, repeat in TOKEN_KINDS.values()) + f"|[{re.escape(DELETED)}]*))")

CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
FUTURE = "س"
IMPERFECT = "يتنا"
MIN_STEM = 2

# Single letters and short forms that end with a dot but do not end a sentence
# (د. = doctor, م. = engineer / AD, ق.م, ص.ب, أ. = professor).
ABBREVIATIONS = frozenset("ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي ص.ب ق.م".split())

OPEN_QUOTES = {"«": "»", "“": "”", "„": "“", "‹": "›"}
CLOSING_QUOTES = '"»”'
CLOSERS = '"»”)\']'
MAX_QUOTED_SENTENCE = 600


def clitic_forms(word: str, short_future: bool = True) -> list[tuple[str, int]]:
    """Readings of an Arabic word as (stem, prefix length): the word itself first,
    then with و/ف, ب/ل/ك, لل→ال and future س removed (stems of ≥ 2 letters; of ≥ 3 after
    س, or ≥ 4 without ``short_future``, as the NER models were trained: سيصل stays whole)."""
    forms = [(word, 0)]
    k = 0
    if len(word) > MIN_STEM + 1 and word[0] in CONJUNCTIONS:  # و/ف come first: strip them,
        word = word[1:]                                        # then read the rest alike
        k = 1
        forms.append((word, k))
    if word.startswith("لل") and len(word) > 3:
        forms.append(("ال" + word[2:], k))
    if len(word) > MIN_STEM + 1 and word[0] in PREPOSITIONS:
        forms.append((word[1:], k + 1))
    if len(word) > MIN_STEM + 2 - short_future and word[0] == FUTURE and word[1] in IMPERFECT:
        forms.append((word[1:], k + 1))
    return forms


def definite(text: str, tok: Token) -> bool:
    """The token is written with the article, perhaps after proclitics (الشرطة، والقوات، للجيش),
    in the original ``text``: «ألمانيا» is not «المانيا»."""
    return any(stem.startswith("ال") and text.startswith(("ال", "لل"), tok.stem_start(p))
               for stem, p in tok.readings)


WORD_CACHE_SIZE = 100_000
# token (as written) -> (normalized word, token kind, clitic readings, character offsets)
_LEXEMES: dict[str, tuple[str, str, tuple, tuple | None]] = {}
_CLITIC_INITIALS = frozenset(CONJUNCTIONS + PREPOSITIONS + FUTURE)
_is_none = partial(is_, None)


def _lexemes(tokens: list) -> list[tuple[str, str, tuple, tuple | None]]:
    """The cached lexeme of each token as written; new ones are added.

    Tokens share the cached word string, whose hash is then already known to later stages."""
    lexemes = list(map(_LEXEMES.get, tokens))
    if all(lexemes):
        return lexemes
    if len(_LEXEMES) > WORD_CACHE_SIZE:  # bounded memory on endless vocabularies
        _LEXEMES.clear()
    missing = list(compress(range(len(tokens)), map(_is_none, lexemes)))
    _learn_lexemes(list(dict.fromkeys([tokens[k] for k in missing])))
    for k in missing:
        lexemes[k] = _LEXEMES[tokens[k]]
    return lexemes


def _learn_lexemes(new: list[str]) -> None:
    """Caches the lexemes of tokens not seen before, normalized in one batch."""
    for token, word in zip(new, normalize_all(new)):
        readings = tuple(clitic_forms(word)) if word[0] in _CLITIC_INITIALS else ((word, 0),)
        offsets = None if len(word) == len(token) else _char_offsets(token, word)
        _LEXEMES[token] = (word, _kind(word[0]), readings, offsets)


@lru_cache(maxsize=4096)
def _kind(first: str) -> str:
    """The kind of a token, which its first character decides."""
    return TOKEN_RE.match(first).lastgroup


def _char_offsets(token: str, word: str) -> tuple[int, ...] | None:
    """Offset in the token of each character of its shorter normalized ``word`` when characters
    were deleted inside it (diacritics, tatweel); None when deleted only at the end."""
    kept = tuple(k for k, ch in enumerate(token) if ch not in DELETED)
    return None if kept[-1] == len(kept) - 1 else kept  # deleted only at the end


def tokenize(doc: Document) -> None:
    """Tokens of the text with their normalized forms and offsets, and the sentences they form.

    Per-token work runs in C (re.split, map, accumulate); tokens are looked up in a cache.
    """
    text = doc.text
    doc.norm, doc._norm_map = normalize_with_map(text)
    parts = _SPLIT_RE.split(text)
    bounds = list(accumulate(map(len, parts)))
    starts, ends = bounds[0:-1:2], bounds[1::2]
    tokens = list(map(Token, range(len(starts)), starts, ends, _lexemes(parts[1::2])))
    marks = find_chars(text, MARK_CHARS)
    last = _sentence_ends(text, tokens, starts, ends, marks)
    doc.sentences = _sentences(tokens, last, starts, ends)
    doc.tokens, doc.token_starts, doc.token_ends, doc.marks = tokens, starts, ends, marks


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


_QUOTE_CHARS = "".join(dict.fromkeys([*OPEN_QUOTES, *OPEN_QUOTES.values(), '"']))  # “ opens and closes
_BOUNDARY_CHARS = ".!?؟"
MARK_CHARS = "\n" + _QUOTE_CHARS + _BOUNDARY_CHARS  # Document.marks


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


def _sentence_ends(text: str, tokens: list[Token], starts: list, ends: list,
                   marks: list[tuple[int, str]]) -> list[int]:
    """Index of the last token of each sentence; ``marks``: see ``Document.marks``."""
    n = len(tokens)
    if not n:
        return []
    quoted = _merged(_quote_spans(marks))
    last = set()
    for at, ch in marks:
        if ch == "\n":
            last.add(bisect_left(starts, at) - 1)
        elif ch in _BOUNDARY_CHARS:
            i = bisect_left(starts, at)
            if i + 1 < n and starts[i] == at and tokens[i].kind == "punct" \
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
