"""Pipeline stage: quotes (work in progress)."""
from __future__ import annotations

from ..document import Document


class QuoteStage:
    def __call__(self, doc: Document) -> None:
        return None
