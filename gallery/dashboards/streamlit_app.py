"""The penguins dashboard in Streamlit: a script that reruns top to bottom on every change.

Run it: ``streamlit run gallery/dashboards/streamlit_app.py``."""

from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

CSV = Path(__file__).resolve().parent.parent / "data" / "penguins.csv"
COLUMNS = ["species", "bill_length_mm", "bill_depth_mm", "body_mass_g"]
st.set_page_config(page_title="Penguins (Streamlit)")


# Every interaction reruns this script; the cache keeps the CSV from being read each time.
@st.cache_data
def load() -> pd.DataFrame:
    return pd.read_csv(CSV).dropna(subset=COLUMNS)


penguins = load()
SPECIES = sorted(penguins["species"].unique())
LOW, HIGH = int(penguins["body_mass_g"].min()), int(penguins["body_mass_g"].max())

st.title("Palmer penguins")
species = st.selectbox("Species", ["all", *SPECIES])
low, high = st.slider("Body mass (g)", LOW, HIGH, (LOW, HIGH), step=50)

shown = penguins[penguins["body_mass_g"].between(low, high)]
if species != "all":
    shown = shown[shown["species"] == species]

st.metric("Penguins shown", len(shown))
chart = alt.Chart(shown).mark_circle(size=60).encode(
    x=alt.X("bill_length_mm", scale=alt.Scale(zero=False)),
    y=alt.Y("bill_depth_mm", scale=alt.Scale(zero=False)),
    color=alt.Color("species", scale=alt.Scale(domain=SPECIES)),
    tooltip=COLUMNS,
)
st.altair_chart(chart, width="stretch")
