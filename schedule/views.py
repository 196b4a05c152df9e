"""Pages: the week (领导一周活动安排, page and PDF), entering an activity, publishing, leaders."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.errors import DomainError
from office.params import date_param
from office.pdf import pdf_response, render_pdf
from office.views.actions import action

from . import selectors, services
from .forms import EntryForm, LeaderForm
from .models import Leader
from .permissions import may_manage


def _week(request) -> datetime.date:
    return selectors.week_of(date_param(request, "week", timezone.localdate()))


def week_view(user, monday: datetime.date) -> dict:
    """What the week page and its PDF show `user`: the office the live week with its changes
    since publishing, everyone else the published week."""
    start, end = selectors.week_bounds(monday)
    plan = selectors.plan_of(monday)
    gone = []
    if may_manage(user):
        items = selectors.gather(start, end)
        gone = selectors.changes_since(plan, items)
    else:
        items = selectors.published_items(plan) if plan else []
    items = selectors.mark_clashes(selectors.mask_for(user, items))
    days = []
    for offset in range(7):
        day = monday + datetime.timedelta(days=offset)
        days.append((day, [i for i in items if i.day == day]))
    return {
        "monday": monday,
        "sunday": monday + datetime.timedelta(days=6),
        "plan": plan,
        "items": items,
        "days": days,
        "gone": selectors.mask_for(user, gone),
        "unpublished_changes": bool(gone) or any(i.changed for i in items) if plan else False,
        "clashes": sum(1 for i in items if i.clashes),
        "manages": may_manage(user),
    }


def index(request):
    monday = _week(request)
    context = week_view(request.user, monday)
    context.update(
        previous=monday - datetime.timedelta(days=7),
        next=monday + datetime.timedelta(days=7),
        this_week=selectors.week_of(timezone.localdate()),
    )
    return render(request, "schedule/week.html", context)


def week_pdf(request):
    monday = _week(request)
    with translation.override("zh-hans"):  # the familiar sheet, whatever the viewer reads
        pdf = render_pdf("schedule/pdf/week.html", week_view(request.user, monday))
    return pdf_response(pdf, f"领导一周活动安排{monday:%Y%m%d}.pdf")


@require_POST
def publish(request):
    monday = _week(request)
    return action(
        request,
        allowed=may_manage(request.user),
        perform=lambda data: services.week_publish(monday=monday, by=request.user),
        success=lambda plan: _("Published (version %(version)s).") % {"version": plan.version},
        redirect_to=reverse("schedule:index") + f"?week={monday:%Y-%m-%d}",
    )


def _entry_page(request, form, entry=None, clash=None):
    return render(
        request, "schedule/entry_form.html", {"form": form, "entry": entry, "clash": clash}
    )


def entry_edit(request, pk=None):
    """Enter or change an activity; a clash is shown and saving needs its confirmation."""
    if not may_manage(request.user):
        raise PermissionDenied
    entry = get_object_or_404(selectors.entries_for(request.user), pk=pk) if pk else None
    if request.method != "POST":
        initial = EntryForm.initial_from(entry) if entry else {"day": date_param(request, "day")}
        return _entry_page(request, EntryForm(initial=initial), entry)
    form = EntryForm(request.POST)
    if not form.is_valid():
        return _entry_page(request, form, entry)
    data, confirm = form.entry_data(), form.cleaned_data["confirm_clash"]
    try:
        if entry:
            entry = services.entry_update(
                entry_id=entry.pk, data=data, by=request.user, confirm_clash=confirm
            )
        else:
            entry = services.entry_create(data=data, by=request.user, confirm_clash=confirm)
    except services.Clash as exc:
        return _entry_page(request, form, entry, clash=exc)
    except DomainError as exc:
        messages.error(request, str(exc))
        return _entry_page(request, form, entry)
    messages.success(request, _("Saved."))
    return redirect(
        reverse("schedule:index") + f"?week={selectors.week_of(data.start.date()):%Y-%m-%d}"
    )


@require_POST
def entry_delete(request, pk):
    entry = get_object_or_404(selectors.entries_for(request.user), pk=pk)
    week = selectors.week_of(timezone.localdate(entry.start))
    return action(
        request,
        allowed=may_manage(request.user),
        perform=lambda data: services.entry_delete(entry_id=entry.pk, by=request.user),
        success=_("Removed."),
        redirect_to=reverse("schedule:index") + f"?week={week:%Y-%m-%d}",
    )


def leaders(request):
    if not may_manage(request.user):
        raise PermissionDenied
    form = LeaderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.leader_add(**form.cleaned_data, by=request.user)
        messages.success(request, _("Saved."))
        return redirect("schedule:leaders")
    listed = Leader.objects.filter(active=True).select_related("user", "user__department")
    return render(request, "schedule/leaders.html", {"form": form, "leaders": listed})


@require_POST
def leader_remove(request, pk):
    leader = get_object_or_404(Leader, pk=pk, active=True)
    return action(
        request,
        allowed=may_manage(request.user),
        perform=lambda data: services.leader_remove(leader_id=leader.pk, by=request.user),
        success=_("Removed."),
        redirect_to="schedule:leaders",
    )


def home_panel(request) -> str:
    """Today's leaders' activities, as the viewer may see them ("" when there are none)."""
    if not request.user.is_authenticated:
        return ""
    items = selectors.today_for(request.user)
    if not items:
        return ""
    return render_to_string("schedule/partials/_home_today.html", {"items": items}, request=request)
