"""Rules over the unit symbol string, and the choice among overlapping matches.

A rule is a regular expression over symbols (see symbols.py) and a builder
``build(ctx, m) -> (type, value) | (type, value, first, last) | None``; the
match's units ``first:last`` give the span unless the builder narrows it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date as Date
from typing import Callable

from ..document import Document
from .tense import clause_tense
from .units import Unit


@dataclass(slots=True, eq=False)
class Rule:
    name: str
    pattern: re.Pattern
    build: Callable
    starts: frozenset | None = field(default=None)  # see match_starts


def rule(name: str, pattern: str):
    """Decorator: turn a builder into a Rule (collected by each family's RULES)."""
    def wrap(fn):
        return Rule(name, re.compile(pattern), fn, match_starts(pattern))
    return wrap


ANY = "\0"  # in match_starts' analysis: a symbol the pattern does not spell out


def match_starts(pattern: str) -> frozenset | None:
    """The first two symbols of every match (one symbol: the match may end there or go on
    with anything), so rules are only tried where they can match; None: anywhere."""
    from re import _constants as C, _parser

    def seq(items) -> set:
        out = {""}
        for op, av in items:
            out = {(a + b)[:2] for a in out for b in item(op, av)}
        return out

    def item(op, av) -> set:
        if op is C.LITERAL:
            return {chr(av)}
        if op is C.IN and all(o is C.LITERAL for o, _ in av):
            return {chr(v) for _, v in av}
        if op is C.SUBPATTERN:
            return seq(av[3])
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, body = av
            one, copies, out = seq(body), {""}, set()
            for n in range(min(hi, lo + 2) + 1):  # more copies add nothing to two symbols
                if n >= lo:
                    out |= copies
                copies = {(a + b)[:2] for a in copies for b in one}
            return out
        if op is C.BRANCH:
            return set().union(*(seq(b) for b in av[1]))
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            return {""}
        return {"", ANY}

    starts = seq(_parser.parse(pattern))
    if "" in starts or any(p[0] == ANY for p in starts):
        return None
    return frozenset(p[0] if p[1:] == ANY else p for p in starts)


@dataclass(slots=True)
class Candidate:
    first: int
    last: int
    type: str
    value: str
    rank: int


class Ctx:
    """What builders see: the units, the document and its date."""
    __slots__ = ("doc", "units", "syms", "ref", "future")

    def __init__(self, doc: Document, units: list[Unit], future: list[int]):
        self.doc = doc
        self.units = units
        self.future = future
        self.syms = "".join([u.sym for u in units])
        self.ref: Date | None = doc.date

    def tense(self, i: int) -> str:
        return clause_tense(self.doc, self.future, self.units[i].tok)

    def val(self, m: re.Match, group: int | str = 0):
        return self.units[m.start(group)].val


@lru_cache(maxsize=8)
def _index(rules: tuple) -> tuple[dict, list]:
    """Rules (with their rank) by the symbol a match starts with and the one after it:
    {first: ({next: rules}, rules whatever comes next)}; and rules that start anywhere."""
    alone: dict[str, set] = {}
    pairs: dict[str, dict[str, set]] = {}
    anywhere = []
    for rank, r in enumerate(rules):
        if r.starts is None:
            anywhere.append((rank, r))
        for p in r.starts or ():
            if len(p) == 1:
                alone.setdefault(p, set()).add((rank, r))
            else:
                pairs.setdefault(p[0], {}).setdefault(p[1], set()).add((rank, r))
    index = {}
    for first in alone.keys() | pairs.keys():
        any_next = alone.get(first, set())
        nexts = pairs.get(first, {})
        index[first] = ({nxt: tuple(sorted(found | any_next)) for nxt, found in nexts.items()},
                        tuple(sorted(any_next)))  # in rule order: ranks are unique
    return index, anywhere


END = "\n"  # after the last symbol (never a unit's symbol)


def candidates(ctx: Ctx, rules: tuple) -> list[Candidate]:
    """Every rule tried at every position where its first two symbols occur."""
    index, anywhere = _index(rules)
    syms = ctx.syms
    out = []
    for i, (s, nxt) in enumerate(zip(syms, syms[1:] + END)):
        if s in index:
            after, any_next = index[s]
            for rank, r in after.get(nxt, any_next):
                m = r.pattern.match(syms, i)
                if m:
                    _keep(ctx, r, rank, m, out)
    for rank, r in anywhere:
        for m in r.pattern.finditer(syms):
            _keep(ctx, r, rank, m, out)
    return out


def _keep(ctx, r, rank, m, out) -> None:
    res = r.build(ctx, m)
    if res:
        first, last = (res[2], res[3]) if len(res) == 4 else m.span()
        if last > first:
            out.append(Candidate(first, last, res[0], res[1], rank))


def choose(ctx: Ctx, cands: list[Candidate]) -> list[Candidate]:
    """Longest spans first (by characters), then earlier rules; no overlaps."""
    units = ctx.units
    cands.sort(key=lambda c: (units[c.first].start - units[c.last - 1].end, c.rank))
    taken = bytearray(len(units))
    kept = []
    for c in cands:
        if any(taken[c.first:c.last]):
            continue
        taken[c.first:c.last] = b"\x01" * (c.last - c.first)
        kept.append(c)
    kept.sort(key=lambda c: c.first)
    return kept
