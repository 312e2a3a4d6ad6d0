"""``python -m gallery bench scale``: how each library copes as the data grows.

Orchestration only. Each library runs in a fresh worker process (gallery.scale.worker),
so one library's imports, caches and leftovers never touch another's figures; this module
reads the worker's events, kills it when one render passes the time limit (that size is
the library's ceiling for the chart kind), restarts a fresh worker for the kinds left,
and writes the versioned JSON (gallery.scale.results)."""

from __future__ import annotations

import argparse
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from gallery.libraries import LIBRARIES
from gallery.scale import results as res
from gallery.scale.bigdata import BIG_DATA
from gallery.scale.worker import KINDS, REPEAT_BUDGET_SECONDS, SEED

ROOT = Path(__file__).resolve().parents[2]
SIZES = (1_000, 10_000, 100_000, 1_000_000)
BIGDATA_SIZES = (1_000_000, 10_000_000)
BIG_KIND = "big_scatter"
# Imports, warm-up renders and making the data are not renders, but a worker that hangs
# there must still be stopped.
SETUP_SECONDS = 180.0
_BASE_DISTRIBUTIONS = ["numpy", "pandas", "matplotlib", "bokeh", "plotly", "altair"]

SETTINGS_TEXT = {
    "repeat_policy": (
        "each size is drawn up to `repeats` times, in a fresh forked child each time; once a "
        f"size's renders have taken {REPEAT_BUDGET_SECONDS:.0f} s in total it is not drawn "
        "again, so the large sizes of slow libraries have fewer repeats (see each record's "
        "`repeats`)"),
    "time_measure": (
        "seconds: the chart function plus its family's payload and serialisation "
        "(matplotlib figure to SVG text; bokeh model to json_item JSON; plotly figure to_json; "
        "Vega-Lite spec dict to JSON), after a warm-up render in the same process; "
        "prepare_seconds: the gallery's data cleaning before it; a render (cleaning "
        "included) still running after limit_seconds is killed"),
    "memory_measure": (
        "from getrusage ru_maxrss of a child forked just before the render (Linux starts its "
        "high-water mark at its size at the fork): memory_growth_bytes is the resident memory "
        "the render added at its peak, file-backed code pages taken off; memory_bytes is the "
        "process's peak resident size, imports and data included (not tracemalloc, which "
        "slowed matplotlib's SVG output about fivefold)"),
    "bytes_measure": (
        "bytes of the serialised payload: the SVG text for matplotlib-family libraries, the "
        "bokeh json_item JSON, the plotly figure JSON and the Vega-Lite spec JSON; the "
        "JavaScript libraries themselves are not counted"),
}


@dataclass
class _Run:
    """What one library's (or big-data cell's) workers reported, across restarts."""

    name: str
    kinds: list[str]
    sizes: list[int]
    runs: dict[tuple[str, int], list[dict[str, Any]]] = field(default_factory=dict)
    stopped: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)
    startup: dict[str, Any] | None = None

    def stop(self, kind: str, size: int, status: str, message: str) -> None:
        self.stopped[(kind, size)] = (status, message)

    def finished(self, kind: str) -> bool:
        return any(k == kind for k, _ in self.stopped) or (kind, self.sizes[-1]) in self.runs

    def records(self) -> list[dict[str, Any]]:
        found = []
        for kind in self.kinds:
            for size in self.sizes:
                runs = self.runs.get((kind, size), [])
                status, message = self.stopped.get((kind, size), (res.OK, ""))
                if runs or (kind, size) in self.stopped:
                    found.append(res.record(self.name, kind, size, runs, status, message))
                if (kind, size) in self.stopped:
                    break
        return found


def _pump(stream: IO[str], lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def _events(command: list[str], limit_seconds: float) -> Iterator[dict[str, Any]]:
    """The worker's events; a final ``timeout`` or ``crashed`` event when it did not end
    by itself. The worker (and any render child) is killed when the consumer stops."""
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONUNBUFFERED": "1"}
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as errors:
        # A session of its own, so that one kill reaches the forked render child too.
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True,
                                   cwd=ROOT, env=env, start_new_session=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True).start()
        rendering = False
        try:
            while True:
                try:
                    line = lines.get(timeout=limit_seconds if rendering else SETUP_SECONDS)
                except queue.Empty:
                    yield {"event": "timeout", "rendering": rendering}
                    return
                if line is None:
                    process.wait()
                    errors.seek(0)
                    tail = errors.read()[-600:].strip()
                    yield {"event": "crashed", "message": f"the worker exited with code "
                           f"{process.returncode}: {tail or 'no message'}"}
                    return
                event = json.loads(line)
                rendering = event["event"] == "start"
                yield event
                if event["event"] in {"done", "failed"}:
                    return
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)  # this worker's session only
            process.wait()


def _startup(name: str) -> dict[str, Any]:
    return {"library": name, "status": res.OK, "import_seconds": None, "warmup_seconds": {},
            "message": ""}


def _follow(run: _Run, command: list[str], limit_seconds: float, report: Callable[[str], None]
            ) -> bool:
    """Feed one worker's events into ``run``; True when the worker made progress."""
    current: tuple[str, int] | None = None
    progressed = False
    for event in _events(command, limit_seconds):
        kind = event["event"]
        if kind == "ready" and run.startup["import_seconds"] is None:
            run.startup["import_seconds"] = event["import_seconds"]
        elif kind == "warmup":
            run.startup["warmup_seconds"].setdefault(event["kind"], event["seconds"])
        elif kind == "start":
            current = (event["kind"], event["size"])
        elif kind == "render":
            progressed = True
            run.runs.setdefault(current, []).append(event)
            if event["status"] != res.OK:
                run.stop(*current, res.ERROR, event.get("message", ""))
                report(f"  {run.name} {current[0]} {current[1]:,}: error: {event['message']}")
            elif event["repeat"] == 0:
                report(f"  {run.name} {current[0]} {current[1]:,}: {event['seconds']:.3g} s, "
                       f"{event['output_bytes']:,} bytes")
        elif kind == "timeout" and current is not None and event["rendering"]:
            progressed = True
            run.stop(*current, res.TIMEOUT, f"not finished within {limit_seconds:g} s: stopped")
            report(f"  {run.name} {current[0]} {current[1]:,}: over {limit_seconds:g} s, stopped")
        elif kind in {"failed", "crashed", "timeout"}:
            message = event.get("message") or "the worker stalled outside a render"
            _fail(run, current, message)
            report(f"  {run.name}: {message}")
    return progressed


def _fail(run: _Run, current: tuple[str, int] | None, message: str) -> None:
    """A worker that failed outside a render: the cell it was on (or every kind left, at
    its first unmeasured size) is recorded as an error."""
    if current is not None:
        run.stop(*current, res.ERROR, message)
        return
    run.startup.update(status=res.ERROR, message=message)
    for kind in [k for k in run.kinds if not run.finished(k)]:
        size = next(s for s in run.sizes if (kind, s) not in run.runs)
        run.stop(kind, size, res.ERROR, message)


def measure(name: str, sizes: list[int], repeats: int, limit_seconds: float,
            report: Callable[[str], None] = print, bigdata: bool = False) -> _Run:
    """Measure one library (or big-data cell) in fresh workers until every kind is done."""
    run = _Run(name, [BIG_KIND] if bigdata else list(KINDS), list(sizes), startup=_startup(name))
    while True:
        left = [kind for kind in run.kinds if not run.finished(kind)]
        if not left:
            return run
        command = [sys.executable, "-m", "gallery.scale.worker", name,
                   "--sizes", ",".join(map(str, sizes)), "--repeats", str(repeats)]
        command += ["--bigdata"] if bigdata else ["--kinds", ",".join(left)]
        if not _follow(run, command, limit_seconds, report) and run.startup["status"] == res.OK:
            _fail(run, None, "the worker stopped without drawing anything")


def _distributions(libraries: list[str], cells: list[str]) -> list[str]:
    names = [LIBRARIES.get(library).distribution for library in libraries]
    names += [d for cell in cells for d in BIG_DATA[cell].distributions]
    return names + _BASE_DISTRIBUTIONS


def run_scale(sizes: list[int], repeats: int, limit_seconds: float, libraries: list[str],
              bigdata: list[str], bigdata_sizes: list[int],
              report: Callable[[str], None] = print) -> res.Results:
    """Measure every library in ``libraries`` and every big-data cell in ``bigdata``."""
    results: res.Results = {
        "schema_version": res.SCHEMA_VERSION, "created": res.now(), "machine": res.machine(),
        "versions": res.versions(_distributions(libraries, bigdata)),
        "settings": {"sizes": list(sizes), "kinds": list(KINDS), "repeats": repeats,
                     "limit_seconds": limit_seconds, "seed": SEED, **SETTINGS_TEXT},
        "libraries": [], "records": [], "ceilings": [],
        "bigdata": {"sizes": list(bigdata_sizes), "cells": [], "records": [], "ceilings": []},
    }
    for library in libraries:
        report(f"{library} ({LIBRARIES.get(library).name})")
        run = measure(library, sizes, repeats, limit_seconds, report)
        results["libraries"].append(run.startup)
        results["records"] += run.records()
    for cell in bigdata:
        report(f"big data: {cell}")
        run = measure(cell, bigdata_sizes, repeats, limit_seconds, report, bigdata=True)
        results["bigdata"]["cells"].append(run.startup)
        results["bigdata"]["records"] += run.records()
    results["ceilings"] = res.ceilings(results["records"])
    results["bigdata"]["ceilings"] = res.ceilings(results["bigdata"]["records"])
    results["machine"]["load_average"]["end"] = os.getloadavg()[0]
    return results


def _names(values: list[str], known: list[str], what: str) -> list[str]:
    """Names given space- or comma-separated, checked against ``known``."""
    names = [name for value in values for name in value.split(",") if name]
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise SystemExit(f"unknown {what}: {', '.join(unknown)}; choose from {', '.join(known)}")
    return names


def _sizes(text: str) -> list[int]:
    return sorted({int(part.replace("_", "")) for part in text.split(",") if part})


def cmd_scale(args: argparse.Namespace) -> int:
    libraries = _names(args.libraries, LIBRARIES.names(), "library") or LIBRARIES.names()
    bigdata = [] if args.no_bigdata else (_names(args.bigdata, list(BIG_DATA), "big-data cell")
                                          or list(BIG_DATA))
    results = run_scale(args.sizes, args.repeats, args.limit_seconds, libraries, bigdata,
                        args.bigdata_sizes, report=lambda line: print(line, flush=True))
    res.write_results(results, Path(args.out))
    print(f"wrote {args.out}: {len(results['records'])} records, "
          f"{len(results['bigdata']['records'])} big-data records")
    return 0


def add_bench_parser(commands: Any) -> None:
    """``bench scale`` (the gallery's other benchmarks live in benchmarks/)."""
    bench = commands.add_parser("bench", help="measure the libraries")
    which = bench.add_subparsers(dest="bench", required=True)
    scale = which.add_parser(
        "scale", help="render time, memory and output size as the data grows",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    scale.add_argument("--sizes", type=_sizes, default=list(SIZES),
                       help="rows to draw, comma-separated (default 1000,10000,100000,1000000)")
    scale.add_argument("--repeats", type=int, default=3, help="renders per size (default 3)")
    scale.add_argument("--limit-seconds", type=float, default=60.0,
                       help="a render still running after this is killed: the ceiling")
    scale.add_argument("--libraries", nargs="*", default=[], help="default: every library")
    scale.add_argument("--bigdata", nargs="*", default=[],
                       help=f"big-data cells (default: all of {', '.join(BIG_DATA)})")
    scale.add_argument("--no-bigdata", action="store_true", help="skip the big-data cells")
    scale.add_argument("--bigdata-sizes", type=_sizes, default=list(BIGDATA_SIZES),
                       help="rows for the big-data cells (default 1000000,10000000)")
    scale.add_argument("--out", default=str(res.RESULTS_PATH.relative_to(ROOT)),
                       help="the JSON to write (default gallery/data/scale.json)")
    scale.set_defaults(run=cmd_scale)
