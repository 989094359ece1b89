"""Reference data (lexicons, boilerplate patterns, region aliases) kept as data files.

Transforms read reference data only through these cached loaders, so the data files stay the
single place to review and extend the rules, and a process loads each file once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

REFERENCE_DIR = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """Absolute path of a reference file shipped in this package."""
    return REFERENCE_DIR / name


@cache
def load_yaml(name: str) -> Any:
    """Parse a YAML reference file once per process."""
    with path(name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a plain-text reference file."""
    lines = path(name).read_text(encoding="utf-8").splitlines()
    return tuple(s for line in lines if (s := line.strip()) and not s.startswith("#"))
