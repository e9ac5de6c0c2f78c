"""Agent of a trigger named apart from its subject: «من قبل X», «شنه X», «قيام X بـ», «أقدم X على»,
«بدعم من X», a genitive after a joined noun."""
from __future__ import annotations

from ..text.normalize import normalize
from ..text.segment import definite
from .actors import ActorPhrase
from .context import RELATIVES, Context
from .evidence import ARMED
from .grammar import (
    AGENT_PAIRS, AGENT_SECTORS, AGENT_SINGLE, DID_IT, DID_VERBS, FAR_PAIRS, construct_blocked, coordinated,
    joined_before, located, possessive, preposition, subject_after, trigger_with_b,
)
from .objects import antecedent
from .triggers import Trigger


def _with_object(verbs: tuple, plural_present: bool = True) -> frozenset:
    """Forms of (past, present stem) verbs with the object pronoun ه/ها: شنه، تنفذها، يقودها."""
    return frozenset(
        stem + suffix
        for past, present in verbs
        for stem in (past, past + "ت", past + "و", "ي" + present, "ت" + present)
        + (("ي" + present + "ون", "ت" + present + "ون") if plural_present else ())
        for suffix in ("ه", "ها"))


AGENT_VERBS = _with_object(  # هجوم شنه X، الغارات التي تنفذها X، عملية يقودها X
    (("شن", "شن"), ("نفذ", "نفذ"), ("قاد", "قود"), ("ارتكب", "رتكب"))) \
    | {"تبناه", "تبنته", "تبنتها", "يتبناه", "تتبناه", "تبنوه"}
HELD_BY = _with_object((("اجرا", "جري"), ("عقد", "عقد")))  # المحادثات التي أجراها X (X right after)
FIRE_VERBS = _with_object(  # قذائف أطلقها X، عبوة زرعها X: the agent of a weapon (force only)
    (("اطلق", "طلق"), ("زرع", "زرع")), plural_present=False)
DOING = frozenset(p + "قيام" for p in ("", "ب", "ل", "و", "ال", "بال", "لل", "وب"))  # قيام X بـ: X does
DID_SPAN = 8  # words from قيام to the act noun with ب
VENTURED = frozenset(normalize(w) for w in "أقدم أقدمت أقدموا أقدما يقدم يقدمون إقدام إقدامه إقدامهم".split())
VENTURE_SPAN = 4  # words from أقدم to على (its subject may come between)
ON = normalize("على")
ALLOWING = frozenset(normalize(w) for w in "سمح سمحت سمحوا يسمح تسمح يسمحون السماح بالسماح سماح".split())
BY_LIGHT = frozenset(normalize(w) for w in "بشن بتنفيذ بإطلاق".split())  # السماح لـX بشن غارات
FAR_AGENT = 16  # words from a noun to a comma-separated «، من قبل X» naming its agent
TARGET_PREPS = frozenset({"علي", "ضد", "الي", "ل", "في", "مع"})  # a target after an agent verb
WHAT = frozenset({"ما", "لما", "مما", "بما"})  # انتقاد لما تقوم به X: X did "what", not the noun
AGENT_WORDS = 6  # words from a noun to the agent verb or pair (شنه، من قبل)
AGENT_GAP = 5  # words from those to the agent
TO_HIM = frozenset({"له", "لها", "لهم", "لهما"})


def agent_after(ctx: Context, i: int, limit: int, armed: bool = False) -> ActorPhrase | None:
    """من قبل X، على يد X، هجوم شنه X."""
    if not ctx.arguments_in(i, min(i + AGENT_WORDS + 1 + AGENT_GAP, limit)):
        return None
    toks = ctx.doc.tokens
    for j in range(i, min(i + AGENT_WORDS, limit)):
        w = toks[j].norm
        k = None
        if w in HELD_BY and not _relative_of_actor(ctx, j):
            a = ctx.actor_at.get(j + 1)
            return a if a is not None and not a.place else None
        if (w in AGENT_VERBS or armed and w in FIRE_VERBS) and not _relative_of_actor(ctx, j) \
                or w in AGENT_SINGLE:
            k = j + 1
        elif j + 1 < limit and (w, toks[j + 1].norm) in AGENT_PAIRS:
            if (w, toks[j + 1].norm) in DID_IT and _complement_between(toks, i, j):
                return None  # اتهامات بغسل أموال قام بها X: X did the laundering
            k = j + 2
        if k is not None:
            for m in range(k, min(k + AGENT_GAP, limit)):  # شنه من يشتبه بأنهم عناصر…
                if m in ctx.actor_at:  # هجوم شنته X على مقاتلين: not the target after على
                    a = ctx.actor_at[m]  # (هجوم نفذه متطرف بمدينة سوسة: where)
                    return None if preposition(ctx, a) in TARGET_PREPS or located(ctx, a) else a
    return None


def far_agent(ctx: Context, trig: Trigger) -> ActorPhrase | None:
    """«احتجاز رهائن داخل أحد الفنادق، من قبل مجموعة مسلحة»: the agent of a noun set off by a
    comma after its complements (no other verb or event word between)."""
    toks = ctx.doc.tokens
    end = min(trig.last + FAR_AGENT, ctx.doc.sentences[toks[trig.first].sent].last_token - 2)
    if not ctx.arguments_in(trig.last + 3, end + 3):
        return None  # no phrase where the agent would start
    for j in range(trig.last, end):
        if j in ctx.verbs or j in ctx.trigger_tokens or toks[j].norm in RELATIVES:
            return None
        if toks[j].norm == "," and (toks[j + 1].norm, toks[j + 2].norm) in FAR_PAIRS:
            a = ctx.actor_at.get(j + 3)
            return a if a is not None and a.sector in AGENT_SECTORS else None
    return None


def _complement_between(toks, i: int, j: int) -> bool:
    return any(toks[k].norm[:1] in "بل" and len(toks[k].readings) > 1 or toks[k].norm in WHAT
               for k in range(i, j))


def _relative_of_actor(ctx: Context, j: int) -> bool:
    """«غارات من التحالف الذي تقوده الولايات المتحدة»: the verb describes an actor, not the
    event noun."""
    toks = ctx.doc.tokens
    return toks[j - 1].norm in RELATIVES and (j - 2) in ctx.actor_ending


def doer(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«بلاغ عن قيام ثلاثة أشخاص بإطلاق النار»: the noun قيام names the doer of the act after ب,
    as the verb قام does."""
    if not trigger_with_b(ctx, trig):
        return None
    for k in range(trig.first - 1, max(floor, trig.first - DID_SPAN) - 1, -1):
        if ctx.doc.tokens[k].norm in DOING:
            return subject_after(ctx, k + 1, trig.first)
        if k in ctx.verbs:
            return None
    return None


def ventured(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«القبض على مواطن أقدم على قتل شقيقه»، «أقدم شاب على طعن…»: the one who ventured on the
    act (أقدم على) does it, named after أقدم or right before it."""
    j = venture_verb(ctx, trig, floor)
    return None if j is None else subject_after(ctx, j + 1, trig.first - 1) or ctx.actor_ending.get(j)


def permitted(ctx: Context, trig: Trigger) -> ActorPhrase | None:
    """«السماح للجيش الأمريكي بشن ضربات جوية»، «سمحت لها بقصف…»: the one allowed (after ل)
    does the act named with ب."""
    toks = ctx.doc.tokens
    k = trig.first
    if not trigger_with_b(ctx, trig):
        k -= 1
        if k < 1 or toks[k].norm not in BY_LIGHT:
            return None  # بشن، بتنفيذ
    a = ctx.actor_ending.get(k)
    if a is None or preposition(ctx, a) != "ل" or a.first < 1:
        return None
    return a if toks[a.first - 1].norm.removeprefix("و") in ALLOWING else None


def venture_verb(ctx: Context, trig: Trigger, floor: int) -> int | None:
    """The index of أقدم in «أقدم (X) على» right before the act, else None."""
    toks = ctx.doc.tokens
    k = trig.first - 1
    if k <= floor or toks[k].norm != ON:
        return None
    for j in range(k - 1, max(floor, k - VENTURE_SPAN) - 1, -1):
        if toks[j].norm.removeprefix("و") in VENTURED:
            return j
    return None


def by_agent(ctx: Context, trig: Trigger, floor: int, ceiling: int):
    """«المقاومة المسنودة بقوات الجيش»: the actor follows ب/من, the recipient comes before."""
    agent = None
    for j in range(trig.last, min(trig.last + 3, ceiling)):
        a = ctx.actor_at.get(j)
        if a is not None:
            agent = a if preposition(ctx, a) in ("ب", "من") else None
            break
        if ctx.doc.tokens[j].norm not in ("من", "قبل"):
            break
    if agent is None:
        return [], []
    patient = ctx.actor_ending.get(trig.first)
    return coordinated(ctx, agent, ceiling), [patient] if patient is not None else []


def backed_by(ctx: Context, trig: Trigger, floor: int):
    """«تقدمت القوات العراقية بدعم (من) طيران التحالف»، «قوات الجيش بمساندة المقاومة تقدمت»:
    with X's backing, X backs the armed subject named right before (or before a comma); not
    after a verb taking ب (اتهم X Y بدعم، قامت X بدعم: Y or X backs). (actors, recipients), or
    None when the noun is not «with the backing of»."""
    toks = ctx.doc.tokens
    if trig.last >= len(toks):
        return None
    after_from = toks[trig.last].norm == "من"
    if not trigger_with_b(ctx, trig):  # لقي مساندة من X، نال دعما من X: X backs (the one backed is
        # the subject of a verb not known here)
        agent = ctx.actor_at.get(trig.last + 1) if after_from else None
        return ([agent], []) if agent is not None and not definite(ctx.doc.text, toks[trig.first]) \
            else None
    if after_from:  # بدعم من (وحدات من) الجيش
        j = trig.last + 1
        if j not in ctx.actor_at and j + 2 < len(toks) and toks[j + 1].norm == "من":
            j += 2
        agent = ctx.actor_at.get(j)
        if agent is None:
            return [], []
    else:
        agent = ctx.actor_at.get(trig.last)
        if agent is None or preposition(ctx, agent) is not None:
            return None
    k = trig.first - 1 if trig.first > floor and toks[trig.first - 1].norm == "," else trig.first
    backed = ctx.actor_ending.get(k)
    if backed is None or backed.first < floor or backed.place or backed.sector not in ARMED \
            or agent.sector not in AGENT_SECTORS and not agent.place \
            or preposition(ctx, backed) is not None or _takes_b(ctx, backed.first - 1):
        return ([agent], []) if after_from else None  # بدعم من X: X backs, whoever it is
    backed = joined_before(ctx, backed, floor)  # الجيش الوطني والمقاومة الشعبية بدعم X
    if _takes_b(ctx, backed[0].first - 1):
        return None
    ctx.backing.add(trig.first)
    return [agent], backed


def _takes_b(ctx: Context, j: int) -> bool:
    """A verb whose complement follows ب: an act named by an event verb other than force
    (اتهم، طالب، أشاد) or قام (قامت إيران بدعم الحوثيين: Iran backs)."""
    return j >= 0 and (j in ctx.event_verbs and j not in ctx.force_verbs
                       or ctx.doc.tokens[j].norm.lstrip("وف") in DID_VERBS)


def joined_noun(ctx: Context, trig: Trigger) -> bool:
    """«دعم ومساندة المملكة»: a noun joined by و to an event noun of its type in the construct
    state before it names the same act (told by the first noun, which shares its genitive)."""
    i = trig.first
    tok = ctx.doc.tokens[i]
    return trig.pattern.pos == "N" and i > 0 and tok.norm.startswith("و") and tok.start < trig.start \
        and ctx.noun_types.get(i - 1) == trig.pattern.type and not construct_blocked(ctx, i - 1) \
        and trig.last in ctx.actor_at and not construct_blocked(ctx, i)


def possessive_accusation(ctx: Context, trig: Trigger, ceiling: int):
    """An accusation noun with a possessive pronoun: followed by the one accused (اتهامه الحكومة،
    واتهامه لها بتغذية الإرهاب) the pronoun accuses; otherwise, for a noun flagged ``accused``,
    it is the accused (بعد اتهامه بالفساد، تم اتهامه بالتجسس), and only an agent named after it
    accuses (من قبل X).
    (actors, recipients), or None when the noun has no such pronoun or its accuser is not
    named before it (وفي اتهامها للحكومة، قالت المعارضة…: the clause's subject)."""
    toks = ctx.doc.tokens
    if trig.pattern.type != "ACCUSE" or trig.pattern.pos != "N" or not (suffix := possessive(ctx, trig)):
        return None
    accused = ctx.actor_at.get(trig.last) if trig.last < ceiling else None
    if accused is not None and preposition(ctx, accused) in (None, "ل"):
        accuser = named_before(ctx, trig, [accused], suffix)
        return (accuser, [accused]) if accuser else None
    if trig.last < ceiling and toks[trig.last].norm in TO_HIM:  # واتهامه لها: she is named before
        accuser = named_before(ctx, trig, [], suffix)
        return (accuser, named_before(ctx, trig, accuser, toks[trig.last].norm[1:])) \
            if accuser else None
    if "accused" not in trig.pattern.flags:
        return None  # انتقاداته، تنديدها: his own criticism
    ctx.things.add(trig.first)  # no speaker accuses in his stead
    agent = agent_after(ctx, trig.last, ceiling)
    return ([agent] if agent is not None else []), named_before(ctx, trig, [], suffix)


def named_before(ctx: Context, trig: Trigger, used: list, suffix: str) -> list[ActorPhrase]:
    """The antecedent of a pronoun suffix on or after a noun: «ه» the nearest person named,
    «ها» the nearest feminine phrase (الحكومة، المعارضة) or country, «هم» as ``antecedent``."""
    if suffix != "ها":
        return antecedent(ctx, trig, used, "single" if suffix == "ه" else "plural")
    text = ctx.doc.text
    for a in reversed(ctx.by_sent.get(ctx.doc.tokens[trig.first].sent, ())):
        if a.last <= trig.first and a not in used and (
                ctx.is_country(a) or not a.place and text[a.start:ctx.doc.tokens[a.first].end].endswith("ة")):
            return [a]
    return []
