"""Numbers family: composes number words (خمسة عشر، ثلاثة وعشرين، الحادي والعشرين،
ألفين وخمسة عشر) into one unit, and classifies digit tokens."""
from __future__ import annotations


YEAR_RANGE = range(1000, 2200)


def digit_unit(text: str) -> tuple[str, object]:
    """Symbol and value of a number token (already ASCII digits)."""
    if text.isdigit():
        v = int(text)
        if len(text) == 4 and v in YEAR_RANGE:
            return "Y", v
        return ("N", v) if len(text) <= 3 else ("_", None)
    if ":" in text:
        parts = text.split(":")
        if len(parts) in (2, 3) and all(p.isdigit() for p in parts) \
                and int(parts[0]) < 25 and int(parts[1]) < 60:
            return "C", tuple(int(p) for p in parts)
        return "_", None
    if "," in text:
        return "_", None
    return "F", text


def _is_number(u) -> bool:
    return u.sym in "no" and isinstance(u.val, int)


def _read(units: list, i: int) -> tuple[int, str, int]:
    """A basic number at i (digit words, teens, unit + tens): (value, symbol, next)."""
    u = units[i]
    val, sym, j = u.val, u.sym, i + 1
    if val < 10 and j < len(units) and units[j].sym == "n" and units[j].val == 10:
        val, j = val + 10, j + 1
    if val < 10 and j + 1 < len(units) and units[j].sym == "w" and _is_number(units[j + 1]) \
            and units[j + 1].val in range(20, 100, 10):
        val += units[j + 1].val
        sym = "o" if units[j + 1].sym == "o" else sym
        j += 2
    return val, sym, j


def compose(units: list) -> list:
    """Units with every run of number words merged into one number unit."""
    starts = [i for i, u in enumerate(units) if (u.sym == "n" or u.sym == "o") and type(u.val) is int]
    if not starts:
        return units
    out: list = []
    done = 0
    for i in starts:
        if i < done:
            continue
        out.extend(units[done:i])
        u = units[i]
        val, sym, j = _read(units, i)
        while val >= 100 and j + 1 < len(units) and units[j].sym == "w" and _is_number(units[j + 1]):
            nxt, nsym, k = _read(units, j + 1)
            if nxt >= (1000 if val >= 1000 else 100):
                break
            val, j = val + nxt, k
        if j - i > 1 and val in YEAR_RANGE:
            sym = "Y"
        out.append(type(u)(sym, val, u.start, units[j - 1].end, u.tok))
        done = j
    out.extend(units[done:])
    return out
