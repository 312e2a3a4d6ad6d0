"""What a chart draws, as one comparable string: two charts with the same fingerprint show
the same marks. Used to compare a card with its shown code run elsewhere, and with the
example script's own output.

Vega-Lite specs and plotly figures are compared as their JSON (the spec is the chart);
matplotlib and bokeh charts as the Scene the verify extractors read off them (bokeh's
JSON carries random ids, matplotlib's SVG random clip-path ids)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Any


def fingerprint(family: str, native: Any) -> str:
    from gallery.renderers import renderer_for

    figure = renderer_for(family).figure_of(native)
    if family == "vega":
        return json.dumps(figure, sort_keys=True, default=str)
    if family == "plotly":
        return figure.to_json()
    module = {"matplotlib": "extract_matplotlib", "bokeh": "extract_bokeh"}[family]
    extract = __import__(f"gallery.verify.{module}", fromlist=["extract"]).extract
    try:
        return json.dumps(_steady(asdict(extract(figure))), sort_keys=True, default=str)
    finally:
        if family == "matplotlib":
            import matplotlib.pyplot as plt

            plt.close(figure)


def _steady(value: Any) -> Any:
    """The scene without what layout engines move between draws of one figure: panel
    positions (only used to order panels) and the last digits of coordinates."""
    if isinstance(value, dict):
        return {k: _steady(v) for k, v in value.items() if k not in ("left", "top")}
    if isinstance(value, list | tuple):
        return [_steady(v) for v in value]
    if isinstance(value, float):
        return float(f"{value:.9g}")
    return value


def _run_files(family: str, paths: list[str]) -> None:
    """Run each pasted cell file as a script in its own folder; print its fingerprint."""
    import os
    import runpy
    from contextlib import nullcontext

    from gallery.renderers import renderer_for

    isolated = getattr(renderer_for(family), "isolated", nullcontext)
    for path in paths:
        os.chdir(os.path.dirname(path))
        with isolated():
            chart = runpy.run_path(path, run_name="__main__")["chart"]
            print(json.dumps({"path": path, "fingerprint": fingerprint(family, chart)}))


def _run_example(family: str, script: str, out: str) -> None:
    """Run an example script as its reader would (python plot_x.py OUT); print the
    fingerprint of each chart it drew."""
    import runpy

    sys.argv = [script, out]
    charts = runpy.run_path(script, run_name="__main__")["charts"]
    for kind, chart in charts.items():
        print(json.dumps({"kind": kind, "fingerprint": fingerprint(family, chart)}))


if __name__ == "__main__":
    if sys.argv[1] == "--example":
        _run_example(*sys.argv[2:5])
    else:
        _run_files(sys.argv[1], sys.argv[2:])
