"""Minutes: the recorder's form, the chair's approval, and the PDF (会议纪要)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office import gbt9704 as g
from office.errors import DomainError
from office.pdf import pdf_response
from office.views.actions import action

from .. import permissions, selectors, services
from ..minutes_forms import MinutesForm, ResolutionFormSet, ReturnForm, resolutions_from
from ..models import Attendance
from .meetings import meeting_or_404, resolution_rows


def minutes_page(request, pk: int):
    """Read the minutes; the recorder edits and submits them here while they are a draft."""
    meeting = meeting_or_404(request.user, pk)
    minutes = selectors.minutes_of(meeting)
    can_write = permissions.can_write_minutes(request.user, meeting, minutes)
    if not can_write and not permissions.can_read_minutes(request.user, meeting, minutes):
        if minutes is None and request.method == "GET":
            raise Http404
        raise PermissionDenied
    agenda_items = list(meeting.agenda_items.all())
    form = formset = None
    if can_write:
        initial = [
            {"content": r.content, "owner": r.owner_id, "deadline": r.deadline}
            for r in (minutes.resolutions.all() if minutes else [])
        ]
        form = MinutesForm(
            request.POST or None,
            agenda_items=agenda_items,
            initial={"summary": minutes.summary if minutes else ""},
        )
        formset = ResolutionFormSet(request.POST or None, prefix="res", initial=initial)
        if request.method == "POST" and form.is_valid() and formset.is_valid():
            try:
                with transaction.atomic():  # a refused submit keeps nothing of this post
                    _save_and_maybe_submit(request, meeting, form, formset)
            except DomainError as exc:
                form.add_error(None, str(exc))
            else:
                if "submit" in request.POST:
                    messages.success(request, _("The minutes have been sent to the chair."))
                    return redirect(meeting)
                messages.success(request, _("The draft minutes have been saved."))
                return redirect("meetings:minutes", pk=meeting.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "meetings/minutes.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "form": form,
            "formset": formset,
            "agenda_items": agenda_items,
            "attendance": attendance_groups(meeting),
            "resolutions": resolution_rows(minutes) if minutes else [],
            "return_form": ReturnForm(),
            "can_approve": permissions.can_approve_minutes(request.user, minutes),
        },
    )


def _save_and_maybe_submit(request, meeting, form, formset) -> None:
    services.minutes_save(
        meeting_id=meeting.pk,
        by=request.user,
        summary=form.cleaned_data["summary"],
        items=form.items(),
        resolutions=resolutions_from(formset),
    )
    if "submit" in request.POST:
        services.minutes_submit(meeting_id=meeting.pk, by=request.user)


def attendance_groups(meeting) -> dict:
    """By kind; `attended` is 出席: signed in by the code or marked present by the recorder."""
    groups = {value: [] for value in Attendance.Presence.values}
    for attendance in selectors.attendances_of(meeting):
        groups[attendance.presence].append(attendance)
    groups["attended"] = groups["signed_in"] + groups["present"]
    return groups


def _submitted_minutes(request, pk: int):
    meeting = meeting_or_404(request.user, pk)
    minutes = selectors.minutes_of(meeting)
    if minutes is None:
        raise Http404
    return meeting, minutes


@require_POST
def minutes_approve(request, pk: int):
    meeting, minutes = _submitted_minutes(request, pk)
    return action(
        request,
        allowed=permissions.can_approve_minutes(request.user, minutes),
        perform=lambda data: services.minutes_approve(minutes_id=minutes.pk, by=request.user),
        success=_("The minutes are approved and distributed; the resolutions are now supervised."),
        redirect_to=meeting,
    )


@require_POST
def minutes_return(request, pk: int):
    meeting, minutes = _submitted_minutes(request, pk)
    form = ReturnForm(request.POST)
    return action(
        request,
        allowed=permissions.can_approve_minutes(request.user, minutes),
        form=form,
        invalid=_("Please say what needs to change."),
        perform=lambda data: services.minutes_return(
            minutes_id=minutes.pk, by=request.user, reason=data["reason"]
        ),
        success=_("The minutes have been returned to the recorder."),
        redirect_to=lambda result: meeting if form.is_valid() else _minutes_url(meeting),
    )


def _minutes_url(meeting) -> str:
    return reverse("meetings:minutes", kwargs={"pk": meeting.pk})


def minutes_pdf(request, pk: int):
    meeting = meeting_or_404(request.user, pk)
    minutes = selectors.minutes_of(meeting)
    if minutes is None:
        raise Http404
    if not permissions.can_read_minutes(request.user, meeting, minutes):
        raise PermissionDenied
    with translation.override("zh-hans"):  # a 纪要 is a Chinese official document, always
        pdf = g.render_official("meetings/pdf/minutes.html", minutes_pdf_context(meeting, minutes))
    return pdf_response(pdf, f"会议纪要-{meeting.title}.pdf")


MINUTES_MARK = {
    "office": "办公会议纪要",
    "topical": "专题会议纪要",
    "weekly": "周例会纪要",
    "coordination": "协调会议纪要",
}
NUMERALS = "一二三四五六七八九十"


HALF_TO_FULL = str.maketrans(
    {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}
)


def full_width(text: str) -> str:
    """A 纪要 uses full-width punctuation: what was typed with ASCII marks is turned round."""
    return text.translate(HALF_TO_FULL)


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def minutes_pdf_context(meeting, minutes) -> dict:
    """纪要格式: the text as grid lines, agenda topics as 一、 headings, then 出席/请假/列席."""
    agenda_items = list(meeting.agenda_items.all())
    resolutions = list(minutes.resolutions.select_related("owner", "owner__department"))
    attendance = attendance_groups(meeting)
    guests = list(meeting.guests.all())
    paragraphs = []
    if meeting.recorded_afterwards:
        paragraphs.append("（本次会议系会后补录。）")
    paragraphs += [line for line in minutes.summary.splitlines() if line.strip()]
    for index, item in enumerate(agenda_items):
        number = NUMERALS[index] if index < len(NUMERALS) else str(index + 1)
        paragraphs.append(
            f"{number}、{item.title}。" + (f"{item.presenter}汇报。" if item.presenter else "")
        )
        paragraphs += [line for line in item.discussion.splitlines() if line.strip()]
        if item.decisions.strip():
            paragraphs.append("会议议定：" + "".join(item.decisions.split()))
    if resolutions:
        paragraphs.append("会议决定：")
        for index, r in enumerate(resolutions, start=1):
            paragraphs.append(
                f"（{index}）{r.content}（责任人：{_name(r.owner)}，完成时限：{g.chinese_date(r.deadline)}）"
            )
    lines = g.body_lines(full_width("\n".join(paragraphs)))
    cut = max(len(lines) - 2, 0)
    groups = [
        ("出席", [_name(a.user) for a in attendance["attended"]]),
        (
            "请假",
            [
                _name(a.user) + (f"（{a.absence_reason}）" if a.absence_reason else "")
                for a in attendance["excused"]
            ],
        ),
        ("缺席", [_name(a.user) for a in attendance["absent"]]),
        (
            "列席",
            [_name(a.user) for a in attendance["observer"]]
            + [f"{x.organisation}{x.name}" for x in guests],
        ),
    ]
    attendance_lines = []
    for label, names in groups:
        if names:
            attendance_lines += g.labelled_lines(label, full_width("、".join(names)))
    mark_text = MINUTES_MARK.get(meeting.kind, "会议纪要")
    mark_size = min(15 * g.MM, g.WIDTH * 0.96 / len(mark_text))
    return {
        "meeting": meeting,
        "minutes": minutes,
        "mark_text": mark_text,
        "mark_size": mark_size,
        "unit": str(meeting.organiser.department or "办公室")
        if getattr(meeting.organiser, "department", None)
        else "办公室",
        "date": g.chinese_date(localdate(meeting.start)),
        "head": g.head_geometry("summary", mark_size, meeting.title),
        "lines": lines[:cut],
        "kept_lines": lines[cut:],
        "attendance_lines": attendance_lines,
    }
