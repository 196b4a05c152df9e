"""Duty spending's approval rule: the amount chooses the steps (limits from duty.conf).

≤ officer limit: no chain (recorded). ≤ leader limit: the current shift's leader (or the
director when nobody else leads the shift). Above: a purchase, the seeds' rule: the head of
the requester's department, finance, then the head of the organisation (the director).
"""

from django.utils.translation import gettext_lazy as _

from office import approvals
from office.approvals import Step

RULE = "duty.spending"


def steps_for(spend) -> list[Step]:
    from duty import conf

    if spend.amount <= conf.leader_limit():
        if spend.approver:
            return [Step(_("Shift leader"), person=spend.approver, role="director")]
        return [Step.of_role("director")]
    return [
        Step.department_head(spend.requested_by),
        Step.of_role("finance"),
        Step.of_role("director", label=_("Head of the organisation")),
    ]


def _approved(spend, **kwargs) -> None:
    from duty.services.spending import spend_chain_approved

    spend_chain_approved(spend, **kwargs)


def _returned(spend, **kwargs) -> None:
    from duty.services.spending import spend_chain_returned

    spend_chain_returned(spend, **kwargs)


def _title(spend) -> str:
    from duty.services.spending import spend_title

    return spend_title(spend)


approvals.register_rule(
    approvals.Rule(
        key=RULE,
        steps_for=steps_for,
        on_approved=_approved,
        on_returned=_returned,
        title=_title,
        notify_kind="duty.spend",
        todo_key="duty.spending_to_decide",
        todo_label=_("Duty spending to approve"),
    )
)


def register() -> None:
    """Called from ready() so the rule's to-do source exists: importing did the work."""
