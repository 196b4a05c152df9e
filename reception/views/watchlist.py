"""The watch list, kept by reception and the director."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.errors import DomainError

from .. import permissions, services
from ..forms import WatchEntryForm
from ..models import WatchListEntry


def watch_list(request):
    if not permissions.can_manage_watch_list(request.user):
        raise PermissionDenied
    form = WatchEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.watch_entry_add(by=request.user, **form.cleaned_data)
        messages.success(request, _("Added to the watch list."))
        return redirect("reception:watch_list")
    entries = WatchListEntry.objects.filter(active=True).select_related("added_by")
    return render(request, "reception/watch_list.html", {"form": form, "entries": entries})


@require_POST
def watch_entry_remove(request, pk: int):
    if not permissions.can_manage_watch_list(request.user):
        raise PermissionDenied
    entry = get_object_or_404(WatchListEntry, pk=pk)
    try:
        services.watch_entry_remove(entry_id=entry.pk, by=request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Removed from the watch list."))
    return redirect("reception:watch_list")
