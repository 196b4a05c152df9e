"""The to-do inbox (待办 / 待阅 / 已办): apps register sources, the home page lists them.

A source gives, for a user, a scoped queryset of records awaiting that user. The inbox
counts every source in one query and fetches the first items of each non-empty source with
one more each, however many items there are, so a source's queryset must select_related
whatever __str__ and get_absolute_url touch.
已办 (done) comes from the audit trail: what the user recently did, across apps.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TODO, TO_READ = "todo", "toread"
BUCKETS = {TODO: _("To do"), TO_READ: _("To read")}


@dataclass(frozen=True)
class TodoSource:
    key: str  # "documents.awaiting_instruction"
    bucket: str  # TODO or TO_READ
    label: object  # lazily translated, e.g. _("Awaiting my instruction")
    queryset: Callable[[object], QuerySet]  # user -> records awaiting the user
    date_field: str = "created_at"  # newest first by this field
    due_field: str | None = None  # shown as the due date, if any


@dataclass(frozen=True)
class TodoItem:
    source: TodoSource
    title: str
    url: str
    when: datetime | None
    due: datetime | None
    all_day: bool = False  # the source's date field is a date: no time to show


_sources: dict[str, TodoSource] = {}


def register(source: TodoSource) -> None:
    if source.bucket not in BUCKETS:
        raise ValueError(f"unknown bucket {source.bucket!r}")
    _sources[source.key] = source


def sources() -> list[TodoSource]:
    return list(_sources.values())


def inbox_for(user, *, per_source: int = 20) -> dict:
    """{bucket: {"count": n, "items": [TodoItem...newest first], "sources": [(label, n)]}}.

    One query counts every source (each count stops at COUNT_UP_TO: a pile of thousands
    shows as "99+", the badge people know, instead of costing a scan), then one query per
    non-empty source fetches its newest items."""
    result = {bucket: {"count": 0, "more": False, "items": [], "sources": []} for bucket in BUCKETS}
    active = [(source, source.queryset(user)) for source in _sources.values()]
    counts = _count_all([queryset for _source, queryset in active])
    for (source, queryset), count in zip(active, counts, strict=True):
        if not count:
            continue
        records = list(queryset.order_by(f"-{source.date_field}")[:per_source])
        entry = result[source.bucket]
        entry["count"] += min(count, COUNT_UP_TO)
        entry["more"] = entry["more"] or count > COUNT_UP_TO
        shown = count if count <= COUNT_UP_TO else f"{COUNT_UP_TO}+"
        entry["sources"].append((source.label, shown))
        entry["items"].extend(
            TodoItem(
                source=source,
                title=str(record),
                url=record.get_absolute_url(),
                when=_as_datetime(_attr(record, source.date_field)),
                due=_attr(record, source.due_field) if source.due_field else None,
                all_day=_is_date(_attr(record, source.date_field)),
            )
            for record in records
        )
    for entry in result.values():
        entry["items"].sort(key=lambda item: (item.when is not None, item.when), reverse=True)
    return result


COUNT_UP_TO = 99  # a pile reads "99+": counting 1,000 rows per source cost the 9 o'clock rush


def _count_all(querysets: list[QuerySet]) -> list[int]:
    """Every queryset's count (up to COUNT_UP_TO + 1) in a single SELECT of subqueries."""
    parts, params = [], []
    for queryset in querysets:
        limited = queryset.order_by().values("pk")[: COUNT_UP_TO + 1]
        try:
            sql, part_params = limited.query.get_compiler(using=limited.db).as_sql()
        except EmptyResultSet:  # .none(): nothing to ask the database
            parts.append("0")
            continue
        parts.append(f"(SELECT count(*) FROM ({sql}) AS source_{len(parts)})")
        params.extend(part_params)
    if all(part == "0" for part in parts):
        return [0] * len(parts)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        return list(cursor.fetchone())


def _is_date(value) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _as_datetime(value):
    """A date field's value as the start of that local day, so all sources sort together."""
    if _is_date(value):
        return timezone.make_aware(datetime.combine(value, time()))
    return value


def _attr(record, dotted: str):
    value = record
    for part in dotted.split("__"):
        value = getattr(value, part, None)
    return value
