"""Time expressions: recognition and TIMEX normalization for Arabic news.

``extract(doc)`` returns the ``record.Time`` list of a segmented Document;
``extract_text(text, date)`` does the same for a bare string. Values follow
TIMEX3 (see ``resolve.py`` for the conventions). Other stages take the date of a
clause from ``doc.times`` with ``marsad.times.resolve.date_in_span``, and the tokens inside
time expressions with ``time_tokens(doc)``.
"""
from .extract import extract, extract_text, time_tokens

__all__ = ["extract", "extract_text", "time_tokens"]
