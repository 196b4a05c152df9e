"""Monthly figures per vehicle, driver and department, with a chart and a spreadsheet."""

import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.timezone import localdate

from office.params import month_param
from office.spreadsheets import xlsx_response

from .. import permissions
from ..exports import month_xlsx
from ..statistics import header, month_figures


def _month(request):
    if not permissions.sees_all(request.user):
        raise PermissionDenied
    return month_param(request, "month", localdate().replace(day=1))


def statistics(request):
    month = _month(request)
    previous = (month - datetime.timedelta(days=1)).replace(day=1)
    following = (month + datetime.timedelta(days=32)).replace(day=1)
    context = {
        "month": month,
        "previous": previous,
        "following": following,
        "figures": month_figures(month),
        "header": header()[1:],
    }
    return render(request, "vehicles/statistics.html", context)


def statistics_xlsx(request):
    month = _month(request)
    return xlsx_response(month_xlsx(month), f"车辆使用统计{month:%Y-%m}.xlsx")
