"""The temporary Prefect API server of a one-shot run: a start-up it cannot make fails the run
with the reason at once, instead of being retried until the 120 s start-up timeout."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import GWR, REPO, gwr_env, run_gwr


def _env_run(tmp_path, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*GWR, "run", "--service", "off", "--db", str(tmp_path / "w.duckdb")],
        cwd=REPO, env=gwr_env(tmp_path / "home") | env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_a_prefect_home_that_cannot_be_created_is_named(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    proc = _env_run(tmp_path, PREFECT_HOME=str(blocker / "prefect"))
    assert proc.returncode == 1
    assert f"cannot create the Prefect home {blocker / 'prefect'} (Not a directory)" in proc.stderr


def test_a_missing_parent_of_the_prefect_home_is_created(tmp_path):
    home = tmp_path / "not" / "yet" / "there"
    proc = run_gwr(["run", "--service", "off", "--db", str(tmp_path / "w.duckdb")], home)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (home / "prefect.db").exists()


@pytest.mark.server
def test_a_server_that_cannot_start_fails_the_run_after_three_attempts(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    proc = _env_run(
        tmp_path, PREFECT_SERVER_DATABASE_CONNECTION_URL=f"sqlite+aiosqlite:///{blocker / 'prefect.db'}"
    )
    assert proc.returncode == 1
    # Named as a failed start-up, not left to the 120 s start-up timeout.
    assert "the temporary Prefect server exited with code 3 after 3 attempt(s)" in proc.stderr
