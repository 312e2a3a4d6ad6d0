"""Make any data frame safe to hand to every library, and say what was done to it.

Libraries disagree on awkward data (some drop NaN, some fail; Vega-Lite reads ``a.b`` as
a nested field; bokeh and plotly tooltips treat ``@``/``{}`` specially), so every library
receives the same cleaned rows, and every change is reported as a notice on the card."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from gallery.kinds import ChartKind

# Characters with a meaning in some library's field or template syntax (Vega-Lite paths,
# Altair shorthand, bokeh/plotly tooltips, format strings) or in HTML.
SPECIAL = re.compile(r"""[.\[\]:\\'"{}@$%()<>&=;,#`|^*+?!/~]""")
MAX_CATEGORIES = 12
MAX_HEATMAP_COLUMNS = 20
OTHER = "other"


class DataError(ValueError):
    """The data cannot be drawn; the message says why and what to do."""


@dataclass(frozen=True)
class Prepared:
    """The rows and columns one cell draws, with what was done to get them."""

    data: pd.DataFrame
    roles: dict[str, str]
    notes: tuple[str, ...]


def safe_name(name: object) -> str:
    """A column name every library reads literally: special characters become ``_``."""
    return SPECIAL.sub("_", str(name)).strip() or "column"


def safe_columns(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Rename columns to safe, unique names; return the frame and {old: new} for changes."""
    names: list[str] = []
    for column in frame.columns:
        new = base = safe_name(column)
        while new in names:
            new = f"{base}_{len(names)}"
        names.append(new)
    renames = {old: new for old, new in zip(frame.columns, names, strict=True) if old != new}
    if not renames:
        return frame, {}
    renamed = frame.copy()
    renamed.columns = names
    return renamed, renames


def _as_number(series: pd.Series, role: str) -> tuple[pd.Series, str | None]:
    if pd.api.types.is_bool_dtype(series):
        return series.astype(int), None
    if pd.api.types.is_numeric_dtype(series):
        # Plain numpy ints and floats pass as they are (years stay 2007, not 2007.0);
        # nullable extension types become float, which every library reads.
        return (series if series.dtype.kind in "iuf" and not isinstance(
            series.dtype, pd.api.extensions.ExtensionDtype) else series.astype(float)), None
    if pd.api.types.is_datetime64_any_dtype(series):
        return _fractional_year(series), f"dates in {series.name!r} became fractional years"
    text = series.astype("string")
    numbers = pd.to_numeric(text, errors="coerce")
    if numbers.notna().sum() < 0.5 * text.notna().sum():
        dates = pd.to_datetime(text, errors="coerce", format="mixed")
        if dates.notna().sum() >= 0.9 * text.notna().sum():
            return _fractional_year(dates), (
                f"dates in {series.name!r} became fractional years (2020.5 is mid-2020) "
                "so every library can place them on a numeric axis")
    if numbers.notna().sum() == 0 and text.notna().any():
        example = text.dropna().iloc[0]
        raise DataError(f"the {role} role needs numbers, but {series.name!r} holds text such "
                        f"as {example!r}; map {role} to a numeric column")
    bad = int((numbers.isna() & text.notna()).sum())
    note = f"{bad} value(s) of {series.name!r} were not numbers and were left out" if bad else None
    return numbers.astype(float), note


def _fractional_year(dates: pd.Series) -> pd.Series:
    dates = pd.to_datetime(dates)
    start = pd.to_datetime(dates.dt.year.astype("Int64").astype(str) + "-01-01", errors="coerce")
    days = np.where(dates.dt.is_leap_year, 366.0, 365.0)
    return dates.dt.year + (dates - start).dt.total_seconds() / (days * 86400)


def _as_category(series: pd.Series, limit: int) -> tuple[pd.Series, str | None]:
    text = series.astype("string")
    counts = text.value_counts()
    if len(counts) <= limit:
        return text.astype(object), None
    keep = set(counts.index[: limit - 1])
    folded = text.where(text.isin(keep) | text.isna(), OTHER)
    return folded.astype(object), (
        f"{series.name!r} has {len(counts)} distinct values: the {limit - 1} most frequent "
        f"are shown and the rest grouped as {OTHER!r}")


def _columns_for(frame: pd.DataFrame, kind: ChartKind, roles: dict[str, str]) -> list[str]:
    if kind.roles:
        return list(dict.fromkeys(roles[r] for r in kind.roles))
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])
               and frame[c].nunique() > 1]
    return numeric[:MAX_HEATMAP_COLUMNS]


def _typed(data: pd.DataFrame, kind: ChartKind, roles: dict[str, str], notes: list[str]) -> None:
    """Numbers in numeric roles, text in the others, in place."""
    numeric = {roles[r]: r for r in kind.numeric_roles}
    if not kind.roles:
        numeric = {column: "heatmap" for column in data.columns}
    for column in data.columns:
        if column in numeric:
            data[column], note = _as_number(data[column], numeric[column])
        else:
            data[column], note = _as_category(data[column], MAX_CATEGORIES)
        if note:
            notes.append(note)


def _complete(data: pd.DataFrame, roles: dict[str, str], notes: list[str]) -> pd.DataFrame:
    """Rows every library can draw: nothing missing or infinite, sizes above zero."""
    complete = data.replace([np.inf, -np.inf], np.nan).dropna()
    if "size" in roles:
        complete = complete[complete[roles["size"]] > 0]
    if len(complete) < len(data):
        reasons = "missing, infinite or non-positive size" if "size" in roles else (
            "missing or infinite")
        notes.append(f"{len(data) - len(complete):,} of {len(data):,} rows left out: "
                     f"{reasons} values")
    return complete


def _refuse_constant(data: pd.DataFrame, kind: ChartKind, roles: dict[str, str]) -> None:
    """A position with one value has no axis to draw (several libraries fail on the empty
    range); a size with one value is fine: every marker is the same size."""
    for role in kind.numeric_roles:
        if role != "size" and data[roles[role]].nunique() < 2:
            value = data[roles[role]].iloc[0]
            raise DataError(f"{roles[role]!r} has the same value ({value:g}) in every complete "
                            f"row, so there is nothing to spread along {role}; map {role} to a "
                            "column that varies")


def prepare_data(
    frame: pd.DataFrame, kind: ChartKind, roles: dict[str, str], max_rows: int | None = None
) -> Prepared:
    """The cleaned rows for one cell: used columns only, safe names, typed values, no
    missing or infinite values, positive sizes, at most ``MAX_CATEGORIES`` levels per
    category and at most ``max_rows`` rows (a seeded random sample). Raises DataError
    when nothing drawable is left."""
    notes: list[str] = []
    columns = _columns_for(frame, kind, roles)
    if not kind.roles and len(columns) < 2:
        raise DataError("a correlation heatmap needs at least two numeric columns that vary")
    data, renames = safe_columns(frame.loc[:, ~frame.columns.duplicated()][columns])
    if renames:
        shown = ", ".join(f"{old!r} → {new!r}" for old, new in list(renames.items())[:4])
        notes.append(f"renamed so every library reads them literally: {shown}")
    roles = {role: renames.get(column, column) for role, column in roles.items()}
    data = data.copy()
    _typed(data, kind, roles, notes)
    data = _complete(data, roles, notes)
    if data.empty:
        raise DataError(f"no complete rows left to draw in {', '.join(map(repr, columns))}; "
                        "map roles to columns that have values")
    _refuse_constant(data, kind, roles)
    if max_rows is not None and len(data) > max_rows:
        notes.append(f"drew a random sample of {max_rows:,} of {len(data):,} rows "
                     "(this library's limit for a responsive page)")
        data = data.sample(n=max_rows, random_state=0).sort_index()
    return Prepared(data.reset_index(drop=True), roles, tuple(notes))
