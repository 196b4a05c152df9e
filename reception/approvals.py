"""Reception arrangements' approval rule: above RECEPTION_APPROVAL_THRESHOLD the director."""

from office import approvals
from office.approvals import Step

RULE = "reception.arrangement"


def steps_for(arrangement) -> list[Step]:
    # arrangement_create starts the chain only above the threshold (the record's status
    # says it needs approval), so the rule itself is one step.
    return [Step.of_role("director")]


def _approved(arrangement, **kwargs) -> None:
    from reception.services.arrangements import arrangement_chain_approved

    arrangement_chain_approved(arrangement, **kwargs)


def _returned(arrangement, **kwargs) -> None:
    from reception.services.arrangements import arrangement_chain_returned

    arrangement_chain_returned(arrangement, **kwargs)


approvals.register_rule(
    approvals.Rule(
        key=RULE,
        steps_for=steps_for,
        on_approved=_approved,
        on_returned=_returned,
        notify_kind="reception.arrangement_approval",
        requester_may_decide=True,  # a director who plans an arrangement may approve it
    )
)
