"""Holidays family: عيد الفطر، عيد الأضحى، يوم عرفة، المولد النبوي، عيد الميلاد،
رأس السنة … (data/holidays.tsv) — Hijri feasts converted with hijridate. Without
a year or الماضي/المقبل, a holiday is its occurrence nearest the document date
(news speaks of the feast just past or just coming)."""
from __future__ import annotations

from datetime import date as Date

from . import resolve as R
from .common import tense_of, year_in
from .grammar import rule
from .symbols import YEAR


@rule("holiday", rf"(?P<h>Ħ)(?:(?P<y>{YEAR})|(?P<adj>[PX]))?")
def holiday(ctx, m):
    cal, month, day = ctx.units[m.start("h")].val
    y = year_in(ctx, m, "y")
    if cal == "gregorian":
        if y:
            return "DATE", R.day_or_x(y, month, day)
        return "DATE", _pick(ctx, m, lambda t: R.day_or_x(R.year_for(ctx.ref, month, day, t), month, day))
    if y and y >= 1900:
        return None  # a Gregorian year with a Hijri feast: ambiguous
    if y:
        return "DATE", R.hijri_date(y, month, day) or "XXXX-XX-XX"

    def hijri(t):
        hy = R.hijri_year_for(ctx.ref, month, day, t)
        return (R.hijri_date(hy, month, day) if hy else None) or "XXXX-XX-XX"
    return "DATE", _pick(ctx, m, hijri)


def _pick(ctx, m, resolve_in):
    """The value for the adjective's tense, else the one nearest the document date."""
    if m.group("adj"):
        return resolve_in(tense_of(ctx, m))
    past, future = resolve_in("past"), resolve_in("future")
    if ctx.ref is None or "X" in past or "X" in future:
        return past
    ref = ctx.ref
    gap = lambda v: abs((Date.fromisoformat(v) - ref).days)  # noqa: E731
    return past if gap(past) <= gap(future) else future


RULES = [holiday]
