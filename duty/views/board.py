"""值班公示 (who is on duty now and next, for every employee) and each person's reminders."""

from django.shortcuts import render
from django.utils.timezone import now
from django.utils.translation import gettext as _

from duty import selectors
from duty.forms import PreferenceForm
from duty.permissions import can_view_duty, is_duty_person
from duty.services.preferences import preference_set
from duty.services.reminders import lead_times_for
from duty.views.common import require_duty_access
from office.views.actions import action

BOARD_REFRESH_SECONDS = 60


def board(request):
    """A page a phone can keep open: htmx asks for the board again every minute."""
    context = {
        "rows": selectors.duty_board(),
        "at": now(),
        "can_view_duty": can_view_duty(request.user),
        "refresh": BOARD_REFRESH_SECONDS,
    }
    template = "duty/partials/_board.html" if request.htmx else "duty/board.html"
    return render(request, template, context)


def reminders(request):
    """The person's own lead time for shift reminders."""
    require_duty_access(request.user)
    user = request.user
    day_before, minutes = lead_times_for(user)
    form = PreferenceForm(
        request.POST or None,
        initial={"remind_day_before": day_before, "remind_before_minutes": minutes},
    )
    return action(
        request,
        allowed=is_duty_person(user),
        form=form,
        perform=lambda data: preference_set(person=user, by=user, **data),
        success=_("Your reminders are set; your shifts ahead follow the new choice."),
        redirect_to="duty:reminders",
        page=lambda form: render(request, "duty/reminders.html", {"form": form}),
    )
