"""Handover (交接班): file, correct, accept or dispute; history; PDF."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duty import selectors
from duty.forms import HandoverAnswerForm, HandoverEditForm, HandoverForm, HistoryFilterForm
from duty.models import Handover, HandoverItem
from duty.permissions import (
    can_accept_handover,
    can_dispute_handover,
    can_edit_handover,
    can_file_handover,
    handover_opens_at,
    has_handover,
    is_on_shift,
)
from duty.services import handover as services
from duty.views.common import require_duty_access, shift_or_404
from office.pdf import pdf_response, render_pdf
from office.views.actions import action


def _previous_items(shift):
    last = (
        Handover.objects.filter(shift__post_id=shift.post_id, shift__ends_at__lte=shift.starts_at)
        .order_by("-shift__ends_at")
        .first()
    )
    return HandoverItem.objects.filter(handover=last) if last else []


def handover_file(request, pk):
    shift = shift_or_404(request.user, pk)
    if has_handover(shift):
        messages.info(request, _("The handover of this shift has already been filed."))
        return redirect(shift.handover)
    if is_on_shift(request.user, shift) and now() < handover_opens_at(shift):
        # Too early: say when it opens (the service refuses with the same words).
        messages.warning(request, services.too_early_message(shift))
        return redirect(shift)
    initial = HandoverForm.initial_from(_previous_items(shift))
    form = HandoverForm(request.POST or None, initial=initial)

    def page(form):
        incidents, entries = services.open_matters(shift)
        incidents, entries = list(incidents.select_related("shift__template")), list(entries)
        return render(
            request,
            "duty/handover_form.html",
            {
                "shift": shift,
                "form": form,
                "incidents": incidents,
                "entries": entries,
                "carried_count": len(incidents) + len(entries),
                "late": now() > shift.ends_at,
            },
        )

    return action(
        request,
        allowed=can_file_handover(request.user, shift, now()),
        form=form,
        perform=lambda data: services.handover_file(
            shift=shift, summary=data["summary"], items=form.items(), by=request.user
        ),
        success=_("Handover filed; the next shift is asked to accept it."),
        redirect_to=lambda handover: handover,
        page=page,
    )


def _handover_or_404(request, pk) -> Handover:
    return get_object_or_404(selectors.handovers_for(request.user), pk=pk)


def handover_detail(request, pk):
    handover = _handover_or_404(request, pk)
    user = request.user
    incidents = list(handover.carried_incidents.select_related("shift__template"))
    entries = list(handover.carried_entries.all())
    return render(
        request,
        "duty/handover_detail.html",
        {
            "handover": handover,
            "items": handover.items.all(),
            "incidents": incidents,
            "entries": entries,
            "carried_count": len(incidents) + len(entries),
            "can_accept": can_accept_handover(user, handover),
            "can_dispute": can_dispute_handover(user, handover),
            "can_edit": can_edit_handover(user, handover),
            "answer_form": HandoverAnswerForm(),
        },
    )


def handover_edit(request, pk):
    handover = _handover_or_404(request, pk)
    form = HandoverEditForm(request.POST or None, initial={"summary": handover.summary})
    return action(
        request,
        allowed=can_edit_handover(request.user, handover),
        form=form,
        perform=lambda data: services.handover_update(
            handover=handover, summary=data["summary"], by=request.user
        ),
        success=_("Handover corrected."),
        redirect_to=handover,
        page=lambda form: render(
            request, "duty/handover_edit.html", {"handover": handover, "form": form}
        ),
    )


@require_POST
def handover_accept(request, pk):
    handover = _handover_or_404(request, pk)
    return action(
        request,
        allowed=can_accept_handover(request.user, handover),
        form=HandoverAnswerForm(request.POST),
        invalid=_("The note is too long."),
        perform=lambda data: services.handover_accept(
            handover=handover, note=data["note"], by=request.user
        ),
        success=_("Handover accepted."),
        redirect_to=handover,
    )


@require_POST
def handover_dispute(request, pk):
    handover = _handover_or_404(request, pk)
    form = HandoverAnswerForm(request.POST)
    if form.is_valid() and not form.cleaned_data["note"].strip():
        form.add_error("note", _("Say what is disputed."))
    return action(
        request,
        allowed=can_dispute_handover(request.user, handover),
        form=form,
        invalid=_("Say what is disputed."),
        perform=lambda data: services.handover_dispute(
            handover=handover, note=data["note"], by=request.user
        ),
        success=_("Handover disputed; the shift leader has been told."),
        level=messages.WARNING,
        redirect_to=handover,
    )


def handover_list(request):
    """History, searchable by date and person."""
    require_duty_access(request.user)
    form = HistoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    found = selectors.handover_history(
        request.user,
        day_from=filters.get("day_from"),
        day_to=filters.get("day_to"),
        person=filters.get("person"),
    )
    page = Paginator(found, 30).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "duty/handover_list.html", {"form": form, "page": page, "query": query.urlencode()}
    )


def handover_pdf(request, pk):
    handover = _handover_or_404(request, pk)
    with translation.override("zh-hans"):  # the record is a Chinese office form
        pdf = render_pdf(
            "duty/pdf/handover.html",
            {
                "handover": handover,
                "people": handover.shift.assignments.select_related("person"),
                "items": handover.items.all(),
                "incidents": handover.carried_incidents.select_related("shift__template"),
                "entries": handover.carried_entries.all(),
            },
        )
    return pdf_response(pdf, f"交接班记录-{handover.shift.date:%Y%m%d}-{handover.pk}.pdf")
