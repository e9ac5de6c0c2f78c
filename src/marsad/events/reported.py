"""Status "reported": an event told inside someone's statement, and who said it."""
from __future__ import annotations

from ..document import Document
from .actors import ActorPhrase
from .context import Context
from .grammar import subject_after
from .status import COMPLEMENTIZERS, rule_nouns

# acts that a denial's object noun names as not having happened (not statements: نفى الاتهامات)
DENIABLE = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "CONSULT", "AID", "RETREAT",
                      "COOPERATE", "SANCTION"})
DENIED_GAP = 6  # words from the denial verb to the noun (its subject comes between)
ABOUT_GAP = 5  # words from تحدث to عن (its subject comes between)
ABOUT_REACH = 4  # words from عن to the act told (تحدثت عن وقوع اشتباكات)
FOLLOWS = frozenset({"يلي", "ياتي"})  # وفقا لما يلي، حسب ما يأتي
DENIAL_REACH = 10  # words from a denial verb to the act its quoted content denies


def quote_at(doc: Document, pos: int):
    for q in doc.quotes:
        if q.start > pos:
            break
        if pos < q.end:
            return q
    return None


def sentence_quote(doc: Document, sent, pos: int):
    """The statement of a sentence nearest before pos (else the first one after it)."""
    inside = [q for q in doc.quotes if sent.start <= q.start < sent.end]
    before = [q for q in inside if q.start < pos]
    return before[-1] if before else (inside[0] if inside else None)


def speaker_phrase(ctx: Context, quote) -> ActorPhrase | None:
    """The actor phrase naming the speaker of a quote (its speaker span, else any mention)."""
    if quote is None or quote.speaker is None:
        return None
    for span in ctx.doc.quote_spans:
        if span.start == quote.start and span.data.get("speaker_span"):
            s, _ = span.data["speaker_span"]
            a = ctx.actor_at.get(ctx.index.first(s))
            if a is not None and a.entity == quote.speaker:
                return a
    for a in ctx.actors:
        if a.entity == quote.speaker:
            return a
    return None


def reported(ctx, status, report, quote, trig, actors, sent):
    """Status reported (with its source) for an event inside someone's statement."""
    if status is not None and status != "negated":
        return status, None
    speaker_entity = None
    if report is not None and report[1].kind == "denial" and status is None \
            and trig.first - report[0] <= DENIAL_REACH and _complementizer_between(ctx, report[0], trig.first):
        return "negated", None  # نفت الوزارة أن تكون طائراتها قصفت…: also when quoted
    if quote is not None:
        speaker_entity = quote.speaker
        is_speaker = any(a.entity is not None and a.entity == speaker_entity for a in actors)
        if status is None and not is_speaker and not trig.entry.first_person:
            return "reported", speaker_entity
        return status, None
    if report is None:
        return status, None
    i, cue = report
    if cue.kind == "source":
        if cue.how == "weak" and _rule_after(ctx, i):
            return status, None
        limit = trig.first if i < trig.first else sent.last_token
        src = _next_actor(ctx, i + 1, limit)
        return status or "reported", (src.entity if src and status is None else None)
    if cue.kind == "denial" and trig.pattern.type in DENIABLE and status is None \
            and 0 < trig.first - i <= DENIED_GAP and ctx.doc.tokens[trig.first].start == trig.start:
        return "negated", None  # نفى الجيش قصف المدرسة: the act denied
    if cue.how == "about" and not _told_about(ctx, i, trig.first):
        return status, None
    if cue.how != "about" and not _complementizer_between(ctx, i, trig.first):
        return status, None
    if cue.kind == "denial":
        return "negated", None
    src = subject_after(ctx, i + 1, trig.first)
    if src is not None and any(a is src for a in actors):
        return status, None
    if status is None:
        return "reported", src.entity if src else None
    return status, None


def _next_actor(ctx, i, limit):
    for j in range(i, min(i + 4, limit)):
        if j in ctx.actor_at:
            return ctx.actor_at[j]
    return None


def _complementizer_between(ctx, i, j) -> bool:
    toks = ctx.doc.tokens
    return any(toks[k].norm in COMPLEMENTIZERS or toks[k].norm in (":", '"')
               for k in range(i + 1, j))


def _told_about(ctx, i, j) -> bool:
    """«تحدثت مصادر ميدانية عن مقتل…»: عن shortly after the verb and the act shortly after عن."""
    toks = ctx.doc.tokens
    return any(toks[k].norm == "عن" and j - k <= ABOUT_REACH for k in range(i + 1, min(i + 1 + ABOUT_GAP, j)))


def _rule_after(ctx, i) -> bool:
    """وفقا للقرار / طبقا لاتفاق / وفقا لما يلي: the words after the source word name a rule or
    a list, not a speaker."""
    toks = ctx.doc.tokens
    if i + 1 >= len(toks):
        return False
    word = toks[i + 1].norm
    if word == "لما" and i + 2 < len(toks) and toks[i + 2].norm in FOLLOWS:
        return True  # وفقا لما يلي: a list follows, not a speaker
    for prefix in ("لل", "ل"):
        if word.startswith(prefix) and word[len(prefix):] in rule_nouns():
            return True
    return False
