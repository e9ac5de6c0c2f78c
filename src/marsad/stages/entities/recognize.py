"""Name candidates from lexicon hits (countries, places, known people/organizations/facilities)
and from organization patterns (head noun + name: حزب العمال الكردستاني، وزارة الدفاع الروسية)."""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from itertools import compress, count
from operator import attrgetter

from ...knowledge.countries import capitals
from ...text.normalize import normalize, nunated
from . import kb
from .context import (
    COUNTRY_CUES,
    FUNCTION_WORDS,
    LIST_CUES,
    NAME_LINKS,
    PLACE_CUES,
    PRONOUN_ENDINGS,
    TIME_WORDS,
    Cand,
    Context,
)
from .lexicon import after_name_words, named_for_nouns, not_names, purpose_nouns

KNOWN_PRIORITY = {"people": 5, "organizations": 4, "facilities": 3, "countries": 2, "places": 1}
MAX_ORG_WORDS = 5
MAX_COMPLEMENT_WORDS = 3
CLITIC_PLACE_POPULATION = 100_000
MAX_PLACE_WORDS = 2
MAX_QUOTED_WORDS = 3
HAMZA = frozenset("أإآؤئ")
CITY_CUES = PLACE_CUES | frozenset(["جامعه", "نهر"])
NUMBER_WORDS = frozenset(["بليون", "بلايين"])   # «billion», not ب + ليون (Lyon)
SHADDA = "\u0651"
NOT_DISTRICT_NAMES = frozenset(normalize(w) for w in "الله التي الذي".split())   # حي الله
PLACE_PREFIXES = frozenset(normalize(w) for w in "ذي ذو بني بيت عين بئر رأس تل دير كفر دار".split())
QUOTES = frozenset('"\'')
MEDIA_WORDS = frozenset(normalize(w) for w in "أنباء الأنباء للأنباء الصحافة للصحافة الإعلام "
                        "للإعلام الأخبار للأخبار".split())
AMBIGUOUS_MEDIA_HEADS = frozenset(["وكاله"])
KIND_HEADS = ("PTY", "REB")     # heads naming the kind of a known body: حركة حماس = حماس
# «القوات اللبنانية» names a party; before one of these it is the country's armed forces.
FORCES_HEADS = frozenset(["القوات", "قوات"])
MILITARY_QUALIFIERS = frozenset(normalize(w) for w in "المسلحة البرية البحرية الجوية الخاصة "
                                "النظامية الحكومية".split())
# «مجموعة» (a business) and «حركة» (a party) name an armed group in a sentence about fighters,
# rebels or gunmen; a name with one of these words or a ل-complement (مجموعة الطيار للسفر)
# stays a business.
GROUP_HEADS = frozenset(["مجموعه", "حركه"])
PREPOSITIONS_WITH_YA = frozenset(["على", "إلى", "الى", "لدى", "حتى"])  # not the name علي
NOT_AREA_NAMES = frozenset(["علي", "غير"])  # منطقة على الحدود، منطقة غير مأهولة
ORDINALS = frozenset(normalize(w) for w in "الأول الأولى الثاني الثانية الثالث الثالثة الرابع "
                     "الرابعة الخامس الخامسة السادس السادسة السابع السابعة الثامن الثامنة "
                     "التاسع التاسعة العاشر العاشرة".split())
DIRECTIONS = frozenset("شمال جنوب شرق غرب شمالي جنوبي شرقي غربي".split())
FRONT_HEADS = frozenset(["جبهه"])   # جبهة تعز: a battlefront, not a body
VERBAL_HEADS = frozenset(["تنظيم"])  # also a verbal noun: تنظيم المظاهرات = organizing them
NOT_NAME_ADJECTIVES = FUNCTION_WORDS | frozenset(normalize(w) for w in "السابقة الأسبق المنحلة "
                                                  "المعنية التالية".split())
BUSINESS_WORDS = frozenset(normalize(w) for w in "القابضة الاستثمارية التجارية الصناعية المالية "
                           "الاقتصادية".split())
ARMED_SECTORS = frozenset(["REB", "UAF", "OPP"])
PEACEKEEPING = normalize("حفظ السلام")
INNER = {"ORG": ("ORG", "GPE", "PER", "FAC"), "FAC": ("GPE", "PER", "LOC")}   # حركة حماس، ميناء عدن
CAMPS = frozenset(normalize(w) for w in "مخيم المخيم مخيمات".split())
MEMBER_HEADS = frozenset(normalize(w) for w in "هيئة جمعية اتحاد".split())  # named after members
MEMBER_SECTORS = frozenset({"REL", "JRN", "MED", "EDU", "LAB"})
GENEALOGY_LINKS = frozenset(["بن", "ابن"])


def known_names(ctx: Context) -> list[Cand]:
    """The longest hit of each name lexicon at each token, filtered by context."""
    out = []
    for lexicon, prio in KNOWN_PRIORITY.items():
        for m in ctx.at(lexicon).values():
            c = _known(ctx, m)
            if c is not None:
                c.prio = prio
                if c.type == "PER" and ctx.word(c.first) in kb.TITLE_WORDS:
                    c.extra["titled"] = True  # «الملك عبدالله» loses to «عبدالله الثاني» after it
                out.append(c)
    _homographs(ctx, out)
    return [_quoted_media(ctx, c) or c if c.key[0] in "CP"
            and ctx.word(c.first - 1) in QUOTES else c for c in out]


def lone_surnames(ctx: Context, known: list[Cand]) -> list[Cand]:
    """Drop a known person named by one word when the word is another reading: a nisba-shaped
    surname (روحاني، ولايتي) in an article that names neither the person's country nor his full
    name (مشهد روحاني «a spiritual scene»، ولايتي تكساس «the two states of»), or a surname after
    a first name none of the person's names starts with (فلورنتينو بيريز is not Shimon Peres)."""
    full = {c.key for c in known if c.type == "PER" and c.last - c.first > 1}
    named = ctx.doc_countries | {m.entry.iso3 for m in ctx.at("nisba").values()}
    return [c for c in known if not (c.type == "PER" and c.last - c.first == 1 and c.key not in full
                                     and (_unlicensed(ctx, c, named) or _other_first(ctx, c)))]


def _unlicensed(ctx: Context, c: Cand, named: frozenset) -> bool:
    w = ctx.word(c.first)
    return w.endswith("ي") and not w.startswith("ال") and c.country not in named \
        and ctx.word(c.first - 1) not in kb.TITLE_WORDS            # الرئيس روحاني


def _other_first(ctx: Context, c: Cand) -> bool:
    k = c.first - 1
    w = ctx.word(k)
    if c.start != ctx.tokens[c.first].start or k < 0 or ctx.tokens[k].kind != "word" \
            or ctx.gap(c.first).strip() or "\n" in ctx.gap(c.first) or w[:1] in "وي" \
            or w.startswith("ال") or w in ctx.common or w in FUNCTION_WORDS \
            or w in ctx.known_words and w not in ctx.given or ctx.longest(k, "person_titles") \
            or not ctx.plain_name_word(k) or len(w) < 3 or w.endswith(("ات", "نا")):
        return False                # لطميات نصرالله، ذكرنا أوباما: a noun's genitive, an object
    names = [normalize(n).split() for n in [kb.field(c.entry, "name") or ""]
             + list(kb.field(c.entry, "aliases") or ()) if n]
    if ctx.word(k - 1) in NAME_LINKS or any(n[0] == ctx.word(k - 1) for n in names):
        return False                # مفرج بن سعد الحقباني، محمد سالم الغبان: his father's name
    return not any(_same_spelling(n[0], w) for n in names if len(n) > 1)


def _same_spelling(a: str, b: str) -> bool:
    """فرنسوا / فرانسوا، فريدريكا / فيديريكا: one name in two transliterations."""
    a, b = (re.sub("[اويىه]", "", x) for x in (a, b))
    return SequenceMatcher(None, a, b).ratio() >= 0.75


def _quoted_media(ctx: Context, c: Cand) -> Cand | None:
    """لـ«الشرق الأوسط»، صحيفة «الرياض»، صنعاء - «الشرق الأوسط»: a place name quoted after ل, a
    media head noun or a dateline's dash is the known news outlet of that name."""
    k = c.first - 1
    if ctx.word(c.last) not in QUOTES:
        return None
    before = ctx.word(k - 1)
    dateline = before == "-" and ctx.word(c.last + 1) == ":"     # صنعاء - «الشرق الأوسط»:
    if before != "ل" and before not in kb.MEDIA_HEADS and not dateline:
        return None
    entry = kb.media_names().get(normalize(ctx.doc.text[c.start:c.end]))
    if entry is None:
        return None
    return Cand(c.first, c.last, c.start, c.end, "ORG", key=kb.entry_key(entry), entry=entry,
                country=kb.field(entry, "country"), sector="JRN", kb=kb.entry_kb(entry),
                name_en=kb.field(entry, "name_en"), known=True,
                prio=KNOWN_PRIORITY["organizations"])


def _homographs(ctx: Context, cands: list[Cand]) -> None:
    """A country name that is also another country's city (عُمان / عمّان): the city when
    written with a shadda, right after its country's adjective (العاصمة الأردنية عمان), or
    in an article that names it once right after a place noun, a university or a river (جامعة
    كولومبيا، نهر كولومبيا), or when it is a capital and the article names its country (or a
    known facility in it) and names the other only by this homograph (كولومبيا alone is the
    country, not Columbia, S.C.)."""
    places = {c.first: c for c in cands if c.key[0] == "P" and c.last - c.first == 1}
    if not places:
        return
    pairs = []
    for c in cands:
        city = places.get(c.first) if c.key[0] == "C" else None
        if city is not None and city.country != c.country and city.last == c.last:
            pairs.append((c, city))
    if not pairs:
        return
    homographs = {c.first for c, _ in pairs}
    named = {c.country for c in cands if c.key[0] == "C" and c.first not in homographs
             or c.type == "FAC" and c.country}      # مطار الملكة علياء في عمان
    named |= {m.entry.iso3 for m in ctx.at("nisba").values()}
    cued = any(ctx.form_in(c.first - 1, CITY_CUES) is not None for c, _ in pairs)
    for c, city in pairs:
        before = ctx.by_lex["nisba"].get(c.first - 1)
        if SHADDA in ctx.doc.text[c.start:c.end] or cued \
                or (before is not None and before.entry.iso3 == city.country) \
                or (city.country in named and c.country not in named
                    and city.entry.geonameid in capitals()):
            c.prio = 0              # the city wins the tie in select()


# Titles that start the name of a thing named after a person (مستشفى الملك فهد).
NAMESAKE_TITLES = frozenset(normalize(w) for w in "الملك الأمير الأميرة الإمام الشيخ السلطان خادم "
                            "ولي".split())


def named_for(ctx: Context) -> list[tuple[int, int, tuple, int]]:
    """(first token, end of the title, (type, sector) of the thing, offset of its noun) of a
    title right after a noun of a place, institution or prize named after a person (مستشفى
    الملك فهد، جسر الملك فهد، كأس ولي العهد): with the name after it, the name of that thing,
    not a mention of the person."""
    if NAMESAKE_TITLES.isdisjoint(ctx.norms):
        return []
    nouns = named_for_nouns()
    out = []
    titled = compress(count(), map(NAMESAKE_TITLES.__contains__, ctx.norms))
    for i in titled:
        noun = ctx.form_in(i - 1, nouns)
        if noun is not None:
            m = ctx.longest(i, "person_titles")
            out.append((i, m.last if m is not None else i + 1, nouns[noun[0]], noun[1]))
    return out


def _known(ctx: Context, m) -> Cand | None:
    e = m.entry
    if m.lexicon == "countries":
        if e.ambiguous and normalize(ctx.doc.text[m.start:m.end]) in e.ambiguous \
                and not ctx.form_in(m.first - 1, COUNTRY_CUES):
            return None
        if _adjective_reading(ctx, m):
            return None
        return _known_cand(m, "GPE", ("C", e.iso3), e, e.iso3, None, None, e.name_en)
    if m.lexicon == "places":
        if e.needs_cue and not ctx.form_in(m.first - 1, PLACE_CUES) and not _listed(ctx, m):
            return None
        nis = ctx.by_lex["nisba"].get(m.first)
        if e.needs_cue and nis is not None and (nis.start, nis.end) == (m.start, m.end):
            return None             # العاصمة السويدية: the adjective, not the town السويدية
        if nunated(ctx.doc.text[m.start:m.end]):
            return None             # تاماً "completely": a word with tanween is no name
        if m.start == ctx.tokens[m.first].start and _after_honorific(ctx, m.first):
            return None             # السيد ليون: a man's name, not Lyon
        if m.start != ctx.tokens[m.first].start and not _clitic_place_ok(ctx, m):
            return None
        key = ("P", e.geonameid or e.name_en or e.name)
        return _known_cand(m, e.type, key, e, e.iso3, None, e.kb, e.name_en)
    ty, key, country, sector, kb_id, name_en = kb.facts(m.lexicon, e)
    if ty == "PER" and _inside_chain(ctx, m):
        return None                 # محمد بن مبارك بن عبدالله: not the known «بن مبارك»
    if ty not in ("PER", "ORG"):
        sector = None
    if sector != "MIL" and ctx.word(m.first) in FORCES_HEADS \
            and ctx.word(m.last) in MILITARY_QUALIFIERS:
        return None                 # القوات اللبنانية المسلحة: the army, not the party
    c = _known_cand(m, ty, key, e, country, sector, kb_id, name_en)
    if m.last - m.first == 1 and _weak(ctx, m):
        c.extra["weak"] = True      # kept only beside a fuller mention
    return c


def _inside_chain(ctx: Context, m) -> bool:
    """A known name that starts with بن/ابن (بن مبارك، بن لادن) right after a given name is
    part of another person's chain of names (محمد بن مبارك بن عبدالله الدوسري)."""
    k = m.first
    return ctx.word(k) in GENEALOGY_LINKS and m.start == ctx.tokens[k].start \
        and ctx.word(k - 1) in ctx.given and ctx.tokens[k - 1].kind == "word" \
        and not ctx.gap(k).strip() and "\n" not in ctx.gap(k)


NOT_NOUNS = COUNTRY_CUES | FUNCTION_WORDS | frozenset(["تجاه", "هذه"])  # تجاه سورية، وهذه سورية


def _adjective_reading(ctx: Context, m) -> bool:
    """A country name written like its feminine adjective (سورية) after an indefinite feminine
    noun or plural is the adjective: طائرة حربية سورية، قوات سورية، جنسيات غير سورية."""
    nis = ctx.by_lex["nisba"].get(m.first)
    if nis is None or nis.last != m.last or nis.entry.iso3 != m.entry.iso3 \
            or m.start != ctx.tokens[m.first].start or ctx.word(m.first)[:2] in ("ال", "لل"):
        return False                # (عاصمة السعودية: a definite name after a noun is its genitive)
    w = ctx.word(m.first - 1)
    titles = ctx.at("person_titles")
    if any(j in titles and titles[j].last == m.first for j in range(m.first - 3, m.first)):
        return False                # وزير خارجية سورية: the title's country
    return w == "غير" or len(w) > 3 and w.endswith(("ه", "ات")) and not w.startswith("ال") \
        and ctx.form_in(m.first - 1, NOT_NOUNS) is None \
        and "\n" not in ctx.gap(m.first)


def _after_honorific(ctx: Context, k: int) -> bool:
    """A name right after an honorific or a rank (السيد، الدكتور، العقيد) is a person's."""
    titles = ctx.at("person_titles")
    for j in range(k - 3, k):
        t = titles.get(j)
        if t is not None and t.last == k and t.entry.kind in ("honorific", "rank"):
            return True
    return False


def _known_cand(m, ty: str, key: tuple, entry, country, sector, kb_id, name_en) -> Cand:
    """The candidate of a known name's lexicon hit (positional: a keyword call costs more)."""
    return Cand(m.first, m.last, m.start, m.end, ty, "name", key, entry, country, sector, kb_id,
                name_en, None, True)


def _listed(ctx: Context, m) -> bool:
    """«محافظتي صعدة وحجة»: a name with و right after the first name of a list cue."""
    return m.start > ctx.tokens[m.first].start and ctx.word(m.first)[:1] == "و" \
        and m.first > 1 and ctx.form_in(m.first - 2, LIST_CUES) is not None


def _weak(ctx: Context, m) -> bool:
    """A one-word known name written with a hamza its entry lacks (ترأس is no تراس)."""
    surface = ctx.doc.text[m.start:m.end]
    hamzas = set(surface) & HAMZA
    if not hamzas:
        return False
    e = m.entry
    spelled = [kb.field(e, "name") or ""]
    spelled += list(kb.field(e, "aliases") or ()) + list(kb.field(e, "short") or ())
    return not any(hamzas <= set(x) for x in spelled)


def _clitic_place_ok(ctx: Context, m) -> bool:
    """بموسكو → موسكو, but not وفدا → فدا: a small place read off a longer word needs the
    whole word to be no common word."""
    whole = ctx.tokens[m.first].norm
    stem = normalize(ctx.doc.text[m.start:m.end])
    prefix = ctx.doc.text[ctx.tokens[m.first].start:m.start]
    if whole in ctx.given or whole in ctx.known_words or stem in FUNCTION_WORDS or "ك" in prefix \
            or whole in NUMBER_WORDS:
        return False                # كبيرا is no ك + بيرا (Beira)
    if prefix.endswith("س"):
        return False                # سأزور is no س + أزور (Azor): the future prefix is a verb's
    e = m.entry
    return e.geonameid is None or e.population >= CLITIC_PLACE_POPULATION or whole not in ctx.common


def org_patterns(ctx: Context, known_at: dict[int, Cand]) -> list[Cand]:
    """Head noun + name words (+ nisba) (+ ل-complement), and state institutions (+ nisba)."""
    out = []
    in_title = {j for m in ctx.at("person_titles").values() for j in range(m.first + 1, m.last)}
    for i, m in ctx.at("org_heads").items():
        if i in in_title:
            continue
        known = known_at.get(i)
        c = _extend(ctx, known) if known is not None and known.type in ("ORG", "FAC") \
            else _org(ctx, m, known_at)
        if c is not None:
            out.append(c)
    return out


def _extend(ctx: Context, known: Cand) -> Cand | None:
    """A known organization with a nisba and/or complement after it (وكالة الأناضول
    التركية للأنباء): the same entity, a longer mention."""
    k, country = known.last, known.country
    nis = ctx.nisba_at(k)
    if nis is not None:
        k, country = nis[0], country or nis[1].iso3
    after_nisba = nis is not None or ctx.nisba_at(known.last - 1) is not None
    if known.type == "ORG" and (not after_nisba or ctx.word(k).startswith("لل")):
        k = _complement(ctx, k)
    if k == known.last:
        return None
    end = ctx.tokens[k - 1].end
    return Cand(known.first, k, known.start, end, known.type, key=known.key, entry=known.entry,
                country=country, sector=known.sector, kb=known.kb, name_en=known.name_en,
                known=True)


def _org(ctx: Context, m, known_at: dict[int, Cand]) -> Cand | None:
    head = m.entry
    k = m.last
    if head.mode.startswith("named") and head.mode != "named_proper" and ctx.word(k) in QUOTES:
        return _quoted_org(ctx, m, known_at)
    if head.mode in ("numbered", "ordinal"):
        return _numbered_org(ctx, m)
    country = None
    words = 0
    inner = known_at.get(k)
    if inner is not None and (inner.start != ctx.tokens[k].start
                              or inner.type not in INNER[head.type]
                              or head.mode.startswith("institution")
                              and ctx.word(k - 1).startswith("ال")):
        inner = None    # هنأ مجلس الوزراء مصر: a definite head takes no genitive
    if inner is not None and head.mode == "named_proper" and (
            inner.key[0] == "C" or inner.key[0] == "P"
            and inner.entry.population >= CLITIC_PLACE_POPULATION):
        return None     # منفذ الأردن، معسكر ميلانو: a way into a country, a team's camp abroad
    if inner is not None:
        k = inner.last + (inner.type == "GPE" and head.mode.startswith("named")
                          and _name_adjective(ctx, inner.last, known_at))
        words += 1
        country = inner.country
    elif head.mode.startswith("named"):
        k, words = _name_words(ctx, k, known_at, head.type == "FAC", head.mode != "named")
        if words == 0 or (head.mode == "named_strict" and _generic(ctx, m.last, k)) \
                or (head.mode == "named_proper" and not _proper(ctx, m.last)):
            return None
        if head.norm in VERBAL_HEADS and not _armed_sentence(ctx, m.first):
            return None     # تنظيم البطولة، تنظيم الاستفتاء: organizing, not an organization
    nis = ctx.nisba_at(k)
    if head.mode == "institution_nisba" and nis is None:
        return None
    if nis is not None:
        k, country = nis[0], nis[1].iso3
    elif head.mode == "institution_abroad":
        country = _country_after(ctx, k, known_at)
    named = head.mode.startswith("named")
    if named and head.type == "ORG" and (nis is None or ctx.word(k).startswith("لل")):
        k = _complement(ctx, k)
    if named and words == 0:
        return None
    if head.norm in FRONT_HEADS and k == m.last + 1 and nis is None:
        return None if inner is not None else _front(ctx, m.last)
    end = ctx.tokens[k - 1].end
    if inner is not None and inner.type == "ORG" and (head.sector in KIND_HEADS or (
            head.sector == inner.sector == "BUS")):  # حركة حماس، شركة سيمنز الألمانية
        return Cand(m.first, k, m.start, end, "ORG", key=inner.key, entry=inner.entry,
                    country=inner.country or country, sector=inner.sector, kb=inner.kb,
                    name_en=inner.name_en, known=True)
    name = normalize(ctx.doc.text[m.start:end])
    if _not_name(name):
        return None         # أعضاء هيئة التدريس، حركة النقل والمرور: no body
    institution = head.mode.startswith("institution") and k - m.last <= 1
    key = ("I", head.norm, country) if institution else ("O", name)
    sector = _member_sector(ctx, m.last) if head.norm in MEMBER_HEADS else None
    sector = sector or head.sector
    if sector == "JRN" and head.norm in AMBIGUOUS_MEDIA_HEADS \
            and not MEDIA_WORDS & set(name.split()):
        sector = "GOV"      # وكالة الأمن القومي، وكالة الطاقة: an agency, not a news agency
    if PEACEKEEPING in name:
        sector = "MIL"      # بعثة الأمم المتحدة لحفظ السلام: peacekeepers
    elif head.norm in GROUP_HEADS and k == _complement(ctx, k) \
            and not BUSINESS_WORDS & set(name.split()) and _armed_sentence(ctx, m.first):
        sector = "REB"      # مجموعة سوريا الجديدة among fighters: an armed group
    return Cand(m.first, k, m.start, end, head.type, key=key, country=country,
                sector=sector, extra={"head": head, "inner": inner})


def _front(ctx: Context, k: int) -> Cand | None:
    """جبهة دوفس: «جبهة» + one word is a battlefront, the word a place (LOC) unless it is a
    common word or more words follow it (جبهة قتال واحدة); bodies so named have longer names
    or are known (جبهة النصرة). A place may be followed by ب + place or a direction."""
    nxt = ctx.word(k + 1)
    ends = k + 1 >= ctx.n or ctx.tokens[k + 1].kind != "word" or nxt in FUNCTION_WORDS \
        or nxt in DIRECTIONS or ctx.nisba_at(k + 1) is not None \
        or nxt[:1] in "بو" and nxt not in ctx.common
    if ctx.word(k) in ctx.common or not ctx.plain_name_word(k) or not ends:
        return None
    start, end = ctx.tokens[k].start, ctx.tokens[k].end
    return Cand(k, k + 1, start, end, "LOC", key=("P", normalize(ctx.doc.text[start:end])))


def _country_after(ctx: Context, k: int, known_at: dict[int, Cand]) -> str | None:
    """The country of a country or place named right after token k, or after في or a place
    noun there (مجلس الشيوخ في فرنسا، مجلس الشيوخ لولاية كاليفورنيا)."""
    place = known_at.get(k)
    if place is None and (ctx.word(k) == "في" or ctx.form_in(k, PLACE_CUES) is not None):
        place = known_at.get(k + 1)
    return place.country if place is not None and place.type == "GPE" else None


def _not_name(name: str) -> bool:
    """The name is, or starts with, a head + common word compound that names no body."""
    words = name.split()
    return any(" ".join(words[:n]) in not_names() for n in range(2, len(words) + 1))


def _member_sector(ctx: Context, k: int) -> str | None:
    """هيئة علماء المسلمين، جمعية الصحفيين: a body named after its members has their sector."""
    noun = ctx.at("actor_nouns").get(k)
    return noun.entry.sector if noun is not None and noun.entry.sector in MEMBER_SECTORS else None


def _quoted_org(ctx: Context, m, known_at: dict[int, Cand]) -> Cand | None:
    """مجموعة «سوريا الجديدة»، شركة «بيانات»: a quoted name of 1–3 words after a head is the
    name (the quoted words); a known name there stands for itself."""
    first = m.last + 1
    close = _closing_quote(ctx, first)
    if close is None or any(c.last == close for j in range(first, close)
                            if (c := known_at.get(j)) is not None and c.known):
        return None
    head = m.entry
    start, end = ctx.tokens[first].start, ctx.tokens[close - 1].end
    name = normalize(ctx.doc.text[start:end])
    sector = head.sector
    if head.norm in GROUP_HEADS and _armed_sentence(ctx, m.first):
        sector = "REB"
    return Cand(first, close, start, end, head.type, key=("O", f"{head.norm} {name}"),
                sector=sector, extra={"head": head})


def _numbered_org(ctx: Context, m) -> Cand | None:
    """الفرقة 30، المنطقة العسكرية الرابعة: a unit named by its number (or, for an
    ``ordinal`` head, its ordinal); rebels in a sentence about fighters."""
    k = m.last
    head = m.entry
    if k >= ctx.n or ctx.gap(k) != " " or not (ctx.tokens[k].kind == "num" or (
            head.mode == "ordinal" and ctx.word(k) in ORDINALS)):
        return None
    end = ctx.tokens[k].end
    sector = "REB" if head.mode == "numbered" and _armed_sentence(ctx, m.first) else head.sector
    name = normalize(ctx.doc.text[m.start:end])
    if not name.startswith("ال"):
        name = "ال" + name
    return Cand(m.first, k + 1, m.start, end, "ORG", key=("O", name), sector=sector,
                extra={"head": head})


def _name_adjective(ctx: Context, k: int, known_at: dict[int, Cand]) -> bool:
    """مجموعة سوريا الجديدة، حزب مصر القوية: a definite feminine adjective after a country
    name inside an organization name (not a nisba, a title or a known name)."""
    w = ctx.word(k)
    return w.startswith("ال") and w.endswith("ه") and len(w) > 4 and w not in NOT_NAME_ADJECTIVES \
        and ctx.tokens[k].kind == "word" and k not in known_at and ctx.nisba_at(k) is None \
        and ctx.longest(k, "person_titles") is None and ctx.gap(k) == " "


def _armed_sentence(ctx: Context, i: int) -> bool:
    """The sentence of token i names fighters, gunmen, rebels or the opposition."""
    sent = ctx.doc.sentences[ctx.tokens[i].sent]
    nouns = ctx.at("actor_nouns")
    return any((a := nouns.get(j)) is not None and a.entry.sector in ARMED_SECTORS
               for j in range(sent.first_token, sent.last_token))


# Relative pronouns and participles that start a clause after a name when joined with و
# (وزارة الإسكان والتي، وزارة الخدمة المدنية والبالغ عددها، والتابعة لها).
CLAUSE_STARTS = frozenset(normalize(w) for w in "التي الذي الذين اللذين اللتين اللاتي اللواتي "
                          "البالغ البالغة البالغين المتوقع المتوقعة المتضمن المتضمنة المتعلق "
                          "المتعلقة التابع التابعة المنبثق المنبثقة المذكور المذكورة".split())


def _name_words(ctx: Context, k: int, known_at: dict[int, Cand], facility: bool,
                strict: bool = False) -> tuple[int, int]:
    """Words of an organization name after its head: up to two name words, then definite
    words (وكالة دوجان، حزب العمال الكردستاني، تكتل التغيير والإصلاح). A facility's name
    stops at any known name (not «فندق الأمم المتحدة»)."""
    words, indefinite, definite = 0, 0, False
    start = k
    while k < ctx.n and words < MAX_ORG_WORDS:
        t = ctx.tokens[k]
        w = t.norm
        if t.kind not in ("word", "latin", "num") or "\n" in ctx.gap(k) \
                or (k in known_at and (words or facility)):
            break
        if w in FUNCTION_WORDS or w in TIME_WORDS or ctx.nisba_at(k) is not None \
                or ctx.longest(k, "person_titles") is not None or w.endswith(PRONOUN_ENDINGS):
            break
        coordinated = definite and w.startswith("وال") and ctx.word(k - 1).startswith("ال") \
            and w[1:] not in CLAUSE_STARTS
        if w[0] == "و" and not coordinated:
            break
        is_def = w.startswith("ال") or w.startswith("وال")
        if definite and w.startswith("ال") and ctx.word(k - 1).startswith(("ال", "وال")) \
                and (w in after_name_words() or _derived_masdar(w)):
            break           # وأيدت محكمة الاستئناف الحكم: the object, not an adjective
        if t.kind == "word" and not is_def:
            if definite or w[0] == "ل" or indefinite == 2 \
                    or (words == 0 and (_agrees(ctx, start - 1, w) or strict
                                        and _verb_reading(ctx, start - 1, k))):
                break
            construct = ctx.word(k + 1).startswith("ال") and words == 0
            if not ctx.is_name_word(w) and not construct:
                break
            indefinite += 1
        elif is_def and indefinite > 1:
            break
        definite = definite or is_def
        k += 1
        words += 1
    if words and not definite and not _boundary(ctx, k):
        return start, 0
    return k, words


# Definite verbal nouns of derived verbs, by verb form (normalized: hamza folded to ا).
DERIVED_MASDAR = re.compile(r"""ال(?:
      ا.ت.ا.      # VIII  الاعتراف
    | ان..ا.      # VII   الانتهاء
    | است..ا.     # X     الاستقرار
    | ا..ا.       # IV    الإسراع
    | ت..ي.       # II    التحقيق
    | ت.ا..       # VI    التعاون
    | ت...        # V     التأكد
    )""", re.VERBOSE)
NISBA_OR_PLURAL = ("ي", "يه", "ين", "ون", "ات")


def _derived_masdar(w: str) -> bool:
    """A definite verbal noun of a derived verb (الاعتراف، التحقيق): a noun, never an adjective
    of the name before it. (Nisbas and plurals of the same shape are adjectives or names.)"""
    return DERIVED_MASDAR.fullmatch(w) is not None and not w.endswith(NISBA_OR_PLURAL)


def _generic(ctx: Context, first: int, last: int) -> bool:
    """حركة البناء، مركز الشرطة: a common head with only common words after it, and no
    nisba or complement to make it a name."""
    return all(ctx.word(j) in ctx.common for j in range(first, last)) \
        and ctx.nisba_at(last) is None and not ctx.word(last).startswith("لل")


def _proper(ctx: Context, k: int) -> bool:
    """The first name word after a ``named_proper`` head is an Arabic word that is no common
    word nor an indefinite adjective (منفذ الطوال, not منفذ الهجوم «the attacker», منفذ بري
    «a land crossing» nor منفذ USB «a port»)."""
    w = ctx.word(k)
    return ctx.tokens[k].kind == "word" and w not in ctx.common and w[2:] not in ctx.common \
        and (w.startswith("ال") or not ctx.doc.text[ctx.tokens[k].end - 1] == "ي")


def _agrees(ctx: Context, head: int, w: str) -> bool:
    """An indefinite feminine adjective after a feminine head (مجموعة مسلحة) is no name."""
    return ctx.word(head).endswith("ه") and w.endswith("ه")


def _verb_reading(ctx: Context, head: int, k: int) -> bool:
    """«حركة تقتضي من صاحبها»، «حركة تحرر وطني»، «جماعة تزعم ولاءها»: a word in ت after an
    indefinite feminine head (ي after a masculine one), with no definite word or plain name
    word after it, is a verb or verbal noun (not حركة تحرير السودان، مجموعة ترينيتي ميرور)."""
    w, nxt = ctx.word(k), k + 1
    if w[0] != ("ت" if ctx.word(head).endswith("ه") else "ي") or len(w) < 4:
        return False
    if nxt >= ctx.n or ctx.tokens[nxt].kind != "word" or ctx.gap(nxt).strip():
        return True
    after = ctx.word(nxt)
    return not after.startswith("ال") and (after in ctx.common or not ctx.plain_name_word(nxt))


def _boundary(ctx: Context, k: int) -> bool:
    """An indefinite name (مجموعة إيني) must end at punctuation, a particle or a nisba."""
    if k >= ctx.n or ctx.tokens[k].kind != "word":
        return True
    w = ctx.word(k)
    return w in FUNCTION_WORDS or w[0] == "و" or ctx.nisba_at(k) is not None or w[:2] == "لل"


def _complement(ctx: Context, k: int) -> int:
    """A ل/لل complement: one noun, then one definite genitive (لحقوق الإنسان), and after
    it only a coordinated noun or an adjective (للنفط والغاز، لدول الخليج العربية)."""
    w = ctx.word(k)
    if not (w.startswith("لل")
            or (w.startswith("ل") and len(w) > 3 and ctx.word(k + 1).startswith("ال"))):
        return k
    if ctx.tokens[k].kind != "word" or w in FUNCTION_WORDS \
            or w[2 if w.startswith("لل") else 1:] in purpose_nouns():  # للمطالبة: a purpose
        return k
    k += 1
    extra = 0
    while k < ctx.n and extra < MAX_COMPLEMENT_WORDS and ctx.tokens[k].kind == "word":
        w = ctx.word(k)
        if not (w.startswith("ال") or w.startswith("وال")) or w in FUNCTION_WORDS \
                or w[1:] in CLAUSE_STARTS or ctx.longest(k, "person_titles") is not None:
            break
        if extra and not (w.startswith("وال") or w.endswith(("يه", "ي")) or ctx.nisba_at(k)):
            break
        k += 1
        extra += 1
    return k


def place_patterns(ctx: Context, taken: set[int]) -> list[Cand]:
    """Unlisted places after a place noun: بلدة سيفاري، جبل عروس، مديرية «مشرعة وحدنان»,
    قرى سيعة، وذي مهنة، ومحزف. A natural feature keeps its noun in the name (جبل صبر)
    unless the name is quoted; a settlement never does."""
    out = []
    for i, m in ctx.at("place_nouns").items():
        if i in taken or i + 1 >= ctx.n or i + 1 in taken:
            continue
        ty, plural = m.entry.type, m.entry.plural
        k = i + 1
        quoted = ctx.tokens[k].kind == "punct" and ctx.tokens[k].norm in QUOTES
        k += quoted
        close = _closing_quote(ctx, k) if quoted and not plural else None
        if close is not None:           # مديرية «مشرعة وحدنان»، جبل «صبر»: the quoted words
            start, end = ctx.tokens[k].start, ctx.tokens[close - 1].end
            key = ("P", normalize(ctx.doc.text[start:end]))
            out.append(Cand(k, close, start, end, ty, key=key, extra={"quoted": True}))
            continue
        start = m.start if ty == "LOC" and not quoted else None
        if m.entry.area and not quoted and not _area_name(ctx, k) \
                and not (m.entry.definite and _definite_name(ctx, k, ctx.word(k))):
            continue
        while k is not None and k < ctx.n:
            last = _place_words(ctx, k, taken, m.entry.definite)
            if last == k:
                break
            if start is None:
                start = _after_waw(ctx, k) if ctx.word(k)[0] == "و" else ctx.tokens[k].start
            end = ctx.tokens[last - 1].end
            first = i if start == m.start else k
            key = ("P", normalize(ctx.doc.text[start:end]))
            out.append(Cand(first, last, start, end, ty, key=key, country=_place_country(ctx, i, last)))
            k, start = (_next_item(ctx, last), None) if plural else (None, None)
    return out


def _place_country(ctx: Context, noun: int, k: int) -> str | None:
    """جزيرة لامبيدوزا الإيطالية، جبل الشعانبي التونسي: a country adjective after the name (not
    after a camp: مخيم اليرموك الفلسطيني names its people)."""
    nis = ctx.nisba_at(k) if k < ctx.n else None
    camp = any(stem in CAMPS for stem, _ in ctx.tokens[noun].readings)
    return nis[1].iso3 if nis is not None and not camp else None


def replace_inner_places(ctx: Context, names: list[Cand],
                         places: list[Cand]) -> tuple[list, list]:
    """A quoted place name (مديرية «مشرعة وحدنان») replaces a known place read inside it, there
    or a place read by pattern, there and where the same words recur unquoted; one that is a
    known place itself, or holds a known person or organization, is dropped."""
    quoted = [p for p in places if p.extra.get("quoted")]
    if not quoted:
        return names, places
    quoted += _repeats(ctx, quoted)
    plain = [p for p in places if not p.extra.get("quoted")]
    inner = {id(p): [c for c in names + plain if p.first <= c.first and c.last <= p.last]
             for p in quoted}
    bad = {id(p) for p in quoted if any(c.type not in ("GPE", "LOC") or c.known and c.last
                                        - c.first == p.last - p.first for c in inner[id(p)])}
    drop = {id(c) for pid, cs in inner.items() if pid not in bad for c in cs}
    places = [p for p in plain + quoted if id(p) not in bad and id(p) not in drop]
    return [c for c in names if id(c) not in drop], places


def _repeats(ctx: Context, quoted: list[Cand]) -> list[Cand]:
    """Unquoted recurrences of a quoted name of two or more words (مديرية مشرعة وحدنان)."""
    out = []
    starts = {p.first for p in quoted}
    for p in quoted:
        words = [ctx.word(j) for j in range(p.first, p.last)]
        if len(words) < 2:
            continue
        for i in range(ctx.n - len(words) + 1):
            if i not in starts and ctx.word(i) == words[0] and all(
                    ctx.word(i + n) == w for n, w in enumerate(words[1:], 1)):
                end = ctx.tokens[i + len(words) - 1].end
                out.append(Cand(i, i + len(words), ctx.tokens[i].start, end, p.type, key=p.key,
                                extra={"quoted": True}))
    return out


def _closing_quote(ctx: Context, k: int) -> int | None:
    """The token index of the quote mark closing a 1–3 word name that starts at token k."""
    j = k
    while j < ctx.n and j - k <= MAX_QUOTED_WORDS:
        t = ctx.tokens[j]
        if t.kind == "punct":
            return j if t.norm in QUOTES and j > k else None
        if t.kind != "word" or t.norm in FUNCTION_WORDS or "\n" in ctx.gap(j):
            return None
        j += 1
    return None


def _area_name(ctx: Context, k: int) -> bool:
    """After «منطقة» or «ضاحية» a name, not an adjective or a verb (منطقة عازلة، منطقة غير
    مأهولة، منطقة يقطنها): no common clitic reading, no indefinite feminine ending, and no
    imperfect-verb prefix; another place noun (منطقة جبل …) names the place itself."""
    w = ctx.word(k)
    return k < ctx.n and ctx.tokens[k].kind == "word" and k not in ctx.at("place_nouns") \
        and ctx.plain_name_word(k) \
        and w not in FUNCTION_WORDS and w not in NOT_AREA_NAMES and w[0] not in "يت" \
        and not (w.endswith(("ه", "اء")) and not w.startswith("ال"))


def _place_words(ctx: Context, k: int, taken: set[int], definite: bool = False) -> int:
    """End of an unlisted place name at token k (1–2 name words, or a toponym prefix
    such as ذي، بني، بيت، عين + a name word); a list item may start with و. After a noun
    whose places bear ordinary names (حي), one definite word is a name too (حي الروضة)."""
    first = ctx.word(k)
    if first[:1] == "و" and len(first) > 2:
        first = first[1:]
    if definite and _definite_name(ctx, k, first) and k not in taken:
        return k + 1
    if first in PLACE_PREFIXES:
        nxt = k + 1
        ok = nxt < ctx.n and nxt not in taken and ctx.tokens[nxt].kind == "word" \
            and ctx.word(nxt) not in FUNCTION_WORDS and ctx.word(nxt)[0] != "و"
        return k + 2 if ok else k
    last = k
    while last < ctx.n and last - k < MAX_PLACE_WORDS and last not in taken:
        w = ctx.word(last) if last > k else first
        if ctx.tokens[last].kind != "word" or not ctx.is_name_word(w) or ctx.nisba_at(last) \
                or w[0] == "و" or w in FUNCTION_WORDS or ctx.pronoun_suffixed(last) \
                or ctx.doc.text[ctx.tokens[last].start:ctx.tokens[last].end] in PREPOSITIONS_WITH_YA \
                or (last > k and (not ctx.plain_name_word(last) or w in ctx.given)):
            break
        last += 1
    return last


def _definite_name(ctx: Context, k: int, w: str) -> bool:
    """A definite word that may name a district (الروضة، الشاطئ), not a function word, a
    time word, a title (حي الأمير …), a nisba adjective or a pronoun-suffixed noun."""
    return ctx.tokens[k].kind == "word" and w.startswith("ال") and len(w) > 4 \
        and w not in FUNCTION_WORDS and w not in TIME_WORDS and w not in NOT_DISTRICT_NAMES \
        and ctx.longest(k, "person_titles") is None and ctx.nisba_at(k) is None \
        and not ctx.pronoun_suffixed(k)


def _next_item(ctx: Context, k: int) -> int | None:
    """The next item of a list after a plural place noun: «، X» or «وX» or «، وX»."""
    if k < ctx.n and ctx.word(k) == ",":
        return k + 1 if k + 1 < ctx.n else None
    if k < ctx.n and ctx.word(k)[:1] == "و" and len(ctx.word(k)) > 2:
        return k
    return None


def _after_waw(ctx: Context, k: int) -> int:
    """Original offset of the letter after a conjunction و that starts token k."""
    text, i = ctx.doc.text, ctx.tokens[k].start + 1
    while i < ctx.tokens[k].end and not text[i].isalpha():
        i += 1
    return i


def _rank(c: Cand) -> tuple:
    return c.first - c.last, not c.known, -c.prio, c.extra.get("titled", False), c.first


def best_at(cands: list[Cand]) -> dict[int, Cand]:
    """First token → the candidate ``select`` would prefer among those starting there."""
    out: dict[int, Cand] = {}
    for c in cands:
        old = out.get(c.first)
        if old is None or _rank(c) < _rank(old):
            out[c.first] = c
    return out


def select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates: longer first, then known before pattern, then priority.
    A BLOCK candidate (مسقط رأس، ولاية الفقيه) wins its tokens; the caller drops it."""
    ranked = sorted(cands, key=_rank)
    taken: set[int] = set()
    out = []
    for c in ranked:
        if c.last - c.first == 1:
            if c.first in taken:
                continue
            taken.add(c.first)
        else:
            span = range(c.first, c.last)
            if not taken.isdisjoint(span):
                continue
            taken.update(span)
        out.append(c)
    out.sort(key=attrgetter("first"))
    return out
