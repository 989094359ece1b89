"""`gwr serve`: a resident run service, so a run does not pay start-up each time.

Two processes. The service process is light: it holds Prefect's API (a temporary server unless one
is configured), listens on loopback for `gwr run`, and relays. The run process is spawned once and
imports everything a run needs (Prefect, the flow, Great Expectations and the suites, jieba and the
lexicon tokenizer); it then runs flows one after another, each a normal Prefect flow run with its
tasks, validation (in the same process: GX is already imported) and publish. Runs queue: one at a
time, as they would on one warehouse anyway. A run process that dies is replaced, and the run it
was on is reported failed; after ``max_runs`` it is replaced too, so no run inherits much state.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import secrets
import signal
import sys
from multiprocessing.connection import Connection, Listener
from pathlib import Path

from gwr.service_client import ServiceInfo, fingerprint, state_file

log = logging.getLogger("gwr.service")


class _Forward(logging.Handler):
    """Sends each log line of the run to the service, which relays it to the client."""

    def __init__(self, conn: Connection) -> None:
        super().__init__(logging.INFO)
        self.conn = conn

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.conn.send(("log", self.format(record)))
        except Exception:  # a log line must never fail the run
            self.handleError(record)


def _run_process(conn: Connection) -> None:
    """Body of the run process: warm up, then run what arrives until the pipe closes."""
    from flows.ingest import RunFailed, run_ingest

    _warm_up()
    conn.send(("ready", os.getpid()))
    forward = _Forward(conn)
    root = logging.getLogger()
    console = next((h.formatter for h in root.handlers if h.formatter is not None), None)
    forward.setFormatter(console or logging.Formatter("%(asctime)s | %(levelname)-7s | %(message)s"))
    root.addHandler(forward)  # lines as Prefect's console shows them
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        saved = dict(os.environ)
        os.environ.update(request["env"])
        try:
            conn.send(("done", run_ingest(**request["parameters"])))
        except RunFailed as exc:
            conn.send(("failed", str(exc)))
        except Exception as exc:  # the service reports it; the run process stays up
            conn.send(("failed", f"run failed: {type(exc).__name__}: {exc}"))
        finally:
            os.environ.clear()
            os.environ.update(saved)


def _warm_up() -> None:
    """Parse and validate one bundled report before the first run, so that run does not pay for
    first calls (jieba's dictionary, compiled patterns, GX's lazy imports: 2 s on a small run)."""
    import tempfile

    import polars as pl
    from prefect import flow_engine, task_engine  # noqa: F401  (else imported by the first run)

    from flows import settings, validate_worker
    from flows.parse_worker import warm_up
    from transforms.indicators import dim_indicator_rows
    from warehouse.publish import ETL_FILE_SCHEMA

    validate_worker.in_process()
    os.environ.setdefault("GWR_INLINE_MAX_BYTES", str(settings.WARM_INLINE_MAX_BYTES))  # warm: parse here
    os.environ.setdefault("GWR_PARSE_HERE", "1")  # and take one of the parse slots in larger runs
    sample = min(settings.DEFAULT_SOURCE.glob("*.txt"), default=None)
    if sample is None:  # no bundled reports here: the first run pays instead
        return
    with tempfile.TemporaryDirectory(prefix="gwr-warm-up-") as tmp:
        warm_up(sample, Path(tmp))
        indicators = pl.DataFrame(dim_indicator_rows())
        etl = pl.DataFrame(schema=ETL_FILE_SCHEMA)
        validate_worker.validate_staged(Path(tmp), etl, indicators, set(), "warm-up", None)


class RunProcess:
    """The warm run process, seen from the service: start, wait until ready, run, replace."""

    def __init__(self, max_runs: int) -> None:
        self.max_runs = max_runs
        self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        # Not daemonic: a daemonic process may not start the parse pool's processes.
        self.process = context.Process(target=_run_process, args=(child,), name="gwr-run")
        self.process.start()
        child.close()
        self.runs = 0
        self.ready = False

    def wait_ready(self) -> None:
        if not self.ready:
            kind, _ = self.conn.recv()  # EOFError if it died while importing
            assert kind == "ready", kind
            self.ready = True

    def replace(self) -> None:
        self.stop()
        self._start()

    def run(self, request: dict, client: Connection) -> None:
        """Hand over one run and relay its messages to the client until it ends."""
        try:
            self.wait_ready()
            self.conn.send({"parameters": request["parameters"], "env": request["env"]})
            while True:
                message = self.conn.recv()
                _send(client, message)
                if message[0] != "log":
                    break
        except (EOFError, OSError):
            self.process.join(5)
            _send(client, ("failed", f"the run process died (exit code {self.process.exitcode})"))
            self.replace()
            return
        self.runs += 1
        if self.runs >= self.max_runs:
            self.replace()  # warms up while the service waits for the next client

    def stop(self) -> None:
        self.conn.close()
        self.process.join(10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _send(client: Connection, message: tuple) -> None:
    with contextlib.suppress(OSError):  # the client went away (Ctrl-C): the run still finishes
        client.send(message)


def serve(port: int = 0, max_runs: int = 50) -> None:
    """Run the service until SIGINT or SIGTERM."""
    from flows import local_server

    code = fingerprint()  # of the code the run process is about to import
    api = local_server.ensure_api()
    runner = RunProcess(max_runs)  # imports on the other core while the API server starts
    if api is not None:
        api.wait_ready(float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")))
    runner.wait_ready()
    authkey = secrets.token_bytes(32)
    listener = Listener(("127.0.0.1", port), authkey=authkey)
    host, bound = listener.address
    path = state_file()
    info = ServiceInfo(host, bound, authkey.hex(), os.getpid(), code, local_server.configured_api_url())
    info.write(path)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"gwr service ready on {host}:{bound} (run process {runner.process.pid}); see {path}", flush=True)
    try:
        while True:
            try:
                client = listener.accept()
            except (multiprocessing.AuthenticationError, OSError) as exc:
                log.warning("refused a connection: %s", exc)
                continue
            with client:
                try:
                    request = client.recv()
                except (EOFError, OSError):
                    continue
                if request.get("fingerprint") != code:
                    _send(client, ("failed", "the client runs other code; restart `gwr serve`"))
                    continue
                runner.run(request, client)
    except KeyboardInterrupt:
        pass
    finally:
        if ServiceInfo.read(path) == info:
            path.unlink(missing_ok=True)
        listener.close()
        runner.stop()
        if api is not None:
            api.stop()
