"""Box plots assembled from the primitives a renderer draws them with.

Libraries draw a box as a body rectangle (q1..q3), a line across it (the median), two
whiskers (lines from the body's edges out to the whisker ends, often with caps) and
outlier markers beyond them. Extractors that see numeric positions (matplotlib, Vega's
pixels) hand the parts here; ``label_at`` names the category at an x position."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gallery.verify.scene import Box


@dataclass(frozen=True)
class Body:
    x0: float
    x1: float
    y0: float
    y1: float
    color: str
    panel: int = 0


Segment = tuple[tuple[float, float], tuple[float, float], int]  # (a, b, panel)


def _close(a: float, b: float, scale: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, scale) + 1e-9 or abs(a - b) <= 0.002 * scale


def _median(body: Body, segments: list[Segment], scale: float) -> float | None:
    """The y of a horizontal segment inside the body spanning (most of) its width."""
    width = body.x1 - body.x0
    for (xa, ya), (xb, yb), panel in segments:
        if panel != body.panel or not _close(ya, yb, scale):
            continue
        if body.y0 - 1e-9 <= ya <= body.y1 + 1e-9 and min(xa, xb) <= body.x0 + 0.25 * width \
                and max(xa, xb) >= body.x1 - 0.25 * width:
            return ya
    return None


def _whisker_ends(body: Body, segments: list[Segment], scale: float) -> tuple[float, float]:
    """The whisker ends: the furthest points of vertical segments at the body's centre
    that start at its edges (caps and whiskers drawn as one path included)."""
    centre, half = (body.x0 + body.x1) / 2, (body.x1 - body.x0) / 2
    low, high = body.y0, body.y1
    for (xa, ya), (xb, yb), panel in segments:
        if panel != body.panel or abs(xa - xb) > 1e-9 * max(1.0, abs(xa)) + 1e-9:
            continue
        if abs(xa - centre) > 0.2 * half:
            continue
        bottom, top = min(ya, yb), max(ya, yb)
        if _close(top, body.y0, scale) or top <= body.y0:
            low = min(low, bottom)
        if _close(bottom, body.y1, scale) or bottom >= body.y1:
            high = max(high, top)
    return low, high


def boxes_from_parts(
    bodies: Iterable[Body],
    segments: Iterable[Segment],
    points: Iterable[tuple[float, float, int]],
    label_at: Callable[[float, int], str],
    scale: float,
) -> list[Box]:
    """Boxes from body rectangles, straight segments and outlier points (x, y, panel).

    ``scale`` is the y axis span, for tolerances. A body with no median across it is not
    a box (a plain bar) and is left out."""
    segments, points = list(segments), list(points)
    boxes = []
    for body in bodies:
        median = _median(body, segments, scale)
        if median is None:
            continue
        low, high = _whisker_ends(body, segments, scale)
        centre, half = (body.x0 + body.x1) / 2, (body.x1 - body.x0) / 2
        outliers = tuple(sorted(y for x, y, panel in points if panel == body.panel
                                and abs(x - centre) <= half and (y < low or y > high)))
        boxes.append(Box(label_at(centre, body.panel), body.y0, median, body.y1, low, high,
                         body.color, outliers, body.panel))
    return boxes
