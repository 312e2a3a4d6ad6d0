"""The one categorical palette every library draws with, and the order categories take.

Okabe & Ito's eight colours ("Color Universal Design", 2008) stay distinguishable under
the common colour-vision deficiencies. Reordered so that the first three, which most
charts here use, are the strongest on white: yellow, the weakest, comes seventh.

The rule every chart kind states: categories are sorted (as text), and the i-th category
takes the i-th colour, in marks, legends, axes and every facet panel alike. Each example
script carries the same list as a constant in its own idiom; a test holds them equal."""

from __future__ import annotations

import functools
from collections.abc import Iterable

PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
PALETTE_NAME = "Okabe-Ito"
# The diverging scale of the correlation heatmap: ColorBrewer's RdBu, reversed so that
# -1 is blue, 0 white and +1 red, fixed at -1..1 in every library.
DIVERGING = ("#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7",
             "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f")

# The sequential scale of counts (a hexbin): viridis, dark purple for the fewest rows,
# yellow for the most; every library ships it under that name.
SEQUENTIAL = ("#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c", "#22a884",
              "#44bf70", "#7ad151", "#bddf26", "#fde725")
SEQUENTIAL_NAME = "viridis"


def category_order(values: Iterable[object]) -> list[str]:
    """The categories of a column as every chart lists them: distinct, sorted as text."""
    return sorted({str(value) for value in values})


def colors_for(values: Iterable[object]) -> dict[str, str]:
    """{category: '#rrggbb'}: the i-th sorted category takes the i-th palette colour."""
    order = category_order(values)
    if len(order) > len(PALETTE):
        raise ValueError(f"{len(order)} categories, but the palette has {len(PALETTE)} colours: "
                         "fold the rarest into 'other' first (gallery.cleaning does)")
    return {name: PALETTE[i].lower() for i, name in enumerate(order)}


def diverging_color(value: float) -> str:
    """The heatmap's colour for a correlation ``value`` in -1..1, linear between stops."""
    position = (max(-1.0, min(1.0, value)) + 1) / 2 * (len(DIVERGING) - 1)
    low = int(position)
    high = min(low + 1, len(DIVERGING) - 1)
    share = position - low
    a, b = _rgb(DIVERGING[low]), _rgb(DIVERGING[high])
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


@functools.cache  # a chart repeats few colours over many marks: each is placed once
def sequential_position(color: str) -> tuple[float, float]:
    """Where ``color`` lies on the sequential scale (0 fewest .. 1 most), and how far (RGB
    distance) it is from the scale there: a colour not on the scale is far from it."""
    best = (0.0, float("inf"))
    for step in range(101):
        position = step / 100 * (len(SEQUENTIAL) - 1)
        low = int(position)
        high = min(low + 1, len(SEQUENTIAL) - 1)
        a, b = _rgb(SEQUENTIAL[low]), _rgb(SEQUENTIAL[high])
        share = position - low
        here = "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))
        gap = distance(color, here)
        if gap < best[1]:
            best = (step / 100, gap)
    return best


def _rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def distance(a: str, b: str) -> float:
    """Euclidean distance of two '#rrggbb' colours in RGB (0..441)."""
    return sum((x - y) ** 2 for x, y in zip(_rgb(a), _rgb(b), strict=True)) ** 0.5
