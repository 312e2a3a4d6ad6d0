"""Cells for the app: drawn once per (library, kind, data, roles), kept as text in the
shared, bounded store (``store.py``), and drawn in the worker pool for bundled data."""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import streamlit as st

from gallery.render import render_cell
from gallery.site.cells import CellJob, CellResult, render_job, text_result
from gallery.site.data import DataChoice as SiteData
from gallery.webapp.state import DataChoice
from gallery.webapp.store import CellStore, Key, start_pool


@st.cache_resource(show_spinner=False)
def store() -> CellStore:
    return CellStore()


@st.cache_resource(show_spinner=False)
def _pool() -> ProcessPoolExecutor | None:
    return start_pool()


def _key(library: str, kind: str, data: DataChoice) -> Key:
    return library, kind, data.key, data.roles_key


def _here(library: str, kind: str, data: DataChoice) -> CellResult:
    cell = render_cell(library, kind, data.frame, dict(data.overrides), dataset=data.bundled)
    return text_result(cell)


def _drawer(library: str, kind: str, data: DataChoice):
    def draw() -> Future | CellResult:
        pool = _pool() if data.bundled else None
        if pool is None:
            return _here(library, kind, data)
        job = CellJob(library, kind, SiteData(data.bundled, data.roles_key), key="",
                      verify=False)
        try:
            return pool.submit(render_job, job)
        except (BrokenProcessPool, RuntimeError):  # a dead pool: draw here instead
            return _here(library, kind, data)

    return draw


def start(libraries: list[str], kind: str, data: DataChoice) -> None:
    """Begin drawing these cards (in the pool they draw two at a time)."""
    for library in libraries:
        store().start(_key(library, kind, data), _drawer(library, kind, data))


def cell_for(library: str, kind: str, data: DataChoice) -> CellResult:
    key = _key(library, kind, data)
    try:
        return store().fetch(key, _drawer(library, kind, data))
    except BrokenProcessPool:  # a worker died: this card is drawn in the server
        return store().fetch(key, lambda: _here(library, kind, data))
