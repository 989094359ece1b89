"""The client side of `gwr serve`: find a running service and hand it a run.

A one-shot `gwr run` spends most of a small run starting up: Prefect's API server, Prefect itself,
Great Expectations and jieba take about 17 s of CPU to import, and the work on one report takes
well under one. `gwr serve` pays that once and keeps a warm run process; `gwr run` then only sends
the run's parameters over loopback and prints what comes back. This module imports nothing heavy,
so the client starts in a fraction of a second.

The service is used only when it would run what this checkout would run: same code and reference
data (a fingerprint of the files' sizes and modification times) and no other Prefect API configured.
Otherwise `gwr run` says why and runs in its own process.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Connection
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CODE_DIRS = ("gwr", "flows", "transforms", "warehouse", "expectations", "reference")
ENV_PREFIX = "GWR_"  # run-time settings the client passes on (read by the run, not at import)


class ServiceRunFailed(RuntimeError):
    """The service ran the flow and it failed; the message is the flow's own."""


class ServiceUnavailable(RuntimeError):
    """No usable service: the reason says why (none running, stale, other code, other API)."""


def state_file() -> Path:
    """Where a running service leaves its address and key (one service per user by default)."""
    return Path(os.environ.get("GWR_SERVICE_FILE") or Path.home() / ".gwr" / "service.json")


def fingerprint() -> str:
    """Sizes and modification times of the code and reference data: cheap, and it changes on any edit."""
    digest = hashlib.sha256()
    for folder in CODE_DIRS:
        for path in sorted((REPO_ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                digest.update(f"{path.relative_to(REPO_ROOT)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    lock = REPO_ROOT / "uv.lock"
    if lock.is_file():
        digest.update(lock.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class ServiceInfo:
    host: str
    port: int
    authkey: str
    pid: int
    fingerprint: str
    api_url: str | None

    @classmethod
    def read(cls, path: Path) -> ServiceInfo | None:
        try:
            return cls(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    def write(self, path: Path) -> None:
        """Owner-only: the key lets whoever holds it start runs."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(self.__dict__, out)
        tmp.replace(path)


def connect(configured_api: str | None) -> Connection:
    """A connection to a usable service, or ServiceUnavailable with the reason."""
    path = state_file()
    info = ServiceInfo.read(path)
    if info is None:
        state = "cannot be read" if path.exists() else "does not exist"
        raise ServiceUnavailable(f"no service is running ({path} {state})")
    if info.fingerprint != fingerprint():
        raise ServiceUnavailable("the service runs other code (started before a change); restart `gwr serve`")
    if configured_api and configured_api != info.api_url:
        raise ServiceUnavailable(f"the service uses another Prefect API ({info.api_url})")
    try:
        return Client((info.host, info.port), authkey=bytes.fromhex(info.authkey))
    except AuthenticationError as exc:
        raise ServiceUnavailable(f"the service at {info.host}:{info.port} refused this key ({exc})") from exc
    except OSError as exc:
        raise ServiceUnavailable(f"the service at {info.host}:{info.port} does not answer ({exc})") from exc


def run(conn: Connection, parameters: dict, echo: Callable[[str], None]) -> dict:
    """Send one run and relay its log lines; the run's summary, or ServiceRunFailed."""
    env = {k: v for k, v in os.environ.items() if k.startswith(ENV_PREFIX)}
    with conn:
        conn.send({"fingerprint": fingerprint(), "parameters": parameters, "env": env})
        while True:
            try:
                kind, payload = conn.recv()
            except EOFError as exc:
                raise ServiceRunFailed("the service closed the connection before the run ended") from exc
            if kind == "log":
                echo(payload)
            elif kind == "done":
                return payload
            else:
                raise ServiceRunFailed(payload)
