"""Who may do what; views and templates ask the same predicates."""

from office.roles import has_role

from .models import Arrangement, Visit, Visitor

OPEN_ARRANGEMENT = (Arrangement.Status.AWAITING_APPROVAL, Arrangement.Status.PLANNED)


def is_receptionist(user) -> bool:
    return has_role(user, "receptionist")


def sees_all_visits(user) -> bool:
    return has_role(user, "receptionist", "director")


def can_register_for_others(user) -> bool:
    return sees_all_visits(user)


def may_register_for(user, host) -> bool:
    """Staff register their own visitors; reception and directors anyone's."""
    return host is not None and (host.pk == user.pk or can_register_for_others(user))


def can_check_in(user, visitor: Visitor) -> bool:
    visit = visitor.visit
    return (
        is_receptionist(user)
        and visitor.checked_in_at is None
        and (visit.status == Visit.Status.ARRIVED or visit.can_become(Visit.Status.ARRIVED))
    )


def can_check_out(user, visitor: Visitor) -> bool:
    return is_receptionist(user) and visitor.is_inside


def can_cancel_visit(user, visit: Visit) -> bool:
    return may_cancel_visit(user, visit) and visit.can_become(Visit.Status.CANCELLED)


def may_edit_visit(user, visit: Visit) -> bool:
    return visit.host_id == user.pk or sees_all_visits(user)


def may_cancel_visit(user, visit: Visit) -> bool:
    return may_edit_visit(user, visit)


def can_edit_visit(user, visit: Visit) -> bool:
    return may_edit_visit(user, visit) and visit.status == Visit.Status.EXPECTED


def visit_takes_visitors(visit: Visit) -> bool:
    return visit.status in (Visit.Status.EXPECTED, Visit.Status.ARRIVED)


def can_add_visitor(user, visit: Visit) -> bool:
    return may_edit_visit(user, visit) and visit_takes_visitors(visit)


def can_mark_no_show(user, visit: Visit) -> bool:
    return is_receptionist(user) and visit.can_become(Visit.Status.NO_SHOW)


def can_print_badges(user, visit: Visit) -> bool:
    return is_receptionist(user) and visit.status in (Visit.Status.ARRIVED, Visit.Status.LEFT)


def can_add_arrangement(user, visit: Visit) -> bool:
    return sees_all_visits(user) and visit.status in (Visit.Status.EXPECTED, Visit.Status.ARRIVED)


# may_*: the role part (403 when missing); can_*: the role and the record's state (buttons).


def may_decide_arrangements(user, arrangement: Arrangement | None = None) -> bool:
    return has_role(user, "director")


def may_complete_arrangement(user, arrangement: Arrangement) -> bool:
    return arrangement.responsible_id == user.pk or is_receptionist(user)


def may_cancel_arrangements(user, arrangement: Arrangement | None = None) -> bool:
    return sees_all_visits(user)


def can_decide_arrangement(user, arrangement: Arrangement) -> bool:
    """The approver of the arrangement's current step (reception.approvals' chain)."""
    from office.services.approvals import current_step, may_decide

    from .approvals import RULE

    if arrangement.status != Arrangement.Status.AWAITING_APPROVAL:
        return False
    step = current_step(arrangement, rule=RULE, requested_by=arrangement.created_by)
    return may_decide(user, step)


def may_edit_arrangement(user, arrangement: Arrangement | None = None) -> bool:
    return sees_all_visits(user)


def arrangement_editable(arrangement: Arrangement) -> bool:
    """Until it is approved: awaiting approval, or planned without ever needing approval."""
    if arrangement.status == Arrangement.Status.AWAITING_APPROVAL:
        return True
    return arrangement.status == Arrangement.Status.PLANNED and arrangement.decided_at is None


def can_edit_arrangement(user, arrangement: Arrangement) -> bool:
    return may_edit_arrangement(user, arrangement) and arrangement_editable(arrangement)


def can_complete_arrangement(user, arrangement: Arrangement) -> bool:
    return may_complete_arrangement(user, arrangement) and arrangement.can_become(
        Arrangement.Status.DONE
    )


def can_cancel_arrangement(user, arrangement: Arrangement) -> bool:
    return may_cancel_arrangements(user) and arrangement.status in OPEN_ARRANGEMENT


def may_roll_call(user) -> bool:
    """The evacuation roll call: the front desk, the duty room and the director."""
    return has_role(user, "receptionist", "director", "shift_leader", "duty_officer")


def can_view_summary(user) -> bool:
    return sees_all_visits(user)


def can_manage_watch_list(user) -> bool:
    return sees_all_visits(user)
