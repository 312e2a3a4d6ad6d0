"""The chart kinds of the gallery: what each one shows, which roles it takes, and what a
chart of it must have drawn to count as showing the whole dataset."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ChartKind:
    """One chart kind: a row of the gallery matrix is a library, a column is one of these."""

    key: str
    title: str
    description: str
    roles: tuple[str, ...]
    default_dataset: str = "penguins"
    numeric_roles: tuple[str, ...] = ()
    categorical_roles: tuple[str, ...] = ()
    # Categorical roles whose values name rows (a country, a penguin's label): every value
    # is kept, where a colour's categories are capped to the palette.
    name_roles: tuple[str, ...] = ()
    # Numeric roles on a log axis: rows at or below zero cannot be drawn there.
    log_roles: tuple[str, ...] = ()
    # At most this many distinct values of a role (an animation's frames): more is refused
    # with what to map instead, not drawn for minutes.
    max_distinct: dict[str, int] = field(default_factory=dict)
    # (numeric role, category role): a statistic of the first within each category of the
    # second needs two distinct values (a density); smaller categories are left out.
    spread_within: tuple[str, str] | None = None
    # Every mark in the palette's first colour: colour carries no category (a ranking).
    one_colour: bool = False
    # Besides its roles, the kind draws every numeric measure of the data (a scatter
    # matrix, parallel coordinates): at most MEASURES of them, in the data's order.
    measures: bool = False
    spec: dict[str, str] = field(default_factory=dict)  # point -> what every library draws
    # Small multiples are wide: at most this many cards side by side, in the app and the
    # export, so that each panel keeps a readable size (None: as many as the reader picks).
    cards_per_row: int | None = None
    # The interaction the kind is about ("" for a static kind): what a reader does to it.
    interaction: str = ""
    # Which of FAMILIES it belongs to: the picker and the matrices group kinds by it.
    family: str = "correlation"
    # Draws on the world map shipped with the data (gallery.world): the chart function
    # takes it after df, and the shown code reads it next to the CSV.
    world: bool = False


# The families of data-to-viz's taxonomy (what question a chart answers), in the order the
# picker and the matrices show them; "interaction" holds the kinds about what a reader does.
FAMILIES: dict[str, str] = {
    "distribution": "Distribution",
    "correlation": "Correlation",
    "ranking": "Ranking",
    "part": "Part of a whole",
    "evolution": "Evolution",
    "map": "Map",
    "flow": "Flow",
    "interaction": "Interaction",
}
MEASURES = 4  # the measures a scatter matrix or parallel coordinates draw, at most
RANKING_TOP = 15  # the ordered bar shows this many of the highest values
HEXBIN_GRIDSIZE = 25  # bins across the x range of a hexbin / 2D histogram
RADAR_FILL = 0.25  # a radar profile's fill opacity: every overlapping profile stays visible
TREEMAP_LABEL_SHARE = 0.02  # a treemap tile of at least this share of the whole is labelled
SANKEY_STAGES = ("color", "via", "target")  # a Sankey's stages, left to right
NO_DATA_GREY = "#d9d9d9"  # a map's countries without data: drawn, in a light grey
DENSITY_AREA = (0.85, 1.1)  # a density curve's drawn area, as a share of 1 (tails may be cut)


# The specification every library meets, point by point. A point's key is what an example
# script names in SPEC_NOT_MET when its library cannot meet it natively, and what
# ``gallery.verify.checks`` reports a difference against.
HIST_BINS = 20
NOMINAL_SIZE = (600, 400)  # px, a single panel (3:2)
FACET_COLUMNS = 2  # two panels to a row keep each readable in a phone-wide card
BUBBLE_MAX_PX = 40  # diameter of the largest bubble at the nominal size
OPACITY = {"scatter": 0.8, "facet": 0.8, "regression": 0.6, "scatter3d": 0.8, "bubble": 0.6,
           "tooltip": 0.8, "linked": 0.8, "widget": 0.8, "animation": 0.6,
           "area": 0.85}
LINKED_VIEW_SIZE = (400, 400)  # px, each of the two linked views

_PALETTE = ("palette", "Categories take the Okabe-Ito colour-blind-safe colours in sorted "
            "order (blue, orange, green, reddish purple, sky blue, ...): the same colour for "
            "the same category in marks, legend and every panel.")
_ORDER = ("order", "Categories are listed in sorted order in the legend and on category axes.")
_LEGEND = ("legend", "One legend names every category with its colour.")
_SIZE = ("size", f"A single panel is drawn at {NOMINAL_SIZE[0]} x {NOMINAL_SIZE[1]} px (3:2); "
         "in a card it scales to the card's width.")


def _points(kind: str) -> tuple[str, str]:
    return ("rows", f"Every row is one filled marker at opacity {OPACITY[kind]}, drawn once, "
            "visible and inside the axis ranges.")


def _spec(*points: tuple[str, str]) -> dict[str, str]:
    return dict(points)


SPECS: dict[str, dict[str, str]] = {
    "scatter": _spec(_points("scatter"), _PALETTE, _ORDER, _LEGEND, _SIZE),
    "line": _spec(
        ("statistic", "One line per category through the mean of y at each time, in time "
         "order, with a marker at each mean."),
        _PALETTE, _ORDER, _LEGEND, _SIZE),
    "bar": _spec(
        ("statistic", "One bar per (x, colour) pair as tall as the mean of y, from 0."),
        ("grouping", "The bars of one x stand side by side (dodged, not stacked), colours in "
         "sorted order from left to right; x categories sorted."),
        ("error bars", "No error bars: not every library draws them, and not the same ones."),
        _PALETTE, _ORDER, _LEGEND, _SIZE),
    "histogram": _spec(
        ("bins", f"{HIST_BINS} bins of equal width from the smallest to the largest x "
         f"(numpy.histogram_bin_edges(x, {HIST_BINS})), the same for every category; the last "
         "bin includes its right edge."),
        ("stacking", "Stacked: a bin's bars for each category sit on one another, never "
         "overlap."),
        ("statistic", "Bar height is the count of rows in the bin."),
        _PALETTE, _ORDER, _LEGEND, _SIZE),
    "box": _spec(
        ("statistic", "Quartiles by linear interpolation (numpy's default); the median is a "
         "line across the box."),
        ("whiskers", "Tukey whiskers: to the furthest value within 1.5 x IQR of the box; "
         "values beyond are drawn as outlier points, inside the axis range."),
        ("palette", "Each box is filled with its category's Okabe-Ito colour, categories in "
         "sorted order."),
        _ORDER, _SIZE),
    "heatmap": _spec(
        ("statistic", "Pearson correlation of every pair of numeric columns."),
        ("orientation", "Columns left to right and rows top to bottom in the data's column "
         "order: the diagonal runs from the top left to the bottom right."),
        ("values", "Each cell shows its correlation to two decimals."),
        ("scale", "A diverging scale fixed at -1..1: blue at -1, white at 0, red at +1 "
         "(ColorBrewer RdBu), with a colour bar."),
        _SIZE),
    "facet": _spec(
        _points("facet"),
        ("panels", f"One panel per facet value in sorted order, left to right, wrapping after "
         f"{FACET_COLUMNS}, each titled with its value."),
        ("shared axes", "Every panel has the same x and y ranges."),
        _PALETTE, _ORDER, _LEGEND,
        ("size", "Panels are square-ish and the whole figure fits a card; it scales to the "
         "card's width.")),
    "regression": _spec(
        _points("regression"),
        ("fit", "One least-squares line of y on x per category, from that category's "
         "smallest to its largest x, in its colour; no confidence band."),
        _PALETTE, _ORDER, _LEGEND, _SIZE),
    "scatter3d": _spec(_points("scatter3d"), _PALETTE, _ORDER, _LEGEND, _SIZE),
    "bubble": _spec(
        _points("bubble"),
        ("size scale", f"Marker area is proportional to the size value (from zero); the "
         f"largest marker is {BUBBLE_MAX_PX} px across at the nominal size."),
        ("size legend", "A legend shows marker sizes for a few values."),
        _PALETTE, _ORDER, _LEGEND, _SIZE),
}

SPECS.update({
    "splom": _spec(
        ("panels", f"A grid of panels, one row and one column per measure (at most "
         f"{MEASURES}, in the data's order); each panel off the diagonal plots every row, the "
         "column's measure across and the row's up, as a filled marker at opacity "
         "0.6; the diagonal may show each measure's distribution or stay empty."),
        _PALETTE, _ORDER, _LEGEND,
        ("size", "The whole grid fits a card: about 600 x 600 px, scaled to the card's "
         "width.")),
    "parallel": _spec(
        ("statistic", f"One line per row across the measures (at most {MEASURES}, in the "
         "data's order, left to right), each measure's axis scaled from its smallest value "
         "(0) to its largest (1)."),
        _PALETTE, _ORDER, _LEGEND, _SIZE),
    "radar": _spec(
        ("statistic", f"One closed polygon per category over one spoke per measure (at most "
         f"{MEASURES}, in the data's order, clockwise from 12 o'clock, evenly spaced); on each "
         "spoke the vertex sits at the category's mean of that measure, the measure scaled "
         "from its smallest value over all rows (0, the centre) to its largest (1)."),
        ("spokes", "Each spoke is named by its measure."),
        ("fill", f"Each polygon is outlined in its category's colour and filled at opacity "
         f"{RADAR_FILL} (or not filled), so overlapping profiles all stay visible."),
        _PALETTE, _ORDER, _LEGEND, _SIZE),
    "violin": _spec(
        ("statistic", "One violin per x category: a mirrored Gaussian kernel density (Scott's "
         "bandwidth) of its y values, reaching at least from the category's smallest to its "
         "largest y; no points or box are required inside."),
        ("palette", "Each violin is filled with its category's Okabe-Ito colour, categories "
         "in sorted order."),
        _ORDER, _SIZE),
    "area": _spec(
        ("statistic", "One band per category, stacked: at each time a band runs from the sum "
         "of y of the categories below it to that sum plus its own sum of y."),
        ("stacking", "Bands stacked in sorted category order from the bottom, never "
         f"overlapping, filled at opacity {OPACITY['area']}."),
        _PALETTE, _ORDER, _LEGEND, _SIZE),
    "pie": _spec(
        ("statistic", "One wedge per category, its angle proportional to its number of rows "
         "(a donut's ring counts the same)."),
        ("order", "Wedges in sorted category order, clockwise from 12 o'clock."),
        _PALETTE,
        ("legend", "A legend, or a label on each wedge, names every category."),
        _SIZE),
    "ridgeline": _spec(
        ("statistic", "One Gaussian kernel density curve per category (Scott's bandwidth, as "
         "scipy.stats.gaussian_kde), each on a baseline of its own and over at least the "
         "category's range, all at one common scale so that heights compare across ridges "
         "(a ridge may overlap the one above it)."),
        ("order", "Ridges in sorted category order from the top down, each named (by the axis "
         "at its baseline, a panel title or a legend)."),
        ("fill", "Each ridge is filled in its category's Okabe-Ito colour."),
        _SIZE),
    "hexbin": _spec(
        ("statistic", f"Every row is counted in exactly one bin of a grid over x and y "
         f"(hexagons, or rectangles where the library has no hexagons), about "
         f"{HEXBIN_GRIDSIZE} bins across x, on linear axes; each bin drawn is as many rows as "
         "it holds, the counts add up to the number of rows, and empty bins are not drawn."),
        ("scale", "Bins are coloured by their count on viridis (dark purple for the fewest "
         "rows, yellow for the most), and a colour bar shows the counts."),
        _SIZE),
    "density": _spec(
        ("statistic", "One Gaussian kernel density curve per category (Scott's bandwidth, as "
         "scipy.stats.gaussian_kde), over at least the category's range; each curve's area is "
         "1 (density, not counts)."),
        ("fill", "Curves are lines (a light fill under them is allowed); every curve stays "
         "visible where they overlap."),
        _PALETTE, _ORDER, _LEGEND, _SIZE),
    "lollipop": _spec(
        ("statistic", f"The {RANKING_TOP} categories with the highest mean of y at the latest "
         "time, one mark each (a bar from 0, or a stem from 0 with a dot at its end) as tall "
         "as that mean."),
        ("order", "Sorted from the highest on the left to the lowest on the right; the x axis "
         "names each category (labels may be turned)."),
        ("palette", "Every mark in the first palette colour (Okabe-Ito blue, #0072b2); no "
         "legend: colour carries nothing."),
        _SIZE),
    "stacked100": _spec(
        ("statistic", "One bar per x category, split into one segment per colour category; a "
         "segment's height is that category's share of the x category's rows, so every bar "
         "reaches 100 % (1.0 or 100 on the y axis)."),
        ("stacking", "Segments sit on one another in sorted category order from the bottom, "
         "never overlap."),
        _PALETTE, _ORDER, _LEGEND, _SIZE),
    "treemap": _spec(
        ("statistic", "At the latest time, one rectangle per (colour, label) pair, its area "
         "proportional to the sum of size over its rows; the rectangles tile the plot without "
         "overlapping (a tile under a pixel may vanish)."),
        ("grouping", "The rectangles of one colour category lie together in one block whose "
         "area is that category's sum: a two-level, nested treemap."),
        ("labels", f"Every rectangle of at least {TREEMAP_LABEL_SHARE:.0%} of the whole names "
         "its label inside it."),
        ("palette", "Each rectangle is filled with its colour category's Okabe-Ito colour, "
         "categories in sorted order."),
        ("legend", "A legend, or a name on each colour category's block, names every "
         "category."),
        _SIZE),
    "sankey": _spec(
        ("statistic", "One node per category of each stage, the stages from left to right in "
         "role order (colour, via, target); a node's height is proportional to its number of "
         "rows. Between neighbouring stages, the links from one node to another carry "
         "together as many rows as have both categories, their width in proportion (a link "
         "may be split by first-stage category); no link joins two categories that never "
         "meet. Rows missing a stage are left out."),
        ("labels", "Every node is named by its category, on or beside it."),
        ("palette", "The links leaving the first stage are filled in their source "
         "category's Okabe-Ito colour, categories in sorted order."),
        _SIZE),
    "choropleth": _spec(
        ("statistic", "At the latest time, every country of the data that the shipped world "
         "map holds (1:110m, ids are ISO 3166-1 numeric codes) is filled by the mean of value "
         "over its rows; a country the map lacks is left out (gapminder's Reunion, part of "
         "France on the map, and Sudan, whose code 736 predates its split)."),
        ("scale", "Countries are coloured on viridis from the smallest mean (dark purple) "
         "to the largest (yellow), linearly, and a colour bar shows the values."),
        ("map", f"Every other country of the map is drawn too, in light grey "
         f"({NO_DATA_GREY}), so the world stays whole; the map's own geometry, any "
         "projection (longitude and latitude as x and y where the library has none)."),
        _SIZE),
})

_BUBBLES = ("size scale", f"Marker area is proportional to the size value (from zero); the "
            f"largest marker is {BUBBLE_MAX_PX} px across at the nominal size.")

# The interactive kinds: each works in a page on its own (JavaScript the library ships),
# with no Python behind it; a library that needs a live Python process says so.
SPECS.update({
    "tooltip": _spec(
        _points("tooltip"),
        ("tooltip", "Hovering a point shows a tooltip with that row's colour category, label, "
         "x and y, each named by its column."),
        _PALETTE, _ORDER, _LEGEND, _SIZE),
    "linked": _spec(
        ("rows", "Two views side by side, x against y and x2 against y2: every row is one "
         f"filled marker in each, at opacity {OPACITY['linked']}."),
        ("brush", "Dragging a rectangle in the first view selects the rows inside it; the "
         "second view highlights exactly those rows (the others fade), in the page, with no "
         "Python server."),
        _PALETTE, _ORDER, _LEGEND,
        ("size", f"Each view is {LINKED_VIEW_SIZE[0]} x {LINKED_VIEW_SIZE[1]} px, side by "
         f"side with the legend: about {2 * LINKED_VIEW_SIZE[0] + 100} x "
         f"{LINKED_VIEW_SIZE[1]} px in all; the pair scales to the card's width.")),
    "widget": _spec(
        ("control", "A dropdown (or a slider) bound to the chart lists every colour category "
         "in sorted order; the first is chosen at the start."),
        ("rows", "Only the chosen category's rows are drawn, one filled marker each at opacity "
         f"{OPACITY['widget']}; choosing another category draws its rows instead."),
        ("axes", "The axes keep the range of the whole data, so categories compare."),
        _PALETTE, _SIZE),
    "animation": _spec(
        ("frames", "One frame per time value in time order, starting at the first; a frame "
         "draws that time's rows only, one bubble each at opacity "
         f"{OPACITY['animation']}."),
        ("controls", "A play button and a time control (slider or scrubber) that shows the "
         "current time and moves to any frame."),
        ("axes", "x on a log scale; both axis ranges fixed over every frame."),
        _BUBBLES, _PALETTE, _ORDER, _LEGEND, _SIZE),
})

KINDS: dict[str, ChartKind] = {
    kind.key: kind
    for kind in [
        ChartKind(
            "scatter", "Scatter by category",
            "Two numeric columns against each other, coloured by a category (the talk's example).",
            ("x", "y", "color"),
            numeric_roles=("x", "y"), categorical_roles=("color",),
            spec=SPECS["scatter"],
        ),
        ChartKind(
            "line", "Line / time series",
            "The mean of a numeric column over time, one line per category.",
            ("time", "y", "color"), default_dataset="gapminder",
            numeric_roles=("time", "y"), categorical_roles=("color",),
            spec=SPECS["line"], family="evolution",
        ),
        ChartKind(
            "bar", "Grouped bar of a mean",
            "The mean of a numeric column per category, bars grouped side by side by a second one.",
            ("x", "y", "color"),
            numeric_roles=("y",), categorical_roles=("x", "color"),
            spec=SPECS["bar"], family="ranking",
        ),
        ChartKind(
            "histogram", "Histogram",
            "The distribution of one numeric column, stacked or overlaid by category.",
            ("x", "color"),
            numeric_roles=("x",), categorical_roles=("color",),
            spec=SPECS["histogram"], family="distribution",
        ),
        ChartKind(
            "box", "Box plot",
            "The distribution of a numeric column per category as boxes.",
            ("x", "y"),
            numeric_roles=("y",), categorical_roles=("x",),
            spec=SPECS["box"], family="distribution",
        ),
        ChartKind(
            "heatmap", "Correlation heatmap",
            "The correlation matrix of every numeric column, as coloured cells.",
            (),
            spec=SPECS["heatmap"],
        ),
        ChartKind(
            "facet", "Faceted small multiples",
            "The scatter repeated in one small panel per value of a facet column.",
            ("x", "y", "color", "facet"),
            numeric_roles=("x", "y"), categorical_roles=("color", "facet"),
            spec=SPECS["facet"], cards_per_row=2,
        ),
        ChartKind(
            "regression", "Scatter with regression",
            "The scatter with a straight-line least-squares fit per category on top.",
            ("x", "y", "color"),
            numeric_roles=("x", "y"), categorical_roles=("color",),
            spec=SPECS["regression"],
        ),
        ChartKind(
            "scatter3d", "3D scatter",
            "Three numeric columns in a 3D scatter, coloured by category.",
            ("x", "y", "z", "color"),
            numeric_roles=("x", "y", "z"), categorical_roles=("color",),
            spec=SPECS["scatter3d"],
        ),
        ChartKind(
            "bubble", "Bubble chart",
            "The scatter with a third numeric column as marker size.",
            ("x", "y", "size", "color"),
            numeric_roles=("x", "y", "size"), categorical_roles=("color",),
            spec=SPECS["bubble"],
        ),
        ChartKind(
            "splom", "Scatter matrix",
            "Every pair of numeric measures against each other, coloured by a category.",
            ("color",), categorical_roles=("color",), measures=True,
            spec=SPECS["splom"], family="correlation", cards_per_row=2,
        ),
        ChartKind(
            "parallel", "Parallel coordinates",
            "Each row as a line across the numeric measures, each scaled 0 to 1.",
            ("color",), categorical_roles=("color",), measures=True,
            spec=SPECS["parallel"], family="ranking",
        ),
        ChartKind(
            "radar", "Radar / spider",
            "Each category's mean profile over the numeric measures, each scaled 0 to 1, as a "
            "polygon on spokes around a centre.",
            ("color",), categorical_roles=("color",), measures=True,
            spec=SPECS["radar"], family="ranking",
        ),
        ChartKind(
            "violin", "Violin plot",
            "The distribution of a numeric column per category as mirrored density curves.",
            ("x", "y"),
            numeric_roles=("y",), categorical_roles=("x",), spread_within=("y", "x"),
            spec=SPECS["violin"], family="distribution",
        ),
        ChartKind(
            "area", "Stacked area",
            "The sum of a numeric column over time, one band per category, stacked.",
            ("time", "y", "color"), default_dataset="gapminder",
            numeric_roles=("time", "y"), categorical_roles=("color",),
            spec=SPECS["area"], family="evolution",
        ),
        ChartKind(
            "pie", "Pie / donut",
            "Each category's share of the rows, as the slices of a circle.",
            ("color",),
            categorical_roles=("color",), spec=SPECS["pie"], family="part",
        ),
        ChartKind(
            "ridgeline", "Ridgeline",
            "Density curves of one numeric column, one per category, stacked one above the "
            "other: the distributions of many groups compared at a glance.",
            ("x", "color"), default_dataset="gapminder",
            numeric_roles=("x",), categorical_roles=("color",), spread_within=("x", "color"),
            spec=SPECS["ridgeline"], family="distribution",
        ),
        ChartKind(
            "hexbin", "Hexbin / 2D histogram",
            "Two numeric columns binned into hexagons (or rectangles), each bin coloured by "
            "how many rows fall in it: a scatter for rows too many to see one by one.",
            ("x", "y"), default_dataset="gapminder",
            numeric_roles=("x", "y"), spec=SPECS["hexbin"], family="correlation",
        ),
        ChartKind(
            "density", "Density (KDE)",
            "A kernel density curve of one numeric column per category: the smooth histogram.",
            ("x", "color"),
            numeric_roles=("x",), categorical_roles=("color",), spread_within=("x", "color"),
            spec=SPECS["density"], family="distribution",
        ),
        ChartKind(
            "lollipop", "Ordered bar / lollipop",
            f"The {RANKING_TOP} categories with the highest mean at the latest time, sorted: "
            "a ranking.",
            ("x", "y", "time"), default_dataset="gapminder",
            numeric_roles=("y", "time"), categorical_roles=("x",), name_roles=("x",),
            one_colour=True, spec=SPECS["lollipop"], family="ranking",
        ),
        ChartKind(
            "stacked100", "100 % stacked bar",
            "Each category's share of the rows within each x category, stacked to 100 %.",
            ("x", "color"),
            categorical_roles=("x", "color"),
            spec=SPECS["stacked100"], family="part",
        ),
        ChartKind(
            "treemap", "Treemap",
            "Nested rectangles, one per label within its colour category, each as large as "
            "its sum of a numeric column at the latest time: the parts of a whole, two levels "
            "deep.",
            ("color", "label", "size", "time"), default_dataset="gapminder",
            numeric_roles=("size", "time"), categorical_roles=("color", "label"),
            name_roles=("label",), spec=SPECS["treemap"], family="part",
        ),
        ChartKind(
            "sankey", "Sankey / flow",
            "Rows flowing from the categories of one column through a second to a third: "
            "each node as tall as its rows, each link as wide as the rows two categories "
            "share.",
            SANKEY_STAGES, categorical_roles=SANKEY_STAGES,
            spec=SPECS["sankey"], family="flow",
        ),
        ChartKind(
            "choropleth", "Choropleth map",
            "Countries on a world map, each filled by its mean of a numeric column at the "
            "latest time.",
            ("geo", "value", "time"), default_dataset="gapminder",
            numeric_roles=("geo", "value", "time"), spec=SPECS["choropleth"],
            family="map", world=True,
        ),
        ChartKind(
            "tooltip", "Tooltip on hover",
            "The scatter; hovering a point names that row: its category, label and values.",
            ("x", "y", "color", "label"),
            numeric_roles=("x", "y"), categorical_roles=("color", "label"),
            name_roles=("label",), spec=SPECS["tooltip"], family="interaction",
            interaction="hover a point",
        ),
        ChartKind(
            "linked", "Linked selection",
            "Two views of the same rows; a rectangle dragged in one highlights its rows in "
            "the other.",
            ("x", "y", "x2", "y2", "color"),
            numeric_roles=("x", "y", "x2", "y2"), categorical_roles=("color",),
            spec=SPECS["linked"], family="interaction", interaction="drag a rectangle",
            cards_per_row=2,
        ),
        ChartKind(
            "widget", "Bound widget",
            "The scatter with a dropdown of categories bound to it: only the chosen one is "
            "drawn.",
            ("x", "y", "color"),
            numeric_roles=("x", "y"), categorical_roles=("color",),
            spec=SPECS["widget"], family="interaction", interaction="choose in a dropdown",
        ),
        ChartKind(
            "animation", "Animation over time",
            "The bubble chart over the years (the gapminder chart), with play and a time "
            "control.",
            ("x", "y", "size", "color", "time"),
            default_dataset="gapminder",
            numeric_roles=("x", "y", "size", "time"), categorical_roles=("color",),
            log_roles=("x",), max_distinct={"time": 60},
            spec=SPECS["animation"], family="interaction", interaction="play, or move to a year",
        ),
    ]
}

INTERACTIVE_KINDS = [k for k in KINDS.values() if k.interaction]


def get_kind(key: str) -> ChartKind:
    """Return the chart kind called ``key``, or say which ones exist."""
    try:
        return KINDS[key]
    except KeyError:
        raise KeyError(f"no chart kind {key!r}; choose one of: {', '.join(KINDS)}") from None


def kinds_by_family() -> dict[str, list[ChartKind]]:
    """{family title: its kinds}, families in FAMILIES order, kinds in KINDS order."""
    grouped: dict[str, list[ChartKind]] = {FAMILIES[f]: [] for f in FAMILIES}
    for kind in KINDS.values():
        grouped[FAMILIES[kind.family]].append(kind)
    return {family: kinds for family, kinds in grouped.items() if kinds}


# The order every matrix, picker and list shows the kinds in: family by family.
ORDERED_KINDS: list[ChartKind] = [k for kinds in kinds_by_family().values() for k in kinds]
