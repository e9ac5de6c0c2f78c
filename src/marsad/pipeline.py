"""The pipeline: stages that annotate one Document in turn, then the record."""
from __future__ import annotations

import gc
import importlib
from functools import lru_cache
from typing import Any, Callable, Iterable

from .document import Document, InputError, document_from_dict, make_document
from .record import ErrorRecord, Record

# name -> "module:factory"; a factory takes no arguments and returns a callable(doc).
STAGES: dict[str, str] = {
    "segment": "marsad.text.segment:Segmenter",
    "lookup": "marsad.knowledge.lookup:Lookup",
    "entities": "marsad.stages.entities:EntityStage",
    "times": "marsad.stages.times:TimeStage",
    "quotes": "marsad.stages.quotes:QuoteStage",
    "events": "marsad.stages.events:EventStage",
}
DEFAULT_STAGES = tuple(STAGES)
# Allocations between young-generation garbage collections (CPython's default is 700): a
# document allocates tens of thousands of objects that die with it, and each early collection
# mostly re-scans the live document.
GC_YOUNG_THRESHOLD = 20_000


def load_stage(name: str) -> Callable[[Document], None]:
    if name not in STAGES:
        raise ValueError(f"unknown stage {name!r}; known: {', '.join(STAGES)}")
    module, factory = STAGES[name].split(":")
    return getattr(importlib.import_module(module), factory)()


class Pipeline:
    """Loads its stages (and their data) once; call it on many documents."""

    def __init__(self, stages: Iterable[str] = DEFAULT_STAGES):
        self.names = tuple(stages)
        gc.disable()  # loading makes many long-lived objects: collecting meanwhile is wasted work
        try:
            self.stages = [load_stage(n) for n in self.names]
        finally:
            gc.enable()
        gc.freeze()  # lexicons live for the whole run: keep them out of GC passes
        young, *older = gc.get_threshold()
        gc.set_threshold(max(young, GC_YOUNG_THRESHOLD), *older)

    def annotate(self, doc: Document) -> Document:
        for stage in self.stages:
            stage(doc)
        return doc

    def __call__(self, text: str, date: Any = None, **meta: Any) -> Record:
        return to_record(self.annotate(make_document(text, date, **meta)))

    def extract_dict(self, obj: Any) -> Record | ErrorRecord:
        """One input document (a dict) → its record, or an error record; never raises."""
        doc_id = obj.get("id") if isinstance(obj, dict) else None
        try:
            return to_record(self.annotate(document_from_dict(obj)))
        except InputError as e:
            return ErrorRecord(None if doc_id is None else str(doc_id), str(e))
        except Exception as e:  # a bug must not stop a batch: report it on the document's line
            return ErrorRecord(None if doc_id is None else str(doc_id),
                               f"internal error: {type(e).__name__}: {e}")


def to_record(doc: Document) -> Record:
    return Record(id=doc.id, date=doc.date.isoformat() if doc.date else None,
                  entities=doc.entities, times=doc.times, quotes=doc.quotes, events=doc.events)


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()
