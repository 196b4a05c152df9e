"""Every write of the leaders' schedule: the leaders list, entries (with the clash check) and
publishing the week. Each checks its actor, locks what it changes and is audited."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import DomainError, require_actor
from office.i18n import Message, when
from office.services import audit, notify

from . import selectors
from .models import Entry, Leader, PlanRow, Visibility, WeekPlan
from .permissions import may_manage


class Clash(DomainError):
    """The entry overlaps other activities of its leader; saving needs a confirmation."""

    def __init__(self, clashes: list):
        self.clashes = clashes
        names = "；".join(describe(item) for item in clashes)
        super().__init__(
            _("This clashes with the leader's other activities: %(list)s") % {"list": names}
        )


def describe(item) -> str:
    """A clash as the clerk reads it: what (masked by its app for the clerk) and when."""
    start, end = timezone.localtime(item.start), timezone.localtime(item.end)
    return f"{item.title}（{start:%m-%d %H:%M}–{end:%H:%M}）"


@dataclass
class EntryData:
    leader: Leader
    kind: str
    title: str
    start: datetime.datetime
    end: datetime.datetime
    place: str = ""
    department: object = None
    note: str = ""
    visibility: str = Visibility.INTERNAL


def _check(data: EntryData, *, by, exclude_key: str, confirm_clash: bool) -> list:
    """Locks the leader (one clash check at a time per leader), then checks."""
    if data.end <= data.start:
        raise DomainError(_("The activity must end after it starts."))
    if not Leader.objects.select_for_update().get(pk=data.leader.pk).active:
        raise DomainError(
            _("%(leader)s is no longer on the list of leaders.") % {"leader": data.leader}
        )
    clashes = selectors.mask_for(
        by, selectors.clashes_for(data.leader, data.start, data.end, exclude_key=exclude_key)
    )
    if clashes and not confirm_clash:
        raise Clash(clashes)
    return clashes


def _fields(entry: Entry, data: EntryData) -> None:
    for name in ("leader", "kind", "title", "start", "end", "place", "department", "note"):
        setattr(entry, name, getattr(data, name))
    entry.visibility = data.visibility


@transaction.atomic
def entry_create(*, data: EntryData, by, confirm_clash: bool = False) -> Entry:
    """Enter a leader's activity; a clash is refused unless the clerk confirmed it."""
    require_actor(may_manage(by))
    clashes = _check(data, by=by, exclude_key="", confirm_clash=confirm_clash)
    entry = Entry(created_by=by)
    _fields(entry, data)
    entry.save()
    audit(
        actor=by,
        verb="schedule.entry_added",
        target=entry,
        data={"subject": str(entry.leader), "clashes": [describe(c) for c in clashes]},
    )
    return entry


@transaction.atomic
def entry_update(*, entry_id: int, data: EntryData, by, confirm_clash: bool = False) -> Entry:
    require_actor(may_manage(by))
    entry = Entry.objects.select_for_update().get(pk=entry_id)
    clashes = _check(data, by=by, exclude_key=f"entry:{entry.pk}", confirm_clash=confirm_clash)
    _fields(entry, data)
    entry.save()
    audit(
        actor=by,
        verb="schedule.entry_changed",
        target=entry,
        data={"subject": str(entry.leader), "clashes": [describe(c) for c in clashes]},
    )
    return entry


@transaction.atomic
def entry_delete(*, entry_id: int, by) -> None:
    require_actor(may_manage(by))
    entry = Entry.objects.select_for_update().get(pk=entry_id)
    audit(
        actor=by,
        verb="schedule.entry_removed",
        target=entry.leader,
        data={"subject": f"{entry.title} {timezone.localtime(entry.start):%Y-%m-%d %H:%M}"},
    )
    entry.delete()


@transaction.atomic
def leader_add(*, user, title: str, order: int, by) -> Leader:
    """Put someone on the office's list of leaders (again, if they were taken off)."""
    require_actor(may_manage(by))
    leader, _created = Leader.objects.select_for_update().get_or_create(
        user=user, defaults={"title": title, "order": order}
    )
    leader.title, leader.order, leader.active = title, order, True
    leader.save()
    audit(actor=by, verb="schedule.leader_added", target=leader, data={"subject": str(leader)})
    return leader


@transaction.atomic
def leader_remove(*, leader_id: int, by) -> Leader:
    """Take a leader off the list; entries stay, gathering stops."""
    require_actor(may_manage(by))
    leader = Leader.objects.select_for_update().get(pk=leader_id)
    leader.active = False
    leader.save(update_fields=["active"])
    audit(actor=by, verb="schedule.leader_removed", target=leader, data={"subject": str(leader)})
    return leader


@transaction.atomic
def week_publish(*, monday: datetime.date, by) -> WeekPlan:
    """Publish 领导一周活动安排: staff see this snapshot. Publishing again flags each new or
    changed row as 变更 and tells the leaders whose week changed."""
    require_actor(may_manage(by))
    if monday.weekday() != 0:
        raise DomainError(_("A week starts on a Monday."))
    start, end = selectors.week_bounds(monday)
    live = selectors.gather(start, end)
    plan = WeekPlan.objects.select_for_update().filter(week=monday).first()
    gone = selectors.changes_since(plan, live)
    if plan is None:
        plan = WeekPlan.objects.create(week=monday, published_at=timezone.now(), published_by=by)
        for item in live:
            item.changed = False
    else:
        if not gone and not any(item.changed for item in live):
            raise DomainError(_("Nothing has changed since this week was published."))
        plan.version += 1
        plan.published_at, plan.published_by = timezone.now(), by
        plan.save(update_fields=["version", "published_at", "published_by"])
        plan.rows.all().delete()
    PlanRow.objects.bulk_create(
        PlanRow(
            plan=plan,
            key=item.key,
            leader=item.leader,
            start=item.start,
            end=item.end,
            title=item.title[:300],
            place=item.place[:200],
            department=item.department[:100],
            visibility=item.visibility,
            changed=item.changed,
        )
        for item in live
    )
    changed = [item for item in live if item.changed] + gone
    audit(
        actor=by,
        verb="schedule.week_published" if plan.version == 1 else "schedule.week_republished",
        target=plan,
        data={"version": plan.version, "rows": len(live), "changed": len(changed)},
    )
    if plan.version > 1:
        people = {item.leader.user for item in changed}
        notify(
            recipients=list(people),
            title=Message(
                gettext_noop("Leaders' weekly schedule changed: week of %(week)s"),
                week=when(monday, "Y-m-d"),
            ),
            body=Message(
                gettext_noop("%(count)s activities changed; version %(version)s is published."),
                count=len(changed),
                version=plan.version,
            ),
            url=plan.get_absolute_url(),
            kind="schedule.week_changed",
            actor=by,
        )
    return plan
