"""What the requisition and purchase pages share: the list, the request form and the decision
on the chain's current step."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from office.approvals import get_rule
from office.pagination import paginate
from office.services.approvals import current_step, may_decide
from office.views.actions import action

from .. import permissions
from ..forms import DecisionForm


def awaiting_step(record):
    """The chain's current step while the record awaits approval, else None."""
    return current_step(record) if record.status == record.Status.AWAITING_APPROVAL else None


def may_decide_record(user, record, rule: str) -> bool:
    return may_decide(user, awaiting_step(record), get_rule(rule))


def record_list(request, select, model, template: str):
    """`select(user, status=)` scopes the records; `?status=` narrows them."""
    status = request.GET.get("status", "")
    context = {
        "page": paginate(request, select(request.user, status=status), 30),
        "status": status,
        "statuses": model.Status.choices,
    }
    return render(request, template, context)


def record_create(request, form, *, kind: str, service, success: str):
    """The request form; `service(store=, purpose=, lines=, by=)` makes the record."""
    return action(
        request,
        allowed=permissions.may_request(request.user),
        form=form,
        perform=lambda data: service(
            store=data["store"], purpose=data["purpose"], lines=data["lines"], by=request.user
        ),
        success=success,
        redirect_to=lambda record: record,
        page=lambda form: render(
            request, "supplies/request_form.html", {"form": form, "kind": kind}
        ),
    )


def record_decide(request, record, *, rule: str, decide):
    """Approve or return on the current step; `decide(approve=, reason=)` calls the service."""
    approve = request.POST.get("approve") == "1"
    return action(
        request,
        allowed=may_decide_record(request.user, record, rule),
        form=DecisionForm(request.POST),
        perform=lambda data: decide(approve=approve, reason=data["reason"]),
        success=_("Approved.") if approve else _("Returned."),
        redirect_to=record,
    )
