"""Pipeline stage: time expressions (rules and data live in marsad.times)."""
from __future__ import annotations

from ..document import Document
from ..times.extract import all_rules, extract, time_tokens
from ..times.lexicon import context_words


class TimeStage:
    def __init__(self) -> None:
        context_words()
        all_rules()

    def __call__(self, doc: Document) -> None:
        doc.times = extract(doc)
        doc.time_tokens = time_tokens(doc)
