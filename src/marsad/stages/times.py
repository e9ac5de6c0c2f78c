"""Pipeline stage: times (work in progress)."""
from __future__ import annotations

from ..document import Document


class TimeStage:
    def __call__(self, doc: Document) -> None:
        return None
