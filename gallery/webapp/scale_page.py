"""How each library copes as the data grows: the committed bench results, read and drawn
by gallery.scale.figures (the page only lays them out)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from gallery.libraries import LIBRARIES
from gallery.renderers import RENDERERS
from gallery.scale import figures
from gallery.scale.bigdata import BIG_DATA, big_source
from gallery.scale.results import RESULTS_PATH, read_results

_INTRO = (
    "Synthetic data (x and y normal, a three-level category for colour) of growing size, "
    "drawn as the gallery's **scatter** and **histogram** by every library, each library in "
    "a fresh process. Render time is the chart function plus its family's output (SVG for "
    "the matplotlib family, JSON for bokeh, plotly and Vega-Lite), after one warm-up render; "
    "output size is those bytes. The app's cards draw at most a sample of rows per family "
    "(the MAX_ROWS of each renderer, chosen from these figures) so that pages stay quick."
)
_RERUN = "Re-run: `python -m gallery bench scale` (about half an hour on two cores)."


@st.cache_data(show_spinner=False, max_entries=2)
def _results(path: str, mtime_ns: int) -> dict[str, Any]:
    return read_results(Path(path))


@st.cache_resource(show_spinner=False, max_entries=6)
def _figures(path: str, mtime_ns: int) -> tuple[Any, Any, Any]:
    results = _results(path, mtime_ns)
    return (figures.time_figure(results), figures.bytes_figure(results),
            figures.memory_figure(results))


def _row_limits() -> None:
    st.header("The app's row limits")
    st.markdown(
        "Above these, each card draws a seeded random sample and says so. Chosen from the "
        "figures above so that a card draws in about a second here: the matplotlib family's "
        "scatters pass a second between 10,000 and 100,000 rows; bokeh and plotly draw "
        "100,000 rows in well under a second (at a million they still draw in one or two, "
        "but send 25-36 MB a card); Altair itself refuses more than 5,000 rows.")
    st.dataframe([{"output family": family, "libraries": ", ".join(
                   LIBRARIES.get(k).name for k in LIBRARIES if LIBRARIES.get(k).family == family),
                   "rows drawn at most": f"{getattr(module, 'MAX_ROWS', 0):,}"}
                  for family, module in RENDERERS.items()], hide_index=True, width="stretch")


def _method(results: dict[str, Any]) -> None:
    with st.expander("How it was measured"):
        settings = results["settings"]
        for name in ("time_measure", "memory_measure", "bytes_measure", "repeat_policy"):
            st.markdown(f"**{name.replace('_', ' ')}**: {settings[name]}")
        load = results["machine"]["load_average"]
        st.markdown(f"**load average** (other work on the machine): {load.get('start', 0):.1f} "
                    f"at the start, {load.get('end', 0):.1f} at the end.")
        startup = [{"library": figures.display_name(entry["library"]),
                    "import s": entry["import_seconds"],
                    **{f"first {k} s": v for k, v in entry["warmup_seconds"].items()}}
                   for entry in results["libraries"]]
        st.markdown("**Imports and first renders** (not in the figures above; some libraries "
                    "import lazily, so their cost moves to the first render):")
        st.dataframe(startup, hide_index=True)
        st.markdown("**Versions**")
        st.dataframe([{"package": k, "version": v} for k, v in results["versions"].items()],
                     hide_index=True)
        st.markdown(_RERUN)


def _bigdata(results: dict[str, Any]) -> None:
    st.header("When ordinary rendering gives up")
    st.markdown(
        "Each ecosystem's way out, on a plain scatter of x against y, measured the same way "
        "at a million and ten million points. The code is the function the bench ran, cut "
        "from `examples/bigdata/`.")
    table = figures.bigdata_table(results)
    for key, cell in BIG_DATA.items():
        with st.container(border=True, key=f"bigdata-{key}"):
            st.subheader(cell.title)
            st.caption(f"{cell.ecosystem} · output family: {cell.family}")
            st.markdown(cell.how)
            st.code(big_source(key).code, language="python")
            st.dataframe(table[table["technique"] == cell.title], hide_index=True)


def scale_page() -> None:
    st.title("Scale")
    st.markdown(_INTRO)
    if not RESULTS_PATH.exists():
        st.info(f"No results yet. {_RERUN}")
        return
    path, mtime = str(RESULTS_PATH), RESULTS_PATH.stat().st_mtime_ns
    results = _results(path, mtime)
    st.markdown(figures.reading(results))
    time_fig, bytes_fig, memory_fig = _figures(path, mtime)
    st.plotly_chart(time_fig, width="stretch", key="scale-time")
    st.plotly_chart(bytes_fig, width="stretch", key="scale-bytes")
    st.header("Ceilings")
    st.markdown("The first size each library could not draw: over the time limit, or an "
                "error. *none up to* means it drew every size.")
    st.dataframe(figures.ceiling_table(results), hide_index=True, width="stretch")
    st.plotly_chart(memory_fig, width="stretch", key="scale-memory")
    _row_limits()
    with st.expander("Every measured figure"):
        st.dataframe(figures.measured_table(results), hide_index=True, width="stretch")
    _method(results)
    _bigdata(results)
