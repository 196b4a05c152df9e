"""Purchase pages (采购申请): the list, the form, the purchase, its steps, ."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.views.actions import action

from .. import permissions, selectors, services
from ..approvals import PURCHASE
from ..forms import PurchaseForm
from ..models import Purchase
from .requests import may_decide_record, record_create, record_decide, record_list


def purchase_list(request):
    return record_list(
        request, selectors.purchase_list_for, Purchase, "supplies/purchase_list.html"
    )


def purchase_create(request):
    return record_create(
        request,
        PurchaseForm(request.POST or None),
        kind="purchase",
        service=services.purchase_request,
        success=_("Requested; your department head, finance and the director decide in turn."),
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
    context = {
        "record": record,
        "lines": record.lines.select_related("item"),
        "total": sum(line.amount for line in record.lines.all()),
        "can": {
            "decide": may_decide_record(user, record, PURCHASE),
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
    return record_decide(
        request,
        record,
        rule=PURCHASE,
        decide=lambda **choice: services.purchase_decide(
            purchase_id=record.pk, by=request.user, **choice
        ),
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
