"""Where reported content starts and ends.

Forward: after the cue, its subject and adjuncts, the content opens after a
complementizer (إن، أن، بأن), a colon, or a quotation mark. Backward: a quotation
followed by its cue («…»، قال X) or a clause followed by «، وفق ما أكد X».
"""
from __future__ import annotations

from dataclasses import dataclass

from .context import Ctx
from .cues import Cue
from .speaker import past_honorifics, subject_after

MAX_SCAN = 32          # tokens between a cue and its complementizer
AMBIGUOUS_SCAN = 4     # the same for a cue form that is also a common non-verb
COLON_SCAN = 10        # words from such a cue to a colon opening a quotation (كتب X على حسابه: «…»)
NEAR_SCAN = 3          # words between the particle of a «near» cue and its complementizer
APPOSITION_WORDS = 4   # words of a name after a title set off by commas (، الدكتور فلان الفلاني،)
MIN_DIRECT_WORDS = 3   # a shorter quotation is a name or a term, not a statement
SOFT_PUNCT = ",،؛;"
TRAILING = " \t\n.,،؛;:-–—"
MAX_VERSE_CHARS = 1500  # a verse or a saying in parentheses after قال تعالى
MIN_VERSE_CHARS = 8
THUS = frozenset(["هكذا", "وهكذا"])  # «…»، هكذا صرح X


@dataclass(slots=True)
class Candidate:
    cue: Cue
    first: int               # first content token
    start: int               # content start offset
    end: int | None          # content end offset (None: to be found)
    direct: bool
    clause_start: int        # where the reporting clause starts (cuts earlier content)
    post: bool = False       # the attribution follows the content


def forward(ctx: Ctx, cue: Cue) -> Candidate | None:
    toks, entry = ctx.tokens, cue.entry
    _, last = ctx.sent_bounds(cue.tok)
    j = cue.tok + 1
    limit = min(last, j + (AMBIGUOUS_SCAN if entry.ambiguous else MAX_SCAN))
    anchor = cue.tok          # the cue's particle once seen (أعلن عن …): a quotation after
    #                           it is part of the particle's object, not the content
    if j < last and ctx.is_mark(j) and ctx.close_of(j) is None:
        return None           # the cue closes a quoted title («… مضيفة»)
    if entry.bare and j < last and toks[j].norm in ctx.w["clause_opener"]:
        return _candidate(ctx, cue, j, None, False)
    if entry.ambiguous and cue.kind == "verb" and ctx.mention_at_token(j) is not None:
        colon = _colon_before_quote(ctx, j, min(last, j + COLON_SCAN))
        if colon is not None:  # كتب الرئيس على حسابه في تويتر: «…»
            return _after_colon(ctx, cue, colon + 1)
    cues, comp, clause_break = ctx.cues, ctx.w["comp"], ctx.w["clause_break"]
    depth = 0                 # inside parentheses: (سوق دبي المالي: …)
    while j < limit:
        t = toks[j]
        if t.kind == "punct":
            ch = ctx.char(j)
            if ch == "(" and ctx.in_class(j - 1, "sacred"):
                verse = _verse(ctx, cue, j)
                if verse is not None:     # قال تعالى (… إن الله …): the verse, not its إن
                    return verse
            if ch in "()":
                depth = max(0, depth + (1 if ch == "(" else -1))
            elif depth or (entry.ambiguous and ch != ":"):
                pass
            elif anchor != cue.tok and ch in SOFT_PUNCT and _object_ended(ctx, j + 1, last):
                return None   # كشف عن حقد دفين، لا لشيء إلا لأنهم …
            elif ctx.is_mark(j):
                close = ctx.close_of(j)
                if close is not None:
                    if anchor == cue.tok and _statement_quote(ctx, j, close, last):
                        return _open_quote(ctx, cue, j)
                    if close == -1 or close < j:
                        return None
                    j = close + 1
                    continue
            elif ch == ":" and (not entry.ambiguous or j == cue.tok + 1):
                return _after_colon(ctx, cue, j + 1)
            elif (entry.bare and ch in SOFT_PUNCT and j + 1 < last
                  and toks[j + 1].norm in ctx.w["clause_opener"]):
                return _candidate(ctx, cue, j + 1, None, False)
            j += 1
            continue
        if t.norm in clause_break or (anchor != cue.tok and _comment_at(ctx, j, last)) \
                or (j in cues and cues[j].kind != "noun" and not cues[j].entry.ambiguous) \
                or ctx.in_class(j, "scan_stop", stem=True):
            return None
        if t.norm == entry.particle and anchor == cue.tok and not entry.via_an:
            anchor = j
        if t.norm in comp and not ctx.name_starts(j) and not _except_word(ctx, j):  # not «بان كي مون»
            if _blocked(ctx, cue, j, anchor):
                return None
            return after_comp(ctx, cue, j + 1)
        j += 1
    return _bare_after_subject(ctx, cue, last) if entry.bare else None


def _object_ended(ctx: Ctx, k: int, last: int) -> bool:
    """At a comma after the cue's particle and its object: the clause from token k on is not
    the cue's, unless it is a complementizer (، وأن …), a relative clause (، والذي صدر …) or a
    name set off by commas (المشرف على …، الدكتور فلان، أن)."""
    if k >= last or ctx.in_class(k, "comp", stem=True) or ctx.in_class(k, "relative", stem=True):
        return False
    n = past_honorifics(ctx, k, last)
    if ctx.mention_at_token(n) is not None:
        return False
    return n == k or not any(ctx.is_punct(i, ",،") for i in range(n + 1, min(last, n + APPOSITION_WORDS)))


def _except_word(ctx: Ctx, j: int) -> bool:
    """«إلا» (except; إلا أن "however") normalizes like the complementizer «ألا»: only the
    spelling with hamza above is the complementizer."""
    t = ctx.tokens[j]
    return t.norm == "الا" and "أ" not in ctx.text[t.start:t.end]


def _verse(ctx: Ctx, cue: Cue, j: int) -> Candidate | None:
    """The words in the parentheses opened at token j, closed in the same paragraph."""
    text, start = ctx.text, ctx.tokens[j].end
    close = text.find(")", start, start + MAX_VERSE_CHARS)
    if close < 0 or "\n" in text[start:close] or close - start < MIN_VERSE_CHARS:
        return None
    return _candidate(ctx, cue, j + 1, close, True)


def _comment_at(ctx: Ctx, j: int, last: int) -> bool:
    """«في إشارة إلى»، «في خطوة» after the object of a cue's particle (أعلنوا عن اسم جديد في إشارة
    إلى أن …): the writer's comment starts; its أن is not the cue's."""
    return ctx.tokens[j].norm == "في" and j + 1 < last and ctx.tokens[j + 1].norm in ctx.w["comment"]


def _colon_before_quote(ctx: Ctx, j: int, limit: int) -> int | None:
    """A colon right before an opening quotation mark, with no other punctuation or cue first."""
    toks = ctx.tokens
    while j < limit - 1:
        if toks[j].kind == "punct":
            nxt = j + 1
            ok = ctx.char(j) == ":" and ctx.is_mark(nxt) and ctx.close_of(nxt) not in (None, -1)
            return j if ok else None
        if j in ctx.cues:
            return None
        j += 1
    return None


def _bare_after_subject(ctx: Ctx, cue: Cue, last: int) -> Candidate | None:
    """«وقال الوزير لا توجد …»: a clause word right after the subject opens the content."""
    subject, k = subject_after(ctx, cue, last)
    if (subject is not None or k > cue.tok + 1) and k < last \
            and ctx.tokens[k].norm in ctx.w["clause_opener"]:       # (ويقول له لن …)
        return _candidate(ctx, cue, k, None, False)
    return None


def _blocked(ctx: Ctx, cue: Cue, j: int, anchor: int) -> bool:
    if cue.entry.ambiguous and j - cue.tok > AMBIGUOUS_SCAN:
        return True
    if cue.entry.near and j - anchor > NEAR_SCAN:
        return True
    if j - 1 == cue.tok:
        return False
    if ctx.in_class(j - 1, "comp_block", stem=True):
        return True
    return ctx.in_class(j - 1, "claim_noun") and not cue.entry.object_ok


def continued_quote(ctx: Ctx, c: Candidate) -> Candidate | None:
    """«قال إن …، و"…"»: a quotation joined to indirect content is its own direct quote."""
    _, last = ctx.sent_bounds(c.first)
    toks = ctx.tokens
    for k in range(c.first + 1, last - 1):
        if toks[k].norm == "و" and ctx.is_mark(k + 1) and ctx.is_punct(k - 1, SOFT_PUNCT):
            close = ctx.close_of(k + 1)
            if close is not None and _statement_quote(ctx, k + 1, close, last):
                q = _open_quote(ctx, c.cue, k + 1)
                if q is not None:
                    q.clause_start = toks[k - 1].start
                return q
    return None


def _statement_quote(ctx: Ctx, j: int, close: int, last: int) -> bool:
    """A quotation met while scanning is the content if it is long and ends the clause."""
    end = last if close == -1 else close
    if ctx.words_between(j + 1, end) < MIN_DIRECT_WORDS:
        return False
    return close == -1 or _clause_ends_after(ctx, close)


def _clause_ends_after(ctx: Ctx, close: int) -> bool:
    k = close + 1
    if k >= len(ctx.tokens):
        return True
    gap = ctx.text[ctx.tokens[close].end:ctx.tokens[k].start]
    if ctx.tokens[k].sent != ctx.tokens[close].sent or "\n" in gap:
        return True
    return ctx.tokens[k].kind == "punct" and not ctx.is_mark(k)


def _after_colon(ctx: Ctx, cue: Cue, k: int) -> Candidate | None:
    if k < len(ctx.tokens) and ctx.tokens[k].norm in ctx.w["comp"]:
        k += 1
    if k >= len(ctx.tokens):
        return None
    if ctx.is_mark(k) and ctx.close_of(k) is not None:
        return _open_quote(ctx, cue, k)
    return _candidate(ctx, cue, k, None, False)


NEGATING = frozenset(["الا", "بالا"])  # أن + لا: the negation opens the content


def after_comp(ctx: Ctx, cue: Cue, k: int) -> Candidate | None:
    if k >= len(ctx.tokens):
        return None
    if ctx.is_mark(k) and ctx.close_of(k) is not None:
        close = ctx.close_of(k)
        if close == -1 or _clause_ends_after(ctx, close):
            return _open_quote(ctx, cue, k)
    c = _candidate(ctx, cue, k, None, False)
    if k and ctx.tokens[k - 1].norm in NEGATING and ctx.tokens[k].norm not in ctx.w["comp"]:
        t = ctx.tokens[k - 1]                    # أكد ألا …، مشددة بألا …: the لا is content
        c.start = ctx.text.rindex("ل", t.start, t.end)
    return c


def _open_quote(ctx: Ctx, cue: Cue, k: int) -> Candidate | None:
    """Content inside the quotation opened at token k (a leading إن/أن dropped)."""
    close = ctx.close_of(k)
    first = k + 1
    if first < len(ctx.tokens) and ctx.tokens[first].norm in ctx.w["comp"]:
        first += 1
    if first >= len(ctx.tokens):
        return None
    end = None if close == -1 else ctx.tokens[close].start
    if end is not None and ctx.tokens[first].start >= end:
        return None
    return _candidate(ctx, cue, first, end, True)


def _candidate(ctx: Ctx, cue: Cue, first: int, end: int | None, direct: bool) -> Candidate:
    return Candidate(cue, first, ctx.tokens[first].start, end, direct, clause_start(ctx, cue))


def clause_start(ctx: Ctx, cue: Cue) -> int:
    """Where the cue's clause begins: before «من جهته»، «فيما»، «كما» and the like, or before
    its subject when a contrast or «كان» opens it (، إلا أن مسؤولا آخر أشار، وكان الوزير قال)."""
    k = cue.tok
    opener = _sv_opener(ctx, cue)
    if opener is not None:
        return ctx.tokens[opener].start
    for _ in range(2):
        prev = k - 1
        if prev < 0 or not (ctx.in_class(prev, "clause_start", stem=True)
                            or ctx.tokens[prev].norm == "من"):
            break
        k = prev
    return ctx.tokens[k].start


SV_BACK = 6            # words between a contrast or «كان» and the cue of its clause
CONTRAST = frozenset(["الا", "غير"])  # إلا أن، غير أن


def _sv_opener(ctx: Ctx, cue: Cue) -> int | None:
    """The token opening an SV clause a few words before an unprefixed cue: «إلا/غير أن» or
    «لكن» (with the subject between), or «وكان»; None without one or across punctuation."""
    if cue.prefixed or cue.kind != "verb":
        return None
    toks = ctx.tokens
    for j in range(cue.tok - 2, max(-1, cue.tok - 2 - SV_BACK), -1):
        if toks[j].kind == "punct":
            return None
        if toks[j].norm in ctx.w["comp"]:       # ، إلا أن مسؤولا آخر أشار
            contrast = toks[j].norm == "ان" and j > 1 and toks[j - 1].norm in CONTRAST \
                and ctx.is_punct(j - 2, SOFT_PUNCT)
            return j - 1 if contrast and _subject_starts(ctx, j + 1) else None
        if ctx.in_class(j, "scan_stop", stem=True) or "كان" in ctx.stems(j):
            return j if _subject_starts(ctx, j + 1) else None
        if j in ctx.cues:
            return None
    return None


def _subject_starts(ctx: Ctx, j: int) -> bool:
    """A subject noun phrase starts at token j: a name, a definite word or an unnamed source."""
    word = ctx.tokens[j].forms[-1][0]
    return ctx.mention_at_token(j) is not None or word.startswith("ال") \
        or word in ctx.w["unnamed_head"] or word.removesuffix("ا") in ctx.w["unnamed_head"]


DATELINE_MAX = 7  # tokens of «المدينة - الوكالة:» before the news
DATELINE_MARKS = frozenset({"-", "–", "—", "("})


def backward(ctx: Ctx, cue: Cue) -> Candidate | None:
    """«…»، قال X  /  «…»، بحسب X  /  «…»، هكذا صرح X  —  or  — CLAUSE، وفق ما أكد X."""
    j = cue.tok - 1
    if j >= 0 and ctx.tokens[j].norm == "ما":
        return _clause_before(ctx, cue, j - 1)
    if j >= 0 and ctx.tokens[j].norm in THUS:
        j -= 1
    while j >= 0 and ctx.is_punct(j, SOFT_PUNCT):
        j -= 1
    if j < 0 or not ctx.is_mark(j):
        return None
    open_ = _opener_of(ctx, j)
    if open_ is None or ctx.words_between(open_ + 1, j) < MIN_DIRECT_WORDS:
        return None
    first = open_ + 1
    return Candidate(cue, first, ctx.tokens[first].start, ctx.tokens[j].start, True,
                     ctx.tokens[open_].start, post=True)


def _opener_of(ctx: Ctx, close: int) -> int | None:
    off = ctx.tokens[close].start
    for o, c in ctx.pairs.items():
        if c == off:
            return ctx.tok_at.get(o)
    return None


def _clause_before(ctx: Ctx, cue: Cue, prep: int) -> Candidate | None:
    """The sentence part before «، وفق ما / حسب ما / بحسب ما / كما» + cue."""
    if prep < 0 or not ctx.in_class(prep, "post_prep", stem=True):
        return None
    first, _ = ctx.sent_bounds(cue.tok)
    first = _after_dateline(ctx, first, prep)
    end_tok = prep
    while end_tok > first and ctx.tokens[end_tok - 1].kind == "punct":
        end_tok -= 1
    if ctx.words_between(first, end_tok) < MIN_DIRECT_WORDS:
        return None
    if ctx.is_mark(first) and ctx.is_mark(end_tok) and _opener_of(ctx, end_tok) == first:
        return Candidate(cue, first + 1, ctx.tokens[first + 1].start, ctx.tokens[end_tok].start,
                         True, ctx.tokens[first].start, post=True)  # «…»، حسب ما قال X
    start = ctx.tokens[first].start
    tok = ctx.tokens[first]
    if tok.kind == "word" and ctx.text[start] in "وف" and len(tok.forms) > 1:
        start = ctx.tokens[first].forms[1][1]
    return Candidate(cue, first, start, ctx.tokens[end_tok - 1].end, False, start, post=True)


def _after_dateline(ctx: Ctx, first: int, stop: int) -> int:
    """The first token after a dateline opening the sentence (القاهرة - وكالات: …، الرياض (واس):)."""
    toks = ctx.tokens
    for k in range(first, min(first + DATELINE_MAX, stop)):
        if toks[k].norm == ":":
            marked = any(toks[j].norm in DATELINE_MARKS for j in range(first, k))
            return k + 1 if marked and k + 1 < stop else first
    return first


def sentence_end(ctx: Ctx, c: Candidate) -> int:
    """End offset of indirect content: the sentence end or a boundary phrase."""
    _, last = ctx.sent_bounds(c.first)
    toks = ctx.tokens
    bounds = ctx.w.boundaries
    for k in range(c.first + 1, last):
        if toks[k].norm in bounds and _boundary_at(ctx, k, last):
            return toks[k].start
    return toks[last - 1].end


def _boundary_at(ctx: Ctx, k: int, last: int) -> bool:
    """A boundary phrase starts at token k (and ends before token ``last``)."""
    toks, first = ctx.tokens, ctx.tokens[k].norm
    rests = ctx.w.boundaries[first]
    for n in ctx.w.boundary_counts[first]:
        if k + n < last and tuple([t.norm for t in toks[k + 1:k + 1 + n]]) in rests:
            return True
    return False


def trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return end
