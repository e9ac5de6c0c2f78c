"""The quote rules' data: reporting cues (data/reporting_verbs.tsv) and word classes
(data/words.tsv), loaded once into normalized dictionaries."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..text.normalize import normalize

DATA = Path(__file__).parent / "data"
CUE_LEXICON = "reporting_cue"


@dataclass(frozen=True, slots=True)
class CueEntry:
    lemma: str          # the perfect form (or the first form) naming the row
    kind: str           # verb | participle | noun | prep
    particle: str       # normalized particle (الي، علي، من، ب، عن، ل) or ""
    via_an: bool = False
    object_ok: bool = False
    ambiguous: bool = False
    near: bool = False
    bare: bool = False
    tell: bool = False  # أبلغ، أخبر: the newspaper right after it is told, not the teller
    gender: str = ""    # of this form's subject: "m" (قال، يقول، مشيرا), "f" (قالت، تقول، مشيرة), "" other
    plural: bool = False  # a plural verb (قالوا، يقولون): its subject is a group, never one person


def _rows(name: str):
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield [c.strip() for c in line.split("\t")]


def _perfect(p: str) -> list[str]:
    if p.endswith(("ى", "ي")):
        s = p[:-1]
        return [p, s + "ت", s + "وا", s + "يا", s + "تا"]
    return [p, p + "ت", p + "وا", p + "ا", p + "تا"]


def _imperfect(i: str) -> list[str]:
    fem = "ت" + i[1:]
    if i.endswith(("ى", "ي")):
        s = i[:-1]
        return [i, fem, s + "ون", s + "يان", "ت" + s[1:] + "يان"]
    return [i, fem, i + "ون", i + "ان", fem + "ان"]


def _participle(a: str) -> list[str]:
    s = a[:-1] if a.endswith("ا") else a
    return [s + "ا", s + "ة", s + "ين", s + "تين"]


GENDERS = ("m", "f")     # the first two generated forms: masculine and feminine singular
PLURAL = 2               # the third generated verb form: قالوا، يقولون


def _given(cell: str) -> list[str]:
    return [] if cell == "-" else cell.split()


def cue_forms() -> list[tuple[str, CueEntry]]:
    """(form, entry) for every generated form of every cue row."""
    out = []
    for row in _rows("reporting_verbs.tsv"):
        perfect, imperfect, participle, masdar, particle, flags, exclude, extra = (row + ["-"] * 8)[:8]
        flags = set(_given(flags.replace(",", " ")))
        lemma = next(c for c in (perfect, imperfect, participle, masdar.split()[0]) if c != "-")
        excluded = {normalize(w) for w in _given(exclude)}
        part = "" if particle == "-" else normalize(particle)

        def entry(kind):
            return CueEntry(lemma, "prep" if "prep" in flags else kind, part, "via_an" in flags,
                            "object" in flags, "ambiguous" in flags, "near" in flags,
                            "bare" in flags, "tell" in flags)
        inflected = "prep" not in flags          # generated forms: masculine first, then feminine
        groups = [("verb", _perfect(perfect) if perfect != "-" else [], inflected),
                  ("verb", _imperfect(imperfect) if imperfect != "-" else [], inflected),
                  ("verb", _given(extra), False),
                  ("participle", _participle(participle) if participle != "-" else [], inflected),
                  ("noun", _given(masdar), False)]
        for kind, forms, gendered in groups:
            e = entry(kind)
            out.extend((f, replace(e, gender=GENDERS[n] if gendered and n < 2 else "",
                                   plural=gendered and kind == "verb" and n == PLURAL))
                       for n, f in enumerate(forms) if normalize(f) not in excluded)
    return out


class Words(dict):
    """Word class name → frozenset of normalized words; ``boundaries`` maps the first word
    of each boundary phrase to the phrases' other words (as tuples), and ``boundary_counts``
    to the numbers of other words they have."""

    def __init__(self, classes: dict, boundaries: dict):
        super().__init__(classes)
        self.boundaries = boundaries
        self.boundary_counts = {first: sorted({len(r) for r in rests})
                                for first, rests in boundaries.items()}

    def __missing__(self, name: str) -> frozenset:
        return frozenset()


@lru_cache(maxsize=1)
def words() -> Words:
    classes: dict[str, set] = {}
    boundaries: dict[str, set] = {}
    for cls, word in _rows("words.tsv"):
        w = normalize(word)
        if cls == "boundary":
            first, *rest = w.split()
            boundaries.setdefault(first, set()).add(tuple(rest))
        else:
            classes.setdefault(cls, set()).add(w)
    return Words({k: frozenset(v) for k, v in classes.items()},
                 {k: frozenset(v) for k, v in boundaries.items()})


@lru_cache(maxsize=1)
def cue_table() -> dict[str, CueEntry]:
    """Normalized form → entry (first row wins), for code that looks cues up directly."""
    table: dict[str, CueEntry] = {}
    for form, e in cue_forms():
        table.setdefault(normalize(form), e)
    return table
