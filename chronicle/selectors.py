"""Reads of the chronicle, scoped to the user: staff see accepted entries, the office all."""

import datetime
from itertools import groupby

from django.db.models import QuerySet

from .models import Entry
from .permissions import may_manage, may_read


def entries_for(user) -> QuerySet[Entry]:
    if may_manage(user):
        return Entry.objects.all()
    if may_read(user):
        return Entry.objects.filter(status=Entry.Status.ACCEPTED)
    return Entry.objects.none()


def suggestions_awaiting(user) -> QuerySet[Entry]:
    """The to-do source: suggestions the office has not decided yet."""
    if not may_manage(user):
        return Entry.objects.none()
    return Entry.objects.filter(status=Entry.Status.SUGGESTED).order_by("date", "pk")


def year_months(year: int) -> list[tuple[datetime.date, list[Entry]]]:
    """The year's accepted entries in chronological order, grouped by month (one query)."""
    entries = Entry.objects.filter(status=Entry.Status.ACCEPTED, date__year=year).order_by(
        "date", "pk"
    )
    return [
        (month, list(rows)) for month, rows in groupby(entries, key=lambda e: e.date.replace(day=1))
    ]
