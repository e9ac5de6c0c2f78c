"""Every family of time rules against its example corpus (tests/examples/times_*.tsv).

Each line: text, document date ("-" for none), expected span text ("-": the text has
no time expression at all), type, value. One test per family; it prints every failure.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.times import extract_text

EXAMPLES = sorted((Path(__file__).parent / "examples").glob("times_*.tsv"))


def _cases(path: Path):
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield n, line.split("\t")


def _check(fields: list[str]) -> str | None:
    text, date, span = fields[0], fields[1], fields[2]
    found = extract_text(text, None if date == "-" else date)
    got = [(t.text, t.type, t.value) for t in found]
    if span == "-":
        return None if not got else f"expected nothing, got {got}"
    want = (span, fields[3], fields[4])
    return None if want in got else f"expected {want}, got {got}"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_time_family(path):
    failures = []
    for n, fields in _cases(path):
        problem = _check(fields)
        if problem:
            failures.append(f"{path.name}:{n}: {fields[0]}\n    {problem}")
    for f in failures:
        print(f)
    assert not failures, f"{len(failures)} failing examples in {path.name}"
