"""The monthly figures as a spreadsheet (office.spreadsheets): one table per view."""

import datetime

from django.utils.translation import gettext as _

from office.spreadsheets import Styled, build_xlsx

from .statistics import header, month_figures


def month_xlsx(first: datetime.date) -> bytes:
    figures = month_figures(first)
    rows = []
    for title, key in (
        (_("By vehicle"), "vehicles"),
        (_("By driver"), "drivers"),
        (_("By department"), "departments"),
    ):
        rows.append([Styled(title, fill="DDEBF7")])
        rows.extend(row.cells() for row in figures[key])
        rows.append([])
    rows.append(figures["total"].cells())
    return build_xlsx(
        title=_("Vehicle use %(month)s") % {"month": f"{first:%Y-%m}"},
        header=header(),
        rows=rows,
        widths=(22, 8, 10, 12, 12, 16, 12, 12),
    )
