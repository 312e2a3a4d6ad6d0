"""vega family: Altair and raw Vega-Lite JSON; the payload is the Vega-Lite spec dict."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gallery.drawn import Drawn

SUFFIXES = (".svg", ".png", ".json", ".html")
MAX_ROWS = 5_000  # Altair's own MaxRowsError limit; raw Vega-Lite: 0.03 s, 0.55 MB at 10k


def figure_of(native: Any) -> dict:
    if isinstance(native, dict):
        return native
    if hasattr(native, "to_dict"):  # an Altair chart
        return native.to_dict()
    kind = type(native).__name__
    raise TypeError(f"expected a Vega-Lite spec dict or an Altair chart, got {kind}")


def _data_rows(spec: dict) -> int:
    """Rows of inline data in the spec and every nested view (the runtime draws from these)."""
    rows = len(spec.get("data", {}).get("values", []) or [])
    rows += sum(len(values) for values in spec.get("datasets", {}).values())
    for child_key in ("layer", "hconcat", "vconcat", "concat"):
        rows += sum(_data_rows(child) for child in spec.get(child_key, []))
    if "spec" in spec:
        rows += _data_rows(spec["spec"])
    return rows


def measure(spec: dict) -> Drawn:
    return Drawn(rows=_data_rows(spec))


def payload_of(figure: Any) -> Any:
    """The payload is the spec itself."""
    return figure


def to_payload(native: Any) -> tuple[dict, Drawn]:
    spec = figure_of(native)
    if not spec.get("mark") and not any(k in spec for k in ("layer", "facet", "spec", "hconcat")):
        raise ValueError("the Vega-Lite spec has no mark, layer or facet: nothing would draw")
    return spec, measure(spec)


def vega_lite_version(spec: dict) -> str:
    return spec.get("$schema", "v6").rsplit("/v", 1)[-1].split(".json")[0].split(".")[0] or "6"


def save(spec: dict, path: Path) -> None:
    import vl_convert as vlc

    if path.suffix == ".json":
        path.write_text(json.dumps(spec, indent=2), encoding="utf-8")
    elif path.suffix == ".svg":
        path.write_text(vlc.vegalite_to_svg(spec), encoding="utf-8")
    elif path.suffix == ".png":
        path.write_bytes(vlc.vegalite_to_png(spec))
    elif path.suffix == ".html":
        path.write_text(vlc.vegalite_to_html(spec, bundle=True), encoding="utf-8")
    else:
        formats = " or ".join(SUFFIXES)
        raise ValueError(f"a Vega-Lite chart is written as {formats}, not {path.suffix}")
