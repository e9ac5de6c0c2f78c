"""Recipient and object of a trigger: the party after a preposition, the sides of a meeting, the
party a pronoun suffix or a nisba adjective names, counted people."""
from __future__ import annotations

import re
from dataclasses import replace

from ..text.normalize import normalize
from ..text.segment import definite
from .actors import TITLES, ActorPhrase
from .context import RELATIVES, Context
from .evidence import has_word, is_target
from .grammar import (
    AGENT_PAIRS, AGENT_SECTORS, AGENT_SINGLE, COUNTS, DID_IT, FORCE_ON, MA_RELATIVES, PERSONAL, PREPOSITIONS,
    TOWARD, WINDOW, carries_object, coordinated, has_wa, lemma_forms, located, noun_like, preposition,
    pronoun_suffix, relative_object, subject_after,
)
from .triggers import Trigger
from .where import PLACE_NOUNS as AREA_NOUNS, locative_place, place_prep

PASSIVE_PARTICIPLE = re.compile(r"و?(ال)?م\w\wو\w(ه|ين|ون|ات|ا)?")  # المدعوم، مدعومة
# last words of an official's title before its ل-complement (الممثل الخاص للأمين العام)
TITLE_TAILS = frozenset(normalize(w) for w in "الأممي الخاص الدائم الدولي العام الأعلى التنفيذي السامي".split())
GENITIVE_L = ("ل",)  # اعتقالها للصحفيين: a noun's object after ل
NEAR = frozenset(normalize(w) for w in "قرب قرابة بالقرب شمال جنوب شرق غرب وسط داخل".split())
PEOPLE_OF = frozenset(normalize(w) for w in "الأشقاء أشقائنا الإخوة الاخوة إخواننا اخواننا إخوتنا الأهل أهلنا "
                      "أهالينا الأهالي الشعب شعبنا".split())
FRIENDLY = frozenset({"CONSULT", "SUPPORT", "AGREE", "COOPERATE", "AID"})  # cooperative types (ضد after them: a foe)
PLACE_ASIDE = 7  # tokens of a place phrase before the comma that closes it (object_after_place)
TERRITORY = frozenset({"occupy"})  # modes where a place after the verb is where, not whom
OBJECT_GAP = 4  # words between a verb (or its subject) and its direct object at most
OBJECT_WINDOW = 10
HOLD_VERBS = frozenset(p + stem + s for stem in ("سيطر", "تمركز", "تحصن")
                       for p, s in (("ي", ""), ("ت", ""), ("ي", "ون"), ("", ""), ("", "ت"), ("", "وا")))
HOLD_PREPS = frozenset({"فيها", "عليها", "فيه", "عليه", "بها", "به"})
HOLD_WINDOW = 14  # words from an attack to the relative clause naming who holds its target
OUTCOME_WORDS = frozenset({"عن", "مما", "ادت", "ادي", "اسفرت", "اسفر", "خلفت", "اوقعت"})
HELD = frozenset(normalize(w) for w in "تجري جرت جرى يجري ستجري عقدت تعقد ستعقد انعقدت تنعقد".split())
# (مشاورات تجري بين X و Y: a verb of taking place, not another event, may stand before بين)
TELLERS = frozenset(normalize(w) for w in "مصادر مصدر".split())  # with JRN: who tells of a meeting
CHAIR_WORDS = frozenset({"برئاسه", "وبرئاسه"})  # اجتماعا برئاسة X: X chairs, is not met
DELEGATION_STEMS = ("وفد", "بعثه")  # وفدا برئاسة X: X heads the delegation received
MET_VERBS = frozenset(normalize(w) for w in "جمع جمعت يجمع تجمع سيجمع ستجمع".split())
OTHER_HAND = 14  # words from «من جهة، و» to «من جهة أخرى» naming the other side
BETWEEN_GAP = 9  # المواجهات المسلحة التي شهدتها المدينة منذ أشهر بين X و Y (no trigger between)
PLACE_OBJECT = TOWARD | {"ل", "علي", "عن", "مع", "الي"}
OBJECT_PREPS = PLACE_OBJECT | {"ب"}
HEAD_PREPS = frozenset({"ب", "ل"})  # بأعضاء في مجلس الشيوخ: on a head noun before the phrase


def session_body(ctx: Context, trig: Trigger, ceiling: int) -> ActorPhrase | None:
    """«اجتماع طارئ لمجلس الأمن»، «اجتماع للمكتب السياسي»: the body holding a meeting after ل."""
    toks = ctx.doc.tokens
    j = trig.last
    if j < ceiling and has_word(toks[j], "SESSION"):
        j += 1
    a = ctx.actor_at.get(j) if j < ceiling else None
    return a if a is not None and not a.place and preposition(ctx, a) == "ل" else None


def met_sides(ctx: Context, trig: Trigger, limit: int) -> tuple[list, list]:
    """«اللقاء الذي جمع X بـY»، «لقاء جمع X و Y»: X met Y."""
    toks = ctx.doc.tokens
    for j in range(trig.last, min(trig.last + 4, limit - 1)):
        if j in ctx.trigger_tokens or j in ctx.verbs:
            break
        a = ctx.actor_at.get(j + 1)
        if toks[j].norm not in MET_VERBS or a is None or a.place and not ctx.is_country(a):
            continue
        group = coordinated(ctx, a, limit)
        if len(group) > 1:
            return group[:1], group[1:]
        b = next((ctx.actor_at[k] for k in range(a.last, min(a.last + 3, limit))
                  if k in ctx.actor_at), None)
        return [a], [b] if b is not None and preposition(ctx, b) == "ب" else []
    return [], []


def teller(ctx: Context, a: ActorPhrase) -> bool:
    """Sources or the press telling of a meeting (كشفت مصادر عن مشاورات) are not its party."""
    return a.sector == "JRN" or a.entity is None and ctx.doc.tokens[a.first].norm in TELLERS


def between_actors(ctx: Context, trig: Trigger, limit: int) -> list[ActorPhrase]:
    """مواجهات بين X و Y: every actor joined after بين."""
    toks = ctx.doc.tokens
    for j in range(trig.last, min(trig.last + BETWEEN_GAP, limit)):
        if j in ctx.trigger_tokens and ctx.doc.tokens[j].norm not in HELD:
            return []  # the بين of another event
        if toks[j].norm == "بين":
            sides = _sides_after(ctx, j, min(j + 13, limit))
            return sides + _other_hand(ctx, sides[-1].last) if sides else sides
    return []


def _other_hand(ctx: Context, k: int) -> list[ActorPhrase]:
    """«بين X وY من جهة، وZ من جهة أخرى»: the side after «من جهة،» up to «من جهة أخرى» (the
    comma after the first side does not end the list)."""
    toks = ctx.doc.tokens
    end = ctx.doc.sentences[toks[k].sent].last_token if k < len(toks) else k
    k = next((j for j in range(k, min(k + 4, end - 3)) if (toks[j].norm, toks[j + 1].norm) == ("من", "جهه")), end)
    if k + 3 >= end:  # (بين الجيش والمسلحين القبليين من جهة: an adjective may come between)
        return []
    k += 3 if toks[k + 2].norm == "," else 2
    if not toks[k].norm.startswith("و"):
        return []
    for m in range(k + 1, min(k + OTHER_HAND, end - 2)):
        if (toks[m].norm, toks[m + 1].norm, toks[m + 2].norm) == ("من", "جهه", "اخري"):
            return _sides_after(ctx, k - 1, m)
    return []


def _sides_after(ctx: Context, j: int, end: int) -> list[ActorPhrase]:
    """The actor phrases after «بين» at token j, up to a word telling its outcome (بين الجيش
    والمسلحين | عن مقتل عشرة أشخاص، | مما أدى إلى مقتل)."""
    toks = ctx.doc.tokens
    out: list[ActorPhrase] = []
    for k in range(j + 1, end):
        if toks[k].norm in OUTCOME_WORDS:
            break
        a = ctx.actor_at.get(k)
        if a is not None and not _venue(ctx, a):
            out.append(a)
    return out


def each_side(a: ActorPhrase) -> list[ActorPhrase]:
    """A phrase standing for several parties (المسؤولين الأتراك والإيرانيين) as one phrase per
    party, all over the same words."""
    if not a.sides:
        return [a]
    return [replace(a, entity=e, country=c, sector=s, sides=()) for e, c, s in a.sides]


def _venue(ctx: Context, a: ActorPhrase) -> bool:
    """«اشتباكات بين X و Y في مدينة البصرة»: a place after في/ب is where, not a side."""
    return a.place and ctx.doc.tokens[a.first - 1].norm != "بين" and place_prep(ctx.doc, a.start, a.first)


def recipients(ctx: Context, trig: Trigger, start: int, limit: int,
               used: list) -> list[ActorPhrase]:
    """The first actor phrase after a recipient preposition of the pattern (على مركز شرطة: the
    phrase may follow a head noun), or, for direct objects, the first phrase without one."""
    rcp = trig.pattern.rcp or (GENITIVE_L if trig.pattern.gen == "recipient" else ())
    if not rcp or not ctx.arguments_in(start, min(start + WINDOW + 3, limit)):
        return []
    toks = ctx.doc.tokens
    headed = not HEAD_PREPS.isdisjoint(rcp)
    titles: list[ActorPhrase] = []
    if start == trig.last and toks[trig.last - 1].norm in rcp and toks[trig.last - 1].norm != "obj":
        for k in range(start, min(start + 3, limit)):  # القبض على | 431 شخصا: the trigger ends
            a = ctx.actor_at.get(k)                    # with its preposition
            if a is not None and a not in used:
                return coordinated(ctx, a, limit)
    for j in range(start, min(start + WINDOW, limit)):
        word = toks[j].norm
        if ((word in rcp and word != "obj") or word in TOWARD and not _foe(trig, word) or (
                headed and _prep_headed(ctx, j, rcp))) and not _agent_of_participle(toks, j):
            for k in range(j + 1, min(j + 4, limit)):
                a = ctx.actor_at.get(k)
                if a is not None and a.place and "party" in trig.pattern.flags:
                    break  # مناطق إلى الشمال من عدن من الحوثيين: taken from the Houthis
                if a is not None and a.place and trig.pattern.type in FRIENDLY and (
                        _named_by(ctx, a) or k > j + 1 and _where_of(ctx, a)):
                    break  # رحب بإعلان القاهرة، دعم من يتحرك ضد الأكراد في العراق: no party
                if a is not None and k > j + 1 and located(ctx, a) and not _people_in(ctx, a):
                    break  # على فندق بمدينة سوسة: where the target is
                if a is not None and trig.pattern.type == "ACCUSE" and _victim(ctx, trig, a):
                    break
                if a is not None and a not in used and not _chair(ctx, a):
                    return coordinated(ctx, a, limit)
                if k == j + 1 and k in ctx.nisba and word in PREPOSITIONS and trig.pattern.type in FORCE_ON:
                    return [nisba_actor(ctx, k, "CVL")]  # النار على فلسطينيين: people of that country
                if toks[k].norm in NEAR:
                    break  # على فلسطيني قرب رام الله: a place, not the target
            continue
        a = ctx.actor_at.get(j)
        if a is not None and a not in used and _title_of(ctx, a, used, titles):
            titles.append(a)  # ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء: the subject's titles
            continue
        if a is None or a in used or _other_clause(ctx, a, trig) or _chair(ctx, a) or _title_complement(ctx, a) \
                or _heads_party(ctx, a, used) or trig.pattern.type == "ACCUSE" and _victim(ctx, trig, a) \
                or _agent_of_participle(toks, a.first - 1) or (
                a.place and (trig.pattern.mode in PERSONAL or "party" in trig.pattern.flags
                             or locative_place(ctx.doc, a.first)
                             or _titled_place(ctx, a) or _named_by(ctx, a)
                             or trig.pattern.type in FRIENDLY and preposition(ctx, a) == "في"
                             and not _people_in(ctx, a))) or _after_foe(ctx, trig, a):
            continue  # أوقفت الشرطة في البقاع ثلاثة: people are arrested, not places; بمدينة X: where
        prep = preposition(ctx, a)
        if prep is None and "obj" in rcp and j - start > OBJECT_GAP and (
                a.place or a.entity is None or _object_gap(ctx, start, j) > 1):
            continue  # رفضها الاعتراف بإسرائيل واتفاقات … والإسرائيليين: too far for an object
        if prep is None and "obj" in rcp or prep in rcp or (prep == "ل" and "obj" in rcp):
            return coordinated(ctx, a, limit)
    return []


def _foe(trig: Trigger, word: str) -> bool:
    """ضد after a cooperative act (دعم X ضد Y، التعاون ضد الإرهاب) or a taking names no recipient."""
    return word == "ضد" and trig.pattern.type in FRIENDLY or word in TOWARD and "party" in trig.pattern.flags


def _after_foe(ctx: Context, trig: Trigger, a: ActorPhrase) -> bool:
    """«ضد الحوثيين والقوات الموالية لهم»: a phrase joined by و to one after ضد is a foe too."""
    toks = ctx.doc.tokens
    while trig.pattern.type in FRIENDLY and has_wa(toks[a.first], a):
        prev = ctx.actor_ending.get(a.first)
        if prev is None:
            return False
        if preposition(ctx, prev) == "ضد":
            return True
        a = prev
    return False


def _where_of(ctx: Context, a: ActorPhrase) -> bool:
    """«الأكراد في العراق، الشرعية باليمن»: a place after في/ب or a place noun is where a party
    is (not after a people word: للأشقاء في اليمن are the Yemenis)."""
    return (preposition(ctx, a) in ("في", "ب") or locative_place(ctx.doc, a.first)) and not _people_in(ctx, a)


def _people_in(ctx: Context, a: ActorPhrase) -> bool:
    """«للأشقاء في اليمن، لإخواننا في سوريا»: the people of a place, named by the place."""
    k = a.first - 1
    if k < 1 or ctx.doc.tokens[k].norm != "في":
        return False
    w = ctx.doc.tokens[k - 1].norm.removeprefix("و")
    w = "ال" + w[2:] if w.startswith("لل") else w.removeprefix("ل")  # للأشقاء، لإخواننا
    return w in PEOPLE_OF


def _named_by(ctx: Context, a: ActorPhrase) -> bool:
    """«إعلان القاهرة، اتفاق الرياض، مؤتمر جنيف»: a place right after a NAMED noun is its name."""
    return a.first > 0 and has_word(ctx.doc.tokens[a.first - 1], "NAMED")


def _title_complement(ctx: Context, a: ActorPhrase) -> bool:
    """«المبعوث الأممي لليمن، الرئيس التنفيذي للشركة، المندوب الدائم لدى الأمم المتحدة»: a phrase
    with ل or لدى right after an official's title (not after his name) completes the title."""
    prev = ctx.actor_ending.get(a.first)
    if prev is None or preposition(ctx, a) not in ("ل", "لدي"):
        return False
    toks = ctx.doc.tokens
    return toks[prev.first].norm.lstrip("و").removeprefix("ال") in TITLES and (
        prev.entity not in ctx.persons or toks[a.first - 1].norm in TITLE_TAILS)


def _agent_of_participle(toks: list, j: int) -> bool:
    """«طلب إيران المدعوم من موسكو»: من after a passive participle (مفعول) names its agent,
    not the one asked."""
    return toks[j].norm == "من" and j > 0 and PASSIVE_PARTICIPLE.fullmatch(toks[j - 1].norm) is not None \
        and "مجموع" not in toks[j - 1].norm  # (مجموعة من الأشخاص: a group of)


def _victim(ctx: Context, trig: Trigger, a: ActorPhrase) -> bool:
    """«أدان اغتيال النائب العام»، «ندد بالتفجير في مسجد بعسير»: a party within the condemned act
    of force suffered it (or is where it was), not blamed. The doer named by a clause (الذي
    شنه الحوثيون), by على يد / من قبل, or as the genitive before a ل object (استهداف الحوثيين
    للمدنيين) is."""
    toks = ctx.doc.tokens
    act = next((k for k in range(trig.last, a.first) if ctx.noun_types.get(k) in FORCE_ON), None)
    if act is None or any(toks[j].norm in RELATIVES or j in ctx.verbs or (toks[j - 1].norm, toks[j].norm)
                          in AGENT_PAIRS or toks[j].norm in AGENT_SINGLE for j in range(act + 1, a.first)):
        return False
    nxt = toks[a.last] if a.last < len(toks) else None
    return a.first > act + 1 or nxt is None or not (nxt.norm[0] == "ل" and len(nxt.readings) > 1)


def _chair(ctx: Context, a: ActorPhrase) -> bool:
    """«عقدت اللجنة اجتماعا برئاسة X»: the chair of the meeting (not of a delegation met)."""
    toks = ctx.doc.tokens
    return a.first > 1 and toks[a.first - 1].norm in CHAIR_WORDS and not any(
        toks[k].norm.lstrip("و").startswith(DELEGATION_STEMS) for k in range(max(a.first - 4, 0), a.first - 1))


def _heads_party(ctx: Context, a: ActorPhrase, used: list) -> bool:
    """«زيارة وفد من حركة «حماس» برئاسة X»: X heads the acting party named right before."""
    return a.first > 1 and ctx.doc.tokens[a.first - 1].norm in CHAIR_WORDS and any(
        a.first - 3 <= u.last < a.first for u in used)


def _object_gap(ctx: Context, start: int, j: int) -> int:
    """Words between a verb and its object, not counting times and places: «استقبل الملك في قصر
    السلام بجدة أمس رئيس …» (one word between: في)."""
    toks = ctx.doc.tokens
    places = [(m.start, m.end) for m in ctx.places.get(toks[start].sent, ())]
    return sum(1 for k in range(start, j) if k not in ctx.tokens_in_times
               and not any(a < toks[k].end and toks[k].start < b for a, b in places))


def object_in_clause(ctx: Context, trig: Trigger, start: int, limit: int,
                     used: list) -> list[ActorPhrase]:
    """رفضها الاعتراف بإسرائيل، رفع تجميد المساعدات عن مصر: with no recipient in its usual slot,
    the first actor phrase of the clause after the trigger's complement (not a place after a
    locative preposition, not in another verb's clause)."""
    titles: list[ActorPhrase] = []
    for a in ctx.by_sent.get(ctx.doc.tokens[trig.first].sent, ()):
        if a.first < start or a in used or _chair(ctx, a) or _title_complement(ctx, a):
            continue
        if _title_of(ctx, a, used, titles):
            titles.append(a)  # (the subject's title after his name: استقبل الأمير X ولي العهد …)
            continue
        if a.first >= min(limit, start + OBJECT_WINDOW):
            break
        prep = preposition(ctx, a)
        if prep is not None and (prep not in OBJECT_PREPS or _foe(trig, prep)) or _after_foe(ctx, trig, a) or (
                a.place and prep is not None and prep not in PLACE_OBJECT
                and not (prep == "ب" and ctx.is_country(a))):
            continue  # في موسكو: a venue, not a recipient
        if (a.entity is None and a.country is None and a.sector not in AGENT_SECTORS) \
                or ctx.doc.tokens[a.first - 1].norm == "جانب":
            continue
        if a.place and (prep is None or trig.pattern.mode in TERRITORY):
            continue  # بمحافظة الأنبار: a place named after a place noun
        if _other_clause(ctx, a, trig) or _verb_between(ctx, trig.last, a.first) \
                or _resumptive_between(ctx, start, a.first):
            return []  # (عن سعادته بما حققته القوات: the doer of another act)
        return coordinated(ctx, a, limit)
    return []


def _resumptive_between(ctx: Context, start: int, end: int) -> bool:
    """«بما حققته القوات»: ما followed by a verb taking it back as its object; the phrase after
    is that verb's subject."""
    toks = ctx.doc.tokens
    return any(toks[k].norm in MA_RELATIVES and toks[k + 1].norm.endswith(("ته", "تها"))
               for k in range(start, end - 1))


def _titled_place(ctx: Context, a: ActorPhrase) -> bool:
    """«أمير منطقة الرياض، محافظ جدة»: a place in an official's title, no recipient."""
    toks = ctx.doc.tokens
    k = a.first - 1 - (a.first > 1 and toks[a.first - 1].norm in AREA_NOUNS)
    return k >= 0 and toks[k].norm.lstrip("و") in TITLES  # (in construct: no ال; «الوزير فرنسا»)


def _title_of(ctx: Context, a: ActorPhrase, used: list, titles: list) -> bool:
    """«الأمير X ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء»، «X الأمين العام للغرفة»: a
    phrase naming the same person as an argument, a title shortly after such a phrase (unnamed,
    or with ل), or the genitive with ل right after it (``titles``: those found so far) is that
    argument's title."""
    if a.entity is not None and any(u.entity == a.entity for u in used):
        return True
    toks = ctx.doc.tokens
    def near(u):
        return u.last <= a.first and a.first - u.last <= 2 and all(
            toks[k].kind == "word" and k not in ctx.verbs for k in range(u.last, a.first))
    head = toks[a.first].norm.lstrip("و")
    head = head[1:] if head[:1] == "ل" else head
    if head.removeprefix("ال") in TITLES and any(map(near, titles)) and (
            a.entity is None or head != toks[a.first].norm.lstrip("و")):
        return True  # (لرئيس مجلس الوزراء after «النائب الثاني»: even when read as someone)
    return any(u.last == a.first for u in titles) and preposition(ctx, a) == "ل" and not a.place \
        and not any(m.start <= a.start < m.end for m in ctx.places.get(toks[a.first].sent, ()))


def object_after_place(ctx: Context, trig: Trigger, after: int, ceiling: int,
                       used: list) -> list[ActorPhrase]:
    """«أوقفت قوى الجيش في بلدة عرسال، خمسة أشخاص»: a place after the subject, closed by a
    comma, and the object after that comma."""
    toks = ctx.doc.tokens
    sent = ctx.doc.sentences[toks[trig.first].sent]
    if not after < ceiling < sent.last_token - 1 or toks[ceiling].norm != "," \
            or ceiling - after > PLACE_ASIDE or not _place_phrase(ctx, after, ceiling):
        return []
    end = ctx.clause_end(ceiling + 1, sent.last_token)
    a = subject_after(ctx, ceiling + 1, end)
    if a is not None and a not in used and not a.place:
        return coordinated(ctx, a, end)
    return people_object(ctx, trig, ceiling + 1, end)


def _place_phrase(ctx: Context, start: int, end: int) -> bool:
    """Tokens [start, end) are a locative phrase: في/ب and a place, no verb."""
    toks = ctx.doc.tokens
    places = [m for m in ctx.places.get(toks[start].sent, ())
              if toks[start].start <= m.start and m.end <= toks[end - 1].end]
    return any(toks[k].norm == "في" or toks[k].norm[:1] == "ب" for k in (start, start + 1)) \
        and bool(places) and not any(k in ctx.verbs for k in range(start, end))


    # (قوى الأمن الداخلي في طرابلس: the first word may end the subject)


def pronoun_object(ctx: Context, trig: Trigger, after: int, p) -> str | None:
    """تصدت لهم، هاجمهم، أسرهم: the recipient is a pronoun (on the trigger, or on one of the
    pattern's prepositions right after it). "plural" (هم، هما), "single" (ه on a verb or its
    preposition: استقبله، وجه له الدعوة) or None."""
    toks = ctx.doc.tokens
    word = ctx.doc.text[toks[trig.last - 1].start:trig.end]  # as written: دعاة is no دعاه
    suffix, kind = pronoun_suffix(word)
    if kind and _takes_object(p) and not (kind == "single" and (
            p.pos != "V" or noun_like(ctx, trig))) and not any(
            form.endswith(suffix) for form in lemma_forms(p)):
        return kind
    if after < len(toks) and toks[after].sent == toks[trig.first].sent:
        w = toks[after].norm.lstrip("وف")
        suffix, kind = pronoun_suffix(w)
        if suffix and (kind == "plural" or p.pos == "V") \
                and w[:-len(suffix)] in p.rcp and w[:-len(suffix)] != "obj":
            return kind
    return None


def _takes_object(p) -> bool:
    return "obj" in p.rcp if p.pos == "V" else p.gen == "recipient"  # انتقاده: his criticism


def antecedent(ctx: Context, trig: Trigger, used: list, kind: str = "plural") -> list[ActorPhrase]:
    """What the pronoun stands for: the nearest actor phrase before the trigger in its sentence
    that is not already an argument, preferring the subject of a verb, then a phrase not
    governed by a preposition, if it names an armed or official party; for «ه» the nearest
    person named."""
    before = [a for a in reversed(ctx.by_sent.get(ctx.doc.tokens[trig.first].sent, ()))
              if a.last <= trig.first and a not in used and not a.place and not any(
                  a.entity is not None and a.entity == u.entity for u in used)]
    toks = ctx.doc.tokens
    if trig.first > 0 and toks[trig.first - 1].norm in RELATIVES and carries_object(ctx, trig):
        head = relative_object(ctx, trig)  # الصيادين الذين اعتقلهم الحوثيون: the head noun, not
        return [head] if head in before else []  # another party named before it
    if kind == "single":
        return next(([a] for a in before if ctx.entity_type.get(a.entity) == "PER"), [])
    free = [a for a in before if preposition(ctx, a) is None and not is_target(toks[a.first - 1])]
    subjects = [a for a in free if a.first - 1 in ctx.verbs]  # حاول المسلحون اقتحام مركز الشرطة
    for a in subjects + free + before:
        return [a] if a.sector in AGENT_SECTORS else []
    return []


def held_by(ctx: Context, start: int, limit: int, used: list) -> list[ActorPhrase]:
    """«قصفت مواقع تتمركز فيها الميليشيات»، «المناطق التي يسيطر عليها التنظيم»: the party
    holding the attacked place, named in a relative clause after it."""
    toks = ctx.doc.tokens
    for j in range(start, min(start + HOLD_WINDOW, limit - 1)):
        if toks[j].norm not in HOLD_VERBS:
            continue
        k = j + 1
        if toks[k].norm.removeprefix("و") in HOLD_VERBS:
            k += 1  # كانت تسيطر وتتمركز فيها
        if k < limit and toks[k].norm in HOLD_PREPS:
            a = ctx.actor_at.get(k + 1)
            if a is not None and not a.place and a not in used:
                return coordinated(ctx, a, limit)
        return []
    return []


def _verb_between(ctx: Context, i: int, j: int) -> bool:
    """Another verb or event word between the trigger and a phrase (الغارات لمساندة المقاومة:
    the phrase belongs to the second event)."""
    return any(k in ctx.verbs or k in ctx.trigger_tokens for k in range(i, j))


def _other_clause(ctx: Context, a: ActorPhrase, trig: Trigger) -> bool:
    """«الذي تقوده المملكة»: a phrase right after another verb or a relative pronoun."""
    toks = ctx.doc.tokens
    for j in (a.first - 1, a.first - 2):
        if j >= trig.last and (j in ctx.verbs and (toks[j].norm, toks[j + 1].norm) not in DID_IT
                               or toks[j].norm in RELATIVES):
            return True
    return False


def _prep_headed(ctx: Context, j: int, rcp) -> bool:
    """بأعضاء في مجلس الشيوخ: a recipient preposition on a head noun before the actor phrase."""
    tok = ctx.doc.tokens[j]
    if j in ctx.actor_at or len(tok.readings) < 2:
        return False
    prefix = tok.norm[: len(tok.norm) - len(tok.readings[-1][0])].lstrip("وف")
    return prefix in HEAD_PREPS and prefix in rcp


def object_nisba(ctx: Context, after: int, ceiling: int) -> list[ActorPhrase]:
    """«انتقد السياسة الأمريكية»، «ندد بالاعتداءات الإسرائيلية»: the country of a nisba adjective
    on the object noun right after a stance verb (or its subject) is the recipient."""
    return [nisba_actor(ctx, after + 1)] if _noun_nisba(ctx, after, ceiling) else []


def _noun_nisba(ctx: Context, k: int, ceiling: int) -> bool:
    """Token k is a plain noun (no actor, no nisba itself) with a nisba adjective after it."""
    return k + 1 < ceiling and ctx.doc.tokens[k].kind == "word" and k not in ctx.nisba \
        and k + 1 in ctx.nisba and k not in ctx.actor_at


def nisba_actor(ctx: Context, i: int, sector: str = "GOV") -> ActorPhrase:
    tok = ctx.doc.tokens[i]
    return ActorPhrase(i, i + 1, tok.start, tok.end, None, ctx.nisba[i], sector)


def people_object(ctx: Context, trig: Trigger, after: int, ceiling: int) -> list[ActorPhrase]:
    """«اعتقلت الشرطة 12 فلسطينيا»، «قتل الجيش شابا فلسطينيا»، «خطف مسلحون مهندسين أتراك»،
    «طرد دبلوماسيين روسيين»: people named by a nisba (after a count, a noun or both) as the
    verb's object are the recipient: that country's civilians, or the noun's sector."""
    toks = ctx.doc.tokens
    first = j = after + (after < ceiling and toks[after].norm in trig.pattern.rcp)  # أفرجت عن
    if j < ceiling and (toks[j].kind == "num" or toks[j].norm in COUNTS):
        j += 1
    noun = None
    if j < ceiling and j not in ctx.nisba and toks[j].kind == "word" and j not in ctx.actor_at \
            and toks[j].norm not in PREPOSITIONS and not definite(ctx.doc.text, toks[j]):
        noun, j = j, j + 1
    if j >= ceiling or j not in ctx.nisba \
            or definite(ctx.doc.text, toks[j]) \
            or j == first and not definite(ctx.doc.text, toks[first - 1]) \
            and not _other_case(toks[first - 1].norm, toks[j].norm):
        return []
    sector = next((m.entry.sector for m in ctx.heads.get(noun, ()) if m.entry.kind == "head"),
                  None) if noun is not None else None
    default = "GOV" if trig.pattern.type == "SANCTION" else "CVL"  # طرد دبلوماسيين روسيين
    return [ActorPhrase(first, j + 1, toks[first].start, toks[j].end, None, ctx.nisba[j],
                        sector or default)]


def _other_case(before: str, nisba: str) -> bool:
    """«مستوطنون فلسطينيا»: a nominative plural and an accusative nisba do not agree, so the
    nisba is no adjective of the word before it but a noun of its own (the object)."""
    return before.endswith("ون") and nisba.endswith(("ا", "ين"))


def target_nisba(ctx: Context, trig: Trigger, after: int, ceiling: int) -> list[ActorPhrase]:
    """«قصفت مواقع سورية»، «أطلقت صواريخ على مستوطنات إسرائيلية»: an attacked noun with a
    nisba, as the object or after the pattern's preposition, gives the recipient's country
    (its forces for a military target, else its civilians)."""
    toks, rcp = ctx.doc.tokens, trig.pattern.rcp
    for j in range(after, min(after + OBJECT_GAP, ceiling - 1)):
        if j == after and "obj" in rcp:
            k = j
        elif toks[j].norm in rcp:
            k = j + 1
        else:
            continue
        if _noun_nisba(ctx, k, ceiling):
            sector = "MIL" if is_target(toks[k]) else "CVL"
            return [ActorPhrase(k, k + 2, toks[k].start, toks[k + 1].end, None, ctx.nisba[k + 1],
                                sector)]
        if k > j:
            return []
    return []
