"""The bokeh family's interaction driver (see tests/interact.py).

It serves every Bokeh document (Bokeh, Pandas-Bokeh, Chartify, HoloViews, hvPlot): it finds
the document's views through BokehJS's own view index (``Bokeh.index``), never through a
library's configuration. Positions come from each renderer's own scales; what is drawn is
read from the glyph views BokehJS painted (their data after any CDSView filter), what is
highlighted from the data source's selection as the renderer's view holds it, tooltips
from the tooltip element's text in the page.
"""

from __future__ import annotations

from typing import Any

from tests.interact import DRIVERS, Pairs

# Finds the views of the Bokeh document drawn inside ``root`` (a CSS selector, or "body"):
# its plots in reading order, each with its glyph renderer views. Defined once per frame.
_HELPERS = r"""
() => {
  if (window.__galleryBokeh) return;
  const typeOf = (view) => view && view.model && view.model.type;
  const views = (root) => {
    const host = root === "body" ? document.body : document.querySelector(root);
    if (!host || !window.Bokeh || !window.Bokeh.index) return [];
    // a chart embedded again (streamlit-bokeh does on a new theme or width) leaves its
    // old root views in the index, their elements out of the page
    const roots = window.Bokeh.index.roots.filter(
      (v) => v.el.isConnected && (root === "body" || host.contains(v.el)));
    return [...window.Bokeh.index.all_views()].filter((v) => roots.includes(v.root));
  };
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top]; };
  const plots = (root) => {
    const all = views(root);
    const found = all.filter((v) => v.frame && v.canvas_view && typeOf(v) !== "GridPlot")
      .map((plot) => ({
        plot,
        renderers: all.filter((v) => typeOf(v) === "GlyphRenderer" && v.parent === plot
                                     && v.model.visible),
      }))
      .filter((p) => p.renderers.length);
    const at = (p) => box(p.plot.canvas_view.el);
    return found.sort((a, b) => (at(a)[1] - at(b)[1]) || (at(a)[0] - at(b)[0]));
  };
  // The rows a glyph view draws, as (full index, x, y): its arrays hold only the rows of
  // the renderer's CDSView, in the order of the view's indices.
  const drawn = (rv) => {
    const g = rv.glyph;
    const xs = g.x ?? g._x, ys = g.y ?? g._y;
    if (!xs || !ys) return [];
    const full = [...rv.model.view.indices.ones()];
    return full.map((i, j) => [i, Number(xs[j]), Number(ys[j])])
      .filter(([, x, y]) => Number.isFinite(x) && Number.isFinite(y));
  };
  const controls = (root, type) => views(root).filter((v) => typeOf(v) === type);
  window.__galleryBokeh = { views, plots, drawn, controls, box };
}
"""

_SCREEN = r"""
([root, index, x, y]) => {
  const { plots, box } = window.__galleryBokeh;
  const found = plots(root);
  if (!found.length) return null;
  const { plot, renderers } = found[index];
  // in the middle of the view first, as a reader scrolls to it: a tall card's top may
  // be off screen, or under a page's fixed header
  plot.canvas_view.el.scrollIntoView({ block: "center", inline: "nearest" });
  const c = renderers[0].coordinates || {};
  const xs = c.x_scale || plot.frame.x_scale, ys = c.y_scale || plot.frame.y_scale;
  const [left, top] = box(plot.canvas_view.el);
  return [left + xs.compute(x), top + ys.compute(y)];
}
"""

_TOOLTIP = r"""
() => {
  // BokehJS shows a hover's rows in a tooltip's content element, in the shadow root of
  // its Tooltip element; a hidden tooltip's content has no box on screen
  const found = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll("*")) {
      if (el.shadowRoot) walk(el.shadowRoot);
      if (el.classList.contains("bk-tooltip-content") && el.checkVisibility()) {
        found.push(el.innerText.trim());
      }
    }
  };
  walk(document);
  return found.join("\n");
}
"""

_ALL_DRAWN = r"""
(root) => {
  const { plots, drawn } = window.__galleryBokeh;
  return plots(root).flatMap((p) => p.renderers.flatMap(
    (rv) => drawn(rv).map(([, x, y]) => [x, y])));
}
"""

_HIGHLIGHTED = r"""
([root, index]) => {
  const { plots, drawn } = window.__galleryBokeh;
  const found = plots(root);
  if (found.length <= index) return null;
  const out = [];
  for (const rv of found[index].renderers) {
    const selected = new Set(rv.model.data_source.selected.indices);
    for (const [i, x, y] of drawn(rv)) if (selected.has(i)) out.push([x, y]);
  }
  return out;
}
"""

_SLIDER = r"""
(root) => {
  const [slider] = window.__galleryBokeh.controls(root, "Slider");
  return slider ? slider.model.value : null;
}
"""


def _ready(frame: Any, root: str) -> None:
    frame.wait_for_function("() => window.Bokeh && window.Bokeh.index", timeout=30_000)
    frame.evaluate(_HELPERS)
    frame.wait_for_function(
        "(root) => window.__galleryBokeh.plots(root).length > 0", arg=root, timeout=30_000)


def _page_offset(frame: Any) -> tuple[float, float]:
    """Where the frame's viewport sits in the page (an iframe's box; 0, 0 for the page)."""
    element = frame.frame_element() if frame.parent_frame else None
    if element is None:
        return 0.0, 0.0
    box = element.bounding_box()
    return box["x"], box["y"]


def _screen(frame: Any, root: str, panel: int, x: float, y: float) -> tuple[float, float]:
    at = frame.evaluate(_SCREEN, [root, panel, x, y])
    if at is None:
        raise AssertionError(f"no Bokeh plot with glyphs found in {root}")
    left, top = _page_offset(frame)
    return left + at[0], top + at[1]


def _settled(frame: Any, script: str, arg: Any, timeout_ms: int = 10_000) -> Any:
    """The value a script reads once it stops changing (BokehJS repaints asynchronously
    after a data or selection change)."""
    previous, waited = None, 0
    while waited < timeout_ms:
        frame.page.wait_for_timeout(250)
        waited += 250
        current = frame.evaluate(script, arg)
        if current is not None and current == previous:
            return current
        previous = current
    return previous


class BokehDriver:
    """Hover, brush, choose and move the time of any Bokeh document in a page."""

    def hover(self, frame: Any, root: str, x: float, y: float) -> str:
        _ready(frame, root)
        px, py = _screen(frame, root, 0, x, y)
        mouse = frame.page.mouse
        mouse.move(px - 30, py - 30)  # arrive as a reader's pointer does, not by a jump
        mouse.move(px, py, steps=5)
        for _ in range(40):
            frame.page.wait_for_timeout(100)
            text = frame.evaluate(_TOOLTIP)
            if text:
                return text
        return ""

    def brush(self, frame: Any, root: str, box: tuple[float, float, float, float]) -> Pairs:
        _ready(frame, root)
        x0, x1, y0, y1 = box
        start = _screen(frame, root, 0, x0, y1)
        end = _screen(frame, root, 0, x1, y0)
        mouse = frame.page.mouse
        mouse.move(*start)
        mouse.down()
        mouse.move((start[0] + end[0]) / 2, (start[1] + end[1]) / 2, steps=5)
        mouse.move(*end, steps=5)
        mouse.up()
        highlighted = _settled(frame, _HIGHLIGHTED, [root, 1])
        if highlighted is None:
            raise AssertionError(f"no second Bokeh plot with glyphs in {root}")
        return [tuple(p) for p in highlighted]

    def choose(self, frame: Any, root: str, option: str) -> Pairs:
        _ready(frame, root)
        chooser = frame.locator(f"{root} select").first
        if chooser.count():
            chooser.select_option(label=option)
        else:  # a radio button group: one button per option
            frame.locator(f"{root} .bk-btn-group").get_by_text(option, exact=True).click()
        return [tuple(p) for p in _settled(frame, _ALL_DRAWN, root)]

    def move_to(self, frame: Any, root: str, time: str) -> Pairs | int:
        _ready(frame, root)
        handle = frame.locator(f"{root} .noUi-handle").first
        handle.focus()  # as a reader tabbing to it would; arrow keys then step it
        target, seen = float(time), []
        for _ in range(100):
            value = frame.evaluate(_SLIDER, root)
            if value is None:
                raise AssertionError(f"no Bokeh slider in {root}")
            seen.append(value)
            if abs(float(value) - target) < 1e-9:
                break
            handle.press("ArrowRight" if value < target else "ArrowLeft")
            if not _moved(frame, root, value):
                raise AssertionError(f"the slider did not reach {time}: it went {seen}")
        else:
            raise AssertionError(f"the slider did not reach {time}: it went {seen}")
        return [tuple(p) for p in _settled(frame, _ALL_DRAWN, root)]


def _moved(frame: Any, root: str, value: float) -> bool:
    """Whether the slider's value left ``value`` within a second of a key press."""
    for _ in range(20):
        if frame.evaluate(_SLIDER, root) != value:
            return True
        frame.page.wait_for_timeout(50)
    return False


DRIVERS["bokeh"] = BokehDriver()
