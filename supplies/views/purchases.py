"""Purchase pages (采购申请): the list, the form, the purchase, its steps, ."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.approvals import get_rule
from office.pagination import paginate
from office.services.approvals import current_step, may_decide
from office.views.actions import action

from .. import permissions, selectors, services
from ..approvals import PURCHASE
from ..forms import DecisionForm, PurchaseForm
from ..models import Purchase


def purchase_list(request):
    status = request.GET.get("status", "")
    records = selectors.purchase_list_for(request.user, status=status)
    context = {
        "page": paginate(request, records, 30),
        "status": status,
        "statuses": Purchase.Status.choices,
    }
    return render(request, "supplies/purchase_list.html", context)


def purchase_create(request):
    form = PurchaseForm(request.POST or None)
    return action(
        request,
        allowed=permissions.may_request(request.user),
        form=form,
        perform=lambda data: services.purchase_request(
            store=data["store"], purpose=data["purpose"], lines=data["lines"], by=request.user
        ),
        success=_("Requested; your department head, finance and the director decide in turn."),
        redirect_to=lambda record: record,
        page=lambda form: render(
            request, "supplies/request_form.html", {"form": form, "kind": "purchase"}
        ),
    )


def _record(request, pk):
    return get_object_or_404(
        selectors.purchases_for(request.user).select_related(
            "requested_by", "department", "store", "received_by"
        ),
        pk=pk,
    )


def purchase_detail(request, pk: int):
    record = _record(request, pk)
    user = request.user
    step = current_step(record) if record.status == Purchase.Status.AWAITING_APPROVAL else None
    context = {
        "record": record,
        "lines": record.lines.select_related("item"),
        "total": sum(line.amount for line in record.lines.all()),
        "can": {
            "decide": may_decide(user, step, get_rule(PURCHASE)),
            "receive": permissions.can_receive(user, record),
            "cancel": permissions.can_cancel(user, record),
        },
        "decide_url": "supplies:purchase_decide",
        "cancel_url": "supplies:purchase_cancel",
    }
    return render(request, "supplies/purchase_detail.html", context)


@require_POST
def purchase_decide(request, pk: int):
    record = _record(request, pk)
    approve = request.POST.get("approve") == "1"
    step = current_step(record) if record.status == Purchase.Status.AWAITING_APPROVAL else None
    return action(
        request,
        allowed=may_decide(request.user, step, get_rule(PURCHASE)),
        form=DecisionForm(request.POST),
        perform=lambda data: services.purchase_decide(
            purchase_id=record.pk, by=request.user, approve=approve, reason=data["reason"]
        ),
        success=_("Approved.") if approve else _("Returned."),
        redirect_to=record,
    )


@require_POST
def purchase_receive(request, pk: int):
    record = _record(request, pk)
    return action(
        request,
        allowed=permissions.may_keep_stock(request.user),
        perform=lambda data: services.purchase_receive(purchase_id=record.pk, by=request.user),
        success=_("Received into stock."),
        redirect_to=record,
    )


@require_POST
def purchase_cancel(request, pk: int):
    record = _record(request, pk)
    return action(
        request,
        allowed=permissions.may_cancel(request.user, record),
        perform=lambda data: services.purchase_cancel(purchase_id=record.pk, by=request.user),
        success=_("Cancelled."),
        redirect_to=record,
    )
