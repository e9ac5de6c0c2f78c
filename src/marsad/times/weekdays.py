"""Weekdays family: الجمعة، يوم الجمعة الماضي، الأحد المقبل، مساء الخميس،
الأسبوع المقبل يوم الجمعة — resolved in the tense of their clause."""
from __future__ import annotations

from datetime import timedelta

from . import resolve as R
from .common import ADJ_OFFSET
from .grammar import rule


def _direction(ctx, m) -> str:
    adj = m.group("adj")
    if adj == "P":
        return "before"
    if adj == "X":
        return "after"
    return "after" if ctx.tense(m.start("w")) == "future" else "past"


NOT_A_DAY = {"before": frozenset({"كلا"}), "after": frozenset({"معا"})}  # كلا الاثنين = both


@rule("weekday", r"(?P<p>p)?D?(?P<w>W)(?P<adj>[PX])?(?:\(W\))?")
def weekday(ctx, m):
    wd = ctx.units[m.start("w")].val[0]
    tokens, i = ctx.doc.tokens, ctx.units[m.start("w")].tok
    if i and tokens[i - 1].norm in NOT_A_DAY["before"] or \
            i + 1 < len(tokens) and tokens[i + 1].norm in NOT_A_DAY["after"]:
        return None
    first = m.start() if m.group("p") else m.start("w")
    return "DATE", R.weekday(ctx.ref, wd, _direction(ctx, m)), first, m.end()


@rule("this_weekday", r"(?P<h>h)D?(?P<w>W)")
def this_weekday(ctx, m):
    wd = ctx.units[m.start("w")].val[0]
    if ctx.ref is None:
        return "DATE", R.weekday(None, wd, "past")
    return "DATE", R.day(ctx.ref + timedelta(days=wd - ctx.ref.weekday()))


@rule("week_weekday", r"(?:K(?P<a1>[PXT])|hK)D?(?P<w>W)|D?(?P<w2>W)m?(?:K(?P<a2>[PXT])|hK)")
def week_weekday(ctx, m):
    g = "w" if m.group("w") else "w2"
    wd = ctx.units[m.start(g)].val[0]
    adj = m.group("a1") or m.group("a2") or "T"
    if ctx.ref is None:
        return "DATE", R.weekday(None, wd, "past")
    monday = ctx.ref - timedelta(days=ctx.ref.weekday())
    d = monday + timedelta(weeks=ADJ_OFFSET[adj], days=wd)
    first = m.start() + (1 if ctx.syms[m.start()] == "D" else 0)
    return "DATE", R.day(d), first, m.end()


@rule("nth_weekday", r"D?(?P<w>W)(?P<o>o)(?![mMJHNobq])")
def nth_weekday(ctx, m):
    """الأحد الثاني: the second Sunday of the document's month."""
    wd, n = ctx.units[m.start("w")].val[0], ctx.units[m.start("o")].val
    if not isinstance(n, int) or not 1 <= n <= 5 or ctx.ref is None:
        return None
    first = ctx.ref.replace(day=1)
    d = first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    if d.month != first.month:
        return None
    return "DATE", R.day(d), m.start("w"), m.end()


RULES = [weekday, this_weekday, week_weekday, nth_weekday]
