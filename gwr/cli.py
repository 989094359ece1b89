"""`gwr`: run the ingest flow, and query the warehouse read-only."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from gwr.memory import limit_malloc_arenas
from gwr.native import activate

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # no network at run time
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
# The throwaway local API server gets 20 s to start by default: too little on a busy 2-core machine.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
limit_malloc_arenas()  # here and in every process a run starts (gwr/memory.py)
activate()  # the compiled parser, if `make native` built it for these sources (gwr/native.py)

app = typer.Typer(add_completion=False, no_args_is_help=False, help=__doc__)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB warehouse file.")]


def _default_db() -> Path:
    from flows.settings import DEFAULT_DB

    return DEFAULT_DB


class ServiceMode(StrEnum):
    auto = "auto"
    on = "on"
    off = "off"


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"


_REFUSALS = ("read-only", "file system operations are disabled", "cannot change configuration")


def _fail(message: str, code: int = 1) -> NoReturn:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


@app.command()
def run(
    source: Annotated[
        Path | None, typer.Option(help="Directory of report files (default: bundled samples).")
    ] = None,
    db: Annotated[Path | None, typer.Option(help="DuckDB warehouse file (default: data/gwr.duckdb).")] = None,
    workers: Annotated[int | None, typer.Option(help="Local worker processes (default: all cores).")] = None,
    dask_address: Annotated[
        str | None,
        typer.Option(
            envvar="GWR_DASK_ADDRESS",
            help="Run task work on this Dask scheduler, e.g. tcp://127.0.0.1:8786.",
        ),
    ] = None,
    wait: Annotated[float, typer.Option(help="Seconds to wait for another run on the same db.")] = 0.0,
    max_file_bytes: Annotated[
        int | None, typer.Option(help="Quarantine larger files as too_large (default: 50 MB).")
    ] = None,
    summary_json: Annotated[
        Path | None, typer.Option(help="Also write the run summary (counts, seconds per step) as JSON here.")
    ] = None,
    service: Annotated[
        ServiceMode,
        typer.Option(
            envvar="GWR_SERVICE",
            help="Run on a running `gwr serve` (auto: when one is up for this code), or always/never.",
        ),
    ] = ServiceMode.auto,
) -> None:
    """Run the ingest flow: stage, clean, parse, validate, publish."""
    from flows import settings
    from gwr.lifetime import terminate_like_interrupt

    terminate_like_interrupt()  # a scheduler's SIGTERM: stop the server and workers this run starts

    source = source or settings.DEFAULT_SOURCE
    db = db or settings.DEFAULT_DB
    if not source.is_dir():
        _fail(f"source directory {source} does not exist", 2)
    limits = {"max_file_bytes": max_file_bytes} if max_file_bytes else {}
    parameters = dict(
        source=str(source.resolve()), db=str(db.resolve()), workers=workers, wait_seconds=wait, **limits
    )
    summary = None
    if service is not ServiceMode.off and not dask_address:
        summary = _run_on_service(parameters, required=service is ServiceMode.on)
    elif service is ServiceMode.on:
        _fail("--service on cannot be combined with a Dask scheduler", 2)
    if summary is None:
        summary = _run_here(parameters, dask_address)
    if summary_json is not None:
        summary_json.write_text(json.dumps(summary, indent=2, default=str), encoding="utf-8")
    typer.echo(
        f"run {summary['run_id']}: {summary['n_seen']} files seen, {summary['n_loaded']} loaded, "
        f"{summary['n_unchanged']} unchanged, {summary['n_duplicate']} duplicate, "
        f"{summary['n_quarantined']} quarantined, {summary['n_facts']} facts -> {db}"
    )


def _run_on_service(parameters: dict, required: bool) -> dict | None:
    """The run's summary from `gwr serve`; None (after saying why, if one was expected) to run here."""
    from flows.local_server import configured_api_url
    from gwr import service_client

    try:
        conn = service_client.connect(configured_api_url())
    except service_client.ServiceUnavailable as exc:
        if required:
            _fail(str(exc), 2)
        if service_client.state_file().exists():
            typer.secho(f"note: not using the gwr service: {exc}", err=True, fg=typer.colors.YELLOW)
        return None
    try:
        return service_client.run(conn, parameters, echo=lambda line: typer.echo(line, err=True))
    except service_client.ServiceRunFailed as exc:
        _fail(str(exc))


def _run_here(parameters: dict, dask_address: str | None) -> dict:
    """The flow in this process, with Prefect's API and the validator started first."""
    from flows import local_server

    # Both start first, as subprocesses, so their imports run on the other core while this one's do.
    try:
        server = local_server.ensure_api()
    except local_server.ServerFailed as exc:
        _fail(str(exc))
    from flows import validate_worker

    validate_worker.start()
    from flows.ingest import RunFailed, ingest, run_ingest

    flow_fn = ingest
    if dask_address:
        from prefect_dask import DaskTaskRunner

        flow_fn = ingest.with_options(task_runner=DaskTaskRunner(address=dask_address))
        parameters = dict(parameters, mode="inline")
    try:
        if server is not None:
            server.wait_ready(float(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]))
    except local_server.ServerFailed as exc:
        _fail(str(exc))
    try:
        return run_ingest(flow_fn, **parameters)
    except RunFailed as exc:
        _fail(str(exc))


@app.command()
def serve(
    port: Annotated[int, typer.Option(help="Loopback port to listen on (default: any free one).")] = 0,
    max_runs: Annotated[int, typer.Option(help="Replace the warm run process after this many runs.")] = 50,
) -> None:
    """Keep a warm run process on loopback, so `gwr run` skips start-up (Ctrl-C stops it)."""
    from flows.local_server import ServerFailed
    from flows.service import serve as serve_forever

    try:
        serve_forever(port=port, max_runs=max_runs)
    except ServerFailed as exc:
        _fail(str(exc))


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL to run (read-only).")],
    db: Annotated[Path | None, typer.Option(help="DuckDB warehouse file.")] = None,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
    out: Annotated[
        Path | None, typer.Option(help="Write to this file instead of stdout (required for parquet).")
    ] = None,
    max_rows: Annotated[int, typer.Option(help="Rows shown in table format.")] = 50,
) -> None:
    """Run SQL against the warehouse, opened read-only: writes are refused."""
    import duckdb
    import polars as pl

    from warehouse.db import WarehouseBusy, connect

    db = db or _default_db()
    try:
        con = connect(db, read_only=True)
    except (FileNotFoundError, WarehouseBusy) as exc:
        _fail(str(exc), 2)
    # Read-only covers the database; these close the side doors: no files read or written
    # (COPY ... TO, read_csv), no extensions loaded, and the settings cannot be changed back.
    con.execute("SET enable_external_access = false")
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET autoload_known_extensions = false")
    con.execute("SET lock_configuration = true")
    try:
        frame = con.execute(sql).pl()
    except duckdb.Error as exc:
        first = str(exc).splitlines()[0]
        if any(cue in first.lower() for cue in _REFUSALS):
            _fail(f"refused: `gwr query` is read-only and cannot touch files ({first})", 3)
        _fail(str(exc).splitlines()[0], 2)
    finally:
        con.close()
    if format is OutputFormat.parquet:
        if out is None:
            _fail("--format parquet needs --out FILE", 2)
        frame.write_parquet(out)
        typer.echo(f"wrote {frame.height} rows to {out}", err=True)
        return
    if format is OutputFormat.table:
        with pl.Config(
            tbl_rows=max_rows,
            tbl_cols=-1,
            fmt_str_lengths=60,
            tbl_width_chars=200,
            tbl_hide_dataframe_shape=True,
        ):
            text = str(frame)
        text += f"\n({frame.height} rows)"
    elif format is OutputFormat.csv:
        text = frame.write_csv()
    else:
        text = frame.write_json()
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text.rstrip("\n") + "\n")


@app.command()
def summary(db: Annotated[Path | None, typer.Option(help="DuckDB warehouse file.")] = None) -> None:
    """Tell what is in the warehouse: documents, regions, facts, runs."""
    from warehouse.db import WarehouseBusy, connect
    from warehouse.summary import summary_text

    try:
        con = connect(db or _default_db(), read_only=True)
    except (FileNotFoundError, WarehouseBusy) as exc:
        _fail(str(exc), 2)
    try:
        typer.echo(summary_text(con))
    finally:
        con.close()


@app.command()
def dashboard(
    db: Annotated[Path | None, typer.Option(help="DuckDB warehouse file.")] = None,
    out: Annotated[Path, typer.Option(help="Directory for index.html (static, opens offline).")] = Path(
        "out/dashboard"
    ),
) -> None:
    """Write a static HTML dashboard (inline SVG charts, no network needed) of the warehouse."""
    from warehouse.dashboard import write_dashboard
    from warehouse.db import WarehouseBusy

    try:
        page = write_dashboard(db or _default_db(), out)
    except (FileNotFoundError, WarehouseBusy) as exc:
        _fail(str(exc), 2)
    typer.echo(f"wrote {page}")


if __name__ == "__main__":
    app()
