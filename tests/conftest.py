import gzip
import itertools
import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "dev"
NEWS = SHARED / "data" / "news" / "saudinewsnet.jsonl.gz"


def news_articles(n: int) -> list[dict]:
    if not NEWS.exists():
        pytest.skip(f"news corpus not found at {NEWS}")
    with gzip.open(NEWS, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in itertools.islice(f, n)]


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not DEV.exists():
        pytest.skip(f"dev gold not found at {DEV}")
    return DEV


@pytest.fixture(scope="module")
def server_store(tmp_path_factory) -> Path:
    """A store with the sample record and three more documents (see server_support)."""
    from server_support import build_store
    path = tmp_path_factory.mktemp("store") / "marsad.db"
    build_store(path)
    return path


@pytest.fixture(scope="session")
def pipeline():
    from marsad.pipeline import default_pipeline
    return default_pipeline()
