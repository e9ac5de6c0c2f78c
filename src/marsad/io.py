"""Reading inputs: plain-text articles and JSONL documents (optionally gzipped)."""
from __future__ import annotations

import gzip
import sys
from pathlib import Path
from typing import Any, BinaryIO, Iterator

import orjson

from .document import InputError

BINARY_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def decode_text(data: bytes, what: str = "input") -> str:
    """UTF-8 bytes → str with a clear InputError for binary or other encodings."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    sample = data[:4096]
    if b"\x00" in sample or sum(b in BINARY_CONTROL for b in sample) > len(sample) // 10 + 1:
        raise InputError(f"{what} looks binary, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{what} is not UTF-8: byte 0x{data[e.start]:02x} at offset {e.start}") from None


def open_binary(path: str | Path) -> BinaryIO:
    """A path ('-' for standard input), transparently un-gzipped."""
    if str(path) == "-":
        return sys.stdin.buffer
    p = Path(path)
    if not p.exists():
        raise InputError(f"no such file: {p}")
    if p.is_dir():
        raise InputError(f"{p} is a folder, not a file")
    f = p.open("rb")
    if f.peek(2)[:2] == b"\x1f\x8b":
        return gzip.open(f)
    return f


def read_article(path: str | Path) -> str:
    with open_binary(path) as f:
        return decode_text(f.read(), "article")


def parse_document_line(line: bytes, lineno: int) -> Any:
    """One JSONL line → the parsed object; InputError with the reason otherwise."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"line {lineno}: not UTF-8 (byte 0x{line[e.start]:02x} at column {e.start})") from None
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as e:
        raise InputError(f"line {lineno}: invalid JSON: {e}") from None


def iter_jsonl(path: str | Path) -> Iterator[tuple[int, bytes]]:
    """(line number, raw line) for every non-blank line."""
    with open_binary(path) as f:
        for lineno, line in enumerate(f, 1):
            if line.strip():
                yield lineno, line
