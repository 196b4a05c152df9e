"""Every spreadsheet the portal writes: one writer that stores text as text.

A visitor's name or a document title that starts with "=" (say =HYPERLINK("http://x","y"))
would otherwise become a live formula in Excel or LibreOffice (formula injection). Here every
string is written as a string cell; one that starts like a formula (= + - @, tab, CR) also
carries the quote-prefix flag, so editing the cell does not turn it into a formula either.
The value itself is unchanged (no apostrophe added). Characters XML cannot hold are dropped.

    content = build_xlsx(title="归档文件目录", header=COLUMNS, rows=rows, widths=(24, 6, ...))
    return xlsx_response(content, "归档文件目录.xlsx")
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from io import BytesIO

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Excel's limits: a sheet title of 31 characters without []:*?/\ ; 32,767 characters a cell.
_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
MAX_CELL = 32_767


@dataclass(frozen=True)
class Styled:
    """A value with a look: wrapped text, a background colour (hex, e.g. "F8D7DA")."""

    value: object
    wrap: bool = False
    fill: str | None = None


def _cell(sheet, value, *, bold=False, center=False, wrap=False, fill=None) -> WriteOnlyCell:
    if isinstance(value, Styled):
        return _cell(sheet, value.value, bold=bold, center=center, wrap=value.wrap, fill=value.fill)
    if value is not None and not isinstance(value, int | float | bool | str):
        value = str(value)  # lazy translations, Decimals, dates as the caller formatted them
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL]
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True
    if bold:
        cell.font = Font(bold=True)
    if center or wrap:
        cell.alignment = Alignment(
            horizontal="center" if center else None,
            vertical="top" if wrap else None,
            wrap_text=wrap,
        )
    if fill:
        cell.fill = PatternFill("solid", fgColor=fill)
    return cell


def build_xlsx(
    *,
    title: str,
    header: Sequence,
    rows: Iterable[Sequence],
    widths: Sequence[float] = (),
    center_header: bool = False,
) -> bytes:
    """A one-sheet workbook: a bold header row, then `rows` (streamed, so large logs fit)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(str(title).translate(_TITLE_FORBIDDEN)[:31] or "Sheet1")
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.append([_cell(sheet, h, bold=True, center=center_header) for h in header])
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    """A download (attachment) of a workbook built by build_xlsx."""
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
