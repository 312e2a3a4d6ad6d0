"""What each library does with each interaction, read from its example script: drawn in
the page by the library's own JavaScript (native), possible only with a live Python
process behind the page (needs a server), or not supported. The Overview, the export's
index and each library's page show this table; nothing here draws a chart."""

from __future__ import annotations

from dataclasses import dataclass

from gallery.kinds import INTERACTIVE_KINDS
from gallery.libraries import LIBRARIES
from gallery.sources import example_source

NATIVE, NEEDS_SERVER, NOT_SUPPORTED = "native", "needs a server", "not supported"
INTERACTION_HOW = (
    "Native: the library's own JavaScript does it in the page, offline, with no Python "
    "behind it (the gallery's cards and its static export show it working). Needs a server: "
    "the library does it only with a live Python process (a Bokeh or Panel server, Dash, a "
    "Jupyter kernel). Not supported: the library has no API for it.")


@dataclass(frozen=True)
class Support:
    """One library's answer for one interaction, and why (the example's own words)."""

    status: str
    reason: str = ""
    not_met: tuple[str, ...] = ()  # specification points a native cell declares unmet

    @property
    def label(self) -> str:
        if self.status == NATIVE and self.not_met:
            return f"{NATIVE} (not met: {', '.join(self.not_met)})"
        return self.status


def interaction_support(library: str) -> dict[str, Support]:
    """Interactive chart kind -> how ``library`` does it."""
    source = example_source(LIBRARIES.get(library))
    support = {}
    for kind in INTERACTIVE_KINDS:
        if kind.key in source.functions:
            not_met = source.spec_not_met.get(kind.key, {})
            support[kind.key] = Support(NATIVE, "; ".join(not_met.values()), tuple(not_met))
        elif kind.key in source.needs_server:
            support[kind.key] = Support(NEEDS_SERVER, source.needs_server[kind.key])
        else:
            support[kind.key] = Support(NOT_SUPPORTED, source.not_supported.get(
                kind.key, f"{source.path.name} has no {kind.key}() function"))
    return support


def interaction_table() -> list[dict[str, str]]:
    """One row per library: its name, then each interaction's label."""
    rows = []
    for library in LIBRARIES:
        support = interaction_support(library)
        rows.append({"library": LIBRARIES.get(library).name,
                     **{kind.title: support[kind.key].label for kind in INTERACTIVE_KINDS}})
    return rows


def counts(library: str) -> dict[str, int]:
    """How many interactions ``library`` does natively, with a server, or not at all."""
    statuses = [s.status for s in interaction_support(library).values()]
    return {status: statuses.count(status) for status in (NATIVE, NEEDS_SERVER, NOT_SUPPORTED)}
