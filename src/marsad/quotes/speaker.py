"""Who said it, and to whom: the subject of the cue, found through the entity stage's
mentions and actors.

A subject after the cue (قال الرئيس التركي) or before it (وكان العميد X ذكر، أن X قال)
names the speaker; an unnamed one (مصدر أمني) gives speaker None with its text. With no
subject, a participle or verbal noun (مشيرا، تأكيده) takes the speaker of the sentence,
and a bare continuation cue (وأضاف، وتابع:) the speaker of the previous quote.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..text.normalize import normalize
from .context import Ctx
from .cues import Cue

MAX_NP = 10              # words in a subject phrase
FA_INNA = frozenset(["فان", "فانه", "فانها"])  # بحسب ما قاله X فإن …: X ends there
OBJECT_BIH = frozenset(["به", "بها"])   # أفاد به X، صرح بها X
WHAT_FOLLOWS = frozenset(["نصه", "يلي", "ياتي"])
TO_HIM = frozenset(["له", "لها", "لهم", "لهما", "لي", "لك", "لنا", "لكم"])  # قال له الطبيب: no subject
# right after a cue, words that are not its subject: the one told, what it is about, the manner,
# a demonstrative object (قال لي، قال عنه فلان، تابع بقوله، نفى ذلك، أوضح ذلك المتحدث)
AN_PRONOUNS = frozenset(["عنه", "عنها", "عنهم", "عنهما"])  # نقلت عنه الوكالة
NOT_THE_SUBJECT = OBJECT_BIH | TO_HIM | AN_PRONOUNS | frozenset(["بقوله", "بقولها", "بالقول", "ذلك"])
ISSUED_BY = frozenset(["عن", "من"])      # بيان صادر عن X
ISSUERS = frozenset(["ORG", "PER", "GPE"])
MAX_BACK = 12            # words between a clause start and an SV cue
APPOSITION_SCAN = 10     # tokens after an unnamed subject where «، فلان،» may name it
TITLE_WORDS = 4          # words of a role noun phrase before the name it introduces
SAME_ROLE_SENTENCES = 3  # how far back «وأضاف المتحدث» may find the spokesman it repeats
QUOTED_NAME_WORDS = 4    # words of a quoted name standing as the subject (قالت «هيومن رايتس ووتش»)
GENITIVE_WORDS = 9       # words from a title's ل-complement to the name it introduces
TOLD_KIN = frozenset(["نظير", "نظيره", "نظيرته", "نظرائه", "نظيرها", "ضيف", "ضيفه", "ضيوفه"])  # قال لنظيره: the one told
INNER_NAME_WORDS = 6     # words of a quoted name inside a subject (رئيس حزب «القوات اللبنانية» فلان)


@dataclass(slots=True)
class Speaker:
    entity: str | None
    span: tuple[int, int] | None     # the phrase naming the speaker (None: not named here)


NOBODY = Speaker(None, None)


def _inherited(prev: Speaker) -> Speaker:
    """The previous speaker for a continuation (وأضاف، مؤكدا): its entity, or, for an unnamed
    speaker (مصدر أمني، وزير الخارجية), the phrase that named it."""
    return Speaker(prev.entity, prev.span if prev.entity is None else None)


# --- phrases ---------------------------------------------------------------------
def _l_prefixed(ctx: Ctx, i: int) -> int | None:
    """Stem offset of a word written with the preposition ل (لأردوغان، للصحفيين)."""
    tok = ctx.tokens[i]
    if ctx.text[tok.start] != "ل":
        return None
    if tok.norm.startswith("لل") and len(tok.norm) > 3:
        return tok.start + 1
    for stem, start in tok.forms[1:]:
        if start == tok.start + 1 or (start > tok.start and stem.startswith("ال")):
            return start
    return None


def _named_at(ctx: Ctx, start: int) -> bool:
    """A name starts at the stem offset (or one letter after it: لل + ...)."""
    return ctx.ents.by_start.get(start) is not None or ctx.ents.by_start.get(start + 1) is not None


def _l_source(ctx: Ctx, i: int) -> bool:
    """A ل-word after «وفقا» that names who said it: a named entity or an unnamed source (وفقا
    للمرصد، وفقا لمصادر، وفقا للتقرير), not a plan or a rule (وفقا للخطة، وفقا لآلية العمل)."""
    start = _l_prefixed(ctx, i)
    if start is None:
        return False
    stems = {stem for stem, _ in ctx.tokens[i].forms[1:]}
    unnamed = ctx.w["unnamed_head"]
    return _named_at(ctx, start) or any(s in unnamed or s.removeprefix("ال") in unnamed for s in stems)


def _addressee_word(ctx: Ctx, i: int) -> bool:
    start = _l_prefixed(ctx, i)
    if start is None:
        return False
    if ctx.tokens[i].norm.startswith("لل") or TOLD_KIN & set(ctx.stems(i)):
        return True                          # (قال الوزير لنظيره: whom it was said to)
    if _named_at(ctx, start):
        return True
    stem = ctx.tokens[i].forms[-1][0]
    return stem.startswith("ال") or stem in ctx.w["unnamed_head"] or len(ctx.tokens[i].norm) <= 2


def _media_addressee(ctx: Ctx, j: int, k: int) -> bool:
    """«مورينيو لموقع النادي»، «الشرطة لصحيفة …»: a ل-medium right after a name or a one-word
    subject is whom it was said to (not «المتحدث الرسمي لوكالة الأنباء»: a genitive)."""
    start = _l_prefixed(ctx, k)
    if start is None or ctx.tokens[k].forms[-1][0] not in ctx.w["medium"]:
        return False
    return ctx.span_ending_at(k - 1) is not None or k == j + 1 and not _role_head(ctx, j)


def _stops_np(ctx: Ctx, j: int, k: int) -> bool:
    t = ctx.tokens[k]
    if t.kind == "punct":
        return ctx.text[t.start] not in "."
    return (t.norm in ctx.w["comp"] or fa_inna(ctx, k) or k in ctx.time_toks
            or t.norm in ctx.w["not_subject"]
            or t.norm in ctx.w["clause_opener"] or k in ctx.cues or _addressee_word(ctx, k)
            or _media_addressee(ctx, j, k)
            or _what_follows(ctx, k) or _manner(ctx, k))


def _what_follows(ctx: Ctx, k: int) -> bool:
    """«يقول أحد الدعاة ما نصه: …»، «أن يوضح ما يلي:»: the content is announced, no subject."""
    return ctx.tokens[k].norm == "ما" and k + 1 < len(ctx.tokens) and ctx.tokens[k + 1].norm in WHAT_FOLLOWS


def _manner(ctx: Ctx, k: int) -> bool:
    """«وقال كيري مازحا»، «قال أحد أصدقائي معلقًا»: an accusative participle (after a name, or
    with its tanween written) ends the subject."""
    t = ctx.tokens[k]
    if not _circumstantial(t.norm) or t.norm.endswith("ها") or t.norm in ctx.w["unnamed_head"] \
            or ctx.ents.covers(t.start):
        return False
    return "ً" in ctx.text[t.start:t.end] or ctx.span_ending_at(k - 1) is not None


def _inner_name_close(ctx: Ctx, j: int, k: int, stop: int) -> int | None:
    """The closing mark of a short quoted name at token k inside a subject phrase."""
    close = _short_quote_close(ctx, k, stop, INNER_NAME_WORDS)
    if close is None:
        return None
    if _person_ends(ctx, k - 1) or not _goes_on(ctx, j, close + 1, stop):
        return None                          # فلان «الوطن»: the paper told; «…» باهتمام: no name
    return close


def _short_quote_close(ctx: Ctx, k: int, stop: int, most: int) -> int | None:
    """The closing mark of quotation marks opened at token k around at most ``most`` words, before
    token ``stop``."""
    if not ctx.is_mark(k):
        return None
    close = ctx.close_of(k)
    if close is None or not k + 1 < close < stop or ctx.words_between(k + 1, close) > most:
        return None
    return close


def _person_ends(ctx: Ctx, k: int) -> bool:
    end = ctx.tokens[k].end
    return any(m.end == end and m.label == "PER" for m in ctx.ents.in_range(end - 80, end))


def _goes_on(ctx: Ctx, j: int, k: int, stop: int) -> bool:
    """After a quoted name the subject ends or goes on with a name, a title or a definite
    adjective (not «… «ماركو رويس» باهتمام»)."""
    if k >= stop:
        return True
    t = ctx.tokens[k]
    if t.norm in ctx.w["relative"]:          # برنامج "الراصد" الذي عرضته القناة
        return False
    return t.norm.startswith("ال") or ctx.mention_at_token(k) is not None \
        or ctx.in_class(k, "person_title", stem=True) or t.norm in ctx.w["abbrev_title"] \
        or t.norm == "ل" or _stops_np(ctx, j, k)


def fa_inna(ctx: Ctx, k: int) -> bool:
    """«فإن» opening content after a leading source; «فان» without hamza only before a definite
    word (not the Dutch «فان» of لويس فان غال)."""
    t = ctx.tokens[k]
    if t.norm not in FA_INNA:
        return False
    return t.norm != "فان" or "إ" in ctx.text[t.start:t.end] or (
        k + 1 < len(ctx.tokens) and ctx.tokens[k + 1].norm.startswith("ال"))


def _anonymity(ctx: Ctx, k: int) -> bool:
    """مصدر دبلوماسي | رفض الكشف عن اسمه، المسؤول | الذي فضل عدم ذكر اسمه: an unnamed source
    ends where the clause asking for anonymity starts."""
    toks, stops = ctx.tokens, ctx.w["np_stop"]
    return toks[k].norm in stops or (toks[k].norm in ctx.w["relative"] and k + 1 < len(toks)
                                      and toks[k + 1].norm in stops)


def _np_end(ctx: Ctx, j: int, stop: int) -> int:
    k = j + 1
    i = _issuer_at(ctx, j, stop)
    issuer = None if i is None else ctx.mention_at_token(i)
    if issuer is not None:                   # بيان صادر عن وزارة الداخلية: up to the issuer
        while k < len(ctx.tokens) and ctx.tokens[k].start < issuer.end:
            k += 1
        return k
    if i is not None:
        return _np_end(ctx, i, stop)
    close = _quoted_name_close(ctx, j, stop)
    if close is not None:
        return close + 1                     # صحيفة «واشنطن بوست»: the quoted name with it
    unnamed = ctx.tokens[j].norm.removeprefix("ال") in ctx.w["unnamed_head"]
    if _quantified(ctx, j, stop):            # كل من فلان وفلان، عدد من السكان
        k = j + 2
    marks = 0
    while k < stop and k - j - marks < MAX_NP:
        close = _inner_name_close(ctx, j, k, stop)
        if close is not None and not any(ctx.tokens[i].norm in ctx.w["relative"] for i in range(j, k)):
            marks += close - k + 1           # رئيس حزب «القوات اللبنانية» الدكتور فلان
            k = close + 1
            continue
        if _stops_np(ctx, j, k) or unnamed and _anonymity(ctx, k):
            named = _title_genitive_name(ctx, j, k, stop)
            if named is not None:            # المتحدث الرسمي للهيئة | ماجد العلي: one speaker
                return named
            break
        k += 1
    span = ctx.span_at_token(j)
    if span is not None:
        while k < len(ctx.tokens) and ctx.tokens[k].start < span.end:
            k += 1
    while k > j + 1 and ctx.tokens[k - 1].kind == "punct" and not _closes_inner(ctx, j, k - 1):
        k -= 1
    return k


def _quantified(ctx: Ctx, j: int, stop: int) -> bool:
    """A group counted out of a set: «كل من فلان وفلان»، «عدد من السكان»."""
    return ctx.tokens[j].norm in ctx.w["quantifier"] and j + 2 < stop and ctx.tokens[j + 1].norm == "من"


def _title_genitive_name(ctx: Ctx, j: int, k: int, stop: int) -> int | None:
    """A title's ل-complement and the name after it (المتحدث الرسمي للهيئة بالمنطقة الرائد فلان،
    المبعوث الأممي لليمن فلان): the end of the name, which belongs to the whole phrase. Not when
    the ل-word is whom it was said to (لنظيره، للصحفيين، لوكالة، لأوباما، لرئيس الوزراء فلان)."""
    if _l_prefixed(ctx, k) is None or ctx.mention_at_token(j) is not None or k == j + 1 \
            and not _role_head(ctx, j) and not ctx.in_class(j, "person_title", stem=True):
        return None
    if ctx.in_class(k, "person_title", stem=True) or ctx.in_class(k, "told", stem=True) \
            or ctx.tokens[k].forms[-1][0] in ctx.w["medium"] or TOLD_KIN & set(ctx.stems(k)):
        return None
    m = ctx.mention_at_token(k)
    if m is not None and m.label == "PER":
        return None
    for i in range(k + 1, min(stop, k + GENITIVE_WORDS + 1)):
        t = ctx.tokens[i]
        if t.kind == "punct" or t.norm in ctx.w["comp"] or i in ctx.cues or t.norm in ctx.w["relative"]:
            return None
        m = ctx.mention_at_token(i)
        if m is not None and m.label == "PER":
            end = _person_end(ctx, m, i)
            return end if end <= stop else None
    return None


def _person_end(ctx: Ctx, m, i: int) -> int:
    """The token after a person's mention and the mentions of the same person a few words after
    it (السفير الدكتور فلان: a title mention and the name)."""
    for n in ctx.ents.in_range(m.end, m.end + 200):
        between = ctx.text[m.end:n.start]
        if n.data.get("entity") != m.data.get("entity") or len(between.split()) > 2 \
                or any(not c.isalpha() and not c.isspace() for c in between):
            break
        m = n
    return ctx.token_index(m.end - 1, i) + 1


def _closes_inner(ctx: Ctx, j: int, k: int) -> bool:
    """Token k closes a quoted name opened within the phrase from token j."""
    return ctx.is_mark(k) and any(ctx.close_of(i) == k for i in range(j + 1, k))


def _issuer_at(ctx: Ctx, j: int, stop: int) -> int | None:
    """Where the issuer is named after a statement noun at token j: «بيان صادر عن X»، «بيان لـX»."""
    i = j + 1
    if ctx.tokens[j].norm not in ctx.w["statement"] or i >= stop:
        return None
    if i + 2 < stop and ctx.tokens[i].norm in ctx.w["issued"] and ctx.tokens[i + 1].norm in ISSUED_BY:
        return i + 2
    return i if _l_prefixed(ctx, i) is not None else None


def _quoted_name_close(ctx: Ctx, j: int, stop: int) -> int | None:
    """The closing mark of a quoted name right after the head word at token j."""
    k = j + 1
    if k + 1 >= stop or not ctx.is_mark(k) or ctx.mention_at_token(k + 1) is None:
        return None
    close = ctx.close_of(k)
    return close if close is not None and k < close < stop else None


def _bound_to_title(ctx: Ctx, j: int, p: int) -> bool:
    """A name after «باسم/لـ + title» belongs to the title, not to the head noun
    (متحدث باسم وزير الخارجية فلان، السكرتير الخاص للرئيس فلان)."""
    for k in range(j + 1, p + 1):
        if "باسم" in ctx.stems(k) or _l_prefixed(ctx, k) is not None:
            if ctx.in_class(k, "person_title", stem=True) or (
                    k + 1 <= p and ctx.in_class(k + 1, "person_title", stem=True)):
                return True
    return False


def apposition(ctx: Ctx, lo: int, hi: int, content: int | None = None) -> Speaker | None:
    """«المتحدثة باسم البعثة، فلانة، إن …»، «قائد المعركة، اللواء فلان، إن»: a name set off by
    commas after the subject, a title or honorific before it; after a role noun (``content``:
    where its content starts) also further on than ``hi`` when the name ends right before the
    content (المشرف على … وعضو …، الدكتور فلان، أن)."""
    end = max(hi, content or 0)
    for k in range(lo, end):
        if ctx.is_punct(k, ",،") and k + 1 < end:
            n = past_honorifics(ctx, k + 1, end)
            m = ctx.mention_at_token(n)
            if m is not None and m.label == "PER" and (k < hi or _before_content(ctx, m, n, end)):
                return Speaker(m.data.get("entity"), (m.start, m.end))
    return None


def holder_after_link(ctx: Ctx, j: int, k: int, stop: int) -> Speaker | None:
    """A role noun at token j, its body or place after a `title_link` at token k and the holder's
    name ending right before the content (مدير الإعلام في أمانة منطقة حائل فلان أن، السفير لدى
    الأمم المتحدة فلان: «…»). Not when the words between name someone else's office (عضو في حزب
    الرئيس فلان), whom it was said to, a time or a clause."""
    if k >= stop or ctx.tokens[k].norm not in ctx.w["title_link"] or not _person_head(ctx, j):
        return None
    for i in range(k + 1, min(stop, k + GENITIVE_WORDS + 1)):
        t = ctx.tokens[i]
        m = ctx.mention_at_token(i)
        if m is not None and m.label == "PER":
            return Speaker(m.data.get("entity"), (m.start, m.end)) if _before_content(ctx, m, i, stop) else None
        if t.kind == "punct" and not ctx.is_mark(i) \
                and not (ctx.is_punct(i, ".") and ctx.tokens[i - 1].norm in ctx.w["abbrev_title"]) \
                or t.norm in ctx.w["comp"] or i in ctx.cues or i in ctx.time_toks or t.norm in ctx.w["relative"] \
                or t.norm in ctx.w["not_subject"] and t.norm not in ctx.w["title_link"] \
                or ctx.in_class(i, "person_title", stem=True) or TOLD_KIN & set(ctx.stems(i)) \
                or _addressee_word(ctx, i):
            return None
    return None


def _person_head(ctx: Ctx, j: int) -> bool:
    return _role_head(ctx, j) or ctx.tokens[j].norm.removeprefix("ال") in ctx.w["role"]


HONORIFIC_WORDS = 2      # title words between an apposition's comma and the name (اللواء الركن)


def past_honorifics(ctx: Ctx, n: int, stop: int) -> int:
    """The token after the titles opening an apposition (، اللواء فلان، ، د. فلان)."""
    for _ in range(HONORIFIC_WORDS):
        if n + 1 >= stop or ctx.mention_at_token(n) is not None:
            break
        t = ctx.tokens[n]
        if t.norm in ctx.w["abbrev_title"] and ctx.is_punct(n + 1, "."):
            n += 2
        elif t.norm in ctx.w["abbrev_title"] or t.norm.startswith("ال") and t.norm not in ctx.w["not_subject"]:
            n += 1
        else:
            break
    return n


def _before_content(ctx: Ctx, m, n: int, stop: int) -> bool:
    k = ctx.token_index(m.end - 1, n) + 1
    while k < stop and (ctx.is_punct(k, ",،:") or ctx.is_mark(k)):
        k += 1
    return k >= stop or ctx.tokens[k].norm in ctx.w["comp"]


def resolve_np(ctx: Ctx, j: int, end: int) -> Speaker:
    """The speaker named by the phrase of tokens [j, end)."""
    toks = ctx.tokens
    start = min((s for _, s in toks[j].forms if ctx.ents.by_start.get(s)), default=toks[j].start)
    head = ctx.span_at_token(j)
    phrase_end = max(toks[end - 1].end, head.end if head else 0)
    span = (start, phrase_end)
    mention = ctx.mention_at_token(j)
    if mention is not None:
        return Speaker(mention.data.get("entity"), span)
    if _quantified(ctx, j, end):             # (كل من فلان وفلان: a group, no one person)
        return Speaker(None, span)
    for m in ctx.ents.in_range(toks[j].start, toks[end - 1].end):
        if m.label == "PER" and not _bound_to_title(ctx, j, ctx.token_index(m.start, j)):
            return Speaker(m.data.get("entity"), span)
    if head is not None:
        return Speaker(head.data.get("entity"), span)
    if toks[j].norm in ctx.w["statement"]:   # تقرير الأمم المتحدة، بيان للرئاسة: its issuer
        i = _issuer_at(ctx, j, end) or j + 1
        issuer = ctx.mention_at_token(i) if i < end else None
        return Speaker(issuer.data.get("entity") if issuer and issuer.label in ISSUERS else None, span)
    if _quoted_name_close(ctx, j, end + 1) is not None:
        return Speaker(ctx.mention_at_token(j + 2).data.get("entity"), span)
    if end - j == 1:                # وقال منصور after «مرتضى منصور»: his last name
        return Speaker(_named_earlier(ctx, span, ("PER",)), span)
    return Speaker(None, span)


# --- subjects ----------------------------------------------------------------------
def _skip_title(ctx: Ctx, j: int, stop: int) -> int:
    while j + 1 < stop and ctx.tokens[j].norm in ctx.w["abbrev_title"] and ctx.is_punct(j + 1, "."):
        j += 2
    return j


def _skip_addressee(ctx: Ctx, j: int, stop: int) -> int:
    """Step over «لـ "عكاظ"» or a named ل-addressee before a subject (كشف لـ«عكاظ» مصدر)."""
    if j >= stop:
        return j
    if ctx.tokens[j].norm == "ل" and j + 1 < stop and ctx.is_mark(j + 1):
        close = ctx.close_of(j + 1)
        return close + 1 if close is not None and close > j else j
    start = _l_prefixed(ctx, j)
    span = ctx.ents.mention_start.get(start) if start is not None else None
    if span is None:
        return j
    k = j + 1
    while k < stop and ctx.tokens[k].start < span.end:
        k += 1
    return k


def _skip_told(ctx: Ctx, j: int, stop: int) -> int:
    """Step over the newspaper told by «أبلغ/أخبر»: «عكاظ»، (عكاظ)، الصحيفة."""
    if j >= stop:
        return j
    if ctx.is_mark(j) or ctx.is_punct(j, "("):
        close = ctx.close_of(j) if ctx.is_mark(j) else next(
            (k for k in range(j + 1, min(stop, j + QUOTED_NAME_WORDS + 2)) if ctx.is_punct(k, ")")), None)
        ok = close is not None and j + 1 < close < stop and ctx.words_between(j + 1, close) <= QUOTED_NAME_WORDS
        return close + 1 if ok else j
    return j + 1 if _told_paper(ctx, j) else j


def _told_paper(ctx: Ctx, k: int) -> bool:
    norm = ctx.tokens[k].norm
    return norm.startswith("ال") and norm.removeprefix("ال") in ctx.w["medium"]


def _circumstantial(word: str) -> bool:
    """An accusative participle describing the speaker (قال مازحا، قال مخاطبا الجنود): right
    after the cue it means the subject was left out."""
    return len(word) >= 5 and word[0] == "م" and word[-1] == "ا"


def _not_the_subject(ctx: Ctx, j: int, stop: int) -> bool:
    """A word right after the cue that is not its subject; «لي» only before what cannot go on a
    name (قال لي: «…»، قال لي المدير), not the Chinese or Korean name (صرح لي كه تشيانغ)."""
    t = ctx.tokens[j]
    if t.norm not in NOT_THE_SUBJECT or ctx.name_starts(j):
        return False
    if t.norm != "لي" or j + 1 >= stop:
        return True
    n = ctx.tokens[j + 1]
    return n.kind == "punct" or n.norm.startswith("ال") or n.norm in ctx.w["comp"] \
        or ctx.in_class(j + 1, "person_title", stem=True) or ctx.mention_at_token(j + 1) is not None


def subject_after(ctx: Ctx, cue: Cue, stop: int) -> tuple[Speaker | None, int]:
    """The subject right after the cue (None if the cue has none), and where it ends."""
    j = cue.tok + 1
    while j < stop and (j in ctx.time_toks or j - cue.tok <= 2 and _not_the_subject(ctx, j, stop)):
        j += 1                          # (أفاد به مصدر، قال له الطبيب، قال عنه، نفى ذلك: no subject)
    source = cue.kind == "prep" and cue.entry.particle == "ل" and j < stop \
        and _l_source(ctx, j)                   # وفقا للمرصد: the source, not an addressee
    if not source:
        j = _skip_addressee(ctx, j, stop)
    if cue.entry.tell:
        j = _skip_told(ctx, j, stop)
    j = _skip_title(ctx, j, stop)
    if j >= stop:
        return None, j
    quoted = _quoted_subject(ctx, j, stop)
    if quoted is not None:                       # وقالت «موبايلي» إن …
        return quoted
    t = ctx.tokens[j]
    if (t.kind in ("punct", "num") or t.norm in ctx.w["comp"] or t.norm in ctx.w["not_subject"]
            or _what_follows(ctx, j) or t.norm in ctx.w["clause_opener"]
            or t.norm == cue.entry.particle or not source and _addressee_word(ctx, j)
            or j in ctx.cues
            or _circumstantial(t.norm) and t.norm not in ctx.w["unnamed_head"]):  # (مراسلنا: a source)
        return None, j
    if cue.entry.object_ok:
        return _object_cue_subject(ctx, j, stop)
    end = _np_end(ctx, j, stop)
    if cue.entry.tell:                           # أبلغت مصادر مطلعة | الصحيفة أن
        end = next((k for k in range(j + 1, end) if _told_paper(ctx, k)), end)
        end = _teller_end(ctx, cue, j, end)
        if end == j:
            return None, j
    found = resolve_np(ctx, j, end)
    if source and found.entity is None and not ctx.tokens[j].norm.startswith("لل"):
        found = Speaker(None, (_l_prefixed(ctx, j), found.span[1]))  # وفقا لمصادر: without ل
    return found, end


def _teller_end(ctx: Ctx, cue: Cue, j: int, end: int) -> int:
    """أبلغ/أخبر + subject + the one told: a named subject ends with its name (أبلغ الوزير
    فلان | نظيره، أخبر الأمير فلان | المسؤولين), an unnamed one before a `told` word (أبلغ
    المتحدث | الصحفيين); a `told` word or a masculine noun after a feminine verb right after the
    cue (أخبر اللاعبين أن، أخبرت المدرب أن) is the one told, the subject left out (returns j)."""
    mentions = ctx.ents.in_range(ctx.tokens[j].start, ctx.tokens[end - 1].end)
    if mentions and mentions[0].start == ctx.tokens[j].start:
        who, last = mentions[0].data.get("entity"), mentions[0]
        for m in mentions[1:]:                   # وزير الخارجية عادل الجبير: title and name
            if m.data.get("entity") != who or ctx.text[last.end:m.start].strip(" ،,"):
                break
            last = m
        return ctx.token_index(last.end - 1, j) + 1
    told_at = next((k for k in range(j, end) if ctx.tokens[k].norm in ctx.w["told"]), end)
    if told_at < end:
        return told_at
    head = ctx.tokens[j].norm
    feminine_verb = normalize(ctx.text[cue.start:cue.end]).endswith("ت")
    if feminine_verb and head.startswith("ال") and not head.endswith(("ه", "ات")) \
            and head.removeprefix("ال") not in ctx.w["unnamed_head"]:
        return j
    return end


def told(ctx: Ctx, cue: Cue, who: Speaker, hi: int) -> str | None:
    """The entity named right after the subject of أبلغ/أخبر (أبلغ الجبير نظيره الأمريكي)."""
    if not cue.entry.tell:
        return None
    k = ctx.token_index(who.span[1] - 1, cue.tok) + 1 if who.span else cue.tok + 1
    if k >= hi:
        return None
    m = ctx.mention_at_token(k)
    return m.data.get("entity") if m is not None and m.label in ISSUERS else None


def _quoted_subject(ctx: Ctx, j: int, stop: int) -> tuple[Speaker, int] | None:
    """A short quoted name right after the cue is its subject (ذكرت «وام» أن، أعلنت "المقاومة
    الشعبية" أنها): the name inside the marks, before the content."""
    close = _short_quote_close(ctx, j, stop, QUOTED_NAME_WORDS)
    if close is None:
        return None
    inner = ctx.mention_at_token(j + 1)
    span = (ctx.tokens[j + 1].start, ctx.tokens[close - 1].end)
    entity = inner.data.get("entity") if inner is not None else _named_earlier(ctx, span)
    return Speaker(entity, span), close + 1


def _named_earlier(ctx: Ctx, span: tuple[int, int], labels=ISSUERS) -> str | None:
    """The person or body an earlier mention names in full (وأشار «سليم» after «محمد فرج سليم»)."""
    name = normalize(ctx.text[span[0]:span[1]])
    for m in reversed(ctx.ents.mentions):
        if m.end <= span[0] and m.label in labels:
            full = normalize(ctx.text[m.start:m.end])
            if full == name or f" {name} " in f"{full} " and not full.startswith(name):
                return m.data.get("entity")
    return None


def _object_cue_subject(ctx: Ctx, j: int, stop: int) -> tuple[Speaker | None, int]:
    """وصف أوباما الاتفاق بأنه …: the subject is the name right after the cue (or the name
    ending a title), the rest its object; a lone phrase before بأنه (ووصف الاتفاق بأنه) is the
    object of a subject left out."""
    end = _np_end(ctx, j, stop)
    m = ctx.mention_at_token(j)
    people = [p for p in ctx.ents.in_range(ctx.tokens[j].start, ctx.tokens[end - 1].end)
              if p.label == "PER"]
    if m is not None:
        end = ctx.token_index(m.end - 1, j) + 1
    elif people:                                 # مستشار الوزير العميد فلان | عبر …
        end = ctx.token_index(people[-1].end - 1, j) + 1
    elif _role_head(ctx, j) and end - j > 1:
        end -= 1                                 # ووصف المتحدث الرسمي | الاتفاق بأنه
    if end >= stop or ctx.tokens[end].norm in ctx.w["comp"]:
        return None, j
    return resolve_np(ctx, j, end), end


def _role_head(ctx: Ctx, j: int) -> bool:
    word = ctx.tokens[j].norm.removeprefix("ال")
    return word in ctx.w["person_title"] or word in ctx.w["unnamed_head"]


RELAYED = frozenset(["قاله", "قالته", "قالوه"])       # نقلت الوكالة ما قاله فلان


def speaker_after_an(ctx: Ctx, cue: Cue, stop: int) -> Speaker | str | None:
    """نقلت وكالة X عن فلان / قول فلان / ما قاله فلان: the speaker is the one named there;
    نقلت عنه الوكالة: BEFORE_PRONOUN (the person the pronoun refers to)."""
    for k in range(cue.tok + 1, stop):
        norm = ctx.tokens[k].norm
        if k + 1 < stop and (norm in ("عن", "قول")
                             or norm in RELAYED and ctx.tokens[k - 1].norm == "ما"):
            return resolve_np(ctx, k + 1, _np_end(ctx, k + 1, stop))
        if norm in AN_PRONOUNS:
            return BEFORE_PRONOUN
    return None


BEFORE_NONE, BEFORE_SENTENCE, BEFORE_PRONOUN = "none", "sentence", "pronoun"


def subject_before(ctx: Ctx, cue: Cue) -> Speaker | str:
    """SV order: the subject written before an unprefixed cue (وكان X قال، أن X أعلن)."""
    first, _ = ctx.sent_bounds(cue.tok)
    p = cue.tok - 1
    while p >= first and (ctx.tokens[p].norm == "قد" or p in ctx.time_toks):
        p -= 1
    comma = p > first and ctx.is_punct(p, ",،")
    if comma:
        p -= 1
    if cue.prefixed or p < first or ctx.tokens[p].kind == "punct":
        return BEFORE_NONE
    if ctx.tokens[p].norm in ctx.w["relative"]:
        return BEFORE_SENTENCE
    if ctx.tokens[p].norm in PLURAL_PRONOUNS:
        return NOBODY                        # (الخبراء، وهم يرون: no one person)
    if ctx.tokens[p].norm in ctx.w["pronoun_subject"] or ctx.tokens[p].norm in PRONOUNS:
        return BEFORE_PRONOUN                # (فإنه قال، وهي تقول، فهو يرى)
    k = p
    while k >= first and p - k < MAX_BACK:
        t = ctx.tokens[k]
        if (t.kind == "punct" and ctx.text[t.start] not in "()") or k in ctx.cues \
                or t.norm in ctx.w["comp"] or ctx.in_class(k, "clause_start", stem=True):
            break
        k -= 1
    if k >= first and p > k and not ctx.tokens[k].kind == "punct" \
            and (not comma or ctx.tokens[k].norm in ctx.w["comp"] or "لكن" in ctx.stems(k)):
        return _sv_subject(ctx, k + 1, p + 1)
    if comma:
        return BEFORE_NONE
    span = ctx.span_ending_at(p)
    if span is not None:
        return resolve_np(ctx, ctx.token_index(span.start, first), p + 1)
    return BEFORE_NONE


SV_WORDS = 6             # words of an unnamed subject written before its cue
PRONOUNS = frozenset(["هو", "هي", "هم", "وهو", "وهي", "وهم", "فهو", "فهي", "فهم"])
PLURAL_PRONOUNS = frozenset(["هم", "وهم", "فهم"])
NOT_A_START = frozenset(["ما", "لا", "لم", "لن", "له", "لها", "سرعان", "عند", "حين", "هل", "يكون", "تكون"])


def _sv_subject(ctx: Ctx, lo: int, hi: int) -> Speaker:
    """The subject in tokens [lo, hi) before an SV cue, bounded to a noun phrase naming someone:
    it ends before a relative clause or a subject pronoun (بينيتيز | الذي تولى …، الرئيس فلان |
    وهو من …); a phrase opening with a preposition or particle (في تصريح …، سرعان ما …) or a
    long one naming no one (دور الأسر في وجود التحرش مهم وبعض الدراسات) is no subject."""
    toks = ctx.tokens
    cut = next((i for i in range(lo + 1, hi) if toks[i].norm in ctx.w["relative"]
                or toks[i].norm in PRONOUNS), hi)
    named = ctx.ents.in_range(toks[lo].start, toks[cut - 1].end)
    if named:
        return resolve_np(ctx, lo, cut)
    first = toks[lo].norm
    if first in ctx.w["not_subject"] or first in NOT_A_START or first.startswith("لل") \
            or ctx.words_between(lo, cut) > SV_WORDS:
        return NOBODY
    return resolve_np(ctx, lo, cut)


AMMA = frozenset(["اما", "واما"])
AMMA_SCAN = 24           # tokens from «أما» to its «فقال»


def _amma_topic(ctx: Ctx, cue: Cue) -> Speaker | None:
    """«أما مدير المرور العميد فلان فقال: …»: the topic after «أما» speaks through «ف» + cue."""
    if not (cue.prefixed and ctx.text[ctx.tokens[cue.tok].start] == "ف"):
        return None
    first, _ = ctx.sent_bounds(cue.tok)
    for k in range(cue.tok - 1, max(first, cue.tok - AMMA_SCAN) - 1, -1):
        t = ctx.tokens[k]
        if t.norm in AMMA and "أ" in ctx.text[t.start:t.end]:
            end = _np_end(ctx, k + 1, cue.tok)
            end = next((i for i in range(k + 2, end) if ctx.tokens[i].norm in ctx.w["relative"]), end)
            return resolve_np(ctx, k + 1, end) if k + 1 < cue.tok else None
        if k in ctx.cues or ctx.is_punct(k, ".:؟?!"):
            return None
    return None


def sentence_subject(ctx: Ctx, before: int, cue: Cue | None = None) -> Speaker | None:
    """The subject of a clause-initial verb earlier in the sentence (وأكد كيري …، مشددا);
    given a ``cue`` of another sentence, only the sentence's first verb and agreeing with it."""
    other = cue is not None
    cue = cue or ctx.cues.get(before)
    first, _ = ctx.sent_bounds(before)
    word, first_clause = 0, True
    for k in range(first, before):
        t = ctx.tokens[k]
        if t.kind == "punct":
            if other:                            # (سبق- القصيم: …: a dateline, no subject)
                return None
            if ctx.text[t.start] in ",،":
                word, first_clause = 0, False
            continue
        if k in ctx.time_toks or t.norm == "قد" or word == 1 and t.norm in ("ذلك", *ctx.w["honorific"]):
            continue                             # (أكد ذلك الوزير فلان، استنكر معالي الأمين العام فلان)
        if word == 1:
            m = ctx.mention_at_token(k)
            if m is not None and m.label in ("PER", "ORG", "GPE") \
                    and not normalize(ctx.text[t.start:m.start]).strip("وف"):  # (سبق لوزارة …: no subject)
                return resolve_np(ctx, k, max(k + 1, ctx.token_index(m.end - 1, k)))
            titled = _titled_person(ctx, k, before)
            if titled is not None:
                return titled
            if first_clause and _agrees(ctx, k - 1, cue) \
                    and (t.norm in ctx.w["unnamed_head"] or _quantified(ctx, k, before)):
                return _unnamed_subject(ctx, k, before)  # (حذرت دراسة حديثة …، مؤكدة)
        word += 1
    return None


def _agrees(ctx: Ctx, verb: int, cue: Cue | None) -> bool:
    """The sentence's first verb and a singular cue (أثنى … مؤكدا، حذرت … مؤكدة) have the same
    gender: a perfect ending in ت is feminine."""
    if cue is None or not cue.entry.gender:
        return cue is not None and cue.kind == "participle"  # (مؤكدين; not نسب بيان … قوله)
    return ctx.tokens[verb].norm.endswith("ت") == (cue.entry.gender == "f")


def _unnamed_subject(ctx: Ctx, k: int, before: int) -> Speaker:
    """An unnamed subject (دراسة طبية حديثة، عدد من قادة القطاعات): a few words, no one named."""
    end = _np_end(ctx, k, before)
    while ctx.words_between(k, end) > MAX_NP:
        end -= 1
    return Speaker(None, (ctx.tokens[k].start, ctx.tokens[end - 1].end))


def _titled_person(ctx: Ctx, k: int, before: int) -> Speaker | None:
    """A role noun and the name it introduces as the subject (داعبت الممثلة البريطانية فلانة …،
    وعد نائب وزير الصحة فلان …، مؤكدا): the person named within the next few words."""
    if not (ctx.tokens[k].norm.startswith("ال") or ctx.in_class(k, "person_title", stem=True)):
        return None
    end = _np_end(ctx, k, before)
    for m in ctx.ents.in_range(ctx.tokens[k].start, ctx.tokens[end - 1].end):
        if m.label == "PER" and ctx.token_index(m.start, k) - k <= TITLE_WORDS:
            return resolve_np(ctx, k, ctx.token_index(m.end - 1, k) + 1)
    return None


def nearest_person(ctx: Ctx, before: int, first_in_sentence: bool = False) -> Speaker | None:
    first, _ = ctx.sent_bounds(before)
    lo, hi = ctx.tokens[first].start, ctx.tokens[before].start
    people = [m for m in ctx.ents.in_range(lo, hi) if m.label == "PER"]
    if not people:
        return None
    m = people[0] if first_in_sentence else people[-1]
    return Speaker(m.data.get("entity"), (m.start, m.end))


# --- addressee -----------------------------------------------------------------------
def addressee(ctx: Ctx, lo: int, hi: int, skip: tuple[int, int] = (0, 0)) -> str | None:
    """An entity named with ل between the cue and the content (قال بوتين لأردوغان),
    outside the subject phrase (character range ``skip``)."""
    for k in range(lo, hi):
        if skip[0] <= ctx.tokens[k].start < skip[1]:
            continue
        start = _l_prefixed(ctx, k)
        if start is None and ctx.tokens[k].norm == "ل":
            n = k + 1
            while n < hi and ctx.is_mark(n):
                n += 1
            start = ctx.tokens[n].start if n < hi else None
        span = ctx.ents.mention_start.get(start) if start is not None else None
        if span is not None and span.label in ("PER", "ORG", "GPE"):
            return span.data.get("entity")
    return None


def vocative_addressee(ctx: Ctx, first: int, end: int) -> str | None:
    """«يا فلان …»: the person called at the start of a direct quote."""
    for k in range(first, min(first + 4, len(ctx.tokens))):
        if ctx.tokens[k].start >= end:
            break
        if ctx.tokens[k].norm in ctx.w["vocative"] and k + 1 < len(ctx.tokens):
            span = ctx.span_at_token(k + 1)
            if span is not None and ctx.ents.label(span) == "PER":
                return span.data.get("entity")
    return None


# --- the speaker of a quote ----------------------------------------------------------
def _same_role(ctx: Ctx, subj: Speaker, prev, cue: Cue) -> Speaker | None:
    """«وأضافت المتحدثة …» after a quote of «المتحدثة باسم …، فلانة»: the same definite role
    noun a few sentences on names the same, already identified speaker."""
    (pc, pw) = prev
    if pw.entity is None or pw.span is None or subj.span is None:
        return None
    if ctx.tokens[cue.tok].sent - ctx.tokens[pc.cue.tok].sent > SAME_ROLE_SENTENCES:
        return None
    head = normalize(ctx.text[subj.span[0]:subj.span[1]]).split()[0]
    prev_head = normalize(ctx.text[pw.span[0]:pw.span[1]]).split()[0]
    return pw if head == prev_head and head.startswith("ال") else None


def _named_before(ctx: Ctx, subj: Speaker) -> Speaker | None:
    """«وأشارت الممثلة المصرية» after «الممثلة المصرية فلانة» (or «فلانة، الممثلة …»): a definite
    role noun names the person it last introduced with a name; the role's other words (المصرية)
    must stand near that name."""
    if subj.span is None:
        return None
    words_ = normalize(ctx.text[subj.span[0]:subj.span[1]]).split()
    head = words_[0]
    role = head.removeprefix("ال")
    if not head.startswith("ال") or role not in ctx.w["role"] or len(words_) > 3:
        return None
    toks = ctx.tokens
    for k in range(ctx.token_index(subj.span[0]) - 1, -1, -1):
        if role not in toks[k].norm or all(f.removeprefix("ال") != role for f, _ in toks[k].readings):
            continue  # (a reading is a piece of the word, or لل read as ال: the role is in it)
        lo = max(0, k - 2)
        for m in ctx.ents.in_range(toks[lo].start, toks[min(len(toks) - 1, k + TITLE_WORDS + 1)].end):
            if m.label != "PER":
                continue
            mk = ctx.token_index(m.start, lo)
            after = k < mk <= k + TITLE_WORDS and not any(
                toks[i].kind == "punct" or i in ctx.cues or toks[i].norm in ctx.w["comp"] for i in range(k, mk))
            before = m.end <= toks[k].start and ctx.is_punct(k - 1, "،,") and mk >= k - 2
            near = {t.norm for t in toks[max(0, mk - 1):ctx.token_index(m.end - 1, mk) + 3]} | {toks[i].norm for i in range(k, mk)}
            if (after or before) and all(w in near for w in words_[1:]):
                return Speaker(m.data.get("entity"), (m.start, m.end))
    return None


def _person(ctx: Ctx, who: Speaker | None) -> bool:
    return who is not None and who.entity is not None and any(
        m.label == "PER" and m.data.get("entity") == who.entity for m in ctx.ents.mentions)


def _group(ctx: Ctx, cue: Cue, inherited: Speaker | None) -> Speaker:
    """A plural cue with no subject of its own: the group named before it (SV order, the
    sentence's subject) or the previous speaker, never one person."""
    before = _amma_topic(ctx, cue) or subject_before(ctx, cue)
    if isinstance(before, Speaker):
        return before                    # (مسؤولون سودانيون قالوا، الوزيران فلان وفلان قالا)
    found = sentence_subject(ctx, cue.tok) if before == BEFORE_SENTENCE or cue.prefixed else None
    for who in (found, inherited):
        if who is not None:
            return NOBODY if _person(ctx, who) else who
    return NOBODY


def who_said(ctx: Ctx, c, prev) -> Speaker:
    """The speaker of candidate ``c``; ``prev`` is the previous (candidate, speaker)."""
    cue = c.cue
    stop = c.first if not c.post else ctx.sent_bounds(cue.tok)[1]
    if cue.entry.via_an:
        who = speaker_after_an(ctx, cue, stop)
        if who == BEFORE_PRONOUN:
            first, _ = ctx.sent_bounds(cue.tok)
            return nearest_person(ctx, cue.tok) or (first > 0 and nearest_person(ctx, first - 1)) \
                or (_inherited(prev[1]) if prev is not None else NOBODY)
        if who is not None:
            return who
    subj, np_end = (None, cue.tok + 1) if cue.kind == "participle" else subject_after(ctx, cue, stop)
    if subj is not None and (cue.kind != "noun" or subj.entity is not None):
        j = ctx.token_index(subj.span[0], cue.tok) if subj.entity is None else None
        if j is not None and not _quantified(ctx, j, stop):
            named = apposition(ctx, np_end, min(stop, np_end + APPOSITION_SCAN), stop if _role_head(ctx, j) else None)
            holder = holder_after_link(ctx, j, np_end, stop) if named is None else None
            if holder is not None:
                return Speaker(holder.entity, (subj.span[0], holder.span[1]))
            if named is None and prev is not None:
                named = _same_role(ctx, subj, prev, cue)
            if named is None:
                named = _named_before(ctx, subj)
            if named is not None:
                return Speaker(named.entity, subj.span)
        return subj
    same_sentence = prev is not None and ctx.tokens[prev[0].cue.tok].sent == ctx.tokens[cue.tok].sent
    inherited = _inherited(prev[1]) if prev is not None else None
    if cue.entry.plural:                 # (وقال الوزير … وأكدوا، المراقبين الذين يؤكدون: not him)
        return _group(ctx, cue, inherited)
    if cue.kind in ("participle", "noun"):
        if same_sentence:
            return inherited
        return sentence_subject(ctx, cue.tok) or inherited or NOBODY
    topic = _amma_topic(ctx, cue)
    if topic is not None:
        return topic
    before = subject_before(ctx, cue)
    if isinstance(before, Speaker):
        return before
    if before == BEFORE_SENTENCE:
        return (sentence_subject(ctx, cue.tok) or nearest_person(ctx, cue.tok, True)
                or inherited or NOBODY)
    if before == BEFORE_PRONOUN:
        return nearest_person(ctx, cue.tok) or inherited or NOBODY
    first, _ = ctx.sent_bounds(cue.tok)
    if cue.prefixed and cue.tok > first and not ctx.is_punct(cue.tok - 1, ":"):
        if same_sentence:
            return inherited
        found = sentence_subject(ctx, cue.tok)
        if found is not None:
            return found
    if inherited is not None:
        return inherited
    return nearest_person(ctx, cue.tok, True) or _previous_subject(ctx, cue) or NOBODY


def _previous_subject(ctx: Ctx, cue: Cue) -> Speaker | None:
    """A cue opening its sentence with no subject and no quote before it (ولمح فلان إلى … .
    وقال إن …): the subject of the previous sentence's first verb, if the two agree in gender."""
    first, _ = ctx.sent_bounds(cue.tok)
    if cue.tok != first or first == 0:
        return None
    prev_first, _ = ctx.sent_bounds(first - 1)
    if not _agrees(ctx, prev_first, cue):
        return None
    return sentence_subject(ctx, first - 1, cue)
