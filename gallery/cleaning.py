"""Make any data frame safe to hand to every library, say what was done to it, and write
it down as the lines of pandas that do it.

Libraries disagree on awkward data (some drop NaN, some fail; Vega-Lite reads ``a.b`` as
a nested field; bokeh and plotly tooltips treat ``@``/``{}`` specially), so every library
receives the same cleaned rows. Each change is a ``Step``: one or two lines of pandas run
on ``df`` and the notice the card shows beside it. The steps are *executed* to prepare
the data, and the same text is shown under every cell's code, so the shown code starting
from the CSV reproduces the card exactly: there is no second implementation to drift."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from gallery.kinds import MEASURES, ChartKind
from gallery.palette import PALETTE

# Characters with a meaning in some library's field or template syntax (Vega-Lite paths,
# Altair shorthand, bokeh/plotly tooltips, format strings) or in HTML.
SPECIAL = re.compile(r"""[.\[\]:\\'"{}@$%()<>&=;,#`|^*+?!/~]""")
MAX_CATEGORIES = len(PALETTE)  # one palette colour each, the rarest folded into "other"
MAX_HEATMAP_COLUMNS = 20
OTHER = "other"


class DataError(ValueError):
    """The data cannot be drawn; the message says why and what to do."""


@dataclass(frozen=True)
class Step:
    """Lines of pandas run on ``df``, and the notice shown beside them ('' for none)."""

    code: str
    note: str = ""

    def shown(self) -> str:
        return f"{self.code}  # {self.note}" if self.note else self.code


@dataclass(frozen=True)
class Prepared:
    """The rows and columns one cell draws, with what was done to get them."""

    data: pd.DataFrame
    roles: dict[str, str]
    steps: tuple[Step, ...] = ()

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(step.note for step in self.steps if step.note)

    @property
    def code(self) -> str:
        """The preparation as the reader sees it: one line (or two) per step."""
        return "\n".join(step.shown() for step in self.steps)


def run_steps(frame: pd.DataFrame, steps: Sequence[Step]) -> pd.DataFrame:
    """Execute steps on ``frame``: the only way the gallery changes a reader's data.

    The code is the gallery's own, built from column names through ``repr`` (a string
    literal, whatever the name holds), never from the reader's text as code."""
    # A shallow copy: with pandas' copy-on-write, the steps never change the caller's frame.
    namespace = {"pd": pd, "np": np, "df": frame.copy(deep=False)}
    for step in steps:
        exec(step.code, namespace)  # noqa: S102 - see above
    return namespace["df"]


class _Steps:
    """Steps taken one at a time, each run at once, so the next decision sees its result."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.data = frame
        self.steps: list[Step] = []

    def add(self, code: str, note: str = "") -> None:
        step = Step(code, note)
        self.data = run_steps(self.data, [step])
        self.steps.append(step)


def safe_name(name: object) -> str:
    """A column name every library reads literally: special characters become ``_``."""
    return SPECIAL.sub("_", str(name)).strip() or "column"


def safe_names(columns: Sequence[object]) -> dict[object, str]:
    """{old: new} for the columns whose names change to safe, unique ones."""
    names: list[str] = []
    for column in columns:
        new = base = safe_name(column)
        while new in names:
            new = f"{base}_{len(names)}"
        names.append(new)
    return {old: new for old, new in zip(columns, names, strict=True) if old != new}


def literal(text: object) -> str:
    """A double-quoted Python string literal of ``text`` (JSON's quoting is Python's too)."""
    return json.dumps(str(text), ensure_ascii=False)


_q = literal


def _year_code(column: str) -> str:
    return (f"df[{column}] = pd.to_datetime(df[{column}], format=\"mixed\")\n"
            f"df[{column}] = df[{column}].dt.year + (df[{column}].dt.dayofyear - 1) / "
            f"(365 + df[{column}].dt.is_leap_year)")


def _number_step(series: pd.Series, role: str) -> tuple[str, str] | None:
    """The step that makes ``series`` numbers for ``role``, or None when it already is."""
    column = _q(series.name)
    if pd.api.types.is_bool_dtype(series):
        return f"df[{column}] = df[{column}].astype(int)", ""
    if pd.api.types.is_numeric_dtype(series):
        # Plain numpy ints and floats pass as they are (years stay 2007, not 2007.0);
        # nullable extension types become float, which every library reads.
        plain = series.dtype.kind in "iuf" and not isinstance(
            series.dtype, pd.api.extensions.ExtensionDtype)
        return None if plain else (f"df[{column}] = df[{column}].astype(float)", "")
    dates_note = (f"dates in {series.name!r} became fractional years (2020.5 is mid-2020) so "
                  "every library can place them on a numeric axis")
    if pd.api.types.is_datetime64_any_dtype(series):
        return _year_code(column), dates_note
    text = series.astype("string")
    numbers = pd.to_numeric(text, errors="coerce")
    if numbers.notna().sum() < 0.5 * text.notna().sum():
        dates = pd.to_datetime(text, errors="coerce", format="mixed")
        if dates.notna().sum() >= 0.9 * text.notna().sum():
            return _year_code(column), dates_note
    if numbers.notna().sum() == 0 and text.notna().any():
        example = text.dropna().iloc[0]
        raise DataError(f"the {role} role needs numbers, but {series.name!r} holds text such "
                        f"as {example!r}; map {role} to a numeric column")
    bad = int((numbers.isna() & text.notna()).sum())
    note = f"{bad} value(s) of {series.name!r} were not numbers and were left out" if bad else ""
    return f"df[{column}] = pd.to_numeric(df[{column}], errors=\"coerce\")", note


def _columns_for(frame: pd.DataFrame, kind: ChartKind, roles: dict[str, str],
                 columns: Sequence[str] | None) -> list[str]:
    chosen = [roles[r] for r in kind.roles]
    if kind.roles and not kind.measures:
        return list(dict.fromkeys(chosen))
    if columns:
        measures = [c for c in columns if c not in chosen]
    else:
        measures = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])
                    and frame[c].nunique() > 1 and c not in chosen]
    if kind.measures:
        return list(dict.fromkeys([*measures[:MEASURES], *chosen]))
    return measures[:MAX_HEATMAP_COLUMNS]


def _select(work: _Steps, columns: list[str]) -> None:
    unique = work.data.loc[:, ~work.data.columns.duplicated()]
    if list(unique.columns) != columns:
        work.add(f"df = df[[{', '.join(map(_q, columns))}]]")


def _rename(work: _Steps, roles: dict[str, str]) -> dict[str, str]:
    renames = safe_names(list(work.data.columns))
    if not renames:
        return roles
    shown = ", ".join(f"{old!r} → {new!r}" for old, new in list(renames.items())[:4])
    mapping = ", ".join(f"{_q(old)}: {_q(new)}" for old, new in renames.items())
    work.add(f"df = df.rename(columns={{{mapping}}})",
             f"renamed so every library reads them literally: {shown}")
    return {role: renames.get(column, column) for role, column in roles.items()}


def _numbers(work: _Steps, numeric: dict[str, str]) -> None:
    for column, role in numeric.items():
        found = _number_step(work.data[column], role)
        if found:
            work.add(*found)


def _complete(work: _Steps, kind: ChartKind, roles: dict[str, str]) -> None:
    """Rows every library can draw: nothing missing or infinite, sizes above zero."""
    before = len(work.data)
    numbers = work.data.select_dtypes("number")
    infinite = bool(np.isinf(numbers.to_numpy(float)).any()) if numbers.size else False
    missing = infinite or bool(work.data.isna().to_numpy().any())
    positive = [r for r in ("size", *kind.log_roles) if r in roles]
    non_positive = [r for r in positive if bool((work.data[roles[r]] <= 0).any())]
    if not (missing or non_positive):
        return
    reasons = f"missing, infinite or non-positive {' or '.join(positive)}" if positive else (
        "missing or infinite")
    code = ["df = df.replace([np.inf, -np.inf], np.nan).dropna()" if infinite
            else "df = df.dropna()"] if missing else []
    code += [f"df = df[df[{_q(roles[r])}] > 0]" for r in non_positive]
    left = len(run_steps(work.data, [Step("\n".join(code))]))
    work.add("\n".join(code), f"{before - left:,} of {before:,} rows left out: {reasons} values")


def _categories(work: _Steps, categorical: list[str], names: set[str]) -> None:
    """Text as categories, at most ``MAX_CATEGORIES`` levels; ``names`` (a column whose
    values name single rows, as a tooltip's label or a treemap's country) keep every value."""
    for column in categorical:
        series = work.data[column]
        if series.map(type).ne(str).any():  # numbers, mixed types
            note = (f"the numbers in {column!r} ({series.nunique()} distinct) are used as "
                    "categories") if pd.api.types.is_numeric_dtype(series) else ""
            work.add(f"df[{_q(column)}] = df[{_q(column)}].astype(str)", note)
        counts = work.data[column].value_counts()
        if len(counts) > MAX_CATEGORIES and column not in names:
            keep = MAX_CATEGORIES - 1
            work.add(f"top = df[{_q(column)}].value_counts(sort=False).nlargest({keep}).index\n"
                     f"df[{_q(column)}] = df[{_q(column)}].where(df[{_q(column)}].isin(top), "
                     f"{OTHER!r})",
                     f"{column!r} has {len(counts)} distinct values: the {keep} most frequent "
                     f"are shown and the rest grouped as {OTHER!r}")


def _spread(work: _Steps, kind: ChartKind, roles: dict[str, str]) -> None:
    """Leave out the categories whose values cannot be spread into a curve (one value)."""
    if kind.spread_within is None:
        return
    value, group = (roles[r] for r in kind.spread_within)
    distinct = work.data.groupby(group, observed=True)[value].nunique()
    lone = sorted(str(name) for name in distinct[distinct < 2].index)
    if lone and len(lone) < len(distinct):
        work.add(f"df = df[df.groupby({_q(group)})[{_q(value)}].transform('nunique') > 1]",
                 f"{len(lone)} {group} categor{'y' if len(lone) == 1 else 'ies'} left out "
                 f"({', '.join(lone[:3])}{', ...' if len(lone) > 3 else ''}): one value of "
                 f"{value} has no spread to estimate a density from")
    elif lone:
        raise DataError(f"no {group} category has two distinct values of {value}: there is "
                        f"no spread to draw; map x or color to other columns")


def _refuse_too_many(data: pd.DataFrame, kind: ChartKind, roles: dict[str, str]) -> None:
    for role, most in kind.max_distinct.items():
        found = data[roles[role]].nunique()
        if found > most:
            raise DataError(f"{roles[role]!r} has {found:,} distinct values: {kind.title} "
                            f"draws one frame per {role} value, at most {most}; map {role} "
                            f"to a column with fewer values (a year rather than a date)")


def _refuse_constant(data: pd.DataFrame, kind: ChartKind, roles: dict[str, str]) -> None:
    """A position with one value has no axis to draw (several libraries fail on the empty
    range); a size with one value is fine (every marker is the same size), and so is a
    map's country code (one country coloured)."""
    for role in kind.numeric_roles:
        if role not in ("size", "geo") and data[roles[role]].nunique() < 2:
            value = data[roles[role]].iloc[0]
            raise DataError(f"{roles[role]!r} has the same value ({value:g}) in every complete "
                            f"row, so there is nothing to spread along {role}; map {role} to a "
                            "column that varies")


def prepare_data(
    frame: pd.DataFrame, kind: ChartKind, roles: dict[str, str], max_rows: int | None = None,
    derived: dict[str, tuple[str, str]] | None = None, columns: Sequence[str] | None = None,
) -> Prepared:
    """The cleaned rows for one cell and the steps that made them: derived columns the
    roles use (``derived``: column -> (pandas expression on ``df``, notice)), the used columns only
    (``columns`` for a kind without roles, the heatmap), safe names, typed values, no
    missing or infinite values, positive sizes, at most ``MAX_CATEGORIES`` levels per
    category and at most ``max_rows`` rows (a seeded random sample). Raises DataError when
    nothing drawable is left."""
    work = _Steps(frame)
    for column, (expression, note) in (derived or {}).items():
        if column in roles.values():
            work.add(f"df[{_q(column)}] = {expression}", note)
    chosen = _columns_for(work.data, kind, roles, columns)
    if (not kind.roles or kind.measures) and len(set(chosen) - set(roles.values())) < 2:
        what = "a correlation heatmap" if not kind.roles else f"{kind.title}"
        raise DataError(f"{what} needs at least two numeric columns that vary")
    _select(work, chosen)
    roles = _rename(work, roles)
    numeric = {roles[r]: r for r in kind.numeric_roles}
    if not kind.roles or kind.measures:  # every column but the roles' is a measure
        numeric |= {column: "measure" for column in work.data.columns
                    if column not in roles.values()}
    _numbers(work, numeric)
    _complete(work, kind, roles)
    if work.data.empty:
        raise DataError(f"no complete rows left to draw in {', '.join(map(repr, chosen))}; "
                        "map roles to columns that have values")
    _categories(work, [c for c in work.data.columns if c not in numeric],
                {roles[r] for r in kind.name_roles if r in roles})
    _refuse_constant(work.data, kind, roles)
    _refuse_too_many(work.data, kind, roles)
    _spread(work, kind, roles)
    if max_rows is not None and len(work.data) > max_rows:
        work.add(f"df = df.sample(n={max_rows:_}, random_state=0).sort_index()",
                 f"drew a random sample of {max_rows:,} of {len(work.data):,} rows "
                 "(this library's limit for a responsive page)")
    return Prepared(work.data, roles, tuple(work.steps))
