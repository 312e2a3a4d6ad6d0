"""A reader's CSV: each problem gets a message that names it and says what to do."""

import gzip
import io

import pytest

from gallery import uploads
from gallery.cleaning import DataError
from gallery.uploads import read_csv_bytes

BAD_FILES = {
    "empty": (b"", "people.csv is empty. Upload a CSV with a header row and data rows."),
    "blank lines": (b" \n\n", "people.csv is empty. Upload a CSV with a header row and data "
                    "rows."),
    "header only": (b"a,b,c\n", "people.csv has a header but no data rows. Add rows and "
                    "upload it again."),
    "one row": (b"a,b\n1,2\n", "people.csv has only one data row; a chart needs at least two. "
                "Add rows and upload it again."),
    "no numeric column": (b"name,city\nann,paris\nbob,rome\n", "people.csv has no numeric "
                          "column (columns: name, city). Every chart kind needs numbers: check "
                          "that numbers use '.' as the decimal point."),
    "not UTF-8": ("h\u00f6he,b\n1,2\n3,4\n".encode("latin-1"), "people.csv is not UTF-8 text "
                  "(byte 0xf6 at position 1). Save it as 'CSV UTF-8' and upload it again."),
    "wrong delimiter": (b"a b c\n1 2 3\n4 5 6\n", "people.csv was read as a single column "
                        "'a b c'. A chart needs at least two columns."),
    "ragged rows": (b"a,b\n1,2\n3,4,5,6\n7,8\n", "people.csv could not be read as CSV (Error "
                    "tokenizing data. C error: Expected 2 fields in line 3, saw 4). Check that "
                    "every row has the same number of fields as the header (2)."),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_file_gets_its_message(case):
    data, message = BAD_FILES[case]
    with pytest.raises(DataError) as raised:
        read_csv_bytes(data, "people.csv")
    assert str(raised.value) == message


def test_a_file_over_the_limit_is_refused_with_the_limit(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UPLOAD_MB", 1)
    with pytest.raises(DataError, match=r"^big.csv is 2 MB; the limit is 1 MB. Upload a sample"):
        read_csv_bytes(b"a,b\n" + b"1,2\n" * 600_000, "big.csv")


def test_repeated_column_names_are_numbered_and_said():
    frame = read_csv_bytes(b"a,a,b\n1,2,x\n3,4,y\n", "people.csv")
    assert list(frame.columns) == ["a", "a_2", "b"]
    assert frame.attrs["notes"] == ["the column name 'a' appears more than once: the repeats "
                                    "are called a_2, a_3, ..."]


def test_semicolons_and_decimal_commas_are_read_as_numbers():
    frame = read_csv_bytes(b"a;b;c\n1,5;2,5;x\n2,5;3,5;y\n", "people.csv")
    assert frame["a"].tolist() == [1.5, 2.5] and frame["c"].tolist() == ["x", "y"]
    assert frame.attrs["notes"] == ["read ',' as the decimal point (fields end with ';')"]


def test_a_byte_order_mark_is_not_part_of_the_first_name():
    frame = read_csv_bytes("\ufeffa,b\n1,2\n3,4\n".encode(), "people.csv")
    assert list(frame.columns) == ["a", "b"]


def _zip(*names: str) -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "says"), [
    (gzip.compress(b"a,b\n1,2\n3,4\n", mtime=0), "data.csv is a gzip-compressed file, not "
     "a CSV text file. Decompress it (gunzip) and upload the CSV inside."),
    (_zip("[Content_Types].xml", "xl/workbook.xml"), "data.csv is an Excel workbook (.xlsx), "
     "not a CSV text file. In Excel, use Save As > CSV UTF-8 and upload that."),
    (_zip("inner.csv"), "data.csv is a zip archive, not a CSV text file. Unzip it and upload "
     "the CSV inside."),
    (b"%PDF-1.7\n%\xe2\xe3", "data.csv is a PDF document, not a CSV text file."),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "data.csv is a PNG image, not a CSV text file."),
], ids=["gzip", "xlsx", "zip", "pdf", "png"])
def test_a_file_that_is_no_csv_is_named_for_what_it_is(data, says):
    with pytest.raises(DataError) as raised:
        read_csv_bytes(data, "data.csv")
    assert str(raised.value).startswith(says)


def test_dates_without_numbers_are_told_exactly_that():
    text = b"day,city\n2024-01-01,Oslo\n2024-01-02,Bergen\n2024-01-03,Oslo\n"
    with pytest.raises(DataError, match=r"^days.csv has dates \(day\) but no column of numbers"):
        read_csv_bytes(text, "days.csv")


def test_a_header_field_over_the_csv_limit_is_explained_not_raised():
    text = b"x" * 140_000 + b",y\n1,2\n3,4\n"
    with pytest.raises(DataError, match="its header row is not a row of column names"):
        read_csv_bytes(text, "wide.csv")
