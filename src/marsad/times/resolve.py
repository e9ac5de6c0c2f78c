"""TIMEX arithmetic and value conventions, plus helpers for other stages.

Values (TIMEX3 style): ``2017-03-10`` day, ``2017-03`` month, ``2017`` year,
``2017-W10`` ISO week, ``201`` decade (the 2010s), ``a/b`` a range of two values,
``P3D`` / ``PT2H`` durations, ``XXXX-03-10`` when the year is unknown (no document
date), ``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF`` vague references.
Seasons resolve to their year (``الصيف الماضي`` in August 2015 → ``2014``).
Times of day: ``2017-03-10T15:00``. SET values give the period between
occurrences: ``P1D`` (يوميا، كل يوم), ``P1W``, ``P3M`` (كل ثلاثة أشهر), or a
recurring weekday ``XXXX-WXX-5`` (كل جمعة; 1 = Monday).

Tense: a relative name without a year or week (أغسطس، الجمعة، 10 مارس) takes
the most recent such date not after the document date in a past or neutral
clause, and the next one on or after it in a future clause.
"""
from __future__ import annotations

import calendar
import re
from datetime import date as Date, timedelta
from functools import lru_cache

from hijridate import Gregorian, Hijri

UNIT_CODES = {"D": "D", "K": "W", "J": "M", "Z": "Y", "E": "DE", "R": "H", "I": "M", "U": "S"}
TIME_UNITS = frozenset("RIU")


def day(d: Date) -> str:
    return d.isoformat()


def month(y: int | None, m: int) -> str:
    return f"{'XXXX' if y is None else f'{y:04d}'}-{m:02d}"


def week(d: Date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def day_or_x(y: int | None, m: int, d: int) -> str:
    return f"{'XXXX' if y is None else f'{y:04d}'}-{m:02d}-{d:02d}"


def add_months(d: Date, n: int) -> Date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return d.replace(year=y, month=m + 1, day=min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift(d: Date, n: int, unit: str) -> Date:
    """d moved by n units (D day, K week, J month, Z year, E decade)."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "K":
        return d + timedelta(weeks=n)
    if unit == "J":
        return add_months(d, n)
    return add_months(d, 12 * n * (10 if unit == "E" else 1))


def at_granularity(d: Date, unit: str) -> str:
    """A date shown at the precision of the unit it was reached with."""
    if unit == "Z":
        return str(d.year)
    if unit == "E":
        return str(d.year)[:3]
    if unit == "J":
        return month(d.year, d.month)
    if unit == "K":
        return week(d)
    return day(d)


def period(ref: Date | None, unit: str, offset: int) -> str:
    """This (0), last (-1) or next (+1) week / month / year / decade."""
    if ref is None:
        return {"K": "XXXX-WXX", "J": "XXXX-XX", "Z": "XXXX", "E": "XXX"}.get(unit, "XXXX-XX-XX")
    d = shift(ref, offset, unit)
    if unit == "K":
        return week(d)
    if unit == "J":
        return month(d.year, d.month)
    if unit == "E":
        return str(d.year)[:3]
    if unit == "D":
        return day(d)
    return str(d.year)


def duration(n, unit: str) -> str:
    code = UNIT_CODES[unit]
    amount = "X" if n is None else (f"{n:g}" if isinstance(n, float) else str(n))
    if code == "DE":
        return "PX" + "DE" if n is None else f"P{n * 10}Y"
    return f"PT{amount}{code}" if unit in TIME_UNITS else f"P{amount}{code}"


def compound_duration(parts: list[tuple]) -> str:
    """(amount, unit) pairs → one TIMEX duration: [(2, "Z"), (3, "J")] → P2Y3M."""
    order = "EZJKDRIU"
    amounts: dict[str, float] = {}
    for n, unit in parts:
        amounts[unit] = amounts.get(unit, 0) + n
    text = lambda u: f"{amounts[u]:g}{UNIT_CODES[u] if u != 'E' else 'DE'}"  # noqa: E731
    date_part = "".join(text(u) for u in order if u in amounts and u not in TIME_UNITS)
    time_part = "".join(text(u) for u in order if u in amounts and u in TIME_UNITS)
    return "P" + date_part + ("T" + time_part if time_part else "")


def shift_by(d: Date, parts: list[tuple], sign: int) -> Date:
    """d moved by several (amount, unit) pairs, forward (sign 1) or back (-1)."""
    for n, unit in parts:
        if unit in TIME_UNITS:
            continue
        d = shift(d, sign * int(n), unit)
    return d


def year_for(ref: Date | None, m: int, d: int, tense: str | None) -> int | None:
    """Year of a month (and day) named without one: nearest past, or next in the future."""
    if ref is None:
        return None
    here = (ref.month, ref.day if d else 0)
    there = (m, d)
    if tense == "future":
        return ref.year if there >= here else ref.year + 1
    return ref.year if there <= here else ref.year - 1


def weekday(ref: Date | None, wd: int, direction: str) -> str:
    """Date of a weekday: direction past (≤ ref), before (< ref), future (≥ ref), after (> ref)."""
    if ref is None:
        return f"XXXX-WXX-{wd + 1}"
    delta = (ref.weekday() - wd) % 7
    if direction == "before":
        delta = delta or 7
    if direction in ("past", "before"):
        return day(ref - timedelta(days=delta))
    ahead = (wd - ref.weekday()) % 7
    if direction == "after":
        ahead = ahead or 7
    return day(ref + timedelta(days=ahead))


@lru_cache(maxsize=4096)
def hijri_date(y: int, m: int, d: int) -> str | None:
    try:
        return Hijri(y, m, d).to_gregorian().isoformat()
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=1024)
def hijri_month(y: int, m: int) -> str | None:
    first = hijri_date(y, m, 1)
    if first is None:
        return None
    try:
        last = Hijri(y, m, Hijri(y, m, 1).month_length()).to_gregorian().isoformat()
    except (ValueError, OverflowError):
        return first
    return f"{first}/{last}"


@lru_cache(maxsize=1024)
def hijri_year_of(ref: Date) -> int:
    return Gregorian(ref.year, ref.month, ref.day).to_hijri().year


def hijri_year_for(ref: Date | None, hm: int, hd: int, tense: str) -> int | None:
    """Hijri year of a Hijri month/day named without one (same rule as year_for: a whole month,
    ``hd`` 0, is past once begun and future until it ends)."""
    if ref is None:
        return None
    hy = hijri_year_of(ref)
    options = [(hijri_date(y, hm, hd or 1), hijri_date(y, hm, hd or 29), y)
               for y in (hy - 1, hy, hy + 1)]
    options = [(first, last, y) for first, last, y in options if first and last]
    iso = ref.isoformat()
    if tense == "future":
        return next((y for _, last, y in options if last >= iso), None)
    earlier = [y for first, _, y in options if first <= iso]
    return earlier[-1] if earlier else None


def hijri_month_in_year(gy: int, hm: int) -> str | None:
    """The Hijri month ``hm`` that starts in Gregorian year ``gy`` (رمضان 2015)."""
    try:
        hy = Gregorian(gy, 7, 1).to_hijri().year
    except (ValueError, OverflowError):
        return None
    for y in (hy - 1, hy, hy + 1):
        first = hijri_date(y, hm, 1)
        if first and first.startswith(str(gy)):
            return hijri_month(y, hm)
    return None


def nearest_day(ref: Date | None, d: int, tense: str, wd: int | None = None,
                months: tuple = (0,)) -> str:
    """Day ``d`` of a month near ``ref`` (on weekday ``wd`` if given): the latest not
    after ref in the past, the first not before it in the future. ``months`` limits
    the month offsets tried (default: ref's month only, else ±12 months)."""
    if ref is None:
        return f"XXXX-XX-{d:02d}"
    found = []
    for k in months:
        first = add_months(ref.replace(day=1), k)
        if d <= calendar.monthrange(first.year, first.month)[1]:
            cand = first.replace(day=d)
            if wd is None or cand.weekday() == wd:
                found.append(cand)
    if not found:
        return None
    if len(months) == 1:
        return day(found[0])
    if tense == "future":
        later = [c for c in found if c >= ref]
        return day(min(later)) if later else None
    earlier = [c for c in found if c <= ref]
    return day(max(earlier)) if earlier else None


def valid_day(y: int | None, m: int, d: int) -> bool:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return False
    return d <= calendar.monthrange(y or 2000, m)[1]


# ---- helpers for other stages -------------------------------------------------

_DAY_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")


def value_date(value: str) -> Date | None:
    """The first calendar day a TIMEX value denotes (a range: its start), or None."""
    m = _DAY_RE.match(value or "")
    if not m:
        return None
    return Date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))


def date_in_span(doc, start: int, end: int, near: int | None = None):
    """The DATE/TIME record.Time of ``doc.times`` inside [start, end) closest to
    ``near`` (e.g. an event trigger), or None. Its ``value`` is the event date."""
    best, best_dist = None, None
    for t in doc.times:
        if t.start < start or t.end > end or t.type not in ("DATE", "TIME"):
            continue
        dist = 0 if near is None else min(abs(t.start - near), abs(t.end - near))
        if best is None or dist < best_dist:
            best, best_dist = t, dist
    return best
