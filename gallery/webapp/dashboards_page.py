"""The talk's dashboard frameworks: one penguins app four ways, side by side with its code."""

from __future__ import annotations

import streamlit as st

from gallery.dashboards import DASHBOARDS, DashboardInfo

_TAG_COLORS = {"reactive model": "blue", "built on": "violet", "lines of code": "orange"}
_INTRO = (
    "The same small dashboard in each framework: a species dropdown and a body-mass range "
    "slider drive a scatter of bill length against bill depth and a count of the penguins "
    "shown. Each is one self-contained file; the screenshots are of those files running, "
    "taken by the browser tests. Lines of code leave out blank lines, comments and the "
    "module docstring."
)
_NO_SCREENSHOT = (
    "No screenshot yet. The browser test starts the app and takes one: "
    "`pytest 'tests/test_dashboards.py::test_dashboard_updates_offline[{key}]'`"
)


def _tags(info: DashboardInfo) -> None:
    # The container's key lets tests find one framework's tags.
    with st.container(horizontal=True, gap="small", key=f"dashboard-tags-{info.key}"):
        for name, value in info.tags.items():
            st.badge(f"{name}: {value}", color=_TAG_COLORS.get(name, "gray"))


def _column(info: DashboardInfo) -> None:
    with st.container(border=True, key=f"dashboard-{info.key}"):
        st.markdown(f"#### [{info.name}]({info.home})")
        _tags(info)
        if info.screenshot.exists():
            st.image(str(info.screenshot), width="stretch")
        else:
            st.info(_NO_SCREENSHOT.format(key=info.key))
        st.markdown(f"Start it: `python -m gallery dashboard {info.key}`  \n"
                    f"or by hand: `{info.command}`")
        if info.filename.endswith(".ipynb"):
            st.caption("The notebook's code cells (its one markdown cell, the title, is left out).")
        st.code(info.code(), language="python", line_numbers=True)


def dashboards_page() -> None:
    st.title("Dashboards")
    st.markdown(_INTRO)
    for column, key in zip(st.columns(len(DASHBOARDS)), DASHBOARDS, strict=True):
        with column:
            _column(DASHBOARDS.get(key))
