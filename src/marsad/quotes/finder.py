"""Quotes of a document: cues → content spans → speakers → record.Quote objects."""
from __future__ import annotations

from ..document import Document, Span
from ..record import Quote
from ..text.normalize import normalize
from . import speaker as sp
from .content import (SOFT_PUNCT, Candidate, after_comp, backward, clause_start, continued_quote,
                      forward, sentence_end, trim_end)
from .context import Ctx
from .cues import Cue, find_cues
from .lexicon import cue_table

MIN_WORDS = 2
INTRO_WORDS = ("فقد", "فان", "فانه", "فانها", "فهو", "فهي")
NOT_SOURCE = frozenset(["ما", "لما"])  # بحسب ما قال X: the verb is the cue
VIA_AN_SCAN = 8  # tokens from «نقلت» to its أن when no «عن» names the speaker
MIN_SOURCED_WORDS = 5  # «…»، بحسب X: shorter quoted words are a term or a figure


def extract(doc: Document) -> tuple[list[Quote], list[Span]]:
    """The document's quotes (sorted by start) and their cue/speaker spans."""
    if not doc.tokens or not doc.sentences:
        return [], []
    cues = find_cues(doc)
    if not cues:  # every quote starts from a cue
        return [], []
    ctx = Ctx(doc, cues)
    cands = _candidates(ctx)
    _set_ends(ctx, cands)
    cands = [c for c in cands if c.end > c.start
             and ctx.words_between(c.first, ctx.token_index(c.end, c.first)) >= MIN_WORDS]
    cands = _dedupe(cands)
    out = _resolve(ctx, cands)
    out.sort(key=lambda qs: qs[0].start)
    return [q for q, _ in out], [s for _, s in out]


# --- candidates ---------------------------------------------------------------------
def _candidates(ctx: Ctx) -> list[Candidate]:
    cands: list[Candidate] = []
    claimed: list[tuple[int, int]] = []
    for i in sorted(ctx.cues):
        cue = ctx.cues[i]
        off = ctx.tokens[i].start
        if any(s <= off < e for s, e in claimed):
            continue
        if cue.kind == "noun" and not _noun_cue_ok(ctx, cue):
            continue
        c = (_prep(ctx, cue) or _prep_what(ctx, cue) or _sourced_quote(ctx, cue)) \
            if cue.kind == "prep" else (forward(ctx, cue) or backward(ctx, cue))
        if c is None or (not c.direct and _nested(ctx, cue, cands)) or _no_source(ctx, c) \
                or _not_said(ctx, cue):
            continue
        found = [c]
        if not c.direct:
            more = continued_quote(ctx, c)
            if more is not None:
                found.append(more)
        for q in found:
            if q.direct:
                span = (q.start, q.end if q.end is not None else sentence_end(ctx, q))
                claimed.append(span)
                cands = [o for o in cands if not span[0] <= ctx.tokens[o.cue.tok].start < span[1]]
            cands.append(q)
    return cands


def _noun_cue_ok(ctx: Ctx, cue: Cue) -> bool:
    """A verbal noun reports speech with its sayer: a suffix (تأكيده), the article of a
    clause-level noun (التأكيد على أن), or a named genitive (تأكيد أوباما)."""
    word = ctx.text[cue.start:cue.end]
    if word.startswith("ال") or normalize(word).endswith(("ه", "ها", "هم", "هما")):
        return True
    span = ctx.span_at_token(cue.tok + 1) if cue.tok + 1 < len(ctx.tokens) else None
    return span is not None and ctx.ents.label(span) in ("PER", "ORG", "GPE")


OPINION = "رأى"          # the lemma whose generic or study subject states no one's words


def _not_said(ctx: Ctx, cue: Cue) -> bool:
    """No one's statement: a purpose (بهدف التأكيد أن), figures that indicate (تشير تقديرات إلى أن،
    تكشف الأرقام أن), a generic opinion (من يرى أن، الكثيرون يرون، ترى دراسة أن)."""
    k = cue.tok
    before = ctx.tokens[k - 1].norm if k else ""
    after = ctx.tokens[k + 1].norm if k + 1 < len(ctx.tokens) else ""
    if cue.kind == "noun" and before in ctx.w["purpose"]:
        return True
    if after in ctx.w["indicator"] or not cue.prefixed and before in ctx.w["indicator"]:
        return True
    return cue.entry.lemma == OPINION and (before in ("من", "ممن") or after in ctx.w["generic"]
                                           or not cue.prefixed and before in ctx.w["generic"])


def _no_source(ctx: Ctx, c: Candidate) -> bool:
    """نقل with no «عن» reports only with a near أن (نقلت الوكالة أن …); otherwise it is a
    transfer (ونقل الموظفين …: «…»، ونقل المعركة إلى …)."""
    cue = c.cue
    if not cue.entry.via_an or cue.kind != "verb" or c.post \
            or sp.speaker_after_an(ctx, cue, c.first) is not None:
        return False
    return c.direct or c.first - cue.tok > VIA_AN_SCAN or ctx.tokens[c.first - 1].norm not in ctx.w["comp"]


def _nested(ctx: Ctx, cue: Cue, cands: list[Candidate]) -> bool:
    """A cue inside indirect content, not opening a clause of its own (أن X قال/تقر بأن …),
    reports speech within the quote: it stays part of it."""
    if (cue.prefixed or cue.kind in ("participle", "noun")
            or ctx.is_punct(cue.tok - 1, SOFT_PUNCT + ":")
            or ctx.in_class(cue.tok - 1, "clause_start", stem=True)
            or clause_start(ctx, cue) < ctx.tokens[cue.tok - 1].start):
        return False
    off = ctx.tokens[cue.tok].start
    sent = ctx.tokens[cue.tok].sent
    return any(not o.direct and o.start < off and ctx.tokens[o.first].sent == sent for o in cands)


def _prep(ctx: Ctx, cue: Cue) -> Candidate | None:
    """Leading source: «بحسب X، …» / «وبحسب X أن …» / «…، وبحسب X، فإن …» / «بحسب X فإن …»."""
    first, last = ctx.sent_bounds(cue.tok)
    initial = cue.tok == first
    if not (initial or (cue.prefixed and ctx.is_punct(cue.tok - 1, SOFT_PUNCT))):
        return None
    if cue.tok + 1 < last and ctx.tokens[cue.tok + 1].norm in NOT_SOURCE:
        return None
    subj, j = sp.subject_after(ctx, cue, last)
    while j < last and j in ctx.time_toks:
        j += 1
    if subj is None or j + 1 >= last:
        return None
    if ctx.tokens[j].norm in ctx.w["comp"]:
        return after_comp(ctx, cue, j + 1)
    k = j + 1
    if sp.fa_inna(ctx, j):  # وبحسب وثائق نشرها موقع فإن …: no comma
        pass
    elif not ctx.is_punct(j, SOFT_PUNCT):
        return None
    elif ctx.tokens[k].norm in INTRO_WORDS and k + 1 < last:
        k += 1
    elif not initial or ctx.tokens[k].forms[0][0] != ctx.tokens[k].forms[-1][0] \
            or ctx.tokens[k].norm in ctx.w["relative"]:
        return None
    if k in ctx.cues:
        return None
    return Candidate(cue, k, ctx.tokens[k].start, None, False, ctx.tokens[cue.tok].start)


def _prep_what(ctx: Ctx, cue: Cue) -> Candidate | None:
    """Leading «بحسب ما قاله X، فإن …»، «وحسب ما أفاد به شهود عيان، …»، «بحسب ما نقلته الوكالة عن
    X، …»: the reporting verb after ما names the speaker; the content follows the comma."""
    first, last = ctx.sent_bounds(cue.tok)
    v = cue.tok + 2
    if cue.tok != first or v >= last or ctx.tokens[cue.tok + 1].norm not in NOT_SOURCE:
        return None
    verb = ctx.cues.get(v)
    entry = verb.entry if verb is not None else cue_table().get(_without_object(ctx.tokens[v].norm))
    if entry is None or entry.kind != "verb":
        return None
    j = v + 1
    while j < last and ctx.tokens[j].norm in sp.OBJECT_BIH:
        j += 1                                    # أفاد به
    if entry.via_an:
        while j < last and ctx.tokens[j].norm != "عن" and not ctx.is_punct(j, SOFT_PUNCT):
            j += 1                                # نقلته الوكالة | عن X
        j += j < last and ctx.tokens[j].norm == "عن"
    end = j
    while end < last and not ctx.is_punct(end, SOFT_PUNCT) and not sp.fa_inna(ctx, end) \
            and end - j < sp.MAX_NP:
        end += 1
    if end == j or end + 1 >= last:
        return None
    if sp.fa_inna(ctx, end):  # حسب ما أفاد به مراسلنا فإن …: no comma
        k = end + 1
    elif ctx.is_punct(end, SOFT_PUNCT):
        k = end + 1 + (ctx.tokens[end + 1].norm in INTRO_WORDS and end + 2 < last)
    else:
        return None
    if k in ctx.cues:
        return None
    source = Cue(v, ctx.tokens[v].start, ctx.tokens[v].end, entry, False)
    return Candidate(source, k, ctx.tokens[k].start, None, False, ctx.tokens[cue.tok].start)


def _without_object(word: str) -> str:
    """قاله، نقلته، أكدته → قال، نقلت، أكدت (the reporting verb without its object pronoun)."""
    for suffix in ("ها", "ه"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)]
    return word


def _sourced_quote(ctx: Ctx, cue: Cue) -> Candidate | None:
    """«…»، بحسب مصدر في الشرطة: a quotation opening its sentence, then its source (not
    «بحسب ما …»: the verb after ما is the cue)."""
    nxt = cue.tok + 1
    if nxt >= len(ctx.tokens) or ctx.tokens[nxt].norm in NOT_SOURCE:
        return None
    c = backward(ctx, cue)
    if c is None or ctx.tok_at.get(c.clause_start) != ctx.sent_bounds(cue.tok)[0] \
            or ctx.words_between(c.first, ctx.tok_at[c.end]) < MIN_SOURCED_WORDS:
        return None
    return c


def _set_ends(ctx: Ctx, cands: list[Candidate]) -> None:
    starts = sorted(c.clause_start for c in cands)
    for c in cands:
        end = c.end if c.end is not None else sentence_end(ctx, c)
        if not c.direct or c.end is None:
            end = min([end] + [s for s in starts if c.start < s < end])
        c.end = trim_end(ctx.text, c.start, _drop_conjunction(ctx, c.start, end))


def _drop_conjunction(ctx: Ctx, start: int, end: int) -> int:
    """Content cut before «، وقال»: drop the trailing comma (and a bare و)."""
    text = ctx.text
    e = end
    while e > start and text[e - 1] in " ،,":
        e -= 1
    if e > start and text[e - 1] == "و" and (e - 1 == start or text[e - 2] == " "):
        e -= 1
    return e


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """One quote per content: a verb cue wins over a source preposition over the same text."""
    cands.sort(key=lambda c: (c.start, -c.end))
    keep: list[Candidate] = []
    for c in cands:
        prev = keep[-1] if keep else None
        if prev is not None and c.start < prev.end and prev.start < c.end:
            if prev.cue.kind == "prep" and c.cue.kind != "prep":
                c.start, c.first = max(c.start, prev.start), max(c.first, prev.first)
                keep[-1] = c
            continue
        keep.append(c)
    return keep


# --- speakers ------------------------------------------------------------------------
def _resolve(ctx: Ctx, cands: list[Candidate]) -> list[tuple[Quote, Span]]:
    out = []
    said: list[tuple[Candidate, sp.Speaker]] = []
    for c in sorted(cands, key=lambda c: c.cue.tok):
        who = sp.who_said(ctx, c, _previous(ctx, said, c))
        if not _sacred(ctx, who) and not _crowd(ctx, who):  # قال تعالى: «…»، مشيرا إلى أن …
            said.append((c, who))
        stop = c.first if not c.post else len(ctx.tokens)
        addressee = sp.addressee(ctx, c.cue.tok + 1, min(stop, ctx.sent_bounds(c.cue.tok)[1]),
                                 who.span or (0, 0))
        if addressee is None:
            addressee = sp.told(ctx, c.cue, who, min(stop, ctx.sent_bounds(c.cue.tok)[1]))
        if addressee is None and c.direct:
            addressee = sp.vocative_addressee(ctx, c.first, c.end)
        cue_text = ctx.text[c.cue.start:c.cue.end]
        who_text = ctx.text[who.span[0]:who.span[1]] if who.span else None
        q = Quote(c.start, c.end, ctx.text[c.start:c.end], c.direct, who.entity, who_text,
                  cue_text, addressee if addressee != who.entity else None)
        span = Span(c.start, c.end, "QUOTE", {"speaker": who.entity, "speaker_span": who.span,
                                               "cue_span": (c.cue.start, c.cue.end)})
        out.append((q, span))
    return out


GENDER_SENTENCES = 4    # how far back «وأضافت» may find the woman (or feminine body) last quoted


def _previous(ctx: Ctx, said: list, c: Candidate) -> tuple[Candidate, sp.Speaker] | None:
    """The quote a continuation of ``c`` goes on from: the last one, unless its cue's gender
    differs (وقال المدير … وأضافت أن): then the last one of the same gender a few sentences
    back, or none."""
    gender = c.cue.entry.gender
    if not said or not gender or said[-1][0].cue.entry.gender in ("", gender):
        return said[-1] if said else None
    sent = ctx.tokens[c.cue.tok].sent
    for p in reversed(said):
        if sent - ctx.tokens[p[0].cue.tok].sent > GENDER_SENTENCES:
            break
        if p[0].cue.entry.gender == gender:
            return p
    return None


def _sacred(ctx: Ctx, who: sp.Speaker) -> bool:
    """A verse or a saying of the Prophet (قال تعالى، قال صلى الله عليه وسلم): a continuation
    after it does not inherit that speaker."""
    if who.entity is not None or who.span is None:
        return False
    return any(w in ctx.w["sacred"] for w in normalize(ctx.text[who.span[0]:who.span[1]]).split())


def _crowd(ctx: Ctx, who: sp.Speaker) -> bool:
    """«البعض أشاروا»، «يقول كثيرون»: a generic speaker, no one a later participle or
    continuation can go on quoting."""
    if who.entity is not None or who.span is None:
        return False
    return normalize(ctx.text[who.span[0]:who.span[1]]).strip() in ctx.w["crowd"]
