"""The visitor log (filters, paging), its spreadsheet export and the daily summary."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.timezone import localdate
from django.utils.translation import gettext as _

from office.spreadsheets import xlsx_response

from .. import permissions, selectors
from ..exports import visit_log_spreadsheet
from ..filters import VisitLogFilter
from ..forms import DayForm

PAGE_SIZE = 50
# A spreadsheet for people, not a dump: beyond this many rows, narrow the filter.
EXPORT_LIMIT = 50_000


def _filtered(request):
    return VisitLogFilter(
        request.GET or None,
        queryset=selectors.log_for(request.user),
        show_host=permissions.sees_all_visits(request.user),
    )


def visit_log(request):
    log_filter = _filtered(request)
    page = Paginator(log_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": log_filter, "page": page, "query": query.urlencode()}
    if request.htmx:
        return render(request, "reception/partials/_log_table.html", context)
    return render(request, "reception/visit_log.html", context)


def visit_log_export(request):
    """The filtered log as .xlsx, one row per visitor; ID numbers masked."""
    log_filter = _filtered(request)
    rows = selectors.export_rows_for(log_filter.qs)
    if rows.count() > EXPORT_LIMIT:
        messages.error(
            request,
            _("More than %(limit)s visitors match; narrow the dates or filters to export.")
            % {"limit": EXPORT_LIMIT},
        )
        return redirect(f"{reverse('reception:log')}?{request.GET.urlencode()}")
    content = visit_log_spreadsheet(rows)
    filename = _("Visitor log %(date)s.xlsx") % {"date": localdate().isoformat()}
    return xlsx_response(content, filename)


def daily_summary(request):
    if not permissions.can_view_summary(request.user):
        raise PermissionDenied
    form = DayForm(request.GET or None)
    day: date = localdate()
    if form.is_valid() and form.cleaned_data["date"]:
        day = form.cleaned_data["date"]
    return render(
        request,
        "reception/daily_summary.html",
        {"summary": selectors.daily_summary(day=day), "day_form": form},
    )
