"""The vega family's interaction driver (see tests/interact.py).

It works on the live Vega view of a chart: the export keeps vega-embed's view on the
chart element (``__vegaView``, set by site.js); in the app, where Streamlit draws with its
own vega-embed and keeps the view to itself, the view is found through React's props of
the chart's element (see ``FIND_VIEW``). From the view's scenegraph come the marks as
drawn: each symbol's position in pixels (the chart's own scales applied by Vega), its
fill and opacity, and the data row it stands for. Positions go to the screen through the
SVG's viewBox (site.js scales the SVG to its card), so mouse moves land on the marks.

Which data fields a view's axes show is read off the drawn marks too: the field whose
values line up with the marks' pixel positions (linearly, or on a log scale).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

from tests.interact import DRIVERS, Pairs

FADED = {"#d3d3d3", "lightgray", "lightgrey"}  # the colour rows outside a selection take
WAIT_S = 10.0

# Finds the Vega view of the chart under ``root``: the export's ``__vegaView``, else the
# view Streamlit's vega-embed made, reached through the React props of its element
# (Streamlit keeps it in a ref; the chart's DOM node carries React's fiber).
FIND_VIEW = """
(root) => {
  const host = document.querySelector(root);
  if (!host) return null;
  const holders = [host, ...host.querySelectorAll('*')];
  for (const el of holders) if (el.__vegaView) return el.__vegaView;
  const isView = (v) => v && typeof v.scenegraph === 'function' && typeof v.signal === 'function';
  for (const el of holders) {
    for (const key of Object.keys(el)) {
      if (!key.startsWith('__reactFiber')) continue;
      for (let fiber = el[key], depth = 0; fiber && depth < 30; fiber = fiber.return, depth++) {
        for (let hook = fiber.memoizedState, n = 0; hook && n < 50; hook = hook.next, n++) {
          const value = hook.memoizedState;
          const candidates = [value, value && value.current,
                              value && value.current && value.current.view];
          for (const c of candidates) if (isView(c)) { el.__vegaView = c; return c; }
        }
      }
    }
  }
  return null;
}
"""

# Every symbol mark item as drawn: position in the root group's pixels, the top-level
# view it sits in (concatenated views are groups side by side), its paint and its data
# row; and the root group's screen transform (the view's origin and padding, and the
# SVG's scaling to its card), which takes those pixels to the screen.
MARKS = """
(root) => {
  const view = (FIND_VIEW)(root);
  if (!view) return null;
  const out = [];
  function walk(node, ox, oy, top) {
    for (const item of node.items || []) {
      if (node.marktype === 'group') {
        const here = top === null && node.role === 'scope' ? (item.x || 0) : top;
        for (const child of item.items || []) {
          walk(child, ox + (item.x || 0), oy + (item.y || 0), here);
        }
      } else if (node.marktype === 'symbol' && node.role === 'mark' && item.datum) {
        const datum = {};
        for (const [k, v] of Object.entries(item.datum)) {
          if (typeof v === 'number' || typeof v === 'string') datum[k] = v;
        }
        out.push({x: ox + item.x, y: oy + item.y, view: top === null ? 0 : top,
                  fill: String(item.fill || ''), opacity: item.opacity === undefined ? 1 :
                  item.opacity, datum});
      }
    }
  }
  walk(view.scenegraph().root, 0, 0, null);
  const group = view.container().querySelector('svg.marks > g');
  const m = group.getScreenCTM();
  return {marks: out, left: m.e, top: m.f, sx: m.a, sy: m.d};
}
""".replace("FIND_VIEW", FIND_VIEW)


@dataclass(frozen=True)
class Mark:
    x: float  # px from the root group's origin
    y: float
    view: float  # left edge of the top-level view it is in
    fill: str
    opacity: float
    datum: dict[str, Any]


@dataclass(frozen=True)
class Drawn:
    marks: list[Mark]
    left: float
    top: float
    sx: float
    sy: float

    def screen(self, x: float, y: float) -> tuple[float, float]:
        return self.left + x * self.sx, self.top + y * self.sy

    def views(self) -> list[list[Mark]]:
        edges = sorted({m.view for m in self.marks})
        return [[m for m in self.marks if m.view == edge] for edge in edges]


def _drawn(frame: Any, root: str) -> Drawn | None:
    found = frame.evaluate(MARKS, root)
    if not found:
        return None
    marks = [Mark(m["x"], m["y"], m["view"], m["fill"].lower(), float(m["opacity"]),
                  m["datum"]) for m in found["marks"]]
    left, top = found["left"], found["top"]
    if frame.parent_frame is not None:  # in an iframe: its own screen starts at the frame's
        box = frame.frame_element().bounding_box()
        left, top = left + box["x"], top + box["y"]
    return Drawn(marks, left, top, found["sx"], found["sy"])


def _in_view(frame: Any, root: str) -> None:
    """The chart on the screen, where the mouse can reach it (a card's code may be taller
    than the window)."""
    frame.locator(f"{root} svg.marks").first.scroll_into_view_if_needed()


def _wait_drawn(frame: Any, root: str, ready=lambda drawn: bool(drawn.marks)) -> Drawn:
    deadline = time.monotonic() + WAIT_S
    while True:
        drawn = _drawn(frame, root)
        if drawn is not None and ready(drawn):
            return drawn
        if time.monotonic() > deadline:
            raise AssertionError(f"no Vega view with marks under {root!r}" if drawn is None
                                 else "the Vega view did not redraw in time")
        frame.page.wait_for_timeout(100)


@dataclass(frozen=True)
class Axis:
    """Pixels along one axis of a view <-> a data field's values, read off the marks."""

    field: str
    log: bool
    intercept: float
    slope: float

    def pixel(self, value: float) -> float:
        return self.intercept + self.slope * (math.log(value) if self.log else value)


def _axis(marks: list[Mark], along: str) -> Axis:
    """The field whose values sit on the marks' positions along ``along`` ("x" or "y")."""
    best: tuple[float, Axis] | None = None
    fields = [k for k, v in marks[0].datum.items() if isinstance(v, int | float)]
    for field in fields:
        for log in (False, True):
            pairs = [(m.datum.get(field), getattr(m, along)) for m in marks]
            if any(not isinstance(v, int | float) or (log and v <= 0) for v, _ in pairs):
                continue
            values = [(math.log(v) if log else float(v), px) for v, px in pairs]
            if len({v for v, _ in values}) < 2:
                continue
            n = len(values)
            mean_v = sum(v for v, _ in values) / n
            mean_p = sum(p for _, p in values) / n
            spread = sum((v - mean_v) ** 2 for v, _ in values)
            slope = sum((v - mean_v) * (p - mean_p) for v, p in values) / spread
            intercept = mean_p - slope * mean_v
            miss = max(abs(intercept + slope * v - p) for v, p in values)
            if slope and (best is None or miss < best[0]):
                best = (miss, Axis(field, log, intercept, slope))
    if best is None or best[0] > 0.5:
        raise AssertionError(f"no data field lines up with the marks' {along} positions")
    return best[1]


def _pairs(marks: list[Mark]) -> Pairs:
    if not marks:
        return []
    if len(marks) == 1:
        numbers = [v for v in marks[0].datum.values() if isinstance(v, int | float)]
        raise AssertionError(f"one mark drawn ({numbers}): its axes cannot be told apart")
    x, y = _axis(marks, "x"), _axis(marks, "y")
    return [(float(m.datum[x.field]), float(m.datum[y.field])) for m in marks]


def _shown(marks: list[Mark]) -> list[Mark]:
    return [m for m in marks if m.opacity > 0.05]


class VegaDriver:
    def hover(self, frame: Any, root: str, x: float, y: float) -> str:
        _in_view(frame, root)
        drawn = _wait_drawn(frame, root)
        marks = _shown(drawn.marks)
        ax, ay = _axis(marks, "x"), _axis(marks, "y")
        target = min(marks, key=lambda m: abs(m.datum[ax.field] - x) + abs(m.datum[ay.field] - y))
        page = frame.page
        sx, sy = drawn.screen(target.x, target.y)
        page.mouse.move(sx - 15, sy - 15)
        page.mouse.move(sx, sy, steps=5)
        tip = frame.locator("#vg-tooltip-element.visible")
        tip.wait_for(timeout=5_000)
        return tip.inner_text()

    def brush(self, frame: Any, root: str, box: tuple[float, float, float, float]) -> Pairs:
        _in_view(frame, root)
        drawn = _wait_drawn(frame, root)
        views = drawn.views()
        assert len(views) == 2, f"{len(views)} views drawn, expected two side by side"
        first, second = views
        ax, ay = _axis(first, "x"), _axis(first, "y")
        x0, x1, y0, y1 = box
        start = drawn.screen(ax.pixel(x0), ay.pixel(y1))
        end = drawn.screen(ax.pixel(x1), ay.pixel(y0))
        page = frame.page
        page.mouse.move(*start)
        page.mouse.down()
        page.mouse.move(*end, steps=10)
        page.mouse.up()
        drawn = _wait_drawn(frame, root, lambda d: any(
            m.fill in FADED for m in d.marks))
        second = drawn.views()[1]
        return _pairs([m for m in _shown(second) if m.fill not in FADED])

    def choose(self, frame: Any, root: str, option: str) -> Pairs:
        before = _wait_drawn(frame, root)
        frame.locator(f"{root} .vega-bindings select").first.select_option(option)
        drawn = _wait_drawn(frame, root, lambda d: d.marks != before.marks)
        return _pairs(_shown(drawn.marks))

    def move_to(self, frame: Any, root: str, time: str) -> Pairs:
        before = _wait_drawn(frame, root)
        slider = frame.locator(f'{root} .vega-bindings input[type="range"]').first
        slider.fill(time)  # the input event a drag of the slider sends
        drawn = _wait_drawn(frame, root, lambda d: d.marks != before.marks)
        return _pairs(_shown(drawn.marks))


DRIVERS["vega"] = VegaDriver()
