"""Request size limits of the HTTP API."""
from __future__ import annotations

MAX_DOCUMENT_BYTES = 1_048_576  # UTF-8 bytes of one document's text (1 MB)
MAX_BATCH_DOCUMENTS = 100
MAX_EXTRACT_BODY = 8 * 1_048_576  # JSON escapes (\uXXXX) can triple the text's size
MAX_BATCH_BODY = 32 * 1_048_576
MAX_OTHER_BODY = 64 * 1024
MAX_PAGE = 500  # rows per page in corpus listings


def body_limit(path: str) -> int:
    if path == "/api/extract":
        return MAX_EXTRACT_BODY
    if path == "/api/extract/batch":
        return MAX_BATCH_BODY
    return MAX_OTHER_BODY


def text_too_large(text: object, what: str = "document text") -> str | None:
    """The error message when ``text`` is over MAX_DOCUMENT_BYTES, else None."""
    if not isinstance(text, str) or len(text) * 4 <= MAX_DOCUMENT_BYTES:
        return None
    size = len(text.encode("utf-8", "surrogatepass"))
    if size <= MAX_DOCUMENT_BYTES:
        return None
    return f"{what} is {size:,} bytes; the limit is {MAX_DOCUMENT_BYTES:,} bytes (1 MB) per document"
