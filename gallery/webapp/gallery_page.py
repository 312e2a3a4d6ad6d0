"""Pick a chart kind; see every library's version of it side by side."""

from __future__ import annotations

import streamlit as st

from gallery.kinds import KINDS
from gallery.libraries import LIBRARIES
from gallery.webapp import filters
from gallery.webapp.cards import card
from gallery.webapp.cells import cell_for, start
from gallery.webapp.state import DataChoice, kind_picker, plain


def _filter_controls() -> tuple[list[str], int, str]:
    with st.container(horizontal=True, gap="medium"):
        paradigms = st.pills("Paradigm", filters.tag_values("paradigm"), selection_mode="multi",
                             key="f_paradigm", help="Imperative says how to draw; "
                             "declarative says what the data means.")
        outputs = st.pills("Output", filters.tag_values("output"), selection_mode="multi",
                           key="f_output")
        built_on = st.pills("Built on", filters.tag_values("built on"), selection_mode="multi",
                            key="f_built_on")
    with st.container(horizontal=True, gap="medium"):
        chosen = st.multiselect("Libraries", LIBRARIES.names(), default=LIBRARIES.names(),
                                format_func=lambda k: LIBRARIES.get(k).name, key="f_libraries")
        columns = st.slider("Columns", 1, 4, 3, key="f_columns")
        sort = st.selectbox("Sort by", filters.SORTS, key="f_sort")
    return filters.matching(paradigms, outputs, built_on, chosen), columns, sort


def gallery_page(data: DataChoice) -> None:
    st.title("One chart, every library")
    kind = kind_picker()
    st.caption(f"{KINDS[kind].description} Data: {plain(data.title)}.")
    with st.expander("The specification every library meets (or says which point it cannot)"):
        st.markdown("\n".join(f"- **{point}**: {text}" for point, text in KINDS[kind].spec.items()))
    libraries, n_columns, sort = _filter_controls()
    if not libraries:
        st.warning("No library matches these filters. Clear a filter to see cards again.")
        return
    start(libraries, kind, data)  # every card drawing at once, two at a time in the pool
    summary = st.empty()
    if sort == filters.SORTS[0]:  # the talk's order: each card shows as soon as it is drawn
        cells = (cell_for(library, kind, data) for library in libraries)
    else:
        cells = iter(filters.ordered([cell_for(lib, kind, data) for lib in libraries], sort))
    shown = 0
    for first in range(0, len(libraries), n_columns):
        for column, _ in zip(st.columns(n_columns), libraries[first:first + n_columns],
                             strict=False):
            with column:
                shown += card(next(cells))
    summary.caption(f"{len(libraries)} libraries shown: {shown} drew the chart.")
