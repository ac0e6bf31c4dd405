"""Builders of real spreadsheet files for the importer's tests."""

import datetime
import io
import unicodedata

from openpyxl import Workbook


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def xlsx_bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(rows: list[list[str]], delimiter: str = ",", bom: bool = False) -> bytes:
    text = "\r\n".join(delimiter.join(cells) for cells in rows) + "\r\n"
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8")


def naive(*args: int) -> datetime.datetime:
    """A datetime without a zone, as openpyxl returns date cells."""
    return datetime.datetime.combine(datetime.date(*args[:3]), datetime.time(*args[3:]))
