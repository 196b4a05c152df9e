"""Statistics (on-time rate by department, source and month) and the monthly circular."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office import datacache
from office.params import month_or_404
from office.pdf import pdf_response
from office.uploads import open_stored

from .. import conf
from .. import permissions as perms
from ..assessment import assessment_chart, assessment_for
from ..filters import MonthField
from ..models import Circular, local_today
from ..services import circular_request as request_circular
from ..statistics import month_chart, month_start, statistics_for


def _month(value) -> datetime.date | None:
    try:
        return MonthField(required=False).clean(value or "")
    except ValidationError:  # a malformed month shows all months rather than an error page
        return None


def _circulars_context(user) -> dict:
    if not perms.can_see_circular(user):
        return {"can_see_circular": False}
    circulars = list(Circular.objects.all()[:12])
    return {
        "can_see_circular": True,
        "circulars": circulars,
        "circulars_pending": any(c.in_progress for c in circulars),
        "circular_month": month_start(local_today(), back=1),
    }


def statistics(request):
    """Five passes over every item the user sees, charts and tables: the page's body is kept
    until the next write or the next minute (office.datacache), per browser (the circular
    request has a form)."""
    month = _month(request.GET.get("month"))
    body = datacache.rendered(
        request,
        f"supervision.statistics:{month}",
        "supervision/partials/_statistics.html",
        lambda: _statistics_context(request.user, month),
        with_csrf=True,
    )
    return render(request, "supervision/statistics.html", {"body": body})


def _statistics_context(user, month) -> dict:
    stats = statistics_for(user, month=month)
    assessed = month or month_start(local_today(), back=1)  # the last month that is over
    scores = assessment_for(user, month=assessed)
    context = {
        "stats": stats,
        "month": month,
        "chart": month_chart(stats["months"]),
        "assessed": assessed,
        "scores": scores,
        "score_chart": assessment_chart(scores),
        "rules": {
            "base": conf.score_base(),
            "per_day": conf.score_per_overdue_day(),
            "cap": conf.score_overdue_cap(),
        },
    }
    return context | _circulars_context(user)


def circular_list(request):
    """The circulars card; htmx polls it while one is being prepared."""
    if not perms.can_see_circular(request.user):
        raise PermissionDenied
    return render(request, "supervision/partials/_circulars.html", _circulars_context(request.user))


@require_POST
def circular_request(request):
    if not perms.can_see_circular(request.user):
        raise PermissionDenied
    month = _month(request.POST.get("month"))
    if month is None or month > local_today():
        messages.error(request, _("Choose a month that has begun."))
    else:
        request_circular(month=month, by=request.user)
        messages.success(
            request, _("The circular is being prepared; you will be told when it is ready.")
        )
    return redirect(reverse("supervision:statistics") + "#circulars")


def circular_pdf(request, year: int, month: int):
    """督办通报 of one month, as last rendered."""
    if not perms.can_see_circular(request.user):
        raise PermissionDenied
    first = month_or_404(year, month)
    circular = get_object_or_404(Circular, month=first)
    if circular.status != Circular.Status.READY or not circular.file:
        messages.info(request, _("The circular is still being prepared."))
        return redirect(reverse("supervision:statistics") + "#circulars")
    with open_stored(circular.file) as handle:
        return pdf_response(handle.read(), circular.filename)
