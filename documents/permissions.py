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


def instruction_rows(doc) -> list:
    """The leaders the document was submitted to (呈批), loaded once per document object."""
    if not hasattr(doc, "_instruction_rows"):
        doc._instruction_rows = list(doc.instructions.select_related("leader"))
    return doc._instruction_rows


def may_instruct(user, doc) -> bool:
    """A leader it was submitted to; a director, for a document proposed before 呈批 rows."""
    rows = instruction_rows(doc)
    return any(row.leader_id == user.pk for row in rows) or (not rows and is_director(user))


def can_instruct(user, doc) -> bool:
    """The leader whose turn it is (in sequence) or any leader asked together, once."""
    if doc.status != In.Status.PROPOSED:
        return False
    rows = instruction_rows(doc)
    if not rows:
        return is_director(user)
    return any(row.leader_id == user.pk and row.status == "pending" for row in rows)


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


def may_countersign(user, row) -> bool:
    """会签: the department's head, or the person named to sign for it."""
    return user.pk is not None and user.pk in (row.department.head_id, row.delegate_id)


def can_countersign(user, doc, row) -> bool:
    """Once the draft is submitted (核稿 or 待签发) and until it is signed off."""
    countersigning = doc.status in (Out.Status.REVIEW, Out.Status.SIGNING)
    return countersigning and not row.is_signed and may_countersign(user, row)


def may_name_countersigner(user, row) -> bool:
    """The head names who signs for the department; the office, for one without a head."""
    head_id = row.department.head_id
    return user.pk == head_id if head_id else is_office(user)


def can_name_countersigner(user, doc, row) -> bool:
    return (
        doc.status in (Out.Status.DRAFT, Out.Status.REVIEW, Out.Status.SIGNING)
        and not row.is_signed
        and may_name_countersigner(user, row)
    )


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


# A step already taken ------------------------------------------------------------------
# Opening a step again (a second tab, the back button) after it was done says so instead of
# the bare 403: the person may take it, the document has only moved on.

DONE_INCOMING = (In.Status.COMPLETED, In.Status.ARCHIVED)
SIGNED = (Out.Status.SIGNED, Out.Status.ISSUED, Out.Status.ARCHIVED)


def step_done(step: str, user, doc, row=None) -> bool:
    if step == "propose":
        return is_clerk(user) and doc.proposed_at is not None and doc.status != In.Status.REGISTERED
    if step == "instruct":
        return any(
            r.leader_id == user.pk and r.status == "given" for r in instruction_rows(doc)
        ) or (is_director(user) and doc.instructed_at is not None and doc.status != "proposed")
    if step == "return":
        return is_office(user) and doc.status == In.Status.RETURNED
    if step == "complete":
        return is_clerk(user) and doc.status in DONE_INCOMING
    if step == "archive":
        return is_clerk(user) and doc.status == "archived"
    if step == "submit":
        return may_edit_outgoing(user, doc) and doc.status != Out.Status.DRAFT
    if step == "review":
        return (
            is_reviewer_for(user, doc)
            and doc.reviewed_at is not None
            and (doc.status not in (Out.Status.DRAFT, Out.Status.REVIEW))
        )
    if step == "sign":
        return is_director(user) and doc.status in SIGNED
    if step == "issue":
        return is_clerk(user) and doc.status in (Out.Status.ISSUED, Out.Status.ARCHIVED)
    if step == "countersign":
        return row is not None and row.is_signed and may_countersign(user, row)
    return False
