"""Every write of the documents app. One function per transition, locked and audited."""

from .access import access_grant, access_revoke, grant_access, record_opening
from .archive import document_archive
from .circulation import circulation_chase, circulation_mark_read, circulation_send
from .countersign import countersign_delegate, countersign_sign
from .incoming import (
    UnreadReaders,
    incoming_attachment_add,
    incoming_complete,
    incoming_instruct,
    incoming_propose,
    incoming_register,
    incoming_report_result,
    incoming_return,
)
from .notices import (
    notice_create,
    notice_mark_read,
    notice_pin,
    notice_publish,
    notice_redraft,
    notice_update,
    notice_withdraw,
)
from .numbering import next_serial
from .outgoing import (
    distribution_mark_read,
    outgoing_create,
    outgoing_issue,
    outgoing_return,
    outgoing_review,
    outgoing_sign,
    outgoing_submit,
    outgoing_update,
)

__all__ = [
    "UnreadReaders",
    "access_grant",
    "access_revoke",
    "circulation_chase",
    "circulation_mark_read",
    "circulation_send",
    "countersign_delegate",
    "countersign_sign",
    "distribution_mark_read",
    "document_archive",
    "grant_access",
    "incoming_attachment_add",
    "incoming_complete",
    "incoming_instruct",
    "incoming_propose",
    "incoming_register",
    "incoming_report_result",
    "incoming_return",
    "next_serial",
    "notice_create",
    "notice_mark_read",
    "notice_pin",
    "notice_publish",
    "notice_redraft",
    "notice_update",
    "notice_withdraw",
    "outgoing_create",
    "outgoing_issue",
    "outgoing_return",
    "outgoing_review",
    "outgoing_sign",
    "outgoing_submit",
    "outgoing_update",
    "record_opening",
]
