"""Shift swaps: ask a colleague, they accept, the shift leader approves."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from duty import selectors
from duty.forms import SwapForm
from duty.models import Assignment
from duty.permissions import (
    can_answer_swap,
    can_cancel_swap,
    can_decide_swap,
    can_request_swap,
)
from duty.services import swaps as services
from duty.views.common import require_duty_access
from duty.views.roster import warn_rest
from office.views.actions import action as run_action


def swap_create(request, pk):
    assignment = get_object_or_404(
        Assignment.objects.filter(shift__in=selectors.shifts_for(request.user)).select_related(
            "shift__post", "shift__template", "person"
        ),
        pk=pk,
    )
    return run_action(
        request,
        allowed=can_request_swap(request.user, assignment, now()),
        form=SwapForm(request.POST or None, user=request.user),
        perform=lambda data: services.swap_request(assignment=assignment, by=request.user, **data),
        success=lambda swap: (
            warn_rest(request, swap.rest_warnings)
            or _("Swap requested; your colleague has been asked.")
        ),
        redirect_to=lambda swap: swap,
        page=lambda form: render(
            request, "duty/swap_form.html", {"assignment": assignment, "form": form}
        ),
    )


def swap_list(request):
    require_duty_access(request.user)
    page = Paginator(selectors.swaps_for(request.user), 30).get_page(request.GET.get("page"))
    return render(request, "duty/swap_list.html", {"page": page})


def swap_detail(request, pk):
    swap = get_object_or_404(selectors.swaps_for(request.user), pk=pk)
    user = request.user
    return render(
        request,
        "duty/swap_detail.html",
        {
            "swap": swap,
            "can_answer": can_answer_swap(user, swap),
            "can_decide": can_decide_swap(user, swap),
            "can_cancel": can_cancel_swap(user, swap),
        },
    )


ACTIONS = {
    "accept": (
        can_answer_swap,
        services.swap_accept,
        gettext_lazy("Swap accepted; the shift leader decides."),
    ),
    "decline": (can_answer_swap, services.swap_decline, gettext_lazy("Swap declined.")),
    "approve": (
        can_decide_swap,
        services.swap_approve,
        gettext_lazy("Swap approved; the roster has changed."),
    ),
    "reject": (can_decide_swap, services.swap_reject, gettext_lazy("Swap rejected.")),
    "cancel": (can_cancel_swap, services.swap_cancel, gettext_lazy("Swap withdrawn.")),
}


@require_POST
def swap_act(request, pk, action):
    if action not in ACTIONS:
        raise Http404
    swap = get_object_or_404(selectors.swaps_for(request.user), pk=pk)
    allowed, service, done = ACTIONS[action]
    return run_action(
        request,
        allowed=allowed(request.user, swap),
        perform=lambda data: service(swap=swap, by=request.user),
        success=lambda result: (
            warn_rest(request, getattr(result, "rest_warnings", [])) or str(done)
        ),
        redirect_to=swap,
    )
