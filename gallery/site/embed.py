"""Output family -> how its chart travels and how a page embeds it.

One entry per family in ``EMBEDDERS`` (never a branch per library): ``serialize`` runs in
the worker and turns the family's payload into text (workers return strings, not live
objects); ``fragment`` turns that text into the HTML of a card; ``assets`` names the
JavaScript files a page with such a card must load. ``assets/site.js`` draws every
``[data-embed]`` element with the family's own embedding API."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

# JSON inlined in <script> ends at the first "</script" whatever the quoting, and "<!--"
# changes how the parser reads it: escaping these three keeps data from closing the tag.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(text: str) -> Markup:
    """JSON text made safe to sit inside <script type="application/json">.

    The characters only occur inside JSON strings, where \\u escapes mean the same."""
    return Markup(text.translate(_SCRIPT_SAFE))


def _plain(value: Any) -> Any:
    """A spec with numpy scalars as Python ones and NaN/inf as null (JSON.parse rejects NaN)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str | bytes):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "isoformat"):  # pandas/datetime timestamps
        return value.isoformat()
    return value


def _bokeh_json(model: Any) -> str:
    import logging

    from bokeh.embed import json_item
    from bokeh.models import Plot

    from gallery.bokeh_fit import fit_to_width

    # A browser gives a page a few WebGL contexts; hvPlot and Pandas-Bokeh ask for WebGL, and
    # a tab that redraws its cards many times ran out ("context lost": blank cards). Canvas
    # draws the same marks without one.
    for plot in model.select({"type": Plot}):
        plot.output_backend = "canvas"

    # json_item validates the document and logs layout advice about the example's
    # figure (W-1005...) into the progress display; the chart draws the same without it.
    logging.getLogger("bokeh.core.validation.check").setLevel(logging.ERROR)
    return json.dumps(fit_to_width(json_item(model)), separators=(",", ":"))


def _plotly_json(figure: Any) -> str:
    # plotly's own encoder: typed arrays, NaN as null; one copy of each trace's data.
    return figure.to_json()


def _vega_json(spec: dict) -> str:
    return json.dumps(_plain(spec), separators=(",", ":"), allow_nan=False)


def _image(href: str, alt: str, css_class: str) -> Markup:
    return Markup('<img class="{}" src="{}" alt="{}">').format(css_class, href, alt)


def _inline(family: str) -> Callable[[str, str, str, float], Markup]:
    """A target element plus its inline JSON; site.js finds both by the target's id. The
    element keeps the chart's own proportions (``aspect``: width / height) while the
    library sizes the chart to the card's width."""

    def fragment(target: str, text: str, alt: str, aspect: float = 1.5) -> Markup:
        return Markup(
            '<div class="chart" id="{0}" data-chart="{1}" data-embed="{1}" role="img" '
            'aria-label="{2}" style="--aspect: {4:.4f}"></div>'
            '<script type="application/json" id="{0}-data">{3}</script>'
        ).format(target, family, alt, script_json(text), aspect)

    return fragment


# Below an animation's frame, to_jshtml's controls: its slider, a row of buttons and the
# repetition modes (px, as the page styles them: 71 at any width, the buttons shrink).
ANIMATION_CONTROLS_PX = 74


def _static_fragment(target: str, href: str, alt: str, aspect: float = 1.5) -> Markup:
    if href.endswith(".html"):  # an animation: its own page, framed at the card's width
        return Markup(
            '<div class="chart" id="{0}" data-chart="matplotlib" '
            'style="container-type: inline-size">'
            '<iframe class="animation" src="{1}" title="{2}" style="display: block; '
            'width: 100%; height: calc(100cqi / {3:.4f} + {4}px); border: 0"></iframe></div>'
        ).format(target, href, alt, aspect, ANIMATION_CONTROLS_PX)
    return Markup('<div class="chart" id="{}" data-chart="matplotlib">{}</div>').format(
        target, _image(href, alt, "static"))


def _static_thumbnail(href: str, alt: str) -> Markup:
    if href.endswith(".html"):  # a page is no picture: a label until a thumbnail is made
        return Markup('<span class="thumb-label">animation</span>')
    return _image(href, alt, "thumb")


def _static_suffix(text: str) -> str:
    from gallery.renderers.matplotlib_figures import is_page

    return ".html" if is_page(text) else ".svg"


def _label(family: str) -> Callable[[str, str], Markup]:
    def thumbnail(href: str, alt: str) -> Markup:
        return Markup('<span class="thumb-label">{} chart,<br>interactive</span>').format(family)

    return thumbnail


@dataclass(frozen=True)
class Embedder:
    """How one output family's charts are shipped in the site."""

    serialize: Callable[[Any], str]  # payload -> text, in the worker
    # (target id, text or file href, alt, width / height) -> HTML
    fragment: Callable[[str, str, str, float], Markup]
    thumbnail: Callable[[str, str], Markup]  # (file href, alt) -> small HTML for the matrix
    distribution: str  # the family's base library: its version is part of the cache key
    assets: tuple[str, ...] = ()  # files under assets/ a page with this family must load
    # when set, the text is a file charts/<cell><suffix>, not inline (a function of the
    # text where the family has two kinds of file)
    file_suffix: str | Callable[[str], str] = ""

    def suffix_for(self, text: str) -> str:
        """The suffix of the chart file that holds ``text``; "" when it is inlined."""
        return self.file_suffix(text) if callable(self.file_suffix) else self.file_suffix


EMBEDDERS: dict[str, Embedder] = {
    # An SVG file shown through <img>: no id clashes between several inline SVGs, and
    # the same file is the chart on the kind and library pages and the matrix thumbnail.
    # An animation is an HTML page of its own (to_jshtml), shown in an <iframe>.
    "matplotlib": Embedder(
        serialize=str,
        fragment=_static_fragment,
        thumbnail=_static_thumbnail,
        distribution="matplotlib",
        file_suffix=_static_suffix,
    ),
    "bokeh": Embedder(_bokeh_json, _inline("bokeh"), _label("bokeh"), "bokeh", ("bokeh.min.js",)),
    "plotly": Embedder(
        _plotly_json, _inline("plotly"), _label("plotly"), "plotly", ("plotly.min.js",)
    ),
    "vega": Embedder(
        _vega_json, _inline("vega"), _label("vega"), "vl-convert-python", ("vega-bundle.js",)
    ),
}


def embedder_for(family: str) -> Embedder:
    try:
        return EMBEDDERS[family]
    except KeyError:
        known = ", ".join(EMBEDDERS)
        raise KeyError(f"no embedding for output family {family!r}: {known}") from None
