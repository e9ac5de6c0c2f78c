"""Events of one document: triggers → arguments, status, date, place → record.Event list."""
from __future__ import annotations

from ..document import Document
from ..record import Actor, Event, Offsets
from ..record import Trigger as TriggerOut
from ..text.normalize import normalize
from .actors import LEXICON as ACTOR_WORDS, ActorPhrase
from .arguments import NUMBER_WORDS, find_arguments
from .cameo import goldstein, quad_class
from .context import Context
from .dedupe import dedupe
from .evidence import ARMED, CIVIL, has_evidence, has_word, is_abstract
from .reported import quote_at, reported, sentence_quote, speaker_phrase
from .status import LEXICON as CUES, is_future, status_of
from .triggers import BLOCKERS, LEXICON as TRIGGERS, Trigger, find_triggers
from .when import event_date, news_date, topic_shift
from .where import location, main_country, place_country, scene

EVENT_LEXICONS = frozenset({TRIGGERS, BLOCKERS, CUES, ACTOR_WORDS})
FORCE_ON = frozenset({"ASSAULT", "COERCE"})
VICTIMS = frozenset({"CVL", "JRN", "REF", "EDU", "MED"})
LOCAL_SECTORS = frozenset({"CVL", "REB", "MIL", "COP", "GOV", "LEG", "JUD", "LAB", "EDU", "MED",
                           "JRN", "BUS", "OPP", "REF"})
VERBAL = (1, 3)  # quad classes of speech acts: a statement's speaker is their actor
FORCE_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
SECURITY = frozenset({"MIL", "COP", "SPY", "JUD"})
ACTORLESS_OK = frozenset({"ASSAULT", "PROTEST"})
CONDEMN_WINDOW = 8
COUNTS = NUMBER_WORDS | {"ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "عشرات",
                         "مئات", "الاف", "اثنان", "اثنين"}
HELP = frozenset({"AID", "COOPERATE"})
INVITATIONS = frozenset({"دعوه", "الدعوه", "دعوته", "دعوتها", "دعوتهم", "دعوات"})
OFFER_CAMEO = "050"
WILLING = frozenset(base + suffix for base, forms in (("رغب", ("ه", "ته", "تها", "تهم", "تنا")),
                                                      ("استعداد", ("", "ه", "ها", "هم", "نا")))
                    for suffix in forms)  # رغبة، استعداده: a willingness to act is an offer


def extract_events(doc: Document) -> list[Event]:
    by_lex: dict[str, list] = {}
    for m in doc.matches:
        if m.lexicon in EVENT_LEXICONS:
            by_lex.setdefault(m.lexicon, []).append(m)
    triggers = find_triggers(doc, by_lex.get(TRIGGERS, ()), by_lex.get(BLOCKERS, ()))
    if not triggers:
        return []
    ctx = Context(doc, {doc.tokens[t.first].sent for t in triggers}, by_lex)
    ctx.verb_triggers = frozenset(t.first for t in triggers if t.pattern.pos == "V")
    ctx.news_date = news_date(doc)
    ctx.topic_shift = topic_shift(doc)
    ctx.main_country = main_country(doc)
    cues_by_sent: dict[int, list] = {}
    for m in by_lex.get(CUES, ()):
        cues_by_sent.setdefault(doc.tokens[m.first].sent, []).append((m.first, m.entry))
    events = []
    nouns = set()  # events named by a noun of their own type (a later mention of a happening)
    loose = set()  # events dated by default (the story's day), not by a time expression
    definite = set()  # events named by a definite noun (الهجوم): may refer back to one told before
    today = doc.date.isoformat() if doc.date else None
    condemn: Trigger | None = None
    for trig in triggers:
        ev = _event(ctx, trig, cues_by_sent.get(doc.tokens[trig.first].sent, []), condemn)
        if ev is not None:
            events.append(ev)
            if trig.pattern.pos != "V" and ev.type == trig.pattern.type:
                nouns.add(trig.start)
                if _definite_noun(doc.tokens[trig.first], trig.pattern):
                    definite.add(trig.start)
            if ev.date in (None, ctx.news_date, today):
                loose.add(trig.start)
        if "condemn" in trig.pattern.flags:
            condemn = trig
    places = frozenset(e.id for e in doc.entities if e.type == "GPE")
    events = dedupe(events, frozenset(nouns), frozenset(loose), places,
                    frozenset(definite))
    for ev in events:
        if ev.location is None:
            ev.location = scene(ctx, ev.trigger.start)
    return events


def _event(ctx: Context, trig: Trigger, cues: list, condemn: Trigger | None) -> Event | None:
    doc = ctx.doc
    p = trig.pattern
    tok = doc.tokens[trig.first]
    sent = doc.sentences[tok.sent]
    floor = ctx.clause_start(trig.first, sent.first_token)
    ceiling = ctx.clause_end(trig.last, sent.last_token)
    if p.type in ACTORLESS_OK and _condemned(ctx, condemn, trig):
        return None
    quote = quote_at(doc, trig.start)
    speaker = speaker_phrase(ctx, quote)
    if p.pos == "A" and speaker is None:  # وقال عون: «…»، متهما قائد الجيش: the speaker accuses
        speaker = speaker_phrase(ctx, sentence_quote(doc, sent, trig.start))
    if p.pos == "V" and trig.last in ctx.nisba and trig.last not in ctx.actor_at:
        # طالب تونسي: a noun with its adjective, not the verb طالب
        return None
    actors, rcps = find_arguments(ctx, trig, sent.first_token, ceiling, speaker)
    if p.type in FORCE_ON and (any(a.sector in VICTIMS for a in actors)
                               or _counted_subject(ctx, trig, actors)):
        rcps, actors = actors + rcps, []  # قتل 38 سائحا، قتل 9 من مسلحي المقاومة: the victims
    if not actors and speaker is not None and quad_class(p.type) in VERBAL:
        actors = [speaker]
    etype, cameo = _type(p, actors), p.cameo
    if etype == "PROTEST" and all(a.sector in SECURITY | {"GOV"} for a in actors):
        actors = []  # «لا يوضع الجيش في مواجهة تظاهرة»: forces and rulers do not protest
    if etype == "ASSAULT" and p.pos == "N" and _verbal_target(ctx, trig, ceiling):
        etype = "ACCUSE"
    if etype in HELP and p.pos == "N" and _offered(doc, trig.first, floor):
        etype, cameo = "AGREE", OFFER_CAMEO  # أبدى رغبة بلاده في مساعدة مصر: an offer to help
    if not _needs_met(ctx, trig, p.need, actors, rcps, sent, etype):
        return None
    if "concrete" in p.flags and _abstract_object(ctx, trig, actors):
        return None
    if not actors and not (etype in ACTORLESS_OK and not _definite_noun(tok, p)
                           and _evidence(ctx, trig, sent, etype)):
        return None
    future = (tok.kind == "word" and trig.entry.tense == "present"
              and is_future(doc, tok, trig.start))
    status, report = status_of(cues, trig.first, trig.last, floor, future, p.pos != "V",
                               trig.entry.tense == "past")
    if "neg" in p.flags and status == "negated":
        status = None
    if p.pos == "A":
        report = None  # نفى X الاتهامات، متهما Y: the participle is the speaker's own act
    status, source = reported(ctx, status, report, quote, trig, actors, sent)
    invited = p.pos == "N" and status in (None, "reported") and _invited(doc, trig)
    if invited:
        status = "planned"  # قبل دعوة لزيارة روما: the visit is still to come
    date = event_date(ctx, trig, sent, status, floor, ceiling)
    if invited and date is None:
        date = "FUTURE_REF"
    if status is None and date and date.startswith("FUTURE"):
        status = "planned"
    place = location(ctx, trig, sent, actors, rcps, floor,
                     ctx.clause_end(trig.last, sent.last_token, quotes=False))
    home = place_country(doc, place) or ctx.main_country
    return Event(
        id="", type=etype, actor=[_actor(doc, a, etype, home) for a in actors],
        recipient=[_actor(doc, a, etype, home) for a in rcps],
        trigger=TriggerOut(trig.start, trig.end, doc.text[trig.start:trig.end]),
        sentence=Offsets(sent.start, sent.end), mode=p.mode, cameo=cameo,
        goldstein=goldstein(cameo), quad_class=quad_class(etype),
        location=place, date=date, status=status or "asserted",
        source=source, confidence=_confidence(actors, rcps, p))


def _counted_subject(ctx: Context, trig: Trigger, actors) -> bool:
    """A counted phrase right after the verb (قتل 9 من المسلحين، اعتقل خمسة أشخاص) is its
    patient: the verb is read as passive (قُتل)."""
    toks = ctx.doc.tokens
    if trig.pattern.pos != "V" or not actors or trig.last >= len(toks):
        return False
    nxt = toks[trig.last]
    return trig.last <= actors[0].first <= trig.last + 2 and (nxt.kind == "num" or nxt.norm in COUNTS)


def _type(p, actors) -> str:
    for sector, other in p.if_sector:
        if any(a.sector == sector for a in actors):
            return other
    return p.type


def _definite_noun(tok, p) -> bool:
    """«الهجوم»، «والمظاهرة»: with no actor, a definite noun names a happening told earlier in
    the story or a background one, not a new event."""
    return p.pos == "N" and any(stem.startswith("ال") for stem, _ in tok.forms)


def _invited(doc: Document, trig: Trigger) -> bool:
    return trig.first > 0 and doc.tokens[trig.first - 1].norm.removeprefix("و") in INVITATIONS


def _offered(doc: Document, i: int, floor: int) -> bool:
    return any(doc.tokens[j].norm.removeprefix("و") in WILLING for j in range(max(i - 3, floor), i))


def _verbal_target(ctx: Context, trig: Trigger, ceiling: int) -> bool:
    """الهجوم على الاتفاق: an attack on an agreement, a decision or a policy is verbal."""
    toks = ctx.doc.tokens
    for j in range(trig.last, min(trig.last + 3, ceiling - 1)):
        if toks[j].norm == "علي":
            return has_word(toks[j + 1], "VERBAL")
    return False


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
    if need == "place":
        return any(a.place for a in rcps)
    if need == "military":  # وصل سليماني إلى موسكو: one commander arriving is no deployment
        return any(a.sector == "MIL" and not _person(ctx.doc, a) for a in actors)
    if need == "civil":
        return any(a.sector in CIVIL for a in actors)
    if need == "protesters":
        toks = ctx.doc.tokens  # آلاف (من) المتظاهرين: the crowd word may head the phrase
        return any(has_word(toks[i], "PROTESTER") for a in actors
                   for i in range(a.first, min(a.last + 2, sent.last_token)))
    if need == "security":
        return bool(rcps) and any(a.sector in SECURITY for a in actors)
    if etype == "ASSAULT" and any(a.sector in ARMED for a in actors):
        return True
    if etype == "PROTEST" and any(a.sector in CIVIL for a in actors):
        return True
    if etype not in ACTORLESS_OK:
        return True  # turned verbal (الهجوم على الاتفاق): no physical evidence to ask for
    return _evidence(ctx, trig, sent, etype)


def _person(doc: Document, a) -> bool:
    return a.entity is not None and any(e.id == a.entity and e.type == "PER" for e in doc.entities)


def _abstract_object(ctx, trig: Trigger, actors) -> bool:
    """تستهدف الخطة رفع…: the first word after the verb (and its subject) is an abstract noun."""
    j = max([trig.last] + [a.last for a in actors if a.first >= trig.last])
    if j >= len(ctx.doc.tokens):
        return False
    return is_abstract(ctx.doc.tokens[j])


def _condemned(ctx, condemn: Trigger | None, trig: Trigger) -> bool:
    """أدان الهجوم الذي استهدف…: an attack named by a condemnation shortly before it in the same
    sentence is not coded as an event."""
    toks = ctx.doc.tokens
    return (condemn is not None and toks[condemn.first].sent == toks[trig.first].sent
            and 0 <= trig.first - condemn.last <= CONDEMN_WINDOW)


def _actor(doc: Document, a: ActorPhrase, etype: str, home: str | None) -> Actor:
    """A record actor; an unnamed local group (المدنيين، الميليشيات) belongs to the country where
    the event happens (else the article's main country)."""
    sector = a.sector
    if a.place and etype in FORCE_TYPES:
        sector = "MIL"
    country = a.country
    if (country is None and a.entity is None and sector in LOCAL_SECTORS
            and any(w.startswith(("ال", "لل")) for w in normalize(doc.text[a.start:a.end]).split())):
        country = home
    return Actor(a.entity, doc.text[a.start:a.end], country, sector)


def _confidence(actors, rcps, p) -> float:
    c = 0.5 + (0.25 if actors else 0.0) + (0.1 if rcps else 0.0) + (0.05 if p.pos == "V" else 0.0)
    return round(min(c, 0.95), 2)
