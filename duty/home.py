"""The duty panel on the home page: where the user is on duty now, and next."""

from django.template.loader import render_to_string

from duty import selectors
from duty.permissions import is_duty_person


def home_panel(request) -> str:
    """Empty (and no query) for people who do not stand duty."""
    if not is_duty_person(request.user):
        return ""
    return render_to_string(
        "duty/partials/_home_panel.html",
        {
            "current": selectors.current_shift_for(request.user),
            "upcoming": selectors.upcoming_assignments_for(request.user, limit=3),
        },
        request=request,
    )


def board_panel(request) -> str:
    """值班公示 for every employee: who is on duty now and next at each post, with phones."""
    from django.utils.timezone import now

    from duty.permissions import can_view_duty

    rows = selectors.duty_board()
    if not rows:
        return ""
    return render_to_string(
        "duty/partials/_board.html",
        {"rows": rows, "at": now(), "can_view_duty": can_view_duty(request.user), "panel": True},
        request=request,
    )
