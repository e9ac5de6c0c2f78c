"""Small helpers shared by the rule families."""
from __future__ import annotations

import re

from .grammar import Ctx

# Periods away from now of the adjectives after a unit: الماضي (P)، المقبل (X)، الجاري (T),
# التالي (j); no adjective: this one.
ADJ_OFFSET = {"P": -1, "X": 1, "T": 0, "j": 1, None: 0}


def month_of(ctx: Ctx, m: re.Match, group: str) -> int | None:
    """Month number of a (possibly paired) month group; None if the pair disagrees."""
    s, e = m.span(group)
    months = {ctx.units[i].val[0] for i in range(s, e) if ctx.syms[i] in "MH"}
    return months.pop() if len(months) == 1 else None


def previous(ctx: Ctx, m: re.Match) -> str:
    """The symbol before the match ("^" at the start: never a preposition)."""
    return ctx.syms[m.start() - 1] if m.start() else "^"


def has_article(ctx: Ctx, unit) -> bool:
    """Whether the word of a unit (proclitics already removed) starts with ال."""
    return ctx.doc.text[unit.start:unit.start + 2] in ("ال", "أل", "إل")


def is_paired(m: re.Match, group: str) -> bool:
    return m.end(group) - m.start(group) > 1


def is_weak(ctx: Ctx, m: re.Match, group: str) -> bool:
    """A name that is also a word (مارس، آب، رجب) written without its pair."""
    return ctx.units[m.start(group)].val[1] > 0 and not is_paired(m, group)


def is_strict(ctx: Ctx, m: re.Match, group: str) -> bool:
    """A name that is a month only with a day or a year (ماي)."""
    return ctx.units[m.start(group)].val[1] > 1 and not is_paired(m, group)


def year_in(ctx: Ctx, m: re.Match, group: str) -> int | None:
    if m.group(group) is None:
        return None
    s, e = m.span(group)
    for i in range(s, e):
        if ctx.syms[i] == "Y":
            return ctx.units[i].val
    return None


def era_in(ctx: Ctx, m: re.Match, group: str) -> str | None:
    if m.group(group) is None:
        return None
    s, e = m.span(group)
    return next((ctx.units[i].val for i in range(s, e) if ctx.syms[i] == "A"), None)


def tense_of(ctx: Ctx, m: re.Match, adj: str | None = "adj") -> str:
    """"future" / "past" from an adjective in the match (المقبل / الماضي), else the clause."""
    a = m.group(adj) if adj and adj in m.re.groupindex else None
    if a:
        if "X" in a:
            return "future"
        if "P" in a:
            return "past"
    return ctx.tense(m.start())


def quantity(ctx: Ctx, m: re.Match, qty: str, unit: str):
    """Number of units: the quantity group, else 2 for a dual, 1 for a singular,
    None for a bare plural or an unspecified amount (بضعة، عدة)."""
    u = ctx.units[m.start(unit)]
    if qty in m.re.groupindex and m.group(qty):
        v = ctx.units[m.start(qty)].val
        if isinstance(v, str):
            try:
                v = float(v)
            except ValueError:
                return None
            return int(v) if v.is_integer() else v
        return v
    return {"1": 1, "2": 2}.get(u.val)
