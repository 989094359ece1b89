"""Connections, schema, and the run lock for the DuckDB warehouse file."""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).resolve().parent / "sql"
DOC_KEYED_TABLES = ("fact_indicator", "doc_text", "dim_document")  # child tables first


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse; raised instead of waiting forever or corrupting it."""


def sql(name: str) -> str:
    return (SQL_DIR / name).read_text(encoding="utf-8")


DEFAULT_MEMORY_LIMIT = "256MB"


def duckdb_config(default_limit: str = DEFAULT_MEMORY_LIMIT) -> dict[str, str]:
    """DuckDB takes up to 80 % of RAM for its buffers by default; a run keeps it bounded (and
    spills to disk past the limit). GWR_DUCKDB_MEMORY overrides the limit."""
    return {"memory_limit": os.environ.get("GWR_DUCKDB_MEMORY", default_limit)}


def connect(
    db_path: str | os.PathLike, *, read_only: bool = False, memory_limit: str = DEFAULT_MEMORY_LIMIT
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a lock held by another process becomes a WarehouseBusy with advice.
    ``memory_limit`` is the default GWR_DUCKDB_MEMORY overrides."""
    path = Path(db_path)
    if read_only and not path.exists():
        raise FileNotFoundError(f"no warehouse at {path} (run `gwr run --db {path}` first)")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(path), read_only=read_only, config=duckdb_config(memory_limit))
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WarehouseBusy(
                f"{path} is being written by another process; try again when that run finishes"
            ) from exc
        raise


# Tables that grow with the facts: no key index (see schema.sql); their keys are checked instead.
UNINDEXED_KEYS = {"fact_indicator": ("fact_id",), "fact_term": ("document_id", "term")}


def init_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(sql("schema.sql"))
    _drop_growing_keys(con)


def _drop_growing_keys(con: duckdb.DuckDBPyConnection) -> None:
    """A warehouse made when fact_indicator and fact_term had a PRIMARY KEY gets each table again
    without it, rows kept (DuckDB cannot drop a primary key in place). Once, in one transaction:
    a run killed meanwhile leaves the table as it was."""
    names = ", ".join(f"'{t}'" for t in UNINDEXED_KEYS)
    keyed = con.execute(
        "SELECT DISTINCT table_name FROM duckdb_constraints() WHERE database_name = current_database()"
        " AND schema_name = 'main' AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
        f" AND table_name IN ({names})"
    ).fetchall()
    for (table,) in keyed:
        con.execute("BEGIN")
        try:
            con.execute(f"ALTER TABLE {table} RENAME TO {table}__keyed")
            con.execute(sql("schema.sql"))  # creates the table again, as it is now declared
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {table}__keyed")
            con.execute(f"DROP TABLE {table}__keyed")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(sql("views.sql"))


def staging_path(db_path: str | os.PathLike) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + ".staging")


def sql_literal(value: str | int | float | bool | None) -> str:
    """A value as a SQL literal, for statements built without bound parameters (binding Python
    values makes DuckDB import pandas, seconds of start-up the flow process otherwise never pays).
    Strings are quoted the standard way, so no value can end its literal."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def quote_path(path: Path) -> str:
    """A path as a SQL string literal (only for our own derived paths, which ATTACH needs)."""
    return "'" + str(path).replace("'", "''") + "'"


@contextmanager
def run_lock(db_path: str | os.PathLike, *, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold an exclusive advisory lock for a whole run; the kernel drops it if we are killed."""
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_file = path.with_name(path.name + ".runlock")
    fh = lock_file.open("a+")
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip() or "unknown"
                    raise WarehouseBusy(
                        f"another gwr run ({holder}) is writing {path}; "
                        "wait for it or pass --wait SECONDS to queue behind it"
                    ) from None
                time.sleep(0.2)
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        yield
    finally:
        fh.close()  # closing releases the flock
