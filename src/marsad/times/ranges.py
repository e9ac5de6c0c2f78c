"""Ranges family: 14 و15 مارس، من 14 إلى 20 مارس، 4 سبتمبر و8 سبتمبر،
سبتمبر أو أكتوبر المقبلين، 2014-2018، بين 2014 و2018 (value ``a/b``)."""
from __future__ import annotations

from . import resolve as R
from .common import month_of, tense_of, year_in
from .grammar import rule
from .symbols import DAY, MON, YEAR

LINK = r"(?:w|-|i|~)"


def _year(ctx, m, mo, d):
    if m.group("adj") == "T" and ctx.ref is not None:
        return ctx.ref.year                 # من 10 إلى 15 أغسطس الجاري: this year's
    return year_in(ctx, m, "y") or R.year_for(ctx.ref, mo, d, tense_of(ctx, m))


@rule("day_day_month", rf"(?<!ñ)(?P<d1>{DAY}){LINK}(?P<d2>{DAY})(?P<m>{MON})(?P<y>{YEAR})?(?P<adj>[PXT])?")
def day_day_month(ctx, m):
    d1, d2 = ctx.units[m.start("d1")].val, ctx.units[m.start("d2")].val
    mo = month_of(ctx, m, "m")
    if mo is None or not (isinstance(d1, int) and isinstance(d2, int)) or not d1 < d2 <= 31:
        return None
    y = _year(ctx, m, mo, d1)
    return "DATE", f"{R.day_or_x(y, mo, d1)}/{R.day_or_x(y, mo, d2)}"


@rule("day_month_day_month",
      rf"(?<!ñ)(?P<d1>{DAY})m?(?P<m1>{MON}){LINK}(?P<d2>{DAY})m?(?P<m2>{MON})(?P<y>{YEAR})?(?P<adj>[PXT])?")
def day_month_day_month(ctx, m):
    d1, d2 = ctx.units[m.start("d1")].val, ctx.units[m.start("d2")].val
    m1, m2 = month_of(ctx, m, "m1"), month_of(ctx, m, "m2")
    if None in (m1, m2) or not (isinstance(d1, int) and isinstance(d2, int)):
        return None
    y = _year(ctx, m, m1, d1)
    if not (R.valid_day(y, m1, d1) and R.valid_day(y, m2, d2)):
        return None
    y2 = y + 1 if y is not None and (m2, d2) < (m1, d1) else y
    return "DATE", f"{R.day_or_x(y, m1, d1)}/{R.day_or_x(y2, m2, d2)}"


@rule("month_month", rf"J?(?P<m1>M){LINK}(?P<m2>M)(?:(?P<y>{YEAR})|(?P<adj>[PXT]))?")
def month_month(ctx, m):
    m1, m2 = month_of(ctx, m, "m1"), month_of(ctx, m, "m2")
    if None in (m1, m2) or m1 == m2:
        return None
    y = _year(ctx, m, m1, 0)
    y2 = y + 1 if y is not None and m2 < m1 else y
    return "DATE", f"{R.month(y, m1)}/{R.month(y2, m2)}"


@rule("year_year", r"Z?(?P<y1>Y)(?P<link>-|w|i)(?P<y2>Y)(?!µ)")
def year_year(ctx, m):
    y1, y2 = ctx.units[m.start("y1")].val, ctx.units[m.start("y2")].val
    if not 0 < y2 - y1 <= 100:
        return None
    if m.group("link") == "w" and "B" not in ctx.syms[max(0, m.start() - 2):m.start()]:
        return None  # عامي 2010 و2014، القرارات 1696 و1737: a list, not a range
    return "DATE", f"{y1}/{y2}"


RULES = [day_day_month, day_month_day_month, month_month, year_year]
