"""Reception arrangements: plan, approve or reject (director), mark arranged, cancel."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.views.actions import action

from .. import permissions, selectors, services
from ..forms import ApproveForm, ArrangementForm, ReasonForm, RejectForm
from ..services.arrangements import approval_threshold


def _planned(data: dict) -> dict:
    """The arrangement form's fields as the create and update services take them."""
    return {
        "kind": data["kind"],
        "on": data["date"],
        "responsible": data["responsible"],
        "cost_estimate": data["cost_estimate"],
        "people": data["people"],
        "standard": data["standard"],
        "details": data["details"],
    }


def arrangement_create(request, pk: int):
    visit = selectors.visit_detail_for(request.user, pk)
    if not permissions.sees_all_visits(request.user):
        raise PermissionDenied
    if not permissions.can_add_arrangement(request.user, visit):
        messages.error(
            request, _("Arrangements can only be made for a visit that is expected or under way.")
        )
        return redirect(visit)
    initial = {"date": localtime(visit.expected_arrival).date(), "people": visit.headcount}
    return action(
        request,
        allowed=True,  # checked above, before the state
        form=ArrangementForm(request.POST or None, initial=initial),
        perform=lambda data: services.arrangement_create(
            visit_id=visit.pk, by=request.user, **_planned(data)
        ),
        success=lambda arrangement: (
            _("Above the threshold: the director has been asked.")
            if _awaiting(arrangement)
            else _("The arrangement is planned.")
        ),
        level=lambda arrangement: messages.INFO if _awaiting(arrangement) else messages.SUCCESS,
        redirect_to=visit,
        page=lambda form: render(
            request,
            "reception/arrangement_form.html",
            {"visit": visit, "form": form, "threshold": approval_threshold()},
        ),
    )


def arrangement_edit(request, pk: int):
    """Change an arrangement until it is approved; the threshold is asked again."""
    arrangement = get_object_or_404(selectors.arrangements_for(request.user), pk=pk)
    if not permissions.may_edit_arrangement(request.user, arrangement):
        raise PermissionDenied
    if not permissions.arrangement_editable(arrangement):
        messages.error(request, _("An arrangement can only be changed until it is approved."))
        return redirect(arrangement)
    initial = {
        "kind": arrangement.kind,
        "date": arrangement.date,
        "people": arrangement.people,
        "standard": arrangement.standard,
        "details": arrangement.details,
        "cost_estimate": arrangement.cost_estimate,
        "responsible": arrangement.responsible_id,
    }
    return action(
        request,
        allowed=True,  # checked above, before the state
        form=ArrangementForm(request.POST or None, initial=initial),
        perform=lambda data: services.arrangement_update(
            arrangement_id=arrangement.pk, by=request.user, **_planned(data)
        ),
        success=lambda changed: (
            _("Changed; it waits for the director's approval.")
            if _awaiting(changed)
            else _("The arrangement is changed.")
        ),
        redirect_to=arrangement,
        page=lambda form: render(
            request,
            "reception/arrangement_form.html",
            {
                "visit": arrangement.visit,
                "arrangement": arrangement,
                "form": form,
                "threshold": approval_threshold(),
            },
        ),
    )


def _awaiting(arrangement) -> bool:
    return arrangement.status == arrangement.Status.AWAITING_APPROVAL


def arrangement_detail(request, pk: int):
    arrangement = get_object_or_404(selectors.arrangements_for(request.user), pk=pk)
    return render(
        request,
        "reception/arrangement_detail.html",
        {
            "arrangement": arrangement,
            "visit_visible": selectors.visits_for(request.user)
            .filter(pk=arrangement.visit_id)
            .exists(),
            "approve_form": ApproveForm(),
            "reject_form": RejectForm(),
            "reason_form": ReasonForm(),
            "threshold": approval_threshold(),
        },
    )


def _act(request, pk: int, role_check, service, form_class=None, success=""):
    """Scope (404), role (403), form, service; a closed arrangement comes back as a message."""
    arrangement = get_object_or_404(selectors.arrangements_for(request.user), pk=pk)
    return action(
        request,
        allowed=role_check(request.user, arrangement),
        form=form_class(request.POST) if form_class is not None else None,
        perform=lambda data: service(arrangement_id=arrangement.pk, by=request.user, **data),
        success=success,
        redirect_to=arrangement,
    )


@require_POST
def arrangement_approve(request, pk: int):
    return _act(
        request,
        pk,
        permissions.may_decide_arrangements,
        services.arrangement_approve,
        ApproveForm,
        _("Approved; the responsible person has been told."),
    )


@require_POST
def arrangement_reject(request, pk: int):
    return _act(
        request,
        pk,
        permissions.may_decide_arrangements,
        services.arrangement_reject,
        RejectForm,
        _("Rejected."),
    )


@require_POST
def arrangement_complete(request, pk: int):
    return _act(
        request,
        pk,
        permissions.may_complete_arrangement,
        services.arrangement_complete,
        None,
        _("Marked as arranged."),
    )


@require_POST
def arrangement_cancel(request, pk: int):
    return _act(
        request,
        pk,
        permissions.may_cancel_arrangements,
        services.arrangement_cancel,
        ReasonForm,
        _("The arrangement is cancelled."),
    )
