"""Two libraries head to head: both outputs, both codes, and what differs."""

from __future__ import annotations

import difflib

import streamlit as st

from gallery.libraries import LIBRARIES
from gallery.webapp.cards import badges, show_output
from gallery.webapp.cells import cell_for
from gallery.webapp.state import DataChoice, kind_picker


def _library_picker(label: str, default: str, key: str) -> str:
    names = LIBRARIES.names()
    return st.selectbox(label, names, index=names.index(default),
                        format_func=lambda k: LIBRARIES.get(k).name, key=key)


def compare_page(data: DataChoice) -> None:
    st.title("Head to head")
    kind = kind_picker(key="compare_kind")
    left_col, right_col = st.columns(2)
    with left_col:
        left = _library_picker("Library", "matplotlib", "compare_left")
    with right_col:
        right = _library_picker("against", "altair", "compare_right")
    cells = [cell_for(left, kind, data), cell_for(right, kind, data)]
    for column, cell in zip(st.columns(2), cells, strict=True):
        with column, st.container(border=True, key=f"compare-{cell.library}-{cell.status}"):
            st.subheader(LIBRARIES.get(cell.library).name)
            badges(cell.library)
            show_output(cell, key=f"compare-chart-{cell.library}-{kind}")
            if cell.code:
                st.metric("Lines of chart code", cell.loc,
                          help=f"Its imports and set-up, shown too, are {cell.setup_loc} more.")
                st.code(cell.code, language="python", line_numbers=True, wrap_lines=True)
    if all(cell.code for cell in cells):
        st.subheader("Diff")
        diff = difflib.unified_diff(
            cells[0].code.splitlines(), cells[1].code.splitlines(), lineterm="",
            fromfile=LIBRARIES.get(left).name, tofile=LIBRARIES.get(right).name,
        )
        st.code("\n".join(diff), language="diff")
