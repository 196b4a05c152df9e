"""The evacuation roll call: who is in the building now (page and PDF), the roll call with a
"safe" button per person (htmx: the row and the counts change in place), its closing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.timezone import localtime, now
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.forms import ReasonForm
from office.pdf import pdf_response, render_pdf
from office.views.actions import action

from .. import permissions, rollcall, services
from ..models import RollCall, RollCallEntry


class CloseForm(ReasonForm):
    reason_required, reason_max_length = False, 500


def _allowed(request) -> None:
    if not permissions.may_roll_call(request.user):
        raise PermissionDenied


def roll_call_index(request):
    """Everyone in the building now; an open roll call is where the wardens are."""
    _allowed(request)
    current = rollcall.open_roll_call()
    if current is not None:
        return redirect(current)
    return render(
        request,
        "reception/roll_call_index.html",
        {
            "sections": rollcall.in_the_building(),
            "history": rollcall.recent_roll_calls(),
            "at": now(),
        },
    )


def roll_call_now_pdf(request):
    """The list to take outside: everyone in the building now, one line each."""
    _allowed(request)
    moment = now()
    pdf = render_pdf(
        "reception/pdf/roll_call.html",
        {"sections": rollcall.in_the_building(), "at": moment, "roll_call": None},
    )
    return pdf_response(pdf, _("In the building %(time)s.pdf") % {"time": _stamp(moment)})


def _stamp(moment) -> str:
    return f"{localtime(moment):%Y%m%d-%H%M}"


@require_POST
def roll_call_start(request):
    _allowed(request)
    return action(
        request,
        allowed=True,
        form=None,
        perform=lambda data: services.roll_call_start(
            by=request.user, drill=request.POST.get("drill") != "0"
        ),
        success=_("The roll call has started: mark each person safe at the assembly point."),
        redirect_to=lambda roll_call: roll_call,
    )


def roll_call_detail(request, pk: int):
    _allowed(request)
    roll_call = get_object_or_404(RollCall.objects.select_related("started_by", "closed_by"), pk=pk)
    return render(
        request,
        "reception/roll_call_detail.html",
        {"sheet": rollcall.sheet(roll_call), "close_form": CloseForm()},
    )


def roll_call_pdf(request, pk: int):
    _allowed(request)
    roll_call = get_object_or_404(RollCall.objects.select_related("started_by", "closed_by"), pk=pk)
    pdf = render_pdf(
        "reception/pdf/roll_call.html",
        {"sheet": rollcall.sheet(roll_call), "roll_call": roll_call, "at": roll_call.started_at},
    )
    return pdf_response(pdf, _("Roll call %(time)s.pdf") % {"time": _stamp(roll_call.started_at)})


@require_POST
def roll_call_mark(request, pk: int):
    _allowed(request)
    entry = get_object_or_404(RollCallEntry.objects.select_related("roll_call"), pk=pk)
    safe = request.POST.get("safe", "1") != "0"
    if request.htmx and entry.roll_call.status != RollCall.Status.OPEN:
        messages.error(request, _("This roll call is closed."))
        return HttpResponse(headers={"HX-Refresh": "true"})

    def partial(marked):
        total, safe_count = rollcall.counts(marked.roll_call)
        return render(
            request,
            "reception/partials/_roll_call_row.html",
            {
                "entry": marked,
                "roll_call": marked.roll_call,
                "total": total,
                "safe": safe_count,
                "missing": total - safe_count,
                "oob": True,
            },
        )

    return action(
        request,
        allowed=True,
        form=None,
        perform=lambda data: services.roll_call_mark(entry_id=entry.pk, by=request.user, safe=safe),
        success=lambda marked: (
            (_("%(name)s is safe.") if safe else _("%(name)s is no longer marked safe."))
            % {"name": marked.name}
        ),
        redirect_to=entry.roll_call,
        htmx=partial,
    )


@require_POST
def roll_call_close(request, pk: int):
    _allowed(request)
    roll_call = get_object_or_404(RollCall, pk=pk)
    return action(
        request,
        allowed=True,
        form=CloseForm(request.POST),
        perform=lambda data: services.roll_call_close(
            roll_call_id=roll_call.pk, by=request.user, note=data["reason"]
        ),
        success=lambda closed: (
            _("Roll call closed: %(safe)d of %(total)d safe.")
            % {"safe": closed.safe_count, "total": closed.headcount}
        ),
        redirect_to=roll_call,
    )
