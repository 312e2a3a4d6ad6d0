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
