"""Every library carries the tags and metadata the app and the export display."""

import pytest

from gallery.libraries import LIBRARIES, LibraryInfo, LibraryRegistry

FAMILIES = {"matplotlib", "bokeh", "plotly", "vega"}


@pytest.mark.parametrize("library", LIBRARIES.names())
def test_library_metadata_is_complete(library):
    info = LIBRARIES.get(library)
    assert info.paradigm in {"imperative", "declarative"}
    assert len(info.paradigm_reason) > 30
    assert info.family in FAMILIES
    assert info.built_on in {"matplotlib", "bokeh", "plotly.js", "vega"}
    assert info.api_level in {"low", "high"}
    assert info.version[0].isdigit(), f"{info.distribution} is not installed"
    assert info.home.startswith("https://") and info.maintenance
    assert set(info.tags) == {"paradigm", "output", "built on", "API level"}


def test_static_libraries_render_through_matplotlib():
    for library in LIBRARIES:
        info = LIBRARIES.get(library)
        assert info.interactive == (info.family != "matplotlib"), library


def test_both_paradigms_and_every_family_are_present():
    infos = [LIBRARIES.get(k) for k in LIBRARIES]
    assert {i.paradigm for i in infos} == {"imperative", "declarative"}
    assert {i.family for i in infos} == FAMILIES


def test_registry_names_unknown_library_and_refuses_duplicates():
    with pytest.raises(KeyError, match="no library 'ggplot'; choose one of: matplotlib"):
        LIBRARIES.get("ggplot")
    registry = LibraryRegistry()
    info = LIBRARIES.get("bokeh")
    registry.register(info)
    with pytest.raises(ValueError, match="registered twice"):
        registry.register(LibraryInfo(**{**info.__dict__}))
    assert repr(registry) == "LibraryRegistry(bokeh)"
