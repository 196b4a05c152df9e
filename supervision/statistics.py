"""On-time statistics, scoped to what the user may see; a few aggregate queries at any size.

An item counts once its deadline has passed or it is done: on time = completed with the
result submitted by the (extended) deadline; late = completed late, or open and overdue.
Rate = on time / (on time + late). Cancelled items do not count.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils.translation import gettext as _

from office.charts import Column, Series, column_chart

from .filters import Outcome, outcome_q
from .models import Task, local_today
from .selectors import tasks_for


@dataclass
class Row:
    label: str
    params: dict
    total: int = 0
    on_time: int = 0
    late: int = 0
    open: int = 0
    links: dict = field(default_factory=dict)

    @property
    def due(self) -> int:
        return self.on_time + self.late

    @property
    def pending(self) -> int:
        """Open and not yet overdue (overdue ones already count as late)."""
        return self.total - self.on_time - self.late

    def share(self, count: int) -> float:
        return round(100 * count / self.total, 1) if self.total else 0

    @property
    def bar(self) -> list[tuple[str, float, int]]:
        """(css class, width %, count) of the stacked bar: on time, late, not yet due."""
        parts = (("on-time", self.on_time), ("late", self.late), ("open", self.pending))
        return [(css, self.share(count), count) for css, count in parts if count]

    @property
    def rate(self) -> float | None:
        """Percentage on time, or None before anything is due."""
        return round(100 * self.on_time / self.due, 1) if self.due else None

    def finish(self) -> "Row":
        board = reverse("supervision:index")
        self.links = {
            name: f"{board}?{urlencode({**self.params, **extra})}"
            for name, extra in {
                "total": {},
                "on_time": {"outcome": Outcome.ON_TIME},
                "late": {"outcome": Outcome.LATE},
                "open": {"outcome": Outcome.OPEN},
                "pending": {"outcome": Outcome.PENDING},
                "due": {"outcome": Outcome.DUE},
            }.items()
        }
        return self


def _counts():
    # outcome_q reads "today": build the expressions at call time, not import time.
    # n_ prefixes: an alias may not shadow a field (on_time) the filters use.
    return {
        "n_total": Count("pk"),
        "n_on_time": Count("pk", filter=outcome_q(Outcome.ON_TIME)),
        "n_late": Count("pk", filter=outcome_q(Outcome.LATE)),
        "n_open": Count("pk", filter=outcome_q(Outcome.OPEN)),
    }


def _row(label, params, values) -> Row:
    return Row(
        label=str(label),
        params={key: value for key, value in params.items() if value not in (None, "")},
        total=values["n_total"],
        on_time=values["n_on_time"],
        late=values["n_late"],
        open=values["n_open"],
    ).finish()


def month_start(day: datetime.date, back: int = 0) -> datetime.date:
    index = day.year * 12 + day.month - 1 - back
    return datetime.date(index // 12, index % 12 + 1, 1)


# Pass as the user for figures over every item (the circular, which only overseers see).
OFFICE_WIDE = object()


def counted(user, *, month: datetime.date | None = None) -> QuerySet[Task]:
    tasks = Task.objects.all() if user is OFFICE_WIDE else tasks_for(user)
    tasks = tasks.exclude(status=Task.Status.CANCELLED)
    if month is not None:
        tasks = tasks.filter(deadline__gte=month, deadline__lt=month_start(month, back=-1))
    return tasks


def statistics_for(
    user, *, month: datetime.date | None = None, months: int = 12, ahead: int = 2
) -> dict:
    """{"overall": Row, "departments": [Row], "sources": [Row], "months": [Row]}.

    The month rows end at the chosen month, or `ahead` months from now (what falls due soon).
    One pass over the items: counted by department, source and month together, and summed
    here (four passes over 100 k items cost a second at a million documents)."""
    last = month or month_start(local_today(), back=-ahead)
    first = month_start(last, back=months - 1)
    tasks = counted(user)
    if month is not None:  # the chosen month and the eleven before it, for the month rows
        tasks = tasks.filter(deadline__gte=first, deadline__lt=month_start(month, back=-1))
    groups = list(
        tasks.annotate(month=TruncMonth("deadline"))
        .values("owner_department", "owner_department__name", "source_kind", "month")
        .annotate(**_counts())
        .order_by()
    )
    chosen = [group for group in groups if month is None or group["month"] == month]
    month_param = {"month": f"{month:%Y-%m}"} if month else {}
    overall = _row("", month_param, _summed(chosen))
    by_department: dict = {}
    for group in chosen:
        by_department.setdefault(
            (group["owner_department__name"], group["owner_department"]), []
        ).append(group)
    departments = [
        _row(name or "—", {**month_param, "department": pk}, _summed(rows))
        for (name, pk), rows in sorted(
            by_department.items(), key=lambda item: (item[0][0] is None, item[0][0] or "")
        )
    ]
    source_labels = dict(Task.SourceKind.choices)
    sources = []
    for kind in Task.SourceKind.values:
        rows = [group for group in chosen if group["source_kind"] == kind]
        if rows:
            sources.append(
                _row(source_labels[kind], {**month_param, "source": kind}, _summed(rows))
            )
    month_rows = []
    for back in range(months - 1, -1, -1):
        start = month_start(last, back=back)
        rows = [group for group in groups if group["month"] == start]
        month_rows.append(_row(f"{start:%Y-%m}", {"month": f"{start:%Y-%m}"}, _summed(rows)))
    return {
        "overall": overall,
        "departments": departments,
        "sources": sources,
        "months": month_rows,
    }


def _summed(groups: list[dict]) -> dict:
    return {key: sum(group[key] for group in groups) for key in EMPTY}


EMPTY = {"n_total": 0, "n_on_time": 0, "n_late": 0, "n_open": 0}


def month_chart(rows: list[Row]) -> dict:
    """Stacked columns (on time, late, not yet due) per month, through office.charts."""
    columns = [
        Column(
            label=row.label[5:],
            values={"on-time": row.on_time, "late": row.late, "open": row.pending},
            url=row.links["total"],
            note=f"{row.rate:.0f}%" if row.rate is not None else "",
            title=f"{row.label}: {row.total}" + (f" · {row.rate}%" if row.rate is not None else ""),
        )
        for row in rows
    ]
    return column_chart(
        series=outcome_series(), columns=columns, title=_("Items by month of the deadline")
    )


def outcome_series() -> list[Series]:
    return [
        Series("on-time", _("On time"), "#198754"),
        Series("late", _("Late or overdue"), "#dc3545"),
        Series("open", _("Not yet due"), "#adb5bd"),
    ]
