"""Monthly figures per department: items issued (出库 quantities) and spent on purchases
received (the estimated amounts of their lines), with a chart."""

import datetime
from decimal import Decimal

from django.db.models import DecimalField, ExpressionWrapper, F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from office.charts import Column, Series, column_chart

from .models import Movement, PurchaseLine


def month_bounds(month: datetime.date):
    start = timezone.make_aware(datetime.datetime.combine(month, datetime.time()))
    following = (month + datetime.timedelta(days=32)).replace(day=1)
    end = timezone.make_aware(datetime.datetime.combine(following, datetime.time()))
    return start, end


def month_figures(month: datetime.date) -> list[dict]:
    """[{department, issued, spent}] for the month, by department name (two queries)."""
    start, end = month_bounds(month)
    issued = (
        Movement.objects.filter(kind=Movement.Kind.ISSUE, at__gte=start, at__lt=end)
        .values("department__name")
        .annotate(total=Sum("quantity"))
    )
    amount = ExpressionWrapper(
        F("quantity") * F("unit_price"), output_field=DecimalField(max_digits=14, decimal_places=2)
    )
    spent = (
        PurchaseLine.objects.filter(purchase__received_at__gte=start, purchase__received_at__lt=end)
        .values("purchase__department__name")
        .annotate(total=Sum(amount))
    )
    rows: dict[str, dict] = {}
    none = _("No department")
    for row in issued:
        name = row["department__name"] or none
        rows.setdefault(name, {"department": name, "issued": 0, "spent": Decimal("0")})
        rows[name]["issued"] = -row["total"]
    for row in spent:
        name = row["purchase__department__name"] or none
        rows.setdefault(name, {"department": name, "issued": 0, "spent": Decimal("0")})
        rows[name]["spent"] = row["total"]
    return sorted(rows.values(), key=lambda r: r["department"])


def chart(figures: list[dict]) -> dict:
    series = [Series("spent", _("Spent on purchases (yuan)"), "#0d6efd")]
    columns = [
        Column(
            row["department"],
            {"spent": float(row["spent"])},
            note=_("%(n)s issued") % {"n": row["issued"]},
        )
        for row in figures
    ]
    return column_chart(series=series, columns=columns, title=_("Spent on purchases by department"))
