"""Times of day: الساعة الثالثة عصرا، الساعة 8 مساء، 14:30، العاشرة صباحا،
الثامنة والنصف. The value's date is filled in later (see extract.attach_dates):
``T15:00`` here becomes ``2017-03-10T15:00``."""
from __future__ import annotations

from .grammar import rule

PM = {"evening": 12, "afternoon": 12, "night": 12, "noon": 12}


def _hour(h: int, part: str | None) -> int:
    if part == "night" and h == 12:
        return 0
    if part in PM and h < 12:
        if part == "night" and h < 5:
            return h
        if part == "noon" and h > 6:
            return h
        return h + 12
    if part == "morning" and h == 12:
        return 0
    return h


def _time(ctx, m):
    u = ctx.units[m.start("h")]
    if ctx.syms[m.start("h")] == "C":
        h, mi = u.val[0], u.val[1]
    else:
        h, mi = u.val, 0
    if not isinstance(h, int) or not 0 <= h <= 24:
        return None
    if m.group("f"):
        mi = ctx.units[m.start("f")].val
        mi = int(mi)
    v = "v" if m.group("v") else ("p" if "p" in m.re.groupindex and m.group("p") else None)
    part = ctx.units[m.start(v)].val if v else None
    return "TIME", f"T{_hour(h, part):02d}:{mi:02d}"


@rule("clock_word", r"c(?P<h>[NnoC])(?:w?(?P<f>[½¼]))?(?P<v>[vp])?")
def clock_word(ctx, m):
    return _time(ctx, m)


@rule("clock_digits", r"(?P<h>C)(?:w?(?P<f>[½¼]))?(?P<v>[vp])?")
def clock_digits(ctx, m):
    return _time(ctx, m)


@rule("clock_part", r"(?P<h>[No])(?:w?(?P<f>[½¼]))?,?(?:(?P<v>v)|h(?P<p>p))")
def clock_part(ctx, m):
    """العاشرة صباحا، 8 هذا المساء."""
    return _time(ctx, m)


PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "noon": "MI",
              "dawn": "MO"}


@rule("this_part", r"h(?P<v>p)")
def this_part(ctx, m):
    """هذا الصباح، هذا المساء: today's part of the day (TIMEX ``TMO``, ``TEV``)."""
    if not ctx.doc.tokens[ctx.units[m.start("v")].tok].norm.startswith("ال"):
        return None  # هذا ظهر جليا: ظهر is a verb here
    return "TIME", "T" + PART_CODES[ctx.units[m.start("v")].val]


@rule("clock_range", r"c?(?P<h1>[NoC])(?:i|w|-)c?(?P<h2>[NoC])(?P<v>[vp])")
def clock_range(ctx, m):
    """من 5 إلى 6 مساء، بين 5 و6 مساء: ``T17:00/T18:00``."""
    part = ctx.units[m.start("v")].val
    ends = []
    for g in ("h1", "h2"):
        u = ctx.units[m.start(g)]
        h, mi = (u.val[0], u.val[1]) if ctx.syms[m.start(g)] == "C" else (u.val, 0)
        if not isinstance(h, int) or not 0 <= h <= 24:
            return None
        ends.append(f"T{_hour(h, part):02d}:{mi:02d}")
    return "TIME", "/".join(ends)


RULES = [clock_word, clock_digits, clock_part, this_part, clock_range]
