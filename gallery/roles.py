"""Which column plays which role (x, y, colour, time, ...) in a reader's own data.

The bundled datasets name their roles; for any other data they are guessed from what the
columns hold, the reader's own choices kept and the rest filled around them:

- time: a date or datetime column (typed, or text that reads as dates), or a column named
  like a year, date or time;
- x and y: measurements, a time column on x when one is used, longitude before latitude;
- colour, facet and other categories: text with few distinct values, else numbers with
  few distinct values (cylinders, a rating), else one group for every row, said on the card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from gallery.cleaning import MAX_CATEGORIES, literal
from gallery.kinds import ChartKind
from gallery.world import world_ids

_TIME_NAMES = re.compile(r"(^|_|\b)(year|yr|date|time|datetime|timestamp|day|month)($|_|\b)", re.I)
_LONGITUDE = re.compile(r"(^|_|\b)(lon|lng|long|longitude)($|_|\b)|longitude", re.I)
_LATITUDE = re.compile(r"(^|_|\b)(lat|latitude)($|_|\b)|latitude", re.I)
# A column of ISO 3166-1 numeric country codes, by its name
_GEO_NAMES = re.compile(r"iso.?(num|3166|n3)|ccn3|country.?(code|num|id)|un.?code|m49", re.I)
_ID_NAMES = re.compile(r"^(id|index|rowid|row|unnamed: ?\d+)$|_id$", re.I)
ONE_GROUP = "all"  # the category every row gets when no column can split them
# The column made for it, per role (a reader sees `df["group"] = "all"` in the code).
_ONE_GROUP_COLUMNS = {"color": "group", "x": "category", "facet": "panel"}
_MANY_TEXT_ROLES = {"x", "label"}  # roles where a text column of many values still reads
_NAME_ROLES = {"label"}  # roles that name a row: a text column of many values first


@dataclass(frozen=True)
class RoleChoice:
    """Roles for one chart kind, and the columns made for it (column -> (pandas
    expression on df, the notice said on the card))."""

    roles: dict[str, str]
    derived: dict[str, tuple[str, str]] = field(default_factory=dict)


def _sample(series: pd.Series, n: int = 200) -> pd.Series:
    values = series.dropna()
    return values.iloc[:: max(1, len(values) // n)] if len(values) > n else values


def is_dates(series: pd.Series) -> bool:
    """A datetime column, or text of which nine in ten values read as dates."""
    if pd.api.types.is_datetime64_any_dtype(series):
        return True
    if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
        return False
    values = _sample(series).astype(str)
    if values.empty or pd.to_numeric(values, errors="coerce").notna().mean() > 0.5:
        return False
    parsed = pd.to_datetime(values, errors="coerce", format="mixed")
    return bool(parsed.notna().mean() >= 0.9)


def _is_year(series: pd.Series, name: str) -> bool:
    if not pd.api.types.is_numeric_dtype(series) or not _TIME_NAMES.search(name):
        return False
    values = series.dropna()
    return bool(len(values)) and bool(values.between(1000, 3000).all() or "time" in name.lower())


def _is_id(series: pd.Series, name: str) -> bool:
    """A row number or identifier (named so, or 0..n-1 / 1..n): no measurement to plot."""
    if _ID_NAMES.search(name):
        return True
    values = series.dropna()
    if not pd.api.types.is_integer_dtype(series) or len(values) < 20:
        return False
    return int(values.iloc[0]) in (0, 1) and bool(
        (values.to_numpy() == range(int(values.iloc[0]), int(values.iloc[0]) + len(values))).all())


@dataclass
class _Columns:
    """The data's columns sorted into what they can be."""

    time: list[str]
    numeric: list[str]
    text: list[str]  # text with few distinct values, fewest first
    many_text: list[str]  # text with too many distinct values (folded to 'other')
    few_numbers: list[str]  # numbers with few distinct values, usable as categories

    @classmethod
    def of(cls, frame: pd.DataFrame) -> _Columns:
        time, numeric, text, many, few = [], [], [], [], []
        for column in frame.columns:
            series, name = frame[column], str(column)
            distinct = series.nunique()
            if distinct < 2:
                continue
            if pd.api.types.is_datetime64_any_dtype(series) or _is_year(series, name) or (
                    not pd.api.types.is_numeric_dtype(series) and is_dates(series)):
                time.append(column)
            elif pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
                if _is_id(series, name):
                    continue
                numeric.append(column)
                if distinct <= MAX_CATEGORIES:
                    few.append(column)
            elif distinct <= MAX_CATEGORIES:
                text.append(column)
            else:
                many.append(column)
        text.sort(key=lambda c: frame[c].nunique())
        few.sort(key=lambda c: frame[c].nunique())
        return cls(time, _map_order(numeric), text, many, few)


def _map_order(numeric: list[str]) -> list[str]:
    """Longitude then latitude first when the data has both: x and y as on a map."""
    lon = [c for c in numeric if _LONGITUDE.search(str(c))]
    lat = [c for c in numeric if _LATITUDE.search(str(c)) and c not in lon]
    if not (lon and lat):
        return numeric
    return [lon[0], lat[0], *(c for c in numeric if c not in (lon[0], lat[0]))]


def _take(pool: list[str], used: set[str]) -> str | None:
    for column in pool:
        if column not in used:
            used.add(column)
            return column
    return None


def _positions(kind: ChartKind, columns: _Columns, roles: dict[str, str], used: set[str]) -> None:
    """Numeric roles: a time role takes a date column; x and y take measurements, and a
    date only when there are too few measurements (a time series: date on x)."""
    if "time" in kind.roles and "time" not in roles:
        column = _take(columns.time, used) or _take(columns.numeric, used)
        if column is not None:
            roles["time"] = column
    # (a map's geo role takes country codes only: _geo)
    wanted = [r for r in kind.roles if r in kind.numeric_roles and r not in roles
              and r != "geo"]
    measures = [c for c in columns.numeric if c not in columns.few_numbers] + \
        columns.few_numbers
    free = [c for c in measures if c not in used]
    dated = len(free) < len(wanted) and bool([c for c in columns.time if c not in used])
    for role in wanted:
        pool = [*columns.time, *measures] if role == "x" and dated else measures
        column = _take(pool, used) or (_take(columns.time, used) if role != "size" else None)
        if column is not None:
            roles[role] = column


def _geo(kind: ChartKind, frame: pd.DataFrame, roles: dict[str, str], used: set[str]) -> None:
    """A map's geo role: a column of ISO 3166-1 numeric codes, named so, or of which nine
    values in ten are codes of the map's countries (with many distinct values: a column
    of 4, 6 and 8 cylinders is not Afghanistan, Angola and Albania)."""
    if "geo" not in kind.roles or "geo" in roles:
        return
    for column in (c for c in frame.columns if c not in used):
        values = pd.to_numeric(_sample(frame[column]), errors="coerce").dropna()
        if values.empty or not values.isin(world_ids()).mean() >= 0.9:
            continue
        if _GEO_NAMES.search(str(column)) or values.nunique() >= 20:
            roles["geo"] = column
            used.add(column)
            return


def _categories(kind: ChartKind, columns: _Columns, roles: dict[str, str], used: set[str],
                derived: dict[str, tuple[str, str]], frame: pd.DataFrame) -> None:
    for role in (r for r in kind.roles if r in kind.categorical_roles and r not in roles):
        names = role in _NAME_ROLES or role in kind.name_roles
        column = _take(columns.many_text, used) if names else None
        column = column or _take(columns.text, used) or _take(columns.few_numbers, used)
        if column is None and role in _MANY_TEXT_ROLES:
            column = _take(columns.many_text, used)
        if column is None:
            column = _new_column(frame, _ONE_GROUP_COLUMNS.get(role, f"{role}_group"), derived)
            derived[column] = (literal(ONE_GROUP), (
                f"no column with few distinct values for {role}: every row is in one group, "
                f"{ONE_GROUP!r} (map {role} to a column to split them)"))
        roles[role] = column


def _new_column(frame: pd.DataFrame, name: str, taken: dict[str, object]) -> str:
    base, n = name, 1
    while name in frame.columns or name in taken:
        n += 1
        name = f"{base}_{n}"
    return name


def guess_roles(frame: pd.DataFrame, kind: ChartKind,
                fixed: dict[str, str] | None = None) -> RoleChoice:
    """Roles for ``kind`` on ``frame``: the ``fixed`` ones as given, the rest guessed from
    what the columns hold. Raises ValueError naming each role left without a column and
    what to map."""
    roles = dict(fixed or {})
    used = set(roles.values())
    columns = _Columns.of(frame)
    derived: dict[str, tuple[str, str]] = {}
    _geo(kind, frame, roles, used)
    _positions(kind, columns, roles, used)
    _categories(kind, columns, roles, used, derived, frame)
    missing = [role for role in kind.roles if role not in roles]
    if missing:
        raise ValueError(_missing_message(kind, missing, columns, roles))
    return RoleChoice({role: roles[role] for role in kind.roles}, derived)


def _missing_message(kind: ChartKind, missing: list[str], columns: _Columns,
                     roles: dict[str, str]) -> str:
    if missing == ["geo"]:
        return (f"{kind.title} needs a column of ISO 3166-1 numeric country codes (such as "
                "250 for France) for geo, and no column of the data holds them: add one, or "
                "map geo to it in the sidebar (or --geo COLUMN).")
    needs = []
    for role in missing:
        what = "numbers" if role in kind.numeric_roles else "a few distinct values"
        needs.append(f"{role} (a column of {what})")
    numbers = [*columns.time, *columns.numeric]
    taken = ", ".join(f"{r} = {c!r}" for r, c in roles.items()) or "nothing yet"
    return (f"{kind.title} needs a column for {', '.join(needs)}; the data's usable columns "
            f"are taken ({taken}; {len(numbers)} numeric or date column(s) in all). Map "
            f"{' and '.join(missing)} to a column in the sidebar (or --{missing[0]} COLUMN).")
