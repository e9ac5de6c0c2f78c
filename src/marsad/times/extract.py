"""Runs every rule family over a document and turns the chosen matches into
``record.Time`` objects (offsets into the original text)."""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date as Date
from functools import lru_cache

from ..document import Document, make_document
from ..record import Time
from ..text.normalize import normalize
from . import clock, dates, durations, holidays, ranges, relative, resolve, sets, weekdays
from .grammar import Candidate, Ctx, candidates, choose
from .lexicon import named_dates, ordinal_value
from .units import tag

FAMILIES = (ranges, dates, holidays, weekdays, relative, clock, durations, sets)
JOIN = frozenset(",fc")  # may stand between a date and a clock time they combine with


@lru_cache(maxsize=1)
def all_rules() -> tuple:
    return tuple(r for family in FAMILIES for r in family.RULES)


def extract(doc: Document) -> list[Time]:
    units, future = tag(doc)
    if not units:
        return []
    ctx = Ctx(doc, units, future)
    kept = choose(ctx, candidates(ctx, all_rules()))
    kept = _resolve_anchors(ctx, kept)
    kept = _attach_dates(ctx, kept)
    _anniversaries(ctx, kept)
    out = []
    for c in kept:
        start, end = units[c.first].start, units[c.last - 1].end
        out.append(Time(start, end, doc.text[start:end], c.type, c.value))
    return out


def time_tokens(doc: Document) -> set[int]:
    """Indices of the tokens starting inside one of ``doc.times`` (for later stages)."""
    starts = doc.token_starts
    out: set[int] = set()
    for t in doc.times:
        out.update(range(bisect_left(starts, t.start), bisect_left(starts, t.end)))
    return out


def _is_day(value: str) -> bool:
    return len(value) == 10 and value[4] == "-" and value[7] == "-"


def _resolve_anchors(ctx: Ctx, kept: list[Candidate]) -> list[Candidate]:
    """``قبل ذلك بيوم``: n units before the last full date mentioned before it."""
    last = ctx.ref
    for c in kept:
        if c.value.startswith("ANCHOR:"):
            _, n, unit = c.value.split(":")
            c.value = resolve.at_granularity(resolve.shift(last, int(n), unit), unit) \
                if last else "PAST_REF"
        if c.type == "DATE" and _is_day(c.value) and "X" not in c.value:
            last = Date.fromisoformat(c.value)
    return kept


# الذكرى العاشرة لهجمات 7 يوليو، ذكرى ثورة يونيو: the date named is the original event's
ANNIVERSARY = re.compile(r"ذكر[ىي](?:\s+(?P<ord>ال\S+(?:\s+عشرة?)?|الـ?\s*\d+))?(?:\s+السنوية)?\s+\S+\s*$")
PARTIAL_DATE = re.compile(r"\d{4}-\d\d(?:-\d\d)?")


def _anniversaries(ctx: Ctx, kept: list[Candidate]) -> None:
    """A yearless date right after «(ال)ذكرى [ordinal] ل<noun>» is the event remembered: its
    year is the anniversary's minus the ordinal, or unknown (XXXX) without one."""
    for c in kept:
        start = ctx.units[c.first].start
        if c.type != "DATE" or not PARTIAL_DATE.fullmatch(c.value) \
                or re.search(r"\d{4}", ctx.doc.text[start:ctx.units[c.last - 1].end]):
            continue
        m = ANNIVERSARY.search(ctx.doc.text[max(0, start - 40):start])
        if m:
            n = ordinal_value(m.group("ord")) if m.group("ord") else None
            c.value = f"{int(c.value[:4]) - n:04d}{c.value[4:]}" if n else "XXXX" + c.value[4:]
        elif len(c.value) == 10 and _day_of_month(ctx, c) \
                and _after_event_noun(ctx.doc.text[max(0, start - 20):start]):
            year = named_dates()[1].get((int(c.value[5:7]), int(c.value[8:])))
            c.value = f"{year:04d}{c.value[4:]}" if year else "XXXX" + c.value[4:]


def _day_of_month(ctx: Ctx, c: Candidate) -> bool:
    """A day and a month name (11 سبتمبر), not a weekday or a relative day (هجوم أمس)."""
    syms = ctx.syms[c.first:c.last]
    return "M" in syms and not any(s in syms for s in "Wtag")


def _after_event_noun(before: str) -> bool:
    """Whether the last word of ``before`` names a happening (أحداث، هجمات، وحادثة …)."""
    words = before.split()
    if not words or before[-1:] not in " \u00a0":
        return False
    word = normalize(words[-1])
    nouns = named_dates()[0]
    return word in nouns or word[:1] in "وبلف" and word[1:] in nouns


def _attach_dates(ctx: Ctx, kept: list[Candidate]) -> list[Candidate]:
    """A clock time takes the date next to it (merged into one item), else the
    last full date of its sentence, else the document date."""
    out: list[Candidate] = []
    i = 0
    while i < len(kept):
        c = kept[i]
        if c.type != "TIME" or not c.value.startswith("T"):
            out.append(c)
            i += 1
            continue
        prev = out[-1] if out and _adjacent(ctx, out[-1], c) and _is_day(out[-1].value) else None
        nxt = kept[i + 1] if i + 1 < len(kept) and _adjacent(ctx, c, kept[i + 1]) \
            and _is_day(kept[i + 1].value) else None
        if prev:
            out[-1] = Candidate(prev.first, c.last, "TIME", _on(prev.value, c.value), prev.rank)
        elif nxt:
            out.append(Candidate(c.first, nxt.last, "TIME", _on(nxt.value, c.value), c.rank))
            i += 1
        else:
            c.value = _on(_sentence_date(ctx, out, c), c.value)
            out.append(c)
        i += 1
    return out


def _on(day: str, clock: str) -> str:
    """Date + clock value; a clock range gets the date on both ends."""
    return "/".join(day + part for part in clock.split("/"))


def _adjacent(ctx: Ctx, a: Candidate, b: Candidate) -> bool:
    between = ctx.syms[a.last:b.first]
    return len(between) <= 2 and all(s in JOIN for s in between)


def _sentence_date(ctx: Ctx, before: list[Candidate], c: Candidate) -> str:
    sent = ctx.doc.tokens[ctx.units[c.first].tok].sent
    for p in reversed(before):
        if ctx.doc.tokens[ctx.units[p.first].tok].sent != sent:
            break
        if _is_day(p.value):
            return p.value
    return resolve.day(ctx.ref) if ctx.ref else "XXXX-XX-XX"


@lru_cache(maxsize=1)
def _before_times():
    from ..pipeline import load_stage
    return load_stage("segment"), load_stage("lookup")


def extract_text(text: str, date=None) -> list[Time]:
    """Time expressions of a bare string (segments it and looks up its phrases first, as the
    pipeline does before this stage)."""
    doc = make_document(text, date)
    for stage in _before_times():
        stage(doc)
    return extract(doc)
