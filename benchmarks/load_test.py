"""Load test of POST /api/extract: N concurrent clients for D seconds against localhost.

    python benchmarks/load_test.py                      # starts `marsad serve` on a free port
    python benchmarks/load_test.py --workers 2          # … with two worker processes
    python benchmarks/load_test.py --url http://127.0.0.1:8000 --clients 50 --duration 20

Each client sends the bundled sample article (or --text FILE) in a loop, one request at a
time; the report gives requests/s, latency percentiles and the error count. Exit status 1
when any request failed.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--url", help="a running server (default: start `marsad serve` on a free port)")
    p.add_argument("--workers", type=int, default=1, help="worker processes of the server it starts")
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--duration", type=float, default=20.0, help="seconds")
    p.add_argument("--text", help="article file (default: the bundled sample)")
    p.add_argument("--date", default=None)
    p.add_argument("--timeout", type=float, default=30.0, help="per request, seconds")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    return p.parse_args(argv)


async def client(http: httpx.AsyncClient, url: str, body: dict, stop_at: float, latencies: list, errors: list):
    while time.perf_counter() < stop_at:
        started = time.perf_counter()
        try:
            r = await http.post(url, json=body)
            if r.status_code != 200:
                errors.append(f"HTTP {r.status_code}: {r.text[:200]}")
                continue
            r.json()
        except (httpx.HTTPError, json.JSONDecodeError) as e:
            errors.append(f"{type(e).__name__}: {e}")
            continue
        latencies.append(time.perf_counter() - started)


async def run_load(base: str, body: dict, clients: int, duration: float, timeout: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=timeout, limits=limits) as http:
        await http.post(f"{base}/api/extract", json=body)  # warm up
        started = time.perf_counter()
        stop_at = started + duration
        await asyncio.gather(*(client(http, f"{base}/api/extract", body, stop_at, latencies, errors)
                               for _ in range(clients)))
        elapsed = time.perf_counter() - started
    return report(latencies, errors, elapsed, clients, len(body["text"]))


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def report(latencies, errors, elapsed, clients, chars) -> dict:
    ms = sorted(x * 1000 for x in latencies)
    return {"clients": clients, "seconds": round(elapsed, 1), "article_chars": chars,
            "requests": len(ms), "errors": len(errors), "requests_per_s": round(len(ms) / elapsed, 1),
            "p50_ms": round(percentile(ms, 0.50), 1), "p90_ms": round(percentile(ms, 0.90), 1),
            "p99_ms": round(percentile(ms, 0.99), 1), "max_ms": round(ms[-1], 1) if ms else None,
            "mean_ms": round(statistics.fmean(ms), 1) if ms else None,
            "first_errors": sorted(set(errors))[:5]}


def cpu_seconds(pid: int) -> float | None:
    """CPU time of a process and its children (Linux /proc), or None elsewhere."""
    try:
        tick = os.sysconf("SC_CLK_TCK")
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        total = 0.0
        for p in [pid, *map(int, children)]:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        return total
    except (OSError, ValueError):
        return None


def start_server(workers: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--port", str(port),
                                "--workers", str(workers), "--log-level", "warning"])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("marsad serve exited")
        try:
            httpx.get(f"{base}/api/sample", timeout=1)
            return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("marsad serve did not start")


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.text:
        body = {"text": Path(args.text).read_text("utf-8"), "date": args.date}
    else:
        from marsad.samples import sample_document
        body = sample_document()
    process, base = (None, args.url.rstrip("/")) if args.url else start_server(args.workers)
    try:
        cpu_before = process and cpu_seconds(process.pid)
        result = asyncio.run(run_load(base, body, args.clients, args.duration, args.timeout))
        cpu_after = process and cpu_seconds(process.pid)
        if cpu_before is not None and cpu_after is not None and result["requests"]:
            result["server_cpu_ms_per_request"] = round((cpu_after - cpu_before) * 1000 / result["requests"], 2)
    finally:
        if process is not None:
            process.terminate()
            process.wait(10)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"{result['clients']} clients × {result['seconds']} s on {base}/api/extract "
              f"({result['article_chars']}-character article)")
        print(f"  {result['requests']} requests, {result['requests_per_s']} req/s, {result['errors']} errors")
        print(f"  latency ms: p50 {result['p50_ms']}  p90 {result['p90_ms']}  p99 {result['p99_ms']}  "
              f"max {result['max_ms']}")
        if "server_cpu_ms_per_request" in result:
            print(f"  server CPU per request: {result['server_cpu_ms_per_request']} ms")
        for e in result["first_errors"]:
            print(f"  error: {e}")
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
