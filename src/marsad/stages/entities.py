"""Pipeline stage: entities (work in progress)."""
from __future__ import annotations

from ..document import Document


class EntityStage:
    def __call__(self, doc: Document) -> None:
        return None
