"""The scale results as figures, tables and a plain-words reading, drawn with Plotly.

Everything takes the results dict (``gallery.scale.results.read_results()``) and returns a
plotly Figure, a pandas DataFrame or markdown text, so the app's Scale page and the static
export can both use them (``fig.to_json()`` / ``fig.to_html(include_plotlyjs=False)``)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from gallery.libraries import LIBRARIES
from gallery.scale.bigdata import BIG_DATA
from gallery.scale.results import OK, TIMEOUT, Results

SECOND = 1.0  # "about a second": the budget for one card of the app
MB = 1_000_000
_FAMILY_SYMBOLS = {"matplotlib": "circle", "bokeh": "square", "plotly": "diamond",
                   "vega": "triangle-up"}
_PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#ad494a", "#637939", "#e7ba52")


def display_name(key: str) -> str:
    if key in BIG_DATA:
        return BIG_DATA[key].title
    try:
        return LIBRARIES.get(key).name
    except KeyError:  # results from a registry that has changed since
        return key


def _family(key: str) -> str:
    if key in BIG_DATA:
        return BIG_DATA[key].family
    try:
        return LIBRARIES.get(key).family
    except KeyError:
        return ""


def records_frame(results: Results, bigdata: bool = False) -> pd.DataFrame:
    """One row per (library, kind, size) record, seconds flattened, names for readers."""
    records = results["bigdata"]["records"] if bigdata else results["records"]
    rows = []
    for rec in records:
        seconds = rec["seconds"] or {}
        rows.append({
            "library": rec["library"], "name": display_name(rec["library"]),
            "family": _family(rec["library"]), "kind": rec["kind"], "size": rec["size"],
            "status": rec["status"], "repeats": rec["repeats"],
            "seconds": seconds.get("median"), "seconds_min": seconds.get("min"),
            "seconds_max": seconds.get("max"), "prepare_seconds": rec["prepare_seconds"],
            "memory_bytes": rec["memory_bytes"], "memory_growth_bytes": rec["memory_growth_bytes"],
            "output_bytes": rec["output_bytes"], "message": rec["message"],
        })
    return pd.DataFrame(rows, columns=[
        "library", "name", "family", "kind", "size", "status", "repeats", "seconds",
        "seconds_min", "seconds_max", "prepare_seconds", "memory_bytes", "memory_growth_bytes",
        "output_bytes", "message"])


def _colors(frame: pd.DataFrame) -> dict[str, str]:
    names = list(dict.fromkeys(frame["name"]))
    return {name: _PALETTE[i % len(_PALETTE)] for i, name in enumerate(names)}


def _versus_points(results: Results, column: str, title: str, axis: str) -> Any:
    """Log-log lines of ``column`` against points: one line per library, one panel per
    chart kind, markers shaped by output family (all matplotlib-family libraries are
    circles, and so on), stopped libraries marked with an x at their ceiling."""
    from plotly.subplots import make_subplots

    frame = records_frame(results)
    kinds = list(dict.fromkeys(frame["kind"])) or list(results["settings"]["kinds"])
    fig = make_subplots(rows=1, cols=len(kinds), subplot_titles=kinds, shared_yaxes=True,
                        horizontal_spacing=0.04)
    colors = _colors(frame)
    for col, kind in enumerate(kinds, start=1):
        for name, lines in frame[(frame["kind"] == kind)].groupby("name", sort=False):
            drawn = lines[lines["status"] == OK]
            fig.add_scatter(
                x=drawn["size"], y=drawn[column], name=name, legendgroup=name,
                showlegend=col == 1, mode="lines+markers", row=1, col=col,
                line={"color": colors[name]},
                marker={"symbol": _FAMILY_SYMBOLS.get(lines["family"].iloc[0], "circle")},
                error_y=_spread(drawn) if column == "seconds" else None,
                hovertemplate=f"{name}<br>%{{x:,}} points: %{{y:.3s}}<extra>{kind}</extra>",
            )
        if column == "seconds":
            _mark_ceilings(fig, results, kind, col, colors)
    fig.update_xaxes(type="log", title_text="points", exponentformat="SI")
    fig.update_yaxes(type="log", exponentformat="SI")
    fig.update_yaxes(title_text=axis, col=1)
    # the legend below the panels: fourteen names beside them would need a scroll bar
    fig.update_layout(title=title, height=620, margin={"t": 70, "b": 40},
                      legend={"title": "shape: output family", "orientation": "h",
                              "yanchor": "top", "y": -0.16, "xanchor": "left", "x": 0})
    return fig


def _spread(drawn: pd.DataFrame) -> dict[str, Any]:
    return {"type": "data", "symmetric": False, "thickness": 1, "width": 2,
            "array": (drawn["seconds_max"] - drawn["seconds"]).tolist(),
            "arrayminus": (drawn["seconds"] - drawn["seconds_min"]).tolist()}


def _mark_ceilings(fig: Any, results: Results, kind: str, col: int,
                   colors: dict[str, str]) -> None:
    limit = results["settings"]["limit_seconds"]
    # plotly writes "new text" for an annotation_text of None: label the first panel only
    label = {"annotation_text": "1 s", "annotation_position": "bottom right"} if col == 1 else {}
    fig.add_hline(y=SECOND, line_dash="dot", line_color="gray", row=1, col=col, **label)
    stopped = [c for c in results["ceilings"] if c["kind"] == kind and c["reason"] == TIMEOUT]
    for ceiling in stopped:
        name = display_name(ceiling["library"])
        fig.add_scatter(
            x=[ceiling["ceiling"]], y=[limit], mode="markers", showlegend=False, row=1, col=col,
            legendgroup=name, marker={"symbol": "x", "size": 12, "color": colors.get(name)},
            hovertemplate=f"{name}: over {limit:g} s at %{{x:,}} points, stopped<extra></extra>",
        )


def time_figure(results: Results) -> Any:
    """Render time against points, log-log, with each size's spread as error bars."""
    limit = results["settings"]["limit_seconds"]
    return _versus_points(results, "seconds",
                          f"Render time as the data grows (x: stopped at the {limit:g} s limit)",
                          "seconds (median)")


def bytes_figure(results: Results) -> Any:
    """Size of what is sent to the page against points, log-log."""
    return _versus_points(results, "output_bytes", "Output size as the data grows",
                          "bytes (SVG or JSON)")


def memory_figure(results: Results) -> Any:
    """Peak resident memory of the rendering process against points, log-log."""
    return _versus_points(results, "memory_bytes", "Peak memory of the rendering process",
                          "bytes (peak resident)")


def short_reason(message: str) -> str:
    """The error itself, without the gallery's "X could not draw Y:" lead-in."""
    first = message.strip().splitlines()[0] if message.strip() else "failed"
    if " could not draw " in first and ": " in first:
        first = first.split(": ", 1)[1]
    return first if len(first) <= 120 else first[:119] + "…"


def _ceiling_text(entry: dict[str, Any], limit: float) -> str:
    if entry["ceiling"] is None:
        return f"none up to {entry['largest_ok']:,}" if entry["largest_ok"] else "none"
    why = f"over {limit:g} s" if entry["reason"] == TIMEOUT else short_reason(entry["message"])
    return f"{entry['ceiling']:,} ({why})"


def ceiling_table(results: Results) -> pd.DataFrame:
    """One row per library: for each chart kind, the first size it could not draw."""
    limit = results["settings"]["limit_seconds"]
    rows: dict[str, dict[str, str]] = {}
    for entry in results["ceilings"]:
        row = rows.setdefault(entry["library"], {"library": display_name(entry["library"]),
                                                 "family": _family(entry["library"])})
        row[f"{entry['kind']} ceiling"] = _ceiling_text(entry, limit)
    return pd.DataFrame(list(rows.values()))


def measured_table(results: Results, bigdata: bool = False) -> pd.DataFrame:
    """Every measured record as readable columns: seconds, output MB, peak memory MB."""
    frame = records_frame(results, bigdata)
    table = pd.DataFrame({
        "library": frame["name"], "kind": frame["kind"], "points": frame["size"],
        "status": frame["status"], "median s": frame["seconds"].round(3),
        "min-max s": [f"{lo:.3g}-{hi:.3g}" if pd.notna(lo) else ""
                      for lo, hi in zip(frame["seconds_min"], frame["seconds_max"], strict=True)],
        "repeats": frame["repeats"], "output MB": (frame["output_bytes"] / MB).round(3),
        "peak memory MB": (frame["memory_bytes"] / MB).round(1),
        "added memory MB": (frame["memory_growth_bytes"] / MB).round(1),
    })
    return table


def _at(frame: pd.DataFrame, kind: str, size: int) -> pd.DataFrame:
    return frame[(frame["kind"] == kind) & (frame["size"] == size)]


def _names_list(names: list[str]) -> str:
    if not names:
        return "none"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _kind_reading(results: Results, frame: pd.DataFrame, kind: str, size: int) -> list[str]:
    """Sentences about one chart kind at the largest size."""
    here = _at(frame, kind, size)
    drawn = here[here["status"] == OK].sort_values("seconds")
    fast = [f"{r.name} ({r.seconds:.2g} s)" for r in drawn.itertuples() if r.seconds <= SECOND]
    slow = [f"{r.name} ({r.seconds:.2g} s)" for r in drawn.itertuples() if r.seconds > SECOND]
    stopped = [c for c in results["ceilings"] if c["kind"] == kind and c["ceiling"] is not None
               and c["ceiling"] <= size]
    limit = results["settings"]["limit_seconds"]
    lines = [f"**{kind.capitalize()} at {size:,} points.** Under a second: "
             f"{_names_list(fast)}."]
    if slow:
        lines.append(f"Finished, but slower: {_names_list(slow)}.")
    timeouts = [f"{display_name(c['library'])} (at {c['ceiling']:,})" for c in stopped
                if c["reason"] == TIMEOUT]
    errors = [f"{display_name(c['library'])} (at {c['ceiling']:,}: {short_reason(c['message'])})"
              for c in stopped if c["reason"] != TIMEOUT]
    if timeouts:
        lines.append(f"Could not finish within {limit:g} s: {_names_list(timeouts)}.")
    if errors:
        lines.append(f"Refused or failed: {_names_list(errors)}.")
    if len(drawn) > 1:
        big = drawn.sort_values("output_bytes")
        small, large = big.iloc[0], big.iloc[-1]
        lines.append(f"Output ranges from {file_size(small.output_bytes)} ({small['name']}) "
                     f"to {file_size(large.output_bytes)} ({large['name']}).")
        hungry = drawn.sort_values("memory_growth_bytes").iloc[-1]
        lines.append(f"The most memory added while drawing: {file_size(hungry.memory_growth_bytes)}"
                     f" ({hungry['name']}).")
    lines += _growth(frame, kind)
    return [" ".join(lines)]


def _growth(frame: pd.DataFrame, kind: str) -> list[str]:
    """Which libraries' output grows with the rows (they send the rows) and which stays flat
    (they send what was computed from them), from the smallest to the largest size drawn."""
    grows, flat = [], []
    for name, lines in frame[(frame["kind"] == kind) & (frame["status"] == OK)].groupby(
            "name", sort=False):
        lines = lines.sort_values("size")
        if len(lines) < 2:
            continue
        ratio = lines["output_bytes"].iloc[-1] / lines["output_bytes"].iloc[0]
        (grows if ratio > 10 else flat).append(name)
    if not grows or not flat:
        return []
    return [f"Output grows with the rows for {_names_list(grows)} (every row is sent); "
            f"it stays about the same for {_names_list(flat)} (only what was drawn is sent)."]


def file_size(count: float) -> str:
    """Bytes for readers: 31 kB, 2.7 MB, 1.2 GB."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if count >= scale:
            return f"{count / scale:,.{0 if unit == 'kB' else 1}f} {unit}"
    return f"{count:,.0f} bytes"


def _bigdata_reading(results: Results) -> list[str]:
    frame = records_frame(results, bigdata=True)
    if frame.empty:
        return []
    parts = []
    for size in sorted(frame["size"].unique()):
        cells = frame[frame["size"] == size]
        said = [f"{r.name} {r.seconds:.2g} s, {file_size(r.output_bytes)}"
                if r.status == OK else f"{r.name} {r.status}" for r in cells.itertuples()]
        parts.append(f"at {size:,} points: {'; '.join(said)}")
    return ["**The ways out** (big-data cells, scatter of x against y): " + ". ".join(
        p[0].upper() + p[1:] for p in parts) + "."]


def reading(results: Results) -> str:
    """What the figures say, in plain words (markdown), generated from the results."""
    frame = records_frame(results)
    machine, settings = results["machine"], results["settings"]
    largest = max(settings["sizes"])
    paragraphs = [
        f"Measured on {machine['usable_cpus']} cores ({machine['cpu_model']}, "
        f"{machine['memory_bytes'] / 1e9:.0f} GB), Python {machine['python']}, "
        f"on {results['created'][:10]}: the median of up to {settings['repeats']} renders per "
        f"size, each in a fresh process per library; a render still running after "
        f"{settings['limit_seconds']:g} s was stopped.",
    ]
    for kind in settings["kinds"]:
        paragraphs += _kind_reading(results, frame, kind, largest)
    paragraphs += _bigdata_reading(results)
    return "\n\n".join(paragraphs)


def bigdata_table(results: Results) -> pd.DataFrame:
    """The big-data cells' figures: one row per cell and size."""
    frame = records_frame(results, bigdata=True)
    return pd.DataFrame({
        "technique": frame["name"], "points": frame["size"], "status": frame["status"],
        "median s": frame["seconds"].round(3), "output MB": (frame["output_bytes"] / MB).round(3),
        "peak memory MB": (frame["memory_bytes"] / MB).round(1),
        "added memory MB": (frame["memory_growth_bytes"] / MB).round(1),
    })
