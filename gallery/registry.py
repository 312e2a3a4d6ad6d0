"""An explicit registry keyed by one name (the shape of Altair's PluginRegistry): used for
the plotting libraries and for the dashboard frameworks."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib import metadata
from typing import Generic, Protocol, TypeVar


@functools.cache  # pip does not change a package under a running gallery
def installed_version(distribution: str) -> str:
    """The version pip installed, read at run time, or 'not installed'."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


class Keyed(Protocol):
    key: str


T = TypeVar("T", bound=Keyed)


class Registry(Generic[T]):
    """Entries by key, in the order they were registered; ``noun`` names them in errors."""

    noun = "entry"

    def __init__(self) -> None:
        self._entries: dict[str, T] = {}

    def register(self, entry: T) -> T:
        if entry.key in self._entries:
            raise ValueError(f"{self.noun} {entry.key!r} is registered twice")
        self._entries[entry.key] = entry
        return entry

    def names(self) -> list[str]:
        return list(self._entries)

    def get(self, key: str) -> T:
        try:
            return self._entries[key]
        except KeyError:
            raise KeyError(f"no {self.noun} {key!r}; choose one of: {', '.join(self)}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(self._entries)})"
