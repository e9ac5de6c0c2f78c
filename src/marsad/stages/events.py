"""Pipeline stage: events (work in progress)."""
from __future__ import annotations

from ..document import Document


class EventStage:
    def __call__(self, doc: Document) -> None:
        return None
