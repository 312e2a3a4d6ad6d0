"""The gallery as a Streamlit app: ``streamlit run app.py``.

Presentation only: every chart comes from gallery.render through the pages below; the
sidebar's data choice is made here, once, for every page."""

import streamlit as st

from gallery.webapp.state import data_choice

# No page or page icons: Streamlit fetches a Material icon favicon from Google's font host.
st.set_page_config(page_title="Python plotting, side by side", layout="wide")
data_choice()
page = st.navigation([
    st.Page("app_pages/gallery.py", title="Gallery", default=True),
    st.Page("app_pages/compare.py", title="Compare two"),
    st.Page("app_pages/overview.py", title="Overview"),
    st.Page("app_pages/landscape.py", title="Landscape"),
    st.Page("app_pages/dashboards.py", title="Dashboards"),
    st.Page("app_pages/scale.py", title="Scale"),
])
page.run()
