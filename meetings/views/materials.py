"""Meeting materials: upload by the people who run the meeting, download by everyone in scope."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.uploads import attachment_response
from office.views.actions import action

from .. import permissions, services
from ..forms import MaterialForm
from ..models import Material
from .meetings import meeting_or_404


@require_POST
def material_upload(request, pk: int):
    meeting = meeting_or_404(request.user, pk)
    return action(
        request,
        allowed=permissions.can_manage_materials(request.user, meeting),
        form=MaterialForm(request.POST, request.FILES, agenda_items=meeting.agenda_items.all()),
        perform=lambda data: services.material_add(
            meeting_id=meeting.pk,
            upload=data["file"],
            by=request.user,
            agenda_item_id=data["agenda_item"],
        ),
        success=_("The file has been added to the meeting's materials."),
        redirect_to=meeting,
    )


def material_download(request, pk: int, material_pk: int):
    meeting = meeting_or_404(request.user, pk)  # out of scope: 404, like the meeting
    material = get_object_or_404(Material, pk=material_pk, meeting=meeting)
    return attachment_response(material)


@require_POST
def material_delete(request, pk: int, material_pk: int):
    meeting = meeting_or_404(request.user, pk)
    material = get_object_or_404(Material, pk=material_pk, meeting=meeting)
    return action(
        request,
        allowed=permissions.can_manage_materials(request.user, meeting),
        perform=lambda data: services.material_remove(material_id=material.pk, by=request.user),
        redirect_to=meeting,
    )
