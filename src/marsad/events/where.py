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
                         "ناحيه", "مقاطعه", "جزيره", "ساحل", "مدن"})
QUOTES = frozenset('"\'“”‘’')
NEAR_PLACE = 40  # characters: a country named right after a city qualifies it
SCENE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset(normalize(w) for w in (
    "في", "ب", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي",
    "غربي", "داخل", "امام", "إلى"))


def location(ctx: Context, trig: Trigger, sent, actors, rcps, floor, ceiling) -> str | None:
    """The first place introduced by في/ب/قرب… after the trigger in its clause, else before it,
    else in the sentence; a visit's place is the place visited."""
    doc = ctx.doc
    if trig.pattern.mode == "visit":
        for a in rcps:
            if a.place and a.entity:
                return _city_of(ctx, sent, a) or a.entity
    taken = set()
    for a in actors:
        taken.update(range(a.start, a.end))
    c_start, c_end = doc.tokens[floor].start, doc.tokens[max(ceiling - 1, floor)].end
    best, best_key = None, None
    for m in ctx.places.get(sent.i, ()):
        if m.start in taken or not m.data.get("entity"):
            continue
        if not place_prep(doc, m.start, ctx.index.first(m.start)):
            continue
        key = (not c_start <= m.start < c_end, _is_country(ctx, m), m.start < trig.end,
               abs(m.start - trig.end))  # في عدن جنوبي اليمن: the most specific place
        if best is None or key < best_key:
            best, best_key = m.data["entity"], key
    return best


@lru_cache(maxsize=1)
def country_names() -> frozenset:
    return frozenset(normalize(p) for p, w in fallback_actor_phrases() if w.kind == "gpe")


def _is_country(ctx: Context, m) -> bool:
    return normalize(ctx.doc.text[m.start:m.end]) in country_names()


def _city_of(ctx: Context, sent, a) -> str | None:
    """زار روسيا … وصل إلى موسكو: a city of the visited country named in the sentence."""
    if not ctx.is_country(a):
        return None
    country = place_country(ctx.doc, a.entity)
    for m in ctx.places.get(sent.i, ()):
        ent = m.data.get("entity")
        if ent and ent != a.entity and m.label == "GPE" and not _is_country(ctx, m) \
                and place_country(ctx.doc, ent) == country:
            return ent
    return None


def scene(ctx: Context, pos: int) -> str | None:
    """The story's current place: the last place named with a locative preposition before
    ``pos`` (في عدن … the events that follow happen there), else the first one of the article."""
    places = ctx.scene_places
    if places is None:
        doc = ctx.doc
        places = ctx.scene_places = [
            (m.start, m.data["entity"], _is_country(ctx, m)) for m in doc.mentions
            if m.label in SCENE_LABELS and m.data.get("entity")
            and place_prep(doc, m.start, ctx.index.first(m.start))]
    best = None
    for start, ent, country in places:
        if start >= pos:
            break
        if not (country and best is not None and start - best[0] < NEAR_PLACE):
            best = (start, ent)  # في عدن جنوبي اليمن: keep the city
    if best is None and places:
        best = places[0]
    return best[1] if best else None


def place_prep(doc, start, i) -> bool:
    """في موسكو، بموسكو، في مدينة أضنة، بمحافظة لحج: a locative preposition before a place,
    possibly with a place noun between."""
    tok = doc.tokens[i]
    if start > tok.start and normalize(doc.text[tok.start:start]).lstrip("وف") == "ب":
        return True
    before = []  # the two words before, skipping quote marks (في بلدة «سيفاري»)
    k = i - 1
    while k >= 0 and len(before) < 2:
        if doc.tokens[k].norm not in QUOTES:
            before.append(doc.tokens[k].norm)
        k -= 1
    for n, w in enumerate(before):
        if w in PLACE_PREPS or (w[:1] in "وف" and w[1:] in PLACE_PREPS):
            return True
        if n == 0 and w[:1] == "ب" and w[1:] in PLACE_NOUNS:
            return True
        if w not in PLACE_NOUNS:
            return n == 1  # غادر محافظة عدن: a place noun names it as a place
    return bool(before)


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
