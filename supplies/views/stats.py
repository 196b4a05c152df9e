"""Monthly figures per department with a chart; the spreadsheets."""

import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.timezone import localdate

from office.params import month_param
from office.spreadsheets import xlsx_response

from .. import exports, permissions
from ..statistics import chart, month_figures


def _month(request):
    if not permissions.sees_all(request.user):
        raise PermissionDenied
    return month_param(request, "month", localdate().replace(day=1))


def statistics(request):
    month = _month(request)
    figures = month_figures(month)
    context = {
        "month": month,
        "previous": (month - datetime.timedelta(days=1)).replace(day=1),
        "following": (month + datetime.timedelta(days=32)).replace(day=1),
        "figures": figures,
        "chart": chart(figures),
    }
    return render(request, "supplies/statistics.html", context)


def export_stock(request):
    _month(request)
    return xlsx_response(exports.stock_xlsx(), "库存清单.xlsx")


def export_movements(request):
    month = _month(request)
    return xlsx_response(exports.movements_xlsx(month), f"出入库明细{month:%Y-%m}.xlsx")


def export_assets(request):
    _month(request)
    return xlsx_response(exports.assets_xlsx(), "资产台账.xlsx")
