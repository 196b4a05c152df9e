"""Meeting materials (会议材料): files for the attendees, kept with the meeting."""

from django.db import transaction
from django.utils.translation import gettext as _

from office.errors import DomainError, require_actor
from office.services import audit

from .. import permissions as perms
from ..models import AgendaItem, Material, Meeting


@transaction.atomic
def material_add(*, meeting_id: int, upload, by, agenda_item_id: int | None = None) -> Material:
    """Attach a validated upload to the meeting (and to one of its agenda items)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    require_actor(perms.may_manage_materials(by, meeting))
    if meeting.status in (Meeting.Status.MINUTED, Meeting.Status.CANCELLED):
        raise DomainError(_("Materials can no longer be added to this meeting."))
    item = None
    if agenda_item_id:
        item = AgendaItem.objects.filter(meeting=meeting, pk=agenda_item_id).first()
        if item is None:
            raise DomainError(_("That agenda item is not part of this meeting."))
    material = Material.from_upload(upload, by=by, meeting=meeting, agenda_item=item)
    material.save()
    audit(
        actor=by,
        verb="meeting.material_added",
        target=meeting,
        data={"file": material.original_name},
    )
    return material


@transaction.atomic
def material_remove(*, material_id: int, by) -> None:
    material = Material.objects.select_related("meeting").get(pk=material_id)
    require_actor(perms.may_manage_materials(by, material.meeting))
    if material.meeting.status in (Meeting.Status.MINUTED, Meeting.Status.CANCELLED):
        raise DomainError(_("Materials can no longer be removed from this meeting."))
    audit(
        actor=by,
        verb="meeting.material_removed",
        target=material.meeting,
        data={"file": material.original_name},
    )
    material.file.delete(save=False)
    material.delete()
