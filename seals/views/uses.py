"""用印登记: the use log for custodians and the director, by month, as xlsx and PDF too."""

from datetime import datetime, time

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.timezone import localdate, make_aware

from office.pagination import paginate
from office.params import int_param, month_param
from office.pdf import pdf_response
from office.spreadsheets import xlsx_response
from seals import exports, permissions, selectors


def _month_uses(request):
    if not permissions.may_see_uses(request.user):
        raise PermissionDenied
    month = month_param(request, "month", localdate().replace(day=1))
    start = make_aware(datetime.combine(month, time()))
    end = make_aware(datetime.combine(_next_month(month), time()))
    uses = selectors.uses_for(request.user).filter(used_at__gte=start, used_at__lt=end)
    seal = int_param(request, "seal", None, minimum=1)
    if seal:
        uses = uses.filter(seal_id=seal)
    return month, seal, uses.order_by("-used_at", "-pk")


def _next_month(month):
    return month.replace(year=month.year + month.month // 12, month=month.month % 12 + 1)


def _title(month) -> str:
    return f"用印登记簿 {month.year}年{month.month}月"


def use_list(request):
    month, seal, uses = _month_uses(request)
    return render(
        request,
        "seals/use_list.html",
        {
            "page": paginate(request, uses, 50),
            "month": month,
            "seal": seal,
            "seals": selectors.seals_for(request.user),
            "query": request.GET.urlencode(),
        },
    )


def use_xlsx(request):
    month, _seal, uses = _month_uses(request)
    return xlsx_response(exports.uses_xlsx(uses, title=_title(month)), f"{_title(month)}.xlsx")


def use_pdf(request):
    month, _seal, uses = _month_uses(request)
    pdf = exports.uses_pdf(uses, title=_title(month), organisation=settings.ORGANISATION_NAME)
    return pdf_response(pdf, f"{_title(month)}.pdf")
