"""Events of one document: triggers → arguments, status, date, place → record.Event list."""
from __future__ import annotations

from ..document import Document
from ..record import Actor, Event, Offsets
from ..record import Trigger as TriggerOut
from ..text.normalize import normalize
from .actors import ActorPhrase
from .arguments import find_arguments, preposition, subject_after
from .cameo import goldstein, quad_class
from .context import Context
from .dedupe import dedupe
from .evidence import ARMED, CIVIL, has_evidence
from .status import COMPLEMENTIZERS, LEXICON as CUES, is_future, status_of
from .triggers import Trigger, find_triggers

FORCE_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
ACTORLESS_OK = frozenset({"ASSAULT", "PROTEST"})
CONDEMN_WINDOW = 3
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"في", "ب", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي",
                         "جنوبي", "شرقي", "غربي", "داخل", "امام", "الى"})


def extract_events(doc: Document) -> list[Event]:
    triggers = find_triggers(doc)
    if not triggers:
        return []
    ctx = Context(doc)
    cues_by_sent: dict[int, list] = {}
    for m in doc.matches:
        if m.lexicon == CUES:
            cues_by_sent.setdefault(doc.tokens[m.first].sent, []).append((m.first, m.entry))
    events = []
    condemn: Trigger | None = None
    for trig in triggers:
        ev = _event(ctx, trig, cues_by_sent.get(doc.tokens[trig.first].sent, []), condemn)
        if ev is not None:
            events.append(ev)
        if "condemn" in trig.pattern.flags:
            condemn = trig
    return dedupe(events)


def _event(ctx: Context, trig: Trigger, cues: list, condemn: Trigger | None) -> Event | None:
    doc = ctx.doc
    p = trig.pattern
    tok = doc.tokens[trig.first]
    sent = doc.sentences[tok.sent]
    floor = ctx.clause_start(trig.first, sent.first_token)
    ceiling = ctx.clause_end(trig.last, sent.last_token)
    if p.type in ACTORLESS_OK and _condemned(ctx, condemn, trig, floor):
        return None
    quote = _quote_at(doc, trig.start)
    speaker = _speaker_phrase(ctx, quote)
    actors, rcps = find_arguments(ctx, trig, sent.first_token, ceiling, speaker)
    etype = _type(p, actors)
    if not _needs_met(ctx, trig, p.need, actors, rcps, sent, etype):
        return None
    if not actors and not (etype in ACTORLESS_OK and _evidence(ctx, trig, sent, etype)):
        return None
    future = tok.kind == "word" and trig.entry.tense == "present" and is_future(doc, tok, trig.start)
    status, report = status_of(cues, trig.first, floor, sent.first_token, future)
    if "neg" in p.flags and status == "negated":
        status = None
    status, source = _reported(ctx, status, report, quote, trig, actors, sent)
    date = _date(ctx, trig, sent, status, floor, ceiling)
    if status is None and date and date.startswith("FUTURE"):
        status = "planned"
    return Event(
        id="", type=etype, actor=[_actor(doc, a, etype) for a in actors],
        recipient=[_actor(doc, a, etype) for a in rcps],
        trigger=TriggerOut(trig.start, trig.end, doc.text[trig.start:trig.end]),
        sentence=Offsets(sent.start, sent.end), mode=p.mode, cameo=p.cameo,
        goldstein=goldstein(p.cameo), quad_class=quad_class(etype),
        location=_location(ctx, trig, sent, actors), date=date, status=status or "asserted",
        source=source, confidence=_confidence(actors, rcps, p))


def _type(p, actors) -> str:
    for sector, other in p.if_sector:
        if any(a.sector == sector for a in actors):
            return other
    return p.type


def _evidence(ctx, trig, sent, etype) -> bool:
    toks = ctx.doc.tokens[sent.first_token:sent.last_token]
    return has_evidence(toks, range(trig.first, trig.last), etype)


def _needs_met(ctx, trig, need, actors, rcps, sent, etype) -> bool:
    if need is None:
        return True
    if need == "actor":
        return bool(actors)
    if need == "rcp":
        return bool(rcps)
    if need == "military":
        return any(a.sector == "MIL" for a in actors)
    if etype == "ASSAULT" and any(a.sector in ARMED for a in actors):
        return True
    if etype == "PROTEST" and any(a.sector in CIVIL for a in actors):
        return True
    return _evidence(ctx, trig, sent, etype)


def _condemned(ctx, prev: Trigger | None, trig: Trigger, floor: int) -> bool:
    """أدان الهجوم الذي استهدف…: an attack named by a condemnation in the same clause is not
    coded as an event."""
    return (prev is not None and "condemn" in prev.pattern.flags and prev.first >= floor
            and ctx.doc.tokens[prev.first].sent == ctx.doc.tokens[trig.first].sent)


def _quote_at(doc: Document, pos: int):
    for q in doc.quotes:
        if q.start <= pos < q.end:
            return q
    return None


def _speaker_phrase(ctx: Context, quote) -> ActorPhrase | None:
    if quote is None or quote.speaker is None:
        return None
    for a in ctx.actors:
        if a.entity == quote.speaker:
            return a
    return None


def _reported(ctx, status, report, quote, trig, actors, sent):
    """Status reported (with its source) for an event inside someone's statement."""
    if status is not None and status != "negated":
        return status, None
    speaker_entity = None
    if quote is not None:
        speaker_entity = quote.speaker
        is_speaker = any(a.entity is not None and a.entity == speaker_entity for a in actors)
        if status is None and not is_speaker and not trig.entry.first_person:
            return "reported", speaker_entity
        return status, None
    if report is None:
        return status, None
    i, cue = report
    if cue.kind == "source":
        src = _next_actor(ctx, i + 1, trig.first)
        return status or "reported", (src.entity if src and status is None else None)
    if not _complementizer_between(ctx, i, trig.first):
        return status, None
    if cue.kind == "denial":
        return "negated", None
    src = subject_after(ctx, i + 1, trig.first)
    if src is not None and any(a is src for a in actors):
        return status, None
    if status is None:
        return "reported", src.entity if src else None
    return status, None


def _next_actor(ctx, i, limit):
    for j in range(i, min(i + 4, limit)):
        if j in ctx.actor_at:
            return ctx.actor_at[j]
    return None


def _complementizer_between(ctx, i, j) -> bool:
    toks = ctx.doc.tokens
    return any(toks[k].norm in COMPLEMENTIZERS or toks[k].norm in (":", '"') for k in range(i + 1, j))


def _date(ctx: Context, trig: Trigger, sent, status, floor: int, ceiling: int) -> str | None:
    """The time expression of the trigger's clause, else the nearest specific one of its
    sentence, else the document date for a fact reported as happening now."""
    doc = ctx.doc
    toks = doc.tokens
    c_start, c_end = toks[floor].start, toks[max(ceiling - 1, floor)].end
    best, best_key = None, None
    for t in doc.times:
        if t.start < sent.start or t.end > sent.end or t.type not in ("DATE", "TIME"):
            continue
        in_clause = c_start <= t.start < c_end
        if not in_clause and str(t.value).endswith("_REF"):
            continue
        key = (not in_clause, abs(t.start - trig.start))
        if best is None or key < best_key:
            best, best_key = t, key
    if best is not None:
        v = str(best.value)
        return v.split("T")[0] if "T" in v[4:] and v[:4].isdigit() else v
    if status in ("planned", "negated", "hypothetical") or _in_relative_clause(ctx, trig):
        return None
    return doc.date.isoformat() if doc.date else None


def _in_relative_clause(ctx: Context, trig: Trigger) -> bool:
    toks = ctx.doc.tokens
    return any(toks[j].norm in RELATIVES for j in range(max(trig.first - 2, 0), trig.first))


def _location(ctx: Context, trig: Trigger, sent, actors) -> str | None:
    doc = ctx.doc
    taken = set()
    for a in actors:
        taken.update(range(a.start, a.end))
    before = None
    for m in doc.mentions:
        if m.label not in PLACE_LABELS or m.start < sent.start or m.end > sent.end or m.start in taken:
            continue
        i = ctx.index.first(m.start)
        prep = _place_prep(doc, m.start, i)
        if prep is None:
            continue
        if m.start >= trig.end:
            return m.data.get("entity")
        before = m.data.get("entity")
    return before


def _place_prep(doc, start, i):
    tok = doc.tokens[i]
    if start > tok.start:
        prefix = normalize(doc.text[tok.start:start]).lstrip("وف")
        if prefix == "ب":
            return "ب"
    if i > 0:
        w = doc.tokens[i - 1].norm
        w = w[1:] if w[:1] in "وف" and w[1:] in PLACE_PREPS else w
        if w in PLACE_PREPS:
            return w
    return None


def _actor(doc: Document, a: ActorPhrase, etype: str) -> Actor:
    sector = a.sector
    if a.place and etype in FORCE_TYPES:
        sector = "MIL"
    return Actor(a.entity, doc.text[a.start:a.end], a.country, sector)


def _confidence(actors, rcps, p) -> float:
    c = 0.5 + (0.25 if actors else 0.0) + (0.1 if rcps else 0.0) + (0.05 if p.pos == "V" else 0.0)
    return round(min(c, 0.95), 2)
