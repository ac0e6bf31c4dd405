"""Tolerant reading of petition spreadsheets (.xlsx, .csv) sent in by wards.

`read_table` finds the header and the data rows, `clean_row` checks and normalises one row,
`build_template` produces the downloadable template. Nothing here touches the database.
"""

from .columns import COLUMNS, Column, match_header
from .reader import MAX_BYTES, MAX_ROWS, read_table
from .table import RawRow, SpreadsheetError, Table
from .template import build_template
from .validate import CleanRow, clean_row

__all__ = [
    "COLUMNS",
    "MAX_BYTES",
    "MAX_ROWS",
    "CleanRow",
    "Column",
    "RawRow",
    "SpreadsheetError",
    "Table",
    "build_template",
    "clean_row",
    "match_header",
    "read_table",
]
