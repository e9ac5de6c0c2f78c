"""The place of an event (an entity id) and the home country of unnamed actors."""
from __future__ import annotations

from functools import lru_cache

from ..document import Document
from ..text.normalize import normalize
from .actors import fallback_actor_phrases
from .context import Context
from .triggers import Trigger

PLACE_NOUNS = frozenset({"مدينه", "محافظه", "بلده", "قريه", "منطقه", "مديريه", "اقليم", "ولايه",
                         "مبني", "العاصمه", "ريف", "حي", "مخيم", "مطار", "ميناء", "جبل", "شمال",
                         "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "قضاء",
                         "ناحيه", "مقاطعه", "جزيره", "ساحل", "مدن", "قري", "مناطق", "بلدات",
                         "مديريات", "ضواحي", "احياء", "قاعده"})
PLURAL_PLACES = frozenset(normalize(w) for w in ("محافظات", "مدن", "مناطق", "مديريات", "ولايات",
                                                 "أنحاء", "بلدات", "قرى"))
# «في الأراضي السورية»، «في الأجواء العراقية»: with a nisba, the whole country
TERRITORY = frozenset(normalize(w) for w in ("الأراضي", "أراضي", "الأجواء", "أجواء"))
FROM = frozenset({"من", "ومن"})
IN = frozenset({"في", "وفي"})
ON_THE_GROUND = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "RETREAT"})
# words, not deeds: placed only by a place in their sentence or the speaker's meeting
TALK = frozenset({"ACCUSE", "AGREE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "CONCEDE"})
# nouns after which «في X» names what is talked about (الأوضاع في ليبيا), for other event types
TOPIC_NOUNS = frozenset(normalize(w) for w in (
    "الأوضاع", "الوضع", "أوضاع", "وضع", "التطورات", "تطورات", "المستجدات", "مستجدات", "الأزمة",
    "أزمة", "الأحداث", "أحداث", "الصراع", "النزاع", "الحرب", "السلام", "الأمن", "الاستقرار",
    "الملف", "ملف", "القضية", "قضية", "الحل", "التسوية"))
TOPIC_REACH = 3  # words from the topic noun to في (تطورات العمليات العسكرية في اليمن)
TAKEN_WORDS = frozenset({"علي", "السيطره"})  # (normalized) سيطر على، استعاد السيطرة على
TAKEN_GAP = 3
QUOTES = frozenset('"\'“”‘’')
NEAR_PLACE = 40  # characters: a country named right after a city qualifies it
SCENE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset(normalize(w) for w in (
    "في", "ب", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي",
    "غربي", "داخل", "امام", "إلى",
    "شهدت", "شهد", "تشهد", "يشهد"))  # وشهدت حلب اشتباكات: the place that saw it
TO = frozenset(normalize(w) for w in ("إلى", "لدى"))
# titles that name a place after إلى/لدى (المبعوث الأممي إلى اليمن، سفير المملكة لدى مصر)
ENVOYS = frozenset(normalize(w) for w in (
    "مبعوث", "المبعوث", "سفير", "السفير", "سفيرا", "مندوب", "المندوب", "ممثل", "الممثل",
    "سفراء", "مبعوثا"))
ENVOY_GAP = 4  # words from the title noun to إلى (المبعوث الخاص للأمين العام إلى)
# «البيان الصادر عقب اجتماع … في الدوحة»: a place after these belongs to the nested event
ISSUED = frozenset(normalize(w) for w in ("الصادر", "الصادرة", "الصادرين", "الصادرتين"))
CLAUSE_COMMAS = frozenset({",", "؛", ";"})
# (normalized) words opening a clause, after a comma, that tells another happening
DISJOINERS = frozenset(tuple(normalize(m).split()) for m in (
    "فيما", "وفيما", "بينما", "وبينما", "في حين", "وفي حين", "إلى ذلك", "وإلى ذلك"))
ISSUED_AFTER = frozenset(normalize(w) for w in ("عقب", "خلال", "بعد", "إثر", "اثر", "عن", "في"))


def location(ctx: Context, trig: Trigger, sent, actors, rcps, floor, ceiling) -> str | None:
    """The first place introduced by في/ب/قرب… after the trigger in its clause, else before it,
    else in the sentence; a visit's place is the place visited."""
    doc = ctx.doc
    visitors = {a.entity for a in actors if a.entity}
    if trig.pattern.mode == "visit":
        for a in rcps:
            if a.place and a.entity:
                return _city_of(ctx, sent, a.entity, a.start, visitors) or a.entity
    target = _target(ctx, trig, sent)
    if target is not None:
        return target
    c_start, c_end = doc.tokens[floor].start, doc.tokens[max(ceiling - 1, floor)].end
    topical = trig.pattern.type not in ON_THE_GROUND
    best, best_key = None, None
    for m in ctx.places.get(sent.i, ()):
        if any(a.start <= m.start < a.end for a in actors) or not m.data.get("entity") \
                or _region(ctx, m):
            continue
        i = ctx.index.first(m.start)
        if not place_prep(doc, m.start, i) and not _speaking_from(ctx, m, i):
            continue
        if topical and _topic_place(doc, i):
            continue  # بحث معه الأوضاع في ليبيا: the topic, not the venue
        if _issued_between(doc, trig.last + 1, i) or _disjoined_after(doc, trig.last, i):
            continue
        key = (not c_start <= m.start < c_end, _is_country(ctx, m), m.start < trig.end,
               abs(m.start - trig.end))  # في عدن جنوبي اليمن: the most specific place
        if best is None or key < best_key:
            best, best_key = m.data["entity"], key
    if best is None or best_key[0]:
        best = _spread(ctx, trig, ceiling, PLURAL_PLACES) or best
    if best is None:  # a city elsewhere in the sentence is more specific than the country
        best = _spread(ctx, trig, ceiling, TERRITORY)
    if best is not None and trig.pattern.mode == "visit" and best_key is not None \
            and best_key[1]:                # خلال زيارة إلى إندونيسيا … من جاكرتا
        best = _city_of(ctx, sent, best, trig.start, visitors) or best
    return best


def _disjoined_after(doc, j: int, i: int) -> bool:
    """«ولم تتبن أي جهة الهجوم، بينما هدد الحزب … إثر الضربات على معسكرات في شمال العراق»: a
    clause opened after a comma by فيما، بينما، في حين، إلى ذلك tells another happening; its
    place is not the event's."""
    toks = doc.tokens
    return any(toks[k].norm in CLAUSE_COMMAS and (
        (toks[k + 1].norm,) in DISJOINERS or (toks[k + 1].norm, toks[k + 2].norm) in DISJOINERS)
        for k in range(j, i - 1))


def _issued_between(doc, j: int, i: int) -> bool:
    """«رحب بالبيان الصادر عقب اجتماع … في الدوحة»: the place is the meeting's."""
    toks = doc.tokens
    return any(toks[k].norm in ISSUED and toks[k + 1].norm in ISSUED_AFTER for k in range(j, i - 1))


def _target(ctx: Context, trig: Trigger, sent) -> str | None:
    """«الهجوم الذي استهدف متحف باردو»، «اقتحام مطار عدن»: a facility attacked right after
    the trigger is where the attack happened; «سيطرت القوات على مدينة زنجبار»، «استعادة
    السيطرة على دينسور»: so is a town taken."""
    if trig.pattern.type != "ASSAULT":
        return None
    taking = trig.pattern.mode == "occupy"
    for m in ctx.places.get(sent.i, ()):
        if not m.data.get("entity"):
            continue
        i = ctx.index.first(m.start)
        if m.label == "FAC" and trig.last <= i <= trig.last + 1:
            return m.data["entity"]
        if taking and not _is_country(ctx, m) and _taken(ctx.doc, trig.last, i):
            return m.data["entity"]
    return None


def _taken(doc, j: int, i: int) -> bool:
    """Only «على», «السيطرة» and a place noun between the taking verb (ending at j) and token i."""
    between = [doc.tokens[k].norm for k in range(j, i)]
    return 0 < len(between) <= TAKEN_GAP and all(
        w in TAKEN_WORDS or w.removeprefix("ال") in PLACE_NOUNS for w in between)


def _spread(ctx: Context, trig: Trigger, ceiling: int, nouns: frozenset) -> str | None:
    """«غارات … في عدة محافظات يمنية»، «غارة في الأراضي السورية»: places of one country named by
    a plural place noun (or its land or airspace) and a nisba, after the trigger in its clause →
    that country (when the article names it)."""
    toks = ctx.doc.tokens
    for j in range(trig.last, min(ceiling, len(toks)) - 1):
        if toks[j].norm.removeprefix("و").removeprefix("ب") not in nouns:
            continue  # بالأراضي اليمنية، وبمحافظات
        country = ctx.nisba.get(j + 1)
        if country is None:
            continue
        for e in ctx.doc.entities:
            if e.type == "GPE" and e.country == country and normalize(e.name) in country_names():
                return e.id
    return None


@lru_cache(maxsize=1)
def country_names() -> frozenset:
    return frozenset(normalize(p) for p, w in fallback_actor_phrases() if w.kind == "gpe")


def _is_country(ctx: Context, m) -> bool:
    return normalize(ctx.doc.text[m.start:m.end]) in country_names()


def _city_of(ctx: Context, sent, place: str, pos: int, visitors: set) -> str | None:
    """زار روسيا … وصل إلى موسكو، زيارة إلى إندونيسيا … وانتقد إردوغان من جاكرتا: a city of
    the visited country introduced as a place (في، إلى، من، ب، ل) in the visit's sentence or
    in one that names the visitor again; the first one after the visit, else the last before."""
    doc = ctx.doc
    if not _country_entity(ctx, place):
        return None
    country = place_country(doc, place)
    named = {doc.tokens[ctx.index.first(m.start)].sent
             for m in doc.mentions if m.data.get("entity") in visitors}
    named.add(sent.i)
    before = None
    for m in doc.mentions:
        ent = m.data.get("entity")
        if not ent or ent == place or m.label != "GPE" or _is_country(ctx, m) \
                or doc.tokens[ctx.index.first(m.start)].sent not in named \
                or place_country(doc, ent) != country or not _visit_prep(ctx, m):
            continue
        if m.start > pos:
            return ent
        before = ent
    return before


def _country_entity(ctx: Context, entity_id: str) -> bool:
    return any(e.id == entity_id and normalize(e.name) in country_names()
               for e in ctx.doc.entities)


def _visit_prep(ctx: Context, m) -> bool:
    doc = ctx.doc
    i = ctx.index.first(m.start)
    tok = doc.tokens[i]
    if m.start > tok.start and normalize(doc.text[tok.start:m.start]).lstrip("وف") in ("ب", "ل"):
        return True
    return place_prep(doc, m.start, i) or (i > 0 and doc.tokens[i - 1].norm in FROM)


def _speaking_from(ctx: Context, m, i: int) -> bool:
    """«وانتقد إردوغان من جاكرتا»: من + a city right after a named actor is where they are."""
    return (i >= 2 and ctx.doc.tokens[i - 1].norm in FROM and m.label == "GPE"
            and not _is_country(ctx, m) and i - 1 in ctx.actor_ending)


def _region(ctx: Context, m) -> bool:
    """الشرق الأوسط، شمال أفريقيا: a region of several countries is not where a thing
    happened («الشريك المهم بمنطقة الشرق الأوسط»)."""
    return m.label == "LOC" and place_country(ctx.doc, m.data["entity"]) is None


def scene(ctx: Context, pos: int, etype: str = "ASSAULT") -> str | None:
    """The story's current place: the last place named with a locative preposition before
    ``pos`` (في عدن … the events that follow happen there), else the first one of the article.
    For talks and statements a place named as a topic (الأوضاع في ليبيا) sets no scene."""
    if ctx.scene_places is None:
        doc = ctx.doc
        ctx.scene_places = [
            (m.start, m.data["entity"], _is_country(ctx, m), _topic_place(doc, i))
            for m, i in ((m, ctx.index.first(m.start)) for m in doc.mentions
                         if m.label in SCENE_LABELS and m.data.get("entity") and not _region(ctx, m))
            if place_prep(doc, m.start, i)]
    topical = etype not in ON_THE_GROUND
    places = [p for p in ctx.scene_places if not (topical and p[3])]
    best = None
    for start, ent, country, _ in places:
        if start >= pos:
            break
        if not (country and best is not None and start - best[0] < NEAR_PLACE):
            best = (start, ent)  # في عدن جنوبي اليمن: keep the city
    if best is None and places:
        best = places[0]
    return best[1] if best else None


def fill_places(ctx: Context, events: list) -> None:
    """Events with no place in their sentence: a happening on the ground or a meeting takes the
    story's scene; words (a statement, a pledge, an appeal) are placed where the speaker is: the
    place of a meeting, visit or press conference of theirs in the article, else the scene when
    it is in the speaker's country; else none (the place named last is often only talked about:
    «اتهم الحزب الكردي أنقرة …» after a visit to Indonesia)."""
    for ev in events:
        if ev.location is None and ev.type not in TALK:
            ev.location = _visited(ev, events) or scene(ctx, ev.trigger.start, ev.type)
    for ev in events:
        if ev.location is None and ev.type in TALK:
            ev.location = _venue(ev, events) or _home_scene(ctx, ev)


def _venue(ev, events: list) -> str | None:
    """The place of a meeting of the same speaker on the same day (not a phone call), the
    nearest one before the event, else the first one after."""
    speakers = {a.entity for a in ev.actor if a.entity}
    if not speakers or ev.date is None:
        return None
    pos = ev.trigger.start
    meetings = sorted((m.trigger.start, m.location) for m in events
                      if m.type == "CONSULT" and m.mode != "phone" and m.location is not None
                      and m.date == ev.date
                      and m.status in ("asserted", "reported")
                      and speakers & {a.entity for a in m.actor + m.recipient})
    before = [place for start, place in meetings if start < pos]
    after = [place for start, place in meetings if start > pos]
    return before[-1] if before else (after[0] if after else None)


def _visited(ev, events: list) -> str | None:
    """«زار الجزائر، والتقى الرئيس بوتفليقة»، «التقى أوباما رئيس الوزراء خلال زيارته لأديس
    أبابا»: the place of a visit by the same actor in the same sentence."""
    actors = {a.entity for a in ev.actor if a.entity}
    return next((v.location for v in events
                 if v is not ev and v.mode == "visit" and v.location is not None
                 and v.sentence.start == ev.sentence.start and v.status == ev.status
                 and actors & {a.entity for a in v.actor}), None)


def _home_scene(ctx: Context, ev) -> str | None:
    place = scene(ctx, ev.trigger.start, ev.type)
    home = {a.country or ctx.main_country for a in ev.actor}  # متشددون: the story's own
    return place if place is not None and place_country(ctx.doc, place) in home else None


def _topic_place(doc, i: int) -> bool:
    """«الأوضاع في ليبيا»، «تطورات العمليات العسكرية في اليمن»: a place after a topic noun (and
    its modifiers) and في is talked about, not a venue."""
    toks = doc.tokens
    if i < 2 or toks[i - 1].norm != "في":
        return False
    for j in range(i - 2, max(i - 2 - TOPIC_REACH, -1), -1):
        if toks[j].kind == "punct":
            return False
        if toks[j].norm.removeprefix("ل") in TOPIC_NOUNS:
            return True
    return False


def locative_place(doc, i) -> bool:
    """بمدينة درنة، في مدينة العريش: a place noun after a locative preposition, right before i."""
    w = doc.tokens[i - 1].norm if i > 0 else ""
    if w[:1] == "ب" and w[1:] in PLACE_NOUNS:
        return True
    return w in PLACE_NOUNS and i > 1 and doc.tokens[i - 2].norm in IN


def place_prep(doc, start, i) -> bool:
    """في موسكو، بموسكو، في مدينة أضنة، بمحافظة لحج: a locative preposition before a place,
    possibly with a place noun between."""
    tok = doc.tokens[i]
    if start > tok.start and normalize(doc.text[tok.start:start]).lstrip("وف") == "ب":
        return not _envoy_near(doc, i)  # السفير الأميركي بصنعاء: part of a title
    if _envoy_to(doc, i):
        return False
    before = []  # the two words before, skipping quote marks (في بلدة «سيفاري»)
    k = i - 1
    while k >= 0 and len(before) < 2:
        if doc.tokens[k].norm not in QUOTES and not _place_adjective(doc, k):
            before.append(doc.tokens[k].norm)
        k -= 1
    if before and before[0] in FROM and any(doc.tokens[j].norm in PLURAL_PLACES
                                            for j in range(max(i - 3, 0), i - 1)):
        return True  # في أنحاء متفرقة من البلاد
    for n, w in enumerate(before):
        if w in PLACE_PREPS or (w[:1] in "وف" and w[1:] in PLACE_PREPS):
            return True
        if n == 0 and w[:1] == "ب" and w[1:] in PLACE_NOUNS:
            return True
        if w not in PLACE_NOUNS and not (w[:1] == "و" and w[1:] in PLACE_NOUNS):
            return n == 1  # غادر محافظة عدن، مناطق وقرى جبل صبر: a place noun names a place
    return bool(before)


def _envoy_to(doc, i: int) -> bool:
    """«المبعوث الدولي إلى سورية»، «سفير المملكة لدى مصر»: the place is part of a title."""
    return i > 1 and doc.tokens[i - 1].norm in TO and _envoy_near(doc, i - 1)


def _envoy_near(doc, i: int) -> bool:
    toks = doc.tokens
    return any(toks[j].norm.removeprefix("و") in ENVOYS for j in range(max(i - ENVOY_GAP, 0), i))


def _place_adjective(doc, k: int) -> bool:
    """في العاصمة الأردنية عمان، في البلدة الحدودية …: a definite adjective after a place noun."""
    w = doc.tokens[k].norm
    return k > 0 and w.startswith("ال") and w.endswith("يه") and doc.tokens[k - 1].norm in PLACE_NOUNS


def place_country(doc: Document, entity_id: str | None) -> str | None:
    if entity_id is None:
        return None
    return next((e.country for e in doc.entities if e.id == entity_id), None)


def main_country(doc: Document) -> str | None:
    """The country whose places are mentioned most in the article."""
    counts: dict[str, int] = {}
    for e in doc.entities:
        if e.type == "GPE" and e.country:
            counts[e.country] = counts.get(e.country, 0) + len(e.mentions)
    return max(counts, key=counts.get) if counts else None
