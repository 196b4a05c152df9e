"""Extension requests' approval rule: the director decides (信访工作条例: one extension)."""

from django.utils.translation import gettext_lazy as _

from office import approvals
from office.approvals import Step

RULE = "petitions.extension"


def steps_for(extension) -> list[Step]:
    return [Step.of_role("director")]


def _approved(extension, **kwargs) -> None:
    from petitions.services.handling import extension_chain_approved

    extension_chain_approved(extension, **kwargs)


def _returned(extension, **kwargs) -> None:
    from petitions.services.handling import extension_chain_returned

    extension_chain_returned(extension, **kwargs)


approvals.register_rule(
    approvals.Rule(
        key=RULE,
        steps_for=steps_for,
        on_approved=_approved,
        on_returned=_returned,
        title=str,
        notify_kind="petitions.extension_requested",
        todo_key="petitions.extensions",
        todo_label=_("Petition extensions to decide"),
    )
)
