"""Sign-in (签到): the screen in the room shows a QR code; attendees open it and confirm."""

import segno
from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from office.views.actions import action

from .. import permissions, services
from ..services.attendance import sign_in_window
from .meetings import meeting_or_404


def sign_in_url(request, meeting) -> str:
    path = reverse("meetings:sign_in", args=[meeting.pk])
    return request.build_absolute_uri(f"{path}?t={meeting.sign_in_token}")


def sign_in_screen(request, pk: int):
    """For the room's display: the meeting, a big QR code and who has signed in so far."""
    meeting = meeting_or_404(request.user, pk)
    if not permissions.can_run_sign_in_screen(request.user, meeting):
        raise PermissionDenied
    url = sign_in_url(request, meeting)
    qr_svg = segno.make(url, error="m").svg_inline(scale=8, dark="#111", light="#fff")
    attendances = meeting.attendances.select_related("user").order_by("user__username")
    signed = [a for a in attendances if a.presence == a.Presence.SIGNED_IN]
    context = {
        "meeting": meeting,
        "qr_svg": qr_svg,
        "sign_in_url": url,
        "signed": signed,
        "invited": len(attendances),
        "window": sign_in_window(meeting),
    }
    if request.htmx:
        return render(request, "meetings/partials/_signed_in.html", context)
    return render(request, "meetings/sign_in_screen.html", context)


def sign_in(request, pk: int):
    """The page the QR code opens: one button that signs the attendee in."""
    meeting = meeting_or_404(request.user, pk)
    token = request.POST.get("t") or request.GET.get("t", "")
    mine = meeting.attendances.filter(user=request.user).first()

    def page(form):
        context = {"meeting": meeting, "token": token, "mine": mine}
        if request.htmx and form is not None:  # refused: the card again with the reason
            context["error"] = " ".join(form.non_field_errors())
            return render(request, "meetings/partials/_sign_in_card.html", context)  # 2xx: swapped
        return render(request, "meetings/sign_in.html", context)

    def card(attendance):
        context = {
            "meeting": meeting,
            "mine": attendance,
            "sign_in_message": _("You are signed in. Welcome!"),
        }
        return render(request, "meetings/partials/_sign_in_card.html", context)

    if request.method != "POST":
        return page(None)
    return action(
        request,
        allowed=permissions.can_sign_in(request.user, meeting, mine),
        form=forms.Form(request.POST) if request.htmx else None,
        perform=lambda data: services.sign_in(
            meeting_id=meeting.pk, user=request.user, token=token
        ),
        success=_("You are signed in. Welcome!"),
        redirect_to=meeting,
        page=page,
        htmx=card,
    )
