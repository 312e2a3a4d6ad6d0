"""The shared files under ``assets/``: each JavaScript bundle taken from an installed Python
package and written once, the site's own CSS and JS, and the Pygments stylesheet.

Pages refer to them relatively (``assets/NAME``), so the site opens from file://."""

from __future__ import annotations

import importlib.util
import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterable
from importlib import metadata
from multiprocessing.process import BaseProcess
from pathlib import Path

from gallery.site.cache import CellCache
from gallery.site.lifeline import die_with_parent

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STATIC = ("site.css", "site.js")  # copied verbatim from gallery/templates
PYGMENTS_STYLE = "friendly"


def _package_file(package: str, relative: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"{package} is not installed: pip install {package}")
    return Path(spec.origin).parent / relative


def _bokeh(target: Path, cache: CellCache) -> None:
    # The files bokeh.resources.INLINE inlines; copying them avoids importing bokeh. The
    # widgets bundle (dropdowns, sliders, buttons) registers its models with the Bokeh
    # object the main bundle makes: one file keeps them in that order.
    with target.open("wb") as out:
        for name in ("bokeh.min.js", "bokeh-widgets.min.js"):
            out.write(_package_file("bokeh", f"server/static/js/{name}").read_bytes() + b"\n")


def _plotly(target: Path, cache: CellCache) -> None:
    from plotly.offline import get_plotlyjs

    target.write_text(get_plotlyjs(), encoding="utf-8")


def _vega_blob() -> str:
    # One bundle per vl-convert release: it always bundles that release's newest Vega-Lite.
    return f"vega-bundle-{metadata.version('vl-convert-python')}.js"


def _vega_bundle(cache: CellCache) -> bytes:
    """vega + vega-lite + vega-embed in one classic script that sets window.vegaEmbed.

    Bundling takes ~5 s, so the result is kept in the cache; a copy there that fails its
    hash check (truncated, say) is built again, never published."""
    data = cache.read_blob(_vega_blob())
    if data is None:
        import vl_convert as vlc

        vl_version = vlc.get_vegalite_versions()[-1]  # the newest, which Altair 6 writes
        data = vlc.javascript_bundle(vl_version=vl_version).encode("utf-8")
        cache.write_blob(_vega_blob(), data)
    return data


def _vega(target: Path, cache: CellCache) -> None:
    target.write_bytes(_vega_bundle(cache))


BUNDLES: dict[str, Callable[[Path, CellCache], None]] = {
    "bokeh.min.js": _bokeh,
    "plotly.min.js": _plotly,
    "vega-bundle.js": _vega,
}
# Bundles slow to make: (the name the cache keeps it under, how to get it from there).
_SLOW: dict[str, tuple[Callable[[], str], Callable[[CellCache], bytes]]] = {
    "vega-bundle.js": (_vega_blob, _vega_bundle),
}


def _build_slow(cache_root: str, names: list[str], parent: int) -> None:
    die_with_parent(parent)
    for name in names:
        try:
            _SLOW[name][1](CellCache(Path(cache_root)))
        except Exception:  # write_assets builds it again and reports the failure
            pass


def prebuild(cache: CellCache, names: Iterable[str]) -> BaseProcess | None:
    """Start building the slow bundles the cache lacks (or holds corrupt), so it overlaps
    the drawing.

    A process, not a thread: vl-convert holds the GIL for its seconds of work, which would
    stall the export's own loop. None when the cache has them all already, or cannot keep
    them (write_assets then builds them itself)."""
    if not cache.writable:
        return None
    missing = sorted(n for n in set(names) & set(_SLOW) if not cache.has_blob(_SLOW[n][0]()))
    if not missing:
        return None
    process = multiprocessing.get_context("spawn").Process(
        target=_build_slow, args=(str(cache.root), missing, os.getpid()), daemon=True
    )
    process.start()
    return process


def rebuilt(cache: CellCache) -> list[str]:
    """The assets whose cached copy was found corrupt in this export (and so rebuilt)."""
    return [name for name, (blob, _) in _SLOW.items() if blob() in cache.corrupt_blobs]


def pygments_css() -> str:
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(style=PYGMENTS_STYLE).get_style_defs(".highlight")


def write_assets(site: Path, bundles: Iterable[str], cache: CellCache) -> list[str]:
    """Write the named bundles and the site's own files once; return what was written."""
    folder = site / "assets"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(set(bundles)):
        BUNDLES[name](folder / name, cache)
        written.append(name)
    for name in STATIC:
        shutil.copyfile(TEMPLATES / name, folder / name)
        written.append(name)
    (folder / "pygments.css").write_text(pygments_css(), encoding="utf-8")
    return [*written, "pygments.css"]
