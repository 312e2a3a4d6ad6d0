"""A Bokeh chart made to fit the width it is shown at, in Bokeh's own terms.

A card is narrower than many charts: a facet grid of fixed-size plots spilled out of its
card, and streamlit-bokeh, which sets the root's width to the card's and its height in
the root's proportions, took 400 x 350 for a grid that gives none and squashed it. So
every root gets its natural size and Bokeh's ``scale_width`` sizing, down to each plot,
and a plot sized by its frame (HoloViews' ``frame_width``) is sized as a whole instead,
because a fixed frame does not scale."""

from __future__ import annotations

# Bokeh's size for a plot that gives none, and the room axes and title, and a legend
# beside or under the frame, take around a plot that gives only its frame's size.
PLOT_DEFAULT = 600
AROUND_FRAME = (70, 70)  # px: (left axis, bottom axis and title)
LEGEND = {"left": (130, 0), "right": (130, 0), "above": (0, 90), "below": (0, 90)}
TOOLBAR = 30
OWN_TOOLBARS = 20
LAYOUTS = ("GridPlot", "Row", "Column")
# A widget (dropdown, slider, button) keeps its own width; with its title it is about this
# tall, and this wide when it gives no width.
WIDGET = (300, 60)


def _model(child: object) -> dict:
    return child[0] if isinstance(child, list) else child  # GridPlot: [plot, row, column]


def _children(attributes: dict, models: dict[str, dict] | None = None) -> list[dict]:
    """A layout's children; one given as a reference to a model serialized elsewhere (a
    slider handed to a callback first) is looked up in ``models``."""
    children = [_model(c) for c in attributes.get("children") or [] if isinstance(c, list | dict)]
    return [(models or {}).get(c.get("id"), c) if "name" not in c else c for c in children]


def _is_widget(name: str) -> bool:
    from bokeh.model import Model
    from bokeh.models import Widget

    cls = Model.model_class_reverse_map.get(name)
    return cls is not None and issubclass(cls, Widget)


def _models_by_id(value: object, found: dict[str, dict]) -> dict[str, dict]:
    if isinstance(value, dict):
        if "name" in value and "id" in value:
            found[value["id"]] = value
        for inner in value.values():
            _models_by_id(inner, found)
    elif isinstance(value, list | tuple):  # json_item gives map entries as tuples
        for inner in value:
            _models_by_id(inner, found)
    return found


def _merged_tools(attributes: dict) -> bool:
    """A grid with one toolbar for all its plots (gridplot's default); with
    merge_tools=False each plot keeps its own, inside its size, and the grid has none."""
    toolbar = attributes.get("toolbar")
    return not isinstance(toolbar, dict) or bool(toolbar.get("attributes", {}).get("tools"))


def _legend_room(attributes: dict) -> tuple[float, float]:
    width = height = 0.0
    for side, (extra_width, extra_height) in LEGEND.items():
        if any(isinstance(m, dict) and m.get("name") == "Legend"
               for m in attributes.get(side) or []):
            width, height = width + extra_width, height + extra_height
    return width, height


def _plot_size(attributes: dict) -> tuple[float, float]:
    legend = _legend_room(attributes)
    sides = []
    for axis, (outer, frame) in enumerate((("width", "frame_width"),
                                           ("height", "frame_height"))):
        if attributes.get(outer):
            sides.append(float(attributes[outer]))
        elif attributes.get(frame):
            sides.append(float(attributes[frame]) + AROUND_FRAME[axis] + legend[axis])
        else:
            sides.append(float(PLOT_DEFAULT))
    return sides[0], sides[1]


def natural_size(model: dict, models: dict[str, dict] | None = None) -> tuple[float, float]:
    """The size a Bokeh layout, plot or widget takes on its own, read from its JSON
    (``models``: every model of the document by id, to follow references)."""
    attributes = model.get("attributes", {})
    name = model.get("name", "")
    if _is_widget(name):
        return (float(attributes.get("width") or WIDGET[0]),
                float(attributes.get("height") or WIDGET[1]))
    if name == "GridPlot":
        widths: dict[int, float] = {}
        heights: dict[int, float] = {}
        for plot, row, column in (c[:3] for c in attributes.get("children") or []):
            width, height = natural_size(plot, models)
            widths[column] = max(widths.get(column, 0), width)
            heights[row] = max(heights.get(row, 0), height)
        # plots that keep their own toolbars (merge_tools=False) are drawn a few px
        # taller than their proportions once scaled down: room for that
        return sum(widths.values()), sum(heights.values()) + (
            TOOLBAR if _merged_tools(attributes) else OWN_TOOLBARS)
    children = _children(attributes, models)
    if name in ("Row", "Column") and children:
        sizes = [natural_size(child, models) for child in children]
        if name == "Row":
            return sum(w for w, _ in sizes), max(h for _, h in sizes)
        return max(w for w, _ in sizes), sum(h for _, h in sizes)
    return _plot_size(attributes)


def _scale_width(model: dict, models: dict[str, dict]) -> None:
    attributes = model.setdefault("attributes", {})
    if _is_widget(model.get("name", "")):
        # a widget does not scale (its text would not): it takes the width there is, up
        # to its own, so a slider beside a button still fits a narrow card
        if attributes.get("width"):
            attributes.update(sizing_mode="stretch_width", max_width=attributes["width"],
                              width=None)
        return
    if model.get("name") not in LAYOUTS and (
            attributes.get("frame_width") or attributes.get("frame_height")):
        width, height = _plot_size(attributes)
        attributes.update(width=round(width), height=round(height), frame_width=None,
                          frame_height=None)
    attributes["sizing_mode"] = "scale_width"
    for child in _children(attributes, models):
        _scale_width(child, models)


def fit_to_width(item: dict) -> dict:
    """A ``json_item`` whose roots scale to the width they are given, at their natural
    proportions (changed in place, and returned)."""
    models = _models_by_id(item["doc"], {})
    for root in item["doc"]["roots"]:
        width, height = natural_size(root, models)
        if root.get("name") == "GridPlot" and not _merged_tools(root.get("attributes", {})):
            # an empty toolbar still takes a row above the plots: none is drawn instead
            root["attributes"]["toolbar_location"] = None
        _scale_width(root, models)
        root["attributes"].update(width=round(width), height=round(height))
    return item
