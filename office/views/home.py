from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office import calendar, datacache, todo
from office.forms import ProfileForm
from office.home import render_panels
from office.models import AuditEvent, User
from office.services.audit import audit


def home(request):
    """The home page: the to-do inbox across apps, recent notifications, what I did lately.

    The inbox and the apps' panels (some 30 queries and as many templates) are kept until
    the next write to the database or the next minute (office.datacache): at 9 o'clock the
    whole office opens this page, and most of the time nothing has changed since."""
    inbox_and_panels = datacache.rendered(
        request, "home", "office/partials/_home_inbox.html", lambda: _inbox_and_panels(request)
    )
    notifications = request.user.notifications.filter(read_at__isnull=True)[:8]
    return render(
        request,
        "office/home.html",
        {"inbox_and_panels": inbox_and_panels, "notifications": notifications},
    )


def _inbox_and_panels(request) -> dict:
    done = (
        AuditEvent.objects.filter(actor=request.user)
        .exclude(verb__startswith="auth.")
        .select_related("target_type")[:15]
    )
    return {"inbox": todo.inbox_for(request.user), "done": done, "extras": render_panels(request)}


def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        audit(actor=request.user, verb="user.profile_changed", target=request.user)
        messages.success(request, _("Your profile has been saved."))
        return redirect("profile")
    feed_url = request.build_absolute_uri(f"/calendar/{request.user.calendar_token}.ics")
    return render(
        request,
        "office/profile.html",
        {"form": form, "feed_url": feed_url, "roles": request.user.groups.all()},
    )


@require_POST
def calendar_token_regenerate(request):
    """A new secret feed URL; the old one stops working at once."""
    from office.models.people import new_calendar_token

    request.user.calendar_token = new_calendar_token()
    request.user.save(update_fields=["calendar_token"])
    audit(actor=request.user, verb="user.calendar_token_regenerated", target=request.user)
    messages.success(request, _("A new calendar address was made; the old one no longer works."))
    return redirect("profile")


@login_not_required
def calendar_feed(request, token: str):
    """The user's meetings and duty shifts as iCalendar; the token is the only credential."""
    if "\x00" in token or len(token) > 64:  # PostgreSQL refuses NUL; no token is longer
        raise Http404
    user = get_object_or_404(User, calendar_token=token, is_active=True)
    response = HttpResponse(calendar.feed_for(user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="office.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response


def generated_file(request, pk: int):
    """The owner's background export: a download when ready, else a page that says so."""
    from office.models import GeneratedFile

    export = get_object_or_404(GeneratedFile, pk=pk, owner=request.user)
    if export.status == GeneratedFile.Status.READY and not request.htmx:
        from office.uploads import stored_file_response

        return stored_file_response(export.file, export.filename)
    template = "office/partials/_export_status.html" if request.htmx else "office/export.html"
    return render(request, template, {"export": export})
