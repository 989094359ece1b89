"""Crash safety: a run SIGKILLed at four different points leaves the published warehouse readable
and exactly as it was, and the next run completes with the same result as an uninterrupted run."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import psutil
import pytest

from tests.conftest import GWR, REPO, SAMPLES, gwr_env, run_gwr

pytestmark = pytest.mark.slow

KILL_POINTS = ("staged", "parsed", "validated", "publishing")


def _published(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "documents": con.execute(
                "SELECT document_id, source_file FROM dim_document ORDER BY 1"
            ).fetchall(),
            "facts": con.execute("SELECT * FROM fact_indicator ORDER BY fact_id").fetchall(),
            "orphans": con.execute(
                "SELECT count(*) FROM fact_indicator f ANTI JOIN dim_document d USING (document_id)"
            ).fetchall(),
        }
    finally:
        con.close()


def _parked_run(src: Path, db: Path, point: str, home: Path) -> subprocess.Popen:
    """A `gwr run` parked at ``point``, in a process group of its own for the caller to kill."""
    marker = home / f"paused-{point}"
    env = gwr_env(home) | {"GWR_PAUSE_AT": point, "GWR_PAUSE_FILE": str(marker)}
    proc = subprocess.Popen(
        [*GWR, "run", "--source", str(src), "--db", str(db)], cwd=REPO, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.time() + 300
        while not marker.exists() and proc.poll() is None and time.time() < deadline:
            time.sleep(0.3)
        assert marker.exists(), f"run never reached {point}"
    except BaseException:
        _kill_group(proc)
        raise
    return proc


def _kill_group(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # the run, its process pool and its Prefect server
    proc.wait()


def _run_until_killed(src: Path, db: Path, point: str, home: Path) -> None:
    _kill_group(_parked_run(src, db, point, home))


def test_sigkill_at_every_step_leaves_the_warehouse_consistent(tmp_path, seed_db):
    src = tmp_path / "src"
    src.mkdir()
    first, rest = sorted(SAMPLES.glob("*.txt"))[:2], sorted(SAMPLES.glob("*.txt"))[2:]
    for f in first:
        shutil.copy(f, src / f.name)
    db = tmp_path / "w.duckdb"
    proc = run_gwr(["run", "--source", str(src), "--db", str(db)], tmp_path / "h0")
    assert proc.returncode == 0, proc.stderr[-3000:]
    before = _published(db)
    for f in rest:  # new work for the runs that will be killed
        shutil.copy(f, src / f.name)

    for i, point in enumerate(KILL_POINTS):
        _run_until_killed(src, db, point, tmp_path / f"k{i}")
        assert _published(db) == before, f"published warehouse changed by a run killed at {point}"
        assert before["orphans"] == [(0,)]

    proc = run_gwr(["run", "--source", str(src), "--db", str(db)], tmp_path / "h1")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    after = _published(db)
    reference = _published(seed_db)
    assert after["documents"] == reference["documents"]
    assert len(after["facts"]) == len(reference["facts"])
    con = duckdb.connect(str(db), read_only=True)
    statuses = [s for (s,) in con.execute("SELECT status FROM etl_run ORDER BY started_at").fetchall()]
    con.close()
    assert statuses == ["succeeded"] + ["abandoned"] * len(KILL_POINTS) + ["succeeded"]
    assert not Path(str(db) + ".staging").exists()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_a_killed_run_leaves_no_process_behind(tmp_path, sig):
    """A run killed alone (a scheduler's time limit, the OOM killer), not with its process group:
    the Prefect server, the validator and the resource tracker it started end too. They used to
    stay, 260 and 330 MB, waiting for work that would never come."""
    proc = _parked_run(SAMPLES, tmp_path / "w.duckdb", "parsed", tmp_path / "home")
    try:
        started = psutil.Process(proc.pid).children(recursive=True)
        commands = [" ".join(p.cmdline()) for p in started]
        assert any("uvicorn" in c for c in commands), commands  # the temporary API server
        assert any("spawn_main" in c for c in commands), commands  # the validator
        os.kill(proc.pid, sig)  # the run alone
        code = proc.wait(120)
        assert code == (128 + sig if sig == signal.SIGTERM else -sig)  # SIGTERM exits as interrupted
        _, alive = psutil.wait_procs(started, timeout=30)
        assert not alive, [" ".join(p.cmdline())[:80] for p in alive]
    finally:
        _kill_group(proc)
