"""Sets family: يوميا، أسبوعيا، سنويا، كل يوم، كل ثلاثة أشهر، كل يوم جمعة.
Values are TIMEX SET periodicities: P1D, P1W, P3M, XXXX-WXX-5."""
from __future__ import annotations

from . import resolve as R
from .common import quantity
from .grammar import rule


@rule("set_adverb", r"G")
def set_adverb(ctx, m):
    return "SET", ctx.units[m.start()].val


@rule("every", r"e(?P<n>[Nn])?(?P<u>[DKJZRE])(?P<w>W)?")
def every(ctx, m):
    if m.group("w"):
        return "SET", f"XXXX-WXX-{ctx.units[m.start('w')].val[0] + 1}"
    n = quantity(ctx, m, "n", "u")
    if n is None:
        return None
    return "SET", R.duration(n, ctx.syms[m.start("u")])


@rule("every_weekday", r"e(?P<w>W)")
def every_weekday(ctx, m):
    return "SET", f"XXXX-WXX-{ctx.units[m.start('w')].val[0] + 1}"


RULES = [set_adverb, every, every_weekday]
