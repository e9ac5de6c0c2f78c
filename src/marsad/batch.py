"""Batch runs: a corpus → one record per document, in parallel, resumable, with an error log.

Inputs: JSONL documents (optionally gzipped), a folder of ``.txt`` articles (id = file
stem; sub-folders included), a single ``.txt`` article, or CSV/TSV (optionally gzipped)
with configurable columns.

The **document key** is the document's ``id``; a document without one gets
``<file name>:<line>`` as its key and as its record's ``id``. Records are written in
completion order (not input order): every record carries its id. Every bad input
(not UTF-8, invalid JSON, not an object, no text, too long, a document on which the
worker process died, a repeated key) goes to ``OUT.errors.jsonl`` as
``{"line", "id", "key", "source", "error"}``; ``line`` is null for ``.txt`` files.

Work goes to worker processes in chunks of ``chunk_size`` documents (the parent builds
the Pipeline once and forks workers that start with it; where there is no fork, each
worker builds its own), a bounded number in flight, so memory stays flat. Each chunk
of results is written and flushed at once, so a killed run loses at most the chunks in
flight and leaves at most a truncated last line (or an unterminated gzip member); Ctrl-C
closes the files cleanly. A rerun with the same ``--out`` repairs the file (keeps its
complete lines) and skips every key already in the records or the error log; delete the
error log to retry the documents listed there. A worker that dies (segfault, OOM kill)
costs only a restart: the chunks it had in flight are rerun alone, then split, and the
document that kills a worker is logged as an error. Workers exit when the parent dies.
"""
from __future__ import annotations

import csv
import gzip
import io
import os
import re
import signal
import sys
import threading
import time
import zlib
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import orjson

from .document import InputError
from .io import decode_text, iter_jsonl, open_binary, parse_document_line

DOC_FIELDS = ("title", "source", "url", "text")
CHUNK_SIZE = 32
IN_FLIGHT_PER_WORKER = 4
CSV_SUFFIXES = (".csv", ".tsv")
_LINE_PREFIX = re.compile(r"^line \d+: ")

# An item is (source name, line number or None, kind, payload) with kind
# "json" (raw JSONL line), "text" (raw article bytes) or "obj" (a dict from CSV).
Item = tuple


@dataclass
class CsvColumns:
    text: str = "text"
    id: str | None = "id"
    date: str | None = "date"
    title: str | None = "title"
    source: str | None = "source"
    url: str | None = "url"
    delimiter: str | None = None


@dataclass
class BatchSummary:
    records: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0
    words: int = 0
    error_path: str = ""

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0


# -- reading inputs -----------------------------------------------------------------

def error_path_for(out: str | Path) -> Path:
    """OUT.jsonl[.gz] → OUT.errors.jsonl."""
    out = Path(out)
    name = out.name
    for suffix in (".gz", ".jsonl", ".json"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return out.with_name(name + ".errors.jsonl")


def _plain_suffix(path: Path) -> str:
    suffixes = [s for s in path.suffixes if s != ".gz"]
    return suffixes[-1].lower() if suffixes else ""


def iter_items(inputs: Iterable[str | Path], columns: CsvColumns | None = None,
               errors: list | None = None) -> Iterator[Item]:
    """Every document of every input as an item; unreadable inputs are reported in ``errors``
    as (source, line, message)."""
    errors = [] if errors is None else errors
    for path in map(Path, inputs):
        try:
            if path.is_dir():
                yield from _folder_items(path)
            elif _plain_suffix(path) == ".txt":
                yield (path.name, None, "text", path.read_bytes())
            elif _plain_suffix(path) in CSV_SUFFIXES:
                yield from _csv_items(path, columns or CsvColumns(), errors)
            else:
                yield from _jsonl_items(path, errors)
        except (OSError, InputError) as e:
            errors.append((path.name, None, f"cannot read {path}: {e}"))


def _folder_items(folder: Path) -> Iterator[Item]:
    for p in sorted(folder.rglob("*.txt")):
        yield (str(p.relative_to(folder)), None, "text", p.read_bytes())


def _jsonl_items(path: Path, errors: list) -> Iterator[Item]:
    lineno = 0
    try:
        for lineno, line in iter_jsonl(path):
            yield (path.name, lineno, "json", line)
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        errors.append((path.name, lineno + 1, f"input ends early or is corrupt after line {lineno}: {e}"))


def _csv_items(path: Path, cols: CsvColumns, errors: list) -> Iterator[Item]:
    csv.field_size_limit(2**31 - 1)
    delimiter = cols.delimiter or ("\t" if _plain_suffix(path) == ".tsv" else ",")
    with io.TextIOWrapper(open_binary(path), encoding="utf-8", errors="surrogateescape", newline="") as f:
        reader = csv.DictReader(f, delimiter=delimiter)
        if reader.fieldnames is None or cols.text not in reader.fieldnames:
            raise InputError(f"{path.name} has no column {cols.text!r} (columns: {reader.fieldnames})")
        wanted = {"text": cols.text, "id": cols.id, "date": cols.date, "title": cols.title,
                  "source": cols.source, "url": cols.url}
        line = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                errors.append((path.name, line, f"bad CSV row: {e}"))
                line = reader.line_num + 1
                continue
            obj = {k: row.get(c) for k, c in wanted.items() if c and row.get(c) not in (None, "")}
            yield (path.name, line, "obj", obj)
            line = reader.line_num + 1


def count_items(inputs: Iterable[str | Path]) -> int | None:
    """How many documents the inputs hold (non-blank JSONL lines, .txt files); None for CSV."""
    total = 0
    for path in map(Path, inputs):
        try:
            if path.is_dir():
                total += sum(1 for _ in path.rglob("*.txt"))
            elif _plain_suffix(path) == ".txt":
                total += 1
            elif _plain_suffix(path) in CSV_SUFFIXES:
                return None
            else:
                with open_binary(path) as f:
                    total += sum(1 for line in f if line.strip())
        except (OSError, InputError, EOFError, zlib.error):
            pass
    return total


# -- the worker ---------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def init_worker(stages: tuple[str, ...], done: frozenset, with_doc: bool, parent: int | None) -> None:
    """Build the worker's Pipeline once (a forked worker has it from the parent already). In a
    pool worker (``parent`` = the parent's pid), ignore Ctrl-C (the parent stops the run) and
    exit if the parent dies."""
    if parent is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _watch_parent(parent)
    _WORKER.update(pipeline=_pipeline(stages), done=done, with_doc=with_doc)


@lru_cache(maxsize=1)
def _pipeline(stages: tuple[str, ...]):
    from .pipeline import Pipeline
    return Pipeline(stages)


def _watch_parent(parent: int) -> None:
    """Exit when the parent process is gone (killed), instead of lingering."""
    def loop():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)
    threading.Thread(target=loop, daemon=True).start()


def _to_object(kind: str, payload: Any) -> Any:
    if kind == "json":
        return parse_document_line(payload, 0)
    if kind == "text":
        return {"text": decode_text(payload, "article")}
    for key, value in payload.items():
        if isinstance(value, str) and _has_surrogates(value):
            raise InputError(f"column {key!r} is not UTF-8")
    return payload


def _has_surrogates(s: str) -> bool:
    try:
        s.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


def _default_key(source: str, line: int | None) -> str:
    return f"{source}:{line}" if line is not None else Path(source).stem


def item_key(item: Item) -> tuple[str, str | None]:
    """The document key of an item and its own id (None when it has none)."""
    source, line, kind, payload = item
    try:
        return _key_of(_to_object(kind, payload), source, line)
    except InputError:
        return _default_key(source, line), None


def _key_of(obj: Any, source: str, line: int | None) -> tuple[str, str | None]:
    if isinstance(obj, dict) and obj.get("id") is not None:
        doc_id = obj["id"] if isinstance(obj["id"], str) else orjson.dumps(obj["id"]).decode()
        return doc_id, doc_id
    return _default_key(source, line), None


def process_item(item: Item) -> tuple:
    """One item → ("ok", key, source, line, id, record JSON, doc JSON | None, words)
    or ("error" | "skip", key, source, line, id, message)."""
    source, line, kind, payload = item
    key, doc_id = _default_key(source, line), None
    try:
        obj = _to_object(kind, payload)
        key, doc_id = _key_of(obj, source, line)
        if key in _WORKER["done"]:
            return ("skip", key, source, line, doc_id, "")
        if isinstance(obj, dict):
            if kind == "text":
                obj["id"] = key
            elif doc_id is None:
                obj = {**obj, "id": key}
        record = _WORKER["pipeline"].extract_dict(obj)
        if not hasattr(record, "entities"):
            return ("error", key, source, line, doc_id, _LINE_PREFIX.sub("", record.error))
        doc = (orjson.dumps({k: obj.get(k) for k in DOC_FIELDS})
               if _WORKER["with_doc"] else None)
        return ("ok", key, source, line, doc_id, record.to_json(), doc, len(obj["text"].split()))
    except InputError as e:
        if key in _WORKER["done"]:
            return ("skip", key, source, line, doc_id, "")
        return ("error", key, source, line, doc_id, _LINE_PREFIX.sub("", str(e)))
    except Exception as e:  # noqa: BLE001 - one bad document must not stop the run
        return ("error", key, source, line, doc_id, f"internal error: {type(e).__name__}: {e}")


def process_chunk(chunk: list[Item]) -> list[tuple]:
    return [process_item(item) for item in chunk]


# -- output files -------------------------------------------------------------------

class TolerantLines:
    """The complete lines of a (possibly gzipped, possibly truncated) JSONL file, streamed;
    after iteration ``clean`` tells whether the file had no partial last line and no
    unterminated or corrupt gzip member."""

    BLOCK = 1 << 20

    def __init__(self, path: Path):
        self.path = path
        self.clean = True

    def __iter__(self) -> Iterator[bytes]:
        self.clean = True
        rest = b""
        for block in self._blocks():
            lines = (rest + block).split(b"\n")
            rest = lines.pop()
            yield from lines
        if rest:
            self.clean = False  # a partial last line

    def _blocks(self) -> Iterator[bytes]:
        with open(self.path, "rb") as f:
            if f.read(2) != b"\x1f\x8b":
                f.seek(0)
                while block := f.read(self.BLOCK):
                    yield block
                return
            f.seek(0)
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            data = f.read(self.BLOCK)
            while data:
                try:
                    yield d.decompress(data)
                except zlib.error:
                    self.clean = False
                    return
                if d.eof:  # the next gzip member starts in the unused data
                    data = d.unused_data or f.read(self.BLOCK)
                    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    if not data:
                        return
                else:
                    data = f.read(self.BLOCK)
            self.clean = False  # the stream ended inside a member


def _key_of_line(line: bytes, field_name: str) -> str | None:
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    return str(obj[field_name]) if isinstance(obj, dict) and obj.get(field_name) is not None else None


def read_done_keys(path: Path, field_name: str) -> set[str]:
    """Keys of a JSONL output file (``id`` of records, ``key`` of errors), repairing it
    in place (atomically) when a killed run left a partial line or gzip member."""
    if not path.exists() or path.stat().st_size == 0:
        return set()
    lines = TolerantLines(path)
    keys, clean = set(), True
    for line in lines:
        key = _key_of_line(line, field_name)
        clean = clean and key is not None
        if key is not None:
            keys.add(key)
    if not (clean and lines.clean):
        tmp = path.with_name(".repair-" + path.name)
        with _open_out(tmp, "wb") as f:
            for line in TolerantLines(path):
                if _key_of_line(line, field_name) is not None:
                    f.write(line + b"\n")
        os.replace(tmp, path)
    return keys


def _open_out(path: Path, mode: str = "ab"):
    if path.name.endswith(".gz"):
        return gzip.open(path, mode, compresslevel=1)  # fast: the parent must keep up
    return open(path, mode)


class Writer:
    """Appends records and errors; ``flush()`` after each chunk makes them durable."""

    def __init__(self, out: Path, errors: Path, with_text: bool, store=None):
        self.out = _open_out(out)
        self.errors = open(errors, "ab")
        self.with_text = with_text
        self.store = store
        self.seen: set[str] = set()

    def write(self, results: list[tuple], summary: BatchSummary) -> None:
        lines, pending_store = [], []
        for r in results:
            status, key, source, line, doc_id = r[:5]
            if status == "skip":
                summary.skipped += 1
            elif key in self.seen:
                self.error(source, line, doc_id, key, f"duplicate document key {key!r}", summary)
            elif status == "error":
                self.seen.add(key)
                self.error(source, line, doc_id, key, r[5], summary)
            else:
                self.seen.add(key)
                record, doc, words = r[5], r[6], r[7]
                lines.append(record[:-1] + b',"doc":' + doc + b"}" if self.with_text else record)
                if self.store is not None:
                    pending_store.append((record, doc))
                summary.records += 1
                summary.words += words
        if self.store is not None:
            for record, doc in pending_store:
                self.store.add(orjson.loads(record), orjson.loads(doc))
            self.store.commit()
        if lines:
            self.out.write(b"\n".join(lines) + b"\n")
        self.flush()

    def error(self, source, line, doc_id, key, message, summary: BatchSummary) -> None:
        summary.errors += 1
        self.errors.write(orjson.dumps({"line": line, "id": doc_id, "key": key, "source": source,
                                        "error": message}) + b"\n")

    def flush(self) -> None:
        self.out.flush()
        self.errors.flush()

    def close(self) -> None:
        self.out.close()
        self.errors.close()


# -- the run ------------------------------------------------------------------------

def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_batch(inputs: list[str | Path], out: str | Path, workers: int | None = None,
              stages: Iterable[str] | None = None, columns: CsvColumns | None = None,
              with_text: bool = False, db: str | Path | None = None, quiet: bool = False,
              chunk_size: int = CHUNK_SIZE) -> BatchSummary:
    """Process ``inputs`` into ``out`` (see the module docstring); returns counts."""
    from .pipeline import DEFAULT_STAGES

    out = Path(out)
    err_path = error_path_for(out)
    done = frozenset(read_done_keys(out, "id") | read_done_keys(err_path, "key"))
    workers = max(1, workers or os.cpu_count() or 1)
    stages = tuple(stages or DEFAULT_STAGES)
    summary = BatchSummary(error_path=str(err_path))
    store = None
    if db is not None:
        from .store import Store
        store = Store(db)
    writer = Writer(out, err_path, with_text, store)
    read_errors: list = []
    items = iter_items(inputs, columns, read_errors)
    bar = _progress(inputs, quiet)
    start = time.perf_counter()
    try:
        with_doc = with_text or store is not None
        if workers == 1:
            init_worker(stages, done, with_doc, parent=None)
            for chunk in _chunks(items, chunk_size):
                _advance(bar, writer, process_chunk(chunk), summary)
        else:
            _run_parallel(items, workers, (stages, done, with_doc, os.getpid()), writer, bar, summary,
                          chunk_size)
        for source, line, message in read_errors:
            if _default_key(source, line) not in done:
                writer.error(source, line, None, _default_key(source, line), message, summary)
    finally:
        summary.seconds = time.perf_counter() - start
        writer.close()
        if store is not None:
            store.close()
        if bar is not None:
            bar.close()
    return summary


def _progress(inputs, quiet: bool):
    if quiet:
        return None
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked later
    return tqdm(total=count_items(inputs), unit="art", file=sys.stderr, dynamic_ncols=True,
                smoothing=0.1, desc="marsad batch")


def _advance(bar, writer: Writer, results: list[tuple], summary: BatchSummary) -> None:
    writer.write(results, summary)
    if bar is not None:
        bar.update(len(results))
        bar.set_postfix(records=summary.records, errors=summary.errors,
                        skipped=summary.skipped, refresh=False)


def _new_executor(workers: int, initargs: tuple) -> ProcessPoolExecutor:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        _pipeline(initargs[0])  # built once, here: every forked worker starts with it
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(workers, mp_context=context, initializer=init_worker, initargs=initargs)


def _run_parallel(items, workers, initargs, writer, bar, summary, chunk_size) -> None:
    run = _Parallel(workers, initargs, lambda results: _advance(bar, writer, results, summary))
    try:
        run.drive(_chunks(items, chunk_size), writer, summary)
    except BaseException:
        run.executor.shutdown(wait=False, cancel_futures=True)
        raise
    run.executor.shutdown(wait=True)  # reap the workers


class _Parallel:
    """Chunks through a process pool, a bounded number in flight. When a worker dies,
    the chunks in flight are rerun one at a time so that the crash points at one chunk;
    a crashing chunk is split, and a crashing document becomes an error."""

    def __init__(self, workers: int, initargs: tuple, done):
        self.workers, self.initargs, self.done = workers, initargs, done
        self.executor = _new_executor(workers, initargs)
        self.in_flight: dict = {}
        self.unsent: deque = deque()  # chunks a broken pool refused: they never ran
        self.suspects: deque = deque()  # chunks in flight when a worker died

    def drive(self, chunks: Iterator[list[Item]], writer: Writer, summary: BatchSummary) -> None:
        while True:
            while self.suspects:
                self._run_suspect(self.suspects.popleft(), writer, summary)
            broken = self._fill(chunks)
            if not broken:
                if not self.in_flight:
                    return
                broken = self._collect()
            if broken:
                self.suspects.extend(self.in_flight.values())
                self.in_flight.clear()
                self._restart()

    def _fill(self, chunks) -> bool:
        """Submit chunks up to the in-flight bound; True if the pool turned out broken."""
        while len(self.in_flight) < self.workers * IN_FLIGHT_PER_WORKER:
            chunk = self.unsent.popleft() if self.unsent else next(chunks, None)
            if chunk is None:
                return False
            try:
                self.in_flight[self.executor.submit(process_chunk, chunk)] = chunk
            except BrokenProcessPool:
                self.unsent.appendleft(chunk)
                return True
        return False

    def _collect(self) -> bool:
        """Write the finished chunks; True if a worker died."""
        finished, _ = wait(self.in_flight, return_when=FIRST_COMPLETED)
        broken = False
        for f in finished:
            chunk = self.in_flight.pop(f)
            try:
                self.done(f.result())
            except BrokenProcessPool:
                broken = True
                self.suspects.append(chunk)
        return broken

    def _restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = _new_executor(self.workers, self.initargs)

    def _run_suspect(self, chunk: list[Item], writer: Writer, summary: BatchSummary) -> None:
        try:
            self.done(self.executor.submit(process_chunk, chunk).result())
        except BrokenProcessPool:
            self._restart()
            if len(chunk) > 1:
                self.suspects.extendleft([item] for item in reversed(chunk))
            else:
                key, doc_id = item_key(chunk[0])
                writer.error(chunk[0][0], chunk[0][1], doc_id, key,
                             "the worker process died on this document", summary)
                writer.flush()
