"""Incoming documents (收文): register, propose, instruct, report, complete, return."""

from datetime import date

from django.db import transaction
from django.utils.timezone import localdate, now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from documents import permissions as can
from documents.conf import format_number, incoming_prefix
from documents.models import IncomingAttachment, IncomingDocument
from office.errors import DomainError, TransitionNotAllowed, require_actor
from office.i18n import Message
from office.services import audit, notify, reminders_cancel

from . import instructions
from .access import grant_access
from .numbering import next_serial

S = IncomingDocument.Status

REGISTER_FIELDS = (
    "source_org",
    "source_number",
    "title",
    "kind",
    "urgency",
    "security_level",
    "copies",
    "received_at",
    "deadline",
    "keywords",
    "summary",
)


def _locked(document_id: int) -> IncomingDocument:
    return IncomingDocument.objects.select_for_update().get(pk=document_id)


@transaction.atomic
def incoming_register(*, by, data: dict, uploads=(), access_list=()) -> IncomingDocument:
    """Register a received document and give it the year's next receipt number."""
    require_actor(can.can_register(by))
    year = localdate().year
    serial = next_serial(series="incoming", year=year)
    document = IncomingDocument(
        year=year,
        serial=serial,
        number=format_number(incoming_prefix(), year, serial),
        registered_by=by,
        **{field: data[field] for field in REGISTER_FIELDS if field in data},
    )
    document.full_clean(exclude=["access_list", "co_handlers"])
    document.save()
    # The registering clerk has held the paper copy: they stay able to see it.
    grant_access(document=document, users=[by, *access_list])
    for upload in uploads:
        IncomingAttachment.from_upload(upload, by=by, document=document).save()
    audit(
        actor=by,
        verb="documents.incoming_registered",
        target=document,
        data={"number": document.number},
    )
    return document


@transaction.atomic
def incoming_propose(
    *, document_id: int, by, proposal: str, leaders=None, together: bool = False
) -> IncomingDocument:
    """The clerk's proposed handling (拟办), submitted (呈批) to one or more leaders — the main
    leader, the leader in charge — in the order given, or to all of them together. None
    named: the directors."""
    document = _locked(document_id)
    require_actor(can.is_clerk(by))
    document.require_transition(S.PROPOSED, _("Only a registered document can be proposed."))
    leaders = instructions.leaders_to_ask(leaders)
    document.status, document.proposal = S.PROPOSED, proposal
    document.proposed_by, document.proposed_at = by, now()
    document.save(update_fields=["status", "proposal", "proposed_by", "proposed_at", "updated_at"])
    instructions.route(document=document, leaders=leaders, together=together, by=by)
    audit(
        actor=by,
        verb="documents.incoming_proposed",
        target=document,
        data={"subject": "、".join(leader.display_name for leader in leaders)},
    )
    return document


@transaction.atomic
def incoming_instruct(
    *,
    document_id: int,
    by,
    instruction: str,
    lead_handler=None,
    co_handlers=(),
    due: date | None = None,
    create_task: bool = False,
) -> IncomingDocument:
    """One leader's instruction (批示), optionally naming handlers, a due date and a
    supervision item. The document is instructed when the last leader asked has written his;
    the latest 批示 with a due date sets the document's 办理期限."""
    document = _locked(document_id)
    row = instructions.row_for(document, by)
    require_actor(row is not None, _("This document was not submitted to you for instruction."))
    document.require_transition(S.INSTRUCTED, _("Only a proposed document can be instructed."))
    if row.status == row.Status.GIVEN:
        raise TransitionNotAllowed(_("You have already given your instruction."))
    if row.status != row.Status.PENDING:
        raise TransitionNotAllowed(_("The leaders before you have not instructed yet."))
    co_handlers = [u for u in co_handlers if lead_handler is None or u.pk != lead_handler.pk]
    if create_task and (lead_handler is None or due is None):
        raise DomainError(_("A supervision item needs a lead handler and a due date."))
    row.status, row.text, row.due, row.given_at = row.Status.GIVEN, instruction, due, now()
    row.save()
    document.instruction, document.instructed_by = instruction, by
    document.instructed_at = row.given_at
    if lead_handler is not None:
        document.lead_handler = lead_handler
        document.co_handlers.remove(lead_handler)
    if due is not None:
        document.handling_due = document.deadline = due
    finished = instructions.advance(document=document, by=by)
    if finished:
        document.status = S.INSTRUCTED
    document.save(
        update_fields=[
            "status",
            "instruction",
            "instructed_by",
            "instructed_at",
            "lead_handler",
            "handling_due",
            "deadline",
            "updated_at",
        ]
    )
    document.co_handlers.add(*co_handlers)
    grant_access(document=document, users=[lead_handler, *co_handlers], by=by)
    audit(
        actor=by,
        verb="documents.incoming_instructed",
        target=document,
        data={"lead": str(lead_handler or ""), "due": due.isoformat() if due else ""},
    )
    if create_task:
        from supervision.services import task_create_from

        task_create_from(
            source=document,
            source_kind="instruction",
            title=document.title,
            description=instruction,
            owner=lead_handler,
            owner_department=lead_handler.department,
            co_owners=tuple(co_handlers),
            deadline=due,
            assigned_by=by,
        )
    if not finished:
        return document
    lead = document.lead_handler
    handlers = [u for u in [lead, *document.co_handlers.all()] if u is not None]
    notify(
        recipients=handlers,
        actor=by,
        kind="documents.handling",
        title=Message(gettext_noop("Assigned to you: %(title)s"), title=document.title),
        body=instruction,
        url=document.get_absolute_url(),
    )
    notify(
        recipients=[document.registered_by],
        actor=by,
        kind="documents.instructed",
        title=Message(gettext_noop("Instructed: %(title)s"), title=document.title),
        body=instruction,
        url=document.get_absolute_url(),
    )
    return document


@transaction.atomic
def incoming_report_result(*, document_id: int, by, result: str) -> IncomingDocument:
    """The lead handler reports what was done; the clerk can then complete it."""
    document = _locked(document_id)
    require_actor(can.is_lead_handler(by, document))
    if document.status not in (S.INSTRUCTED, S.HANDLING):
        raise DomainError(_("Only the lead handler of a document in hand can report a result."))
    document.result, document.result_at = result, now()
    document.save(update_fields=["result", "result_at", "updated_at"])
    audit(actor=by, verb="documents.incoming_result_reported", target=document)
    notify(
        recipients=[document.registered_by],
        actor=by,
        kind="documents.result",
        title=Message(gettext_noop("Result reported: %(title)s"), title=document.title),
        body=result,
        url=document.get_absolute_url(),
    )
    return document


@transaction.atomic
def incoming_complete(*, document_id: int, by, confirm_unread: bool = False) -> IncomingDocument:
    """Close the document (办结). With readers still unread the caller must confirm."""
    document = _locked(document_id)
    require_actor(can.is_clerk(by))
    document.require_transition(S.COMPLETED, _("This document cannot be completed now."))
    unread = document.circulations.filter(read_at__isnull=True).count()
    if unread and not confirm_unread:
        raise UnreadReaders(unread)
    document.status, document.completed_by, document.completed_at = S.COMPLETED, by, now()
    document.save(update_fields=["status", "completed_by", "completed_at", "updated_at"])
    for slip in document.circulations.filter(read_at__isnull=True):
        reminders_cancel(target=slip)
    audit(actor=by, verb="documents.incoming_completed", target=document, data={"unread": unread})
    return document


class UnreadReaders(DomainError):
    def __init__(self, count: int):
        super().__init__(
            _("%(count)s reader(s) have not read it yet. Confirm to complete anyway.")
            % {"count": count}
        )
        self.count = count


@transaction.atomic
def incoming_return(*, document_id: int, by, reason: str) -> IncomingDocument:
    """Return the document (退回) to its sender; the reason is kept."""
    document = _locked(document_id)
    require_actor(can.is_office(by))
    document.require_transition(S.RETURNED, _("Only an open document can be returned."))
    if not reason.strip():
        raise DomainError(_("Give a reason for returning it."))
    document.status, document.return_reason = S.RETURNED, reason
    document.save(update_fields=["status", "return_reason", "updated_at"])
    instructions.withdraw(document)
    for slip in document.circulations.filter(read_at__isnull=True):
        reminders_cancel(target=slip)
    audit(actor=by, verb="documents.incoming_returned", target=document, data={"reason": reason})
    return document


@transaction.atomic
def incoming_attachment_add(*, document_id: int, by, upload) -> IncomingAttachment:
    document = _locked(document_id)
    require_actor(can.is_clerk(by))
    if document.status not in IncomingDocument.OPEN:
        raise DomainError(_("Attachments can only be added while the document is open."))
    attachment = IncomingAttachment.from_upload(upload, by=by, document=document)
    attachment.save()
    audit(
        actor=by,
        verb="documents.attachment_added",
        target=document,
        data={"file": attachment.original_name},
    )
    return attachment
