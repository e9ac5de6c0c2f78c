"""Durations family: ثلاثة أيام، 15 يوما، شهرين، نحو أربعة أشهر، أكثر من عام،
لمدة عامين، خلال عام, 3.5 سنوات (a leading preposition stays outside)."""
from __future__ import annotations

from . import resolve as R
from .common import has_article, previous, quantity
from .grammar import rule


@rule("amount", r"(?P<r>rm?)?(?P<n>[NnFoY])(?P<u>[DKJZRIUE])(?P<adj>Q?[PX])?")
def amount(ctx, m):
    n = quantity(ctx, m, "n", "u")
    if ctx.syms[m.start("n")] == "o" and not m.group("adj"):
        return None  # "اليوم الثالث" is an ordinal, not an amount
    if ctx.syms[m.start("n")] == "F" and n is None:
        return None
    return "DURATION", R.duration(n, ctx.syms[m.start("u")])


@rule("amount_after", r"(?P<u>[DKJZRIUE])(?P<n>N)(?P<adj>[PX])")
def amount_after(ctx, m):
    """الأشهر 3 القادمة: the number after a plural unit."""
    return "DURATION", R.duration(ctx.units[m.start("n")].val, ctx.syms[m.start("u")])


@rule("dual", r"(?P<r>rm?)?(?P<u>[DKJZRIUE])")
def dual(ctx, m):
    u = ctx.units[m.start("u")]
    if u.val == "2":
        return "DURATION", R.duration(2, ctx.syms[m.start("u")])
    if u.val == "1" and m.group("r") and m.group("r").endswith("m"):
        return "DURATION", R.duration(1, ctx.syms[m.start("u")])  # أكثر من عام
    return None


@rule("for_period", r"(?P<u0>u)(?P<n>[NnF])?(?P<u>[DKJZRIUE])")
def for_period(ctx, m):
    n = quantity(ctx, m, "n", "u")
    if n is None and ctx.units[m.start("u")].val == "pl":
        return None
    return "DURATION", R.duration(n, ctx.syms[m.start("u")])


@rule("within", r"(?<=k)(?P<u>[DKJZR])(?![PXQ])")
def within(ctx, m):
    u = ctx.units[m.start("u")]
    if u.val != "1" or has_article(ctx, u):
        return None
    return "DURATION", R.duration(1, ctx.syms[m.start("u")])


@rule("throughout", r"Ł(?P<u>[DKJZ])(?![PXQ])")
def throughout(ctx, m):
    """طوال الأسبوع، طيلة العام: the whole unit."""
    return _one_unit(ctx, m, 1)


@rule("whole", r"(?P<u>[DKJZR])ĸ")
def whole(ctx, m):
    """يوم كامل، شهر كامل."""
    return _one_unit(ctx, m, 1)


@rule("half", r"η(?P<u>[DKJZR])")
def half(ctx, m):
    """نصف ساعة، نصف سنة."""
    return _one_unit(ctx, m, 0.5)


def _one_unit(ctx, m, amount: float):
    """A duration of ``amount`` of the singular unit in group "u" (not a counted plural)."""
    if ctx.units[m.start("u")].val != "1":
        return None
    return "DURATION", R.duration(amount, ctx.syms[m.start("u")])


COMPOUND = r"(?:[NnF]?[DKJZRIU](?:w|,w?)){1,3}[NnF]?[DKJZRIU]"


def _parts(ctx, s: int, e: int) -> list | None:
    """(amount, unit) pairs of a compound amount; None if a part is not an amount."""
    parts, n = [], None
    for i in range(s, e):
        sym, u = ctx.syms[i], ctx.units[i]
        if sym in "NnF":
            n = quantity_of(u.val)
        elif sym in "DKJZRIU":
            if n is None and (u.val not in ("1", "2") or has_article(ctx, u)):
                return None  # الشهر والعام: not amounts
            amount = n if n is not None else int(u.val)
            if amount is None:
                return None
            parts.append((amount, sym))
            n = None
    units = [unit for _, unit in parts]
    return parts if len(set(units)) == len(units) else None


def quantity_of(value):
    if isinstance(value, int):
        return value
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return int(v) if v.is_integer() else v


@rule("compound", rf"(?P<c>{COMPOUND})(?P<now>mV)?")
def compound(ctx, m):
    """سنتين وثلاثة أشهر → P2Y3M; with من الآن a date (back in a past clause,
    forward after خلال/بعد or in a future one)."""
    parts = _parts(ctx, *m.span("c"))
    if not parts or previous(ctx, m) == "B":
        return None  # بين عشرة أشهر و20 عاما is a range of two amounts
    if not m.group("now"):
        return "DURATION", R.compound_duration(parts), m.start(), m.end("c")
    if ctx.units[m.end() - 1].val != "PRESENT_REF" or ctx.ref is None:
        return None
    sign = 1 if previous(ctx, m) in ("k", "b") or ctx.tense(m.start()) == "future" else -1
    return "DATE", R.day(R.shift_by(ctx.ref, parts, sign))


RULES = [compound, amount, amount_after, dual, for_period, within, throughout, whole, half]
