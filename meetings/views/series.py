"""补录, a series' skipped weeks, and the room approver's decision on a booking."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.errors import DomainError
from office.forms import ReasonForm
from office.views.actions import action

from .. import permissions, services
from ..forms import AgendaFormSet, RecordAfterwardsForm, agenda_from
from .meetings import meeting_or_404


def meeting_record_afterwards(request):
    """补录: a meeting that already took place, with who was present; minutes follow."""
    if not permissions.can_record_afterwards(request.user):
        raise PermissionDenied
    form = RecordAfterwardsForm(
        request.POST or None, user=request.user, initial={"recorder": request.user.pk}
    )
    agenda = AgendaFormSet(request.POST or None, prefix="agenda")
    if request.method == "POST" and form.is_valid() and agenda.is_valid():
        try:
            meeting = services.meeting_record_afterwards(
                data=form.to_data(agenda_from(agenda)),
                present=list(form.cleaned_data["present"]),
                by=request.user,
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("The meeting has been recorded as held; the recorder can write its minutes."),
            )
            return redirect(meeting)
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "agenda": agenda, "meeting": None, "afterwards": True},
    )


@require_POST
def series_readd(request, pk: int):
    meeting = meeting_or_404(request.user, pk)
    try:
        day = datetime.date.fromisoformat(request.POST.get("day", ""))
    except ValueError:
        day = None
    return action(
        request,
        allowed=permissions.can_edit_meeting(request.user, meeting),
        perform=lambda data: services.series_readd(meeting_id=meeting.pk, day=day, by=request.user),
        success=_("The week has been booked again; the invitations have been sent."),
        redirect_to=lambda created: created or meeting,
    )


@require_POST
def room_booking_decide(request, pk: int):
    """The room's approver approves (the invitations go) or refuses with a reason."""
    from office.services.approvals import approval_decide

    meeting = meeting_or_404(request.user, pk)
    approve = request.POST.get("approve") == "1"
    form = ReasonForm(request.POST) if not approve else None
    return action(
        request,
        allowed=permissions.can_decide_room_booking(request.user, meeting),
        form=form,
        perform=lambda data: approval_decide(
            target=meeting, by=request.user, approve=approve, reason=data.get("reason", "")
        ),
        success=_("The booking is approved; the invitations have been sent.")
        if approve
        else _("The booking has been refused; the organiser is told."),
        redirect_to=meeting,
    )
