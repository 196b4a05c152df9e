"""The documents app's exports: the archive catalogue (归档文件目录) as PDF and spreadsheet.

`catalogue_pdf` is registered as the background builder "documents.catalogue_pdf"
(extensions.py); the spreadsheet is small enough to make in the request."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import translation

from office.pdf import render_pdf
from office.spreadsheets import build_xlsx

from . import permissions as can
from . import selectors
from .forms.catalogue import CatalogueFilter
from .models import ArchiveRecord

CATALOGUE_MAX_ROWS = 5000  # spreadsheet rows made in the request; the PDF has no limit
CATALOGUE_LANGUAGE = "zh-hans"  # 归档文件目录 is a form of DA/T 22: in Chinese, like its columns
CATALOGUE_COLUMNS = ("档号", "件号", "责任者", "文号", "题名", "日期", "页数", "密级", "备注")


def catalogue_query(user, params):
    """The archive records the user may see (a secret document's title is itself secret)."""
    if not can.can_see_archive(user):
        raise PermissionDenied
    form = CatalogueFilter(params or None)
    records = ArchiveRecord.objects.filter(
        Q(incoming__in=selectors.incoming_for(user)) | Q(outgoing__in=selectors.outgoing_for(user))
    )
    if params and form.is_valid():
        data = form.cleaned_data
        if data["year"]:
            records = records.filter(year=data["year"])
        if data["retention"]:
            records = records.filter(retention=data["retention"])
        if data["category"]:
            records = records.filter(category=data["category"].upper())
    return form, records


def catalogue_pdf(*, user, params: dict) -> bytes:
    """Background builder: the whole catalogue the user may see, as PDF."""
    _form, records = catalogue_query(user, params)
    with translation.override(CATALOGUE_LANGUAGE):
        return render_pdf("documents/pdf/catalogue.html", {"records": records})


def catalogue_spreadsheet(*, user, params) -> bytes:
    """The first CATALOGUE_MAX_ROWS records the user may see, as .xlsx."""
    _form, records = catalogue_query(user, params)
    rows = (
        [
            record.archive_code,
            record.item_number,
            record.responsible,
            record.doc_number,
            record.title,
            record.doc_date.strftime("%Y%m%d"),
            record.pages,
            str(record.get_security_level_display()),
            record.note,
        ]
        for record in records[:CATALOGUE_MAX_ROWS]
    )
    with translation.override(CATALOGUE_LANGUAGE):  # the rows are made while it is written
        return build_xlsx(
            title="归档文件目录",
            header=CATALOGUE_COLUMNS,
            rows=rows,
            widths=(24, 6, 24, 20, 50, 10, 6, 8, 16),
            center_header=True,
        )
