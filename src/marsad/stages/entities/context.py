"""Per-document view the entity modules share: matches grouped by first token, word tests."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...document import Document
from . import kb
from .lexicon import common_words, given_names

# Words that precede a place name that is also a common word (مدينة الباب).
PLACE_CUES = frozenset("مدينه بلده قريه محافظه منطقه مديريه ولايه حي مخيم مدن بلدات قري العاصمه "
                       "مدينتي ضاحيه بلدتي اقليم".split())
# Words that may precede an ambiguous country name (في مالي).
COUNTRY_CUES = PLACE_CUES | frozenset("في من الي مع دوله جمهوريه شمال جنوب شرق غرب وسط شمالي "
                                      "جنوبي شرقي غربي".split())
TIME_WORDS = frozenset("الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت اليوم امس غدا "
                       "صباح مساء".split())
NAME_LINKS = frozenset("بن ابن بنت ابو ابي ال عبد".split())
FUNCTION_WORDS = frozenset("في من الي عن مع ان انه او ثم حتي التي الذي الذين اللذين اللتين "
                           "هذا هذه ذلك تلك هو هي هم كما لدي لدى بعد قبل منذ خلال بين امس اليوم "
                           "حيث الا لا لم لن قد ما".split())


@dataclass(slots=True)
class Cand:
    """A candidate mention (token span [first, last), original offsets without proclitic)."""
    first: int
    last: int
    start: int
    end: int
    type: str
    kind: str = "name"
    key: tuple = ()
    entry: Any = None
    country: str | None = None
    sector: str | None = None
    kb: str | None = None
    name_en: str | None = None
    title: Any = None          # lexicon.Title for nominals and titled names
    known: bool = False        # from a lexicon (beats a pattern of equal length)
    extra: dict = field(default_factory=dict)


class Context:
    def __init__(self, doc: Document):
        self.doc = doc
        self.tokens = doc.tokens
        self.n = len(doc.tokens)
        self.at: dict[int, list] = {}
        for m in doc.matches:
            self.at.setdefault(m.first, []).append(m)
        self.given = given_names()
        self.common = common_words()
        self.known_words = kb.name_words()

    def hits(self, i: int, lexicon: str) -> list:
        """Matches of ``lexicon`` starting at token i, longest first."""
        ms = [m for m in self.at.get(i, ()) if m.lexicon == lexicon]
        ms.sort(key=lambda m: m.first - m.last)
        return ms

    def longest(self, i: int, lexicon: str):
        ms = self.hits(i, lexicon)
        return ms[0] if ms else None

    def word(self, i: int) -> str:
        return self.tokens[i].norm if 0 <= i < self.n else ""

    def form_in(self, i: int, words) -> tuple | None:
        """The first clitic reading (stem, start) of token i that is in ``words``."""
        if 0 <= i < self.n:
            for form in self.tokens[i].forms:
                if form[0] in words:
                    return form
        return None

    def is_name_word(self, w: str) -> bool:
        return w in self.given or w in self.known_words or (w not in self.common
                                                            and w not in FUNCTION_WORDS)

    def nisba_at(self, i: int):
        """(last, Country) of a nisba adjective written at token i (no proclitic), else None."""
        for m in self.hits(i, "nisba"):
            if m.start == self.tokens[i].start:
                return m.last, m.entry
        return None

    def gap(self, i: int) -> str:
        """The text between token i-1 and token i."""
        t = self.tokens
        return self.doc.text[t[i - 1].end:t[i].start] if 0 < i < self.n else ""
