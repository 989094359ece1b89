"""A real Prefect server on loopback: work pool, `prefect deploy --all` from prefect.yaml, a process
worker, a deployment run, and the warehouse it produced. No Prefect component is mocked."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.server

REPO = Path(__file__).resolve().parent.parent
PREFECT = str(Path(sys.executable).with_name("prefect"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _api(base: str, path: str, body: dict | None = None, method: str | None = None) -> dict | list:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(
        base + path, data=data, method=method or ("POST" if body is not None else "GET"),
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read() or b"null")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-home")
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": api,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_UI_ENABLED": "false",
        "PREFECT_WORKER_QUERY_SECONDS": "2",
        "PREFECT_LOGGING_LEVEL": "INFO",
    }
    log = (home / "server.log").open("w")
    proc = subprocess.Popen(
        [PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    deadline = time.time() + 180
    while time.time() < deadline:
        try:
            _api(api, "/health")
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail("prefect server exited:\n" + (home / "server.log").read_text()[-3000:])
            time.sleep(1)
    else:
        _stop(proc)
        pytest.fail("prefect server did not answer /api/health in 180 s")
    yield api, env
    _stop(proc)


def test_server_runs_on_the_pinned_fastapi(server):
    import fastapi
    import prefect

    api, _ = server
    assert prefect.__version__ == "3.8.8"
    assert fastapi.__version__.startswith("0.140."), fastapi.__version__
    assert _api(api, "/health") is True


def test_deploy_all_worker_runs_deployment_and_loads_warehouse(server, tmp_path, seed_source):
    api, env = server

    def cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
        proc = subprocess.run(
            [PREFECT, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
        )
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        return proc

    cli("work-pool", "create", "gwr-process", "--type", "process", "--overwrite")
    deployed = cli("--no-prompt", "deploy", "--all")
    assert "nightly-full" in deployed.stdout and "inbox-incremental" in deployed.stdout

    deployments = _api(api, "/deployments/filter", {})
    by_name = {d["name"]: d for d in deployments}
    assert set(by_name) >= {"nightly-full", "inbox-incremental"}
    nightly = by_name["nightly-full"]
    assert nightly["work_pool_name"] == "gwr-process"
    assert "nightly" in nightly["tags"]
    schedules = _api(api, f"/deployments/{nightly['id']}/schedules")
    assert schedules[0]["schedule"]["cron"] == "30 2 * * *"
    assert schedules[0]["schedule"]["timezone"] == "Asia/Shanghai"
    assert nightly["parameters"]["source"] == "samples" and nightly["global_concurrency_limit"]["limit"] == 1
    inbox = by_name["inbox-incremental"]
    assert inbox["work_pool_name"] == "gwr-process" and "inbox" in inbox["tags"]
    assert inbox["parameters"]["source"] == "data/inbox"
    assert _api(api, f"/deployments/{inbox['id']}/schedules")[0]["schedule"]["interval"] > 0

    db = tmp_path / "deployed.duckdb"
    run = _api(
        api,
        f"/deployments/{nightly['id']}/create_flow_run",
        {"parameters": {"source": str(seed_source), "db": str(db), "wait_seconds": 0}},
    )
    worker_log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(
        [PREFECT, "worker", "start", "--pool", "gwr-process", "--type", "process"],
        cwd=tmp_path, env=env, stdout=worker_log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        state = None
        deadline = time.time() + 600
        while time.time() < deadline:
            state = _api(api, f"/flow_runs/{run['id']}")["state"]["type"]
            if state in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED"):
                break
            time.sleep(2)
    finally:
        _stop(worker)
    assert state == "COMPLETED", (tmp_path / "worker.log").read_text()[-4000:]

    con = duckdb.connect(str(db), read_only=True)
    try:
        n_docs = con.execute("SELECT count(*) FROM dim_document").fetchone()[0]
        gdp = con.execute(
            "SELECT count(*) FROM v_indicator_facts WHERE indicator_code = 'gdp' AND region_name = '醴陵市'"
        ).fetchone()[0]
        flow_run_id = con.execute("SELECT flow_run_id FROM etl_run").fetchone()[0]
    finally:
        con.close()
    assert n_docs == 5 and gdp >= 3
    assert flow_run_id == run["id"]
    task_runs = _api(api, "/task_runs/filter", {"flow_runs": {"id": {"any_": [run["id"]]}}})
    names = {t["name"] for t in task_runs}
    for step in ("stage-files", "parse-batch-0000", "validate", "publish"):
        assert any(name.startswith(step) for name in names), (step, names)
    # Per-step counts are in the logs; the final summary line may be shipped after the worker stops,
    # so the run's counts are checked in the gwr-run-summary artifact below.
    logs = _api(api, "/logs/filter", {"logs": {"flow_run_id": {"any_": [run["id"]]}}, "limit": 200})
    assert any("staged 5 files" in entry["message"] for entry in logs)
    artifacts = _api(api, "/artifacts/filter", {"artifacts": {"key": {"any_": ["gwr-run-summary"]}}})
    assert any(a["flow_run_id"] == run["id"] and "loaded" in (a["data"] or "") for a in artifacts)
