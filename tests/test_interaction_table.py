"""The interaction table: each library's answer per interaction is read from what its
example declares, and the export shows the same answers."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from gallery import interactions
from gallery.interactions import NATIVE, NEEDS_SERVER, NOT_SUPPORTED, interaction_support
from gallery.kinds import INTERACTIVE_KINDS
from gallery.libraries import LIBRARIES
from gallery.sources import parse_example

ROOT = Path(__file__).resolve().parent.parent
FAKE = '''"""A library that draws a tooltip, needs a server to link views and has no widget."""

import fake


def tooltip(df, x, y, color, label):
    return fake.hover(df)


NOT_SUPPORTED = {"widget": "fake has no widgets."}
NEEDS_SERVER = {"linked": "fake links views through its server."}
SPEC_NOT_MET = {"tooltip": {"tooltip": "fake shows x and y only."}}
'''


def test_each_answer_comes_from_the_examples_declaration(monkeypatch):
    fake = parse_example(Path("plot_fake.py"), FAKE)
    monkeypatch.setattr(interactions, "example_source", lambda info: fake)
    support = interaction_support("matplotlib")
    assert {k: s.status for k, s in support.items()} == {
        "tooltip": NATIVE, "linked": NEEDS_SERVER, "widget": NOT_SUPPORTED,
        "animation": NOT_SUPPORTED}
    assert support["tooltip"].label == "native (not met: tooltip)"
    assert support["linked"].reason == "fake links views through its server."
    assert "no animation() function" in support["animation"].reason


def test_a_kind_both_needing_a_server_and_unsupported_is_refused():
    text = FAKE.replace('{"linked": "fake', '{"widget": "fake')
    with pytest.raises(ValueError, match="both NEEDS_SERVER and NOT_SUPPORTED"):
        parse_example(Path("plot_fake.py"), text)


class _Support(HTMLParser):
    """{(library, kind): text} of the index's interaction table."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[tuple[str, str], str] = {}
        self._open: tuple[str, str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        found = dict(attrs)
        if tag == "td" and "support" in (found.get("class") or ""):
            self._open = (found["data-library"], found["data-kind"])
            self.cells[self._open] = ""

    def handle_endtag(self, tag) -> None:
        if tag == "td":
            self._open = None

    def handle_data(self, data) -> None:
        if self._open:
            self.cells[self._open] += data


@pytest.mark.slow
def test_the_export_index_and_library_pages_show_the_table(tmp_path):
    libraries = "matplotlib,plotly"
    run = subprocess.run(
        [sys.executable, "-m", "gallery", "export", "--out", str(tmp_path / "site"),
         "--kinds", "scatter", "--libraries", libraries, "--cache-dir", str(tmp_path / "c")],
        capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    parser = _Support()
    parser.feed((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    want = {(lib, k.key): interaction_support(lib)[k.key].label
            for lib in libraries.split(",") for k in INTERACTIVE_KINDS}
    assert {cell: text.strip() for cell, text in parser.cells.items()} == want
    for library in libraries.split(","):
        page = (tmp_path / "site" / f"library-{library}.html").read_text(encoding="utf-8")
        for kind in INTERACTIVE_KINDS:
            assert f"<b>{kind.title}</b>: {interaction_support(library)[kind.key].label}" in page
        assert LIBRARIES.get(library).name in page
