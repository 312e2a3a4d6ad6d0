"""The layout measures bite: a chart spilling out of its card, cut by a scrolling box or
squashed, and a category colour missing from a chart's pixels, are each reported."""

import io

import pytest
from PIL import Image, ImageDraw

from tests.seen import BOXES_JS, layout_problems, missing_colors, picture_likeness

# Cards of 300 px, each holding one kind of chart a reader would find wrong (but the first).
CHARTS = {
    "fits": '<div data-chart style="width:280px;height:200px"></div>',
    "spills": '<div data-chart style="width:480px;height:200px"></div>',  # a fixed width
    "cut": '<div data-chart style="width:280px;height:200px;overflow:auto">'
           '<div style="width:600px;height:200px"></div></div>',  # scrolls inside
    "squashed": '<div data-chart style="width:280px;height:60px"></div>',
    "spilt": '<div data-chart style="width:280px;height:200px">'  # overflow: visible
             '<svg width="450" height="300"></svg></div>',
    # the app's Bokeh component: a frame that cuts a plot squashed to a strip
    "framed": '<div data-chart><iframe style="width:280px;height:200px;border:0" srcdoc="'
              "<body style='margin:0'><div class=bk-CartesianFrame "
              "style='width:500px;height:40px'></div></body>\"></iframe></div>",
}
PAGE = ('<!DOCTYPE html><html><body style="margin:0;display:flex;gap:10px">'
        + "".join(f'<article class="card" id="{name}" style="width:300px">{html}</article>'
                  for name, html in CHARTS.items()) + "</body></html>")


@pytest.mark.browser
def test_a_chart_outside_its_card_cut_or_squashed_is_reported():
    from gallery.chromium import chromium

    with chromium() as browser:
        page = browser.new_page(viewport={"width": 2000, "height": 600})
        page.set_content(PAGE)
        page.wait_for_function("document.querySelector('iframe').contentDocument"
                               ".querySelector('div')")
        seen = {card["id"]: layout_problems(card, min_height=150)
                for card in page.evaluate(BOXES_JS, {"cards": "article.card",
                                                     "chart": "[data-chart]"})}
    assert seen["fits"] == []
    assert any("outside its card" in p for p in seen["spills"])
    assert any("scrolls or is cut" in p for p in seen["cut"])
    assert seen["squashed"] == ["chart only 60 px tall"]
    assert any("draws over its neighbours" in p for p in seen["spilt"])  # overflow: visible
    # inside a frame (the app's Bokeh component): a plot cut by it and squashed
    assert any("iframe holds 500x" in p for p in seen["framed"])
    assert any(p.startswith("plots squashed to 500x40") for p in seen["framed"])


def _png(*fills: tuple[str, float]) -> bytes:
    """A white picture with a 10x10 square of each (colour, opacity)."""
    image = Image.new("RGB", (100, 40), "white")
    draw = ImageDraw.Draw(image, "RGBA")
    for i, (color, alpha) in enumerate(fills):
        rgb = tuple(int(color[j:j + 2], 16) for j in (1, 3, 5))
        draw.rectangle([10 + 20 * i, 10, 20 + 20 * i, 20], fill=(*rgb, round(alpha * 255)))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


PALETTE = {"Adelie": "#0072B2", "Chinstrap": "#E69F00", "Gentoo": "#009E73"}


def test_every_category_colour_found_in_the_pixels():
    png = _png(("#0072B2", 0.8), ("#E69F00", 0.8), ("#009E73", 0.8))
    assert missing_colors(png, PALETTE, opacity=0.8) == []


def test_a_missing_category_and_a_swapped_palette_are_reported():
    one_missing = _png(("#0072B2", 1.0), ("#E69F00", 1.0))
    assert missing_colors(one_missing, PALETTE) == ["Gentoo #009E73"]
    other_palette = _png(("#1F77B4", 1.0), ("#FF7F0E", 1.0), ("#2CA02C", 1.0))  # matplotlib's
    assert len(missing_colors(other_palette, PALETTE)) == 3


def _chart_png(shift: int = 0, bars: tuple[int, ...] = (60, 120, 90)) -> bytes:
    """A bar chart picture (axes and three bars), its content ``shift`` px lower."""
    image = Image.new("RGB", (480, 320), "white")
    draw = ImageDraw.Draw(image)
    draw.line([(40, 20 + shift), (40, 290 + shift), (460, 290 + shift)], fill="black", width=2)
    for i, height in enumerate(bars):
        left = 80 + i * 120
        draw.rectangle([left, 290 + shift - 2 * height, left + 80, 290 + shift],
                       fill=["#0072b2", "#e69f00", "#009e73"][i])
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _thumbnail(png: bytes) -> bytes:
    image = Image.open(io.BytesIO(png)).resize((240, 160), Image.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_a_thumbnail_is_like_its_chart_and_unlike_a_misplaced_or_blank_picture():
    from tests.test_export import LIKE

    chart = _chart_png()
    assert picture_likeness(chart, _thumbnail(chart)) > 0.99
    # the wrong pictures: cut 10 % too high, taken before the chart drew, another chart
    assert picture_likeness(chart, _thumbnail(_chart_png(shift=32))) < LIKE
    assert picture_likeness(chart, _thumbnail(chart), shift=0.1) < LIKE
    blank = _thumbnail(_chart_png(shift=400))
    assert picture_likeness(chart, blank) < LIKE
    assert picture_likeness(chart, _thumbnail(_chart_png(bars=(120, 30, 60)))) < LIKE
