"""`make bench`: the real flow and the naive peer on the same generated corpus, with figures.

For each corpus size: generate (or reuse) the corpus, run `gwr run` into a fresh warehouse as a
subprocess (wall time, peak RSS and CPU seconds of the whole process tree, seconds per step), run
it again with nothing changed, run the naive peer, and print docs/s, MB/s and the ratio. Also
measures the fixed overhead of a run on a one-document source. Results go to
bench/results/<timestamp>.json.
Figures only: nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from bench.corpus import corpus_bytes, generate
from gwr import native
from gwr.service_client import ServiceInfo

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


@dataclass
class Usage:
    """What a process tree used while a command ran: the highest RSS it reached, what each of its
    processes held then, and the CPU seconds of all of them (user + system)."""

    mb: float = 0.0
    processes: list[tuple[str, int]] = field(default_factory=list)  # (role, MB), largest first
    cpu_s: float = 0.0

    def busy_pct(self, wall: float) -> float:
        """CPU seconds as a share of what every core could give in ``wall`` seconds."""
        return round(100 * self.cpu_s / (wall * (os.cpu_count() or 1)))


def _role(p: psutil.Process, roots: dict[int, str]) -> str:
    """What a process of the tree is, from its command line: spawned processes (parse workers,
    the validator, the service's run process) are named after the process that started them."""
    if p.pid in roots:
        return roots[p.pid]
    cmd = " ".join(p.cmdline())
    if "uvicorn" in cmd:
        return "prefect api server"
    if "resource_tracker" in cmd:
        return "resource tracker"
    parent = p.parent()
    return f"spawned by {_role(parent, roots) if parent else '?'}"


def _measured(
    cmd: list[str], env: dict | None = None, also: int | None = None, roles: tuple[str, str] = ("run", "")
) -> tuple[float, Usage, subprocess.CompletedProcess]:
    """Run ``cmd``; return (wall seconds, what its process tree and ``also``'s used, the process
    doing the work for a client, completed process). ``roles`` name the two roots.

    CPU is sampled with the memory: a process that exits between two samples loses its last
    0.2 s, so the CPU figure is a slight undercount. A process that was running before the
    command (the service, its API server) counts only what it used from then on."""
    start, started_at = time.perf_counter(), time.time()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    usage = Usage()
    cpu: dict[tuple[int, float], tuple[float, float]] = {}  # (pid, created) -> (CPU at first sight, now)
    stop = threading.Event()

    def sample() -> None:
        roots = {pid: role for pid, role in zip((proc.pid, also), roles, strict=True) if pid is not None}
        while not stop.is_set():
            try:
                tree = [
                    p
                    for pid in roots
                    for p in (psutil.Process(pid), *psutil.Process(pid).children(recursive=True))
                ]
                held = []
                for p in tree:
                    with contextlib.suppress(psutil.Error):
                        times, created = p.cpu_times(), p.create_time()
                        used = times.user + times.system
                        first = cpu.get((p.pid, created), (0.0 if created >= started_at else used,))[0]
                        cpu[(p.pid, created)] = (first, used)
                        held.append((_role(p, roots), p.memory_info().rss / 1e6))
                total = sum(mb for _, mb in held)
                if total > usage.mb:
                    usage.mb = total
                    usage.processes = sorted(((r, round(mb)) for r, mb in held), key=lambda x: -x[1])
            except psutil.Error:
                pass
            usage.cpu_s = sum(now - first for first, now in cpu.values())
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    stop.set()
    sampler.join()
    return time.perf_counter() - start, usage, subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def _gwr(
    source: Path,
    db: Path,
    summary: Path,
    home: Path,
    api_url: str | None = None,
    service: Service | None = None,
) -> tuple[float, Usage, dict]:
    """`gwr run` in its own process, or on ``service``."""
    env = service.env if service else _env(home)
    if api_url:
        env["PREFECT_API_URL"] = api_url
    cmd = [sys.executable, "-m", "gwr.cli", "run", "--source", str(source), "--db", str(db)]
    cmd += ["--summary-json", str(summary), "--service", "on" if service else "off"]
    roles = ("gwr run (client)", "gwr serve") if service else ("gwr run", "")
    wall, usage, proc = _measured(cmd, env, also=service.info.pid if service else None, roles=roles)
    if proc.returncode != 0:
        raise SystemExit(f"gwr run failed:\n{proc.stderr[-3000:]}")
    return wall, usage, json.loads(summary.read_text())


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.pop("PREFECT_API_URL", None)
    return env


class Service:
    """`gwr serve` for the runs measured on it: started, waited for, stopped."""

    def __init__(self, work: Path) -> None:
        state = work / "service.json"
        self.env = _env(work / "home-service") | {"GWR_SERVICE_FILE": str(state)}
        cmd = [sys.executable, "-m", "gwr.cli", "serve"]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 300
        while not state.exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("gwr serve did not start")
            time.sleep(0.2)
        self.info = ServiceInfo.read(state)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(60)


def _flow_figures(n: int, mb: float, wall: float, usage: Usage, summary: dict) -> dict:
    steps = summary["timings"]
    return {
        "wall_s": round(wall, 1),
        "docs_per_s": round(n / wall, 1),
        "mb_per_s": round(mb / wall, 2),
        "peak_rss_mb": round(usage.mb),
        "peak_processes_mb": usage.processes,
        "cpu_s": round(usage.cpu_s, 1),
        "cpu_busy_pct": usage.busy_pct(wall),
        "loaded": summary["n_loaded"],
        "quarantined": summary["n_quarantined"],
        "facts": summary["n_facts"],
        "steps_s": {k: round(v, 1) for k, v in steps.items()},
        "steps_mb_per_s": {k: round(mb / v, 1) for k, v in steps.items() if v > 0},
    }


def bench(n: int, work: Path, service: Service | None) -> dict:
    """The flow as a one-shot `gwr run`, then on the service (peak RSS: client and service), each
    into a new warehouse and again with nothing changed; then the naive peer."""
    corpus = generate(n, BENCH / "corpus" / str(n))
    mb = corpus_bytes(corpus) / 1e6
    figures: dict = {"docs": n, "mb": round(mb, 1)}
    for label, on in (("flow", None), ("service", service)) if service else (("flow", None),):
        db = work / f"gwr-{n}-{label}.duckdb"
        wall, usage, summary = _gwr(corpus, db, work / f"s{n}.json", work / f"home{n}", service=on)
        print(
            f"[{n} docs] {label}: {wall:.1f} s, peak RSS {usage.mb:.0f} MB, CPU {usage.cpu_s:.1f} s, "
            f"steps {summary['timings']}",
            flush=True,
        )
        rerun_wall, _, rerun = _gwr(corpus, db, work / f"r{n}.json", work / f"home{n}", service=on)
        print(f"[{n} docs] {label}: no-change re-run {rerun_wall:.1f} s", flush=True)
        figures[label] = _flow_figures(n, mb, wall, usage, summary)
        figures[label]["rerun"] = {"wall_s": round(rerun_wall, 1), "unchanged": rerun["n_unchanged"]}
        db.unlink()
    naive_wall, naive_usage, naive_proc = _measured(
        [sys.executable, "-m", "bench.naive", str(corpus), str(work / f"naive-{n}.duckdb")]
    )
    naive = json.loads(naive_proc.stdout)
    figures["naive"] = {
        "wall_s": round(naive_wall, 1),
        "docs_per_s": round(n / naive_wall, 1),
        "mb_per_s": round(mb / naive_wall, 2),
        "peak_rss_mb": round(naive_usage.mb),
        "cpu_s": round(naive_usage.cpu_s, 1),
        "cpu_busy_pct": naive_usage.busy_pct(naive_wall),
        "rows": naive["rows"],
    }
    for label in ("flow", "service"):
        if label in figures:
            figures[label]["vs_naive_mb_per_s"] = round(naive_wall / figures[label]["wall_s"], 2)
    return figures


def overhead(work: Path, service: Service | None) -> dict[str, float]:
    """Wall time of a one-document run: cold (a new Prefect home, as on a fresh machine or in CI),
    warm (the same home again, as for a user), against an API server that is already running
    (as for scheduled runs, which a worker starts against the Prefect server), and on `gwr serve`."""
    from flows.local_server import TemporaryServer

    one = work / "one"
    one.mkdir()
    shutil.copy(next((ROOT / "samples").glob("001_*.txt")), one)
    home = work / "home-one"
    cold, _, _ = _gwr(one, work / "one-a.duckdb", work / "one-a.json", home)
    warm, _, _ = _gwr(one, work / "one-b.duckdb", work / "one-b.json", home)
    os.environ["PREFECT_HOME"] = str(home)
    server = TemporaryServer()
    try:
        server.wait_ready(120)
        _gwr(one, work / "one-c.duckdb", work / "one-c.json", home, server.api_url)  # registers the flow
        live, _, _ = _gwr(one, work / "one-d.duckdb", work / "one-d.json", home, server.api_url)
    finally:
        server.stop()
    figures = {"cold_s": round(cold, 1), "warm_s": round(warm, 1), "live_server_s": round(live, 1)}
    if service is not None:
        runs = [
            _gwr(one, work / f"one-s{i}.duckdb", work / "one-s.json", home, service=service)[0]
            for i in range(3)
        ]
        figures["service_first_s"] = round(runs[0], 1)  # the run process's first flow run
        figures["service_s"] = round(min(runs[1:]), 1)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, action="append", help="corpus size (repeatable)")
    parser.add_argument("--skip-overhead", action="store_true", help="skip the 1-document run")
    parser.add_argument("--skip-service", action="store_true", help="skip the runs on `gwr serve`")
    args = parser.parse_args()
    sizes = args.docs or [1000]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB"
    parser = "compiled (mypyc, make native)" if native.available() else "interpreted"
    results = {"machine": machine, "python": platform.python_version(), "parser": parser, "runs": []}
    out = BENCH / "results"
    out.mkdir(exist_ok=True)
    path = out / (dt.datetime.now().strftime("%Y%m%dT%H%M%S") + ".json")
    with tempfile.TemporaryDirectory(prefix="gwr-bench-") as tmp:
        work = Path(tmp)
        service = None if args.skip_service else Service(work)
        try:
            if not args.skip_overhead:
                results["fixed_overhead_s"] = overhead(work, service)
            print(
                f"machine: {machine}; parser {parser}; fixed overhead of a 1-document run:"
                f" {results.get('fixed_overhead_s')}"
            )
            for n in sizes:
                r = bench(n, work, service)
                results["runs"].append(r)
                path.write_text(json.dumps(results, indent=2, ensure_ascii=False))  # keep what is done
                _print(r)
        finally:
            if service is not None:
                service.stop()
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"\nwrote {path}")


def _print(r: dict) -> None:
    n, nv = r["docs"], r["naive"]
    print(f"\n{n} docs, {r['mb']} MB")
    for label, name in (("flow", "gwr run"), ("service", "gwr run on gwr serve")):
        if label not in r:
            continue
        f = r[label]
        print(
            f"  {name}: {f['wall_s']} s wall, {f['docs_per_s']} docs/s, {f['mb_per_s']} MB/s, "
            f"peak RSS {f['peak_rss_mb']} MB, {f['loaded']} loaded, {f['quarantined']} quarantined, "
            f"{f['facts']} facts\n"
            f"    CPU: {f['cpu_s']} s, {f['cpu_busy_pct']} % of all cores busy\n"
            f"    at the peak: " + ", ".join(f"{role} {mb} MB" for role, mb in f["peak_processes_mb"]) + "\n"
            "    steps: " + ", ".join(f"{k} {v} s ({f['steps_mb_per_s'].get(k, '-')} MB/s)"
                                     for k, v in f["steps_s"].items()) + "\n"
            f"    no-change re-run: {f['rerun']['wall_s']} s ({f['rerun']['unchanged']} unchanged)\n"
            f"    flow / naive, MB/s: {f['vs_naive_mb_per_s']}"
        )  # fmt: skip
    print(
        f"  naive: {nv['wall_s']} s wall, {nv['docs_per_s']} docs/s, {nv['mb_per_s']} MB/s, "
        f"peak RSS {nv['peak_rss_mb']} MB, CPU {nv['cpu_s']} s ({nv['cpu_busy_pct']} % of all cores)",
        flush=True,
    )


if __name__ == "__main__":
    main()
