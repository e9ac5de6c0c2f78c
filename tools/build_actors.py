"""Build the curated actor files from the compact sources in tools/actors_src/.

    python tools/build_actors.py           # write the files
    python tools/build_actors.py --check   # exit 1 when a file differs from its source

people_*.txt   -> src/marsad/knowledge/data/people.json
orgs_*.txt     -> src/marsad/knowledge/data/organizations.json
facilities.txt -> src/marsad/knowledge/data/facilities.json
titles.txt     -> src/marsad/knowledge/data/titles.tsv

Source format (one block per entry, blank lines between blocks, # comments):
    @ name | name_en | COUNTRY SECTOR | Qid            (person; Qid optional)
    @ id | name | name_en | COUNTRY SECTOR | Qid       (organization / facility)
    + alias; alias                                     (always match)
    ~ short; short                                     (ambiguous alone)
    office title from to [COUNTRY] [org=id]           (persons: one line per term)
    > COUNTRY SECTOR                                   (facilities: the institution it stands for)
The JSON files are the shipped artefacts; this script only keeps them easy to edit.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

from marsad.knowledge.actors import spacing_variants

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "tools" / "actors_src"
OUT = ROOT / "src" / "marsad" / "knowledge" / "data"


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.replace("ı", "i")).encode("ascii", "ignore")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.decode().lower().replace("'", "")).strip("-")


def blocks(paths):
    for path in paths:
        block: list[str] = []
        for raw in path.read_text(encoding="utf8").splitlines() + [""]:
            line = raw.strip()
            if line.startswith("#"):
                continue
            if line.startswith("@ ") and block:
                yield path, block
                block = []
            if line:
                if not block and not line.startswith("@ "):
                    sys.exit(f"{path.name}: entry without '@' header: {line}")
                block.append(line)
            elif block:
                yield path, block
                block = []


def split_list(line: str) -> list[str]:
    return [a.strip() for a in line[2:].split(";") if a.strip()]


# Words that open a title before a name (الرئيس أوباما): such an alias is dropped when the
# name after the title is already a name or alias — titles are coded from titles.tsv.
TITLE_WORDS = set("""الرئيس الملك الملكة الأمير الشيخ السيد السلطان الإمام المشير الفريق أول اللواء
العميد العقيد العماد الجنرال المستشار الدكتور آية الله الزعيم المرشد السابق المخلوع المعزول
الأسبق الراحل خادم الحرمين الشريفين ولي العهد زعيم الأمين العام العاهل شيخ المرجع الديني
الأردني المغربي الليبي لحزب الإمام الأكبر الأزهر تنظيم داعش الحوثيين""".split())


def redundant(alias: str, names: set[str]) -> bool:
    words = alias.split()
    for i in range(1, len(words)):
        rest = " ".join(words[i:])
        if rest in names and all(w in TITLE_WORDS for w in words[:i]):
            return True
    return False


def with_variants(name: str, aliases: list[str]) -> list[str]:
    out = []
    for a in aliases + [v for x in [name] + aliases for v in spacing_variants(x)]:
        if a != name and a not in out:
            out.append(a)
    names = set(out) | {name}
    return [a for a in out if not redundant(a, names - {a})]


def parse_office(line: str, default_country: str) -> dict:
    parts = line.split()
    office, title, start, end = parts[:4]
    entry = {"office": office, "title": title, "country": default_country,
             "from": start, "to": None if end == "-" else end}
    for extra in parts[4:]:
        if extra.startswith("org="):
            entry["org"] = extra[4:]
        else:
            entry["country"] = extra
    return entry


def build_person(head: str, lines: list[str]) -> dict:
    fields = [f.strip() for f in head[2:].split("|")]
    name, name_en, code = fields[:3]
    country, sector = code.split()
    person = {"id": slug(name_en), "name": name, "name_en": name_en}
    aliases: list[str] = []
    short: list[str] = []
    offices = []
    for line in lines:
        if line.startswith("+ "):
            aliases += split_list(line)
        elif line.startswith("~ "):
            short += split_list(line)
        else:
            offices.append(parse_office(line, country))
    person["aliases"] = with_variants(name, aliases)
    if short:
        person["short"] = short
    if len(fields) > 3 and fields[3]:
        person["wikidata"] = fields[3]
    person.update(country=country, sector=sector, offices=offices)
    return person


def build_named(head: str, lines: list[str], kind: str) -> dict:
    fields = [f.strip() for f in head[2:].split("|")]
    ident, name, name_en, code = fields[:4]
    country, *sector = code.split()
    entry = {"id": ident, "name": name, "name_en": name_en, "type": kind}
    aliases: list[str] = []
    short: list[str] = []
    for line in lines:
        if line.startswith("+ "):
            aliases += split_list(line)
        elif line.startswith("~ "):
            short += split_list(line)
        elif line.startswith("> "):
            c, s = line[2:].split()
            entry["stands_for"] = {"country": c, "sector": s}
        else:
            raise ValueError(f"unexpected line in {ident}: {line}")
    entry["aliases"] = with_variants(name, aliases)
    if short:
        entry["short"] = short
    entry["country"] = country
    if sector:
        entry["sector"] = sector[0]
    if len(fields) > 4 and fields[4]:
        entry["wikidata"] = fields[4]
    return entry


def json_text(items: list[dict], name: str) -> str:
    ids = [i["id"] for i in items]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        sys.exit(f"{name}: duplicate ids {sorted(dupes)}")
    return "[\n" + ",\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n]\n"


TITLES_HEADER = """\
# Role nouns and titles -> PLOVER sector and office key (see README.md, section "Actors").
# Columns: phrase, sector (empty: the sector of the body named after it), office (empty: none),
# kind (title|role|group), country (set only when the title itself names it), plural
# (other written forms: plurals, duals, feminine, variants; separated by |), note.
# Built by tools/build_actors.py from tools/actors_src/titles.txt.
"""


def titles_text() -> str:
    rows = ["\t".join(["phrase", "sector", "office", "kind", "country", "plural", "note"])]
    for raw in (SRC / "titles.txt").read_text(encoding="utf8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        f = [x.strip() for x in raw.split("|")] + [""] * 7
        forms = "|".join(x.strip() for x in f[5].split(",") if x.strip())
        rows.append("\t".join(f[:5] + [forms, f[6]]))
    return TITLES_HEADER + "\n".join(rows) + "\n"


def render() -> dict[str, str]:
    """The text of every built file, by file name."""
    people = [build_person(b[0], b[1:]) for _, b in blocks(sorted(SRC.glob("people_*.txt")))]
    orgs = [build_named(b[0], b[1:], "ORG") for _, b in blocks(sorted(SRC.glob("orgs_*.txt")))]
    facs = [build_named(b[0], b[1:], "FAC") for _, b in blocks([SRC / "facilities.txt"])]
    return {"people.json": json_text(people, "people.json"),
            "organizations.json": json_text(orgs, "organizations.json"),
            "facilities.json": json_text(facs, "facilities.json"),
            "titles.tsv": titles_text()}


def main() -> None:
    check = "--check" in sys.argv[1:]
    stale = []
    for name, text in render().items():
        path = OUT / name
        if check:
            if not path.exists() or path.read_text(encoding="utf8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        sys.exit(f"out of date (run python tools/build_actors.py): {', '.join(stale)}")


if __name__ == "__main__":
    main()
