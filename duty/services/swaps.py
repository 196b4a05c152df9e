"""Shift swaps: requested -> accepted by the colleague -> approved by the shift leader."""

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from duty.models import Assignment, SwapRequest
from duty.permissions import can_decide_swap, shift_leader_id
from duty.services.reminders import schedule_assignment_reminders, schedule_late_handover
from duty.services.rest import rest_warnings
from duty.services.roster import require_free
from office.errors import DomainError, NotAllowed
from office.i18n import Message
from office.services import audit, notify


def _locked(swap_id: int) -> SwapRequest:
    return (
        SwapRequest.objects.select_for_update(of=("self",))
        .select_related(
            "assignment__shift__post",
            "assignment__shift__template",
            "requested_by",
            "colleague",
            "counter_assignment__shift",
        )
        .get(pk=swap_id)
    )


def _open_swap(swap_id: int, to: str, *, by, party: str, refused: str) -> SwapRequest:
    """Lock an open swap that `by` answers as its `party` ("colleague" or "requested_by")."""
    swap = _locked(swap_id)
    if getattr(swap, f"{party}_id") != by.pk:
        raise NotAllowed(refused)
    swap.require_transition(to, _("This swap is no longer open."))
    return swap


def _accepted_swap(swap_id: int, to: str, *, by) -> SwapRequest:
    """Lock an accepted swap for its decision: only the shift leader or the director decide."""
    swap = _locked(swap_id)
    swap.require_transition(to, _("Only an accepted swap can be decided."))
    if not can_decide_swap(by, swap):
        raise NotAllowed(_("Only the shift leader or the director can decide this swap."))
    return swap


def _record(swap: SwapRequest, status: str, *, by, verb: str, data=None, **fields) -> None:
    """Store the swap's new status (and `fields`, e.g. decided_at) and audit it as `verb`."""
    swap.status = status
    for name, value in fields.items():
        setattr(swap, name, value)
    swap.save(update_fields=["status", *fields])
    audit(actor=by, verb=verb, target=swap, data=data)


def _tell(swap: SwapRequest, *, recipients, title: str, by) -> None:
    """A notice about the swap (`title` a gettext_noop msgid): its summary and a link."""
    notify(
        recipients=recipients,
        title=Message(title),
        body=str(swap),
        url=swap.get_absolute_url(),
        kind="duty.swap",
        actor=by,
    )


@transaction.atomic
def swap_request(
    *, assignment: Assignment, colleague, reason: str, counter_assignment=None, by
) -> SwapRequest:
    """An officer asks a colleague to take (or exchange) a shift that has not started."""
    if assignment.person_id != by.pk:
        raise NotAllowed(_("You can only offer your own shifts."))
    if assignment.starts_at <= now():
        raise DomainError(_("This shift has already started."))
    if colleague.pk == by.pk:
        raise DomainError(_("Choose a colleague other than yourself."))
    if not colleague.has_role("shift_leader", "duty_officer"):
        raise DomainError(_("%(person)s is not on the duty staff.") % {"person": colleague})
    if assignment.role == Assignment.Role.LEADER and not colleague.has_role("shift_leader"):
        raise DomainError(_("Only another shift leader can take a leader's shift."))
    if counter_assignment is not None and counter_assignment.person_id != colleague.pk:
        raise DomainError(_("The shift in return must be the colleague's own."))
    warnings = _check_swap_fits(
        assignment=assignment, colleague=colleague, counter=counter_assignment
    )
    swap = SwapRequest.objects.create(
        assignment=assignment,
        requested_by=by,
        colleague=colleague,
        counter_assignment=counter_assignment,
        reason=reason,
    )
    audit(actor=by, verb="duty.swap_requested", target=swap)
    notify(
        recipients=[colleague],
        title=Message(gettext_noop("%(person)s asks you to swap a shift"), person=by),
        body=str(assignment.shift),
        url=swap.get_absolute_url(),
        kind="duty.swap",
        actor=by,
    )
    swap.rest_warnings = warnings
    return swap


def _check_swap_fits(*, assignment, colleague, counter) -> list[str]:
    """After the swap, neither person may be on two overlapping shifts; returns what it
    would break of the rest rules (a warning, not a refusal)."""
    moving = [assignment.pk] + ([counter.pk] if counter else [])
    require_free(person=colleague, shift=assignment.shift, exclude_pks=moving)
    shift = assignment.shift
    warnings = rest_warnings(
        person=colleague, starts_at=shift.starts_at, ends_at=shift.ends_at, exclude_pks=moving
    )
    if counter is not None:
        warnings += rest_warnings(
            person=assignment.person,
            starts_at=counter.shift.starts_at,
            ends_at=counter.shift.ends_at,
            exclude_pks=moving,
        )
        require_free(person=assignment.person, shift=counter.shift, exclude_pks=moving)
        if counter.role != assignment.role:
            raise DomainError(_("An exchange must be between shifts of the same role."))
        overlaps = counter.starts_at < assignment.ends_at and counter.ends_at > assignment.starts_at
        if overlaps:
            raise DomainError(_("The two shifts overlap; an exchange would change nothing."))
    return warnings


@transaction.atomic
def swap_accept(*, swap: SwapRequest, by) -> SwapRequest:
    """The colleague agrees; the shift leader is asked to approve."""
    swap = _open_swap(
        swap.pk,
        SwapRequest.Status.ACCEPTED,
        by=by,
        party="colleague",
        refused=_("Only the colleague asked can accept."),
    )
    _record(swap, SwapRequest.Status.ACCEPTED, by=by, verb="duty.swap_accepted", accepted_at=now())
    leader_id = shift_leader_id(swap.assignment.shift)
    deciders = [
        a.person
        for a in swap.assignment.shift.assignments.select_related("person")
        if a.person_id == leader_id
    ]
    _tell(
        swap,
        recipients=deciders or [swap.requested_by],
        title=gettext_noop("A shift swap awaits your approval"),
        by=by,
    )
    return swap


@transaction.atomic
def swap_decline(*, swap: SwapRequest, by) -> SwapRequest:
    swap = _open_swap(
        swap.pk,
        SwapRequest.Status.DECLINED,
        by=by,
        party="colleague",
        refused=_("Only the colleague asked can decline."),
    )
    _record(swap, SwapRequest.Status.DECLINED, by=by, verb="duty.swap_declined", decided_at=now())
    _tell(swap, recipients=[swap.requested_by], title=gettext_noop("Your swap was declined"), by=by)
    return swap


@transaction.atomic
def swap_cancel(*, swap: SwapRequest, by) -> SwapRequest:
    swap = _open_swap(
        swap.pk,
        SwapRequest.Status.CANCELLED,
        by=by,
        party="requested_by",
        refused=_("Only the requester can withdraw a swap."),
    )
    _record(swap, SwapRequest.Status.CANCELLED, by=by, verb="duty.swap_cancelled", decided_at=now())
    return swap


@transaction.atomic
def swap_reject(*, swap: SwapRequest, by) -> SwapRequest:
    swap = _accepted_swap(swap.pk, SwapRequest.Status.REJECTED, by=by)
    _record(
        swap,
        SwapRequest.Status.REJECTED,
        by=by,
        verb="duty.swap_rejected",
        decided_by=by,
        decided_at=now(),
    )
    _tell(
        swap,
        recipients=[swap.requested_by, swap.colleague],
        title=gettext_noop("A shift swap was rejected"),
        by=by,
    )
    return swap


@transaction.atomic
def swap_approve(*, swap: SwapRequest, by) -> SwapRequest:
    """The leader approves: the roster changes at once, both people's calendars follow."""
    swap = _accepted_swap(swap.pk, SwapRequest.Status.APPROVED, by=by)
    assignment = Assignment.objects.select_for_update().get(pk=swap.assignment_id)
    counter = None
    if swap.counter_assignment_id:
        counter = Assignment.objects.select_for_update().get(pk=swap.counter_assignment_id)
    if assignment.person_id != swap.requested_by_id or (
        counter is not None and counter.person_id != swap.colleague_id
    ):
        raise DomainError(_("The roster has changed since the request; ask again."))
    if assignment.starts_at <= now():
        raise DomainError(_("This shift has already started."))
    warnings = _check_swap_fits(assignment=assignment, colleague=swap.colleague, counter=counter)
    # Exchange: move the requester onto the counter shift after the colleague leaves it.
    assignment.person = swap.colleague
    assignment.save(update_fields=["person", "updated_at"])
    if counter is not None:
        counter.person = swap.requested_by
        counter.save(update_fields=["person", "updated_at"])
    _record(
        swap,
        SwapRequest.Status.APPROVED,
        by=by,
        verb="duty.swap_approved",
        data={"assignment": assignment.pk, "counter": counter.pk if counter else None},
        decided_by=by,
        decided_at=now(),
    )
    for moved in filter(None, [assignment, counter]):
        schedule_assignment_reminders(moved)
        schedule_late_handover(moved.shift)
    _tell(
        swap,
        recipients=[swap.requested_by, swap.colleague],
        title=gettext_noop("Shift swap approved: the roster has changed"),
        by=by,
    )
    swap.rest_warnings = warnings
    return swap
