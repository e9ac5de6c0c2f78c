"""Normalization for matching, with a map back to original offsets.

The normalized view removes diacritics, tatweel, zero-width and bidi marks, and
folds letter variants (أ إ آ ٱ → ا, ى → ي, ة → ه), Eastern Arabic and Persian
digits (→ 0-9), Persian letters (ک → ك, ی → ي), Arabic punctuation (، ؛ ؟ → , ; ?)
and quote marks (« » “ ” „ ‟ → "). Every kept character maps to exactly one
original character, so ``norm_map[i]`` is the original offset of ``norm[i]``.
"""
from __future__ import annotations

import re
from bisect import bisect_right

INVISIBLE = ("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
             "\u2066\u2067\u2068\u2069\u061c\ufeff\u00ad")  # zero-width, bidi, BOM, soft hyphen
TANWEEN = "\u064b\u064c\u064d"  # ً ٌ ٍ


def nunated(s: str) -> bool:
    """Written with tanween (دعماً، تماماً، ملخصاً): an indefinite word, no name and no verb.
    (Three substring scans: fast on a whole document too.)"""
    return TANWEEN[0] in s or TANWEEN[1] in s or TANWEEN[2] in s


DELETED = (
    "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"  # Quranic marks
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655"  # harakat, shadda, sukun
    "\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670"
    "\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2"
    "\u06e3\u06e4\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed"
    "\u0640"  # tatweel
    + INVISIBLE
)

FOLDED = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ې": "ي",
    "ک": "ك", "ڪ": "ك", "ھ": "ه", "ۀ": "ه", "ۃ": "ه",
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",", "۔": ".",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‹": '"', "›": '"',
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "–": "-", "—": "-", "−": "-",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    FOLDED[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    FOLDED[_d] = str(_i)

_DELETED_CHAR = "[" + re.escape(DELETED) + "]"
# Not "[…]+": a pattern that starts with a character class lets the regex engine skip
# ahead to the next candidate (twice as fast on real text).
_DELETED_RE = re.compile(_DELETED_CHAR + _DELETED_CHAR + "*")
_FOLD_ITEMS = tuple(FOLDED.items())  # no replacement is itself a key: the order does not matter


def _fold(s: str) -> str:
    # str.translate walks every character through a dict; replacing only the characters
    # present (each found by a fast substring scan) is several times faster on real text.
    for ch, to in _FOLD_ITEMS:
        if ch in s:
            s = s.replace(ch, to)
    return s


_TABLE = str.maketrans({**{c: None for c in DELETED}, **FOLDED})
_SHORT = 200
# Short strings (words, names, titles, phrases) recur from article to article; str.translate
# costs hundreds of instructions a character, a cache hit a few dozen in all.
SHORT_CACHE_SIZE = 20_000
_SHORT_CACHE: dict[str, str] = {}


def normalize(s: str) -> str:
    """The matching form of a string (no offset map)."""
    if len(s) >= _SHORT:
        return _fold(_DELETED_RE.sub("", s))
    out = _SHORT_CACHE.get(s)
    if out is None:
        if len(_SHORT_CACHE) >= SHORT_CACHE_SIZE:  # bounded memory on endless inputs
            _SHORT_CACHE.clear()
        out = _SHORT_CACHE[s] = s.translate(_TABLE)
    return out


def normalize_all(strings: list[str]) -> list[str]:
    """``normalize`` of each string, normalized together (a lexicon's phrases, an article's new
    tokens): normalizing works character by character, and one pass over the joined text costs a
    fraction of a call per string. Nothing is cached."""
    joined = "\n".join(strings)
    out = (joined.translate(_TABLE) if len(joined) < _SHORT else _fold(_DELETED_RE.sub("", joined))).split("\n")
    return out if len(out) == len(strings) else list(map(normalize, strings))  # a line break in one


class OffsetMap:
    """Maps indices of the normalized text to original offsets.

    Built from the deleted runs only: ``orig = i + (characters deleted before i)``.
    """
    __slots__ = ("_at", "_shift", "_len")

    def __init__(self, deleted_runs: list[tuple[int, int]], text_length: int):
        self._at = [0]      # normalized index where a new shift starts
        self._shift = [0]   # characters deleted before that index
        deleted = 0
        for start, end in deleted_runs:
            deleted += end - start
            self._at.append(end - deleted)
            self._shift.append(deleted)
        self._len = text_length - deleted

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i: int) -> int:
        return i + self._shift[bisect_right(self._at, i) - 1]


def normalize_with_map(text: str) -> tuple[str, OffsetMap | None]:
    """Normalized text and a map from its indices to original offsets.

    The map is None when nothing was deleted (the offsets are then equal).
    """
    runs = [m.span() for m in _DELETED_RE.finditer(text)]
    if not runs:
        return _fold(text), None
    kept, prev = [], 0
    for start, end in runs:
        kept.append(text[prev:start])
        prev = end
    kept.append(text[prev:])
    return _fold("".join(kept)), OffsetMap(runs, len(text))
