"""The evacuation roll call's reads: reception's own presence provider (the visitors inside)
and the roll calls themselves. Who else is inside comes from office.presence."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from office.presence import Present, Section, who_is_here

from .models import RollCall, RollCallEntry, Visitor

HISTORY_LIMIT = 20


def visitors_inside(at) -> list[Present]:
    """office.presence provider: visitors checked in and not out (the partial index
    reception_visitor_inside), with their host and badge."""
    inside = (
        Visitor.objects.filter(checked_in_at__isnull=False, checked_out_at__isnull=True)
        .select_related("visit__host")
        .order_by("checked_in_at", "id")
    )
    people = []
    for visitor in inside:
        visit = visitor.visit
        detail = _("Host: %(host)s") % {"host": visit.host.display_name}
        if visit.organisation:
            detail = f"{detail} · {visit.organisation}"
        people.append(
            Present(
                key=f"reception.visitor:{visitor.pk}",
                name=visitor.name,
                role=pgettext("roll call", "Visitor"),
                detail=detail,
                badge=visitor.badge_number,
            )
        )
    return people


def in_the_building() -> list[Section]:
    return who_is_here()


def open_roll_call() -> RollCall | None:
    return RollCall.objects.filter(status=RollCall.Status.OPEN).first()


def recent_roll_calls() -> QuerySet[RollCall]:
    return RollCall.objects.select_related("started_by", "closed_by")[:HISTORY_LIMIT]


@dataclass
class EntrySection:
    label: str
    entries: list[RollCallEntry]


@dataclass
class RollCallSheet:
    roll_call: RollCall
    sections: list[EntrySection]
    total: int
    safe: int

    @property
    def missing(self) -> int:
        return self.total - self.safe


def sheet(roll_call: RollCall) -> RollCallSheet:
    """The roll call's people by section, with the counts (one query)."""
    sections: dict[str, EntrySection] = {}
    safe = total = 0
    for entry in roll_call.entries.all():
        sections.setdefault(entry.section, EntrySection(entry.section, [])).entries.append(entry)
        total += 1
        safe += entry.safe_at is not None
    return RollCallSheet(roll_call, list(sections.values()), total, safe)


def counts(roll_call: RollCall) -> tuple[int, int]:
    entries = roll_call.entries.all()
    return entries.count(), entries.filter(safe_at__isnull=False).count()
