"""A readable terminal view of a record. Arabic runs are wrapped in Unicode
isolates (RLI … PDI) so that bidi-aware terminals lay them out right to left."""
from __future__ import annotations

from .record import Record

RLI, PDI = "\u2067", "\u2069"


def _ar(s: str | None) -> str:
    return f"{RLI}{s}{PDI}" if s else "-"


def _actors(actors, names) -> str:
    if not actors:
        return "-"
    return " + ".join(_ar(names.get(a.entity) or a.text) + f" [{a.country or '?'}/{a.sector or '?'}]"
                      for a in actors)


def render(record: Record, text: str | None = None) -> str:
    names = {e.id: e.name for e in record.entities}
    lines = [f"document {record.id or '-'}   date {record.date or '-'}", ""]
    lines.append(f"ENTITIES ({len(record.entities)})")
    for e in record.entities:
        lines.append(f"  {e.id:>4} {e.type:<4} {_ar(e.name)}  {e.country or ''} {e.sector or ''}"
                     f"  ×{len(e.mentions)}")
    lines += ["", f"TIMES ({len(record.times)})"]
    for t in record.times:
        lines.append(f"  {t.type:<9} {t.value:<24} {_ar(t.text)}")
    lines += ["", f"QUOTES ({len(record.quotes)})"]
    for q in record.quotes:
        who = names.get(q.speaker) or q.speaker_text or "?"
        lines.append(f"  {'«»' if q.direct else '..'} {_ar(who)}: {_ar(q.text)}")
    lines += ["", f"EVENTS ({len(record.events)})"]
    for v in record.events:
        place = names.get(v.location) or "-"
        lines.append(f"  {v.id:>4} {v.type:<9} {_actors(v.actor, names)} → {_actors(v.recipient, names)}")
        lines.append(f"       date {v.date or '-'}  place {_ar(place)}  status {v.status}"
                     f"  cameo {v.cameo or '-'}  trigger {_ar(v.trigger.text)}")
    return "\n".join(lines) + "\n"
