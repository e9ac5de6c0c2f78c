"""Trigger selection: event pattern matches minus blocked phrases, one per token span."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document
from ..knowledge.matcher import Match
from ..text.normalize import DELETED, normalize, nunated
from .evidence import has_word
from .patterns import Pattern, TriggerEntry, past_head

LEXICON = "event_triggers"
BLOCKERS = "event_blockers"
# تظاهروا بالآلاف = they demonstrated in thousands, not "pretended"
CROWD_WORDS = frozenset({"الالاف", "الاف", "المئات", "مئات", "العشرات", "عشرات"})
HAMZAS = frozenset("أإآءئؤ")
NOUN_PROCLITICS = frozenset("بك")
REST_GAP = 9  # words allowed between a verb and the rest of its phrase (the subject)
NOUNVERB_GAP = 5  # words from a verb to the request noun that is its object (رفضت الحكومة السورية طلب)
PREPOSITION_WORDS = frozenset({"بحق", "ضد", "من", "مع", "علي", "عن", "الي", "في", "بين", "لدي"})
NOUN_BEFORE = frozenset(normalize(w) for w in "في إلى على عن بين ضد بحق لدى خلال جراء إثر اثر عقب أثناء "
                        "بعد قبل منذ مع".split())  # words after which no verb starts
COMPLEMENTIZERS = frozenset({"ان", "بان", "وان", "انه", "انها", "بانه", "بانها"})
B_THAT = frozenset({"بان", "بانه", "بانها", "بانهم"})  # بأن(ه): a statement follows, not ب + noun
REST_STOPS = frozenset(",;:.!?") | COMPLEMENTIZERS  # not a quote mark: ترأس كيري «الحوار»
# Styles of address before a name (صاحب السمو الملكي الأمير، فخامة الرئيس): a first word, then
# at most two tails.
STYLES = frozenset(normalize(w) for w in "صاحب سمو جلالة فخامة معالي سعادة سماحة".split())
STYLE_TAILS = frozenset(normalize(w) for w in "السمو الملكي الجلالة الفخامة المعالي السعادة".split())
STYLE_WORDS = STYLES | STYLE_TAILS


@dataclass(slots=True)
class Trigger:
    first: int
    last: int
    start: int
    end: int
    entry: TriggerEntry
    pattern: Pattern = field(init=False)  # entry.pattern, read often

    def __post_init__(self) -> None:
        self.pattern = self.entry.pattern


def find_triggers(doc: Document, matches, blockers) -> list[Trigger]:
    """The trigger matches kept: not inside a blocked phrase, verbs with their rest, the longest
    match where several overlap."""
    if not matches:
        return []
    blocked = set()
    for m in blockers:
        blocked.update(range(m.first, m.last))
    times = doc.time_tokens
    blocked.update(times)  # فجرا = at dawn, not "they blew up"
    nouns = {m.first for m in matches if m.entry.pattern.pos == "N" and m.entry.pattern.type == "ASSAULT"}
    cands = sorted(matches, key=lambda m: (m.first - m.last, not m.entry.rest, m.first,
                                           _accusative_like(doc, m)))
    taken: set[int] = set()
    rest_of: dict[int, str] = {}
    # _rest_window by its first token: قدم has four patterns with a rest, all read after it
    windows: dict[int, tuple] = {}
    named = None
    out = []
    for m in cands:
        span = range(m.first, m.last)
        if taken.intersection(span) or blocked.intersection(span):
            continue
        rest = None
        if m.entry.rest:
            window = windows.get(m.last)
            if window is None:
                if named is None:
                    named = _named_tokens(doc)
                window = windows[m.last] = _rest_window(doc, m.last, times, named)
            rest = _rest_span(doc, m, window)
            if rest is None or m.entry.pattern.type == "REQUEST" and _that_after(doc, rest):
                continue  # أصر X على أن…: insisting that something is so is no demand
        if rest_of and any(rest_of.get(i) == m.entry.pattern.type for i in span):
            continue
        flags = m.entry.pattern.flags
        if "pretend" in flags and _pretend(doc, m):
            continue
        if "hamza" in flags and not any(c in HAMZAS for c in doc.text[m.start:m.end]):
            continue
        if (m.entry.tense is not None or m.entry.pattern.pos == "A") and noun_prefix(doc, m):
            continue
        if m.entry.tense is not None and m.first in nouns and doc.tokens[m.first - 1].norm in NOUN_BEFORE:
            continue  # في قصف، مع قصف: an attack noun with its own pattern, never a verb
        if m.entry.pattern.pos == "A" and _after_preposition(doc, m):
            continue  # حكما بحق متهمين: the accused, not «accusing»
        if "taa" in flags and _final_ha(doc, m):
            continue
        if "notaa" in flags and _final_taa(doc, m):
            continue  # طالبة، دعاة: students, preachers; not «demanded him», «called him»
        if "noun" in flags and _noun_reading(doc, m):
            continue  # عبر طلب، أي طلب، رفض طلب: the noun «a request», not «he asked»
        if "bpassive" in flags and _before_b(doc, m):
            continue  # متهمون بالانتماء: accused of, not accusing
        taken.update(span)
        if m.entry.rest:  # شاركت إيطاليا في المحادثات: the rest is no second CONSULT
            rest_of.update((i, m.entry.pattern.type) for i in rest)
        out.append(Trigger(m.first, m.last, m.start, m.end, m.entry))
    out.sort(key=lambda t: t.first)
    return out


def _accusative_like(doc: Document, m: Match) -> bool:
    """«دعما للقوات»: a dual past verb that is written like its verbal noun in the accusative
    (فعل + ا) yields to the noun reading of the same word."""
    if m.entry.tense != "past":
        return False
    return normalize(doc.text[m.start:m.end]) == past_head(m.entry.pattern.lemma) + "ا"


def _named_tokens(doc: Document) -> frozenset:
    """Tokens of named actors (with their styles: صاحب السمو الملكي الأمير محمد بن سلمان بن
    عبدالعزيز): a long name does not count toward the words before a verb's rest."""
    out, firsts = set(), []
    for span in doc.actors:
        if span.data.get("entity"):
            tokens = span.data["tokens"]
            if tokens:
                out.update(tokens)
                firsts.append(tokens.start)
    for k in firsts:
        j = k - 1
        while j >= 0 and j not in out and doc.tokens[j].norm.lstrip("وفلب") in STYLE_WORDS:
            out.add(j)
            j -= 1
    return frozenset(out)


def _rest_window(doc: Document, i: int, times: set, named: frozenset = frozenset()
                 ) -> tuple[list[int], set[str]]:
    """The tokens from token i on where the rest of a verb's phrase may start, within a few
    words (a time set off by commas may come between: أطلقت السلطات، الأربعاء، سراح; words of a
    named actor are not counted) and before the end of the clause (أعلنت تونس أن حالة
    الطوارئ…: what follows أن is a statement), with the stems of their readings."""
    toks = doc.tokens
    n = len(toks)
    found, stems = [], set()
    stop = min(i + REST_GAP, n)
    while i < stop:
        if i in named:
            stop = min(stop + 1, n)
        tok = toks[i]
        if tok.norm == ",":
            k = time_aside(toks, i, times, n)
            if k is not None:
                stop, i = min(stop + k + 1 - i, n), k + 1
                continue
        if tok.norm in REST_STOPS:
            break
        found.append(i)
        for stem, _ in tok.readings:
            stems.add(stem)
        i += 1
    return found, stems


def _rest_span(doc: Document, m: Match, window: tuple[list[int], set[str]]) -> range | None:
    """أفرجت السلطات الإيرانية عن…: the tokens of a rest of the verb's phrase in its
    ``window`` (see _rest_window), or None."""
    found, stems = window
    firsts = m.entry.rest_first
    if firsts.isdisjoint(stems):
        return None
    toks = doc.tokens
    n = len(toks)
    for i in found:
        for hit, _ in toks[i].readings:
            if hit in firsts:
                for rest in m.entry.rest:
                    if rest[0] == hit and i + len(rest) <= n and all(
                            toks[i + k].norm == rest[k] for k in range(1, len(rest))):
                        return range(i, i + len(rest))
                break
    return None


def time_aside(toks: list, j: int, times: set, ceiling: int) -> int | None:
    """The comma closing «، TIME ،» that opens with the comma at token j (``times``: the tokens
    of time expressions), before ``ceiling``; else None."""
    k = j + 1
    while k < ceiling and k in times:
        k += 1
    return k if k > j + 1 and k < ceiling and toks[k].norm == "," else None


def noun_prefix(doc: Document, m: Match) -> bool:
    """بدعم، كدعم: a preposition attached to the word makes it a noun, not a verb."""
    tok = doc.tokens[m.first]
    if tok.start == m.start:
        return False
    prefix = normalize(doc.text[tok.start:m.start]).lstrip("وف")
    return prefix[:1] in NOUN_PROCLITICS


def _that_after(doc: Document, rest) -> bool:
    k = max(rest) + 1
    return k < len(doc.tokens) and doc.tokens[k].norm in COMPLEMENTIZERS | {"انهم"}


def _after_preposition(doc: Document, m: Match) -> bool:
    return m.first > 0 and doc.tokens[m.first - 1].norm in PREPOSITION_WORDS


def _noun_reading(doc: Document, m: Match) -> bool:
    """The bare past form (طلب) read as the noun it is also written as: after ل/ب/ك, a number,
    or a preposition, quantifier or word governing a noun (NOUNCUE in evidence.tsv); its dual
    (طلبا) is always the accusative noun."""
    if m.entry.tense != "past":
        return False
    form, head = normalize(doc.text[m.start:m.end]), past_head(m.entry.pattern.lemma)
    if form == head + "ا":
        return True  # قدم طلبا: the accusative noun, not the dual «they two asked»
    if form != head:
        return False
    tok = doc.tokens[m.first]
    prefix = set(normalize(doc.text[tok.start:m.start]))
    if prefix & set("لبك"):
        return True
    if m.first == 0 or prefix:  # رفض وطلب منه: a second verb
        return False
    prev = doc.tokens[m.first - 1]
    return prev.kind == "num" or has_word(prev, "NOUNCUE") or _object_after_subject(doc, m.first)


def _object_after_subject(doc: Document, i: int) -> bool:
    """«رفضت الحكومة السورية طلب…»: a verb taking the noun as its object (NOUNVERB in
    evidence.tsv) and its subject, with no mark or second verb (و) between, come right before."""
    for k in range(i - 1, max(-1, i - 1 - NOUNVERB_GAP), -1):
        tok = doc.tokens[k]
        if tok.kind != "word":
            return False
        if has_word(tok, "NOUNVERB"):
            return k < i - 1
    return False


def _final_ha(doc: Document, m: Match) -> bool:
    """مظاهره (its aspects) written with ه where the trigger needs ة (مظاهرة)."""
    word = doc.text[m.start:doc.tokens[m.first].end].rstrip()
    return word.endswith("ه")


def _final_taa(doc: Document, m: Match) -> bool:
    """طالبة written with ة where the trigger's form ends in the pronoun ه (طالبه); with tanween
    (داعيةً الجميع) it is a participle."""
    word = doc.text[m.start:doc.tokens[m.first].end].rstrip()
    return word.rstrip(DELETED).endswith("ة") and not nunated(word)


def _before_b(doc: Document, m: Match) -> bool:
    """The next word starts with the preposition ب (متهمين بالإرهاب), not «بأن»."""
    if m.last >= len(doc.tokens):
        return False
    nxt = doc.tokens[m.last].norm
    return nxt.startswith("ب") and len(nxt) > 2 and nxt not in B_THAT


def _pretend(doc: Document, m: Match) -> bool:
    if m.last >= len(doc.tokens):
        return False
    nxt = doc.tokens[m.last]
    if not nxt.norm.startswith("ب") or len(nxt.readings) < 2:
        return False
    return not any(stem in CROWD_WORDS for stem, _ in nxt.readings)
