"""A reader's own CSV: read it into a data frame or say plainly what is wrong with it."""

from __future__ import annotations

import io

import pandas as pd

MAX_UPLOAD_MB = 50


class DataError(ValueError):
    """The reader's data cannot be used; the message says why and what to do."""


def read_csv_bytes(data: bytes, name: str = "the file") -> pd.DataFrame:
    """Parse an uploaded CSV. Raises DataError with a message meant for the reader."""
    if len(data) > MAX_UPLOAD_MB * 1024 * 1024:
        raise DataError(f"{name} is {len(data) / 2**20:.0f} MB; the limit is {MAX_UPLOAD_MB} MB. "
                        "Upload a sample of the rows.")
    if not data.strip():
        raise DataError(f"{name} is empty. Upload a CSV with a header row and data rows.")
    try:
        frame = pd.read_csv(io.BytesIO(data), sep=None, engine="python")
    except UnicodeDecodeError:
        raise DataError(
            f"{name} is not UTF-8 text. Save it as CSV UTF-8 and upload again."
        ) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as error:
        raise DataError(f"{name} could not be read as CSV ({error}). Check the delimiter "
                        "and that every row has the same number of fields.") from None
    if frame.empty:
        raise DataError(f"{name} has a header but no data rows. Add rows and upload again.")
    return frame
