"""Spreadsheets: the stock list, a month's movements, the asset register."""

from django.utils import timezone
from django.utils.translation import gettext as _

from office.spreadsheets import build_xlsx

from .models import Asset
from .selectors import movements_in, stock_list
from .statistics import month_bounds


def stock_xlsx() -> bytes:
    rows = [
        [lv.store.name, lv.item.name, lv.item.spec, lv.item.unit, lv.quantity, lv.item.threshold]
        for lv in stock_list()
    ]
    header = [
        _("Store"),
        _("Item"),
        _("Specification"),
        _("Unit"),
        _("Quantity"),
        _("Low-stock threshold"),
    ]
    return build_xlsx(title=_("Stock"), header=header, rows=rows)


def movements_xlsx(month) -> bytes:
    start, end = month_bounds(month)
    rows = [
        [
            timezone.localtime(m.at).strftime("%Y-%m-%d %H:%M"),
            m.store.name,
            str(m.item),
            m.get_kind_display(),
            m.quantity,
            m.balance,
            str(m.department or ""),
            str(m.by),
            str(m.requisition or m.purchase or m.note or ""),
        ]
        for m in movements_in(start=start, end=end)
    ]
    header = [
        _("Time"),
        _("Store"),
        _("Item"),
        _("Kind"),
        _("Change"),
        _("Balance after"),
        _("Department"),
        _("Recorded by"),
        _("Reference"),
    ]
    return build_xlsx(title=_("Movements"), header=header, rows=rows)


def assets_xlsx() -> bytes:
    rows = [
        [a.tag, a.name, str(a.custodian), a.location, a.get_status_display()]
        for a in Asset.objects.select_related("custodian")
    ]
    header = [_("Tag number"), _("Name"), _("Custodian"), _("Location"), _("Status")]
    return build_xlsx(title=_("Assets"), header=header, rows=rows)
