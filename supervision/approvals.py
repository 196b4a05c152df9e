"""Extension requests' approval rule: one step, the item's assigner, the director standing in.

The assigner is notified and reminded; any director may decide instead and sees the request
in the to-do inbox (a stand-in is not notified: office.services.approvals.approvers_of).
"""

from django.utils.translation import gettext_lazy as _

from office import approvals
from office.approvals import Step

RULE = "supervision.extension"


def steps_for(extension) -> list[Step]:
    return [Step(_("Assigner"), person=extension.task.assigned_by, role="director")]


def _approved(extension, **kwargs) -> None:
    from supervision.services.extensions import extension_chain_approved

    extension_chain_approved(extension, **kwargs)


def _returned(extension, **kwargs) -> None:
    from supervision.services.extensions import extension_chain_returned

    extension_chain_returned(extension, **kwargs)


approvals.register_rule(
    approvals.Rule(
        key=RULE,
        steps_for=steps_for,
        on_approved=_approved,
        on_returned=_returned,
        notify_kind="supervision.extension_requested",
        # As before the chain: an assigner (or director) who owns the item may decide it.
        requester_may_decide=True,
        todo_key="supervision.extensions",
        todo_label=_("Extension requests to decide"),
    )
)


def register() -> None:
    """Called from ready() so the rule's to-do source exists: importing did the work."""
