"""Prefect's temporary API server, started on the first line of `gwr run`, not at the flow's first call.

With no API configured, Prefect starts this same server (uvicorn on loopback, no UI) when the flow
begins: after this process has imported everything, and after importing the whole server package
into this process too (seconds). Started here as a plain subprocess, its start-up runs on the other
core while this process imports and stages. A configured API (env or the active profile) is used
as is.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

_STARTUP_FAILED = 3  # uvicorn's exit code when it cannot bind, or when the app fails to start
_MAX_ATTEMPTS = 3  # a lost port is worth a retry; a server that cannot start fails the same each time


class ServerFailed(RuntimeError):
    """The temporary API server could not be started; the message says why."""


def _prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME", "~/.prefect")).expanduser()


def configured_api_url() -> str | None:
    """PREFECT_API_URL from the environment or the active Prefect profile, read without importing Prefect."""
    if url := os.environ.get("PREFECT_API_URL"):
        return url
    profiles = Path(os.environ.get("PREFECT_PROFILES_PATH", _prefect_home() / "profiles.toml")).expanduser()
    try:
        data = tomllib.loads(profiles.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or data.get("active") or "ephemeral"
    return data.get("profiles", {}).get(active, {}).get("PREFECT_API_URL")


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TemporaryServer:
    """A loopback Prefect API server owned by this process; stopped when the process exits, and
    ending by itself when the process is killed (gwr/lifetime.py)."""

    def __init__(self) -> None:
        spec = importlib.util.find_spec("prefect")
        assert spec is not None and spec.submodule_search_locations, "prefect is not installed"
        self._app_dir = str(Path(next(iter(spec.submodule_search_locations))).parent)
        self.port = _free_port()
        self.process = self._spawn()
        self.attempts = 1
        atexit.register(self.stop)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def _spawn(self) -> subprocess.Popen:
        flags = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
        env = dict(os.environ, **flags)
        env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # no network at run time
        env.pop("PREFECT_API_URL", None)
        command = [
            sys.executable, "-m", "gwr.lifetime", "uvicorn", "--app-dir", self._app_dir,
            "--factory", "prefect.server.api.server:create_app",
            "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "error", "--lifespan", "on",
        ]  # fmt: skip
        return subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL)

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code == _STARTUP_FAILED and self.attempts < _MAX_ATTEMPTS:
                # Perhaps the port went to another process between bind and spawn: another port.
                self.port = _free_port()
                self.process = self._spawn()
                self.attempts += 1
                os.environ["PREFECT_API_URL"] = self.api_url
            elif code is not None:
                raise ServerFailed(
                    f"the temporary Prefect server exited with code {code} after {self.attempts} "
                    f"attempt(s); its error is printed above (Prefect home: {_prefect_home()})"
                )
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        raise ServerFailed(f"the temporary Prefect server did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def ensure_api() -> TemporaryServer | None:
    """Start a temporary server unless an API is configured (or ephemeral mode is switched off)."""
    if configured_api_url():
        return None
    if os.environ.get("PREFECT_SERVER_EPHEMERAL_ENABLED", "").lower() in ("0", "false", "no"):
        return None
    home = _prefect_home()
    try:  # Prefect creates its home without parents; its server then cannot open its database
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ServerFailed(
            f"cannot create the Prefect home {home} ({exc.strerror or exc}): "
            "set PREFECT_HOME to a writable directory"
        ) from exc
    server = TemporaryServer()
    os.environ["PREFECT_API_URL"] = server.api_url
    return server
