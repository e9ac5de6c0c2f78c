"""Dates family: day + month (+ year) in every month-name set, paired names,
numeric dates, Hijri dates, month + year, bare months, years and decades."""
from __future__ import annotations

from . import resolve as R
from .common import era_in, is_weak, month_of, tense_of, year_in
from .grammar import rule
from .symbols import DAY, MON, PREP, YEAR

REL_YEAR = r"(?P<ry>Z[PXT])"


def _day_month(ctx, m, day_group="d", month_group="m"):
    d = ctx.units[m.start(day_group)].val
    mo = month_of(ctx, m, month_group)
    if mo is None or not isinstance(d, int):
        return None
    y = year_in(ctx, m, "y")
    if y is None and m.groupdict().get("ry"):
        y = _relative_year(ctx, m)
    elif y is None:
        y = R.year_for(ctx.ref, mo, d, tense_of(ctx, m))
    if not R.valid_day(y, mo, d):
        return None
    return R.day_or_x(y, mo, d)


def _relative_year(ctx, m):
    if ctx.ref is None:
        return None
    adj = ctx.syms[m.start("ry") + 1]
    return ctx.ref.year + {"P": -1, "X": 1, "T": 0}[adj]


def _start_without_day_word(m):
    return m.start() + (1 if m.group("wd") and m.group("wd")[0] == "D" else 0)


@rule("day_month", rf"(?<!ñ)(?P<wd>D?W,?)?(?P<d>{DAY})-?m?(?P<m>{MON})(?:(?P<y>{YEAR})|m?{REL_YEAR})?(?P<adj>[PX])?(?:\(W\))?")
def day_month(ctx, m):
    v = _day_month(ctx, m)
    return v and ("DATE", v, _start_without_day_word(m), m.end())


@rule("month_day", rf"(?P<wd>D?W,?)?(?P<m>{MON})(?P<d>{DAY})(?P<y>{YEAR})?")
def month_day(ctx, m):
    d = ctx.units[m.start("d")].val
    if ctx.syms[m.start("d")] == "N" and not m.group("y") and not m.group("wd"):
        return None  # "مارس 15" alone is too often a count
    v = _day_month(ctx, m)
    return v and ("DATE", v, _start_without_day_word(m), m.end())


@rule("month_year", rf"(?:xm?)?J?(?P<m>{MON})(?:(?P<y>,?m?Z?YA?)|m?{REL_YEAR})")
def month_year(ctx, m):
    mo = month_of(ctx, m, "m")
    if mo is None:
        return None
    y = year_in(ctx, m, "y") if m.group("y") else _relative_year(ctx, m)
    return "DATE", R.month(y, mo)


@rule("month", rf"(?:(?P<x>x)m?)?(?P<h>h)?(?P<J>J)?(?P<m>{MON})(?P<adj>[PX])?")
def bare_month(ctx, m):
    mo = month_of(ctx, m, "m")
    if mo is None:
        return None
    before = ctx.syms[m.start() - 1] if m.start() else ""
    if is_weak(ctx, m, "m") and not (m.group("J") or m.group("adj") or m.group("x") or m.group("h")
                                     or before in PREP):
        return None
    if m.group("h"):
        return "DATE", R.month(ctx.ref and ctx.ref.year, mo)
    return "DATE", R.month(R.year_for(ctx.ref, mo, 0, tense_of(ctx, m)), mo)


def _numeric(ctx, parts, need_context, start):
    """A date from digit groups: d/m/y, y/m/d, d/m, y/m."""
    if not all(p.isdigit() for p in parts):
        return None
    nums = [int(p) for p in parts]
    four = [len(p) == 4 for p in parts]
    if len(nums) == 3:
        if four[0]:
            y, mo, d = nums
        elif four[2]:
            d, mo, y = nums
            if mo > 12 >= d:
                d, mo = mo, d
        else:
            return None
        return R.day_or_x(y, mo, d) if R.valid_day(y, mo, d) else None
    if len(nums) == 2:
        if four[0] or four[1]:
            y, mo = (nums[0], nums[1]) if four[0] else (nums[1], nums[0])
            return R.month(y, mo) if 1 <= mo <= 12 and not need_context else None
        if need_context and (start == 0 or ctx.syms[start - 1] not in "fDi"):
            return None
        d, mo = nums
        if mo > 12 >= d:
            d, mo = mo, d
        if not R.valid_day(None, mo, d):
            return None
        return R.day_or_x(R.year_for(ctx.ref, mo, d, ctx.tense(start)), mo, d)
    return None


@rule("numeric_date", r"F")
def numeric_date(ctx, m):
    text = ctx.units[m.start()].val
    sep = "/" if "/" in text else "."
    parts = text.split(sep)
    v = _numeric(ctx, parts, sep == "." or len(parts) == 2 and not any(len(p) == 4 for p in parts),
                 m.start())
    return v and ("DATE", v)


@rule("hyphen_date", r"(?:Y-N-N|N-N-Y|Y-N|N-N)(?!-)")
def hyphen_date(ctx, m):
    vals = [ctx.units[i].val for i in range(m.start(), m.end(), 2)]
    parts = [str(v) for v in vals]
    v = _numeric(ctx, parts, len(parts) == 2 and not ctx.syms[m.start()] == "Y", m.start())
    return v and ("DATE", v)


def _hijri_year(ctx, hm, hd, tense):
    if ctx.ref is None:
        return None
    hy = R.hijri_year_of(ctx.ref)
    options = [(R.hijri_date(y, hm, hd or 1), y) for y in (hy - 1, hy, hy + 1)]
    options = [(g, y) for g, y in options if g]
    if tense == "future":
        later = [y for g, y in options if g >= ctx.ref.isoformat()]
        return later[0] if later else None
    earlier = [y for g, y in options if g <= ctx.ref.isoformat()]
    return earlier[-1] if earlier else None


@rule("hijri_date", rf"(?P<d>{DAY})m?(?P<m>H)(?P<y>,?(?:m?Z)?[YN])?(?P<a>A)?(?P<adj>[PX])?")
def hijri_date(ctx, m):
    d, hm = ctx.units[m.start("d")].val, month_of(ctx, m, "m")
    if hm is None or not isinstance(d, int) or not 1 <= d <= 30:
        return None
    if m.group("y"):
        y = ctx.units[m.end("y") - 1].val
    else:
        y = _hijri_year(ctx, hm, d, tense_of(ctx, m))
    v = R.hijri_date(y, hm, d) if y else None
    if v is None:
        return None
    return "DATE", v


@rule("hijri_month", r"(?P<J>J)?(?P<m>H)(?:(?P<y>,?(?:m?Z)?Y)(?P<a>A)?|(?P<adj>[PX]))?")
def hijri_month(ctx, m):
    hm = month_of(ctx, m, "m")
    if hm is None or is_weak(ctx, m, "m") and not (m.group("J") or m.group("y") or m.group("adj")):
        return None
    y = year_in(ctx, m, "y") or _hijri_year(ctx, hm, 1, tense_of(ctx, m))
    v = R.hijri_month(y, hm) if y else None
    return v and ("DATE", v)


@rule("year", r"(?:xm?)?(?:m?(?P<Z>Z))?(?P<y>Y)(?P<a>A)?")
def year(ctx, m):
    before = ctx.syms[m.start() - 1] if m.start() else ""
    if not (m.group("Z") or m.group("a") or before in PREP):
        return None
    y = ctx.units[m.start("y")].val
    if era_in(ctx, m, "a") == "hijri":
        first, last = R.hijri_date(y, 1, 1), R.hijri_date(y, 12, 29)
        return first and last and ("DATE", f"{first}/{last}")
    return "DATE", str(y)


@rule("relative_year", r"(?:xm?)?(?:(?P<h>h)Z|Z(?P<adj>[PXT]))")
def relative_year(ctx, m):
    adj = m.group("adj") or "T"
    return "DATE", R.period(ctx.ref, "Z", {"P": -1, "X": 1, "T": 0}[adj])


@rule("decade", r"(?:xm?)?Δ")
def decade(ctx, m):
    return "DATE", ctx.units[m.end() - 1].val


RULES = [day_month, month_day, month_year, bare_month, numeric_date, hyphen_date,
         hijri_date, hijri_month, year, relative_year, decade]
