"""Pipeline stage: quotes (see marsad.quotes)."""
from __future__ import annotations

from ..document import Document
from ..quotes import extract
from ..quotes.lexicon import cue_table, words


class QuoteStage:
    def __init__(self) -> None:
        words()
        cue_table()

    def __call__(self, doc: Document) -> None:
        doc.quotes, doc.quote_spans = extract(doc)
