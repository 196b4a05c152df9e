"""Meeting pages: list, booking form, detail, and the organiser's and attendees' actions."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office import datacache
from office.errors import DomainError
from office.pagination import paginate
from office.params import text_param
from office.views.actions import action

from .. import permissions, selectors, services
from ..forms import (
    AgendaFormSet,
    MaterialForm,
    MeetingForm,
    ReplyForm,
    SeriesCancelForm,
    agenda_from,
)
from ..models import Attendance, Meeting


def meeting_or_404(user, pk: int) -> Meeting:
    try:
        return selectors.meeting_detail_for(user, pk)
    except Meeting.DoesNotExist as exc:
        # the room's approver need not be invited: a booking awaiting them is theirs to see
        pending = selectors.booking_awaiting(user, pk)
        if pending is None:
            raise Http404 from exc
        return pending


def meeting_list(request):
    status = request.GET.get("status", "")
    when = request.GET.get("when", "upcoming")
    q = text_param(request, "q", max_length=100)
    filters = {"status": status, "when": when, "q": q}

    def table() -> dict:
        meetings = selectors.meeting_list_for(request.user, **filters)
        return {"page": paginate(request, meetings, 30), **filters}

    # Kept until the next write or the next minute ("upcoming" moves with the clock).
    table_html = datacache.rendered(
        request,
        f"meetings.list?{request.GET.urlencode()}",
        "meetings/partials/_meeting_table.html",
        table,
    )
    if request.htmx:
        return HttpResponse(table_html)
    context = {
        **filters,
        "table": table_html,
        "statuses": Meeting.Status.choices,
        "can_book": permissions.can_book(request.user),
        "can_record_afterwards": permissions.can_record_afterwards(request.user),
    }
    return render(request, "meetings/meeting_list.html", context)


def meeting_create(request):
    if not permissions.can_book(request.user):
        raise PermissionDenied
    initial = {"weeks": 1, "recorder": request.user.pk}
    for name in ("room", "start", "end"):
        if request.GET.get(name):
            initial[name] = request.GET[name]
    form = MeetingForm(request.POST or None, user=request.user, initial=initial)
    agenda = AgendaFormSet(request.POST or None, prefix="agenda")
    if request.method == "POST" and form.is_valid() and agenda.is_valid():
        schedule = "draft" not in request.POST
        try:
            created = services.meeting_create(
                data=form.to_data(agenda_from(agenda)),
                by=request.user,
                weeks=form.cleaned_data["weeks"],
                schedule=schedule,
                skip_clashes=form.cleaned_data.get("skip_clashes", False),
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            skipped = form.cleaned_data["weeks"] - len(created)
            if skipped:
                messages.warning(
                    request,
                    _(
                        "%(n)s week(s) were left out because the room is taken; "
                        "the meeting page lists them to book again."
                    )
                    % {"n": skipped},
                )
            if created[0].status == Meeting.Status.AWAITING_ROOM:
                messages.success(
                    request,
                    _(
                        "The booking awaits the room's approval; the invitations go once it "
                        "is approved."
                    ),
                )
            elif schedule:
                messages.success(
                    request,
                    _("Booked %(n)s meeting(s); the invitations have been sent.")
                    % {"n": len(created)},
                )
            else:
                messages.success(request, _("The draft has been saved."))
            return redirect(created[0])
    return render(
        request, "meetings/meeting_form.html", {"form": form, "agenda": agenda, "meeting": None}
    )


def meeting_edit(request, pk: int):
    meeting = meeting_or_404(request.user, pk)
    if not permissions.can_edit_meeting(request.user, meeting):
        raise PermissionDenied
    agenda_initial = [
        {
            "title": i.title,
            "presenter": i.presenter,
            "minutes_allotted": i.minutes_allotted,
            "materials": i.materials,
        }
        for i in meeting.agenda_items.all()
    ]
    form = MeetingForm(
        request.POST or None,
        user=request.user,
        meeting=meeting,
        initial=MeetingForm.initial_for(meeting),
    )
    agenda = AgendaFormSet(request.POST or None, prefix="agenda", initial=agenda_initial)
    if request.method == "POST" and form.is_valid() and agenda.is_valid():
        try:
            services.meeting_update(
                meeting_id=meeting.pk, data=form.to_data(agenda_from(agenda)), by=request.user
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The meeting has been changed."))
            return redirect(meeting)
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "agenda": agenda, "meeting": meeting},
    )


def meeting_detail(request, pk: int):
    meeting = meeting_or_404(request.user, pk)
    return render(request, "meetings/meeting_detail.html", detail_context(request, meeting))


def detail_context(request, meeting: Meeting, **extra) -> dict:
    user = request.user
    attendances = list(selectors.attendances_of(meeting))
    mine = next((a for a in attendances if a.user_id == user.pk), None)
    minutes = selectors.minutes_of(meeting)
    agenda_items = list(meeting.agenda_items.all())
    resolutions = []
    if minutes is not None and permissions.can_read_minutes(user, meeting, minutes):
        resolutions = resolution_rows(minutes)
    counts = {value: 0 for value in Attendance.Response.values}
    for attendance in attendances:
        counts[attendance.response] += 1
    series_gaps = services.series_gaps(meeting) if meeting.series else []
    return {
        "series_gaps": series_gaps,
        "meeting": meeting,
        "attendances": attendances,
        "reply_counts": counts,
        "mine": mine,
        "minutes": minutes,
        "resolutions": resolutions,
        "agenda_items": agenda_items,
        "guests": list(meeting.guests.all()),
        "materials": list(meeting.materials.select_related("agenda_item")),
        "material_form": MaterialForm(agenda_items=agenda_items),
        "presence_choices": Attendance.Presence.choices,
        "reply_form": extra.pop("reply_form", None) or ReplyForm(),
        "cancel_form": extra.pop("cancel_form", None) or SeriesCancelForm(),
        "can": {
            "edit": permissions.can_edit_meeting(user, meeting),
            "schedule": permissions.can_schedule_meeting(user, meeting),
            "cancel": permissions.can_cancel_meeting(user, meeting),
            "held": permissions.can_mark_held(user, meeting),
            "preregister": permissions.can_preregister_guests(user, meeting),
            "reply": permissions.can_reply(user, meeting, mine),
            "record": permissions.can_record_attendance(user, meeting),
            "screen": permissions.can_run_sign_in_screen(user, meeting),
            "see_replies": user.pk in (meeting.organiser_id, meeting.chair_id)
            or user.has_role("director"),
            "write_minutes": permissions.can_write_minutes(user, meeting, minutes),
            "read_minutes": permissions.can_read_minutes(user, meeting, minutes),
            "approve_minutes": permissions.can_approve_minutes(user, minutes),
            "materials": permissions.can_manage_materials(user, meeting),
            "decide_room": permissions.can_decide_room_booking(user, meeting),
        },
        **extra,
    }


def resolution_rows(minutes) -> list:
    """The minutes' resolutions with their owners; their supervision items are shown by the
    viewer-scoped `{% supervision_items %}` tag, never fetched here unscoped."""
    return list(minutes.resolutions.select_related("owner"))


@require_POST
def meeting_schedule(request, pk: int):
    meeting = meeting_or_404(request.user, pk)
    return action(
        request,
        allowed=permissions.can_schedule_meeting(request.user, meeting),
        perform=lambda data: services.meeting_schedule(meeting_id=meeting.pk, by=request.user),
        success=lambda result: (
            _("The booking awaits the room's approval; the invitations go once it is approved.")
            if result.status == Meeting.Status.AWAITING_ROOM
            else _("The meeting is scheduled; the invitations have been sent.")
        ),
        redirect_to=meeting,
    )


@require_POST
def meeting_cancel(request, pk: int):
    meeting = meeting_or_404(request.user, pk)
    return action(
        request,
        allowed=permissions.can_cancel_meeting(request.user, meeting),
        form=SeriesCancelForm(request.POST),
        perform=lambda data: services.series_cancel(
            meeting_id=meeting.pk, by=request.user, reason=data["reason"], scope=data["scope"]
        ),
        success=lambda n: (
            _("The meeting has been cancelled.")
            if n == 1
            else _("%(n)s meetings of the series have been cancelled.") % {"n": n}
        ),
        redirect_to=meeting,
        page=lambda form: render(
            request,
            "meetings/meeting_detail.html",
            detail_context(request, meeting, cancel_form=form),
            status=400,
        ),
    )


@require_POST
def meeting_guests_preregister(request, pk: int):
    """The organiser sends the external guests to reception as expected visitors."""
    meeting = meeting_or_404(request.user, pk)
    return action(
        request,
        allowed=permissions.can_preregister_guests(request.user, meeting),
        perform=lambda data: services.meeting_guests_preregister(
            meeting_id=meeting.pk, by=request.user
        ),
        success=lambda visits: (
            _("The guests are expected at reception (%(count)d visits).") % {"count": visits}
        ),
        redirect_to=meeting,
    )


@require_POST
def meeting_held(request, pk: int):
    meeting = meeting_or_404(request.user, pk)
    return action(
        request,
        allowed=permissions.can_mark_held(request.user, meeting),
        perform=lambda data: services.meeting_mark_held(meeting_id=meeting.pk, by=request.user),
        redirect_to=meeting,
    )


@require_POST
def meeting_reply(request, pk: int):
    meeting = meeting_or_404(request.user, pk)
    mine = meeting.attendances.filter(user=request.user).first()

    def page(form):
        context = detail_context(request, meeting, reply_form=form)
        if request.htmx:  # htmx swaps only a 2xx answer: the card again, with its error
            return render(request, "meetings/partials/_reply.html", context)
        return render(request, "meetings/meeting_detail.html", context, status=400)

    def reply_card(result):
        """The card with a confirmation, and the attendee table (with its counts) out of band."""
        context = detail_context(
            request,
            meeting,
            reply_message=_("Your reply has been sent to the organiser."),
            oob=True,
        )
        return render(request, "meetings/partials/_reply_answer.html", context)

    return action(
        request,
        allowed=permissions.can_reply(request.user, meeting, mine),
        form=ReplyForm(request.POST),
        perform=lambda data: services.invitation_reply(
            meeting_id=meeting.pk,
            user=request.user,
            response=data["response"],
            reason=data["reason"],
        ),
        success=_("Your reply has been sent to the organiser."),
        redirect_to=meeting,
        page=page,
        htmx=reply_card,
    )


@require_POST
def attendance_record(request, pk: int):
    meeting = meeting_or_404(request.user, pk)
    presence, reasons = {}, {}
    for key, value in request.POST.items():
        name, _sep, uid = key.partition("_")
        if uid.isdigit() and name in ("presence", "reason"):
            (presence if name == "presence" else reasons)[int(uid)] = value
    saved = _("Attendance saved (%(n)s changed).")

    def panel(form):  # htmx, refused: the table again with the message
        context = detail_context(request, meeting, attendance_errors=form.non_field_errors())
        return render(request, "meetings/partials/_attendees.html", context)  # htmx swaps 2xx

    return action(
        request,
        allowed=permissions.can_record_attendance(request.user, meeting),
        form=forms.Form(request.POST) if request.htmx else None,
        perform=lambda data: services.attendance_record(
            meeting_id=meeting.pk, by=request.user, presence=presence, reasons=reasons
        ),
        success=lambda changed: saved % {"n": changed},
        redirect_to=meeting,
        page=panel if request.htmx else None,
        htmx=lambda changed: render(
            request,
            "meetings/partials/_attendees.html",
            detail_context(request, meeting, panel_message=saved % {"n": changed}),
        ),
    )
