"""One renderer per output family, not per library: every library's native object goes
through its family's renderer (like sphinx-gallery's scrapers)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

from gallery.drawn import Drawn
from gallery.renderers import bokeh_models, matplotlib_figures, plotly_figures, vega_specs


class Renderer(Protocol):
    """What each family module provides (the modules import their library lazily)."""

    SUFFIXES: tuple[str, ...]

    def to_payload(self, native: Any) -> tuple[Any, Drawn]: ...

    def save(self, payload: Any, path: Path) -> None: ...


RENDERERS: dict[str, ModuleType] = {
    "matplotlib": matplotlib_figures,
    "bokeh": bokeh_models,
    "plotly": plotly_figures,
    "vega": vega_specs,
}


def renderer_for(family: str) -> ModuleType:
    try:
        return RENDERERS[family]
    except KeyError:
        known = ", ".join(RENDERERS)
        raise KeyError(f"no renderer for output family {family!r}: {known}") from None
