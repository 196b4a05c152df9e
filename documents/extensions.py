"""What the documents app declares at the shared core's extension points; apps.py's
ready() calls register(). Each app has this module (docs/ARCHITECTURE.md)."""

from django.utils.translation import gettext_lazy as _

from office import exports, home, navigation, todo
from office.services.audit import register_verbs
from office.services.reminders import register_reminder_kind


def _search() -> None:
    """The portal search (office.search): each kind as its own list searches it."""
    from office import search

    from . import search as found

    search.register(
        "documents.incoming",
        _("Incoming documents"),
        found.incoming,
        10,
        list_url="documents:incoming_list",
    )
    search.register(
        "documents.outgoing",
        _("Outgoing documents"),
        found.outgoing,
        11,
        list_url="documents:outgoing_list",
    )
    search.register(
        "documents.notices", _("Notices"), found.notices, 12, list_url="documents:notice_list"
    )


def register() -> None:
    _search()
    from . import exports as builders
    from . import selectors
    from .services.circulation import CHASE_KIND, circulation_still_due
    from .views.notices import home_panel

    _supervision_sources(selectors)

    navigation.register(
        navigation.NavEntry(
            key="documents", label=_("Documents"), url_name="documents:index", order=10
        )
    )
    for source in (
        todo.TodoSource(
            key="documents.awaiting_proposal",
            bucket=todo.TODO,
            label=_("Awaiting my proposal"),
            queryset=selectors.awaiting_proposal,
            date_field="received_at",
            due_field="deadline",
        ),
        todo.TodoSource(
            key="documents.awaiting_instruction",
            bucket=todo.TODO,
            label=_("Awaiting my instruction"),
            queryset=selectors.awaiting_instruction,
            date_field="received_at",
            due_field="deadline",
        ),
        todo.TodoSource(
            key="documents.my_handling",
            bucket=todo.TODO,
            label=_("My handling tasks"),
            queryset=selectors.my_handling,
            date_field="instructed_at",
            due_field="handling_due",
        ),
        todo.TodoSource(
            key="documents.awaiting_review",
            bucket=todo.TODO,
            label=_("Awaiting my review"),
            queryset=selectors.awaiting_review,
            date_field="updated_at",
        ),
        todo.TodoSource(
            key="documents.awaiting_countersign",
            bucket=todo.TODO,
            label=_("Awaiting my countersignature"),
            queryset=selectors.countersigns_awaiting,
            date_field="created_at",
        ),
        todo.TodoSource(
            key="documents.awaiting_signoff",
            bucket=todo.TODO,
            label=_("Awaiting my sign-off"),
            queryset=selectors.awaiting_signoff,
            date_field="updated_at",
        ),
        todo.TodoSource(
            key="documents.circulations",
            bucket=todo.TO_READ,
            label=_("Circulated to me"),
            queryset=selectors.circulations_to_read,
            date_field="sent_at",
        ),
        todo.TodoSource(
            key="documents.distributions",
            bucket=todo.TO_READ,
            label=_("Issued to me"),
            queryset=selectors.distributions_to_read,
            date_field="delivered_at",
        ),
        todo.TodoSource(
            key="documents.notices",
            bucket=todo.TO_READ,
            label=_("Notices"),
            queryset=selectors.notices_to_read,
            date_field="published_at",
        ),
    ):
        todo.register(source)
    home.register_panel("documents.notices", home_panel, order=10)
    register_reminder_kind(CHASE_KIND, circulation_still_due)
    exports.register_builder("documents.catalogue_pdf", builders.catalogue_pdf)
    register_verbs(VERBS)


VERBS = {
    "documents.incoming_registered": _("Incoming document registered"),
    "documents.incoming_proposed": _("Handling proposed"),
    "documents.incoming_instructed": _("Instruction given"),
    "documents.incoming_result_reported": _("Handling result reported"),
    "documents.incoming_completed": _("Completed"),
    "documents.incoming_returned": _("Returned"),
    "documents.attachment_added": _("Attachment added"),
    "documents.access_granted": _("Access granted"),
    "documents.access_revoked": _("Access revoked"),
    "documents.circulated": _("Circulated"),
    "documents.circulation_read": _("Read"),
    "documents.circulation_chased": _("Readers chased"),
    "documents.outgoing_drafted": _("Draft started"),
    "documents.outgoing_edited": _("Draft edited"),
    "documents.outgoing_submitted": _("Sent for review"),
    "documents.outgoing_reviewed": _("Review passed"),
    "documents.outgoing_returned": _("Returned to draft"),
    "documents.countersigned": _("Countersigned"),
    "documents.countersigner_named": _("Countersigner named"),
    "documents.outgoing_signed": _("Signed off"),
    "documents.outgoing_issued": _("Issued"),
    "documents.archived": _("Archived"),
    "documents.notice_drafted": _("Notice drafted"),
    "documents.notice_edited": _("Notice edited"),
    "documents.notice_published": _("Notice published"),
    "documents.notice_withdrawn": _("Notice withdrawn"),
    "documents.notice_redrafted": _("Notice back to draft"),
    "documents.notice_pinned": _("Notice pinned"),
    "documents.notice_unpinned": _("Notice unpinned"),
}


def _supervision_sources(selectors) -> None:
    """Items from an incoming document: its readers see them (read only); a 秘密/机密
    document's items only its readers, their owner and co-owners."""
    from django.db.models import Q

    from supervision.selectors import register_source

    from .models import IncomingDocument
    from .models.common import RESTRICTED_LEVELS

    register_source(
        IncomingDocument,
        visible=selectors.incoming_for,
        restricted=Q(security_level__in=RESTRICTED_LEVELS),
    )
