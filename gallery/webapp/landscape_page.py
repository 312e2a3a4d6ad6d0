"""The talk's landscape: which library is built on which renderer."""

from __future__ import annotations

import streamlit as st

from gallery.landscape import landscape_figure
from gallery.libraries import LIBRARIES


@st.cache_resource(show_spinner=False)
def _figure():
    return landscape_figure()


def landscape_page() -> None:
    st.title("The landscape")
    st.markdown(
        "After *The Python data visualization landscape in 2020* (EuroPython 2020): most "
        "libraries are layers over four renderers. **Imperative** libraries say *how* to "
        "draw; **declarative** ones say what the data *means* and leave the drawing to the "
        f"library. {len(LIBRARIES)} libraries here, drawn with Plotly."
    )
    st.plotly_chart(_figure(), width="stretch", key="landscape")
