"""Archiving and the archive catalogue (归档文件目录) as page, PDF and spreadsheet."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.services.exports import export_request
from office.spreadsheets import xlsx_response

from .. import permissions as can
from .. import selectors, services
from ..exports import catalogue_query, catalogue_spreadsheet
from ..forms import ArchiveForm
from .common import form_action, paginate


def _archive(request, document):
    return form_action(
        request,
        target=document,
        allowed=can.can_archive(request.user, document),
        done=can.step_done("archive", request.user, document),
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


def catalogue_records(request):
    return catalogue_query(request.user, request.GET)


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
        builder="documents.catalogue_pdf",
        arguments={"params": params},
    )
    return redirect(export)


def catalogue_xlsx(request):
    """The spreadsheet is made in the request (at most CATALOGUE_MAX_ROWS rows)."""
    content = catalogue_spreadsheet(user=request.user, params=request.GET)
    return xlsx_response(content, "归档文件目录.xlsx")
