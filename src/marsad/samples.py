"""The sample article that ships with the package (written for Marsad)."""
from __future__ import annotations

import json
from importlib import resources


def sample_document() -> dict:
    return json.loads(resources.files("marsad").joinpath("samples/sample.json").read_text("utf-8"))
