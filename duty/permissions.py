"""Who may do what in the duty app; views and templates ask the same predicates."""

from office.roles import has_role

DUTY_ROLES = ("shift_leader", "duty_officer")


def can_view_duty(user) -> bool:
    return has_role(user, *DUTY_ROLES, "director")


def is_duty_person(user) -> bool:
    return has_role(user, *DUTY_ROLES)


def can_manage_roster(user) -> bool:
    return has_role(user, "shift_leader", "director")


def is_on_shift(user, shift) -> bool:
    """The user is assigned to the shift (uses a prefetched `assignments` when present)."""
    return any(a.person_id == user.pk for a in shift.assignments.all())


def shift_leader_id(shift):
    return next((a.person_id for a in shift.assignments.all() if a.role == "leader"), None)


def can_keep_log(user, shift) -> bool:
    """People on the shift keep its log and report incidents from its start until it ends,
    whatever became of the handover; after the end, only until the handover is filed."""
    from django.utils.timezone import now

    moment = now()
    if not is_on_shift(user, shift) or shift.starts_at > moment:
        return False
    return moment < shift.ends_at or not has_handover(shift)


def can_close_follow_up(user, entry) -> bool:
    """An open matter is closed by whoever holds it now: the people of its shift, anyone on
    duty at the post now (it was carried over to them), a shift leader or the director."""
    from django.utils.timezone import now

    from duty.models import Assignment

    if not entry.follow_up_pending:
        return False
    if has_role(user, "shift_leader", "director") or is_on_shift(user, entry.shift):
        return True
    moment = now()
    return Assignment.objects.filter(
        person=user, shift__post_id=entry.shift.post_id, starts_at__lte=moment, ends_at__gt=moment
    ).exists()


def handover_opens_at(shift):
    """The handover window opens DUTY_HANDOVER_WINDOW_MINUTES before the shift ends."""
    from datetime import timedelta

    from duty import conf

    return shift.ends_at - timedelta(minutes=conf.handover_window_minutes())


def can_acknowledge(user, incident, acknowledgements) -> bool:
    return any(a.person_id == user.pk and a.acknowledged_at is None for a in acknowledgements)


def can_resolve_incident(user, incident) -> bool:
    return incident.status == "open" and (
        is_on_shift(user, incident.shift) or has_role(user, "shift_leader", "director")
    )


def can_decide_spend(user, spend) -> bool:
    """The approver of the request's current step (duty.approvals' chain)."""
    from duty.approvals import RULE
    from office.services.approvals import current_step, may_decide

    if spend.status != "pending":
        return False
    return may_decide(user, current_step(spend, rule=RULE, requested_by=spend.requested_by))


def can_file_handover(user, shift, now) -> bool:
    """Someone on the shift, once the handover window has opened, once."""
    return (
        is_duty_person(user)
        and is_on_shift(user, shift)
        and handover_opens_at(shift) <= now
        and not has_handover(shift)
    )


def has_handover(shift) -> bool:
    # The reverse one-to-one raises RelatedObjectDoesNotExist, an AttributeError, when absent.
    return hasattr(shift, "handover")


def can_accept_handover(user, handover) -> bool:
    """Someone on the incoming shift, while the handover is not yet accepted."""
    if handover.status == "accepted" or handover.incoming_shift is None:
        return False
    return handover.filed_by_id != user.pk and is_on_shift(user, handover.incoming_shift)


def can_dispute_handover(user, handover) -> bool:
    return handover.status == "filed" and can_accept_handover(user, handover)


def can_edit_handover(user, handover) -> bool:
    """The filer may correct it until the incoming side has answered."""
    return handover.status == "filed" and handover.filed_by_id == user.pk


def can_request_swap(user, assignment, now) -> bool:
    return assignment.person_id == user.pk and assignment.starts_at > now


def can_answer_swap(user, swap) -> bool:
    return swap.status == "requested" and swap.colleague_id == user.pk


def can_decide_swap(user, swap) -> bool:
    """The shift's leader (or a director) decides; never the requester or colleague."""
    if swap.status != "accepted" or user.pk in (swap.requested_by_id, swap.colleague_id):
        return False
    if has_role(user, "director"):
        return True
    return has_role(user, "shift_leader") and shift_leader_id(swap.assignment.shift) == user.pk


def can_cancel_swap(user, swap) -> bool:
    return swap.requested_by_id == user.pk and swap.status in ("requested", "accepted")
