"""Statistics (信访统计) for a year: by category, by handling department, by month (with the
channel stacked), as a page with a chart and a spreadsheet."""

from django.db.models import Count
from django.db.models.functions import ExtractMonth
from django.utils.translation import gettext as _

from office.charts import Column, Series, column_chart

from . import rules
from .models import Petition

COLOURS = {"letter": "#0d6efd", "visit": "#198754", "online": "#fd7e14"}


def year_figures(year: int) -> dict:
    petitions = Petition.objects.filter(received_on__year=year)
    labels = dict(rules.categories())
    by_category = [
        (labels.get(row["category"], row["category"]), row["n"])
        for row in petitions.values("category").annotate(n=Count("pk")).order_by("-n", "category")
    ]
    by_department = [
        (row["department__name"] or _("Not yet assigned"), row["n"])
        for row in petitions.values("department__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "department__name")
    ]
    months = {m: {} for m in range(1, 13)}
    for row in (
        petitions.annotate(m=ExtractMonth("received_on"))
        .values("m", "channel")
        .annotate(n=Count("pk"))
    ):
        months[row["m"]][row["channel"]] = row["n"]
    chart = column_chart(
        series=[
            Series(value, str(label), COLOURS[value]) for value, label in Petition.Channel.choices
        ],
        columns=[Column(f"{m}月", months[m]) for m in range(1, 13)],
        title=_("Petitions received per month"),
    )
    by_month = [(f"{year}-{m:02d}", sum(months[m].values()), months[m]) for m in range(1, 13)]
    return {
        "by_category": by_category,
        "by_department": by_department,
        "by_month": by_month,
        "total": sum(n for _label, n in by_category),
        "chart": chart,
    }


def year_rows(year: int) -> list[list]:
    figures = year_figures(year)
    rows = [[_("By category"), ""]]
    rows += [[label, n] for label, n in figures["by_category"]]
    rows += [["", ""], [_("By department"), ""]]
    rows += [[label, n] for label, n in figures["by_department"]]
    rows += [["", ""], [_("By month"), ""]]
    rows += [[label, n] for label, n, _channels in figures["by_month"]]
    rows += [["", ""], [_("Total"), figures["total"]]]
    return rows


def current_year() -> int:
    from django.utils import timezone

    return timezone.localdate().year
