"""Inflected forms of Arabic verbs and nouns, generated from a citation form (normalized text).

The rules are simple (subject endings and prefixes for verbs; article, dual, pronoun suffixes
and the accusative alif for nouns) and over-generate; a generated form that is also a common
word (قبله "before him", أسلحة "weapons") is avoided by the pattern flags (nobare, hamza), by
the first-person rule below, or by data/blockers.tsv. Future س and the proclitics و ف ب ل ك
are handled by the matcher.
"""
from __future__ import annotations

PAST_ENDINGS = ("", "ت", "ا", "تا", "وا", "و", "ن", "نا", "تم", "تما")
DEFECTIVE_PAST_ENDINGS = ("ت", "وا", "تا", "يا", "ينا", "ونا", "اه", "اها", "اهم", "ته", "تها", "تهم")
PRESENT_PREFIXES = ("ي", "ت", "ن")  # and ا (1st person singular), without object pronouns
PRESENT_ENDINGS = ("", "ان", "ون", "وا", "ن", "ين")
OBJECT_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "نا", "ك", "كم")
NOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "نا", "كم")


def _with_objects(forms: set[str]) -> set[str]:
    out = set(forms)
    for f in forms:
        base = f[:-1] if f.endswith("وا") else f
        for s in OBJECT_SUFFIXES:
            out.add(base + s)
    return out


def past_forms(past: str, bare: bool = True, defective: bool | None = None) -> set[str]:
    """Perfect: 3rd/1st person, singular/dual/plural, with object pronouns. ``defective``
    (final weak letter: دعا، ألقى) is guessed from the spelling unless given (هنأ is not)."""
    if defective is None:
        defective = past.endswith(("ا", "ي"))
    if defective:
        stem = past[:-1]
        forms = {past} | {stem + e for e in DEFECTIVE_PAST_ENDINGS}
        if not bare:
            forms.discard(past)
    else:
        forms = {past + e for e in PAST_ENDINGS}
        if not bare:  # قبل: "قبله، قبلها" are prepositions; keep only subject endings
            forms.discard(past)
            return forms
        forms = _with_objects(forms)
    return forms


def present_forms(present: str, bare: bool = True) -> set[str]:
    """Imperfect from the 3rd masc. singular (يجتمع): every person prefix and ending."""
    if len(present) < 3 or present[0] != "ي":
        return {present}
    stem = present[1:]
    stems = {stem}
    if stem.endswith(("و", "ي")):  # defective: يدعو، يلتقي
        stems.add(stem[:-1])
    forms = set()
    for p in PRESENT_PREFIXES:
        for s in stems:
            for e in PRESENT_ENDINGS:
                forms.add(p + s + e)
    forms = _with_objects(forms)
    # first person singular (أرفض) without object pronouns: أسلحه، أصل would read as nouns
    forms.update("ا" + s for s in stems if len(s) >= 3)
    if not bare:
        forms.discard(present)
    return forms


def noun_forms(noun: str) -> set[str]:
    """Noun with and without ال, dual, pronoun suffixes and the accusative alif."""
    if noun.startswith("ال") and len(noun) > 4:
        bare = noun[2:]
    else:
        bare = noun
    out = {bare, "ال" + bare}
    if bare.endswith("ه"):  # ta marbuta (normalized): زياره → زيارته، زيارتان
        stem = bare[:-1] + "ت"
        out |= {stem + s for s in NOUN_SUFFIXES}
        out |= {stem + "ان", stem + "ين", "ال" + stem + "ان", "ال" + stem + "ين"}
    elif bare.endswith("ء"):  # لقاء → لقائه، لقاؤه
        for h in ("ئ", "ؤ"):
            out |= {bare[:-1] + h + s for s in NOUN_SUFFIXES}
        out |= {bare + "ا", bare + "ان", bare + "ين"}
    else:
        out |= {bare + s for s in NOUN_SUFFIXES}
        if not bare.endswith("ات"):
            out |= {bare + "ا", bare + "ان", bare + "ين", "ال" + bare + "ان", "ال" + bare + "ين"}
    return out
