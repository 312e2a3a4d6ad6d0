import os

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory):
    """Where tests leave files a person may want to look at (screenshots)."""
    path = os.environ.get("GALLERY_ARTIFACTS")
    if path:
        os.makedirs(path, exist_ok=True)
        from pathlib import Path

        return Path(path)
    return tmp_path_factory.mktemp("artifacts")


@pytest.fixture(scope="session", autouse=True)
def _app_disk_cache(tmp_path_factory):
    """The app keeps drawn cells on disk (gallery/webapp/disk.py): in the tests, in a
    folder of this run, so no test reads a chart an earlier run (or the reader) kept."""
    if "GALLERY_APP_DISK_CACHE" not in os.environ:
        os.environ["GALLERY_APP_DISK_CACHE"] = str(tmp_path_factory.mktemp("app-disk-cache"))
    yield
