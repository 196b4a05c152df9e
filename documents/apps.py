from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from office import navigation
        from office.services.audit import register_verbs
        from office.services.reminders import register_reminder_kind

        from . import todo
        from .services.circulation import CHASE_KIND, circulation_still_due

        navigation.register(
            navigation.NavEntry(
                key="documents", label=_("Documents"), url_name="documents:index", order=10
            )
        )
        todo.register_sources()
        register_reminder_kind(CHASE_KIND, circulation_still_due)
        register_verbs(VERBS)

        from office.views.home import HOME_PANELS

        from .views.notices import home_panel

        if home_panel not in HOME_PANELS:
            HOME_PANELS.append(home_panel)


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
