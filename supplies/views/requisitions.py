"""Requisition pages (领用申请): the list, the form, the requisition, its steps, the slip."""

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.pdf import pdf_response, render_pdf
from office.views.actions import action

from .. import permissions, selectors, services
from ..approvals import REQUISITION
from ..forms import RequisitionForm
from ..models import Requisition
from .requests import may_decide_record, record_create, record_decide, record_list


def requisition_list(request):
    return record_list(
        request, selectors.requisition_list_for, Requisition, "supplies/requisition_list.html"
    )


def requisition_create(request):
    return record_create(
        request,
        RequisitionForm(request.POST or None),
        kind="requisition",
        service=services.requisition_request,
        success=_("Requested; your department head decides."),
    )


def _record(request, pk):
    return get_object_or_404(
        selectors.requisitions_for(request.user).select_related(
            "requested_by", "department", "store", "issued_by"
        ),
        pk=pk,
    )


def requisition_detail(request, pk: int):
    record = _record(request, pk)
    user = request.user
    context = {
        "record": record,
        "lines": record.lines.select_related("item"),
        "can": {
            "decide": may_decide_record(user, record, REQUISITION),
            "issue": permissions.can_issue(user, record),
            "cancel": permissions.can_cancel(user, record),
        },
        "decide_url": "supplies:requisition_decide",
        "cancel_url": "supplies:requisition_cancel",
    }
    return render(request, "supplies/requisition_detail.html", context)


@require_POST
def requisition_decide(request, pk: int):
    record = _record(request, pk)
    return record_decide(
        request,
        record,
        rule=REQUISITION,
        decide=lambda **choice: services.requisition_decide(
            requisition_id=record.pk, by=request.user, **choice
        ),
    )


@require_POST
def requisition_issue(request, pk: int):
    record = _record(request, pk)
    return action(
        request,
        allowed=permissions.may_keep_stock(request.user),
        perform=lambda data: services.requisition_issue(requisition_id=record.pk, by=request.user),
        success=_("Issued; the stock has gone down."),
        redirect_to=record,
    )


@require_POST
def requisition_cancel(request, pk: int):
    record = _record(request, pk)
    return action(
        request,
        allowed=permissions.may_cancel(request.user, record),
        perform=lambda data: services.requisition_cancel(requisition_id=record.pk, by=request.user),
        success=_("Cancelled."),
        redirect_to=record,
    )


def requisition_pdf(request, pk: int):
    record = _record(request, pk)
    context = {
        "record": record,
        "lines": record.lines.select_related("item"),
        "organisation_name": settings.ORGANISATION_NAME,
    }
    pdf = render_pdf("supplies/pdf/requisition.html", context)
    return pdf_response(pdf, f"领用单{record.pk:05d}.pdf")
