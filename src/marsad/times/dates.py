"""Dates family: day + month (+ year) in every month-name set, paired names,
numeric dates, Hijri dates, month + year, bare months, years and decades."""
from __future__ import annotations

from . import resolve as R
from .common import ADJ_OFFSET, era_in, is_strict, is_weak, month_of, previous, tense_of, year_in
from .grammar import rule
from .symbols import DAY, MON, PREP, WD, YEAR

REL_YEAR = r"(?P<ry>Z[PXT])"


def _day_month(ctx, m):
    d = ctx.units[m.start("d")].val
    mo = month_of(ctx, m, "m")
    if mo is None or not isinstance(d, int):
        return None
    y = year_in(ctx, m, "y")
    if y is None and m.groupdict().get("ry"):
        y = _relative_year(ctx, m)
    elif y is None and m.groupdict().get("adj") == "T":
        y = ctx.ref and ctx.ref.year  # 12 أغسطس الجاري: this month's day
    elif y is None:
        until = _until(ctx, m) and not m.groupdict().get("adj")
        y = R.year_for(ctx.ref, mo, d, "future" if until else tense_of(ctx, m))
    if not R.valid_day(y, mo, d):
        return None
    return R.day_or_x(y, mo, d)


def _until(ctx, m) -> bool:
    """حتى / لغاية right before a day and month: a deadline or an end still ahead."""
    return previous(ctx, m) == "i" and ctx.units[m.start() - 1].val == "until"


def _relative_year(ctx, m):
    if ctx.ref is None:
        return None
    adj = ctx.syms[m.start("ry") + 1]
    return ctx.ref.year + ADJ_OFFSET[adj]


def _ordinal_of_period(ctx, m) -> bool:
    """الأسبوع الأول من أغسطس: an ordinal after a week or year noun counts those, not days
    (أسبوع 30 نوفمبر keeps its date)."""
    k = m.start("d")
    return ctx.syms[k] == "o" and k > 0 and ctx.syms[k - 1] in "KZE"


def _start_without_day_word(m):
    return m.start() + (1 if m.group("wd") and m.group("wd")[0] == "D" else 0)


@rule("day_month", rf"(?<!ñ)(?<!ñ[No]Mw){WD}(?P<d>{DAY})[-.]?m?J?(?P<m>{MON})\.?"
                   rf"(?:(?P<y>{YEAR})|m?{REL_YEAR})?(?P<adj>[PXT])?(?:\(W\))?")
def day_month(ctx, m):
    if _ordinal_of_period(ctx, m):
        return None
    v = _day_month(ctx, m)
    end = m.end() - (ctx.syms[m.end() - 1] == ".")  # 5 يوليو. (a sentence's full stop)
    return v and ("DATE", v, _start_without_day_word(m), end)


@rule("month_day", rf"{WD}(?P<m>{MON})(?P<d>{DAY})(?P<y>{YEAR})?")
def month_day(ctx, m):
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


@rule("month", rf"(?:(?P<x>x)m?)?(?P<h>h)?(?P<J>J)?(?P<m>{MON})(?P<adj>[PXT])?")
def bare_month(ctx, m):
    mo = month_of(ctx, m, "m")
    if mo is None:
        return None
    before = previous(ctx, m)
    if before in "NoF" or is_strict(ctx, m, "m") or is_weak(ctx, m, "m") and not (
            m.group("J") or m.group("adj") or m.group("x") or m.group("h") or before in PREP):
        return None
    if m.group("h") or m.group("adj") == "T":
        return "DATE", R.month(ctx.ref and ctx.ref.year, mo)  # هذا أيار، يوليو الجاري
    tense = "future" if before == "ψ" else tense_of(ctx, m)  # برنت تسليم سبتمبر
    return "DATE", R.month(R.year_for(ctx.ref, mo, 0, tense), mo)


def _full_date(y: int, mo: int, d: int) -> str | None:
    """A written y-m-d; years 1300-1499 are Hijri (Saudi style 25/9/1436)."""
    if 1300 <= y < 1500:
        return R.hijri_date(y, mo, d) if 1 <= mo <= 12 and 1 <= d <= 30 else None
    return R.day_or_x(y, mo, d) if R.valid_day(y, mo, d) else None


def _numeric(ctx, parts: list[str], start: int, context: str, padded_ok: bool = True) -> str | None:
    """A date from digit groups: d/m/y, y/m/d, y/m; d/m only after a symbol in
    ``context`` or, when ``padded_ok``, written with a leading zero (22/04)."""
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
        return _full_date(y, mo, d)
    if len(nums) != 2:
        return None
    if four[0] or four[1]:
        y, mo = (nums[0], nums[1]) if four[0] else (nums[1], nums[0])
        return R.month(y, mo) if 1 <= mo <= 12 and 1900 <= y < 2100 else None
    padded = padded_ok and any(len(p) == 2 and p[0] == "0" for p in parts)
    if not padded and (start == 0 or ctx.syms[start - 1] not in context):
        return None
    d, mo = nums
    if mo > 12 >= d:
        d, mo = mo, d
    if not R.valid_day(None, mo, d):
        return None
    return R.day_or_x(R.year_for(ctx.ref, mo, d, ctx.tense(start)), mo, d)


@rule("numeric_date", rf"{WD}(?P<f>F)")
def numeric_date(ctx, m):
    text = ctx.units[m.start("f")].val
    sep = "/" if "/" in text else "."
    v = _numeric(ctx, text.split(sep), m.start("f"), "D" if sep == "." else "fDW", sep == "/")
    return v and ("DATE", v, _start_without_day_word(m), m.end())


@rule("spaced_date", rf"{WD}(?:N/N/Y|Y/N/N|N-N-Y|Y-N-N|Y-N|N-N)(?!-)(?P<a>A)?")
def spaced_date(ctx, m):
    s, e = m.start() + len(m.group("wd") or ""), m.end() - (1 if m.group("a") else 0)
    parts = [str(ctx.units[i].val) for i in range(s, e, 2)]
    v = _numeric(ctx, parts, s, "fDW")
    return v and ("DATE", v, _start_without_day_word(m), m.end())


@rule("hijri_date", rf"{WD}(?P<d>{DAY})m?J?(?P<m>H)(?P<y>,?(?:m?Z)?[YN])?(?P<a>A)?(?P<adj>[PX])?")
def hijri_date(ctx, m):
    if _ordinal_of_period(ctx, m):
        return None
    d, hm = ctx.units[m.start("d")].val, month_of(ctx, m, "m")
    if hm is None or not isinstance(d, int) or not 1 <= d <= 30:
        return None
    if m.group("y"):
        y = ctx.units[m.end("y") - 1].val
    else:
        y = R.hijri_year_for(ctx.ref, hm, d, tense_of(ctx, m))
    v = R.hijri_date(y, hm, d) if y else None
    return v and ("DATE", v, _start_without_day_word(m), m.end())


@rule("hijri_month", r"(?:xm?)?(?P<J>J)?(?P<m>H)(?:(?P<y>,?(?:m?Z)?Y)(?P<a>A)?|(?P<adj>[PXT]))?")
def hijri_month(ctx, m):
    hm = month_of(ctx, m, "m")
    before = previous(ctx, m)
    if hm is None or is_weak(ctx, m, "m") and not (m.group("J") or m.group("y") or m.group("adj")
                                                   or before in PREP):
        return None
    y = year_in(ctx, m, "y")
    if y and y >= 1900 and era_in(ctx, m, "a") != "hijri":
        v = R.hijri_month_in_year(y, hm)  # رمضان 2015: a Gregorian year
    else:
        if not y and m.group("adj") == "T" and ctx.ref:
            y = R.hijri_year_of(ctx.ref)  # شوال الجاري
        y = y or R.hijri_year_for(ctx.ref, hm, 0, tense_of(ctx, m))
        v = R.hijri_month(y, hm) if y else None
    return v and ("DATE", v)


@rule("year", r"(?:xm?)?(?:m?(?P<Z>Z))?(?P<y>Y)(?P<a>A)?(?![DKJZRIUE])")
def year(ctx, m):
    before = previous(ctx, m)
    if not m.group("Z") and (before == "r" or ctx.syms[max(0, m.start() - 2):m.start()] == "rm"
                             or _counts(ctx.syms, m.end())):
        return None  # نحو 2000، أكثر من 1500، إلى 1539 مصنعا، بين 1200 و1300 شخص: a count
    if not (m.group("Z") or m.group("a") or before in PREP or _listed_year(ctx.syms, m.start())):
        return None
    y = ctx.units[m.start("y")].val
    if era_in(ctx, m, "a") == "hijri":
        first, last = R.hijri_date(y, 1, 1), R.hijri_date(y, 12, 29)
        return first and last and ("DATE", f"{first}/{last}")
    return "DATE", str(y)


def _counts(syms: str, end: int) -> bool:
    """A unit of measure or counted noun (µ) follows the number, or follows a second number
    linked to it (1300-1500 طالب، بين 1000 و3000 ريال)."""
    nxt = syms[end:end + 3]
    return nxt[:1] == "µ" or nxt[:1] in "-iw" and nxt[1:] == "Yµ"


def _listed_year(syms: str, i: int) -> bool:
    """A year in a list joined by و (في 1958 و1962 و1970، عامي 2010 و2014، كأس آسيا 2007
    و2011): its first year follows a preposition or a year noun, or the list has two years or
    more and no identifier noun before it (القرارات 1696 و1737)."""
    while i >= 2 and syms[i - 1] == "w" and syms[i - 2] == "Y":
        i -= 2
    if i > 0 and syms[i - 1] in PREP + "Z":
        return True
    return syms[i + 1:i + 3] == "wY" and (i == 0 or syms[i - 1] != "ñ")


@rule("relative_year", r"(?:xm?)?(?:(?P<h>h)Z|Z(?P<adj>[PXT]))")
def relative_year(ctx, m):
    if ctx.units[m.end() - 1 - bool(m.group("adj"))].val != "1":
        return None  # العامين الماضيين: two years, a duration
    return "DATE", R.period(ctx.ref, "Z", ADJ_OFFSET[m.group("adj")])


YEAR_PARTS = {"½": ("H", 2), "¼": ("Q", 4)}


@rule("year_part", r"(?P<part>[½¼])(?P<o>o)m(?:(?P<h>h)Z|Z(?P<adj>[PXT])|Z?(?P<y>Y)(?P<a>A)?)")
def year_part(ctx, m):
    """النصف الأول من العام الجاري (2015-H1)، الربع الأخير من 2016 … الربع الثالث (2016-Q3)."""
    code, most = YEAR_PARTS[ctx.syms[m.start("part")]]
    n = int(str(ctx.units[m.start("o")].val))
    if not 1 <= n <= most or era_in(ctx, m, "a") == "hijri":
        return None
    if m.group("y"):
        year = str(ctx.units[m.start("y")].val)
    else:
        year = R.period(ctx.ref, "Z", ADJ_OFFSET[m.group("adj")])
    return year and year.isdigit() and ("DATE", f"{year}-{code}{n}")


@rule("month_half", rf"½(?P<o>o)m(?:(?P<h>h)J|J(?P<adj>[PXT])|(?P<m>{MON})(?P<y>,?m?Z?YA?)?)")
def month_half(ctx, m):
    """النصف الثاني من الشهر المقبل، النصف الأول من يوليو: that month (TIMEX has no half month),
    not its 1st or 2nd day."""
    if str(ctx.units[m.start("o")].val) not in ("1", "2"):
        return None
    if not m.group("m"):
        return "DATE", R.period(ctx.ref, "J", ADJ_OFFSET[m.group("adj")])
    mo = month_of(ctx, m, "m")
    y = year_in(ctx, m, "y") if m.group("y") else R.year_for(ctx.ref, mo, 0, tense_of(ctx, m))
    return mo and ("DATE", R.month(y, mo))


@rule("decade", r"(?:xm?)?Δ")
def decade(ctx, m):
    return "DATE", ctx.units[m.end() - 1].val


WEEKDAY_SPAN = 6  # months searched for "الجمعة 15" (a Friday the 15th)


@rule("day_of_month", r"(?P<wd>D?W,?f?)?(?<![NoYF])(?P<d>[No])m?(?:(?P<h>h)J|J(?P<adj>[PXTj]))")
def day_of_month(ctx, m):
    """Day of this / next / last month: 20 من الشهر الجاري، 5 من الشهر المقبل."""
    d = ctx.units[m.start("d")].val
    month_word = ctx.doc.tokens[ctx.units[m.end() - (2 if m.group("adj") else 1)].tok].norm
    if not isinstance(d, int) or not 1 <= d <= 31 or not month_word.endswith("الشهر"):
        return None  # "12 شهرا السابقة" is an amount
    off = ADJ_OFFSET[m.group("adj")]
    v = R.nearest_day(ctx.ref, d, "past", months=(off,))
    return v and ("DATE", v, _start_without_day_word(m), m.end())


@rule("weekday_day", r"D?(?P<w>W),?(?:f?(?P<d>N)|f(?P<o>o))(?=[,.()]|$)")
def weekday_day(ctx, m):
    """A weekday with a day number and no month: الجمعة 15 (the nearest Friday the 15th)."""
    d = ctx.units[m.start("d" if m.group("d") else "o")].val
    if not isinstance(d, int) or not 1 <= d <= 31:
        return None
    wd = ctx.units[m.start("w")].val[0]
    months = tuple(range(-WEEKDAY_SPAN, WEEKDAY_SPAN + 1))
    v = R.nearest_day(ctx.ref, d, ctx.tense(m.start()), wd, months)
    return v and ("DATE", v, m.start("w"), m.end())


@rule("day_word", r"(?:D|(?<=f))(?P<d>N)(?![NoMHJ/\-])")
def day_word(ctx, m):
    """يوم 27 (or في 27 ending a clause): day 27 of the nearest month in the clause's tense."""
    d = ctx.units[m.start("d")].val
    if ctx.syms[m.start()] != "D" and ctx.syms[m.end():m.end() + 1] not in (",", ".", "!", "?", ""):
        return None
    if not 1 <= d <= 31 or ctx.syms[m.start()] == "D" and ctx.units[m.start()].val != "1":
        return None
    v = R.nearest_day(ctx.ref, d, ctx.tense(m.start()), months=tuple(range(-1, 2)))
    return v and ("DATE", v)


RULES = [day_month, day_of_month, weekday_day, day_word, month_day, month_year, bare_month,
         numeric_date, spaced_date, hijri_date, hijri_month, year, relative_year, year_part, month_half, decade]
