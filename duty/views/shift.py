"""On shift: "my shift now", a shift's page, the duty log and incidents."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.timezone import localdate, now
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duty import selectors
from duty.forms import (
    AssignmentForm,
    FollowUpCloseForm,
    IncidentForm,
    LogEntryForm,
    LogFilterForm,
    ResolveForm,
)
from duty.permissions import (
    can_acknowledge,
    can_close_follow_up,
    can_file_handover,
    can_keep_log,
    can_manage_roster,
    can_request_swap,
    can_resolve_incident,
    handover_opens_at,
    has_handover,
    is_on_shift,
)
from duty.services import log as log_services
from duty.services.handover import open_matters
from duty.views.common import require_duty_access, shift_or_404
from office import params
from office.roles import has_role
from office.views.actions import action

LOG_PAGE_SIZE = 50
MATTERS_SHOWN = 50


def _shift_context(request, shift, **forms):
    user = request.user
    return {
        "shift": shift,
        "gaps": selectors.gaps_for(shift),
        "entries": selectors.log_entries_for(user).filter(shift=shift),
        "incidents": selectors.incidents_for(user).filter(shift=shift),
        "spends": selectors.spend_requests_for(user).filter(shift=shift),
        "handover": shift.handover if has_handover(shift) else None,
        "on_shift": is_on_shift(user, shift),
        "can_log": can_keep_log(user, shift),
        "can_file": can_file_handover(user, shift, now()),
        "handover_opens_at": handover_opens_at(shift),
        "window_open": handover_opens_at(shift) <= now(),
        "can_manage": can_manage_roster(user),
        "log_form": forms.get("log_form") or LogEntryForm(),
        "incident_form": forms.get("incident_form") or IncidentForm(),
        "assignment_form": AssignmentForm() if can_manage_roster(user) else None,
        "swappable": [a for a in shift.assignments.all() if can_request_swap(user, a, now())],
        # Matters carried over from earlier shifts at the post, one each, to close here.
        "matters": list(
            open_matters(shift)[1].exclude(shift=shift).select_related("shift")[:MATTERS_SHOWN]
        ),
        "can_close_matters": has_role(user, "shift_leader", "director")
        or (is_on_shift(user, shift) and shift.starts_at <= now() < shift.ends_at),
    }


def my_shift(request):
    """The page a duty officer keeps open at night."""
    require_duty_access(request.user)
    shift = selectors.current_shift_for(request.user)
    if shift is None:
        return render(
            request,
            "duty/my_shift.html",
            {"shift": None, "upcoming": selectors.upcoming_assignments_for(request.user, limit=3)},
        )
    shift = shift_or_404(request.user, shift.pk)
    return render(request, "duty/my_shift.html", _shift_context(request, shift))


def shift_detail(request, pk):
    shift = shift_or_404(request.user, pk)
    return render(request, "duty/shift_detail.html", _shift_context(request, shift))


def _back_to(request, shift):
    if request.POST.get("next") == "now":
        return redirect("duty:my_shift")
    return redirect(shift)


def log_add(request, pk):
    shift = shift_or_404(request.user, pk)
    form = LogEntryForm(request.POST or None)

    def log_panel(form):
        entries = selectors.log_entries_for(request.user).filter(shift=shift)
        context = {"shift": shift, "entries": entries, "can_log": True, "log_form": form}
        return render(request, "duty/partials/_log_panel.html", context)

    def page(form):
        if request.htmx:
            return log_panel(form)
        return render(request, "duty/log_form.html", {"shift": shift, "form": form})

    return action(
        request,
        allowed=can_keep_log(request.user, shift),
        form=form,
        perform=lambda data: log_services.log_entry_add(shift=shift, by=request.user, **data),
        success=_("Log entry added."),
        redirect_to=lambda entry: _back_to(request, shift),
        page=page,
        htmx=lambda entry: log_panel(LogEntryForm()),
    )


@require_POST
def follow_up_done(request, pk):
    """Close an open matter: done, or handed back (to whoever gave it)."""
    entry = get_object_or_404(selectors.log_entries_for(request.user), pk=pk)
    return action(
        request,
        allowed=can_close_follow_up(request.user, entry),
        form=FollowUpCloseForm(request.POST),
        perform=lambda data: log_services.log_follow_up_done(
            entry=entry, by=request.user, outcome=data["outcome"]
        ),
        success=_("The matter is closed; it is carried over no more."),
        redirect_to=lambda result: params.next_url(request, entry.shift.get_absolute_url()),
    )


def log_list(request):
    """The whole duty log, newest first, filtered; two queries per page at any size."""
    require_duty_access(request.user)
    form = LogFilterForm(request.GET or None)
    entries = selectors.log_entries_for(request.user)
    if form.is_valid():
        data = form.cleaned_data
        if data["day"]:
            entries = entries.filter(shift__date=data["day"])
        if data["kind"]:
            entries = entries.filter(kind=data["kind"])
        if data["q"]:
            entries = entries.filter(summary__icontains=data["q"])
    page = Paginator(entries.order_by("-occurred_at", "-pk"), LOG_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "duty/log_list.html",
        {"form": form, "page": page, "query": query.urlencode(), "today": localdate()},
    )


def incident_add(request, pk):
    shift = shift_or_404(request.user, pk)
    return action(
        request,
        allowed=can_keep_log(request.user, shift),
        form=IncidentForm(request.POST or None),
        perform=lambda data: log_services.incident_report(shift=shift, by=request.user, **data),
        success=_("Incident recorded."),
        redirect_to=lambda incident: incident,
        page=lambda form: render(
            request, "duty/incident_form.html", {"shift": shift, "form": form}
        ),
    )


def _incident_or_404(request, pk):
    return get_object_or_404(selectors.incidents_for(request.user), pk=pk)


def incident_detail(request, pk):
    incident = _incident_or_404(request, pk)
    acknowledgements = selectors.acknowledgements_of(incident)
    return render(
        request,
        "duty/incident_detail.html",
        {
            "incident": incident,
            "acknowledgements": acknowledgements,
            "can_acknowledge": can_acknowledge(request.user, incident, acknowledgements),
            "can_resolve": can_resolve_incident(request.user, incident),
            "resolve_form": ResolveForm(),
        },
    )


@require_POST
def incident_acknowledge(request, pk):
    incident = _incident_or_404(request, pk)
    return action(
        request,
        allowed=can_acknowledge(request.user, incident, selectors.acknowledgements_of(incident)),
        perform=lambda data: log_services.incident_acknowledge(incident=incident, by=request.user),
        success=_("Acknowledged."),
        redirect_to=incident,
    )


@require_POST
def incident_resolve(request, pk):
    incident = _incident_or_404(request, pk)
    return action(
        request,
        allowed=can_resolve_incident(request.user, incident),
        form=ResolveForm(request.POST),
        invalid=_("Describe how the incident was resolved."),
        perform=lambda data: log_services.incident_resolve(
            incident=incident, resolution=data["resolution"], by=request.user
        ),
        success=_("Incident resolved."),
        redirect_to=incident,
    )
