"""The duty landing page, the month roster, generation and hand-made assignments."""

from datetime import timedelta

from django.contrib import messages
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duty import conf, selectors
from duty.forms import AssignmentForm, GenerateForm
from duty.models import Assignment, Post
from duty.permissions import can_manage_roster
from duty.services.roster import assignment_add as add_person
from duty.services.roster import assignment_remove as remove_person
from duty.services.roster import roster_generate as generate
from duty.views.common import parse_month, require_duty_access, shift_month, shift_or_404
from office import datacache
from office.views.actions import action


def index(request):
    require_duty_access(request.user)
    user = request.user
    # Kept until the next write or the next minute (office.datacache): "now" is per minute.
    body = datacache.rendered(
        request,
        "duty.index",
        "duty/partials/_index.html",
        lambda: {
            "current": selectors.current_shift_for(user),
            "upcoming": selectors.upcoming_assignments_for(user),
            "can_manage": can_manage_roster(user),
        },
    )
    return render(request, "duty/index.html", {"body": body})


def _grid_context(request):
    month = parse_month(request.GET.get("month"), localdate())
    post = None
    if request.GET.get("post", "").isdigit():
        post = get_object_or_404(Post, pk=request.GET["post"])
    return grid_context(request.user, month=month, post=post)


def warn_rest(request, warnings, *, shown: int = 5) -> None:
    """Rest rules broken by a change: a warning each (the first few, then how many more)."""
    for text in warnings[:shown]:
        messages.warning(request, text)
    if len(warnings) > shown:
        messages.warning(
            request,
            _("… and %(count)s more rest-rule warnings.") % {"count": len(warnings) - shown},
        )


def grid_context(user, *, month, post=None) -> dict:
    """What the month grid, its PDF and its spreadsheet show."""
    grid = selectors.month_grid(user, month=month, post=post)
    return {
        "grid": grid,
        "post": post,
        "posts": Post.objects.filter(active=True),
        "previous": shift_month(month, -1).strftime("%Y-%m"),
        "next": shift_month(month, 1).strftime("%Y-%m"),
        "month_param": month.strftime("%Y-%m"),
        "today": localdate(),
    }


def roster(request):
    require_duty_access(request.user)
    context = _grid_context(request)
    context["can_manage"] = can_manage_roster(request.user)
    if not request.htmx:
        today = localdate()
        context["coverage"] = selectors.coverage(
            first_day=today, last_day=today + timedelta(days=conf.roster_horizon_days() - 1)
        )
    template = "duty/partials/_grid.html" if request.htmx else "duty/roster.html"
    return render(request, template, context)


def roster_generate(request):
    require_duty_access(request.user)
    form = GenerateForm(request.POST or None)

    def perform(data):
        return generate(
            post=data["post"],
            templates=list(data["templates"]),
            first_day=data["first_day"],
            last_day=data["last_day"],
            leaders=list(data["leaders"]),
            officers=list(data["officers"]),
            officers_per_shift=data["officers_per_shift"],
            by=request.user,
        )

    def roster_of(made):
        data = form.cleaned_data
        return f"{reverse('duty:roster')}?month={data['first_day']:%Y-%m}&post={data['post'].pk}"

    return action(
        request,
        allowed=can_manage_roster(request.user),
        form=form,
        perform=perform,
        success=lambda made: (
            warn_rest(request, made.warnings)
            or _("Roster generated: %(shifts)s shifts, %(assignments)s new assignments.")
            % {"shifts": made.shifts, "assignments": made.assignments}
        ),
        redirect_to=roster_of,
        page=lambda form: render(request, "duty/roster_generate.html", {"form": form}),
    )


@require_POST
def assignment_add(request, pk):
    shift = shift_or_404(request.user, pk)
    return action(
        request,
        allowed=can_manage_roster(request.user),
        form=AssignmentForm(request.POST),
        invalid=_("Choose a person and a role."),
        perform=lambda data: add_person(
            shift=shift, person=data["person"], role=data["role"], by=request.user
        ),
        success=lambda added: warn_rest(request, added.rest_warnings) or _("Added to the shift."),
        redirect_to=shift,
    )


@require_POST
def assignment_remove(request, pk):
    assignment = get_object_or_404(
        Assignment.objects.filter(shift__in=selectors.shifts_for(request.user)), pk=pk
    )
    return action(
        request,
        allowed=can_manage_roster(request.user),
        perform=lambda data: remove_person(assignment=assignment, by=request.user),
        success=_("Taken off the shift."),
        redirect_to=reverse("duty:shift_detail", kwargs={"pk": assignment.shift_id}),
    )
