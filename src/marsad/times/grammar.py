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
    first: frozenset | None = field(default=None)


def rule(name: str, pattern: str):
    """Decorator: turn a builder into a Rule (collected by each family's RULES)."""
    def wrap(fn):
        return Rule(name, re.compile(pattern), fn, first_symbols(pattern))
    return wrap


def first_symbols(pattern: str) -> frozenset | None:
    """The symbols a match can start with (None: any), so rules are only tried there."""
    from re import _constants as C, _parser
    def seq(items):
        out: set = set()
        for op, av in items:
            got = item(op, av)
            if got is None:
                return None
            chars, nullable = got
            out |= chars
            if not nullable:
                return out, False
        return out, True

    def item(op, av):
        if op is C.LITERAL:
            return {chr(av)}, False
        if op is C.IN:
            if any(o is not C.LITERAL for o, _ in av):
                return None
            return {chr(v) for _, v in av}, False
        if op is C.SUBPATTERN:
            return seq(av[3])
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            got = seq(av[2])
            return got and (got[0], got[1] or av[0] == 0)
        if op is C.BRANCH:
            parts = [seq(b) for b in av[1]]
            if any(p is None for p in parts):
                return None
            return set().union(*(p[0] for p in parts)), any(p[1] for p in parts)
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            return set(), True
        return None
    got = seq(_parser.parse(pattern))
    return None if got is None or got[1] else frozenset(got[0])


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
        self.syms = "".join(u.sym for u in units)
        self.ref: Date | None = doc.date

    def tense(self, i: int) -> str:
        return clause_tense(self.doc, self.future, self.units[i].tok)

    def val(self, m: re.Match, group: int | str = 0):
        return self.units[m.start(group)].val


@lru_cache(maxsize=8)
def _by_first(rules: tuple) -> tuple[dict, list]:
    """Rules indexed by the symbols they can start with, and rules that start anywhere."""
    by: dict[str, list] = {}
    anywhere = []
    for rank, r in enumerate(rules):
        if r.first is None:
            anywhere.append((rank, r))
        else:
            for s in r.first:
                by.setdefault(s, []).append((rank, r))
    return by, anywhere


def candidates(ctx: Ctx, rules: tuple) -> list[Candidate]:
    """Every rule tried at every position where its first symbol occurs."""
    by, anywhere = _by_first(rules)
    syms = ctx.syms
    out = []
    for i, s in enumerate(syms):
        for rank, r in by.get(s, ()):
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
