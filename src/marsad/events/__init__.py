"""PLOVER event extraction: trigger patterns as data, arguments, status, date, place."""
