"""Actor and recipient of a trigger, from the actor phrases around it: find_arguments chooses among
the finders of subjects.py, objects.py and agents.py by the trigger's pattern and word class."""
from __future__ import annotations

from ..text.normalize import normalize
from ..text.segment import definite
from .actors import TITLES, ActorPhrase, nominative_plurals
from .agents import (
    agent_after, backed_by, by_agent, doer, far_agent, permitted, possessive_accusation, venture_verb,
    ventured,
)
from .context import RELATIVES, SUBJECT_THAT, Context
from .evidence import ARMED, has_word, is_target
from .grammar import (
    AGENT_SECTORS, COUNTS, FAR_PAIRS, FORCE_ON, KANA, NEGATIONS, PARTITIVES, PERSONAL, PRONOUN_SUFFIXES,
    RELATIVE_AGREES, RELATIVE_SPAN, RESUMPTIVE, TOWARD, WINDOW, after_style, agreement, carries_object,
    construct_blocked, coordinated, disagrees, joined_before, possessive, preposition, relative_object,
    subject_after, trigger_with_b, verb_form,
)
from .objects import (
    antecedent, between_actors, each_side, held_by, met_sides, nisba_actor, object_after_place,
    object_in_clause, object_nisba, people_object, pronoun_object, recipients, session_body, target_nisba,
    teller,
)
from .patterns import past_head
from .subjects import (
    adverbial_end, clause_subject, comment_noun, continued_subject, coordinated_subject, embedded_floor,
    fronted_adverbial, fronted_noun, fronted_subject, fronted_thing, indefinite_head, joined_pronoun_subject,
    joined_verb_subject, kana_subject, light_subject, main_subject, main_subject_after, modal_subject,
    near_antecedent, nearest_before, object_of_event, previous_subject, pronoun_owner,
    pronoun_statement_subject, pronoun_subject, proposer, relative_fronted, relative_head, shared_subject,
    subject_before, thing_after, thing_head,
)
from .triggers import Trigger

DENIERS = frozenset({"GOV", "MIL", "COP", "SPY"})  # state bodies denying their own act
ARMED_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
CAUSE_BEFORE = frozenset(normalize(w) for w in "نتيجة جراء إثر اثر عقب بعد خلال في منذ بسبب ضحايا".split())
STANCE_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})  # verbal stances toward a policy
SYMMETRIC = frozenset({"AGREE"})
PAIRED = frozenset({"COOPERATE"})  # تعاون أوثق بين موسكو وأنقرة: X with Y
FRONTED_REACH = 4  # words from a verb to «على يد» naming the agent (خطفوا مساء الأربعاء على أيدي)
WITH_PRONOUNS = frozenset({"معها", "معه", "معهم", "معهما"})
PEOPLE_MODES = PERSONAL | {"release", "kill", "abduct", "assassinate", "execute"}
HUNDREDS = frozenset({"مئه", "مائه", "الف", "الفا", "مئتي", "الفي"})  # ترحيل ألف إيراني
PART_WORDS = frozenset({"عناصر", "عنصر", "عنصرا", "مقاتلي", "مقاتلين", "اعضاء", "عضو", "مسلحي"})
TOPIC_NOUNS = frozenset(normalize(w) for w in "أهمية نتائج نتيجة تفاصيل أهداف مخرجات ثمار نجاح "
                        "موعد برنامج جدول مضمون فحوى حول بشأن".split())
RELATIVE_PRONOUNS = {"الذي": "ه", "التي": "ها", "الذين": "هم"}  # the pronoun taking the head back
DAMMA, FATHA, KASRA = "\u064f", "\u064e", "\u0650"
SHARED_NOUNS = 2  # nouns joined by و before a genitive they share (دعم ورعاية واهتمام X)
CASE_NOUNS = frozenset(normalize(w) for w in "قضية حادث حادثة".split())  # في قضية التفجير الذي


def _partitive_of(ctx: Context, k: int) -> bool:
    """«عدد من، عشرات من، بعض»: a count word and من at token k, the party after them counted."""
    toks = ctx.doc.tokens
    return toks[k].norm in PARTITIVES and toks[k + 1].norm == "من"


def _thing_relative(ctx: Context, trig: Trigger, floor: int, ceiling: int) -> bool:
    """«الهجمات التي استهدفت تركيا»، «اللغم الذي كان يستهدف قوات الأمن»: a verb of force right
    after الذي/التي whose antecedent is a deed (DEED: العمل الجبان الذي), or an attack or a weapon
    with a party named after the verb, has that thing as its subject: the party is its target."""
    toks, j = ctx.doc.tokens, trig.first - 1
    if j > floor and toks[j].norm in KANA:
        j -= 1
    if trig.pattern.type != "ASSAULT" or j <= floor or toks[j].norm not in ("الذي", "التي") \
            or ctx.actor_ending.get(j) is not None or carries_object(ctx, trig):
        return False
    before = range(max(j - 3, floor), j)  # (not المدن التي سيطر عليها الحوثيون)
    return any(has_word(toks[k], "DEED") for k in before) or bool(recipients(ctx, trig, trig.last, ceiling, [])) \
        and any(k in ctx.trigger_tokens or has_word(toks[k], "DEVICE") for k in before)


def _unnamed_relative(ctx: Context, trig: Trigger, floor: int) -> bool:
    """«الانتحاري الذي فجر نفسه»: the subject of a relative verb is its antecedent; an antecedent
    naming no party leaves the verb with no actor (never the subject of the main clause)."""
    if carries_object(ctx, trig):
        return False  # الاتفاق الذي وقعه: the doer is another
    j = trig.first - 1
    if j > floor and ctx.doc.tokens[j].norm in NEGATIONS:
        j -= 1
    if j - 1 in ctx.trigger_tokens:
        return False  # الهجوم الذي استهدف: the event noun's own clause
    agrees, _ = verb_form(ctx, trig)  # (المناطق التي ينسحبون منها: another subject)
    return j > floor and agrees is not None and RELATIVE_AGREES.get(ctx.doc.tokens[j].norm) == agrees


def _subject_relative(ctx: Context, trig: Trigger, floor: int) -> bool:
    """«المعارضة التي ترفض داعش»: a verb right after an agreeing relative pronoun, with no pronoun
    taking the head back (ترفضه، تسيطر عليها), has the head as its subject: the phrase after
    the verb is its object."""
    toks, text = ctx.doc.tokens, ctx.doc.text
    before = toks[trig.first - 1].norm if trig.first else ""
    if before not in RELATIVE_AGREES and before not in NEGATIONS:
        return False
    if not _unnamed_relative(ctx, trig, floor) or near_antecedent(ctx, trig, floor) is None:
        return False  # (الأمر الذي رفض الرئيس إقراره: no party before)
    head = ctx.actor_ending.get(trig.first - 1)  # (مدينة تلبيسة التي قصفت X مناطق فيها)
    if head is not None and head.place:
        return False
    suffix = RELATIVE_PRONOUNS.get(toks[trig.first - 1].norm)
    end = ctx.doc.sentences[toks[trig.first].sent].last_token  # (past an aside: صادق X، الأربعاء، على تعيينه)
    for k in range(trig.last, min(trig.last + RELATIVE_SPAN, end)):  # (الذي ينتقد بعض المتمردين علاقاته: the pronoun takes him back)
        if toks[k].norm.startswith("و") and k > trig.last:
            break  # وتقاتلها: a clause of its own
        if toks[k].norm in RESUMPTIVE or suffix and text[toks[k].start:toks[k].end].endswith(suffix):
            return False
    return True


def _device_subject(ctx: Context, trig: Trigger) -> bool:
    """«قتلت قذائف الهاون عشرات المدنيين»: a weapon or a blast right after a verb of force (or an
    attack before it, see _attack_antecedent) is its subject; who fired it is named only after it,
    never by a phrase before the verb."""
    toks = ctx.doc.tokens
    return trig.pattern.type == "ASSAULT" and (
        trig.last < len(toks) and has_word(toks[trig.last], "DEVICE") or _attack_antecedent(ctx, trig))


def _told_by_relative(ctx: Context, trig: Trigger) -> bool:
    """An attack noun after a word of cause or time, followed (past one or two adjectives) by
    الذي/التي and an event verb: (نتيجة) التفجير الذي استهدف مسجد X."""
    toks = ctx.doc.tokens
    for j in (trig.last, trig.last + 1, trig.last + 2):
        if j + 1 < len(toks) and toks[j].norm in RELATIVES:
            return j + 1 in ctx.trigger_tokens and _attack_of_cause(ctx, trig.first)
    return False


def _attack_antecedent(ctx: Context, trig: Trigger) -> bool:
    """«نتيجة التفجير (الغاشم) الذي استهدف مسجد قوات الطوارئ»: the attack itself is the subject
    of a verb in a relative clause after it; a phrase before it is no attacker."""
    toks, j = ctx.doc.tokens, trig.first - 1
    if j > 0 and j in ctx.trigger_tokens and not definite(ctx.doc.text, toks[j]):
        return toks[j - 1].norm == "علي" or _attack_of_cause(ctx, j)  # بعد ساعات على تفجيرات
        # استهدفت سيارات ناشطين: an indefinite noun's clause needs no relative pronoun
    if j < 1 or toks[j].norm not in RELATIVES:
        return False
    noun = next((k for k in (j - 1, j - 2) if k in ctx.trigger_tokens), None)
    return noun is not None and _attack_of_cause(ctx, noun)


def _attack_of_cause(ctx: Context, k: int) -> bool:
    """The attack noun at token k follows a word of cause or time (نتيجة، جراء، في، بعد) or ب:
    its author is not the subject of the sentence (unlike «يقف وراء الاعتداء الذي…»)."""
    toks = ctx.doc.tokens
    tok = toks[k]
    if ctx.doc.text[tok.start] == "ب" and any(p for _, p in tok.readings):
        return True
    if k > 1 and toks[k - 1].norm.removeprefix("و") in CASE_NOUNS:
        k -= 1  # في قضية التفجير، في حادث التفجير: the case of the attack
    return k > 0 and toks[k - 1].norm in CAUSE_BEFORE


def _denied_own_act(ctx: Context, trig: Trigger, a: ActorPhrase, floor: int) -> bool:
    """«نفت وزارة الداخلية اعتقال أي صحفي»، «نفى الجيش قصف المدنيين»: a state body that denies an
    arrest or a use of force denies its own act."""
    j = ctx.verb_before(trig.first, embedded_floor(ctx, trig.first, floor))
    return j in ctx.denials and a.sector in DENIERS and trig.pattern.type in ("COERCE", "ASSAULT")


def _announced(ctx: Context, trig: Trigger, floor: int) -> bool:
    """An attack noun right after a reporting verb and its unarmed subject (أعلنت الوزارة
    انفجار…), not one after armed forces telling of their own strike (أعلن الجيش قصف…)."""
    j = ctx.verb_before(trig.first, embedded_floor(ctx, trig.first, floor))
    if j is None or j not in ctx.reports:
        return False
    a = subject_after(ctx, j + 1, trig.first)
    return a is not None and a.sector not in ARMED and not a.place  # a state: its army


def _circumstantial(ctx: Context, trig: Trigger) -> bool:
    """A participle in its masculine accusative form (مشيدا، مطالبين), never a verbal noun
    (unlike مطالبة العمال)."""
    return normalize(ctx.doc.text[trig.start:trig.end]).endswith(("ا", "ين"))


def _oblique_plural(ctx: Context, trig: Trigger, a: ActorPhrase) -> bool:
    """«دعا المسؤولين العسكريين»، «تدين المستوطنين»: a sound masculine plural written with -ين
    (accusative) right after a verb is its object; its subject would be المسؤولون (so for any
    unnamed head: التقى العاملين; not a short singular: الأمين العام). Not after a
    form that may be the verbal noun (قصف الحوثيين، سيطرة المتمردين: the genitive acts)."""
    doc = ctx.doc
    if a.first != trig.last or _masdar_like(ctx, trig):
        return False
    word = doc.tokens[a.first].norm
    word = word[1:] if word[:2] == "وا" else word
    return word.endswith("ين") and (word[:-2] + "ون" in nominative_plurals() or word.endswith("يين")
                                    or a.entity is None and not a.place and len(word.removeprefix("ال")) > 4)


def _masdar_like(ctx: Context, trig: Trigger) -> bool:
    """A bare past form of a sound three-letter verb (قصف، منع) or one written with ة (سيطرة)."""
    doc = ctx.doc
    written = doc.text[trig.start:doc.tokens[trig.first].end].rstrip()
    head = past_head(trig.pattern.lemma)
    return written.endswith("ة") or (doc.tokens[trig.first].norm.lstrip("وف") == head
                                     and len(head) == 3 and head[-1] not in "اي")


def _passive_rest(ctx: Context, trig: Trigger) -> bool:
    """«إذا رفعت العقوبات»: the object word of the pattern right after the verb, with no subject
    between, reads as a passive (رُفعت): no actor from far before."""
    rest = trig.entry.rest_first
    toks = ctx.doc.tokens
    if trig.first and toks[trig.first - 1].norm in SUBJECT_THAT:
        return False  # أعلنت الحكومة أنها ستفرض حظر التجول: the pronoun is the subject
    return bool(rest) and trig.last < len(toks) and any(
        f in rest for f, _ in toks[trig.last].readings)


def _heard_of(ctx: Context, trig: Trigger) -> bool:
    """A meeting noun as the topic of a statement (أكد أهمية الزيارة، تفاصيل اللقاء): the
    subject of the clause is not its party."""
    toks = ctx.doc.tokens
    if trig.first == 0 or ctx.doc.text[trig.start:trig.end].endswith(PRONOUN_SUFFIXES):
        return False  # أهمية زيارته: his own
    word = toks[trig.first - 1].norm
    return word.lstrip("و") in TOPIC_NOUNS or word[:1] in "وب" and word[1:].lstrip("ب") in TOPIC_NOUNS


def _accused_after_agent(ctx: Context, trig: Trigger, g: ActorPhrase) -> ActorPhrase | None:
    """«اتهام السلطات التركية المسلحين الأكراد بمهاجمة…»: an accusation noun whose genitive is
    followed right by another party and the charge with ب: the genitive accuses that party."""
    if trig.pattern.type != "ACCUSE":
        return None
    h = ctx.actor_at.get(g.last)
    toks = ctx.doc.tokens
    if h is None or h.place or preposition(ctx, h) is not None or h.last >= len(toks):
        return None
    k = h.last
    while k < min(h.last + 2, len(toks) - 1) and (k in ctx.nisba or toks[k].norm.startswith("ال")) \
            and k not in ctx.actor_at:
        k += 1  # (المسلحين الأكراد: an adjective of the accused)
    word = toks[k].norm
    return h if word.startswith("ب") and len(word) > 3 and k not in ctx.actor_at else None


def _titled_genitive(ctx: Context, trig: Trigger) -> bool:
    """The noun's genitive is an official's title that makes no actor phrase (أمين المدينة)."""
    k, toks = trig.last, ctx.doc.tokens
    return k < len(toks) and k not in ctx.actor_at and not definite(ctx.doc.text, toks[k - 1]) \
        and toks[k].norm.removeprefix("ال") in TITLES  # (خلال الزيارة وكيل المحافظ: no genitive)


# armed parties, parties that may have militias, and people who may turn out to be the victims
MAY_ATTACK = ARMED | {"PTY", "OPP", "CVL", "JRN", "REF", "EDU", "MED"}
PERPETRATORS = frozenset(normalize(w) for w in "منفذ منفذي منفذو منفذا ومنفذي مرتكب مرتكبي مرتكبو "
                         "ومرتكبي المسؤولين المسؤول".split())  # منفذي الهجوم: the attackers, named elsewhere


def _may_attack(ctx: Context, trig: Trigger, a: ActorPhrase) -> bool:
    """An attack noun takes a subject from its clause only as an armed party, a party, a state or
    people who may be its victims (not a mourner, a speaker or an official: «عبر الأزهر عن تعازيه
    … في شهداء الهجوم»، «قام أمير المنطقة بجولة لموقع التفجير»), and never
    after «منفذي/مرتكبي» (those who carried it out are hunted, not hunting)."""
    toks = ctx.doc.tokens
    if trig.first > 0 and toks[trig.first - 1].norm in PERPETRATORS:
        return False
    if any(toks[j].norm == "علي" and has_word(toks[j + 1], "VERBAL") or has_word(toks[j], "VERBAL")
           for j in range(trig.last, min(trig.last + 3, len(toks) - 1))):
        return True  # شن رئيس البرلمان هجوما حادا على الحكومة: words (ACCUSE)
    return a.sector in MAY_ATTACK or a.place or ctx.is_country(a) or bool(a.sides)


def _relative_mismatch(ctx: Context, trig: Trigger, a: ActorPhrase) -> bool:
    """A relative verb with an object pronoun and its doer unnamed (الذين دربتهم) that cannot
    agree with a phrase found before: a person with a feminine verb, a state with a masculine one."""
    if not (ctx.doc.tokens[trig.first - 1].norm in RELATIVES and carries_object(ctx, trig)):
        return False
    form = agreement(ctx, trig)
    return form == "f" and a.entity in ctx.persons or form == "m" and (a.place or ctx.is_country(a))


def _shared_genitive(ctx: Context, trig: Trigger) -> ActorPhrase | None:
    """«بدعم واهتمام خادم الحرمين»، «دعم ومساندة المملكة للشعب»: nouns in the construct state
    joined by و share the genitive after the last of them."""
    toks = ctx.doc.tokens
    if construct_blocked(ctx, trig.first):
        return None
    for j in range(trig.last, min(trig.last + SHARED_NOUNS, len(toks) - 1)):
        tok = toks[j]
        if tok.kind != "word" or not tok.norm.startswith("و") or ctx.in_actor(j) or j in ctx.verbs \
                or construct_blocked(ctx, j):
            return None
        g = ctx.actor_at.get(j + 1)
        if g is not None:
            return g if preposition(ctx, g) is None else None
    return None


def _supported(ctx: Context, phrases: list) -> bool:
    """A phrase naming the one supported (دعم المملكة للشعب الفلسطيني), not the one fought
    (مساندة المقاومة ضد الحوثيين)."""
    return bool(phrases) and ctx.doc.tokens[phrases[0].first - 1].norm not in TOWARD


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
    if "pair" in p.flags or p.type in PAIRED and p.pos == "V":  # لقاء بين X و Y: X meets Y;
        # a verb form followed by بين is the bare noun (تعاون أوثق بين موسكو وأنقرة)
        sides = between_actors(ctx, trig, ceiling)
        sides = [x for a in coordinated(ctx, sides[0], ceiling) for x in each_side(a)] if sides else []
        if len(sides) > 1:
            return sides[:1], sides[1:]
    if "byagent" in p.flags:
        return by_agent(ctx, trig, floor, ceiling)
    if (accusation := possessive_accusation(ctx, trig, ceiling)) is not None:
        return accusation
    if "backing" in p.flags and (backing := backed_by(ctx, trig, floor)) is not None:
        return backing
    if "passive" in p.flags or voweled_passive(ctx, trig):
        return passive_arguments(ctx, trig, floor, ceiling)
    if "received" in p.flags:
        return received_arguments(ctx, trig, floor, ceiling)
    if "thing" in p.flags:  # انفجرت عبوة ناسفة زرعها مسلحون: a device, not an actor, is the subject
        a = agent_after(ctx, trig.last, ceiling, p.type in ARMED_TYPES)
        actors = coordinated(ctx, a, ceiling) if a is not None else []
    elif p.pos == "V":
        thing = False  # the subject names no party (هذه المبالغات دعت، يطالب الاتفاق)
        if trig.entry.first_person and speaker is not None:
            actors = [speaker]
        else:
            a = (ventured(ctx, trig, floor) or light_subject(ctx, trig, floor)
                 or fronted_subject(ctx, trig.first, floor) or kana_subject(ctx, trig.first, floor)
                 or modal_subject(ctx, trig.first, floor) or indefinite_head(ctx, trig, floor)
                 or relative_fronted(ctx, trig, floor))
            agent = _passive_agent(ctx, a, ceiling, reach=FRONTED_REACH, start=trig.last) \
                if a is not None and p.type in FORCE_ON else None
            if agent is not None:  # ثمانية من المقاتلين خطفوا على أيدي X: a passive
                rcps, actors = joined_before(ctx, a, floor), [agent]
                after, a = agent.last, None
            elif a is not None:
                actors = joined_before(ctx, a, floor)
                a = None
            elif fronted_thing(ctx, trig.first, floor) or _thing_relative(ctx, trig, floor, ceiling) \
                    or thing_head(ctx, trig, floor):
                thing = True
                ctx.things.add(trig.first)
            elif (k := thing_after(ctx, trig, ceiling)) is not None:
                thing, after = True, k
                ctx.things.add(trig.first)
            else:
                a = None if pronoun_subject(ctx, trig) or trig.entry.first_person and trig.entry.tense == "present" \
                    or _subject_relative(ctx, trig, floor) or fronted_noun(ctx, trig) \
                    else subject_after(ctx, trig.last, ceiling)  # (نناشد X: X is appealed to)
                if a is not None and (disagrees(ctx, trig, a) or _oblique_plural(ctx, trig, a)):
                    a = None  # دعا الحكومة إلى: a feminine noun after a masculine verb is its object
                if a is not None and "obj" in p.rcp and (shared := shared_subject(ctx, trig, a, floor)) is not None:
                    rcps, a = coordinated(ctx, a, ceiling), shared  # (رحب X بـ… ووصف Y بأنه…)
                agent = _passive_agent(ctx, a, ceiling) if a is not None and p.type in FORCE_ON and not rcps else None
                if agent is not None and not trig.entry.rest:
                    rcps, a = [a], agent  # اعتقل خمسة أشخاص على يد قوات الأمن: a passive
                if a is None:
                    a = agent_after(ctx, trig.last, ceiling, p.type in ARMED_TYPES)
                    if a is not None:  # خطف ثمانية على أيدي X: the subject before is the patient
                        patient = subject_before(ctx, trig.first, floor)
                        rcps = joined_before(ctx, patient, floor) if patient else []
                        after_verb = subject_after(ctx, trig.last, a.first)
                        if not rcps and after_verb is not None:
                            rcps = [after_verb]  # قتل خمسة مدنيين في هجوم شنه مسلحون
            if a is not None and a.place and p.mode == "visit":
                rcps, after, a = coordinated(ctx, a, ceiling), a.last, None
            if a is not None:
                actors = coordinated(ctx, a, ceiling)
                after = actors[-1].last
            elif not actors and not thing and not _device_subject(ctx, trig) \
                    and venture_verb(ctx, trig, floor) is None:  # (شخص أقدم على قتل: someone unnamed)
                head = None if carries_object(ctx, trig) else relative_head(ctx, trig.first, floor)
                unnamed = head is None and _unnamed_relative(ctx, trig, floor)
                a = near_antecedent(ctx, trig, floor) if unnamed else (
                     head or pronoun_statement_subject(ctx, trig)
                     or joined_pronoun_subject(ctx, trig, floor)
                     or joined_verb_subject(ctx, trig, floor)
                     or subject_before(ctx, trig.first, floor)
                     or coordinated_subject(ctx, trig, floor)
                     or (None if _passive_rest(ctx, trig)
                         else nearest_before(ctx, trig.first, adverbial_end(ctx, trig.first, floor)))
                     or previous_subject(ctx, trig.first))
                if a is not None and _relative_mismatch(ctx, trig, a):
                    a = None  # المقاتلين الذين دربتهم (a feminine doer): not لافروف named before
                if a is not None:
                    actors = joined_before(ctx, a, floor)
    elif p.pos == "A" and (main_subject(ctx, trig.first, floor) or speaker) is not None:
        actors = [main_subject(ctx, trig.first, floor) or speaker]  # قال X …، متهما Y
    elif p.pos == "A" and _circumstantial(ctx, trig):
        a = continued_subject(ctx, trig.first)  # وأضاف: …، مشيدا: the subject of the sentence before
        actors = [a] if a is not None else []  # (never a party named in the clause it follows)
    elif comment_noun(ctx.doc, trig) and (speaker or main_subject(ctx, trig.first, floor)) is not None:
        actors = [speaker or main_subject(ctx, trig.first, floor)]  # قال X …، في تهديد لـY
    else:
        g = ctx.actor_at.get(trig.last)
        if g is None and (k := after_style(ctx, trig.last)) > trig.last:
            g = ctx.actor_at.get(k)  # زيارة صاحب السمو الملكي الأمير X: the person visits
            g = g if g is not None and g.entity is not None else None
        if g is None:
            g = _shared_genitive(ctx, trig)  # بدعم واهتمام X: X's support and care
        if g is not None and p.type == "ASSAULT" and _attack_adjective(ctx, g):
            g, after = None, g.last  # اعتداء انتحاري قام به X: «suicide» describes the attack
        owned = False  # the phrase after a noun with a possessive pronoun is its object
        if "genobj" in p.flags and possessive(ctx, trig):
            g = None  # دعمكم ونبيل مواقفكم: the pronoun is its owner, no genitive follows
        elif g is not None and p.gen == "actor" and not g.place and possessive(ctx, trig):
            rcps = coordinated(ctx, g, ceiling)  # خلال لقائه السفير: the pronoun meets, the
            after, g = rcps[-1].last, None  # phrase after it (no genitive) is the one met
            actors, owned = pronoun_owner(ctx, trig, floor), True
        owner = False
        if g is None and p.gen == "recipient" and trig.last < ceiling - 1 and is_target(
                ctx.doc.tokens[trig.last]):  # مهاجمة ثكنة للجيش: the target's owner
            g, owner = ctx.actor_at.get(trig.last + 1), True
        if g is None and p.gen == "recipient" and trig.last < ceiling - 1 \
                and ctx.doc.tokens[trig.last].kind == "num":  # احتجاز 101 صياد
            g = ctx.actor_at.get(trig.last + 1)
        if g is None and p.gen == "recipient" and trig.last < ceiling - 2 and _partitive_of(ctx, trig.last):
            g = ctx.actor_at.get(trig.last + 2)  # اعتقال عدد من الصحفيين
        venue = False
        if g is not None and g.place and p.mode == "visit":
            rcps, after, g = coordinated(ctx, g, ceiling), g.last, None  # زيارة روما
        else:
            venue = g is not None and g.place and p.type == "CONSULT" and not ctx.is_country(g)
        if venue:
            g = None  # محادثات جنيف: a city after talks is their venue
        if g is None and p.type == "CONSULT" and p.gen == "actor":
            g = session_body(ctx, trig, ceiling)
            owner = g is not None
        free = g is not None and (owner or p.pos == "P" or preposition(ctx, g) is None
                                  or _attacker_after_li(ctx, trig, g))
        if free and p.gen in ("actor", "recipient"):
            group = coordinated(ctx, g, ceiling)
            if p.gen == "actor" and not _meeting_purpose(ctx, trig) and not (
                    "genobj" in p.flags and not trigger_with_b(ctx, trig)
                    and not _supported(ctx, recipients(ctx, trig, group[-1].last, ceiling, group))):
                actors, after = group, group[-1].last
            elif (accused := _accused_after_agent(ctx, trig, group[-1])) is not None:
                actors, rcps, after = group, [accused], accused.last  # اتهام السلطات المسلحين بـ
            else:  # لدعم الحكومة في مواجهة المتمردين: with no ل after it, the genitive is supported
                rcps, after = group, group[-1].last
        elif trig.last in ctx.nisba:  # العقوبات الأمريكية، الغارات الروسية
            actors = [nisba_actor(ctx, trig.last, "MIL" if p.type in ARMED_TYPES else "GOV")]
            after = trig.last + 1
        if not actors and p.type == "CONSULT":
            actors, met = met_sides(ctx, trig, ceiling)
            if actors:
                rcps, after = met, (met or actors)[-1].last
        if not actors and _meeting_purpose(ctx, trig):
            a = clause_subject(ctx, trig.first, floor) or nearest_before(ctx, trig.first, floor)
            actors = coordinated(ctx, a, max(trig.first, a.last)) if a is not None else []
        if not actors and not owned:
            a = doer(ctx, trig, floor) or ventured(ctx, trig, floor) or permitted(ctx, trig) \
                or agent_after(ctx, after, ceiling, p.type in ARMED_TYPES) \
                or far_agent(ctx, trig)
            if a is not None:
                actors = coordinated(ctx, a, ceiling)
            elif "ownactor" in p.flags or venue:
                a = None  # «لكي تؤدي محادثات جنيف لنتائج»: named talks, no party of their own
            elif p.gen == "actor" and _titled_genitive(ctx, trig):
                a = None  # زيارة أمين المدينة: an official not made out acts, not one named far
            elif object_of_event(ctx, trig.first, floor):
                a = ctx.actor_ending.get(trig.first)  # اتهم X الفيلق بتسليح…: the accused acts
                if a is not None and a.first >= floor and not a.place and (
                        _prep_attached(ctx, trig) or _denied_own_act(ctx, trig, a, floor)):
                    actors = [a]
            elif p.type == "CONSULT" and _heard_of(ctx, trig):
                a = None  # كشفت مصادر عن مشاورات، أكد الوزير أهمية الزيارة: no party of it
            elif p.type == "ASSAULT" and _announced(ctx, trig, floor):
                a = None  # أعلنت وزارة الداخلية انفجار عبوة: who tells of an attack did not make it
            elif venture_verb(ctx, trig, floor) is not None:
                a = None  # شخص أقدم على اختطاف طفل: the one who ventured, not the clause subject
            elif p.type in FORCE_ON and trig.first and has_word(ctx.doc.tokens[trig.first - 1], "CASE"):
                a = None  # حادث التفجير، أزمة احتجاز الصيادين: an incident, not the subject's act
            elif p.type == "ASSAULT" and _told_by_relative(ctx, trig):
                a = None  # (نتيجة) التفجير الذي استهدف مسجد X: its clause tells it, no actor before
            else:
                a = (fronted_adverbial(ctx, trig) and main_subject_after(ctx, trig, ceiling)
                     or clause_subject(ctx, trig.first, floor)
                     or nearest_before(ctx, trig.first, floor)
                     or main_subject_after(ctx, trig, ceiling)
                     or previous_subject(ctx, trig.first))
                if a is not None and p.type == "CONSULT" and teller(ctx, a):
                    a = None
                if a is not None and p.type == "ASSAULT" and not _may_attack(ctx, trig, a):
                    a = None  # أدان الأزهر الهجوم، تلاحق الأجهزة الأمنية منفذي الهجوم
                if a is not None:
                    actors = coordinated(ctx, a, max(trig.first, a.last))
    if "rcpbefore" in p.flags:  # تدخلت المملكة بطلب من الرئيس: the one asked acted before
        a = clause_subject(ctx, trig.first, floor) or nearest_before(ctx, trig.first, floor)
        rcps = joined_before(ctx, a, floor) if a is not None and a not in actors else []
    head = relative_object(ctx, trig) if not rcps and carries_object(ctx, trig) else None
    if head is not None and head in actors and ctx.doc.tokens[trig.first - 1].norm in RELATIVES:
        actors = [a for a in actors if a is not head]  # الفصائل التي تتهمها: the head is the object
    if head is not None and head not in actors and not head.place:
        rcps = [head]  # مقاتلين دربتهم واشنطن، القوات التي دربتها: the noun the clause describes
    kind = not rcps and (p.rcp or p.gen == "recipient") and pronoun_object(ctx, trig, after, p)
    if kind:  # هاجمهم، وجه له الدعوة: the pronoun fills the slot before any phrase after it
        rcps = antecedent(ctx, trig, actors, kind)
    if not rcps and p.type == "REJECT":
        rcps = proposer(ctx, after, ceiling, actors)
    if not rcps and p.type in ARMED_TYPES:
        rcps = held_by(ctx, after, ceiling, actors)
    if not rcps:
        rcps = recipients(ctx, trig, after, ceiling, actors)
    if not rcps and p.rcp and p.type != "MOBILIZE":  # حشد الجيش قوات: the forces moved
        rcps = object_in_clause(ctx, trig, after, ceiling, actors)
    if not rcps and p.pos == "V" and "obj" in p.rcp and actors:
        rcps = object_after_place(ctx, trig, after, ceiling, actors)
    if not rcps and p.type in STANCE_TYPES and p.pos == "V":
        rcps = object_nisba(ctx, after, ceiling)
    if not rcps and p.type == "ASSAULT" and p.pos == "V":
        rcps = target_nisba(ctx, trig, after, ceiling)
    if not rcps and p.pos == "V" and (p.mode in PEOPLE_MODES or p.type == "SANCTION"):
        rcps = people_object(ctx, trig, after, ceiling)
    if not rcps and p.pos == "N" and p.mode in PERSONAL and _counted(ctx, after, ceiling):
        rcps = people_object(ctx, trig, after, ceiling)  # ترحيل ألف إيراني، اعتقال 12 فلسطينيا
    if not actors and p.type in SYMMETRIC:
        actors = partner(ctx, trig, ceiling)  # منذ التوصل لاتفاق نووي معها: she agreed too
        if not actors and rcps and preposition(ctx, rcps[0]) == "مع":
            actors, rcps = rcps, []  # تم الاتفاق مع الأردن: the party named agreed
    if p.type == "CONSULT" and not rcps and len(actors) == 1 and len(actors[0].sides) == 2:
        actors, rcps = each_side(actors[0])[:1], each_side(actors[0])[1:]  # بحث الوزيران الأردني
        # والعراقي: one meets the other
    actors = [_whole(ctx, a) for a in actors]
    rcps = [_whole(ctx, a) for a in rcps]
    if "either" in p.flags and actors and rcps and preposition(ctx, rcps[0]) == "مع" \
            and not _same_party(ctx, actors, rcps):
        return actors + rcps, rcps + actors  # تبادل إطلاق النار مع الشرطة: each fires on the other
    if p.type == "CONSULT":  # اجتماع بجدة، التقاه في مقر إقامته بالرياض: a place after ب is the venue
        rcps = [r for r in rcps if not (r.place and preposition(ctx, r) == "ب")]
    if not rcps:
        return actors, []
    named = {a.entity for a in actors if a.entity} | {(ctx.doc.text[a.start:a.end], a.country)
                                                      for a in actors}
    return actors, [r for r in rcps if r.entity not in named
                    and (ctx.doc.text[r.start:r.end], r.country) not in named]


def _same_party(ctx: Context, xs: list, ys: list) -> bool:
    text = ctx.doc.text
    return any(x.entity and x.entity == y.entity or text[x.start:x.end] == text[y.start:y.end]
               for x in xs for y in ys)


def partner(ctx: Context, trig: Trigger, ceiling: int) -> list[ActorPhrase]:
    """«اتفاق معها»، «محادثات معهم»: the party named by the pronoun after مع (the nearest named
    country or body before, not a place after a preposition)."""
    toks = ctx.doc.tokens
    if trig.pattern.pos == "V" or not any(toks[j].norm.removeprefix("و") in WITH_PRONOUNS
                                          for j in range(trig.last, min(trig.last + 4, ceiling))):
        return []
    for a in reversed(ctx.by_sent.get(toks[trig.first].sent, ())):
        if a.last <= trig.first and ctx.entity_type.get(a.entity) in ("GPE", "ORG") \
                and preposition(ctx, a) is None:
            return [a]
    return []


def received_arguments(ctx: Context, trig: Trigger, floor: int, ceiling: int) -> tuple[list, list]:
    """«تلقى ولي العهد اتصالا هاتفيا من رئيس الوزراء البريطاني»: the caller after من acts; the
    subject (after the verb, or before it) receives."""
    subject = (subject_after(ctx, after_style(ctx, trig.last), ceiling)
               or fronted_subject(ctx, trig.first, floor) or kana_subject(ctx, trig.first, floor)
               or clause_subject(ctx, trig.first, floor))
    toks = ctx.doc.tokens
    start = max(trig.last, subject.last if subject is not None else 0)
    for j in range(start, min(start + WINDOW, ceiling - 1)):
        caller = ctx.actor_at.get(after_style(ctx, j + 1)) if toks[j].norm == "من" else None
        if caller is not None:  # (a call from one's father or a private person is no event)
            if caller.sector not in AGENT_SECTORS and caller.sector not in ("LEG", "JUD"):
                return [], []
            return coordinated(ctx, caller, ceiling), ([subject] if subject is not None else [])
    return [], []


def passive_arguments(ctx: Context, trig: Trigger, floor: int, ceiling: int) -> tuple[list, list]:
    """«اغتيل القيادي في حركة فتح على يد مسلحين»، «أحمد قاديروف الذي اغتيل»: the phrase after a
    passive verb (or the antecedent of الذي before it) is its patient; only «على يد / من قبل»
    names the agent."""
    a = subject_after(ctx, trig.last, ceiling) or relative_head(ctx, trig.first, floor)
    if a is None and "passive" not in trig.pattern.flags:  # إن الجنود قُتلوا في هجوم نفذه X
        a = fronted_subject(ctx, trig.first, floor)
        agent = _passive_agent(ctx, a, ceiling, reach=3, start=trig.last) if a is not None else None
        agent = agent or agent_after(ctx, trig.last, ceiling, trig.pattern.type in ARMED_TYPES)
        return ([agent] if agent is not None else []), joined_before(ctx, a, floor) if a is not None else []
    if a is None:
        return [], []
    agent = _passive_agent(ctx, a, ceiling, reach=3)  # (مسؤول محلي على يد: past an adjective)
    return ([agent] if agent is not None else []), coordinated(ctx, a, ceiling)


def voweled_passive(ctx: Context, trig: Trigger) -> bool:
    """A verb written with the vowels of the passive: a damma inside the past stem (طُرد، قُتلوا،
    اعتُقل، أُبرمت; not «قتلتُ»), or a damma on the present prefix with a fatha after it and no
    kasra (يُعتقَل; not the active «يُقدِم»)."""
    if trig.pattern.pos != "V":
        return False
    word = ctx.doc.text[trig.start:ctx.doc.tokens[trig.first].end]
    k = word.find(DAMMA)
    if k < 0:
        return False
    letters = [c for c in word if not "\u064b" <= c <= "\u0652"]
    before = sum(1 for c in word[:k] if not "\u064b" <= c <= "\u0652")
    if trig.entry.tense == "past":
        return before <= 3 and len(letters) - before >= 2
    return trig.entry.tense == "present" and before == 1 and FATHA in word[k:] and KASRA not in word


def _passive_agent(ctx: Context, a: ActorPhrase, ceiling: int, reach: int = 1,
                   start: int | None = None) -> ActorPhrase | None:
    """«اعتقل خمسة أشخاص على يد قوات الأمن»: «على يد / من قبل» right after the phrase after the
    verb (or within ``reach`` words of its end; of ``start``, the verb's end, for a subject before
    it) names the agent; the verb is a passive and that phrase is its patient."""
    toks = ctx.doc.tokens
    start = a.last if start is None else start
    for j in range(start, min(start + reach, ceiling - 2)):
        if (toks[j].norm, toks[j + 1].norm) in FAR_PAIRS:
            agent = ctx.actor_at.get(j + 2)
            return agent if agent is not None and agent is not a else None
    return None


def _meeting_purpose(ctx: Context, trig: Trigger) -> bool:
    """«توجه كيري إلى الدوحة للقاء وزراء الخارجية»: a meeting noun with لـ is the purpose of the
    clause's subject, who meets the party named after it."""
    return trig.pattern.type == "CONSULT" and trig.pattern.mode is None and _prep_attached(ctx, trig) \
        and normalize(ctx.doc.text[ctx.doc.tokens[trig.first].start:trig.start]).endswith("ل")


def _attacker_after_li(ctx: Context, trig: Trigger, g: ActorPhrase) -> bool:
    """«غارات للتحالف، هجوم لمسلحين»: after an indefinite attack noun, لـ names the attacker."""
    return (trig.pattern.type == "ASSAULT" and trig.pattern.gen == "actor" and not g.place
            and preposition(ctx, g) == "ل" and not ctx.doc.tokens[trig.last - 1].norm.startswith(("ال", "وال")))


def _prep_attached(ctx: Context, trig: Trigger) -> bool:
    """«بتسليح»، «لمهاجمة»: the noun carries the preposition of the act an accusation names."""
    tok = ctx.doc.tokens[trig.first]
    prefix = normalize(ctx.doc.text[tok.start:trig.start])
    return prefix[-1:] in ("ب", "ل") and not prefix.startswith(("و", "ف"))


def _whole(ctx: Context, a: ActorPhrase) -> ActorPhrase:
    """«عناصر من حزب العمال»: a bare part-of word before من stands for the group named after."""
    toks = ctx.doc.tokens
    if a.entity is None and a.last - a.first == 1 and toks[a.first].norm in PART_WORDS \
            and a.last + 1 < len(toks) and toks[a.last].norm == "من":
        return ctx.actor_at.get(a.last + 1) or a
    return a


def _attack_adjective(ctx: Context, g: ActorPhrase) -> bool:
    """An unnamed one-word phrase that describes the manner of an attack noun before it (انتحاري)."""
    return g.entity is None and g.last - g.first == 1 and has_word(ctx.doc.tokens[g.first], "MANNER")


def _counted(ctx: Context, j: int, ceiling: int) -> bool:
    toks = ctx.doc.tokens
    return j < ceiling and (toks[j].kind == "num" or toks[j].norm in COUNTS or toks[j].norm in HUNDREDS)
