"""Durations family: ثلاثة أيام، 15 يوما، شهرين، نحو أربعة أشهر، أكثر من عام،
لمدة عامين، خلال عام, 3.5 سنوات (a leading preposition stays outside)."""
from __future__ import annotations

from . import resolve as R
from .common import quantity
from .grammar import rule


@rule("amount", r"(?P<r>rm?)?(?P<n>[NnFo])(?P<u>[DKJZRIUE])")
def amount(ctx, m):
    n = quantity(ctx, m, "n", "u")
    if ctx.syms[m.start("n")] == "o" and not _followed_by_adj(ctx, m.end()):
        return None  # "اليوم الثالث" is an ordinal, not an amount
    if ctx.syms[m.start("n")] == "F" and n is None:
        return None
    return "DURATION", R.duration(n, ctx.syms[m.start("u")])


def _followed_by_adj(ctx, i):
    return i < len(ctx.syms) and ctx.syms[i] in "PXQ"


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


RULES = [amount, dual, for_period, within]
