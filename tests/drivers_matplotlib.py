"""The matplotlib family's interaction driver (see tests/interact.py).

The family draws one interactive kind in a page: an animation, as ``Animation.to_jshtml``
writes it (each frame an SVG picture, a frame slider and play buttons), in an iframe of
its own in the export and in the app. The driver moves the slider with the keyboard as a
reader does, watching the frame's text until it shows the asked time, then reads the
frame shown: the <img>'s data: URI decoded back into its SVG, whose bubbles are counted
(the markers matplotlib clips to the plot area, so legend keys are not counted).

Tooltips, linked selections and widgets need a live Python process in this family
(NEEDS_SERVER or NOT_SUPPORTED in the examples), so there is nothing to hover, drag or
choose: those methods say so.
"""

from __future__ import annotations

import re
from typing import Any

from tests.interact import DRIVERS, Pairs

WAIT_MS = 15_000
READY = """() => { const img = document.querySelector('.animation img');
  return !!img && img.src.startsWith('data:image/svg+xml'); }"""

# The frame shown, read from its picture: the texts it draws, and its bubbles (markers
# of a PathCollection clipped to the plot area; legend keys are not clipped).
SHOWN = """() => {
  const img = document.querySelector('.animation img');
  const svg = new DOMParser().parseFromString(atob(img.src.split(',')[1]), 'image/svg+xml');
  const marks = Array.from(svg.querySelectorAll('g[id^="PathCollection"] > [clip-path]'))
    .filter(e => !e.closest('g[id^="legend"]'));
  return {texts: Array.from(svg.querySelectorAll('text')).map(t => t.textContent.trim()),
          bubbles: marks.length,
          step: parseInt(document.querySelector('input[type=range].anim-slider').value),
          steps: parseInt(document.querySelector('input[type=range].anim-slider').max) + 1};
}"""


def _animation_frame(frame: Any, root: str) -> Any:
    """The frame of the animation's page: the iframe under ``root`` (the export's card),
    or ``frame`` itself when the chart's page is that frame (the app's component)."""
    inner = frame.locator(f"{root} iframe")
    if inner.count():
        found = inner.first.element_handle().content_frame()
        if found is None:
            raise AssertionError(f"the iframe under {root} holds no page")
        return found
    return frame


def _shows(texts: list[str], time: str) -> bool:
    """Whether a frame's texts name ``time`` (its title "year = 1977", or "1977" alone)."""
    return any(re.search(rf"(^|[^\d.]){re.escape(time)}$", text) for text in texts)


class MatplotlibDriver:
    def hover(self, frame: Any, root: str, x: float, y: float) -> str:
        raise NotImplementedError("a matplotlib figure in a page has no tooltip: hovering "
                                  "needs mpl_connect callbacks in a live Python process")

    def brush(self, frame: Any, root: str, box: tuple[float, float, float, float]) -> Pairs:
        raise NotImplementedError("a matplotlib figure in a page has no selection: "
                                  "RectangleSelector needs a live Python process")

    def choose(self, frame: Any, root: str, option: str) -> Pairs:
        raise NotImplementedError("a matplotlib figure in a page has no widget: "
                                  "matplotlib.widgets need a live Python process")

    def move_to(self, frame: Any, root: str, time: str) -> int:
        """Move the frame slider to ``time``'s frame with the keyboard, watching each frame
        shown, and count the bubbles of the frame that shows it."""
        page = _animation_frame(frame, root)
        page.wait_for_function(READY, timeout=WAIT_MS)
        slider = page.locator("input[type=range].anim-slider")
        slider.scroll_into_view_if_needed()
        slider.click()  # focus, as a reader's click does (it may also move it)
        slider.press("Home")
        shown = page.evaluate(SHOWN)
        for _ in range(shown["steps"]):
            if _shows(shown["texts"], time):
                return shown["bubbles"]
            slider.press("ArrowRight")
            page.wait_for_timeout(50)
            shown = page.evaluate(SHOWN)
        raise AssertionError(f"no frame of the animation shows {time}: the last one shows "
                             f"{shown['texts']}")


DRIVERS["matplotlib"] = MatplotlibDriver()
