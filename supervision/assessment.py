"""Department assessment (考评): a monthly score per department from the on-time rate and the
days overdue of the items due in the month (rules in supervision.conf, as settings)."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from office.charts import Column, Series, column_chart

from . import conf
from .models import Task, local_today
from .statistics import counted, month_start


@dataclass
class Score:
    department: str
    due: int = 0
    on_time: int = 0
    overdue_days: int = 0
    score: Decimal | None = None

    @property
    def rate(self) -> float | None:
        return round(100 * self.on_time / self.due, 1) if self.due else None


def _days_late(row: dict, cutoff: datetime.date) -> int:
    if row["status"] == Task.Status.COMPLETED:
        if row["on_time"] or row["completion_requested_at"] is None:
            return 0
        return max(0, (timezone.localdate(row["completion_requested_at"]) - row["deadline"]).days)
    if row["status"] == Task.Status.COMPLETION_REQUESTED and row["completion_requested_at"]:
        submitted = timezone.localdate(row["completion_requested_at"])
        return max(0, (submitted - row["deadline"]).days)
    return max(0, (cutoff - row["deadline"]).days)


def assessment_for(user, *, month: datetime.date) -> list[Score]:
    """One Score per department with items due in `month`, best first."""
    first = month.replace(day=1)
    cutoff = min(local_today(), month_start(first, back=-1) - datetime.timedelta(days=1))
    scores: dict[str, Score] = {}
    rows = counted(user, month=first).values(
        "owner_department__name", "status", "deadline", "completion_requested_at", "on_time"
    )
    for row in rows:
        name = row["owner_department__name"] or "—"
        score = scores.setdefault(name, Score(department=name))
        days = _days_late(row, cutoff)
        if row["status"] == Task.Status.COMPLETED and row["on_time"]:
            score.due, score.on_time = score.due + 1, score.on_time + 1
        elif days > 0 or row["status"] == Task.Status.COMPLETED:
            score.due += 1
        score.overdue_days += days
    base, per_day, cap = conf.score_base(), conf.score_per_overdue_day(), conf.score_overdue_cap()
    for score in scores.values():
        if not score.due:
            continue
        value = base * score.on_time / score.due - min(cap, per_day * score.overdue_days)
        score.score = max(Decimal(0), value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return sorted(scores.values(), key=lambda s: (s.score is None, -(s.score or 0), s.department))


def assessment_chart(scores: list[Score]) -> dict:
    columns = [
        Column(
            label=score.department[:4],
            values={"score": float(score.score)},
            note=f"{score.score}",
            title=f"{score.department}: {score.score}",
        )
        for score in scores
        if score.score is not None
    ]
    return column_chart(
        series=[Series("score", _("Assessment score"), "#0d6efd")],
        columns=columns,
        title=_("Department assessment"),
    )
