"""Archiving and the archive catalogue (归档文件目录) as page, PDF and spreadsheet."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from office.pdf import render_pdf
from office.services.exports import export_request
from office.spreadsheets import build_xlsx, xlsx_response

from .. import permissions as can
from .. import selectors, services
from ..forms import ArchiveForm
from ..forms.common import year_choices
from ..models import ArchiveRecord, Retention
from .common import form_action, paginate

CATALOGUE_MAX_ROWS = 5000  # spreadsheet rows made in the request; the PDF has no limit


def _archive(request, document):
    return form_action(
        request,
        target=document,
        allowed=can.can_archive(request.user, document),
        form_class=ArchiveForm,
        title=_("Archive"),
        success=_("Archived."),
        perform=lambda data: services.document_archive(
            document=document,
            by=request.user,
            retention=data["retention"],
            category=data["category"],
            pages=data["pages"],
            note=data["note"],
        ),
    )


def incoming_archive(request, pk: int):
    return _archive(request, get_object_or_404(selectors.incoming_for(request.user), pk=pk))


def outgoing_archive(request, pk: int):
    return _archive(request, get_object_or_404(selectors.outgoing_for(request.user), pk=pk))


class CatalogueFilter(forms.Form):
    year = forms.TypedChoiceField(
        label=gettext_lazy("Year"), required=False, coerce=int, empty_value=None, choices=[]
    )
    retention = forms.ChoiceField(
        label=gettext_lazy("Retention"),
        required=False,
        choices=[("", gettext_lazy("Any retention")), *Retention.choices],
    )
    category = forms.RegexField(
        label=gettext_lazy("Category"), required=False, regex=r"^[A-Za-z0-9]{1,10}$"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()


def catalogue_records(request):
    return catalogue_query(request.user, request.GET)


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


def archive_catalogue(request):
    form, records = catalogue_records(request)
    return render(
        request,
        "documents/archive_catalogue.html",
        {"form": form, "page": paginate(request, records, 50), "query": request.GET.urlencode()},
    )


@require_POST
def catalogue_pdf(request):
    """A year's catalogue runs to thousands of rows: a worker renders it, the clerk is told."""
    params = request.GET.dict()
    catalogue_query(request.user, params)  # the same permission check, now
    export = export_request(
        owner=request.user,
        title=_("Archive catalogue"),
        filename="归档文件目录.pdf",
        builder="documents.views.archive.catalogue_pdf_bytes",
        arguments={"params": params},
    )
    return redirect(export)


def catalogue_pdf_bytes(*, user, params: dict) -> bytes:
    _form, records = catalogue_query(user, params)
    return render_pdf("documents/pdf/catalogue.html", {"records": records})


CATALOGUE_COLUMNS = ("档号", "件号", "责任者", "文号", "题名", "日期", "页数", "密级", "备注")


def catalogue_xlsx(request):
    _form, records = catalogue_records(request)
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
    content = build_xlsx(
        title="归档文件目录",
        header=CATALOGUE_COLUMNS,
        rows=rows,
        widths=(24, 6, 24, 20, 50, 10, 6, 8, 16),
        center_header=True,
    )
    return xlsx_response(content, "归档文件目录.xlsx")
