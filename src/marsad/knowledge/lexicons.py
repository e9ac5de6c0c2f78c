"""Registers every lexicon with the shared matcher (see lookup.py)."""
