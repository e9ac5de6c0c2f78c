"""Subject of a trigger: fronted, after the verb, shared by joined verbs, or taken back by a pronoun
or a relative clause."""
from __future__ import annotations

from bisect import bisect_left

from ..document import Document
from ..text.normalize import normalize
from ..text.segment import definite
from .actors import HONORIFICS, ActorPhrase
from .context import RELATIVES, STATEMENT_WORDS, SUBJECT_THAT, Context
from .evidence import has_word, is_target
from .grammar import (
    FORCE_ON, KANA, MA_RELATIVES, NEGATIONS, PREPOSITIONS, RELATIVE_AGREES, RELATIVE_SPAN, RESUMPTIVE,
    SKIP_WORDS, after_style, agreement, coordinated, disagrees, joined_before, located, partitive,
    preposition, skippable, subject_after, suffixed, verb_form,
)
from .patterns import past_head
from .triggers import Trigger
from .where import IN

PARTICLES = frozenset({"قد", "لم", "لن", "لا", "ما", "سوف", "ان", "انه", "كما", "فيما", "بينما",
                       "وقد", "ولم", "ولن", "ولا"})
COMPLEMENTIZERS = frozenset({"ان", "بان", "وان"})
CONFLICT = frozenset({"ASSAULT", "COERCE", "THREATEN", "PROTEST", "MOBILIZE"})
RESUMPTIVE_SPAN = 8  # words after a relative clause's verb where its pronoun may point back
ADVERBIAL_STARTS = frozenset({"بعد", "قبل", "عقب", "اثر", "خلال", "منذ", "فور", "لدي", "عند"})
COORD_GAP = 16  # words between two verbs joined by «، و» sharing a subject
PRONOUN_THAT = frozenset({"انه", "انها", "بانه", "بانها", "انهم", "بانهم"})
MODALS = frozenset({"يمكن", "بامكان", "يحق", "ينبغي", "يجب", "بد", "سبق"})
TIME_FROM = frozenset({"بعد", "قبل", "منذ"})  # بعد أيام من، قبل ساعات من
DEMONSTRATIVES = frozenset({"هذه", "هذا", "تلك", "ذلك", "هذان", "هاتان"})
NOT_NOUNS = RELATIVES | {"الي", "الا", "الان", "اللذين"}
PRONOUN_AGREES = {w: a for base, a in (("انها", "f"), ("انهم", "p"))
                  for w in (base, "ب" + base, "و" + base)}
PRONOUN_HE = frozenset({"انه", "بانه", "وانه"})
ANTECEDENT_REACH = 7  # words before a relative pronoun where the party it stands for may end
LINK_PREPS = frozenset(normalize(w) for w in "على عن من إلى حول مع بين لدى".split())
BACKING_WORDS = frozenset(normalize(w) for w in "بدعم بمساندة بمؤازرة بإسناد".split())
LINKS = frozenset(normalize(w) for w in "التابعة التابع التابعين الموالية الموالي الموالين "
                  "المقربة المقرب المقربين".split())  # قوات الأمن التابعة لحماس التي…


def subject_before(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    j = i
    while j > floor and i - j <= 2:
        a = ctx.actor_ending.get(j)
        if a is not None and a.first >= floor:  # (في قرية X وسيطرت: a venue, not the subject)
            return a if preposition(ctx, a) is None and not located(ctx, a) else None
        if ctx.doc.tokens[j - 1].norm not in PARTICLES and j - 1 not in ctx.inner_quotes:
            return None  # (قالت «حماس» إنها: past the quote mark closing a name)
        j -= 1
    return None


def fronted_subject(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    """إن رئيس الوزراء دعا روحاني: after a complementizer the subject comes before the verb;
    so it does in a clause that opens with it (الشرطة التركية تعتقل 20 شخصا)."""
    a = ctx.actor_ending.get(i)
    if a is not None and (k := _backing_word(ctx, a.first)) is not None:
        a = ctx.actor_ending.get(k - (ctx.doc.tokens[k - 1].norm == ","))  # X بمساندة Y تقدمت: X
    if a is None or a.first < floor:
        return None
    joined = joined_before(ctx, a, floor)
    first = joined[0].first  # الولايات المتحدة وبريطانيا تدعوان اليابان (places joined: states)
    if first > 1 and ctx.doc.tokens[first - 1].norm == "من" and partitive(ctx.doc, first - 2):
        first -= 2  # إن تسعة من المسلحين قتلوا جنديا
    if first == floor:  # (not a place: «في دمشق قال…»، nor لـX)
        return a if (not a.place or len(joined) > 1) and (
            first < a.first or ctx.doc.tokens[a.first].start == a.start) else None
    return a if first > floor and ctx.doc.tokens[first - 1].norm in COMPLEMENTIZERS else None


def fronted_noun(ctx: Context, trig: Trigger) -> bool:
    """«قال الوزير إن بلاده ستنتقد الحكومة الإيرانية»: a word between a complementizer and the
    verb, named by no actor phrase, is its subject; the party after the verb is its object."""
    i = trig.first
    toks = ctx.doc.tokens
    return i >= 2 and toks[i - 2].norm in COMPLEMENTIZERS and toks[i - 1].kind == "word" \
        and toks[i - 1].norm not in PARTICLES and toks[i - 1].norm not in SKIP_WORDS \
        and i - 1 not in ctx.verbs and not toks[i].norm.startswith(("و", "ف"))


def relative_fronted(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«القوات التي دخلت المدينة أمس قصفت…»، «إن الجيش الذي يخوض معارك في الشمال قتل…»: a
    subject opening its clause has a relative clause between it and its verb; the relative
    pronoun agrees with the verb, and no punctuation or complementizer comes between."""
    toks = ctx.doc.tokens
    i = trig.first
    while i > floor and toks[i - 1].norm in NEGATIONS:
        i -= 1
    if i - 1 <= floor or toks[i - 1].norm in RELATIVES:
        return None  # التي قصفت: the relative clause's own verb (relative_head)
    for j in range(i - 2, max(floor, i - RELATIVE_SPAN) - 1, -1):
        t = toks[j]
        if t.norm in RELATIVES:
            agrees, suffix = verb_form(ctx, trig)
            if agrees is None or suffix:
                return None  # تعارضها المعارضة: a verb taking the head back as its object is in
                # the relative clause
            head = ctx.actor_ending.get(j)
            if head is not None and head.first > floor and preposition(ctx, head) == "ل" \
                    and toks[head.first - 1].norm in LINKS:
                head = ctx.actor_ending.get(head.first - 1)  # أجهزة الأمن التابعة لحماس التي
            if RELATIVE_AGREES.get(t.norm) != agrees or head is None or head.place \
                    or head.first < floor or preposition(ctx, head) is not None:
                return None
            return head if head.first == floor or toks[head.first - 1].norm in COMPLEMENTIZERS \
                else None
        if t.kind == "punct" or t.norm in COMPLEMENTIZERS or t.norm in PRONOUN_THAT:
            return None
    return None


def pronoun_subject(ctx: Context, trig: Trigger) -> bool:
    """«قالت الشرطة إنها اعتقلت خمسة أشخاص»: after أنها/أنهم agreeing with the verb the subject
    is the pronoun (the one making the statement); the phrase after the verb is its object.
    So with أنه (قال إنه سيلتقي الرئيس X), except for acts of force, whose bare past after أنه
    is often an impersonal passive (أفاد أنه قتل خمسة مدنيين)."""
    i = trig.first
    if i < 1:
        return False
    toks = ctx.doc.tokens
    k = _joined_verb(ctx, trig)  # «قال إنه زار موسكو والتقى بوتين»: the same pronoun meets
    return any(_pronoun_agrees(ctx, trig, toks[j - 1].norm) for j in (i, k) if j)


def _pronoun_agrees(ctx: Context, trig: Trigger, word: str) -> bool:
    wanted = PRONOUN_AGREES.get(word) or (
        "m" if word in PRONOUN_HE and trig.pattern.type not in FORCE_ON else "")
    return wanted == agreement(ctx, trig)


def _joined_verb(ctx: Context, trig: Trigger) -> int | None:
    """The verb a verb carrying و is joined to, a few words before it in the same statement."""
    toks = ctx.doc.tokens
    tok = toks[trig.first]
    if trig.start == tok.start or not tok.norm.startswith("و"):
        return None
    k = ctx.verb_before(trig.first, max(trig.first - COORD_GAP, 0))
    if k is None or any(toks[j].norm in STATEMENT_WORDS or toks[j].kind == "punct" and toks[j].norm != ","
                                 for j in range(k + 1, trig.first)):
        return None
    return k


def _backing_word(ctx: Context, first: int) -> int | None:
    """The token of «بدعم/بمساندة (من)» right before a phrase starting at ``first``."""
    toks = ctx.doc.tokens
    k = first - 1 - (first > 1 and toks[first - 1].norm == "من")
    return k if k > 0 and toks[k].norm.removeprefix("و") in BACKING_WORDS else None


def modal_subject(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    """«لا يمكن للحزب أن يوافق»، «يحق للبرلمان أن يطلب»: the one who can or must act is
    named after ل before أن."""
    toks = ctx.doc.tokens
    if i < 3 or toks[i - 1].norm != "ان":
        return None
    a = ctx.actor_ending.get(i - 1)
    if a is None or a.first <= floor or preposition(ctx, a) != "ل":
        return None
    return a if toks[a.first - 1].norm.removeprefix("و") in MODALS else None


def kana_subject(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    """وكان الجيش قد قصف…، إن الجيش قد يهاجم…، أن تكون تركيا تساعد…: a subject between كان (or
    إن) and قد, or right after كان, comes before its verb."""
    if i < 2:
        return None
    if ctx.doc.tokens[i - 1].norm not in ("قد", "وقد"):
        a = ctx.actor_ending.get(i)  # أن تكون تركيا تساعد: كان + subject + verb, no قد
        return a if a is not None and a.first > floor and a.first > 0 \
            and ctx.doc.tokens[a.first - 1].norm.lstrip("وف") in KANA else None
    a = ctx.actor_ending.get(i - 1)
    if a is None or a.first <= floor:
        return None
    before = ctx.doc.tokens[a.first - 1].norm
    return a if before.lstrip("وف") in KANA or before in COMPLEMENTIZERS else None


def _thing_word(ctx: Context, j: int) -> bool:
    """A word with the article in no actor phrase (المبالغات، الاتفاق): no party."""
    tok = ctx.doc.tokens[j]
    return (tok.kind == "word" and tok.norm.startswith("ال") and tok.norm not in NOT_NOUNS
            and not ctx.in_actor(j) and j not in ctx.nisba and j not in ctx.tokens_in_times)


def fronted_thing(ctx: Context, i: int, floor: int) -> bool:
    """هذه المبالغات دعت المسؤولين، إن الاتفاق يطالب الطرفين: a noun naming no party before the
    verb, after a demonstrative opening its clause (or a THING word after a complementizer), is
    its subject: no actor, and the phrase after the verb is its object."""
    j = i
    while j > floor and i - j < 3 and _thing_word(ctx, j - 1):
        j -= 1
    if j == i or j == floor:
        return False
    toks = ctx.doc.tokens
    before = toks[j - 1].norm
    if before in COMPLEMENTIZERS:  # (not «أن المدرب البلجيكي وافق»: a person)
        return has_word(toks[j], "THING")
    if before.removeprefix("و") not in DEMONSTRATIVES:
        return False
    # at the start of its clause (not «في هذا السياق رفض X»)
    return (before != before.removeprefix("و") or j - 1 == floor or toks[j - 2].kind == "punct"
            or toks[j - 2].norm.lstrip("وف") in COMPLEMENTIZERS)


def thing_after(ctx: Context, trig: Trigger, ceiling: int) -> int | None:
    """كما يطالب الاتفاق، يدعو القرار الطرفين: a THING word (evidence.tsv) right after a verb of
    request (whose object is a party) is its subject: the token after its phrase, else None."""
    if trig.pattern.type != "REQUEST":
        return None  # (رفض الاتفاق، يدعمون الاتفاق: the object)
    j = trig.last
    while j < ceiling and skippable(ctx, j):
        j += 1
    if j >= ceiling or not _thing_word(ctx, j) or not has_word(ctx.doc.tokens[j], "THING"):
        return None
    j += 1
    while j < ceiling and _thing_word(ctx, j):
        j += 1
    return j


def indefinite_head(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«فصائل تعارض الحوثيين»، «مجموعة مسلحة تعارض الحكومة»: a present verb right after an unnamed
    indefinite phrase describes it (a relative clause with no pronoun); the phrase is its subject."""
    a = ctx.actor_ending.get(trig.first)
    if a is None or a.first < floor or a.entity is not None or a.place or trig.entry.tense != "present":
        return None
    toks = ctx.doc.tokens
    return None if any(definite(ctx.doc.text, toks[k]) for k in range(a.first, trig.first)) else a


def relative_head(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    """كيري الذي يزور قطر: the antecedent of a relative pronoun is the subject."""
    j = i - 1
    if j > floor and ctx.doc.tokens[j].norm in NEGATIONS:
        j -= 1  # التي لم تشارك
    if j > floor and ctx.doc.tokens[j].norm in RELATIVES:
        return ctx.actor_ending.get(j)
    return None


def near_antecedent(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """The party a relative pronoun stands for, a few words before it past a comma, an adjective,
    a place or a name (قوات الاحتلال في فلسطين، التي؛ الوزير فلان الذي), with no verb between."""
    toks = ctx.doc.tokens
    j = trig.first - 1
    if toks[j].norm in NEGATIONS:
        j -= 1
    for k in range(j, max(floor, j - ANTECEDENT_REACH), -1):
        head = ctx.actor_ending.get(k)
        if head is not None and not head.place:
            return head
        w = toks[k - 1].norm
        if k - 1 in ctx.verbs or w in COMPLEMENTIZERS or w in PRONOUN_THAT or w in LINK_PREPS:
            return None  # (الآثار المترتبة على الاتفاق الذي: no party's clause)
    return None


def thing_head(ctx: Context, trig: Trigger, floor: int) -> bool:
    """«الضربات الأمنية التي تستهدف قيادات التنظيم»: a conflict verb right after الذي/التي whose
    antecedent is a thing (a word with the article in no actor phrase) has that thing as its
    subject: no actor, and the phrase after the verb is its object (العصابة التي خطفت رجل الأعمال)."""
    toks, j = ctx.doc.tokens, trig.first - 1
    if j > floor and (toks[j].norm in KANA or toks[j].norm in NEGATIONS):
        j -= 1
    if trig.pattern.type not in CONFLICT or j <= floor or toks[j].norm not in ("الذي", "التي") \
            or not _thing_word(ctx, j - 1) or trig.pattern.pos != "V" or suffixed(ctx, trig) \
            or any(k in ctx.trigger_tokens for k in range(max(j - 3, floor), j)):
        return False  # (الهجوم الذي استهدف X: the attack noun's own event; الحصار الذي فرضته X)
    end = ctx.clause_end(trig.last, min(trig.last + RESUMPTIVE_SPAN, len(toks)))
    return not any(toks[k].norm in RESUMPTIVE or toks[k].norm.startswith(("ب", "ل")) and toks[k].norm.endswith("ها")
                   for k in range(trig.last, end))  # (التي قصفت X مناطق فيها، التي يهدد X باستهدافها)


def embedded_floor(ctx: Context, i: int, floor: int) -> int:
    """Inside «… إن X فعل» or a statement after a colon, the subject is after the complementizer
    or the colon (unless it carries the subject pronoun: إنه، إنها)."""
    marks = ctx.statement_marks(ctx.doc.tokens[i].sent)
    k = bisect_left(marks, i) - 1
    if k < 0 or marks[k] < floor or ctx.doc.tokens[marks[k]].norm in SUBJECT_THAT:
        return floor
    return marks[k] + 1  # also «قالت الرئاسة: "…»: the speaker is outside the statement


def clause_subject(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    """أعلن بوتين تسهيل… ورفع الحظر، إن عمّان ستستضيف اجتماعا: a noun trigger takes the subject
    of the verb before it (after it, or for a light verb also before it after a complementizer)."""
    j = ctx.verb_before(i, embedded_floor(ctx, i, floor))
    if j is None:
        return None
    return subject_after(ctx, j + 1, i) or (
        fronted_subject(ctx, j, floor) if j in ctx.light_verbs
        and not any(t.norm in ('"', ":") for t in ctx.doc.tokens[j:i]) else None)  # (not past a quote)


def light_subject(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«قررت البحرين طرد السفير»، «أعلنت الحكومة قطع…»: a bare past form right after a light or
    reporting verb and its subject is the verbal noun written alike; that subject acts."""
    tok = ctx.doc.tokens[trig.first]
    if trig.entry.tense != "past" or tok.start != trig.start \
            or tok.norm != past_head(trig.pattern.lemma):
        return None
    j = ctx.verb_before(trig.first, embedded_floor(ctx, trig.first, floor))
    if j is None or not (j in ctx.light_verbs or j in ctx.reports):
        return None
    a = subject_after(ctx, j + 1, trig.first)
    return a if a is not None and a.last == trig.first else None


def pronoun_owner(ctx: Context, trig: Trigger, floor: int) -> list[ActorPhrase]:
    """«أكد الوزير خلال لقائه السفير…»: the possessive pronoun of an event noun is the subject of
    its clause (else the party named last before it, the subject of the sentence's first verb
    or that of the sentence before; else none: never a party named after it)."""
    a = (clause_subject(ctx, trig.first, floor) or nearest_before(ctx, trig.first, floor)
         or main_subject(ctx, trig.first, floor) or previous_subject(ctx, trig.first))
    return [] if a is None or a.place and not ctx.is_country(a) else coordinated(ctx, a, max(trig.first, a.last))


def object_of_event(ctx: Context, i: int, floor: int) -> bool:
    """رفض X العقوبات، نفى X الاتهامات: the noun at i is the object of another event's verb or of
    a denial (whose subject is not the noun's actor)."""
    j = ctx.verb_before(i, embedded_floor(ctx, i, floor))
    return j is not None and (j in ctx.event_verbs or j in ctx.denials) and i - j > 1


def comment_noun(doc: Document, trig: Trigger) -> bool:
    """«…، في تهديد مبطن لـ…»: a threat noun after a comma and في comments on the statement
    before it, whose speaker makes the threat."""
    toks = doc.tokens
    return trig.pattern.type == "THREATEN" and trig.pattern.pos == "N" and trig.first > 1 \
        and toks[trig.first - 1].norm in IN and toks[trig.first - 2].norm == ","


def proposer(ctx: Context, after: int, ceiling: int, used: list) -> list[ActorPhrase]:
    """«رفض طلبا من X»، «رفضت طلب X»: the author of a request or offer (PROPOSAL in
    evidence.tsv) right after a rejection and its subject is the one it is toward."""
    toks = ctx.doc.tokens
    if after >= ceiling - 1 or not has_word(toks[after], "PROPOSAL"):
        return []
    k = after + 2 if toks[after + 1].norm in ("من", "مقدم", "مقدما") else after + 1
    if k < ceiling and toks[k].norm == "من":
        k += 1  # طلبا مقدما من
    a = ctx.actor_at.get(k)
    return [] if a is None or a in used or a.place and not ctx.is_country(a) else coordinated(ctx, a, ceiling)


def main_subject(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    """The subject of the sentence's main verb (that of a circumstantial participle: أدلى ظريف
    بتصريح، داعيا الكونغرس): its first word when it may be a verb not in our lists (ثمن الأمير X،
    وعبر الرئيس عن…), else its first verb; none once a relative clause (بما حققته القوات) or a
    statement (:) opens before it, and none after مع (بحث مع نائب الرئيس: the one met)."""
    toks = ctx.doc.tokens
    if floor not in ctx.verbs and floor not in ctx.actor_at and _opening_verb(toks[floor]) \
            and (a := _verb_subject(ctx, floor + 1, i)) is not None:
        return a
    for j in range(floor, i):
        if j in ctx.verbs:
            return _verb_subject(ctx, j + 1, i)
        if toks[j].norm in RELATIVES or toks[j].norm in MA_RELATIVES or toks[j].norm == ":":
            return None
    return None


def _opening_verb(tok) -> bool:
    """A sentence's first word that may be a verb (ونوه، ثمن)."""
    word = tok.readings[-1][0] if tok.norm[:1] in "وف" and len(tok.readings) == 2 else tok.norm
    return (tok.kind == "word" and not word.startswith("ال") and (word not in PREPOSITIONS or word == "عبر")
            and word not in PARTICLES and word not in SKIP_WORDS)  # (عبر: the subject tells, see _expressed)


def continued_subject(ctx: Context, i: int) -> ActorPhrase | None:
    """«وأضاف: إن …، مشيدا»: a sentence opening with a verb with no subject of its own goes on
    with the subject of the first verb of the sentence before."""
    doc, toks = ctx.doc, ctx.doc.tokens
    k = toks[i].sent
    first = doc.sentences[k].first_token
    if k == 0 or first not in ctx.verbs or first + 1 >= i or not _no_subject(toks[first + 1]):
        return None
    prev = doc.sentences[k - 1]
    return main_subject(ctx, prev.last_token, prev.first_token)


def _verb_subject(ctx: Context, i: int, limit: int) -> ActorPhrase | None:
    """subject_after past a style of address (ثمن صاحب السمو الأمير X), not crossing
    punctuation (قال: «…»)."""
    toks = ctx.doc.tokens
    i = after_style(ctx, i)
    for j in range(i, min(i + 4, limit)):
        a = ctx.actor_at.get(j)
        if a is not None:
            return a if preposition(ctx, a) is None and (not a.place or ctx.is_country(a)) else None
        if toks[j].norm in (":", ",", ";") or not (  # (وشهدت اللاذقية تظاهرة: a place is no actor)
                skippable(ctx, j) or toks[j].kind == "punct" or partitive(ctx.doc, j)
                or toks[j].norm in HONORIFICS):
            return None  # (وحذر "السديس"، أبدى عدد من التجار، ونوه اللواء الغامدي)
    return None


def main_subject_after(ctx: Context, trig: Trigger, ceiling: int) -> ActorPhrase | None:
    """«خلال زيارة إلى إندونيسيا، قال الرئيس…»: a noun in a fronted adverbial phrase takes the
    subject of the main verb after the comma."""
    toks = ctx.doc.tokens
    sent = ctx.doc.sentences[toks[trig.first].sent]
    if ceiling >= sent.last_token or toks[ceiling].norm != "," or _time_after(ctx, trig.first):
        return None
    if ceiling + 1 < sent.last_token and toks[ceiling + 1].norm in RELATIVES:
        return None  # «للخطة الجديدة، التي رفضها الوزير»: a relative clause on the noun
    for j in range(ceiling + 1, min(ceiling + 4, sent.last_token)):
        if j in ctx.verbs:
            return subject_after(ctx, j + 1, sent.last_token)
    j = ceiling + 1  # «بعد التشاور مع …، قرر رئيس الجمهورية»: a verb not in our lists
    a = ctx.actor_at.get(j + 1)
    if j + 1 < sent.last_token and _bare_word(toks[j]) and a is not None \
            and preposition(ctx, a) is None:
        return a
    return None


def fronted_adverbial(ctx: Context, trig: Trigger) -> bool:
    """«…، وخلال زيارة إلى إندونيسيا، قال الرئيس»: the noun opens a time phrase at the start of a
    sentence or of a new clause (، وخلال), so its party is the main subject after the comma, not a
    phrase told before it (not «…، بعد معارك ضارية، وقصف…»: a phrase trailing the clause)."""
    toks = ctx.doc.tokens
    k = trig.first - 1
    if k < 0 or toks[k].sent != toks[trig.first].sent:
        return False
    word = toks[k].norm
    if k == ctx.doc.sentences[toks[trig.first].sent].first_token:
        return word.lstrip("وف") in ADVERBIAL_STARTS
    return word[:1] in "وف" and word[1:] in ADVERBIAL_STARTS and toks[k - 1].norm in (",", ";")


def _bare_word(tok) -> bool:
    """A word that may be a verb: no article, not a particle or preposition."""
    w = tok.norm
    return (tok.kind == "word" and len(tok.readings) == 1 and not w.startswith("ال")
            and w not in PREPOSITIONS and w not in PARTICLES and w not in SKIP_WORDS)


def adverbial_end(ctx: Context, i: int, floor: int) -> int:
    """«بعد توصل الدول الست إلى اتفاق مع إيران، سافر الوزير…»: the parties of a fronted time
    phrase are not the subject of the verb after its comma."""
    toks = ctx.doc.tokens
    first = toks[floor].norm
    if first[:1] in "وف" and first[1:] in ADVERBIAL_STARTS:
        first = first[1:]
    if first not in ADVERBIAL_STARTS:
        return floor
    for j in range(i - 1, floor, -1):
        if toks[j].norm == ",":
            return j + 1
    return floor


def coordinated_subject(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«قال X إن …، ودعا الأطراف إلى…»: a verb joined by و after a comma, with no subject of its
    own, shares the subject of the verb shortly before it."""
    toks = ctx.doc.tokens
    tok = toks[trig.first]
    if trig.start == tok.start or not tok.norm.startswith("و") or trig.first - 1 <= floor \
            or toks[trig.first - 1].norm != ",":
        return None
    masculine = agreement(ctx, trig) == "m"
    for j in range(trig.first - 2, max(floor, trig.first - COORD_GAP) - 1, -1):
        if j in ctx.verbs and not (masculine and _other_past(toks[j].norm)):
            return subject_after(ctx, j + 1, trig.first)  # (قال X إن مصر دفعت…، وأدان: X)
    return None


def _other_past(word: str) -> bool:
    """دفعت، قالوا، ثمنا: a past verb form whose subject is feminine, plural or «we», never the
    subject of a masculine singular verb."""
    return len(word) > 3 and (word.endswith(("وا", "نا")) or word.endswith("ت") and not word.endswith(("ات", "وت")))


def pronoun_statement_subject(ctx: Context, trig: Trigger) -> ActorPhrase | None:
    """«أكدت روسيا أنها قصفت…»: after «أنها» the verb's subject is a country that introduced
    the statement, or any subject of a reporting verb (قال السفير X لـ«الصحيفة» إنه زار…;
    other subjects are found by ``nearest_before``, which skips places)."""
    return _statement_subject_at(ctx, trig.first)


def _statement_subject_at(ctx: Context, first: int) -> ActorPhrase | None:
    toks = ctx.doc.tokens
    i = first - 1
    if i < 1 or toks[i].norm not in SUBJECT_THAT:
        return None
    k = ctx.verb_before(i, ctx.doc.sentences[toks[i].sent].first_token)
    a = subject_after(ctx, k + 1, i) if k is not None and k not in ctx.event_verbs else None
    return a if a is not None and (a.place or k in ctx.reports and _said_directly(ctx, a.last, i)) else None


def joined_pronoun_subject(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«قال الرئيس إنه زار موسكو والتقى بوتين»: a verb joined to one whose subject is the pronoun
    of «إنه/أنها» has that verb's subject (the phrase after it is its object)."""
    k = _joined_verb(ctx, trig)
    if not k or not _pronoun_agrees(ctx, trig, ctx.doc.tokens[k - 1].norm):
        return None
    return (_statement_subject_at(ctx, k) or subject_before(ctx, k, floor)
            or nearest_before(ctx, k, adverbial_end(ctx, k, floor)))


def _said_directly(ctx: Context, start: int, i: int) -> bool:
    """«قال X لـ«Y» إنه زار»: the statement at token i is the speaker's own, with no other verb,
    complementizer or colon between (not «أنّ التنظيم كان…، إلا أنهم اعتقلوا»)."""
    toks = ctx.doc.tokens
    return not any(k in ctx.verbs or toks[k].norm in STATEMENT_WORDS for k in range(start, i))


def joined_verb_subject(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«هاجم رئيس الوزراء المعارضة واتهمها بـ…»: a verb carrying و with no subject after it
    shares the subject right after the verb before it in its clause; the phrase between them
    is that verb's object, not this verb's subject."""
    tok = ctx.doc.tokens[trig.first]
    obj = ctx.actor_ending.get(trig.first)
    if trig.start == tok.start or not tok.norm.startswith("و") or obj is None:
        return None
    k = ctx.verb_before(trig.first, floor)
    if k is None or k not in ctx.event_verbs:  # not a reporting verb: ذكرت الوكالة أن…
        return None
    a = (fronted_subject(ctx, k, floor) or subject_after(ctx, k + 1, trig.first)
         or subject_before(ctx, k, floor))  # (إن X اقتحمت … وسيطرت)
    return a if a is not None and not a.place and a.last <= obj.first else None


def shared_subject(ctx: Context, trig: Trigger, a: ActorPhrase, floor: int) -> ActorPhrase | None:
    """«رحب البيت الأبيض بـ… ووصف حزب العمال بأنه…»: a verb taking an object, carrying و and
    joined to an event verb shortly before it whose subject is named after it, keeps that
    subject (a subject is left out when it stays the same); the party after it is its object."""
    k = _joined_verb(ctx, trig)
    if k is None or k not in ctx.event_verbs and k not in ctx.light_verbs:
        return None
    x = fronted_subject(ctx, k, floor) or subject_after(ctx, k + 1, trig.first) or subject_before(ctx, k, floor)
    if x is None or x.entity is not None and x.entity == a.entity or disagrees(ctx, trig, x):
        return None
    toks = ctx.doc.tokens
    same = toks[x.first].norm.removeprefix("ال") == toks[a.first].norm.removeprefix("ال")
    return None if same else x  # (أدان اتحاد المحامين … وطالب الاتحاد: named again)


def previous_subject(ctx: Context, i: int) -> ActorPhrase | None:
    """«… قال الرئيس إن … . وأعرب عن استعداده للتعاون»: a sentence opening with a verb that has no
    subject of its own goes on with the subject of the sentence before (its first verb's)."""
    doc = ctx.doc
    toks = doc.tokens
    k = toks[i].sent
    first = doc.sentences[k].first_token
    if k == 0 or first not in ctx.verbs or first + 1 >= len(toks) or not _no_subject(toks[first + 1]) \
            or ctx.clause_start(i, first) != first or any(
                toks[j].norm in COMPLEMENTIZERS or toks[j].norm in PRONOUN_THAT
                for j in range(first + 1, i)):
        return None  # not «يذكر أن نحو 700 بريطاني سافروا»: the verb is in another clause
    prev = doc.sentences[k - 1]
    for j in range(prev.first_token, prev.last_token):
        if j in ctx.verbs:
            return subject_after(ctx, j + 1, prev.last_token)
    return None


def _no_subject(tok) -> bool:
    """The word after a verb shows it has no subject noun: a preposition, a particle, a colon."""
    w = tok.norm
    return (w in (",", ":") or w in PREPOSITIONS or w in COMPLEMENTIZERS or w in PARTICLES
            or w in PRONOUN_THAT)


def _time_after(ctx: Context, i: int) -> bool:
    """«بعد ثمانية أيام من الهجوم»: a noun dating the main clause names another happening."""
    toks = ctx.doc.tokens
    return i > 0 and toks[i - 1].norm == "من" and any(
        toks[j].norm.lstrip("و") in TIME_FROM for j in range(max(i - 5, 0), i - 1))


def nearest_before(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    floor = embedded_floor(ctx, i, floor)
    toks = ctx.doc.tokens
    best = None
    object_end = -1
    for a in ctx.by_sent.get(toks[i].sent, ()):
        if a.last > i:
            break
        if a.first == object_end:
            object_end = a.last  # … وزير الخارجية الألماني فرانك فالتر شتاينماير: the same phrase
            continue
        if a.first >= floor and not a.place and preposition(ctx, a) is None \
                and not is_target(toks[a.first - 1]) \
                and not _counted_object(ctx, a):  # مركز الشرطة: the owner of a target
            if best is not None and a.first - 1 in ctx.verbs and best.last >= a.first - 2:
                continue  # الجيش قصف المسلحين ثم هاجمهم: the phrase after a verb is its object
            if best is not None and best.first - 1 in ctx.verbs and best.last <= a.first <= best.last + 3 \
                    and not any(k in ctx.verbs or toks[k].kind == "punct" for k in range(best.last, a.first)):
                object_end = a.last  # استقبل الملك الوزير: the phrase after the subject
                continue
            best = a
    return best


def _counted_object(ctx: Context, a: ActorPhrase) -> bool:
    """«وقتلت ستة من المسلحين»: a counted phrase right after a verb of force is its patient."""
    return a.first > 2 and ctx.doc.tokens[a.first - 1].norm == "من" and a.first - 3 in ctx.force_verbs
