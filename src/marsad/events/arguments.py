"""Actor and recipient of a trigger, from the actor phrases around it."""
from __future__ import annotations

from ..text.normalize import normalize
from .actors import ActorPhrase
from .context import Context
from .triggers import Trigger

PREPOSITIONS = frozenset({"مع", "على", "ضد", "الى", "عن", "من", "بين", "في", "امام", "بحق", "لدى",
                          "عند", "تجاه", "نحو", "حول", "بشان", "خلال", "منذ", "عبر", "لصالح", "قبل",
                          "بعد", "ازاء", "دون", "حتى"})
PROCLITIC_PREPS = {"ب": "ب", "ل": "ل", "لل": "ل", "ك": "ك"}
SKIP_WORDS = frozenset({"امس", "اليوم", "ايضا", "كذلك", "بدوره", "بدورها", "رسميا", "مجددا", "فعلا",
                        "الخميس", "الجمعه", "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء",
                        "صباح", "مساء", "فجر", "ليل", "امس", "الماضي", "اول", "من", "قد", "فقط"})
PARTICLES = frozenset({"قد", "لم", "لن", "لا", "ما", "سوف", "ان", "انه", "كما", "فيما", "بينما",
                       "وقد", "ولم", "ولن", "ولا", "قد"})
AGENT_VERBS = frozenset({"شنه", "شنته", "شنها", "نفذه", "نفذته", "نفذها", "تبناه", "تبنته", "تبنتها",
                         "شنوه", "نفذوه", "قاده", "قادته", "ارتكبه", "ارتكبته"})
AGENT_PAIRS = frozenset({("من", "قبل"), ("على", "يد"), ("على", "ايدي"), ("من", "جانب"),
                         ("على", "يدي")})
AGENT_SINGLE = frozenset({"بايدي", "بيد"})
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})
WINDOW = 8


def preposition(ctx: Context, a: ActorPhrase) -> str | None:
    """The preposition governing an actor phrase: attached (لأردوغان) or the word before (مع)."""
    doc = ctx.doc
    tok = doc.tokens[a.first]
    if a.start > tok.start:
        prefix = normalize(doc.text[tok.start:a.start]).lstrip("وف")
        if prefix in PROCLITIC_PREPS:
            return PROCLITIC_PREPS[prefix]
    if a.first > 0:
        prev = doc.tokens[a.first - 1]
        word = prev.norm[1:] if prev.norm[:1] in "وف" and prev.norm[1:] in PREPOSITIONS else prev.norm
        if word in PREPOSITIONS:
            return word
    return None


def coordinated(ctx: Context, a: ActorPhrase, limit: int) -> list[ActorPhrase]:
    """An actor phrase and those joined to it by و (روسيا وتركيا)."""
    out = [a]
    toks = ctx.doc.tokens
    while a.last < limit:
        nxt = ctx.actor_at.get(a.last)
        if nxt is not None and toks[nxt.first].norm.startswith("و") and nxt.start > toks[nxt.first].start:
            pass
        elif toks[a.last].norm == "و" and a.last + 1 < limit:
            nxt = ctx.actor_at.get(a.last + 1)
        else:
            nxt = None
        if nxt is None or nxt in out:
            break
        out.append(nxt)
        a = nxt
    return out


def _skippable(ctx: Context, i: int) -> bool:
    return i in ctx.time_tokens or ctx.doc.tokens[i].norm in SKIP_WORDS


def subject_after(ctx: Context, i: int, limit: int) -> ActorPhrase | None:
    for j in range(i, min(i + 4, limit)):
        a = ctx.actor_at.get(j)
        if a is not None:
            return a if preposition(ctx, a) is None else None
        if not _skippable(ctx, j):
            return None
    return None


def subject_before(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    j = i
    while j > floor and i - j <= 2:
        a = ctx.actor_ending.get(j)
        if a is not None and a.first >= floor:
            return a if preposition(ctx, a) is None else None
        if ctx.doc.tokens[j - 1].norm not in PARTICLES:
            return None
        j -= 1
    return None


def relative_head(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    """كيري الذي يزور قطر: the antecedent of a relative pronoun is the subject."""
    j = i - 1
    if j > floor and ctx.doc.tokens[j].norm in RELATIVES:
        return ctx.actor_ending.get(j)
    return None


def embedded_floor(ctx: Context, i: int, floor: int) -> int:
    """Inside «… إن X فعل», the subject is after the complementizer (unless it carries the
    subject pronoun: إنه، إنها)."""
    toks = ctx.doc.tokens
    for j in range(i - 1, floor - 1, -1):
        w = toks[j].norm
        if w in ("ان", "بان", "وان"):
            return j + 1
        if w in ("انه", "انها", "انهم", "بانه", "بانها"):
            return floor
    return floor


def nearest_before(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    floor = embedded_floor(ctx, i, floor)
    best = None
    for a in ctx.actors:
        if a.last > i:
            break
        if a.first >= floor and preposition(ctx, a) is None:
            best = a
    return best


def agent_after(ctx: Context, i: int, limit: int) -> ActorPhrase | None:
    """من قبل X، على يد X، هجوم شنه X."""
    toks = ctx.doc.tokens
    for j in range(i, min(i + 6, limit)):
        w = toks[j].norm
        k = None
        if w in AGENT_VERBS or w in AGENT_SINGLE:
            k = j + 1
        elif j + 1 < limit and (w, toks[j + 1].norm) in AGENT_PAIRS:
            k = j + 2
        if k is not None:
            for m in range(k, min(k + 3, limit)):
                if m in ctx.actor_at:
                    return ctx.actor_at[m]
    return None


def between_actors(ctx: Context, trig: Trigger, limit: int) -> list[ActorPhrase]:
    """مواجهات بين X و Y: every actor joined after بين."""
    toks = ctx.doc.tokens
    for j in range(trig.last, min(trig.last + 3, limit)):
        if toks[j].norm == "بين":
            out = []
            for a in ctx.actors:
                if j < a.first < limit and a.first - j <= 12:
                    out.append(a)
            return out
    return []


def recipients(ctx: Context, trig: Trigger, start: int, limit: int, used: list) -> list[ActorPhrase]:
    """The first actor phrase after a recipient preposition of the pattern (على مركز شرطة: the
    phrase may follow a head noun), or, for direct objects, the first phrase without one."""
    rcp = trig.pattern.rcp
    if not rcp:
        return []
    toks = ctx.doc.tokens
    for j in range(start, min(start + WINDOW, limit)):
        word = toks[j].norm
        if word in rcp and word != "obj":
            for k in range(j + 1, min(j + 4, limit)):
                a = ctx.actor_at.get(k)
                if a is not None and a not in used:
                    return coordinated(ctx, a, limit)
            continue
        a = ctx.actor_at.get(j)
        if a is None or a in used:
            continue
        prep = preposition(ctx, a)
        if prep is None and "obj" in rcp or prep in rcp or (prep == "ل" and "obj" in rcp):
            return coordinated(ctx, a, limit)
    return []


def find_arguments(ctx: Context, trig: Trigger, floor: int, ceiling: int, speaker=None):
    """(actors, recipients) of a trigger within a clause [floor, ceiling)."""
    p = trig.pattern
    actors: list[ActorPhrase] = []
    rcps: list[ActorPhrase] = []
    after = trig.last
    if "either" in p.flags:
        actors = between_actors(ctx, trig, ceiling)
        if actors:
            return actors, []
    if p.pos == "V":
        if trig.entry.first_person and speaker is not None:
            actors = [speaker]
        else:
            a = subject_after(ctx, trig.last, ceiling)
            if a is not None and a.place and p.mode == "visit":
                rcps, after, a = coordinated(ctx, a, ceiling), a.last, None
            if a is not None:
                actors = coordinated(ctx, a, ceiling)
                after = actors[-1].last
            else:
                a = (relative_head(ctx, trig.first, floor) or subject_before(ctx, trig.first, floor)
                     or nearest_before(ctx, trig.first, floor))
                if a is not None:
                    actors = [a]
    else:
        g = ctx.actor_at.get(trig.last)
        if g is not None and preposition(ctx, g) is None and p.gen in ("actor", "recipient"):
            group = coordinated(ctx, g, ceiling)
            if p.gen == "actor":
                actors, after = group, group[-1].last
            else:
                rcps, after = group, group[-1].last
        elif trig.last in ctx.nisba and p.gen == "actor":
            actors = [nisba_actor(ctx, trig.last)]
            after = trig.last + 1
        if not actors:
            a = agent_after(ctx, after, ceiling)
            if a is not None:
                actors = coordinated(ctx, a, ceiling)
            else:
                a = nearest_before(ctx, trig.first, floor)
                if a is not None:
                    actors = [a]
    if not rcps:
        rcps = recipients(ctx, trig, after, ceiling, actors)
    return actors, rcps


def nisba_actor(ctx: Context, i: int) -> ActorPhrase:
    tok = ctx.doc.tokens[i]
    return ActorPhrase(i, i + 1, tok.start, tok.end, None,
                       ctx.nisba[i], "GOV")
