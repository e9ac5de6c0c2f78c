"""Durations family: ثلاثة أيام، 15 يوما، شهرين، نحو أربعة أشهر، أكثر من عام،
لمدة عامين، خلال عام, 3.5 سنوات (a leading preposition stays outside)."""
from __future__ import annotations

from . import resolve as R
from .common import quantity
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
    text = ctx.doc.tokens[u.tok].norm
    if u.val != "1" or text.startswith(("ال", "لل")):
        return None
    return "DURATION", R.duration(1, ctx.syms[m.start("u")])


@rule("throughout", r"Ł(?P<u>[DKJZ])(?![PXQ])")
def throughout(ctx, m):
    """طوال الأسبوع، طيلة العام: the whole unit."""
    if ctx.units[m.start("u")].val != "1":
        return None
    return "DURATION", R.duration(1, ctx.syms[m.start("u")])


@rule("whole", r"(?P<u>[DKJZR])ĸ")
def whole(ctx, m):
    """يوم كامل، شهر كامل."""
    if ctx.units[m.start("u")].val != "1":
        return None
    return "DURATION", R.duration(1, ctx.syms[m.start("u")])


@rule("half", r"η(?P<u>[DKJZR])")
def half(ctx, m):
    """نصف ساعة، نصف سنة."""
    if ctx.units[m.start("u")].val != "1":
        return None
    return "DURATION", R.duration(0.5, ctx.syms[m.start("u")])


RULES = [amount, amount_after, dual, for_period, within, throughout, whole, half]
