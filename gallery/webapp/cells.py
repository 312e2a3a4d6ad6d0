"""Cells for the app: drawn once per (library, kind, data, roles), kept as text in the
shared, bounded store (``store.py``); cells of bundled data are also kept on disk
(``disk.py``) and drawn in the worker pool.

The store and the pool belong to the server process, not to a Streamlit session, so
``warm`` can begin drawing the first page before any reader connects (``serve.py``)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import Any

from gallery.datasets import DATASETS, read_dataset
from gallery.kinds import KINDS
from gallery.libraries import LIBRARIES
from gallery.render import render_cell
from gallery.site.cells import (
    CellJob,
    CellResult,
    plan_cell,
    render_job,
    settle_without_drawing,
    text_result,
)
from gallery.site.data import DataChoice as SiteData
from gallery.webapp import disk
from gallery.webapp.state import DataChoice
from gallery.webapp.store import CellStore, Key, start_pool

_LOCK = threading.Lock()
_SHARED: dict[str, object] = {}


def _shared(name: str, make: Callable[[], object]) -> Any:
    """One ``make()`` per server process, however many sessions ask at once."""
    with _LOCK:
        if name not in _SHARED:
            _SHARED[name] = make()
        return _SHARED[name]


def store() -> CellStore:
    return _shared("store", CellStore)


def _pool() -> ProcessPoolExecutor | None:
    return _shared("pool", start_pool)


def _key(library: str, kind: str, data: DataChoice) -> Key:
    return library, kind, data.key, data.roles_key


def _here(library: str, kind: str, data: DataChoice) -> CellResult:
    cell = render_cell(library, kind, data.frame, dict(data.overrides), dataset=data.bundled)
    return text_result(cell)


def _in_pool(job: CellJob, data: DataChoice) -> Future | CellResult:
    """A bundled-data cell: from disk, or drawn in a worker (and then kept on disk)."""
    kept = disk.read(job)
    if kept is not None:
        return kept
    pool = _pool()
    future = None
    if pool is not None:
        try:
            future = pool.submit(render_job, replace(job, verify=False))
        except (BrokenProcessPool, RuntimeError):  # a dead pool: drawn here instead
            future = None
    if future is None:
        result = _here(job.library, job.kind, data)
        disk.write(job, result)
        return result
    future.add_done_callback(lambda done: None if done.exception() else
                             disk.write(job, done.result()))
    return future


def _drawer(library: str, kind: str, data: DataChoice):
    def draw() -> Future | CellResult:
        if not data.bundled:  # a reader's upload: drawn here, never kept on disk
            return _here(library, kind, data)
        choice = SiteData(data.bundled, data.roles_key)
        job = plan_cell(library, kind, choice)
        if job is None:  # nothing to draw: the card says why
            return settle_without_drawing(library, kind, choice)
        return _in_pool(job, data)

    return draw


def start(libraries: list[str], kind: str, data: DataChoice) -> list[Future]:
    """Begin drawing these cards (in the pool they draw two at a time)."""
    return [store().start(_key(library, kind, data), _drawer(library, kind, data))
            for library in libraries]


def cell_for(library: str, kind: str, data: DataChoice) -> CellResult:
    key = _key(library, kind, data)
    try:
        return store().fetch(key, _drawer(library, kind, data))
    except BrokenProcessPool:  # a worker died: this card is drawn in the server
        return store().fetch(key, lambda: _here(library, kind, data))


def warm(dataset: str = "penguins", kind: str | None = None) -> list[Future]:
    """Begin drawing the page a first visit opens on (every library's card of the first
    chart kind), outside any session: a reader who connects then finds it drawn or being
    drawn. Also imports what showing a card needs, which a first page would wait for."""
    data = DataChoice(dataset, DATASETS[dataset].title, read_dataset(dataset), dataset)
    drawing = start(LIBRARIES.names(), kind or next(iter(KINDS)), data)
    import plotly.io  # noqa: F401 - Plotly cards are rebuilt from their JSON with it
    import vl_convert  # noqa: F401 - Vega facet cards are drawn to SVG with it

    return drawing


def stop_pool() -> None:
    with _LOCK:
        pool = _SHARED.pop("pool", None)
    if pool is not None:
        pool.shutdown()
