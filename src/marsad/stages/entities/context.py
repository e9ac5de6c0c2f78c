"""Per-document view the entity modules share: matches grouped by first token, word tests."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...document import Document
from ...text.segment import definite
from . import kb
from .lexicon import common_words, given_names

# Words that precede a place name that is also a common word (مدينة الباب).
PLACE_CUES = frozenset("مدينه بلده قريه محافظه منطقه مديريه ولايه حي مخيم مدن بلدات قري العاصمه "
                       "مدينتي ضاحيه بلدتي اقليم محافظتي مديريتي محافظات مديريات".split())
# Cues naming two or more places (محافظتي صعدة وحجة): the cue also holds for the name after و.
LIST_CUES = frozenset("مدينتي بلدتي محافظتي مديريتي مدن بلدات قري محافظات مديريات".split())
# Words that may precede an ambiguous country name (في مالي).
COUNTRY_CUES = PLACE_CUES | frozenset("في من الي مع دوله جمهوريه شمال جنوب شرق غرب وسط شمالي "
                                      "جنوبي شرقي غربي".split())
TIME_WORDS = frozenset("الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت اليوم امس غدا "
                       "صباح مساء".split())
PROCLITICS = frozenset("وفبلك")
# The shared-matcher lexicons this stage reads, grouped by first token for every document;
# ``at`` groups others (event_triggers: read for few documents) on first use.
LEXICONS = ("countries", "nisba", "places", "people", "organizations", "facilities",
            "person_titles", "org_heads", "actor_nouns", "given_names", "country_refs",
            "place_nouns", "group_refs", "doc_nisba")
NAME_LINKS = frozenset("بن ابن بنت ابو ابي ال عبد".split())
FUNCTION_WORDS = frozenset("في من الي عن مع ان انه او ثم حتي التي الذي الذين اللذين اللتين "
                           "هذا هذه ذلك تلك هو هي هم كما لدي لدى بعد قبل منذ خلال بين امس اليوم "
                           "حيث الا لا لم لن قد ما بان لان كان وان فان بانه لانه انها "
                           "بانها".split())
# Pronoun suffixes that end no name (خارجيته، حياتها).
PRONOUN_ENDINGS = ("ته", "تها", "تهم", "ها", "هم", "هما")


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
    prio: int = 0              # among known names of equal length: people > orgs > … > places
    extra: dict = field(default_factory=dict)


class Context:
    def __init__(self, doc: Document):
        self.doc = doc
        self.tokens = doc.tokens
        self.n = len(doc.tokens)
        self.norms = [t.norm for t in doc.tokens]
        self.by_lex = {name: _longest_by_first(doc.matches_by_lexicon.get(name, ()))
                       for name in LEXICONS}
        self.given = given_names()
        self.common = common_words()
        self.known_words = kb.name_words()
        self.doc_countries: frozenset = frozenset()    # countries named (for doc_nisba)

    def at(self, lexicon: str) -> dict[int, Any]:
        """First token → longest match of ``lexicon`` starting there."""
        try:
            return self.by_lex[lexicon]
        except KeyError:
            found = self.by_lex[lexicon] = _longest_by_first(
                self.doc.matches_by_lexicon.get(lexicon, ()))
            return found

    def longest(self, i: int, lexicon: str):
        try:
            return self.by_lex[lexicon].get(i)
        except KeyError:
            return self.at(lexicon).get(i)

    def word(self, i: int) -> str:
        """Token i's normalized word; "" outside the text (rare: no bounds test up front)."""
        try:
            return self.norms[i] if i >= 0 else ""
        except IndexError:
            return ""

    def form_in(self, i: int, words) -> tuple | None:
        """The first clitic reading (stem, start) of token i that is in ``words``."""
        if 0 <= i < self.n:
            tok = self.tokens[i]
            for stem, prefix in tok.readings:
                if stem in words:
                    return stem, tok.stem_start(prefix)
        return None

    def is_name_word(self, w: str) -> bool:
        return w in self.given or w in self.known_words or (w not in self.common
                                                            and w not in FUNCTION_WORDS)

    def pronoun_suffixed(self, i: int) -> bool:
        """A word with a pronoun suffix (خارجيته، إقناعها), unless a known name word."""
        w = self.tokens[i].norm
        return w.endswith(PRONOUN_ENDINGS) and len(w) > 4 and w not in self.known_words

    def plain_name_word(self, i: int) -> bool:
        """A name word with no clitic reading that is a common word (بالتصدي)."""
        t = self.tokens[i]
        if self.pronoun_suffixed(i):
            return False
        return self.is_name_word(t.norm) and not any(
            stem in self.common or stem in FUNCTION_WORDS for stem, _ in t.readings[1:])

    def nisba_at(self, i: int):
        """(last, Country) of a nisba adjective written at token i (no proclitic), else None."""
        m = self.by_lex["nisba"].get(i)
        country = m.entry if m is not None else None
        if m is None:
            m = self.by_lex["doc_nisba"].get(i)
            if m is None or not m.entry.licensed & self.doc_countries \
                    or i - 1 in self.by_lex["org_heads"]:        # وزارة المالية: finance
                return None
            country = m.entry.country
        if m.start == self.tokens[i].start:
            return m.last, country
        return None

    def definite(self, i: int) -> bool:
        return 0 <= i < self.n and definite(self.doc.text, self.tokens[i])

    def gap(self, i: int) -> str:
        """The text between token i-1 and token i."""
        t = self.tokens
        return self.doc.text[t[i - 1].end:t[i].start] if 0 < i < self.n else ""

    def find_words(self, words) -> list[tuple[int, str, int]]:
        """Tokens that are one of ``words`` (normalized), possibly after proclitics:
        (token index, word, original start of the word), in text order."""
        if not words:
            return []
        doc, norm, out = self.doc, self.doc.norm, []
        for w in words:
            at = norm.find(w)
            while at >= 0:
                end = at + len(w)
                if (end == len(norm) or not norm[end].isalpha()) and _word_start(norm, at):
                    start = doc.orig_offset(at)
                    i = doc.token_at(start)
                    if i >= 0 and self.tokens[i].end == doc.orig_offset(end - 1) + 1:
                        out.append((i, w, start))
                at = norm.find(w, end)
        out.sort()
        return out


def _longest_by_first(matches) -> dict[int, Any]:
    """First token → the longest of ``matches`` starting there (the first one of equal length)."""
    longest = {m.first: m for m in matches}
    if len(longest) == len(matches):
        return longest                      # one match at each token: most lexicons, mostly
    longest = {}
    for m in matches:
        old = longest.get(m.first)
        if old is None or m.last > old.last:
            longest[m.first] = m
    return longest


def _word_start(norm: str, at: int) -> bool:
    """``norm[at:]`` starts a word, possibly after up to two proclitics (و ف ب ل ك)."""
    for back in range(3):
        j = at - back
        if j == 0 or not norm[j - 1].isalpha():
            return True
        if j - 1 < 0 or norm[j - 1] not in PROCLITICS:
            return False
    return False
