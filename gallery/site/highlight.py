"""Python code as highlighted HTML (Pygments), kept in the export's cache: lexing every
cell's code again was a quarter of a warm export."""

from __future__ import annotations

import hashlib
from functools import cache

from markupsafe import Markup

from gallery.site.cache import CellCache

# Line numbers inline, so long lines wrap at the card's width with their number; the copy
# button leaves the numbers (span.linenos) out of what it copies.
_OPTIONS = {"linenos": "inline"}


def highlight(code: str, kept: CellCache | None = None) -> Markup:
    """``code`` as HTML; from ``kept`` when it holds this code highlighted the same way."""
    if kept is None:
        return Markup(_pygmentize(code))
    name = f"code/{_digest(code)}.html"
    stored = kept.read_blob(name)
    if stored is not None:
        return Markup(stored.decode("utf-8"))
    html = _pygmentize(code)
    kept.write_blob(name, html.encode("utf-8"))
    return Markup(html)


def _pygmentize(code: str) -> str:
    from pygments import highlight as pygmentize
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    return pygmentize(code, PythonLexer(), HtmlFormatter(**_OPTIONS))


def _digest(code: str) -> str:
    """The code with what decides its HTML: Pygments' version and the options."""
    return hashlib.sha256(f"{_pygments_version()}|{_OPTIONS}|{code}".encode()).hexdigest()


@cache
def _pygments_version() -> str:
    import pygments

    return pygments.__version__
