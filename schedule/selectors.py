"""Reads: the week's activities of every leader, gathered from meetings, vehicles, reception
and the office's own entries, masked for the viewer; the published week; clashes."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.selectors import meetings_for, meetings_of_people
from reception.selectors import visits_for, visits_hosted_by
from vehicles.selectors import trips_for, trips_of_people

from .models import Entry, Leader, PlanRow, Visibility, WeekPlan
from .permissions import levels_for, sees_row


@dataclass
class Item:
    """One activity of one leader, gathered or entered; also a published row's shape."""

    key: str  # "entry:3", "meeting:12", "trip:5", "visit:9"
    leader: Leader
    start: datetime.datetime
    end: datetime.datetime
    title: str
    place: str = ""
    department: str = ""
    visibility: str = Visibility.INTERNAL
    url: str = ""
    changed: bool = False
    clashes: list = field(default_factory=list)

    @property
    def source(self) -> str:
        return self.key.split(":")[0]

    @property
    def visibility_label(self) -> str:
        return Visibility(self.visibility).label

    @property
    def day(self) -> datetime.date:
        return timezone.localdate(self.start)

    def same_as(self, other) -> bool:
        fields = ("start", "end", "title", "place", "department", "visibility")
        return all(getattr(self, f) == getattr(other, f) for f in fields)


def week_of(day: datetime.date) -> datetime.date:
    """The Monday of `day`'s week (weeks run Monday to Sunday, local time)."""
    return day - datetime.timedelta(days=day.weekday())


def week_bounds(monday: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time()))
    return start, timezone.make_aware(
        datetime.datetime.combine(monday + datetime.timedelta(days=7), datetime.time())
    )


def leaders() -> list[Leader]:
    return list(Leader.objects.filter(active=True).select_related("user"))


def _generic(source: str) -> str:
    return {
        "meeting": _("Meeting"),
        "trip": _("Trip"),
        "visit": _("Receiving visitors"),
    }[source]


def gather(start, end, *, only: list[Leader] | None = None) -> list[Item]:
    """Every activity of the active leaders (or `only`) overlapping [start, end), unmasked:
    the office's view, and what publishing snapshots. Four queries whatever the rows."""
    people = {leader.user_id: leader for leader in (only if only is not None else leaders())}
    ids = list(people)
    items = [
        Item(
            key=f"entry:{e.pk}",
            leader=people[e.leader.user_id],
            start=e.start,
            end=e.end,
            title=f"{e.get_kind_display()}：{e.title}",
            place=e.place,
            department=e.department.name if e.department_id else "",
            visibility=e.visibility,
            url=e.get_absolute_url(),
        )
        for e in Entry.objects.filter(
            leader__user_id__in=ids, start__lt=end, end__gt=start
        ).select_related("leader", "department")
    ]
    for person, meeting in meetings_of_people(ids, start=start, end=end):
        items.append(
            Item(
                key=f"meeting:{meeting.pk}",
                leader=people[person],
                start=meeting.start,
                end=meeting.end,
                title=meeting.title,
                place=meeting.location,
                url=meeting.get_absolute_url(),
            )
        )
    for person, trip in trips_of_people(ids, start=start, end=end):
        items.append(
            Item(
                key=f"trip:{trip.pk}",
                leader=people[person],
                start=trip.start,
                end=trip.end,
                title=trip.purpose,
                place=trip.destination,
                url=trip.get_absolute_url(),
            )
        )
    for visit in visits_hosted_by(ids, start=start, end=end):
        items.append(
            Item(
                key=f"visit:{visit.pk}",
                leader=people[visit.host_id],
                start=visit.expected_arrival,
                end=visit.expected_departure,
                title=visit.purpose,
                place="",
                url=visit.get_absolute_url(),
            )
        )
    items.sort(key=lambda i: (i.start, i.leader.order, i.leader.pk, i.key))
    return items


def mark_clashes(items: list[Item]) -> list[Item]:
    """Each item learns the others of the same leader it overlaps (the week page's flag)."""
    by_leader: dict[int, list[Item]] = {}
    for item in items:
        by_leader.setdefault(item.leader.pk, []).append(item)
    for own in by_leader.values():
        for i, a in enumerate(own):
            for b in own[i + 1 :]:
                if a.start < b.end and b.start < a.end:
                    a.clashes.append(b)
                    b.clashes.append(a)
    return items


def mask_for(user, items: list[Item]) -> list[Item]:
    """What `user` may see: rows of a visibility they may not see go; a gathered row whose
    source `user` may not open (its app's own scope) keeps its time and shows only its kind."""
    levels = levels_for(user)
    items = [item for item in items if sees_row(user, levels, item)]
    visible = {}
    for source, scoped in (
        ("meeting", meetings_for),
        ("trip", trips_for),
        ("visit", visits_for),
    ):
        ids = [int(i.key.split(":")[1]) for i in items if i.source == source]
        visible[source] = (
            set(scoped(user).filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
        )
    shown = []
    for item in items:
        if item.source in visible and int(item.key.split(":")[1]) not in visible[item.source]:
            item = Item(
                key=item.key,
                leader=item.leader,
                start=item.start,
                end=item.end,
                title=_generic(item.source),
                visibility=item.visibility,
                changed=item.changed,
            )
        elif item.source == "entry" and not _may_open_entries(user):
            item.url = ""
        shown.append(item)
    return shown


def _may_open_entries(user) -> bool:
    from .permissions import may_manage

    return may_manage(user)


def plan_of(monday: datetime.date) -> WeekPlan | None:
    return WeekPlan.objects.filter(week=monday).select_related("published_by").first()


def published_items(plan: WeekPlan) -> list[Item]:
    """The published snapshot as items (two queries)."""
    rows = PlanRow.objects.filter(plan=plan).select_related("leader", "leader__user")
    return [
        Item(
            key=r.key,
            leader=r.leader,
            start=r.start,
            end=r.end,
            title=r.title,
            place=r.place,
            department=r.department,
            visibility=r.visibility,
            changed=r.changed,
        )
        for r in rows
    ]


def changes_since(plan: WeekPlan | None, live: list[Item]) -> list[Item]:
    """Flag the live items that are new or differ from what `plan` published (变更); returns
    the published rows that are gone."""
    if plan is None:
        return []
    published = {(i.key, i.leader.pk): i for i in published_items(plan)}
    for item in live:
        before = published.pop((item.key, item.leader.pk), None)
        item.changed = before is None or not item.same_as(before)
    return list(published.values())


def clashes_for(leader: Leader, start, end, *, exclude_key: str = "") -> list[Item]:
    """The leader's activities overlapping [start, end): the warning when an entry is entered."""
    return [i for i in gather(start, end, only=[leader]) if i.key != exclude_key]


def entries_for(user):
    """Entries a viewer may open to edit: the office only."""
    from .permissions import may_manage

    return Entry.objects.all() if may_manage(user) else Entry.objects.none()


def today_for(user) -> list[Item]:
    """The home panel: today's activities of the leaders as `user` may see them (published
    week when there is one for the office's staff, the live view for the office)."""
    from .permissions import may_manage

    today = timezone.localdate()
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    end = start + datetime.timedelta(days=1)
    if may_manage(user):
        items = gather(start, end)
    else:
        plan = plan_of(week_of(today))
        items = (
            [i for i in published_items(plan) if i.start < end and i.end > start] if plan else []
        )
    return mask_for(user, items)


def calendar_events_for(user):
    """A leader's own activities entered by the office, -30..+180 days, for his feed."""
    from office.calendar import CalendarEvent

    now = timezone.now()
    entries = Entry.objects.filter(
        leader__user=user,
        start__gte=now - datetime.timedelta(days=30),
        start__lte=now + datetime.timedelta(days=180),
    )
    return [
        CalendarEvent(
            uid=f"schedule-entry-{e.pk}@office",
            start=e.start,
            end=e.end,
            summary=f"{e.get_kind_display()}：{e.title}",
            location=e.place,
            description=e.note,
            url=WeekPlan(week=week_of(timezone.localdate(e.start))).get_absolute_url(),
        )
        for e in entries
    ]
