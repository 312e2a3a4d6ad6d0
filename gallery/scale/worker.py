"""One library, or one big-data cell, measured in a fresh process.

``python -m gallery.scale.worker LIBRARY --kinds scatter,histogram --sizes 1000,10000``
prints one JSON line per event on stdout (anything a library prints goes to stderr), so
the bench can time each render from outside and kill this process when a render passes
the time limit. Imports are timed apart, then every kind is drawn once at a small size to
warm up (lazy imports, font caches), and only then are the sizes measured.

Each measured render runs in a child forked just before it. The child inherits the warm
parent, and Linux starts a forked child's memory high-water mark at its size at the fork,
so its ``ru_maxrss`` at the end, less what it had at the start, is the memory the render
added at its peak (resident memory, C allocations included), measured at no cost to the
timing (tracemalloc slowed a matplotlib SVG render about fivefold). The children also keep
one render's leftovers from skewing the next."""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import sys
import time
import traceback
from collections.abc import Callable
from typing import IO, Any

import numpy as np
import pandas as pd

KINDS = ("scatter", "histogram")
ROLES = {
    "scatter": {"x": "x", "y": "y", "color": "group"},
    "histogram": {"x": "x", "color": "group"},
}
GROUPS = ("A", "B", "C")
SEED = 0
WARMUP_ROWS = 1_000
# A size whose renders have taken this long in total gets no more repeats: the large sizes
# of the slow libraries are drawn once or twice, so a full run fits in about half an hour.
REPEAT_BUDGET_SECONDS = 15.0
# render_cell stops chart code after the app's per-chart limit; here the bench's own limit
# governs, applied from outside (it kills this process), so the inner one is set past it.
CELL_SECONDS = 24 * 3600.0


def synthetic_frame(rows: int, seed: int = SEED) -> pd.DataFrame:
    """``rows`` points: x and y standard normal, ``group`` one of three levels."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "x": rng.normal(size=rows),
        "y": rng.normal(size=rows),
        "group": rng.choice(np.array(GROUPS, dtype=object), size=rows),
    })


def payload_bytes(family: str, payload: Any) -> bytes:
    """What the family sends to a page: SVG text, bokeh's json_item, plotly's figure JSON,
    or the Vega-Lite spec as JSON (the JavaScript libraries themselves not counted)."""
    if family == "matplotlib":
        return payload.encode("utf-8")
    if family == "bokeh":
        from bokeh.embed import json_item

        return json.dumps(json_item(payload)).encode("utf-8")
    if family == "plotly":
        return payload.to_json().encode("utf-8")
    if family == "vega":
        return json.dumps(payload).encode("utf-8")
    raise ValueError(f"no serialisation for output family {family!r}")


def _in_child(job: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run ``job`` in a forked child; return its result with its memory figures added:
    ``memory_growth_bytes``, the resident memory the render added at its peak, and
    ``memory_bytes``, the process's peak resident size (this process's size plus that)."""
    gc.collect()  # so that the child does not free the parent's garbage mid-measurement
    before = _resident_kib()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        try:
            start = _resident_kib()
            result = job()
            end = _resident_kib()
            # ru_maxrss (KiB on Linux) also counts the library code pages the child faults
            # back in as it runs (a fork copies no page-table entries for mapped files):
            # those are not the render's memory, so the file-backed growth is taken off.
            # What is left can be a page or two below zero for a render that fits in memory
            # the process already holds: that is zero growth, within the resolution.
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            growth = max(0, peak - start["RssAnon"] - end["RssFile"] - end["RssShmem"]) * 1024
            result["memory_growth_bytes"] = growth
            result["memory_bytes"] = before["VmRSS"] * 1024 + growth
        except BaseException as error:  # noqa: BLE001  (reported, whatever it was)
            result = {"status": "error", "message": _describe(error)}
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(json.dumps(result).encode("utf-8"))
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        return {"status": "error", "message": f"the render process died (wait status {status})"}
    return json.loads(data)


def _resident_kib() -> dict[str, int]:
    """Resident memory now, in KiB, split as the kernel counts it (anonymous, file, shmem)."""
    with open("/proc/self/status", encoding="ascii") as status:
        fields = dict(line.split(":", 1) for line in status if line.startswith(("Rss", "VmRSS")))
    return {name: int(value.split()[0]) for name, value in fields.items()}


def _describe(error: BaseException) -> str:
    last = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
    where = f" (at {last[0].filename}:{last[0].lineno})" if last else ""
    return f"{type(error).__name__}: {error}"[:500] + where


def _render_job(library: str, kind: str, frame: pd.DataFrame) -> Callable[[], dict[str, Any]]:
    from gallery.render import render_cell

    def job() -> dict[str, Any]:
        started = time.perf_counter()
        # The gallery's own path, minus the app's row limit: the library sees every row.
        cell = render_cell(library, kind, frame, ROLES[kind], limit_rows=False,
                           seconds=CELL_SECONDS)
        finished = time.perf_counter()
        if not cell.ok:
            # The first paragraph: Altair's MaxRowsError goes on with a page of advice.
            return {"status": "error", "message": cell.message.split("\n\n")[0][:500]}
        output = payload_bytes(cell.family, cell.payload)
        serialize = time.perf_counter() - finished
        return {
            "status": "ok", "seconds": cell.seconds + serialize,
            "prepare_seconds": finished - started - cell.seconds,
            "serialize_seconds": serialize, "output_bytes": len(output), "rows": cell.rows,
        }

    return job


def _big_job(key: str, function: Callable[..., Any], frame: pd.DataFrame
             ) -> Callable[[], dict[str, Any]]:
    from gallery.renderers import renderer_for
    from gallery.scale.bigdata import BIG_DATA

    family = BIG_DATA[key].family

    def job() -> dict[str, Any]:
        started = time.perf_counter()
        payload, _ = renderer_for(family).to_payload(function(frame, "x", "y"))
        output = payload_bytes(family, payload)
        return {"status": "ok", "seconds": time.perf_counter() - started, "prepare_seconds": 0.0,
                "serialize_seconds": None, "output_bytes": len(output), "rows": len(frame)}

    return job


class Worker:
    """Emits events on the protocol stream; runs the warm-up and the measured renders."""

    def __init__(self, stream: IO[str], repeats: int) -> None:
        self.stream, self.repeats = stream, repeats
        self._frames: dict[int, pd.DataFrame] = {}

    def emit(self, event: str, **fields: Any) -> None:
        self.stream.write(json.dumps({"event": event, **fields}) + "\n")
        self.stream.flush()

    def frame(self, rows: int) -> pd.DataFrame:
        if rows not in self._frames:
            self._frames = {rows: synthetic_frame(rows)}  # keep one size: 10M rows is 0.4 GB
        return self._frames[rows]

    def measure(self, kind: str, size: int, make_job: Callable[[pd.DataFrame], Any]) -> bool:
        """Draw one size up to ``repeats`` times; False when it failed (stop the kind)."""
        spent = 0.0
        for repeat in range(self.repeats):
            job = make_job(self.frame(size))
            self.emit("start", kind=kind, size=size, repeat=repeat)
            started = time.perf_counter()
            result = _in_child(job)
            spent += time.perf_counter() - started
            self.emit("render", kind=kind, size=size, repeat=repeat, **result)
            if result["status"] != "ok":
                return False
            if spent >= REPEAT_BUDGET_SECONDS:
                break
        return True


def run_library(worker: Worker, library: str, kinds: list[str], sizes: list[int]) -> None:
    from gallery.libraries import LIBRARIES
    from gallery.render import render_cell
    from gallery.sources import example_source

    started = time.perf_counter()
    example_source(LIBRARIES.get(library)).compile_kind(kinds[0])  # runs the imports
    worker.emit("ready", import_seconds=time.perf_counter() - started)
    for kind in kinds:
        started = time.perf_counter()
        cell = render_cell(library, kind, worker.frame(WARMUP_ROWS), ROLES[kind],
                           limit_rows=False, seconds=CELL_SECONDS)
        worker.emit("warmup", kind=kind, seconds=time.perf_counter() - started,
                    status=cell.status, message=cell.message[:500])
    for kind in kinds:
        for size in sizes:
            if not worker.measure(kind, size, lambda frame, k=kind: _render_job(library, k, frame)):
                break


def run_bigdata(worker: Worker, key: str, sizes: list[int]) -> None:
    from gallery.scale.bigdata import big_source

    started = time.perf_counter()
    function = big_source(key).compile()
    worker.emit("ready", import_seconds=time.perf_counter() - started)
    started = time.perf_counter()
    _big_job(key, function, worker.frame(WARMUP_ROWS))()  # compiles datashader's numba code
    worker.emit("warmup", kind="big_scatter", seconds=time.perf_counter() - started,
                status="ok", message="")
    for size in sizes:
        if not worker.measure("big_scatter", size, lambda frame: _big_job(key, function, frame)):
            break


def _protocol_stream() -> IO[str]:
    """The real stdout for events; fd 1 becomes stderr so library prints cannot mix in."""
    stream = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return stream


def _numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gallery.scale.worker")
    parser.add_argument("name", help="a library key, or a big-data cell key with --bigdata")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--sizes", type=_numbers, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--bigdata", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    worker = Worker(_protocol_stream(), args.repeats)
    try:
        if args.bigdata:
            run_bigdata(worker, args.name, args.sizes)
        else:
            run_library(worker, args.name, args.kinds.split(","), args.sizes)
    except Exception as error:  # an import or warm-up failure: the bench records it
        worker.emit("failed", message=_describe(error))
        return 1
    worker.emit("done")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
