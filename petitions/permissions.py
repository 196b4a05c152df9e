"""Who may do what with petitions. `may_*` ask who (the services use them); `can_*` ask who
and when (views and buttons)."""

from office.roles import has_role

from .models import Petition


def is_staff(user) -> bool:
    """Petition staff: they register, accept, assign and see the petitioner's data."""
    return has_role(user, "petition_officer")


def sees_all(user) -> bool:
    return has_role(user, "petition_officer", "director")


def is_director(user) -> bool:
    return has_role(user, "director")


def handles(user, petition: Petition) -> bool:
    """The handling department's head or the person assigned."""
    if not (user and user.is_authenticated) or petition.department_id is None:
        return False
    if petition.assignee_id == user.pk:
        return True
    return petition.department.head_id == user.pk


def sees_personal_data(user) -> bool:
    return is_staff(user)


def may_register(user) -> bool:
    return is_staff(user)


def may_decide(user, petition: Petition) -> bool:
    """Accept or refuse, assign, record the notice, the satisfaction and the review."""
    return is_staff(user)


def may_reply(user, petition: Petition) -> bool:
    return handles(user, petition)


def may_request_extension(user, petition: Petition) -> bool:
    return handles(user, petition) or is_staff(user)


def can_accept(user, petition: Petition) -> bool:
    return may_decide(user, petition) and petition.status == Petition.Status.REGISTERED


def can_record_notice(user, petition: Petition) -> bool:
    return (
        may_decide(user, petition)
        and petition.decided_at is not None
        and petition.notice_sent_at is None
    )


def can_assign(user, petition: Petition) -> bool:
    return may_decide(user, petition) and petition.status == Petition.Status.ACCEPTED


def can_reply(user, petition: Petition) -> bool:
    return may_reply(user, petition) and petition.status == Petition.Status.ASSIGNED


def can_request_extension(user, petition: Petition) -> bool:
    return (
        may_request_extension(user, petition)
        and petition.status == Petition.Status.ASSIGNED
        and not petition.extended_days
    )


def can_record_satisfaction(user, petition: Petition) -> bool:
    return may_decide(user, petition) and petition.status == Petition.Status.REPLIED


def can_request_review(user, petition: Petition) -> bool:
    return may_decide(user, petition) and petition.status in (
        Petition.Status.REPLIED,
        Petition.Status.CLOSED,
    )


def can_record_review(user, petition: Petition) -> bool:
    return (is_staff(user) or is_director(user)) and petition.status == Petition.Status.REVIEWING
