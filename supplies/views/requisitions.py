"""Requisition pages (领用申请): the list, the form, the requisition, its steps, the slip."""

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.approvals import get_rule
from office.pagination import paginate
from office.pdf import pdf_response, render_pdf
from office.services.approvals import current_step, may_decide
from office.views.actions import action

from .. import permissions, selectors, services
from ..approvals import REQUISITION
from ..forms import DecisionForm, RequisitionForm
from ..models import Requisition


def requisition_list(request):
    status = request.GET.get("status", "")
    records = selectors.requisition_list_for(request.user, status=status)
    context = {
        "page": paginate(request, records, 30),
        "status": status,
        "statuses": Requisition.Status.choices,
    }
    return render(request, "supplies/requisition_list.html", context)


def requisition_create(request):
    form = RequisitionForm(request.POST or None)
    return action(
        request,
        allowed=permissions.may_request(request.user),
        form=form,
        perform=lambda data: services.requisition_request(
            store=data["store"], purpose=data["purpose"], lines=data["lines"], by=request.user
        ),
        success=_("Requested; your department head decides."),
        redirect_to=lambda record: record,
        page=lambda form: render(
            request, "supplies/request_form.html", {"form": form, "kind": "requisition"}
        ),
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
    step = current_step(record) if record.status == Requisition.Status.AWAITING_APPROVAL else None
    context = {
        "record": record,
        "lines": record.lines.select_related("item"),
        "can": {
            "decide": may_decide(user, step, get_rule(REQUISITION)),
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
    approve = request.POST.get("approve") == "1"
    step = current_step(record) if record.status == Requisition.Status.AWAITING_APPROVAL else None
    return action(
        request,
        allowed=may_decide(request.user, step, get_rule(REQUISITION)),
        form=DecisionForm(request.POST),
        perform=lambda data: services.requisition_decide(
            requisition_id=record.pk, by=request.user, approve=approve, reason=data["reason"]
        ),
        success=_("Approved.") if approve else _("Returned."),
        redirect_to=record,
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
