"""Actor phrases (doc.actors): every entity mention that can act, with titles and «قوات …»
folded in, and unnamed actors (الحكومة التركية، مسلحون، طائرات حربية روسية)."""
from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from ...document import Span
from ...text.normalize import normalize
from ...text.segment import definite
from . import kb
from .context import FUNCTION_WORDS, Cand, Context
from .persons import TEAM_RANKS

ADJECTIVE_ACTORS = frozenset(["مسلح", "مسلحا"])   # after a noun: an adjective (عنصر مسلح)
NAVY = "البحريه"  # the navy, or «maritime» after a definite noun (الحدود البحرية), not القوات
STATE_SECTORS = frozenset("GOV MIL COP SPY LEG JUD".split())
# People, organizations and places with a government can act (facilities: see _stands_for_state).
ACTING_TYPES = frozenset(["PER", "ORG", "GPE"])
# Unnamed rebels and opposition fighters belong to the country their sentence is set in.
LOCAL_SECTORS = frozenset(["REB", "OPP"])
ARMED_NOUNS = frozenset(["MIL", "REB", "UAF"])
NON_STATE = frozenset(["REB", "PTY", "OPP", "UAF", "CRM"])  # an organization's forces are rebels
LOYAL = frozenset(normalize(w) for w in "الموالية الموالين الموالون الموالي موالية موالين موالون "
                  "التابعة التابعين".split())
LOCATIVES = frozenset(["في", "داخل"])
NATIONALITY = frozenset(normalize(w) for w in "الجنسية جنسية التابعية".split())
NATIONALITY_BEFORE = frozenset(normalize(w) for w in "من يحمل يحملون يحملان تحمل".split())
TERRITORY = frozenset(normalize(w) for w in "الأراضي المناطق المدن القرى البلدات المحافظات "
                      "الشمال الجنوب الشرق الغرب الساحة العاصمة الداخل".split())
# Nouns for the forces or members of a named actor → sector (None: the actor's own).
FORCES = {"قوات": "MIL", "القوات": "MIL", "ميليشيات": "REB", "مليشيات": "REB",
          "طائرات": "MIL", "مقاتلات": "MIL", "جيش": "MIL", "عناصر": None, "مسلحو": None,
          "مسلحي": None, "مقاتلو": None, "مقاتلي": None, "متشددو": None, "متشددي": None,
          "متمردو": None, "متمردي": None, "انصار": None}
# Generic heads before a quoted name (تنظيم «داعش»، حركة «الشباب»): part of the actor phrase.
QUOTED_HEADS = frozenset(normalize(w) for w in "تنظيم جماعة حركة حزب جبهة منظمة ميليشيا مليشيا "
                         "فصيل".split())
_start, _end = attrgetter("start"), attrgetter("end")


def actor_spans(ctx: Context, mentions: list[tuple[Cand, object]], nominals: list[Cand],
                home: str | None = None) -> list[Span]:
    """``mentions``: (cand, Ent) for every entity mention, by start; ``home``: the article's
    main country, for a definite state body with no nisba (الحكومة، الجيش)."""
    spans = []
    covered: set[int] = set()
    for c in nominals:                               # title + name: one actor
        name = c.extra.get("name")
        if name is None:
            continue
        ent = c.extra.get("ent")
        first, start, sector = _forces(ctx, c, ent)
        tokens = range(first, _last(ctx, name.end))
        spans.append(_span(start, name.end, tokens, ent, (name.start, name.end), sector))
        covered.update(range(first, name.last))
    for c, ent in mentions:
        if c.first in covered or c.type not in ACTING_TYPES and not _stands_for_state(c, ent):
            continue
        first, start, sector = _forces(ctx, c, ent) if c.kind != "pronoun" \
            else (c.first, c.start, None)
        last = c.last if c.kind != "nominal" else _last(ctx, c.end)
        spans.append(_span(start, c.end, range(first, last), ent, (c.start, c.end), sector))
        covered.update(range(first, c.last))
    spans += _unnamed(ctx, covered, nominals, home, mentions)
    spans.sort(key=_end, reverse=True)              # by start, then the longest first
    spans.sort(key=_start)
    return _outermost(spans)


def _prep_clitic(ctx: Context, i: int, stem_start: int) -> bool:
    """Token i carries a proclitic other than و/ف before its stem (لحركة، بتنظيم)."""
    return bool(normalize(ctx.doc.text[ctx.tokens[i].start:stem_start]).lstrip("وف"))


def _stands_for_state(c: Cand, ent) -> bool:
    """A facility that stands for a government (الكرملين، البيت الأبيض): it can act."""
    return c.type == "FAC" and ent.entry is not None and bool(kb.field(ent.entry, "stands_for"))


def _forces(ctx: Context, c: Cand, ent) -> tuple[int, int, str | None]:
    """«قوات الرئيس السوري …», «متشددي تنظيم الدولة»: the forces or members of an actor
    (entity ``ent``) → (first token, start, sector)."""
    if "lead" in c.extra:                           # هذه الجماعة المتطرفة
        return c.first - 1, c.extra["lead"], None
    first, start = c.first, c.start
    quote = int(ctx.word(first - 1) == '"')         # عناصر «داعش»، تنظيم «داعش»
    head = ctx.form_in(first - 2, QUOTED_HEADS) if quote else None
    if head is not None and not _prep_clitic(ctx, first - 2, head[1]):  # the head and the quote mark
        first, start, quote = first - 2, head[1], 0
    force = ctx.form_in(first - 1 - quote, FORCES)
    if force is None:
        return first, start, None
    return first - 1 - quote, force[1], _forces_sector(FORCES[force[0]], ent, ctx.doc.date)


def _span(start: int, end: int, tokens: range, ent, head: tuple, sector: str | None = None) -> Span:
    country = ent.country if ent is not None else None
    if ent is not None and ent.type == "GPE":
        sector = sector or "GOV"
    stands = None
    if ent is not None and ent.type == "FAC" and ent.entry is not None:
        stands = kb.field(ent.entry, "stands_for")
    if stands:
        country, sector = stands.get("country"), sector or stands.get("sector")
    return Span(start, end, "ACTOR", {"entity": ent.id if ent is not None else None,
                                      "country": country,
                                      "sector": sector or (ent.sector if ent is not None else None),
                                      "head": head, "tokens": tokens})


def _unnamed(ctx: Context, covered: set[int], nominals: list[Cand], home: str | None,
             mentions: list) -> list[Span]:
    out = []
    cache: dict = {}                # per-document: places and mentions by token, by sentence
    for c in nominals:                              # an unresolved title: «مسؤول أمريكي»
        if c.first in covered or c.extra.get("ent") is not None or _bare_rank(c):
            continue
        sector = c.title.sector if c.title not in (None, "counterpart") else None
        org = c.extra.get("org")
        country = c.country or _home(ctx, c.first, c.last, sector, home)
        out.append(Span(c.start, c.end, "ACTOR", {"entity": None, "country": country,
                                                  "sector": sector if sector != "UNK" else None,
                                                  "head": (c.start, c.end),
                                                  "tokens": range(c.first, _last(ctx, c.end))}))
        covered.update(range(c.first, c.last))
        if org is not None:
            covered.update(range(org.first, org.last))
    for i, m in sorted(ctx.at("actor_nouns").items()):
        if i in covered or maritime(ctx.doc, i):
            continue
        k, country = m.last, m.entry.country
        if ctx.word(k) == NAVY:
            k += 1                                         # القوات البحرية السعودية
        first, start = i, m.start
        if ctx.word(i) in ADJECTIVE_ACTORS and m.start == ctx.tokens[i].start:
            head = _qualified_noun(ctx, i)
            if head is None:
                continue                                   # هجوم مسلح: an armed attack
            if head < i:                                   # طالب تونسي مسلح
                nis = ctx.nisba_at(head + 1)
                country = nis[1].iso3 if nis is not None and nis[0] == i else country
                first, start = head, ctx.tokens[head].start
        nxt = ctx.longest(k, "actor_nouns")
        if nxt is not None and nxt.start == ctx.tokens[k].start and nxt.last == k + 1 \
                and _plural_pair(ctx.word(i), ctx.word(k)):
            k = nxt.last                                   # مقاتلين معارضين: one phrase
        loyal = _loyal_to(ctx, k, mentions, cache) if m.entry.sector in ARMED_NOUNS \
            and ctx.word(k) in LOYAL else None
        if loyal is not None:                              # القوات الموالية لفلان
            c, ent = loyal
            sector = _forces_sector(m.entry.sector, ent, ctx.doc.date) \
                if ent.type == "PER" else m.entry.sector if ent.sector in STATE_SECTORS else "REB"
            out.append(Span(start, c.end, "ACTOR", {"entity": ent.id, "country": ent.country,
                                                  "sector": sector, "head": (m.start, m.end),
                                                  "tokens": range(first, _last(ctx, c.end))}))
            covered.update(range(i, c.last))
            continue
        nis = ctx.nisba_at(k)
        if nis is not None and ctx.definite(k - 1) and not ctx.definite(k):
            nis = None                                     # اعتقلت الشرطة بريطانيا
        elif nis is None and k + 1 < ctx.n and ctx.word(k) not in FUNCTION_WORDS \
                and ctx.tokens[k].kind == "word" and ctx.longest(k, "actor_nouns") is None:
            nis = ctx.nisba_at(k + 1)                      # طائرات حربية روسية, not المعارضة الحكومة …
            if nis is not None and not _qualifies(ctx, k - 1, k):
                nis = None
        if nis is None:
            nis = _nationality(ctx, k)                    # عمال من الجنسية الهندية
        if nis is not None:
            k, country = nis[0], nis[1].iso3
        country = country or _home(ctx, i, m.last, m.entry.sector, home)
        if country is None and m.entry.sector in LOCAL_SECTORS:
            country = located_in(ctx, mentions, ctx.tokens[i].sent, cache)
        end = ctx.tokens[k - 1].end
        out.append(Span(start, end, "ACTOR", {"entity": None, "country": country,
                                              "sector": m.entry.sector,
                                              "head": (m.start, m.end),
                                              "tokens": range(first, k)}))
        covered.update(range(i, k))
    return out


def _last(ctx: Context, end: int) -> int:
    """1 + the token ending at offset ``end`` (a title's ``last`` may take in more words): the
    tokens of a span are kept in its data as range(first, last)."""
    return bisect_left(ctx.doc.token_ends, end) + 1


def maritime(doc, i: int) -> bool:
    """«البحرية» at token i is an adjective: after a definite noun other than «القوات»
    (الحدود البحرية، المناورات البحرية)."""
    toks = doc.tokens
    return i > 0 and toks[i].norm == NAVY and toks[i - 1].kind == "word" \
        and definite(doc.text, toks[i - 1]) and all(stem != "القوات" for stem, _ in toks[i - 1].readings)


def _nationality(ctx: Context, k: int) -> tuple | None:
    """«من الجنسية الباكستانية»، «يحملون الجنسية السورية» at token k: (end, country) of the nisba."""
    if ctx.word(k) in NATIONALITY_BEFORE and ctx.word(k + 1) in NATIONALITY:
        return ctx.nisba_at(k + 2)
    return None


def _bare_rank(c: Cand) -> bool:
    """«الفريق»، «اللواء»، «العميد» with no name and nobody known: a team, a brigade or a dean
    as often as an officer, so no actor; «الفريق السعودي» is the Saudi team."""
    return getattr(c.title, "kind", None) == "rank" \
        and (c.country is None or normalize(c.title.phrase) in TEAM_RANKS)


def located_in(ctx: Context, mentions: list, sent: int, seen: dict) -> str | None:
    """The one country a sentence places its events in: a place after في (في سوريا، في
    محافظة حلب) or written with ب (بحلب), or a nisba after في + a noun (في الأراضي السورية).
    ``seen`` caches the answer by sentence."""
    if sent in seen:
        return seen[sent]
    if "places" not in seen:
        by_sent: dict[int, dict] = {}
        for c, ent in mentions:
            if c.type == "GPE" and ent.country:
                by_sent.setdefault(ctx.tokens[c.first].sent, {})[c.first] = (ent.country, c.start)
        seen["places"] = by_sent
    places = seen["places"].get(sent, {})
    tokens = ctx.tokens
    found = {country for j, (country, start) in places.items() if ctx.word(j - 1) in LOCATIVES
             or tokens[j].norm[0] == "ب" and tokens[j].start != start}
    s = ctx.doc.sentences[sent]
    for j in range(s.first_token, s.last_token):
        if tokens[j].norm in LOCATIVES:
            nis = ctx.nisba_at(j + 2)
            if j + 2 in places and ctx.word(j + 1) not in FUNCTION_WORDS:
                found.add(places[j + 2][0])
            elif nis is not None and ctx.word(j + 1) in TERRITORY:
                found.add(nis[1].iso3)
    seen[sent] = found.pop() if len(found) == 1 else None
    return seen[sent]


def _loyal_to(ctx: Context, k: int, mentions: list, cache: dict) -> tuple | None:
    """The person or body named after «الموالية/التابعة لـ» at token k (القوات الموالية
    للمخلوع علي صالح، المسلحين الموالين لتنظيم داعش); ``cache`` keeps the mentions by token."""
    if ctx.word(k + 1)[:1] != "ل":
        return None
    if "by_first" not in cache:
        cache["by_first"] = {c.first: (c, e) for c, e in mentions if e.type in ("PER", "ORG")}
    by_first = cache["by_first"]
    found = by_first.get(k + 1)
    if found is None and ctx.tokens[k + 1].kind == "word":
        found = by_first.get(k + 2)                        # للمخلوع علي صالح
        if found is not None and found[0].start != ctx.tokens[k + 2].start:
            found = None
    return found


def _forces_sector(sector: str | None, ent, day) -> str | None:
    """Forces of a person out of office (قوات صالح in 2015) or of a non-state group (قوات
    الحوثيين، قوات حزب الله) are rebels, not an army."""
    if sector != "MIL" or ent is None:
        return sector
    if ent.type == "ORG":
        return "REB" if ent.sector in NON_STATE else sector
    if ent.type != "PER" or _in_office(ent, day):
        return sector
    return "REB"


def _in_office(ent, day) -> bool:
    """A person who holds a state office on ``day``: by the knowledge base's terms when it
    lists them, else by a state sector."""
    terms = kb.field(ent.entry, "offices") if ent.entry is not None else None
    if not terms:
        return ent.sector in STATE_SECTORS
    if day is None:
        return any(not t.get("to") for t in terms)
    iso = day.isoformat()
    return any((t.get("from") or "") <= iso and _not_ended(iso, t.get("to")) for t in terms)


def _not_ended(iso: str, to: str | None) -> bool:
    return not to or iso[:len(to)] <= to              # «to» may be a year or a month


def _qualifies(ctx: Context, head: int, k: int) -> bool:
    """May the nisba at k + 1 qualify the phrase ending with word ``head`` when word k comes
    between? After a definite head, k and the nisba are its definite adjectives (feminine after
    a feminine noun: not الشرطة | الصحفي البريطاني، قوات الأمن | ثلاثة فلسطينيين); after an
    indefinite head, k is an adjective or a genitive (قوات الدفاع الإسرائيلية، شركة وانبلاس
    الصينية), but not a definite genitive with an indefinite nisba, nor a sound plural in
    another case (مسلحون مجهولون | مهندسين أتراك). A nominative plural has no construct state:
    a genitive after it starts the verb's object (مستوطنون | منازل الفلسطينيين)."""
    a, b = ctx.word(head), ctx.word(k)
    plurals = ("ين", "ون")
    if a[-2:] in plurals and b[-2:] in plurals and a[-2:] != b[-2:]:
        return False
    if not ctx.definite(head):
        if a.endswith("ون") and not b.endswith("ون"):
            return not ctx.definite(k) and not ctx.definite(k + 1)
        return ctx.definite(k + 1) or not ctx.definite(k)
    return ctx.definite(k) and ctx.definite(k + 1) and not (
        a.endswith("ه") and not b.endswith("ه") and b[-2:] not in plurals)


def _plural_pair(noun: str, adjective: str) -> bool:
    """Two sound masculine plurals in agreement, both indefinite or both definite
    (مقاتلين معارضين، المقاتلين المعارضين، مسلحون مجهولون)."""
    return (noun[:2] == "ال") == (adjective[:2] == "ال") and noun[-2:] == adjective[-2:] \
        and noun[-2:] in ("ين", "ون")


def _qualified_noun(ctx: Context, i: int) -> int | None:
    """The noun an adjective «مسلح» at token i describes: itself when it stands alone
    (قتل مسلح), the indefinite noun before it, with its nisba (طالب تونسي مسلح، عنصر مسلح);
    None after an event noun (هجوم مسلح، صراع مسلح)."""
    j = i - 1
    nis = ctx.nisba_at(j)
    if nis is not None and nis[0] == i:
        j -= 1                                             # the noun before its nisba
    if j < 0 or ctx.tokens[j].kind != "word":
        return i
    w = ctx.word(j)
    trig = ctx.longest(j, "event_triggers")
    if trig is not None and trig.entry.tense is None:
        return None
    if w.startswith("ال") or w in FUNCTION_WORDS or trig is not None and j == i - 1 \
            or w[0] in "بلك":                              # برصاص مسلح، بحق مسلح
        return i
    return j


def _home(ctx: Context, first: int, last: int, sector: str | None, home: str | None) -> str | None:
    """الحكومة، قوات الأمن، رئيس الوزراء with no nisba: the article's own country's."""
    if sector in STATE_SECTORS and any(t.norm.startswith("ال") for t in ctx.tokens[first:last]):
        return home
    return None


def _outermost(spans: list[Span]) -> list[Span]:
    out = []
    for s in spans:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out
