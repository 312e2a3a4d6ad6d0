"""Cells for the app, rendered once per (library, kind, data, roles) and kept."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from gallery.render import Cell, render_cell
from gallery.webapp.state import DataChoice


@st.cache_resource(show_spinner=False, max_entries=4000)
def _cached_cell(
    library: str,
    kind: str,
    data_key: str,
    roles_key: tuple[tuple[str, str], ...],
    _frame: pd.DataFrame,
    _bundled: str | None,
) -> Cell:
    # The frame is not hashed (data_key names it); the rendered Cell is shared read-only.
    return render_cell(library, kind, _frame, dict(roles_key), dataset=_bundled)


def cell_for(library: str, kind: str, data: DataChoice) -> Cell:
    return _cached_cell(library, kind, data.key, data.roles_key, data.frame, data.bundled)


def cells_for(libraries: list[str], kind: str, data: DataChoice) -> dict[str, Cell]:
    """Render the cards of one chart kind, showing progress while uncached ones draw."""
    progress = st.progress(0.0, text="Drawing charts...")
    cells = {}
    for done, library in enumerate(libraries, start=1):
        cells[library] = cell_for(library, kind, data)
        progress.progress(done / max(len(libraries), 1), text=f"Drew {library}")
    progress.empty()
    return cells
