"""Atomic replacement of the output folder: the site is written into a temp folder beside
it and renamed into place only when complete, so an interrupted or failed export leaves
the previous site as it was."""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class PublishError(RuntimeError):
    """The output folder cannot be (safely) replaced."""


def check_replaceable(out: Path) -> None:
    """Raise PublishError unless ``out`` is missing, empty or a previous export."""
    # Replacing means deleting: never do that to a folder that is not a previous export.
    if not out.exists():
        return
    if not out.is_dir():
        raise PublishError(f"{out} exists and is not a folder")
    if any(out.iterdir()) and not (out / "manifest.json").is_file():
        raise PublishError(
            f"{out} is not empty and holds no manifest.json, so it is not a previous export; "
            "choose a new or empty folder for --out"
        )


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """Yield an empty folder beside ``out``; on success it becomes ``out``."""
    out = Path(os.path.abspath(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    check_replaceable(out)
    temp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        yield temp
        temp.chmod(0o755)  # mkdtemp makes it private; a site is meant to be read
        _swap(temp, out)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def _swap(new: Path, out: Path) -> None:
    """Move ``out`` aside, move ``new`` in, then delete the old one. The window without
    ``out`` is two renames long; a failure in it puts the old site back."""
    if not out.exists():
        os.rename(new, out)
        return
    old = out.with_name(f".{out.name}.old-{secrets.token_hex(4)}")
    os.rename(out, old)
    try:
        os.rename(new, out)
    except BaseException:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)
