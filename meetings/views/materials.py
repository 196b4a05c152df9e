"""Meeting materials: upload by the people who run the meeting, download by everyone in scope."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.errors import DomainError
from office.uploads import attachment_response

from .. import permissions, services
from ..forms import MaterialForm
from ..models import Material
from .meetings import meeting_or_404


@require_POST
def material_upload(request, pk: int):
    meeting = meeting_or_404(request.user, pk)
    if not permissions.can_manage_materials(request.user, meeting):
        raise PermissionDenied
    form = MaterialForm(request.POST, request.FILES, agenda_items=meeting.agenda_items.all())
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(meeting)
    try:
        services.material_add(
            meeting_id=meeting.pk,
            upload=form.cleaned_data["file"],
            by=request.user,
            agenda_item_id=form.cleaned_data["agenda_item"],
        )
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The file has been added to the meeting's materials."))
    return redirect(meeting)


def material_download(request, pk: int, material_pk: int):
    meeting = meeting_or_404(request.user, pk)  # out of scope: 404, like the meeting
    material = get_object_or_404(Material, pk=material_pk, meeting=meeting)
    return attachment_response(material)


@require_POST
def material_delete(request, pk: int, material_pk: int):
    meeting = meeting_or_404(request.user, pk)
    material = get_object_or_404(Material, pk=material_pk, meeting=meeting)
    if not permissions.can_manage_materials(request.user, meeting):
        raise PermissionDenied
    try:
        services.material_remove(material_id=material.pk, by=request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
    return redirect(meeting)
