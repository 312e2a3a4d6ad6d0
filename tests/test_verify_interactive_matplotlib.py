"""The matplotlib family's interactive kinds: what its examples declare, and that verify
bites on its one drawn interactive kind, the animation. Each wrong chart is the example
file with one mistake; the example as it is meets the point the mistake breaks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from gallery.libraries import LIBRARIES
from gallery.render import render_cell
from gallery.renderers import matplotlib_figures
from gallery.sources import example_source
from gallery.verify.run import verify_cell
from tests.browser import ROOT

FAMILY = ("matplotlib", "seaborn", "plotnine", "pandas")
STILL_KINDS = ("tooltip", "linked", "widget")


@dataclass(frozen=True)
class Wrong:
    library: str
    mistake: tuple[str, str]  # (text in the example's animation(), what it becomes)
    point: str  # the specification point the wrong chart breaks
    says: str  # words the reason must contain

    @property
    def id(self) -> str:
        return f"{self.library}-{self.point}-{self.says.split()[1]}"


CASES = [
    Wrong("matplotlib", ("frames=times,", "frames=times[:3] + times[4:],"), "controls",
          "the time control offers"),
    Wrong("matplotlib", ("return FuncAnimation(fig, draw, frames=times, interval=400)",
                         "return fig"), "controls", "no play button"),
    Wrong("matplotlib", ("return FuncAnimation(fig, draw, frames=times, interval=400)",
                         "return fig"), "controls", "no time control"),
    Wrong("matplotlib", ("rows = df[df[time] == when]", "rows = df"), "rows",
          "points that are no row"),
    Wrong("matplotlib", ("bubbles.set_sizes(rows[size] * area)",
                         "bubbles.set_sizes(rows[size] * BUBBLE_AREA / rows[size].max())"),
          "size scale", "the largest marker"),
    Wrong("matplotlib", ("zip(sorted(df[color].unique()), PALETTE",
                         "zip(sorted(df[color].unique(), reverse=True), PALETTE"),
          "palette", "legend colours"),
    Wrong("plotnine", ("[frame(t) for t in sorted(df[time].unique())]",
                       "[frame(t) for t in sorted(df[time].unique())[::2]]"), "controls",
          "the time control offers"),
    Wrong("plotnine", ("ggplot(df[df[time] == when]", "ggplot(df"), "rows",
          "points that are no row"),
]


def _example(library: str, folder: Path, mistake: tuple[str, str] | None = None) -> Path:
    stem = LIBRARIES.get(library).example_stem
    code = (ROOT / "examples" / f"{stem}.py").read_text(encoding="utf-8")
    if mistake is not None:
        old, new = mistake
        animation = code[code.index("def animation("):code.index("NOT_SUPPORTED")]
        assert animation.count(old) == 1, old
        code = code.replace(animation, animation.replace(old, new))
    path = folder / f"{stem}.py"
    path.write_text(code, encoding="utf-8")
    return path


@pytest.mark.parametrize("library", ["matplotlib", "plotnine"])
def test_the_animation_meets_its_specification(library, tmp_path):
    verdict = verify_cell(library, "animation", "gapminder", example=_example(library, tmp_path))
    assert verdict.ok, verdict.sentences()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_wrong_animation_is_rejected_for_its_mistake(case, tmp_path):
    wrong = verify_cell(case.library, "animation", "gapminder",
                        example=_example(case.library, tmp_path, case.mistake))
    reasons = [str(p) for p in wrong.problems if p.point == case.point]
    assert not wrong.ok
    assert any(case.says in reason for reason in reasons), wrong.sentences()


@pytest.mark.parametrize("library", FAMILY)
def test_the_still_interactions_are_declared_with_a_reason(library):
    """A static figure has no hover, selection or widget in a page: each example says why
    in a sentence or two."""
    source = example_source(LIBRARIES.get(library))
    for kind in STILL_KINDS:
        assert kind not in source.functions
        reason = source.undrawn[kind]
        assert 60 < len(reason) < 400, reason
    assert ("animation" in source.functions) == (library in ("matplotlib", "plotnine"))


def test_matplotlib_needs_a_server_where_its_own_widgets_would_do_it():
    source = example_source(LIBRARIES.get("matplotlib"))
    assert set(source.needs_server) == set(STILL_KINDS)
    cell = render_cell("matplotlib", "widget")
    assert cell.status == "unsupported" and cell.message.startswith("Needs a live Python server")


@pytest.mark.parametrize("library", ["matplotlib", "plotnine"])
def test_the_animation_payload_is_an_offline_page_of_svg_frames(library, tmp_path):
    cell = render_cell(library, "animation")
    assert cell.ok, cell.message
    page = cell.payload
    assert matplotlib_figures.is_page(page)
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page
    assert 'type="range"' in page and "play_animation" in page
    assert page.count("data:image/svg+xml;base64,") == 12  # one frame per year
    assert "<svg" in matplotlib_figures.first_frame(page)
    assert "_anim_imggallery0" in page  # a fixed id: the same chart, the same page
    assert cell.drawn.points == 142  # the first year's countries
    matplotlib_figures.save(page, tmp_path / "animation.html")
    with pytest.raises(ValueError, match="written as .html, not .svg"):
        matplotlib_figures.save(page, tmp_path / "animation.svg")
