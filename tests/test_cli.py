"""The command line: the matrix in the terminal, one cell to a file."""

import subprocess
import sys

from gallery.cli import main
from gallery.kinds import KINDS
from gallery.libraries import LIBRARIES
from gallery.sources import example_source


def test_list_draws_every_cell_and_reports_ok_or_not_supported(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    header, *rows = out.splitlines()[: len(LIBRARIES) + 1]
    assert all(kind[:9] in header for kind in KINDS)
    for library, row in zip(LIBRARIES, rows, strict=True):
        source = example_source(LIBRARIES.get(library))
        assert row.startswith(LIBRARIES.get(library).name)
        assert row.split()[-len(KINDS):] == [
            "server" if kind in source.needs_server else "--" if kind in source.undrawn
            else "ok" for kind in KINDS]


def test_list_without_drawing_reads_the_scripts(capsys):
    assert main(["list", "--no-render"]) == 0
    rows = capsys.readouterr().out.splitlines()[1: len(LIBRARIES) + 1]
    marks = [mark for row in rows for mark in row.split()[-len(KINDS):]]
    assert set(marks) <= {"code", "--", "server"} and {"code", "--"} <= set(marks)
    assert len(marks) == len(LIBRARIES) * len(KINDS)


def test_render_writes_an_svg_with_the_chart(tmp_path):
    out = tmp_path / "scatter.svg"
    result = subprocess.run(
        [sys.executable, "-m", "gallery", "render", "matplotlib", "scatter", "--out", str(out)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    svg = out.read_text()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<!-- bill_length_mm -->" in svg  # matplotlib keeps each text as a comment


def test_render_refuses_a_format_the_family_cannot_write(tmp_path, capsys):
    code = main(["render", "matplotlib", "scatter", "--out", str(tmp_path / "x.html")])
    assert code == 2
    assert "choose one of those for --out" in capsys.readouterr().err


def test_why_explains_every_unsupported_cell(capsys):
    explained = 0
    for library in LIBRARIES:
        for kind, reason in example_source(LIBRARIES.get(library)).undrawn.items():
            main(["why", library, kind])
            assert capsys.readouterr().out.strip() == reason
            explained += 1
    assert explained > 0
