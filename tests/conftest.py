"""Shared fixtures: one real flow run over the bundled seeds, reused by the warehouse tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
GWR = [sys.executable, "-m", "gwr.cli"]


def gwr_env(tmp_home: Path) -> dict[str, str]:
    """Environment for a CLI subprocess: its own Prefect home, no telemetry, no network, and no
    `gwr serve` of the developer's (runs happen in their own process unless a test starts one)."""
    env = dict(os.environ)
    env.update(
        PREFECT_HOME=str(tmp_home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_API_URL="",
        GWR_SERVICE_FILE=str(tmp_home / "no-service.json"),
    )
    env.pop("PREFECT_API_URL")
    return env


def run_gwr(args: list[str], tmp_home: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*GWR, *args], cwd=REPO, env=gwr_env(tmp_home), capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="session")
def seed_source(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("seeds")
    for f in SAMPLES.glob("*.txt"):
        shutil.copy(f, src / f.name)
    return src


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory, seed_source) -> tuple[Path, subprocess.CompletedProcess]:
    """`gwr run` on the five seeds into a fresh DuckDB file: a real Prefect flow run."""
    base = tmp_path_factory.mktemp("seedrun")
    db = base / "seeds.duckdb"
    proc = run_gwr(["run", "--source", str(seed_source), "--db", str(db)], base / "prefect")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return db, proc


@pytest.fixture(scope="session")
def seed_db(seed_run) -> Path:
    return seed_run[0]


@pytest.fixture()
def ro(seed_db):
    con = duckdb.connect(str(seed_db), read_only=True)
    yield con
    con.close()
