"""The archive catalogue spreadsheet: a title or source number starting with "=" is text."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from documents.services import document_archive

from .factories import IncomingFactory

FORMULA = '=HYPERLINK("http://x","y")'


def test_title_and_number_are_never_formulas(clerk, client_for):
    document = IncomingFactory(
        title=FORMULA, source_number="=1+1", status="completed", registered_by=clerk
    )
    record = document_archive(document=document, by=clerk, retention="Y", category="BGS", pages=1)
    response = client_for(clerk).get(reverse("documents:archive_catalogue_xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    row = list(sheet.iter_rows(min_row=2, max_row=2))[0]
    assert (row[4].value, row[4].data_type) == (FORMULA, "s")
    assert (row[3].value, row[3].data_type) == (record.doc_number, "s")
    assert record.doc_number == "=1+1"
