"""Statistics for petition staff and the director: a year by category, department and month."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from office.params import int_param
from office.spreadsheets import build_xlsx, xlsx_response

from .. import permissions
from ..statistics import current_year, year_figures, year_rows


def _year(request) -> int:
    if not permissions.sees_all(request.user):
        raise PermissionDenied
    return int_param(request, "year", current_year(), minimum=2000, maximum=current_year() + 1)


def statistics(request):
    year = _year(request)
    context = {"year": year, "figures": year_figures(year)}
    return render(request, "petitions/statistics.html", context)


def statistics_xlsx(request):
    year = _year(request)
    content = build_xlsx(
        title=_("Petitions %(year)s") % {"year": year},
        header=[_("Item"), _("Petitions")],
        rows=year_rows(year),
        widths=(30, 12),
    )
    return xlsx_response(content, f"信访统计{year}.xlsx")
