"""The date of an event: its clause's time expression, the story's day, or none."""
from __future__ import annotations

from datetime import date as Date

from ..document import Document
from ..text.normalize import normalize
from .context import RELATIVES, Context
from .triggers import Trigger

LEAD_DAYS = 7
STANCES = frozenset({"REJECT", "SUPPORT"})  # in a relative clause: a position held, undated
PRESENT_PREFIXES = ("ي", "ت")  # يخوض، تخوض
KANA_LEAD = frozenset({"كان", "وكان", "كانت", "وكانت", "وكانوا"})
SHIFT_MARKERS = tuple(tuple(normalize(m).split()) for m in (
    "ميدانيا", "سياسيا", "من جهة أخرى", "من جهة ثانية", "على صعيد آخر", "وعلى صعيد آخر",
    "في سياق آخر", "وفي سياق آخر", "وفي تطور آخر", "في تطور آخر"))


def event_date(ctx: Context, trig: Trigger, sent, status, floor: int, ceiling: int) -> str | None:
    """The time expression of the trigger's clause, else a specific one earlier in its sentence,
    else (for a fact told as happening now) the story's day; none for plans, denials,
    conditions, lasting states and relative clauses."""
    doc = ctx.doc
    toks = doc.tokens
    c_start, c_end = toks[floor].start, toks[max(ceiling - 1, floor)].end
    best, best_key = None, None
    for t in doc.times:
        if t.start < sent.start or t.end > sent.end or t.type not in ("DATE", "TIME"):
            continue
        in_clause = c_start <= t.start < c_end and not _relative_between(ctx, trig, t.start)
        if not in_clause and (str(t.value).endswith("_REF") or t.start > trig.start):
            continue  # outside the clause only a specific time that sets the scene before it
        key = (not in_clause, abs(t.start - trig.start))
        if best is None or key < best_key:
            best, best_key = t, key
    if best is not None:
        v = str(best.value)
        return v.split("T")[0] if "T" in v[4:] and v[:4].isdigit() else v
    if (status in ("planned", "negated", "hypothetical") or "state" in trig.pattern.flags
            or (_in_relative_clause(ctx, trig) and (not _ongoing(ctx, trig)
                                                    or trig.pattern.type in STANCES))):
        return None  # «عملية السلام التي ترفضها حماس»: a standing position, not a happening
    if trig.entry.tense == "present":
        return doc.date.isoformat() if doc.date else None  # the publication day
    if sent.i >= ctx.topic_shift and not _looks_back(ctx, sent):
        return _story_day(ctx, sent)
    return ctx.news_date


def _story_day(ctx: Context, sent) -> str | None:
    """After a topic shift, the last recent day named in an earlier sentence of the new story
    («ميدانيا … وشنت طائرات التحالف أمس السبت غارات … وقالت مصادر إن الطيران شن»), else the
    publication day."""
    doc = ctx.doc
    if doc.date is None:
        return None
    begin = doc.sentences[ctx.topic_shift].start
    day = None
    for t in doc.times:
        if t.start >= sent.start:
            break
        if t.start >= begin:
            day = _recent_day(doc, t) or day
    return day or (doc.date.isoformat() if doc.date else None)


def _recent_day(doc: Document, t) -> str | None:
    """A time naming one day in the week before publication (أمس، السبت), as YYYY-MM-DD."""
    v = str(t.value)[:10]
    if t.type not in ("DATE", "TIME") or len(v) != 10 or v[4] != "-" or not v[:4].isdigit():
        return None
    try:
        days = (doc.date - Date.fromisoformat(v)).days
    except ValueError:
        return None
    return v if 0 <= days <= LEAD_DAYS else None


def _looks_back(ctx: Context, sent) -> bool:
    """«وكان عون قد شنّ…»: a sentence told in the pluperfect goes back to the lead's story."""
    return ctx.doc.tokens[sent.first_token].norm in KANA_LEAD


def topic_shift(doc: Document) -> int:
    """The first sentence that opens another story (ميدانيا، من جهة أخرى، على صعيد آخر): from
    there on, undated events are the publication day's news, not the lead's day."""
    for sent in doc.sentences[1:]:
        words = tuple(doc.tokens[i].norm for i in range(sent.first_token,
                                                          min(sent.first_token + 3, sent.last_token)))
        if any(words[:len(m)] == m for m in SHIFT_MARKERS):
            return sent.i
    return len(doc.sentences)


def news_date(doc: Document) -> str | None:
    """The day the story happened: a specific day of the lead (first two sentences) in the week
    before publication (أمس، السبت), else the publication date."""
    if doc.date is None:
        return None
    lead_end = doc.sentences[min(1, len(doc.sentences) - 1)].end if doc.sentences else 0
    for t in doc.times:
        if t.start >= lead_end:
            break
        day = _recent_day(doc, t)
        if day is not None:
            return day
    return doc.date.isoformat()


def _relative_between(ctx: Context, trig: Trigger, pos: int) -> bool:
    """«كيري الذي يزور قطر … الذي توصلت إليه القوى الغربية الشهر الماضي»، «التي لم تشارك في
    المحادثات … وزار جنتيلوني طهران في مارس»: a time after a later relative pronoun or an event
    verb joined by و belongs to that clause."""
    if pos <= trig.end:
        return False
    toks = ctx.doc.tokens
    j = trig.last
    while j < len(toks) and toks[j].start < pos:
        if toks[j].norm in RELATIVES or (j in ctx.verb_triggers and toks[j].norm[:1] == "و"):
            return True
        j += 1
    return False


def _ongoing(ctx: Context, trig: Trigger) -> bool:
    """«كيري الذي يزور قطر»، «المقاومة التي تخوض قتالا»: a present verb (or a noun right after
    one) tells what is going on now."""
    toks = ctx.doc.tokens
    if any(toks[j].norm in KANA_LEAD for j in range(max(trig.first - 8, 0), trig.first)):
        return False  # «التي كانت تسيطر … وتمارس»: a past habit
    if trig.entry.tense is not None:
        return trig.entry.tense == "present"
    return trig.first - 1 in ctx.verbs and toks[trig.first - 1].norm[:1] in PRESENT_PREFIXES


def _in_relative_clause(ctx: Context, trig: Trigger) -> bool:
    toks = ctx.doc.tokens
    return any(toks[j].norm in RELATIVES for j in range(max(trig.first - 2, 0), trig.first))

