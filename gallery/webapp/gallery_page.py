"""Pick a chart kind; see every library's version of it side by side."""

from __future__ import annotations

import streamlit as st

from gallery.kinds import KINDS
from gallery.libraries import LIBRARIES
from gallery.webapp import filters
from gallery.webapp.cards import card
from gallery.webapp.cells import cell_for, start
from gallery.webapp.state import DataChoice, kind_picker, plain

# A card narrower than about 420 px squashes its chart below a readable height (measured:
# matplotlib images 125-150 px tall, Bokeh plots 60-80 px). With the sidebar open, four
# cards to a row are that narrow in windows under 1800 px and three in windows under
# 1400 px: there they wrap two to a row (three columns as two and one, the lone card at
# half width), and wide charts (small multiples, at most two to a row) take the whole row.
# Not on a phone (640 px and under), where Streamlit stacks the cards one to a row.
_NARROW_WINDOW_CSS = """<style>
@media (min-width: 641px) and (max-width: 1800px) {
  .st-key-cards-4 [data-testid="stHorizontalBlock"] { flex-wrap: wrap; }
  .st-key-cards-4 [data-testid="stColumn"] { flex: 1 1 calc(50% - 1rem) !important;
                                              min-width: calc(50% - 1rem) !important; }
}
@media (min-width: 641px) and (max-width: 1400px) {
  .st-key-cards-3 [data-testid="stHorizontalBlock"],
  .st-key-cards-wide [data-testid="stHorizontalBlock"] { flex-wrap: wrap; }
  .st-key-cards-3 [data-testid="stColumn"] { flex: 0 1 calc(50% - 0.6rem) !important;
                                              min-width: calc(50% - 0.6rem) !important; }
  .st-key-cards-wide [data-testid="stColumn"] { flex: 1 1 100% !important;
                                                 min-width: 100% !important; }
}
</style>"""


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
    widest = KINDS[kind].cards_per_row
    layout = f"cards-{n_columns}"
    if widest:
        layout = "cards-wide"
        if n_columns > widest:
            st.caption(f"{KINDS[kind].title}: at most {widest} cards to a row (one in a "
                       "narrow window), so each panel stays readable.")
            n_columns = widest
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
    st.html(_NARROW_WINDOW_CSS)
    with st.container(key=layout):
        for first in range(0, len(libraries), n_columns):
            for column, _ in zip(st.columns(n_columns), libraries[first:first + n_columns],
                                 strict=False):
                with column:
                    shown += card(next(cells))
    summary.caption(f"{len(libraries)} libraries shown: {shown} drew the chart.")
