from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.middleware import same_origin_navigation
from office.models import Notification
from office.services.notifications import notification_mark_read


def notification_list(request):
    show = request.GET.get("show", "unread")
    notifications = request.user.notifications.select_related("actor")
    if show != "all":
        show = "unread"
        notifications = notifications.filter(read_at__isnull=True)
    page = Paginator(notifications, 30).get_page(request.GET.get("page"))
    template = (
        "office/partials/_notification_list.html" if request.htmx else "office/notifications.html"
    )
    return render(request, template, {"page": page, "show": show})


def notification_open(request, pk: int):
    """Mark read and follow the notification's link (only to this site)."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if same_origin_navigation(request):  # a link on another site does not count as read
        notification_mark_read(user=request.user, notification_ids=[notification.pk])
    target = notification.url
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications")


@require_POST
def notification_mark_all_read(request):
    count = notification_mark_read(user=request.user)
    messages.success(request, _("%(count)d notifications marked as read.") % {"count": count})
    return redirect("notifications")
