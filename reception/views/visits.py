"""The reception landing page, pre-registration, walk-ins, the visit page, cancel, no-show."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office import datacache
from office.errors import DomainError
from office.views.actions import action

from .. import permissions, selectors, services
from ..forms import (
    MAX_GROUP,
    DayForm,
    ReasonForm,
    VisitForm,
    VisitorForm,
    VisitorFormSet,
    WalkInForm,
)


def index(request):
    """Reception and the director get the day board; everyone else their own visitors."""
    if not permissions.sees_all_visits(request.user):
        return render(
            request,
            "reception/host_home.html",
            {"visits": selectors.upcoming_for_host(request.user)},
        )
    day_form = DayForm(request.GET or None)
    day, query = localdate(), ""
    if day_form.is_valid():
        day = day_form.cleaned_data["date"] or day
        query = day_form.cleaned_data["q"]
    # The desk refreshes every minute: kept until the next write or the next minute.
    board_html = datacache.rendered(
        request,
        f"reception.desk:{day}:{query}",
        "reception/partials/_day_board.html",
        lambda: {"board": selectors.day_board(day=day, query=query), "today": localdate()},
    )
    if request.htmx:
        return HttpResponse(board_html)
    context = {"board_html": board_html, "day": day, "query": query}
    return render(request, "reception/day_board.html", context | {"day_form": day_form})


def _to_visitor(data: dict) -> services.VisitorData:
    return services.VisitorData(
        name=data["name"],
        phone=data.get("phone", ""),
        id_type=data.get("id_type", ""),
        id_number=data.get("id_number", ""),
    )


def _visitor_data(forms) -> list[services.VisitorData]:
    return [
        _to_visitor(f.cleaned_data) for f in forms if f.cleaned_data and f.cleaned_data.get("name")
    ]


def _hide_errors(*forms) -> None:
    """Re-show typed data without judging it yet (the user only asked for another row)."""
    for form in forms:
        form._errors = [] if hasattr(form, "_non_form_errors") else {}
        if hasattr(form, "_non_form_errors"):
            form._non_form_errors = form.error_class()


def visit_register(request):
    """A host (or reception on a host's behalf) pre-registers one visitor or a group."""
    choose_host = permissions.can_register_for_others(request.user)
    data = request.POST if request.method == "POST" else None
    if data is not None and "add_row" in data:
        # One more visitor row, keeping what was typed; works without JavaScript.
        data = data.copy()
        typed = data.get("visitors-TOTAL_FORMS", "")
        total = min((int(typed) if typed.isdigit() else 1) + 1, MAX_GROUP)
        data["visitors-TOTAL_FORMS"] = str(total)
        form = VisitForm(data, choose_host=choose_host)
        formset = VisitorFormSet(data, prefix="visitors")
        _hide_errors(form, formset, *formset.forms)
        return render(request, "reception/visit_form.html", {"form": form, "formset": formset})
    form = VisitForm(data, choose_host=choose_host)
    formset = VisitorFormSet(data, prefix="visitors")
    if data is not None and form.is_valid() and formset.is_valid():
        try:
            visit = services.visit_register(
                host=form.cleaned_data.get("host") or request.user,
                by=request.user,
                organisation=form.cleaned_data["organisation"],
                purpose=form.cleaned_data["purpose"],
                expected_arrival=form.cleaned_data["expected_arrival"],
                expected_departure=form.cleaned_data["expected_departure"],
                visitors=_visitor_data(formset.forms),
                important=form.cleaned_data.get("important", False),
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The visit is registered; reception will expect them."))
            return redirect(visit)
    return render(request, "reception/visit_form.html", {"form": form, "formset": formset})


def walk_in(request):
    """A visitor at the desk without pre-registration: registered and checked in at once."""
    if not permissions.is_receptionist(request.user):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = WalkInForm(data, initial={"badge_number": selectors.suggest_badge_number()})
    visitor_form = VisitorForm(data, prefix="visitor")
    warning = None
    if data is not None and form.is_valid() and visitor_form.is_valid():
        try:
            visitor = services.walk_in_register(
                host=form.cleaned_data["host"],
                by=request.user,
                organisation=form.cleaned_data["organisation"],
                purpose=form.cleaned_data["purpose"],
                expected_departure=form.cleaned_data["expected_departure"],
                visitor=_visitor_data([visitor_form])[0],
                badge_number=form.cleaned_data["badge_number"],
                watch_list_confirmed=form.cleaned_data["confirm_watch_list"],
            )
        except services.WatchListWarning as exc:
            warning = exc  # nothing saved: confirm and send again
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("%(name)s is checked in with badge %(badge)s; the host has been told.")
                % {"name": visitor.name, "badge": visitor.badge_number},
            )
            return redirect(visitor.visit)
    return render(
        request,
        "reception/walk_in_form.html",
        {"form": form, "visitor_form": visitor_form, "warning": warning},
    )


def visit_detail(request, pk: int):
    visit = selectors.visit_detail_for(request.user, pk)
    visitors = list(visit.visitors.all())
    for visitor in visitors:
        visitor.visit = visit  # the predicates below look at the visit: no query per row
    arrangements = list(visit.arrangements.select_related("responsible"))
    return render(
        request,
        "reception/visit_detail.html",
        {
            "visit": visit,
            "visitors": visitors,
            "arrangements": arrangements,
            "reason_form": ReasonForm(),
            "any_badge": any(v.checked_in_at for v in visitors),
        },
    )


def visit_edit(request, pk: int):
    """Change the time, purpose or organisation of a visit that has not arrived yet."""
    visit = selectors.visit_detail_for(request.user, pk)
    if not permissions.may_edit_visit(request.user, visit):
        raise PermissionDenied
    if not permissions.can_edit_visit(request.user, visit):
        messages.error(request, _("Only a visit that has not arrived yet can be changed."))
        return redirect(visit)
    fields = ["organisation", "purpose", "expected_arrival", "expected_departure"]
    form = VisitForm(
        request.POST if request.method == "POST" else None,
        initial={name: getattr(visit, name) for name in fields},
    )
    return action(
        request,
        allowed=True,  # checked above, before the state
        form=form,
        perform=lambda data: services.visit_update(
            visit_id=visit.pk, by=request.user, **{name: data[name] for name in fields}
        ),
        success=_("The visit is changed."),
        redirect_to=visit,
        page=lambda form: render(
            request, "reception/visit_edit.html", {"visit": visit, "form": form}
        ),
    )


def visitor_add(request, pk: int):
    """One more person for a visit that is expected or under way (host, reception)."""
    visit = selectors.visit_detail_for(request.user, pk)
    if not permissions.may_edit_visit(request.user, visit):
        raise PermissionDenied
    if not permissions.visit_takes_visitors(visit):
        messages.error(
            request, _("Visitors can only be added to a visit that is expected or under way.")
        )
        return redirect(visit)
    return action(
        request,
        allowed=True,  # checked above, before the state
        form=VisitorForm(request.POST or None, prefix="visitor"),
        perform=lambda data: services.visitor_add(
            visit_id=visit.pk, by=request.user, visitor=_to_visitor(data)
        ),
        success=lambda visitor: _("%(name)s is added to the visit.") % {"name": visitor.name},
        redirect_to=visit,
        page=lambda form: render(
            request, "reception/visitor_add.html", {"visit": visit, "form": form}
        ),
    )


@require_POST
def visit_cancel(request, pk: int):
    visit = selectors.visit_detail_for(request.user, pk)
    return action(
        request,
        allowed=visit.host_id == request.user.pk or permissions.sees_all_visits(request.user),
        form=ReasonForm(request.POST),
        perform=lambda data: services.visit_cancel(
            visit_id=visit.pk, by=request.user, reason=data["reason"]
        ),
        success=_("The visit is cancelled."),
        redirect_to=visit,
    )


@require_POST
def visit_no_show(request, pk: int):
    visit = selectors.visit_detail_for(request.user, pk)
    return action(
        request,
        allowed=permissions.is_receptionist(request.user),
        perform=lambda data: services.visit_mark_no_show(visit_id=visit.pk, by=request.user),
        success=_("The visit is marked as a no-show."),
        redirect_to=visit,
    )
