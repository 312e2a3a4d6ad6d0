"""The example scripts as the single source of every cell's code.

``examples/plot_<library>.py`` is laid out as: a docstring, a preamble (imports and any
setup the charts need, shown with every chart), one function per chart kind named after
the kind, a ``NOT_SUPPORTED`` dict of kind -> reason, then the ``__main__`` block that
writes every chart to files. A cell's code is the preamble plus its kind's function, cut
verbatim from the file; the gallery executes exactly that text and shows exactly that text.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from gallery.kinds import KINDS
from gallery.libraries import LibraryInfo

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
# How a cell the library can draw only with a live Python process behind the page starts
# its message: a static page and the gallery's cards have no such process.
NEEDS_SERVER = "Needs a live Python server"


@dataclass(frozen=True)
class ExampleSource:
    """One example script, split into the parts a cell is made of."""

    path: Path
    text: str
    preamble: str
    functions: dict[str, str]  # chart kind -> the function's source, verbatim
    not_supported: dict[str, str]  # chart kind -> the reason shown to the reader
    # chart kind -> {specification point -> why this library cannot meet it natively}
    spec_not_met: dict[str, dict[str, str]] = field(default_factory=dict)
    # chart kind -> what the library can do with a live Python process behind the page
    # (a Bokeh or Panel server, Dash, a Jupyter kernel), which a static page cannot
    needs_server: dict[str, str] = field(default_factory=dict)

    @property
    def undrawn(self) -> dict[str, str]:
        """Chart kind -> what its card says in place of a chart: not supported natively,
        or what a live Python server would let the library do."""
        server = {kind: f"{NEEDS_SERVER}: {why}" for kind, why in self.needs_server.items()}
        return {**self.not_supported, **server}

    def code_for(self, kind: str) -> str:
        """The chart code of one cell: the preamble, then the kind's function."""
        return f"{self.preamble}\n\n\n{self.functions[kind]}\n"

    def cell_code(self, kind: str, data_code: str, call: str) -> str:
        """Everything a reader runs: the chart code, then the data read from its CSV and
        prepared, then the call. Imports the data lines need and the preamble lacks are
        added above them."""
        imports = [line for module, line in _DATA_IMPORTS.items()
                   if f"{module}." in data_code and line not in self.preamble]
        head = "\n".join(["# The data, read from its CSV and prepared as for every library",
                           *imports])
        return f"{self.code_for(kind)}\n\n{head}\n\n{data_code}\n{call}\n"

    def lines_of_code(self, kind: str) -> tuple[int, int]:
        """(the chart function's own lines, the preamble's lines): counted apart, so a
        library's imports and set-up (Pandas-Bokeh's shim) do not pad its chart code."""
        return function_lines(self.functions[kind]), lines_of_code(self.preamble)

    def compile_kind(self, kind: str) -> Any:
        """Execute the cell's code in a fresh namespace and return its chart function."""
        namespace: dict[str, Any] = {"__name__": f"gallery_cell_{self.path.stem}_{kind}"}
        exec(compile(self.code_for(kind), f"{self.path}::{kind}", "exec"), namespace)
        return namespace[kind]


def _segment(lines: list[str], node: ast.stmt) -> str:
    start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
    return "\n".join(lines[start - 1 : node.end_lineno])


def parse_example(path: Path, text: str) -> ExampleSource:
    """Split an example script's text into preamble, kind functions and reasons."""
    tree = ast.parse(text, filename=str(path))
    lines = text.splitlines()
    body = tree.body[1:] if ast.get_docstring(tree) is not None else tree.body
    preamble: list[ast.stmt] = []
    functions: dict[str, str] = {}
    declared: dict[str, dict] = {"NOT_SUPPORTED": {}, "SPEC_NOT_MET": {}, "NEEDS_SERVER": {}}
    conditional = False  # a declaration chosen by a preamble constant (a backend)
    for node in body:
        if isinstance(node, ast.FunctionDef) and node.name in KINDS:
            functions[node.name] = _segment(lines, node)
        elif isinstance(node, ast.Assign) and any(_assigns(node, n) for n in declared):
            name = next(n for n in declared if _assigns(node, n))
            declared[name] = _declaration(node.value, _constants(preamble))
            conditional = conditional or (name != "SPEC_NOT_MET" and not isinstance(
                node.value, ast.Dict))
        elif isinstance(node, ast.If) and _is_main_guard(node):
            continue
        elif functions:
            raise ValueError(
                f"{path.name}:{node.lineno}: only chart functions, NOT_SUPPORTED, "
                "NEEDS_SERVER and the __main__ block may follow the first chart function (the "
                "preamble comes first)"
            )
        else:
            preamble.append(node)
    not_supported, spec_not_met = declared["NOT_SUPPORTED"], declared["SPEC_NOT_MET"]
    needs_server = declared["NEEDS_SERVER"]
    both = set(needs_server) & set(not_supported)
    if both:
        raise ValueError(f"{path.name}: {sorted(both)} in both NEEDS_SERVER and NOT_SUPPORTED")
    overlap = set(functions) & (set(not_supported) | set(needs_server))
    if overlap and not conditional:
        raise ValueError(f"{path.name}: {sorted(overlap)} both drawn and marked not supported")
    for kind in overlap:  # a function one backend draws and this one cannot: not supported
        del functions[kind]
    # One verbatim slice, so blank lines and comments between statements stay as written.
    preamble_text = ""
    if preamble:
        preamble_text = "\n".join(lines[preamble[0].lineno - 1 : preamble[-1].end_lineno])
    return ExampleSource(path, text, preamble_text, functions, not_supported, spec_not_met,
                         needs_server)


def _constants(preamble: list[ast.stmt]) -> dict[str, object]:
    """The preamble's plain constants (``BACKEND = "bokeh"``): a declaration may depend on
    them, as HoloViews' does on its backend."""
    found: dict[str, object] = {}
    for node in preamble:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
                node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return found


def _declaration(value: ast.expr, constants: dict[str, object]) -> dict:
    """A NOT_SUPPORTED or SPEC_NOT_MET value: a dict literal, or a conditional choosing
    between dict literals by a preamble constant. Evaluated without builtins."""
    try:
        return ast.literal_eval(value)
    except ValueError:
        code = compile(ast.Expression(value), "<declaration>", "eval")
        return eval(code, {"__builtins__": {}}, dict(constants))  # our own example text


def _assigns(node: ast.Assign, name: str) -> bool:
    return any(isinstance(t, ast.Name) and t.id == name for t in node.targets)


def _is_main_guard(node: ast.If) -> bool:
    return ast.unparse(node.test).replace("'", '"') == '__name__ == "__main__"'


@lru_cache(maxsize=64)
def _read(path: Path, mtime_ns: int, variant: tuple[str, str] | None) -> ExampleSource:
    text = path.read_text(encoding="utf-8")
    if variant is not None:
        old, new = variant
        if text.count(old) != 1:
            raise ValueError(f"{path.name} must contain the line {old!r} exactly once")
        text = text.replace(old, new)
    return parse_example(path, text)


def example_path(info: LibraryInfo) -> Path:
    return EXAMPLES_DIR / f"{info.example_stem}.py"


def example_source(info: LibraryInfo, path: Path | None = None) -> ExampleSource:
    """The parsed example script of ``info`` (with its backend variant applied); ``path``
    reads a copy placed anywhere instead (``gallery verify`` on a new example)."""
    path = Path(path).resolve() if path is not None else example_path(info)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: the gallery reads its chart code from examples/; "
            "run it from a checkout of the project (pip install -e .)"
        )
    return _read(path, path.stat().st_mtime_ns, info.variant)



_DATA_IMPORTS = {"pd": "import pandas as pd", "np": "import numpy as np",
                 "json": "import json"}


def function_lines(function: str) -> int:
    """Lines of a function's code, without its docstring, blank lines or comments."""
    tree = ast.parse(function).body[0]
    docstring = ast.get_docstring(tree, clean=False)
    lines = lines_of_code(function)
    if docstring is not None:
        lines -= lines_of_code(ast.get_source_segment(function, tree.body[0]) or "")
    return lines


def lines_of_code(code: str) -> int:
    """Lines that are neither blank nor comments: the usual LOC, for comparing libraries."""
    return sum(1 for line in code.splitlines() if line.strip() and not line.strip().startswith("#"))
