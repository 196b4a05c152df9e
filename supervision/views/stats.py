"""Statistics (on-time rate by department, source and month) and the monthly circular PDF."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import render

from office.pdf import pdf_response, render_pdf

from .. import permissions as perms
from ..circular import circular_context
from ..filters import MonthField
from ..models import local_today
from ..statistics import month_chart, month_start, statistics_for


def _month(request) -> datetime.date | None:
    try:
        return MonthField(required=False).clean(request.GET.get("month", ""))
    except ValidationError:  # a malformed month shows all months rather than an error page
        return None


def statistics(request):
    month = _month(request)
    stats = statistics_for(request.user, month=month)
    previous = month_start(local_today(), back=1)
    return render(
        request,
        "supervision/statistics.html",
        {
            "stats": stats,
            "month": month,
            "chart": month_chart(stats["months"]),
            "circular_month": month or previous,
            "can_see_circular": perms.can_see_circular(request.user),
        },
    )


def circular_pdf(request, year: int, month: int):
    """督办通报 of one month: its items, on-time rate by department, the overdue list."""
    if not perms.can_see_circular(request.user):
        raise PermissionDenied
    try:
        first = datetime.date(year, month, 1)
    except ValueError as exc:
        raise Http404 from exc
    context = circular_context(request.user, first)
    pdf = render_pdf("supervision/pdf/circular.html", context)
    return pdf_response(pdf, f"督办通报{first:%Y年%m月}.pdf")
