"""The watch list, kept by reception and the director."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.views.actions import action

from .. import permissions, services
from ..forms import WatchEntryForm
from ..models import WatchListEntry


def watch_list(request):
    def page(form):
        entries = WatchListEntry.objects.filter(active=True).select_related("added_by")
        return render(request, "reception/watch_list.html", {"form": form, "entries": entries})

    return action(
        request,
        allowed=permissions.can_manage_watch_list(request.user),
        form=WatchEntryForm(request.POST or None),
        perform=lambda data: services.watch_entry_add(by=request.user, **data),
        success=_("Added to the watch list."),
        redirect_to="reception:watch_list",
        page=page,
    )


@require_POST
def watch_entry_remove(request, pk: int):
    allowed = permissions.can_manage_watch_list(request.user)
    entry = get_object_or_404(WatchListEntry, pk=pk) if allowed else None
    return action(
        request,
        allowed=allowed,
        perform=lambda data: services.watch_entry_remove(entry_id=entry.pk, by=request.user),
        success=_("Removed from the watch list."),
        redirect_to="reception:watch_list",
    )
