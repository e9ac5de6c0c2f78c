"""Pipeline stage: PLOVER events (the engine is the marsad.events package)."""
from __future__ import annotations

from ..document import Document
from ..events.extract import extract_events
from ..events.patterns import trigger_phrases


class EventStage:
    def __init__(self) -> None:
        trigger_phrases()

    def __call__(self, doc: Document) -> None:
        doc.events = extract_events(doc)
