"""The gallery as a Streamlit app: ``streamlit run app.py``.

Presentation only: every chart comes from gallery.render through the pages below; the
sidebar's data choice is made here, once, for every page."""

import streamlit as st

from gallery.webapp.state import data_choice

# No page_icon: a Material icon favicon is fetched from Google's font host.
st.set_page_config(page_title="Python plotting, side by side", layout="wide")
data_choice()
page = st.navigation([
    st.Page("app_pages/gallery.py", title="Gallery", icon=":material/grid_view:", default=True),
    st.Page("app_pages/compare.py", title="Compare two", icon=":material/compare:"),
    st.Page("app_pages/overview.py", title="Overview", icon=":material/table_chart:"),
    st.Page("app_pages/landscape.py", title="Landscape", icon=":material/hub:"),
    st.Page("app_pages/dashboards.py", title="Dashboards", icon=":material/dashboard:"),
])
page.run()
