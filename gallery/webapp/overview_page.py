"""The whole library x chart-kind matrix, and each library's metadata."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from gallery.coverage import coverage, total
from gallery.interactions import INTERACTION_HOW, interaction_support, interaction_table
from gallery.kinds import FAMILIES, INTERACTIVE_KINDS, KINDS, ORDERED_KINDS
from gallery.libraries import LIBRARIES
from gallery.sources import example_source
from gallery.webapp.cells import cell_for
from gallery.webapp.state import DataChoice

_SYMBOLS = {"ok": "✓ drawn", "unsupported": "— not supported", "error": "✗ error",
            "code": "✓ has code"}


def _statuses(data: DataChoice, draw: bool) -> dict[tuple[str, str], tuple[str, str]]:
    statuses = {}
    progress = st.progress(0.0, text="Checking cells...") if draw else None
    for n, library in enumerate(LIBRARIES, start=1):
        source = example_source(LIBRARIES.get(library))
        for kind in KINDS:
            if draw:
                cell = cell_for(library, kind, data)
                statuses[library, kind] = (cell.status, cell.message)
            elif kind in source.undrawn:
                statuses[library, kind] = ("unsupported", source.undrawn[kind])
            else:
                statuses[library, kind] = ("code", "")
        if progress:
            progress.progress(n / len(LIBRARIES), text=f"Checked {library}")
    if progress:
        progress.empty()
    return statuses


def overview_page(data: DataChoice) -> None:
    st.title("Overview")
    draw = st.toggle("Draw every cell to check it", key="overview_draw",
                     help="Renders all cells on the current data (cached afterwards).")
    statuses = _statuses(data, draw)
    # Families as column groups (a header over their kinds), in the order of the picker.
    columns = pd.MultiIndex.from_tuples([(FAMILIES[k.family], k.title) for k in ORDERED_KINDS])
    matrix = pd.DataFrame(
        [[_SYMBOLS[statuses[lib, kind.key][0]] for kind in ORDERED_KINDS] for lib in LIBRARIES],
        index=[LIBRARIES.get(k).name for k in LIBRARIES], columns=columns,
    )
    st.dataframe(matrix, width="stretch")
    counts = pd.Series([s for s, _ in statuses.values()]).value_counts().to_dict()
    st.caption(" · ".join(f"{_SYMBOLS[s]}: {n}" for s, n in counts.items()))
    interaction_section()
    st.subheader("Why some cells are empty")
    reasons = [
        {"library": LIBRARIES.get(lib).name, "chart kind": KINDS[kind].title, "reason": message}
        for (lib, kind), (status, message) in statuses.items() if status != "ok" and message
    ]
    st.dataframe(pd.DataFrame(reasons), width="stretch", hide_index=True)
    st.subheader("Libraries")
    rows = []
    for key in LIBRARIES:
        info = LIBRARIES.get(key)
        rows.append({"library": info.name, "draws": str(total(key)),
                     **{part.family: str(part) for part in coverage(key)},
                     **info.tags, "why": info.paradigm_reason,
                     "version": info.version, "home": info.home,
                     "maintenance": info.maintenance})
    st.dataframe(pd.DataFrame(rows), width="stretch", hide_index=True,
                 column_config={"home": st.column_config.LinkColumn("home")})


def interaction_section() -> None:
    """Per library and interaction: native, needs a server, or not supported, and why."""
    st.subheader("Interaction: what each library does in the page")
    st.caption(INTERACTION_HOW)
    st.dataframe(pd.DataFrame(interaction_table()).set_index("library"), width="stretch")
    with st.expander("Why, per library"):
        for library in LIBRARIES:
            support = interaction_support(library)
            lines = [f"- **{kind.title}**: {support[kind.key].label}"
                     + (f" — {support[kind.key].reason}" if support[kind.key].reason else "")
                     for kind in INTERACTIVE_KINDS]
            st.markdown(f"**{LIBRARIES.get(library).name}**\n" + "\n".join(lines))
