"""A reader's own CSV: read it into a data frame or say plainly what is wrong with it.

Used by the app's upload and by ``export --dataset FILE.csv``. The bytes are parsed in
memory and never written anywhere."""

from __future__ import annotations

import codecs
import csv
import io

import pandas as pd

from gallery.cleaning import DataError, literal
from gallery.roles import is_dates

MAX_UPLOAD_MB = 200  # Streamlit's own default; a million rows of a few columns is 50-100 MB
_DELIMITERS = ",;\t|"


# What a file that is not text starts with, and what it then is: so a reader who picked
# the wrong file, or renamed a spreadsheet, is told what they uploaded.
_SIGNATURES = (
    (b"\x1f\x8b", "a gzip-compressed file", "Decompress it (gunzip) and upload the CSV inside"),
    (b"PK\x03\x04", "a zip archive", "Unzip it and upload the CSV inside"),
    (b"%PDF", "a PDF document", "Export the table from its source as CSV and upload that"),
    (b"\x89PNG", "a PNG image", "Upload the data itself as CSV, not a picture of it"),
    (b"\xff\xd8\xff", "a JPEG image", "Upload the data itself as CSV, not a picture of it"),
    (b"GIF8", "a GIF image", "Upload the data itself as CSV, not a picture of it"),
    (b"PAR1", "a Parquet file",
     "Write it as CSV first (pandas: read_parquet, then to_csv) and upload that"),
    (b"\xd0\xcf\x11\xe0", "an old Excel (.xls) or Office file",
     "In Excel, use Save As > CSV UTF-8 and upload that"),
)
_XLSX_FIX = "In Excel, use Save As > CSV UTF-8 and upload that"


def _not_text(data: bytes, name: str) -> None:
    """Raise DataError naming what the file is, when its first bytes say it is no CSV."""
    for magic, what, fix in _SIGNATURES:
        if data.startswith(magic):
            if magic == b"PK\x03\x04" and b"xl/" in data[:4096] + data[-65536:]:
                what, fix = "an Excel workbook (.xlsx)", _XLSX_FIX
            raise DataError(f"{name} is {what}, not a CSV text file. {fix}.")


def _check_utf8(data: bytes, name: str) -> None:
    """Raise DataError unless ``data`` is UTF-8, decoding a megabyte at a time: a 200 MB
    upload is never held twice as text."""
    _not_text(data, name)
    decoder, step = codecs.getincrementaldecoder("utf-8")(), 2**20
    for start in range(0, len(data), step):
        try:
            decoder.decode(data[start:start + step], final=start + step >= len(data))
        except UnicodeDecodeError as error:
            at = start + error.start
            raise DataError(
                f"{name} is not UTF-8 text (byte 0x{data[at]:02x} at position {at}). Save it "
                "as 'CSV UTF-8' and upload it again.") from None


def _head(data: bytes) -> str:
    """The first 64 KB as text (and all of a longer first line): enough to find the
    delimiter and the header."""
    newline = data.find(b"\n", 0, 2**24)
    head = data[:max(2**16, newline + 1)]
    return head.decode("utf-8-sig", errors="ignore")


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _header(text: str, delimiter: str, name: str) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(text), delimiter=delimiter), [])
    except csv.Error as error:  # a header field over csv's 128 KB limit, a stray NUL byte
        raise DataError(f"{name} could not be read as CSV: its header row is not a row of "
                        f"column names ({error}). Check that the first line of the file names "
                        "the columns.") from None


def _unique_header(header: list[str]) -> tuple[list[str], list[str]]:
    """Number repeated column names (name, name_2, ...) and say which were repeated."""
    names, repeated = [], []
    for column in header:
        name, n = column, 1
        while name in names:
            n += 1
            name = f"{column}_{n}"
        if n > 1 and column not in repeated:
            repeated.append(column)
        names.append(name)
    return names, repeated


def _require_numbers(frame: pd.DataFrame, name: str) -> None:
    if not frame.select_dtypes("number").columns.empty:
        return
    dates = [str(c) for c in frame.columns if is_dates(frame[c])]
    if dates:
        raise DataError(
            f"{name} has dates ({', '.join(dates[:3])}) but no column of numbers to plot "
            "against them. Every chart kind needs at least one numeric column besides the "
            "dates: add one (a count or a measurement) and upload it again.")
    raise DataError(
        f"{name} has no numeric column (columns: {', '.join(map(str, frame.columns[:8]))})."
        " Every chart kind needs numbers: check that numbers use '.' as the decimal point."
    )


def read_csv_bytes(data: bytes, name: str = "the file") -> pd.DataFrame:
    """Parse an uploaded CSV. Raises DataError with a message meant for the reader.

    Notices about what was done (repeated column names numbered) are in
    ``frame.attrs["notes"]``."""
    if len(data) > MAX_UPLOAD_MB * 1024 * 1024:
        raise DataError(f"{name} is {len(data) / 2**20:.0f} MB; the limit is {MAX_UPLOAD_MB} "
                        "MB. Upload a sample of the rows.")
    _check_utf8(data, name)
    head = _head(data)
    if not head.strip() and not data.strip():
        raise DataError(f"{name} is empty. Upload a CSV with a header row and data rows.")
    delimiter = _delimiter(head)
    header, repeated = _unique_header(_header(head, delimiter, name))
    notes, decimal_comma = [], False

    def parse(**options: str) -> pd.DataFrame:  # from the bytes: no copy of them as text
        return pd.read_csv(io.BytesIO(data), sep=delimiter, header=0, names=header,
                           encoding="utf-8-sig", **options)

    try:
        frame = parse()
        if delimiter == ";":  # European spreadsheets: semicolons between, commas in numbers
            commas = parse(decimal=",")
            if commas.select_dtypes("number").shape[1] > frame.select_dtypes("number").shape[1]:
                frame, notes = commas, ["read ',' as the decimal point (fields end with ';')"]
                decimal_comma = True
    except (pd.errors.ParserError, ValueError) as error:
        reason = " ".join(str(error).split())
        raise DataError(f"{name} could not be read as CSV ({reason}). Check that every row has "
                        f"the same number of fields as the header ({len(header)}).") from None
    if frame.empty:
        raise DataError(f"{name} has a header but no data rows. Add rows and upload it again.")
    if len(frame) == 1:
        raise DataError(f"{name} has only one data row; a chart needs at least two. "
                        "Add rows and upload it again.")
    if frame.shape[1] == 1:
        other = next((d for d in _DELIMITERS if d != delimiter and d in str(frame.columns[0])),
                     None)
        hint = f" Its header contains {other!r}: save the file with commas between fields." if (
            other) else " A chart needs at least two columns."
        raise DataError(f"{name} was read as a single column {str(frame.columns[0])[:40]!r}."
                        + hint)
    _require_numbers(frame, name)
    notes += [f"the column name {column!r} appears more than once: the repeats are called "
              f"{column}_2, {column}_3, ..." for column in repeated]
    frame.attrs["notes"] = notes
    frame.attrs["read_code"] = _read_code(name, delimiter, decimal_comma,
                                          header if repeated else None)
    return frame


def _read_code(name: str, delimiter: str, decimal_comma: bool, names: list[str] | None) -> str:
    """The pandas call that reads the file as it was read here, for the shown code."""
    options = [literal(name)]
    if delimiter != ",":
        options.append(f"sep={literal(delimiter)}")
    if decimal_comma:
        options.append(f"decimal={literal(',')}")
    if names:
        options.append(f"header=0, names=[{', '.join(map(literal, names))}]")
    return f"pd.read_csv({', '.join(options)})"
