"""The plotly family's interaction driver (see tests/interact.py).

Positions come from plotly.js's own axes (``gd._fullLayout.xaxis``: ``_offset`` and
``l2p`` place a data value in the graph's pixels); what is drawn is read back from the
SVG points plotly.js bound their calcdata to (``path.point.__data__``), the hover label
from ``.hoverlayer``, and a scatter-plot matrix's selection from the batch of selected
indices its WebGL scene draws.
"""

from __future__ import annotations

from typing import Any

from tests.interact import DRIVERS, Pairs

TIMEOUT = 15_000  # ms

# Page coordinates of a data point in the subplot of axes (xid, yid): "x", "y2"...
PIXEL_JS = """([xid, yid, x, y]) => {
  const gd = document.querySelector(ROOT), fl = gd._fullLayout;
  const axis = (id) => fl[id.charAt(0) + 'axis' + id.slice(1)];
  const xa = axis(xid), ya = axis(yid);
  const box = gd.querySelector('.main-svg').getBoundingClientRect();
  return [box.left + xa._offset + xa.l2p(xa.d2l(x)), box.top + ya._offset + ya.l2p(ya.d2l(y))];
}"""

# (x, y) of every marker drawn in a visible SVG scatter trace, in data values.
DRAWN_JS = """() => {
  const gd = document.querySelector(ROOT), out = [];
  for (const group of gd.querySelectorAll('.scatterlayer g.trace')) {
    const cd = group.__data__, trace = cd && cd[0] && cd[0].trace;
    if (!trace || trace.visible !== true || getComputedStyle(group).opacity === '0') continue;
    for (const point of group.querySelectorAll('path.point')) {
      const d = point.__data__;
      if (d && point.style.display !== 'none' && d.x !== undefined) out.push([d.x, d.y]);
    }
  }
  return out;
}"""

# The rows a scatter-plot matrix draws as selected: its WebGL scene's batch of selected
# indices (every index while nothing is selected), per trace, read through the second
# view's dimensions (the third and fourth).
SELECTED_JS = """() => {
  const gd = document.querySelector(ROOT), fl = gd._fullLayout, out = [];
  for (const trace of gd._fullData) {
    if (trace.type !== 'splom' || trace.visible !== true) continue;
    const scene = fl._splomScenes && fl._splomScenes[trace.uid];
    if (!scene) continue;
    const picked = scene.selectBatch && scene.selectBatch.length ? scene.selectBatch : null;
    if (!picked && !(scene.unselectBatch && scene.unselectBatch.length)) continue;
    const xs = trace.dimensions[2].values, ys = trace.dimensions[3].values;
    for (const k of picked || []) out.push([xs[k], ys[k]]);
  }
  return out;
}"""


# The rectangle's edges in whole page pixels, each between the pixels of the rows on
# either side of it, in the first view: the matrix's first dimension on x, its second on y.
EDGES_JS = """([x0, x1, y0, y1]) => {
  const gd = document.querySelector(ROOT), fl = gd._fullLayout;
  const sploms = gd._fullData.filter((t) => t.type === 'splom' && t.visible === true);
  const axis = (id) => fl[id.charAt(0) + 'axis' + id.slice(1)];
  const box = gd.querySelector('.main-svg').getBoundingClientRect();
  function edge(value, dim, letter) {
    const ax = axis(sploms[0]._diag[dim][letter === 'x' ? 0 : 1]);
    const at = (v) => (letter === 'x' ? box.left : box.top) + ax._offset + ax.l2p(ax.d2l(v));
    const values = sploms.flatMap((t) => Array.from(t.dimensions[dim].values));
    const below = Math.max(...values.filter((v) => v < value));
    const above = Math.min(...values.filter((v) => v > value));
    const [a, b] = [at(below), at(above)].sort((p, q) => p - q);
    const middle = (a + b) / 2;
    return [Math.floor(middle), Math.ceil(middle)].find((p) => p > a && p < b) ??
      Math.round(middle);
  }
  return [edge(x0, 0, 'x'), edge(x1, 0, 'x'), edge(y0, 1, 'y'), edge(y1, 1, 'y')];
}"""


def _graph(frame: Any, root: str) -> Any:
    """The graph div plotly.js drew into: the root itself or an element inside it."""
    graph = frame.locator(f"{root}.js-plotly-plot, {root} .js-plotly-plot").first
    graph.wait_for(timeout=TIMEOUT)
    graph.scroll_into_view_if_needed()
    return graph


def _js(frame: Any, graph: Any, script: str, arg: Any = None) -> Any:
    # Each card's graph gets a handle of its own, so scripts find it by attribute.
    graph.evaluate("gd => { gd.dataset.driven = '1'; }")
    script = script.replace("ROOT", "'[data-driven=\"1\"]'")
    try:
        return frame.evaluate(script, arg) if arg is not None else frame.evaluate(script)
    finally:
        graph.evaluate("gd => { delete gd.dataset.driven; }")


def _pixel(frame: Any, graph: Any, axes: tuple[str, str], x: float, y: float) -> list[float]:
    return _js(frame, graph, PIXEL_JS, [axes[0], axes[1], x, y])


def _settled(frame: Any, graph: Any, script: str) -> Any:
    """What ``script`` reads once two reads 300 ms apart agree (a transition has ended)."""
    last = None
    for _ in range(40):
        frame.page.wait_for_timeout(300)
        now = _js(frame, graph, script)
        if now == last and now:
            return now
        last = now
    return last


def _click_option(frame: Any, graph: Any, option: str) -> None:
    """Choose ``option`` as a reader does: on a slider, click the rail under the step's
    label; in a dropdown, open it and click the option."""
    labels = graph.locator(".slider-label-group text.slider-label")
    label = labels.filter(has_text=option)
    if labels.count() and not label.count():
        raise AssertionError(f"the slider has no step {option!r}; its steps are "
                             f"{', '.join(labels.all_text_contents())}")
    if label.count():
        text = label.first.bounding_box()
        rail = graph.locator(".slider-rail-rect").first.bounding_box()
        frame.page.mouse.click(text["x"] + text["width"] / 2, rail["y"] + rail["height"] / 2)
        return
    menu = graph.locator(".updatemenu-header-group")
    if not menu.count():
        raise AssertionError(f"no slider step and no dropdown labelled {option!r}")
    menu.first.click()
    button = graph.locator(".updatemenu-dropdown-button-group .updatemenu-dropdown-button"
                           ).filter(has_text=option)
    button.first.wait_for(timeout=TIMEOUT)
    button.first.click()


class PlotlyDriver:
    def hover(self, frame: Any, root: str, x: float, y: float) -> str:
        graph = _graph(frame, root)
        at = _pixel(frame, graph, ("x", "y"), x, y)
        # Straight onto the point: a label for a point passed on the way could still be
        # up (plotly.js throttles hover events) when the label is read.
        frame.page.mouse.move(at[0] - 20, at[1] - 20)
        frame.page.wait_for_timeout(100)
        frame.page.mouse.move(*at)
        label = graph.locator(".hoverlayer .hovertext").first
        label.wait_for(timeout=TIMEOUT)
        frame.page.wait_for_timeout(300)
        # one line per <tspan class="line">: the label's lines kept apart
        return label.evaluate("""node => Array.from(node.querySelectorAll('text')).map((t) => {
            const lines = t.querySelectorAll('tspan.line');
            return lines.length ? Array.from(lines, (l) => l.textContent).join('\\n')
                                : t.textContent;
        }).join('\\n')""")

    def brush(self, frame: Any, root: str, box: tuple[float, float, float, float]) -> Pairs:
        graph = _graph(frame, root)
        if _js(frame, graph, "() => !document.querySelector(ROOT)._fullData.some("
                             "(t) => t.type === 'splom')"):
            raise AssertionError("no scatter-plot matrix to brush")
        # The mouse moves by whole pixels and a matrix's panels are small: first zoom in
        # once, as a reader would for a precise rectangle, with the modebar's "Zoom in"
        # (it halves every axis range about its centre).
        graph.hover(position={"x": 5, "y": 5})
        graph.locator('.modebar-btn[data-title="Zoom in"]').first.click()
        frame.page.wait_for_timeout(500)
        x0, x1, y0, y1 = _js(frame, graph, EDGES_JS, list(box))
        mouse = frame.page.mouse
        mouse.move(x0, y1)
        mouse.down()
        mouse.move(x1, y0, steps=12)
        mouse.up()
        return [tuple(p) for p in _settled(frame, graph, SELECTED_JS) or []]

    def choose(self, frame: Any, root: str, option: str) -> Pairs:
        graph = _graph(frame, root)
        _click_option(frame, graph, option)
        return [tuple(p) for p in _settled(frame, graph, DRAWN_JS) or []]

    def move_to(self, frame: Any, root: str, time: str) -> Pairs:
        graph = _graph(frame, root)
        _click_option(frame, graph, time)
        return [tuple(p) for p in _settled(frame, graph, DRAWN_JS) or []]


DRIVERS["plotly"] = PlotlyDriver()
