"""What the seals app declares at the shared core's extension points; apps.py's
ready() calls register(). Each app has this module (docs/ARCHITECTURE.md)."""

from django.utils.translation import gettext_lazy as _

from office import home, navigation, related, todo
from office.services.audit import register_verbs
from office.services.reminders import register_reminder_kind


def register() -> None:
    from . import approvals, selectors
    from .home import home_panel
    from .related import outgoing_panel
    from .services import loans

    navigation.register(
        navigation.NavEntry(
            key="seals",
            label=_("Seals"),
            url_name="seals:index",
            order=55,
            visible=lambda user: user.is_authenticated,
        )
    )
    approvals.register()  # the seal chain and its to-do source (requests to approve)
    for key, label, queryset, date_field in [
        (
            "seals.requests_to_apply",
            _("Approved seal use to apply"),
            selectors.requests_to_apply,
            "decided_at",
        ),
        (
            "seals.loans_to_return",
            _("Seal on loan to return"),
            selectors.loans_to_return,
            "due_back",
        ),
    ]:
        todo.register(
            todo.TodoSource(
                key=key,
                bucket=todo.TODO,
                label=label,
                queryset=queryset,
                date_field=date_field,
                due_field="due_back" if key == "seals.loans_to_return" else None,
            )
        )
    home.register_panel("seals.loans", home_panel, order=55)
    related.register("documents.outgoingdocument", "seals.requests", outgoing_panel, order=50)
    register_reminder_kind(loans.KIND_DUE, loans.loan_still_out)
    register_reminder_kind(loans.KIND_OVERDUE, loans.loan_still_out)
    register_verbs(VERBS)


VERBS = {
    "seals.created": _("Seal added to the register"),
    "seals.updated": _("Seal details changed"),
    "seals.image_set": _("Seal image uploaded"),
    "seals.retired": _("Seal retired"),
    "seals.request_created": _("Seal use requested"),
    "seals.request_approved": _("Seal use approved"),
    "seals.request_returned": _("Seal use returned"),
    "seals.request_cancelled": _("Seal request withdrawn"),
    "seals.used": _("Seal applied and logged"),
    "seals.loan_lent": _("Seal lent out"),
    "seals.loan_returned": _("Seal return confirmed"),
}
