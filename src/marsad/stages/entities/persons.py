"""Titles and person names: «الرئيس الروسي فلاديمير بوتين», «وزير الخارجية المصري سامح شكري»,
«العميد أحمد عسيري», «نظيره الألماني», and names that start with a known given name."""
from __future__ import annotations

from dataclasses import replace

from ...text.normalize import normalize, nunated
from . import kb
from .context import FUNCTION_WORDS, NAME_LINKS, PRONOUN_ENDINGS, Cand, Context
from .lexicon import Title, definite_words, family_names, named_for_nouns

MAX_NAME_WORDS = 4
MODIFIERS = frozenset(normalize(w) for w in "نائب مساعد المساعد وكيل القائم بأعمال".split())
ON_BEHALF = frozenset(["باسم"])
# Adjectives between a title and its name (الرئيس الشرعي، الرئيس اليمني السابق). After a
# FORMER one the title names no current office holder.
FORMER = frozenset(normalize(w) for w in "السابق السابقة الأسبق المخلوع الراحل الراحلة المعزول "
                   "المستقيل".split())
TITLE_ADJECTIVES = FORMER | frozenset(normalize(w) for w in "الشرعي المنتخب الجديد الجديدة "
                                      "المؤقت الانتقالي الحالي الحالية".split())
GENEALOGY = frozenset(["بن", "ابن", "بنت"])
# Adjectives with the article that follow names of months, places and feasts, never a
# surname (رمضان المبارك، مكة المكرمة).
NOT_SURNAMES = frozenset(normalize(w) for w in "المبارك الكريم المعظم المكرمة المنورة المقدس "
                         "الأول الثاني الثالث الأخير".split())
# Given names that are also frequent words (علي = على، حسن = good، باسم = in the name of): after
# a title they start a name only before a given name or a known name word; without a
# title they start none.
WEAK_GIVEN = frozenset(["علي", "حسن", "باسم"])
# Given names that are common words too (جو «weather», يزيد «increases», نادر «rare»): the word
# after them is no surname when it is mostly written with the article (جو أسري، نادر متعلق).
COMMON_GIVEN = frozenset(normalize(w) for w in "جو يزيد أية نور عزيز نادر كامل هادي أمل جان "
                         "صالح نادية مؤيد سعيد جمال وسام نصر شي".split())
# Ranks that are common nouns too (الفريق «the team»): a one-word name after them is a given
# name or a known name word.
TEAM_RANKS = frozenset([normalize("الفريق")])
COMPANY_HEADS = frozenset(normalize(w) for w in "شركة لشركة وشركة مجموعة لمجموعة".split())
COMPOUND_ENDS = frozenset(normalize(w) for w in "الدين العابدين".split())  # عماد الدين أديب


def titled(ctx: Context, names_at: dict[int, Cand], taken: set[int]) -> list[Cand]:
    """Nominal title phrases (kind nominal), each with the name that follows it, if any.

    Returns nominal Cands; a following name is attached as ``extra["name"]`` (a PER Cand).
    """
    out = []
    done = -1
    for i in sorted(ctx.at("person_titles")):
        if i < done or i in taken:
            continue
        c = _title_phrase(ctx, i, names_at)
        if c is None:
            continue
        name = _name_after(ctx, c.last, names_at, c.title, c.country is not None)
        if name is not None:
            c.extra["name"] = name
        out.append(c)
        done = name.last if name is not None else c.last
    return out


def _title_phrase(ctx: Context, i: int, names_at: dict[int, Cand]) -> Cand | None:
    m = ctx.longest(i, "person_titles")
    if m is None or m.entry.plural:
        return None
    title = "counterpart" if m.entry.kind == "counterpart" else m.entry
    if m.entry.kind == "construct":
        if _country_at(ctx, m.last, names_at) is None:
            return None                     # ملك الدولة: property; أمير عبد اللهيان: a name
        title = replace(m.entry, kind="office")
    if m.entry.kind == "rank" and _police_title_before(ctx, i):
        title = replace(m.entry, sector="COP")  # مدير شرطة منطقة عسير اللواء …: a police officer
    k, start = m.last, m.start
    country, org, end = None, None, None
    former = posted_at = False  # (a title after an envoy's post is another person's)
    for _ in range(4):                      # stacked: نائب الرئيس رئيس الوزراء اليمني
        nis = ctx.nisba_at(k)
        if nis is not None and ctx.definite(k - 1) and not ctx.definite(k):
            nis = None                      # الشيخ تركي بن عبد الله: a name, not «Turkish»
        if nis is not None and country is not None and nis[1].iso3 != country:
            break                           # وزير الخارجية الإيراني | السعودية: the object
        if nis is not None and not _object_country(ctx, k, org, nis[1].iso3):
            k, country = nis[0], nis[1].iso3
            continue
        if ctx.word(k) in TITLE_ADJECTIVES and end is None and title != "counterpart" \
                and title.kind in ("office", "role"):     # not the rank الفريق الجديد
            former = former or ctx.word(k) in FORMER
            k += 1
            continue
        posted = ctx.word(k) in POSTED_TO and title != "counterpart" and (country or title.country) \
            and normalize(title.phrase).split()[0] in ENVOYS
        dest = _country_at(ctx, k + 1, names_at) if posted else None
        if dest is not None and end is None:
            k, posted_at = dest.last, True      # المبعوث الأممي إلى سوريا، سفير السعودية لدى مصر
            continue
        if ctx.word(k) in ON_BEHALF and k + 1 in names_at:
            org = names_at[k + 1]
            k = org.last
            continue
        nation = _country_at(ctx, k, names_at)
        if nation is not None and country is None and org is None and title != "counterpart" \
                and end is None and not ctx.definite(k - 1):
            country, k = nation.country, nation.last   # أمير قطر، رئيس مصر، وزير خارجية الأردن
            if title.sector == "UNK":           # رئيس (of whatever follows) + a country: its head
                title = replace(title, sector="GOV", office="head_of_state", kind="office")
            continue
        inner = names_at.get(k)
        if inner is not None and inner.type in ("ORG", "FAC") and org is None \
                and title != "counterpart" and country is None:  # not after a nisba: وزير
            # الدفاع الإسرائيلي حزب الله (the adjective ends the construct)
            org = inner
            k = inner.last
            continue
        m2 = ctx.longest(k, "person_titles")
        if m2 is not None and m2.entry.kind in ("honorific", "rank") and title != "counterpart" \
                and end is None and m2.start == ctx.tokens[k].start:
            end = ctx.tokens[k - 1].end          # وزير العدل الشيخ وليد …: the name follows
            k = m2.last
            continue
        if m2 is not None and m2.entry.country and title != "counterpart" and not m2.entry.plural \
                and m2.start == ctx.tokens[k].start and end is None and country is None \
                and not ctx.definite(m.last - 1):
            country, k = m2.entry.country, m2.last   # سفير خادم الحرمين الشريفين: the king's
            if normalize(title.phrase) in MODIFIERS:  # his deputy: the king's sector, no office
                title = replace(m2.entry, office=None)
            continue
        if m2 is not None and not m2.entry.plural and m2.start == ctx.tokens[k].start and not posted_at \
                and m2.entry.kind not in ("honorific", "counterpart", "construct") and end is None \
                and not _another_person(ctx, title, m2, country):
            modifier = title != "counterpart" and normalize(title.phrase) in MODIFIERS
            complement = ctx.word(k)[0] == "ل" and normalize(m2.entry.phrase)[0] != "ل"
            if title != "counterpart" and (m2.entry.office or modifier) and not complement:
                # نائب المدير التنفيذي: the director's sector; مستشار أمير المنطقة (in construct,
                # nothing between): the emir's adviser, not the emir
                construct = k == m.last and not ctx.definite(m.last - 1)
                title = replace(m2.entry, office=None) if construct else m2.entry
            k = m2.last
            continue
        break
    end = end or ctx.tokens[k - 1].end
    if country is None and isinstance(title, Title):
        country = title.country     # المستشارة الألمانية: the title names its country
    c = Cand(i, k, start, end, "PER", kind="nominal", country=country, title=title)
    if former:
        c.extra["former"] = True
    if isinstance(title, Title) and title.possessive:
        c.extra["possessive"] = ctx.tokens[m.last - 1].norm   # وزير خارجيتها
    if org is not None:
        c.extra["org"] = org
        c.country = c.country or org.country
    return c


POLICE_SPAN = 7         # words from a police body to the rank after it (مدير شرطة منطقة مكة المكرمة اللواء)


def _police_title_before(ctx: Context, i: int) -> bool:
    """A rank right after a title phrase of a police or security body (COP: الشرطة، الجوازات،
    الدفاع المدني، حرس الحدود), as in «الناطق الإعلامي بشرطة الشرقية العقيد», with no
    punctuation or function word between; the body must follow a title (مدير، قائد، الناطق)
    within three words (or end a title with it: مدير شرطة), so «اعتقلت الشرطة العقيد» is not
    one."""
    sent = ctx.tokens[i].sent
    for j in range(i - 1, max(i - POLICE_SPAN, 0) - 1, -1):
        t = ctx.tokens[j]
        if t.kind != "word" or t.sent != sent or (t.norm in FUNCTION_WORDS and t.norm != "في"):
            return False
        title = ctx.longest(j, "person_titles")
        if title is not None and title.entry.sector == "COP" and title.last <= i:
            return True                 # مدير جوازات حائل العميد، مدير الأمن العام الفريق
        m = ctx.longest(j, "actor_nouns")
        if m is not None and m.last <= i and m.entry.sector == "COP":
            titles = (ctx.longest(h, "person_titles") for h in range(max(j - 6, 0), j))
            return any(t is not None and j - 3 <= t.last <= m.last for t in titles)
    return False


POSTED_TO = frozenset(normalize(w) for w in "إلى لدى".split())  # an envoy's or ambassador's post
ENVOYS = frozenset(normalize(w) for w in "مبعوث المبعوث سفير السفير مندوب المندوب موفد الموفد "
                   "قنصل القنصل".split())
STATE_WORDS = frozenset(normalize(w) for w in "جمهورية دولة مملكة سلطنة إمارة".split())


def _country_at(ctx: Context, k: int, names_at: dict[int, Cand]) -> Cand | None:
    """The country named at token k (no proclitic), if any; after a state word (رئيس جمهورية
    السنغال، أمير دولة الكويت) the country named right after it."""
    c = names_at.get(k)
    if c is None and ctx.word(k) in STATE_WORDS and k + 1 < ctx.n:
        c = names_at.get(k + 1)
        k += 1
    return c if c is not None and c.key[:1] == ("C",) and c.start == ctx.tokens[k].start else None


def _object_country(ctx: Context, k: int, org, iso3: str) -> bool:
    """«توعد زعيم الحوثيين السعودية»: a feminine country word after a title and another
    country's organization agrees with neither: it is the verb's object, not the title's
    adjective (unlike «رئيس الفيفا السابق الفرنسي»)."""
    return org is not None and bool(org.country) and org.country != iso3 and ctx.word(k).endswith("ه")


def _another_person(ctx: Context, title, m2, country: str | None) -> bool:
    """«استقبل الرئيس المصري وزير الخارجية الأمريكي»: after a title closed by its country
    adjective (or naming its country), a title of another office with another country's adjective names another person
    (not «نائب رئيس الوزراء التركي وزير الخارجية», one person with two offices)."""
    if title != "counterpart" and country is None:
        country = title.country                 # خادم الحرمين الشريفين | الرئيس الفرنسي
    if country is None or title == "counterpart" or not m2.entry.office:
        return False
    other = ctx.nisba_at(m2.last)
    return other is not None and other[1].iso3 != country


def _name_after(ctx: Context, k: int, names_at: dict[int, Cand], title,
                nisba: bool = False) -> Cand | None:
    """A person name right after a title: a known person, or 1–4 name words."""
    if "\n" in ctx.gap(k):
        return None
    known = names_at.get(k)
    last = name_span(ctx, k, names_at, titled="nisba" if nisba else True)
    if known is not None and known.type == "PER" and known.last - known.first > 1 \
            and not _longer_name(ctx, known.last, last):
        last = known.last           # جون كيري سيتوجه: a verb after a known name ends it
    if known is not None and (known.type != "PER" or known.last >= last):
        return known if known.type == "PER" and known.start == ctx.tokens[k].start else None
    if last == k:
        return None
    if last - k == 1 and title != "counterpart" and normalize(title.phrase) in TEAM_RANKS \
            and ctx.word(k) not in ctx.given and ctx.word(k) not in ctx.known_words:
        return None                 # الفريق جاهز، الفريق ضمك: the team, not a general
    if last - k == 1 and not _single_ok(ctx, k, title):
        return None
    surname = names_at.get(last - 1)
    if last - k == 2 and surname is not None and surname.type == "PER" and surname.known \
            and not _other_given_name(ctx, k, surname):
        return _with_surname(ctx, k, surname)
    return _person(ctx, k, last)


def _other_given_name(ctx: Context, k: int, surname: Cand) -> bool:
    """«هشام الفالح» is not the known «خالد الفالح»: a known given name before a known surname
    that none of that person's names starts with."""
    word = ctx.word(k)
    if word not in ctx.given:
        return False                # فرنسوا هولاند: a spelling of his own first name
    names = [kb.field(surname.entry, "name") or ""] + list(kb.field(surname.entry, "aliases") or ())
    return all(normalize(n).split()[:1] != [word] for n in names)


def _with_surname(ctx: Context, k: int, surname: Cand) -> Cand:
    """فرنسوا هولاند with the surname known alone (هولاند): the known person, a longer
    mention."""
    c = surname
    return Cand(k, c.last, ctx.tokens[k].start, c.end, "PER", key=c.key, entry=c.entry,
                country=c.country, sector=c.sector, kb=c.kb, name_en=c.name_en, known=True)


def _longer_name(ctx: Context, first: int, last: int) -> bool:
    """Words after a known full name continue it only when they are name words themselves."""
    return all(ctx.word(j) in ctx.given or ctx.word(j) in ctx.known_words
               or ctx.word(j) in NAME_LINKS or ctx.word(j).startswith("ال")
               for j in range(first, last))


def _single_ok(ctx: Context, k: int, title) -> bool:
    """One word after a title is a name when known, or an unknown word with no clitic
    reading and no accusative ending (not قانونا، بتسييس، كمبعوثة)."""
    w = ctx.word(k)
    if w in ctx.known_words and w not in ctx.given and w not in ctx.common \
            and (not w.startswith("ال") or w in kb.short_names()):
        return True
    if len(ctx.tokens[k].readings) > 1 or w.endswith("ا") or w.startswith("ال"):
        return False
    honorific = title != "counterpart" and getattr(title, "kind", "") in ("rank", "honorific")
    return w not in ctx.given and (honorific or w not in ctx.common) \
        and ctx.tokens[k].kind == "word"


def name_span(ctx: Context, k: int, names_at: dict[int, Cand],
              titled: bool | str = False) -> int:
    """End of the run of name words starting at token k (k when there is none).

    Up to four words; links (بن، أبو، عبد) do not count. In a genealogy (… بن X بن Y) a
    word must follow a link; an ال surname or آل + family name ends the name. After a
    title (``titled``; "nisba" when it names a country) a foreign first name may start
    with ي (يانيس فاروفاكيس), a weak given name (not على) may precede any uncommon name word
    (آية الله حسن أقاميري), and one name word may precede a surname known alone
    (فرنسوا هولاند)."""
    j, words, genealogy = k, 0, False
    while j < ctx.n and words < MAX_NAME_WORDS:
        t = ctx.tokens[j]
        if t.kind != "word":
            break
        gap = ctx.gap(j) if j > k else ""
        if gap.strip() or "\n" in gap:
            break
        w = t.norm
        after_link = j > k and ctx.word(j - 1) in NAME_LINKS
        if j in names_at and j > k and not after_link and not _place_surname(ctx, j, names_at[j]):
            if titled and j == k + 1 and _lone_surname(ctx, names_at[j]):
                j += 1
            break
        if w in NAME_LINKS and j > k:
            genealogy = genealogy or w in GENEALOGY
            j += 1
            continue
        if j > k and ctx.word(j - 1) == "ال":
            j += 1              # آل + family name ends the name (آل الشيخ، آل ثاني)
            break
        if not _name_word(ctx, j, w) and not (titled and j == k
                                              and _foreign_first(ctx, j, w, titled == "nisba")):
            break
        if w.startswith("ال") and w not in ctx.given and w not in ctx.known_words \
                and not _compound_given(ctx, k, j):
            if (words >= 2 and ctx.word(j - 1) not in ctx.given and ctx.word(j - 2) != "عبد") \
                    or w in NOT_SURNAMES:
                break
            j += 1              # an ال surname ends the name (بشار الأسد، عادل بن أحمد الجبير)
            words += 1
            break
        if genealogy and not after_link and w not in ctx.known_words:
            break
        if not titled and not after_link and w in definite_words() and w not in ctx.known_words \
                and (j > k + (ctx.word(k) in COMPOUND_ENDS) or ctx.word(k - 1) in COMMON_GIVEN):
            break               # مايكل ستارلر محامي، نادر متعلق: a word mostly written with ال
        if j == k and w in WEAK_GIVEN and not (ctx.word(j + 1) in ctx.given
                                               or ctx.word(j + 1) in ctx.known_words
                                               or titled and _uncommon_name(ctx, j + 1, True)
                                               and ctx.doc.text[t.end - 1] != "ى"):
            break
        j += 1
        words += 1
    while j > k and (ctx.word(j - 1) in NAME_LINKS or ctx.word(j - 1) in WEAK_GIVEN):
        j -= 1
    return j


def _compound_given(ctx: Context, k: int, j: int) -> bool:
    """عبد الرحمن starting a name (the given name before k, or a title's name at k) or after
    بن (عامر بن عبد الرحمن البرجس): one given name, not the surname (as it is after another
    given name: إبراهيم عبد الخالق)."""
    start = j - 1
    return ctx.word(start) == "عبد" and (start < k or ctx.word(start - 1) in GENEALOGY
                                         or start == k and ctx.word(k - 1) not in ctx.given)


def _lone_surname(ctx: Context, c: Cand) -> bool:
    return c.type == "PER" and c.known and c.last - c.first == 1 \
        and c.start == ctx.tokens[c.first].start


def _uncommon_name(ctx: Context, j: int, definite: bool = False) -> bool:
    """A name word that is no common word (with any clitic reading), nor definite unless
    ``definite``."""
    w = ctx.word(j)
    return j < ctx.n and ctx.tokens[j].kind == "word" and (definite or not w.startswith("ال")) \
        and "\n" not in ctx.gap(j) and _name_word(ctx, j, w) and ctx.plain_name_word(j)


def _foreign_first(ctx: Context, j: int, w: str, nisba: bool) -> bool:
    """يانيس، يوفال، (وزير المالية الهولندي) يروين: a ي-word that is no common word before
    another name word, written يا/يو (not يأمر، يمسك) unless the title has a nisba."""
    second = ctx.doc.text[ctx.tokens[j].start + 1:ctx.tokens[j].start + 2]
    return w[0] == "ي" and len(w) > 3 and (nisba or second in "او") and w not in ctx.common \
        and ctx.plain_name_word(j) and _uncommon_name(ctx, j + 1)


def _name_word(ctx: Context, j: int, w: str) -> bool:
    if w in FUNCTION_WORDS or w in NOT_SURNAMES or len(w) < 2 \
            or nunated(ctx.doc.text[ctx.tokens[j].start:ctx.tokens[j].end]):  # ملخصاً
        return False
    title = ctx.longest(j, "person_titles")
    if title is not None and (title.last - title.first > 1 or w not in ctx.given):
        return False                                  # ولي العهد، الأمير
    if w in ctx.given or w in ctx.known_words:
        return True
    if w in family_names() and ctx.word(j - 1) in ctx.given:
        return True                                   # محمد بن عبدالله المرشد
    if not ctx.is_name_word(w) or ctx.nisba_at(j) is not None or w[0] in "وي" or w[:2] == "تت":
        return False
    if w.endswith(PRONOUN_ENDINGS) and len(w) > 4:
        return False
    if w.startswith("ال") and w.endswith("يه"):       # القرآنية: a feminine adjective
        return False
    if ctx.word(j - 1) in GENEALOGY:
        return True                                   # بن سيعد: a name, not «will count»
    return not _his(ctx, j) and not any(stem in ctx.common or stem in FUNCTION_WORDS
                                        for stem, _ in ctx.tokens[j].readings[1:])


def _his(ctx: Context, j: int) -> bool:
    """دعمه، موقفه: a common word with «his» (ه as written, not ة)."""
    w = ctx.word(j)
    return w.endswith("ه") and ctx.doc.text[ctx.tokens[j].end - 1] == "ه" and w[:-1] in ctx.common


def _place_surname(ctx: Context, j: int, cand: Cand) -> bool:
    """هشام الزهراني: a small place's name with the article after a given name is a surname."""
    return cand.key[:1] == ("P",) and cand.last == j + 1 and ctx.word(j).startswith("ال") \
        and ctx.word(j - 1) in ctx.given


def _nisba_surname(ctx: Context, k: int) -> bool:
    """خليل المصري، …: a nisba with the article right after a given name, before a comma."""
    return k + 1 < ctx.n and ctx.word(k).startswith("ال") and ctx.nisba_at(k) is not None \
        and ctx.nisba_at(k)[0] == k + 1 and ctx.tokens[k + 1].kind == "punct"


def _person(ctx: Context, first: int, last: int) -> Cand:
    start = ctx.tokens[first].start
    end = ctx.tokens[last - 1].end
    return Cand(first, last, start, end, "PER", key=("N", normalize(ctx.doc.text[start:end])))


def given_name_persons(ctx: Context, taken: set[int], names_at: dict[int, Cand]) -> list[Cand]:
    """Two or more name words starting with a given name (عمر عربي، خالد مشعل)."""
    out = []
    done = -1
    for i, m in sorted(ctx.at("given_names").items()):
        if i < done or i in taken or m.entry in WEAK_GIVEN or m.entry in FUNCTION_WORDS:
            continue
        last = name_span(ctx, i + 1, names_at) if i + 1 < ctx.n else i + 1
        if _named_thing_before(ctx, i):
            done = last             # the whole name names the thing: no person inside it
            continue
        if last == i + 1 and _nisba_surname(ctx, i + 1):
            last = i + 2
        if last - i >= 2 and taken.isdisjoint(range(i, last)):
            first = _genealogy_start(ctx, i, taken)
            start = m.start if first == i else ctx.tokens[first].start
            i, end = first, ctx.tokens[last - 1].end
            out.append(Cand(i, last, start, end, "PER", country=_nisba_before(ctx, i, names_at),
                            key=("N", normalize(ctx.doc.text[start:end]))))
            done = last
    return out


def _named_thing_before(ctx: Context, i: int) -> bool:
    """دوري عبداللطيف جميل، جائزة محمد علي، شركة محمد النهدي: a cup, league, prize or
    company named after a person (a "-" row of `named_for_nouns.tsv`, or شركة، مجموعة)."""
    noun = ctx.form_in(i - 1, named_for_nouns())
    return noun is not None and named_for_nouns()[noun[0]][0] is None \
        or ctx.word(i - 1) in COMPANY_HEADS


def _genealogy_start(ctx: Context, i: int, taken: set[int]) -> int:
    """بندر بن عبدالرحمن المهنا، مشعشع بن مفرح بن سلمان: the names before بن start the name."""
    while i >= 2 and ctx.word(i - 1) in ("بن", "بنت") and not taken & {i - 1, i - 2} \
            and not (ctx.gap(i).strip() or ctx.gap(i - 1).strip()) and "\n" not in ctx.gap(i - 1) \
            and ctx.tokens[i - 2].kind == "word" and _name_word(ctx, i - 2, ctx.word(i - 2)) \
            and (ctx.word(i - 2) in ctx.given or ctx.word(i - 2) not in ctx.common) \
            and ctx.word(i - 2) != "الله":
        i -= 2
    return i


ORIGINS = frozenset(normalize(w) for w in "الأصول أصول الأصل أصل".split())


def _nisba_before(ctx: Context, i: int, names_at: dict[int, Cand]) -> str | None:
    """«الجزائري جمال بلماضي»، «المدرب المصري عماد القاسم»: a country adjective right before a
    name gives the person's country, unless it qualifies a name before it (وكالة الأنباء
    الفرنسية) or an origin (النرويجي ذو الأصول المغربية)."""
    for j in (i - 1, i - 2):
        m = ctx.by_lex["nisba"].get(j)
        if m is not None and m.last == i and m.start == ctx.tokens[j].start \
                and ctx.word(j).startswith("ال") and "\n" not in ctx.gap(i) + ctx.gap(j) \
                and ctx.word(j - 1) not in ORIGINS \
                and not any(c.first < j <= c.last for c in names_at.values()):
            return m.entry.iso3
    return None
