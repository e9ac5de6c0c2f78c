"""One event per happening: the same type, date and an overlapping actor within a document."""
from __future__ import annotations


def _same_actor(a, b) -> bool:
    if a.entity is not None and a.entity == b.entity:
        return True
    return a.country is not None and a.country == b.country and a.sector == b.sector


def dedupe(events: list) -> list:
    kept = []
    for ev in events:
        twin = next((k for k in kept if k.type == ev.type and k.date == ev.date
                     and (k.location is None or ev.location is None or k.location == ev.location)
                     and any(_same_actor(a, b) for a in k.actor for b in ev.actor)
                     and (not k.recipient or not ev.recipient
                          or any(_same_actor(a, b) for a in k.recipient for b in ev.recipient))), None)
        if twin is None:
            kept.append(ev)
        elif not twin.recipient and ev.recipient:
            twin.recipient = ev.recipient
    for i, ev in enumerate(kept, 1):
        ev.id = f"V{i}"
    return kept
