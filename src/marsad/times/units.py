"""Document → grammar units: one symbol per time word or phrase, number, and the
context words and punctuation right next to them; any other run of tokens
becomes a single ``_`` unit.

Time words and phrases come from the shared matcher (lexicon "times", filled by
the lookup stage); frequent context words (في، من، الماضي …) are looked up only
beside them, so the cost per document stays proportional to its time words.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from ..document import Document
from ..knowledge.matcher import PhraseMatcher
from .lexicon import context_words, core_phrases
from .numbers import compose, digit_unit

LEXICON = "times"
PUNCT = frozenset("/(),-.!?;:")
BEFORE, AFTER = 3, 3  # context tokens examined on each side of a core unit
_first_two = itemgetter(0, 1)


@dataclass(slots=True)
class Unit:
    sym: str
    val: object
    start: int   # original offsets, proclitics excluded
    end: int
    tok: int     # index of the first token


@lru_cache(maxsize=1)
def own_matcher() -> PhraseMatcher:
    """The time lexicon alone, for documents that did not go through the lookup stage."""
    m = PhraseMatcher()
    m.add_all(LEXICON, core_phrases())
    return m


def _place(placed: list, tok, i: int, unit: Unit, nxt: int) -> None:
    """Place a unit, preceded by a ``w`` unit when its word carries the conjunction و."""
    if unit.start > tok.start and tok.norm[0] == "و" and unit.sym != "w":
        placed.append((i, i, Unit("w", None, tok.start, tok.start + 1, i)))
    placed.append((i, nxt, unit))


def _core(doc: Document, matches) -> tuple[dict, list[int]]:
    """First token → (next token, Unit) for time phrases (``matches``: the time lexicon's) and
    numbers; future cues."""
    tokens = doc.tokens
    best: dict = {}
    future: list[int] = []
    text = doc.text
    for m in matches:
        if text.startswith("آل", m.start):
            continue    # the name آلان (Alan), not الآن: the article is never written آل
        if m.entry[0] == "†":
            future.append(m.first)
            continue
        old = best.get(m.first)
        if old is None or (m.last, -m.start) > (old.last, -old.start):
            best[m.first] = m
    core: dict = {}
    covered = -1
    for first in sorted(best):
        m = best[first]
        if first < covered:
            continue
        covered = m.last
        core[first] = (m.last, Unit(m.entry[0], m.entry[1], m.start, m.end, first))
    for tok in [t for t in tokens if t.kind == "num"]:
        i = tok.i
        if i not in core:
            sym, val = digit_unit(tok.norm)
            if sym != "_":
                core[i] = (i + 1, Unit(sym, val, tok.start, tok.end, i))
    future.sort()
    return core, future


def _context_unit(tok, i, words):
    """The unit of a context word or punctuation mark at token i, else None."""
    if tok.kind == "word":
        for form, prefix in tok.readings:
            if form in words:
                sym, val = words[form]
                return Unit(sym, val, tok.stem_start(prefix), tok.end, i)
    elif tok.kind == "punct" and tok.norm in PUNCT:
        return Unit(tok.norm, None, tok.start, tok.end, i)
    return None


def tag(doc: Document) -> tuple[list[Unit], list[int]]:
    """The units of a document and the token indices of future-tense cue words."""
    tokens = doc.tokens
    core, future = _core(doc, doc.matches_by_lexicon.get(LEXICON, ()) if doc.matches
                         else own_matcher().match(tokens))
    if not core:
        return [], future
    words = context_words()
    placed: list = []
    taken: set[int] = set()
    for first, (nxt, unit) in core.items():
        _place(placed, tokens[first], first, unit, nxt)
        taken.update(range(first, nxt))
    for first, (nxt, _) in core.items():
        _add_context(tokens, first - 1, -1, BEFORE, words, taken, placed)
        _add_context(tokens, nxt, 1, AFTER, words, taken, placed)
    placed.sort(key=_first_two)
    units: list[Unit] = []
    expect = placed[0][0]
    sent = tokens[expect].sent
    for first, nxt, unit in placed:
        if first > expect or tokens[first].sent != sent and units[-1].sym not in PUNCT:
            # a gap, or a sentence break with no punctuation mark to show it
            units.append(Unit("_", None, tokens[first - 1].start, tokens[first - 1].end, first - 1))
        units.append(unit)
        if nxt > expect:
            expect = nxt
        sent = tokens[first].sent
    if expect < len(tokens):
        units.append(Unit("_", None, tokens[expect].start, tokens[-1].end, expect))
    return compose(units), future


def _add_context(tokens, j: int, step: int, count: int, words, taken: set, placed: list) -> None:
    """Place the context units of up to ``count`` tokens from token j on (walking by ``step``),
    up to the first token that is taken or no context word."""
    stop = j + step * count
    while j != stop and 0 <= j < len(tokens) and j not in taken:
        unit = _context_unit(tokens[j], j, words)
        if unit is None:
            return
        taken.add(j)
        _place(placed, tokens[j], j, unit, j + 1)
        j += step
