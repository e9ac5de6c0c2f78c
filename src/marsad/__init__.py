"""Marsad: Arabic news to verifiable event data (entities, times, quotes, PLOVER events)."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract", "Pipeline"]


def __getattr__(name):
    if name == "Pipeline":
        from .pipeline import Pipeline
        return Pipeline
    raise AttributeError(name)


def extract(text: str, date=None, **meta):
    """Extract one record from an article's text. ``date`` is its ISO publication date."""
    from .pipeline import default_pipeline
    return default_pipeline()(text, date=date, **meta)
