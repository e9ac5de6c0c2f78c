"""Per-document lookups shared by the event modules (built once per document)."""
from __future__ import annotations

from bisect import bisect_left

from ..document import Document
from ..text.normalize import normalize
from .actors import (LEXICON as ACTOR_WORDS, ActorPhrase, TokenIndex, actor_phrases,
                     by_sentence, fallback_matches, nisbas)
from .evidence import lists_of
from .triggers import time_aside

CLAUSE_PUNCT = frozenset(",;:()")
QUOTE_MARKS = frozenset('"')
PRESS_NOUNS = frozenset(normalize(w) for w in "صحيفة جريدة قناة وكالة مجلة موقع شبكة إذاعة".split())
NAMED_BY = frozenset(the + w for w in PRESS_NOUNS | {"شركه"} for the in ("", "ال"))  # شركة «موبايلي»
CLAUSE_STARTS = CLAUSE_PUNCT | QUOTE_MARKS  # punctuation a clause starts after
CLAUSE_ENDS = CLAUSE_PUNCT | frozenset(".!?")  # punctuation a clause ends at
QUOTED_ENDS = CLAUSE_ENDS | QUOTE_MARKS  # …or a quote mark (see clause_end)
STATEMENT_OPENERS = frozenset({"ان", "بان", "وان", ":"})  # a statement's subject comes after them
SUBJECT_THAT = frozenset({"انه", "انها", "انهم", "بانه", "بانها"})  # …or is their pronoun
STATEMENT_WORDS = STATEMENT_OPENERS | SUBJECT_THAT
ASIDE_PREPOSITIONS = frozenset({"في", "مع", "خلال", "عبر", "ضمن", "حسب", "وفق"})
MAX_ASIDE = 6  # tokens of a prepositional aside
MAX_APPOSITION = 8  # tokens of a name or title set off by commas after the subject
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})
CLAUSE_OPENERS = CLAUSE_STARTS | RELATIVES  # words a clause starts after
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})


class SentenceLists:
    """The evidence lists the words of a sentence are in (see evidence.lists_of), by sentence,
    filled on first use."""

    def __init__(self, doc: Document):
        self.tokens = doc.tokens
        self._found: dict[int, frozenset] = {}

    def __call__(self, sent) -> frozenset[str]:
        found = self._found.get(sent.i)
        if found is None:
            found = self._found[sent.i] = lists_of(self.tokens[sent.first_token:sent.last_token])
        return found


class Context:
    def __init__(self, doc: Document, sents: set, by_lex: dict, sentence_lists: SentenceLists):
        self.doc = doc
        self.news_date: str | None = None      # set by the caller (when.news_date)
        self.topic_shift = len(doc.sentences)   # set by the caller (when.topic_shift)
        self.main_country: str | None = None   # set by the caller (where.main_country)
        self.verb_triggers: frozenset = frozenset()  # set by the caller: verbs of kept triggers
        self.scene_places: list | None = None   # filled on first use (where.scene)
        self.things: set[int] = set()  # verbs whose subject names no party (subjects.fronted_thing)
        self.backing: set[int] = set()  # «بدعم من X» backing the armed subject (agents.backed_by)
        self.sentence_lists = sentence_lists
        self.index = TokenIndex(doc)
        heads = self.heads = fallback_matches(doc, sents, by_lex.get(ACTOR_WORDS, ()))
        self.nisba = nisbas(heads)
        mentions = by_sentence(doc, sents, doc.mentions)
        self.actors: list[ActorPhrase] = actor_phrases(doc, self.index, sents, heads, self.nisba,
                                                       mentions)
        self.actor_at: dict[int, ActorPhrase] = {}
        self.actor_ending: dict[int, ActorPhrase] = {}
        for a in self.actors:
            self.actor_at.setdefault(a.first, a)
            self.actor_ending[a.last] = a
        self._argument_starts = sorted(self.actor_at.keys() | self.nisba.keys())
        self.inner_quotes = _inner_quotes(doc, self.actors)
        self.by_sent: dict[int, list[ActorPhrase]] = {}
        for a in self.actors:
            self.by_sent.setdefault(doc.tokens[a.first].sent, []).append(a)
        self.places: dict[int, list] = {}
        for k, in_sentence in mentions.items():
            places = [m for m in in_sentence if m.label in PLACE_LABELS]
            if places:
                self.places[k] = places
        self.trigger_tokens: set[int] = set()
        self.noun_types: dict[int, str] = {}  # nouns of events by first token
        self.verbs: set[int] = set()
        self.event_verbs: set[int] = set()  # (not light verbs with their noun: أجرى محادثات)
        self.force_verbs: set[int] = set()  # قتل، اعتقل
        for m in by_lex.get("event_triggers", ()):
            self.trigger_tokens.add(m.first)
            entry = m.entry
            if entry.pattern.pos == "N":
                self.noun_types[m.first] = entry.pattern.type
            if entry.tense is not None:
                self.verbs.add(m.first)
                if not entry.rest:
                    self.event_verbs.add(m.first)
                if entry.pattern.type in FORCE_TYPES:
                    self.force_verbs.add(m.first)
        self.verbs.update(m.first for m in by_lex.get("event_cues", ()) if m.entry.how == "V")
        self.denials = {m.first for m in by_lex.get("event_cues", ()) if m.entry.kind == "denial"}
        self.reports = {m.first for m in by_lex.get("event_cues", ()) if m.entry.kind == "report"}
        self.light_verbs = {m.first for m in by_lex.get("event_cues", ()) if m.entry.kind == "light"}
        self._verb_list = sorted(self.verbs)
        self._marks: dict[int, list[int]] = {}  # by sentence, filled on first use
        self._in_actor = {i for a in self.actors for i in range(a.first, a.last)}
        self.prepositions: dict[int, str | None] = {}  # by phrase start (grammar.preposition)
        self._time_starts = [t.start for t in doc.times]
        self.tokens_in_times = set()  # tokens overlapping a time (doc.time_tokens: starting inside one)
        for t in doc.times:
            self.tokens_in_times.update(self.index.span(t.start, t.end))

    def in_actor(self, i: int) -> bool:
        """Is token i inside an actor phrase?"""
        return i in self._in_actor

    def is_country(self, a: ActorPhrase) -> bool:
        """The phrase names a country (not a city used as a venue)."""
        return any(m.entry.kind == "gpe" for m in self.heads.get(a.first, ()))

    def arguments_in(self, start: int, end: int) -> bool:
        """Does an actor phrase or a nisba adjective start in tokens [start, end)?"""
        starts = self._argument_starts
        k = bisect_left(starts, start)
        return k < len(starts) and starts[k] < end

    def times_in(self, sent) -> list:
        """The time expressions starting in a sentence."""
        starts = self._time_starts
        return self.doc.times[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]

    def verb_before(self, i: int, floor: int) -> int | None:
        """The last verb (of an event or a cue) before token i, from token ``floor`` on."""
        k = bisect_left(self._verb_list, i) - 1
        return self._verb_list[k] if k >= 0 and self._verb_list[k] >= floor else None

    def statement_marks(self, k: int) -> list[int]:
        """Token indices of the complementizers and colons of sentence k (not in a name: «بان
        كي مون»)."""
        marks = self._marks.get(k)
        if marks is None:
            sent = self.doc.sentences[k]
            marks = self._marks[k] = [t.i for t in self.doc.tokens[sent.first_token:sent.last_token]
                                      if t.norm in STATEMENT_WORDS and t.i not in self._in_actor]
        return marks

    def clause_start(self, i: int, floor: int) -> int:
        """First token of the clause holding token i (after the last , ; : quote mark or
        relative pronoun)."""
        for t in reversed(self.doc.tokens[floor:i]):
            if t.norm in CLAUSE_OPENERS and (t.kind == "punct" or t.norm in RELATIVES) \
                    and t.i not in self.inner_quotes:
                return t.i + 1
        return floor

    def clause_end(self, i: int, ceiling: int, quotes: bool = True) -> int:
        """The token ending the clause of token i (, ; : . ! ? and, unless ``quotes`` is False,
        a quote mark: a place may be quoted, في مديرية «لودر»)."""
        ends = QUOTED_ENDS if quotes else CLAUSE_ENDS
        toks = self.doc.tokens
        j = i
        while j < ceiling:
            t = toks[j]
            if t.kind == "punct" and t.norm in ends and j not in self.inner_quotes:
                after = self.aside(j, ceiling) or self.apposition(i, j, ceiling)
                if after is None:
                    return j
                j = after
            j += 1
        return ceiling

    def aside(self, j: int, ceiling: int) -> int | None:
        """The comma closing an aside that starts with the comma at token j, where the clause
        goes on: a time (اعتقلت الشرطة، الخميس، عشرة أشخاص) or a short phrase after a
        preposition with no verb (طالب البرلمان، في بيان، المجتمع الدولي؛ بحث X، مع نظيره Y،
        العلاقات); else None."""
        toks = self.doc.tokens
        if toks[j].norm != ",":  # (، is normalized to ,)
            return None
        end = time_aside(toks, j, self.tokens_in_times, ceiling)
        k = j + 1
        if end is not None or k in self.tokens_in_times or k >= ceiling \
                or toks[k].norm not in ASIDE_PREPOSITIONS:
            return end
        stop = min(ceiling, k + MAX_ASIDE)
        while k < stop and toks[k].kind != "punct" and k not in self.verbs:
            k += 1
        return k if k > j + 1 and k < ceiling and toks[k].norm == "," else None

    def apposition(self, i: int, j: int, ceiling: int) -> int | None:
        """The comma closing an apposition of the subject right after token i, where the clause
        goes on with the object (دعا وزير حقوق الإنسان، عز الدين X، مفوض الأمم المتحدة؛ التقى
        الأمير X، ولي العهد، أمس، الرئيس Y): the aside names the same person (a name, a title
        or both) and an actor phrase follows it; else None. Never after a place (a list:
        أدانت السعودية، الإمارات، البحرين).
        """
        toks = self.doc.tokens
        subject = self.actor_ending.get(j)
        if toks[j].norm != "," or subject is None or subject.place or not 0 <= subject.first - i <= 3 \
                or any(t.kind == "punct" for t in toks[i:subject.first]):
            return None
        k = j + 1
        while k < min(ceiling, j + 1 + MAX_APPOSITION) and toks[k].kind == "word" and k not in self.verbs \
                and toks[k].norm not in RELATIVES and k not in self.tokens_in_times:
            k += 1
        if k == j + 1 or k >= ceiling or toks[k].norm != "," or toks[j + 1].norm in ASIDE_PREPOSITIONS \
                or toks[j + 1].norm[:1] == "و" and self.doc.text[toks[j + 1].start:toks[j + 1].start + 1] == "و" \
                and toks[j + 1].norm[1:2] != "و":  # (، وثلة من مساعديه: a phrase joined, not a name)
            return None
        inner = [a for a in self.actors if j < a.first < k]
        if any(a.place or a.entity is not None and a.entity != subject.entity for a in inner):
            return None
        end = time_aside(toks, k, self.tokens_in_times, ceiling) or k
        nxt = self.actor_at.get(end + 1) or (  # (مفوض الأمم المتحدة: a head in construct)
            self.actor_at.get(end + 2) if end + 1 < ceiling and toks[end + 1].kind == "word"
            and not toks[end + 1].norm.startswith("ال") else None)
        return end if nxt is not None and not nxt.place else None


def _inner_quotes(doc, actors) -> set[int]:
    """Quote marks in an actor phrase, and the one closing it (تنظيم «داعش»), or the two around
    a name (أدانت «حماس»، مواقع لـ«جبهة النصرة»، مقاتلي «ولاية سيناء»; not a name standing by a
    party or a press noun it names: شركة «موبايلي»، صحيفة «كيهان»): no clause end."""
    out = set()
    if '"' not in doc.norm:
        return out
    toks = doc.tokens
    ends = {a.last for a in actors}
    for a in actors:
        if a.place:
            continue
        if 1 < a.first and a.last < len(toks) and toks[a.first - 1].norm in QUOTE_MARKS \
                and toks[a.last].norm in QUOTE_MARKS and a.first - 1 not in ends \
                and toks[a.first - 2].norm.lstrip("و") not in NAMED_BY:
            out.update((a.first - 1, a.last))
            continue
        if a.last - a.first < 2:
            continue
        inner = [j for j in range(a.first + 1, a.last) if doc.tokens[j].norm in QUOTE_MARKS]
        if inner:
            out.update(inner)
            if a.last < len(doc.tokens) and doc.tokens[a.last].norm in QUOTE_MARKS:
                out.add(a.last)
    return out
