"""Who may do what. Views raise 403 when these say no; templates hide the buttons.

The role predicates (is_clerk, is_director, is_office) and the `may_*` / `is_*_for` ones ask
only who: the services check them and refuse the wrong actor whatever the state. The `can_*`
ones ask who and when."""

from office.roles import has_role

from .models import IncomingDocument as In
from .models import OutgoingDocument as Out


def is_director(user) -> bool:
    return has_role(user, "director")


def is_clerk(user) -> bool:
    return has_role(user, "clerk")


def is_office(user) -> bool:
    return has_role(user, "clerk", "director")


# Incoming -----------------------------------------------------------------------------


def can_register(user) -> bool:
    return is_clerk(user)


def can_propose(user, doc) -> bool:
    return is_clerk(user) and doc.status == In.Status.REGISTERED


def can_instruct(user, doc) -> bool:
    return is_director(user) and doc.status == In.Status.PROPOSED


def can_circulate(user, doc) -> bool:
    return is_office(user) and doc.status in (In.Status.INSTRUCTED, In.Status.HANDLING)


def can_chase(user, doc) -> bool:
    return is_office(user) and doc.status == In.Status.HANDLING


def is_lead_handler(user, doc) -> bool:
    return user.pk is not None and doc.lead_handler_id == user.pk


def can_report_result(user, doc) -> bool:
    return is_lead_handler(user, doc) and doc.status in (In.Status.INSTRUCTED, In.Status.HANDLING)


def can_complete(user, doc) -> bool:
    return is_clerk(user) and doc.can_become(In.Status.COMPLETED)


def can_return_incoming(user, doc) -> bool:
    return is_office(user) and doc.can_become(In.Status.RETURNED)


def can_add_incoming_attachment(user, doc) -> bool:
    return is_clerk(user) and doc.status in In.OPEN


# Outgoing -----------------------------------------------------------------------------


def can_draft(user) -> bool:
    return bool(user.is_authenticated)


def may_edit_outgoing(user, doc) -> bool:
    """The drafter, or a clerk."""
    return doc.drafted_by_id == user.pk or is_clerk(user)


def can_edit_outgoing(user, doc) -> bool:
    return doc.status == Out.Status.DRAFT and may_edit_outgoing(user, doc)


def can_submit(user, doc) -> bool:
    return can_edit_outgoing(user, doc)


def is_reviewer_for(user, doc) -> bool:
    """The drafting department's head, or the office (clerk, director); never the drafter."""
    if doc.drafted_by_id == user.pk and not is_director(user):
        return False
    head_id = doc.department.head_id if doc.department_id else None
    return is_office(user) or (head_id is not None and head_id == user.pk)


def can_review(user, doc) -> bool:
    return doc.status == Out.Status.REVIEW and is_reviewer_for(user, doc)


def can_sign(user, doc) -> bool:
    return doc.status == Out.Status.SIGNING and is_director(user)


def may_return_outgoing(user, doc) -> bool:
    """At sign-off the director sends it back; before that, a reviewer."""
    return is_director(user) if doc.status == Out.Status.SIGNING else is_reviewer_for(user, doc)


def can_return_outgoing(user, doc) -> bool:
    return can_review(user, doc) or can_sign(user, doc)


def can_issue(user, doc) -> bool:
    return doc.status == Out.Status.SIGNED and is_clerk(user)


# Both ---------------------------------------------------------------------------------


def can_archive(user, doc) -> bool:
    return is_clerk(user) and doc.can_become("archived")


def can_manage_access(user, doc) -> bool:
    return is_director(user) and doc.is_restricted and not doc.is_archived


def can_see_access_log(user) -> bool:
    return is_director(user)


def can_manage_notices(user) -> bool:
    return is_office(user)


def can_see_archive(user) -> bool:
    return is_office(user)
