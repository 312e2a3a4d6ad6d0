"""A library's card: its name, tags as badges, the live output and the code that drew it."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache

import streamlit as st

from gallery.libraries import LIBRARIES
from gallery.render import OK, UNSUPPORTED
from gallery.site.cells import CellResult as Cell
from gallery.sources import NEEDS_SERVER
from gallery.webapp.state import plain

_BADGE_COLORS = {
    "imperative": "blue", "declarative": "violet", "interactive": "green", "static": "gray",
}


# Each card builds its own figure from the kept text, so no session shares a live object.
def _show_svg(cell: Cell, key: str) -> None:
    from gallery.renderers.matplotlib_figures import is_page

    if is_page(cell.text):  # an animation: to_jshtml's page of frames and its controls
        st.iframe(cell.text, width="stretch", height="content")
        return
    st.image(cell.text, width="stretch")


def _show_bokeh(cell: Cell, key: str) -> None:
    # The kept json_item text goes to streamlit-bokeh's component as it is: its public
    # function takes a live model and calls json_item itself, and a model rebuilt from the
    # text fails bokeh's validation (factors come back as arrays). The data it sends is
    # exactly {"figure": json_item text, ...} in streamlit-bokeh 3.9.2 (pinned with bokeh).
    # Imported here: streamlit_bokeh only imports inside a running app.
    import streamlit_bokeh

    streamlit_bokeh._component_func(key=key, data={
        "figure": cell.text, "bokeh_theme": "streamlit", "use_container_width": True})


def _show_plotly(cell: Cell, key: str) -> None:
    import plotly.io as pio

    from gallery.renderers.plotly_figures import OFFLINE_CONFIG

    # theme=None: plotly's own colours and fonts, as in the export, not Streamlit's
    st.plotly_chart(pio.from_json(cell.text), key=key, width="stretch", theme=None,
                    config=OFFLINE_CONFIG)


_COMPOSITE = ("facet", "hconcat", "vconcat", "concat", "repeat", "spec")


def _composite(spec: dict) -> bool:
    """A facet or concatenation: views Vega-Lite lays out at their own sizes."""
    encoding = spec.get("encoding", {})
    return any(k in spec for k in _COMPOSITE) or any(k in encoding
                                                     for k in ("facet", "row", "column"))


def _fixed_aspect(spec: dict) -> bool:
    """A drawing on hidden x and y scales of given domains (a radar): one data unit is as
    many px across as up only at the spec's own width and height."""
    def fixed(view: dict) -> bool:
        encoding = view.get("encoding", {})
        return all(isinstance(encoding.get(c), dict) and encoding[c].get("axis", 0) is None
                   and "domain" in encoding[c].get("scale", {}) for c in ("x", "y"))
    return any(fixed(view) for view in [spec, *spec.get("layer", [])])


@lru_cache(maxsize=128)
def _vega_svg(text: str) -> str:
    """The SVG Vega itself draws for a spec (vl-convert, no browser)."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(json.loads(text))


@lru_cache(maxsize=1)
def _vega_bundle() -> str:
    """vega + vega-lite + vega-embed in one script (vl-convert's, as the export ships)."""
    import vl_convert as vlc

    return vlc.javascript_bundle(vl_version=vlc.get_vegalite_versions()[-1])


# Views side by side with a selection, in a page of their own: drawn by vega-embed, then
# drawn again with narrower views when the whole is wider than the card. Scaling the SVG
# instead would move a dragged rectangle off the marks under it (Vega maps the pointer
# without the scaling); Streamlit's chart draws a concatenation at its own width, over
# the next card.
_VEGA_PAGE = """<!doctype html><meta charset="utf-8">
<style>body { margin: 0; font-family: sans-serif; }</style>
<div id="chart"></div>
<script>BUNDLE</script>
<script>
(function () {  // the bundle's own top-level names stay out of the way
  const spec = SPEC;
  const el = document.getElementById("chart");
  const draw = (s) => vegaEmbed(el, s, { renderer: "svg", actions: false });
  draw(spec).then((result) => {
    const drawn = parseFloat(el.querySelector("svg").getAttribute("width"));
    const width = document.body.clientWidth;
    const plots = spec.hconcat.reduce((sum, view) => sum + (view.width || 0), 0);
    const share = plots && (width - (drawn - plots)) / plots;
    if (!(drawn > width && share > 0.2)) return result;
    result.finalize();
    el.textContent = "";
    return draw(Object.assign({}, spec, { hconcat: spec.hconcat.map((view) => Object.assign(
      {}, view, { width: Math.floor(view.width * share),
                  height: Math.floor((view.height || view.width) * share) })) }));
  }).then((result) => { el.__vegaView = result.view; });
})();
</script>"""


def _selects_across(spec: dict) -> bool:
    """Views side by side, one selecting what the others show (a linked brush)."""
    views = spec.get("hconcat", [])
    return bool(views) and bool(spec.get("params") or any(v.get("params") for v in views))


def _show_vega(cell: Cell, key: str) -> None:
    spec = json.loads(cell.text)
    if _selects_across(spec):
        from gallery.site.embed import script_json

        page = _VEGA_PAGE.replace("SPEC", script_json(cell.text)).replace(
            "BUNDLE", _vega_bundle())
        st.iframe(page, width="stretch", height="content")
        return
    if _composite(spec) or _fixed_aspect(spec):
        # Vega-Lite cannot fit a facet or concatenation to a width, and Streamlit shows it
        # at its full size, over the next card; a chart of fixed aspect would be stretched
        # across only: drawn by Vega itself (vl-convert) as an SVG that scales to the card.
        st.image(_vega_svg(cell.text), width="stretch")
        return
    st.vega_lite_chart(spec=spec, key=key, width="stretch", theme=None)


DISPLAY: dict[str, Callable[[Cell, str], None]] = {
    "matplotlib": _show_svg,
    "bokeh": _show_bokeh,
    "plotly": _show_plotly,
    "vega": _show_vega,
}


def badges(library: str) -> None:
    info = LIBRARIES.get(library)
    with st.container(horizontal=True, gap="small"):
        for name, value in info.tags.items():
            label = value if name in {"paradigm", "output"} else f"{name}: {value}"
            st.badge(label, color=_BADGE_COLORS.get(value, "orange"), help=(
                info.paradigm_reason if name == "paradigm" else None))


def show_output(cell: Cell, key: str) -> bool:
    """The chart, or a short message in its place: never an exception. True when the
    chart was shown (a chart that could not be shown is an error card, and counted so)."""
    if cell.status == OK:
        try:
            DISPLAY[cell.family](cell, key)
        except Exception as error:  # a display failure is one card's problem
            st.error(plain(f"{LIBRARIES.get(cell.library).name}: the chart was drawn but "
                           f"could not be shown ({type(error).__name__}: {error})"))
            return False
        setup = f" (+{cell.setup_loc} of imports and set-up)" if cell.setup_loc else ""
        st.caption(f"{cell.rows:,} rows · drawn in {cell.seconds:.2f} s · "
                   f"{cell.loc} lines of chart code{setup}")
        for point, reason in cell.not_met.items():
            st.caption(f":material/warning: **Not met: {point}.** {plain(reason)}")
        for note in cell.notes:
            st.caption(f":material/info: {plain(note)}")
    elif cell.status == UNSUPPORTED:
        needs_server = cell.message.startswith(NEEDS_SERVER)
        st.info(cell.message if needs_server else f"Not supported natively: {cell.message}")
        return False
    else:
        st.error(plain(cell.message))
        return False
    return True


def card(cell: Cell, key_prefix: str = "card", show_code: bool = True) -> bool:
    """One library's card; the container key gives browser tests a handle on it. True
    when its chart was shown."""
    info = LIBRARIES.get(cell.library)
    with st.container(border=True, key=f"{key_prefix}-{cell.library}-{cell.status}"):
        st.markdown(f"#### {info.name}\n`{info.version}`", help=info.maintenance)
        badges(cell.library)
        shown = show_output(cell, key=f"{key_prefix}-chart-{cell.library}-{cell.kind}")
        if show_code and cell.code:
            with st.expander("Code", expanded=True):
                st.code(cell.code, language="python", line_numbers=True, wrap_lines=True)
    return shown
