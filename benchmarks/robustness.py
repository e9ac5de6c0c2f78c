"""Robustness check of marsad batch: corrupt 1% of a corpus, kill the run mid-way
(SIGKILL of the parent), rerun, and verify that every good document has exactly one
record and every bad line is listed once in the error log.

    python benchmarks/robustness.py [--docs 31002] [--rate 0.01] [--workers 2] [--out DIR]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"
BAD_KINDS = ("bad-json", "non-utf8", "non-object", "no-text", "huge")
HUGE_CHARS = 10_500_000


def bad_line(kind: str, i: int) -> bytes:
    if kind == "bad-json":
        return b'{"id": "broken-%d", "text": "\xd9\x86\xd8\xb5' % i
    if kind == "non-utf8":
        return b'{"id": "latin1-%d", "text": "caf\xe9 \xff"}' % i
    if kind == "non-object":
        return b'["not", "a", "document", %d]' % i
    if kind == "no-text":
        return b'{"id": "empty-%d", "title": "no text"}' % i
    return json.dumps({"id": f"huge-{i}", "text": "خبر " * (HUGE_CHARS // 4)}).encode()


def corrupt(lines: list[bytes], rate: float, seed: int = 0, max_huge: int = 2):
    """The corpus with bad lines inserted after ~rate of the good ones.
    Returns (lines, ids of good documents, line numbers of bad lines)."""
    rng = random.Random(seed)
    out, good, bad, huge = [], set(), set(), 0
    for line in lines:
        out.append(line)
        good.add(json.loads(line)["id"])
        if rng.random() < rate:
            kind = BAD_KINDS[len(bad) % len(BAD_KINDS)]
            if kind == "huge":
                if huge >= max_huge:
                    kind = "no-text"
                huge += kind == "huge"
            out.append(bad_line(kind, len(out)))
            bad.add(len(out))
    return out, good, bad


def count_lines(path: Path) -> int:
    """Complete lines of a possibly truncated output."""
    return _records_so_far(path) if path.exists() else 0


def batch_command(corpus: Path, out: Path, workers: int, chunk_size: int) -> list[str]:
    return [sys.executable, "-m", "marsad", "batch", str(corpus), "--out", str(out),
            "--workers", str(workers), "--chunk-size", str(chunk_size), "--quiet"]


def run_killed(cmd: list[str], out: Path, kill_at: int, timeout: float = 600) -> bool:
    """Start marsad batch and SIGKILL it once ``kill_at`` records are written; True if killed."""
    proc = subprocess.Popen(cmd)
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        t = time.monotonic()
        if out.exists() and _records_so_far(out) >= kill_at:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(max(0.1, 5 * (time.monotonic() - t)))  # counting must not steal the CPU
    proc.wait()
    return False


def _records_so_far(out: Path) -> int:
    from marsad.batch import TolerantLines

    return sum(1 for _ in TolerantLines(out))


def verify(out: Path, good: set[str], bad: set[int]) -> dict:
    from marsad.batch import error_path_for

    with gzip.open(out) if out.name.endswith(".gz") else open(out, "rb") as f:
        ids = [json.loads(line)["id"] for line in f]
    errors = [json.loads(line) for line in open(error_path_for(out), "rb")]
    err_lines = [e["line"] for e in errors]
    return {"records": len(ids), "unique_records": len(set(ids)), "good_docs": len(good),
            "missing": len(good - set(ids)), "unexpected": len(set(ids) - good),
            "errors": len(errors), "bad_lines": len(bad), "bad_unlisted": len(bad - set(err_lines)),
            "duplicate_errors": len(err_lines) - len(set(err_lines)),
            "ok": bool(ids) and len(ids) == len(set(ids)) == len(good) and set(ids) == good
            and set(err_lines) == bad and len(err_lines) == len(bad)}


def check(lines: list[bytes], workdir: Path, workers: int = 2, rate: float = 0.01,
          gz: bool = True, chunk_size: int = 32) -> dict:
    data, good, bad = corrupt(lines, rate)
    corpus = workdir / "corrupted.jsonl"
    corpus.write_bytes(b"\n".join(data) + b"\n")
    out = workdir / ("records.jsonl.gz" if gz else "records.jsonl")
    start = time.perf_counter()
    cmd = batch_command(corpus, out, workers, chunk_size)
    killed = run_killed(cmd, out, kill_at=len(good) // 3)
    partial = count_lines(out)
    rerun = subprocess.run(cmd)
    report = verify(out, good, bad)
    time.sleep(2)  # orphaned workers notice their dead parent within a second
    report.update(killed=killed, records_at_kill=partial, rerun_status=rerun.returncode,
                  orphans=len(processes_with(str(corpus))), seconds=round(time.perf_counter() - start, 1))
    return report


def processes_with(arg: str) -> list[int]:
    """Pids of live processes whose command line contains ``arg`` (Linux /proc)."""
    pids = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if arg.encode() in (proc / "cmdline").read_bytes():
                pids.append(int(proc.name))
        except OSError:
            continue
    return pids


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=31002)
    ap.add_argument("--rate", type=float, default=0.01)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", help="working folder (default: a temporary one)")
    args = ap.parse_args()
    lines = []
    with gzip.open(NEWS, "rb") as f:
        for line in f:
            lines.append(line.rstrip(b"\n"))
            if len(lines) == args.docs:
                break
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(args.out or tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        report = check(lines, workdir, args.workers, args.rate)
    print(json.dumps(report, indent=1))
    return 0 if report["ok"] and report["killed"] and not report["orphans"] else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
