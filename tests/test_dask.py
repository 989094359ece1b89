"""Scale-out: the same flow with its task work on a real Dask cluster (scheduler and workers as
separate processes on loopback) builds the same warehouse as a local run."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import run_gwr

pytestmark = pytest.mark.server

BIN = Path(sys.executable).parent
# Columns that differ between two runs by design (run ids, load times).
VOLATILE = {"loaded_run_id", "loaded_at", "run_id"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    logs = tmp_path_factory.mktemp("dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [
        subprocess.Popen(
            [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            stdout=(logs / "scheduler.log").open("w"), stderr=subprocess.STDOUT, start_new_session=True,
        )
    ]  # fmt: skip
    from distributed import Client

    client = None
    deadline = time.time() + 60
    while client is None and time.time() < deadline:
        try:
            client = Client(address, timeout=5)
        except OSError:
            time.sleep(1)
    assert client is not None, (logs / "scheduler.log").read_text()
    for i in range(2):
        procs.append(
            subprocess.Popen(
                [str(BIN / "dask"), "worker", address, "--nworkers", "1", "--nthreads", "1",
                 "--host", "127.0.0.1", "--no-dashboard", "--name", f"w{i}"],
                stdout=(logs / f"worker{i}.log").open("w"), stderr=subprocess.STDOUT, start_new_session=True,
            )
        )  # fmt: skip
    client.wait_for_workers(2, timeout=120)
    yield address, client
    client.close()
    for p in reversed(procs):
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
            p.wait(timeout=30)


def _table(db: Path, table: str, order: str) -> tuple[list[str], list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in VOLATILE]
        rows = con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}").fetchall()
    finally:
        con.close()
    return cols, rows


def test_dask_run_builds_the_same_warehouse(cluster, seed_source, seed_db, tmp_path):
    address, client = cluster
    db = tmp_path / "dask.duckdb"
    executed_before = sum(client.run(lambda dask_worker: dask_worker.state.executed_count).values())
    proc = run_gwr(
        ["run", "--source", str(seed_source), "--db", str(db), "--dask-address", address], tmp_path
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "5 loaded" in proc.stdout

    for table, order in [
        ("dim_document", "document_id"),
        ("doc_text", "document_id"),
        ("dim_region", "region_id"),
        ("fact_indicator", "fact_id"),
        ("dim_indicator", "indicator_code"),
        ("fact_term", "document_id, term"),
        ("etl_file", "source_file"),
    ]:
        cols, rows = _table(db, table, order)
        assert rows, f"{table} is empty"
        assert (cols, rows) == _table(seed_db, table, order), table

    # The parse work really ran on the cluster's workers.
    prefixes = client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.task_prefixes))
    assert any("parse" in p for p in prefixes), prefixes
    executed = sum(client.run(lambda dask_worker: dask_worker.state.executed_count).values())
    assert executed > executed_before, "no task was executed on the Dask workers"
