"""Times of day: الساعة الثالثة عصرا، الساعة 8 مساء، 14:30، العاشرة صباحا،
الثامنة والنصف. The value's date is filled in later (see extract.attach_dates):
``T15:00`` here becomes ``2017-03-10T15:00``."""
from __future__ import annotations

from .grammar import rule

PM = {"evening": 12, "afternoon": 12, "night": 12, "noon": 12}


def _hour(h: int, part: str | None) -> int:
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
    part = ctx.units[m.start("v")].val if m.group("v") else None
    return "TIME", f"T{_hour(h, part):02d}:{mi:02d}"


@rule("clock_word", r"c(?P<h>[NnoC])(?:w?(?P<f>[½¼]))?(?P<v>[vp])?")
def clock_word(ctx, m):
    return _time(ctx, m)


@rule("clock_digits", r"(?P<h>C)(?:w?(?P<f>[½¼]))?(?P<v>[vp])?")
def clock_digits(ctx, m):
    return _time(ctx, m)


@rule("clock_part", r"(?P<h>[No])(?:w?(?P<f>[½¼]))?(?P<v>v)")
def clock_part(ctx, m):
    return _time(ctx, m)


RULES = [clock_word, clock_digits, clock_part]
