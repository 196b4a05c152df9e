"""Spending on duty: record, approve, reject; the limit and approver shown on each."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duty import conf, selectors
from duty.forms import DecisionForm, SpendForm
from duty.permissions import can_decide_spend, is_on_shift
from duty.services import spending
from duty.views.common import require_duty_access, shift_or_404
from office.errors import DomainError


def spend_add(request, pk):
    shift = shift_or_404(request.user, pk)
    if not is_on_shift(request.user, shift):
        raise PermissionDenied
    form = SpendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            spend = spending.spend_request(shift=shift, by=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("Spending recorded: %(status)s.") % {"status": spend.get_status_display()},
            )
            return redirect(spend)
    return render(
        request,
        "duty/spend_form.html",
        {
            "shift": shift,
            "form": form,
            "officer_limit": conf.officer_limit(),
            "leader_limit": conf.leader_limit(),
        },
    )


def spend_list(request):
    require_duty_access(request.user)
    spends = selectors.spend_requests_for(request.user)
    status = request.GET.get("status", "")
    if status in {"pending", "recorded", "approved", "rejected"}:
        spends = spends.filter(status=status)
    page = Paginator(spends.order_by("-created_at", "-pk"), 30).get_page(request.GET.get("page"))
    return render(request, "duty/spend_list.html", {"page": page, "status": status})


def spend_detail(request, pk):
    spend = get_object_or_404(selectors.spend_requests_for(request.user), pk=pk)
    return render(
        request,
        "duty/spend_detail.html",
        {
            "spend": spend,
            "can_decide": can_decide_spend(request.user, spend),
            "form": DecisionForm(),
        },
    )


@require_POST
def spend_decide(request, pk, decision):
    if decision not in ("approve", "reject"):
        raise Http404
    spend = get_object_or_404(selectors.spend_requests_for(request.user), pk=pk)
    if not can_decide_spend(request.user, spend):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The note is too long."))
        return redirect(spend)
    action = spending.spend_approve if decision == "approve" else spending.spend_reject
    try:
        action(spend=spend, by=request.user, note=form.cleaned_data["note"])
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Decision recorded."))
    return redirect(spend)
