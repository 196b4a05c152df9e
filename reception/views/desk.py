"""The front desk: check in (with the watch-list warning), check out, badges."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.errors import DomainError
from office.pdf import pdf_response, render_pdf

from .. import permissions, selectors, services
from ..forms import CheckInForm
from ..services import WatchListWarning
from .common import safe_next


def check_in(request, pk: int):
    """The only page that shows the full ID number: reception compares it with the document."""
    visitor = get_object_or_404(selectors.visitors_for(request.user), pk=pk)
    if not permissions.is_receptionist(request.user):
        raise PermissionDenied
    if not permissions.can_check_in(request.user, visitor):
        messages.error(
            request,
            _("%(name)s is already checked in.") % {"name": visitor.name}
            if visitor.checked_in_at
            else _("This visit is %(status)s; register the visitor as a walk-in instead.")
            % {"status": visitor.visit.get_status_display()},
        )
        return redirect("reception:index")
    warning = None
    if request.method == "POST":
        form = CheckInForm(request.POST)
        if form.is_valid():
            try:
                services.visitor_check_in(
                    visitor_id=visitor.pk,
                    badge_number=form.cleaned_data["badge_number"],
                    by=request.user,
                    watch_list_confirmed=form.cleaned_data["confirm_watch_list"],
                )
            except WatchListWarning as exc:
                warning = exc
            except DomainError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    _("%(name)s is checked in with badge %(badge)s; the host has been told.")
                    % {"name": visitor.name, "badge": form.cleaned_data["badge_number"]},
                )
                return redirect("reception:index")
    else:
        form = CheckInForm(initial={"badge_number": selectors.suggest_badge_number()})
    if warning is None and request.method == "GET":
        matches = services.watch_list_matches(visitor)
        warning = WatchListWarning(matches) if matches else None
    return render(
        request,
        "reception/check_in.html",
        {"visitor": visitor, "visit": visitor.visit, "form": form, "warning": warning},
    )


@require_POST
def check_out(request, pk: int):
    visitor = get_object_or_404(selectors.visitors_for(request.user), pk=pk)
    if not permissions.is_receptionist(request.user):
        raise PermissionDenied
    try:
        visitor = services.visitor_check_out(visitor_id=visitor.pk, by=request.user)
    except DomainError as exc:
        error = str(exc)
    else:
        error = None
    if request.htmx:
        visitor = selectors.visitors_for(request.user).get(pk=visitor.pk)
        return render(
            request,
            "reception/partials/_visitor_row.html",
            {"visitor": visitor, "error": error, "today": localdate()},
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("%(name)s is checked out.") % {"name": visitor.name})
    return redirect(safe_next(request, reverse("reception:index")))


def badge_pdf(request, pk: int):
    """Badges (90 mm × 60 mm) of the visit's checked-in visitors, or of one of them."""
    visit = selectors.visit_detail_for(request.user, pk)
    if not permissions.is_receptionist(request.user):
        raise PermissionDenied
    visitors = visit.visitors.filter(checked_in_at__isnull=False)
    only = request.GET.get("visitor")
    if only:
        if not only.isdigit():
            raise Http404
        visitors = visitors.filter(pk=int(only))
    visitors = list(visitors)
    if not visitors:
        messages.error(request, _("Nobody of this visit has been checked in with a badge yet."))
        return redirect(visit)
    pdf = render_pdf(
        "reception/pdf/badge.html",
        {"visit": visit, "visitors": visitors, "organisation_name": settings.ORGANISATION_NAME},
    )
    name = visitors[0].name if len(visitors) == 1 else str(visit.pk)
    return pdf_response(pdf, _("Visitor badge %(name)s.pdf") % {"name": name})
