"""The watch list: consulted at check-in; a hit is a warning the receptionist decides on."""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from office.errors import DomainError, require_actor
from office.services import audit

from .. import permissions as perms
from ..models import Visitor, WatchListEntry


class WatchListWarning(DomainError):
    """The visitor matches the watch list; check-in goes ahead only once confirmed."""

    def __init__(self, entries: list[WatchListEntry]):
        super().__init__(
            _("This visitor matches the watch list. Check the person and confirm to go ahead.")
        )
        self.entries = entries


def watch_list_matches(visitor: Visitor) -> list[WatchListEntry]:
    """Active entries with the visitor's name, ID number or phone number."""
    match = Q(name=visitor.name)
    if visitor.id_number:
        match |= Q(id_number=visitor.id_number)
    if visitor.phone:
        match |= Q(phone=visitor.phone)
    return list(WatchListEntry.objects.filter(active=True).filter(match))


@transaction.atomic
def watch_entry_add(*, by, name: str, reason: str, phone: str = "", id_number: str = ""):
    require_actor(perms.can_manage_watch_list(by))
    entry = WatchListEntry.objects.create(
        name=name, reason=reason, phone=phone, id_number=id_number, added_by=by
    )
    # The entry's name only: its ID number stays out of the audit trail.
    audit(actor=by, verb="reception.watch_entry_added", target=entry, data={"reason": reason})
    return entry


@transaction.atomic
def watch_entry_remove(*, entry_id: int, by) -> WatchListEntry:
    require_actor(perms.can_manage_watch_list(by))
    entry = WatchListEntry.objects.select_for_update().get(pk=entry_id)
    if not entry.active:
        raise DomainError(_("This entry has already been removed from the watch list."))
    entry.active = False
    entry.save(update_fields=["active"])
    audit(actor=by, verb="reception.watch_entry_removed", target=entry)
    return entry
