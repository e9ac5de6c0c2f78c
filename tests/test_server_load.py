"""A short run of benchmarks/load_test.py (the real figures come from running it by hand)."""
from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path

import pytest

from marsad.samples import sample_document
from server_support import StubPipeline, threaded_server

SCRIPT = Path(__file__).parent.parent / "benchmarks" / "load_test.py"


@pytest.mark.slow
def test_load_test_smoke():
    spec = importlib.util.spec_from_file_location("load_test", SCRIPT)
    load_test = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(load_test)
    from marsad.server import create_app

    with threaded_server(create_app(pipeline=StubPipeline())) as base:
        result = asyncio.run(load_test.run_load(base, sample_document(), clients=4, duration=1.0, timeout=10))
    assert result["errors"] == 0 and result["requests"] > 4
    assert 0 < result["p50_ms"] <= result["p99_ms"]
