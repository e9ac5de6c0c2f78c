"""One event per happening: the same type, date and an overlapping actor within a document."""
from __future__ import annotations

from functools import lru_cache

from ..text.normalize import normalize

PLACED = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})  # one place per happening
MEETINGS = frozenset({"CONSULT"})  # the same meeting whichever side is named first
BORROW_REACH = 600  # characters back to the strike whose side «غارات أخرى» continues
CLAIMANTS = frozenset({"REB", "UAF"})  # who claims attacks: armed groups
UNNAMED_ATTACKERS = frozenset({"REB", "UAF", None})  # an attack whose author a claim may name
MARKED = frozenset({"planned", "negated", "hypothetical"})  # statuses one mention may add
RECALL_SPAN = 800  # characters back to the happening a «بعد خطفهم» recalls
MODAL_ENDS = frozenset({"ان", "الا"})  # يجب أن، ينبغي ألا: each obligation is its own


def _same_actor(a, b, places: frozenset = frozenset()) -> bool:
    """The same entity; or a country and its capital or government (زار روسيا … زيارته لموسكو):
    a place acting is its state's government."""
    if a.entity in places or b.entity in places:
        if (a.entity in places or a.entity is None) and (b.entity in places or b.entity is None) \
                and a.country is not None and a.country == b.country \
                and a.sector == b.sector == "GOV":
            return True
    if a.entity is not None and b.entity is not None:
        return a.entity == b.entity
    if a.entity is None and b.entity is None and a.country is None and b.country is None:
        return a.sector == b.sector and a.text == b.text  # «ألقت الشرطة القبض»: one phrase
    return (a.country is not None and a.country == b.country
            and (a.sector == b.sector or a.sector is None or b.sector is None))


def _share(xs, ys, places: frozenset = frozenset()) -> bool:
    return any(_same_actor(a, b, places) for a in xs for b in ys)


def _same_date(k, ev, mention: bool, loose: frozenset, places: frozenset) -> bool:
    """Equal dates; or a noun naming a meeting or visit between the same two parties, one of
    them dated only by default (زار سليماني موسكو في 24 يوليو … نفي زيارة سليماني لموسكو)."""
    return k.date == ev.date or (
        mention and (k.trigger.start in loose or ev.trigger.start in loose)
        and bool(k.recipient) and bool(ev.recipient)
        and (_share(k.recipient, ev.recipient, places) or _swapped(k, ev, places)))


def _swapped(k, ev, places: frozenset) -> bool:
    """A meeting told from the other side (يجتمع لافروف مع كيري … اجتماع كيري مع لافروف)."""
    return (k.type in MEETINGS and _share(k.actor, ev.recipient, places)
            and _share(k.recipient, ev.actor, places))


def _same_happening(k, ev, mention: bool, loose: frozenset, places: frozenset,
                    persons: frozenset = frozenset()) -> bool:
    """Same type, date, mode and place (where both are known; a later noun naming the event
    may sit in a sentence about another place), an actor in common, and no conflicting
    recipients. Two statements (verbal types) told by verbs are one only in one sentence or
    with a shared recipient."""
    if k.type != ev.type:
        return False
    mention = mention and ev.type not in PLACED
    rcps = _same_side(k.recipient, ev.recipient, places, persons)
    return (_same_date(k, ev, mention, loose, places) and k.mode == ev.mode
            and (mention or k.type in PLACED
                 or k.type in MEETINGS and k.sentence.start == ev.sentence.start  # استقبله وبحث معه
                 or (k.cameo == ev.cameo and (
                     k.sentence.start == ev.sentence.start or (k.recipient and ev.recipient and rcps))))
            and (mention or k.location is None or ev.location is None
                 or k.location == ev.location)
            and (_share(k.actor, ev.actor, places) and (
                not k.recipient or not ev.recipient or rcps)
                 or mention and _swapped(k, ev, places)))


def _same_side(xs, ys, places: frozenset, persons: frozenset) -> bool:
    """Shared actors, or a named person and a named body of his country and sector (دعا مشعل …
    دعا قيادة الحركة): told one way and then the other."""
    return _share(xs, ys, places) or any(
        a.entity is not None and b.entity is not None and (a.entity in persons) != (b.entity in persons)
        and a.country is not None and a.country == b.country and a.sector == b.sector
        for a in xs for b in ys)


def _borrow_actors(ev, kept) -> None:
    """The actors of the last event of the same type told before it, if any."""
    before = [k for k in kept if k.type == ev.type and k.actor
              and ev.trigger.start - BORROW_REACH < k.trigger.start < ev.trigger.start]
    if before:
        ev.actor = list(max(before, key=lambda k: k.trigger.start).actor)


def _mentioned_before(ev, kept) -> bool:
    """An event with no actor, of a type already coded in its sentence or on its date, is a
    further mention of that happening (قتل 5 جنود في الهجوم); the victims it names are that
    happening's recipients when it has none (قتل 38 سائحا في هجوم شنه مسلح)."""
    if ev.actor:
        return False
    twin = next((k for k in kept if k.type == ev.type and k.sentence.start == ev.sentence.start),
                None) or next((k for k in kept if k.type == ev.type and k.date == ev.date), None)
    if twin is not None and not twin.recipient and twin.sentence.start == ev.sentence.start:
        twin.recipient = [r for r in ev.recipient if not _share([r], twin.actor)]
    return twin is not None


def _referred_back(ev, kept, definite: frozenset, loose: frozenset, places: frozenset) -> bool:
    """«هاجم مسلحون مركزا للشرطة أمس … المسلحين الذين شاركوا في الهجوم على الشرطة»: a definite
    noun, not dated by its own time, between the same parties as an earlier event of its type."""
    return (ev.trigger.start in definite and ev.trigger.start in loose
            and bool(ev.actor) and bool(ev.recipient)
            and any(k.type == ev.type and k.trigger.start < ev.trigger.start
                    and _alike(k.actor, ev.actor, places) and _alike(k.recipient, ev.recipient, places)
                    for k in kept))


def _meeting_recalled(ev, kept, definite: frozenset, loose: frozenset) -> bool:
    """«زار ولي العهد الأردن … ترتيب الزيارة، خلال اللقاء»: a definite meeting or visit noun with
    no other party, not dated by its own time, after a meeting told earlier in the story, is that
    meeting (the subject of its clause is often its host, arranger or reporter, not a party)."""
    return (ev.type in MEETINGS and ev.trigger.start in definite and ev.trigger.start in loose
            and not ev.recipient
            and any(k.type in MEETINGS and k.trigger.start < ev.trigger.start for k in kept))


def _claimed(ev, kept) -> bool:
    """«أعلن تنظيم ولاية سيناء مسؤوليته عن الهجوم»: an armed group's claim for an attack told
    before (of the same mode, by unnamed gunmen or by nobody named) names its author: that
    event takes the claimant as actor and the claim is no event of its own."""
    if not ev.actor or any(a.sector not in CLAIMANTS for a in ev.actor):
        return False
    before = [k for k in kept if k.type == ev.type and k.trigger.start < ev.trigger.start
              and (ev.mode is None or k.mode == ev.mode)
              and all(a.entity is None and a.sector in UNNAMED_ATTACKERS for a in k.actor)]
    for k in before:
        k.actor = list(ev.actor)
    return bool(before)


def _his_own(ev, kept, places: frozenset) -> bool:
    """«زار الرئيس باريس في أولى زياراته الخارجية»: a noun with a possessive
    pronoun naming an act of the same kind and actor told earlier in its sentence is that act."""
    return any(k.type == ev.type and k.mode == ev.mode and k.sentence.start == ev.sentence.start
               and k.trigger.start < ev.trigger.start and _share(k.actor, ev.actor, places)
               for k in kept)


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple:
    return tuple(normalize(text).split())


def _repeated(ev, kept, loose: frozenset) -> bool:
    """«قرر الرئيس تمديد حالة الطوارئ … قرار تمديد حالة الطوارئ»: the same phrase of several
    words naming an event of the same type, with no time of its own and a side of the same
    country, names the happening told before."""
    if " " not in ev.trigger.text or not (
            ev.trigger.start in loose or str(ev.date).endswith("_REF")):
        return False
    words = _words(ev.trigger.text)
    if words[-1] in MODAL_ENDS:
        return False
    side = {a.country for a in ev.actor if a.country}
    return any(k.type == ev.type and k.trigger.start < ev.trigger.start
               and " " in k.trigger.text and _words(k.trigger.text) == words
               and (not side or side & {a.country for a in k.actor}) for k in kept)


def _told_before(ev, events: list) -> bool:
    """«وأكدت أنهم من عناصر الفرقة بعد خطفهم»: an event of the same type and mode told shortly
    before in the story."""
    return any(k.type == ev.type and k.mode == ev.mode
               and 0 < ev.trigger.start - k.trigger.start <= RECALL_SPAN for k in events)


def _alike(xs, ys, places: frozenset) -> bool:
    """Shared actors, or two unnamed ones of one sector, one of them without a country
    (مسلحون … المسلحين، شرطة … الشرطة التركية)."""
    return _share(xs, ys, places) or any(
        a.entity is None and b.entity is None and (a.country is None or b.country is None)
        and a.sector is not None and a.sector == b.sector for a in xs for b in ys)


def dedupe(events: list, nouns: frozenset = frozenset(), loose: frozenset = frozenset(),
           places: frozenset = frozenset(), definite: frozenset = frozenset(),
           persons: frozenset = frozenset(), owned: frozenset = frozenset(),
           fresh: frozenset = frozenset(), recalled: frozenset = frozenset(),
           claims: frozenset = frozenset()) -> list:
    """``nouns``: trigger starts of events named by a noun (a later mention of a happening);
    ``loose``: those dated by default; ``places``: ids of GPE entities; ``definite``: those
    named by a definite noun; ``persons``: ids of PER entities; ``owned``: those named by a
    noun with a possessive pronoun; ``fresh``: those named as a new or another one (غارات
    جديدة), never a mention of one told before; ``recalled``: nouns with a possessive pronoun
    after a time word (بعد خطفهم، منذ اعتقاله): a happening of its type told before; ``claims``:
    nouns after «مسؤوليته عن» (a claim for a happening told before)."""
    kept = []
    for ev in sorted(events, key=lambda e: not e.actor):
        if not ev.actor and ev.trigger.start in fresh:
            _borrow_actors(ev, kept)  # «استهدفت غارات أخرى…»: more strikes by the same side
            kept.append(ev)
            continue
        if ev.trigger.start in claims and _claimed(ev, kept) \
                or _mentioned_before(ev, kept) or _referred_back(ev, kept, definite, loose, places) \
                or _meeting_recalled(ev, kept, definite, loose) \
                or ev.trigger.start in owned and _his_own(ev, kept, places) \
                or ev.trigger.start in nouns and _repeated(ev, kept, loose) \
                or ev.trigger.start in recalled and _told_before(ev, events):
            continue
        mention = ev.trigger.start in nouns
        twin = next((k for k in kept if k.trigger.start < ev.trigger.start
                     and ev.trigger.start not in fresh
                     and _same_happening(k, ev, mention, loose, places, persons)
                     or k.trigger.start > ev.trigger.start
                     and _same_happening(k, ev, k.trigger.start in nouns, loose, places, persons)),
                    None)
        if twin is None:
            kept.append(ev)
            continue
        if not twin.recipient and ev.recipient:
            twin.recipient = ev.recipient
        if twin.sentence.start == ev.sentence.start and twin.status == "asserted" \
                and ev.status in MARKED:  # ستفرض حظر التجول: the verb tells it is to come
            twin.status, twin.date = ev.status, ev.date
    kept.sort(key=lambda e: e.trigger.start)
    for i, ev in enumerate(kept, 1):
        ev.id = f"V{i}"
    return kept
