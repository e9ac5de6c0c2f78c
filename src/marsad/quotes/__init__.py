"""Quotes with speakers: reporting cues, quotation marks and the clause grammar around them.

Data: ``data/reporting_verbs.tsv`` (cues) and ``data/words.tsv`` (closed word classes).
"""
from .finder import extract

__all__ = ["extract"]
