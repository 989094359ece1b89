"""`gwr serve`, started for real on loopback: runs through it are real Prefect flow runs with
real validation, they publish what a run in its own process publishes, a run process killed
mid-run is reported and replaced, and a client that cannot use the service says why."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import psutil
import pytest

from bench.corpus import corpus_bytes, generate
from flows.settings import INLINE_MAX_BYTES
from gwr.service_client import ServiceInfo, fingerprint
from tests.conftest import GWR, REPO, SAMPLES, gwr_env

pytestmark = pytest.mark.server

FACT_COLUMNS = "fact_id, indicator_code, kind, measure, value, unit, comparator, period_year, sentence"


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    base = tmp_path_factory.mktemp("service")
    env = gwr_env(base / "prefect") | {"GWR_SERVICE_FILE": str(base / "service.json")}
    proc = subprocess.Popen(
        [*GWR, "serve"], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, start_new_session=True,
    )  # fmt: skip
    state = base / "service.json"
    deadline = time.time() + 300
    while not state.exists() and proc.poll() is None and time.time() < deadline:
        time.sleep(0.5)
    assert state.exists(), f"the service did not come up: {proc.poll()}"
    yield env, ServiceInfo.read(state), proc
    proc.send_signal(signal.SIGTERM)
    try:
        out, _ = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    assert proc.returncode == 0, out[-3000:]
    assert not state.exists(), "a stopped service must remove its state file"


def _run(env: dict, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    command = [*GWR, "run", *args]
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)


def _facts(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT {FACT_COLUMNS} FROM fact_indicator ORDER BY fact_id").fetchall()


def test_a_run_on_the_service_publishes_what_a_run_of_its_own_does(service, seed_source, seed_db, tmp_path):
    env, _, _ = service
    db = tmp_path / "w.duckdb"
    summary = tmp_path / "s.json"
    proc = _run(env, "--service", "on", "--source", str(seed_source), "--db", str(db),
                "--summary-json", str(summary))  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "Finished in state Completed" in proc.stderr  # the run's log lines come back to the client
    assert json.loads(summary.read_text())["n_loaded"] == 5
    assert _facts(db) == _facts(seed_db)
    with duckdb.connect(str(db), read_only=True) as con:
        failed = con.execute("SELECT count(*) FROM dq_result WHERE NOT success").fetchone()[0]
        checked = con.execute("SELECT count(*) FROM dq_result").fetchone()[0]
    assert checked > 50 and failed == 0
    again = _run(env, "--source", str(seed_source), "--db", str(db), "--summary-json", str(summary))
    assert again.returncode == 0, again.stderr[-3000:]
    assert json.loads(summary.read_text())["n_unchanged"] == 5


def test_a_run_on_the_service_can_start_the_parse_pool(service, tmp_path):
    """The warm run process parses up to 16 MB itself; the client's GWR_INLINE_MAX_BYTES reaches
    the run and lowers that, so the run starts the pool: processes of the run process's own."""
    env, _, _ = service
    src = generate(24, tmp_path / "corpus")
    assert corpus_bytes(src) > INLINE_MAX_BYTES
    for limit, where in (
        (None, "in this process"),
        (INLINE_MAX_BYTES, "in this process and a pool of 1 process"),
    ):
        client = env | ({"GWR_INLINE_MAX_BYTES": str(limit)} if limit else {})
        db, summary = tmp_path / f"{limit}.duckdb", tmp_path / f"{limit}.json"
        proc = _run(
            client, "--workers", "2", "--source", str(src), "--db", str(db), "--summary-json", str(summary)
        )
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        assert f"parsing 24 files ({corpus_bytes(src) / 1e6:.1f} MB) {where}" in proc.stderr
        result = json.loads(summary.read_text())
        assert result["n_loaded"] == 24 and result["n_facts"] > 24 * 50


def test_a_run_process_killed_mid_run_is_reported_and_replaced(service, tmp_path):
    env, info, _ = service
    src = tmp_path / "src"
    shutil.copytree(SAMPLES, src)
    db = tmp_path / "w.duckdb"
    marker = tmp_path / "paused"
    paused = env | {"GWR_PAUSE_AT": "parsed", "GWR_PAUSE_FILE": str(marker)}  # passed on to the run
    client = subprocess.Popen(
        [*GWR, "run", "--source", str(src), "--db", str(db)], cwd=REPO, env=paused,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.time() + 300
    while not marker.exists() and client.poll() is None and time.time() < deadline:
        time.sleep(0.2)
    assert marker.exists(), "the run never reached its pause point"
    (run_process,) = [p for p in psutil.Process(info.pid).children() if "spawn_main" in " ".join(p.cmdline())]
    run_process.kill()
    _, err = client.communicate(timeout=120)
    assert client.returncode == 1 and "run process died" in err
    proc = _run(env, "--source", str(src), "--db", str(db))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    with duckdb.connect(str(db), read_only=True) as con:
        statuses = sorted(s for (s,) in con.execute("SELECT status FROM etl_run").fetchall())
        documents = con.execute("SELECT count(*) FROM dim_document").fetchone()[0]
    assert statuses == ["abandoned", "succeeded"] and documents == 5


def test_a_client_that_cannot_use_the_service_says_why(service, tmp_path):
    env, info, _ = service
    state = tmp_path / "service.json"
    client_env = env | {"GWR_SERVICE_FILE": str(state)}
    missing = tmp_path / "nowhere"
    missing.mkdir()

    def stale(host: str, port: int, key: str, code: str) -> str:
        return json.dumps(ServiceInfo(host, port, key, 0, code, info.api_url).__dict__)

    cases = {
        "does not answer": stale("127.0.0.1", 1, info.authkey, fingerprint()),
        "runs other code": stale(info.host, info.port, info.authkey, "0" * 16),
        "refused this key": stale(info.host, info.port, "00" * 32, fingerprint()),
        "cannot be read": "{not json",
    }
    for reason, content in cases.items():
        state.write_text(content)
        proc = _run(client_env, "--service", "on", "--source", str(missing), "--db", str(tmp_path / "x.db"))
        assert proc.returncode == 2 and reason in proc.stderr, (reason, proc.stderr[-2000:])
    # With the default (auto) the run goes ahead in its own process, after a note.
    db = tmp_path / "w.duckdb"
    proc = _run(client_env, "--source", str(missing), "--db", str(db))
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "note: not using the gwr service" in proc.stderr and "0 files seen" in proc.stdout
    # The wrong key was refused without harming the service: it still runs.
    proc = _run(env, "--service", "on", "--source", str(missing), "--db", str(db))
    assert proc.returncode == 0 and "0 files seen" in proc.stdout, proc.stderr[-3000:]
