"""The code shown for a cell is cut verbatim from the example script, and runs alone."""

import ast
import difflib
from pathlib import Path

import pytest

from gallery.kinds import KINDS
from gallery.libraries import LIBRARIES
from gallery.render import render_cell
from gallery.sources import EXAMPLES_DIR, example_source, parse_example


def test_each_library_has_exactly_one_example_script():
    stems = {p.stem for p in EXAMPLES_DIR.glob("plot_*.py")}
    assert stems == {LIBRARIES.get(k).example_stem for k in LIBRARIES}


@pytest.mark.parametrize("library", LIBRARIES.names())
def test_shown_code_is_cut_verbatim_from_the_example(library):
    info = LIBRARIES.get(library)
    source = example_source(info)
    file_text = (EXAMPLES_DIR / f"{info.example_stem}.py").read_text()
    if info.variant:
        file_text = file_text.replace(*info.variant)
    assert source.preamble and source.preamble in file_text
    assert "import " in source.preamble, "the code shown must include its imports"
    for kind, function in source.functions.items():
        assert function in file_text
        code = render_cell(library, kind).code
        assert code.startswith(source.preamble) and function in code
        ast.parse(code)  # the shown code is a complete program


def test_holoviews_backends_differ_by_one_line():
    bokeh = example_source(LIBRARIES.get("holoviews")).code_for("scatter")
    mpl = example_source(LIBRARIES.get("holoviews_matplotlib")).code_for("scatter")
    changed = [d for d in difflib.ndiff(bokeh.splitlines(), mpl.splitlines()) if d[:2] in "+ - "]
    assert len([d for d in changed if d.startswith("- ")]) == 1
    assert len([d for d in changed if d.startswith("+ ")]) == 1


def test_code_after_the_chart_functions_is_rejected(tmp_path):
    text = 'import x\n\ndef scatter(df, x, y, color):\n    pass\n\nhelper = 1\n'
    with pytest.raises(ValueError, match="preamble comes first"):
        parse_example(Path("plot_bad.py"), text)


def test_a_kind_both_drawn_and_unsupported_is_rejected():
    text = 'import x\n\ndef box(df, x, y):\n    pass\n\nNOT_SUPPORTED = {"box": "no"}\n'
    with pytest.raises(ValueError, match="both drawn and marked not supported"):
        parse_example(Path("plot_bad.py"), text)


@pytest.mark.parametrize("library", LIBRARIES.names())
def test_chart_functions_take_their_kinds_roles(library):
    source = example_source(LIBRARIES.get(library))
    for kind, function in source.functions.items():
        node = ast.parse(function).body[0]
        parameters = tuple(a.arg for a in node.args.args)
        # a kind drawn on the world map takes it after the data
        inputs = ("df", "world") if KINDS[kind].world else ("df",)
        assert parameters == (*inputs, *KINDS[kind].roles), f"{library}.{kind}{parameters}"
